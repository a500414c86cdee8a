"""Names and titles in a sentence's tokens: which capitalised words can be names, roles or
organisation words, the runs of them that name someone or something (keeping particles, "van der
Berg", "bin Yusof", "al-Khatib", and middle initials), and the title before a name.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.lexicon import (
    HONORIFICS,
    JOINED_PARTICLES,
    NAME_PARTICLES,
    OFFICES,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    PORTFOLIO_WORDS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    TITLE_OPENERS,
    TITLE_PREFIXES,
    TITLE_WORDS,
)

from .sentences import Tok
from .words import (
    ABBREVIATIONS,
    COMPASS,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    PLACES,
    REPORTING_VERBS,
    STOP_CAPITALS,
    SURNAME_LIKE,
)

# Two words run together, the second capitalised after three or more small letters: a caption
# glued to the text ("NetanyahuJewish", "TuskImage"), not a name ("McCain", "DeSantis").
_GLUED_RE = re.compile(r"[a-z]{3}[A-Z]")


@lru_cache(maxsize=16384)
def bare_word(word: str) -> str:
    """Word without a possessive ending: Russia’s -> Russia, players’ -> players."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def _low(word: str) -> str:
    return bare_word(word).lower()


def is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))


def is_acronym(word: str) -> bool:
    bare = bare_word(word)
    return len(bare) > 1 and bare.isupper()


@lru_cache(maxsize=16384)  # the same words come back in every sentence
def is_name_word(word: str) -> bool:
    prefix, dash, rest = word.partition("-")
    if dash and prefix in JOINED_PARTICLES and rest[:1].isupper():
        return is_name_word(rest)  # "al-Hashimi", "el-Sayed"
    if not word[:1].isupper() or is_acronym(word) or _GLUED_RE.search(word):
        return False
    low = bare_word(word).lower()
    return low not in STOP_CAPITALS and low not in TITLE_OPENERS and not is_role_word(word)


@lru_cache(maxsize=16384)
def is_role_word(word: str) -> bool:
    low = bare_word(word).lower().rstrip(".")
    if low.endswith("s") and (low[:-1] in ROLE_NOUNS or low[:-2] in ROLE_NOUNS):
        low = low[:-1] if low[:-1] in ROLE_NOUNS else low[:-2]  # "Officials said"
    # "-ist" words are professions or creeds ("Guitarist"), hardly ever names (but Lindqvist)
    prefix, _, tail = low.rpartition("-")
    return (
        low in ROLE_NOUNS
        or low in HONORIFICS
        or (word[:1].isupper() and low in ROLE_SUFFIXES)  # "Premier Designate X"
        or (len(low) > 5 and low.endswith("ist") and not low.endswith("vist"))
        or (tail in ROLE_NOUNS and prefix in TITLE_PREFIXES)  # "vice-chairman"
        or (tail in ROLE_SUFFIXES and is_role_word(prefix))  # "President-elect"
    )


@lru_cache(maxsize=16384)
def is_org_name_word(word: str) -> bool:
    """A word that makes a capitalised group an organisation: "Bank", "Robotics", "Athletics"."""
    low = bare_word(word).lower()
    # "-ics" fields name companies and bodies (Robotics, Athletics), hardly ever people
    return (
        low in ORG_NAME_WORDS
        or (len(low) > 6 and low.endswith("ics"))
        or (len(low) > 4 and low.endswith("s") and low[:-1] in ORG_NAME_WORDS)  # "Awards"
    )


@dataclass
class NameGroup:
    """A run of capitalised name words in a token list: toks[i:j]."""

    i: int
    j: int
    words: list[str]
    possessive: bool

    @property
    def is_org(self) -> bool:
        return "&" in self.words or any(is_org_name_word(w) for w in self.words)

    @property
    def is_surely_org(self) -> bool:
        """An organisation even when a title precedes it (unlike "Hyun-woo Park")."""
        words = [bare_word(w).lower() for w in self.words]
        if len(words) > 1 and words[-1] in SURNAME_LIKE and not is_org_name_word(words[0]):
            words = words[:-1]
        return "&" in self.words or any(is_org_name_word(w) for w in words)

    @property
    def is_place(self) -> bool:
        # "Russia", "South Korea"
        if _low(self.words[-1]) not in PLACES:
            return False
        return all(_low(w) in COMPASS for w in self.words[:-1])


