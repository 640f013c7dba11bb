#!/usr/bin/env python3
"""Check eval.gold.json against the evaluation corpus, independently of briefgen.

Usage: python tests/data/eval/check_gold.py [GOLD] [CORPUS]

Verifies that
- every article of the corpus (files; rows of .csv; lines of .jsonl) has an entry in "articles", and every
  entry names an existing article and an existing meeting; every meeting has at least one article;
- every anchor is already normalised (lower case, straight quotes, '-' dashes, single spaces);
- every direct quote anchor occurs in its source article, which belongs to the meeting, and lies inside
  quotation marks (or in a speaker turn of a transcript);
- every reported/agreement/fact anchor occurs in the normalised text of one of the meeting's articles;
- every quotation found in an article (text between quotation marks) is covered by a direct anchor of that
  article or by a not_quotes entry, so that the direct lists are exhaustive;
- every not_quotes phrase occurs in the corpus, and every boilerplate string occurs verbatim in a file.

Exits 1 and lists the problems if anything fails. Uses only the standard library.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATUSES = {"signed", "adopted", "proposed", "discussed"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def norm(text: str) -> str:
    text = text.lower().translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


class _ArticleText(HTMLParser):
    """Text inside <article>, without <script>/<style>; one line per block element."""

    BLOCKS = frozenset({"p", "h1", "h2", "h3", "li", "figcaption", "div", "time", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1
        if self.depth and tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1
        if self.depth and tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def read_corpus(corpus: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(article id -> article text, file name -> raw file text as a reader would see it)."""
    texts: dict[str, str] = {}
    raw: dict[str, str] = {}
    for path in sorted(corpus.iterdir()):
        content = path.read_text(encoding="utf-8")
        suffix = path.suffix.lower()
        if suffix == ".txt":
            texts[path.stem] = content
            raw[path.name] = content
        elif suffix == ".md":
            match = re.match(r"^---\n(.*?)\n---\n", content, re.S)
            assert match, f"{path.name}: no YAML front matter"
            front = match.group(1)
            for key in ("title", "date", "url", "publisher"):
                assert re.search(rf"^{key}:", front, re.M), f"{path.name}: front matter lacks {key}"
            texts[path.stem] = content[match.end() :]
            raw[path.name] = content
        elif suffix == ".html":
            parser = _ArticleText()
            parser.feed(content)
            texts[path.stem] = re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts))
            raw[path.name] = html.unescape(content)
        elif suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as handle:
                for number, row in enumerate(csv.DictReader(handle), 1):
                    assert set(row) == {"headline", "date", "body", "url", "source"}, f"{path.name}: columns"
                    texts[f"{path.stem}-{number}"] = row["headline"] + "\n\n" + row["body"]
            raw[path.name] = content
        elif suffix == ".jsonl":
            for number, line in enumerate(content.split("\n"), 1):
                if line.strip():
                    record = json.loads(line)
                    assert set(record) == {"title", "published", "text", "link"}, f"{path.name}: fields"
                    texts[f"{path.stem}-{number}"] = record["title"] + "\n\n" + record["text"]
            raw[path.name] = content
        else:
            raise SystemExit(f"unexpected file in corpus: {path.name}")
    return texts, raw


def quoted_spans(text: str) -> list[str]:
    """Text between quotation marks, paragraph by paragraph (an unclosed quote runs to the paragraph end)."""
    spans: list[str] = []
    for paragraph in re.split(r"\n", text):
        spans += re.findall(r"“([^”]*)(?:”|$)", paragraph)
        spans += re.findall(r"(?<![\w’])‘(.+?)’(?![A-Za-z])", paragraph)
        spans += re.findall(r"(?<![\w'])'([^'\n]+?)'(?![A-Za-z])", paragraph)
        straight = paragraph.split('"')
        spans += straight[1::2]
    return [s for s in (norm(x) for x in spans) if s]


def transcript_turns(text: str) -> list[str]:
    """The speaker turns of a transcript ('PRIME MINISTER SAKAI: ...')."""
    return [norm(m.group(1)) for m in re.finditer(r"^[A-Z][A-Z .'-]+[A-Z]: (.+)$", text, re.M)]


