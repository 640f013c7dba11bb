"""Where a meeting took place: the lead's city, the dateline's, the headline's, or nothing."""

from __future__ import annotations

import pytest

from tests.articles import extract


@pytest.mark.parametrize(
    ("title", "lead", "place"),
    [
        ("", "Prime Minister Ana Costa met Chancellor Olaf Weber in Lisbon on Monday.", "Lisbon"),
        ("", "TOKYO, Dec. 6 (Agency) -- The two prime ministers held talks on Wednesday.", "Tokyo"),
        (
            "",
            "PUERTO IGUAZÚ, Argentina, July 4 (Agency) - The two presidents held talks on Tuesday.",
            "Puerto Iguazú",
        ),
        (
            "",
            "The leaders met in the Argentine border town of Puerto Iguazú on Tuesday for talks.",
            "Puerto Iguazú",
        ),
        ("", "The two ministers held talks in Kazan, Russia, on Friday to discuss grain exports.", "Kazan"),
        (
            "Sakai visits New Delhi",
            "The Japanese prime minister held talks with his counterpart on Monday.",
            "New Delhi",
        ),
        ("", "OSLO, Norway, May 19. The minister opened a consulate in Xi'an on Friday.", "Xi'an"),
        ("", "Warsaw, 4 May 2023 - The two presidents held talks on Thursday.", "Warsaw"),
        ("", "New Delhi, 10th January: The minister on Monday summoned the airline's chief.", "New Delhi"),
        (  # a valley named after a city is not the city; the dateline is
            "",
            "KUWAIT CITY - The two presidents agreed on Tuesday to open two crossing points in the Fergana "
            "Valley by December.",
            "Kuwait City",
        ),
        (  # a district briefgen does not know, with its city
            "",
            "The two signed the framework at the central office in Diliman, Quezon City, on Wednesday.",
            "Quezon City",
        ),
        ("", "Lagos, March 3 (Wire) - The two presidents held talks on Friday.", "Lagos"),
        (
            "",
            "Ulaanbaatar, Mongolia: An IMF staff team held talks with the governor on Tuesday.",
            "Ulaanbaatar",
        ),
        (  # a place of another, future event is not this one's
            "",
            "The presidents spoke by phone about the summit, which will take place in Lisbon next month.",
            None,
        ),
        # Capitals with accents, and a lookup that ignores them.
        (
            "",
            "İZMİR, 14 March 2025 (Agency) - The federation and the city agreed to build a stadium.",
            "Izmir",
        ),
        ("", "Tuesday, March 3 - The two presidents held talks on trade and energy.", None),
        # A city with its state or province, in the lead or on a line of its own above it.
        ("", "WINDSOR, Ont. - The company and the union signed their new contract on Thursday.", "Windsor"),
        ("", "AUSTIN, Texas, May 3 (Wire) - The governor met the trade minister on Friday.", "Austin"),
        # A dated dateline names a city, even one briefgen does not know; a city-state is its city.
        ("", "FARO, 9 July 2026 (Tagus Press) — The two ministers agreed in principle on Thursday.", "Faro"),
        ("", "The leaders held talks in Singapore on Monday on trade and shipping.", "Singapore"),
        # A town briefgen does not know, named as where the meeting was, and what is not a town.
        (
            "",
            "With those words, Chief Loretta Sinclair opened Tuesday's meeting in Thunder Bay with the company.",
            "Thunder Bay",
        ),
        ("", "The ministers held their meeting in March to discuss the new mine and its water use.", None),
        ("", "The two presidents held talks with the participation of official delegations.", None),
        ("", "The talks in May focused on trade, energy and transport between the two countries.", None),
    ],
)
def test_meeting_place(title, lead, place):
    assert extract(lead, title=title).location == place


def test_a_dateline_on_a_line_of_its_own_above_the_lead():
    text = (
        "NEWS RELEASE\n"
        "WINDSOR, ON, October 3, 2024\n"
        "The company and the union today signed a new three-year collective agreement at the plant."
    )
    assert extract(text).location == "Windsor"


def test_the_lead_s_dateline_comes_before_the_places_of_the_next_paragraph():
    extraction = extract(
        "ROME — The Philippines and the FAO on Tuesday signed a host country agreement for a laboratory.\n\n"
        "Agriculture Secretary Ana Cruz signed it four months after the two sides signed a framework in "
        "Quezon City."
    )
    assert extraction.location == "Rome"
