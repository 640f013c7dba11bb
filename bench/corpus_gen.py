"""Generate realistic benchmark corpora: meetings between invented leaders of real countries, each
reported by several invented outlets in their own words and formats (txt, md, html, csv, jsonl),
with syndicated copies, quotes, signings, figures and site furniture.

Everything is made from the building blocks below with a seeded random generator, so the same
arguments always give the same files. Run `python bench/corpus_gen.py OUT --articles 1000`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import io
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)
SYNDICATED_SHARE = 0.10  # articles that are a verbatim copy of a wire story in another outlet
OTHER_NEWS_SHARE = 0.07  # articles about no meeting at all (rates, harvests, elections)
LATE_FOLDER = "late-additions"  # where add_article() writes


# ---------------------------------------------------------------- building blocks


@dataclass(frozen=True)
class Leader:
    name: str
    title: str  # "President", "Prime Minister", "Foreign Minister"
    since: int  # in office from this year (until the next one's)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    cities: tuple[str, ...]  # the capital first
    heads: tuple[Leader, ...]
    ministers: tuple[Leader, ...]

    def head(self, year: int) -> Leader:
        return [h for h in self.heads if h.since <= year][-1]

    def minister(self, year: int) -> Leader:
        return [m for m in self.ministers if m.since <= year][-1]


def _country(name, demonym, cities, head_title, heads, ministers) -> Country:
    return Country(
        name,
        demonym,
        tuple(cities),
        tuple(Leader(n, head_title, y) for n, y in heads),
        tuple(Leader(n, "Foreign Minister", y) for n, y in ministers),
    )


# Real countries, invented people.
COUNTRIES = (
    _country(
        "Brazil",
        "Brazilian",
        ["Brasilia", "Rio de Janeiro", "Sao Paulo"],
        "President",
        [("Rafael Duarte", 0), ("Helena Vasconcelos", 2023)],
        [("Tiago Rocha", 0)],
    ),
    _country(
        "Kenya",
        "Kenyan",
        ["Nairobi", "Mombasa"],
        "President",
        [("Samuel Wafula", 0), ("Grace Nyambura", 2022)],
        [("Daniel Kamau", 0)],
    ),
    _country(
        "Norway",
        "Norwegian",
        ["Oslo", "Bergen"],
        "Prime Minister",
        [("Ingrid Haugland", 0), ("Lars Åsheim", 2021)],
        [("Sigrid Nyhus", 0)],
    ),
    _country(
        "Vietnam",
        "Vietnamese",
        ["Hanoi", "Ho Chi Minh City", "Da Nang"],
        "President",
        [("Tran Van Khoa", 0), ("Le Minh Thuan", 2021)],
        [("Pham Thi Lan", 0)],
    ),
    _country(
        "Chile",
        "Chilean",
        ["Santiago", "Valparaiso"],
        "President",
        [("Matías Riquelme", 0), ("Valentina Sepúlveda", 2022)],
        [("Andrés Fuenzalida", 0)],
    ),
    _country(
        "Indonesia",
        "Indonesian",
        ["Jakarta", "Bali", "Surabaya"],
        "President",
        [("Budi Wirawan", 0), ("Ratna Kusumawati", 2024)],
        [("Agus Hartono", 0)],
    ),
    _country(
        "Canada",
        "Canadian",
        ["Ottawa", "Toronto", "Vancouver"],
        "Prime Minister",
        [("Eleanor Whitfield", 0)],
        [("Marc Gauthier", 0), ("Priya Sandhu", 2022)],
    ),
    _country(
        "Morocco",
        "Moroccan",
        ["Rabat", "Casablanca", "Marrakesh"],
        "Prime Minister",
        [("Youssef Benali", 0)],
        [("Karim Tazi", 0)],
    ),
    _country(
        "Poland",
        "Polish",
        ["Warsaw", "Krakow"],
        "President",
        [("Tomasz Wróblewski", 0), ("Agnieszka Dąbrowska", 2020)],
        [("Marek Sobczak", 0)],
    ),
    _country(
        "Japan",
        "Japanese",
        ["Tokyo", "Osaka", "Kyoto"],
        "Prime Minister",
        [("Hiroshi Tanabe", 0), ("Kenji Moriyama", 2021)],
        [("Yuko Arakawa", 0)],
    ),
    _country(
        "Ghana",
        "Ghanaian",
        ["Accra", "Kumasi"],
        "President",
        [("Kwame Boateng", 0)],
        [("Akosua Mensah", 0)],
    ),
    _country(
        "Argentina",
        "Argentine",
        ["Buenos Aires", "Cordoba"],
        "President",
        [("Martín Echeverría", 0), ("Lucía Ferreyra", 2023)],
        [("Diego Albarracín", 0)],
    ),
    _country(
        "Egypt",
        "Egyptian",
        ["Cairo", "Alexandria"],
        "President",
        [("Hassan El-Sherbiny", 0)],
        [("Omar Fathy", 0)],
    ),
    _country(
        "India",
        "Indian",
        ["New Delhi", "Mumbai", "Bengaluru"],
        "Prime Minister",
        [("Arvind Raghunathan", 0)],
        [("Meera Krishnaswamy", 0)],
    ),
    _country(
        "Turkey",
        "Turkish",
        ["Ankara", "Istanbul"],
        "President",
        [("Mehmet Karaosmanoğlu", 0)],
        [("Selin Aydemir", 0)],
    ),
    _country(
        "Mexico",
        "Mexican",
        ["Mexico City", "Monterrey"],
        "President",
        [("Alejandro Villaseñor", 0), ("Mariana Castañeda", 2024)],
        [("Rodrigo Ibarra", 0)],
    ),
    _country(
        "South Africa",
        "South African",
        ["Pretoria", "Cape Town", "Johannesburg"],
        "President",
        [("Sipho Mahlangu", 0)],
        [("Naledi Mokoena", 0)],
    ),
    _country(
        "Finland",
        "Finnish",
        ["Helsinki", "Turku"],
        "President",
        [("Eero Lindqvist", 0)],
        [("Aino Koskinen", 0)],
    ),
    _country(
        "Portugal",
        "Portuguese",
        ["Lisbon", "Porto"],
        "President",
        [("João Meireles", 0)],
        [("Inês Carvalhal", 0)],
    ),
    _country(
        "Peru",
        "Peruvian",
        ["Lima", "Cusco"],
        "President",
        [("Carlos Huamán", 0), ("Rosa Quispe", 2021)],
        [("Javier Paredes", 0)],
    ),
    _country(
        "Senegal",
        "Senegalese",
        ["Dakar"],
        "President",
        [("Moussa Ndiaye", 0)],
        [("Aminata Faye", 0)],
    ),
    _country(
        "Malaysia",
        "Malaysian",
        ["Kuala Lumpur", "Putrajaya", "Penang"],
        "Prime Minister",
        [("Azman Rahim", 0)],
        [("Farah Zulkifli", 0)],
    ),
    _country(
        "Uzbekistan",
        "Uzbek",
        ["Tashkent", "Samarkand", "Bukhara"],
        "President",
        [("Rustam Nazarov", 0)],
        [("Dilnoza Yusupova", 0)],
    ),
)

FIELDS = (
    "renewable energy",
    "agriculture",
    "the digital economy",
    "healthcare",
    "higher education",
    "tourism",
    "mining",
    "transport and logistics",
    "water management",
    "space research",
    "fisheries",
    "pharmaceuticals",
    "culture",
    "science and technology",
    "customs",
    "civil aviation",
    "maritime transport",
    "food security",
    "green hydrogen",
    "vocational training",
)

DOCUMENTS = (
    "memorandum of understanding on cooperation in {field}",
    "agreement on visa-free travel for holders of ordinary passports",
    "agreement on the avoidance of double taxation",
    "joint statement on a comprehensive strategic partnership",
    "action plan on {field} for {year}-{year3}",
    "intergovernmental agreement on {field}",
    "protocol on {field}",
    "treaty on mutual legal assistance in criminal matters",
    "memorandum on a joint investment fund",
    "agreement on mutual recognition of diplomas",
    "roadmap for cooperation in {field}",
)

DIRECT_QUOTES = (
    "Our countries share a long history of friendship, and today we opened a new chapter in {field}.",
    "We agreed to double our trade within five years. This is ambitious, but it is realistic.",
    "{other} is a reliable partner for us, and we want to see more of its companies in our market.",
    "The documents we signed today will bring concrete benefits to the people of our two countries.",
    "We have discussed the whole range of issues, from {field} to {field2}, in a frank and friendly way.",
    "I am convinced that this visit will give a strong new impetus to our relations.",
    "There is enormous potential in {field}, and we have only started to use it.",
    "We will not let the difficulties of the world economy slow down our joint projects.",
    "Our people want stability, jobs and growth, and this partnership serves exactly that.",
    "I invited my colleague to visit {city} next year, and the invitation was accepted with gratitude.",
    "Today we agreed to open direct flights, which will make travel between our countries much easier.",
    "We respect each other's choices and we look for solutions that benefit both sides.",
)

REPORTED = (
    "the two countries should expand cooperation in {field} and {field2}",
    "{country} was ready to increase imports of agricultural products from {other}",
    "the sides had agreed to set up a working group on {field}",
    "relations between the two countries had reached an unprecedented level",
    "{country} supported the candidacy of {other} for a seat on the UN Security Council",
    "a business forum would be held in {city} before the end of the year",
    "the joint intergovernmental commission would meet again in the autumn",
)

BACKGROUND = (
    "Diplomatic relations between the two countries were established in {established}.",
    "{other} is among {country}'s largest trading partners in the region.",
    "The visit comes ahead of the {ordinal} meeting of the joint intergovernmental commission.",
    "Analysts say the talks reflect a broader push by both governments to diversify export markets.",
    "More than {companies} companies with {other_demonym} capital are registered in {country}.",
    "The two leaders last met on the sidelines of a multilateral summit {months} months ago.",
    "Officials said the sides also exchanged views on regional and international issues of mutual interest.",
    "A direct flight between the two capitals is expected to open next spring.",
    "Cooperation in {field} has grown quickly since the signing of a framework agreement.",
    "Both governments have said they want to remove remaining barriers to trade and investment.",
    "The delegations included ministers of economy, energy, agriculture and education.",
    "Students from {other} make up one of the largest groups of foreign students in {country}.",
    "The talks were held first in a restricted format and then with the participation of both "
    "delegations, and lasted longer than planned, according to officials familiar with the schedule.",
    "Business associations in {country} have long called for simpler customs procedures at the "
    "border, saying that delays add weeks to deliveries and raise costs for small exporters.",
    "Economists note that the structure of trade remains uneven: {country} mostly exports machinery "
    "and processed food, while imports from {other} are dominated by raw materials and fuel.",
    "Earlier this year the two governments launched a joint study on {field2}, whose results are "
    "expected to be presented at the next session of the business council.",
    "Opposition lawmakers in {other} have questioned the cost of several of the planned projects, "
    "arguing that the government should publish the terms of the loans involved.",
    "The programme of the visit also includes a wreath-laying ceremony, a meeting with the speaker "
    "of parliament and a visit to an industrial park on the outskirts of {city}.",
    "Cultural days of {other} will be held in several cities of {country} in the autumn, with "
    "concerts, film screenings and exhibitions of contemporary art.",
    "Regional security, climate change and the situation in global food markets were also on the "
    "agenda, the press service said in a statement released after the meeting.",
)

FIGURES = (
    "Bilateral trade reached ${trade} billion in {last_year}, up {growth} percent from a year earlier.",
    "Commercial agreements worth ${deals} million were signed at a business forum held alongside the talks.",
    "The sides set a target of raising annual trade to ${target} billion by {year3}.",
    "{projects} joint investment projects worth ${deals} million are being carried out.",
    "Tourist arrivals from {other} rose by {growth} percent last year to about {tourists},000.",
)

OTHER_NEWS = (
    (
        "{country} central bank keeps key rate at {rate} percent",
        "The central bank of {country} left its key interest rate unchanged at {rate} percent on {weekday}, "
        'citing slowing inflation. "We see inflation returning to target next year," the governor, '
        "{governor}, told reporters. Economists had expected the decision.",
    ),
    (
        "{country} wheat harvest expected to rise {growth} percent",
        "The agriculture ministry of {country} expects the wheat harvest to rise by {growth} percent this "
        "year thanks to favourable weather. Exports are forecast at {tourists},000 tonnes.",
    ),
    (
        "Parliament of {country} approves {last_year} budget amendments",
        "Lawmakers in {country} approved amendments to the budget on {weekday}, raising spending on "
        "{field} by {growth} percent. The opposition voted against the bill.",
    ),
)

# Sentences made of parts, so that different articles seldom share one.
DETAIL_SUBJECTS = (
    "Officials from {country}",
    "Negotiators on both sides",
    "A senior diplomat from {other}",
    "Business leaders in {country}",
    "Analysts in {other}",
    "Members of the joint commission",
    "Government economists",
    "Trade officials",
)
DETAIL_VERBS = (
    "said progress had been made on",
    "pointed to delays in",
    "expected an agreement soon on",
    "called for more investment in",
    "warned against overstating the gains from",
    "were preparing a joint report on",
    "asked for clearer rules on",
    "praised the recent growth of",
)
DETAIL_OBJECTS = (
    "cross-border payments",
    "port infrastructure",
    "the licensing of medicines",
    "seasonal work permits",
    "grain shipments",
    "a planned rail link",
    "satellite data sharing",
    "university exchanges",
    "the fishing quota",
    "joint research grants",
    "electricity interconnection",
    "the recognition of professional licences",
)
DETAIL_TAILS = (
    "",
    ", a long-standing demand of exporters",
    ", according to people familiar with the discussions",
    ", though no date was given",
    " over the next {n} years",
    ", which has been under discussion since {since}",
    ", without giving details",
    " before the end of the decade",
)

GOVERNORS = ("Elena Marchetti", "Victor Okafor", "Nadia Hamdan", "Olusegun Adeyemi", "Clara Lindgren")

FURNITURE_MENU = (
    "Home   About the Ministry   Press Centre   Foreign Policy   Consular Services   Contacts",
    "Home | News | Politics | Economy | World | Opinion | Video",
    "Main   Activities   Speeches   Press releases   Photo gallery   Documents",
)
FURNITURE_TAIL = (
    "Share this article",
    "Subscribe to our newsletter for daily updates",
    "Read more: {title}",
    "Tags: diplomacy, {country}, {other}",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
ORDINALS = ("third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh")


@dataclass(frozen=True)
class Outlet:
    name: str
    style: str  # wire | ministry | paper
    format: str  # txt | md | html | csv | jsonl
    domain: str
    weight: int


OUTLETS = (
    Outlet("Meridian Wire", "wire", "txt", "meridianwire.example", 6),
    Outlet("Atlas News Agency", "wire", "jsonl", "atlasnews.example", 5),
    Outlet("The Continental Post", "paper", "md", "continentalpost.example", 4),
    Outlet("Global Affairs Daily", "paper", "html", "globalaffairsdaily.example", 3),
    Outlet("Harbour Times", "paper", "html", "harbourtimes.example", 2),
    Outlet("Northbridge Herald", "paper", "md", "northbridgeherald.example", 3),
    Outlet("Pacific Ledger", "paper", "csv", "pacificledger.example", 4),
    Outlet("Equator Review", "paper", "jsonl", "equatorreview.example", 3),
    Outlet("Capital Dispatch", "paper", "txt", "capitaldispatch.example", 3),
    Outlet("Foreign Ministry Press Office", "ministry", "txt", "mfa.example", 4),
    Outlet("Presidential Press Service", "ministry", "html", "presidency.example", 2),
)


# ---------------------------------------------------------------- events and articles


@dataclass
class Meeting:
    day: dt.date
    kind: str  # talks | call | visit | ministers
    host: Country
    guest: Country
    city: str
    a: Leader
    b: Leader
    fields: tuple[str, str]
    documents: list[str]
    figures: dict[str, object]
    quotes: list[tuple[Leader, str]]
    reported: list[tuple[Leader, str]]
    present: list[Leader]


@dataclass
class Record:
    """One article ready to be written: which file, and what goes in it."""

    outlet: Outlet
    published: dt.date
    title: str
    paragraphs: list[str]
    key: str
    syndicated_from: str | None = None
    extra: dict = field(default_factory=dict)


def _fill(
    template: str,
    rng: random.Random,
    m: Meeting | None,
    country: Country,
    other: Country,
    day: dt.date | None = None,
    values: dict | None = None,
) -> str:
    """TEMPLATE with its slots filled: from VALUES when given, else drawn here."""
    return template.format(**(values or _values(rng, m, country, other, day)))


def _values(
    rng: random.Random, m: Meeting | None, country: Country, other: Country, day: dt.date | None = None
) -> dict:
    day = m.day if m else day or FIRST_DAY
    year = day.year
    values = {
        "field": m.fields[0] if m else rng.choice(FIELDS),
        "field2": m.fields[1] if m else rng.choice(FIELDS),
        "country": country.name,
        "other": other.name,
        "other_demonym": other.demonym,
        "city": rng.choice(country.cities),
        "year": year,
        "year3": year + 3,
        "last_year": year - 1,
        "established": rng.randint(1950, 1995),
        "ordinal": rng.choice(ORDINALS),
        "companies": rng.randint(40, 900),
        "months": rng.randint(3, 18),
        "weekday": WEEKDAYS[day.weekday()],
        "rate": f"{rng.randint(2, 14)}.{rng.choice((0, 25, 5, 75))}",
        "governor": rng.choice(GOVERNORS),
        "growth": rng.randint(3, 38),
        "tourists": rng.randint(12, 480),
    }
    if m:
        values.update(m.figures)
    return values


def _detail(rng: random.Random, country: str, other: str) -> str:
    sentence = " ".join((rng.choice(DETAIL_SUBJECTS), rng.choice(DETAIL_VERBS), rng.choice(DETAIL_OBJECTS)))
    tail = rng.choice(DETAIL_TAILS).format(n=rng.randint(2, 9), since=rng.randint(2008, 2018))
    return (sentence + tail + ".").format(country=country, other=other)


def make_meeting(rng: random.Random) -> Meeting:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    host, guest = rng.sample(COUNTRIES, 2)
    kind = rng.choices(("talks", "call", "visit", "ministers"), weights=(5, 2, 3, 3))[0]
    if kind == "ministers":
        a, b = host.minister(day.year), guest.minister(day.year)
    else:
        a, b = host.head(day.year), guest.head(day.year)
    fields = tuple(rng.sample(FIELDS, 2))
    meeting = Meeting(
        day=day,
        kind=kind,
        host=host,
        guest=guest,
        city=host.cities[0] if rng.random() < 0.75 else rng.choice(host.cities),
        a=a,
        b=b,
        fields=fields,  # type: ignore[arg-type]
        documents=[],
        figures={
            "trade": f"{rng.randint(1, 40)}.{rng.randint(1, 9)}",
            "growth": rng.randint(3, 38),
            "deals": rng.randint(120, 4800),
            "target": rng.randint(10, 60),
            "projects": rng.randint(8, 90),
            "tourists": rng.randint(12, 480),
        },
        quotes=[],
        reported=[],
        present=[],
    )
    if kind in ("visit", "talks") and rng.random() < 0.7:
        for template in rng.sample(DOCUMENTS, rng.randint(1, 3)):
            meeting.documents.append(_fill(template, rng, meeting, host, guest))
    speakers = [(a, host, guest), (b, guest, host)]
    for leader, country, other in speakers:
        for template in rng.sample(DIRECT_QUOTES, rng.randint(1, 2)):
            meeting.quotes.append((leader, _fill(template, rng, meeting, country, other)))
        if rng.random() < 0.6:
            meeting.reported.append((leader, _fill(rng.choice(REPORTED), rng, meeting, country, other)))
    if kind != "ministers" and kind != "call" and rng.random() < 0.5:
        meeting.present = [host.minister(day.year), guest.minister(day.year)]
    return meeting


def _full(leader: Leader, country: Country, style: int) -> str:
    """A leader as the press names them, in one of a few usual ways."""
    return (
        f"{country.demonym} {leader.title} {leader.name}",
        f"{leader.title} {leader.name} of {country.name}",
        f"{leader.title} of {country.name} {leader.name}",
    )[style % 3]


def _headline(rng: random.Random, m: Meeting) -> str:
    a, b, host, guest = m.a, m.b, m.host, m.guest
    options = {
        "talks": [
            f"{a.name} Holds Talks with {b.title} {b.name} of {guest.name}",
            f"{a.surname}, {b.surname} agree to deepen {m.fields[0]} cooperation",
            f"{host.demonym} and {guest.demonym} leaders meet in {m.city}",
            f"{a.surname} meets {guest.demonym} {b.title.lower()}",
        ],
        "call": [
            f"{a.surname} and {b.surname} hold phone call",
            f"{a.name} speaks by phone with {b.title} {b.name}",
            f"{host.demonym}, {guest.demonym} leaders discuss {m.fields[0]} in telephone conversation",
        ],
        "visit": [
            f"{b.title} {b.name} begins state visit to {host.name}",
            f"{host.name} and {guest.name} sign {len(m.documents) or 'new'} documents"
            f" during {b.surname} visit",
            f"{b.surname} arrives in {m.city} for talks with {a.surname}",
        ],
        "ministers": [
            f"Foreign ministers of {host.name} and {guest.name} meet in {m.city}",
            f"{a.surname} holds talks with {guest.demonym} counterpart {b.name}",
            f"{host.demonym}, {guest.demonym} top diplomats discuss {m.fields[0]}",
        ],
    }[m.kind]
    return rng.choice(options)


def _lead(rng: random.Random, m: Meeting, style: str) -> str:
    a, b, host, guest = m.a, m.b, m.host, m.guest
    when = rng.choice(
        (
            f"on {WEEKDAYS[m.day.weekday()]}",
            f"on {MONTHS[m.day.month - 1]} {m.day.day}, {m.day.year},",
            f"on {m.day.day} {MONTHS[m.day.month - 1]}",
        )
    )
    who_a, who_b = _full(a, host, rng.randrange(3)), _full(b, guest, rng.randrange(3))
    verb = {
        "talks": f"held talks in {m.city} with",
        "call": "held a telephone conversation with",
        "visit": f"welcomed to {m.city} for a state visit",
        "ministers": f"met in {m.city} with",
    }[m.kind]
    sentence = f"{who_a} {when} {verb} {who_b}"
    if style == "ministry":
        sentence = f"On {MONTHS[m.day.month - 1]} {m.day.day}, {m.day.year}, {who_a} {verb} {who_b}"
    follow = rng.choice(
        (
            f", and the two sides agreed to expand cooperation in {m.fields[0]}.",
            f", focusing on {m.fields[0]} and {m.fields[1]}.",
            ".",
        )
    )
    return sentence + follow


def _quote_paragraph(rng: random.Random, leader: Leader, text: str, country: Country) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"“{text}” {leader.name} said."
    if style == 1:
        return f'"{text}" said {leader.surname}.'
    if style == 2:
        return f"{leader.title} {leader.surname} told reporters: “{text}”"
    first, _, rest = text.partition(". ")
    if rest:
        return f"“{first},” the {country.demonym} {leader.title.lower()} said. “{rest}”"
    return f"“{text.rstrip('.')},” the {country.demonym} {leader.title.lower()} said after the talks."


def write_meeting_article(rng: random.Random, m: Meeting, outlet: Outlet, key: str) -> Record:
    """One outlet's report of a meeting, in its own words."""
    paragraphs = [_lead(rng, m, outlet.style)]
    if m.present:
        names = " and ".join(f"{p.title} {p.name}" for p in m.present)
        paragraphs.append(f"{names} were also present at the talks.")
    sides = [(m.a, m.host, m.guest), (m.b, m.guest, m.host)]
    for leader, text in m.quotes:
        country = next(c for lead, c, _ in sides if lead == leader)
        paragraphs.append(_quote_paragraph(rng, leader, text, country))
    for leader, clause in m.reported:
        paragraphs.append(f"{leader.name} said that {clause}.")
    if m.documents:
        listed = "; ".join(m.documents)
        paragraphs.append(
            rng.choice(
                (
                    f"Following the talks, the two sides signed {len(m.documents)} documents: {listed}.",
                    f"In the presence of the leaders, officials signed a {m.documents[0]}.",
                    f"The two leaders witnessed the signing of a {m.documents[0]}.",
                )
            )
        )
    figures = rng.sample(FIGURES, rng.randint(1, 3))
    background = rng.sample(BACKGROUND, rng.randint(3, 6))
    for template in figures + background:
        paragraphs.append(_fill(template, rng, m, m.host, m.guest))
    for _ in range(rng.randint(3, 5)):
        details = (_detail(rng, m.host.name, m.guest.name) for _ in range(rng.randint(2, 4)))
        paragraphs.append(" ".join(details))
    rng.shuffle(paragraphs[2:])
    lag = 0 if outlet.style != "paper" else rng.choice((0, 0, 1))
    return Record(outlet, m.day + dt.timedelta(days=lag), _headline(rng, m), paragraphs, key)