def main(gold_path: Path, corpus: Path) -> int:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts, raw = read_corpus(corpus)
    normed = {key: norm(value) for key, value in texts.items()}
    problems: list[str] = []
    meetings = {m["id"]: m for m in gold["meetings"]}
    if len(meetings) != len(gold["meetings"]):
        problems.append("duplicate meeting ids")
    members: dict[str, list[str]] = {m: [] for m in meetings}

    for article in sorted(set(texts) - set(gold["articles"])):
        problems.append(f"article {article} is in the corpus but not assigned to a meeting")
    for article, info in gold["articles"].items():
        if article not in texts:
            problems.append(f"article {article} is in the gold file but not in the corpus")
        if not DATE.match(info.get("published") or ""):
            problems.append(f"article {article}: bad published date {info.get('published')!r}")
        if info.get("meeting") not in meetings:
            problems.append(f"article {article}: unknown meeting {info.get('meeting')!r}")
        else:
            members[info["meeting"]].append(article)

    def check_anchor(anchor: str, where: str) -> bool:
        if not anchor or anchor != norm(anchor):
            problems.append(f"{where}: anchor {anchor!r} is not normalised")
            return False
        return True

    for mid, meeting in meetings.items():
        arts = members[mid]
        if not arts:
            problems.append(f"{mid}: no article")
            continue
        if not DATE.match(meeting["date"]):
            problems.append(f"{mid}: bad date {meeting['date']!r}")
        if not meeting["location"]:
            problems.append(f"{mid}: empty location list")
        if not meeting["participants"]:
            problems.append(f"{mid}: no participants")
        for participant in meeting["participants"] + meeting["also_present"]:
            name = participant.split("|")[0]
            if not any(norm(name) in normed[a] or norm(name.split()[-1]) in normed[a] for a in arts):
                problems.append(f"{mid}: participant {participant!r} not named in its articles")
        for quote in meeting["quotes"]["direct"]:
            where = f"{mid}: direct {quote['anchor']!r}"
            if not check_anchor(quote["anchor"], where):
                continue
            source = quote.get("source")
            if source not in arts:
                problems.append(f"{where}: source {source!r} is not an article of the meeting")
                continue
            if quote["anchor"] not in normed[source]:
                problems.append(f"{where}: not in {source}")
                continue
            spans = quoted_spans(texts[source]) + transcript_turns(texts[source])
            if not any(quote["anchor"] in span for span in spans):
                problems.append(f"{where}: not inside quotation marks or a transcript turn in {source}")
            if not quote.get("speaker"):
                problems.append(f"{where}: no speaker")
        for kind in ("reported",):
            for quote in meeting["quotes"][kind]:
                where = f"{mid}: {kind} {quote['anchor']!r}"
                if check_anchor(quote["anchor"], where) and not any(
                    quote["anchor"] in normed[a] for a in arts
                ):
                    problems.append(f"{where}: not in the meeting's articles")
        for item in meeting["agreements"]:
            where = f"{mid}: agreement {item['anchor']!r}"
            if item.get("status") not in STATUSES:
                problems.append(f"{where}: status {item.get('status')!r}")
            if check_anchor(item["anchor"], where) and not any(item["anchor"] in normed[a] for a in arts):
                problems.append(f"{where}: not in the meeting's articles")
        for item in meeting["facts"]:
            where = f"{mid}: fact {item['anchor']!r}"
            if check_anchor(item["anchor"], where) and not any(item["anchor"] in normed[a] for a in arts):
                problems.append(f"{where}: not in the meeting's articles")

    # exhaustiveness: every quotation in an article is a listed direct quote (of that article) or a not_quote
    for article, text in texts.items():
        mid = gold["articles"].get(article, {}).get("meeting")
        if mid not in meetings:
            continue
        anchors = [q["anchor"] for q in meetings[mid]["quotes"]["direct"] if q.get("source") == article]
        for span in quoted_spans(text):
            covered = any(a in span or span in a for a in anchors) or any(
                phrase in span and len(span) < len(phrase) + 12 for phrase in gold["not_quotes"]
            )
            if not covered:
                problems.append(f"{article}: quotation {span!r} is neither a direct quote nor a not_quote")

    corpus_norm = " ".join(normed.values())
    for phrase in gold["not_quotes"]:
        if phrase != norm(phrase) or phrase not in corpus_norm:
            problems.append(f"not_quote {phrase!r} missing from the corpus or not normalised")
    all_anchors = [
        q["anchor"] for m in meetings.values() for q in m["quotes"]["direct"] + m["quotes"]["reported"]
    ] + [i["anchor"] for m in meetings.values() for i in m["agreements"] + m["facts"]]
    for phrase in gold["boilerplate"]:
        if not any(phrase in content for content in raw.values()):
            problems.append(f"boilerplate {phrase!r} does not occur verbatim in any file")
        if any(norm(phrase) in anchor or anchor in norm(phrase) for anchor in all_anchors):
            problems.append(f"boilerplate {phrase!r} overlaps a gold anchor")

    n_direct = sum(len(m["quotes"]["direct"]) for m in meetings.values())
    print(
        f"{len(texts)} articles, {len(meetings)} meetings, {n_direct} direct quotes, "
        f"{sum(len(m['quotes']['reported']) for m in meetings.values())} reported, "
        f"{sum(len(m['agreements']) for m in meetings.values())} agreements, "
        f"{sum(len(m['facts']) for m in meetings.values())} facts, {len(gold['not_quotes'])} not_quotes, "
        f"{len(gold['boilerplate'])} boilerplate strings"
    )
    for problem in problems:
        print("FAIL", problem)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    gold_file = Path(args[0]) if args else HERE / "eval.gold.json"
    corpus_dir = Path(args[1]) if len(args) > 1 else HERE / "corpus"
    sys.exit(main(gold_file, corpus_dir))
