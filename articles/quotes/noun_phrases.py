"""Noun phrases: what one names (a person's name, a pronoun, a description such as "the Danish
NATO chief", an unnamed person, an organisation or place), told from the cast's people.

Names keep their particles even opening a mention ("van der Berg said"); "Ruiz and Li" is
nobody in particular; "Helena Marsh KC" is Helena Marsh.
"""

from dataclasses import dataclass, field

from articles.lexicon import ORG_NOUNS, ROLE_NOUNS

from .cast import Cast, Mention
from .names import (
    NameGroup,
    bare_word,
    is_acronym,
    is_common_plural,
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
    AUXILIARIES,
    COMPASS,
    COORDINATORS,
    DEFINITE,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    INDEFINITE,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_VERBS,
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
    """ "officials", "parties": the plural of a role or an organisation ("boss" is no plural)."""
    return head not in ROLE_NOUNS and is_common_plural(head, (ROLE_NOUNS, ORG_NOUNS))


_BULLETS = frozenset("•·*►▪–—-|")
_CLOCK = frozenset(("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "h"))


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


class NounPhrases:
    """Classifies the noun phrases of the article's sentences, telling names from the cast's
    people, organisations and places."""

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
        if i + 1 < j and toks[i][0].isdigit() and toks[i + 1][0].lower() in _CLOCK:
            i += 2  # a live blog's time stamp: "9:10 p.m. U.S. President Joe Biden says"
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
            # (not "the Speaker of the House John Boehner": a name ends it)
            and not (
                last is not None
                and last.j == j
                and len(last.words) >= 2
                and not (last.is_org or last.is_place or last.possessive)
            )
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
            if len(last.words) == 1 and is_common_plural(last.words[0]) and last.i == i:
                # "Reports said", "Authorities said": plural nouns opening a sentence
                people = is_common_plural(last.words[0], (ROLE_NOUNS, GROUP_NOUNS))
                return NounPhrase("unnamed" if people else "org", text, start=start, end=end)
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
            before = [t[0] for t in toks[i + 1 : last.i]]
            titled = (
                any(is_role_word(w) for w in before)
                and before[-1].lower() not in PREPOSITIONS
                and before[-1].lower() != "the"
                and all(w.lower() == "of" or w.lower() not in PREPOSITIONS for w in before)
            )  # "the Speaker of the House John Boehner", not "the wife of John Smith"
            if first not in DEFINITE or role or titled or is_possessive(toks[last.i - 1][0]):
                # ("The BBC's Yogita Limaye": a possessive before the name stands for a title)
                role = role or (self.text.text_of(p, toks, i + 1, last.i) if titled else "")
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
                    or _modifies_a_noun(toks, g)
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


_DETERMINERS = DEFINITE | INDEFINITE


def _modifies_a_noun(toks: list[Tok], g: NameGroup) -> bool:
    """Whether a capitalised name stands between a determiner and a noun, as a brand or a
    body does ("his Twitter account", "the Kremlin press office"): not a person's name."""
    return (
        g.i > 0
        and toks[g.i - 1][0].lower() in _DETERMINERS
        and g.j < len(toks)
        and toks[g.j][0].isalpha()
        and toks[g.j][0].islower()
        and toks[g.j][0] not in FUNCTION_WORDS
    )
