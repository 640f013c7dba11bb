"""Agreements: what was signed, under a readable title, with its status; background signings left out."""

from __future__ import annotations

import pytest

from tests.articles import extract

LEAD = "Prime Minister Ana Costa met Chancellor Olaf Weber in Lisbon on March 5, 2024.\n"


def agreements(body: str) -> list[tuple[str, str]]:
    return [(a.title, a.status) for a in extract(LEAD + body, meta_date="2024-03-05").agreements]


@pytest.mark.parametrize(
    ("body", "title", "status"),
    [
        (
            "The two leaders signed a joint declaration on energy security.",
            "Joint declaration on energy security",
            "signed",
        ),
        (
            "They witnessed the signing of a memorandum of understanding on port cooperation.",
            "Memorandum of understanding on port cooperation",
            "signed",
        ),
        (
            "An intergovernmental agreement on visa-free travel was signed after the talks.",
            "Intergovernmental agreement on visa-free travel",
            "signed",
        ),
        ("The sides adopted an action plan for 2024-2026.", "Action plan for 2024-2026", "adopted"),
        ("Ministers inked contracts worth $2 billion.", "Contracts worth $2 billion", "signed"),
        (
            "The treaty on good-neighbourliness will take effect next month.",
            "Treaty on good-neighbourliness",
            "will take effect",
        ),
        ("The leaders are expected to sign a trade agreement in June.", "Trade agreement", "to be signed"),
    ],
)
def test_signed_documents_with_title_and_status(body, title, status):
    assert (title, status) in agreements(body)


def test_several_documents_in_one_sentence():
    found = agreements(
        "They signed the Joint Statement and witnessed the signing of 12 documents on cooperation in trade."
    )
    titles = [t for t, _ in found]
    assert "Joint Statement" in titles
    assert "12 documents on cooperation in trade" in titles


@pytest.mark.parametrize(
    "body",
    [
        "The decree on the embassy was signed on November 5, 2022.",  # signed another day: background
        "The two sides reached agreement on the need for more dialogue.",
        "Costa said the documents would be studied carefully.",
        "Weber visited a factory that produces agricultural machinery.",
        "No documents were signed.",  # denied
        "No new agreements were signed at the talks.",
        "The free trade agreement was not signed, officials said.",
        "The leaders did not sign the treaty on maritime borders.",
        "The talks follow a letter of intent signed last year in Lisbon.",  # signed before: background
        '"Six months ago we signed an agreement," Weber said.',
        "Exporters use the trade agreement that entered into force in 2020.",
    ],
)
def test_no_agreement_invented(body):
    assert agreements(body) == []


def test_each_document_takes_the_status_of_its_own_verb():
    body = "The ministers signed a memorandum on disaster relief and adopted a plan of action on floods."
    assert agreements(body) == [
        ("Memorandum on disaster relief", "signed"),
        ("Plan of action on floods", "adopted"),
    ]


def test_a_decimal_point_does_not_end_a_title():
    body = "Companies signed commercial agreements worth $1.4 billion at the forum."
    assert agreements(body) == [("Commercial agreements worth $1.4 billion", "signed")]


def test_fields_of_cooperation_are_listed():
    extraction = extract(
        LEAD + "They signed documents on cooperation in such fields as energy, trade and tourism."
    )
    (agreement,) = extraction.agreements
    assert agreement.fields == ("energy", "trade", "tourism")


def test_two_documents_joined_by_and_are_two_agreements():
    found = agreements(
        "The ministers signed a memorandum of understanding on political consultations and an agreement "
        "on the avoidance of double taxation."
    )
    assert [t for t, _ in found] == [
        "Memorandum of understanding on political consultations",
        "Agreement on the avoidance of double taxation",
    ]


def test_parties_named_in_the_title_are_kept_whole():
    found = agreements(
        "They signed the Joint Declaration between the Republic of Chile and the Kingdom of Spain."
    )
    assert found == [("Joint Declaration between the Republic of Chile and the Kingdom of Spain", "signed")]


def test_counted_documents_listed_in_the_next_sentence_are_each_an_agreement():
    found = agreements(
        "The two sides signed four memoranda of understanding on Monday. The memoranda cover gas supply "
        "through the Atlantic pipeline, the linking of instant payment systems, visa-free travel for "
        "holders of official passports, and a framework to reopen sealed shops."
    )
    assert found == [
        ("Memorandum of understanding on gas supply through the Atlantic pipeline", "signed"),
        ("Memorandum of understanding on the linking of instant payment systems", "signed"),
        ("Memorandum of understanding on visa-free travel for holders of official passports", "signed"),
        ("Memorandum of understanding on a framework to reopen sealed shops", "signed"),
    ]


