"""Meetings: articles that report the same event grouped, and their findings merged and cited once.

Articles are blocked by event day, so two articles of different days are compared only when the
first reports an event of several days that the second's day falls in; within a day, two articles
report the same meeting when they share a principal participant and the kind of event agrees (talks,
a call, a ceremony, a summit), or, lacking participants, when they quote the same person or their
headlines agree. A group that names nobody taking part and no kind of event is no meeting. A call has
no place.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from briefgen import lexicon
from briefgen.dates import MONTHS, postponed_to
from briefgen.facts import MIN_SCORE
from briefgen.model import Agreement, Article, Extraction, Fact, Meeting, Person, Quote, Span
from briefgen.people import non_name_words
from briefgen.segments import split_by_segment
from briefgen.text import containment, content_words, fold, has_word, jaccard, normalise, slug, stopwords

MAX_FACTS = 14  # for a meeting many outlets covered; fewer for fewer sources
FACTS_PER_SOURCE = 2
RESTATES_TITLE = 0.5  # share of a fact's words that are the headline's: it tells the reader nothing new
SAME_TEXT = 0.8  # share of the shorter text's words found in the longer one: the same item reworded
COMPATIBLE_KINDS = {"visit", "signing", None}  # kinds that go with any other
RECALL_DAYS = 7
POSTPONED_WITHIN = dt.timedelta(days=21)  # how far a postponed meeting may move and still be the same
FOLLOW_UP_STATUSES = frozenset({"will take effect", "entered into force", "ratified"})
PLANNED = frozenset({"to be signed"})


def group_meetings(extractions: Iterable[Extraction]) -> list[Meeting]:
    by_day: dict[dt.date, list[Extraction]] = defaultdict(list)
    later_parts: set[tuple[str, dt.date]] = set()  # (article, day) of parts after an article's lead
    for extraction in extractions:
        for unit, later in split_by_segment(extraction):
            day = unit.event_date or unit.article.published
            if day is not None:
                by_day[day].append(unit)
                if later:
                    later_parts.add((unit.article.id, day))
    groups = _join_days_of_one_event([group for day in sorted(by_day) for group in _cluster(by_day[day])])
    groups = _join_previews_of_postponed(groups)
    meetings = [_merge(group, later_parts) for group in groups]
    # A report that names nobody taking part and no kind of meeting (a weather story, an interest rate
    # decision in the same folder) is no meeting; the article stays among the brief's articles.
    meetings = [m for m, group in zip(meetings, groups, strict=True) if m.participants or _has_kind(group)]
    meetings = _unique_ids(sorted(meetings, key=lambda m: (m.date, m.title)))
    return _follow_up_agreements(_canonical_speakers(meetings))


# ---------------------------------------------------------------- clustering one day


@dataclass(frozen=True)
class _Report:
    """What grouping compares of one article (or part of one), computed once."""

    kind: str | None
    sides: tuple[frozenset[str], ...]
    headline: frozenset[str]
    voices: tuple[frozenset[str], ...]  # the people it quotes by name, and those present
    names: frozenset[str]  # the headline's proper names that are no place, title or person's word

    @classmethod
    def of(cls, extraction: Extraction) -> _Report:
        present = {_name_words(p.name) for p in extraction.participants if not p.principal}
        return cls(
            event_kind(extraction),
            tuple(_principals(extraction)),
            content_words(extraction.article.title),
            tuple(_voices(extraction) | present),
            _headline_names(extraction.article.title),
        )


def _headline_names(title: str) -> frozenset[str]:
    """The names of companies and bodies a headline gives ("Sahyadri", "DGCA"): capitalised words after
    its first that are not places, titles, institutions' common words, months or function words."""
    blocked = non_name_words()[0]
    words = _CAPITALISED_WORD.findall(title)[1:]
    lowered = (w.lower() for w in words)
    return frozenset(w for w in lowered if w not in blocked and w not in stopwords() and w not in MONTHS)


_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}'’-])\p{Lu}[\p{L}]{2,}(?![\p{L}'’-])")


def _voices(extraction: Extraction) -> set[frozenset[str]]:
    """Named people quoted (two or more capitalised words, none a title or an institution's word:
    "Elena Marchetti", not "Foreign Ministry" or "Commission spokesperson")."""
    blocked = non_name_words()[0]
    voices = set()
    for quote in extraction.quotes:
        words = (quote.speaker or "").split()
        if len(words) >= 2 and all(w[:1].isupper() and w.lower() not in blocked for w in words):
            voices.add(_name_words(quote.speaker))
    return voices


