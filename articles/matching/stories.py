"""Which story (event) an article reports on, and which stories are related.

`match_story` places an article in a story or starts a new one, `same_event` tells whether two
stories are one event told twice (to merge them), and `related_stories` links stories about the
same people and subject. A story's title is in `titles`, the days of the week in `days`.

Placement reads the content first: the words of an article (its headline and lede counting
double), weighed by how rare each is among the articles this process has read, against a story's
words pooled; people, places and shared statements add to that. A known date narrows (a story
more than STORY_FOLLOW_UP_DAYS away is another occasion); a missing one only takes away a small
bonus; and the days of the week that the texts name ("on Tuesday"), and their marks of a repeat
or a look far ahead ("a second earthquake", "next year": `occasions`), and the days their
undated reports name ("Saturday, Dec. 7, 2024" in a caption: `named_dates`), tell two occasions
apart when no date does.
"""

import datetime
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import occasions
from .days import days_named, days_of
from .named_dates import written_after
from .names import SURNAME_MIN_RATIO, _fold, _parse_name, _swapped_name
from .statements import STORY_PARTIAL_MIN_COMMON, _bulk_scores, _Choices, _statement_score
from .words import (
    _analyse,
    _content_word,
    _renumber_words_if_full,
    _Text,
    normalise_words,
    register_cache,
)


@dataclass(frozen=True)
class ArticleForStory:
    key: object
    published: datetime.date | None
    people: tuple[str, ...]  # names of people quoted or mentioned
    places: tuple[str, ...]  # dateline, capitalised place names
    text: str  # title + body
    quote_texts: tuple[str, ...] = ()
    # Its photos' captions: a wire caption names the day ("Paris, Saturday, Dec. 7, 2024").
    captions: tuple[str, ...] = ()


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
    # Other stories whose words are near the article's, though short of a match: perhaps parts
    # of this event that no report has linked yet (see same_event).
    near: list[object] = field(default_factory=list)


# Stories join on words, people, places, shared statements and dates. `text` is the cosine of the
# article's words and the story's pooled words, each weighed by its rarity (see _Background):
# reports of one event score 0.2-0.8, other events of the same people or place 0.05-0.3.
STORY_MAX_GAP_DAYS = 4  # a known date this near the story's dates is the same occasion's
STORY_FOLLOW_UP_DAYS = 30  # further than this: another occasion, whatever the words
STORY_LATE_PENALTY = 0.1  # between the two: a preview or follow-up must say more, up to 3x
STORY_MIN_TEXT = 0.1  # below this the subject is another one, whatever else is shared
STORY_MATCH_MIN = 0.24
STORY_MATCH_MIN_DATED = 0.3  # when both are dated (see match_story)
STORY_WEIGHTS = {"people": 0.08, "places": 0.04}
STORY_STATEMENT_BONUS = 0.08  # per shared statement, at most two
STORY_OTHER_PLACE = 0.04  # taken off when both name places, none the same, and no statement shared
STORY_OTHER_DAY = 0.12  # taken off when both name days of the week, none the same
STORY_OTHER_OCCASION = 0.12  # taken off when the texts mark other occasions (see occasions)
STORY_MERGE_MIN = 0.32  # two stories' pooled words this alike: one event in two parts
STORY_NEAR_DUPLICATE_TEXT = 0.8  # the same wire copy: joins whatever else differs, within dates
# People are weighed by their rarity among the candidate stories, with this many stories assumed
# besides them that share nothing (with one candidate, every person counts about the same).
STORY_RARITY_PRIOR = 10
STORY_AMONG_POWER = 0.5  # how much a word's rarity among the candidates counts beside the rest
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
    """Sub-linear term frequencies of the content words (3+ letters, no numbers but years), the
    headline's and the lede's counted twice: they say what the event is, the rest is background
    ("two weeks after a 7.8-magnitude quake killed 8,000")."""
    counts: dict[str, int] = {}
    terms = _terms_of_words
    if len(terms) > TERMS_OF_WORDS_MAX:
        terms.clear()
    # Count first, then look at each distinct word once: articles repeat their words a lot.
    # A plain dict of each word's term: an lru_cache call per word was a fifth of the time.
    words = Counter(normalise_words(text))
    words.update(normalise_words(_headline_and_lede(text)))
    for word, n in words.items():
        term = terms.get(word, 0)
        if term == 0:
            term = terms[word] = _term_of(word)
        if term:
            counts[term] = counts.get(term, 0) + n
    return {w: 1.0 + math.log(n) for w, n in counts.items()}


