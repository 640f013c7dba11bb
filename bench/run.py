"""The benchmark: generate corpora, time each stage and whole builds, write bench/RESULTS.md.

    make bench                       # or: .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --sizes 300,3000 --quick   # a smaller, faster run

Every measurement runs in its own process, so that its peak memory is its own: the wall time and
peak memory of a measured process come from the standard library (time.perf_counter, os.wait4's
resource usage) and from sampling /proc for the memory (PSS) of the process and all its workers.
Corpora, outputs, caches and the raw figures (results.json) go to build/bench/; only the figures
section of bench/RESULTS.md is rewritten, the notes around it are kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / "build" / "bench"
RESULTS = BENCH / "RESULTS.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
PAGES_WANTED = 300
TIMEOUT = 1800  # seconds for one measurement

sys.path.insert(0, str(BENCH))
import corpus_gen  # noqa: E402  (bench/ is not a package)

# ---------------------------------------------------------------- measuring a process


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_memory(pid: int) -> int:
    """Bytes of memory of PID and its descendants: the sum of their PSS (shared pages split fairly)."""
    tree, todo, total = _children(), [pid], 0
    while todo:
        current = todo.pop()
        todo.extend(tree.get(current, ()))
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def run(command: list[str], timeout: float = TIMEOUT, env: dict[str, str] | None = None) -> dict:
    """Run COMMAND; its wall time, peak RSS of its biggest process, peak PSS of its process tree, output."""
    out = WORK / "last-output.txt"
    load = os.getloadavg()[0]  # other work on the machine slows the measurement down: record it
    with open(out, "wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], tree_memory(process.pid))
                if time.perf_counter() - started > timeout:
                    os.killpg(process.pid, signal.SIGKILL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    output = out.read_text(encoding="utf-8", errors="replace")
    return {
        "seconds": round(seconds, 3),
        "max_rss_mb": round(usage.ru_maxrss / 1024, 1),  # the largest single process (Linux: KiB)
        "peak_pss_mb": round(peak[0] / 2**20, 1),  # all processes together, sampled every 0.1 s
        "exit": process.returncode,
        "load_before": round(load, 2),
        "timed_out": seconds > timeout,
        "output": output[-4000:],
    }


def child(name: str, *args: str) -> dict:
    """Run one measurement of this file in a fresh process; its figures plus the process's."""
    result = run([sys.executable, str(Path(__file__)), "--child", name, *args])
    figures = {}
    for line in result["output"].splitlines():
        if line.startswith("{"):
            figures = json.loads(line)
    if result["exit"] != 0:
        print(result["output"], file=sys.stderr)
    return {**{k: v for k, v in result.items() if k != "output"}, **figures}


def briefgen(*args: str) -> dict:
    result = run([str(Path(sys.executable).parent / "briefgen"), *args])
    if result["exit"] != 0:
        print(result["output"], file=sys.stderr)
    return {k: v for k, v in result.items() if k != "output"}


# ---------------------------------------------------------------- measurements (run in a child)


def measure_stages(corpus: str) -> dict:
    """Each stage in one process: read, extract, then assembling (duplicates, grouping, the rest), JSON.

    Reading is also timed by file format, and the first extraction apart: it compiles the lexicons'
    regexes once for the process (a start-up cost, not a cost per article).
    """
    from briefgen import corpus as corpus_module
    from briefgen import pipeline
    from briefgen.extract import extract_article
    from briefgen.render.json import render_json

    figures: dict[str, float] = {}
    for name in ("drop_duplicates", "group_meetings"):  # instrument the stages assemble_brief calls
        if hasattr(pipeline, name):
            setattr(pipeline, name, _timed(getattr(pipeline, name), name, figures))
    formats: dict[str, dict[str, float]] = {}
    corpus_module.read_file = _by_format(corpus_module.read_file, formats)
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        figures[name] = round(now - clock, 3)
        clock = now

    articles, problems = corpus_module.read_corpus(Path(corpus))
    lap("read")
    extractions = [extract_article(articles[0])]
    lap("first_extraction")
    extractions += [extract_article(article) for article in articles[1:]]
    lap("extract")
    brief = pipeline.assemble_brief(extractions, problems, pipeline.BuildOptions())
    lap("assemble")
    render_json(brief)
    lap("json")
    per_article = (figures["read"] + figures["extract"]) / (len(articles) - 1)
    return {
        "articles": len(articles),
        "meetings": len(brief.meetings),
        **figures,
        "extract": round(figures["first_extraction"] + figures["extract"], 3),
        "per_core": round(
            len(articles) / (figures["read"] + figures["first_extraction"] + figures["extract"]), 1
        ),
        "per_core_steady": round(1 / per_article, 1),
        "formats": {suffix: {k: round(v, 4) for k, v in f.items()} for suffix, f in sorted(formats.items())},
    }