def test_counted_documents_listed_in_bullet_points_are_each_an_agreement():
    found = agreements(
        "After the talks, ministers signed three agreements in their presence.\n"
        "The documents signed were:\n"
        "- an agreement on increased gas supply through the Atlantic pipeline;\n"
        "- a memorandum on visa waivers for holders of official passports; and\n"
        "- a framework agreement on the reopening of sealed shops.\n"
        '"The days of padlocks are over," Weber said.'
    )
    assert found == [
        ("Agreement on increased gas supply through the Atlantic pipeline", "signed"),
        ("Memorandum on visa waivers for holders of official passports", "signed"),
        ("Framework agreement on the reopening of sealed shops", "signed"),
    ]


def test_a_list_of_something_else_after_a_signing_is_not_taken_for_documents():
    found = agreements(
        "The two sides signed four agreements on Monday.\n"
        "Costa later toured the port.\n"
        "Weber then flew to Porto.\n"
        "Highlights of the visit:\n"
        "- a tour of the port;\n"
        "- a dinner at the palace."
    )
    assert found == [("Four agreements", "signed")]


@pytest.mark.parametrize(
    ("body", "title", "status"),
    [
        (  # a document named inside another's name is part of it
            "Staff and the authorities have reached a staff-level agreement on a 36-month arrangement under "
            "the Extended Fund Facility (EFF) of $420 million.",
            "Staff-level agreement on a 36-month arrangement under the Extended Fund Facility",
            "agreed",
        ),
        (
            "The Executive Board on Tuesday approved a 36-month Extended Fund Facility arrangement for the "
            "country.",
            "36-month Extended Fund Facility arrangement for the country",
            "approved",
        ),
    ],
)
def test_financing_agreed_or_approved(body, title, status):
    assert (title, status) in agreements(body)


def test_documents_listed_after_a_colon_in_their_sentence():
    found = agreements(
        "Costa and Weber signed three documents: the collective agreement, a letter of understanding on the "
        "future of the plant and a pension agreement."
    )
    assert found == [
        ("Collective agreement", "signed"),
        ("Letter of understanding on the future of the plant", "signed"),
        ("Pension agreement", "signed"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the words between the article and the document word describe it
            "The two sides signed a new three-year collective agreement covering 4,100 employees.",
            [("New three-year collective agreement", "signed")],
        ),
        (  # a year after the meeting's is a target, not the time of another signing
            "The two ports signed an agreement on the exchange of port data, and adopted a joint roadmap "
            "that sets a first zero-emission voyage in 2028.",
            [("Agreement on the exchange of port data", "signed"), ("Joint roadmap", "adopted")],
        ),
        (  # denied right before the document; the other one is still to be signed
            "There was no agreement on the rice tariff, and an agreement on tourist transit will be signed "
            "at a later date.",
            [("Agreement on tourist transit", "to be signed")],
        ),
        (
            "The province committed $120 million under a funding agreement to be signed later this year.",
            [("Funding agreement", "to be signed")],
        ),
        (  # a document word that names a process
            "The union will open contract negotiations with the company on Tuesday, its president announced.",
            [],
        ),
    ],
)
def test_titles_and_statuses_in_context(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Colombia and Ecuador signed agreements on electricity, border security and cargo transport on "
            "Friday, as the presidents sought to end a year of disputes.",
            [
                ("Agreement on electricity", "signed"),
                ("Agreement on border security", "signed"),
                ("Agreement on cargo transport", "signed"),
            ],
        ),
        (
            "The leaders signed memoranda on semiconductors and clean hydrogen, officials said.",
            [("Memorandum on semiconductors", "signed"), ("Memorandum on clean hydrogen", "signed")],
        ),
        (  # a time is no topic
            "Nigeria and Ghana signed four memoranda of understanding on Monday, including a deal on payments.",
            [("Four memoranda of understanding", "signed"), ("Deal on payments", "signed")],
        ),
        (  # the sentence's opening preposition is not part of the title
            "Under the roadmap adopted by the two sides, the corridor will be reviewed every year.",
            [("Roadmap", "adopted")],
        ),
    ],
)
def test_documents_named_together_by_their_topics(body, expected):
    assert agreements(body) == expected


