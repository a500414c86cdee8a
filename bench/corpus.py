"""A reproducible synthetic news corpus: many outlets covering many events, with chrome.

Each event has a date, a place, a few speakers and their statements; each outlet's report
quotes some of those statements in full, in part or reworded, in its own house layout. No
copyrighted text: everything comes from the templates and vocabularies below.

    from bench.corpus import generate
    for name, data in generate(seed=1, events=10, reports_per_event=4): ...
"""

import datetime
import random
from collections.abc import Iterator

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
