"""Years for articles that give none.

A wire story filed as "SEOUL, Dec. 30 (Yonhap) --" often names no year anywhere, and a plain text
file has no metadata to tell it. Other articles of the corpus usually report the same meeting with a
full date: when the story's people (its participants and the people it quotes) appear in dated
reports of that day of exactly one year (give or take a few days, between filing and meeting), that
year is the story's, and the article is extracted again with it. When no year or several fit, the
article stays undated rather than guessed.
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
    people_on = _people_by_day(extractions)
    years = {day.year for day in people_on}
    result, notes = [], []
    for extraction in extractions:
        month_day = extraction.day_without_year
        undated = extraction.event_date is None and extraction.article.published is None
        year = _only_year(extraction, month_day, people_on, years) if undated and month_day else None
        if year is None:
            result.append(extraction)
            continue
        published = dt.date(year, *month_day)  # type: ignore[misc]
        result.append(extract_article(dataclasses.replace(extraction.article, published=published)))
        message = f"no year in the article: {published.isoformat()} is taken from reports of the same meeting"
        notes.append(Problem(extraction.article.path, message, fatal=False))
    return result, notes


def _people_by_day(extractions: Iterable[Extraction]) -> dict[dt.date, list[frozenset[str]]]:
    """The people's names (as sets of words) of the dated articles, by the day of their meeting."""
    people: dict[dt.date, list[frozenset[str]]] = defaultdict(list)
    for extraction in extractions:
        day = extraction.event_date or extraction.article.published
        if day is not None:
            people[day].extend(_people(extraction))
    return people


def _only_year(
    extraction: Extraction,
    month_day: tuple[int, int],
    people_on: dict[dt.date, list[frozenset[str]]],
    years: set[int],
) -> int | None:
    sides = _people(extraction)
    fitting = set()
    for year in {y + step for y in years for step in (-1, 0, 1)}:
        try:
            filed = dt.date(year, *month_day)
        except ValueError:  # 29 February of a common year
            continue
        for offset in range(-WINDOW, WINDOW + 1):
            others = people_on.get(filed + dt.timedelta(days=offset), ())
            if any(a <= b or b <= a for a in sides for b in others):
                fitting.add(year)
                break
    return fitting.pop() if len(fitting) == 1 else None


def _people(extraction: Extraction) -> set[frozenset[str]]:
    """The participants and the named speakers of an article, each as the set of its name's words."""
    names = [p.name for p in extraction.participants] + [q.speaker for q in extraction.quotes if q.speaker]
    return {frozenset(fold(name).split()) for name in names}
