"""Typo tolerance for search: for a search that found little, the close match of what was typed
("helicoptor": did you mean helicopter?) and the people named like it ("rasmusen": Anders Fogh
Rasmussen).

Close words come from the archive's vocabulary (SearchWord: its words lower case, unaccented,
not stemmed) by trigram similarity (pg_trgm); the few closest are counted in the articles'
full-text index, so that a word the archive uses often wins over a misspelling of it that some
article made, and a word no article uses any more is never offered. People are matched on
their names and aliases, accents ignored. Both only when the search found little: a search
that found plenty pays nothing for them.
"""

import itertools
import re
from dataclasses import dataclass

from articles.coverage.sql import fetchall
from articles.models import SEARCH_CONFIG, Person

# A search finding fewer quotes and articles together than this is offered close matches.
FEW_RESULTS = 3
# Typed words shorter than this stay as they are: too few trigrams to tell what was meant.
SHORTEST_TYPED = 4
MOST_TYPED = 6  # distinct words of a query looked at
CANDIDATES = 5  # closest vocabulary words counted for each typed word
# Articles counted for a word, at most: enough to tell a common word from a rare one, and a
# bounded read of the index however common the word is.
ENOUGH = 50
# A close word replaces a typed one only when this many times as many articles use it
# (any article at all for a word that none uses).
MORE_COMMON = 10
# Typed words fewer articles use than this are looked up: close words, people named so.
RARE = ENOUGH // MORE_COMMON
# Among the close words, the most used of those within this similarity of the closest:
# "helicoptor" is nearer to a misspelt "helicoptr" (0.62) than to "helicopter" (0.57).
CLOSE_ENOUGH = 0.1
PEOPLE_SHOWN = 3

LETTERS = re.compile(r"[^\W\d_]+")

# The articles using a word, up to ENOUGH: those the statistics of ANALYZE list among the most
# common of the articles' vectors (pg_stats) have enough; the others are counted in the
# full-text index. Counting a common word would read its whole list of articles first, LIMIT
# or not: a few milliseconds for each at 100,000 articles.
USED = f"""CASE
    WHEN {{lexeme}} IS NULL THEN 0
    WHEN {{lexeme}} IN (SELECT lexeme FROM common) THEN %(enough)s
    ELSE (SELECT count(*) FROM (
        SELECT FROM articles_article
        WHERE search_vector @@ plainto_tsquery('{SEARCH_CONFIG}', {{word}})
        LIMIT %(enough)s
    ) used)
END"""
# A word's lexeme (its stem), NULL for a stop word.
LEXEME = f"(tsvector_to_array(to_tsvector('{SEARCH_CONFIG}', {{word}})))[1]"

# For each typed word (its position among them): whether it is searchable (not a stop word),
# the articles using it, and if it is a rare word its closest vocabulary words with their
# similarity and articles. `%` is pg_trgm's similarity of at least 0.3.
CLOSE_WORDS_SQL = f"""
    WITH common AS MATERIALIZED (
        SELECT lexeme FROM pg_stats, unnest(most_common_elems::text::text[]) AS lexeme
        WHERE schemaname = current_schema() AND tablename = 'articles_article'
            AND attname = 'search_vector'
    ), typed AS MATERIALIZED (
        SELECT position, word, {LEXEME.format(word="word")} AS word_lexeme
        FROM unnest(%(words)s::text[]) WITH ORDINALITY AS t(typed, position),
            lower(newsroom_unaccent(typed)) AS word
    ), counted AS MATERIALIZED (
        SELECT position, word, word_lexeme,
            {USED.format(word="word", lexeme="word_lexeme")} AS articles
        FROM typed
    )
    SELECT c.position, c.word_lexeme IS NOT NULL, c.articles, close.word, close.likeness,
        {USED.format(word="close.word", lexeme=LEXEME.format(word="close.word"))}
    FROM counted c
    LEFT JOIN LATERAL (
        SELECT w.word, similarity(w.word, c.word) AS likeness
        FROM articles_searchword w
        WHERE c.word_lexeme IS NOT NULL AND c.articles < %(rare)s
            AND w.word %% c.word AND w.word <> c.word
        ORDER BY likeness DESC, w.word
        LIMIT %(candidates)s
    ) close ON true
    ORDER BY c.position
"""

