"""Whether a name refers to a known person.

`match_person` decides whether a name refers to a known person ("Medevedev" is Dmitry Medvedev,
"Clinton" is nobody when two Clintons are known).
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from articles.lexicon import NAME_PARTICLES, TITLE_WORDS

from .words import _straight_apostrophes, content_words, normalise_words, register_cache


@dataclass(frozen=True)
class PersonCandidate:
    key: object
    name: str
    aliases: tuple[str, ...] = ()


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Common English nicknames; transliterations are handled by `_fold`.
_NICKNAME_PAIRS = [
    ("bill", "william"),
    ("bob", "robert"),
    ("jim", "james"),
    ("mike", "michael"),
    ("tony", "anthony"),
    ("tom", "thomas"),
    ("dick", "richard"),
    ("joe", "joseph"),
    ("ted", "edward"),
    ("ben", "benjamin"),
    ("alex", "alexander"),
    ("sasha", "alexander"),
    ("nick", "nicholas"),
    ("dave", "david"),
    ("dan", "daniel"),
    ("chris", "christopher"),
    ("kate", "katherine"),
    ("liz", "elizabeth"),
    ("sam", "samuel"),
    ("steve", "steven"),
]
_LETTER_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"}
)
_TRANSLIT_RULES = [
    (re.compile(r"kh"), "h"),  # Mikhail / Mihail, Khodorkovsky / Hodorkovsky
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),  # Wladimir / Vladimir, Lavrow / Lavrov
    (re.compile(r"x"), "ks"),  # Alexander / Aleksandr
    (re.compile(r"^ye"), "e"),  # Yevgeny / Evgeny
    (re.compile(r"(?:iy|yi|ij|ii|y|j)$"), "i"),  # Dmitriy / Dmitry / Dmitri, Sergey / Sergei
    (re.compile(r"(.)\1+"), r"\1"),  # Hillary / Hilary, Mohammed / Mohamed
]
SURNAME_MIN_RATIO = 85.0  # "Medevedev" ~ "Medvedev" is 94; only for surnames of 6+ letters
GIVEN_NAME_MIN_RATIO = 85.0


@lru_cache(maxsize=1 << 14)
def _fold(token: str) -> str:
    """Spelling-insensitive form of one name token: no accents, common transliteration variants."""
    token = unicodedata.normalize("NFKD", token.casefold().translate(_LETTER_FOLD))
    token = "".join(c for c in token if c.isalpha() or c == "-")
    for pattern, replacement in _TRANSLIT_RULES:
        token = pattern.sub(replacement, token)
    return token


_NICKNAMES = {frozenset(map(_fold, pair)) for pair in _NICKNAME_PAIRS}


@dataclass(frozen=True, slots=True)
class _Name:
    given: tuple[str, ...]  # folded given names and initials, in order
    surname: str  # folded last word of the surname, "" when there is no name at all


_NAME_TOKEN_RE = re.compile(r"[^\s.]+\.?")


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return len(letters) >= 2 and letters.isupper()


@lru_cache(maxsize=1 << 14)
def _parse_name(text: str) -> _Name:
    """Split "NATO Secretary-General Anders Fogh Rasmussen" into given names and a surname."""
    text = re.sub(r"'s\b", "", _straight_apostrophes(text))  # "Rasmussen's"
    segments = [s for s in text.split(",") if s.strip()]
    # "Anders Fogh Rasmussen, NATO chief": take the segment that looks most like a name.
    best: list[str] = []
    for segment in segments:
        tokens = _strip_titles(_NAME_TOKEN_RE.findall(segment))
        if len(tokens) > len(best):
            best = tokens
    # A hyphen joins name words that others write apart ("Kim Jong-un", "Kim Jong Un";
    # "al-Assad", "Assad"): the parts are compared as words.
    best = [part for token in best for part in token.split("-") if part]
    if not best:
        return _Name((), "")
    surname_start = len(best) - 1
    for i, token in enumerate(best[:-1]):
        # "de Hoop Scheffer", or "De Hoop Scheffer" at the start: a surname with a particle.
        if token.casefold() in NAME_PARTICLES and (i > 0 or token[0].isupper()):
            surname_start = i
            break
    given = tuple(_fold(t) for t in best[:surname_start] if _fold(t))
    return _Name(given, _fold(best[-1]))


@lru_cache(maxsize=1 << 14)
def _swapped_name(text: str) -> _Name | None:
    """A name of two capitalised name words the other way round ("Kishida Fumio" for "Fumio
    Kishida"): Japanese, Chinese and Korean outlets often write the family name first. None for
    any other name."""
    text = re.sub(r"'s\b", "", _straight_apostrophes(text))
    tokens = _strip_titles(_NAME_TOKEN_RE.findall(text.split(",")[0]))
    if len(tokens) != 2 or not all(t[0].isupper() and len(_fold(t)) > 1 for t in tokens):
        return None
    return _Name((_fold(tokens[1]),), _fold(tokens[0]))


def _strip_titles(raw_tokens: list[str]) -> list[str]:
    """The name in "Russian President Dmitry Medvedev" or "Kremlin aide Yuri Ushakov"."""
    tokens = [t.strip("\"'()[]:;") for t in raw_tokens]
    tokens = [t for t in tokens if t and any(c.isalpha() for c in t)]
    keys = [t.rstrip(".").casefold() for t in tokens]
    while keys and keys[-1] in _NAME_SUFFIXES:
        tokens, keys = tokens[:-1], keys[:-1]
    # A lower-case title at the end makes the whole thing a role ("the Danish NATO chief").
    if keys and keys[-1] in TITLE_WORDS and tokens[-1][0].islower():
        return []

    def is_name_word(i: int) -> bool:
        return tokens[i][0].isupper() or keys[i] in NAME_PARTICLES

    # The name starts after the last title or lower-case word that still has a name after it.
    start = 0
    for i in range(len(tokens) - 1):
        is_title = keys[i] in TITLE_WORDS or not is_name_word(i)
        if is_title and any(tokens[j][0].isupper() for j in range(i + 1, len(tokens))):
            start = i + 1
    return [
        tokens[i].rstrip(".")
        for i in range(start, len(tokens))
        if is_name_word(i) and not _is_acronym(tokens[i])
    ]


def _given_token_compatible(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    if a == b or frozenset((a, b)) in _NICKNAMES:
        return True
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= GIVEN_NAME_MIN_RATIO


def _given_evidence(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """How many given-name tokens confirm the match; None when they contradict each other."""
    if not a or not b:
        return 0
    if not _given_token_compatible(a[0], b[0]):
        return None
    middle_a, middle_b = a[1:], b[1:]
    if middle_a and middle_b:
        # "George W. Bush" is not "George H. W. Bush": both give middle names and they differ.
        if len(middle_a) != len(middle_b):
            return None
        if not all(_given_token_compatible(x, y) for x, y in zip(middle_a, middle_b, strict=True)):
            return None
    evidence = 0
    for x, y in zip(a, b, strict=False):
        evidence += 1 if min(len(x), len(y)) == 1 else 2
    return evidence


def _surname_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= SURNAME_MIN_RATIO


def match_person(
    name: str, candidates: Sequence[PersonCandidate], *, role: str = ""
) -> object | None:
    """The key of the candidate that `name` refers to, or None when none or several fit.

    Titles are stripped, surnames compared spelling-insensitively (transliterations, one-letter
    slips), and given names only when both sides have one; a candidate whose given names contradict
    the name never matches. When several candidates fit, the one with strictly more confirming
    evidence wins (exact surname, given names, initials); a tie is ambiguous and returns None unless
    `role` ("foreign minister") picks out exactly one of them through its name and aliases.
    """
    parsed = _parse_name(name)
    if not parsed.surname:
        role = role or name  # "the Danish NATO chief" is all role
    alias_index: list[tuple[int, _Name]] = []
    for ci, candidate in enumerate(candidates):
        for alias in (candidate.name, *candidate.aliases):
            alias_name = _parse_name(alias)
            if alias_name.surname:
                alias_index.append((ci, alias_name))
    if not alias_index:
        return None

    evidence_by_candidate: dict[int, int] = {}
    if parsed.surname:
        surnames = [alias_name.surname for _, alias_name in alias_index]
        hits = process.extract(
            parsed.surname,
            surnames,
            scorer=fuzz.ratio,
            score_cutoff=SURNAME_MIN_RATIO,
            limit=None,
        )
        for _, _, i in hits:
            ci, alias_name = alias_index[i]
            if not _surname_compatible(parsed.surname, alias_name.surname):
                continue
            given = _given_evidence(parsed.given, alias_name.given)
            if given is None:
                continue
            evidence = given + (1 if parsed.surname == alias_name.surname else 0)
            evidence_by_candidate[ci] = max(evidence_by_candidate.get(ci, -1), evidence)
    elif role:
        evidence_by_candidate = dict.fromkeys(range(len(candidates)), 0)

    if not evidence_by_candidate and parsed.surname:
        # "Kishida Fumio" for "Fumio Kishida": the same two words, family name first.
        swapped = _swapped_name(name)
        for ci, alias_name in alias_index if swapped else ():
            if alias_name == swapped:
                evidence_by_candidate[ci] = 2
    if not evidence_by_candidate:
        return None
    ranked = sorted(evidence_by_candidate.items(), key=lambda item: item[1], reverse=True)
    best = [ci for ci, evidence in ranked if evidence == ranked[0][1]]
    if len(best) > 1 and role:
        best = _pick_by_role(role, [candidates[ci] for ci in best], best)
    return candidates[best[0]].key if len(best) == 1 else None


def _pick_by_role(role: str, candidates: list[PersonCandidate], indexes: list[int]) -> list[int]:
    role_words = set(content_words(normalise_words(role)))
    if not role_words:
        return indexes
    overlaps = []
    for candidate in candidates:
        words = set(content_words(normalise_words(" ".join((candidate.name, *candidate.aliases)))))
        overlaps.append(len(role_words & words))
    top = max(overlaps)
    # At least half the role's words: "the former Danish prime minister" is not "Foreign Minister
    # Sergei Lavrov" for sharing "minister".
    if 2 * top < len(role_words):
        return []
    return [ci for ci, overlap in zip(indexes, overlaps, strict=True) if top and overlap == top]


# Emptied with the rest by clear_caches.
register_cache(_parse_name.cache_clear)
register_cache(_swapped_name.cache_clear)
register_cache(_fold.cache_clear)
