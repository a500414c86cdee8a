"""Attribution: choosing who said a quote.

Looks after the closing mark ('"...," X said', 'said X, a ...', 'X told Y', '..., adding that',
'according to X', a credit line '"..." — X, 34, a nurse') and before the opening one ('X said:
"..."', 'X of Brazil warned: "..."', a verb governing a partial quote: 'X said he sees a "new
beginning"'; 'X told AFP the ministers had agreed "to ..."' is X's), then resolves the noun
phrase found to a person of the cast, an organisation, an unnamed speaker or nobody known.
"""

import re
from dataclasses import dataclass

from articles.lexicon import HONORIFICS

from .candidates import description_choice, pronoun_choice
from .cast import Cast, CastMember, Mention
from .evidence import appositive_after
from .marks import Span
from .names import bare_word, role_before
from .noun_phrases import NounPhrase, mention_role
from .phrases import PhraseReader
from .quote import Quote
from .sentences import Tok
from .text import ArticleText
from .words import (
    CLAUSE_WORDS,
    COMMITMENT_VERBS,
    DIALOG_QUESTIONS,
    DIALOG_REPLIES,
    DOCUMENT_NOUNS,
    EXPRESSED_OBJECTS,
    FUNCTION_WORDS,
    INVERTIBLE,
    NEEDS_PARTICLE,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_VERBS,
)

WINDOW = 60  # tokens examined on either side of a quote: bounds the work on huge paragraphs


# The forms of "be" that make a passive: 'was described as', 'has been called'.
_BE_FORMS = frozenset(("is", "was", "are", "were", "be", "been", "being"))


@dataclass
class Attribution:
    """The speaker an attribution names, and its reporting verb as written."""

    np: NounPhrase | None
    verb: str
    adjacent: bool  # directly attached to the quote: '," he said' or 'said: "'
    factor: float = 1.0  # how sure the attribution itself is
    para: int = -1  # the paragraph it stands in


@dataclass
class Found:
    """A quote found, with its speaker; attributed when an attribution in its sentence names
    them (not carried on from an earlier one)."""

    span: Span
    quote: Quote
    person: CastMember | None
    attributed: bool


def verb_at(toks: list[Tok], v: int, hi: int) -> int:
    """Index after the reporting verb phrase starting at toks[v], or -1 if none is there."""
    w = toks[v][0]
    if w not in REPORTING_VERBS and w not in PARTICIPLES:
        return -1
    if w in ("alleged", "reported") and v + 1 < hi:
        nxt = toks[v + 1][0]
        if nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS and nxt not in PRONOUNS:
            return -1  # an adjective: "the alleged plots", "reported sightings"
    if w in NEEDS_PARTICLE:
        particles = NEEDS_PARTICLE[w]
        if w == "expressed":
            k = v + 1
            if k < hi and toks[k][0] in ("the", "its", "his", "her", "their", "our"):
                k += 1
            if k < hi and toks[k][0] in EXPRESSED_OBJECTS:
                return k + 1
            if k == hi or (k < hi and toks[k][0] == '"'):
                return k  # 'the Vatican expressed its "incredulity"'
            return -1
        if v + 1 < hi and toks[v + 1][0] in particles:
            return v + 2
        return -1
    if w == "called" and v + 1 < hi and toks[v + 1][0] in ("on", "for"):
        return v + 2
    return v + 1


def asker(verb: str, previous: Found | None) -> CastMember | None:
    """Whom a pronoun cannot stand for: with a verb of reply, the asker of the question just
    quoted; with a verb of asking, the one who just replied."""
    if (
        verb in DIALOG_REPLIES
        and previous is not None
        and previous.quote.text.rstrip().endswith("?")
    ):
        return previous.person  # the answer comes from someone else than the question
    if (
        verb in DIALOG_QUESTIONS
        and previous is not None
        and not previous.quote.text.rstrip().endswith("?")
        and previous.quote.verb.split(" ", 1)[0].lower() in DIALOG_REPLIES
    ):
        return previous.person  # the next question comes from the one who was answered
    return None


# A pronoun's choice this sure (margin over the runner-up of 1 point) tells its person's sex.
SURE_ENOUGH_FOR_SEX = 0.75


