"""Property-based tests of reading and extraction: for any text, no crash, verbatim spans, real dates.

The texts are built from the pieces that the extractors react to (quote marks, capitalised names,
titles, speech verbs, dates good and impossible, paragraph breaks) mixed with arbitrary Unicode, and
read from a .txt file exactly as a corpus file would be.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.corpus import read_file
from briefgen.errors import ArticleError
from briefgen.extract import extract_article
from briefgen.model import Article, Extraction

EXAMPLES = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = st.sampled_from(
    [
        "the",
        "a",
        "of",
        "and",
        "to",
        "in",
        "on",
        "at",
        "with",
        "for",
        "talks",
        "meeting",
        "ministers",
        "leaders",
        "agreement",
        "memorandum",
        "treaty",
        "signed",
        "agreed",
        "met",
        "held",
        "visit",
        "cooperation",
        "trade",
        "energy",
        "border",
        "rail",
        "port",
        "bridge",
        "both",
        "sides",
        "two",
        "countries",
        "percent",
        "billion",
        "dollars",
        "first",
        "new",
        "year",
        "next",
        "week",
        "Tuesday",
        "Monday",
    ]
)
NAMES = st.sampled_from(
    [
        "Anna Keller",
        "Tom Reyes",
        "Maria Ortiz-Vega",
        "Lee Min-ho",
        "Mr. Brown",
        "Dr. Ines Duarte",
        "Keller",
        "O'Neill",
        "Jean-Luc Marchand",
        "Olga Petrova",
        "Wang Lei",
        "Ahmed Al-Sayed",
        "President",
        "Prime Minister",
        "Foreign Minister",
        "the minister",
        "He",
        "She",
        "They",
    ]
)
VERBS = st.sampled_from(
    ["said", "says", "told reporters", "added", "noted", "stressed", "according to", "asked",
     "said that", "wrote", "announced", "declared", "underlined", "replied", ":"]
)  # fmt: skip
QUOTES = st.sampled_from(['"', "“", "”", "‘", "’", "«", "»", "'", "„", "「", "」", "‹", "›", '""', "``"])
PUNCTUATION = st.sampled_from([".", ",", "!", "?", ":", ";", " —", " -", "(", ")", "...", "…", "--"])
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n", "\u2028", "\x0c", "\t", "\xa0"])
DATE_TEXTS = st.sampled_from(
    [
        "31 February 2023",
        "February 29, 2023",
        "29 February 2024",
        "2023-13-45",
        "2023-02-30",
        "May 32, 2024",
        "0000-00-00",
        "9999-12-31",
        "1899-12-31",
        "2100-12-31",
        "2101-01-01",
        "12/31/2023",
        "31.12.2023",
        "13/13/2013",
        "Oct. 17",
        "17-19 May 2023",
        "May 30 - June 2, 2024",
        "Dec. 31 to Jan. 2",
        "on Tuesday",
        "last Friday",
        "yesterday",
        "next week",
        "this year",
        "in 1066",
        "in 2024",
        "17 мая 2023 года",
        "2023年5月17日",
    ]
)


def _formats(day: dt.date) -> list[str]:
    return [
        day.isoformat(),
        day.strftime("%B %d, %Y"),
        day.strftime("%d %B %Y"),
        day.strftime("%b. %d"),
        day.strftime("%A, %B %d"),
        day.strftime("%d.%m.%Y"),
        day.strftime("%m/%d/%Y"),
    ]


DATES = st.one_of(
    DATE_TEXTS,
    st.tuples(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.integers(0, 6)).map(
        lambda pair: _formats(pair[0])[pair[1]]
    ),
)
NOISE = st.text(max_size=8)
PIECE = st.one_of(WORDS, WORDS, WORDS, NAMES, VERBS, QUOTES, PUNCTUATION, BREAKS, DATES, NOISE)
JOINER = st.sampled_from([" ", " ", " ", "", "\n"])
ENDS = st.sampled_from([".", ".", ".", "!", "?", "…", "", ",", '."', ".”", "。"])
DOCUMENTS = st.sampled_from(
    ["a memorandum", "an agreement", "the treaty", "a joint statement", "documents", "a protocol", "a deal"]
)
HEADER = st.one_of(
    st.just(""),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)).map(lambda day: f"date {day.isoformat()} "),
    DATES.map(lambda day: f"{day}\n\n"),
)


def _words(size: int = 6) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(WORDS, WORDS, NAMES, DATES, NOISE), min_size=1, max_size=size).map(" ".join)


# Sentences of the kinds the extractors look for, with quote marks that may not match or close.
SENTENCE = st.one_of(
    st.lists(st.tuples(PIECE, JOINER), min_size=1, max_size=8).map(
        lambda parts: "".join(p + j for p, j in parts)
    ),
    st.tuples(QUOTES, _words(), QUOTES, NAMES, VERBS).map(lambda t: f"{t[0]}{t[1]},{t[2]} {t[3]} {t[4]}"),
    st.tuples(NAMES, VERBS, QUOTES, _words(), QUOTES).map(lambda t: f"{t[0]} {t[1]} {t[2]}{t[3]}{t[4]}"),
    st.tuples(NAMES, VERBS, _words()).map(lambda t: f"{t[0]} {t[1]} that {t[2]}"),
    st.tuples(NAMES, DOCUMENTS, _words(4), DATES).map(lambda t: f"{t[0]} signed {t[1]} on {t[2]} on {t[3]}"),
    st.tuples(NAMES, NAMES, DATES, _words(4)).map(lambda t: f"{t[0]} met {t[1]} on {t[2]} in {t[3]}"),
)


@st.composite
def articles(draw) -> str:
    """An article-like text: an optional date header and title, then paragraphs of sentences
    (plain, quoted, reported, signings and meetings) with arbitrary pieces between them."""
    paragraphs = draw(
        st.lists(
            st.lists(st.tuples(SENTENCE, ENDS, JOINER), min_size=1, max_size=3).map(
                lambda sentences: "".join(text + end + joiner for text, end, joiner in sentences)
            ),
            min_size=1,
            max_size=4,
        )
    )
    breaks = draw(st.lists(BREAKS, min_size=len(paragraphs), max_size=len(paragraphs)))
    body = "".join(paragraph + brk for paragraph, brk in zip(paragraphs, breaks, strict=True))
    title = draw(st.one_of(st.just(""), st.lists(st.one_of(WORDS, NAMES), min_size=1, max_size=8)))
    head = " ".join(title).title() + "\n\n" if title else ""
    return draw(HEADER) + head + body


BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r|\n)")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _read(folder: Path, text: str, suffix: str = ".txt") -> list[Article] | None:
    path = folder / f"article{suffix}"
    path.write_bytes(text.encode("utf-8"))
    try:
        found, _problems = read_file(path)
    except ArticleError:
        return None
    return found


def _extract(folder: Path, text: str) -> Extraction | None:
    found = _read(folder, text)
    return extract_article(found[0]) if found else None


@EXAMPLES
@given(text=articles())
def test_reading_keeps_the_text_and_gives_clean_paragraphs(folder: Path, text: str) -> None:
    found = _read(folder, text)
    if found is None:
        return
    (article,) = found
    assert article.text == text.removeprefix("\ufeff")  # a .txt article is the whole file, decoded
    assert article.paragraphs and article.title is not None
    previous_end = 0
    for start, end in article.paragraphs:
        assert previous_end <= start < end <= len(article.text)
        paragraph = article.text[start:end]
        assert paragraph == paragraph.strip()
        assert not BLANK_LINE.search(paragraph)  # a paragraph never runs over a blank line
        previous_end = end


@EXAMPLES
@given(text=articles())
def test_quotes_are_verbatim_spans(folder: Path, text: str) -> None:
    extraction = _extract(folder, text)
    if extraction is None:
        return
    article = extraction.article
    for quote in extraction.quotes:
        assert quote.text and quote.sources
        for span in quote.sources:
            assert span.article_id == article.id
            assert article.text[span.start : span.end] == quote.text


@EXAMPLES
@given(text=articles())
def test_facts_and_agreements_are_verbatim_spans(folder: Path, text: str) -> None:
    extraction = _extract(folder, text)
    if extraction is None:
        return
    article = extraction.article
    for item in (*extraction.facts, *extraction.agreements):
        assert item.text and item.sources
        for span in item.sources:
            assert span.article_id == article.id
            assert article.text[span.start : span.end] == item.text


@EXAMPLES
@given(text=articles())
def test_dates_are_real_calendar_dates(folder: Path, text: str) -> None:
    extraction = _extract(folder, text)
    if extraction is None:
        return
    days = [extraction.article.published, extraction.event_date, extraction.event_end]
    days += [agreement.date for agreement in extraction.agreements]
    for day in days:
        if day is not None:
            assert type(day) is dt.date  # a real calendar date (not a datetime, not a string)
            assert dt.date(1900, 1, 1) <= day <= dt.date(2100, 12, 31)
    if extraction.event_date and extraction.event_end:
        assert extraction.event_date <= extraction.event_end


RECORD = st.fixed_dictionaries(
    {
        "title": st.one_of(st.none(), st.text(max_size=30), NAMES),
        "date": st.one_of(st.none(), DATES, st.integers(), st.text(max_size=12)),
        "text": st.one_of(st.none(), st.text(max_size=80), articles(), st.lists(st.text(max_size=20))),
    }
)


@EXAMPLES
@given(
    data=st.one_of(st.binary(max_size=400), articles().map(lambda t: t.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".md", ".csv", ".tsv", ".jsonl", ".json"]),
)
def test_any_bytes_are_read_or_refused_with_an_article_error(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"any{suffix}"
    path.write_bytes(data)
    try:
        found, problems = read_file(path)
    except ArticleError as error:
        assert error.problem and "\n" not in error.problem
        return
    for article in found:
        assert article.paragraphs
        for start, end in article.paragraphs:
            assert 0 <= start < end <= len(article.text)
    for problem in problems:
        assert problem.message and "\n" not in problem.message


@EXAMPLES
@given(records=st.lists(RECORD, max_size=4))
def test_records_of_any_shape_are_read_or_reported(folder: Path, records: list[dict]) -> None:
    path = folder / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    try:
        found, problems = read_file(path)
    except ArticleError:
        assert not records  # only a file without a line is refused as a whole
        return
    # Each record gives an article or a line saying why not.
    assert len(found) + len([p for p in problems if p.fatal]) == len(records)
    for article in found:
        extraction = extract_article(article)
        for quote in extraction.quotes:
            assert article.text[quote.sources[0].start : quote.sources[0].end] == quote.text
