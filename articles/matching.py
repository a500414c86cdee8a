"""Match statements, speakers and stories across outlets.

The only module in the project that imports rapidfuzz. Pure text code: it takes strings and plain
dataclasses and returns plain dataclasses; callers load from and save to the database.

- `match_person` decides whether a name refers to a known person ("Medevedev" is Dmitry Medvedev,
  "Clinton" is nobody when two Clintons are known).
- `match_statements` puts one article's quotes into a story's statement groups, so that the same
  statement quoted in full by one outlet and in part, or reworded, by another shows up as one row.
  `fullest_wording` and `word_diff` then show how each outlet's wording differs.
- `match_story`, `related_stories` and `story_title` group articles into stories (events).

Scoring is vectorised with rapidfuzz's batch functions: `process.extract(..., limit=None)` scores
one query against all choices in C++ and returns only those above the cut-off. `process.cdist`
would need numpy, which the project does not install, so each new quote is one `extract` call per
scorer over the candidate members (a handful of quotes per article, so the loop is short).

Text analysis is cached (`functools.lru_cache`) because a story's quotes and texts are compared
again each time an article arrives; `clear_caches()` empties the caches.
"""

import datetime
import math
import re
import threading
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, LCSseq

__all__ = [
    "ArticleForStory",
    "DiffToken",
    "GroupAssignment",
    "PersonCandidate",
    "QuoteForMatching",
    "StatementGroup",
    "StoryCandidate",
    "StoryMatch",
    "fullest_wording",
    "match_person",
    "match_statements",
    "match_story",
    "RelatedProfile",
    "related_by_profile",
    "related_profile",
    "related_stories",
    "story_title",
    "clear_caches",
    "word_diff",
]

# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either even ever
    every few for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just let like many me more most much must my myself now
    of off on once one only or other our ours ourselves out over own per quite rather really said
    same say says shall she should since so some still such than that the their theirs them
    themselves then there these they this those though through thus to too under until up upon us
    very via was we were what whatever when where whether which while who whom whose why will with
    within would yet you your yours yourself yourselves mr mrs ms dr
    """
)  # Negations (not, no, never, n't) are left out on purpose: "we are (not) ready" differ.

_APOSTROPHES = "\u2019\u2018\u02bc\u2032`\u00b4"  # ’ ‘ ʼ ′ ` ´
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_CLITIC_RE = re.compile(r"'(?:s|re|ve|ll|d|m)$")


def _straight_apostrophes(text: str) -> str:
    for mark in _APOSTROPHES:  # str.replace is much faster than str.translate here
        if mark in text:
            text = text.replace(mark, "'")
    return text


def normalise_words(text: str) -> tuple[str, ...]:
    """Lower-cased words with punctuation dropped and curly apostrophes made straight.

    Like `rapidfuzz.utils.default_process`, except that apostrophes inside words survive, so
    "it’s" and "it's" are both the word "it's".
    """
    return tuple(_WORD_RE.findall(_straight_apostrophes(text).casefold()))


def _content_word(word: str) -> str | None:
    if word.endswith("n't"):
        return "not"
    word = _CLITIC_RE.sub("", word)  # "russia's" -> "russia", "we'll" -> "we"
    if word in STOPWORDS or word.startswith("'"):
        return None
    # A light stem so that "helicopters" meets "helicopter"; enough for matching, not for display.
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


# Cached: the same few thousand words make up most quotes.
_cached_content_word = lru_cache(maxsize=1 << 16)(_content_word)


def content_words(words: Iterable[str]) -> tuple[str, ...]:
    """The words that carry meaning (no stop words), lightly stemmed; negations kept."""
    return tuple(filter(None, map(_cached_content_word, words)))


@dataclass(frozen=True, slots=True)
class _Text:
    norm: str  # normalised words joined by single spaces
    words: tuple[str, ...]
    content: tuple[str, ...]
    # `content` with each word as one character (see _word_key): rapidfuzz compares strings
    # several times faster than tuples of words, whose items it must hash on every call.
    content_key: str


@lru_cache(maxsize=1 << 16)
def _analyse(text: str) -> _Text:
    # Cached: a story's quotes are compared again every time an article is added to it.
    words = normalise_words(text)
    content = content_words(words)
    return _Text(" ".join(words), words, content, "".join(map(_word_key, content)))


# One character per distinct content word, so that comparing keys compares the words exactly.
# Past WORD_KEYS_MAX words every cache is emptied (at the start of a matching call, so that
# the texts of one call share one numbering) and numbering starts again.
_word_keys: dict[str, str] = {}
_word_keys_lock = threading.Lock()
WORD_KEYS_MAX = 1_000_000
_FIRST_KEY = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _word_key(word: str) -> str:
    key = _word_keys.get(word)
    if key is None:
        with _word_keys_lock:
            key = _word_keys.get(word)
            if key is None:
                point = _FIRST_KEY + len(_word_keys)
                if point >= _SURROGATES.start:
                    point += len(_SURROGATES)
                key = _word_keys[word] = chr(point)
    return key


def _renumber_words_if_full() -> None:
    if len(_word_keys) > WORD_KEYS_MAX:
        clear_caches()


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonCandidate:
    key: object
    name: str
    aliases: tuple[str, ...] = ()


# Words that precede a name without being part of it. Lower-case, without dots.
TITLE_WORDS = _wordset(
    """
    president vice prime minister secretary-general secretary general chancellor premier mr mrs ms
    miss dr prof professor gen sen senator rep representative gov governor mayor ambassador chief
    king queen prince princess pope sir dame lord lady sheikh emir judge justice col colonel lt
    lieutenant capt captain maj major sgt sergeant adm admiral cmdr commander rev reverend father
    spokesman spokeswoman spokesperson foreign defence defense interior finance state deputy acting
    former chairman chairwoman chair director leader head commissioner envoy ceo marshal brig
    brigadier attorney speaker ayatollah archbishop bishop cardinal rabbi imam minister-president
    """
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Lower-case particles belong to the surname: "Jaap de Hoop Scheffer" is Mr de Hoop Scheffer.
_SURNAME_PARTICLES = _wordset("de van von der den da di du la le al el bin ibn ter")
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
    if not best:
        return _Name((), "")
    surname_start = len(best) - 1
    for i, token in enumerate(best[:-1]):
        # "de Hoop Scheffer", or "De Hoop Scheffer" at the start: a surname with a particle.
        if token.casefold() in _SURNAME_PARTICLES and (i > 0 or token[0].isupper()):
            surname_start = i
            break
    given = tuple(_fold(t) for t in best[:surname_start] if _fold(t))
    return _Name(given, _fold(best[-1]))


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
        return tokens[i][0].isupper() or keys[i] in _SURNAME_PARTICLES

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


# --------------------------------------------------------------------------------------------
# Statements
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteForMatching:
    key: object  # opaque id
    text: str  # the quoted words
    speaker_key: object | None
    article_key: object  # quotes of the same article are never grouped together


@dataclass
class StatementGroup:
    key: object  # existing group id (must not be None when passed to match_statements)
    members: list[QuoteForMatching]


@dataclass
class GroupAssignment:
    """Where one new quote goes.

    - joins an existing group: `group_key` set, `new_group_index` None;
    - starts a new group: `group_key` None, `new_group_index` 0, 1, 2... in the order of the call;
    - stays alone (no content words at all, e.g. "it"): both None.
    """

    quote_key: object
    group_key: object | None
    new_group_index: int | None
    score: float


# Thresholds, tuned on the demo corpus and the reworded/different pairs in tests/test_matching.py.
# Full rendition against full rendition: mean of the content-word ratio (word-level Indel over the
# content words, in order) and the character ratio of the normalised texts. Reworded statements
# score 75-90, different statements on the same subject 45-70.
FULL_MATCH_MIN = 72.0
FULL_MATCH_MIN_CONTENT = 3  # fewer content words than this and the ratios are noise
# A partial quote is the shorter text found, almost verbatim, inside the longer one.
PARTIAL_MATCH_MIN = 90.0
# A partial match is weaker evidence than a full one: of two quotes of one article that fit a group,
# the full rendition wins, and an exact excerpt (95) still beats a reworded full quote (72-90).
PARTIAL_MATCH_WEIGHT = 0.95
PARTIAL_MIN_CONTENT_SAME_SPEAKER = 3
PARTIAL_MIN_CONTENT_OTHERWISE = 4  # "weapons of mass destruction" alone proves nothing
# Shorter fragments ("stronger and more productive") only join a statement by the same known
# speaker that contains them word for word; one content word needs the identical quote.
CONTAINED_MIN_CONTENT = 2
CONTAINED_SCORE = 90.0


def _statement_score(
    a: _Text, b: _Text, *, same_speaker: bool, ratio: float, content_ratio: float, partial: float
) -> float:
    """Score of a pair of quotes if they are the same statement, else 0.

    `ratio`, `content_ratio` and `partial` are the rapidfuzz scores already computed in bulk.
    """
    short, long = (a, b) if len(a.content) <= len(b.content) else (b, a)
    n = len(short.content)
    score = 0.0
    if n >= FULL_MATCH_MIN_CONTENT:
        full = (ratio + content_ratio) / 2
        if full >= FULL_MATCH_MIN:
            score = full
    min_partial = (
        PARTIAL_MIN_CONTENT_SAME_SPEAKER if same_speaker else PARTIAL_MIN_CONTENT_OTHERWISE
    )
    if n >= min_partial:
        if partial >= PARTIAL_MATCH_MIN:
            score = max(score, PARTIAL_MATCH_WEIGHT * partial)
    elif same_speaker and n >= 1 and partial == 100.0:
        contained = f" {short.norm} " in f" {long.norm} "
        if (contained and n >= CONTAINED_MIN_CONTENT) or short.norm == long.norm:
            score = max(score, CONTAINED_SCORE)
    return score


# A partial needs most of the shorter quote's content words, in order, in the longer one; this
# cheap test (LCS over content words) spares the costly partial_ratio for all other pairs.
PARTIAL_PREFILTER_COVERAGE = 0.6
# At story level (speakers unknown) a partial needs PARTIAL_MIN_CONTENT_OTHERWISE content words
# in the shorter quote, so at least this many in common.
STORY_PARTIAL_MIN_COMMON = math.ceil(PARTIAL_PREFILTER_COVERAGE * PARTIAL_MIN_CONTENT_OTHERWISE)


class _Choices:
    """Texts to compare new quotes with, laid out once for rapidfuzz's batch functions."""

    def __init__(self, texts: Sequence[_Text]):
        self.texts = list(texts)
        self.norms = [t.norm for t in self.texts]
        self.contents = [t.content_key for t in self.texts]


