"""Duplicates: copies of one article and updated versions of it, found without comparing all pairs.

Two articles are the same when their body words are the same (a content hash), and versions of one
article when their five-word shingles mostly agree (an update adds a paragraph, corrects a figure,
changes the headline). Candidates come from a MinHash signature cut into bands (locality-sensitive
hashing) and from the normalised lead paragraph; only candidates are compared, each with a bounded
number of others, so the work grows linearly with the corpus. Of each group the latest version is
kept (then the longest, then the first in corpus order); the others are reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
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


@dataclass(frozen=True)
class _Text:
    words: tuple[str, ...]
    exact: bytes  # hash of the words (and, for short bodies, the title's)
    shingles: frozenset[int]
    signature: tuple[int, ...]
    lead: bytes | None


def drop_duplicates(extractions: Sequence[Extraction]) -> tuple[list[Extraction], list[Problem]]:
    """EXTRACTIONS without the copies and superseded versions of an article, and a warning for each
    one left out, naming the article kept (whose text the brief cites)."""
    kept_of = duplicate_groups([e.article for e in extractions])
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


def duplicate_groups(articles: Sequence[Article]) -> dict[int, tuple[int, bool]]:
    """Index of each article to leave out -> (index of the article kept instead, same text?)."""
    texts = [_text(article) for article in articles]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        keys: list[tuple] = [("exact", text.exact)]
        if len(text.words) >= MIN_WORDS:
            keys += [("band", b, text.signature[b : b + BAND_ROWS]) for b in range(0, SLOTS, BAND_ROWS)]
            if text.lead is not None:
                keys.append(("lead", text.lead))
        compared: set[int] = set()
        for key in keys:
            bucket = buckets[key]
            for j in bucket[:PEERS]:
                if j not in compared and find(i) != find(j):
                    compared.add(j)
                    if key[0] == "exact" or _similar(text, texts[j]):
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


def _rank(article: Article, text: _Text, index: int) -> tuple[dt.date, int, int]:
    """The version to keep: the latest, then the longest, then the first in corpus order."""
    return (article.published or dt.date.min, len(text.words), -index)


def _similar(a: _Text, b: _Text) -> bool:
    if not a.shingles or not b.shingles:
        return False
    shared = len(a.shingles & b.shingles)
    union = len(a.shingles) + len(b.shingles) - shared
    return shared / union >= SIMILAR or shared / min(len(a.shingles), len(b.shingles)) >= CONTAINED


def _text(article: Article) -> _Text:
    words = tuple(_WORD.findall(article.body.casefold()))
    exact_words = (
        words if len(words) >= MIN_WORDS else (*_WORD.findall(article.title.casefold()), "|", *words)
    )
    shingles = (
        frozenset(
            _hash(" ".join(words[i : i + SHINGLE_WORDS]))
            for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))
        )
        if len(words) >= MIN_WORDS
        else frozenset()
    )
    lead = None
    if article.paragraphs:
        start, end = article.paragraphs[0]
        lead_words = _WORD.findall(article.text[start:end].casefold())
        if len(lead_words) >= LEAD_WORDS:
            lead = _digest(" ".join(lead_words))
    return _Text(words, _digest(" ".join(exact_words)), shingles, _signature(shingles), lead)


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


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