def _initials_at(toks: list[Tok], j: int, hi: int) -> int:
    """How many tokens initials before a name take at toks[j] ("K. Shanmugam": 2, "A.K. Abdul":
    1), or 0."""
    w = toks[j][0]
    if not w[:1].isupper():
        return 0
    if len(w) == 1:
        if j + 2 < hi and toks[j + 1][0] == "." and is_name_word(toks[j + 2][0]):
            return 2
        return 0
    if (
        w[-1] == "."
        and len(w) >= 4
        and w.replace(".", "").isalpha()
        and w.replace(".", "").isupper()
        and w.lower().rstrip(".") not in ABBREVIATIONS  # U.S., U.K.
        and j + 1 < hi
        and is_name_word(toks[j + 1][0])
    ):
        return 1
    return 0


def name_groups(toks: list[Tok], lo: int = 0, hi: int | None = None) -> list[NameGroup]:
    hi = len(toks) if hi is None else hi
    groups = []
    i = lo
    while i < hi:
        w = toks[i][0]
        if not w[:1].isupper() and w not in NAME_PARTICLES and "-" not in w:
            i += 1  # most words: no name starts here
            continue
        j, words, possessive = i, [], False
        initials = _initials_at(toks, i, hi) if len(w) == 1 or w[-1] == "." else 0
        if initials:
            words.append(toks[i][0] + ("." if initials == 2 else ""))  # "K. Shanmugam"
            j += initials
        elif not is_name_word(toks[i][0]):
            lead = _particles_before_name(toks, i, hi)
            # not after a capital ("Pieter van ..." is read from "Pieter"), nor the number ten
            if lead and toks[i][0] != "ten" and (i == lo or not toks[i - 1][0][:1].isupper()):
                words.extend(t[0] for t in toks[i : i + lead])  # "van den Heuvel said"
                j += lead
            elif not _is_first_name_after_title(toks, i, lo, hi):
                i += 1
                continue
            else:
                words.append(toks[i][0])
                j += 1
        while j < hi and len(words) < 6:
            w = toks[j][0]
            initials = _initials_at(toks, j, hi) if len(w) == 1 or w[-1] == "." else 0
            if initials:
                words.append(w + ("." if initials == 2 else ""))  # "George W. Bush"
                j += initials
            elif is_name_word(w):
                words.append(w)
                j += 1
                if is_possessive(w):
                    possessive = True
                    break
            elif (
                len(words) >= 2
                and w[:1].isupper()
                and w[1:].islower()
                and len(w) <= 3
                and w.lower() in STOP_CAPITALS
                and (j + 1 >= hi or not toks[j + 1][0][:1].isupper())
            ):
                words.append(w)  # a capitalised short word inside a name: "Moon Jae In"
                j += 1
            elif words and w in ("Jr", "Sr") and is_name_word(words[-1]):
                words.append(w)  # "Martin Luther King Jr."
                j += 1
            elif (
                words
                and w[:1].isupper()
                and w[1:].islower()
                and is_role_word(w)
                and (
                    bare_word(w).lower() not in HONORIFICS
                    or (j + 1 < hi and toks[j + 1][0] in ("Jr", "Sr"))
                )
                and is_name_word(words[-1])
                and bare_word(words[-1]).lower() not in PLACES
                and (
                    j + 1 >= hi
                    or toks[j + 1][0] in ("Jr", "Sr")
                    or not (toks[j + 1][0][:1].isupper() or toks[j + 1][0] in ("-", "of"))
                )
            ):
                # a surname spelt like a title, ending the name: "Julie Bishop, a minister"
                words.append(w)
                j += 1
                if is_possessive(w):
                    possessive = True
                    break
            elif words and _particles_before_name(toks, j, hi):
                n = _particles_before_name(toks, j, hi)
                words.extend(t[0] for t in toks[j : j + n])  # "Pieter van der Berg"
                j += n
            elif len(w) == 1 and w.isupper() and j + 1 < hi and toks[j + 1][0] == ".":
                words.append(w + ".")  # middle initial: George W. Bush
                j += 2
            elif w == "&" and words and j + 1 < hi and toks[j + 1][0][:1].isupper():
                words.append(w)
                j += 1
            else:
                break
        while words and words[-1].endswith(".") and len(words[-1]) == 2:
            words.pop()
            j -= 2
        if (
            words
            and words[-1] in ("Jr", "Sr")
            and j < len(toks)
            and toks[j][0] == "."
            and toks[j][1] == toks[j - 1][2]
        ):
            words[-1] += "."  # "Harry Roque Jr.", as printed
        portfolio = [k for k, w in enumerate(words) if _low(w) in PORTFOLIO_WORDS]
        if portfolio and len(portfolio) == len(words):
            i = max(j, i + 1)  # "Minister of Information"
            continue
        if portfolio and portfolio[-1] + 1 < len(words) and not possessive:
            # the end of a minister's title: "... and Broadcasting Anurag Thakur"
            cut = portfolio[-1] + 1
            i, words = i + cut, words[cut:]
        if (
            len(words) == 1
            and not possessive
            and j < hi
            and toks[j][0][:1].isupper()
            and is_role_word(toks[j][0])
            and not is_role_word(words[0])
        ):
            i = max(j, i + 1)  # part of a title: "Foreign Minister", "Deputy Prime Minister"
            continue
        if (
            len(words) >= 3
            and _ends_title_complement(toks, i, lo)
            and not any(_low(w) in PLACES or is_org_name_word(w) for w in words[1:])
        ):
            # "Secretary of State Dana Wright", "Minister of Tourism and Lands Harin Fernando",
            # "Deputy Minister of Defence of Ukraine Hanna Maliar": the first word ends the title
            groups.append(NameGroup(i, i + 1, words[:1], False))
            i += 1
            continue
        if (
            len(words) >= 3
            and i - 3 >= lo
            and toks[i - 1][0].lower() == "the"
            and toks[i - 2][0] == "of"
            and is_role_word(toks[i - 3][0])
            and is_org_name_word(words[0])
            and not any(is_org_name_word(w) or _low(w) in PLACES for w in words[1:])
        ):
            # "Speaker of the House John Boehner": the body ends the title, a name follows
            groups.append(NameGroup(i, i + 1, words[:1], False))
            i += 1
            continue
        if words:
            groups.append(NameGroup(i, j, words, possessive))
        i = max(j, i + 1)
    return groups


