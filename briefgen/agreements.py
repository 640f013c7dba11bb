"""Agreements: documents signed, adopted or announced at a meeting, with title, status, fields and source."""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import parse_date_text
from briefgen.model import Agreement, Span
from briefgen.people import country_of
from briefgen.text import sentence_spans

# Where a document's name stops: a clause boundary or a phrase that starts something else.
_TITLE_STOP = regex.compile(
    r"\s*(?:[,;:()\"“”]|\.(?!\d)|\s(?:as|which|that|who|will|was|were|is|are|has|have|had|in order|after|"
    r"during|at the|with the aim|and (?:the two|jointly|also|other)|signed|were|was)\b"
    r"|\s(?:in|on|by|next|last|this)\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4}|year|month|week)\b)",
    regex.IGNORECASE,
)
_FIELDS_CUT = regex.compile(r"\s+(?:in|on|covering)\s+(?:such\s+)?(?:fields|areas|sectors|spheres)\b.*$")
_JOINED = regex.compile(r"(?:\s*,)?\s+(?:and|as well as)(?:\s+\S+){0,4}\s*$|\s*,(?:\s+\S+){0,4}\s*$")
# Document words that say nothing on their own ("signed agreements", "other documents").
_VAGUE_DOCUMENTS = frozenset(
    {"documents", "document", "deal", "deals", "agreements", "contracts", "loans", "memoranda", "accords"}
)
_VAGUE = frozenset(
    {"other", "important", "some", "several", "these", "those", "such", "relevant", "the", "a"}
)
_FIELDS = regex.compile(
    r"\b(?:in|on|covering)\s+(?:such\s+)?(?:fields|areas|sectors|spheres)\s+"
    r"(?:such as|including|like|of|as)\s+(?P<list>[^.;]+)",
    regex.IGNORECASE,
)
_FULL_DATE = regex.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?"
    r"\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{4})\b"
)


@cache
def _modifiers_regex() -> regex.Pattern[str]:
    """The run of modifiers that ends where a document word starts."""
    words = lexicon.alternation(lexicon.entries("document_modifiers"))
    amount = r"[$€£¥]?\d[\d.,]*(?:\s(?:billion|million|trillion|bn|mn))?"
    return regex.compile(rf"(?:(?:(?i:\b(?:{words}))|{amount}|\p{{Lu}}[\p{{L}}'’-]*)\s+)*$")


@cache
def _document_regex() -> regex.Pattern[str]:
    return regex.compile(
        rf"\b(?:{lexicon.alternation(lexicon.entries('document_types'))})\b", regex.IGNORECASE
    )


@cache
def _status_regex() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = lexicon.table("agreement_status")
    statuses = {phrase.lower(): status for phrase, status in rows}
    return regex.compile(rf"\b(?:{lexicon.alternation([p for p, _ in rows])})\b", regex.IGNORECASE), statuses


def extract_agreements(
    article_id: str, text: str, paragraphs: tuple[tuple[int, int], ...], event_date: dt.date | None
) -> list[Agreement]:
    found: list[Agreement] = []
    status_pattern, _ = _status_regex()
    for start, end in paragraphs:
        if not status_pattern.search(text, start, end):
            continue  # no status word ("signed", "agreed") in the paragraph: none in its sentences
        for s_start, s_end in sentence_spans(text, start, end):
            found += _sentence_agreements(article_id, text, s_start, s_end, event_date)
    return found


def _sentence_agreements(
    article_id: str, text: str, start: int, end: int, event_date: dt.date | None
) -> list[Agreement]:
    status_pattern, statuses = _status_regex()
    cues = list(status_pattern.finditer(text, start, end))
    if not cues or _dated_elsewhere(text[start:end], event_date):
        return []
    sentence = text[start:end].strip()
    agreements = []
    documents = list(_document_regex().finditer(text, start, end))
    for index, document in enumerate(documents):
        # The next document of the sentence ends this one's name: "an MoU on X and an agreement on Y".
        limit = documents[index + 1].start() if index + 1 < len(documents) else end
        cue = _governing(cues, document)
        status = statuses[_SPACES.sub(" ", cue.group().lower())]
        title = _title(text, document, start, limit, cue, followed=limit < end)
        if title is None or _denied(text, document, cue, title):
            continue
        if status not in _FUTURE_STATUSES and _recalled(text[start:end], event_date):
            continue  # signed at another time: "a letter of intent signed last year", "six months ago"
        agreements.append(
            Agreement(
                title=title,
                text=sentence,
                status=status,
                sources=(Span(article_id, start, end),),
                parties=_parties(title),
                fields=_fields(text[start:end]),
                date=event_date if status == "signed" else None,
            )
        )
    return _drop_nested(agreements)


