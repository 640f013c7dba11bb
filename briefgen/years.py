"""Years for articles that give none, and the order of an ambiguous numeric date.

A wire story filed as "SEOUL, Dec. 30 (Yonhap) --" often names no year anywhere, and a plain text
file has no metadata to tell it. Other articles of the corpus usually report the same meeting with a
full date: when the story's people (its participants and the people it quotes) appear in dated
reports of that day of exactly one year (give or take a few days, between filing and meeting), that
year is the story's, and the article is extracted again with it. When no year or several fit, the
article stays undated rather than guessed.

In the same way, an article dated only "09/05/2025" (5 September in American order, 9 May elsewhere)
takes the reading its people's other reports fit, when exactly one of the two does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from briefgen.extract import extract_article
from briefgen.model import Extraction, Problem
from briefgen.text import fold

WINDOW = 3  # days between a report's dateline and the meeting in another report


def infer_years(extractions: list[Extraction]) -> tuple[list[Extraction], list[Problem]]:
    """EXTRACTIONS with the year-less ones dated where the corpus tells their year, and a note for each."""
    if not any(e.other_reading is not None or _yearless(e) for e in extractions):
        return extractions, []  # the usual corpus: nothing to look up, no index of people to build
    people_on = _people_by_day(extractions)
    years = {day.year for day in people_on}
    result, notes = [], []
    for extraction in extractions:
        if extraction.other_reading is not None:
            extraction, note = _day_order(extraction, people_on)
            notes += note
        month_day = extraction.day_without_year
        year = _only_year(extraction, month_day, people_on, years) if _yearless(extraction) else None
        if year is None:
            result.append(extraction)
            continue
        published = dt.date(year, *month_day)  # type: ignore[misc]
        result.append(extract_article(dataclasses.replace(extraction.article, published=published)))
        message = f"no year in the article: {published.isoformat()} is taken from reports of the same meeting"
        notes.append(Problem(extraction.article.path, message, fatal=False))
    return result, notes


def _yearless(extraction: Extraction) -> bool:
    """An article with no date at all, whose dateline gives a day without its year."""
    article = extraction.article
    return (
        extraction.day_without_year is not None
        and extraction.event_date is None
        and article.published is None
    )


def _day_order(
    extraction: Extraction, people_on: dict[dt.date, list[tuple[str, frozenset[str]]]]
) -> tuple[Extraction, list[Problem]]:
    """The extraction again with the other reading of its date, if only that one meets its people."""
    article, other = extraction.article, extraction.other_reading
    read = extraction.event_date or article.published
    sides = _people(extraction)
    if read is None or other is None or _meets(sides, read, people_on, article.id):
        return extraction, []
    if not _meets(sides, other, people_on, article.id):
        return extraction, []
    again = extract_article(dataclasses.replace(article, published=other))
    message = (
        f"{article.published.isoformat() if article.published else '?'} read as {other.isoformat()}: "
        "the numeric date fits both orders, and other reports of the same people are of that time"
    )
    return again, [Problem(article.path, message, fatal=False)]


def _meets(
    sides: set[frozenset[str]],
    day: dt.date,
    people_on: dict[dt.date, list[tuple[str, frozenset[str]]]],
    own: str,
) -> bool:
    """Whether someone of SIDES is in another article's meeting within WINDOW days of DAY."""
    for offset in range(-WINDOW, WINDOW + 1):
        for article_id, person in people_on.get(day + dt.timedelta(days=offset), ()):
            if article_id != own and any(a <= person or person <= a for a in sides):
                return True
    return False


def _people_by_day(extractions: Iterable[Extraction]) -> dict[dt.date, list[tuple[str, frozenset[str]]]]:
    """The people's names (as sets of words) of the dated articles, with their article's id, by the day
    of their meeting."""
    people: dict[dt.date, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for extraction in extractions:
        day = extraction.event_date or extraction.article.published
        if day is not None:
            people[day].extend((extraction.article.id, person) for person in _people(extraction))
    return people


def _only_year(
    extraction: Extraction,
    month_day: tuple[int, int],
    people_on: dict[dt.date, list[tuple[str, frozenset[str]]]],
    years: set[int],
) -> int | None:
    sides = _people(extraction)
    fitting = set()
    for year in {y + step for y in years for step in (-1, 0, 1)}:
        try:
            filed = dt.date(year, *month_day)
        except ValueError:  # 29 February of a common year
            continue
        if _meets(sides, filed, people_on, extraction.article.id):
            fitting.add(year)
    return fitting.pop() if len(fitting) == 1 else None


def _people(extraction: Extraction) -> set[frozenset[str]]:
    """The participants and the named speakers of an article, each as the set of its name's words."""
    names = [p.name for p in extraction.participants] + [q.speaker for q in extraction.quotes if q.speaker]
    return {frozenset(fold(name).split()) for name in names}
