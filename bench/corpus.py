"""A reproducible synthetic news corpus: many outlets covering many events, with chrome.

Each event has a date, a place, a few speakers and their statements; each outlet's report
quotes some of those statements in full, in part or reworded, in its own house layout. No
copyrighted text: everything comes from the templates and vocabularies below.

    from bench.corpus import generate
    for name, data in generate(seed=1, events=10, reports_per_event=4): ...

The large corpus for import benchmarks (issue 6), streamed and reproducible from a seed, in
zips of at most 2,000 files (the upload limit NEWSROOM_MAX_ZIP_MEMBERS):

    .venv/bin/python bench/corpus.py --articles 100000 --seed 1 --out DIR
"""

import argparse
import datetime
import itertools
import random
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from html import escape
from pathlib import Path

OUTLETS = [
    # (name in dateline/credit, layout)
    ("Reuters", "wire"),
    ("AP", "ap"),
    ("AFP", "afp"),
    ("Xinhua", "xinhua"),
    ("TASS", "wire"),
    ("dpa", "wire"),
    ("Kyodo", "wire"),
    ("ANSA", "wire"),
    ("EFE", "wire"),
    ("UPI", "wire"),
]
PLACES = [
    "GENEVA",
    "NAIROBI",
    "LIMA",
    "OSLO",
    "HANOI",
    "ACCRA",
    "QUITO",
    "RIGA",
    "DOHA",
    "MANILA",
    "TUNIS",
    "BOGOTA",
    "ZAGREB",
    "DAKAR",
    "AMMAN",
    "TBILISI",
    "WELLINGTON",
    "OTTAWA",
    "LISBON",
]
GIVEN = [
    "Amina",
    "Paulo",
    "Lena",
    "Kenji",
    "Olga",
    "Tomas",
    "Fatima",
    "Ravi",
    "Ingrid",
    "Samuel",
    "Mei",
    "Jonas",
    "Aisha",
    "Diego",
    "Hana",
    "Pieter",
    "Nadia",
    "Emeka",
    "Sofia",
    "Arjun",
]
FAMILY = [
    "Diallo",
    "Ferreira",
    "Fischer",
    "Tanaka",
    "Petrova",
    "Novak",
    "Haddad",
    "Iyer",
    "Larsen",
    "Okafor",
    "Chen",
    "Berg",
    "Mensah",
    "Ortega",
    "Kim",
    "de Vries",
    "Rahman",
    "Adeyemi",
    "Rossi",
    "Sharma",
    "Kowalski",
    "Nguyen",
    "Silva",
    "Moreau",
    "Yilmaz",
    "Costa",
    "Dubois",
]
ROLES = [
    "the foreign minister",
    "the trade minister",
    "the central bank governor",
    "the health minister",
    "the mayor",
    "the union leader",
    "the chief executive",
    "the opposition leader",
    "the energy minister",
    "the prime minister",
]
TOPICS = [
    ("fertiliser tariffs", "farmers", "the harvest"),
    ("fishing quotas", "fishing crews", "the coastline"),
    ("rail links", "commuters", "the network"),
    ("vaccine supplies", "clinics", "the rollout"),
    ("water rights", "villages", "the river"),
    ("wage talks", "workers", "the factories"),
    ("border crossings", "traders", "the checkpoints"),
    ("power prices", "households", "the grid"),
    ("school funding", "teachers", "the classrooms"),
    ("port fees", "shipping lines", "the docks"),
]
STATEMENTS = [
    "We have agreed to {verb} the {topic} within {n} years, and that is good news for {group}",
    "The details still have to be written, and the details are where deals on {topic} fail",
    "Nobody should pretend that {topic} can be settled in one meeting",
    "Our priority is {group}, and every decision on {topic} will be judged by what it does"
    " for them",
    "We will not accept a deal that leaves {group} paying for the mistakes of others",
    "There is real progress on {topic}, but {place2} has to show it is serious",
    "I expect a final text on {topic} before the end of the {period}",
    "This is a good day for {group} and a good day for {thing}",
    # Near misses: other statements sharing most words with one above.
    "We have agreed to {verb} the {topic} within {n} months, but that is bad news for {group}",
    "The details have now been written, and the details show why deals on {topic} work",
    "This is a bad day for {group} and a bad day for {thing}",
]
SYNONYMS = {
    "agreed": "decided",
    "details": "fine print",
    "written": "drafted",
    "real": "genuine",
    "progress": "movement",
    "expect": "anticipate",
    "final": "definitive",
    "priority": "first concern",
    "pretend": "claim",
    "accept": "sign",
}
VERBS = ["halve", "cut", "review", "cap", "phase out"]
PERIODS = ["month", "year", "summer", "quarter"]
# Chrome found inside a body, and chrome that ends one (everything after it is promotion).
INLINE_CHROME = [
    "Share this article\nTweet\nEmail",
    "Advertisement",
    "Related articles:\nMarkets close higher\nStorm warning for the coast\nElection date set",
    "Sign up for our newsletter",
]
TRAILING_CHROME = [
    "YOU MIGHT ALSO LIKE\n\nA new museum opens its doors\n\nThe rise of the night train",
    "Most read\n\nTen things to know today\n\nWeather: more rain on the way",
    "Share this article\nTweet\nEmail",
]


