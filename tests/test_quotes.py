"""Quotes: styles of quotation, speakers, reported speech, and what is not a quote."""

from __future__ import annotations

import pytest

from tests.articles import extract

LEAD = "Prime Minister Ana Costa met Chancellor Olaf Weber in Lisbon on Monday.\n"


def direct(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes if q.kind.value == "direct"]


def reported(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes if q.kind.value == "reported"]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (
            '"We will respond firmly to any provocation," Weber said.',
            "We will respond firmly to any provocation",
            "Olaf Weber",
        ),
        ("“Our talks were frank and useful,” said Costa.", "Our talks were frank and useful", "Ana Costa"),
        (
            'Costa said: "The talks were productive and we agreed on next steps."',
            "The talks were productive and we agreed on next steps.",
            "Ana Costa",
        ),
        (
            '"We are ready to work together.” Weber told reporters.',
            "We are ready to work together.",
            "Olaf Weber",
        ),
        ("''We will not back down,'' said Weber.", "We will not back down", "Olaf Weber"),
        ("'We have reached a deal,' Costa told reporters.", "We have reached a deal", "Ana Costa"),
        ("«Energy prices must come down,» Weber said.", "Energy prices must come down", "Olaf Weber"),
        (
            "\"He told me 'never again' and I believed him,\" said Costa.",
            "He told me 'never again' and I believed him",
            "Ana Costa",
        ),
        ('"Trade is growing fast," the chancellor said.', "Trade is growing fast", "Olaf Weber"),
        (
            '"This partnership opens a new chapter for both nations." – Ana Costa',
            "This partnership opens a new chapter for both nations.",
            "Ana Costa",
        ),
        (
            'Costa described the meeting as "a turning point for our region".',
            "a turning point for our region",
            "Ana Costa",
        ),
        (  # a title with its owner before the name
            '"Our pricing is not a trap," Stratavia\'s general counsel Jonah Ostrander said.',
            "Our pricing is not a trap",
            "Jonah Ostrander",
        ),
        (
            '"Costs will fall," the company\'s chief executive Olaf Weber said.',
            "Costs will fall",
            "Olaf Weber",
        ),
    ],
)
def test_direct_quote_styles_and_speakers(body, quote, speaker):
    assert direct(LEAD + body) == [(quote, speaker)]


def test_pronoun_refers_to_last_person_named_outside_the_quote():
    text = LEAD + 'Weber praised the talks. "We discussed energy and Costa\'s plan at length," he said.'
    assert direct(text) == [("We discussed energy and Costa's plan at length", "Olaf Weber")]


def test_two_speakers_in_one_paragraph():
    text = LEAD + '"Trade is growing," said Costa. "We will do more," added Weber.'
    assert direct(text) == [("Trade is growing", "Ana Costa"), ("We will do more", "Olaf Weber")]


def test_split_quote_keeps_one_speaker():
    text = LEAD + '"The relationship is strong," Costa said, "and it will get stronger every year."'
    quotes = direct(text)
    assert [s for _, s in quotes] == ["Ana Costa", "Ana Costa"]
    assert quotes[1][0] == "and it will get stronger every year."


def test_quote_running_over_paragraphs_goes_to_the_speaker_named_at_its_end():
    text = (
        LEAD
        + '"The first part of the statement sets out our position on energy.\n"The second part ends here," Weber said.'
    )
    assert direct(text) == [
        ("The first part of the statement sets out our position on energy.", "Olaf Weber"),
        ("The second part ends here", "Olaf Weber"),
    ]


def test_quote_opening_mid_paragraph_runs_on_into_the_next():
    text = (
        LEAD + 'Weber said: "Businesses must be free to choose their supplier. Today we make that real.\n'
        '"These rules are not the end of our work. We will watch closely."'
    )
    assert direct(text) == [
        ("Businesses must be free to choose their supplier. Today we make that real.", "Olaf Weber"),
        ("These rules are not the end of our work. We will watch closely.", "Olaf Weber"),
    ]


