"""Which story (event) an article reports on, which stories are related, and a new story's title.

`match_story` places an article in a story or starts a new one, `related_stories` links stories
about the same people and subject, and `story_title` names a new story.
"""

import datetime
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .names import SURNAME_MIN_RATIO, _fold, _parse_name
from .statements import STORY_PARTIAL_MIN_COMMON, _bulk_scores, _Choices, _statement_score
from .words import (
    _analyse,
    _content_word,
    _renumber_words_if_full,
    _Text,
    content_words,
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


def _clear_caches() -> None:
    _term_weights.cache_clear()
    _terms_of_words.clear()
    with _story_profiles_lock:
        _story_profiles.clear()
        _profiles_by_articles.clear()
        _related_profiles.clear()


# Emptied with the rest by clear_caches: the profiles hold quotes analysed with the word keys.
register_cache(_clear_caches)


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