# Each word's term for _term_weights (None for none), emptied past TERMS_OF_WORDS_MAX words.
_terms_of_words: dict[str, str | None] = {}
TERMS_OF_WORDS_MAX = 1 << 17
LEDE_PARAGRAPHS = 2
LEDE_MIN_WORDS = 15  # a shorter line under the headline is a caption, a byline or chrome


def _headline_and_lede(text: str) -> str:
    """The first line of `text` (the headline) and its first paragraphs of prose."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    lede = [line for line in lines[1:12] if len(line.split()) >= LEDE_MIN_WORDS]
    return "\n".join([lines[0], *lede[:LEDE_PARAGRAPHS]])


def _term_of(word: str) -> str | None:
    if word.isdigit():
        # A year tells two occasions apart ("the 2016 visit"); other numbers are counts.
        return word if len(word) == 4 and word[:2] in ("19", "20") else None
    term = _content_word(word)
    return term if term and len(term) > 2 and not term.isdigit() else None


# How rare a word is: among the articles this process has read (imported, or loaded as a
# candidate story's), an inverse document frequency, with BACKGROUND_PRIOR articles assumed besides
# them that do not use it. A worker reads thousands, so "talks" and "president" weigh little and
# "Dharahara" much; a fresh process weighs every word about the same, and learns as it reads.
BACKGROUND_PRIOR = 10
BACKGROUND_TERMS_MAX = 1 << 18  # past this many words, every count is halved and the ones dropped
BACKGROUND_TEXTS_KEPT = 1 << 16  # texts remembered so that one read twice counts once


class _Background:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.frequencies: dict[str, int] = {}
        self.documents = 0
        self.seen: OrderedDict[int, None] = OrderedDict()

    def note(self, text: str, terms: Iterable[str]) -> None:
        key = hash(text)
        with self.lock:
            if key in self.seen:
                return
            self.seen[key] = None
            if len(self.seen) > BACKGROUND_TEXTS_KEPT:
                self.seen.popitem(last=False)
            self.documents += 1
            frequencies = self.frequencies
            for term in terms:
                frequencies[term] = frequencies.get(term, 0) + 1
            if len(frequencies) > BACKGROUND_TERMS_MAX:
                self.documents //= 2
                self.frequencies = {t: n // 2 for t, n in frequencies.items() if n > 1}

    def note_unseen(self, texts: Iterable[str]) -> None:
        """note() each of `texts` not noted yet, as building a profile of their articles would:
        the words of a candidate story that placement passes over still count as read."""
        seen = self.seen
        for text in texts:
            if hash(text) not in seen:
                self.note(text, _term_weights(text))

    def rarity(self, term: str) -> float:
        total = self.documents + BACKGROUND_PRIOR
        return math.log(total / (self.frequencies.get(term, 0) + 1))

    @property
    def epoch(self) -> int:
        """Moves on as the counts grow by a tenth: a story's weighed norm is kept for one."""
        return int(math.log(self.documents + BACKGROUND_PRIOR) / math.log(1.1))

    def clear(self) -> None:
        with self.lock:
            self.frequencies = {}
            self.documents = 0
            self.seen.clear()


