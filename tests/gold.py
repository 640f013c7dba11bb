"""Scoring a brief against a gold file (tests/data/seeds.gold.json), following the rules in its `about`."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).parent / "data" / "seeds.gold.json"


def norm(text: str) -> str:
    text = text.lower().translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def speaker_matches(expected: str, predicted: str | None) -> bool:
    return bool(predicted) and expected.lower() in re.findall(r"[\w'-]+", predicted.lower())  # type: ignore[union-attr]


@dataclass
class Score:
    """Hits and totals per measure; `misses` says what was not found, for readable failures."""

    hits: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, measure: str, ok: bool, what: str) -> None:
        self.totals[measure] += 1
        self.hits[measure] += int(ok)
        if not ok:
            self.misses.append(f"{measure}: {what}")

    def rate(self, measure: str) -> float:
        return self.hits[measure] / self.totals[measure] if self.totals[measure] else 1.0


def score_brief(brief: dict, gold: dict | None = None) -> Score:
    gold = gold or json.loads(GOLD.read_text(encoding="utf-8"))
    brief = _with_left_out_copies(brief)
    score = Score()
    published = {a["id"]: a["published"] for a in brief["articles"]}
    for article_id, expected in gold["articles"].items():
        score.add(
            "article_dates",
            published.get(article_id) == expected["published"],
            f"{article_id} -> {published.get(article_id)}",
        )
    f1 = bcubed_f1(brief, gold)
    score.totals["grouping_f1"], score.hits["grouping_f1"] = 1, f1  # a rate, not a count
    if f1 < 1:
        score.misses.append(f"grouping_f1: {f1:.3f}")
    for meeting in gold["meetings"]:
        _score_meeting(score, meeting, _predicted_meeting(brief, gold, meeting["id"]))
    all_quotes = [q for m in brief["meetings"] for q in m["quotes"]]
    for phrase in gold["not_quotes"]:
        bad = [q["text"] for q in all_quotes if _is_just(phrase, q["text"])]
        score.add("not_quotes", not bad, f"{phrase!r} extracted as {bad}")
    text = json.dumps(brief, ensure_ascii=False)
    for phrase in gold["boilerplate"]:
        score.add("boilerplate", phrase not in text, f"{phrase!r} in the brief")
    return score


_LEFT_OUT = re.compile(r"^(?:duplicate of|superseded by) (?P<kept>.+?)(?:,| \()")


def _with_left_out_copies(brief: dict) -> dict:
    """The brief leaves out a copy of an article (a syndicated wire story) and says which file it kept
    instead; the copy is then scored as if it stood where the kept article stands: its date, its
    meeting. The gold lists every file, copies included."""
    by_path = {a["path"]: a for a in brief["articles"]}
    stand_ins = {}
    for warning in brief["warnings"]:
        left_out = _LEFT_OUT.match(warning["problem"])
        if left_out and left_out.group("kept") in by_path:
            stand_ins[Path(warning["path"]).stem] = by_path[left_out.group("kept")]
    if not stand_ins:
        return brief
    articles = brief["articles"] + [{**kept, "id": copy} for copy, kept in stand_ins.items()]
    meetings = [
        {**m, "sources": m["sources"] + [c for c, kept in stand_ins.items() if kept["id"] in m["sources"]]}
        for m in brief["meetings"]
    ]
    return {**brief, "articles": articles, "meetings": meetings}


def _is_just(phrase: str, quote_text: str) -> bool:
    """A quote that is only the quoted name (give or take punctuation)."""
    return norm(quote_text).strip(" .,\"'") == phrase or (
        phrase in norm(quote_text) and len(quote_text) < len(phrase) + 12
    )


def _predicted_meeting(brief: dict, gold: dict, gold_id: str) -> dict | None:
    """The predicted meeting holding most of the gold meeting's articles; of two that hold as many, the
    one they report in their lead (an article reporting a second meeting further down is in that
    meeting's partial_sources)."""
    members = {a for a, info in gold["articles"].items() if info["meeting"] == gold_id}
    best, overlap = None, (0, 0)
    for meeting in brief["meetings"]:
        shared = members & set(meeting["sources"])
        rank = (len(shared), len(shared - set(meeting.get("partial_sources", ()))))
        if rank[0] and rank > overlap:
            best, overlap = meeting, rank
    return best


def _score_meeting(score: Score, gold: dict, predicted: dict | None) -> None:
    name = gold["id"]
    if predicted is None:
        # A meeting the brief misses misses everything in it, so that no measure looks better for it.
        predicted = {
            "date": None,
            "location": None,
            "participants": [],
            "quotes": [],
            "agreements": [],
            "facts": [],
        }
        score.add("meeting_dates", False, f"{name}: no meeting")
        _score_contents(score, gold, predicted)
        return
    score.add("meeting_dates", predicted["date"] == gold["date"], f"{name}: {predicted['date']}")
    _score_contents(score, gold, predicted)


def _score_contents(score: Score, gold: dict, predicted: dict) -> None:
    name = gold["id"]
    location = predicted["location"]
    ok = location in gold["location"] or any(
        loc and location and norm(loc) == norm(location) for loc in gold["location"]
    )
    score.add("locations", ok, f"{name}: {location}")
    names = [p["name"] for p in predicted["participants"]]
    for participant in gold["participants"]:
        full, _, key = participant.partition("|")
        found = any(norm(full) in norm(n) for n in names) or any(
            norm(key or full) in re.findall(r"[\w'-]+", norm(n)) for n in names
        )
        score.add("participants", found, f"{name}: {participant} not in {names}")
    quotes = predicted["quotes"]
    direct = [q for q in quotes if q["kind"] == "direct"]
    matched_direct = set()
    for expected in gold["quotes"]["direct"]:
        hits = [i for i, q in enumerate(direct) if expected["anchor"] in norm(q["text"])]
        matched_direct.update(hits)
        score.add("direct_recall", bool(hits), f"{name}: {expected['anchor']!r}")
        if hits:
            speaker = direct[hits[0]]["speaker"]
            score.add("direct_speaker", speaker_matches(expected["speaker"], speaker), f"{name}: {speaker}")
    for i, q in enumerate(direct):
        score.add(
            "direct_precision", i in matched_direct, f"{name}: unexpected direct quote {q['text'][:60]!r}"
        )
    for expected in gold["quotes"]["reported"]:
        hits = [q for q in quotes if expected["anchor"] in norm(q["text"])]
        right = any(speaker_matches(expected["speaker"], q["speaker"]) for q in hits)
        score.add(
            "reported_recall", right, f"{name}: {expected['anchor']!r} ({[q['speaker'] for q in hits]})"
        )
    for expected in gold["agreements"]:
        hits = [
            a for a in predicted["agreements"] if expected["anchor"] in norm(a["title"] + " " + a["text"])
        ]
        ok = any(expected["status"] in a["status"] for a in hits)
        score.add("agreement_recall", ok, f"{name}: {expected['anchor']!r}")
    if not gold["agreements"]:
        score.add(
            "no_invented_agreements",
            not predicted["agreements"],
            f"{name}: {[a['title'] for a in predicted['agreements']]}",
        )
    for expected in gold["facts"]:
        ok = any(expected["anchor"] in norm(f["text"]) for f in predicted["facts"])
        score.add("fact_recall", ok, f"{name}: {expected['anchor']!r}")


def bcubed_f1(brief: dict, gold: dict) -> float:
    # An article belongs to the meeting its lead reports; a later part reporting another meeting
    # ("partial_sources") adds it there too, which this measure leaves aside.
    predicted: dict[str, set[str]] = {}
    for meeting in brief["meetings"]:
        whole = [s for s in meeting["sources"] if s not in meeting.get("partial_sources", ())]
        for source in whole:
            predicted.setdefault(source, set()).update(whole)
    truth = {
        a: {b for b, j in gold["articles"].items() if j["meeting"] == i["meeting"]}
        for a, i in gold["articles"].items()
    }
    precisions, recalls = [], []
    for article, members in truth.items():
        cluster = predicted.get(article, {article})
        precisions.append(len(cluster & members) / len(cluster))
        recalls.append(len(cluster & members) / len(members))
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0