def generate(
    seed: int = 1, events: int = 10, reports_per_event: int = 4
) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) for `events` × `reports_per_event` articles, reproducibly."""
    rng = random.Random(seed)
    start = datetime.date(2015, 1, 5)
    for number in range(events):
        event = make_event(rng, number, start + datetime.timedelta(days=number * 9))
        outlets = rng.sample(OUTLETS, k=min(reports_per_event, len(OUTLETS)))
        for index, outlet in enumerate(outlets):
            text = render_report(rng, event, outlet, index)
            yield f"event{number:06d}-{outlet[0].lower()}.txt", text.encode()


def make_event(rng: random.Random, number: int, day: datetime.date) -> dict:
    topic, group, thing = rng.choice(TOPICS)
    place, place2 = rng.sample(PLACES, 2)
    speakers = []
    # Distinct surnames within an event: a surname alone must name one person.
    for family in rng.sample(FAMILY, k=rng.randint(2, 4)):
        speakers.append(
            {
                "name": f"{rng.choice(GIVEN)} {family}",
                "role": rng.choice(ROLES),
                "country": place2.title() if rng.random() < 0.3 else place.title(),
            }
        )
    statements = []
    for template in rng.sample(STATEMENTS, k=rng.randint(3, 6)):
        statements.append(
            {
                "speaker": rng.choice(speakers),
                "text": template.format(
                    verb=rng.choice(VERBS),
                    topic=topic,
                    n=rng.randint(2, 9),
                    group=group,
                    place2=place2.title(),
                    period=rng.choice(PERIODS),
                    thing=thing,
                ),
            }
        )
    return {
        "number": number,
        "day": day,
        "topic": topic,
        "group": group,
        "place": place,
        "speakers": speakers,
        "statements": statements,
    }


def reword(rng: random.Random, text: str) -> str:
    words = text.split()
    for i, word in enumerate(words):
        if word in SYNONYMS and rng.random() < 0.5:
            words[i] = SYNONYMS[word]
    return " ".join(words)


def render_report(
    rng: random.Random, event: dict, outlet: tuple[str, str], index: int, gold: list | None = None
) -> str:
    """One outlet's report of the event. `gold`, when given, receives (words quoted, statement
    number, speaker name) for every quotation, for scoring extraction and matching."""
    name, layout = outlet
    topic, place = event["topic"], event["place"]
    title = rng.choice(
        [
            f"Talks on {topic} end with a deal in {place.title()}",
            f"Ministers reach agreement on {topic}",
            f"{place.title()} meeting settles dispute over {topic}",
        ]
    )
    minute = datetime.time(rng.randint(6, 22), rng.randint(0, 59))
    stamp = datetime.datetime.combine(event["day"], minute)
    if layout == "xinhua":
        head = [title, "", f"({name})", f"Updated: {stamp:%Y-%m-%d %H:%M}", ""]
        dateline = f"{place}: "
    elif layout == "ap":
        head = [title, "", f"{stamp:%B %-d, %Y}", ""]
        dateline = f"{place} ({name}) — "
    elif layout == "afp":
        head = [title, "", f"Published: {stamp:%d/%m/%Y %H:%M}", ""]
        dateline = f"{place}, {stamp:%B %-d} ({name}) - "
    else:
        head = [title, "", f"{stamp:%B %-d, %Y / %-I:%M %p}", ""]
        dateline = f"{place} ({name}) - "
    body = [
        f"{dateline}Ministers meeting in {place.title()} reached a deal on {topic} on "
        f"{stamp:%A}, after two days of talks that officials described as difficult.",
    ]
    named = set()
    for number, statement in enumerate(event["statements"]):
        if rng.random() < 0.35:
            continue  # this outlet left it out
        before = len(body)
        speaker = statement["speaker"]
        text = statement["text"]
        style = rng.random()
        surname = speaker["name"].split()[-1]
        if 0.25 <= style < 0.5 and speaker["name"] not in named:
            style = 0.6  # a surname alone only once the full name has been given
        named.add(speaker["name"])
        if style < 0.25:
            # A partial quote: the clause after the comma, or the second half.
            _, comma, rest = text.partition(", ")
            words = (rest if comma else text).split()
            part = words if comma else words[len(words) // 2 :]
            body.append(
                f"{speaker['name']}, {speaker['role']}, said the meeting had shown that "
                f'"{" ".join(part)}".'
            )
        elif style < 0.5:
            body.append(f'"{reword(rng, text)}," {surname} told reporters.')
        elif style < 0.75:
            body.append(f'"{text}," said {speaker["name"]}, {speaker["role"]}.')
        else:
            body.append(f'{speaker["name"]} said: "{text}."')
        if gold is not None:
            quoted = body[before].split('"')[1]
            gold.append((quoted.rstrip(",."), number, speaker["name"]))
        if rng.random() < 0.3:
            body.append(
                f"The talks on {topic} had stalled twice this year, and {event['group']} "
                f"had warned of rising costs."
            )
    if rng.random() < 0.5:
        body.insert(1, rng.choice(INLINE_CHROME))
    tail = []
    if layout == "wire":
        tail = [
            "",
            f"Reporting by {rng.choice(GIVEN)} {rng.choice(FAMILY)}; Editing by "
            f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        ]
    if rng.random() < 0.4:
        tail += ["", rng.choice(TRAILING_CHROME)]
    return "\n".join(head) + "\n" + "\n\n".join(body) + "\n" + "\n".join(tail) + "\n"


# =============================================================================================
# The large corpus (issue 6): 100,000 articles, about a million quotations.
#
# Everything above stays as it is for the benchmarks that score against it. What follows is a
# stream of reports in publication order: many outlets in their own house layouts (text as
# saved from a page, and HTML pages), events over years with 1 to ~15 reports (a few big ones
# with many more), speakers from a shared pool who recur from event to event, and about ten
# quotations per report: full, partial, reworded, split around the attribution, their speakers
# named in full, by surname, by title or by pronoun. Each event draws from its own random
# generator seeded from (seed, event number), so the stream is the same whatever its length:
# the first N articles of a 100,000-article corpus are the N-article corpus.
# =============================================================================================

# (outlet as it signs, layout, name in copyright notices). Every name is one the ingest
# pipeline knows, except the regional papers, whose pages say who they are in og:site_name.
CORPUS_OUTLETS = [
    ("Reuters", "wire", "Thomson Reuters"),
    ("dpa", "wire", "Deutsche Presse-Agentur"),
    ("ANSA", "wire", "ANSA"),
    ("EFE", "wire", "Agencia EFE"),
    ("Kyodo", "wire", "Kyodo News"),
    ("UPI", "wire", "United Press International"),
    ("Interfax", "wire", "Interfax"),
    ("Bloomberg", "wire", "Bloomberg"),
    ("RIA Novosti", "wire", "RIA Novosti"),
    ("AP", "ap", "The Associated Press"),
    ("AFP", "afp", "Agence France-Presse"),
    ("Xinhua", "xinhua", "Xinhua"),
    ("TASS", "tass", "TASS"),
    ("BBC", "broadcaster", "BBC"),
    ("DW", "broadcaster", "Deutsche Welle"),
    ("VOA", "broadcaster", "Voice of America"),
    ("France 24", "broadcaster", "France 24"),
    ("NHK", "broadcaster", "NHK"),
    ("RFE/RL", "broadcaster", "Radio Free Europe/Radio Liberty"),
    ("CGTN", "broadcaster", "CGTN"),
    ("RT", "broadcaster", "RT"),
    ("CNN", "broadcaster", "Cable News Network"),
    ("Sky News", "broadcaster", "Sky News"),
    ("Euronews", "broadcaster", "Euronews"),
    ("Al Jazeera", "html", "Al Jazeera"),
    ("Guardian", "newspaper", "Guardian News and Media Limited"),
    ("New York Times", "newspaper", "The New York Times Company"),
    ("Washington Post", "newspaper", "The Washington Post"),
    ("Wall Street Journal", "newspaper", "The Wall Street Journal"),
    ("Financial Times", "newspaper", "The Financial Times"),
    ("Le Monde", "newspaper", "Le Monde"),
    ("Moscow Times", "newspaper", "The Moscow Times"),
    ("Kommersant", "newspaper", "Kommersant"),
    ("Spiegel", "html", "Der Spiegel"),
    ("Economist", "newspaper", "The Economist"),
    ("Politico", "html", "Politico"),
    ("Harbour City Herald", "html", "Harbour City Herald"),
    ("Northern Ledger", "html", "Northern Ledger"),
    ("Valley Gazette", "html", "Valley Gazette"),
    ("Coastal Times Online", "html", "Coastal Times Online"),
    ("Highland Courier", "html", "Highland Courier"),
    ("Capital Evening Post", "html", "Capital Evening Post"),
    ("Lakeside Observer", "html", "Lakeside Observer"),
    ("Eastern Daily Chronicle", "html", "Eastern Daily Chronicle"),
    ("Prairie Morning Star", "html", "Prairie Morning Star"),
    ("Delta Weekly Review", "html", "Delta Weekly Review"),
]
# Outlets covering many events (the big agencies) come up more often than a regional paper.
CORPUS_OUTLET_WEIGHTS = [
    6 if layout in ("wire", "ap", "afp", "xinhua", "tass") else 3 if layout == "broadcaster" else 2
    for _, layout, _ in CORPUS_OUTLETS
]
CORPUS_PLACES = PLACES + [
    "CAIRO", "JAKARTA", "SANTIAGO", "HELSINKI", "BUCHAREST", "ADDIS ABABA", "CANBERRA",
    "KAMPALA", "MONTEVIDEO", "VILNIUS", "BRATISLAVA", "COLOMBO", "MAPUTO", "YEREVAN",
    "REYKJAVIK", "KATHMANDU", "LUSAKA", "ASUNCION", "TALLINN", "LJUBLJANA", "WINDHOEK",
    "BAKU", "ALMATY", "ANTANANARIVO", "SARAJEVO", "KINGSTON", "PANAMA CITY", "DUBLIN",
    "VALLETTA", "NICOSIA", "BEIRUT", "MUSCAT", "DHAKA", "ULAANBAATAR", "SUVA", "HARARE",
    "GABORONE", "KIGALI", "ABUJA", "ALGIERS", "RABAT", "CARACAS", "LA PAZ", "HAVANA",
    "SKOPJE", "PODGORICA", "CHISINAU", "MINSK", "BELGRADE", "SOFIA",
]  # fmt: skip
CORPUS_GIVEN = GIVEN + [
    "Adrian", "Beatriz", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Irina",
    "Javier", "Kwame", "Leila", "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan",
    "Tariq", "Ulla", "Viktor", "Wanjiru", "Ximena", "Yusuf", "Zofia", "Anders", "Bronwen",
    "Camille", "Dario", "Esther", "Felix", "Gabriela", "Henrik", "Ilse", "Joaquin", "Katarina",
    "Lucas", "Marta", "Nikolai", "Olivia", "Pablo", "Ruth", "Sergio", "Thandiwe", "Ugo",
    "Vera", "Wei", "Yara", "Zainab",
]  # fmt: skip
CORPUS_FAMILY = FAMILY + [
    "Abebe", "Bergstrom", "Castellanos", "Dimitrov", "Eriksen", "Fontaine", "Gallagher",
    "Horvath", "Ibrahim", "Jovanovic", "Kaminski", "Lindqvist", "Mahlangu", "Nakamura",
    "Oyelaran", "Papadopoulos", "Quispe", "Rasmussen", "Santos", "Takahashi", "Uribe",
    "Vasquez", "Wojcik", "Xu", "Yamamoto", "Zeller", "Achterberg", "Bianchi", "Carvalho",
    "Dlamini", "Esposito", "Fernandes", "Grabowski", "Hakimi", "Ivanova", "Jensen", "Kovacs",
    "Lungu", "Mwangi", "Nowak", "Olsen", "Pereira", "Ramos", "Sokolov", "Tembo", "Urbanek",
    "Varga", "Weber", "Yildiz", "Zhang", "Andersson", "Banda", "Cisse", "Demir", "Ekstrom",
    "Farah", "Gomes", "Hansen", "Ilunga", "Juarez", "Kaplan", "Lopes", "Molina", "Ndlovu",
    "Osei", "Petrov", "Quinn", "Romero", "Suzuki", "Toure", "Ueda", "Vieira", "Wallace",
    "Yoon", "Zapata", "Alvarez", "Brandt", "Cruz", "Duarte", "Engel", "Forde", "Garcia",
    "Holm", "Igwe", "Janssen", "Keller", "Lambert", "Marin", "Nilsson", "Ochieng", "Popescu",
    "Reyes", "Schmidt", "Tanaka", "Ulloa", "Volkov", "Wright", "Young", "Zimmermann",
]  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _word_list(text: str) -> list[str]:
    return text.split()


# First names whose holders the reports call "she" (the rest are "he").
SHE = _words(
    "Amina Lena Olga Fatima Ingrid Mei Aisha Hana Nadia Sofia Beatriz Chiara Elif Greta Irina "
    "Leila Nia Priya Rosa Ulla Wanjiru Ximena Zofia Bronwen Camille Esther Gabriela Ilse "
    "Katarina Marta Olivia Ruth Thandiwe Vera Yara Zainab"
)
CORPUS_ROLES = ROLES + [
    "the interior minister", "the finance minister", "the defence minister",
    "the agriculture minister", "the transport minister", "the environment minister",
    "the labour minister", "the education minister", "the governor", "the police chief",
    "the chief negotiator", "the spokeswoman", "the spokesman", "the party leader",
    "the president", "the deputy prime minister", "the ombudsman", "the army chief",
]  # fmt: skip
CORPUS_TOPICS = TOPICS + [
    ("grain exports", "millers", "the silos"),
    ("airport expansion", "residents", "the runway"),
    ("pension reform", "retirees", "the budget"),
    ("refugee quotas", "aid groups", "the camps"),
    ("minimum wages", "shop workers", "the high street"),
    ("hospital waiting lists", "patients", "the wards"),
    ("carbon targets", "manufacturers", "the plants"),
    ("housing subsidies", "tenants", "the estates"),
    ("fuel subsidies", "drivers", "the pumps"),
    ("copper mining licences", "miners", "the pits"),
    ("election rules", "voters", "the ballot"),
    ("broadband rollout", "rural schools", "the network"),
    ("flood defences", "farmers", "the levees"),
    ("tax on sugar", "bottlers", "the shelves"),
    ("coal plant closures", "coal towns", "the mines"),
    ("steel tariffs", "steelworkers", "the mills"),
    ("visa rules", "students", "the universities"),
    ("debt relief", "creditors", "the treasury"),
    ("police reform", "community groups", "the streets"),
    ("water tariffs", "households", "the reservoirs"),
    ("press freedom", "journalists", "the newsrooms"),
    ("bank capital rules", "lenders", "the markets"),
    ("ceasefire monitoring", "observers", "the front line"),
    ("wildfire funding", "firefighters", "the forests"),
    ("drug pricing", "pharmacies", "the clinics"),
    ("railway strikes", "passengers", "the stations"),
    ("plastic packaging", "supermarkets", "the landfills"),
    ("teacher pay", "unions", "the schools"),
    ("dam construction", "fishermen", "the valley"),
    ("tourist taxes", "hoteliers", "the old town"),
]  # fmt: skip
# More ways to say "said".
LEAD_VERBS = ["said", "told reporters", "said in a statement", "told a news conference"]
SCARE_QUOTES = ["so-called"]


# Each event has words of its own (made up, like the names of projects, places and things in
# real reports), used in its headline, lede, statements and background: reports of one event
# share them, reports of two events on the same day mostly do not.
# Statements are two or three clauses of everyday words drawn afresh for each statement and
# of words of the event's own, so that a clause quoted in part is found in that event's reports
# and, as in real news, hardly ever word for word in another event's.
NOUNS = _word_list(
    "budget border contract council court crisis debt deficit election energy export farm "
    "fleet fund grid harbour health housing industry inflation inquiry investment island "
    "justice labour land licence loan market mine ministry network office oil parliament "
    "pension permit pipeline police port price project province railway reform region "
    "reserve road salary school security shortage subsidy supply surplus tariff tax "
    "territory trade transport treaty union university valley village wage water welfare "
    "account agency airport archive army audit bridge campaign canal capital cargo census "
    "charter clinic coalition coast committee company corridor customs dam deadline "
    "delegation district factory festival forest frontier garrison hospital landfill "
    "library lottery militia monument museum ordinance pasture plant quarry refinery "
    "reservoir satellite shipyard stadium summit terminal textile tunnel vineyard warehouse"
)
ADJECTIVES = _word_list(
    "new old final fair whole local national regional public private joint large small "
    "early late rural urban northern southern eastern western coastal central foreign "
    "domestic annual monthly temporary permanent modern historic costly cheap difficult "
    "urgent major minor strong weak broad narrow open secret common separate"
)
ACTIONS = _word_list(
    "protect rebuild finance expand reduce review extend replace modernise defend open "
    "close reform fund repair restore share support cancel delay accept reject complete "
    "improve double halve freeze audit"
)
LEDES = [
    "{place} officials agreed on {day} to {act} the {adj} {noun} under the {entity}, ending {n}"
    " weeks of argument over the {j1} {j2}.",
    "Negotiators in {place} reached a deal on the {entity} on {day}, promising to {act} the {adj}"
    " {noun} and settle the {j1} dispute.",
    "The {entity} was signed in {place} on {day} after talks on {topic}, the {adj} {noun} and the"
    " future of the {j1} {j2}.",
    "A deal to {act} the {adj} {noun}, known as the {entity}, was struck in {place} on {day}"
    " despite objections over the {j1}.",
]
CLAUSES = [
    "we will {act} the {adj} {noun} of the {j1} {j2}",
    "the {j1} {noun} must {act} the {adj} {j2}",
    "nobody in {place2} wants to {act} the {adj} {j1} {noun}",
    "{group} cannot wait for the {adj} {j1} {j2}",
    "our {noun} depends on the {adj} {j1} {j2}",
    "I told them the {adj} {noun} of the {j1} {j2} is not for sale",
    "this {entity} will {act} the {adj} {j1} {noun}",
    "there is no {adj} {noun} without the {j1} {j2}",
    "the {j1} and the {j2} must {act} the {adj} {noun} together",
    "we have spent {n} million on the {adj} {j1} {noun}",
    "the {adj} {noun} in {j1} was never the {j2} problem",
    "if the {j1} {j2} fails the {adj} {noun} fails with it",
    "we expect the {j1} to {act} the {adj} {noun} within {n} weeks",
    "the {j1} will {act} every {adj} {noun} before the {j2} vote",
]
BACKGROUND = [
    "The {j1} {j2} has been at the centre of the dispute since {year}.",
    "Delegates from {place2} brought proposals on the {j1} and the {j3}.",
    "Under the {entity}, the {j2} {j3} will be reviewed by an independent panel.",
    "Work on the {j3} {j4} was suspended last {period} after protests by {group}.",
    "The {entity} replaces an earlier {j4} arrangement that expired in {year}.",
    "Officials said the {j1} {j4} would cost about {n} million dollars.",
]
ENTITY_KINDS = ["accord", "plan", "project", "agreement", "scheme", "pact", "framework", "deal"]


def made_up_word(rng: random.Random) -> str:
    """A pronounceable word that means nothing: the name of a project, a river, a law."""
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))


def corpus_people(seed: int, count: int = 4000) -> list[dict]:
    """The pool of people who speak in the corpus: name, role, pronoun and how often they do."""
    rng = random.Random(f"{seed}-people")
    names = set()
    people = []
    while len(people) < count:
        given = rng.choice(CORPUS_GIVEN)
        # Real surnames are many: most here are made up, some shared by several people.
        family = rng.choice(CORPUS_FAMILY) if rng.random() < 0.3 else made_up_word(rng).title()
        if (given, family) in names:
            continue
        names.add((given, family))
        people.append(
            {
                "name": f"{given} {family}",
                "role": rng.choice(CORPUS_ROLES),
                "pronoun": "she" if given in SHE else "he",
                "country": rng.choice(CORPUS_PLACES).title(),
            }
        )
    return people


def corpus_events(seed: int) -> Iterator[dict]:
    """Events in date order from 2016 on, about seven a day, each with its number of reports."""
    rng = random.Random(f"{seed}-calendar")
    people = corpus_people(seed)
    # Zipf-like popularity: a few people speak at hundreds of events, most at a handful.
    weights = [1 / (rank + 10) for rank in range(len(people))]
    # Summed once: choices() would sum the 4,000 weights again for every speaker drawn (most
    # of the generator's time). The same sums, so the same draws: the corpus does not change.
    cum_weights = list(itertools.accumulate(weights))
    day = datetime.date(2016, 1, 4)
    number = 0
    while True:
        for _ in range(rng.randint(3, 11)):
            roll = rng.random()
            if roll < 0.01:
                reports = rng.randint(25, 60)  # a summit everybody covers
            elif roll < 0.06:
                reports = rng.randint(10, 15)
            else:
                reports = min(1 + int(rng.expovariate(0.4)), 15)
            speakers = []
            while len(speakers) < rng.randint(2, 5):
                person = rng.choices(people, cum_weights=cum_weights)[0]
                # Distinct surnames within an event: a surname alone must name one person.
                if all(p["name"].split()[-1] != person["name"].split()[-1] for p in speakers):
                    speakers.append(person)
            yield {"number": number, "day": day, "reports": reports, "speakers": speakers}
            number += 1
        day += datetime.timedelta(days=1)


def corpus_event(seed: int, outline: dict) -> dict:
    """An event's subject, place and statements, from its own random generator."""
    rng = random.Random(f"{seed}-event-{outline['number']}")
    topic, group, thing = rng.choice(CORPUS_TOPICS)
    place, place2 = rng.sample(CORPUS_PLACES, 2)
    jargon = [made_up_word(rng) for _ in range(10)]
    entity = f"{made_up_word(rng).title()} {rng.choice(ENTITY_KINDS)}"
    statements = []
    for _ in range(rng.randint(9, 15)):
        clauses = []
        for clause in rng.sample(CLAUSES, k=rng.choice([2, 2, 3])):
            j1, j2 = rng.sample(jargon, 2)
            clauses.append(
                clause.format(
                    act=rng.choice(ACTIONS),
                    adj=rng.choice(ADJECTIVES),
                    noun=rng.choice(NOUNS),
                    j1=j1,
                    j2=j2,
                    entity=entity,
                    n=rng.randint(2, 30),
                    group=group,
                    place2=place2.title(),
                    period=rng.choice(PERIODS),
                )
            )
        text = ", ".join(clauses[:2]) + (f" and {clauses[2]}" if len(clauses) > 2 else "")
        text = text[:1].upper() + text[1:]
        statements.append({"speaker": rng.choice(outline["speakers"]), "text": text})
    return {
        **outline,
        "topic": topic,
        "group": group,
        "thing": thing,
        "place": place,
        "place2": place2,
        "statements": statements,
        "jargon": jargon,
        "entity": entity,
        "lede": {
            "act": rng.choice(ACTIONS),
            "adj": rng.choice(ADJECTIVES),
            "noun": rng.choice(NOUNS),
        },
    }


