"""Quality floor: the brief of the sample corpus against the gold file. Floors only ever rise."""

from __future__ import annotations

import pytest

from briefgen.render.json import brief_dict
from tests.gold import score_brief

# measure -> the least share of gold items the brief must get right
FLOORS = {
    "article_dates": 1.0,
    "grouping_f1": 1.0,
    "meeting_dates": 1.0,
    "locations": 1.0,
    "participants": 1.0,
    "direct_recall": 1.0,
    "direct_precision": 1.0,
    "direct_speaker": 1.0,
    "reported_recall": 0.9,
    "agreement_recall": 1.0,
    "no_invented_agreements": 1.0,
    "fact_recall": 1.0,
    "not_quotes": 1.0,
    "boilerplate": 1.0,
}


@pytest.fixture(scope="module")
def score(sample_brief):
    return score_brief(brief_dict(sample_brief))


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_sample_brief_meets_quality_floor(score, measure):
    misses = [m for m in score.misses if m.startswith(measure)]
    assert score.rate(measure) >= FLOORS[measure], "\n".join(misses)


def test_meetings_are_in_chronological_order(sample_brief):
    days = [m.date for m in sample_brief.meetings]
    assert days == sorted(days)
    assert len(sample_brief.meetings) == 4
