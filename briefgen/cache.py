"""Cached, parallel reading and extraction: each file read and each article extracted once, on all cores.

Two kinds of entry, both JSON, both keyed by a SHA-256 of their input and of briefgen's fingerprint
(its version, the package's Python code and its lexicons, so that editing a lexicon invalidates them):

- `files/`: what a file holds (its articles before ids are made unique, or why it could not be read),
  keyed by the file's path and bytes, so that an unchanged file is not parsed again;
- `articles/`: what extraction found in one article, and the article's duplicate-detection
  signature, keyed by every field of the article (text, title, paragraphs, metadata, id), so that
  an unchanged article is neither extracted nor hashed for duplicates again.

The folder is safe to delete at any time. Entries are written atomically (a temporary file renamed
over the entry); an entry that cannot be read or does not have the expected shape is ignored, and
rewritten. Entries of other fingerprints (older versions of briefgen) are removed when a cache is
opened. Nothing is unpickled: entries are decoded field by field into the model's dataclasses.

`gather_signed()` is the stage the pipeline calls (`gather()` without the signatures): it walks the
corpus, takes what the cache has, and sends the rest to a pool of processes when there is enough of it
to pay for their start-up.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import gc
import hashlib
import json
import os
import re
import shutil
import tempfile
import types
import typing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import briefgen
from briefgen import corpus
from briefgen.duplicates import TextSignature, checked, text_signature
from briefgen.errors import ArticleError
from briefgen.extract import extract_article
from briefgen.gcpause import paused_gc
from briefgen.model import Article, Extraction, Problem

FORMAT = 2  # bump when the layout of entries changes
READING_LIBRARIES = (
    "trafilatura",
    "charset-normalizer",
    "pyyaml",
    "dateparser",
    "regex",
    "pypdf",
    "python-docx",
    "lxml",
)
PARALLEL_MIN = 200  # fewer files or articles than this are done in this process: no pool to start
CACHE_DIR_NAME = ".briefgen-cache"
_FINGERPRINT_DIR = re.compile(r"[0-9a-f]{16}")
_TAG = (  # https://bford.info/cachedir/: backup tools skip the folder
    "Signature: 8a477f597d28d172789f06886806bc55\n# briefgen cache: safe to delete, made again as needed.\n"
)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
T = TypeVar("T")
R = TypeVar("R")


# ---------------------------------------------------------------- the cache folder


def default_cache_dir(output: Path) -> Path:
    """`.briefgen-cache/` beside the output folder (in its parent)."""
    return Path(output).resolve().parent / CACHE_DIR_NAME


def fingerprint(package: Path | None = None, version: str | None = None) -> str:
    """What the cached results depend on besides their input: the version, code and lexicons.

    Read once per process and version: the code that runs is the code that was imported."""
    return _fingerprint(Path(package or Path(briefgen.__file__).parent), version or briefgen.__version__)


@functools.cache
def _fingerprint(package: Path, version: str) -> str:
    digest = hashlib.sha256(f"briefgen {version}\0format {FORMAT}\0".encode())
    for name in READING_LIBRARIES:  # what reads the files matters too: an upgrade invalidates
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name} {metadata.version(name)}\0".encode())
    code = [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]
    for path in sorted(code) + sorted(package.glob("lexicons/*.txt")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclasses.dataclass
class Stats:
    """What a build found in the cache (counted in the main process only)."""

    file_hits: int = 0
    file_misses: int = 0
    article_hits: int = 0
    article_misses: int = 0
    corrupt: int = 0  # entries ignored because they could not be read
    write_errors: int = 0


class Cache:
    """Entries under FOLDER/<fingerprint>/{files,articles}/<2 hex>/<key>.json."""

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = Path(folder)
        self.fingerprint = fingerprint(version=version)
        self.root = self.folder / self.fingerprint
        self.stats = Stats()
        self._prune()

    def __getstate__(self) -> dict[str, Any]:  # sent to worker processes without the counters
        return {"folder": self.folder, "fingerprint": self.fingerprint, "root": self.root, "stats": Stats()}

    def _prune(self) -> None:
        """Make the folder (tagged as a cache for backup tools) and drop other fingerprints' entries."""
        tag = self.folder / "CACHEDIR.TAG"
        try:
            new = not self.folder.exists() or not any(self.folder.iterdir())
            self.root.mkdir(parents=True, exist_ok=True)
            if new:
                _write_atomic(tag, _TAG.encode())
            if not tag.is_file() or tag.read_text(encoding="utf-8") != _TAG:
                return  # not a folder briefgen made (--cache-dir given an existing folder): delete nothing
            for entry in self.folder.iterdir():
                if (
                    entry != self.root
                    and _FINGERPRINT_DIR.fullmatch(entry.name)
                    and entry.is_dir()
                    and {child.name for child in entry.iterdir()} <= {"files", "articles"}
                ):
                    shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            self.stats.write_errors += 1

    def _path(self, kind: str, key: str) -> str:
        return os.path.join(self.root, kind, key[:2], f"{key}.json")

    def _load(self, kind: str, key: str) -> dict[str, Any] | None:
        try:
            with open(self._path(kind, key), "rb") as handle:
                data = json.loads(handle.read())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.stats.corrupt += 1
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            self.stats.corrupt += 1
            return None
        return data

    def _store(self, kind: str, key: str, data: dict[str, Any]) -> None:
        entry = {"format": FORMAT, "key": key, **data}
        payload = json.dumps(entry, separators=(",", ":"))  # ASCII: lone surrogates survive too
        try:
            _write_atomic(Path(self._path(kind, key)), payload.encode("utf-8"))
        except OSError:  # a full disk or a read-only folder: the build goes on without caching
            self.stats.write_errors += 1

    # -- files: path and bytes -> articles (ids not yet unique) and problems

    def load_file(self, key: str) -> tuple[list[Article], list[Problem]] | None:
        data = self._load("files", key)
        if data is None:
            return None
        try:
            if "error" in data:
                return [], [decode(Problem, data["error"])]
            articles = [decode(Article, item) for item in data["articles"]]
            problems = [decode(Problem, item) for item in data["problems"]]
        except (KeyError, TypeError, ValueError):
            self.stats.corrupt += 1
            return None
        return articles, problems

    def store_file(self, key: str, articles: list[Article], problems: list[Problem]) -> None:
        self._store("files", key, {"articles": encode(articles), "problems": encode(problems)})

    def store_file_error(self, key: str, problem: Problem) -> None:
        self._store("files", key, {"error": encode(problem)})

    # -- articles: every field of an article -> its extraction

    def load_extraction(self, key: str, article: Article) -> tuple[Extraction, TextSignature] | None:
        """The extraction stored for ARTICLE, whose fields the entry holds only where they differ,
        and the article's duplicate signature."""
        data = self._load("articles", key)
        if data is None:
            return None
        try:
            signature = checked(decode(TextSignature, data["signature"]))
            found = data["extraction"]
            fields = _field_decoders(Extraction)
            if type(found) is not dict or found.keys() != fields.keys():
                raise ValueError("not an extraction")
            changes = _checked(found["article"], dict)
            article_fields = _field_decoders(Article)
            if changes:
                article = dataclasses.replace(
                    article, **{name: article_fields[name](value) for name, value in changes.items()}
                )
            values = {name: decoder(found[name]) for name, decoder in fields.items() if name != "article"}
            return Extraction(article=article, **values), signature
        except (KeyError, TypeError, ValueError):
            self.stats.corrupt += 1
            return None

    def store_extraction(
        self, key: str, article: Article, extraction: Extraction, signature: TextSignature
    ) -> None:
        data = encode(dataclasses.replace(extraction, article=None))
        # The article is the key's: only what extraction changed (its date) is kept.
        data["article"] = encode(_changes(article, extraction.article))
        self._store("articles", key, {"extraction": data, "signature": encode(signature)})