def _ends_title_complement(toks: list[Tok], i: int, lo: int) -> bool:
    """Whether toks[i] follows the "of"/"for" of a capitalised title, or an "and" or "of" in
    what that title is of ("Minister of Foreign Affairs and Immigration ..."): a word that ends
    the title, not one that opens a name after it."""
    k = i - 1
    if k - 1 < lo or toks[k][0] not in ("of", "for", "and"):
        return False
    title = toks[k - 1][0]
    if toks[k][0] in ("of", "for") and title[:1].isupper() and is_role_word(title):
        return True
    k -= 1
    while k >= lo and i - k <= 10:
        w = toks[k][0]
        if w in ("of", "for") and k - 1 >= lo:
            prev = toks[k - 1][0]
            if prev[:1].isupper() and is_role_word(prev):
                return True
        elif not (w[:1].isupper() or w in ("and", "&", "the")) or is_possessive(w):
            return False
        k -= 1
    return False


def _particles_before_name(toks: list[Tok], i: int, hi: int) -> int:
    """How many lower-case name particles start at toks[i] and lead to a name word ("van der
    Berg", "de Vries", "bin Ismail"): 0 if they don't."""
    n = 0
    while n < 2 and i + n < hi and toks[i + n][0] in NAME_PARTICLES:
        n += 1
    return n if n and i + n < hi and is_name_word(toks[i + n][0]) else 0


# Offices that open a longer title more often than they end one: "Head Coach", "Chief
# Executive", "General Manager", "Director General".
_COMPOUND_TITLE_OPENERS = frozenset(
    ("head", "chief", "general", "leader", "chair", "director", "commander")
)


