"""Shared fixtures: the sample corpus and its brief, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.pipeline import build_brief

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def sample_brief():
    return build_brief(SAMPLE_CORPUS)