def write_other_article(rng: random.Random, outlet: Outlet, key: str) -> Record:
    country, other = rng.sample(COUNTRIES, 2)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    title, body = rng.choice(OTHER_NEWS)
    values = _values(rng, None, country, other, day)
    title, body = title.format(**values), body.format(**values)
    body += " " + " ".join(_detail(rng, country.name, other.name) for _ in range(rng.randint(2, 5)))
    return Record(outlet, day, title, re.split(r"(?<=\.) ", body, maxsplit=1), key)


def generate(articles: int, seed: int = 8) -> list[Record]:
    """The records of a corpus of exactly ARTICLES articles."""
    rng = random.Random(seed)
    weights = [o.weight for o in OUTLETS]
    records: list[Record] = []
    wires = [o for o in OUTLETS if o.style == "wire"]
    while len(records) < articles:
        key = f"{len(records):06d}"
        if rng.random() < OTHER_NEWS_SHARE:
            records.append(write_other_article(rng, rng.choices(OUTLETS, weights)[0], key))
            continue
        meeting = make_meeting(rng)
        reports = rng.choices((1, 2, 3, 4, 5), weights=(30, 30, 20, 12, 8))[0]
        for outlet in rng.sample(OUTLETS, reports):
            if len(records) >= articles:
                break
            record = write_meeting_article(rng, meeting, outlet, f"{len(records):06d}")
            records.append(record)
            if outlet in wires and rng.random() < SYNDICATED_SHARE * 3 and len(records) < articles:
                copier = rng.choice([o for o in OUTLETS if o.style == "paper"])
                copy = Record(
                    copier,
                    record.published,
                    record.title,
                    [*record.paragraphs, f"({outlet.name})"],
                    f"{len(records):06d}",
                    syndicated_from=outlet.name,
                )
                records.append(copy)
    return records


