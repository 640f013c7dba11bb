"""Text helpers shared by the extraction stages: sentence spans, normalisation, similarity."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from briefgen import lexicon

# A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets) before white space
# and something that can start a sentence.
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[^\s\w]?[\w"“«])""")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in lexicon.entries("abbreviations"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation or an initial rather than a sentence."""
    match = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot + 1)  # a token is short: never rescan the text
    if not match:
        return False
    token = match.group(1).lstrip("\"'“‘«([")
    if len(token) == 2 and token[0].isupper():  # an initial: "J. Smith"
        return True
    return token.lower() in _abbreviations()


@lru_cache(maxsize=4096)  # people, quotes, agreements, facts and dates all split the same paragraphs
def sentence_spans(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of text[start:end], trimmed of surrounding white space."""
    return tuple(_sentence_spans(text, start, len(text) if end is None else end))


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if (
            match.group().startswith(".")
            and len(match.group()) == 1
            and _is_abbreviation(text, match.start())
        ):
            continue
        yield from _trimmed(text, begin, match.end())
        begin = match.end()
    yield from _trimmed(text, begin, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield (start, end)


def word_positions(text: str, word: str) -> Iterator[int]:
    """Where WORD stands in TEXT as a whole word: no letter, digit or underscore (what \\w matches)
    right before or after it. str.find is much faster than a regex for one literal word."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            yield start
        start = text.find(word, start + 1)


def has_word(text: str, word: str) -> bool:
    return next(word_positions(text, word), None) is not None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})
_DASH_FOLD = re.compile(r"[\u2010-\u2015\u2212]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # merging compares the same items' texts many times
def normalise(text: str) -> str:
    """Lower case, straight quotes and dashes, single spaces: for comparing, never for display."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD)
    return _SPACE.sub(" ", _DASH_FOLD.sub("-", text)).strip().lower()


def fold(text: str) -> str:
    """normalise() with accents off, for matching names across outlets that spell them differently
    ("Yalçın" and "Yalcin", "İZMİR" and "Izmir")."""
    return _without_accents(normalise(text))


def _without_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Letters that carry their mark in themselves, so that NFKD does not take it off.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t"})


def tidy(text: str) -> str:
    """Display form of a name or place: straight apostrophes, single spaces."""
    return _SPACE.sub(" ", text.replace("’", "'").replace("‘", "'")).strip()


# Marks that open the items of a list ("• item", "◦ item"); dashes and asterisks are added where they
# can be bullets too.
BULLET_MARKS = "•▪◦‣·●○■□"

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    stop = stopwords()
    # The words of fold(TEXT): its quotes, dashes and spaces need no folding, as no word holds them.
    folded = _without_accents(unicodedata.normalize("NFKC", text).lower())
    return frozenset(w for w in _WORD.findall(folded) if w not in stop and len(w) > 1)


@cache
def stopwords() -> frozenset[str]:
    """Function words (lexicons/stopwords.txt): left out when texts are compared."""
    return frozenset(lexicon.entries("stopwords"))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger: one outlet's wording inside another's."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def slug(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].rstrip("-")
    return out or "item"