_background = _Background()


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
    weekdays: frozenset[str] = frozenset()
    # How its reports place their occasion in time besides a date (see occasions), pooled.
    occasion_marks: frozenset[str] = frozenset()
    # The earliest day its undated reports can have been written, from the days they name.
    written_after: datetime.date | None = None
    # The norm of the pooled words weighed by rarity, by _Background.epoch.
    norms: dict = field(default_factory=dict)

    def weighed_norm(self) -> float:
        epoch = _background.epoch
        norm = self.norms.get(epoch)
        if norm is None:
            rarity = _background.rarity
            norm = math.sqrt(sum((w * rarity(t)) ** 2 for t, w in self.terms.items()))
            self.norms.clear()
            self.norms[epoch] = norm
        return norm


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
    dated_days: bool = False,
) -> _StoryProfile:
    places: dict[str, str] = {}
    quotes: dict[str, _Text] = {}
    dates = [a.published for a in articles if a.published is not None]
    article_terms = tuple(_term_weights(article.text) for article in articles)
    terms, people = _pooled_terms_and_people(articles, article_terms)
    weekdays: set[str] = set()
    occasion_marks: set[str] = set()
    # A dated report's date says when it was written; the days an undated one names, after when.
    named = [
        written_after("\n".join((a.text, *a.captions)) if a.captions else a.text)
        for a in articles
        if a.published is None
    ]
    for article, weights in zip(articles, article_terms, strict=True):
        _background.note(article.text, weights)
        # A story's days are those its reports name; a new article's, those of its date too.
        weekdays.update(days_of(article) if dated_days else days_named(article.text))
        occasion_marks.update(occasions.marks(article.text))
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
        *_span(dates, start, end),
        article_terms,
        tuple(sorted(set(dates))),
        frozenset(quotes),
        frozenset(weekdays),
        frozenset(occasion_marks),
        max(filter(None, named), default=None),
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


def _clear_caches() -> None:
    _term_weights.cache_clear()
    days_named.cache_clear()
    written_after.cache_clear()
    occasions.marks.cache_clear()
    _terms_of_words.clear()
    _background.clear()
    with _story_profiles_lock:
        _story_profiles.clear()
        _profiles_by_articles.clear()
        _related_profiles.clear()


# Emptied with the rest by clear_caches: the profiles hold quotes analysed with the word keys.
register_cache(_clear_caches)


def _two_word_names(people: dict[str, str]) -> set[tuple[str, str]]:
    """(given, surname) of the names written as two capitalised name words ("Fumio Kishida")."""
    pairs = set()
    for name in people.values():
        swapped = _swapped_name(name)
        if swapped is not None:
            pairs.add((swapped.surname, swapped.given[0]))
    return pairs