def _is_first_name_after_title(toks: list[Tok], i: int, lo: int, hi: int) -> bool:
    """A word that is no name word alone used as a given name between a title and a surname:
    a role word ("club captain Dean Farrow", "Prime Minister Dean Barrow") or initials
    ("reporter PJ Heussner"). A capitalised title after a lower-case one is rare (titles stack
    in the same case: "Chief Justice"), honorifics aside; after a capitalised title the word
    is a given name only when it is no title word ("Prime Minister", "Chief Justice") and one
    surname ends the name ("General Counsel Jeh Johnson" is a title and a full name)."""
    w = toks[i][0]
    if not (lo < i and i + 1 < hi and w.isalpha() and is_name_word(toks[i + 1][0])):
        return False
    before = toks[i - 1][0]
    if not is_role_word(before) or bare_word(before).lower().rstrip(".") in HONORIFICS:
        return False
    one_surname = i + 2 >= hi or not toks[i + 2][0][:1].isupper()
    if 2 <= len(w) <= 3 and w.isupper():
        return one_surname and w.lower() not in PLACES  # initials, not "US" or "UK"
    if not (w[:1].isupper() and w[1:].islower() and is_role_word(w)):
        return False
    if w.lower() in HONORIFICS:
        return False
    if before.islower():
        return True
    return (
        one_surname
        and w.lower() not in TITLE_WORDS
        and bare_word(before).lower() in OFFICES
        and bare_word(before).lower() not in _COMPOUND_TITLE_OPENERS
    )


def role_before(toks: list[Tok], i: int, lo: int = 0) -> int:
    """Index where a title before toks[i] starts ("NATO Secretary-General"), or i if none."""
    j = i - 1
    if j < lo:
        return i
    if toks[j][0] == "." and j - 1 >= lo and toks[j - 1][0].lower() in ABBREVIATIONS:
        j -= 1  # "Gen." "Sen."
    if toks[j][0][:1].isupper() and (
        bare_word(toks[j][0]).lower() in PORTFOLIO_WORDS
        or (is_name_word(toks[j][0]) and _ends_title_complement(toks, j, lo))  # see name_groups
    ):
        # "Minister of Information and Broadcasting Anurag Thakur": back to the title word
        k = j - 1
        while k >= lo and j - k < 8 and not is_role_word(toks[k][0]):
            w = toks[k][0]
            if not (w[:1].isupper() or w in ("of", "for", "and", "the", "&")):
                return i
            k -= 1
        if k < lo or not is_role_word(toks[k][0]):
            return i
        return role_before(toks, k + 1, lo) if k + 1 < i else i
    if not is_role_word(toks[j][0]):
        return i
    start = j
    j -= 1
    while j >= lo and i - j <= 8:  # a title is a few words: bounds the walk on long runs
        w = toks[j][0]
        low = bare_word(w).lower()
        right = toks[j + 1][0]
        if (
            is_role_word(w)
            or low in ROLE_MODIFIERS
            or is_possessive(w)
            or w[:1].isupper()
            and low not in STOP_CAPITALS
        ):
            start = j
        elif (
            w.isalpha()
            and w.islower()
            and low not in FUNCTION_WORDS
            and low not in REPORTING_VERBS
            and not low.endswith("ing")
            and right.islower()
            and is_role_word(right)
        ):
            start = j  # "battalion chief", "defense attorney"
        elif w in ("-", "‐") or (w == "." and j > lo and toks[j - 1][0] in ("U.S", "U.K")):
            start = j
        else:
            break
        j -= 1
    return start


def is_common_plural(word: str, lexicons=None) -> bool:
    """Whether a capitalised word is the plural of a common noun ("Reports", "Authorities",
    "Observers"), which names no one person: a report, an authority, an observer."""
    low = bare_word(word).lower()
    if len(low) < 3 or not low.endswith("s"):
        return False
    stems = (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else "")
    lexicons = lexicons or (ROLE_NOUNS, ORG_NOUNS, DOCUMENT_NOUNS, GROUP_NOUNS)
    return any(stem in lexicon for stem in stems if stem for lexicon in lexicons)
