"""Match statements, speakers and stories across outlets.

The only module in the project that imports rapidfuzz. Pure text code: it takes strings and plain
dataclasses and returns plain dataclasses; callers load from and save to the database.

- `match_person` decides whether a name refers to a known person ("Medevedev" is Dmitry Medvedev,
  "Clinton" is nobody when two Clintons are known).
- `match_statements` puts one article's quotes into a story's statement groups, so that the same
  statement quoted in full by one outlet and in part, or reworded, by another shows up as one row.
  `fullest_wording` and `word_diff` then show how each outlet's wording differs.
- `match_story`, `related_stories` and `story_title` group articles into stories (events).

Scoring is vectorised with rapidfuzz's batch functions (`process.extract` with `limit=None` runs one
query against all choices in C++). `process.cdist` would need numpy, which the project does not
install, so each new quote is one `extract` call over the candidate members instead.
"""

import datetime
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

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
    "related_stories",
    "story_title",
    "word_diff",
]

# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either even ever every few
    for from further had has have having he her here hers herself him himself his how however i if in
    into is it its itself just let like many me more most much must my myself now of off on once one
    only or other our ours ourselves out over own per quite rather really said same say says shall she
    should since so some still such than that the their theirs them themselves then there these they
    this those though through thus to too under until up upon us very via was we were what whatever
    when where whether which while who whom whose why will with within would yet you your yours
    yourself yourselves mr mrs ms dr
    """.split()
)
# Negations are content: "we are ready" and "we are not ready" are different statements.
NEGATIONS = frozenset({"not", "no", "never", "nor", "cannot", "nothing", "none", "neither"})
assert not NEGATIONS & STOPWORDS

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032`\u00b4", "'"))
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_CLITIC_RE = re.compile(r"'(?:s|re|ve|ll|d|m)$")


def normalise_words(text: str) -> tuple[str, ...]:
    """Lower-cased words with punctuation dropped and curly apostrophes made straight.

    Like `rapidfuzz.utils.default_process`, except that apostrophes inside words survive, so
    "it’s" and "it's" are both the word "it's".
    """
    return tuple(_WORD_RE.findall(text.translate(_APOSTROPHES).casefold()))


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


def content_words(words: Iterable[str]) -> tuple[str, ...]:
    """The words that carry meaning (no stop words), lightly stemmed; negations kept."""
    return tuple(c for w in words if (c := _content_word(w)))


@dataclass(frozen=True, slots=True)
class _Text:
    norm: str  # normalised words joined by single spaces
    words: tuple[str, ...]
    content: tuple[str, ...]


@lru_cache(maxsize=1 << 16)
def _analyse(text: str) -> _Text:
    # Cached: a story's quotes are compared again every time an article is added to it.
    words = normalise_words(text)
    return _Text(" ".join(words), words, content_words(words))


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonCandidate:
    key: object
    name: str
    aliases: tuple[str, ...] = ()


# Words that precede a name without being part of it. Lower-case, without dots.
TITLE_WORDS = frozenset(
    """
    president vice prime minister secretary-general secretary general chancellor premier mr mrs ms
    miss dr prof professor gen sen senator rep representative gov governor mayor ambassador chief
    king queen prince princess pope sir dame lord lady sheikh emir judge justice col colonel lt
    lieutenant capt captain maj major sgt sergeant adm admiral cmdr commander rev reverend father
    spokesman spokeswoman spokesperson foreign defence defense interior finance state deputy acting
    former chairman chairwoman chair director leader head commissioner envoy ceo marshal brig
    brigadier attorney speaker ayatollah archbishop bishop cardinal rabbi imam minister-president
    """.split()
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
# Lower-case particles belong to the surname: "Jaap de Hoop Scheffer" is Mr de Hoop Scheffer.
_SURNAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn", "ter"}
)
# Common English nicknames; transliterations are handled by `_fold`.
_NICKNAMES = {
    frozenset(pair)
    for pair in [
        ("bill", "william"),
        ("vil", "villiam"),  # folded spellings of the pair above
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
}
_LETTER_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"})
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
    text = text.translate(_APOSTROPHES)
    text = re.sub(r"'s\b", "", text)  # "Rasmussen's"
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
        if i > 0 and token in _SURNAME_PARTICLES:
            surname_start = i
            break
    given = tuple(_fold(t) for t in best[:surname_start] if _fold(t))
    return _Name(given, _fold(best[-1]))


def _strip_titles(raw_tokens: list[str]) -> list[str]:
    tokens = [t.strip("\"'()[]:;") for t in raw_tokens]
    tokens = [t for t in tokens if t and any(c.isalpha() for c in t)]
    keys = [t.rstrip(".").casefold() for t in tokens]
    # A lower-case title at the end makes the whole thing a role ("the Danish NATO chief").
    if keys and keys[-1] in TITLE_WORDS and tokens[-1][0].islower():
        return []
    # Everything up to the last title word is title: "Russian President Dmitry Medvedev".
    start = 0
    for i, key in enumerate(keys[:-1]):
        if key in TITLE_WORDS:
            start = i + 1
    tokens, keys = tokens[start:], keys[start:]
    while keys and keys[-1] in _NAME_SUFFIXES:
        tokens, keys = tokens[:-1], keys[:-1]
    return [
        t.rstrip(".")
        for t, k in zip(tokens, keys, strict=True)
        if not _is_acronym(t) and (t[0].isupper() or k in _SURNAME_PARTICLES)
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
            score_cutoff=min(SURNAME_MIN_RATIO, 100.0),
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
    min_partial = PARTIAL_MIN_CONTENT_SAME_SPEAKER if same_speaker else PARTIAL_MIN_CONTENT_OTHERWISE
    if n >= min_partial:
        if partial >= PARTIAL_MATCH_MIN:
            score = max(score, partial)
    elif same_speaker and n >= 1 and partial == 100.0:
        contained = f" {short.norm} " in f" {long.norm} "
        if (contained and n >= CONTAINED_MIN_CONTENT) or short.norm == long.norm:
            score = max(score, CONTAINED_SCORE)
    return score


def _bulk_scores(query: _Text, choices: Sequence[_Text]) -> dict[int, tuple[float, float, float]]:
    """(ratio, content_ratio, partial) for every choice that could pass some rule; C++ loops."""
    # The full rule needs the mean of two ratios >= FULL_MATCH_MIN, so each is at least this:
    floor = 2 * FULL_MATCH_MIN - 100
    norms = [c.norm for c in choices]
    ratios = {
        i: s
        for _, s, i in process.extract(
            query.norm, norms, scorer=fuzz.ratio, score_cutoff=floor, limit=None
        )
    }
    contents = {
        i: s
        for _, s, i in process.extract(
            query.content,
            [c.content for c in choices],
            scorer=fuzz.ratio,
            score_cutoff=floor,
            limit=None,
        )
    }
    partials = {
        i: s
        for _, s, i in process.extract(
            query.norm, norms, scorer=fuzz.partial_ratio, score_cutoff=PARTIAL_MATCH_MIN, limit=None
        )
    }
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
    texts = [_analyse(q.text) for q in new_quotes]
    group_speakers: list[frozenset] = []
    group_articles: list[frozenset] = []
    for group in groups:
        if group.key is None:
            raise ValueError("match_statements needs a key for every group; give new ones a temporary key")
        group_speakers.append(
            frozenset(m.speaker_key for m in group.members if m.speaker_key is not None)
        )
        group_articles.append(frozenset(m.article_key for m in group.members))

    candidates_cache: dict[tuple, tuple[list[_Text], list[list[int]]]] = {}

    def candidates_for(quote: QuoteForMatching) -> tuple[list[_Text], list[list[int]]]:
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
            candidates_cache[cache_key] = (choice_texts, holders)
        return candidates_cache[cache_key]

    scored: list[tuple[float, int, int]] = []  # (score, quote index, group index)
    for qi, (quote, text) in enumerate(zip(new_quotes, texts, strict=True)):
        if not text.content:
            continue
        choice_texts, holders = candidates_for(quote)
        if not choice_texts:
            continue
        best_by_group: dict[int, float] = {}
        for ti, (ratio, content_ratio, partial) in _bulk_scores(text, choice_texts).items():
            for gi in holders[ti]:
                same_speaker = quote.speaker_key is not None and quote.speaker_key in group_speakers[gi]
                score = _statement_score(
                    text,
                    choice_texts[ti],
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


def word_diff(base: str, other: str) -> list[DiffToken]:
    """Word-level differences of `other` against the fullest wording `base`.

    Words are compared normalised (case, punctuation, curly apostrophes) and shown as written.
    Neighbouring changes merge into one op, so "step up its" -> "strengthen Russia’s" is a single
    replace. When `other` is a partial quote, the parts of `base` outside the span it aligns with
    are "delete" ops: words this outlet did not quote.
    """
    base_display, base_keys = _diff_words(base)
    other_display, other_keys = _diff_words(other)
    start, end = 0, len(base_keys)
    if 0 < len(other_keys) < len(base_keys):
        alignment = fuzz.partial_ratio_alignment(other_keys, base_keys)
        if alignment is not None and alignment.score > 0:
            # An inexact window may cut a reworded span short; leave room for the diff to extend it.
            slack = 0 if alignment.score == 100 else max(2, len(other_keys) // 4)
            start = max(0, alignment.dest_start - slack)
            end = min(len(base_keys), alignment.dest_end + slack)

    # (tag, base from, base to, other from, other to, outside the aligned span)
    ops: list[tuple[str, int, int, int, int, bool]] = []
    if start:
        ops.append(("delete", 0, start, 0, 0, True))
    for op in Indel.opcodes(base_keys[start:end], other_keys):
        ops.append(
            (op.tag, op.src_start + start, op.src_end + start, op.dest_start, op.dest_end, False)
        )
    if end < len(base_keys):
        ops.append(("delete", end, len(base_keys), len(other_keys), len(other_keys), True))

    merged: list[list] = []
    for tag, b1, b2, o1, o2, outside in ops:
        if b1 == b2 and o1 == o2:
            continue
        previous = merged[-1] if merged else None
        mergeable = (
            previous is not None
            and previous[0] != "equal"
            and tag != "equal"
            # "Not quoted by this outlet" stays apart from a change inside the quoted span.
            and (previous[5] == outside or (previous[0] == tag == "delete"))
        )
        if mergeable:
            previous[2], previous[4] = b2, o2
            previous[5] = previous[5] and outside
        else:
            merged.append([tag, b1, b2, o1, o2, outside])
    tokens = []
    for _, b1, b2, o1, o2, _ in merged:
        base_words = " ".join(base_display[b1:b2])
        other_words = " ".join(other_display[o1:o2])
        if base_words == other_words == "":
            continue
        if b1 < b2 and o1 < o2:
            is_equal = base_keys[b1:b2] == other_keys[o1:o2]
            tag = "equal" if is_equal else "replace"
        else:
            tag = "delete" if b1 < b2 else "insert"
        tokens.append(DiffToken(tag, base_words, other_words))
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
    first and the 50 latest): the matcher pools their words, people, places and quotes. `start` and
    `end` default to the earliest and latest known publication dates of `articles`.
    """

    key: object
    start: datetime.date | None
    end: datetime.date | None
    articles: tuple[ArticleForStory, ...]


@dataclass
class StoryMatch:
    key: object
    score: float
    reasons: list[str]