def _by_format(read_file, formats: dict[str, dict[str, float]]):
    """READ_FILE timed by file suffix: files, articles and seconds of each format."""

    def timed(path: Path):
        started = time.perf_counter()
        found, problems = read_file(path)
        entry = formats.setdefault(path.suffix.lower(), {"files": 0, "articles": 0, "seconds": 0.0})
        entry["files"] += 1
        entry["articles"] += len(found)
        entry["seconds"] += time.perf_counter() - started
        return found, problems

    return timed


def _timed(function, name: str, figures: dict[str, float]):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            figures[name] = round(figures.get(name, 0.0) + time.perf_counter() - started, 3)

    return timed


def measure_render(corpus: str, cache: str) -> dict:
    """A brief of about PAGES_WANTED pages (its meetings chosen with max_meetings): HTML (briefgen's
    own work: context and templates), PDF layout (WeasyPrint) and DOCX, each timed."""
    import io

    from pypdf import PdfReader

    from briefgen.config import Config
    from briefgen.pipeline import BuildOptions, build_brief
    from briefgen.render.context import created_at
    from briefgen.render.docx import render_docx
    from briefgen.render.html import render_html
    from briefgen.render.pdf import html_to_pdf

    config = Config()

    def pdf_of(meetings: int) -> dict:
        options = BuildOptions(max_meetings=meetings, cache=Path(cache))
        brief = build_brief(Path(corpus), options)
        started = time.perf_counter()
        html = render_html(brief, config)
        own = time.perf_counter() - started
        pdf = html_to_pdf(html, config, created=created_at(brief))
        total = time.perf_counter() - started
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        return {"brief": brief, "meetings": len(brief.meetings), "pages": pages, "own": own, "total": total}

    # Pages do not grow quite in proportion to meetings: aim by the secant through the last two.
    before, big = pdf_of(10), pdf_of(30)
    for _ in range(4):
        if abs(big["pages"] - PAGES_WANTED) <= PAGES_WANTED // 20:
            break
        slope = max(0.1, (big["pages"] - before["pages"]) / max(1, big["meetings"] - before["meetings"]))
        wanted = max(1, round(big["meetings"] + (PAGES_WANTED - big["pages"]) / slope))
        if wanted == big["meetings"]:
            break
        before, big = big, pdf_of(wanted)
        if big["meetings"] < wanted:  # the corpus has no more meetings
            break
    started = time.perf_counter()
    render_docx(big["brief"], config)
    docx = time.perf_counter() - started
    return {
        "meetings": big["meetings"],
        "pages": big["pages"],
        "html_seconds": round(big["own"], 3),
        "pdf_seconds": round(big["total"], 3),
        "own_share": round(big["own"] / big["total"], 4),
        "docx_seconds": round(docx, 3),
    }


def measure_gather(corpus: str, cache: str) -> dict:
    """Reading and extraction alone (the part of a build before duplicates and grouping), on all
    cores: with a cold cache, then again after adding one article."""
    from briefgen.cache import Cache, default_jobs, gather

    shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    extractions, _ = gather(Path(corpus), Cache(Path(cache)), default_jobs())
    cold = time.perf_counter() - started
    added = corpus_gen.add_article(Path(corpus))
    try:
        started = time.perf_counter()
        warm_cache = Cache(Path(cache))
        gather(Path(corpus), warm_cache, default_jobs())
        warm = time.perf_counter() - started
    finally:
        added.unlink()
    return {
        "articles": len(extractions),
        "cold": round(cold, 3),
        "warm_plus_one": round(warm, 3),
        "extracted_again": warm_cache.stats.article_misses,
    }


