"""Grouping articles into meetings: same event across outlets, look-alikes kept apart."""

from __future__ import annotations

from briefgen.meetings import group_meetings
from tests.articles import extract


def _group(*articles: tuple[str, str, str]) -> list[list[str]]:
    """articles: (id, published, text); the first line of text is the headline."""
    extractions = []
    for article_id, published, text in articles:
        title, _, body = text.partition("\n")
        extractions.append(extract(body, article_id=article_id, title=title, meta_date=published))
    return [sorted(m.sources) for m in group_meetings(extractions)]


TALKS_A = (
    "a",
    "2024-03-05",
    "Costa holds talks with Weber\nLISBON, March 5 -- Prime Minister Ana Costa held talks with Chancellor Olaf Weber "
    "in Lisbon on Tuesday. Costa said trade would double by 2030.",
)
TALKS_B = (
    "b",
    "2024-03-06",
    "Weber and Costa discuss energy\nChancellor Olaf Weber met Prime Minister Ana Costa in Lisbon on March 5, the "
    "two leaders discussing energy and trade.",
)


def test_two_outlets_reporting_the_same_talks_form_one_meeting():
    assert _group(TALKS_A, TALKS_B) == [["a", "b"]]


def test_same_leader_meeting_someone_else_the_next_day_is_another_meeting():
    next_day = (
        "c",
        "2024-03-06",
        "Weber meets Spanish King\nChancellor Olaf Weber met King Felipe Romero in Madrid on Wednesday.",
    )
    assert _group(TALKS_A, next_day) == [["a"], ["c"]]


def test_announcement_joins_the_report_of_the_meeting_it_announces():
    announcement = (
        "d",
        "2024-03-01",
        "Weber to visit Lisbon\nChancellor Olaf Weber will visit Lisbon on March 5 for talks with Prime Minister Ana Costa.",
    )
    assert _group(announcement, TALKS_A) == [["a", "d"]]


def test_a_call_and_a_ceremony_of_the_same_people_on_one_day_stay_apart():
    call = (
        "e",
        "2024-03-05",
        "Costa and Weber hold phone call\nPrime Minister Ana Costa held a phone call with Chancellor Olaf Weber on Tuesday.",
    )
    ceremony = (
        "f",
        "2024-03-05",
        "Costa opens new bridge\nPrime Minister Ana Costa opened a new bridge in Porto on Tuesday, with Chancellor "
        "Olaf Weber attending.",
    )
    assert _group(call, ceremony) == [["e"], ["f"]]


def test_meetings_come_in_date_order_with_their_dates():
    later = (
        "g",
        "2024-05-20",
        "Costa visits Berlin\nBERLIN, May 20 -- Prime Minister Ana Costa met Chancellor Olaf Weber in Berlin on Monday.",
    )
    extractions = [
        extract(text.partition("\n")[2], article_id=i, title=text.partition("\n")[0], meta_date=p)
        for i, p, text in (later, TALKS_A)
    ]
    meetings = group_meetings(extractions)
    assert [(m.date.isoformat(), m.location) for m in meetings] == [
        ("2024-03-05", "Lisbon"),
        ("2024-05-20", "Berlin"),
    ]