def _bulk_scores(
    query: _Text, choices: _Choices, min_common: int = CONTAINED_MIN_CONTENT
) -> dict[int, tuple[float, float, float]]:
    """(ratio, content_ratio, partial) for every choice that could pass some rule.

    Each `process.extract` runs the query against all choices in C++; Python only sees the hits.
    `min_common`: content words in common below which no partial rule can apply to the caller.
    """
    # The full rule needs the mean of two ratios >= FULL_MATCH_MIN, so each is at least this.
    # Word-level first (short sequences, fast), characters only for the choices that pass.
    floor = 2 * FULL_MATCH_MIN - 100
    contents = {
        i: s
        for _, s, i in process.extract(
            query.content_key, choices.contents, scorer=fuzz.ratio, score_cutoff=floor, limit=None
        )
    }
    ratios = {}
    for i in contents:
        ratio = fuzz.ratio(query.norm, choices.norms[i], score_cutoff=floor)
        if ratio:
            ratios[i] = ratio
    partials = {}
    common = process.extract(
        query.content_key,
        choices.contents,
        scorer=LCSseq.similarity,  # number of content words in common, in order
        score_cutoff=min(min_common, len(query.content)),
        limit=None,
    )
    for _, in_common, i in common:
        shorter = min(len(query.content), len(choices.contents[i]))
        if in_common >= PARTIAL_PREFILTER_COVERAGE * shorter:
            partial = fuzz.partial_ratio(
                query.norm, choices.norms[i], score_cutoff=PARTIAL_MATCH_MIN
            )
            if partial:
                partials[i] = partial
    scores = {}
    for i in partials.keys() | (ratios.keys() & contents.keys()):
        scores[i] = (ratios.get(i, 0.0), contents.get(i, 0.0), partials.get(i, 0.0))
    return scores


def match_statements(
    new_quotes: Sequence[QuoteForMatching], groups: Sequence[StatementGroup]
) -> list[GroupAssignment]:
    """Assign one article's quotes to a story's statement groups (or to new groups).

    Only the new quotes are compared, each with the members of the groups it could belong to: groups
    by the same speaker or with no known speaker (any group when the quote's speaker is unknown),
    without a quote from the same article. A group's score is its best member's score. Each group
    takes at most one quote per article, best score first. Returns one assignment per new quote, in
    order. New quotes are never grouped with each other (a call is one article).
    """
    _renumber_words_if_full()
    texts = [_analyse(q.text) for q in new_quotes]
    group_speakers: list[frozenset] = []
    group_articles: list[frozenset] = []
    for group in groups:
        if group.key is None:
            raise ValueError(
                "match_statements needs a key for every group; give new ones a temporary key"
            )
        group_speakers.append(
            frozenset(m.speaker_key for m in group.members if m.speaker_key is not None)
        )
        group_articles.append(frozenset(m.article_key for m in group.members))

    candidates_cache: dict[tuple, tuple[_Choices, list[list[int]]]] = {}

    def candidates_for(quote: QuoteForMatching) -> tuple[_Choices, list[list[int]]]:
        """Distinct member texts of the eligible groups, and which groups hold each text."""
        cache_key = (quote.speaker_key, quote.article_key)
        if cache_key not in candidates_cache:
            unique: dict[str, int] = {}
            choice_texts: list[_Text] = []
            holders: list[list[int]] = []
            for gi, group in enumerate(groups):
                speakers = group_speakers[gi]
                if quote.speaker_key is not None and speakers and quote.speaker_key not in speakers:
                    continue
                if quote.article_key in group_articles[gi]:
                    continue
                for member in group.members:
                    text = _analyse(member.text)
                    ti = unique.setdefault(text.norm, len(choice_texts))
                    if ti == len(choice_texts):
                        choice_texts.append(text)
                        holders.append([])
                    if not holders[ti] or holders[ti][-1] != gi:
                        holders[ti].append(gi)
            candidates_cache[cache_key] = (_Choices(choice_texts), holders)
        return candidates_cache[cache_key]

    scored: list[tuple[float, int, int]] = []  # (score, quote index, group index)
    for qi, (quote, text) in enumerate(zip(new_quotes, texts, strict=True)):
        if not text.content:
            continue
        choices, holders = candidates_for(quote)
        if not choices.texts:
            continue
        best_by_group: dict[int, float] = {}
        for ti, (ratio, content_ratio, partial) in _bulk_scores(text, choices).items():
            for gi in holders[ti]:
                same_speaker = (
                    quote.speaker_key is not None and quote.speaker_key in group_speakers[gi]
                )
                score = _statement_score(
                    text,
                    choices.texts[ti],
                    same_speaker=same_speaker,
                    ratio=ratio,
                    content_ratio=content_ratio,
                    partial=partial,
                )
                if score > best_by_group.get(gi, 0.0):
                    best_by_group[gi] = score
        scored.extend((score, qi, gi) for gi, score in best_by_group.items())

    chosen: dict[int, tuple[int, float]] = {}
    taken: set[tuple[int, object]] = set()
    for score, qi, gi in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        article = new_quotes[qi].article_key
        if qi in chosen or (gi, article) in taken:
            continue
        chosen[qi] = (gi, score)
        taken.add((gi, article))

    assignments = []
    new_index = 0
    for qi, quote in enumerate(new_quotes):
        if qi in chosen:
            gi, score = chosen[qi]
            assignments.append(GroupAssignment(quote.key, groups[gi].key, None, score))
        elif texts[qi].content:
            assignments.append(GroupAssignment(quote.key, None, new_index, 0.0))
            new_index += 1
        else:
            assignments.append(GroupAssignment(quote.key, None, None, 0.0))
    return assignments


def fullest_wording(texts: Sequence[str]) -> int:
    """Index of the most complete rendition: most content words, then most words, then first."""
    if not texts:
        raise ValueError("fullest_wording needs at least one text")
    measures = [(len(t.content), len(t.words), len(t.norm)) for t in map(_analyse, texts)]
    return max(range(len(texts)), key=lambda i: (measures[i], -i))


@dataclass
class DiffToken:
    op: str  # "equal" | "insert" | "delete" | "replace"
    base: str  # words in the fullest wording ("" for insert)
    other: str  # words in this member's wording ("" for delete)