def test_a_name_a_speaker_gives_in_attributed_speech_is_a_quote():
    text = (
        LEAD
        + 'Councillor Rui Sousa said the city should look elsewhere, and called the deal a "tourist trip".'
    )
    assert direct(text) == [("tourist trip", "Rui Sousa")]


@pytest.mark.parametrize(
    "body",
    [
        'Both back the "New Era" programme.',
        'They discussed the "Belt and Road" initiative and the "Global Gateway".',
        'Costa supports the initiative "Building a Safer Future for All Nations" and the "one Europe" policy.',
        'The so-called "golden decade" of ties began in 2014.',
        'Costa said Portugal remained committed to its "free and active" foreign policy.',
        'Critics, who call the new fees a "switching tax", said they were not persuaded.',
        'The office said the two discussed what it called "extended deterrence" for the region.',
    ],
)
def test_names_slogans_and_scare_quotes_are_not_quotes(body):
    assert direct(LEAD + body) == []


def test_transcript_turns_are_quotes_and_questions_are_not():
    text = (
        "Transcript of the press conference\n"
        "PRESIDENT SMITH: Thank you all for coming today.\n"
        "Q: Mr. President, what about tariffs?\n"
        "PRESIDENT SMITH: We will discuss tariffs next week. (As interpreted.)\n"
    )
    assert direct(text) == [
        ("Thank you all for coming today.", "Smith"),
        ("We will discuss tariffs next week.", "Smith"),
    ]


def test_an_interview_s_questions_under_the_outlet_s_name_are_not_quoted():
    text = (
        "Interview with the foreign minister\n"
        "THE ACCRA CHRONICLE: Madam Minister, was this visit a success?\n"
        "SOUSA: Yes. Four memoranda in one day is more than we signed in eight years.\n"
        "THE ACCRA CHRONICLE: And what comes next?\n"
        "SOUSA: The work, and the traders will judge it.\n"
    )
    assert [speaker for _, speaker in direct(text)] == ["Sousa", "Sousa"]


def test_moderators_and_named_questioners_are_not_quoted():
    text = (
        "Transcript of the press conference\n"
        "PRESIDENT SMITH: Thank you all for coming today.\n"
        "MODERATOR: The floor is now open for questions.\n"
        "QUESTION (Mona Saleh, The Nile Gazette): Mr. President, what about tariffs?\n"
        "PRESIDENT SMITH: We will discuss tariffs next week.\n"
        "MODERATOR: This concludes the press conference.\n"
    )
    assert direct(text) == [
        ("Thank you all for coming today.", "Smith"),
        ("We will discuss tariffs next week.", "Smith"),
    ]


