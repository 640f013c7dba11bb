"""Participants and their roles, as the lead names them."""

from __future__ import annotations

from tests.articles import extract


def _people(text: str, **kwargs) -> dict[str, str | None]:
    return {p.name: p.role for p in extract(text, **kwargs).participants}


def test_a_style_of_address_is_not_part_of_the_title():
    people = _people(
        "President Abubakar Garba will this week host the President of the Republic of Ghana, His Excellency "
        "Kwame Boakye, who will pay a State Visit to Nigeria."
    )
    assert people["Kwame Boakye"] == "President of the Republic of Ghana"


def test_a_title_of_a_list_of_portfolios_ends_at_the_list():
    people = _people(
        "Babatunde Adeyemi, Minister of Industry, Trade and Investment, met Trade and Industry Minister Kojo "
        "Amoah in Accra on Thursday."
    )
    assert people == {
        "Babatunde Adeyemi": "Minister of Industry, Trade and Investment",
        "Kojo Amoah": "Trade and Industry Minister",
    }


def test_a_press_release_s_highlights_are_not_its_lead():
    extraction = extract(
        "- Staff and the authorities have reached an agreement on a 36-month arrangement of $420 million.\n"
        "- The agreement is subject to approval by the Executive Board, which meets in July.\n"
        "Ulaanbaatar, Mongolia: A staff team led by Mr. Henrik Aalto visited the capital from May 28 to June "
        "11, 2025. Mr. Aalto met Governor Batbayaryn Enkhtuya and Minister of Finance Tsogtbaataryn "
        "Altangerel.",
        title="Staff reach agreement with Mongolia",
    )
    assert {p.name for p in extraction.participants if p.principal} >= {"Henrik Aalto", "Batbayaryn Enkhtuya"}
    assert extraction.location == "Ulaanbaatar"


def test_two_people_under_one_title_in_the_plural():
    people = _people(
        "Colombia and Ecuador signed agreements on Friday, as Presidents Andrés Cárdenas Rojas and Diego "
        "Villacís Andrade sought to end a year of disputes."
    )
    assert people == {"Andrés Cárdenas Rojas": "President", "Diego Villacís Andrade": "President"}


def test_a_list_in_a_title_is_not_a_list_of_people():
    people = _people(
        "The agreement was signed in the presence of Ontario's Minister of Labour, Immigration, Training and "
        "Skills Development, Colin MacAskill. Elaine Ferrier, President and CEO of Calder Motors Canada, and "
        "Nathalie Bergeron, National President of the union, signed three documents."
    )
    assert people["Colin MacAskill"] == "Minister of Labour, Immigration, Training and Skills Development"
    assert people["Elaine Ferrier"] == "President and CEO of Calder Motors Canada"
    assert "Immigration" not in people


def test_people_named_with_their_country_after_a_lead_that_names_nobody():
    extraction = extract(
        "The foreign ministers of Colombia and Ecuador met over dinner in Lima on Wednesday.\n"
        '"In March we signed. Now we have to build," Colombia\'s Luisa Ocampo Restrepo told reporters.\n'
        "Ecuador's Gabriela Benítez Jaramillo said that the teams would meet in Quito in June."
    )
    assert {p.name for p in extraction.participants if p.principal} == {
        "Luisa Ocampo Restrepo",
        "Gabriela Benítez Jaramillo",
    }
    assert next((q.text, q.speaker) for q in extraction.quotes) == (
        "In March we signed. Now we have to build",
        "Luisa Ocampo Restrepo",
    )


def test_people_present_at_a_signing_are_participants_but_not_sides():
    extraction = extract(
        "The company and the union today signed a new collective agreement at the plant.\n"
        "The signing took place in the presence of Labour Minister Colin MacAskill. Elaine Ferrier, "
        "President and CEO of the company, and Nathalie Bergeron, National President of the union, signed "
        "three documents."
    )
    people = {p.name: (p.role, p.principal) for p in extraction.participants}
    assert people["Colin MacAskill"] == ("Labour Minister", False)
    assert people["Elaine Ferrier"][1] and people["Nathalie Bergeron"] == (
        "National President of the union",
        True,
    )


def test_words_before_an_institution_s_word_are_its_name_and_a_bracket_does_not_end_a_title():
    people = _people(
        "Chief Executive Daniel Achterberg met the chair of the Dutch Data Protection Authority (Autoriteit "
        "Persoonsgegevens, AP), Hendrika Sterkenburg, in The Hague on Monday."
    )
    assert "Data Protection" not in people
    assert (
        people["Hendrika Sterkenburg"]
        == "chair of the Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP)"
    )


def test_an_honorific_between_a_title_and_the_name_and_a_portfolio_s_last_word():
    people = _people(
        "The meeting was co-chaired by Union Minister of Commerce and Industry Dr. S. Ramaswamy and Sheikh "
        "Hilal Al Rawahi, Minister of Commerce, Industry and Investment Promotion of the Sultanate of Oman."
    )
    assert people["S. Ramaswamy"] == "Minister of Commerce and Industry"
    assert "Promotion" not in people


