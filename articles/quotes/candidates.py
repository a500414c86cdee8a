"""Choosing whom a pronoun stands for: every person who may be meant is a candidate, scored, and
the best one is taken, with the margin over the runner-up as the confidence.

The candidates are the people named earlier in the sentence being read, the subjects of recent
sentences, and the others the latest of those sentences names. Each is scored on:
- grammatical role: the subject of a verb (or the speaker of a quote) over a person merely
  named, an object ("told Kim", "met Moon") or a possessor ("Saman's honour") least;
- distance: the sentence being read first, then one sentence back after another;
- salience: a little for each quote the person was given so far;
- agreement: a person of the other sex is no candidate, one known to agree gains a little;
- exclusion: the asker, when the pronoun answers a question, and the people the attribution
  itself names after its verb ('he told Kim', 'he says of Gove's claim') are no candidates.
A name never shown to be a person ("Macron cancelled the speech", when nothing else says so)
is a weak candidate, taken only when no one else fits.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from articles.lexicon import OFFICIAL_ROLES, OTHER_VOICES, SOLE_OFFICES

from .cast import (
    Cast,
    CastMember,
    Mention,
    description_head,
    description_score,
    is_former,
    normalise_description,
)
from .names import is_possessive
from .words import NOUN_GENDER

# How much each grammatical role counts, in the sentence being read and in an earlier one.
# Round steps, not fitted values: a leave-one-change-out check by outlet halves of the real
# pages (bench/quote_rules_cv.py) found the fitted decimals changed no speaker.
ROLE_HERE = {"speaker": 5.5, "subject": 5.0, "mention": 4.0, "object": 3.5, "possessive": 3.0}
ROLE_BEFORE = {"speaker": 3.75, "subject": 3.75, "mention": 3.5, "object": 3.5, "possessive": 3.0}
SUBJECT_BEFORE = 4.0
PER_SENTENCE = 0.5  # lost for each sentence further back
LOOK_BACK = 12  # sentences
UNPROVEN = 1.5  # a name never shown to be a person loses this much
OPENS_ONLY = 2.0  # and this much more when it was only ever a sentence's first word


@dataclass
class Choice:
    person: CastMember | None
    confidence: float  # how sure the choice is, from the margin over the runner-up


def pronoun_choice(
    cast: Cast,
    gender: str | None,
    here: Iterable[Mention] = (),
    exclude: Iterable[CastMember] = (),
) -> Choice:
    """Whom a "he" or "she" (gender "m" or "f"; None for either) stands for. `here` are the
    people named before it in its own sentence, in order; `exclude` who it cannot be."""
    scores: dict[int, tuple[float, CastMember]] = {}
    excluded = {id(p) for p in exclude}

    def offer(person: CastMember, score: float) -> None:
        if id(person) in excluded:
            return
        if gender is not None and person.gender not in (None, gender):
            return
        if gender is not None and person.gender == gender:
            score += 0.2
        score += 0.05 * min(cast.quoted.get(id(person), 0), 6)
        if person.unproven:
            score -= UNPROVEN + OPENS_ONLY * person.opens_only
        known = scores.get(id(person))
        if known is None or known[0] < score:
            scores[id(person)] = (score, person)

    for order, mention in enumerate(here):
        offer(mention.person, ROLE_HERE[mention.role] + 0.01 * order)  # the nearer the better
    objects_done = False
    last = len(cast.history) - 1
    for k in range(last, max(-1, last - LOOK_BACK), -1):
        back = (last - k) * PER_SENTENCE
        subject = cast.history[k]
        if subject is not None and subject.unproven and subject.opens_only:
            subject = None  # a word only ever seen opening a sentence ("Private analysts say")
        if subject is not None:
            offer(subject, SUBJECT_BEFORE + 0.1 * cast.spoke[k] - back)
        if not objects_done and (subject is not None or cast.others[k]):
            # right after the latest subject come the others that sentence names ('Under
            # questioning from counsel Ivo Marek, she conceded ... "...?" he asked' is Marek)
            objects_done = True
            for mention in cast.others[k]:
                offer(mention.person, ROLE_BEFORE[mention.role] - back)
    return _choose(scores)


def _choose(scores: dict[int, tuple[float, CastMember]]) -> Choice:
    if not scores:
        return Choice(None, 0.0)
    ranked = sorted(scores.values(), key=lambda item: -item[0])
    best_score, best = ranked[0]
    margin = best_score - ranked[1][0] if len(ranked) > 1 else 2.0
    return Choice(best, round(0.55 + 0.3 * min(1.0, margin / 1.5), 2))


def description_choice(cast: Cast, text: str) -> Choice:
    """Whom a description ("the Danish NATO chief", "the former prime minister", "the Iranian
    official") stands for. Candidates: people known from other articles by an alias or a
    role; people of this article holding the role (by its head word and its modifiers, "the
    official" any office), the more recently named the better; and, for a description that
    names one person (with a modifier, or a sole office such as "the prime minister"), the
    subjects of the last sentences. "former" and "then" are never the current holder, and the
    reverse. A relation of someone ("his wife", "Merz's spokesman") is only ever a holder of
    that role, never the person it is a relation of."""
    desc = normalise_description(text)
    former = is_former(desc)
    head = description_head(desc)
    words = text.split()
    opener = words[0].lower() if words else ""
    possessor = None
    if words and is_possessive(words[0]) and len(words) > 1:
        possessor = cast.lookup([words[0]])
    relational = opener in ("his", "her", "their") or possessor is not None
    # people named before this point in the article, most recent first (a bounded number:
    # a description points to someone in the recent story, and huge casts stay fast)
    seen = list(islice(reversed(cast.by_recency.values()), 40))

    def held_only_before(person: CastMember) -> bool:
        """Known for this role only as a former holder ("Rasmussen, then prime minister")."""
        held = [
            is_former(normalise_description(role))
            for role in person.roles
            if description_head(normalise_description(role)) == head
        ]
        return bool(held) and all(held)

    def holds_now(person: CastMember) -> bool:
        for role in person.roles:
            role_words = normalise_description(role)
            if description_head(role_words) == head and not is_former(role_words):
                return True
        return False

    best, best_score = None, 0.0
    present = {id(p.known) for p in seen if p.known is not None}
    for kp, alias, normalised in cast.known_descriptions():
        exact = normalised == desc
        # people from other articles count when named here, or on an exact, specific alias
        if not (id(kp) in present or (exact and len(desc) >= 2)):
            continue
        # "the former prime minister" is not whoever is "Prime Minister" now, and
        # the reverse: a former holder is not "the prime minister".
        if former != is_former(normalised):
            continue
        score = 3.0 + len(desc) if exact else description_score(desc, alias)
        if score > best_score:
            best, best_score = kp, score
    if best is not None:
        person = cast.person_from_known(best)
        if not (former and holds_now(person)) and person is not possessor:
            return Choice(person, 0.85)

    scores: dict[int, tuple[float, CastMember]] = {}
    for rank, person in enumerate(seen):
        if person is possessor or (former and holds_now(person)):
            continue
        score = max((description_score(desc, d) for d in person.descriptions()), default=0)
        if score < 2 and head == "official":
            score = max((_official_score(desc, d) for d in person.descriptions()), default=0)
        if score >= 2:
            scores[id(person)] = (score + 0.5 * (1 - rank / 40), person)
    if scores:
        choice = _choose(scores)
        return Choice(choice.person, round(choice.confidence - 0.05, 2))
    if relational:
        return Choice(None, 0.7)
    specific = former or head == "year-old" or any(w != head for w in desc)
    sole = head in SOLE_OFFICES and opener == "the"
    if (specific and head not in OTHER_VOICES) or sole:
        gender = next((NOUN_GENDER[w] for w in reversed(desc) if w in NOUN_GENDER), None)
        recent = cast.recent_subjects(3)
        if gender is not None:
            # "the billionaire businessman": a man known to be one before anyone whose sex
            # is not known, and never a woman
            recent = [p for p in recent if p.gender == gender] + [
                p for p in recent if p.gender is None
            ]
        for person in recent:
            if (former and holds_now(person)) or (not former and held_only_before(person)):
                continue  # "the prime minister" is not the former one, and the reverse
            one_office = (sole and not specific) or (head in _OFFICE_HEADS and not former)
            if one_office and _holds_other_office(person, head):
                continue  # "the mayor of Pittsburgh" is not the president named before
            return Choice(person, 0.6)
    return Choice(None, 0.7)


# Heads of a description that name one office, which someone known by another office does not
# hold: not the loose "leader", "chief", "official" ("the Russian leader" is the president).
_OFFICE_HEADS = OFFICIAL_ROLES - {
    "chief",
    "official",
    "officer",
    "deputy",
    "aide",
    "adviser",
    "advisor",
}


def _official_score(desc: tuple[str, ...], other: str) -> float:
    """How well "the (Iranian) official" fits someone described as `other`."""
    words = normalise_description(other)
    if description_head(words) not in OFFICIAL_ROLES:
        return 0.0
    mods = {w[:4] for w in words}
    return 2.0 + sum(1.0 for w in desc if w != "official" and w[:4] in mods)


def _holds_other_office(person: CastMember, head: str) -> bool:
    """Whether someone is known by another title than `head` ("the president" is not the
    person introduced as the foreign minister)."""
    for role in person.roles:
        role_head = description_head(normalise_description(role))
        if role_head and role_head != head:
            return True
    return False