def _shared_people(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Names in `a` whose surname is also in `b` (spelling-insensitive: "Medevedev"), or that `b`
    writes with the same two words the other way round: Japanese, Chinese and Korean outlets
    often put the family name first ("Kishida Fumio" is "Fumio Kishida")."""
    shared = []
    b_keys = list(b)
    swapped = None
    for key, name in a.items():
        if key in b:
            shared.append(name)
            continue
        if swapped is None:
            swapped = {(surname, given) for given, surname in _two_word_names(b)}
        if swapped and any(pair in swapped for pair in _two_word_names({key: name})):
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


def match_story(article: ArticleForStory, stories: Sequence[StoryCandidate]) -> StoryMatch | None:
    """The story this article reports on, or None when it starts a new one.

    Content first: `text` is the cosine of the article's words and the story's pooled words
    (headline and lede counting double), each weighed by its rarity among the articles read (see
    _Background), so that "talks" and "agreed" count little and the event's own words much. A story
    whose text is less alike than STORY_MIN_TEXT is about something else.

    A word the article shares with many of the candidate stories tells them apart little: its weight
    is also scaled by its rarity among them (to the power STORY_AMONG_POWER).

    Score: text + 0.08 x share of the article's people the story names (weighed by their rarity
    among the candidates: a leader quoted at every event says little) + 0.04 x share of its places
    (minus STORY_OTHER_PLACE when both name places, none in common, and no statement is shared) +
    0.08 per shared statement (at most two; a formula quoted at several events, or a stock phrase
    with other words in it, is not one); minus STORY_OTHER_DAY when both name days of the week and
    none is the same ("on Saturday" against "on Tuesday": two occasions); minus STORY_OTHER_OCCASION
    when no dates compare and the article marks its occasion in a way none of the story's reports
    does ("a second earthquake", "next year": see occasions). A known date narrows: a story more
    than STORY_FOLLOW_UP_DAYS from it is never a match (nor is one whose undated reports name days
    that long after the article's date, or the reverse: see _written_apart), one more than
    STORY_MAX_GAP_DAYS from it costs STORY_LATE_PENALTY (a preview or a follow-up must say more, up
    to three times that at the limit). score >= STORY_MATCH_MIN joins (STORY_MATCH_MIN_DATED when
    both are dated: another event of the same day and town reads much like this one; and when no
    dates compare but the days of the week or the occasion marks disagree), as does the same wire
    copy (text >= STORY_NEAR_DUPLICATE_TEXT) within the dates. Placement never depends on a date: an
    undated article is placed by its content.

    The best-scoring story wins; `reasons` say why, for the editor, and `also_matches` lists the
    other stories that passed: probably the same event split in two (the article that links them
    arrived last), which the caller may merge (see same_event).
    """
    _renumber_words_if_full()
    mine = _profile([article], dated_days=True)
    if not mine.terms:
        return None
    rarity = _background.rarity
    eligible: list[tuple[int, _StoryProfile, int | None, set[str]]] = []
    for si, story in enumerate(stories):
        # A story too far off in time is passed over before its profile is made (most of the
        # stories found by their words are): its dates are the profile's, read cheaply.
        start, end = _story_dates(story)
        gap = _date_gap(article.published, start, end)
        if gap is not None and gap > STORY_FOLLOW_UP_DAYS:
            _background.note_unseen(other.text for other in story.articles)
            continue
        profile = _story_profile(story)
        if _written_apart(mine, profile):
            continue
        eligible.append((si, profile, gap, mine.terms.keys() & profile.terms.keys()))
    if not eligible:
        return None
    # A word the article shares with many of the candidate stories tells them apart little
    # ("Marquez" when she is at three events this week): its rarity among them counts too.
    among = _rarity(mine.terms, [shared for *_, shared in eligible], len(eligible))
    scale = math.log(len(eligible) + STORY_RARITY_PRIOR)
    # Each word's rarity once: the comparisons below ask for it again for every story.
    word_rarity = {word: rarity(word) for word in mine.terms}
    terms = {
        word: weight * word_rarity[word] * (among[word] / scale) ** STORY_AMONG_POWER
        for word, weight in mine.terms.items()
    }
    squares = {word: weight * weight for word, weight in terms.items()}
    norm = math.sqrt(sum(squares.values()))
    if not norm:
        return None

    scored: list[tuple[int, _StoryProfile, int | None, float]] = []
    for si, profile, gap, shared in eligible:
        # The cosine is at most the share of the article's weight in the shared words (Cauchy-
        # Schwarz): a cheap bound that spares the full comparison for most stories.
        if math.sqrt(sum(map(squares.__getitem__, shared))) < STORY_MIN_TEXT * norm:
            continue
        story_terms = profile.terms
        dot = sum(terms[word] * story_terms[word] * word_rarity[word] for word in shared)
        story_norm = profile.weighed_norm()
        text = dot / (norm * story_norm) if story_norm else 0.0
        if text >= STORY_MIN_TEXT:
            scored.append((si, profile, gap, text))
    if not scored:
        return None

    near = [profile for _, profile, _, _ in scored]
    others = [profile for _, profile, _, _ in eligible]
    people = _rarity(
        mine.people, [mine.people.keys() & profile.people.keys() for profile in near], len(near)
    )
    people_total = sum(people.values())
    # Word for word at several events, a quote is a formula ("we were not consulted").
    quotes = [
        quote
        for quote in mine.quotes
        if sum(quote.norm in profile.quote_norms for profile in others) < STORY_FORMULA_STORIES
    ]
    worth_quotes = [(si, profile) for si, profile, _, _ in scored]
    statements = _shared_statement_counts(quotes, worth_quotes, word_rarity) if quotes else {}

    accepted_matches: list[StoryMatch] = []
    for si, profile, gap, text in scored:
        shared_people = _shared_people(mine.people, profile.people)
        places = [mine.places[k] for k in mine.places if k in profile.places]
        other_place = bool(mine.places and profile.places and not places)
        people_share = (
            sum(people[_parse_name(n).surname] for n in shared_people) / people_total
            if people_total
            else 0.0
        )
        shared_statements = statements.get(si, 0)
        score = (
            text
            + STORY_WEIGHTS["people"] * min(people_share, 1.0)
            + STORY_WEIGHTS["places"] * (len(places) / len(mine.places) if mine.places else 0.0)
            + STORY_STATEMENT_BONUS * min(shared_statements, 2)
        )
        if other_place and not shared_statements:
            score -= STORY_OTHER_PLACE

        other_day = bool(mine.weekdays and profile.weekdays) and not (
            mine.weekdays & profile.weekdays
        )
        if other_day:
            score -= STORY_OTHER_DAY
        # With no dates to compare, what the texts say of their time: "a second earthquake",
        # "next year", that none of the story's reports says.
        other_time = gap is None and bool(mine.occasion_marks - profile.occasion_marks)
        if other_time:
            score -= STORY_OTHER_OCCASION
        reasons = []
        if gap is not None:
            dates = str(profile.start)
            if profile.end != profile.start:
                dates += f" to {profile.end}"
            if gap > STORY_MAX_GAP_DAYS:
                # Further off, less likely the same occasion: twice the penalty at the limit.
                late = (gap - STORY_MAX_GAP_DAYS) / (STORY_FOLLOW_UP_DAYS - STORY_MAX_GAP_DAYS)
                score -= STORY_LATE_PENALTY * (1 + 2 * late)
            reasons.append(
                f"published during the story ({dates})"
                if gap == 0
                else f"published {gap} day(s) from the story ({dates})"
            )
        else:
            reasons.append("no date to compare")
        if shared_statements:
            reasons.append(f"shares {shared_statements} statement(s)")
        if shared_people:
            reasons.append("same people: " + ", ".join(sorted(shared_people)))
        if places:
            reasons.append("same places: " + ", ".join(sorted(places)))
        elif other_place:
            reasons.append("other places: " + ", ".join(sorted(mine.places.values())))
        if other_day:
            reasons.append("other days: " + ", ".join(sorted(mine.weekdays)))
        if other_time:
            reasons.append("tells another occasion: " + ", ".join(sorted(mine.occasion_marks)))
        reasons.append(f"text similarity {text:.2f}")
        near_duplicate = text >= STORY_NEAR_DUPLICATE_TEXT and (
            gap is None or gap <= STORY_MAX_GAP_DAYS
        )
        # Dates that agree say little in a busy week: another event the same day in the same
        # town reads much like this one, so dated reports need more words in common.
        # Days of the week that disagree are what time says when no dates can be compared:
        # they ask as much as dates that agree.
        minimum = (
            STORY_MATCH_MIN
            if gap is None and not other_day and not other_time
            else STORY_MATCH_MIN_DATED
        )
        if score >= minimum or near_duplicate:
            accepted_matches.append(StoryMatch(stories[si].key, round(score, 3), reasons))
    if not accepted_matches:
        return None
    accepted_matches.sort(key=lambda match: match.score, reverse=True)
    best = accepted_matches[0]
    best.also_matches = [match.key for match in accepted_matches[1:]]
    accepted = {match.key for match in accepted_matches}
    best.near = [stories[si].key for si, *_ in scored if stories[si].key not in accepted]
    return best


def search_words(article: ArticleForStory, count: int) -> list[str]:
    """The `count` rarest words of the article's headline and lede, as written (for a full-text
    search of the stories that use them): the event's own words, not the subject's.

    Words that articles read before use come first: a word none uses (a misspelling, a word of
    the outlet's own, a name spelt its own way) finds no story, and the rarest of an article's
    words are mostly such. An article already read (healing looks at a single again) counts
    itself, and searches with its rarest words as they are."""
    rarity = _background.rarity
    frequencies = _background.frequencies
    best: dict[str, tuple[bool, float, int]] = {}
    for word in normalise_words(_headline_and_lede(article.text)):
        term = _term_of(word)
        if term and not term.isdigit() and word not in best:
            best[word] = (term in frequencies, rarity(term), len(word))
    return sorted(best, key=best.__getitem__, reverse=True)[:count]


def same_event(
    a: StoryCandidate,
    b: StoryCandidate,
    minimum: float = STORY_MERGE_MIN,
    max_gap: int = STORY_MAX_GAP_DAYS,
) -> bool:
    """Whether two stories tell one event: their pooled words as alike as `minimum`, no days of
    the week or datelines that differ, and, when both are dated, dates at most `max_gap` days
    apart. Two stories each with reports of their own days are two occasions: a follow-up joins
    an event one article at a time (match_story weighs it), never by a merge of dated stories
    weeks apart (the second earthquake of a country, a fortnight after the first)."""
    first, second = _story_profile(a), _story_profile(b)
    if first.weekdays and second.weekdays and not first.weekdays & second.weekdays:
        return False
    if first.places and second.places and not first.places.keys() & second.places.keys():
        return False  # datelines of other towns: the same kind of event elsewhere
    gap = _stories_gap(first, second)
    if gap is not None and gap > max_gap:
        return False
    if _written_apart(first, second):
        return False
    return story_likeness(a, b) >= minimum


def _written_apart(first: _StoryProfile, second: _StoryProfile) -> bool:
    """Whether the days that one's undated reports name come more than STORY_FOLLOW_UP_DAYS
    after the other's dates: written on another occasion (see named_dates)."""
    return any(
        after is not None and end is not None and (after - end).days > STORY_FOLLOW_UP_DAYS
        for after, end in ((first.written_after, second.end), (second.written_after, first.end))
    )


def _stories_gap(first: _StoryProfile, second: _StoryProfile) -> int | None:
    """Days between two stories' date ranges (0 if they overlap), None unless both are dated."""
    return _ranges_gap((first.start, first.end), (second.start, second.end))


def _ranges_gap(
    first: tuple[datetime.date | None, datetime.date | None],
    second: tuple[datetime.date | None, datetime.date | None],
) -> int | None:
    """Days between two (start, end) ranges (0 if they overlap), None unless both are dated."""
    (first_start, first_end), (second_start, second_end) = first, second
    if not (first_start and second_start):
        return None
    return max((first_start - second_end).days, (second_start - first_end).days, 0)


def story_likeness(a: StoryCandidate, b: StoryCandidate) -> float:
    """The cosine of two stories' pooled words, each weighed by its rarity."""
    first, second = _story_profile(a), _story_profile(b)
    shared = first.terms.keys() & second.terms.keys()
    if not shared:
        return 0.0
    rarity = _background.rarity
    dot = sum(first.terms[w] * second.terms[w] * rarity(w) ** 2 for w in shared)
    norms = first.weighed_norm() * second.weighed_norm()
    return dot / norms if norms else 0.0


def other_occasion(a: StoryCandidate, b: StoryCandidate) -> bool:
    """Whether two stories are dated more than STORY_FOLLOW_UP_DAYS apart, or the days the
    undated reports of one name come that long after the other's dates: another occasion.
    Their dates are read without making profiles; those are made only for undated reports."""
    apart = _ranges_gap(_story_dates(a), _story_dates(b))
    if apart is not None and apart > STORY_FOLLOW_UP_DAYS:
        return True
    if all(article.published is not None for article in (*a.articles, *b.articles)):
        return False
    return _written_apart(_story_profile(a), _story_profile(b))


def _story_dates(
    story: StoryCandidate,
) -> tuple[datetime.date | None, datetime.date | None]:
    """A story's start and end as its profile has them (see _profile), without making it."""
    if story.start and story.end:
        return story.start, story.end
    dates = [a.published for a in story.articles if a.published is not None]
    return _span(dates, story.start, story.end)


def _span(
    dates: Sequence[datetime.date], start: datetime.date | None, end: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None]:
    """The start and end given, each in its absence the earliest and latest of `dates`."""
    return start or (min(dates) if dates else None), end or (max(dates) if dates else None)


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
