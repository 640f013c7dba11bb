"""Agreements: documents signed, adopted or announced at a meeting, with title, status, fields and source."""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import MONTHS, WEEKDAYS, parse_date_text
from briefgen.model import Agreement, Span
from briefgen.people import country_of
from briefgen.text import BULLET_MARKS, sentence_spans

# Where a document's name stops: a clause boundary or a phrase that starts something else.
_TITLE_STOP = regex.compile(
    r"\s*(?:[,;:()\"“”]|(?<!\b\p{Lu})\.(?!\d|\p{Lu}\.)"  # not the full stops of "U.S."
    r"|\s(?:as|which|that|who|will|was|were|is|are|has|have|had|in order|after|"
    r"during|at the|with the aim|and (?:the two|jointly|also|other)|signed|were|was|to be|"
    r"on the (?:[\p{L}-]+ )?(?:day|sidelines|margins|occasion|eve))\b"
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
    {"other", "important", "some", "several", "these", "those", "such", "relevant", "the", "a", "following"}
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
    compound = r"(?:\p{Ll}+|\d+)-\p{Ll}+"  # "staff-level", "36-month"
    # a capitalised word of the name, but not a day or a month ("signed on Wednesday the Framework")
    days = lexicon.alternation(sorted(WEEKDAYS) + sorted(MONTHS))
    name = rf"(?!(?i:{days})\b)\p{{Lu}}[\p{{L}}'’-]*"
    return regex.compile(rf"(?:(?:(?i:\b(?:{words}))|{amount}|{compound}|{name})\s+)*$")


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
    listed: set[tuple[int, int]] = set()  # the spans of items already taken from a list
    for index, (start, end) in enumerate(paragraphs):
        if (start, end) in listed or not status_pattern.search(text, start, end):
            continue  # no status word ("signed", "agreed") in the paragraph: none in its sentences
        sentences = sentence_spans(text, start, end)
        for position, (s_start, s_end) in enumerate(sentences):
            if position and _BACK_THEN.match(text, s_start, s_end):
                before = text[sentences[position - 1][0] : sentences[position - 1][1]]
                if _recalled(before, event_date):
                    continue  # "... held talks in Cholpon-Ata on May 15 last year. There they signed ..."
            signed = _sentence_agreements(article_id, text, s_start, s_end, event_date)
            following = [*sentences[position + 1 : position + 2], *paragraphs[index + 1 :]]
            items = _enumerated(article_id, text, (s_start, s_end), signed, following, event_date)
            if items:  # a list announced twice ("signed three agreements. The documents were:") once
                items = [i for i in items if (i.sources[0].start, i.sources[0].end) not in listed]
                listed.update((item.sources[0].start, item.sources[0].end) for item in items)
                found += items
            else:
                found += signed
    return found


# A sentence that goes on about the time or place of the one before it
_BACK_THEN = regex.compile(
    r"(?:There|Then|At that (?:meeting|time|summit)|On that (?:occasion|visit)|At the time)\b"
)
_LIST_REACH = 3  # paragraphs after a signing where its documents may be listed


# "four memoranda of understanding", "12 documents": documents counted, to be listed after.
_COUNTED = regex.compile(
    r"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a number of|"
    r"a series of|a package of|a set of)\s+)?(?P<document>memoranda|memorandums|mous|agreements|documents|"
    r"deals|contracts|accords|treaties|protocols|declarations)(?P<rest>(?:\s+of\s+understanding)?)$",
    regex.IGNORECASE,
)
# "The memoranda cover X, Y and Z", "They include ..."
_COVERS = regex.compile(
    r"(?:The|These|Those|They|Both)\b[^.;:]{0,40}?\b(?:cover|covers|include|includes|concern|concerns|"
    r"deal with|relate to|provide for|are on|focus on)\s+(?P<list>.+?)[.;]?\s*$"
)
_LOWER_ITEM = regex.compile(r"(?=\p{Ll})")
_BULLET = regex.compile(rf"[-*–{BULLET_MARKS}]\s+")
_ITEM_END = regex.compile(r"[\s.;,]*(?:\band\b)?[\s.;,]*$")


def _enumerated(
    article_id: str,
    text: str,
    sentence: tuple[int, int],
    signed: list[Agreement],
    following: list[tuple[int, int]],
    event_date: dt.date | None,
) -> list[Agreement]:
    """Documents signed together and then listed one by one: after a colon ("signed three documents:
    A, B and C", "witnessed the signing of the following documents:" and bullet points), or after
    a count ("signed four memoranda") in bullet points or the next sentence ("The memoranda cover X,
    Y and Z"): an agreement for each item, with the status of the sentence that announces them."""
    start, end = sentence
    introduced = _LIST_INTRO.search(text, start, end)
    umbrella = next((a for a in signed if _COUNTED.match(a.title)), None)
    if introduced is None and umbrella is None:
        return []
    cue = _status_regex()[0].search(text, start, introduced.start() if introduced else end)
    # "X and Y signed:" names no document before its list: the items name theirs.
    document = _document_regex().search(text, start, introduced.start() if introduced else end)
    if (
        cue is None
        or (document is None and not introduced)
        or (document and _denied(text, document, cue, ""))
    ):
        return []
    status = _status_regex()[1][_SPACES.sub(" ", cue.group().lower())]
    kind = _kind(document.group()) if document else "agreement"
    if introduced and introduced.end() < end:  # the list follows the colon in the sentence itself
        items = _items(text, introduced.end(), end, (start, end))
    else:
        items = _bullet_items(text, following)
        if not items and umbrella is not None and document is not None and kind != "document":
            items = _covered_items(text, following, document.group())
    if len(items) < 2:
        return []
    listed = [
        Agreement(
            title=_item_title(text[a:b], kind),
            text=text[span[0] : span[1]].strip(),
            status=status,
            sources=(Span(article_id, *span),),
            date=event_date if status == "signed" else None,
        )
        for a, b, span in items
    ]
    if introduced:
        return listed  # the sentence announces the list: its documents are the list's items
    return [a for a in signed if a is not umbrella] + listed


# A colon after the status and the documents: "signed three documents:", "the following agreements:".
_LIST_INTRO = regex.compile(r"(?<!\d):(?!\d)\s*")  # not the colon of a time ("at 10:30")


def _bullet_items(text: str, following: list[tuple[int, int]]) -> list[tuple[int, int, tuple[int, int]]]:
    """The bullet points that start within the next three paragraphs or sentences ("The documents
    signed were:" may stand before them)."""
    items = []
    for position, (start, end) in enumerate(following):
        # A bullet, or a paragraph in lower case ("a Memorandum ...;"): a list whose markers were lost
        # (a PDF's text layer keeps the items, not the bullets).
        bullet = _BULLET.match(text, start, end) or _LOWER_ITEM.match(text, start, end)
        if bullet is None:
            if items or position >= _LIST_REACH - 1:
                break
            continue
        items.append((bullet.end(), end, (start, end)))
    return items


def _covered_items(
    text: str, following: list[tuple[int, int]], document: str
) -> list[tuple[int, int, tuple[int, int]]]:
    """ "The memoranda cover X, Y and Z": the next sentence, or a later paragraph that names the documents."""
    for position, (start, end) in enumerate(following[:_LIST_REACH]):
        end = sentence_spans(text, start, end)[0][1] if position else end
        covers = _COVERS.match(text, start, end)
        if covers and (position == 0 or document.lower() in text[start : covers.start("list")].lower()):
            return _items(text, covers.start("list"), covers.end("list"), (start, end))
    return []


def _items(
    text: str, start: int, end: int, sentence: tuple[int, int]
) -> list[tuple[int, int, tuple[int, int]]]:
    """The items of the list text[start:end], each with the span of the sentence that holds them."""
    found, offset = [], start
    for piece in _LIST_PIECE.split(text[start:end]):
        at = text.find(piece, offset, end)
        if piece.strip() and at >= 0:
            found.append((at, at + len(piece), sentence))
            offset = at + len(piece)
    return found


# Items of a list: split at semicolons, or at commas and the last "and" when the list has commas.
_LIST_PIECE = regex.compile(r"\s*;\s*(?:and\s+)?|\s*,\s*(?:and\s+|as well as\s+)?|\s+and\s+(?=[^,]*$)")


def _item_title(item: str, kind: str) -> str:
    """An item's title: as written when it names its document, else "<document> on <item>"."""
    item = _ITEM_END.sub("", " ".join(item.split()))
    stop = _TITLE_STOP.search(item)
    item = item[: stop.start()] if stop and stop.start() > 0 else item
    if not _document_regex().search(item):
        item = f"{kind} on {item}"
    item = _LEADING_ARTICLE.sub("", item)
    return item[:1].upper() + item[1:]


def _kind(document: str) -> str:
    """The singular of a document word: "memoranda of understanding" -> "memorandum of understanding"."""
    first, _, rest = document.partition(" ")
    return " ".join([_singular(first), *rest.split()]).lower()


def _singular(document: str) -> str:
    word = document.lower()
    return {
        "memoranda": "memorandum",
        "memorandums": "memorandum",
        "mous": "memorandum of understanding",
    }.get(word, word.removesuffix("ies") + "y" if word.endswith("ies") else word.removesuffix("s"))


def _sentence_agreements(
    article_id: str, text: str, start: int, end: int, event_date: dt.date | None
) -> list[Agreement]:
    status_pattern, statuses = _status_regex()
    # A status inside a quotation is what someone wants or says: 'wanted it "signed in December"'.
    cues = [cue for cue in status_pattern.finditer(text, start, end) if not _quoted(text, start, cue.start())]
    if not cues or _dated_elsewhere(text[start:end], event_date):
        return []
    sentence = text[start:end].strip()
    agreements = []
    documents = list(_document_regex().finditer(text, start, end))
    documents = _outer_documents(text, documents)
    for index, document in enumerate(documents):
        # The next document of the sentence ends this one's name: "an MoU on X and an agreement on Y".
        limit = documents[index + 1].start() if index + 1 < len(documents) else end
        if _names_a_process(text, document.end(), end) or _SUCH_BEFORE.search(text, start, document.start()):
            continue  # "contract talks": no document; "the first such agreement": one named before
        cue = _governing(cues, document)
        status = statuses[_SPACES.sub(" ", cue.group().lower())]
        if cue.start() > document.end() and _conditional(text, start, document.start()):
            status = "to be signed"  # "would pause drilling until the protocol was signed"
        title = _title(text, document, start, limit, cue, followed=limit < end)
        since = _after_last_join(text, documents[index - 1].end(), document.start()) if index else 0
        if title is None or _denied(text, document, cue, title, since):
            continue
        if status not in _FUTURE_STATUSES and (
            _recalled(text[start:end], event_date) or _AFTER_AN_EARLIER.search(text, start, cue.start())
        ):
            continue  # signed at another time: "a letter of intent signed last year", "six months ago"
        # "agreements on electricity, border security and cargo transport": one agreement each
        topics = _topics(text, document, limit)
        titles = [f"{_kind(document.group()).capitalize()} on {topic}" for topic in topics] or [title]
        agreements += [
            Agreement(
                title=title,
                text=sentence,
                status=status,
                sources=(Span(article_id, start, end),),
                parties=_parties(title),
                fields=_fields(text[start:end]),
                date=event_date if status == "signed" else None,
            )
            for title in titles
        ]
    return _drop_nested(agreements)


def _topics(text: str, document: regex.Match[str], end: int) -> list[str]:
    """The topics a plural document word lists ("agreements on A, B and C"), or none."""
    if not _PLURAL_DOCUMENT.search(document.group()):
        return []
    listed = _ON_LIST.match(text, document.end(), end)
    if listed is None:
        return []
    if _TIME_WORD.match(text, listed.end(), end):
        return []  # "signed four memoranda on Monday"
    stop = _LIST_STOP.search(text, listed.end(), end)
    phrase = text[listed.end() : stop.start() if stop else end]
    if _FIELDS_CUT.search(" " + phrase) or not _LIST_JOIN.search(phrase):
        return []
    topics = [_LEADING_ON.sub("", " ".join(piece.split())) for piece in _LIST_PIECE.split(phrase)]
    if len(topics) < 2 or not all(0 < len(topic.split()) <= 6 for topic in topics):
        return []
    return topics


_TIME_WORD = regex.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)"
)
_LEADING_ON = regex.compile(r"^on\s+")  # "on education and on investment"
_PLURAL_DOCUMENT = regex.compile(r"(?:s|memoranda)(?:\s+of\s+\w+)?$", regex.IGNORECASE)
_ON_LIST = regex.compile(r"\s+on\s+")
# Where a list of topics ends: a clause, a time, a reason ("on Friday, as ...", "which", "to boost").
_LIST_STOP = regex.compile(
    r"[.;:()\"“”]|,\s+(?:as|which|while|after|before|during|when|where|with|in order|including|such as)\b"
    r"|,\s+[^,]{0,40}?\b(?:said|says|told|added|noted|reported|according)\b"
    r"|\s(?:as|which|that|to|during|after|before|while|in order|worth)\s"
    r"|\s(?:on|in|by|last|this|next)\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4}|week|month|year)\b"
)