def measure_profile(corpus: str) -> dict:
    """cProfile of reading and extraction in one process: time by module, and the top functions."""
    import cProfile
    import pstats

    from briefgen.corpus import read_corpus
    from briefgen.extract import extract_article

    profiler = cProfile.Profile()
    profiler.enable()
    articles, _ = read_corpus(Path(corpus))
    for article in articles:
        extract_article(article)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = {}  # built-in calls (regex matching, str methods) go to their callers
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, callers) in stats.stats.items():  # type: ignore[attr-defined]
        module = _module(filename)
        rows.append((own, cumulative, calls, f"{module}:{line}({function})"))
        if module != "builtins":
            by_module[module] = by_module.get(module, 0.0) + own
            continue
        for (caller_file, _, _), (_, _, caller_own, _) in callers.items():
            caller = _module(caller_file)
            by_module[caller] = by_module.get(caller, 0.0) + caller_own
    total = sum(by_module.values())
    rows.sort(reverse=True)
    return {
        "articles": len(articles),
        "seconds": round(total, 3),
        "by_module": {k: round(v, 3) for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]},
        "top": [
            {"function": name, "own": round(own, 3), "cumulative": round(cum, 3), "calls": calls}
            for own, cum, calls, name in rows[:20]
        ],
    }


def _module(filename: str) -> str:
    if "briefgen/" in filename:
        return "briefgen/" + filename.split("briefgen/")[-1]
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    match = re.search(r"site-packages/([^/]+)", filename)
    if match:
        return match.group(1)
    return "python stdlib"


CHILDREN = {
    "stages": measure_stages,
    "render": measure_render,
    "profile": measure_profile,
    "gather": measure_gather,
}


# ---------------------------------------------------------------- the whole run


def machine() -> dict[str, str]:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or "?",
    )
    memory = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    import briefgen

    commit = _git("rev-parse", "--short", "HEAD")
    dirty = " (with uncommitted changes)" if _git("status", "--porcelain", "--untracked-files=no") else ""
    return {
        "cpu": cpu,
        "cores": str(len(os.sched_getaffinity(0))),
        "memory": f"{int(memory) / 2**20:.1f} GiB",
        "system": platform.platform(),
        "python": platform.python_version(),
        "briefgen": f"{briefgen.__version__}, commit {commit}{dirty}",
        "date": dt.date.today().isoformat(),
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def snapshot() -> None:
    """Measure one version of the code, whatever is edited meanwhile: a copy of the package (with its
    themes inside, as in a wheel) comes first on PYTHONPATH for every measured process."""
    target = WORK / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "briefgen", target / "briefgen", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", target / "briefgen" / "templates")
    use_snapshot()


def use_snapshot() -> None:
    target = WORK / "snapshot"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), os.environ.get("PYTHONPATH")]))
    check = [sys.executable, "-c", "import briefgen; print(briefgen.__file__)"]
    used = subprocess.run(check, capture_output=True, text=True, cwd=WORK).stdout.strip()
    if not used.startswith(str(target)):
        raise SystemExit(f"the measured processes would not use the snapshot but {used}")


