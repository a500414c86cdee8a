"""Which of a story's statements each quote of a new article renders.

`match_statements` puts one article's quotes into a story's statement groups, so that the same
statement quoted in full by one outlet and in part, or reworded, by another shows up as one row.
`fullest_wording` picks the rendition that `differences.word_diff` compares the others with.

Scoring is vectorised with rapidfuzz's batch functions: `process.extract(..., limit=None)` scores
one query against all choices in C++ and returns only those above the cut-off. `process.cdist`
would need numpy, which the project does not install, so each new quote is one `extract` call per
scorer over the candidate members (a handful of quotes per article, so the loop is short).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from .words import _analyse, _renumber_words_if_full, _Text


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

    A passage an outlet quoted in one piece may hold several statements: `also_in` are the other
    existing groups whose statement the quote holds whole (their fullest wording inside it), and
    `passages` the existing quotes of other groups that hold this quote's statement whole (when
    it starts its group, or is its fullest wording).
    """

    quote_key: object
    group_key: object | None
    new_group_index: int | None
    score: float
    also_in: tuple = ()
    passages: tuple = ()


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
# speaker that contains them word for word, or has just their content words; one content word
# needs the identical quote.
CONTAINED_MIN_CONTENT = 2
CONTAINED_SCORE = 90.0
# The same words where one outlet named no speaker ("deeply disturbed", "a jumping point" /
# "jumping point"): as many content words as a fragment of a known speaker needs, all of them.
SAME_WORDS_MIN_CONTENT = CONTAINED_MIN_CONTENT


def _statement_score(
    a: _Text,
    b: _Text,
    *,
    same_speaker: bool,
    ratio: float,
    content_ratio: float,
    partial: float,
    share: float = 0.0,
) -> float:
    """Score of a pair of quotes if they are the same statement, else 0.

    `ratio`, `content_ratio` and `partial` are the rapidfuzz scores already computed in bulk;
    `share` the shorter quote's content words found in the other (only where
    `_may_be_reworded`).
    Only quotes of the same speaker, or where one has no known speaker, are scored here.
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
    elif same_speaker and n >= 1:
        contained = partial == 100.0 and _contains(long, short)
        # The same content words with other little words between ("worst had been avoided",
        # "the worst has been avoided"): one fragment, its tense or article changed in reporting;
        # or cut one word short ("Sometimes you have to walk", "Sometimes we have to walk away")
        # unless that word is a negation ("worst had not been avoided").
        reworded = (
            len(long.content) <= n + 1
            and _in_order(short.content, long.content)
            and long.content.count("not") == short.content.count("not")
            and not (set(long.content) - set(short.content)) & NEGATIONS
        )
        if (contained or reworded) and n >= CONTAINED_MIN_CONTENT or short.norm == long.norm:
            score = max(score, CONTAINED_SCORE)
    if n >= SAME_WORDS_MIN_CONTENT and short.content == long.content:
        score = max(score, CONTAINED_SCORE)
    if same_speaker and share >= REWORDED_MIN_SHARE:
        score = max(score, REWORDED_SCORE)
    return score


def _held(short: _Text, long: _Text) -> bool:
    """Whether `short`'s content words follow each other in `long`, not after a negation there
    ("good news" is not held by "it is not good news")."""
    n = len(short.content)
    if not n or short.content_key not in long.content_key:
        return False
    words = long.content
    return any(
        words[i : i + n] == short.content and (i == 0 or words[i - 1] not in NEGATIONS)
        for i in range(len(words) - n + 1)
    )


# The same words, whole, attributed to someone else: an extractor or an outlet gave the quote to
# the wrong person (a word of the sentence read as a name, the wrong one of two speakers). Long
# enough that two people cannot have said it by chance, and nearly word for word.
VERBATIM_MIN_CONTENT = 5
VERBATIM_MIN = 90.0


NEGATIONS = frozenset({"not", "no", "never"})  # content words (words.content_words keeps them)


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether every word of `short` is in `long`, in the same order."""
    words = iter(long)
    return all(word in words for word in short)


