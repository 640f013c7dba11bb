"""Articles that report several meetings: where each later one starts ("On Tuesday, X met Y in Z").

A later paragraph starts another meeting when its first sentence dates a meeting to another day than
the article's and names someone who is not a side of the article's own meeting. The brief then counts
the article as a source of both meetings, each with the quotes, facts and agreements of its own part.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import sentence_event_date
from briefgen.model import Agreement, Article, Extraction, Fact, Person, Quote, Segment
from briefgen.people import Cast
from briefgen.places import find_location
from briefgen.text import sentence_spans

# A part reporting another meeting opens with its time: "On Tuesday, ...", "The next day, ...".
_OPENS_WITH_TIME = regex.compile(
    r"(?:(?:Later|Earlier|Late|Early)\s+)?(?:on|On)\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?\w+"
    r"|(?:The|the)\s+(?:next|following)\s+day|(?:Later|Earlier)\s+(?:that|the same)\s+day"
)


@cache
def _meeting_verb() -> regex.Pattern[str]:
    verbs = [*lexicon.entries("meeting_verbs"), *lexicon.entries("counterpart_cues")]
    return regex.compile(rf"\b(?:{lexicon.alternation(verbs)})\b", regex.IGNORECASE)


def find_segments(
    article: Article, cast: Cast, event_date: dt.date | None, sides: set[str]
) -> tuple[Segment, ...]:
    """The later parts of the article that report meetings of other days with other people."""
    if not article.paragraphs or event_date is None:
        return ()
    lead_end = article.lead()[0][1]
    segments: list[Segment] = []
    seen_days = {event_date}
    for start, end in article.paragraphs:
        if start < lead_end:
            continue
        first = next(iter(sentence_spans(article.text, start, end)), None)
        if first is None or not _OPENS_WITH_TIME.match(article.text, *first):
            continue  # "X, who met Y on Monday, said ..." mentions another meeting; it does not report it
        if not _meeting_verb().search(article.text, *first):
            continue
        day, _ = sentence_event_date(article.text, first[0], first[1], article.published)
        if day is None or day in seen_days:
            continue
        named = _named(cast, *first)
        if not [name for name in named if name not in sides]:
            continue  # the same people on another day: background, not another meeting of this article
        people = tuple(Person(name, cast.people[name].role) for name in named)
        segments.append(Segment(start, day, find_location(article.text, [(start, end)]), people))
        seen_days.add(day)
    return tuple(segments)


def _named(cast: Cast, start: int, end: int) -> list[str]:
    names = [m.name for m in cast.mentions_between(start, end) if m.kind != "pronoun" and not m.in_quote]
    return list(dict.fromkeys(names))


def split_by_segment(extraction: Extraction) -> list[tuple[Extraction, bool]]:
    """The article's own meeting, then one extraction per later part; True marks a later part."""
    if not extraction.segments:
        return [(extraction, False)]
    bounds = [s.start for s in extraction.segments] + [len(extraction.article.text)]
    later_people = {p.name for s in extraction.segments for p in s.participants}
    own_sides = {p.name for p in extraction.participants if p.principal}
    main = _part(extraction, 0, bounds[0])
    main = dataclasses.replace(
        main,
        participants=tuple(
            p
            for p in extraction.participants
            if p.name not in later_people or p.name in _lead_names(extraction)
        ),
        segments=(),
    )
    parts = [(main, False)]
    for segment, end in zip(extraction.segments, bounds[1:], strict=True):
        part = _part(extraction, segment.start, end)
        participants = tuple(Person(p.name, p.role, True) for p in segment.participants) or tuple(
            p for p in extraction.participants if p.name in own_sides
        )
        parts.append(
            (
                dataclasses.replace(
                    part,
                    event_date=segment.event_date,
                    event_end=None,
                    location=segment.location or extraction.location,
                    participants=participants,
                    segments=(),
                ),
                True,
            )
        )
    return parts


def _lead_names(extraction: Extraction) -> set[str]:
    article = extraction.article
    lead = article.text[slice(*article.lead()[0])] if article.paragraphs else ""
    return {p.name for p in extraction.participants if p.name.split()[-1] in lead}


def _part(extraction: Extraction, start: int, end: int) -> Extraction:
    def inside(item: Quote | Fact | Agreement) -> bool:
        return start <= item.sources[0].start < end

    return dataclasses.replace(
        extraction,
        quotes=tuple(q for q in extraction.quotes if inside(q)),
        facts=tuple(f for f in extraction.facts if inside(f)),
        agreements=tuple(a for a in extraction.agreements if inside(a)),
    )