# People whose name or one-word alias has a word like a typed word (pg_trgm's strict word
# similarity, at least 0.5), those most like the most words first, each with the name or alias
# that matched best. Two index scans (person_name_trigram_idx, alias_word_trigram_idx): one
# WHERE with OR over the join would read every alias.
PEOPLE_SQL = """
    WITH typed AS (
        SELECT DISTINCT newsroom_unaccent(word) AS word FROM unnest(%(words)s::text[]) AS word
    ), matches AS (
        SELECT t.word AS typed, p.id AS person_id, p.name AS alias,
            strict_word_similarity(t.word, newsroom_unaccent(p.name)) AS likeness
        FROM typed t JOIN articles_person p ON t.word <<%% newsroom_unaccent(p.name)
        UNION ALL
        SELECT t.word, a.person_id, a.alias,
            strict_word_similarity(t.word, newsroom_unaccent(a.alias))
        FROM typed t JOIN articles_personalias a ON t.word <<%% newsroom_unaccent(a.alias)
        WHERE NOT (a.alias::text LIKE '%% %%')  -- the index's condition, word for word
    ), by_word AS (
        SELECT DISTINCT ON (person_id, typed) person_id, typed, likeness, alias
        FROM matches ORDER BY person_id, typed, likeness DESC, alias
    ), alike AS (
        SELECT person_id, sum(likeness) AS likeness,
            (array_agg(alias ORDER BY likeness DESC, alias))[1] AS alias
        FROM by_word GROUP BY person_id
    )
    SELECT p.id, p.name, alike.alias
    FROM alike JOIN articles_person p ON p.id = alike.person_id
    ORDER BY alike.likeness DESC, p.name, p.id
    LIMIT %(shown)s
"""


@dataclass
class Suggestion:
    """The query with its misspelt words replaced: `text` to search, and the same in `parts`
    (piece, replaced) to show which words changed."""

    text: str
    parts: list[tuple[str, bool]]


@dataclass
class CloseMatches:
    suggestion: Suggestion | None
    people: list[Person]


def close_matches(text: str) -> CloseMatches:
    """What the reader of a search that found little may have meant: the query with each
    word that few articles use replaced by a close word that many more use (in the case it was
    typed in), and the people with a name like one of those rare words ("rasmusen"; not
    "minister", which many articles use, nor "nato", of "Russia's ambassador to NATO")."""
    typed = list(
        dict.fromkeys(word.lower() for word in LETTERS.findall(text) if len(word) >= SHORTEST_TYPED)
    )[:MOST_TYPED]
    if not typed:
        return CloseMatches(None, [])
    params = {"words": typed, "enough": ENOUGH, "rare": RARE, "candidates": CANDIDATES}
    replacements, rare = {}, []
    for position, rows in itertools.groupby(fetchall(CLOSE_WORDS_SQL, params), lambda r: r[0]):
        rows = list(rows)
        _, searchable, used, *_ = rows[0]
        if searchable and used < RARE:
            rare.append(typed[position - 1])
        better = best_word(used, [(word, likeness, n) for *_, word, likeness, n in rows if word])
        if better is not None:
            replacements[typed[position - 1]] = better
    return CloseMatches(suggestion(text, replacements), people_named_like(rare))


def best_word(used: int, close: list[tuple[str, float, int]]) -> str | None:
    """Of the `close` words (word, similarity, articles) to one that `used` articles use, the
    one to offer instead: the most used of the closest that many more articles use."""
    more_used = [option for option in close if option[2] >= max(1, MORE_COMMON * used)]
    if not more_used:
        return None
    closest = max(likeness for _, likeness, _ in more_used)
    near = [option for option in more_used if option[1] >= closest - CLOSE_ENOUGH]
    return max(near, key=lambda option: (option[2], option[1]))[0]


def suggestion(text: str, replacements: dict[str, str]) -> Suggestion | None:
    """`text` with its words replaced (by their lower case), or None for no replacements."""
    if not replacements:
        return None
    parts, end = [], 0
    for found in LETTERS.finditer(text):
        better = replacements.get(found.group().lower())
        if better is not None:
            parts += [(text[end : found.start()], False), (in_case_of(found.group(), better), True)]
            end = found.end()
    parts = [part for part in [*parts, (text[end:], False)] if part[0]]
    return Suggestion("".join(piece for piece, _ in parts), parts)


def in_case_of(typed: str, word: str) -> str:
    """`word` in the case `typed` was written in: HELICOPTER, Rasmussen, helicopter."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def people_named_like(words: list[str]) -> list[Person]:
    """Up to PEOPLE_SHOWN people whose name or one-word alias is like one of these words, the
    closest first, each with the `alias` that matched (their name, or a surname as some
    articles spell it)."""
    if not words:
        return []
    return list(Person.objects.raw(PEOPLE_SQL, {"words": words, "shown": PEOPLE_SHOWN}))