def _cluster(items: list[Extraction]) -> list[list[Extraction]]:
    """Union-find over the reports of one day (a day holds few, so comparing them pairwise is cheap).

    Reports naming two sides or more are joined first; then each report naming fewer joins the one
    group it fits best, so that it cannot bridge two meetings of the same day that share a person
    ("Rahimov met Asanbekov" and "Rahimov met the Emir", and a report that quotes only Rahimov)."""
    parent = list(range(len(items)))
    reports = [_Report.of(item) for item in items]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    strong = [i for i, report in enumerate(reports) if len(report.sides) >= 2]
    for a, i in enumerate(strong):
        for j in strong[a + 1 :]:
            if _same_meeting(reports[i], reports[j]):
                parent[find(j)] = find(i)
    for i, report in enumerate(reports):
        if len(report.sides) >= 2:
            continue
        fits: dict[int, float] = {}
        for j, other in enumerate(reports):
            if j != i and find(j) != find(i) and _same_meeting(report, other):
                root = find(j)
                fits[root] = fits.get(root, 0.0) + _affinity(report, other)
        if fits:
            parent[find(i)] = max(fits, key=lambda root: (fits[root], -root))
    groups: dict[int, list[Extraction]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[find(i)].append(item)
    return list(groups.values())


def _affinity(a: _Report, b: _Report) -> float:
    """How much two reports that fit have in common: the people both name, then their headlines."""
    people = sum(1 for x in a.sides + a.voices if any(_same_person_words(x, y) for y in b.sides + b.voices))
    return people + jaccard(a.headline, b.headline)


def _join_days_of_one_event(groups: list[list[Extraction]]) -> list[list[Extraction]]:
    """Reports of a later day of an event of several days ("a two-day visit", "12-13 May") join it when
    they name no one it lacks and no other kind of event (_one_event). GROUPS are in date order; only
    events whose span is still open are looked at, so the cost stays linear."""
    joined: list[list[Extraction]] = []
    open_events: list[tuple[dt.date, list[Extraction]]] = []  # (last day, group) of events of several days
    for group in groups:
        day = _first_day(group)
        open_events = [(end, event) for end, event in open_events if end >= day]
        host = next(
            (event for _, event in open_events if event is not group and _one_event(event, group)), None
        )
        if host is not None:
            host.extend(group)
            continue
        joined.append(group)
        end = max((e.event_end for e in group if e.event_end), default=None)
        if end is not None and end > day:
            open_events.append((end, group))
    return joined


def _join_previews_of_postponed(groups: list[list[Extraction]]) -> list[list[Extraction]]:
    """A meeting only announced ("the regulator will review the plan on Thursday") that a later report
    says was postponed ("postponed to February 3") is the meeting held on the new day with the same
    people: the announcement joins it, and no meeting is shown on the day first set. GROUPS are in
    date order; each announcement looks a few weeks ahead only."""
    days = [_first_day(group) for group in groups]
    absorbed: set[int] = set()
    for i, group in enumerate(groups):
        if not _announced_only(group, days[i]):
            continue
        sides = [_name_words(p.name) for e in group for p in e.participants if p.principal]
        j = bisect.bisect_right(days, days[i])
        while j < len(groups) and days[j] <= days[i] + POSTPONED_WITHIN:
            later = groups[j]
            if any(postponed_to(e.article) == days[j] for e in later) and any(
                _same_person_words(a, _name_words(p.name))
                for a in sides
                for e in later
                for p in e.participants
            ):
                later.extend(dataclasses.replace(e, event_date=days[j], event_end=None) for e in group)
                absorbed.add(i)
                break
            j += 1
    return [group for i, group in enumerate(groups) if i not in absorbed]


def _announced_only(group: list[Extraction], day: dt.date) -> bool:
    return all(e.article.published is not None and e.article.published < day for e in group)


def _first_day(group: list[Extraction]) -> dt.date:
    return min(e.event_date or e.article.published for e in group)  # type: ignore[type-var]


def _one_event(event: list[Extraction], later: list[Extraction]) -> bool:
    """No one the event lacks (a report of its second day may name only some of its people), and no
    other kind of event: a business meeting on the second day of a visit, with other people, is another
    meeting."""
    sides = [_name_words(p.name) for e in event for p in e.participants]
    theirs = [_name_words(p.name) for e in later for p in e.participants]
    if not sides or not theirs:
        return False
    if not all(any(_same_person_words(a, b) for b in sides) for a in theirs):
        return False
    kinds = {event_kind(e) for e in event} - {None}
    return not any(_kinds_conflict(a, b) for a in kinds for b in {event_kind(e) for e in later} - {None})


def _same_meeting(a: _Report, b: _Report) -> bool:
    """Same day is given. Two sides in common make one meeting unless one report is of a phone call and
    the other of an encounter; one side in common does when the kinds of event agree and neither
    report names another side that the other lacks (the same leader meeting someone else)."""
    if _kinds_conflict(a.kind, b.kind):
        return False
    shared = [x for x in a.sides if any(_same_person_words(x, y) for y in b.sides)]
    if len(shared) >= 2:
        return True
    if len(shared) == 1:
        return len(a.sides) == 1 or len(b.sides) == 1
    if len(a.sides) == 1 and len(b.sides) == 1:
        # Each names one side, and one's side is in the other report too, quoted or present:
        # "chaired by A and attended by B" and "B, who attended the board meeting, said".
        # Or both quote the same third person and their headlines share a word: the two sides of a
        # negotiation, each report led by its own side, with the other side's negotiator quoted in both.
        return (
            any(_same_person_words(a.sides[0], v) for v in b.voices)
            or any(_same_person_words(b.sides[0], v) for v in a.voices)
            or (bool(a.headline & b.headline) and _share_a_voice(a, b))
        )
    if not a.sides or not b.sides:
        # A report that names no side (an institution's release, a story about a hearing) joins one
        # that quotes or names the same person that day, or has much the same headline.
        mine, theirs = a.sides + a.voices, b.sides + b.voices
        if any(_same_person_words(x, y) for x in mine for y in theirs):
            return True
        # ... or names the same company or body in its headline: "Regulator fines Sahyadri" and "DGCA
        # review meeting with Sahyadri postponed to February 3"
        return jaccard(a.headline, b.headline) >= 0.3 or bool(a.names & b.names)
    return False


def _share_a_voice(a: _Report, b: _Report) -> bool:
    theirs = [v for v in b.voices if v not in b.sides]
    return any(_same_person_words(v, w) for v in a.voices if v not in a.sides for w in theirs)


def _has_kind(group: list[Extraction]) -> bool:
    return any(event_kind(extraction) for extraction in group)


def _kinds_conflict(a: str | None, b: str | None) -> bool:
    """A call is never an encounter; a ceremony is not the talks (two events of the same people)."""
    if a is None or b is None or a == b:
        return False
    return "call" in (a, b) or {a, b} == {"ceremony", "talks"}


def _principals(extraction: Extraction) -> list[frozenset[str]]:
    return [_name_words(p.name) for p in extraction.participants if p.principal]


@lru_cache(maxsize=65536)  # merging compares the same few thousand names hundreds of thousands of times
def _name_words(name: str) -> frozenset[str]:
    """The words that identify a person across articles; initials ("B." of "B. Enkhtuya") are left out,
    since another outlet may write the name in full."""
    words = fold(name).split()
    return frozenset(w for w in words if not (w.endswith(".") and len(w) <= 3)) or frozenset(words)


def _same_person_words(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


@cache
def _kind_regex() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = lexicon.table("event_types")
    kinds = {phrase.lower(): kind for kind, phrase in rows}
    return regex.compile(rf"\b(?:{lexicon.alternation([p for _, p in rows])})\b", regex.IGNORECASE), kinds


_SPACES = regex.compile(r"\s+")


def event_kind(extraction: Extraction) -> str | None:
    """The kind of event the headline, else the lead sentence, names."""
    pattern, kinds = _kind_regex()
    article = extraction.article
    lead = "".join(article.text[a:b][:400] for a, b in article.lead())
    for text in (article.title, lead):
        found = [kinds[_SPACES.sub(" ", m.group().lower())] for m in pattern.finditer(text)]
        specific = [k for k in found if k not in COMPATIBLE_KINDS]
        if specific:  # "talks by phone" are a call: the medium is the more telling
            return "call" if "call" in specific else specific[0]
    return None


# ---------------------------------------------------------------- merging a group


def _merge(group: list[Extraction], later_parts: set[tuple[str, dt.date]]) -> Meeting:
    group = sorted(group, key=lambda e: (e.article.published or dt.date.min, e.article.id))
    day = min(e.event_date or e.article.published for e in group)  # type: ignore[type-var]
    ends = [e.event_end for e in group if e.event_end]
    participants = _merge_people(p for e in group for p in e.participants)
    # A headline is about the article's lead: an article that reports this meeting later does not name it.
    title = _title(
        [e for e in group if (e.article.id, e.event_date) not in later_parts] or group, participants
    )
    return Meeting(
        id="",
        date=day,
        end_date=max(ends) if ends else None,
        title=title,
        location=None if _remote(group) else _location(group),
        participants=participants,
        sources=tuple(e.article.id for e in group),
        partial_sources=tuple(e.article.id for e in group if (e.article.id, e.event_date) in later_parts),
        facts=_merge_facts((f for e in group for f in e.facts), title),
        quotes=_merge_quotes(q for e in group for q in e.quotes),
        # What is only to be signed was not signed at this meeting: the sentence saying so can be a fact.
        agreements=_merge_agreements(a for e in group for a in e.agreements if a.status not in PLANNED),
    )


def _merge_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """One entry per person: "Costa" and "Ana Costa" are one; the fullest name and role win."""
    merged: list[Person] = []
    for person in people:
        words = _name_words(person.name)
        for i, known in enumerate(merged):
            known_words = _name_words(known.name)
            if words <= known_words or known_words <= words:
                merged[i] = Person(
                    _fuller_name(known.name, person.name),
                    _better_role(known.role, person.role),
                    known.principal or person.principal,
                )
                break
        else:
            merged.append(person)
    return tuple(sorted(merged, key=lambda p: not p.principal))


def _fuller_name(a: str, b: str) -> str:
    """The longer spelling, or the one with its accents ("Yalçın" over a wire's "Yalcin")."""
    return max(a, b, key=lambda name: (len(name), not name.isascii()))


def _better_role(a: str | None, b: str | None) -> str | None:
    """The more informative role: one naming a country ("President of X") beats a bare title."""
    if not a or not b:
        return a or b
    return b if (" of " in b and " of " not in a) else a


def _title(group: list[Extraction], participants: tuple[Person, ...]) -> str:
    """A headline that names the meeting's sides, as a reader would write it."""
    principals = [p.name.split()[-1].lower() for p in participants if p.principal]

    def score(extraction: Extraction) -> tuple[bool, int, int]:
        title = extraction.article.title.lower()
        named = sum(1 for surname in principals if surname in title)
        return (_is_headline(extraction.article), named, -abs(len(title.split()) - 10))

    best = max(group, key=score)
    return best.article.title


def _is_headline(article: Article) -> bool:
    """A real headline, not a title made from the lead's first words for want of one."""
    if not article.paragraphs:
        return True
    lead = normalise("".join(article.text[a:b] for a, b in article.lead()))
    return normalise(article.title).rstrip(" .…") not in lead


def _remote(group: list[Extraction]) -> bool:
    """A phone call or a videoconference (as most reports of it say) happens in no one city: the
    datelines are where the stories were filed."""
    kinds = Counter(kind for e in group if (kind := event_kind(e)))
    return bool(kinds) and kinds.most_common(1)[0][0] == "call"


def _location(group: list[Extraction]) -> str | None:
    """The place most reports give; on a tie, the one most of them name in their headline or lead (a
    wire's dateline is where it was filed, which the other reports do not mention)."""
    counts = Counter(e.location for e in group if e.location)
    if not counts:
        return None
    top = max(counts.values())
    tied = [place for place, count in counts.items() if count == top]
    if len(tied) == 1:
        return tied[0]
    heads = [
        fold(" ".join([e.article.title, *(e.article.text[a:b] for a, b in e.article.lead(2))])) for e in group
    ]
    return max(tied, key=lambda place: sum(has_word(head, fold(place)) for head in heads))


def _merge_quotes(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    merged: list[Quote] = []
    merged_words: list[frozenset[str]] = []  # each merged quote's content words, worked out once
    for quote in quotes:
        words = content_words(quote.text)
        for i, known in enumerate(merged):
            if (
                known.kind == quote.kind
                and _same_text(words, merged_words[i])
                and (not quote.speaker or not known.speaker or _same_person(quote.speaker, known.speaker))
            ):
                merged[i] = Quote(
                    max(known.text, quote.text, key=len),
                    known.speaker or quote.speaker,
                    known.kind,
                    known.cue,
                    _union(known.sources, quote.sources, longest_first=len(quote.text) > len(known.text)),
                    known.speaker_role or quote.speaker_role,
                )
                if merged[i].text is not known.text:
                    merged_words[i] = words
                break
        else:
            merged.append(quote)
            merged_words.append(words)
    return tuple(merged)


def _same_text(words: frozenset[str], other: frozenset[str]) -> bool:
    """containment(words, other) >= SAME_TEXT: the same item in other words. Written out, as a
    meeting's merges ask it of every pair of its quotes and of its facts."""
    return bool(words) and bool(other) and len(words & other) / min(len(words), len(other)) >= SAME_TEXT


def _same_person(a: str, b: str) -> bool:
    return _same_person_words(_name_words(a), _name_words(b))


def _union(a: tuple[Span, ...], b: tuple[Span, ...], longest_first: bool = False) -> tuple[Span, ...]:
    spans = (b + a) if longest_first else (a + b)
    seen: dict[str, Span] = {}
    for span in spans:
        seen.setdefault(span.article_id, span)
    return tuple(seen.values())


def _merge_facts(facts: Iterable[Fact], title: str) -> tuple[Fact, ...]:
    """Each fact once, citing every source; facts that only restate the headline rank lower."""
    merged: list[Fact] = []
    merged_words: list[frozenset[str]] = []  # each merged fact's content words, worked out once
    title_words = content_words(title)
    for fact in facts:
        words = content_words(fact.text)
        if words and len(words & title_words) / len(words) >= RESTATES_TITLE:
            fact = Fact(fact.text, fact.sources, fact.score - 1.5)
        for i, known in enumerate(merged):
            if _same_text(words, merged_words[i]):
                merged[i] = Fact(
                    known.text, _union(known.sources, fact.sources), max(known.score, fact.score)
                )
                break
        else:
            merged.append(fact)
            merged_words.append(words)
    limit = min(MAX_FACTS, FACTS_PER_SOURCE * len({s.article_id for f in merged for s in f.sources}) + 4)
    ranked = sorted((f for f in merged if f.score >= MIN_SCORE), key=lambda f: -f.score)[:limit]
    return tuple(ranked)


def _merge_agreements(agreements: Iterable[Agreement]) -> tuple[Agreement, ...]:
    merged: list[Agreement] = []
    merged_words: list[frozenset[str]] = []
    for agreement in agreements:
        words = content_words(agreement.title)
        for i, known in enumerate(merged):
            if containment(words, merged_words[i]) >= SAME_TEXT:
                merged[i] = _combine(known, agreement)
                merged_words[i] = content_words(merged[i].title)
                break
        else:
            merged.append(agreement)
            merged_words.append(words)
    return tuple(merged)


def _combine(known: Agreement, other: Agreement) -> Agreement:
    longer = known if len(known.title) >= len(other.title) else other
    status = known.status if known.status == other.status else _later_status(known.status, other.status)
    # The sentence shown is the first report's (of the signing, when a later one says it takes effect).
    return Agreement(
        title=longer.title,
        text=known.text,
        status=status,
        sources=_union(known.sources, other.sources),
        parties=known.parties or other.parties,
        fields=known.fields or other.fields,
        date=known.date or other.date,
    )


def _later_status(a: str, b: str) -> str:
    """Signed beats announced; a follow-up status ("will take effect") adds to what was signed."""
    if b in FOLLOW_UP_STATUSES and b not in a:
        return f"{a}; {b}"
    if a in FOLLOW_UP_STATUSES and a not in b:
        return f"{b}; {a}"
    return a if a == "signed" or b == "announced" else b


# ---------------------------------------------------------------- across meetings


def _unique_ids(meetings: list[Meeting]) -> list[Meeting]:
    seen: Counter[str] = Counter()
    result = []
    for meeting in meetings:
        base = f"{meeting.date.isoformat()}-{slug(meeting.title, 40)}"
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        result.append(dataclasses.replace(meeting, id=ident))
    return result


def _canonical_speakers(meetings: list[Meeting]) -> list[Meeting]:
    """Speakers by their full name as the participants list gives it ("Costa" -> "Ana Costa"): the
    meeting's own participants first, then anyone of the brief (looked up by name words, not scanned)."""
    everyone = _PeopleIndex(p for m in meetings for p in m.participants)
    result = []
    for meeting in meetings:
        own = _PeopleIndex(meeting.participants)
        quotes = tuple(
            _with_full_speaker(q, own.find(q.speaker) or everyone.find(q.speaker)) for q in meeting.quotes
        )
        result.append(dataclasses.replace(meeting, quotes=quotes))
    return result


class _PeopleIndex:
    """People by the words of their names, to find "Costa" as "Ana Costa" without a scan."""

    def __init__(self, people: Iterable[Person]):
        self._by_word: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            for word in _name_words(person.name):
                self._by_word[word].append(person)

    def find(self, name: str | None) -> Person | None:
        if not name:
            return None
        words = fold(name).split()
        candidates = self._by_word.get(words[0], []) if words else []
        for person in candidates:
            if set(words) <= _name_words(person.name) and len(person.name) >= len(name):
                return person
        return None


def _with_full_speaker(quote: Quote, person: Person | None) -> Quote:
    if person is None:
        return quote
    return Quote(
        quote.text, person.name, quote.kind, quote.cue, quote.sources, quote.speaker_role or person.role
    )


def _follow_up_agreements(meetings: list[Meeting]) -> list[Meeting]:
    """An agreement signed at an earlier meeting and mentioned again later updates that agreement
    instead of being listed twice: "the visa agreement will take effect" (any time later), or "a joint
    statement was signed" recalled at the same people's next event within a week. Earlier agreements
    are found through an index of their title words, and a recalled one only among the last week's
    meetings, so the cost grows with the brief, not its square."""
    result = list(meetings)
    index = _AgreementIndex([meeting.date for meeting in meetings])
    for position, meeting in enumerate(result):
        kept = []
        for agreement in meeting.agreements:
            target = index.earlier_match(result, position, agreement)
            if target is None:
                kept.append(agreement)
                continue
            earlier_position, slot = target
            earlier = result[earlier_position]
            updated = list(earlier.agreements)
            updated[slot] = _combine(updated[slot], agreement)
            result[earlier_position] = dataclasses.replace(earlier, agreements=tuple(updated))
        result[position] = dataclasses.replace(meeting, agreements=tuple(kept))
        for slot, agreement in enumerate(kept):
            index.add(position, slot, agreement)
    return result


class _AgreementIndex:
    """Agreements of the meetings seen so far, by the words of their titles (each word's list in
    the order of the meetings, which are in date order: DAYS)."""

    def __init__(self, days: list[dt.date]) -> None:
        self._days = days
        self._by_word: dict[str, list[tuple[int, int]]] = defaultdict(list)

    def add(self, position: int, slot: int, agreement: Agreement) -> None:
        for word in content_words(agreement.title):
            self._by_word[word].append((position, slot))

    def earlier_match(
        self, meetings: list[Meeting], position: int, agreement: Agreement
    ) -> tuple[int, int] | None:
        meeting = meetings[position]
        follow_up = agreement.status in FOLLOW_UP_STATUSES
        words = content_words(agreement.title)
        sides = {_name_words(p.name) for p in meeting.participants if p.principal}
        share = 0.6 if follow_up else SAME_TEXT
        # A follow-up may update any earlier agreement; a recall only one of the last RECALL_DAYS.
        since = 0 if follow_up else bisect.bisect_left(self._days, meeting.date - dt.timedelta(RECALL_DAYS))
        candidates = sorted(self._candidates(words, share, since), reverse=True)
        for earlier, slot in candidates:  # the latest meeting first
            previous = meetings[earlier]
            candidate = previous.agreements[slot]
            if containment(words, content_words(candidate.title)) < share:
                continue
            if follow_up or _recalled(previous, meeting, sides):
                return earlier, slot
        return None

    def _candidates(self, words: frozenset[str], share: float, since: int) -> set[tuple[int, int]]:
        """A match shares at least ceil(share * n) of the n words, so it holds one of the n - that + 1
        rarest: their lists are enough (never the long list of a word like "agreement"); of each,
        the entries of meetings from position SINCE on."""
        if not words:
            return set()
        needed = math.ceil(share * len(words))
        rarest = sorted(words, key=lambda w: len(self._by_word.get(w, ())))[: len(words) - needed + 1]
        found = set()
        for word in rarest:
            entries = self._by_word.get(word, [])
            found.update(entries[bisect.bisect_left(entries, (since, 0)) :])
        return found


def _recalled(previous: Meeting, meeting: Meeting, sides: set[frozenset[str]]) -> bool:
    """The same people a few days earlier: what they signed then may be recalled now."""
    if (meeting.date - previous.date).days > RECALL_DAYS:
        return False
    theirs = [_name_words(p.name) for p in previous.participants if p.principal]
    return any(_same_person_words(a, b) for a in sides for b in theirs)