def _diff_words(text: str) -> tuple[list[str], list[str]]:
    """Words as written (for display) and their normalised forms (for comparison)."""
    display: list[str] = []
    keys: list[str] = []
    pending = ""
    for raw in text.split():
        key = " ".join(normalise_words(raw))
        if not key:
            # Punctuation on its own ("--", "—") is shown with its neighbour, never compared.
            if display:
                display[-1] += " " + raw
            else:
                pending += raw + " "
            continue
        display.append(pending + raw)
        keys.append(key)
        pending = ""
    return display, keys


def _slide_stray_matches(ops: list[list]) -> list[list]:
    """Move an equal run to the end of the deletion that follows it when the words allow.

    The LCS prefers early matches, so "we succeed" against "we know that we succeed" keeps the
    first "we" and drops "know that we"; sliding keeps the "we" next to "succeed" instead.
    """
    changed = True
    while changed:
        changed = False
        for i in range(len(ops) - 1):
            equal, delete = ops[i], ops[i + 1]
            if equal[0] != "equal" or delete[0] != "delete":
                continue
            length = equal[2] - equal[1]
            if length > delete[2] - delete[1] or (
                equal[5][equal[1] : equal[2]] != equal[5][delete[2] - length : delete[2]]
            ):
                continue
            ops[i] = ["delete", equal[1], delete[2] - length, equal[3], equal[3], equal[5]]
            ops[i + 1] = ["equal", delete[2] - length, delete[2], equal[3], equal[4], equal[5]]
            if i > 0 and ops[i - 1][0] == "delete":
                ops[i - 1][2] = ops[i][2]
                del ops[i]
            changed = True
            break
    return ops


def word_diff(base: str, other: str) -> list[DiffToken]:
    """Word-level differences of `other` against the fullest wording `base`.

    Words are compared normalised (case, punctuation, curly apostrophes) and shown as written.
    Neighbouring changes merge into one op, so "step up its" -> "strengthen Russia’s" is a single
    replace. When `other` is a partial quote, the parts of `base` before its first and after its
    last common word are separate "delete" ops: words this outlet did not quote.
    """
    base_display, base_keys = _diff_words(base)
    other_display, other_keys = _diff_words(other)
    start, end = 0, len(base_keys)
    if 0 < len(other_keys) < len(base_keys):
        alignment = fuzz.partial_ratio_alignment(other_keys, base_keys)
        if alignment is not None and alignment.score == 100:  # a verbatim excerpt
            start, end = alignment.dest_start, alignment.dest_end

    # [tag, base from, base to, other from, other to, base keys]
    ops: list[list] = []
    if start:
        ops.append(["delete", 0, start, 0, 0, base_keys])
    for op in Indel.opcodes(base_keys[start:end], other_keys):
        b1, b2 = op.src_start + start, op.src_end + start
        ops.append([op.tag, b1, b2, op.dest_start, op.dest_end, base_keys])
    if end < len(base_keys):
        ops.append(["delete", end, len(base_keys), len(other_keys), len(other_keys), base_keys])
    ops = [op for op in _slide_stray_matches(ops) if op[1] != op[2] or op[3] != op[4]]

    equal_positions = [i for i, op in enumerate(ops) if op[0] == "equal"]
    first_equal = equal_positions[0] if equal_positions else len(ops)
    last_equal = equal_positions[-1] if equal_positions else -1
    merged: list[list] = []  # [tag, b1, b2, o1, o2, outside the quoted span]
    for i, (tag, b1, b2, o1, o2, _) in enumerate(ops):
        outside = tag == "delete" and (i < first_equal or i > last_equal)
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[0] != "equal"
            and tag != "equal"
            # "Not quoted by this outlet" stays apart from a change inside the quoted span.
            and previous[5] == outside
        ):
            previous[2], previous[4] = b2, o2
        else:
            merged.append([tag, b1, b2, o1, o2, outside])

    tokens = []
    for _, b1, b2, o1, o2, _ in merged:
        if b1 < b2 and o1 < o2:
            tag = "equal" if base_keys[b1:b2] == other_keys[o1:o2] else "replace"
        else:
            tag = "delete" if b1 < b2 else "insert"
        tokens.append(DiffToken(tag, " ".join(base_display[b1:b2]), " ".join(other_display[o1:o2])))
    return tokens


# --------------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleForStory:
    key: object
    published: datetime.date | None
    people: tuple[str, ...]  # names of people quoted or mentioned
    places: tuple[str, ...]  # dateline, capitalised place names
    text: str  # title + body
    quote_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryCandidate:
    """A story as the matcher sees it.

    `articles` may be every article of the story or, for a long-running story, a sample (say the
    first and the 50 latest): the matcher compares a new article with each of them, and pools
    their people, places and quotes. `start` and `end` default to the earliest and latest known
    publication dates of `articles`.
    """

    key: object
    start: datetime.date | None
    end: datetime.date | None
    articles: tuple[ArticleForStory, ...]


@dataclass
class StoryMatch:
    key: object
    score: float
    reasons: list[str]  # for the editor: dates, shared statements, people, places, text
    # Other stories the article fits as well: probably the same event split in two (the article
    # that links them arrived last), for the editor to merge.
    also_matches: list[object] = field(default_factory=list)