def stream(seed: int = 1) -> Iterator[tuple[str, bytes, int]]:
    """(file name, bytes, quotations in it) for every report, in publication order, for ever."""
    for outline in corpus_events(seed):
        event = corpus_event(seed, outline)
        rng = random.Random(f"{seed}-reports-{event['number']}")
        count = event["reports"]
        outlets = rng.sample(range(len(CORPUS_OUTLETS)), k=min(count, len(CORPUS_OUTLETS)))
        while len(outlets) < count:  # big events: some outlets file twice (an update)
            outlets.append(rng.choices(range(len(CORPUS_OUTLETS)), CORPUS_OUTLET_WEIGHTS)[0])
        for index, outlet in enumerate(outlets):
            report = CorpusReport(rng, event, CORPUS_OUTLETS[outlet], index)
            name, layout, _ = CORPUS_OUTLETS[outlet]
            slug = "".join(c for c in name.lower() if c.isalnum())
            extension = "html" if layout == "html" else "txt"
            file_name = (
                f"{event['day']:%Y/%m/%d}/event{event['number']:06d}-{index:02d}-{slug}.{extension}"
            )
            yield file_name, report.render().encode(), report.quotations


class CorpusReport:
    """One outlet's report of an event, in the outlet's house layout."""

    def __init__(self, rng: random.Random, event: dict, outlet: tuple[str, str, str], index: int):
        self.rng, self.event, self.index = rng, event, index
        self.name, self.layout, self.owner = outlet
        self.quotations = 0
        minute = datetime.time(rng.randint(5, 23), rng.randint(0, 59))
        day = event["day"] + datetime.timedelta(days=1 if rng.random() < 0.15 else 0)
        self.stamp = datetime.datetime.combine(day, minute)
        self.dated = rng.random() >= 0.02  # a few pages were saved without their date
        topic, place = event["topic"], event["place"].title()
        entity = event["entity"]
        self.title = rng.choice(
            [
                f"Talks on {topic} end with a deal in {place}",
                f"{entity} agreed in {place} after talks on {topic}",
                f"What the {entity} means for {event['group']}",
                f"{place} talks produce {entity}",
                f"Ministers reach agreement on {topic}",
                f"{place} meeting settles dispute over {topic}",
                f"Deal on {topic} divides {event['group']}",
                f"{place} talks: what was agreed on {topic}",
                f"Leaders promise action on {topic} after {place} meeting",
            ]
        )
        if index and rng.random() < 0.3:
            self.title = f"UPDATE {index}: {self.title}" if self.layout == "wire" else self.title
        self.reporter = f"{rng.choice(CORPUS_GIVEN)} {rng.choice(CORPUS_FAMILY)}"

    def someone(self) -> str:
        return f"{self.rng.choice(CORPUS_GIVEN)} {self.rng.choice(CORPUS_FAMILY)}"

    # ----------------------------------------------------------------------------- body

    def fill(self, template: str) -> str:
        event, rng = self.event, self.rng
        j1, j2, j3, j4 = rng.sample(event["jargon"], 4)
        return template.format(
            topic=event["topic"],
            group=event["group"],
            group_cap=event["group"][:1].upper() + event["group"][1:],
            place2=event["place2"].title(),
            period=rng.choice(PERIODS),
            entity=event["entity"],
            j1=j1,
            j2=j2,
            j3=j3,
            j4=j4,
            year=event["day"].year - rng.randint(1, 12),
            n=rng.randint(2, 900),
        )

    def paragraphs(self) -> list[str]:
        rng, event = self.rng, self.event
        j1, j2 = rng.sample(event["jargon"], 2)
        lede = rng.choice(LEDES).format(
            place=event["place"].title(),
            day=f"{self.stamp:%A}",
            entity=event["entity"],
            topic=event["topic"],
            j1=j1,
            j2=j2,
            n=rng.randint(2, 12),
            **event["lede"],
        )
        if rng.random() < 0.2:
            scare = rng.choice(SCARE_QUOTES)
            lede += f' Critics dismissed the {scare} "compromise" as too little, too late.'
        body = [lede]
        named: set[str] = set()
        last_speaker = None
        for statement in event["statements"]:
            if rng.random() < 0.3:
                continue  # this outlet left it out
            body.append(self.quote(statement, named, last_speaker))
            last_speaker = statement["speaker"]["name"]
            if rng.random() < 0.35:
                body.append(self.fill(rng.choice(BACKGROUND)))
                last_speaker = None
        if rng.random() < 0.15:
            body.append('"We were not consulted," a spokesman for the opposition said.')
            self.quotations += 1
        return body

    def quote(self, statement: dict, named: set[str], last_speaker: str | None) -> str:
        rng = self.rng
        speaker, text = statement["speaker"], statement["text"]
        name, surname = speaker["name"], speaker["name"].split()[-1]
        role = speaker["role"]
        open_, close = ("“", "”") if self.layout in ("html", "newspaper") else ('"', '"')
        self.quotations += 1
        first = name not in named
        named.add(name)
        style = rng.random()
        verb = rng.choice(LEAD_VERBS)
        if style < 0.2:
            # A partial quote: the clause after the comma, or the second half.
            _, comma, rest = text.partition(", ")
            words = (rest if comma else text).split()
            part = " ".join(words if comma else words[len(words) // 2 :])
            who = f"{name}, {role}," if first else surname
            return f"{who} said the meeting had shown that {open_}{part}{close}."
        if style < 0.35 and not first:
            return f"{open_}{reword(rng, text)},{close} {surname} {verb}."
        if style < 0.45 and last_speaker == name:
            return f"{open_}{text},{close} {speaker['pronoun']} added."
        if style < 0.55 and not first:
            return f"{open_}{text},{close} {role} said."
        if style < 0.65 and "," in text:
            # Split around the attribution: two quotations of one statement.
            self.quotations += 1
            head, _, tail = text.partition(", ")
            who = f"{name}, {role}," if first else surname
            return f"{open_}{head},{close} {who} said. {open_}{tail[:1].upper()}{tail[1:]}.{close}"
        if style < 0.85:
            who = f"{name}, {role}" if first else surname
            return f"{open_}{text},{close} said {who}."
        return f"{name} said: {open_}{text}.{close}"

    # ----------------------------------------------------------------------------- layouts

    def render(self) -> str:
        rng = self.rng
        body = self.paragraphs()
        if self.layout == "html":
            return self.html(body)
        place, stamp, name = self.event["place"], self.stamp, self.name
        date_line = {
            "wire": f"{stamp:%B %-d, %Y / %-I:%M %p}",
            "ap": f"{stamp:%b. %-d, %Y}",
            "afp": f"Published: {stamp:%d/%m/%Y %H:%M}",
            "xinhua": f"Updated: {stamp:%Y-%m-%d %H:%M}",
            "tass": f"{stamp:%B %-d, %Y, %H:%M}",
            "broadcaster": f"{stamp:%-d %B %Y}",
            "newspaper": f"{stamp:%a %-d %b %Y %H.%M} GMT",
        }[self.layout]
        dateline = {
            "wire": f"{place} ({name}) - ",
            "ap": f"{place} (AP) — ",
            "afp": f"{place}, {stamp:%B %-d} (AFP) - ",
            "xinhua": f"{place}, {stamp:%b. %-d} (Xinhua) -- ",
            "tass": f"{place}, {stamp:%B %-d}. /TASS/. ",
            "broadcaster": "",
            "newspaper": "",
        }[self.layout]
        body[0] = dateline + body[0]
        head = [self.title, ""]
        if self.layout == "ap":
            head = [
                "Advertisement",
                "",
                self.title,
                "",
                f"By {self.reporter.upper()} Associated Press",
                "",
            ]
        elif self.layout == "broadcaster":
            head = ["Skip to content", "", "Home > News > World", "", self.title, ""]
        elif self.layout == "newspaper":
            section = rng.choice(["World", "Politics", "Business", "Europe", "Economy"])
            standfirst = (
                f"The agreement on {self.event['topic']} follows months of pressure from "
                f"{self.event['group']}"
            )
            head = [section, "", self.title, "", standfirst, ""]
        if self.dated:
            head += [date_line, ""]
        if self.layout == "broadcaster":
            head += [f"By {self.reporter}", f"{name}, {place.title()}", ""]
        elif self.layout == "newspaper":
            head += [f"{self.reporter} in {place.title()}", ""]
        if rng.random() < 0.4:
            body.insert(rng.randint(1, len(body)), rng.choice(INLINE_CHROME + ["Advertisement"]))
        if self.layout == "newspaper" and rng.random() < 0.6:
            body.insert(
                rng.randint(1, len(body)), "Sign up for our free morning briefing newsletter"
            )
        tail = []
        if self.layout == "wire":
            tail += [f"Reporting by {self.reporter}; Editing by {self.someone()}"]
        elif self.layout == "ap":
            tail += [f"Associated Press writer {self.someone()} contributed to this report."]
        elif self.layout == "broadcaster":
            tail += ["Related Topics", "", "Share this article\nCopy link\nFacebook\nWhatsApp"]
        elif self.layout == "newspaper":
            tail += [
                f"Topics: {self.event['topic'].title()}",
                "",
                "Share on Facebook\nShare on Twitter",
                "",
                "Most popular",
            ]
        if rng.random() < 0.5:
            tail += ["", rng.choice(TRAILING_CHROME)]
        if self.layout in ("broadcaster", "newspaper") or rng.random() < 0.3:
            tail += ["", f"© {stamp:%Y} {self.owner}. All rights reserved."]
        return "\n".join(head) + "\n" + "\n\n".join(body) + "\n\n" + "\n".join(tail) + "\n"

    def html(self, body: list[str]) -> str:
        rng, stamp = self.rng, self.stamp
        slug = "-".join(self.title.lower().split()[:6])
        domain = "".join(c for c in self.owner.lower() if c.isalnum()) + ".example"
        related = "".join(
            f'<li><a href="/news/{i}">{topic.capitalize()}: what happens next</a></li>'
            for i, (topic, _, _) in enumerate(rng.sample(CORPUS_TOPICS, rng.randint(2, 5)))
        )
        meta = [
            f'<meta property="og:site_name" content="{self.owner}">',
            f'<meta property="og:title" content="{self.title}">',
            f'<link rel="canonical" href="https://www.{domain}/news/{slug}">',
        ]
        if self.dated:
            meta.append(
                f'<meta property="article:published_time" content="{stamp:%Y-%m-%dT%H:%M:00Z}">'
            )
        paragraphs = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in body)
        lead = escape(body[0], quote=False)
        place = escape(self.event["place"].title(), quote=False)
        paragraphs = paragraphs.replace(f"<p>{lead}</p>", f"<p>{place} — {lead}</p>", 1)
        promo = (
            '<aside class="newsletter"><p>Get the morning briefing in your inbox.</p>'
            '<a href="/newsletter">Sign up for our newsletter</a></aside>'
            if rng.random() < 0.6
            else ""
        )
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{self.title} | {self.owner}</title>
{chr(10).join(meta)}
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{page: "article"}});</script>
</head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience. By continuing you agree
to our use of cookies.</p><button>Accept all</button></div>
<nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a>
<a href="/business">Business</a> <a href="/sport">Sport</a></nav>
<main>
<article>
<h1>{self.title}</h1>
<p class="byline">By {self.reporter}</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Email</a></div>
{paragraphs}
{promo}
</article>
<section class="related"><h2>Related</h2><ul>{related}</ul></section>
</main>
<footer><p>© {stamp:%Y} {self.owner}. All rights reserved.</p></footer>
</body>
</html>
"""


def write_corpus(out: Path, articles: int, seed: int, zip_members: int = 2000) -> dict:
    """Write the first `articles` reports as zips of at most `zip_members` files each."""
    out.mkdir(parents=True, exist_ok=True)
    counts = Counter()
    archive = None
    for name, data, quotations in stream(seed):
        if counts["articles"] == articles:
            break
        if counts["articles"] % zip_members == 0:
            if archive is not None:
                archive.close()
            number = counts["articles"] // zip_members + 1
            archive = zipfile.ZipFile(out / f"corpus-{number:04d}.zip", "w", zipfile.ZIP_DEFLATED)
            counts["zips"] += 1
        archive.writestr(name, data)
        counts["articles"] += 1
        counts["quotations"] += quotations
        counts["html" if name.endswith(".html") else "text"] += 1
        counts["bytes"] += len(data)
    if archive is not None:
        archive.close()
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the large synthetic corpus as zips.")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--zip-members", type=int, default=2000)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = write_corpus(args.out, args.articles, args.seed, args.zip_members)
    elapsed = time.perf_counter() - started
    print(
        f"{counts.get('articles', 0):,} articles ({counts.get('text', 0):,} text, "
        f"{counts.get('html', 0):,} HTML, {counts.get('bytes', 0) / 1e6:.0f} MB) with "
        f"{counts.get('quotations', 0):,} expected quotations, in {counts.get('zips', 0)} zips "
        f"in {args.out}; generated in {elapsed:.1f}s"
    )


if __name__ == "__main__":
    main()
