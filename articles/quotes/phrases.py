"""Phrase reading: what a noun phrase names (a person's name, a pronoun, a description such as
"the Danish NATO chief", an unnamed person, an organisation or place), and where the subject of a
reporting verb or of a sentence is.

Names keep their particles even opening a mention ("van der Berg said"); "Ruiz and Li" is
nobody in particular; "Helena Marsh KC" is Helena Marsh.
"""

from dataclasses import dataclass, field

from .cast import Cast, Mention
from .names import (
    NameGroup,
    bare_word,
    is_acronym,
    is_name_word,
    is_org_name_word,
    is_possessive,
    is_role_word,
    name_groups,
    role_before,
)
from .sentences import Tok
from .text import ArticleText
from .words import (
    ABBREVIATIONS,
    AUXILIARIES,
    CLAUSE_WORDS,
    COMPASS,
    COORDINATORS,
    DEFINITE,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    HEARSAY,
    INDEFINITE,
    ORG_NOUNS,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE,
    REPORTING_VERBS,
    ROLE_NOUNS,
    STOP_CAPITALS,
    TIME_WORDS,
)


@dataclass
class NounPhrase:
    kind: str  # "name" | "pronoun" | "desc" | "unnamed" | "org"
    text: str  # as written
    words: list[str] = field(default_factory=list)  # name words for "name"
    role: str = ""  # title before the name
    start: int = 0  # char offsets of the whole noun phrase in the paragraph
    end: int = 0
    bare: bool = False  # the phrase is just a name, perhaps with its title


def head_word(words: list[str]) -> str:
    """Head noun of a description: the last word before a preposition."""
    head = ""
    for w in words:
        low = bare_word(w).lower()
        if low in PREPOSITIONS and head:
            break
        prefix, dash, rest = low.partition("-")
        head = rest if dash and prefix in ("ex", "then", "former") else low  # "then-president"
    return head


def _is_plural_head(head: str) -> bool:
    if not head.endswith("s") or head in ROLE_NOUNS or head in ORG_NOUNS:
        return False
    return head[:-1] in ROLE_NOUNS or head[:-1] in ORG_NOUNS or head[:-2] in ROLE_NOUNS


