"""Quality floor on the held-out evaluation corpus (tests/data/eval): 26 articles in every supported
format from invented outlets, written independently of the code. Floors only ever rise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.pipeline import build_brief
from briefgen.render.json import brief_dict
from tests.gold import score_brief

EVAL = Path(__file__).parent / "data" / "eval"

# measure -> the least share the brief must get right (set at what the brief achieved when the set was
# added, rounded down; raise a floor whenever the brief does better)
FLOORS = {
    "article_dates": 1.0,
    "grouping_f1": 1.0,
    "meeting_dates": 1.0,
    "locations": 1.0,
    "participants": 1.0,
    "direct_recall": 0.98,
    "direct_precision": 1.0,
    "direct_speaker": 1.0,
    "reported_recall": 0.97,
    "agreement_recall": 1.0,
    "no_invented_agreements": 1.0,
    "fact_recall": 0.94,
    "not_quotes": 1.0,
    "boilerplate": 1.0,
}


@pytest.fixture(scope="module")
def score():
    gold = json.loads((EVAL / "eval.gold.json").read_text(encoding="utf-8"))
    return score_brief(brief_dict(build_brief(EVAL / "corpus")), gold)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_eval_corpus_meets_quality_floor(score, measure):
    misses = [m for m in score.misses if m.startswith(measure)]
    assert score.rate(measure) >= FLOORS[measure], "\n".join(misses)
