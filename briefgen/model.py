"""The data model that flows through the pipeline: articles in, a Brief out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from briefgen.text import BULLET_MARKS


class QuoteKind(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"


@dataclass(frozen=True)
class Span:
    """Where an item was found: article id and character offsets into that article's text."""

    article_id: str
    start: int
    end: int


def _is_prose(paragraph: str) -> bool:
    # Eight words or more (split no further than needed: every paragraph of every article is asked).
    return len(paragraph.split(None, 8)) >= 8 and any(mark in paragraph for mark in ".!?")


def _is_list_item(paragraph: str) -> bool:
    return paragraph[:1] in _BULLETS and paragraph[1:2].isspace()


_BULLETS = frozenset("-*–" + BULLET_MARKS)


@dataclass(frozen=True)
class Article:
    """One article as read from the corpus.

    `text` is the decoded source text (for .txt and .md the whole file, for HTML, CSV and JSONL the
    extracted body); `paragraphs` are the spans of `text` that are article body, with headers, menus,
    share buttons and photo credits left out. Every offset in the brief points into `text`.
    """

    id: str
    path: str
    title: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    outlet: str | None = None
    url: str | None = None
    # Date evidence from metadata (front matter, meta tags, a CSV column), not yet parsed.
    meta_date: str | None = None
    published: dt.date | None = None

    def paragraph_texts(self) -> list[str]:
        return [self.text[start:end] for start, end in self.paragraphs]

    def lead(self, count: int = 1) -> tuple[tuple[int, int], ...]:
        """The first `count` paragraphs that are prose (several words, a full stop), where the story
        starts; short lines before them (a second headline, a kicker) are not the lead."""
        return (self._prose or self.paragraphs)[:count]

    @cached_property
    def _prose(self) -> tuple[tuple[int, int], ...]:
        # Several stages ask for the lead; the paragraphs never change (the dataclass is frozen).
        prose = [(a, b) for a, b in self.paragraphs if _is_prose(self.text[a:b])]
        # A press release's highlights (bullet points above the story) sum it up without names or
        # place: the story starts at the first paragraph that is not a list item.
        skipped = 0
        while skipped < len(prose) and _is_list_item(self.text[prose[skipped][0] : prose[skipped][1]]):
            skipped += 1
        return tuple(prose[skipped:] if skipped < len(prose) else prose)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraph_texts())


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    # Principal participants are the sides of the meeting; others were present or are mentioned.
    principal: bool = True


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None
    kind: QuoteKind
    cue: str | None
    sources: tuple[Span, ...]
    speaker_role: str | None = None


@dataclass(frozen=True)
class Agreement:
    title: str
    text: str
    status: str
    sources: tuple[Span, ...]
    parties: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    date: dt.date | None = None


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[Span, ...]
    score: float = 0.0


@dataclass(frozen=True)
class Segment:
    """A later part of an article that reports another meeting: "On Tuesday, X met Y in Z"."""

    start: int  # where the part begins in the article's text; it runs to the next segment or the end
    event_date: dt.date
    location: str | None
    participants: tuple[Person, ...]


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    event_date: dt.date | None = None
    event_end: dt.date | None = None
    location: str | None = None
    participants: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    facts: tuple[Fact, ...] = ()
    segments: tuple[Segment, ...] = ()
    # (month, day) of a dateline without a year, kept when the article has no date at all: the year
    # may come from other reports of the same meeting (see years.py).
    day_without_year: tuple[int, int] | None = None
    # The publication date read the other way round, when the article gives it only as an ambiguous
    # numeric date ("09/05/2025": 5 September or 9 May): the corpus may tell which (see years.py).
    other_reading: dt.date | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    date: dt.date
    title: str
    location: str | None
    participants: tuple[Person, ...]
    sources: tuple[str, ...]
    end_date: dt.date | None = None
    # Sources that report this meeting only in a later part, their lead being about another meeting.
    partial_sources: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()


@dataclass(frozen=True)
class Problem:
    """A file or row that could not be used, or was used with a recovered problem."""

    path: str
    message: str
    fatal: bool = True  # True: left out of the brief; False: included with a warning


@dataclass(frozen=True)
class Brief:
    title: str
    generated_at: dt.datetime
    articles: tuple[Article, ...]
    meetings: tuple[Meeting, ...]
    problems: tuple[Problem, ...] = ()
    subject: str | None = None

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        days = [m.date for m in self.meetings] + [m.end_date for m in self.meetings if m.end_date]
        return (min(days), max(days)) if days else None

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