def file_key(path: Path, data: bytes) -> str:
    digest = hashlib.sha256(b"file\0" + os.fsencode(path) + b"\0")
    digest.update(data)
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """A hash of every field of the article (their repr: str, int, tuple, None and date are stable)."""
    values = [getattr(article, name) for name in _ARTICLE_FIELDS]
    return hashlib.sha256(b"article\0" + repr(values).encode("utf-8", "surrogatepass")).hexdigest()


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def _write_atomic(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- JSON codec for the model


def encode(value: Any) -> Any:
    """A model value as JSON data: dataclasses as objects, tuples as lists, dates as ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(kind: type[T], data: Any) -> T:
    """JSON data back into the model type KIND; TypeError or ValueError when it does not fit."""
    return _decoder(kind)(data)


def _checked(value: Any, kind: type) -> Any:
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


# Decoders are made once per type and kept small: a warm build decodes tens of thousands of objects.


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind in (str, int, bool, type(None)):
        return functools.partial(_checked, kind=kind)
    if kind is float:
        return lambda value: float(value if type(value) is int else _checked(value, float))
    if kind is dt.datetime:
        return lambda value: dt.datetime.fromisoformat(_checked(value, str))
    if kind is dt.date:
        return lambda value: dt.date.fromisoformat(_checked(value, str))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return functools.partial(_enum_member, kind._value2member_map_, kind)
    if origin in (types.UnionType, typing.Union):
        return _union_decoder(args)
    if origin is tuple:
        return _tuple_decoder(args)
    if origin is list:
        item = _decoder(args[0])
        return lambda value: [item(v) for v in _checked(value, list)]
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    raise TypeError(f"no decoder for {kind!r}")


def _enum_member(members: dict[Any, Any], kind: type, value: Any) -> Any:
    """kind(value) without Enum's own lookup, which is slow enough to show in a warm build."""
    try:
        return members[value]
    except (KeyError, TypeError):
        raise ValueError(f"{value!r:.40} is not a {kind.__name__}") from None


def _union_decoder(args: tuple[Any, ...]) -> Callable[[Any], Any]:
    optional = type(None) in args
    decoders = [_decoder(arg) for arg in args if arg is not type(None)]
    if optional and len(decoders) == 1:
        inner = decoders[0]
        return lambda value: None if value is None else inner(value)

    def decode_union(value: Any) -> Any:
        if value is None and optional:
            return None
        for decoder in decoders:
            with contextlib.suppress(TypeError, ValueError):
                return decoder(value)
        raise TypeError(f"no member of the union fits {value!r:.40}")

    return decode_union


def _tuple_decoder(args: tuple[Any, ...]) -> Callable[[Any], Any]:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(map(item, _checked(value, list)))
    if all(arg is int for arg in args):  # spans: (start, end)

        def decode_ints(value: Any) -> tuple[int, ...]:
            if type(value) is list and len(value) == len(args) and all(type(v) is int for v in value):
                return tuple(value)
            raise ValueError(f"expected {len(args)} whole numbers")

        return decode_ints
    items = [_decoder(arg) for arg in args]

    def decode_fixed(value: Any) -> tuple[Any, ...]:
        if len(_checked(value, list)) != len(items):
            raise ValueError("wrong tuple length")
        return tuple(d(v) for d, v in zip(items, value, strict=True))

    return decode_fixed


@functools.cache
def _field_decoders(kind: type) -> dict[str, Callable[[Any], Any]]:
    hints = typing.get_type_hints(kind)
    return {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind)}


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(kind)
    # A field of plain values (text, whole numbers, None) is checked by its type in place, without
    # a call: most of what a warm build decodes are such fields (spans, names, roles).
    plan = tuple(
        (name, _plain_types(hints[name]), decoder) for name, decoder in _field_decoders(kind).items()
    )
    expected = frozenset(name for name, _, _ in plan)
    # As pickle does: fill __dict__ directly, a few times faster than a frozen dataclass's __init__.
    plain = not hasattr(kind, "__post_init__") and not hasattr(kind, "__slots__")
    new = object.__new__

    def decode_dataclass(value: Any) -> Any:
        if type(value) is not dict or value.keys() != expected:
            raise ValueError(f"{kind.__name__}: not an object with its fields")
        fields = {}
        for name, types_, decoder in plan:
            item = value[name]
            if types_ is None:
                item = decoder(item)
            elif type(item) not in types_:
                raise TypeError(f"{kind.__name__}.{name}: not a {type(item).__name__}")
            fields[name] = item
        if not plain:
            return kind(**fields)
        made = new(kind)
        made.__dict__.update(fields)
        return made

    return decode_dataclass


