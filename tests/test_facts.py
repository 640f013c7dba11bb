"""Key facts: figures, firsts and decisions rank above rhetoric."""

from __future__ import annotations

import pytest

from briefgen.facts import MIN_SCORE, score_sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade between the two countries reached $12.4 billion last year.",
        "Exports grew by 14 percent in the first quarter.",
        "It is the first visit by a head of state in 20 years.",
        "The next summit will be held in Oslo in 2026.",
        "Both sides agreed on the opening of a Joint Research Centre in the capital.",
        "The country holds the rotating presidency of the regional bloc.",
        "The decree was signed on November 5, 2022.",
    ],
)
def test_informative_sentences_are_facts(sentence):
    assert score_sentence(sentence) >= MIN_SCORE


@pytest.mark.parametrize(
    "sentence",
    [
        "The visit is of great significance for bilateral relations.",
        "The two leaders had a friendly and constructive conversation.",
        "According to him, relations have reached a new level.",
        "The opening gives a new impetus to the development of cooperation.",
    ],
)
def test_rhetoric_is_not_a_fact(sentence):
    assert score_sentence(sentence) < MIN_SCORE


def test_figures_rank_above_decisions():
    assert score_sentence("Trade reached $41 billion.") > score_sentence("They decided to meet again.")