# Stories join on dates, people, places, words and shared statements. Words and names alone do not
# separate two visits by the same people a year apart (the demo's 2009 and 2010 reports score as
# alike as two reports of one visit), so an article without a usable date needs a shared statement.
STORY_MAX_GAP_DAYS = 4  # published more than this outside the story's dates: another event
STORY_MATCH_MIN = 0.45  # dates agree: words, people and places suffice
STORY_MATCH_MIN_UNDATED = 0.5  # no date to compare: also needs a shared statement...
STORY_NEAR_DUPLICATE_TEXT = 0.8  # ...unless the text is near-identical (the same wire copy)
STORY_MIN_TEXT = 0.25  # the same subject: a festival in the fire's county on the same day is not
# Text leads: the same leader in the same city the same week is often another event.
STORY_WEIGHTS = {"text": 0.6, "people": 0.2, "places": 0.1}
STORY_STATEMENT_BONUS = 0.15  # per shared statement, at most two
STORY_DATE_BONUS = 0.1  # in full within a day of one of the story's articles, less further off
STORY_OTHER_PLACE = 0.1  # taken off when both name places, none the same, and no statement shared
# Stories assumed besides the candidates when weighing words and people by rarity, so that with
# one candidate every word still counts about the same.
STORY_RARITY_PRIOR = 10
# A quote matching one of a story's statements counts for the story only if they share at least
# this much of the shorter one's words, weighed by rarity: a stock phrase with the event's own
# words swapped ("I told them the X is not for sale") is another statement.
STORY_STATEMENT_RARE_SHARE = 0.5
STORY_FORMULA_STORIES = 3  # a quote word for word in this many candidate stories is a formula
RELATED_MIN_TEXT = 0.25  # "same subject"
RELATED_MIN_SCORE = 0.35


# Keyed by whole article texts: a few thousand is what the candidate stories of a run of
# imports use, and each entry holds an article's text and its terms.
@lru_cache(maxsize=1 << 12)
def _term_weights(text: str) -> dict[str, float]:
    """Sub-linear term frequencies of the content words (3+ letters, no numbers)."""
    counts: dict[str, int] = {}
    terms = _terms_of_words
    if len(terms) > TERMS_OF_WORDS_MAX:
        terms.clear()
    # Count first, then look at each distinct word once: articles repeat their words a lot.
    # A plain dict of each word's term: an lru_cache call per word was a fifth of the time.
    for word, n in Counter(normalise_words(text)).items():
        term = terms.get(word, 0)
        if term == 0:
            term = terms[word] = _term_of(word)
        if term:
            counts[term] = counts.get(term, 0) + n
    return {w: 1.0 + math.log(n) for w, n in counts.items()}


# Each word's term for _term_weights (None for none), emptied past TERMS_OF_WORDS_MAX words.
_terms_of_words: dict[str, str | None] = {}
TERMS_OF_WORDS_MAX = 1 << 17


def _term_of(word: str) -> str | None:
    term = _content_word(word)
    return term if term and len(term) > 2 and not term.isdigit() else None


def _cosine(a: dict[str, float], a_norm: float, b: dict[str, float], b_norm: float) -> float:
    if not a_norm or not b_norm:
        return 0.0
    # Only the shared terms add anything: the key views intersect in C.
    return sum(a[w] * b[w] for w in a.keys() & b.keys()) / (a_norm * b_norm)


def _norm(weights: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in weights.values()))


def _place_key(place: str) -> str:
    return " ".join(_fold(w) for w in place.split())


@dataclass(frozen=True, slots=True)
class _StoryProfile:
    terms: dict[str, float]
    terms_norm: float
    people: dict[str, str]  # folded surname -> name as written
    places: dict[str, str]  # folded place -> place as written
    quotes: tuple[_Text, ...]
    start: datetime.date | None
    end: datetime.date | None
    # Each article's own terms, and the known dates: a new article is compared with each.
    articles: tuple[dict[str, float], ...] = ()
    dates: tuple[datetime.date, ...] = ()
    quote_norms: frozenset[str] = frozenset()


