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

from .cast import Cast, CastMember, Mention

# How much each grammatical role counts, in the sentence being read and in an earlier one.
ROLE_HERE = {"speaker": 5.2, "subject": 5.0, "mention": 3.9, "object": 3.6, "possessive": 2.6}
ROLE_BEFORE = {"mention": 3.75, "object": 3.7, "possessive": 3.2}
SUBJECT_BEFORE = 4.0
PER_SENTENCE = 0.5  # lost for each sentence further back
LOOK_BACK = 12  # sentences
UNPROVEN = 1.5  # a name never shown to be a person loses this much


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
            score -= UNPROVEN
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
        if subject is not None:
            offer(subject, SUBJECT_BEFORE + 0.1 * cast.spoke[k] - back)
        if not objects_done and (subject is not None or cast.others[k]):
            # right after the latest subject come the others that sentence names ('Under
            # questioning from counsel Ivo Marek, she conceded ... "...?" he asked' is Marek)
            objects_done = True
            for mention in cast.others[k]:
                offer(mention.person, ROLE_BEFORE.get(mention.role, 3.75) - back)
    return _choose(scores)


def _choose(scores: dict[int, tuple[float, CastMember]]) -> Choice:
    if not scores:
        return Choice(None, 0.0)
    ranked = sorted(scores.values(), key=lambda item: -item[0])
    best_score, best = ranked[0]
    margin = best_score - ranked[1][0] if len(ranked) > 1 else 2.0
    return Choice(best, round(0.55 + 0.3 * min(1.0, margin / 1.5), 2))