def _plain_types(hint: Any) -> frozenset[type] | None:
    """The JSON types a field of type HINT takes as they are (str, int, bool, None), or None."""
    members = typing.get_args(hint) if typing.get_origin(hint) in (types.UnionType, typing.Union) else (hint,)
    if all(member in (str, int, bool, type(None)) for member in members):
        return frozenset(members)
    return None


# ---------------------------------------------------------------- reading and extracting a corpus


def gather(
    folder: Path,
    cache: Cache | None = None,
    jobs: int = 1,
    parallel_min: int = PARALLEL_MIN,
    progress: Progress | None = None,
) -> tuple[list[Extraction], list[Problem]]:
    """Every article of FOLDER extracted, and the problems met; what read_corpus() and then
    extract_article() on each article give, in the same order, taking what CACHE already has."""
    extractions, _, problems = gather_signed(folder, cache, jobs, parallel_min, progress)
    return extractions, problems


def gather_signed(
    folder: Path,
    cache: Cache | None = None,
    jobs: int = 1,
    parallel_min: int = PARALLEL_MIN,
    progress: Progress | None = None,
) -> tuple[list[Extraction], list[TextSignature], list[Problem]]:
    """What gather() gives, with each article's text_signature() (made where it is extracted)."""
    workers = _Workers(jobs, parallel_min)
    with paused_gc():  # what it decodes and gathers lives on: see gcpause.py
        articles, problems = _read(Path(folder), cache, workers, progress)
        extractions, signatures = _extract(articles, cache, workers, progress)
    return extractions, signatures, problems