def _people_keys(names: Iterable[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for name in names:
        parsed = _parse_name(name)
        if parsed.surname:
            keys.setdefault(parsed.surname, name)
    return keys


def _pooled_terms_and_people(
    articles: Sequence[ArticleForStory], article_terms: Iterable[dict[str, float]]
) -> tuple[dict[str, float], dict[str, str]]:
    """The articles' term weights summed, and their people by folded surname (first name
    as written wins)."""
    terms: dict[str, float] = {}
    people: dict[str, str] = {}
    for article, weights in zip(articles, article_terms, strict=True):
        for word, weight in weights.items():
            terms[word] = terms.get(word, 0.0) + weight
        for key, name in _people_keys(article.people).items():
            people.setdefault(key, name)
    return terms, people


def _profile(
    articles: Sequence[ArticleForStory],
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> _StoryProfile:
    places: dict[str, str] = {}
    quotes: dict[str, _Text] = {}
    dates = [a.published for a in articles if a.published is not None]
    article_terms = tuple(_term_weights(article.text) for article in articles)
    terms, people = _pooled_terms_and_people(articles, article_terms)
    for article in articles:
        for place in article.places:
            places.setdefault(_place_key(place), place)
        for quote in article.quote_texts:
            text = _analyse(quote)
            if text.content:
                quotes.setdefault(text.norm, text)
    return _StoryProfile(
        terms,
        _norm(terms),
        people,
        places,
        tuple(quotes.values()),
        start or (min(dates) if dates else None),
        end or (max(dates) if dates else None),
        article_terms,
        tuple(sorted(set(dates))),
        frozenset(quotes),
    )


# Story profiles by fingerprint, newest last. Keyed by a hash rather than by the StoryCandidate
# itself so that the cache does not keep every article text of 256 stories alive.
_story_profiles: OrderedDict[tuple, _StoryProfile] = OrderedDict()
_story_profiles_lock = threading.Lock()
# The same, by the identity of the articles tuple (held, so that its id is not reused).
_profiles_by_articles: OrderedDict[int, tuple[tuple, tuple, _StoryProfile]] = OrderedDict()
STORY_PROFILE_CACHE_SIZE = 512


def _story_profile(story: StoryCandidate) -> _StoryProfile:
    # Cached because a story is a candidate for every article that arrives while it is recent.
    # The same articles tuple again (callers that keep their candidates) is found without
    # hashing every article's text.
    with _story_profiles_lock:
        known = _profiles_by_articles.get(id(story.articles))
        if (
            known is not None
            and known[0] is story.articles
            and known[1] == (story.key, story.start, story.end)
        ):
            _profiles_by_articles.move_to_end(id(story.articles))
            return known[2]
    profile = _story_profile_by_content(story)
    with _story_profiles_lock:
        _profiles_by_articles[id(story.articles)] = (
            story.articles,
            (story.key, story.start, story.end),
            profile,
        )
        _profiles_by_articles.move_to_end(id(story.articles))
        while len(_profiles_by_articles) > STORY_PROFILE_CACHE_SIZE:
            _profiles_by_articles.popitem(last=False)
    return profile


@dataclass(frozen=True, slots=True)
class RelatedProfile:
    """What related_stories compares: a story's words pooled, and its people (folded surname
    -> name as written). Stored as its terms and people; `from_stored()` makes it again."""

    terms: dict[str, float]
    terms_norm: float
    people: dict[str, str]

    @classmethod
    def from_stored(cls, terms: dict[str, float], people: dict[str, str]) -> "RelatedProfile":
        return cls(terms, _norm(terms), people)


# Related profiles by the identity of the articles tuple, as _profiles_by_articles.
_related_profiles: OrderedDict[int, tuple[tuple, RelatedProfile]] = OrderedDict()


def related_profile(story: StoryCandidate) -> RelatedProfile:
    """What related_stories compares of a story. Made from the story's full profile if that
    was made, else from its articles' words and people only: most candidates of a new story's
    relatives are older stories no article is placed against, and analysing their quotes was
    an eighth of the linking."""
    with _story_profiles_lock:
        for cache in (_profiles_by_articles, _related_profiles):
            known = cache.get(id(story.articles))
            if known is not None and known[0] is story.articles:
                profile = known[-1]
                if isinstance(profile, RelatedProfile):
                    return profile
                return RelatedProfile(profile.terms, profile.terms_norm, profile.people)
    terms, people = _pooled_terms_and_people(
        story.articles, [_term_weights(article.text) for article in story.articles]
    )
    profile = RelatedProfile(terms, _norm(terms), people)
    with _story_profiles_lock:
        _related_profiles[id(story.articles)] = (story.articles, profile)
        while len(_related_profiles) > STORY_PROFILE_CACHE_SIZE:
            _related_profiles.popitem(last=False)
    return profile


def _story_profile_by_content(story: StoryCandidate) -> _StoryProfile:
    try:
        fingerprint = (story.key, story.start, story.end, len(story.articles), hash(story.articles))
    except TypeError:  # an unhashable key
        return _profile(story.articles, story.start, story.end)
    with _story_profiles_lock:
        profile = _story_profiles.get(fingerprint)
        if profile is not None:
            _story_profiles.move_to_end(fingerprint)
            return profile
    profile = _profile(story.articles, story.start, story.end)
    with _story_profiles_lock:
        _story_profiles[fingerprint] = profile
        while len(_story_profiles) > STORY_PROFILE_CACHE_SIZE:
            _story_profiles.popitem(last=False)
    return profile


def clear_caches() -> None:
    """Forget all cached text analysis (for benchmarks measuring a fresh process)."""
    for cached in (_analyse, _cached_content_word, _term_weights, _parse_name, _fold):
        cached.cache_clear()
    _terms_of_words.clear()
    with _story_profiles_lock:
        _story_profiles.clear()
        _profiles_by_articles.clear()
        _related_profiles.clear()
    with _word_keys_lock:
        _word_keys.clear()


def _shared_people(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Names in `a` whose surname is also in `b` (spelling-insensitive: "Medevedev")."""
    shared = []
    b_keys = list(b)
    for key, name in a.items():
        if key in b:
            shared.append(name)
        elif len(key) >= 6:
            best = process.extractOne(
                key, b_keys, scorer=fuzz.ratio, score_cutoff=SURNAME_MIN_RATIO
            )
            if best is not None:
                shared.append(name)
    return shared


def _date_gap(
    day: datetime.date | None, start: datetime.date | None, end: datetime.date | None
) -> int | None:
    if day is None or start is None or end is None:
        return None
    if day < start:
        return (start - day).days
    if day > end:
        return (day - end).days
    return 0


def _shared_statement_counts(
    quotes: Sequence[_Text],
    candidates: list[tuple[int, _StoryProfile]],
    rarity: dict[str, float] | None = None,
) -> dict[int, int]:
    """For each candidate story, how many of `quotes` match one of its statements (with
    `rarity`, of words: only those that share their rare words, see _rare_words_share)."""
    pooled: list[_Text] = []
    owner: list[int] = []
    for ci, profile in candidates:
        pooled.extend(profile.quotes)
        owner.extend([ci] * len(profile.quotes))
    counts: Counter[int] = Counter()
    if not pooled:
        return counts
    choices = _Choices(pooled)
    for quote in quotes:
        if not quote.content:
            continue
        matched_stories = set()
        scores = _bulk_scores(quote, choices, min_common=STORY_PARTIAL_MIN_COMMON)
        for i, (ratio, content_ratio, partial) in scores.items():
            # Speakers are unknown at story level, so only the stricter rules apply.
            score = _statement_score(
                quote,
                pooled[i],
                same_speaker=False,
                ratio=ratio,
                content_ratio=content_ratio,
                partial=partial,
            )
            if score and (
                rarity is None
                or _rare_words_share(quote, pooled[i], rarity) >= STORY_STATEMENT_RARE_SHARE
            ):
                matched_stories.add(owner[i])
        counts.update(matched_stories)
    return counts


def _rarity(
    keys: Iterable[str], found_in: Iterable[Iterable[str]], stories: int
) -> dict[str, float]:
    """How rare each key is among the candidate stories: an inverse document frequency, where
    `found_in` holds, per story, the keys it shares with the article (the article is one more).

    STORY_RARITY_PRIOR stories that share nothing are assumed besides the candidates, so that
    with few candidates (one story and a new article) every key still weighs about the same."""
    counts: Counter[str] = Counter()
    for shared in found_in:
        counts.update(shared)
    total = stories + STORY_RARITY_PRIOR
    return {key: math.log(total / (counts[key] + 1)) for key in keys}


def _rare_words_share(a: _Text, b: _Text, rarity: dict[str, float]) -> float:
    """The share of the shorter quote's words, weighed by rarity, that both quotes use: a stock
    phrase filled in by two events ("I told them the X is not for sale") shares only its common
    words. Words that `rarity` does not know (numbers, the other quote's words) count as rare."""
    rarest = max(rarity.values(), default=1.0)
    a_words, b_words = set(a.content), set(b.content)
    shared = sum(rarity.get(w, rarest) for w in a_words & b_words)
    shorter = min(
        sum(rarity.get(w, rarest) for w in a_words), sum(rarity.get(w, rarest) for w in b_words)
    )
    return shared / shorter if shorter else 0.0


def _nearest_gap(day: datetime.date | None, dates: Sequence[datetime.date]) -> int | None:
    if day is None or not dates:
        return None
    return min(abs((day - other).days) for other in dates)


def match_story(article: ArticleForStory, stories: Sequence[StoryCandidate]) -> StoryMatch | None:
    """The story this article reports on, or None when it starts a new one.

    A story dated more than STORY_MAX_GAP_DAYS away from the article is never a match. The article
    is compared with each of the story's articles, not with all of them pooled (a pooled story
    matches more the more it has absorbed, and snowballs): `text` is the share of the article's
    words found in the story's likeliest article, each word weighed by its rarity among the
    candidate stories, so that "talks" and "agreed" count little and the event's own words much.
    People are weighed by rarity too (a leader quoted at every event says little). A story whose
    text is less alike than STORY_MIN_TEXT is about something else.

    Score (STORY_WEIGHTS): 0.6 x text + 0.2 x share of the article's people the story names
    (weighed by rarity) + 0.1 x share of its places (minus STORY_OTHER_PLACE when both name
    places, none in common, and no statement is shared) + 0.15 per shared statement (at most two;
    a formula quoted at several events, or a stock phrase with other words in it, is not one) + up
    to 0.1 for dates (in full within a day of one of the story's articles, so that a story that
    has spread over days does not draw in everything near it). When both dates are known and
    close, score >= STORY_MATCH_MIN suffices. When either date is unknown, the article must also
    share a statement with the story (or be a near-duplicate of one of its articles): people and
    subject alone recur from one event to the next.

    The best-scoring story wins; `reasons` say why, for the editor, and `also_matches` lists the
    other stories that passed. Matching is incremental, so the result can depend on arrival order:
    an undated report that arrives before any report it shares a statement with starts a story of
    its own; `also_matches` then shows the two stories to merge when the linking article arrives.
    """
    _renumber_words_if_full()
    mine = _profile([article])
    near: list[tuple[int, _StoryProfile, int | None, set[str]]] = []
    for si, story in enumerate(stories):
        profile = _story_profile(story)
        gap = _date_gap(article.published, profile.start, profile.end)
        if gap is None or gap <= STORY_MAX_GAP_DAYS:
            near.append((si, profile, gap, mine.terms.keys() & profile.terms.keys()))
    if not near or not mine.terms:
        return None
    word_rarity = _rarity(mine.terms, [shared for *_, shared in near], len(near))
    terms = {word: weight * word_rarity[word] for word, weight in mine.terms.items()}
    terms_total = sum(terms.values())
    people = _rarity(
        mine.people,
        [mine.people.keys() & profile.people.keys() for _, profile, _, _ in near],
        len(near),
    )
    people_total = sum(people.values())

    scored: list[tuple[int, _StoryProfile, int | None, float, float]] = []
    for si, profile, gap, shared in near:
        # All the story's words pooled cover at least as much as any one of its articles: a
        # cheap bound that spares the article-by-article comparison for most stories.
        if not terms_total or sum(map(terms.__getitem__, shared)) < STORY_MIN_TEXT * terms_total:
            continue
        text, best = 0.0, None
        for article_terms in profile.articles:
            covered = sum(map(terms.__getitem__, shared & article_terms.keys())) / terms_total
            if covered > text:
                text, best = covered, article_terms
        if text >= STORY_MIN_TEXT:
            closest = _cosine(mine.terms, mine.terms_norm, best, _norm(best))
            scored.append((si, profile, gap, text, closest))
    if not scored:
        return None

    # Comparing quotes is the costly part: only for the stories that statements could still
    # make acceptable (the others' reasons and scores are never seen).
    evidence: dict[int, tuple[list[str], list[str], float, bool]] = {}
    worth_quotes = []
    for si, profile, gap, text, closest in scored:
        shared_people = _shared_people(mine.people, profile.people)
        places = [mine.places[k] for k in mine.places if k in profile.places]
        other_place = bool(mine.places and profile.places and not places)
        people_share = (
            sum(people[_parse_name(n).surname] for n in shared_people) / people_total
            if people_total
            else 0.0
        )
        base = (
            STORY_WEIGHTS["text"] * text
            + STORY_WEIGHTS["people"] * min(people_share, 1.0)
            + STORY_WEIGHTS["places"] * (len(places) / len(mine.places) if mine.places else 0.0)
        )
        evidence[si] = (shared_people, places, base, other_place)
        best_possible = base + 2 * STORY_STATEMENT_BONUS + 1e-9
        if gap is not None:
            possible = best_possible + STORY_DATE_BONUS >= STORY_MATCH_MIN
        else:
            possible = (
                closest >= STORY_NEAR_DUPLICATE_TEXT or best_possible >= STORY_MATCH_MIN_UNDATED
            )
        if possible:
            worth_quotes.append((si, profile))
    # Word for word at several events, a quote is a formula ("we were not consulted").
    quotes = [
        quote
        for quote in mine.quotes
        if sum(quote.norm in profile.quote_norms for _, profile, _, _ in near)
        < STORY_FORMULA_STORIES
    ]
    statements = _shared_statement_counts(quotes, worth_quotes, word_rarity) if quotes else {}

    accepted_matches: list[StoryMatch] = []
    for si, profile, gap, text, closest in scored:
        shared_people, places, base, other_place = evidence[si]
        shared_statements = statements.get(si, 0)
        score = base + STORY_STATEMENT_BONUS * min(shared_statements, 2)
        if other_place and not shared_statements:
            score -= STORY_OTHER_PLACE
        reasons = []
        if gap is not None:
            nearest = _nearest_gap(article.published, profile.dates)
            if nearest is None:
                nearest = gap
            score += STORY_DATE_BONUS * max(0.0, 1 - max(nearest - 1, 0) / STORY_MAX_GAP_DAYS)
            dates = str(profile.start)
            if profile.end != profile.start:
                dates += f" to {profile.end}"
            reasons.append(
                f"published during the story ({dates})"
                if gap == 0
                else f"published {gap} day(s) from the story ({dates})"
            )
            accepted = score >= STORY_MATCH_MIN
        else:
            reasons.append("no date to compare")
            accepted = closest >= STORY_NEAR_DUPLICATE_TEXT or (
                shared_statements >= 1 and score >= STORY_MATCH_MIN_UNDATED
            )
        if shared_statements:
            reasons.append(f"shares {shared_statements} statement(s)")
        if shared_people:
            reasons.append("same people: " + ", ".join(sorted(shared_people)))
        if places:
            reasons.append("same places: " + ", ".join(sorted(places)))
        elif other_place:
            reasons.append("other places: " + ", ".join(sorted(mine.places.values())))
        reasons.append(f"text similarity {text:.2f}")
        if accepted:
            accepted_matches.append(StoryMatch(stories[si].key, round(score, 3), reasons))
    if not accepted_matches:
        return None
    accepted_matches.sort(key=lambda match: match.score, reverse=True)
    best = accepted_matches[0]
    best.also_matches = [match.key for match in accepted_matches[1:]]
    return best


def related_stories(
    story: StoryCandidate, others: Sequence[StoryCandidate]
) -> list[tuple[object, float]]:
    """Other stories about the same people and subject (another visit, the follow-up), best first.

    Related means at least one shared person and text similarity >= RELATED_MIN_TEXT; the score
    is the mean of the text similarity and the share of people in common.
    """
    return related_by_profile(
        related_profile(story),
        ((other.key, related_profile(other)) for other in others if other.key != story.key),
    )


def related_by_profile(
    mine: RelatedProfile, others: Iterable[tuple[object, RelatedProfile]]
) -> list[tuple[object, float]]:
    """related_stories given the stories' profiles: (key, profile) of the others."""
    related = []
    for key, profile in others:
        text = _cosine(mine.terms, mine.terms_norm, profile.terms, profile.terms_norm)
        if text < RELATED_MIN_TEXT:
            continue
        shared = _shared_people(mine.people, profile.people)
        if not shared:
            continue
        people = len(shared) / min(len(mine.people), len(profile.people))
        score = (text + people) / 2
        if score >= RELATED_MIN_SCORE:
            related.append((key, round(score, 3)))
    related.sort(key=lambda item: item[1], reverse=True)
    return related


_HEADLINE_MAX_WORDS = 14
_CAPTION_MARKS = ("[", "]", "/", "(", "|", "©")


def story_title(articles: Sequence[ArticleForStory]) -> str:
    """A short title for a new story: the earliest article's headline, if it names what the
    articles share; else the next article's; else the people and places they share.

    A headline is one of the first four lines: 3 to 14 words, mostly words, no caption or byline
    marks; chrome such as "Global General" shares no terms and is passed over.
    """
    if not articles:
        return ""
    ordered = sorted(
        articles, key=lambda a: (a.published is None, a.published or datetime.date.min)
    )
    if len(ordered) == 1:
        weights = _term_weights(ordered[0].text)
        shared = set(sorted(weights, key=weights.__getitem__, reverse=True)[:12])
    else:
        # Words that at least two of the articles use.
        document_counts = Counter(w for a in ordered for w in _term_weights(a.text))
        shared = {w for w, n in document_counts.items() if n >= 2}

    for article in ordered:
        best_line, best_shared = "", 0
        lines = [line.strip() for line in article.text.splitlines() if line.strip()]
        for line in lines[:4]:
            words = line.split()
            alphabetic = sum(any(c.isalpha() for c in w) for w in words)
            if not 3 <= len(words) <= _HEADLINE_MAX_WORDS or alphabetic < 0.8 * len(words):
                continue
            if any(mark in line for mark in _CAPTION_MARKS) or line.endswith((".", ":", ",")):
                continue
            terms = {w for w in content_words(normalise_words(line)) if len(w) > 2}
            if len(terms & shared) > best_shared:
                best_line, best_shared = line, len(terms & shared)
        if best_shared >= 2:
            return best_line

    profile = _profile(ordered)
    names = [profile.people[k] for k in list(profile.people)[:2]]
    places = [profile.places[k] for k in list(profile.places)[:1]]
    return " in ".join(filter(None, [" and ".join(names), ", ".join(places)])) or "Untitled story"