def _names_a_process(text: str, position: int, end: int) -> bool:
    following = _NEXT_WORD.match(text, position, end)
    return following is not None and following.group(1).lower() in _compounds()


_NEXT_WORD = regex.compile(r"\s+(\p{L}+)")


@cache
def _compounds() -> frozenset[str]:
    return frozenset(lexicon.entries("document_compounds"))


def _outer_documents(text: str, documents: list[regex.Match[str]]) -> list[regex.Match[str]]:
    """Documents named inside another's name are part of it: "an agreement on a 36-month arrangement
    under the Fund Facility" is one document; "an MoU on X and an agreement on Y" are two."""
    outer = documents[:1]
    for document in documents[1:]:
        between = text[outer[-1].end() : document.start()]
        if _LIST_JOIN.search(between) or not _TAIL_START.match(between):
            outer.append(document)
    return outer


_LIST_JOIN = regex.compile(r"[,;]|\band\b|\bas well as\b")


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether POSITION is inside a quotation opened since START."""
    before = text[start:position]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _governing(cues: list[regex.Match[str]], document: regex.Match[str]) -> regex.Match[str]:
    """The status word that governs DOCUMENT: the last one before it ("signed a memorandum and adopted
    a plan"), else the first after it ("the memorandum was signed")."""
    before = [cue for cue in cues if cue.end() <= document.start()]
    return before[-1] if before else next((c for c in cues if c.start() >= document.end()), cues[0])


def _recalled(sentence: str, event_date: dt.date | None) -> bool:
    """The sentence places the signing at another time: a past cue, or a year before the meeting's."""
    if _past_regex().search(sentence):
        return True
    if event_date is None:
        return False
    # A later year is a target ("a first zero-emission voyage in 2028"), not the signing's; an earlier
    # month of the year is another event's ("the visit in June, when the two signed five agreements").
    if any(int(year) < event_date.year for year in _IN_YEAR.findall(sentence)):
        return True
    return any(MONTHS[month.lower()] < event_date.month for month in _IN_MONTH.findall(sentence))


# "... four months after the two sides signed a framework": the signing is the earlier event
_AFTER_AN_EARLIER = regex.compile(
    r"\b(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+after\s+(?:[^.;,:]{0,80})$", regex.IGNORECASE
)
_IN_YEAR = regex.compile(  # "in 2019", "in October 2025"
    r"\b(?i:in|since|until)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?((?:19|20)\d\d)\b"
)
_IN_MONTH = regex.compile(
    r"\b(?i:in)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"(?!\s+\d)"
)
_FUTURE_STATUSES = frozenset({"to be signed", "will take effect"})


@cache
def _past_regex() -> regex.Pattern[str]:
    return regex.compile(
        rf"\b(?:{lexicon.alternation(lexicon.entries('agreement_past_cues'))})\b", regex.IGNORECASE
    )


def _after_last_join(text: str, start: int, end: int) -> int:
    """Where the words about the next document start: after the last "," or "and" before it ("signed A,
    which guarantees that none ..., and a five-year B": the "none" is about A)."""
    joins = list(_LIST_JOIN.finditer(text, start, end))
    return joins[-1].end() if joins else start


def _denied(text: str, document: regex.Match[str], cue: regex.Match[str], title: str, since: int = 0) -> bool:
    """ "No documents were signed", "the treaty was not signed", "they did not sign the accord". SINCE:
    where the words about this document start (after the sentence's previous document)."""
    negation = _negation_regex()
    between = text[max(since, min(document.end(), cue.end())) : max(document.start(), cue.start())]
    before = _NO_BEFORE.search(text, max(0, document.start() - 30), document.start())
    deferred = _DEFERRED_AFTER.match(text, document.end(), document.end() + 80)
    return bool(negation.match(title) or negation.search(between) or before or deferred)


# "the signing of the revised agreement has been deferred until December"
_DEFERRED_AFTER = regex.compile(
    r"[^.;:,]{0,40}?\b(?:has been|have been|was|were|is|are|had been)\s+(?:again\s+)?"
    r"(?:deferred|postponed|delayed|put off|called off|cancelled|canceled|suspended)\b"
)
# A document that is the condition of something to come: "will not issue permits until the protocol is
# signed", "would resume once an agreement was signed" (a modal or a negation, then the condition).
_CONDITION_BEFORE = regex.compile(
    r"\b(?i:would|will|won't|wouldn't|not|never|cannot|can't|could|should|must|no)\b[^.;:]*?"
    r"\b(?i:until|unless|once|if|pending|as soon as)\s+(?:[\p{L}'’-]+\s+){0,3}$"
)
_SUCH_BEFORE = regex.compile(
    r"\b(?i:such|similar)\s+(?:[\p{L}-]+\s+)?$"
)  # "the first such (trade) agreement"


def _conditional(text: str, start: int, document_start: int) -> bool:
    return _CONDITION_BEFORE.search(text, start, document_start) is not None


_NO_BEFORE = regex.compile(r"\b(?:no|No)\s+(?:[\p{L}-]+\s+){0,2}$")  # "There was no (new) agreement on X"


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
# The words between an article and the document word, none of them a function word.
_FUNCTION_WORD = r"(?:a|an|the|of|on|in|at|to|for|with|after|before|by|from|and|or|that|this|was|were|is)\s"
_DESCRIBED = regex.compile(
    rf"\b(?:a|an|the|its|their)\s+(?P<words>(?:(?!{_FUNCTION_WORD})[\p{{L}}\d][\p{{L}}\d'’-]*\s+){{1,4}})$",
    regex.IGNORECASE,
)
_TAIL_START = regex.compile(r"\s+(?:on|between|of|for|to|about|concerning|regarding|worth)\s")
# An article, perhaps after the preposition that opens the sentence ("Under the roadmap adopted ...").
_LEADING_ARTICLE = regex.compile(
    r"^(?:(?:under|after|with|for|by|from|in|on|at|as)\s+)?(?:a|an|the)\s+", regex.IGNORECASE
)
_LEADING_FILLER = regex.compile(r"^(?:other|important|\s)+", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\bbetween\s+(.+?)\s+and\s+(.+)$")
_LIST_SEPARATOR = regex.compile(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+")


def _title(
    text: str, document: regex.Match[str], floor: int, end: int, cue: regex.Match[str], followed: bool = False
) -> str | None:
    """The document's name: its modifiers, the document word, and what follows ("on visa exemption")."""
    # What describes the document stands between the status verb (if before it) and the document word.
    since = cue.end() if cue.end() <= document.start() else floor
    window = text[max(floor, since, document.start() - 80) : document.start()]
    before = _modifiers_regex().search(window)
    modifiers = before.group() if before else ""
    described = _DESCRIBED.search(window)  # "a new three-year collective agreement"
    if described and len(described.group("words")) > len(modifiers):
        modifiers = described.group("words")
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
    words = _LEADING_ARTICLE.sub("", " ".join((modifiers + document.group() + tail).split()))
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