@pytest.mark.parametrize(
    ("body", "anchor", "speaker"),
    [
        (
            "Weber said that the two countries would double trade by 2030.",
            "the two countries would double trade by 2030",
            "Olaf Weber",
        ),
        (
            "Weber said in his speech that energy cooperation is the priority.",
            "energy cooperation is the priority",
            "Olaf Weber",
        ),
        (
            "Trade between the two countries will double by 2030, Costa said.",
            "Trade between the two countries will double by 2030",
            "Ana Costa",
        ),
        (
            "According to Costa, the deal covers energy and ports.",
            "the deal covers energy and ports",
            "Ana Costa",
        ),
        (
            "Weber expressed gratitude for the warm welcome in Lisbon.",
            "gratitude for the warm welcome",
            "Olaf Weber",
        ),
        (
            "Costa arrived late. She stressed that the region needs more investment.",
            "the region needs more investment",
            "Ana Costa",
        ),
        (  # a request keeps its verb, as a stance does
            "Costa asked the airline to submit a recovery plan by Friday.",
            "asked the airline to submit a recovery plan",
            "Ana Costa",
        ),
        (
            "Weber also directed the regulator to carry out a special audit.",
            "directed the regulator to carry out a special audit",
            "Olaf Weber",
        ),
        (  # a long apposition between the name and the verb
            "Kanykei Mamytova, a water policy researcher at the Bishkek-based Centre for Regional Water "
            "Studies, said the memorandum covered only one season.",
            "the memorandum covered only one season",
            "Kanykei Mamytova",
        ),
        (  # a spokesperson of a body of several words
            "A spokesperson for Tajikistan's Ministry of Foreign Affairs said Dushanbe wanted a permanent "
            "agreement.",
            "Dushanbe wanted a permanent agreement",
            "spokesperson for Tajikistan's Ministry of Foreign Affairs",
        ),
        (  # what was said first, then the speaker after a comma, with only when after the verb
            "Senegal will sign a memorandum on fisheries with Iceland in March, Fisheries Minister Olaf Weber "
            "said on Thursday after a video conference with his counterpart.",
            "Senegal will sign a memorandum on fisheries with Iceland in March",
            "Olaf Weber",
        ),
        (  # ... but an opening phrase is not what was said
            "After the talks, Weber said on Friday that the two countries would double trade.",
            "the two countries would double trade",
            "Olaf Weber",
        ),
        (  # a company's statement
            "The company said in a statement that it would remove exclusivity from all contracts.",
            "it would remove exclusivity from all contracts",
            "company",
        ),
        (  # an unnamed source after "according to"
            "According to a Kyrgyz official, the presidents asked their governments to prepare a meeting.",
            "the presidents asked their governments to prepare a meeting",
            "Kyrgyz official",
        ),
        (  # the source, then who they are
            "The company wants 40 percent of the parts to come from local suppliers, according to Weber, the "
            "chancellor's adviser on industry.",
            "40 percent of the parts to come from local suppliers",
            "Olaf Weber",
        ),
    ],
)
def test_reported_speech(body, anchor, speaker):
    found = reported(LEAD + body)
    assert any(anchor in text and who == speaker for text, who in found), found


def test_readout_sentences_continue_the_reported_speech():
    body = "Weber pointed out that ties are at a high level. Both sides should expand trade. Costa said energy matters most."
    found = reported(LEAD + body)
    assert found[0] == ("ties are at a high level. Both sides should expand trade.", "Olaf Weber")
    assert found[1] == ("energy matters most.", "Ana Costa")


def test_every_quote_is_a_verbatim_span_of_its_article():
    text = LEAD + '"We will respond firmly," Weber said. Costa said that the talks went well.'
    extraction = extract(text)
    for quote in extraction.quotes:
        span = quote.sources[0]
        assert extraction.article.text[span.start : span.end] == quote.text


def test_transcript_labels_with_titles_and_continued_turns():
    text = (
        "Vladimir Petrov and Recep Yilmaz made press statements after their talks.\n"
        "President Petrov: Our talks were substantive and frank.\n"
        "Trade between our countries grew by 12 percent last year. (Through an interpreter.)\n"
        "President Yilmaz: Thank you, Mr President. We agreed to continue work on the gas hub.\n"
        "Question: Mr Petrov, will the gas hub be ready next year?\n"
        "President Petrov: We hope so.\n"
    )
    assert direct(text) == [
        ("Our talks were substantive and frank.", "Vladimir Petrov"),
        ("Trade between our countries grew by 12 percent last year.", "Vladimir Petrov"),
        ("Thank you, Mr President. We agreed to continue work on the gas hub.", "Recep Yilmaz"),
        ("We hope so.", "Vladimir Petrov"),
    ]


def test_counterpart_takes_the_title_of_the_other_side():
    text = "Japanese Prime Minister Haruto Sakai and his Indian counterpart Rajesh Varma met in Delhi.\n"
    people = {p.name: p.role for p in extract(text).participants}
    assert people == {"Haruto Sakai": "Japanese Prime Minister", "Rajesh Varma": "Indian Prime Minister"}


def test_a_lower_case_word_before_a_capitalised_one_is_no_title():
    text = LEAD + '"We will judge Stratavia by what it offers, not by who it meets," Costa said.'
    assert all(p.name != "Stratavia" for p in extract(text).participants)
    assert direct(text) == [("We will judge Stratavia by what it offers, not by who it meets", "Ana Costa")]


def test_a_speaker_with_an_affiliation_before_the_verb():
    text = LEAD + 'Councillor Rui Sousa of the opposition said the deal was "a tourist trip with a stamp".'
    assert direct(text) == [("a tourist trip with a stamp", "Rui Sousa")]


