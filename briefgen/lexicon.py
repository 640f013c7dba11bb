"""Lexicons: plain data files in briefgen/lexicons, one entry a line, and the regexes built from them."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicons/NAME.txt: one a line, blank lines and `#` comments skipped."""
    text = resources.files("briefgen").joinpath("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Entries split into `|`-separated fields (for lexicons such as countries: name|demonym|...)."""
    return tuple(tuple(part.strip() for part in line.split("|")) for line in entries(name))


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of the literal phrases (a space, or a run of them, matches any white space;
    white space around a phrase is ignored), the longest where several match.

    The phrases are merged into a trie ("minister|ministry" -> "minist(?:er|ry)"): a regex engine
    then reads each character once instead of trying hundreds of branches at every position, which
    made the long lexicons (titles, verbs, countries) the slowest part of extraction. A shorter phrase
    is an optional ending tried after the longer ones, so longer phrases still win.
    """
    trie: dict = {}
    # A run of white space in a phrase is one space: "\s+\s+" in a trie would let the first \s+ take
    # all the white space and stop a longer phrase from matching.
    for phrase in {" ".join(p.split()) for p in phrases} - {""}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _trie_regex(trie)


_END = ""  # the key that marks the end of a phrase in the trie (no phrase character is empty)


def _trie_regex(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    group = f"(?:{'|'.join(branches)})"
    return f"{group}?" if _END in node else group
