"""Everything found in one article: dates, place, participants, quotes, agreements and facts."""

from __future__ import annotations

import dataclasses
from functools import cache

import regex

from briefgen import lexicon
from briefgen.agreements import extract_agreements
from briefgen.dates import day_without_year, find_event_date, find_published, other_reading
from briefgen.facts import extract_facts
from briefgen.model import Article, Extraction, Person
from briefgen.people import Cast, find_cast
from briefgen.places import find_location
from briefgen.quotes import extract_quotes, find_quotations
from briefgen.segments import find_segments
from briefgen.text import has_word, sentence_spans

LEAD_PARAGRAPHS = 2
COUNTERPART_PARAGRAPHS = 3


def extract_article(article: Article) -> Extraction:
    """Run every per-article stage; the result depends on the article alone (so it can be cached)."""
    # A date already set is one the corpus gave (years.py): the article's own evidence had none.
    given = article.published
    published = given or find_published(article)[0]
    article = dataclasses.replace(article, published=published)
    event_date, event_end = find_event_date(article, published)
    text, paragraphs = article.text, article.paragraphs
    quotations = find_quotations(text, paragraphs)
    quoted = [(q.start, q.end) for q in quotations]
    cast = find_cast(text, list(paragraphs), quoted)
    lead = list(article.lead(LEAD_PARAGRAPHS))
    participants = tuple(_participants(article, cast, quoted))
    lead_start, lead_end = article.lead()[0] if paragraphs else (0, 0)
    sides = {
        m.name for m in cast.mentions_between(lead_start, lead_end) if not m.in_quote
    }  # the lead's people
    return Extraction(
        article=article,
        event_date=event_date,
        event_end=event_end,
        location=find_location(text, lead, article.title),
        participants=participants,
        quotes=tuple(extract_quotes(article.id, text, paragraphs, cast, quotations)),
        agreements=tuple(extract_agreements(article.id, text, paragraphs, event_date)),
        facts=tuple(extract_facts(article.id, text, paragraphs)),
        segments=find_segments(article, cast, event_date, sides),
        day_without_year=day_without_year(article) if event_date is None else None,
        other_reading=other_reading(article, published) if given is None else None,
    )


def _participants(article: Article, cast: Cast, quoted: list[tuple[int, int]]) -> list[Person]:
    """The people the headline or the lead names are the meeting's sides; the people listed as present
    later are participants too, but not principal ones."""
    if not article.paragraphs:
        return []
    lead_end = article.lead()[0][1]
    in_lead = {m.name for m in cast.mentions if m.start < lead_end and m.kind == "name" and not m.in_quote}
    in_title = {name for name in cast.people if _named_in(article.title, name)}
    hosts = _counterparts(article, cast)
    present = _present_people(article, cast)
    sides = in_lead | in_title | hosts or _named_after_lead(article, cast) - present
    people = []
    for info in sorted(cast.people.values(), key=lambda p: p.first_seen):
        principal = info.name in sides
        if principal or info.name in present:
            people.append(Person(info.name, info.role, principal))
    return people


def _named_after_lead(article: Article, cast: Cast) -> set[str]:
    """A lead that names nobody ("The foreign ministers of A, B and C met on Sunday") leaves the names
    to the next paragraphs: the people with a title or a country ("A's X Y") they name, outside
    quotations, are the sides."""
    found = set()
    for start, end in article.lead(COUNTERPART_PARAGRAPHS):
        for mention in cast.mentions_between(start, end):
            person = cast.people[mention.name]
            if mention.kind == "name" and not mention.in_quote and (person.role or person.country):
                found.add(mention.name)
    # ... and, further on, the people who speak for an organisation the lead names ("The Competition
    # Authority ... the merger of Highlands Creameries and Tana Valley Dairies": "Tana Valley Managing
    # Director X")
    lead = " ".join(article.text[a:b] for a, b in article.lead())
    for mention in cast.mentions:
        person = cast.people[mention.name]
        if mention.kind != "name" or mention.in_quote or not person.role or mention.name in found:
            continue
        before = article.text[max(0, mention.start - 80) : mention.start].rstrip()
        if not before.endswith(person.role):
            continue
        owner = _OWNER_BEFORE_TITLE.search(before[: len(before) - len(person.role)].rstrip())
        if owner and owner.group() in lead:
            found.add(mention.name)
    return found


# The organisation a title belongs to, written before it: "Tana Valley" of "Tana Valley Managing Director".
_OWNER_BEFORE_TITLE = regex.compile(r"(?<![\p{L}'’.-])\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3}$")


def _counterparts(article: Article, cast: Cast) -> set[str]:
    """People met in the first paragraphs: "hosted by X", "talks with Foreign Minister X"."""
    cue = _counterpart_cue()
    found = set()
    for start, end in article.lead(COUNTERPART_PARAGRAPHS):
        for mention in cast.mentions_between(start, end):
            if mention.kind == "name" and not mention.in_quote:
                before = article.text[max(start, mention.start - 60) : mention.start]
                if cue.search(before):
                    found.add(mention.name)
    return found


@cache
def _counterpart_cue() -> regex.Pattern[str]:
    cues = lexicon.alternation(lexicon.entries("counterpart_cues"))
    # the cue, then only title words ("hosted by Keidanren chairman X", "met with Foreign Minister X")
    return regex.compile(
        rf"\b(?:{cues})\s+(?:(?:the|of|and|\p{{L}}[\p{{L}}.'’-]*)\s+){{0,6}}$", regex.IGNORECASE
    )


def _named_in(title: str, name: str) -> bool:
    return has_word(title, name.split()[-1]) or name.split()[0] in title.split()


def _present_people(article: Article, cast: Cast) -> set[str]:
    """The people named in a sentence that says who was present ("in the presence of X", "A and B
    were present"): participants, though not the sides."""
    cue = _presence_cue()
    names = set()
    for start, end in article.paragraphs:
        if not cue.search(article.text, start, end):
            continue
        for s_start, s_end in sentence_spans(article.text, start, end):
            if cue.search(article.text, s_start, s_end):
                names |= {m.name for m in cast.mentions_between(s_start, s_end) if m.kind == "name"}
    return names


@cache
def _presence_cue() -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{lexicon.alternation(lexicon.entries('presence_cues'))})\b")