def test_short_partial_quote_inside_attributed_speech():
    text = LEAD + 'Weber, who arrived on Sunday, said the relationship had "never been stronger".'
    assert direct(text) == [("never been stronger", "Olaf Weber")]


@pytest.mark.parametrize(
    ("body", "kind", "speaker"),
    [
        ('"The talks covered migration in detail," a senior official said.', "direct", "senior official"),
        (
            '"We expect progress on the ferry link," said a spokesperson for the Greek government.',
            "direct",
            "spokesperson for the Greek government",
        ),
        (
            "The Foreign Ministry said in a statement that both sides would meet again in June.",
            "reported",
            "Foreign Ministry",
        ),
        ("Diplomatic sources said the meeting lasted three hours.", "reported", "Diplomatic sources"),
        (  # the whole noun phrase, and a partial quotation that the source opening the sentence says
            "A Commission spokesperson declined to comment, saying only that "
            '"the procedure is following its normal course".',
            "direct",
            "Commission spokesperson",
        ),
    ],
)
def test_unnamed_and_institutional_sources_are_named_as_written(body, kind, speaker):
    found = [(q.kind.value, q.speaker) for q in extract(LEAD + body).quotes]
    assert (kind, speaker) in found


@pytest.mark.parametrize(
    "body",
    [
        '"Energy prices must come down this winter," according to Weber.',
        '"Energy prices must come down this winter," Weber was quoted as saying.',
    ],
)
def test_attribution_by_according_to_and_quoted_as_saying(body):
    assert direct(LEAD + body) == [("Energy prices must come down this winter", "Olaf Weber")]


def test_a_role_with_its_organisation_after_the_name_makes_a_speaker():
    text = (
        "Megan Thorsby, chief executive of the cloud company Stratavia, met Commissioner Olaf Weber on Monday.\n"
        '"We came to listen, and we came with ideas," Thorsby told reporters.'
    )
    assert direct(text) == [("We came to listen, and we came with ideas", "Megan Thorsby")]


def test_a_description_is_the_subject_of_the_sentence_that_names_both_candidates():
    text = (
        LEAD
        + "Foreign Minister Rui Sousa, who signed the memorandum with his German counterpart Karl Brandt, "
        "called it practical.\n"
        '"Our fishermen meet patrol boats every day," the foreign minister said.'
    )
    assert direct(text) == [("Our fishermen meet patrol boats every day", "Rui Sousa")]


def test_people_named_with_their_country_after_a_lead_that_names_nobody():
    text = (
        "The foreign ministers of Egypt, Saudi Arabia and Jordan on Sunday jointly rejected the plan.\n"
        "They spoke at a news conference with Jordan's Foreign Minister Samir Haddad, Egypt's Tarek Fathy "
        "and Saudi Arabia's Abdulaziz bin Nasser Al-Shehri.\n"
        "Al-Shehri said Saudi Arabia would contribute to the reconstruction of the enclave.\n"
        "An Egyptian official, who asked not to be named, said the ministers would meet again in March."
    )
    extraction = extract(text)
    assert "Samir Haddad" in {p.name for p in extraction.participants if p.principal}
    said = {(q.speaker, q.cue) for q in extraction.quotes if q.kind.value == "reported"}
    assert ("Abdulaziz bin Nasser Al-Shehri", "said") in said
    assert ("Egyptian official", "said") in said


@pytest.mark.parametrize(
    ("body", "anchor", "cue"),
    [
        (
            '"Your security is our own," Weber said, adding that Berlin would keep supporting the talks.',
            "Berlin would keep supporting the talks",
            "adding that",
        ),
        (
            "Costa, a geologist who took over the ministry last year, has said she wants faster permits.",
            "she wants faster permits",
            "said",
        ),
    ],
)
def test_reported_speech_after_a_quote_and_after_an_auxiliary(body, anchor, cue):
    found = [(q.cue, q.text) for q in extract(LEAD + body).quotes if q.kind.value == "reported"]
    assert any(c == cue and anchor in text for c, text in found), found


