"""Key facts: the sentences a reader needs (figures, records and firsts, decisions, future events), ranked."""

from __future__ import annotations

from functools import cache

import regex

from briefgen import lexicon
from briefgen.model import Fact, Span
from briefgen.text import sentence_spans

MIN_SCORE = 2.0
LEAD_BONUS = 1.0
LONG_SENTENCE_WORDS = 45
_QUOTE_EDGE = "\"“”«»'‘’ "


@cache
def _cues() -> tuple[tuple[regex.Pattern[str], float], ...]:
    cues = []
    for line in lexicon.entries("fact_cues"):
        pattern, _, weight = line.rpartition("|")
        cues.append((regex.compile(pattern), float(weight)))
    return tuple(cues)


def score_sentence(sentence: str) -> float:
    """How informative a sentence is: the weights of its cues; very long sentences lose a little."""
    # A cue found twice ("the third ... and the first ...") counts twice, never more.
    score = sum(weight * min(len(pattern.findall(sentence)), 2) for pattern, weight in _cues())
    words = len(sentence.split())
    if words > LONG_SENTENCE_WORDS:
        score -= (words - LONG_SENTENCE_WORDS) / 40
    return score


def extract_facts(
    article_id: str, text: str, paragraphs: tuple[tuple[int, int], ...], limit: int = 8
) -> list[Fact]:
    facts: list[Fact] = []
    lead = None  # the first sentence of the first prose paragraph says what happened
    for start, end in paragraphs:
        for s_start, s_end in sentence_spans(text, start, end):
            s_start, s_end = _clip_quotation(text, s_start, s_end)
            if lead is None and len(text[s_start:s_end].split()) >= 8:
                lead = (s_start, s_end)
            sentence = text[s_start:s_end]
            score = score_sentence(sentence) + (LEAD_BONUS if (s_start, s_end) == lead else 0.0)
            if score >= MIN_SCORE and len(sentence.split()) >= 5:
                facts.append(Fact(sentence, (Span(article_id, s_start, s_end),), score))
    facts.sort(key=lambda f: -f.score)
    return sorted(facts[:limit], key=lambda f: f.sources[0].start)


# "BEIJING, Oct. 17 (Agency) -- ": where the story was filed, not part of the fact.
_DATELINE = regex.compile(
    r"\p{Lu}[\p{Lu} .,'’-]+(?:,\s*[\p{L}\d. ]+?)?(?:\s*\([^)]{1,40}\))?\s*(?:--|[—–]|-(?=\s))\s*"
)
_CLOSING_ATTRIBUTION = regex.compile(r"[,.!?]?[\"”»’]\s*,?\s+[^\"“”]{0,80}$")


def _clip_quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence at the edge of a quotation: keep the quoted words, not the marks or "he said"."""
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    sentence = text[start:end]
    closing = _CLOSING_ATTRIBUTION.search(sentence)
    if closing and not any(c in sentence[: closing.start()] for c in '"“”'):
        end = start + closing.start()
    while start < end and text[start] in _QUOTE_EDGE:
        start += 1
    while end > start and text[end - 1] in _QUOTE_EDGE + ",":
        end -= 1
    return start, end
