"""The command line: thin wrappers over the library; the only place that prints or picks exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from briefgen import __version__
from briefgen.errors import BriefgenError, UsageError
from briefgen.model import Brief, Extraction

FORMATS = ("pdf", "docx", "html", "json")
DEFAULT_FORMATS = "pdf,docx,json"
EXIT_OK, EXIT_WARNINGS_STRICT = 0, 5


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BriefgenError as error:
        print(f"briefgen: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(
            "briefgen: interrupted; files already written are complete, the rest were not written",
            file=sys.stderr,
        )
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Briefing reports (PDF, Word, HTML, JSON) from a folder of news articles.",
        epilog="Example: briefgen build corpus -o output",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the brief of a corpus folder",
        description="Read every article in CORPUS, group them into meetings and write the brief.",
        epilog="Example: briefgen build corpus -o output --format pdf,docx --title 'Visit briefing'",
    )
    build.add_argument(
        "corpus", nargs="?", default="corpus", type=Path, help="folder of articles (default: corpus)"
    )
    build.add_argument(
        "-o", "--output", default="output", type=Path, help="folder to write to (default: output)"
    )
    build.add_argument(
        "--format",
        default=DEFAULT_FORMATS,
        help=f"comma-separated, of {', '.join(FORMATS)} (default: {DEFAULT_FORMATS})",
    )
    build.add_argument("--title", help="the brief's title (default: made from the corpus)")
    build.add_argument(
        "--strict", action="store_true", help="exit with code 5 when any file was left out or had a problem"
    )
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    build.set_defaults(run=_run_build)

    extract = commands.add_parser(
        "extract",
        help="show what was found in each article (JSON)",
        description=(
            "Print what briefgen finds in each article: dates, place, people, quotes with character "
            "offsets, agreements, facts."
        ),
        epilog="Example: briefgen extract corpus/*.txt --format jsonl",
    )
    extract.add_argument("files", nargs="+", type=Path, help="article files (.txt, .md, .html, .csv, .jsonl)")
    extract.add_argument(
        "--format",
        choices=("jsonl", "json"),
        default="jsonl",
        help="one object a line (default) or one JSON array",
    )
    extract.set_defaults(run=_run_extract)
    return parser


def _formats(value: str) -> list[str]:
    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(
            f"--format: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}"
        )
    return chosen


def _run_build(args: argparse.Namespace) -> int:
    from briefgen.pipeline import BuildOptions, build_brief
    from briefgen.render.outputs import write_outputs

    formats = _formats(args.format)
    _check_output_folder(args.corpus, args.output)
    brief = build_brief(args.corpus, BuildOptions(title=args.title))
    for problem in brief.problems:
        print(
            f"briefgen: {'skipped' if problem.fatal else 'warning'}: {problem.path}: {problem.message}",
            file=sys.stderr,
        )
    written = write_outputs(brief, args.output, formats)
    if not args.quiet:
        _print_summary(brief, written)
    return EXIT_WARNINGS_STRICT if args.strict and brief.problems else EXIT_OK


def _check_output_folder(corpus: Path, output: Path) -> None:
    corpus_dir, output_dir = corpus.resolve(), output.resolve()
    if output_dir == corpus_dir or corpus_dir in output_dir.parents:
        raise UsageError(f"{output}: the output folder must not be inside the corpus folder {corpus}")


def _print_summary(brief: Brief, written: list[Path]) -> None:
    meetings = len(brief.meetings)
    print(f"read {_count(len(brief.articles), 'article')}, found {_count(meetings, 'meeting')}:")
    width = max((len(m.location or "") for m in brief.meetings), default=0)
    for meeting in brief.meetings:
        place = (meeting.location or "–").ljust(width)
        sources = _count(len(meeting.sources), "source")
        print(f"  {meeting.date.isoformat()}  {place}  {meeting.title} ({sources})")
    left_out = [p for p in brief.problems if p.fatal]
    if left_out:
        print(f"not included ({len(left_out)}):")
        for problem in left_out:
            print(f"  {problem.path}: {problem.message}")
    for path in written:
        print(f"wrote {path}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _run_extract(args: argparse.Namespace) -> int:
    from briefgen.corpus import read_file
    from briefgen.errors import ArticleError
    from briefgen.extract import extract_article

    results, failed = [], False
    for path in args.files:
        try:
            articles, problems = read_file(path)
        except ArticleError as error:
            print(f"briefgen: skipped: {error}", file=sys.stderr)
            failed = True
            continue
        for problem in problems:
            print(
                f"briefgen: {'skipped' if problem.fatal else 'warning'}: {problem.path}: {problem.message}",
                file=sys.stderr,
            )
        for article in articles:
            record = extraction_record(extract_article(article))
            if args.format == "jsonl":
                print(json.dumps(record, ensure_ascii=False))
            else:
                results.append(record)
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if failed and not results and args.format == "json" else EXIT_OK


def extraction_record(extraction: Extraction) -> dict:
    """The stable `briefgen extract` format: what one article yields, with character offsets."""
    article = extraction.article

    def day(value: object) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": day(article.published),
        "event_date": day(extraction.event_date),
        "event_end": day(extraction.event_end),
        "location": extraction.location,
        "participants": [
            {"name": p.name, "role": p.role, "principal": p.principal} for p in extraction.participants
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "kind": q.kind.value,
                "cue": q.cue,
                "start": q.sources[0].start,
                "end": q.sources[0].end,
            }
            for q in extraction.quotes
        ],
        "agreements": [
            {
                "title": a.title,
                "status": a.status,
                "text": a.text,
                "fields": list(a.fields),
                "start": a.sources[0].start,
                "end": a.sources[0].end,
            }
            for a in extraction.agreements
        ],
        "facts": [
            {"text": f.text, "start": f.sources[0].start, "end": f.sources[0].end} for f in extraction.facts
        ],
    }