@pytest.mark.parametrize(
    "intro",
    [
        "The agreement was signed by the company's chief executive, Rui Sousa, on Tuesday.",
        "The minister received the chief executive of Acme Lithium S.A., Rui Sousa, in Santiago.",
        "The company's vice-president for sustainability, Rui Sousa, presented its defence.",
        "PM Rui Sousa congratulated his counterpart on taking office.",
    ],
)
def test_a_title_set_off_by_a_comma_before_the_name(intro):
    text = LEAD + intro + '\n"Paying was never the question," Sousa said.'
    assert direct(text) == [("Paying was never the question", "Rui Sousa")]


def test_an_institution_named_with_a_title_word_is_no_title():
    text = (
        "The president opened the Consulate General of Portugal in Xi'an, Trend reports.\n"
        "The consulate will serve three provinces."
    )
    assert "Trend" not in {p.name for p in extract(text).participants}


def test_initials_belong_to_the_name():
    text = (
        "The deal was announced after a meeting between Governor B. Enkhtuya and Finance Minister "
        "Ts. Altangerel at the central bank.\n"
        '"We have a deal," Enkhtuya said.'
    )
    extraction = extract(text)
    assert {p.name for p in extraction.participants} >= {"B. Enkhtuya", "Ts. Altangerel"}
    assert direct(text) == [("We have a deal", "B. Enkhtuya")]


def test_a_long_title_with_commas_and_a_name_set_off_by_commas():
    text = (
        "The trade ministers met in the capital on Thursday.\n"
        "Portugal's Minister of Industry, Trade and Investment, Rui Sousa, said his country welcomed the offer."
    )
    extraction = extract(text)
    assert ("Rui Sousa", "Minister of Industry, Trade and Investment") in {
        (p.name, p.role) for p in extraction.participants
    }
    assert [(q.speaker, q.text) for q in extraction.quotes] == [
        ("Rui Sousa", "his country welcomed the offer.")
    ]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (  # a statement introduced by the paragraph before, ending in a colon
            "At the end of the visit, Mr. Henrik Aalto met Governor Batbayaryn Enkhtuya and issued the "
            'following statement:\n"The economy has been hit hard by the fall in coal prices this year."',
            "The economy has been hit hard by the fall in coal prices this year.",
            "Henrik Aalto",
        ),
        (  # the person the sentence before is about, with no attribution after the quote
            'Obinna Chukwu, who sells phones in the market, was blunt. "I opened my shop on Friday. I will '
            'believe the rest when I see it."',
            "I opened my shop on Friday. I will believe the rest when I see it.",
            "Obinna Chukwu",
        ),
        (  # verb first, a name with no title
            "'Task forces are cheap. What matters is the law,' said Halima Yusuf Bello, an economist.",
            "Task forces are cheap. What matters is the law",
            "Halima Yusuf Bello",
        ),
        (  # an acronym owning the title
            '"Some people said this stadium would never happen," TFF President Mehmet Ali Karabulut said.',
            "Some people said this stadium would never happen",
            "Mehmet Ali Karabulut",
        ),
        (  # an acronym and words before the title
            '"We moved a long way today," UAPW national president Nathalie Bergeron told reporters.',
            "We moved a long way today",
            "Nathalie Bergeron",
        ),
        (  # a person described in the sentence before ("a truck driver"), then "he said"
            'Wilson Chamorro Pantoja, a truck driver from Ipiales, was unimpressed. "They sign papers every '
            'two years," he said.',
            "They sign papers every two years",
            "Wilson Chamorro Pantoja",
        ),
        (  # the description of the article's only Minister of Foreign Affairs
            'Minister of Foreign Affairs Luisa Ocampo Restrepo spoke first. "Ecuador is a neighbour forever," '
            "said the Colombian Foreign Minister.",
            "Ecuador is a neighbour forever",
            "Luisa Ocampo Restrepo",
        ),
        (  # "he" is the one who spoke in the sentence before, not the first person it names
            "Standing on the quay with Mayor Gediminas Petrauskas, Olaf Weber said gas made up 60 percent of "
            'the terminal\'s cargo. "Ten years ago people asked me where this port was," he said.',
            "Ten years ago people asked me where this port was",
            "Olaf Weber",
        ),
        (  # what a person calls something
            'Host minister Olaf Weber called the statement "a promise with a deadline," and said it would be '
            "reviewed.",
            "a promise with a deadline",
            "Olaf Weber",
        ),
        (  # a person, what they belong to, and what they call something
            "Noor Bakkali of the digital rights group Digitale Rechten Nu called the outcome \u201ca good day "
            "for everyone who walks down a street.\u201d",
            "a good day for everyone who walks down a street.",
            "Noor Bakkali",
        ),
        (  # an organisation's acronym before the title of the person the article names
            "AP chair Hendrika Sterkenburg met chief executive Daniel Achterberg. "
            '"We were promised deletion within 30 days," the AP '
            "chair said afterwards.",
            "We were promised deletion within 30 days",
            "Hendrika Sterkenburg",
        ),
        (  # two portfolios in the title
            '"The law is the law," said Trade and Industry Minister Kojo Nkansah Amoah.',
            "The law is the law",
            "Kojo Nkansah Amoah",
        ),
        (  # a title "on" a field, then the name set off by a comma
            '"This visit opens a new chapter," said the Special Adviser to the President on Media and '
            "Publicity, Olumide Bakare.",
            "This visit opens a new chapter",
            "Olumide Bakare",
        ),
    ],
)
def test_speakers_named_around_the_quotation(body, quote, speaker):
    assert (quote, speaker) in direct(LEAD + body)