def test_a_long_arabic_name_after_styles_of_address_is_whole():
    people = _people(
        "His Excellency Sheikh Hilal bin Saif Al Rawahi, Minister of Commerce, held talks today in New Delhi "
        "with His Excellency Dr. S. Ramaswamy, Minister of Commerce and Industry of the Republic of India."
    )
    assert "Hilal bin Saif Al Rawahi" in people
    assert people["S. Ramaswamy"] != "His Excellency"


def test_ministers_who_attended_in_person_are_participants():
    extraction = extract(
        "Foreign Minister Mindaugas Šaltenis hosted his Nordic and Baltic counterparts in Vilnius on Thursday.\n"
        "Norway's Foreign Minister Sigrid Østvold, Latvia's Ilze Bērziņa and Estonia's Kaarel Sepp attended "
        "in person."
    )
    people = {p.name: p.principal for p in extraction.participants}
    assert people == {
        "Mindaugas Šaltenis": True,
        "Sigrid Østvold": False,
        "Ilze Bērziņa": False,
        "Kaarel Sepp": False,
    }


def test_portfolios_before_minister_and_after_minister_of():
    people = _people(
        "The committee met in Addis Ababa, co-chaired by Transport and Logistics Minister Girma Tolossa and "
        "Djibouti's Minister of Infrastructure and Equipment Ilyas Daher Bouh."
    )
    assert people == {
        "Girma Tolossa": "Transport and Logistics Minister",
        "Ilyas Daher Bouh": "Minister of Infrastructure and Equipment",
    }


def test_ministers_listed_as_having_attended_a_multilateral_session():
    extraction = extract(
        "Foreign ministers of the bloc met in Djibouti on Thursday, in a session chaired by Foreign Minister "
        "Hodan Moussa Robleh.\n"
        "Ethiopia's Foreign Minister Tsion Bekele, Uganda's Foreign Minister Esther Nakiganda and Somalia's "
        "Foreign Minister Abdiqani Yusuf Hirsi attended."
    )
    assert {"Tsion Bekele", "Esther Nakiganda", "Abdiqani Yusuf Hirsi"} <= {
        p.name for p in extraction.participants
    }
    assert extraction.location == "Djibouti"


def test_a_chief_is_titled():
    people = _people(
        "Chief Loretta Sinclair of Kestrel Lake First Nation met chief executive Graham Tessier and Minister "
        "of Mines Douglas Fairholm in Thunder Bay on Tuesday."
    )
    assert people["Loretta Sinclair"] == "Chief"


def test_a_country_manager_is_a_title_not_part_of_the_name():
    people = _people(
        "Bank Country Manager Tendai Chiweshe and Minister of Energy Lombe Kasonde met in Lusaka on Monday "
        "to review the mini-grid programme."
    )
    assert people == {"Tendai Chiweshe": "Country Manager", "Lombe Kasonde": "Minister of Energy"}


def test_indian_forms_of_address_are_not_names_nor_roles():
    extraction = extract(
        "New Delhi, 10th January: Union Civil Aviation Minister Smt. Hemlata Chaturvedi on Monday summoned "
        "Sahyadri Airways Managing Director and CEO Shri Kunal Deshpande to Rajiv Gandhi Bhawan.\n\n"
        '"We got our planning wrong, and we owe every passenger an apology," Shri Deshpande said.\n\n'
        '"The rules on pilot rest are not negotiable," Shrimati Chaturvedi said.'
    )
    assert {p.name: p.role for p in extraction.participants} == {
        "Hemlata Chaturvedi": "Union Civil Aviation Minister",
        "Kunal Deshpande": "Managing Director and CEO",
    }
    assert [q.speaker for q in extraction.quotes if q.kind == "direct"] == [
        "Kunal Deshpande",
        "Hemlata Chaturvedi",
    ]


def test_a_title_s_list_of_portfolios_stops_where_the_name_starts():
    people = _people(
        "Director General of Civil Aviation Prakash Narayan Dubey met Minister of Mines Douglas Fairholm "
        "and Minister of Indigenous Affairs and First Nations Economic Reconciliation Celeste Arbour in "
        "Toronto on Monday."
    )
    assert people == {
        "Prakash Narayan Dubey": "Director General of Civil Aviation",
        "Douglas Fairholm": "Minister of Mines",
        "Celeste Arbour": "Minister of Indigenous Affairs and First Nations Economic Reconciliation",
    }


def test_what_a_title_or_a_person_is_of_is_no_person():
    extraction = extract(
        "The memorandum was signed by Tang Weiming, chairman of Zhengyuan, and Ximena Robles Trevino, "
        "governor of San Luis Potosi, who is leading a trade delegation to China.\n\n"
        'Rogelio Anaya Ortiz of the Consejo Empresarial Potosino welcomed the agreement. "Forty percent '
        'is a good start," he said.'
    )
    names = {p.name for p in extraction.participants}
    assert "San Luis Potosi" not in names and "Ximena Robles Trevino" in names
    assert {q.speaker for q in extraction.quotes} == {"Rogelio Anaya Ortiz"}


