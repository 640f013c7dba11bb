"""--jobs: several processes give the very brief one process gives; small corpora start no pool.
The progress bar: throttled, on a terminal only."""

from __future__ import annotations

import io
import json
from concurrent.futures import ProcessPoolExecutor

import pytest

from briefgen import cache as cache_module
from briefgen.cli import main
from briefgen.corpus import read_corpus
from briefgen.pipeline import BuildOptions, build_brief
from briefgen.progress import REDRAW_EVERY, ProgressBar, format_line
from briefgen.render.json import render_json
from tests.test_cache import generated_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("jobs") / "corpus", 60, seed=3)


@pytest.fixture
def pools(monkeypatch):
    """The process pools briefgen starts, as (max_workers, tasks run) pairs."""
    started: list[list[int]] = []

    class Spy(ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            super().__init__(max_workers=max_workers, **kwargs)
            started.append([max_workers, 0])

        def map(self, fn, *iterables, **kwargs):
            items = [list(i) for i in iterables]
            started[-1][1] += len(items[0])
            return super().map(fn, *items, **kwargs)

    monkeypatch.setattr(cache_module, "ProcessPoolExecutor", Spy)
    return started


def test_two_processes_give_the_brief_of_one(corpus, pools, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = render_json(build_brief(corpus, BuildOptions(jobs=1, parallel_min=1)))
    assert pools == []
    two = render_json(build_brief(corpus, BuildOptions(jobs=2, parallel_min=1)))
    files = len([p for p in corpus.rglob("*") if p.is_file()])
    assert [workers for workers, _ in pools] == [2, 2]  # one pool to read the files, one to extract
    assert pools[0][1] == files - 1  # the first of each is done before the pool starts
    assert pools[1][1] == len(read_corpus(corpus)[0]) - 1
    assert two == one
    assert len(json.loads(one)["meetings"]) > 5


def test_two_processes_fill_the_cache_as_one_would(corpus, pools, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = render_json(build_brief(corpus, BuildOptions(jobs=1)))
    options = BuildOptions(jobs=2, parallel_min=1, cache=tmp_path / "cache")
    assert render_json(build_brief(corpus, options)) == plain
    monkeypatch.setattr(cache_module, "extract_article", pytest.fail)  # all from the cache now
    assert render_json(build_brief(corpus, BuildOptions(jobs=1, cache=tmp_path / "cache"))) == plain


def test_a_small_corpus_starts_no_pool(corpus, pools):
    build_brief(corpus, BuildOptions(jobs=2))  # 60 articles: fewer than PARALLEL_MIN
    assert pools == []
    assert cache_module.PARALLEL_MIN >= 100


def test_jobs_on_the_command_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        args = ["build", str(corpus), "-o", str(out), "--format", "json", "-q", "--no-cache", "--jobs", jobs]
        assert main(args) == 0
        outputs.append((out / "brief.json").read_bytes())
    assert outputs[0] == outputs[1]


def test_progress_is_reported_for_reading_and_extracting(corpus):
    calls = []
    brief = build_brief(corpus, BuildOptions(jobs=1), progress=lambda *call: calls.append(call))
    stages = {stage for stage, _, _ in calls}
    assert stages == {"reading", "extracting"}
    extracting = [(done, total) for stage, done, total in calls if stage == "extracting"]
    assert extracting[-1][0] == extracting[-1][1] >= len(brief.articles)
    assert [done for done, _ in extracting] == sorted(done for done, _ in extracting)


# ---------------------------------------------------------------- the bar


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_bar_redraws_at_most_ten_times_a_second_and_always_at_the_end():
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, clock=clock)
    for done in range(1, 1001):  # 1,000 updates over one second
        clock.now = done / 1000
        bar("extracting", done, 1000)
    draws = stream.getvalue().count("\r")
    assert 2 <= draws <= 1 / REDRAW_EVERY + 2
    assert stream.getvalue().endswith("1,000/1,000")
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_a_new_stage_is_drawn_at_once():
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar(stream, clock=clock)
    bar("reading", 1, 10)
    bar("extracting", 1, 10)
    assert "extracting" in stream.getvalue()


def test_a_disabled_bar_writes_nothing():
    stream = io.StringIO()
    with ProgressBar(stream, enabled=False) as bar:
        bar("reading", 5, 10)
    assert stream.getvalue() == ""


def test_the_line_fits_the_terminal():
    assert len(format_line("extracting", 3100, 10000, columns=30)) == 29
    assert "3,100/10,000" in format_line("extracting", 3100, 10000)


@pytest.mark.parametrize("quiet", [True, False])
def test_no_bar_when_stderr_is_not_a_terminal_or_quiet(corpus, tmp_path, capsys, quiet):
    args = ["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "json", "--no-cache"]
    assert main(args + (["-q"] if quiet else [])) == 0
    assert "\r" not in capsys.readouterr().err


def test_the_bar_shows_on_a_terminal_and_is_erased(corpus, tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    args = ["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "json", "--no-cache"]
    assert main(args) == 0
    shown = terminal.getvalue()
    assert "\rreading [" in shown and "\rextracting [" in shown
    *_, erase, after = shown.rsplit("\r", 2)
    assert erase and not erase.strip()  # the bar's line blanked before anything else is printed
    assert "[" not in after
