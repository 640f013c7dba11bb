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
    """A regex alternation of literal phrases, longest first so that longer phrases win."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def phrase_regex(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Matches any entry of lexicons/NAME.txt as whole words."""
    return re.compile(rf"(?<!\w)(?:{alternation(entries(name))})(?!\w)", flags)