# ---------------------------------------------------------------- files


def _dateline(rng: random.Random, record: Record, first: str) -> str:
    day = record.published
    for country in COUNTRIES:
        for city in country.cities:
            if f"in {city}" in first:
                return f"{city.upper()}, {SHORT_MONTHS[day.month - 1]} {day.day} ({record.outlet.name}) -- "
    return ""


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:60]


def _as_text(rng: random.Random, record: Record) -> str:
    outlet, day = record.outlet, record.published
    paragraphs = list(record.paragraphs)
    if outlet.style == "wire":
        paragraphs[0] = _dateline(rng, record, paragraphs[0]) + paragraphs[0]
        return f" date {day.isoformat()} {record.title}\n\n" + "\n\n".join(paragraphs) + "\n"
    if outlet.style == "ministry":
        head = [
            rng.choice(FURNITURE_MENU),
            " HOME > Press releases",
            record.title,
            f"{day.isoformat()} 18:30",
            "",
        ]
        return "\n".join(head) + "\n" + "\n\n".join(paragraphs) + "\n\nShare this article\n"
    tail = [t.format(title=record.title, country="diplomacy", other="world") for t in FURNITURE_TAIL[:2]]
    dated = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return "\n\n".join([record.title, dated, *paragraphs, *tail]) + "\n"