def _governing(cues: list[regex.Match[str]], document: regex.Match[str]) -> regex.Match[str]:
    """The status word that governs DOCUMENT: the last one before it ("signed a memorandum and adopted
    a plan"), else the first after it ("the memorandum was signed")."""
    before = [cue for cue in cues if cue.end() <= document.start()]
    return before[-1] if before else next((c for c in cues if c.start() >= document.end()), cues[0])


def _recalled(sentence: str, event_date: dt.date | None) -> bool:
    """The sentence places the signing at another time: a past cue, or a year other than the meeting's."""
    if _past_regex().search(sentence):
        return True
    return event_date is not None and any(int(year) != event_date.year for year in _IN_YEAR.findall(sentence))


_IN_YEAR = regex.compile(r"\b(?:in|since|until)\s+((?:19|20)\d\d)\b")
_FUTURE_STATUSES = frozenset({"to be signed", "will take effect"})


@cache
def _past_regex() -> regex.Pattern[str]:
    return regex.compile(
        rf"\b(?:{lexicon.alternation(lexicon.entries('agreement_past_cues'))})\b", regex.IGNORECASE
    )


def _denied(text: str, document: regex.Match[str], cue: regex.Match[str], title: str) -> bool:
    """ "No documents were signed", "the treaty was not signed", "they did not sign the accord"."""
    negation = _negation_regex()
    between = text[min(document.end(), cue.end()) : max(document.start(), cue.start())]
    return bool(negation.match(title) or negation.search(between))


@cache
def _negation_regex() -> regex.Pattern[str]:
    words = lexicon.alternation(lexicon.entries("negations"))
    return regex.compile(rf"\b(?:{words})\b|\w+n['’]t\b", regex.IGNORECASE)


def _dated_elsewhere(sentence: str, event_date: dt.date | None) -> bool:
    """A sentence that dates the signing to another day is background ("signed on 5 November 2022")."""
    for match in _FULL_DATE.finditer(sentence):
        when = parse_date_text(match.group())
        if when and event_date and when != event_date:
            return True
    return False


_SPACES = regex.compile(r"\s+")
_TAIL_START = regex.compile(r"\s+(?:on|between|of|for|to|about|concerning|regarding|worth)\s")
_LEADING_ARTICLE = regex.compile(r"^(?:a|an|the)\s+", regex.IGNORECASE)
_LEADING_FILLER = regex.compile(r"^(?:other|important|\s)+", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\bbetween\s+(.+?)\s+and\s+(.+)$")
_LIST_SEPARATOR = regex.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")


def _title(
    text: str, document: regex.Match[str], floor: int, end: int, cue: regex.Match[str], followed: bool = False
) -> str | None:
    """The document's name: its modifiers, the document word, and what follows ("on visa exemption")."""
    before = _modifiers_regex().search(text[max(floor, document.start() - 80) : document.start()])
    modifiers = before.group() if before else ""
    tail_start = document.end()
    # "Agreements have been signed on establishing twinning ties ...": the subject comes after the verb.
    if cue.start() >= tail_start and not text[tail_start : cue.start()].strip(" ,"):
        tail_start = cue.end()
    stop = _TITLE_STOP.search(text, tail_start, end)
    tail = text[tail_start : stop.start() if stop else end]
    if followed and not stop and (joint := _JOINED.search(tail)):
        tail = tail[: joint.start()]  # cut before "and an" that leads to the next document
    if not _TAIL_START.match(tail):
        tail = ""
    vague = {w.lower() for w in modifiers.split()} <= _VAGUE
    if vague and not tail and document.group().lower() in _VAGUE_DOCUMENTS:
        return None  # "other documents" says nothing
    fields = _FIELDS.search(tail) or _FIELDS_CUT.search(tail)
    if fields:
        tail = tail[: fields.start()]  # the fields are listed apart, not in the title
    words = _LEADING_ARTICLE.sub("", (modifiers + document.group() + tail).strip())
    words = _LEADING_FILLER.sub("", words)
    return words[:1].upper() + words[1:] if words else None


def _parties(title: str) -> tuple[str, ...]:
    match = _BETWEEN.search(title)
    if not match:
        return ()
    return tuple(country_of(side) or side.strip() for side in match.groups())


def _fields(sentence: str) -> tuple[str, ...]:
    match = _FIELDS.search(sentence)
    if not match:
        return ()
    items = _LIST_SEPARATOR.split(match.group("list"))
    return tuple(item.strip() for item in items if item.strip() and len(item.split()) <= 5)


def _drop_nested(agreements: list[Agreement]) -> list[Agreement]:
    """ "Joint statement and other documents": keep distinct documents, drop one title inside another."""
    kept: list[Agreement] = []
    for agreement in agreements:
        lowered = agreement.title.lower()
        if not any(lowered in other.title.lower() and lowered != other.title.lower() for other in agreements):
            kept.append(agreement)
    return kept
