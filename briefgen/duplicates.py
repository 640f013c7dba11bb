"""Duplicates: copies of one article and updated versions of it, found without comparing all pairs.

Two articles are the same when their body words are the same (a content hash), and versions of one
article when their five-word shingles mostly agree (an update adds a paragraph, corrects a figure,
changes the headline). Candidates come from a MinHash signature cut into bands (locality-sensitive
hashing) and from the normalised lead paragraph; only candidates are compared, each with a bounded
number of others, so the work grows linearly with the corpus. Of each group the latest version is
kept (then the longest, then the first in corpus order); the others are reported.

What is kept of each article is small (a `TextSignature`: a word count, two digests, the MinHash
signature and its shingles packed as 4-byte values), computed once per article and cached with its
extraction; shingle sets are unpacked only for the pairs compared, and only a few kept at a time.
"""

from __future__ import annotations

import array
import base64
import datetime as dt
import hashlib
import re
import sys
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from briefgen.model import Article, Extraction, Problem

SHINGLE_WORDS = 5
SLOTS = 64  # MinHash signature length (one-permutation hashing, densified)
BAND_ROWS = 4  # 16 bands of 4: pairs above ~0.5 resemblance become candidates
SIMILAR = 0.5  # Jaccard resemblance of the shingle sets that makes two texts versions of one article
CONTAINED = 0.8  # ...or the share of the shorter text's shingles found in the longer one
MIN_WORDS = 20  # shorter bodies are compared with their title, and never as near-duplicates
LEAD_WORDS = 12  # a lead paragraph this long is a candidate key
PEERS = 8  # articles compared with from one bucket: a bound that keeps crowded buckets linear

_WORD = re.compile(r"\w+")
_SLOT_DIGITS = 9  # hex digits of a signature slot: values stay below 16**9


@dataclass(frozen=True)
class TextSignature:
    """What duplicate detection keeps of an article (its text is only read again to compare it)."""

    words: int  # words of the body
    exact: str  # digest of the words (and, for short bodies, the title's)
    minhash: str  # the MinHash signature, SLOTS values of _SLOT_DIGITS hex digits ("" for short bodies)
    lead: str | None  # digest of a long enough lead paragraph
    shingles: str  # the shingle hashes, sorted, as little-endian 4-byte values, in base64 ("" if short)

    def band(self, index: int) -> str:
        width = BAND_ROWS * _SLOT_DIGITS
        return self.minhash[index * width : (index + 1) * width]


def text_signature(article: Article) -> TextSignature:
    words = _words(article)
    exact_words = (
        words if len(words) >= MIN_WORDS else [*_WORD.findall(article.title.casefold()), "|", *words]
    )
    minhash = packed = ""
    if len(words) >= MIN_WORDS:
        shingles = _shingles(words)
        minhash = "".join(f"{value:0{_SLOT_DIGITS}x}" for value in _signature(shingles))
        packed = _pack(shingles)
    lead = None
    if article.paragraphs:
        start, end = article.paragraphs[0]
        lead_words = _WORD.findall(article.text[start:end].casefold())
        if len(lead_words) >= LEAD_WORDS:
            lead = _digest(" ".join(lead_words))
    return TextSignature(len(words), _digest(" ".join(exact_words)), minhash, lead, packed)


