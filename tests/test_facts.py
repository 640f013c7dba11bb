"""Key facts: figures, firsts and decisions rank above rhetoric."""

from __future__ import annotations

import pytest

from briefgen.facts import MIN_SCORE, extract_facts, score_sentence


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
        "The partnership will cost the city about 300,000 złoty a year.",
        "The mayor is leading a 14-member delegation of officials and port managers.",
        # How long they met, in words, and counts written out
        "The mayor and the federation president met for three hours at the town hall.",
        "The videoconference lasted about an hour and a half.",
        "No agreement was reached after 14 hours of talks at a hotel near the airport.",
        "The federation agreed to build a 42,000-seat stadium in the district.",
        "The plan foresees three phases over five years.",
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
        "The two countries discussed cooperation between the two peoples.",
    ],
)
def test_rhetoric_is_not_a_fact(sentence):
    assert score_sentence(sentence) < MIN_SCORE


def test_figures_rank_above_decisions():
    assert score_sentence("Trade reached $41 billion.") > score_sentence("They decided to meet again.")


def _facts_of(*paragraphs: str):
    text = "\n\n".join(paragraphs)
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return extract_facts("a", text, tuple(spans))


def test_a_fact_in_an_article_scores_as_the_sentence_alone():
    """Cues are searched over the whole article at once; each sentence must still get its own score."""
    facts = _facts_of(
        "The ministers met in the capital on Monday to discuss energy and transport links.",
        "Trade reached $12.4 billion last year, the highest on record. Exports rose by 14 percent.",
        "The first joint forum will be held in 2026. They decided to meet again next year.",
    )
    assert facts
    for fact in facts[1:]:  # the first sentence of an article gets the lead bonus
        assert fact.score == pytest.approx(score_sentence(fact.text))


def test_a_cue_is_never_read_across_a_paragraph_break():
    """ "... ever since" ending one paragraph and "2023 ..." opening the next are no "since 2023"
    (which would make the lead, one cue short of a fact, a fact)."""
    facts = _facts_of(
        "Officials said talks on the new rail corridor have continued ever since",
        "2023 marked a turning point for the region and its neighbours.",
    )
    assert not any(fact.text.startswith("Officials") for fact in facts)


@pytest.mark.parametrize(
    "dateline", ["BEIJING, Oct. 17 (Agency) -- ", "Warsaw, 4 May 2023 - ", "Lagos, March 3 (Wire) - "]
)
def test_a_fact_leaves_out_the_dateline(dateline):
    facts = _facts_of(dateline + "Trade between the two countries reached $12.4 billion last year, a record.")
    assert [fact.text for fact in facts] == [
        "Trade between the two countries reached $12.4 billion last year, a record."
    ]


def test_durations_in_words_and_named_venues_count():
    assert score_sentence("The commitments remain in force for seven years.") > score_sentence(
        "The commitments remain in force."
    )
    assert score_sentence("The leaders met at the Artus Court.") > score_sentence("The leaders met.")