class PhraseReader:
    """Reads the noun phrases of the article's sentences, telling names from the cast's people,
    organisations and places."""

    def __init__(self, text: ArticleText, cast: Cast):
        self.text = text
        self.cast = cast

    def classify(self, p: int, toks: list[Tok], i: int, j: int) -> NounPhrase | None:
        """What the noun phrase toks[i:j] names."""
        while i < j and toks[i][0] in _BULLETS:
            i += 1  # "• The home secretary said"
        if i < j and (toks[i][0] == "@" or (i > 0 and toks[i - 1][0] == "@")):
            # an account known only by its handle: "@SweetsandyInsan tweeted"
            return NounPhrase("unnamed", self.text.text_of(p, toks, i, j), start=toks[i][1],
                              end=toks[j - 1][2])  # fmt: skip
        while i < j and (
            toks[i][0].lower() in COORDINATORS
            or toks[i][0].lower() in ("however", "meanwhile", "also", "later", "now", "still")
        ):
            i += 1
        while j > i and toks[j - 1][0] == ".":
            j -= 1  # "Martin Luther King Jr."
        while j > i and (
            (toks[j - 1][0].lower() in AUXILIARIES and toks[j - 1][0].islower())  # not "May"
            or (toks[j - 1][0].endswith("ly") and toks[j - 1][0].islower())  # not "Kelly"
        ):
            j -= 1
        if i >= j or j - i > 16:
            return None
        words = [t[0] for t in toks[i:j]]
        text = self.text.text_of(p, toks, i, j)
        start, end = toks[i][1], toks[j - 1][2]
        first = words[0].lower()
        if j - i == 1 and first in PRONOUNS:
            return NounPhrase("pronoun", text, start=start, end=end)
        groups = name_groups(toks, i, j)
        if first in ("a", "an", "one", "another", "some", "several") or first.isdigit():
            last = groups[-1] if groups else None
            if (
                first in ("a", "an")
                and last is not None
                and last.j == j
                and not last.possessive
                and not (last.is_org or last.is_place)
                and role_before(toks, last.i, i) < last.i
                and not any(t[0] in PREPOSITIONS for t in toks[i : last.i])
            ):
                # "a grief-stricken Paris Archbishop Michel Aupetit": a title and a name
                role = self.text.text_of(p, toks, role_before(toks, last.i, i), last.i)
                return NounPhrase("name", text, last.words, role, start, end, False)
            return NounPhrase("unnamed", text, start=start, end=end)
        if len(groups) > 1 and "and" in words:
            return NounPhrase("unnamed", text, start=start, end=end)  # "Ruiz and Li said"
        last = groups[-1] if groups else None
        if (
            last is not None
            and last.possessive
            and last.j < j <= last.j + 3
            and all(t[0].islower() for t in toks[last.j : j])
            and words[-1] in DOCUMENT_NOUNS
            and self.is_personal_name(NameGroup(last.i, last.j, last.words, False))
        ):
            # "Prime Minister Rishi Sunak's message said", "Kim's first words": his words
            role_at = role_before(toks, last.i, i)
            role = self.text.text_of(p, toks, role_at, last.i) if role_at < last.i else ""
            words_of = [bare_word(w) for w in last.words]
            return NounPhrase("name", text, words_of, role, start, end, False)
        if last is not None and last.j == j - 1 and self.is_post_nominal(words[-1], last):
            return self.classify(p, toks, i, j - 1)  # "Helena Marsh KC", "Tom Hale MP"
        if (
            "of" in words[2:]
            and first in DEFINITE
            and is_role_word(words[words.index("of", 1) - 1])
            and (last is None or last.i > i + words.index("of", 1))
        ):
            return NounPhrase("desc", text, start=start, end=end)  # "the Head of State"
        if "of" in words[1:] and last is not None:
            k = i + words.index("of", 1)
            before_of = [g for g in groups if g.j == k]
            if before_of and self.is_personal_name(before_of[0]):
                name = self.classify(p, toks, i, k)  # "Ana Lima of Brazil", "X of the union"
                if name is not None and name.kind == "name":
                    return name
        if (
            last is not None
            and last.j == j
            and i < last.i <= i + 3
            and (first in DEFINITE or is_possessive(words[0]))  # not "secretary of state X"
            and toks[last.i - 1][0] in ORG_NOUNS
            and not is_role_word(toks[last.i - 1][0])
        ):
            return NounPhrase("org", text, start=start, end=end)  # "the charity Oxfam"
        if last is not None and last.j == j and not last.possessive:
            role_at = role_before(toks, last.i, i)
            role = self.text.text_of(p, toks, role_at, last.i) if role_at < last.i else ""
            bare = role_at == i  # nothing but a name (and its title) in the phrase
            if self.cast.lookup(last.words) is not None and (first not in DEFINITE or role):
                return NounPhrase("name", text, last.words, role, start, end, bare)
            if (
                last.is_org
                or last.is_place
                or (
                    len(last.words) == 1
                    and bare_word(last.words[0]).lower() in self.cast.non_people
                )
            ):
                return NounPhrase("org", text, start=start, end=end)
            after_the = last.i - 1 > i and toks[last.i - 1][0].lower() == "the" and not role
            if after_the:
                # "chairman of the Committee for the Reunification of the Fatherland"
                return NounPhrase("org", text, start=start, end=end)
            if first not in DEFINITE or role:
                return NounPhrase("name", text, last.words, role, start, end, bare)
        if (
            len(words) == 2
            and first in ("the", "The".lower())
            and is_name_word(words[1])
            and bare_word(words[1]).lower() not in COMPASS
            and not is_possessive(words[1])
            and bare_word(words[1]).lower() not in self.cast.non_people
            and not is_org_name_word(words[1])
        ):
            return NounPhrase("desc", text, start=start, end=end)  # "the Spaniard", "the Dane"
        if any(is_acronym(w) for w in words[-1:]) and (
            not any(is_role_word(w) for w in words)
            or (len(words) > 1 and words[-2] in ORG_NOUNS)  # "the pilots' union BALPA"
        ):
            return NounPhrase("org", text, start=start, end=end)
        head = head_word(words)
        if head in ORG_NOUNS or (
            groups and any(g.is_org for g in groups) and head not in ROLE_NOUNS
        ):
            return NounPhrase("org", text, start=start, end=end)
        if _is_plural_head(head):
            return NounPhrase("unnamed", text, start=start, end=end)
        if head in ROLE_NOUNS or head.endswith("year-old"):
            if first in DEFINITE or is_possessive(words[0]) or words[0][:1].isupper():
                return NounPhrase("desc", text, start=start, end=end)
            return NounPhrase("unnamed", text, start=start, end=end)
        return None

    def mentions(
        self, p: int, toks: list[Tok], lo: int = 0, hi: int | None = None
    ) -> list[Mention]:
        """The people named in toks[lo:hi], in order, each with its grammatical role. A name
        standing as the subject with no evidence that it is a person comes as unproven."""
        hi = len(toks) if hi is None else hi
        out = []
        for g in self.text.sentence_groups_in(p, toks, lo, hi):
            if g.is_org or g.is_place:
                continue
            role = mention_role(toks, g)
            person = self.cast.lookup(g.words)
            if person is None:
                if (
                    role != "subject"
                    or len(g.words) > 3
                    or any(bare_word(w).lower() in self.cast.non_people for w in g.words)
                ):
                    continue
                person = self.cast.unproven(g.words)
            out.append(Mention(person, role))
        return out

    def is_post_nominal(self, word: str, name: NameGroup) -> bool:
        """Letters after a name that are not part of it: "KC", "MP", "PhD"."""
        bare = bare_word(word)
        return (
            2 <= len(bare) <= 4
            and bare[0].isupper()
            and bare.isalpha()
            and sum(c.isupper() for c in bare) >= 2
            and not is_org_name_word(bare)
            and not name.possessive
            and (len(name.words) >= 2 or self.cast.lookup(name.words) is not None)
        )

    def is_personal_name(self, g: NameGroup) -> bool:
        """A group that names a person rather than a body: two name words, or someone known."""
        if g.possessive or g.is_org or g.is_place:
            return False
        return len(g.words) >= 2 or self.cast.lookup(g.words) is not None

    def np_forward(self, p: int, toks: list[Tok], i: int, hi: int) -> NounPhrase | None:
        """The noun phrase starting at toks[i] ("said Rasmussen, a former ...")."""
        j = i
        while j < hi and j - i < 10:
            w = toks[j][0]
            low = w.lower()
            if (
                w == "."
                and j > i
                and (
                    toks[j - 1][0].lower() in ABBREVIATIONS
                    or (len(toks[j - 1][0]) == 1 and toks[j - 1][0].isupper())
                )
            ):
                j += 1  # "Dr.", "George W." (but not "said Tom Hale MP.")
                continue
            if w in (",", ";", ":", ".", '"', "(", ")", "—", "–", "!", "?"):
                break
            if j > i and w[:1].isupper() and low in STOP_CAPITALS and not is_name_word(w):
                break  # the next sentence, run on without a full stop: "... Hidalgo Thousands"
            if j > i and (
                low in RELATIVE
                or low in ("that", "and", "but")
                or (low in AUXILIARIES and w.islower())
                or low in REPORTING_VERBS
                or (low in PREPOSITIONS and low != "of")
            ):
                break
            j += 1
        return self.classify(p, toks, i, j)

    def subject_of(self, p: int, toks: list[Tok], v: int, lo: int) -> NounPhrase | None:
        """Subject of the reporting verb at toks[v], looking no further left than lo."""
        j = v - 1
        while j >= lo and (
            (toks[j][0].lower() in AUXILIARIES and (toks[j][0].islower() or j == lo))
            or (toks[j][0].endswith("ly") and toks[j][0].islower())
        ):
            j -= 1
        k = j
        while (
            k >= lo
            and j - k < 3
            and (toks[k][0].lower() in TIME_WORDS or toks[k][0] in ("this", "last", "on", "early"))
        ):
            k -= 1
        if k < j and toks[k + 1][0] in ("this", "last", "on", "early"):
            j = k  # "health secretary Steve Barclay this morning accused"
        if j < lo:
            return None
        w = toks[j][0]
        low = w.lower()
        verb = toks[v][0].lower()
        if verb == "saying" and low == "as":
            for q in range(j - 1, max(lo, j - 14) - 1, -1):
                if toks[q][0] == "quoted":
                    if q > lo and toks[q - 1][0].lower() in ("was", "is", "were", "been", "being"):
                        return self.subject_of(p, toks, q, lo)  # "X was quoted ... as saying"
                    return self.np_forward(p, toks, q + 1, j)  # "Reuters quoted X as saying"
            return None
        if verb in PARTICIPLES:
            if w == ",":
                # the main clause's subject, which may stand before an earlier quote of the
                # sentence: "The leader credited the 'courage' of ..., saying 'the worst ...'"
                np = self.sentence_subject(p, toks, lo)
                return np if np is not None or lo == 0 else self.sentence_subject(p, toks, 0)
            np = self.np_ending_at(p, toks, j, lo)
            k = self.text.tok_index(p, np.start) if np is not None else -1
            if (
                np is not None
                and np.kind in ("name", "desc")
                and (k == 0 or toks[k - 1][0] in ("with", ",", "With", "and"))
            ):
                return np  # its own subject: "..., with Minister X saying ..., and Y saying"
            return None
        if low in RELATIVE and j - 1 >= lo and toks[j - 1][0] == ",":
            return self.np_ending_at(p, toks, j - 2, lo)  # "Putin, who said"
        if low in COORDINATORS:
            return self.clause_subject(p, toks, j)  # "... and yelled"
        if w == ",":
            return self.np_before_parentheticals(p, toks, j, lo)
        if (
            low == "to"
            and j - 2 >= lo
            and toks[j - 1][0] in HEARSAY
            and toks[j - 2][0].lower() in ("was", "is", "were", "are", "been")
        ):
            return self.subject_of(p, toks, j - 1, lo)  # "X, who was reported to have said"
        if low in DEFINITE or low in INDEFINITE or low in PREPOSITIONS:
            return None  # "the claims", "of the said" -- a noun, not a verb
        return self.np_ending_at(p, toks, j, lo)

    def np_ending_at(self, p: int, toks: list[Tok], j: int, lo: int) -> NounPhrase | None:
        if j < lo:
            return None
        i = j
        while i > lo and j - i < 12:
            w = toks[i - 1][0]
            low = w.lower()
            if w in (",", ";", ":", '"', "(", ")", "—", "–") or (
                low in CLAUSE_WORDS and low not in ("and",)
            ):
                break
            if low == "and" and not (
                toks[i][0][:1].isupper()
                and w == "and"
                and i - 2 >= lo
                and toks[i - 2][0][:1].isupper()
            ):
                break
            if low in REPORTING_VERBS or low in PARTICIPLES:
                break
            i -= 1
        while i < j and toks[i][0] in PREPOSITIONS and toks[i][0] != "of":
            i += 1  # "went to Hanna Lindgren, who said"
        np = self.classify(p, toks, i, j + 1)
        if np is None and j - i >= 1 and toks[j][0].lower() in PRONOUNS:
            np = self.classify(p, toks, j, j + 1)  # "..., but he said"
        return np

    def np_before_parentheticals(
        self, p: int, toks: list[Tok], comma: int, lo: int
    ) -> NounPhrase | None:
        end = comma
        for _ in range(5):
            start = _chunk_start(toks, end - 1, lo)
            if start >= end:
                return None
            words = [t[0] for t in toks[start:end]]
            first = words[0].lower()
            np = self.classify(p, toks, start, end)
            parenthetical = (
                first in RELATIVE
                or first[:1].isdigit()
                or first in PREPOSITIONS
                or first.endswith("ing")
                or (first.endswith("ed") and words[0].islower())
                or first in ("however", "meanwhile", "too", "though", "also", "back")
                # "..., and who now advises the ministry, said"
                or (first in COORDINATORS and len(words) > 1 and words[1].lower() in RELATIVE)
            )
            if np is not None and np.kind == "name" and not parenthetical and first not in DEFINITE:
                # an appositive name: "Russia's ambassador to NATO, Dmitry Rogozin," or
                # "Medina's coach, former world number one Andrea Rossi,"
                return np
            has_previous = start - 1 >= lo and toks[start - 1][0] == ","
            if not parenthetical and has_previous:
                before = _chunk_start(toks, start - 2, lo)
                prev_np = self.classify(p, toks, before, start - 1)
                prev_first = toks[before][0].lower() if before < start - 1 else ""
                if prev_np is not None and prev_first not in PREPOSITIONS:
                    parenthetical = True  # an appositive after the real subject
            if not parenthetical:
                return np
            if not has_previous:
                return None
            end = start - 1
        return None

    def clause_subject(self, p: int, toks: list[Tok], j: int) -> NounPhrase | None:
        """Subject shared by coordinated verbs: "Hartley insisted ..., but conceded"."""
        k = j - 1
        while k >= 0 and j - k < 40 and toks[k][0].lower() not in ("that", ";", "who", "which"):
            k -= 1
        if k < 0 or j - k >= 40:
            return self.sentence_subject(p, toks)
        return self.np_forward(p, toks, k + 1, j)

    def sentence_subject(
        self, p: int, toks: list[Tok], lo: int = 0, hi: int | None = None
    ) -> NounPhrase | None:
        """The main subject of the sentence toks[lo:hi], past any fronted clause."""
        hi = len(toks) if hi is None else hi
        i = lo
        for _ in range(3):
            if i >= hi:
                return None
            first = toks[i][0].lower()
            fronted = (
                first in PREPOSITIONS
                or first in CLAUSE_WORDS
                or first.endswith("ing")
                or (first.endswith("ed") and first not in REPORTING_VERBS)
                or first in ("however", "meanwhile", "asked", "in", "last", "earlier")
                or _is_time_phrase(toks, i, hi)
            )
            if first in COORDINATORS:
                i += 1
                continue
            if not fronted:
                break
            k = i
            while k < hi and toks[k][0] != "," and k - i < 25:
                k += 1
            if k >= hi or toks[k][0] != ",":
                return None
            i = k + 1
        if i >= hi or toks[i][0] == '"':
            return None
        if toks[i][0].lower() in PRONOUNS:
            return self.classify(p, toks, i, i + 1)  # "..., she accepted that ..."
        end = i
        while end < hi and end - i < 12:
            w = toks[end][0]
            low = w.lower()
            if w == "." and end > i and toks[end - 1][0].lower() in ABBREVIATIONS:
                end += 1  # "Mr. Fabius"
                continue
            if w in (",", ";", ":", '"', "(", ".", "—", "–") or (
                end > i
                and (
                    (low in AUXILIARIES and w.islower())
                    or low in REPORTING_VERBS
                    or low in RELATIVE
                    or low == "that"
                    or (
                        # a verb right after a name or a title: "Marta Kowalczyk walks",
                        # "The French leader credited"
                        w.islower()
                        and low not in FUNCTION_WORDS
                        and low not in ORG_NOUNS
                        and not is_role_word(w)
                        and not is_possessive(w)
                        and (is_name_word(toks[end - 1][0]) or is_role_word(toks[end - 1][0]))
                    )
                )
            ):
                break
            end += 1
        np = self.classify(p, toks, i, end)
        if np is not None and np.kind in ("desc", "unnamed") and end < hi and toks[end][0] == ",":
            k = end + 1
            while k < hi and toks[k][0] != ",":
                k += 1
            appositive = self.classify(p, toks, end + 1, k)
            if appositive is not None and appositive.kind == "name":
                return appositive  # "Its chief executive, Paweł Zieliński, is ..."
        return np


