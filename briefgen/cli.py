"""The command line: thin wrappers over the library; the only place that prints or picks exit codes."""

from __future__ import annotations

import argparse
import calendar
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.config import Config
from briefgen.errors import BriefgenError, UsageError
from briefgen.model import Brief, Extraction, Problem

if TYPE_CHECKING:
    from briefgen import pipeline

FORMATS = ("pdf", "docx", "html", "json")
DEFAULT_FORMATS = "pdf,docx,json"
EXIT_OK, EXIT_WARNINGS_STRICT = 0, 5


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BriefgenError as error:
        _print_problems(getattr(error, "problems", ()))
        print(f"briefgen: error: {_one_line(str(error))}", file=sys.stderr)
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
    look = build.add_argument_group(
        "appearance",
        "settings of briefgen.toml (read from the working directory unless --config is given); "
        "these flags and --title override it",
    )
    look.add_argument(
        "--config", type=Path, metavar="FILE", help="settings file (default: ./briefgen.toml if present)"
    )
    look.add_argument(
        "--templates", type=Path, metavar="DIR", help="folder of templates searched before the theme"
    )
    look.add_argument(
        "--theme", metavar="NAME", help="built-in theme: default or memo (see: briefgen templates list)"
    )
    look.add_argument(
        "--organisation", metavar="TEXT", help="organisation shown on the cover and in the footer"
    )
    look.add_argument(
        "--marking", metavar="TEXT", help="classification or distribution marking, e.g. RESTRICTED"
    )
    look.add_argument("--logo", type=Path, metavar="FILE", help="logo image (PNG, JPEG or GIF) for the cover")
    build.add_argument(
        "--strict", action="store_true", help="exit with code 5 when any file was left out or had a problem"
    )
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    _focus_and_speed_arguments(build)
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
    _templates_parser(commands)
    return parser


def _templates_parser(commands: argparse._SubParsersAction) -> None:
    templates = commands.add_parser(
        "templates",
        help="list the themes, copy one to edit, check a templates folder",
        description=(
            "Themes are folders of templates (see docs/templates.md). Copy one with init, edit it, "
            'check it, then build with --templates DIR or templates = "DIR" in briefgen.toml.'
        ),
        epilog="Example: briefgen templates init mytemplates && briefgen templates check mytemplates",
    )
    actions = templates.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list",
        help="the built-in themes",
        description="List the built-in themes, each with a one-line description.",
        epilog="Example: briefgen templates list",
    )
    listing.set_defaults(run=_run_templates_list)
    init = actions.add_parser(
        "init",
        help="copy a theme into a folder to edit",
        description=(
            "Copy every file of a theme (HTML templates, stylesheet, Word template) into FOLDER. "
            "A folder that is not empty is refused unless --force is given."
        ),
        epilog="Example: briefgen templates init mytemplates --theme memo",
    )
    init.add_argument("folder", type=Path, help="folder to create")
    init.add_argument("--theme", default="default", help="theme to copy (default: default)")
    init.add_argument(
        "--force", action="store_true", help="copy into a folder that is not empty, overwriting its templates"
    )
    init.set_defaults(run=_run_templates_init)
    check = actions.add_parser(
        "check",
        help="render a sample brief through a templates folder and report problems",
        description=(
            "Render a built-in sample brief to HTML, PDF and DOCX through FOLDER and print one line "
            "per problem: Jinja errors and undefined names with file and line, invalid Word XML, "
            "tags that Word split across runs, files the PDF may not load. Exit code 3 if any."
        ),
        epilog="Example: briefgen templates check mytemplates",
    )
    check.add_argument("folder", type=Path, help="the templates folder")
    check.add_argument("--theme", default="default", help="theme the folder falls back on (default: default)")
    check.add_argument(
        "--corpus", type=Path, help="check with the brief of this corpus instead of the built-in sample"
    )
    check.set_defaults(run=_run_templates_check)


def _formats(value: str) -> list[str]:
    chosen = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(
            f"--format: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}"
        )
    return chosen


def _run_build(args: argparse.Namespace) -> int:
    from briefgen.gcpause import keep_for_the_process, paused_gc
    from briefgen.pipeline import build_brief
    from briefgen.render.outputs import write_outputs

    config = _look(args)
    formats = _formats(args.format)
    _check_output_folder(args.corpus, args.output)
    from briefgen.progress import ProgressBar

    with ProgressBar(sys.stderr, enabled=not args.quiet and sys.stderr.isatty()) as progress, paused_gc():
        brief = build_brief(args.corpus, _build_options(args), progress)
        keep_for_the_process()  # the brief lives until the command ends: see gcpause.py
    _print_problems(brief.problems)
    if config.title and config.title != brief.title:  # a title set in briefgen.toml
        brief = dataclasses.replace(brief, title=config.title)
    written = write_outputs(brief, args.output, formats, config)
    if not args.quiet:
        _print_summary(brief, written)
    return EXIT_WARNINGS_STRICT if args.strict and brief.problems else EXIT_OK