class Attributor:
    """Finds the attribution of quotes in the article's sentences and resolves their speakers."""

    def __init__(self, text: ArticleText, phrases: PhraseReader, cast: Cast):
        self.text = text
        self.phrases = phrases
        self.cast = cast
        self._after_cache: dict[tuple[int, int], tuple[Attribution | None, int]] = {}
        # people a pronoun was given to on a close call, since the reader last cleared it
        self.unsure_pronouns: set[int] = set()

    def resolve(
        self,
        np: NounPhrase,
        verb: str = "",
        previous: Found | None = None,
        p: int = -1,
        opened: tuple[int, int] | None = None,
        named_inside: list[CastMember] | None = None,
    ) -> tuple[CastMember | None, str, float]:
        """(person, speaker_kind, confidence factor) for a noun phrase naming a speaker, which
        stands in paragraph p; `previous` is the quote found just before, whose asker a
        replying pronoun cannot be; `opened` the (paragraph, offset) where the quote opened;
        `named_inside` the people its words name, whom a pronoun does not stand for."""
        titles = np.text.split()
        if np.kind in ("name", "desc") and all(
            bare_word(w).lower().rstrip(".") in HONORIFICS for w in titles
        ):
            # a title whose name was cut off ("... said Mr"): like a pronoun of its sex
            gender = HONORIFICS[bare_word(titles[-1]).lower().rstrip(".")]
            here, exclude = self.pronoun_context(np, p, opened)
            choice = pronoun_choice(self.cast, gender, here, exclude)
            if choice.person is None or choice.person.unproven:
                return None, "unknown", 0.4
            return choice.person, "person", choice.confidence * 0.8
        if np.kind == "name":
            person = self.cast.register(np.words, np.role)
            return person, "person", 0.95
        if np.kind == "pronoun":
            word = np.text.lower()
            if word in ("they", "it"):
                return None, "organisation" if word == "it" else "unnamed", 0.6
            if word in ("i", "we"):
                return None, "unknown", 0.4
            here, exclude = self.pronoun_context(np, p, opened)
            asked = asker(verb, previous)
            if asked is not None:
                exclude.append(asked)
            exclude += named_inside or []  # whom the quoted words name is not who spoke them
            choice = pronoun_choice(self.cast, PRONOUNS[word], here, exclude)
            if choice.person is None:
                return None, "unknown", 0.4
            person = self.cast.prove(choice.person)
            if choice.confidence < SURE_ENOUGH_FOR_SEX:
                # (a close call, "X met Y. '...,' he said", teaches nobody's sex: a wrong
                # guess would bar the right person from every later "she")
                self.unsure_pronouns.add(id(person))
            elif person.gender is None:
                person.gender = PRONOUNS[word]
            return person, "person", choice.confidence
        if np.kind == "desc":
            choice = description_choice(self.cast, np.text)
            person, factor = choice.person, choice.confidence
            if person is None:
                return None, "unnamed", 0.7
            self.cast.describe(person, np.text, factor)
            return person, "person", factor
        if np.kind == "org":
            return None, "organisation", 0.85
        return None, "unnamed", 0.85

    def pronoun_context(
        self, np: NounPhrase, p: int, opened: tuple[int, int] | None
    ) -> tuple[list[Mention], list[CastMember]]:
        """The people named before a pronoun in its sentence (and before the quote in the
        sentence the quote opened in, when that is an earlier one), and the people the
        attribution names after the pronoun ('he told Kim', 'he says of Gove's claim'), whom
        it cannot stand for."""
        if p < 0:
            return [], []
        here: list[Mention] = []
        s0, s1 = self.text.sentence_at(p, np.start)
        if opened is not None and self.text.sentence_at(*opened) != (s0, s1):
            q, at = opened
            q0, q1 = self.text.sentence_at(q, at)
            qtoks = self.text.toks(q, q0, q1)
            here += self.phrases.mentions(q, qtoks, 0, self.text.tok_index(q, at))
        toks = self.text.toks(p, s0, s1)
        k = self.text.tok_index(p, np.start)
        here += self.phrases.mentions(p, toks, 0, k)
        end = k + 1
        while end < len(toks) and end - k < 14 and toks[end][0] not in ('"', ".", ";"):
            end += 1
        exclude = [
            person
            for g in self.text.sentence_groups_in(p, toks, k + 1, end)
            if (person := self.cast.lookup(g.words)) is not None
        ]
        return here, exclude

    def verb_text(self, p: int, toks: list[Tok], v: int, end: int) -> str:
        if toks[v][0] == "saying" and v > 0 and toks[v - 1][0] == "as":
            return "quoted as saying"
        text = self.text.text_of(p, toks, v, end)
        return text[:1].lower() + text[1:]  # "According to" opening a sentence

    def after_attribution(self, p: int, close_at: int) -> tuple[Attribution | None, int]:
        """Attribution after a closing mark; also returns where the region stopped."""
        cached = self._after_cache.get((p, close_at))
        if cached is not None:
            return cached
        result = self._after_attribution(p, close_at)
        if result[0] is not None:
            result[0].para = p
        self._after_cache[(p, close_at)] = result
        return result

    def _after_attribution(self, p: int, close_at: int) -> tuple[Attribution | None, int]:
        s0, s1 = self.text.sentence_at(p, close_at)
        toks = self.text.toks(p, s0, s1)
        k = self.text.tok_index(p, close_at, after=True)
        hi = k
        while hi < len(toks) and toks[hi][0] != '"' and hi - k < WINDOW:
            hi += 1
        stop = toks[hi][1] if hi < len(toks) else s1
        i = k
        while i < hi and toks[i][0] in (",", "—", "–", "-"):
            i += 1
        if i >= hi:
            return None, stop
        w = toks[i][0]
        if w in ("was", "were", "is", "are") and i + 1 < hi:
            # '"Nice to meet you," were Kim's first words'
            j = i + 1
            while j < hi and j - i <= 6 and toks[j][0] not in (",", ".", ";", '"'):
                j += 1
            np = self.phrases.classify(p, toks, i + 1, j)
            if np is not None and np.kind == "name" and toks[j - 1][0] in DOCUMENT_NOUNS:
                return Attribution(np, "", True), stop
        if w in INVERTIBLE:
            end = verb_at(toks, i, hi)
            if end > 0:
                np = self.phrases.np_forward(p, toks, end, hi)
                if np is not None and np.kind in ("desc", "unnamed"):
                    np = self.appositive_name(p, toks, np, hi) or np
                if np is not None:
                    if np.kind == "name" and end < hi:
                        self.learn_appositive(p, toks, np, hi)
                    return Attribution(np, self.verb_text(p, toks, i, end), True), stop
        if w.lower() == "according" and i + 1 < hi and toks[i + 1][0] == "to":
            np = self.phrases.np_forward(p, toks, i + 2, hi)
            if np is not None:
                return Attribution(np, "according to", True), stop
        for v in range(i, hi):
            end = verb_at(toks, v, hi)
            if end < 0 or toks[v][0] in PARTICIPLES:
                continue
            np = self.phrases.subject_of(p, toks, v, i)
            if np is None:
                continue
            adjacent = np.start <= toks[i][1]  # nothing between the quote and "X said"
            return Attribution(np, self.verb_text(p, toks, v, end), adjacent), stop
        if any(t[0] in ("—", "–") for t in toks[k:i]):
            # a credit line: '"..." — Carla Mendes, 34, a nurse' (vox pops, captions)
            np = self.phrases.np_forward(p, toks, i, hi)
            if np is not None and np.kind == "name" and np.bare:
                return Attribution(np, "", True, factor=0.9), stop
        for v in range(i, hi - 1):
            if toks[v][0] == "according" and toks[v + 1][0] == "to":
                np = self.phrases.np_forward(p, toks, v + 2, hi)
                if np is not None:
                    return Attribution(np, "according to", False), stop
        return None, stop

    def appositive_name(
        self, p: int, toks: list[Tok], np: NounPhrase, hi: int
    ) -> NounPhrase | None:
        """The name after a description: "one farmer, Ana Lima, 52"."""
        k = self.text.tok_index(p, np.end)
        if k < hi and toks[k][0] == ",":
            j = k + 1
            while j < hi and j - k < 8 and toks[j][0] not in (",", ".", ";", ":"):
                j += 1
            name = self.phrases.classify(p, toks, k + 1, j)
            if name is not None and name.kind == "name" and name.bare:
                return name
        return None

    def learn_appositive(self, p: int, toks: list[Tok], np: NounPhrase, hi: int) -> None:
        k = self.text.tok_index(p, np.end) - 1
        if 0 <= k + 1 < hi and toks[k + 1][0] == ",":
            appositive = appositive_after(self.text, p, toks, k + 1, require_role=False)
            if appositive:
                person = self.cast.register(np.words)
                self.cast.add_role(person, appositive)
                person.aliases[re.sub(r"^(?:an?)\s+", "", appositive)] = None

    def before_attribution(self, p: int, open_at: int, lo_pos: int) -> Attribution | None:
        found = self._before_attribution(p, open_at, lo_pos)
        if found is not None:
            found.para = p
        return found

    def _before_attribution(self, p: int, open_at: int, lo_pos: int) -> Attribution | None:
        s0, s1 = self.text.sentence_at(p, open_at)
        toks = self.text.toks(p, s0, s1)
        hi = self.text.tok_index(p, open_at)
        lo = max(0, hi - WINDOW)
        while lo < hi and toks[lo][1] < lo_pos:
            lo += 1
        if lo >= hi:
            return None
        last = toks[hi - 1][0]
        # "According to Feld, the company's "premium valuation" ..."
        for v in range(lo, hi - 1):
            if toks[v][0].lower() == "according" and toks[v + 1][0] == "to":
                np = self.phrases.np_forward(p, toks, v + 2, hi)
                if np is not None:
                    return Attribution(np, self.verb_text(p, toks, v, v + 2), v + 2 >= hi - 4)
        parenthetical = None
        for v in range(hi - 1, lo - 1, -1):
            end = verb_at(toks, v, hi)
            if end < 0:
                continue
            between = [t[0] for t in toks[end:hi]]
            np = None
            if toks[v][0] in INVERTIBLE and between and between[-1] in (":", ","):
                inverted = self.phrases.np_forward(p, toks, end, hi - 1)
                if (
                    inverted is not None
                    and inverted.kind != "pronoun"
                    and end < hi - 1
                    and toks[end][0].lower() not in PREPOSITIONS  # "said in a statement:"
                    and toks[end][0].lower() not in CLAUSE_WORDS  # "said that although ...,"
                ):
                    np = inverted  # 'said Smith: "..."'
            if np is None:
                np = self.phrases.subject_of(p, toks, v, lo)
            if (
                np is None
                and toks[v][0] in PARTICIPLES
                and (between[:1] == ["that"] or (v > lo and toks[v - 1][0] in PREPOSITIONS))
            ):
                # "He began by saying that ... "...", "..., instead saying that X "..."": the
                # participle's subject is the clause's, not the reported clause's own subject
                np = self.nearest_subject(p, toks, lo, v)
            if np is None:
                continue
            if end < hi - 1 and toks[end][0] == "," and self.follows_comma(p, toks, np, lo):
                # "Her favourite review, she says, came from ...: "..."": a parenthetical,
                # the whole sentence's source only if nothing nearer gives the quote one
                if parenthetical is None:
                    parenthetical = Attribution(np, self.verb_text(p, toks, v, end), False, 0.9)
                continue
            if toks[v][0] in COMMITMENT_VERBS:
                # 'X said Y had promised "..."': X's report of the promise, X's words
                outer = self.outer_reporter(p, toks, v, lo, np)
                if outer is not None:
                    return outer
            adjacent = not between or between[-1] in (":", ",") or between == ["that"]
            adjacent = adjacent and len(between) <= 8
            return Attribution(np, self.verb_text(p, toks, v, end), adjacent)
        if last == ":":
            np = self.phrases.sentence_subject(p, toks, lo, hi)
            if np is not None and not (
                np.kind == "name" and len(np.words) == 1 and self.cast.lookup(np.words) is None
            ):  # (a lone capitalised word nothing shows to be a person: "Locals took to ...:")
                return Attribution(np, "", True, factor=0.75)
            return None
        return parenthetical

    def clause_subject(self, p: int, open_at: int, lo_pos: int) -> NounPhrase | None:
        """The subject of the clause a quote stands in: the nearest name or pronoun before it
        that is a verb's subject ('in which Lincoln spoke of healing wounds "with malice
        toward none"'), or else the sentence's subject."""
        s0, s1 = self.text.sentence_at(p, open_at)
        toks = self.text.toks(p, s0, s1)
        hi = self.text.tok_index(p, open_at)
        lo = 0
        while lo < hi and toks[lo][1] < lo_pos:
            lo += 1
        nearest = self.nearest_subject(p, toks, 0, hi)
        if nearest is not None:
            return nearest
        np = self.phrases.sentence_subject(p, toks, lo, hi)
        if np is None and lo > 0:
            np = self.phrases.sentence_subject(p, toks, 0, hi)
        return np

    def clause_speaker(self, p: int, open_at: int, lo_pos: int) -> NounPhrase | None:
        """Who says words in marks that no verb of saying stands beside: a passive verb's
        "by" agent, or else the subject of the clause they stand in, unless that is only a
        capitalised first word nothing shows to be a name ("Advisory services bank X calls
        this "..."")."""
        np = self.passive_agent(p, open_at)
        if np is None:
            np = self.clause_subject(p, open_at, lo_pos)
        if (
            np is not None
            and np.kind == "name"
            and self.cast.lookup(np.words) is None
            and self.cast.opens_only(np.words)
        ):
            return None
        return np

    def passive_agent(self, p: int, open_at: int) -> NounPhrase | None:
        """Who a passive verb of saying names with "by", in the sentence of a quote: 'has
        been described as a "..." by festival director Ana Lima', 'was described by the
        authorities as a "..."'."""
        s0, s1 = self.text.sentence_at(p, open_at)
        toks = self.text.toks(p, s0, s1)
        for v in range(1, len(toks) - 2):
            w = toks[v][0]
            if not (w.endswith("ed") and w in REPORTING_VERBS):
                continue
            if not any(t[0] in _BE_FORMS for t in toks[max(0, v - 3) : v]):
                continue
            for b in range(v + 1, min(len(toks) - 1, v + 16)):
                if toks[b][0] in (".", ";") or (toks[b][0] == "," and toks[b - 1][0] != '"'):
                    break
                if toks[b][0] == "by":
                    end = b + 1
                    while end < len(toks) and toks[end][0] not in ("as", '"'):
                        end += 1  # "by the authorities as a "..."": the agent ends at "as"
                    return self.phrases.np_forward(p, toks, b + 1, end)
        return None

    def nearest_subject(self, p: int, toks: list[Tok], lo: int, hi: int) -> NounPhrase | None:
        """The last name or personal pronoun in toks[lo:hi] standing before its verb."""
        groups = self.text.sentence_groups_in(p, toks, lo, hi)
        for k in range(hi - 1, lo - 1, -1):
            w = toks[k][0]
            if w.lower() in ("he", "she") and k + 1 < hi:
                nxt = toks[k + 1][0]
                if nxt.isalpha() and nxt.islower() and nxt not in PREPOSITIONS:
                    return self.phrases.classify(p, toks, k, k + 1)
            group = next((g for g in groups if g.j - 1 == k), None)
            if group is None or mention_role(toks, group) != "subject":
                continue
            if group.is_org or group.is_place:
                # "North Korea will "reexamine ..."": a country or a body speaks
                return NounPhrase("org", self.text.text_of(p, toks, group.i, group.j))
            if self.cast.lookup(group.words) is not None:
                np = self.phrases.classify(p, toks, role_before(toks, group.i, lo), group.j)
                if np is not None and np.kind == "name":
                    return np
        return None

    def outer_reporter(
        self, p: int, toks: list[Tok], v: int, lo: int, inner: NounPhrase
    ) -> Attribution | None:
        """The person reporting the clause of toks[v]: in 'Quispe told Reuters the envoys had
        agreed "to ..."' the words are Quispe's, not the envoys'."""
        inner_at = self.text.tok_index(p, inner.start)
        for w in range(v - 1, lo - 1, -1):
            if toks[w][0] in (";", ":", '"', "(", ")"):
                return None
            end = verb_at(toks, w, inner_at + 1)
            if end < 0 or end > inner_at or toks[w][0] in PARTICIPLES:
                continue
            np = self.phrases.subject_of(p, toks, w, lo)
            if np is None or np.kind not in ("name", "pronoun"):
                return None
            return Attribution(np, self.verb_text(p, toks, w, end), False, factor=0.85)
        return None

    def follows_comma(self, p: int, toks: list[Tok], np: NounPhrase, lo: int) -> bool:
        k = self.text.tok_index(p, np.start)
        return k > lo and toks[k - 1][0] == ","