def make_corpus(articles: int) -> Path:
    folder = WORK / f"corpus-{articles}"
    records = corpus_gen.generate(articles)
    files = corpus_gen.write_corpus(records, folder)
    print(f"generated {articles} articles in {files} files: {folder.relative_to(ROOT)}", flush=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure briefgen and write bench/RESULTS.md.")
    parser.add_argument("--sizes", default="1000,10000", help="small,large corpus (default: 1000,10000)")
    parser.add_argument("--quick", action="store_true", help="skip the per-stage runs on the large corpus")
    parser.add_argument(
        "--resume", action="store_true", help="go on with an interrupted run: same code, same corpora"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](*args.args)))
        return

    small, large = (int(n) for n in args.sizes.split(","))
    WORK.mkdir(parents=True, exist_ok=True)
    previous = WORK / "results.json"
    resume = args.resume and previous.exists()
    if resume:  # the same code and corpora as the interrupted run; its finished steps are kept
        results = json.loads(previous.read_text(encoding="utf-8"))
        if results["sizes"] != [small, large]:
            raise SystemExit(f"--resume: the previous run measured --sizes {results['sizes']}")
        use_snapshot()
        corpora = {n: WORK / f"corpus-{n}" for n in (small, large)}
        shutil.rmtree(corpora[large] / corpus_gen.LATE_FOLDER, ignore_errors=True)
    else:
        snapshot()
        results = {"machine": machine(), "sizes": [small, large]}
        corpora = {n: make_corpus(n) for n in (small, large)}
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"

    def step(name: str, measure: Callable[[], dict]) -> None:
        if resume and results.get(name, {}).get("exit") == 0:
            print(f"{name}: kept from the previous run", flush=True)
            return
        value = results[name] = measure()
        shown = {k: v for k, v in value.items() if not isinstance(v, (dict, list))}
        print(f"{name}: {json.dumps(shown)}", flush=True)
        previous.write_text(json.dumps(results, indent=2), encoding="utf-8")

    def build(n: int) -> dict:  # cold cache, all cores (the default)
        cache = WORK / f"cache-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        return briefgen("build", *_build_args(corpora[n], n), "--cache-dir", str(cache))

    def rebuild() -> dict:
        added = corpus_gen.add_article(corpora[large])
        try:
            return briefgen(
                "build", *_build_args(corpora[large], large), "--cache-dir", str(WORK / f"cache-{large}")
            )
        finally:
            added.unlink()

    step(f"stages_{small}", lambda: child("stages", str(corpora[small])))
    if not args.quick:
        step(f"stages_{large}", lambda: child("stages", str(corpora[large])))
    step(f"profile_{small}", lambda: child("profile", str(corpora[small])))
    for n in (small, large):
        step(f"gather_{n}", lambda n=n: child("gather", str(corpora[n]), str(WORK / f"gather-cache-{n}")))
    step(f"build_{small}", lambda: build(small))
    if resume and results.get(f"rebuild_{large}", {}).get("exit") != 0:
        results.pop(f"build_{large}", None)  # the rebuild needs the cache of a build of this run
    step(f"build_{large}", lambda: build(large))
    step(f"rebuild_{large}", rebuild)
    step("render", lambda: child("render", str(corpora[small]), str(WORK / f"cache-{small}")))
    write_results(results)
    print(f"wrote {RESULTS.relative_to(ROOT)} (raw figures: {previous.relative_to(ROOT)})")


def _build_args(corpus: Path, n: int) -> list[str]:
    return [str(corpus), "-o", str(WORK / f"out-{n}"), "--format", "json", "--quiet"]


# ---------------------------------------------------------------- RESULTS.md


def _seconds(measured: dict) -> str:
    if measured.get("exit") == 0:
        return f"{measured['seconds']:.1f} s"
    return f"did not finish: exit {measured.get('exit')} after {measured['seconds']:.0f} s"


def _rate_lines(*stages: dict) -> list[str]:
    """Extraction rates with and without the start-up, and the cost of reading each file format."""
    measured = [s for s in stages if s and "per_core_steady" in s]
    if not measured:
        return []
    lines = [
        "",
        "Reading and extraction in one process, articles a second (start-up: importing and compiling",
        "the lexicons' regexes, paid once a process, in the first extraction):",
        "",
        "| articles | with start-up | after start-up | first extraction |",
        "| --- | --- | --- | --- |",
        *(
            f"| {s['articles']:,} | {s['per_core']:,.0f} | {s['per_core_steady']:,.0f} "
            f"| {s['first_extraction']:.2f} s |"
            for s in measured
        ),
        "",
        f"Reading by format ({measured[-1]['articles']:,}-article corpus):",
        "",
        "| format | files | articles | ms an article |",
        "| --- | --- | --- | --- |",
    ]
    for suffix, f in measured[-1]["formats"].items():
        per_article = 1000 * f["seconds"] / f["articles"] if f["articles"] else 0.0
        lines.append(f"| {suffix} | {f['files']:,} | {f['articles']:,} | {per_article:.2f} |")
    return lines


