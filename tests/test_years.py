"""A wire story with no year anywhere takes the year of other reports of the same meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.pipeline import build_brief

DATED = (
    "Presidents meet in Seoul\n\nPublished: 30 December 2023\n\n"
    "President Lee Min-ho hosted President Ana Costa of Portugal for talks in Seoul on Saturday. "
    "The two leaders discussed trade and shipbuilding.\n"
)
YEARLESS = (
    "Costa and Lee talk ships\n\n"
    "SEOUL, Dec. 30 (Agency) -- President Ana Costa of Portugal held talks with President Lee Min-ho "
    "on Saturday, the presidential office said.\n\n"
    '"Our shipyards have much to build together," Costa told reporters after the talks.\n'
)


def _brief(tmp_path: Path, files: dict[str, str]):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return build_brief(corpus)


def test_the_year_comes_from_another_report_of_the_meeting(tmp_path):
    brief = _brief(tmp_path, {"dated.txt": DATED, "wire.txt": YEARLESS})
    wire = next(a for a in brief.articles if a.id == "wire")
    assert wire.published == dt.date(2023, 12, 30)
    assert [m.sources for m in brief.meetings] == [("dated", "wire")]
    assert any("no year in the article" in p.message and p.path.endswith("wire.txt") for p in brief.problems)


def test_no_year_is_guessed_when_two_years_fit(tmp_path):
    later = (
        "Costa back in Seoul\n\nPublished: 31 December 2024\n\n"
        "President Ana Costa of Portugal returned to Seoul for a second round of talks with President "
        "Lee Min-ho on Monday, a year after her first visit, focusing on ports and steel.\n"
    )
    brief = _brief(tmp_path, {"dated.txt": DATED, "later.txt": later, "wire.txt": YEARLESS})
    wire = next(a for a in brief.articles if a.id == "wire")
    assert wire.published is None
    assert any("no date found" in p.message and p.path.endswith("wire.txt") for p in brief.problems)


def test_no_year_is_taken_from_other_people(tmp_path):
    others = DATED.replace("Lee Min-ho", "Park Ji-sung").replace("Ana Costa", "Olaf Weber")
    brief = _brief(tmp_path, {"dated.txt": others, "wire.txt": YEARLESS})
    assert next(a for a in brief.articles if a.id == "wire").published is None


LIMA = (
    "Three navies for the Putumayo\n\nPublished: 8 May 2025\n\n"
    "Foreign Minister Luisa Ocampo Restrepo of Colombia met Foreign Minister Rosa Quispe Huamán of Peru in "
    "Lima on Thursday and signed a declaration on river patrols.\n"
)
CLIPPING = (
    "headline,date,source,body\n"
    'Ocampo: the declaration puts three navies on the river,09/05/2025,Courier,"PASTO - Colombia will deploy '
    'patrol boats on the river, Foreign Minister Luisa Ocampo Restrepo said on Friday, a day after the meeting."\n'
)


def test_an_ambiguous_numeric_date_takes_the_order_its_people_s_reports_fit(tmp_path):
    brief = _brief(tmp_path, {"lima.txt": LIMA, "clippings.csv": CLIPPING})
    clipping = next(a for a in brief.articles if a.id.startswith("clippings"))
    assert clipping.published == dt.date(2025, 5, 9)  # 9 May, not 5 September
    assert any("read as 2025-05-09" in p.message for p in brief.problems)


def test_an_ambiguous_numeric_date_keeps_the_first_order_when_nothing_tells(tmp_path):
    brief = _brief(tmp_path, {"clippings.csv": CLIPPING})
    assert brief.articles[0].published == dt.date(2025, 9, 5)