def _read(
    folder: Path, cache: Cache | None, workers: _Workers, progress: Progress | None
) -> tuple[list[Article], list[Problem]]:
    """read_corpus(), file by file: the same walk, the same problems in the same order."""
    if not folder.is_dir():
        return corpus.read_corpus(folder)  # raises the usual error
    # The walk reports unreadable folders as it meets them: keep them in their place among the files.
    walk_problems: list[Problem] = []
    steps: list[Problem | Path] = []
    placed = 0
    for path in corpus.walk_files(folder, walk_problems):
        steps.extend(walk_problems[placed:])
        placed = len(walk_problems)
        steps.append(path)
    steps.extend(walk_problems[placed:])

    results: dict[Path, tuple[list[Article], list[Problem]]] = {}
    keys: dict[Path, str] = {}
    to_read: list[Path] = []
    for step in steps:
        if isinstance(step, Problem) or step.suffix.lower() not in corpus.READERS:
            continue
        found = None
        if cache is not None:
            try:
                keys[step] = file_key(step, step.read_bytes())
            except OSError:
                pass  # read_file reports it
            else:
                found = cache.load_file(keys[step])
        if found is None:
            to_read.append(step)
        else:
            results[step] = found
    if cache is not None:
        cache.stats.file_hits += len(results)
        cache.stats.file_misses += len(to_read)
    items = [(path, keys.get(path)) for path in to_read]
    reader = functools.partial(_read_file, cache=cache)
    for path, result in zip(to_read, workers.map(reader, items, "reading", progress), strict=True):
        results[path] = result

    articles: list[Article] = []
    problems: list[Problem] = []
    for step in steps:
        if isinstance(step, Problem):
            problems.append(step)
        elif step.suffix.lower() in corpus.UNREADABLE_FORMATS:
            # As read_corpus words it (file formats briefgen recognises but cannot read).
            problems.append(Problem(corpus.display_name(step), corpus.unsupported(step.suffix.lower())))
        elif step in results:
            found, trouble = results[step]
            articles.extend(found)
            problems.extend(trouble)
    if not articles:
        return corpus.read_corpus(folder)  # raises NoArticlesError with its own message
    return corpus.unique_ids(articles), problems