# The same speaker's statement reported in other words and another order ("They wanted the
# sanctions lifted in their entirety and we couldn't do that" / "Kim wanted sanctions to be
# lifted in entirety, we could not do that"): most of the shorter quote's content words, in any
# order, in a quote not much longer (a long passage holds many words of any short quote).
REWORDED_MIN_CONTENT = 4
REWORDED_MIN_SHARE = 0.9
REWORDED_MAX_LENGTH_RATIO = 3
REWORDED_SCORE = FULL_MATCH_MIN  # the weakest match: any full or partial one wins over it


def _may_be_reworded(a: _Text, b: _Text) -> bool:
    short, long = sorted((len(a.content), len(b.content)))
    return short >= REWORDED_MIN_CONTENT and long <= REWORDED_MAX_LENGTH_RATIO * short


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
    query: _Text,
    choices: _Choices,
    min_common: int = CONTAINED_MIN_CONTENT,
    shares: dict[int, float] | None = None,
) -> dict[int, tuple[float, float, float]]:
    """(ratio, content_ratio, partial) for every choice that could pass some rule.

    Each `process.extract` runs the query against all choices in C++; Python only sees the hits.
    `min_common`: content words in common below which no partial rule can apply to the caller.
    `shares`, if given, receives for the choices that may be reworded renditions (REWORDED_*)
    the share of the shorter quote's content words found anywhere in the other, by index; they
    are scored too.
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
        if shares is not None and _may_be_reworded(query, choices.texts[i]):
            a, b = set(query.content), set(choices.texts[i].content)
            shares[i] = len(a & b) / min(len(a), len(b))
        if in_common >= PARTIAL_PREFILTER_COVERAGE * shorter:
            partial = fuzz.partial_ratio(
                query.norm, choices.norms[i], score_cutoff=PARTIAL_MATCH_MIN
            )
            if partial:
                partials[i] = partial
    scores = {}
    for i in partials.keys() | (ratios.keys() & contents.keys()) | (shares or {}).keys():
        scores[i] = (ratios.get(i, 0.0), contents.get(i, 0.0), partials.get(i, 0.0))
    return scores


def _verbatim_scores(query: _Text, choices: _Choices) -> dict[int, float]:
    """Full likeness of the choices that are the query nearly word for word, long enough
    (VERBATIM_MIN_CONTENT), by index; two cheap batch calls, for groups of other speakers."""
    floor = 2 * VERBATIM_MIN - 100  # each of the two ratios must reach this
    scores = {}
    for _, content_ratio, i in process.extract(
        query.content_key, choices.contents, scorer=fuzz.ratio, score_cutoff=floor, limit=None
    ):
        if len(choices.texts[i].content) < VERBATIM_MIN_CONTENT:
            continue
        full = (fuzz.ratio(query.norm, choices.norms[i]) + content_ratio) / 2
        if full >= VERBATIM_MIN:
            scores[i] = full
    return scores


def match_statements(
    new_quotes: Sequence[QuoteForMatching], groups: Sequence[StatementGroup]
) -> list[GroupAssignment]:
    """Assign one article's quotes to a story's statement groups (or to new groups).

    Only the new quotes are compared, each with the members of the groups it could belong to:
    those without a quote from the same article. A group by another known speaker takes it only
    if it has the same long sentence nearly word for word (`_verbatim_score`). A group's score
    is its best member's score. Each group takes at most one quote per article, best score
    first, except that a quote repeating an earlier one of the article word for word goes where
    that one goes (as a new group, the same new_group_index). Returns one assignment per new
    quote, in order.
    """
    _renumber_words_if_full()
    texts = [_analyse(q.text) for q in new_quotes]
    # Every member text analysed once, distinct texts numbered: which groups hold each text,
    # and which texts each group holds; and each group's speakers and articles. One pass over
    # the story's quotes, the costliest part of a call on a big story.
    group_speakers: list[frozenset] = []
    group_articles: list[frozenset] = []
    all_texts: list[_Text] = []
    all_holders: list[list[int]] = []
    group_texts: list[list[int]] = []
    numbered: dict[str, int] = {}
    for gi, group in enumerate(groups):
        if group.key is None:
            raise ValueError(
                "match_statements needs a key for every group; give new ones a temporary key"
            )
        held = []
        speakers = set()
        articles = set()
        for member in group.members:
            speakers.add(member.speaker_key)
            articles.add(member.article_key)
            text = _analyse(member.text)
            ti = numbered.get(text.norm)
            if ti is None:
                numbered[text.norm] = len(all_texts)
                held.append(len(all_texts))
                all_texts.append(text)
                all_holders.append([gi])
            elif all_holders[ti][-1] != gi:
                all_holders[ti].append(gi)
                held.append(ti)
        speakers.discard(None)
        group_speakers.append(frozenset(speakers))
        group_articles.append(frozenset(articles))
        group_texts.append(held)
    # The groups of each known speaker, and those of none: a quote's candidates without
    # going through every group.
    speakers_groups: dict[object, list[int]] = {}
    unattributed: list[int] = []
    for gi, speakers in enumerate(group_speakers):
        if not speakers:
            unattributed.append(gi)
        for speaker in speakers:
            speakers_groups.setdefault(speaker, []).append(gi)
    fullest_texts: dict[int, int | None] = {}

    def fullest_of(gi: int) -> int | None:
        """The group's fullest wording (as fullest_wording picks it), by text number; looked
        up only for the few groups a new quote may hold."""
        if gi not in fullest_texts:
            fullest_texts[gi] = max(
                group_texts[gi], key=lambda ti: _measure(all_texts[ti]), default=None
            )
        return fullest_texts[gi]

    candidates_cache: dict[tuple, tuple[_Choices, list[list[int]], list[int]]] = {}

    def candidates_for(
        quote: QuoteForMatching | None,
    ) -> tuple[_Choices, list[list[int]], list[int]]:
        """Distinct member texts of the eligible groups, which groups hold each text, and each
        text's number among all: the groups of the quote's speaker or of no known one, without
        a quote of its article; every group for None."""
        cache_key = None if quote is None else (quote.speaker_key, quote.article_key)
        if cache_key not in candidates_cache:
            if quote is None:
                every = list(range(len(all_texts)))
                candidates_cache[None] = (_Choices(all_texts), all_holders, every)
                return candidates_cache[None]
            if quote.speaker_key is None:
                pool = range(len(groups))
            else:
                pool = [*speakers_groups.get(quote.speaker_key, ()), *unattributed]
            eligible = {gi for gi in pool if quote.article_key not in group_articles[gi]}
            wanted = sorted({ti for gi in eligible for ti in group_texts[gi]})
            candidates_cache[cache_key] = (
                _Choices([all_texts[ti] for ti in wanted]),
                [[gi for gi in all_holders[ti] if gi in eligible] for ti in wanted],
                wanted,
            )
        return candidates_cache[cache_key]

    # (score, closeness, quote index, group index); closeness breaks ties between equal scores
    scored: list[tuple[float, float, int, int]] = []
    # A passage quoted in one piece holds other statements whole: per new quote, the groups
    # whose fullest wording it holds, and the (text, group) of the longer members holding it.
    holds: list[set[int]] = [set() for _ in new_quotes]
    held_by: list[list[tuple[int, int]]] = [[] for _ in new_quotes]
    for qi, (quote, text) in enumerate(zip(new_quotes, texts, strict=True)):
        if not text.content:
            continue
        best_by_group: dict[int, tuple[float, float]] = {}
        choices, holders, numbers = candidates_for(quote)
        shares: dict[int, float] = {}
        for ti, (ratio, content_ratio, partial) in _bulk_scores(
            text, choices, shares=shares
        ).items():
            other = choices.texts[ti]
            # Holding another whole: found in it nearly word for word, its every content word
            # in order there ("a good day for the grid" is not in "a bad day for the grid").
            short, long = (text, other) if len(text.content) < len(other.content) else (other, text)
            inside = (partial >= PARTIAL_MATCH_MIN or _contains(long, short)) and _in_order(
                short.content, long.content
            )
            for gi in holders[ti]:
                score = _statement_score(
                    text,
                    choices.texts[ti],
                    same_speaker=quote.speaker_key in group_speakers[gi],
                    ratio=ratio,
                    content_ratio=content_ratio,
                    partial=partial,
                    share=shares.get(ti, 0.0),
                )
                if not score:
                    continue
                if inside and len(other.content) < len(text.content):
                    if numbers[ti] == fullest_of(gi):
                        holds[qi].add(gi)
                elif inside and len(other.content) > len(text.content):
                    held_by[qi].append((numbers[ti], gi))
                # Of two groups an excerpt fits equally (each holds a longer passage), the one
                # whose member is worded most like the whole quote: an article's full rendition
                # goes with the other full renditions, its fragment with the fragments.
                ranked = (score, (ratio + content_ratio) / 2)
                if ranked > best_by_group.get(gi, (0.0, 0.0)):
                    best_by_group[gi] = ranked
        if quote.speaker_key is not None and len(text.content) >= VERBATIM_MIN_CONTENT:
            # Groups of other speakers: the same long sentence only. Searched among every
            # group's members at once (few hits), then the others' groups kept.
            choices, holders, _ = candidates_for(None)
            for ti, full in _verbatim_scores(text, choices).items():
                for gi in holders[ti]:
                    speakers = group_speakers[gi]
                    if quote.speaker_key in speakers or not speakers:
                        continue  # scored above
                    if quote.article_key in group_articles[gi]:
                        continue
                    if (full, full) > best_by_group.get(gi, (0.0, 0.0)):
                        best_by_group[gi] = (full, full)
        scored.extend((score, close, qi, gi) for gi, (score, close) in best_by_group.items())

    # An article repeating its own words (a summary atop the report, a fragment of its longer
    # quote) makes one statement of them, not two: the fragment does not compete with its
    # longer quote for that one's best group ("no issue" must not keep out "We have absolutely
    # no issues with Barbados. I certainly have no issues with anyone in Barbados"), and goes
    # where it goes unless it has a group of its own.
    repeats = _repeats(new_quotes, texts)
    best: dict[int, tuple[float, float, int]] = {}  # quote -> (score, closeness, its best group)
    for score, close, qi, gi in scored:
        best[qi] = max(best.get(qi, (0.0, 0.0, -1)), (score, close, gi))
    scored = [
        item
        for item in scored
        if item[2] not in repeats or best.get(repeats[item[2]], (0, 0, -1))[2] != item[3]
    ]
    chosen = _one_quote_per_group(scored, new_quotes)

    assignments: list[GroupAssignment | None] = [None] * len(new_quotes)
    new_index = 0
    for qi, quote in enumerate(new_quotes):
        if qi not in chosen and qi in repeats:
            continue  # below, once the quote it repeats is placed
        if qi in chosen:
            gi, score = chosen[qi]
            fullest = fullest_of(gi) if held_by[qi] else None
            becomes_fullest = fullest is None or _measure(texts[qi]) > _measure(all_texts[fullest])
            assignments[qi] = GroupAssignment(
                quote.key,
                groups[gi].key,
                None,
                score,
                also_in=tuple(groups[gj].key for gj in sorted(holds[qi] - {gi})),
                passages=_passages(held_by[qi], gi, groups, all_texts) if becomes_fullest else (),
            )
        elif texts[qi].content:
            assignments[qi] = GroupAssignment(
                quote.key,
                None,
                new_index,
                0.0,
                also_in=tuple(groups[gj].key for gj in sorted(holds[qi])),
                passages=_passages(held_by[qi], None, groups, all_texts),
            )
            new_index += 1
        else:
            assignments[qi] = GroupAssignment(quote.key, None, None, 0.0)
    # The quotes they repeat first: those have more content words, or as many and come first.
    for qi in sorted(repeats, key=lambda qi: (-len(texts[qi].content), qi)):
        if assignments[qi] is None:
            first = assignments[repeats[qi]]
            assignments[qi] = GroupAssignment(
                new_quotes[qi].key, first.group_key, first.new_group_index, first.score
            )
    return assignments


def _measure(text: _Text) -> tuple[int, int, int]:
    """How full a rendition is, as fullest_wording ranks them."""
    return len(text.content), len(text.words), len(text.norm)


def _contains(long: _Text, short: _Text) -> bool:
    """Whether `short`'s words are in `long` word for word."""
    return f" {short.norm} " in f" {long.norm} "