def test_a_quotation_after_a_sentence_naming_two_people_has_no_guessed_speaker():
    body = 'Costa and Weber met for two hours. "The room was cold and the coffee was bad all afternoon."'
    assert ("The room was cold and the coffee was bad all afternoon.", None) in direct(LEAD + body)


def test_reported_speech_of_a_person_set_off_by_commas_after_an_owned_title():
    body = (
        "Calder's chief negotiator, Martin Osei, told reporters that the company had offered wage increases "
        "of 15 per cent over three years."
    )
    assert (
        "the company had offered wage increases of 15 per cent over three years.",
        "Martin Osei",
    ) in reported(LEAD + body)


def test_an_analyst_named_before_their_firm_is_the_speaker_not_the_firm():
    body = (
        "Shipping analyst Chiu Ya-ling of Taipei-based Harbourline Consulting said the corridor would be "
        '"more symbol than substance" until prices fall.'
    )
    assert ("more symbol than substance", "Chiu Ya-ling") in direct(LEAD + body)


def test_a_worker_quoted_without_a_name():
    body = (
        "\u201cIt\u2019s a good contract for people with 20 years in,\u201d said a 26-year-old trim worker."
    )
    [(_, speaker)] = direct(LEAD + body)
    assert speaker is not None and "worker" in speaker


def test_a_quoted_plan_name_with_its_year_is_not_a_quote():
    body = (
        "The minister affirmed his country's keenness to deepen the partnership in line with \"Oman Vision "
        '2040", the plan to reduce its dependence on oil.'
    )
    assert not [text for text, _ in direct(LEAD + body) if "Vision" in text]


@pytest.mark.parametrize(
    ("body", "anchor", "speaker"),
    [
        (  # a second verb after "and" shares the sentence's subject
            'Minister Teresa Valadares called the memorandum "the end of a bad chapter" and said the '
            "decree-law had already cut new well applications by half.",
            "the decree-law had already cut new well applications by half.",
            "Teresa Valadares",
        ),
        (  # a person, their organisation, then the verb
            "José Brito Guerreiro of the Sotavento Irrigators' Association said the caps would force some "
            "farms to remove up to a third of their trees.",
            "the caps would force some farms to remove up to a third of their trees.",
            "José Brito Guerreiro",
        ),
    ],
)
def test_reported_speech_with_a_shared_or_distant_subject(body, anchor, speaker):
    assert (anchor, speaker) in reported(LEAD + body)