def _read_file(item: tuple[Path, str | None], cache: Cache | None) -> tuple[list[Article], list[Problem]]:
    path, key = item
    try:
        articles, problems = corpus.read_file(path)
    except ArticleError as error:
        problem = Problem(corpus.display_name(path), error.problem)
        if cache is not None and key is not None:
            cache.store_file_error(key, problem)
        return [], [problem]
    if cache is not None and key is not None:
        cache.store_file(key, articles, problems)
    return articles, problems


def _extract(
    articles: list[Article], cache: Cache | None, workers: _Workers, progress: Progress | None
) -> tuple[list[Extraction], list[TextSignature]]:
    found: list[tuple[Extraction, TextSignature] | None] = [None] * len(articles)
    keys: list[str | None] = [None] * len(articles)
    if cache is not None:
        for i, article in enumerate(articles):
            keys[i] = article_key(article)
            found[i] = cache.load_extraction(keys[i], article)  # type: ignore[arg-type]
    todo = [i for i, entry in enumerate(found) if entry is None]
    if cache is not None:
        cache.stats.article_hits += len(articles) - len(todo)
        cache.stats.article_misses += len(todo)
    extractor = functools.partial(_extract_article, cache=cache)
    items = [(articles[i], keys[i]) for i in todo]
    for i, (changes, extraction, signature) in zip(
        todo, workers.map(extractor, items, "extracting", progress), strict=True
    ):
        article = dataclasses.replace(articles[i], **changes) if changes else articles[i]
        found[i] = (dataclasses.replace(extraction, article=article), signature)
    return [entry[0] for entry in found], [entry[1] for entry in found]  # type: ignore[index]


def _extract_article(
    item: tuple[Article, str | None], cache: Cache | None
) -> tuple[dict[str, Any], Extraction, TextSignature]:
    """The extraction without its article, the article fields extraction changed, and the article's
    duplicate signature: a worker does not send the article's text back, and the main process keeps
    one copy of it."""
    article, key = item
    extraction = extract_article(article)
    signature = text_signature(extraction.article)
    if cache is not None and key is not None:
        cache.store_extraction(key, article, extraction, signature)
    return _changes(article, extraction.article), dataclasses.replace(extraction, article=None), signature


def _changes(before: Article, after: Article) -> dict[str, Any]:
    return {
        name: getattr(after, name)
        for name in _ARTICLE_FIELDS
        if getattr(after, name) != getattr(before, name)
    }


class _Workers:
    """Runs a stage over items: in this process, or, from PARALLEL_MIN items on, on a pool of JOBS
    processes. The first item is done here first, so that the lexicons and regexes it needs are
    loaded once and inherited by the forked workers instead of being built again in each."""

    def __init__(self, jobs: int, parallel_min: int):
        self.jobs = max(1, jobs)
        self.parallel_min = parallel_min

    def map(
        self, function: Callable[[T], R], items: list[T], stage: str, progress: Progress | None
    ) -> Iterator[R]:
        total = len(items)
        if progress and total:
            progress(stage, 0, total)
        done = 0
        if self.jobs > 1 and total >= self.parallel_min:
            yield function(items[0])
            done = 1
            if progress:
                progress(stage, done, total)
            # A worker reads pages with libraries that may make reference cycles: its collector runs.
            pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=gc.enable)
            finished = False
            try:
                chunk = max(1, min(32, total // (self.jobs * 8)))
                for result in pool.map(function, items[1:], chunksize=chunk):
                    done += 1
                    if progress:
                        progress(stage, done, total)
                    yield result
                finished = True
            finally:  # on an error or Ctrl-C, the queued work is dropped rather than waited for
                pool.shutdown(wait=finished, cancel_futures=not finished)
            return
        for item in items:
            result = function(item)
            done += 1
            if progress:
                progress(stage, done, total)
            yield result


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
