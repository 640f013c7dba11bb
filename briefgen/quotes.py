"""Quotes: direct quotations, transcript turns and reported speech, each given to the right speaker.

The cascade, per paragraph:
1. pair quotation marks into top-level quotations (nested quotes, apostrophes and mixed pairs handled);
2. a transcript turn ("NAME: text") is a direct quote of NAME; a reporter's question is not a quote;
3. a quotation is a direct quote when a speech cue stands beside it ("...," he said), when its sentence
   attributes speech to someone, or when it reads as speech (several words ending in punctuation);
   quoted names, slogans and scare quotes are not quotes;
4. sentences outside quotations that attribute speech ("X said that ...", "..., X said.",
   "According to X, ...") give reported quotes; a readout's following sentences continue them.
Every quote's text is a verbatim span of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import match_dateline
from briefgen.model import Quote, QuoteKind, Span
from briefgen.people import Cast, Mention, vocabulary
from briefgen.text import sentence_spans, stopwords, tidy, word_positions

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_OPEN_CONTEXT = " \t\n([{—–-/:;"
_MIN_UNCUED_WORDS = 5
_MIN_PARTIAL_WORDS = 2


@dataclass(frozen=True)
class Quotation:
    """A top-level pair of quotation marks: content is text[start:end] (marks excluded)."""

    start: int
    end: int
    paragraph: int
    closed: bool = True


# ---------------------------------------------------------------- 1. pairing quotation marks


def find_quotations(text: str, paragraphs: tuple[tuple[int, int], ...]) -> list[Quotation]:
    found: list[Quotation] = []
    carried = False  # an opening quotation that runs on into the next paragraph
    for index, (start, end) in enumerate(paragraphs):
        pairs, open_at = _pair_marks(text, start, end)
        found.extend(Quotation(a, b, index) for a, b in pairs)
        runs_on = open_at is not None and _next_starts_with_quote(text, paragraphs, index)
        # A quotation left open where the next paragraph opens one runs on (the closing mark is
        # left out at a paragraph's end), wherever it opened: 'X said: "Our goal is ...' then '"We ...'.
        if open_at is not None and (runs_on or (carried and open_at == start)):
            found.append(Quotation(open_at + 1, end, index, closed=False))
        carried = runs_on
    return [q for q in (_trim(text, q) for q in found) if q.end > q.start]


def _next_starts_with_quote(text: str, paragraphs: tuple[tuple[int, int], ...], index: int) -> bool:
    return index + 1 < len(paragraphs) and text[paragraphs[index + 1][0]] in '"“„«'


def _mark_kind(text: str, i: int, start: int, end: int, width: int = 1) -> str | None:
    """'open', 'close' or None (an apostrophe, or a mark that cannot be placed)."""
    char = '"' if width == 2 else text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if char in _DOUBLE_OPEN or (char in _SINGLE_OPEN and before in _OPEN_CONTEXT):
        return "open"
    if char in _DOUBLE_CLOSE:
        return "close"
    if char in "\"'’":
        if before.isalnum() and after.isalnum():
            return None  # an apostrophe inside a word: Sana'a, don't
        if before in _OPEN_CONTEXT and not after.isspace():
            return "open" if char != "’" else None
        if not before.isspace() and (after.isspace() or not after.isalnum()):
            return "close"
    return None


def _family(char: str) -> str:
    return "single" if char in "'‘’‹›" else "double"  # a doubled apostrophe is passed in as '"'


_MARK = regex.compile(r"[\"'“”„«»‘’‹›`]")


def _pair_marks(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Top-level (content start, content end) pairs, and where an unclosed top-level quote opens."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    skip_to = start
    for mark in _MARK.finditer(text, start, end):  # only the marks: most characters are none
        i = mark.start()
        if i < skip_to:
            continue
        width = 2 if text[i : i + 2] in ("''", "``") else 1  # ''...'' and ``...'' stand for "..."
        skip_to = i + width
        kind = "open" if text[i : i + 2] == "``" else _mark_kind(text, i, start, end, width)
        if kind == "open" and not (
            _is_straight_double(text, i) and _closes_open_straight(text, stack, i + width - 1, end)
        ):
            stack.append(i)
            continue
        if kind is None:
            continue
        level = _matching_opener(text, stack, '"' if width == 2 else text[i])
        if level is None:
            continue
        opener = stack[level]
        del stack[level:]
        if not stack:
            pairs.append((opener + _mark_width(text, opener), i))
    return pairs, (stack[0] if stack else None)


def _mark_width(text: str, i: int) -> int:
    return 2 if text[i : i + 2] in ("''", "``") else 1


def _is_straight_double(text: str, i: int) -> bool:
    return text[i] == '"' or text[i : i + 2] == "''"


def _closes_open_straight(text: str, stack: list[int], i: int, end: int) -> bool:
    """A straight quote after an open straight quote, followed by punctuation or the end, closes it."""
    if not stack or not _is_straight_double(text, stack[-1]):
        return False
    after = text[i + 1] if i + 1 < end else " "
    return not after.isalnum()


def _matching_opener(text: str, stack: list[int], closer: str) -> int | None:
    """Index in the stack of the nearest opener of the same family (so a stray apostrophe cannot close “)."""
    family = _family(closer)
    for level in range(len(stack) - 1, -1, -1):
        opener = '"' if _mark_width(text, stack[level]) == 2 else text[stack[level]]
        if _family(opener) == family:
            return level
    return None


def _trim(text: str, q: Quotation) -> Quotation:
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quotation(start, end, q.paragraph, q.closed)


# ---------------------------------------------------------------- attribution helpers


@cache
def _stance_verb_regex() -> regex.Pattern[str]:
    return regex.compile(rf"\b(?:{lexicon.alternation(lexicon.entries('stance_verbs'))})\b")


@cache
def _any_verb_regex() -> regex.Pattern[str]:
    verbs = [*lexicon.entries("speech_verbs"), *lexicon.entries("stance_verbs")]
    return regex.compile(rf"(?:{lexicon.alternation(verbs)})\b")


@cache
def _source_regex() -> regex.Pattern[str]:
    """ "a senior official", "the Foreign Ministry", "diplomatic sources": a source with no name."""
    nouns = lexicon.alternation(lexicon.entries("source_nouns"))
    verbs = _any_verb_regex().pattern
    # "... for the Greek government", "... of the ministry": whose source it is, stopping at a verb.
    owner = (
        rf"(?:\s+(?:for|of|at|in)\s+(?:the\s+)?(?:(?!{verbs})[\p{{L}}'’-]+(?:\s+|(?=[.,;:!?)]|$))){{1,6}})?"
    )
    return regex.compile(
        rf"(?P<phrase>(?i:(?:the|a|an|one|two|three|several)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?i:{nouns})"
        rf"(?![\w'’-]){owner})"
    )


_LEADING_ARTICLE = regex.compile(r"^(?i:the|a|an)\s+")


def _unnamed_source(text: str, start: int, end: int) -> Mention | None:
    """The source phrase starting at `start`, as a speaker that is no person of the article."""
    match = _source_regex().match(text, start, end)
    if not match:
        return None
    end = match.start() + len(match.group("phrase").rstrip())
    while more := _more_source_nouns().match(text, end, end + 40):  # "a Commission" + " spokesperson"
        end = more.end()
    phrase = _LEADING_ARTICLE.sub("", text[match.start() : end])
    return Mention(match.start(), end, tidy(phrase), "source")


@cache
def _more_source_nouns() -> regex.Pattern[str]:
    nouns = lexicon.alternation(lexicon.entries("source_nouns"))
    return regex.compile(rf"\s+(?i:{nouns})(?![\w'’-])")


_NOT_NAMED = regex.compile(r"\s+not\s+to\s+be\s+(?:named|identified|quoted)\b")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}")
_WORDS = re.compile(r"\w+")  # the re module is faster for a pattern this simple


@cache
def _verb_starters() -> frozenset[str]:
    verbs = [*lexicon.entries("speech_verbs"), *lexicon.entries("stance_verbs")]
    return frozenset(v.split()[0].lower() for v in verbs)


def _verbs_in(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """Speech and stance verbs in text[start:end], trying the big pattern only where one can start."""
    starters, pattern = _verb_starters(), _any_verb_regex()
    lowered = text[start:end].lower()
    present = starters.intersection(_WORDS.findall(lowered))  # word strings only, no match objects
    if not present:
        return []
    if len(lowered) == end - start:  # offsets of the lower-case copy are the text's
        at = sorted(start + i for word in present for i in word_positions(lowered, word))
    else:
        at = [w.start() for w in _WORDS.finditer(text, start, end) if w.group().lower() in present]
    return [match for i in at if (match := pattern.match(text, i, end))]


@cache
def _according_regex() -> regex.Pattern[str]:
    return regex.compile(
        rf"\b(?:{lexicon.alternation(lexicon.entries('speech_nouns'))})\s+$", regex.IGNORECASE
    )


# Between a subject and its verb: adverbs, or an appositive clause ("X, who arrived on Monday,").
_SUBJECT_GAP = regex.compile(
    r"(?:\s*,\s*who\s+|\s*,[^,.;\"“”]{1,120},\s*|\s+(?:of|from)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,6}\s+|\s*,\s+|\s+)"
    r"(?:(?:also|further|then|again|later|once again|has|have|had|(?:was|is|were) quoted as|\w+ly"
    r"|(?:on|late on|early on|later on|last|this)\s+\w+day(?:\s+(?:morning|afternoon|evening|night))?)\s+)*"
)
_SUBJECT_REACH = 130  # characters from the end of a name to its verb: a long appositive between
_SPACES = regex.compile(r"\s+")
_ACCORDING_AFTER = regex.compile(r"(?i:according to|in the words of)\s+")
# Whose title it is: "Stratavia's", "the Commission's", "its".
_OWNER = regex.compile(
    r"(?:(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3}['’]s|(?:the|its|his|her|their)(?:\s+\w+['’]s)?"
    r"|\p{Lu}{2,6})\s+"  # or an acronym: "IMF mission chief X", "TFF President X"
)
_TITLE_WORDS = regex.compile(r"(?:(?:\p{Lu}[\p{L}.'’-]*|of|and|the|for|&)\s+)+")
_DASH = regex.compile(r"\s*[-–—]")
_TRAILING = regex.compile(r"[\s.,]*")
_CLAUSE_END = regex.compile(r"[:,]\s*$")
_WORD_RE = regex.compile(r"\w[\w'’-]*")
_AFTER_QUOTE = regex.compile(r"\s*(?:[,;:]\s*|\s[-–—]\s*|[-–—]\s*)?")


def _subject_before(cast: Cast, text: str, verb_start: int, floor: int) -> Mention | None:
    """The person whose mention ends just before the verb (allowing adverbs and an appositive)."""
    index = bisect_left(cast.starts, verb_start)
    for mention in reversed(cast.mentions[max(0, index - 6) : index]):
        if mention.end > verb_start:
            continue
        if mention.start < floor or verb_start - mention.end > _SUBJECT_REACH:
            return None
        # A mention inside an appositive ("X, on his first visit, said") is passed over for the one
        # before it; the first whose gap to the verb is only adverbs or an appositive is the subject.
        if not mention.possessive and _SUBJECT_GAP.fullmatch(text, mention.end, verb_start):
            if text[mention.end : verb_start].strip() == "," and not text[: mention.start].rstrip().endswith(
                ","
            ):
                continue  # "X, said" only for a name set off by commas: "the minister, X, said"
            return mention
    return None


def _speaker_at(cast: Cast, text: str, position: int, end: int) -> Mention | None:
    """The person named at `position`, a title before the name allowed: "– Minister Ana Rocha",
    "Stratavia's general counsel Jonah Ostrander", "the company's chief executive Ana Rocha"."""
    if named := _mention_starting(cast, position):
        return named
    owner = _OWNER.match(text, position, end)
    if owner and (named := _mention_starting(cast, owner.end())):
        return named  # "Colombia's Luisa Ocampo"
    title = vocabulary().title_regex.match(text, owner.end() if owner else position, end)
    if not title:
        return _after_described_title(cast, text, position)
    index = bisect_left(cast.starts, position)
    for mention in cast.mentions[index : index + 3]:
        if mention.start - position > 80:
            break
        # only title words between: "Argentine Secretary of Energy Diego Santoro"
        if (
            _TITLE_WORDS.fullmatch(text, position, mention.start)
            or text[title.end() : mention.start].strip() in ("", ",")  # "chief negotiator, Martin Osei"
        ):
            return mention
    return None


def _after_described_title(cast: Cast, text: str, position: int) -> Mention | None:
    """A person named after a few words that end in a title: "UAPW national president X"."""
    index = bisect_left(cast.starts, position)
    if index >= len(cast.mentions):
        return None
    mention = cast.mentions[index]
    gap = text[position : mention.start]
    if not gap.strip() or len(gap.split()) > 5 or _PUNCTUATION.search(gap):
        return None
    titles = list(vocabulary().title_regex.finditer(gap))
    return mention if titles and not gap[titles[-1].end() :].strip() else None


_PUNCTUATION = regex.compile(r"[,.;:!?\"“”()]")


def _mention_starting(cast: Cast, position: int) -> Mention | None:
    index = bisect_left(cast.starts, position)
    if index < len(cast.mentions) and cast.mentions[index].start == position:
        return cast.mentions[index]
    return None


def _cue_after(cast: Cast, text: str, position: int, end: int) -> tuple[Mention | None, str] | None:
    """ "...," he said / "...," said Weber / "...," the president of X emphasized / "..." - Minister X."""
    lead = _AFTER_QUOTE.match(text, position, end)
    at = lead.end() if lead else position
    according = _ACCORDING_AFTER.match(text, at, end)
    if according:  # "...," according to Weber.
        source = _speaker_at(cast, text, according.end(), end) or _unnamed_source(text, according.end(), end)
        return (source, "according to") if source else None
    verb = _any_verb_regex().match(text, at, end)
    if verb:  # verb first: "said Weber", "said the minister", "said a senior official"
        gap = _SPACES.match(text, verb.end(), end)
        after = gap.end() if gap else verb.end()
        return _speaker_at(cast, text, after, end) or _unnamed_source(text, after, end), verb.group()
    subject = _speaker_at(cast, text, at, end) or _unnamed_source(text, at, end)
    if subject:
        rest = _SUBJECT_GAP.match(text, subject.end, end)
        verb = _any_verb_regex().match(text, rest.end() if rest else subject.end, end)
        if verb:
            return subject, verb.group()
        if lead and _DASH.match(text, position, at) and _TRAILING.fullmatch(text, subject.end, end):
            return subject, "—"
    return None


def _cue_before(cast: Cast, text: str, floor: int, position: int) -> tuple[Mention | None, str] | None:
    """X said: "..." / X told reporters, "..." / According to X, "..." / X: "..."."""
    tail = _CLAUSE_END.search(text[max(floor, position - 8) : position])
    if not tail:
        return None
    clause_end = max(floor, position - 8) + tail.start()
    for verb in reversed(list(_verbs_in(text, max(floor, clause_end - 60), clause_end))):
        subject = _subject_before(cast, text, verb.start(), floor)
        if subject:
            return subject, verb.group()
    last = next((m for m in reversed(cast.mentions) if floor <= m.start and m.end <= clause_end), None)
    if last and clause_end - last.end < 3:
        if _according_regex().search(text[max(floor, last.start - 20) : last.start]):
            return last, "according to"
        if text[clause_end] == ":":
            return last, ":"
    return None


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _is_name_like(content: str, attributed: bool = False) -> bool:
    """Quoted names and slogans: "New Era", "Building a Safer Future for All Nations". A short phrase
    counts as words of the speaker only inside attributed speech: said ties had "never been stronger"."""
    words = _words(content)
    if content.rstrip()[-1:] in ".!?…":
        return False
    significant = [w for w in words if len(w) > 3]
    capitalised = [w for w in significant if w[0].isupper() or w.isdigit()]  # "Oman Vision 2040"
    if significant and len(capitalised) / len(significant) >= 0.7:
        return True
    return len(words) < (_MIN_PARTIAL_WORDS if attributed else _MIN_UNCUED_WORDS)


@cache
def _label_regexes() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    nouns = lexicon.alternation(lexicon.entries("quote_label_nouns"))
    intros = lexicon.alternation(lexicon.entries("quote_label_intros"))
    return (
        regex.compile(rf"[,.]?[\"'”’»]{{1,2}}\s*(?:{nouns})\b", regex.IGNORECASE),
        regex.compile(rf"\b(?:{intros})\s*[\"'“‘«„`]{{1,2}}$", regex.IGNORECASE),
    )


def _labels_a_thing(text: str, q: Quotation, attributed: bool = False) -> bool:
    """The "Open Skies" policy, the so-called "golden decade", its "free and active" foreign policy,
    what critics call a "switching tax": a quoted name or a scare quote, not a quotation. A name a
    person gives in attributed speech is their words: X said ... and called it a "tourist trip"."""
    after, before = _label_regexes()
    preceding = text[max(0, q.start - 60) : q.start]
    return (
        bool(after.match(text, q.end, q.end + 40))
        or bool(before.search(preceding[-30:]))
        or (not attributed and bool(_CALLED.search(preceding)))
        or _modifies_a_noun(text, q, preceding)
    )


# "who call its fees a "...", "what officials called the "...": naming, not quoting.
_CALLED = regex.compile(
    r"\bcall(?:s|ed|ing)?\b[^.,;:\"“”«»]{0,40}\b(?:a|an|the)\s*[\"'“‘«„]$", regex.IGNORECASE
)
_DETERMINER_BEFORE = regex.compile(
    r"\b(?:a|an|the|its|his|her|their|our|this|that|these|those)\s*[\"'“‘«„]$", regex.IGNORECASE
)
# What a person calls something, named before the quotation ("called the outcome "a good day"");
# "what critics call a "switching tax"" names a thing, and is left to _CALLED.
_CALLED_THING = regex.compile(
    r"\bcall(?:s|ed)\s+(?:the|this|that|his|her|their|its|our)(?:\s+[\p{L}-]+){1,3}\s*[\"“‘«„]$"
)
_NEXT_WORD_AFTER_MARK = regex.compile(r"[\"'”’»]\s+(\p{Ll}[\p{L}-]*)")


def _modifies_a_noun(text: str, q: Quotation, preceding: str) -> bool:
    """A short quoted phrase between a determiner and a noun ("its "free and active" foreign policy")
    describes the noun: a function word after it ("had "never been stronger" and ...") would not."""
    if len(_words(text[q.start : q.end])) > 4 or not _DETERMINER_BEFORE.search(preceding):
        return False
    following = _NEXT_WORD_AFTER_MARK.match(text, q.end, q.end + 40)
    return following is not None and following.group(1).lower() not in stopwords()


# ---------------------------------------------------------------- 2-4. extraction


def extract_quotes(
    article_id: str,
    text: str,
    paragraphs: tuple[tuple[int, int], ...],
    cast: Cast,
    quotations: list[Quotation],
) -> list[Quote]:
    quotes: list[Quote] = []
    turns = _transcript_turns(article_id, text, paragraphs, cast)
    turn_paragraphs = {index for index, _ in turns}
    quotes += [quote for _, quote in turns if quote is not None]
    direct = _direct_quotes(
        article_id, text, paragraphs, cast, [q for q in quotations if q.paragraph not in turn_paragraphs]
    )
    quotes += [q.with_source(article_id) for q in direct]
    # A sentence holding only a partial quotation still gives its reported speech ("X said ties were
    # "strong" and that ..."); one holding a full quotation does not.
    taken = [(q.start, q.end) for q in direct if not q.partial]
    for index, (start, end) in enumerate(paragraphs):
        if index not in turn_paragraphs:
            quotes += _reported_quotes(article_id, text, start, end, cast, taken)
    quotes += [q.with_source(article_id) for q in _added_after_quotes(text, paragraphs, quotations, direct)]
    return sorted(quotes, key=lambda q: q.sources[0].start)


# '"...," X said, adding that ...': what the speaker of the quotation went on to say, in reported speech.
_ADDING = regex.compile(r",\s*(?P<cue>adding|noting|stressing|explaining|saying)\s+that\s+")


def _added_after_quotes(
    text: str, paragraphs: tuple[tuple[int, int], ...], quotations: list[Quotation], direct: list[_Found]
) -> list[_Found]:
    found = []
    for quote in direct:
        paragraph = next((q.paragraph for q in quotations if q.start == quote.start), None)
        if quote.speaker is None or quote.partial or paragraph is None:
            continue
        floor, ceiling = paragraphs[paragraph]
        sentence_end = next(
            (b for a, b in sentence_spans(text, floor, ceiling) if a <= quote.end < b), ceiling
        )
        adding = _ADDING.search(text, quote.end, sentence_end)
        if adding and (
            added := _make_reported(
                text, adding.end(), sentence_end, quote.speaker, adding.group("cue") + " that"
            )
        ):
            found.append(added)
    return found


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    text: str
    speaker: Mention | None
    cue: str | None
    kind: QuoteKind
    closed: bool = True
    partial: bool = False  # a few words quoted inside the reporter's sentence

    def with_source(self, article_id: str) -> Quote:
        return Quote(
            self.text,
            self.speaker.name if self.speaker else None,
            self.kind,
            self.cue,
            (Span(article_id, self.start, self.end),),
        )


# "SPEAKER: words", "Q (Name, Outlet): words"
_TURN = regex.compile(
    r"(?P<label>(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}.'’-]*)\s*(?:\([^()\n]{1,80}\)\s*)?[:：]\s+(?=\S)"
)
_LEADING_NOTE = regex.compile(
    r"\s*[(\[](?:interpretation|interpreted|translation|translated|through an interpreter|as interpreted|"
    r"via interpreter|in \w+)[^)\]]*[)\]]\s*",
    regex.IGNORECASE,
)
_EDITORIAL_NOTE = regex.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\))\s*")
# Turns that are nobody's statement: questions, and the person running the session.
_QUESTION_LABELS = frozenset(
    {
        "q",
        "question",
        "reporter",
        "journalist",
        "audience member",
        "moderator",
        "host",
        "master of ceremonies",
    }
)
_INTERPRETER_NOTE = regex.compile(
    r"\s*\((?:as interpreted|through an interpreter|in \w+|via interpreter|translated)[^)]*\)\.?\s*$",
    regex.IGNORECASE,
)


def _transcript_turns(
    article_id: str, text: str, paragraphs: tuple[tuple[int, int], ...], cast: Cast
) -> list[tuple[int, Quote | None]]:
    """Paragraphs of the form "SPEAKER: words", and the unlabelled paragraphs that continue a turn;
    questions from reporters are turns but not quotes."""
    labelled = {}
    for index, (start, end) in enumerate(paragraphs):
        match = _TURN.match(text, start, end)
        if match and (speaker := _turn_speaker(cast, match)) is not None:
            labelled[index] = (match.end(), speaker)
    if len(labelled) < 2:  # one "Name: text" line is a caption or a heading, not a transcript
        return []
    turns: list[tuple[int, Quote | None]] = []
    speaker = None
    for index in range(min(labelled), len(paragraphs)):
        start, end = paragraphs[index]
        if index in labelled:
            start, speaker = labelled[index]
        if not speaker:  # a question, or what follows it
            turns.append((index, None))
            continue
        if _EDITORIAL_NOTE.fullmatch(text, start, end):
            continue  # "[The interpretation is provided for reference only.]" is nobody's words
        opening = _LEADING_NOTE.match(text, start, end)
        start = opening.end() if opening else start
        note = _INTERPRETER_NOTE.search(text, start, end)
        end = note.start() if note else end
        if end > start:
            span = (Span(article_id, start, end),)
            turns.append((index, Quote(text[start:end], speaker, QuoteKind.DIRECT, "transcript", span)))
    return turns


def _turn_speaker(cast: Cast, match: regex.Match[str]) -> str | None:
    """The speaker a label names ("PRESIDENT SMITH", "Prime Minister Costa", "Costa"), "" for a
    questioner or a moderator, None when the label is not a speaker."""
    label = match.group("label").strip()
    if label.lower().rstrip(".") in _QUESTION_LABELS or _names_an_organisation(label):
        return ""  # "Q:", "MODERATOR:", "THE ACCRA CHRONICLE:" (an interviewer) are nobody quoted
    titles = _title_words()
    words = label.replace(".", " ").split()
    name = [w for w in words if w.lower() not in titles]
    for person in cast.people:
        if name and {w.lower() for w in name} <= {w.lower() for w in person.split()}:
            return person
    if name and (label.isupper() or len(name) < len(words)) and len(words) <= 5:
        return " ".join(w.title() if w.isupper() else w for w in name)
    return None


def _names_an_organisation(label: str) -> bool:
    return any(word.lower() in _org_words() for word in label.split())


@cache
def _org_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.entries("org_words"))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in lexicon.entries("titles") for w in t.lower().split()) | {
        "mr",
        "mrs",
        "ms",
        "dr",
    }


def _direct_quotes(
    article_id: str,
    text: str,
    paragraphs: tuple[tuple[int, int], ...],
    cast: Cast,
    quotations: list[Quotation],
) -> list[_Found]:
    found: list[_Found] = []
    previous_speaker: Mention | None = None
    for q in quotations:
        floor, ceiling = paragraphs[q.paragraph]
        content = text[q.start : q.end]
        cue = _cue_after(cast, text, _after_mark(text, q.end), ceiling) if q.closed else None
        cue = cue or _cue_before(cast, text, floor, _before_mark(text, q.start))
        cue = cue or _cue_in_intro(cast, text, paragraphs, q) or _introduced_before(cast, text, floor, q)
        sentence_cue = None if cue else _sentence_attribution(cast, text, floor, ceiling, q)
        if cue is None and _is_name_like(content, sentence_cue is not None):
            continue
        if (cue is None or cue[0] is None) and _labels_a_thing(text, q, sentence_cue is not None):
            continue  # a speech verb with nobody to say it does not make a label a quote
        if cue is None and sentence_cue is None and not _reads_as_speech(text, q, floor, ceiling):
            continue
        speaker, verb = cue or sentence_cue or (None, None)
        if speaker is None and cue is None and previous_speaker and _continues(found, q, paragraphs):
            speaker = previous_speaker
        partial = cue is None and sentence_cue is not None
        found.append(_Found(q.start, q.end, content, speaker, verb, QuoteKind.DIRECT, q.closed, partial))
        previous_speaker = speaker or previous_speaker
    return _carry_speakers(found)


def _cue_in_intro(
    cast: Cast, text: str, paragraphs: tuple[tuple[int, int], ...], q: Quotation
) -> tuple[Mention, str] | None:
    """A quotation that opens its paragraph after one ending in a colon ("X met Y and issued the
    following statement:"): the speaker is the subject of that last sentence, its first person named."""
    if q.paragraph == 0 or text[paragraphs[q.paragraph][0] : _before_mark(text, q.start)].strip():
        return None
    start, end = paragraphs[q.paragraph - 1]
    if not text[start:end].rstrip().endswith(":"):
        return None
    last_sentence = sentence_spans(text, start, end)[-1][0]
    subject = next((m for m in cast.mentions_between(last_sentence, end) if not m.in_quote), None)
    return (subject, ":") if subject else None


def _introduced_before(cast: Cast, text: str, floor: int, q: Quotation) -> tuple[Mention, str] | None:
    """A quotation that follows a sentence about one person in its paragraph, with no attribution of
    its own ("X, who sells phones in the market, was blunt. "I opened my shop on Friday."")."""
    before = text[floor : _before_mark(text, q.start)].rstrip()
    if not before or before[-1] not in ".!?:" or not _QUOTE_FREE.fullmatch(before):
        return None
    mentions = cast.mentions_between(floor, floor + len(before))
    people = {m.name: m for m in mentions}
    if not any(m.kind != "pronoun" for m in mentions):
        return None  # "He was blunt.": whom "he" is depends on the paragraphs before
    return (next(iter(people.values())), "") if len(people) == 1 else None


_QUOTE_FREE = regex.compile(r"[^\"“”«»]*")


def _after_mark(text: str, end: int) -> int:
    """Past the punctuation the trimmed content left out and the closing mark."""
    while end < len(text) and text[end] in ",;.!?…":
        end += 1
    if text.startswith("''", end):
        return end + 2
    return end + 1 if end < len(text) and text[end] in "\"'”’»›" else end


def _before_mark(text: str, start: int) -> int:
    return start - 1 if start > 0 and text[start - 1] in "\"'“‘«‹„" else start


def _reads_as_speech(text: str, q: Quotation, floor: int, ceiling: int) -> bool:
    """Uncued quotations count when they are whole sentences: several words ending in punctuation,
    or a whole paragraph."""
    content = text[q.start : q.end]
    if len(_words(content)) < _MIN_UNCUED_WORDS:
        return False
    whole_paragraph = not text[floor : _before_mark(text, q.start)].strip() and not text[
        _after_mark(text, q.end) : ceiling
    ].strip(" .")
    return whole_paragraph or not q.closed or text[q.end - 1] in ".!?…" or text[q.end : q.end + 1] == ","


def _sentence_attribution(
    cast: Cast, text: str, floor: int, ceiling: int, q: Quotation
) -> tuple[Mention, str] | None:
    """Weber said the ties were "at their best in history." : a partial quotation inside reported speech."""
    for start, end in sentence_spans(text, floor, ceiling):
        if start <= q.start < end:
            # "X called the statement "a promise with a deadline"": X's words for it
            called = _CALLED_THING.search(text, max(start, q.start - 80), q.start)
            if (
                called
                and (subject := _subject_before(cast, text, called.start(), start))
                and not subject.in_quote
            ):
                return subject, "called"
            verbs = _verbs_in(text, start, q.start)
            for verb in verbs:
                subject = _subject_before(cast, text, verb.start(), start)
                if subject and not subject.in_quote:
                    return subject, verb.group()
            # No person: an unnamed source opening the sentence says it ("A ministry spokesperson
            # declined to comment, saying only that "...").
            source = _unnamed_source(text, start, verbs[0].start()) if verbs else None
            if source is None or _NAME_AFTER.match(text, source.end):
                return None  # "State Department spokesperson Jordan Pace": a person, not a source
            return source, verbs[-1].group()
    return None


def _continues(found: list[_Found], q: Quotation, paragraphs: tuple[tuple[int, int], ...]) -> bool:
    """An unattributed quotation right after an attributed one (same or next paragraph) continues it."""
    if not found:
        return False
    last = found[-1]
    last_paragraph = next(i for i, (a, b) in enumerate(paragraphs) if a <= last.start <= b)
    return q.paragraph - last_paragraph <= 1


def _carry_speakers(found: list[_Found]) -> list[_Found]:
    """A quotation running over several paragraphs is attributed where it closes: give every piece
    before it that speaker."""
    result = list(found)
    for i in range(len(result) - 2, -1, -1):
        piece, following = result[i], result[i + 1]
        if piece.speaker is None and not piece.closed and following.speaker is not None:
            result[i] = _Found(
                piece.start, piece.end, piece.text, following.speaker, following.cue, piece.kind, False
            )
    return result


# ---------------------------------------------------------------- reported speech

_THAT = regex.compile(
    r"(?:\s+(?:in|at|during|on|to|after|before|while|when|with|for)\s+[^,.;:\"“”]{1,60}?|\s+\w+(?:\s+\w+)?)??"
    r"(?:\s*,)?\s+that\s+"
)
_OPENING_OF_CONTENT = regex.compile(r"\s*[:,]?\s*")
_MIN_REPORTED_WORDS = 3


def _reported_quotes(
    article_id: str, text: str, start: int, end: int, cast: Cast, taken: list[tuple[int, int]]
) -> list[Quote]:
    quotes: list[Quote] = []
    current: _Found | None = None  # a readout's reported speech that following sentences continue
    for s_start, s_end in sentence_spans(text, start, end):
        if any(a < s_end and s_start < b for a, b in taken):
            current = None
            continue
        found = _attributed_sentence(cast, text, s_start, s_end)
        if found is None and current is not None and current.cue and current.cue.endswith("that"):
            current = _Found(
                current.start, s_end, text[current.start : s_end], current.speaker, current.cue, current.kind
            )
            quotes[-1] = current.with_source(article_id)
            continue
        current = found
        if found is not None:
            quotes.append(found.with_source(article_id))
    return quotes


def _attributed_sentence(cast: Cast, text: str, start: int, end: int) -> _Found | None:
    return (
        _subject_verb_content(cast, text, start, end)
        or _content_then_attribution(cast, text, start, end)
        or _according_to(cast, text, start, end)
    )


def _subject_verb_content(cast: Cast, text: str, start: int, end: int) -> _Found | None:
    """ "X said (that) ...", "X noted in his speech that ...", "X expressed gratitude to ..."."""
    for verb in _verbs_in(text, start, end):
        if _NOT_NAMED.match(text, verb.end(), end):
            continue  # "an official, who asked not to be named, said ...": the clause's verb, not the speech
        subject = (
            _subject_before(cast, text, verb.start(), start)
            or _source_before(text, start, verb.start())
            or _coordinated_subject(cast, text, start, verb.start())
        )
        if subject is None or subject.in_quote:
            continue
        if before := _content_before(text, start, subject.start, verb.end(), end):
            # "Senegal will sign a memorandum in March, Minister X said on Thursday after the call"
            dateline = match_dateline(text, start, before)
            return _make_reported(text, dateline.end if dateline else start, before, subject, verb.group())
        if _stance_verb_regex().fullmatch(verb.group()):
            content_start, cue = verb.start(), verb.group()
        else:
            that = _THAT.match(text, verb.end(), end)
            opening = that or _OPENING_OF_CONTENT.match(text, verb.end(), end)
            content_start = opening.end() if opening else verb.end()
            cue = verb.group() + (" that" if that else "")
        return _make_reported(text, content_start, end, subject, cue)
    return None


def _content_before(text: str, start: int, subject_start: int, verb_end: int, end: int) -> int | None:
    """Where the content ends when it comes first and the speaker after a comma, with only when and
    where after the verb: the comma; else None (the content follows the verb)."""
    comma = text.rfind(",", start, subject_start)
    if comma < 0 or len(_words(text[start:comma])) < _CONTENT_BEFORE_WORDS:
        return None  # "After the talks, Weber said ...": an opening phrase, not what was said
    if len(_words(text[comma:subject_start])) > 6 or not _CIRCUMSTANCE.match(text, verb_end, end):
        return None  # a long clause between, or content after the verb
    if _THAT_LATER.search(text, verb_end, end):
        return None  # "..., Weber said on Friday that ...": the content follows after all
    return comma


_CONTENT_BEFORE_WORDS = 6
_THAT_LATER = regex.compile(r"\bthat\b|:")


# What may follow a speech verb whose content came before it: when, where, after what; or nothing.
_CIRCUMSTANCE = regex.compile(
    r"\s*(?:[.;]|$|(?:on|after|at|in|during|following|late|earlier|later|today|yesterday|this|last|when|"
    r"before|while)\b)"
)


def _coordinated_subject(cast: Cast, text: str, start: int, verb_start: int) -> Mention | None:
    """ "X called the memorandum "the end of a bad chapter" and said ...": the verb after "and" shares
    the subject that opens the sentence."""
    if not _AND_BEFORE.search(text, start, verb_start):
        return None
    opening = next((m for m in cast.mentions_between(start, verb_start) if not m.in_quote), None)
    if opening is None or opening.kind != "name" or opening.start - start > 40:
        return None
    return opening


_AND_BEFORE = regex.compile(r"\band\s+(?:\w+ly\s+)?$")
_INTRO = regex.compile(r"(?:[^,]{1,40},\s*)?")


def _source_before(text: str, start: int, verb_start: int) -> Mention | None:
    """ "The Foreign Ministry said ...", "On Monday, officials said ...": a source opening the sentence."""
    intro = _INTRO.match(text, start, verb_start)
    for begin in (start, intro.end() if intro else start):
        source = _unnamed_source(text, begin, verb_start)
        if source and _SUBJECT_GAP.fullmatch(text, source.end, verb_start):
            return source
    return None


def _content_then_attribution(cast: Cast, text: str, start: int, end: int) -> _Found | None:
    """ "..., Weber said." / "..., said the minister." / "..., Weber told reporters on Tuesday." """
    comma = end
    for _ in range(_ATTRIBUTION_COMMAS):  # "..., according to X, the company's chief executive."
        comma = text.rfind(",", start, comma)
        if comma < 0:
            return None
        if len(_words(text[comma:end])) > 12:  # the attribution is short; a long tail is a clause of its own
            return None
        cue = _cue_after(cast, text, comma, end)
        if cue and cue[0] is not None:
            return _make_reported(text, start, comma, cue[0], cue[1])
    return None


_ATTRIBUTION_COMMAS = 2


def _according_to(cast: Cast, text: str, start: int, end: int) -> _Found | None:
    """ "According to X, ..." where X is a person (not a press service or a report)."""
    for mention in cast.mentions:
        if mention.start < start or mention.start > start + 60:
            continue
        if mention.start >= end:
            break
        if _according_regex().search(text[start : mention.start]) and text.startswith(",", mention.end):
            return _make_reported(text, mention.end + 1, end, mention, "according to")
    # "According to a Kyrgyz official, the presidents asked ...": a source with no name
    according = _ACCORDING_AFTER.match(text, _LEADING_SPACE.match(text, start, end).end(), end)
    source = _unnamed_source(text, according.end(), end) if according else None
    if source and text.startswith(",", source.end):
        return _make_reported(text, source.end + 1, end, source, "according to")
    return None


_LEADING_SPACE = regex.compile(r"\s*")


def _make_reported(text: str, start: int, end: int, speaker: Mention, cue: str) -> _Found | None:
    while start < end and text[start] in " ,:":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    if len(_words(text[start:end])) < _MIN_REPORTED_WORDS:
        return None
    return _Found(start, end, text[start:end], speaker, cue, QuoteKind.REPORTED)