_BULLETS = frozenset("•·*►▪–—-|")


def mention_role(toks: list[Tok], g: NameGroup) -> str:
    """How a name stands in its sentence: "possessive" ("Saman's honour"), "object" (after a
    preposition or a verb: "told Moon", "met Kim"), "subject" (before its verb: "Khan, who
    ..., believes", "Trump also announced") or else "mention"."""
    if g.possessive:
        return "possessive"
    start = role_before(toks, g.i)
    prev = toks[start - 1][0] if start > 0 else ""
    low = prev.lower()
    if low in PREPOSITIONS or (prev.isalpha() and prev.islower() and low not in FUNCTION_WORDS):
        return "object"
    k = g.j
    if k < len(toks) and toks[k][0] == ",":
        # past an appositive or a relative clause: "Khan, who ..., believes"
        end = k + 1
        while end < len(toks) and end - k < 30 and toks[end][0] not in (",", ";", ":", '"'):
            end += 1
        if end >= len(toks) or toks[end][0] != ",":
            return "mention"
        k = end + 1
    while k < len(toks) and toks[k][0].lower() in AUXILIARIES:
        k += 1
    if k < len(toks):
        nxt = toks[k][0]
        if (
            nxt in REPORTING_VERBS
            or (nxt.isalpha() and nxt.islower() and nxt not in FUNCTION_WORDS)
            or (k > g.j and toks[k - 1][0].lower() in AUXILIARIES)
        ):
            return "subject"
    return "mention"


def _chunk_start(toks: list[Tok], k: int, lo: int) -> int:
    """Start of the comma-delimited chunk ending at toks[k] (at most 40 tokens back)."""
    lo = max(lo, k - 40)
    while k >= lo and toks[k][0] not in (",", ";", ":", "—", "–", "(", ")"):
        k -= 1
    return k + 1


def _is_time_phrase(toks: list[Tok], i: int, hi: int) -> bool:
    """A short fronted "Five years later," or "This week,"."""
    k = i
    while k < hi and k - i < 6 and toks[k][0] != ",":
        k += 1
    if k >= hi or toks[k][0] != ",":
        return False
    return any(t[0].lower() in TIME_WORDS for t in toks[i:k])