def write_results(results: dict) -> None:
    small, large = results["sizes"]
    s_small, s_large = results.get(f"stages_{small}", {}), results.get(f"stages_{large}", {})
    b_small, b_large = results[f"build_{small}"], results[f"build_{large}"]
    rebuild, render = results[f"rebuild_{large}"], results["render"]
    ratio = b_large["seconds"] / b_small["seconds"]
    incremental = rebuild["seconds"] / b_large["seconds"]
    # The rate once the process has started (the lexicons' regexes are compiled once a process): on
    # the large corpus if it was measured, where the start-up weighs least.
    steady = s_large or s_small
    per_core = steady.get("per_core_steady", steady.get("per_core", 0.0))
    finished = all(b.get("exit") == 0 for b in (b_small, b_large, rebuild))
    rows = [
        (
            "extraction (read + extract), one process, after start-up",
            "≥ 300 articles/s per core",
            f"{per_core:,.0f} articles/s ({steady['articles']:,} articles)",
            per_core >= 300,
        ),
        (
            f"{large:,} articles to JSON, {results['machine']['cores']} cores, cold cache",
            "≤ 60 s",
            _seconds(b_large),
            b_large["seconds"] <= 60 and finished,
        ),
        (
            f"time({large:,}) / time({small:,})",
            f"≤ {1.1 * large / small:g}",
            f"{ratio:.1f}" if finished else "–",
            ratio <= 1.1 * large / small and finished,
        ),
        (
            f"peak memory, {large:,} articles (all processes, PSS)",
            "≤ 1 GB",
            f"{b_large['peak_pss_mb']:,.0f} MB (largest process {b_large['max_rss_mb']:,.0f} MB RSS)",
            b_large["peak_pss_mb"] <= 1024,
        ),
        (
            f"PDF of a {render['pages']}-page brief: briefgen's own share",
            "< 10 %",
            f"{render['own_share']:.1%} ({render['html_seconds']:.1f} s of {render['pdf_seconds']:.1f} s)",
            render["own_share"] < 0.10,
        ),
        (
            f"DOCX of the same brief ({render['meetings']} meetings)",
            "< 5 s",
            f"{render['docx_seconds']:.1f} s",
            render["docx_seconds"] < 5,
        ),
        (
            f"rebuild after adding one article to {large:,}",
            "≤ 10 % of the first",
            f"{incremental:.1%} ({_seconds(rebuild)})" if finished else _seconds(rebuild),
            incremental <= 0.10 and finished,
        ),
    ]
    lines = [
        START,
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in results["machine"].items()),
        "",
        "| target | wanted | measured | met |",
        "| --- | --- | --- | --- |",
        *(f"| {name} | {want} | {got} | {'yes' if ok else '**no**'} |" for name, want, got, ok in rows),
        "",
        "Stages in one process (seconds):",
        "",
        "| articles | read | extract | duplicates | group | assemble (all) | JSON | meetings |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in (s_small, s_large):
        if s:
            keys = ("read", "extract", "drop_duplicates", "group_meetings", "assemble", "json")
            cells = [s.get(k, "–") for k in keys]
            lines.append(f"| {s['articles']:,} | " + " | ".join(map(str, cells)) + f" | {s['meetings']:,} |")
    lines += _rate_lines(s_small, s_large)
    gathers = [results.get(f"gather_{n}") for n in (small, large)]
    if all(gathers):
        lines += [
            "",
            "Reading and extraction alone (`cache.gather`, all cores), the part of a build before",
            "duplicates and grouping:",
            "",
            "| articles | cold cache | + 1 article, warm cache | extracted again | peak memory (PSS) |",
            "| --- | --- | --- | --- | --- |",
            *(
                f"| {g['articles']:,} | {g['cold']:.1f} s | {g['warm_plus_one']:.2f} s "
                f"| {g['extracted_again']} | {g['peak_pss_mb']:,.0f} MB |"
                for g in gathers
            ),
        ]
    lines += [
        "",
        "Whole builds (`briefgen build CORPUS --format json`, all cores):",
        "",
        "| build | time | peak memory, all processes (PSS) | largest process (RSS) | load before |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, b in (
        (f"{small:,} articles, cold cache", b_small),
        (f"{large:,} articles, cold cache", b_large),
        (f"{large:,} + 1 article, warm cache", rebuild),
    ):
        lines.append(
            f"| {name} | {_seconds(b)} | {b['peak_pss_mb']:,.0f} MB | {b['max_rss_mb']:,.0f} MB "
            f"| {b.get('load_before', '–')} |"
        )
    profile = results.get(f"profile_{small}")
    if profile:
        lines += [
            "",
            f"Where reading and extraction spend their time ({profile['articles']:,} articles, "
            "cProfile; a module's own time, with the built-in calls it makes, such as regex matching):",
            "",
            "| module | seconds |",
            "| --- | --- |",
            *(f"| {module} | {seconds} |" for module, seconds in profile["by_module"].items()),
        ]
    lines += ["", END]
    block = "\n".join(lines)
    text = (
        RESULTS.read_text(encoding="utf-8")
        if RESULTS.exists()
        else f"# Benchmark results\n\n{START}\n{END}\n"
    )
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text += "\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