def _passages(
    held_by: list[tuple[int, int]],
    own: int | None,
    groups: Sequence[StatementGroup],
    texts: list[_Text],
) -> tuple:
    """The keys of the members of other groups than `own` holding a quote: `held_by` gives
    their (text number in `texts`, group)."""
    keys: list = []
    for ti, gi in held_by:
        if gi != own:
            norm = texts[ti].norm
            keys.extend(
                m.key
                for m in groups[gi].members
                if _analyse(m.text).norm == norm and m.key not in keys
            )
    return tuple(keys)


def _one_quote_per_group(
    scored: list[tuple[float, float, int, int]], quotes: Sequence[QuoteForMatching]
) -> dict[int, tuple[int, float]]:
    """Each quote's group (and score) such that a group takes at most one quote per article.

    Best score first; but a quote that would be left out because another quote of its article
    took its group gets that group when the other fits a further group as well (an augmenting
    path): a quote the extractor ran over two statements, a partial match of both, must not
    keep out the article's own rendition of one of them.
    """
    options: dict[int, list[tuple[float, int]]] = {}
    for score, _, qi, gi in sorted(scored, key=lambda item: (-item[0], -item[1], item[2], item[3])):
        options.setdefault(qi, []).append((score, gi))
    owner: dict[tuple[int, object], int] = {}
    chosen: dict[int, tuple[int, float]] = {}

    def place(qi: int, visited: set[tuple[int, object]]) -> bool:
        for score, gi in options[qi]:
            slot = (gi, quotes[qi].article_key)
            if slot in visited:
                continue
            visited.add(slot)
            if slot not in owner or place(owner[slot], visited):
                owner[slot] = qi
                chosen[qi] = (gi, score)
                return True
        return False

    # Quotes by their best score: the first to ask get their best group unless it is needed.
    for qi in options:
        place(qi, set())
    return chosen


def _repeats(quotes: Sequence[QuoteForMatching], texts: list[_Text]) -> dict[int, int]:
    """For each quote that repeats another quote of the same article (and speaker), whole or
    in part (word for word, or its content words one after the other), that other quote: one
    with more content words, or as many and earlier."""
    repeats = {}
    for qi, text in enumerate(texts):
        if len(text.content) < CONTAINED_MIN_CONTENT:
            continue
        for qj, other in enumerate(texts):
            if qj == qi or quotes[qj].article_key != quotes[qi].article_key:
                continue
            if quotes[qj].speaker_key != quotes[qi].speaker_key and None not in (
                quotes[qj].speaker_key,
                quotes[qi].speaker_key,
            ):
                continue
            if len(other.content) < len(text.content) or (
                len(other.content) == len(text.content) and qj > qi
            ):
                continue
            if _contains(other, text) or _held(text, other):
                repeats[qi] = qj
                break
    return repeats


def fullest_wording(texts: Sequence[str]) -> int:
    """Index of the most complete rendition: most content words, then most words, then first."""
    if not texts:
        raise ValueError("fullest_wording needs at least one text")
    measures = [_measure(t) for t in map(_analyse, texts)]
    return max(range(len(texts)), key=lambda i: (measures[i], -i))
