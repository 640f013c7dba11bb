"""Tests for briefgen.dates: short strings, publication evidence, event dates and the sample articles."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.dates import find_event_date, find_published, parse_date_text, url_date
from briefgen.model import Article

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
D = dt.date


def make_article(text: str, *, title: str = "", meta_date: str | None = None, id: str = "t") -> Article:
    """An article whose paragraphs are its non-empty lines, as a reader without markup would give."""
    spans, position = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
        position += len(line)
    return Article(
        id=id, path=f"{id}.txt", title=title, text=text, paragraphs=tuple(spans), meta_date=meta_date
    )


def sample(stem_prefix: str) -> Article:
    path = next(CORPUS.glob(f"{stem_prefix}_*.txt"))
    return make_article(path.read_text(encoding="utf-8"), id=path.stem)


# ---------------------------------------------------------------------------------------------------
# parse_date_text


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("November 5, 2022", {}, D(2022, 11, 5)),
        ("5 November 2022", {}, D(2022, 11, 5)),
        ("the 5th of November, 2022", {}, D(2022, 11, 5)),
        ("Nov. 5, 2022", {}, D(2022, 11, 5)),
        ("Sept. 5, 2022", {}, D(2022, 9, 5)),
        ("OCT. 17, 2023", {}, D(2023, 10, 17)),
        ("March 5, 2024", {}, D(2024, 3, 5)),
        # Time zones: the local date as written, whichever side of UTC.
        ("2024-03-05T23:30:00+09:00", {}, D(2024, 3, 5)),
        ("2024-03-05T00:30:00-11:00", {}, D(2024, 3, 5)),
        ("2024-03-05T23:30:00Z", {}, D(2024, 3, 5)),
        ("Tue, 05 Mar 2024 23:30:00 +0900", {}, D(2024, 3, 5)),  # RFC 2822
        # Dotted numeric dates are day first; slashes follow day_first unless impossible.
        ("03.07.2024", {}, D(2024, 7, 3)),
        ("03.07.2024 14:03", {}, D(2024, 7, 3)),
        ("2023/05/17", {}, D(2023, 5, 17)),
        ("05/17/2023", {}, D(2023, 5, 17)),
        ("17/05/2023", {}, D(2023, 5, 17)),
        ("03/07/2024", {}, D(2024, 3, 7)),
        ("03/07/2024", {"day_first": True}, D(2024, 7, 3)),
        ("14/03/2025", {}, D(2025, 3, 14)),  # month first is impossible: day first
        ("03/14/2025", {"day_first": True}, D(2025, 3, 14)),  # and the other way round
        # Formats our patterns leave to dateparser.
        ("Nov 5 '22", {}, D(2022, 11, 5)),
        # Relative to a base date.
        ("November 5", {"relative_base": D(2022, 11, 20)}, D(2022, 11, 5)),
        ("December 30", {"relative_base": D(2024, 1, 2)}, D(2023, 12, 30)),
        ("yesterday", {"relative_base": D(2023, 5, 19)}, D(2023, 5, 18)),
        ("the day before yesterday", {"relative_base": D(2023, 5, 19)}, D(2023, 5, 17)),
        ("Tuesday", {"relative_base": D(2023, 10, 17)}, D(2023, 10, 17)),  # a Tuesday itself
        ("Tuesday", {"relative_base": D(2023, 10, 19)}, D(2023, 10, 17)),
        ("last Tuesday", {"relative_base": D(2023, 10, 17)}, D(2023, 10, 10)),
        ("3 days ago", {"relative_base": D(2023, 5, 19)}, D(2023, 5, 16)),
    ],
)
def test_parse_date_text(text: str, kwargs: dict, expected: dt.date) -> None:
    assert parse_date_text(text, **kwargs) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$41 billion",
        "45 joint investment projects totaling $14.5 billion",
        "30th anniversary",
        "golden 30th anniversary",
        "We",
        "we may meet again",
        "may",
        "three decades",
        "the next three golden decades",
        "March",
        "May 2023",  # no day
        "2023-02-30",
        "February 30, 2023",
        "31 April 2024",
        "May 5, 1850",  # absurd years
        "May 5, 2999",
        "November 5",  # no year and nothing to take one from
        "Tuesday",
        "",
    ],
)
def test_parse_date_text_rejects(text: str) -> None:
    assert parse_date_text(text) is None


@pytest.mark.parametrize("text", ["3 decades ago", "30 years ago", "in 3 decades", "2 weeks ago"])
def test_durations_are_not_dates(text: str) -> None:
    assert parse_date_text(text, relative_base=D(2023, 5, 19)) is None


def test_relative_words_need_a_base() -> None:
    assert parse_date_text("3 days ago") is None
    assert parse_date_text("yesterday") is None


def test_a_corpus_dated_years_ahead_of_this_machine_is_still_dated() -> None:
    # A wrong clock or an exercise set in the future must not leave the brief without a chronology.
    later = dt.date.today().year + 2
    assert parse_date_text(f"May 5, {later}") == D(later, 5, 5)
    assert parse_date_text("May 5, 2100") == D(2100, 5, 5)
    assert parse_date_text("May 5, 2101") is None


def test_articles_dated_two_years_from_now_make_meetings(tmp_path) -> None:
    from briefgen.pipeline import build_brief

    year = dt.date.today().year + 2
    (tmp_path / "a.txt").write_text(
        f"Costa meets Weber\nLISBON, March 5, {year} -- Prime Minister Ana Costa held talks with Chancellor "
        "Olaf Weber in Lisbon.",
        encoding="utf-8",
    )
    (meeting,) = build_brief(tmp_path).meetings
    assert meeting.date == D(year, 3, 5)


# ---------------------------------------------------------------------------------------------------
# find_published


@pytest.mark.parametrize(
    ("text", "meta_date", "expected", "evidence"),
    [
        ("The ministers met.", "2024-03-05T23:30:00+09:00", D(2024, 3, 5), "metadata"),
        ("The ministers met.", "Tue, 05 Mar 2024 23:30:00 +0900", D(2024, 3, 5), "metadata"),
        ("The ministers met.", "March 5, 2024", D(2024, 3, 5), "metadata"),
        ("date 2023-05-19\nThe ministers met.", "not a date", D(2023, 5, 19), "header"),
        (
            " date 2023-05-19 BAKU, Azerbaijan, May 19. The president opened a consulate.",
            None,
            D(2023, 5, 19),
            "header",
        ),
        ("Published: 17 October 2023\n\nThe ministers met.", None, D(2023, 10, 17), "header"),
        (
            "Home > News\nMinisters meet\n2023-05-17 23:40\n\nOn the afternoon of May 16, 2023, they met.",
            None,
            D(2023, 5, 17),
            "timestamp",
        ),
        (
            "Photo: Agency 03.07.2024 14:03 279\n\nThe presidents held talks on trade.",
            None,
            D(2024, 7, 3),
            "timestamp",
        ),
        (
            "News | 2023/05/17 | World\n\nThe presidents held talks on trade.",
            None,
            D(2023, 5, 17),
            "timestamp",
        ),
        (
            "Ministers meet\n\nOctober 17, 2023\n\nBEIJING, Oct. 17 (Xinhua) -- The ministers met.",
            None,
            D(2023, 10, 17),
            "date line",
        ),
        ("Tuesday, 17 October 2023 10:30 GMT\n\nThe ministers met.", None, D(2023, 10, 17), "date line"),
        # A dateline without a year takes its year from other evidence: here the only full date.
        (
            "SEOUL, Dec. 30 (Yonhap) -- The ministers met.\nIt follows talks on December 2, 2023 in Tokyo.",
            None,
            D(2023, 12, 30),
            "dateline",
        ),
        (
            "SEOUL, Dec. 30 (Yonhap) -- The ministers met.\nIt follows talks on January 3, 2024.",
            None,
            D(2023, 12, 30),
            "dateline",
        ),
        (
            "KYIV, Ukraine, March 5, 2024 (AP) — The ministers met in the capital.",
            None,
            D(2024, 3, 5),
            "dateline",
        ),
        ("SEOUL, Dec. 30 (Yonhap) -- The ministers met in the capital.", None, None, "none"),
        # A numeric date in the header, in either order, gives the year of the same day's dateline.
        (
            "12/05/2025 · Politics · 3 min read\n\nABUJA, May 12 (Wire) - The presidents met in the capital.",
            None,
            D(2025, 5, 12),
            "dateline",
        ),
        # Datelines in Title case, as some outlets write them; a weekday before a date is no place.
        ("Warsaw, 4 May 2023 - The ministers met in the capital.", None, D(2023, 5, 4), "dateline"),
        ("The Hague, 5 March 2024 — The ministers met.", None, D(2024, 3, 5), "dateline"),
        (
            "Monday, 4 May 2023 - The ministers met in the capital.",
            None,
            D(2023, 5, 4),
            "first dated sentence",
        ),
        ("WASHINGTON (AP) — The president met his counterpart on Tuesday.", None, None, "none"),
        (
            "The ministers met in the capital.\nThe treaty was signed on November 5, 2022.",
            None,
            D(2022, 11, 5),
            "first dated sentence",
        ),
        (
            "Trade exceeded $41 billion as they marked the 30th anniversary of ties.\n"
            "We may meet again, and the next three decades will be golden, he said in March.",
            None,
            None,
            "none",
        ),
        ("2023-02-30 10:00\n\nThe ministers met.", None, None, "none"),
        (  # a page's date line: date, time and wire
            "Power deal signed at the bridge\n\n14/03/2025 · 19:40 · Condor Wire\n\nThe presidents met on Friday.",
            None,
            D(2025, 3, 14),
            "timestamp",
        ),
        (  # a wire's dateline without a year, and the story speaks of its year
            "TORONTO, Sept 16 (Wire) - The talks failed on Monday. The plant has built 132,000 vehicles so far "
            "in 2024.",
            None,
            D(2024, 9, 16),
            "dateline",
        ),
        ("1850-05-17 10:00\n\nThe ministers met.", None, None, "none"),
        (  # a masthead line: the paper's city and date, then a dateline of the day before
            "THE KONKAN CHRONICLE\nMumbai | Tuesday, 11th January 2028\n\nNew Delhi, 10th January: The minister "
            "on Monday summoned the airline's chief.",
            None,
            D(2028, 1, 11),
            "date line",
        ),
    ],
)
def test_find_published(text: str, meta_date: str | None, expected: dt.date | None, evidence: str) -> None:
    assert find_published(make_article(text, meta_date=meta_date)) == (expected, evidence)


def test_timestamps_are_only_searched_at_the_top() -> None:
    text = "The ministers met in the capital to discuss trade.\n" * 40 + "Updated 2023-05-17 10:00\n"
    assert find_published(make_article(text)) == (D(2023, 5, 17), "first dated sentence")


# ---------------------------------------------------------------------------------------------------
# find_event_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Weekdays: the last one on or before publication for the past, the next one for the future.
        (
            "BEIJING, Oct. 17 (Xinhua) -- The president on Tuesday met the visiting president in town.",
            D(2023, 10, 18),
            (D(2023, 10, 17), None),
        ),
        (
            "The president met his counterpart on Tuesday in the capital to discuss energy and transport.",
            D(2023, 10, 17),
            (D(2023, 10, 17), None),
        ),
        (
            "The prime minister will visit the country on Tuesday, the foreign ministry said in a statement.",
            D(2023, 10, 12),
            (D(2023, 10, 17), None),
        ),
        (
            "The prime minister met his counterpart last Tuesday in the capital to discuss a trade deal.",
            D(2023, 10, 17),
            (D(2023, 10, 10), None),
        ),
        (
            "The two presidents held talks in the capital yesterday and signed several documents.",
            D(2023, 5, 18),
            (D(2023, 5, 17), None),
        ),
        # Future announcements, across the new year too.
        (
            "The president will visit the country on December 6, the foreign ministry announced on Monday.",
            D(2023, 11, 28),
            (D(2023, 12, 6), None),
        ),
        (
            "The president will pay a state visit to the country on January 10, officials said on Wednesday.",
            D(2023, 12, 20),
            (D(2024, 1, 10), None),
        ),
        (
            "The foreign ministry announced that the president will visit the country on December 6.",
            D(2023, 11, 28),
            (D(2023, 12, 6), None),
        ),
        (
            "On Tuesday, the president will travel to the country for talks on energy and transport.",
            D(2023, 10, 12),
            (D(2023, 10, 17), None),
        ),
        (
            "The presidents held talks on Tuesday in the capital and will meet again next year in the south.",
            D(2023, 10, 19),
            (D(2023, 10, 17), None),
        ),
        (
            "The president met leaders of the neighbouring states that gathered in the city on Friday.",
            D(2023, 5, 20),
            (D(2023, 5, 19), None),
        ),
        # A past event without a year, published early in the next year.
        (
            "The two ministers held talks on December 30 in the capital and agreed on a new trade route.",
            D(2024, 1, 2),
            (D(2023, 12, 30), None),
        ),
        (
            "SEOUL, Dec. 30 (Yonhap) -- The two foreign ministers held talks in town, the ministry said.",
            D(2024, 1, 2),
            (D(2023, 12, 30), None),
        ),
        (
            "On the afternoon of May 17, the president held talks with his counterpart in the old capital.",
            D(2023, 5, 17),
            (D(2023, 5, 17), None),
        ),
        # Spans.
        (
            "The forum was held in the capital on Jan. 4-7 with delegations from forty countries attending.",
            D(2024, 1, 8),
            (D(2024, 1, 4), D(2024, 1, 7)),
        ),
        (
            "The leaders met from 4 to 7 June in the capital for a series of talks and ceremonies.",
            D(2024, 6, 8),
            (D(2024, 6, 4), D(2024, 6, 7)),
        ),
        (
            "The summit took place on May 17-19, 2023 in the ancient city with six heads of state.",
            D(2023, 5, 20),
            (D(2023, 5, 17), D(2023, 5, 19)),
        ),
        (
            "The talks ran from December 30 to January 2 in the capital and ended with a joint statement.",
            D(2024, 1, 3),
            (D(2023, 12, 30), D(2024, 1, 2)),
        ),
        (
            "The talks ran from 30 May 2023 to 2 June 2023 in the capital and ended with a joint statement.",
            D(2023, 6, 3),
            (D(2023, 5, 30), D(2023, 6, 2)),
        ),
        # The first sentence first.
        (
            "On the afternoon of May 17, 2023, the president held talks with his counterpart. "
            "The guest arrived on May 15 for a state visit.",
            D(2023, 5, 18),
            (D(2023, 5, 17), None),
        ),
        # Traps: reported speech, other things' dates, vague words, amounts, modal "may", "We".
        (
            "The president said in his speech that the day before yesterday he had substantive talks.",
            D(2023, 5, 19),
            (D(2023, 5, 19), None),
        ),
        (
            "The president said at the ceremony that talks on Monday had been fruitful for both countries.",
            D(2023, 5, 19),
            (D(2023, 5, 19), None),
        ),
        (
            "The decree on the consulate, signed by the president on November 5, 2022, took effect.",
            D(2023, 5, 19),
            (D(2023, 5, 19), None),
        ),
        (
            "The ministers opened the new consulate building in the city centre.\n"
            "The project was first discussed at talks on March 3, 2021 between the two governments.",
            D(2023, 5, 19),
            (D(2023, 5, 19), None),
        ),
        (
            "The two leaders met last week in the capital to discuss trade and energy projects.",
            D(2023, 5, 19),
            (D(2023, 5, 19), None),
        ),
        (
            "Trade exceeded $41 billion last year as the countries marked the 30th anniversary of ties.",
            D(2024, 7, 3),
            (D(2024, 7, 3), None),
        ),
        (
            "The leaders may meet again in the capital soon, officials said on condition of anonymity.",
            D(2024, 7, 3),
            (D(2024, 7, 3), None),
        ),
        (
            "We had very meaningful talks with the president, the leader said after the ceremony.",
            D(2024, 7, 3),
            (D(2024, 7, 3), None),
        ),
        (
            "“On Monday we signed the road map,” the minister told reporters after the talks in the capital.",
            D(2024, 7, 3),
            (D(2024, 7, 3), None),
        ),
        # Nothing to resolve against.
        (
            "The ministers met in the capital on May 17 to discuss transport links and trade.",
            None,
            (None, None),
        ),
        (
            "The ministers met in the capital on May 17, 2023 to discuss transport links.",
            None,
            (D(2023, 5, 17), None),
        ),
        # A day of the month without the month: the month of publication, or the one before.
        (
            "The prime ministers met in the Lao capital on the 10th, on the sidelines of the summit.",
            D(2024, 10, 11),
            (D(2024, 10, 10), None),
        ),
        (
            "The ministers met in the capital on the 28th to discuss trade and transport.",
            D(2024, 11, 2),
            (D(2024, 10, 28), None),
        ),
        # A relative clause in the future does not make the date's clause future.
        (
            "Ink met paper on Thursday on the contract that will keep the plant running until 2027.",
            D(2024, 10, 4),
            (D(2024, 10, 3), None),
        ),
        # One day of an event of several.
        (
            "The two ports signed a memorandum on Tuesday, on the first day of the two-day forum.",
            D(2025, 4, 23),
            (D(2025, 4, 22), D(2025, 4, 23)),
        ),
        (
            "The ports of Busan and Kaohsiung wrapped up a two-day green corridor forum on Wednesday.",
            D(2025, 4, 23),
            (D(2025, 4, 22), D(2025, 4, 23)),
        ),
    ],
)
def test_find_event_date(text: str, published: dt.date | None, expected: tuple) -> None:
    assert find_event_date(make_article(text), published) == expected


def test_event_date_from_title_when_the_lead_has_none() -> None:
    article = make_article(
        "The ministers met in the capital to discuss transport links and trade.",
        title="Ministers meet on May 17",
    )
    assert find_event_date(article, D(2023, 5, 20)) == (D(2023, 5, 17), None)


def test_event_date_skips_menus_and_titles_before_the_lead() -> None:
    text = "Home > News\nMinisters meet\n2023-05-17 23:40\n\nThe ministers met yesterday in the capital city."
    assert find_event_date(make_article(text), D(2023, 5, 17)) == (D(2023, 5, 16), None)


# ---------------------------------------------------------------------------------------------------
# The five sample articles


@pytest.mark.parametrize(
    ("prefix", "published", "evidence", "event"),
    [
        ("000", D(2023, 5, 19), "header", D(2023, 5, 19)),
        ("001", D(2023, 5, 19), "timestamp", D(2023, 5, 19)),
        ("002", D(2023, 5, 17), "timestamp", D(2023, 5, 17)),
        ("003", D(2024, 7, 3), "timestamp", D(2024, 7, 3)),
        ("004", D(2023, 10, 17), "header", D(2023, 10, 17)),
    ],
)
def test_sample_articles(prefix: str, published: dt.date, evidence: str, event: dt.date) -> None:
    article = sample(prefix)
    assert find_published(article) == (published, evidence)
    assert find_event_date(article, published) == (event, None)


@pytest.mark.parametrize(
    ("prefix", "published", "event"),
    [
        ("000", D(2023, 5, 25), D(2023, 5, 19)),  # from the dateline "May 19."
        ("001", D(2023, 5, 25), D(2023, 5, 19)),  # "On May 19, 2023", not "the day before yesterday"
        ("002", D(2023, 5, 25), D(2023, 5, 17)),
        ("003", D(2024, 7, 4), D(2024, 7, 4)),  # no date in the lead: publication
        ("004", D(2023, 10, 19), D(2023, 10, 17)),  # "on Tuesday" before a Thursday
    ],
)
def test_sample_events_come_from_the_text(prefix: str, published: dt.date, event: dt.date) -> None:
    """With a later publication date the event date has to come from the article's own words."""
    assert find_event_date(sample(prefix), published) == (event, None)