def checked(signature: TextSignature) -> TextSignature:
    """SIGNATURE if its fields have the shape text_signature() gives them (it may come from a cache
    entry that was damaged), else ValueError."""
    if not (
        signature.words >= 0
        and _HEX.fullmatch(signature.minhash)
        and len(signature.minhash) in (0, SLOTS * _SLOT_DIGITS)
        and _BASE64.fullmatch(signature.shingles)
        and len(signature.shingles) % 4 == 0
        and (len(signature.shingles) // 4 * 3 - signature.shingles.count("=")) % 4 == 0  # 4-byte values
    ):
        raise ValueError("not a duplicate signature")
    return signature


_HEX = re.compile(r"[0-9a-f]*")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def drop_duplicates(
    extractions: Sequence[Extraction], signatures: Sequence[TextSignature | None] | None = None
) -> tuple[list[Extraction], list[Problem]]:
    """EXTRACTIONS without the copies and superseded versions of an article, and a warning for each
    one left out, naming the article kept (whose text the brief cites). SIGNATURES, when given, are
    the articles' text_signature() (None where not known)."""
    kept_of = duplicate_groups([e.article for e in extractions], signatures)
    kept, problems = [], []
    for i, extraction in enumerate(extractions):
        keeper = kept_of.get(i)
        if keeper is None:
            kept.append(extraction)
            continue
        index, exact = keeper
        article, other = extraction.article, extractions[index].article
        if exact:
            message = f"duplicate of {other.path} (the same text); cited once, from that file"
        else:
            message = f"superseded by {other.path}, a later or longer version of the same article; not cited"
        problems.append(Problem(article.path, message, fatal=False))
    return kept, problems


def duplicate_groups(
    articles: Sequence[Article], signatures: Sequence[TextSignature | None] | None = None
) -> dict[int, tuple[int, bool]]:
    """Index of each article to leave out -> (index of the article kept instead, same text?)."""
    known = signatures or [None] * len(articles)
    texts = [given or text_signature(article) for given, article in zip(known, articles, strict=True)]
    shingles = _ShingleSets(texts)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        keys: list[tuple] = [("exact", text.exact)]
        if text.words >= MIN_WORDS:
            keys += [("band", b, text.band(b)) for b in range(SLOTS // BAND_ROWS)]
            if text.lead is not None:
                keys.append(("lead", text.lead))
        compared: set[int] = set()
        for key in keys:
            bucket = buckets[key]
            for j in bucket[:PEERS]:
                if j not in compared and find(i) != find(j):
                    compared.add(j)
                    if key[0] == "exact" or _similar(shingles.set_of(i), shingles.values_of(j)):
                        parent[find(i)] = find(j)
            if len(bucket) < PEERS:
                bucket.append(i)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    result: dict[int, tuple[int, bool]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        best = max(members, key=lambda i: _rank(articles[i], texts[i], i))
        for i in members:
            if i != best:
                result[i] = (best, texts[i].exact == texts[best].exact)
    return result


class _ShingleSets:
    """The shingles of the articles compared, unpacked when asked for: as a set for the article
    being placed (kept while its buckets are searched), as a plain array for the others."""

    def __init__(self, texts: Sequence[TextSignature]):
        self._texts = texts
        self._current: tuple[int, frozenset[int]] = (-1, frozenset())

    def set_of(self, index: int) -> frozenset[int]:
        if self._current[0] != index:
            self._current = (index, frozenset(self.values_of(index)))
        return self._current[1]

    def values_of(self, index: int) -> array.array[int]:
        values = array.array("I", base64.b64decode(self._texts[index].shingles, validate=True))
        if sys.byteorder == "big":
            values.byteswap()
        return values


def _pack(shingles: frozenset[int]) -> str:
    values = array.array("I", sorted(shingles))
    if sys.byteorder == "big":
        values.byteswap()
    return base64.b64encode(values.tobytes()).decode("ascii")


def _rank(article: Article, text: TextSignature, index: int) -> tuple[dt.date, int, int]:
    """The version to keep: the latest, then the longest, then the first in corpus order."""
    return (article.published or dt.date.min, text.words, -index)


def _similar(a: frozenset[int], b: array.array[int]) -> bool:
    """Whether shingle sets A and B (distinct values) mostly agree, or the smaller is mostly in the other."""
    if not a or not b:
        return False
    shared = len(a.intersection(b))
    union = len(a) + len(b) - shared
    return shared / union >= SIMILAR or shared / min(len(a), len(b)) >= CONTAINED


def _words(article: Article) -> list[str]:
    return _WORD.findall(article.body.casefold())


def _shingles(words: list[str]) -> frozenset[int]:
    return frozenset(
        _hash(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))
    )


def _signature(shingles: frozenset[int]) -> tuple[int, ...]:
    """A MinHash signature from one hash a shingle: the slot is taken from the hash and the smallest
    value kept in each slot; empty slots borrow from a slot chosen by a fixed probe sequence."""
    slots: list[int | None] = [None] * SLOTS
    for value in shingles:
        slot, rest = value % SLOTS, value // SLOTS
        current = slots[slot]
        if current is None or rest < current:
            slots[slot] = rest
    if not shingles:
        return tuple([0] * SLOTS)
    filled = list(slots)
    for slot in range(SLOTS):
        if slots[slot] is None:
            for attempt, probe in enumerate(_probes(slot)):
                if slots[probe] is not None:
                    filled[slot] = (slots[probe] or 0) * SLOTS + attempt
                    break
    return tuple(value or 0 for value in filled)


@cache
def _probes(slot: int) -> tuple[int, ...]:
    """The slots an empty SLOT borrows from, in order: a fixed pseudo-random sequence, then all."""
    sequence = [_hash(f"probe {slot} {attempt}") % SLOTS for attempt in range(4 * SLOTS)]
    return (*sequence, *range(SLOTS))


def _hash(text: str) -> int:
    """A fast, stable 32-bit hash (Python's own hash() changes from run to run)."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