def test_same_quote_from_two_outlets_appears_once_citing_both():
    a = (
        "h",
        "2024-03-05",
        "Costa meets Weber\nPrime Minister Ana Costa met Chancellor Olaf Weber in Lisbon on "
        'Tuesday. "Our economies are closer than ever before," Costa said.',
    )
    b = (
        "i",
        "2024-03-05",
        "Weber in Lisbon\nChancellor Olaf Weber met Prime Minister Ana Costa in Lisbon on "
        'Tuesday. "Our economies are closer than ever before," the prime minister told reporters.',
    )
    extractions = [
        extract(t.partition("\n")[2], article_id=i, title=t.partition("\n")[0], meta_date=p)
        for i, p, t in (a, b)
    ]
    (meeting,) = group_meetings(extractions)
    direct = [q for q in meeting.quotes if q.kind.value == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "Ana Costa"
    assert {s.article_id for s in direct[0].sources} == {"h", "i"}


def test_an_article_reporting_two_meetings_contributes_to_each():
    two = (
        "j",
        "2024-03-06",
        "Busy days in Lisbon\nPrime Minister Ana Costa held talks with Chancellor Olaf Weber in Lisbon on Monday. "
        '"We agreed on energy," Costa said.\n'
        "On Tuesday, Costa received Spanish Prime Minister Luis Moreno in Lisbon. "
        '"Spain is our closest partner," Moreno said.',
    )
    weber = (
        "k",
        "2024-03-04",
        "Weber in Lisbon\nChancellor Olaf Weber met Prime Minister Ana Costa in Lisbon on Monday.",
    )
    extractions = [
        extract(t.partition("\n")[2], article_id=i, title=t.partition("\n")[0], meta_date=p)
        for i, p, t in (two, weber)
    ]
    monday, tuesday = group_meetings(extractions)
    assert (monday.date.isoformat(), sorted(monday.sources), monday.partial_sources) == (
        "2024-03-04",
        ["j", "k"],
        (),
    )
    assert (tuesday.date.isoformat(), tuesday.sources, tuesday.partial_sources) == (
        "2024-03-05",
        ("j",),
        ("j",),
    )
    assert [q.speaker for q in monday.quotes] == ["Ana Costa"]
    assert [q.speaker for q in tuesday.quotes] == ["Luis Moreno"]
    assert "Luis Moreno" not in [p.name for p in monday.participants]


def test_a_meeting_mentioned_in_passing_is_not_split_off():
    text = (
        "Weber meets Costa\nChancellor Olaf Weber met Prime Minister Ana Costa in Lisbon on Tuesday.\n"
        "Weber, who met King Felipe Romero on Monday, said the talks were useful."
    )
    extraction = extract(
        text.partition("\n")[2], article_id="m", title=text.partition("\n")[0], meta_date="2024-03-05"
    )
    assert extraction.segments == ()


def test_a_release_naming_no_side_joins_the_report_quoting_the_same_person():
    release = (
        "r",
        "2024-03-05",
        "Commission accepts commitments on cloud fees\n"
        "The European Commission has made legally binding the commitments offered by a cloud company.\n"
        'Commissioner Elena Marchetti said: "Businesses should be free to choose their cloud provider."',
    )
    report = (
        "s",
        "2024-03-05",
        "EU closes cloud probe\nCommissioner Elena Marchetti met chief executive Megan Thorsby in Brussels "
        'on Tuesday before the decision. "This is a good day for customers," Marchetti said.',
    )
    other = (
        "t",
        "2024-03-05",
        "Ministers discuss grain exports\nAgriculture Minister Olaf Weber held talks with his counterpart in "
        'Lisbon on Tuesday. "Grain must move," Weber said.',
    )
    assert _group(release, report, other) == [["r", "s"], ["t"]]


def test_news_that_names_nobody_taking_part_in_any_meeting_is_no_meeting():
    weather = (
        "w",
        "2024-03-05",
        "Capital shivers through coldest morning\nThe temperature fell to minus eight degrees on Tuesday, "
        "the weather service said, the coldest March morning in a decade.",
    )
    nameless_talks = (
        "n",
        "2024-03-05",
        "Ministers discuss rail link\nThe transport ministers of the two countries held talks in the capital "
        "on Tuesday and agreed to build a rail link.",
    )
    assert _group(weather, nameless_talks) == [["n"]]


def test_reports_naming_one_side_each_join_when_one_names_the_other_present():
    board = (
        "b",
        "2024-03-05",
        "Fund board approves loan\nThe board discussion on Tuesday was chaired by Deputy Director Anna Brandt "
        "and attended by Governor Batbayaryn Enkhtuya, who flew in for the meeting.",
    )
    local = (
        "l",
        "2024-03-05",
        "Loan approved, first tranche due\nGovernor B. Enkhtuya, who attended the board meeting on Tuesday, "
        "said the first tranche would arrive within days.",
    )
    assert _group(board, local) == [["b", "l"]]


def test_names_spelt_with_and_without_accents_are_one_person():
    accented = (
        "a",
        "2025-06-20",
        "Federation and city sign stadium protocol\nİZMİR, June 20 - Federation President Mehmet Karabulut and "
        "Mayor Zeynep Yalçın signed the stadium protocol in İzmir on Friday.",
    )
    wire = (
        "b",
        "2025-06-20",
        "Stadium deal signed\nISTANBUL, June 20 (Wire) - Federation President Mehmet Karabulut and Mayor Zeynep "
        "Yalcin signed a protocol on Friday to build a stadium in Izmir.",
    )
    extractions = [
        extract(text.partition("\n")[2], article_id=i, title=text.partition("\n")[0], meta_date=day)
        for i, day, text in (accented, wire)
    ]
    [meeting] = group_meetings(extractions)
    assert "Zeynep Yalçın" in [p.name for p in meeting.participants]  # the spelling with its accents
    # One report each for the wire's dateline and the city: the place the reports name wins the tie.
    assert meeting.location in ("İzmir", "Izmir")


def test_each_side_s_report_of_a_negotiation_quoting_the_same_negotiator_is_one_meeting():
    union = (
        "u",
        "2024-09-16",
        "Union extends strike deadline at Calder\nTORONTO, Sept 16 - Union president Nathalie Bergeron said "
        'the talks would go on. "We moved a long way today," Bergeron said.\nCalder\'s chief negotiator, '
        "Martin Osei, told reporters that the offer was generous.",
    )
    local = (
        "l",
        "2024-09-16",
        "Calder talks go into overtime\nLocal president Gurpreet Sandhu held talks with the company on "
        'Monday.\n"The richest offer in our history," said Calder\'s chief negotiator, Martin Osei.',
    )
    assert _group(union, local) == [["l", "u"]]


VISIT = (
    "v",
    "2026-02-11",
    "Norway's prime minister in Lithuania\nPrime Minister Håkon Bjørnstad of Norway began a two-day official "
    "visit to Lithuania on Wednesday, holding talks with Prime Minister Rūta Grigaitienė in Vilnius on "
    "11-12 February 2026.",
)


def test_a_report_of_the_second_day_of_a_visit_joins_it():
    statement = (
        "s",
        "2026-02-12",
        "Statement on air defence\nThe defence ministry said on Thursday that no contract was signed during "
        "the visit of Prime Minister Håkon Bjørnstad.",
    )
    assert _group(VISIT, statement) == [["s", "v"]]


def test_a_meeting_with_other_people_on_the_second_day_of_a_visit_is_another_meeting():
    business = (
        "b",
        "2026-02-12",
        "Bjørnstad meets business leaders\nPrime Minister Håkon Bjørnstad met Confederation chairman Jonas "
        "Kairys and Lithuanian business leaders in Vilnius on Thursday.",
    )
    assert _group(VISIT, business) == [["v"], ["b"]]


def test_a_phone_call_has_no_place():
    wire = (
        "w",
        "2025-09-24",
        "Ministers review trade talks by phone\nMUSCAT, Sept 24 - Trade Minister Hilal Al Rawahi received a phone "
        "call today from Trade Minister Sunil Ramaswamy of India.",
    )
    [meeting] = group_meetings(
        [
            extract(
                wire[2].partition("\n")[2],
                article_id="w",
                title=wire[2].partition("\n")[0],
                meta_date=wire[1],
            )
        ]
    )
    assert meeting.location is None


def test_a_meeting_lists_what_was_signed_not_what_is_only_planned_and_the_plan_is_a_fact():
    text = (
        "Costa and Weber sign energy pact\nLISBON, March 5 -- Prime Minister Ana Costa and Chancellor Olaf Weber "
        "signed a joint declaration on energy security on Tuesday. A social security agreement is "
        "expected to be signed when Weber returns in July."
    )
    title, _, body = text.partition("\n")
    (meeting,) = group_meetings([extract(body, article_id="a", title=title, meta_date="2024-03-05")])
    assert [(a.title, a.status) for a in meeting.agreements] == [
        ("Joint declaration on energy security", "signed")
    ]
    assert any("expected to be signed when Weber returns" in fact.text for fact in meeting.facts)


def test_a_report_of_a_postponement_joins_the_meeting_on_its_new_day():
    held = (
        "a",
        "2028-02-03",
        "Regulator fines Sahyadri Rs 30 lakh\nNEW DELHI, Feb. 3 -- Director General of Civil Aviation Prakash "
        "Dubey met Sahyadri chief executive Kunal Deshpande on Thursday and fined the airline.",
    )
    postponed = (
        "b",
        "2028-01-27",
        "DGCA review meeting with Sahyadri postponed to February 3\nThe regulator has postponed its review "
        "meeting with the airline, which was scheduled for Thursday, to February 3.",
    )
    other = (  # a meeting of the same day that names no company
        "c",
        "2028-02-03",
        "Rao meets hoteliers in Goa\nTourism Minister Anita Rao met hotel owners in Goa on Thursday.",
    )
    assert _group(held, postponed, other) == [["a", "b"], ["c"]]


def test_an_announced_meeting_that_was_postponed_is_the_meeting_held_on_the_new_day():
    preview = (
        "p",
        "2028-01-25",
        "Regulator to review airline's plan on Thursday\nNEW DELHI, Jan. 25 -- Director General of Civil "
        "Aviation Prakash Dubey will meet Sahyadri chief executive Kunal Deshpande on Thursday (January 27) "
        "to review the airline's recovery plan.",
    )
    postponed = (
        "b",
        "2028-01-27",
        "DGCA review meeting with Sahyadri postponed to February 3\nThe regulator has postponed its review "
        "meeting with the airline, which was scheduled for Thursday, to February 3.",
    )
    held = (
        "a",
        "2028-02-03",
        "Regulator fines Sahyadri Rs 30 lakh\nNEW DELHI, Feb. 3 -- Director General of Civil Aviation Prakash "
        "Dubey met Sahyadri chief executive Kunal Deshpande on Thursday and fined the airline.",
    )
    assert _group(preview, postponed, held) == [["a", "b", "p"]]
    # without the report of the postponement, the announcement stays a meeting of its own day
    assert _group(preview, held) == [["p"], ["a"]]


def test_a_report_naming_one_side_does_not_bridge_two_meetings_of_the_same_day():
    with_asanbekov = (
        "a",
        "2029-05-15",
        "Asanbekov and Rahimov agree to open border posts\nKUWAIT CITY, May 15 -- President Nurlan Asanbekov "
        "and President Sardor Rahimov held talks on Tuesday on the sidelines of the summit.",
    )
    with_the_emir = (
        "b",
        "2029-05-15",
        "Emir receives Uzbek President\nKUWAIT CITY, May 15 -- Emir Jassim bin Abdulaziz Al Thani received "
        "President Sardor Rahimov on Tuesday on the sidelines of the summit.",
    )
    one_side_quoting_the_other = (  # its lead names only Rahimov, whom both meetings have
        "c",
        "2029-05-15",
        "Crossings before the harvest\nKUWAIT CITY, May 15 -- Uzbek President Sardor Rahimov said on Tuesday "
        'the new crossings would open before the harvest.\n"The border should be a place where people meet," '
        "Kyrgyz President Nurlan Asanbekov said.",
    )
    assert _group(with_asanbekov, with_the_emir, one_side_quoting_the_other) == [["a", "c"], ["b"]]