def test_dates_stage_is_cheap() -> None:
    articles = [sample(prefix) for prefix in ("000", "001", "002", "003", "004")]
    started = time.perf_counter()
    for _ in range(40):
        for article in articles:
            find_event_date(article, find_published(article)[0])
    per_article = (time.perf_counter() - started) / 200
    assert per_article < 0.005


def test_empty_article() -> None:
    article = make_article("")
    assert find_published(article) == (None, "none")
    assert find_event_date(article, None) == (None, None)
    assert find_event_date(article, D(2024, 1, 2)) == (D(2024, 1, 2), None)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_date_text_never_raises_and_stays_plausible(text: str) -> None:
    day = parse_date_text(text, relative_base=D(2023, 5, 19))
    assert day is None or 1900 <= day.year <= 2100


def test_a_huge_single_paragraph_stays_cheap() -> None:
    text = (
        "The ministers met in the capital to discuss trade, with $41 billion at stake in the 30th year. "
        * 1000
    )
    article = make_article(text)
    started = time.perf_counter()
    assert find_event_date(article, find_published(article)[0]) == (None, None)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://times.example.mx/2028/03/16/robles-signs-memorandum/", D(2028, 3, 16)),
        ("https://news.example.com/world/2024-05-17-talks-in-lisbon.html", D(2024, 5, 17)),
        ("https://news.example.com/a/20240517/talks", D(2024, 5, 17)),
        ("https://news.example.com/2024/05/talks", None),  # no day
        ("https://news.example.com/2024/13/40/talks", None),  # no such day
        ("https://news.example.com/story?date=2024/05/17/", None),  # the query is not the path
    ],
)
def test_the_day_in_a_page_s_address(url: str, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_a_saved_page_s_address_dates_it_when_nothing_else_does(tmp_path) -> None:
    from briefgen.corpus import read_file

    page = tmp_path / "robles.txt"
    page.write_text(
        "https://times.example.mx/2028/03/16/robles-signs-memorandum/\n\nTHE TIMES · Business\n\n"
        "Robles signs memorandum\n\nHEFEI, China — Governor Ana Robles signed a memorandum with the "
        "company on Thursday at its headquarters.",
        encoding="utf-8",
    )
    (article,), _ = read_file(page)
    assert article.url == "https://times.example.mx/2028/03/16/robles-signs-memorandum/"
    assert find_published(article) == (D(2028, 3, 16), "address")


def test_a_postponed_meeting_is_dated_by_its_new_day() -> None:
    article = make_article(
        "The regulator has postponed its review meeting with the airline, which was scheduled for "
        "Thursday, to February 3.",
        meta_date="2028-01-27",
    )
    assert find_event_date(article, D(2028, 1, 27)) == (D(2028, 2, 3), None)
