"""Key facts: the sentences a reader needs (figures, records and firsts, decisions, future events), ranked."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache

import regex

from briefgen import lexicon
from briefgen.dates import match_dateline
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
    whole = [(0, len(sentence))]
    return _cue_scores(sentence, whole, whole)[0] + _length_penalty(sentence)


def _cue_scores(
    text: str, paragraphs: Sequence[tuple[int, int]], sentences: list[tuple[int, int]]
) -> list[float]:
    """The cue weights of each sentence (spans in order). Each cue is run over the paragraphs and its
    matches are dealt to the sentences they fall in: running every cue on every sentence was the
    slowest part of extraction."""
    scores = [0.0] * len(sentences)
    starts = [start for start, _ in sentences]
    for pattern, weight in _cues():
        counts: dict[int, int] = {}
        for match_start, match_end in _matches(pattern, text, paragraphs):
            i = bisect_right(starts, match_start) - 1
            if i >= 0 and match_end <= sentences[i][1]:
                counts[i] = counts.get(i, 0) + 1
        for i, count in counts.items():
            # A cue found twice ("the third ... and the first ...") counts twice, never more.
            scores[i] += weight * min(count, 2)
    return scores


def _matches(
    pattern: regex.Pattern[str], text: str, paragraphs: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The pattern's matches inside the paragraphs, as a search of each paragraph finds them, with one
    search over them all (a call a paragraph cost more than the searching): a match that runs across
    a paragraph break is dropped and that paragraph searched alone."""
    if not paragraphs:
        return
    ends = [end for _, end in paragraphs]
    position, stop = paragraphs[0][0], paragraphs[-1][1]
    while match := pattern.search(text, position, stop):
        index = bisect_right(ends, match.start())  # the paragraph the match starts in, or the next one
        start, end = paragraphs[index]
        if start <= match.start() and match.end() <= end:
            yield match.span()
            position = max(match.end(), match.start() + 1)
        else:
            yield from (m.span() for m in pattern.finditer(text, max(start, match.start()), end))
            position = end


def _length_penalty(sentence: str) -> float:
    words = len(sentence.split())
    return -(words - LONG_SENTENCE_WORDS) / 40 if words > LONG_SENTENCE_WORDS else 0.0


def extract_facts(
    article_id: str, text: str, paragraphs: tuple[tuple[int, int], ...], limit: int = 8
) -> list[Fact]:
    sentences = [
        _clip_quotation(text, s_start, s_end)
        for start, end in paragraphs
        for s_start, s_end in sentence_spans(text, start, end)
    ]
    sentences = [(start, end) for start, end in sentences if end > start]
    # The first sentence of the first prose paragraph says what happened.
    lead = next((span for span in sentences if len(text[span[0] : span[1]].split()) >= 8), None)
    facts: list[Fact] = []
    for (start, end), cue_score in zip(sentences, _cue_scores(text, paragraphs, sentences), strict=True):
        sentence = text[start:end]
        score = cue_score + _length_penalty(sentence) + (LEAD_BONUS if (start, end) == lead else 0.0)
        if score >= MIN_SCORE and len(sentence.split()) >= 5:
            facts.append(Fact(sentence, (Span(article_id, start, end),), score))
    facts.sort(key=lambda f: -f.score)
    return sorted(facts[:limit], key=lambda f: f.sources[0].start)


_CLOSING_ATTRIBUTION = regex.compile(r"[,.!?]?[\"”»’]\s*,?\s+[^\"“”]{0,80}$")


def _clip_quotation(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence at the edge of a quotation: keep the quoted words, not the marks or "he said"."""
    dateline = match_dateline(text, start, end)  # where the story was filed, not part of the fact
    if dateline:
        start = dateline.end
    sentence = text[start:end]
    closing = _CLOSING_ATTRIBUTION.search(sentence)
    if closing and not any(c in sentence[: closing.start()] for c in '"“”'):
        end = start + closing.start()
    while start < end and text[start] in _QUOTE_EDGE:
        start += 1
    while end > start and text[end - 1] in _QUOTE_EDGE + ",":
        end -= 1
    return start, end
