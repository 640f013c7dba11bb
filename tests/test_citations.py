"""Every item of the brief can be found in the sources it cites."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.pipeline import build_brief
from briefgen.text import containment, content_words
from tests.conftest import SAMPLE_CORPUS

EVAL_CORPUS = Path(__file__).parent / "data" / "eval" / "corpus"


@pytest.fixture(scope="module", params=["sample", "eval"])
def brief(request, sample_brief):
    return sample_brief if request.param == "sample" else build_brief(EVAL_CORPUS)


def _items(brief):
    """(meeting, text, what each other source must say, how much of it, sources): an agreement merged
    from several reports is the same document in other words, so those must share two words of its title."""
    for meeting in brief.meetings:
        for quote in meeting.quotes:
            yield meeting, quote.text, quote.text, 0.6, quote.sources
        for fact in meeting.facts:
            yield meeting, fact.text, fact.text, 0.6, fact.sources
        for agreement in meeting.agreements:
            yield meeting, agreement.text, agreement.title, 0.4, agreement.sources


def _words(text: str) -> frozenset[str]:
    """Content words, with the Latin plural of a document word as its singular: "signed memoranda on
    chips and hydrogen" names the "Memorandum ... on Clean Hydrogen"."""
    return frozenset("memorandum" if word == "memoranda" else word for word in content_words(text))


def test_each_item_is_verbatim_in_its_first_source_and_reworded_in_the_others(brief):
    articles = {a.id: a for a in brief.articles}
    count = 0
    for meeting, text, gist, share, sources in _items(brief):
        assert sources, f"{meeting.id}: {text[:60]!r} cites nothing"
        first, *others = sources
        assert articles[first.article_id].text[first.start : first.end] == text
        for span in others:
            cited = articles[span.article_id].text[span.start : span.end]
            shared = _words(gist) & _words(cited)
            assert (
                len(shared) >= 2
                if share < 0.5
                else containment(content_words(gist), content_words(cited)) >= share
            )
        # A later report that an agreement "will take effect" is cited by it, though not by the meeting.
        if share > 0.4:
            assert {s.article_id for s in sources} <= set(meeting.sources)
        count += 1
    assert count > 20


def test_sample_corpus_is_what_the_fixture_reads():
    assert sorted(p.name for p in SAMPLE_CORPUS.glob("*.txt"))