def test_a_nickname_in_quotation_marks_is_not_part_of_the_name():
    extraction = extract(
        'Agriculture Secretary Ma. Consuelo "Connie" D. Alcantara signed the framework in Quezon City on '
        'Wednesday.\n\n"We have been fighting with one hand tied behind our back," Alcantara said.\n\n'
        'Rodolfo "Ka Dolfo" Manalastas, chairman of the hog raisers\' group Samahan ng mga Magbababoy ng '
        'Gitnang Luzon, said raisers had waited. "A framework will not feed our pigs," he said.'
    )
    assert [(q.speaker, q.kind.value) for q in extraction.quotes] == [
        ("Ma. Consuelo D. Alcantara", "direct"),
        ("Rodolfo Manalastas", "reported"),
        ("Rodolfo Manalastas", "direct"),
    ]


def test_a_speaker_named_after_according_to_and_a_form_of_address_before_a_surname():
    extraction = extract(
        "Union Civil Aviation Minister Smt. Hemlata Chaturvedi met the chief of the airline in Mumbai on "
        'Tuesday.\n\n"Today we are meeting over a map of new routes," Smt. Chaturvedi said.\n\n'
        "The company wants 40 percent of the parts to come from local suppliers, according to Qiao Lanying, "
        'its senior vice president. "There is no plan B," according to Qiao.'
    )
    assert [q.speaker for q in extraction.quotes if q.kind.value == "direct"] == [
        "Hemlata Chaturvedi",
        "Qiao Lanying",
    ]


def test_the_other_signatory_named_after_the_lead_is_a_side():
    extraction = extract(
        "HEFEI, China - Governor Ximena Robles Trevino signed a memorandum of understanding on Thursday with "
        "the carmaker Zhengyuan for a plant worth up to $1.8 billion.\n\n"
        "Robles, on the fourth day of a trade mission, signed the document with Zhengyuan chairman Tang "
        "Weiming at the company's headquarters in Hefei."
    )
    assert {p.name for p in extraction.participants if p.principal} == {
        "Tang Weiming",
        "Ximena Robles Trevino",
    }


def test_a_royal_style_between_the_title_and_the_name_is_not_the_role():
    extraction = extract(
        "His Highness the Amir Sheikh Jassim bin Abdulaziz Al Thani and President Sardor Rahimov of "
        "Uzbekistan held official talks on Monday.\n\n"
        "\u201cQatar wants to be part of its story,\u201d the Amir said in remarks to the two delegations."
    )
    assert {p.name: p.role for p in extraction.participants}["Jassim bin Abdulaziz Al Thani"] == "Amir"
    assert [q.speaker for q in extraction.quotes] == ["Jassim bin Abdulaziz Al Thani"]


def test_who_speaks_for_an_organisation_the_lead_names_is_a_side():
    extraction = extract(
        "The Competition Authority on Tuesday deferred its ruling on the merger of Highlands Creameries and "
        "Tana Valley Dairies after a hearing in Nairobi.\n\n"
        "Authority Director-General Peter Wafula said the authority needed more information.\n\n"
        "Farmers were divided on the deal and on the prices it would bring.\n\n"
        "Tana Valley Managing Director Daniel Kimani Gitau said the merger would raise the farm-gate price."
    )
    sides = {p.name for p in extraction.participants if p.principal}
    assert "Daniel Kimani Gitau" in sides


def test_a_one_word_name_behind_a_title_in_lower_case():
    extraction = extract(
        "Kirana's founder and chief executive Haryanto, who uses a single name, met the regulator's chair "
        "Ratih Kusumadewi in Jakarta on Tuesday.\n\n"
        "Kirana founder and CEO Haryanto and Chief Legal Officer Melissa Tanuwidjaja presented the plan. "
        '"We did not build Kirana to lock anyone in," Haryanto told reporters.'
    )
    assert "Haryanto" in {p.name for p in extraction.participants if p.principal}
    assert [q.speaker for q in extraction.quotes if q.kind.value == "direct"] == ["Haryanto"]


def test_people_named_with_the_body_they_belong_to_are_people():
    extraction = extract(
        "Hotel workers and hoteliers in Crete signed a new collective agreement in Athens on Tuesday.\n\n"
        "Manolis Daskalakis of the Pancretan Federation of Hotel Workers and Eleni Kapetanaki of the "
        "Pancretan Hoteliers' Association signed the agreement after eleven hours of talks.\n\n"
        '"It is the biggest rise in 15 years," Daskalakis said.'
    )
    assert [q.speaker for q in extraction.quotes] == ["Manolis Daskalakis"]