def _focus_and_speed_arguments(build: argparse.ArgumentParser) -> None:
    focus = build.add_argument_group("focus", "which meetings the brief keeps (all by default)")
    focus.add_argument(
        "--since", type=_since, metavar="DATE", help="from this day on (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    focus.add_argument("--until", type=_until, metavar="DATE", help="up to this day, included (same forms)")
    focus.add_argument(
        "--about", metavar="TEXT", help="meetings whose title, place or participants name any word of TEXT"
    )
    focus.add_argument(
        "--max-meetings", type=_positive, metavar="N", help="the N meetings with the most sources"
    )
    speed = build.add_argument_group("speed")
    speed.add_argument("--jobs", type=_positive, metavar="N", help="processes to use (default: all cores)")
    speed.add_argument(
        "--cache-dir", type=Path, metavar="DIR", help="cache folder (default: .briefgen-cache beside OUTPUT)"
    )
    speed.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")


def _build_options(args: argparse.Namespace) -> pipeline.BuildOptions:
    from briefgen.cache import default_cache_dir
    from briefgen.pipeline import BuildOptions

    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}")
    cache = None if args.no_cache else (args.cache_dir or default_cache_dir(args.output))
    return BuildOptions(
        title=args.title,
        since=args.since,
        until=args.until,
        about=args.about,
        max_meetings=args.max_meetings,
        jobs=args.jobs,
        cache=cache,
    )


def _day(value: str, last: bool) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD as a day: the first of the period, or the last when LAST."""
    try:
        parts = [int(part) for part in value.strip().split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1] if last else 1)
        if len(parts) == 1 and len(value.strip()) == 4:
            return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _since(value: str) -> dt.date:
    return _day(value, last=False)


def _until(value: str) -> dt.date:
    return _day(value, last=True)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def _print_problems(problems: Iterable[Problem]) -> None:
    """One line on stderr for each file left out (skipped) or used with a problem (warning)."""
    for problem in problems:
        kind = "skipped" if problem.fatal else "warning"
        print(f"briefgen: {kind}: {_one_line(problem.path)}: {_one_line(problem.message)}", file=sys.stderr)


def _one_line(text: str) -> str:
    """TEXT on one line, control characters (a newline in a file name, terminal escapes) shown escaped."""
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)


def _look(args: argparse.Namespace) -> Config:
    """briefgen.toml (or --config) with the command-line flags laid over it."""
    from briefgen.config import load_config
    from briefgen.themes import theme_dirs

    config = load_config(args.config, Path.cwd()).with_overrides(
        title=args.title,
        templates=args.templates,
        theme=args.theme,
        organisation=args.organisation,
        marking=args.marking,
        logo=args.logo,
    )
    theme_dirs(config)  # an unknown theme fails now, before the corpus is read
    return config


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
    return (
        1 if failed else EXIT_OK
    )  # like cat: what could be read is printed, the exit code tells of the rest


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


def _run_templates_list(args: argparse.Namespace) -> int:
    from briefgen.themes import list_themes, theme_description

    names = list_themes()
    width = max((len(name) for name in names), default=0)
    for name in names:
        print(f"{name.ljust(width)}  {theme_description(name)}")
    return EXIT_OK


def _run_templates_init(args: argparse.Namespace) -> int:
    from briefgen.themes import copy_theme

    copied = copy_theme(args.theme, args.folder, force=args.force)
    print(f"copied the {args.theme} theme into {args.folder}: {', '.join(p.name for p in copied)}")
    folder = args.folder
    print(f"edit them, then: briefgen templates check {folder} && briefgen build --templates {folder}")
    return EXIT_OK


def _run_templates_check(args: argparse.Namespace) -> int:
    from briefgen.errors import TemplateError
    from briefgen.render.check import check_templates

    brief = None
    if args.corpus is not None:
        from briefgen.pipeline import build_brief

        brief = build_brief(args.corpus)
    problems = check_templates(args.folder, args.theme, brief)
    for problem in problems:
        print(_one_line(problem))
    if problems:
        print(f"briefgen: {_count(len(problems), 'problem')} in {args.folder}", file=sys.stderr)
        return TemplateError.exit_code
    print(f"{args.folder}: templates OK (HTML, PDF and DOCX rendered the sample brief)")
    return EXIT_OK
