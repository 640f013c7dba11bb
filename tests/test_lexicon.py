"""Lexicon phrase lists become regexes: every phrase matches, the longest wins, spaces stretch."""

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from briefgen.lexicon import alternation

PHRASES = ["prime minister", "prime", "minister", "ministry", "U.S.", "a+b"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the prime minister said", "prime minister"),  # longer phrase wins over its prefix
        ("prime\n  minister", "prime\n  minister"),  # a space in a phrase matches any white space
        ("the ministry", "ministry"),
        ("the U.S. side", "U.S."),  # regex characters are literal
        ("a+b", "a+b"),
        ("aab", None),
    ],
)
def test_alternation_finds_the_longest_phrase(text, found):
    match = re.search(rf"(?:{alternation(PHRASES)})", text)
    assert (match.group() if match else None) == found


def test_empty_list_matches_nothing_of_substance():
    assert alternation([]) == ""


@given(
    st.lists(st.text(alphabet="ab .", min_size=1, max_size=6), min_size=1, max_size=8),
    st.text("ab .", max_size=12),
)
def test_alternation_matches_like_a_longest_first_list(phrases, text):
    """Same matches as the plain alternation of the phrases sorted longest first."""
    words = {" ".join(p.split()) for p in phrases} - {""}
    plain = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(words, key=len, reverse=True))
    expected = [m.span() for m in regex.finditer(plain, text)]
    assert [m.span() for m in regex.finditer(alternation(phrases), text)] == expected
