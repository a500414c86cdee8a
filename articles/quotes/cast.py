"""The article's cast of people: who it names (a registry merged by surname, a typo
tolerated, and matched to people known from other articles), who it has talked about lately,
and whom a pronoun or a description ("the Danish NATO chief") stands for.

Pronouns go to the subject of a recent sentence or another person the last one names (skipping
people of the other sex, and the asker for a reply); descriptions by their role words against
titles and KnownPerson aliases, or else to the topic person of the last sentences. A description
with "former" never goes to someone currently holding that title.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from articles.lexicon import HONORIFICS, NAME_STYLES, ROLE_HEADS, ROLE_NOUNS

from .names import bare_word
from .quote import KnownPerson
from .words import DEFINITE, INDEFINITE, PREPOSITIONS


@dataclass
class CastMember:
    """A person of the article while it is read; a Person is made of each at the end."""

    words: list[str]
    aliases: dict[str, None] = field(default_factory=dict)
    role: str = ""
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    known: KnownPerson | None = None
    first_at: tuple[int, int] = (0, 0)  # (paragraph, offset) of the first mention
    unproven: bool = False  # a name only guessed to be a person, not (yet) in the cast
    # an unproven single word seen only opening sentences, where any word is capitalised
    # ("Appearing close to tears, he ...", "Find out more"): weaker still
    opens_only: bool = False
    # descriptions taken for this person by a guess (the person the story was about), used
    # to read later ones alike but never shown as their aliases
    guessed: dict[str, None] = field(default_factory=dict)
    style: str = ""  # an honorific printed as part of the name: "Sheikh"

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def surname(self) -> str:
        return bare_word(self.words[-1]).lower()

    def descriptions(self) -> list[str]:
        found = list(self.roles) + list(self.aliases) + list(self.guessed)
        if self.known is not None:
            found += list(self.known.aliases) + [self.known.role]
        return [d for d in found if d]


@dataclass
class Mention:
    """A person named in a sentence, and how: "speaker", "subject", "mention", "object" or
    "possessive"."""

    person: CastMember
    role: str


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@lru_cache(maxsize=65536)  # KnownPerson aliases come back with every article
def normalise_description(text: str) -> tuple[str, ...]:
    """Content words of a description, with synonymous titles made equal: "premier" -> PM."""
    words = []
    for w in re.split(r"[\s,]+", text.lower()):
        w = bare_word(w.strip(".’'\"“”"))
        if not w or w in DEFINITE or w in INDEFINITE:
            continue
        prefix, dash, rest = w.partition("-")
        if dash and prefix in ("ex", "then", "former") and rest:
            words.append(prefix)  # "the then-president": then, president
            w = rest
        words.append(w)
    joined = " ".join(words)
    joined = joined.replace("prime minister", "prime_minister")
    joined = joined.replace("secretary general", "secretary-general")
    # a party's or union's "general secretary" is its secretary-general, no minister
    joined = joined.replace("general secretary", "secretary-general")
    joined = joined.replace("chief executive officer", "ceo").replace("chief executive", "ceo")
    return tuple(ROLE_HEADS.get(w, w) for w in joined.split())


def description_head(words: Sequence[str]) -> str:
    head = ""
    for w in words:
        if w in PREPOSITIONS and head:
            break
        if w in ROLE_NOUNS or w in ("prime_minister", "chief", "ceo", "spokesperson"):
            head = w
        elif w.endswith("year-old"):
            head = "year-old"
    return head


def description_score(desc: Sequence[str], other: str) -> float:
    words = normalise_description(other)
    head, other_head = description_head(desc), description_head(words)
    if not head or head != other_head or is_former(desc) != is_former(words):
        return 0.0  # ("the then prime minister" is not the one who "is now prime minister")
    score = 2.0
    other_mods = {w[:4] for w in words if w != other_head}
    for w in desc:
        if w == head or w in PREPOSITIONS:
            continue
        if w[:4] in other_mods:
            score += 1.0
    return score


def is_former(words: Sequence[str]) -> bool:
    """Whether a description names a past holder of the role: "former", "ex-", "then"."""
    return any(w in ("former", "ex", "then") or w.startswith(("ex-", "then-")) for w in words)


class Cast:
    """The people of one article, and the memory of who each sentence read so far was about."""

    def __init__(self, known: Sequence[KnownPerson]):
        self.known = list(known)
        # KnownPerson rows may number thousands: index them once
        self.known_by_name: dict[str, KnownPerson] = {}
        self.known_by_surname: dict[str, list[KnownPerson]] = {}
        for kp in self.known:
            words = kp.name.lower().split()
            if not words:
                continue
            self.known_by_name.setdefault(kp.name.lower(), kp)
            for alias in kp.aliases:
                self.known_by_name.setdefault(alias.lower(), kp)
            self.known_by_surname.setdefault(words[-1], []).append(kp)
        self._known_descriptions: list[tuple[KnownPerson, str, tuple[str, ...]]] | None = None
        self._near_cache: dict[tuple[str, int], list[str]] = {}
        self.people: list[CastMember] = []
        self.by_surname: dict[str, list[CastMember]] = {}
        self.non_people: set[str] = set()  # words seen as parts of organisations or places
        self.mid_sentence: set[str] = set()  # capitalised words seen past a sentence's start
        self.history: list[CastMember | None] = []  # subject of each sentence read so far
        self.others: list[list[Mention]] = []  # the other people each sentence names
        self.spoke: list[bool] = []  # whether each sentence's subject was quoted in it
        self.quoted: dict[int, int] = {}  # id(person) -> quotes given to them so far
        self.mention_count: dict[int, int] = {}  # id(person) -> sentences naming them
        self.unproven_people: dict[str, CastMember] = {}  # by name, see `unproven`
        self.mentioned: dict[int, int] = {}  # id(person) -> last sentence index mentioning them
        # the same people, least recently mentioned first (re-inserted on each mention)
        self.by_recency: dict[int, CastMember] = {}
        self.sentence_no = 0
        self.position = (0, 0)  # (paragraph, sentence start) being read
        # (paragraph, sentence number, person, mention, verb) of the last "X said ..." sentence
        self.last_reporter: tuple[int, int, CastMember, str, str] | None = None

    # ---------------------------------------------------------------- registry

    def lookup(self, words: list[str]) -> CastMember | None:
        words = [bare_word(w) for w in words]
        last = words[-1].lower()
        candidates = self.by_surname.get(last, [])
        if not candidates and len(last) >= 6 and len(self.by_surname) < 200:
            # a misspelt surname ("Medevedev"); remembered per cast of people
            key = (last, len(self.by_surname))
            near = self._near_cache.get(key)
            if near is None:
                near = self._near_cache[key] = [
                    k for k in self.by_surname if _edit_distance_le1(k, last)
                ]
            candidates = [p for k in near for p in self.by_surname[k]]
        if len(words) > 1:
            first = words[0].lower()
            for person in candidates:
                person_words = [w.lower() for w in person.words]
                if first in person_words or len(person.words) == 1:
                    return person
            return None
        if candidates:
            return max(candidates, key=lambda p: self.mentioned.get(id(p), -1))
        if len(words) == 1 and len(self.people) < 500:
            # a first name, or a surname written first ("Lin" for Lin Wei)
            for person in self.people:
                if len(person.words) > 1 and last in (w.lower() for w in person.words[:-1]):
                    return person
        return None

    def register(self, words: list[str], role: str = "") -> CastMember:
        words = [bare_word(w) for w in words]
        person = self.lookup(words)
        if person is None and len(words) > 1:
            # someone named by one name before the full one ("..., says Najib", then "Prime
            # Minister Najib Razak"): a given name used alone, or a surname written first
            person = next(
                (p for p in self.by_surname.get(words[0].lower(), []) if len(p.words) == 1), None
            )
        if person is None:
            person = CastMember(words, first_at=self.position)
            self.people.append(person)
            self.by_surname.setdefault(person.surname, []).append(person)
        elif len(words) > len(person.words):
            if len(person.words) == 1:
                person.aliases[person.name] = None
            person.words = words
            self.by_surname.setdefault(person.surname, [])
            if person not in self.by_surname[person.surname]:
                self.by_surname[person.surname].append(person)
        elif words != person.words:
            person.aliases[" ".join(words)] = None
        person.first_at = min(person.first_at, self.position)
        if role:
            self.add_role(person, role)
        return person

    def add_role(self, person: CastMember, role: str) -> None:
        role = role.strip(" ,")
        low = role.lower()
        for article in ("a ", "an "):
            if low.startswith(article):
                role = role[len(article) :]
        words = role.split()
        if len(words) > 14 or any(w in ("is", "was", "are", "were", "has") for w in words):
            return  # a clause, not a title
        while words and bare_word(words[-1]).lower().rstrip(".") in HONORIFICS:
            # an honorific before the name tells the sex, and is no role: "Spokesperson Dr"
            word = bare_word(words.pop()).rstrip(".")
            honorific = HONORIFICS[word.lower()]
            if word.lower() in NAME_STYLES and word[:1].isupper():
                person.style = word
            if honorific and person.gender is None:
                person.gender = honorific
        role = " ".join(words)
        if not role:
            return
        if role not in person.roles:
            person.roles.append(role)
        if not person.role:
            person.role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", role)

    def match_known(self, person: CastMember) -> KnownPerson | None:
        kp = self.known_by_name.get(person.name.lower())
        if kp is not None:
            return kp
        for kp in self.known_by_surname.get(person.surname, []):
            if len(person.words) == 1 or person.words[0].lower() == kp.name.lower().split()[0]:
                return kp
        return None

    def known_descriptions(self) -> list[tuple[KnownPerson, str, tuple[str, ...]]]:
        """(person, alias, normalised alias) for every KnownPerson alias and role."""
        if self._known_descriptions is None:
            self._known_descriptions = [
                (kp, alias, normalise_description(alias))
                for kp in self.known
                for alias in (*kp.aliases, kp.role)
                if alias
            ]
        return self._known_descriptions

    def person_from_known(self, kp: KnownPerson) -> CastMember:
        for person in self.people:
            if person.known is kp:
                return person
        person = self.register(kp.name.split())
        person.known = kp
        return person

    # ---------------------------------------------------------------- memory

    def describe(self, person: CastMember, text: str, confidence: float) -> None:
        """Remember that a description stood for a person: as an alias when its role matched,
        as a guess otherwise."""
        if text == person.name or text in person.aliases:
            return
        if confidence >= 0.75:
            person.aliases[text] = None
        else:
            person.guessed[text] = None

    def mention(self, person: CastMember) -> None:
        self.mentioned[id(person)] = self.sentence_no
        self.mention_count[id(person)] = self.mention_count.get(id(person), 0) + 1
        self.by_recency.pop(id(person), None)
        self.by_recency[id(person)] = person

    def note_reporter(self, p: int, person: CastMember, mention: str, verb: str) -> None:
        """Remember an "X said ..." sentence of paragraph p: a quote right after it may be X's."""
        self.last_reporter = (p, self.sentence_no, person, mention, verb)

    def end_sentence(
        self, subject: CastMember | None, others: list[Mention], spoke: bool = False
    ) -> None:
        """Remember who the sentence just read was about, and whom else it named."""
        self.history.append(subject)
        self.others.append(others)
        self.spoke.append(spoke)
        self.sentence_no += 1

    def unproven(self, words: list[str]) -> CastMember:
        """A name standing as a sentence's subject with no evidence that it is a person: kept
        aside, a candidate for a later "he" or "she" only."""
        words = [bare_word(w) for w in words]
        key = " ".join(words)
        person = self.unproven_people.get(key)
        if person is None:
            person = self.unproven_people[key] = CastMember(
                words, first_at=self.position, unproven=True, opens_only=self.opens_only(words)
            )
        return person

    def opens_only(self, words: list[str]) -> bool:
        """Whether a name is one word the article capitalises only where it opens a sentence
        (any word is capitalised there): weak evidence of a name."""
        return len(words) == 1 and bare_word(words[0]).lower() not in self.mid_sentence

    def prove(self, person: CastMember) -> CastMember:
        """A name a pronoun turned out to stand for is a person of the cast from now on."""
        if not person.unproven:
            return person
        real = self.register(person.words)
        self.unproven_people.pop(person.name, None)
        if real.gender is None:
            real.gender = person.gender
        return real

    # ---------------------------------------------------------------- pronouns and descriptions

    def recent_subjects(self, limit: int = 8) -> list[CastMember]:
        out: list[CastMember] = []
        for person in reversed(self.history[-limit * 3 :]):
            if person is not None and not person.unproven and person not in out:
                out.append(person)
                if len(out) >= limit:
                    break
        return out