def _as_markdown(record: Record) -> str:
    front = {
        "title": record.title,
        "date": record.published.isoformat(),
        "publisher": record.outlet.name,
        "url": f"https://{record.outlet.domain}/{record.published.year}/{_slug(record.title)}",
    }
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()), "---", ""]
    return "\n".join(lines) + "\n\n".join(record.paragraphs) + "\n\n*Photo: " + record.outlet.name + "*\n"


def _as_html(record: Record) -> str:
    e = html.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in record.paragraphs)
    day = record.published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(record.title)} | {e(record.outlet.name)}</title>
<meta property="og:title" content="{e(record.title)}">
<meta property="og:site_name" content="{e(record.outlet.name)}">
<meta property="article:published_time" content="{day}T09:00:00Z">
<link rel="canonical" href="https://{record.outlet.domain}/news/{_slug(record.title)}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/economy">Economy</a>
<a href="/opinion">Opinion</a></nav></header>
<main><article><h1>{e(record.title)}</h1><time datetime="{day}">{day}</time>
{body}
</article>
<aside><h2>Related news</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Weather: a warm week ahead</a></li></ul></aside></main>
<footer>© {record.published.year} {e(record.outlet.name)}. All rights reserved.</footer>
</body></html>
"""


def _row(record: Record) -> dict[str, str]:
    return {
        "id": f"{_slug(record.outlet.name)}-{record.key}",
        "title": record.title,
        "date": record.published.isoformat(),
        "outlet": record.outlet.name,
        "url": f"https://{record.outlet.domain}/{_slug(record.title)}-{record.key}",
        "body": "\n\n".join(record.paragraphs),
    }


def write_corpus(records: list[Record], folder: Path, seed: int = 8) -> int:
    """Write the records under FOLDER (replacing it); csv and jsonl outlets get one file per month.
    Returns the number of files written."""
    if folder.exists():
        shutil.rmtree(folder)
    rng = random.Random(seed + 1)
    batches: dict[Path, list[Record]] = {}
    files = 0
    for record in records:
        outlet, day = record.outlet, record.published
        where = folder / _slug(outlet.name) / str(day.year)
        digest = hashlib.sha1(f"{record.key}{record.title}".encode()).hexdigest()[:12]
        stem = f"{day.isoformat()}_{record.key}_{digest}"
        if outlet.format in ("csv", "jsonl"):
            batches.setdefault(where / f"{day.year}-{day.month:02d}.{outlet.format}", []).append(record)
            continue
        where.mkdir(parents=True, exist_ok=True)
        if outlet.format == "txt":
            text = _as_text(rng, record)
        elif outlet.format == "md":
            text = _as_markdown(record)
        else:
            text = _as_html(record)
        (where / f"{stem}.{outlet.format}").write_text(text, encoding="utf-8")
        files += 1
    for path, batch in batches.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(_row(batch[0])))
            writer.writeheader()
            writer.writerows(_row(r) for r in batch)
            path.write_text(out.getvalue(), encoding="utf-8")
        else:
            lines = []
            for r in batch:
                row = _row(r)
                lines.append(
                    json.dumps(
                        {
                            "headline": row["title"],
                            "published": row["date"],
                            "source": row["outlet"],
                            "link": row["url"],
                            "text": row["body"],
                        },
                        ensure_ascii=False,
                    )
                )
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files += 1
    return files


def add_article(folder: Path, seed: int = 99) -> Path:
    """One more wire story in a new file of FOLDER (for the incremental-build measurement)."""
    rng = random.Random(seed)
    meeting = make_meeting(rng)
    record = write_meeting_article(rng, meeting, OUTLETS[0], f"extra{seed}")
    path = folder / LATE_FOLDER / f"{record.published.isoformat()}_extra_{seed}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_as_text(rng, record), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    records = generate(args.articles, args.seed)
    files = write_corpus(records, args.folder, args.seed)
    print(f"wrote {len(records)} articles in {files} files to {args.folder}")


if __name__ == "__main__":
    main()