def test_a_list_whose_bullets_were_lost_after_a_colon():
    found = agreements(
        "In the presence of the two prime ministers, the following documents were signed:\n"
        "a Memorandum of Understanding on Defence-Industrial Cooperation;\n"
        "an Agreement on the Protection of Critical Undersea Infrastructure;\n"
        "a Programme of Cooperation in Education and Culture.\n"
        "The memorandum provides for the joint production of ammunition."
    )
    assert [title for title, _ in found] == [
        "Memorandum of Understanding on Defence-Industrial Cooperation",
        "Agreement on the Protection of Critical Undersea Infrastructure",
        "Programme of Cooperation in Education and Culture",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The ministers agreed to prepare a memorandum on defence cooperation, which officials said could be "
            "signed early next year.",
            [("Memorandum on defence cooperation", "to be signed")],
        ),
        ("In October 2023, the ministers adopted a joint statement on Baltic Sea security.", []),
        (
            "The authority and the company signed a covenant on the deletion of stored face templates.",
            [("Covenant on the deletion of stored face templates", "signed")],
        ),
    ],
)
def test_more_statuses_times_and_documents(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Under a written undertaking signed by the chief executive at the meeting, the airline will "
            "operate no more than 340 daily flights.",
            [("Written undertaking", "signed")],
        ),
        (
            "The two officials signed on Wednesday the Country Programming Framework for 2028 to 2032.",
            [("Country Programming Framework for 2028 to 2032", "signed")],
        ),
        (  # an abbreviation with full stops does not end the name
            "The company signed an investment agreement worth 2.1 billion U.S. dollars with the state.",
            [("Investment agreement worth 2.1 billion U.S. dollars with the state", "signed")],
        ),
        (  # an earlier signing, months before this one
            "They signed a host country agreement for a laboratory, four months after the two sides signed "
            "a five-year partnership framework in Quezon City.",
            [("Host country agreement for a laboratory", "signed")],
        ),
        (  # ... but a signing weeks after something else is this one
            "The two companies signed their merger agreement on Tuesday, two weeks after the authority "
            "approved the deal.",
            [("Merger agreement", "signed")],
        ),
    ],
)
def test_documents_from_regional_and_regulatory_news(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a list with white bullets, as a statement's PDF gives it
            "4. In the presence of the two leaders, the following documents were signed:\n"
            "◦ Agreement on the Promotion and Reciprocal Protection of Investments;\n"
            "◦ Memorandum of Understanding on Cooperation in the Field of Renewable Energy.",
            [
                ("Agreement on the Promotion and Reciprocal Protection of Investments", "signed"),
                ("Memorandum of Understanding on Cooperation in the Field of Renewable Energy", "signed"),
            ],
        ),
        (  # the sentence before says when: last year
            "The meeting came a year after they held talks in Cholpon-Ata on May 15 last year. There they "
            "signed a treaty on the joint operation of the reservoir.",
            [],
        ),
        (  # adopted before, by others
            "They met in a hotel where the leaders of the region had earlier adopted the Kuwait Declaration.",
            [],
        ),
    ],
)
def test_lists_and_earlier_signings_in_statements(body, expected):
    assert agreements(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the negation is about the first document, in its own clause
            "The companies signed a job-security agreement with the union, which guarantees that none of the "
            "workers will be made redundant, and a five-year milk supply agreement with the farmers.",
            [("Job-security agreement", "signed"), ("Five-year milk supply agreement", "signed")],
        ),
        (  # a signing put off
            "The signing of the revised corridor management agreement has been deferred until December.",
            [],
        ),
        (  # an earlier month of the year is another event
            "The session followed the visit in January, when the two countries signed five agreements.",
            [],
        ),
        (  # a status in someone's words is what they want
            'He said his government wanted the revised agreement "signed in December, with no surprises."',
            [],
        ),
        ("The two leaders also issued a joint statement.", [("Joint statement", "adopted")]),
        (  # a signing that is the condition of something to come
            "The company said it would pause drilling near the lake until the protocol was signed.",
            [("Protocol", "to be signed")],
        ),
        (
            "Ontario will not issue any new permits for the project until a consultation protocol is signed.",
            [("Consultation protocol", "to be signed")],
        ),
        (  # ... but talks that went on until a signing report it
            "The talks went on late into the night until the protocol was signed.",
            [("Protocol", "signed")],
        ),
        (  # "such" points back to a document already named
            "Ontario and the First Nation also signed a resource revenue-sharing agreement, the first such "
            "agreement for a mine that has not yet been approved.",
            [("Resource revenue-sharing agreement", "signed")],
        ),
    ],
)
def test_what_was_not_signed_at_this_meeting(body, expected):
    assert agreements(body) == expected


def test_the_colon_of_a_time_introduces_no_list():
    found = agreements(
        "They signed the trade agreement at 10:30, the ministry said, and left for the airport."
    )
    assert found == [("Trade agreement", "signed")]


def test_people_who_signed_a_list_of_documents():
    found = agreements(
        "Vice-President Aissatou Sarr and Finance Minister Mutale Bwalya signed:\n"
        "- a $210 million loan agreement for the Kafue water supply project;\n"
        "- a $35 million grant agreement for solar mini-grids;\n"
        "- a $15 million technical assistance grant for public debt management.\n"
        '"Zambia has done the hard part," Sarr said.'
    )
    assert [title for title, _ in found] == [
        "$210 million loan agreement for the Kafue water supply project",
        "$35 million grant agreement for solar mini-grids",
        "Agreement on a $15 million technical assistance grant for public debt management",
    ]
