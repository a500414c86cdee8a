"""How long matching takes on a big story.

    .venv/bin/python bench/matching_speed.py

Generates a story of 1,000 articles (about 10 quotes each, 30 speakers, each statement quoted in
full, in part or reworded), then times adding one more article's quotes with `match_statements`,
and `match_story` for one article against 200 candidate stories. "Cold" is the first call in a
fresh process (no cached text analysis), "warm" the median of later calls. Target: adding one
article to a 1,000-article story in 100 ms or less.
"""

import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles import matching  # noqa: E402
from articles.matching import (  # noqa: E402
    ArticleForStory,
    QuoteForMatching,
    StatementGroup,
    StoryCandidate,
    match_statements,
    match_story,
)

ARTICLES = 1_000
QUOTES_PER_ARTICLE = 10
SPEAKERS = 30
STATEMENTS_PER_SPEAKER = 12
CANDIDATE_STORIES = 200
ARTICLES_PER_CANDIDATE = 8
TARGET_MS = 100.0

FILLER = (
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "that",
    "we",
    "it",
    "is",
    "will",
    "for",
    "on",
    "with",
)


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """Pronounceable made-up words: the matcher only cares that they are words."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    words = set()
    while len(words) < size:
        syllables = rng.randint(2, 4)
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(syllables)))
    return sorted(words)


def make_sentence(rng: random.Random, vocabulary: list[str], length: int) -> list[str]:
    return [
        rng.choice(FILLER) if rng.random() < 0.45 else rng.choice(vocabulary) for _ in range(length)
    ]


def rendition(rng: random.Random, words: list[str], vocabulary: list[str]) -> str:
    """How one outlet quotes a statement: in full, in part, or reworded."""
    roll = rng.random()
    if roll < 0.5:
        chosen = list(words)
    elif roll < 0.75:
        size = rng.randint(max(6, len(words) // 3), len(words) - 1)
        start = rng.randint(0, len(words) - size)
        chosen = words[start : start + size]
    else:
        chosen = list(words)
        for _ in range(rng.randint(1, 2)):
            chosen[rng.randrange(len(chosen))] = rng.choice(vocabulary)
        if rng.random() < 0.5:
            del chosen[rng.randrange(len(chosen))]
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + rng.choice([",", ".", ""])


def make_story(rng: random.Random, vocabulary: list[str]):
    statements = [
        (f"speaker-{s}", make_sentence(rng, vocabulary, rng.randint(12, 30)))
        for s in range(SPEAKERS)
        for _ in range(STATEMENTS_PER_SPEAKER)
    ]

    def article_quotes(article_key: object) -> list[tuple[int, QuoteForMatching]]:
        quotes = []
        for n, si in enumerate(rng.sample(range(len(statements)), QUOTES_PER_ARTICLE)):
            speaker, words = statements[si]
            known = rng.random() < 0.9  # one quote in ten has no attributed speaker
            quote = QuoteForMatching(
                key=(article_key, n),
                text=rendition(rng, words, vocabulary),
                speaker_key=speaker if known else None,
                article_key=article_key,
            )
            quotes.append((si, quote))
        return quotes

    # The story's groups are built from the known truth: building them with the matcher itself
    # would take a thousand calls and measure nothing new.
    members: dict[int, list[QuoteForMatching]] = {}
    for a in range(ARTICLES):
        for si, quote in article_quotes(a):
            members.setdefault(si, []).append(quote)
    groups = [StatementGroup(key=si, members=m) for si, m in sorted(members.items())]
    return groups, article_quotes


def time_ms(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def report(label: str, times: list[float], target_ms: float | None = TARGET_MS) -> None:
    verdict = ""
    if target_ms is not None:
        verdict = f" (target <= {target_ms:.0f} ms: "
        verdict += ("ok" if max(times) <= target_ms else "OVER TARGET") + ")"
    print(
        f"  {label}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
        f"over {len(times)} articles{verdict}"
    )


def bench_statements(rng: random.Random, vocabulary: list[str]) -> None:
    groups, article_quotes = make_story(rng, vocabulary)
    members = sum(len(g.members) for g in groups)
    print(f"story: {ARTICLES} articles, {members} quotes in {len(groups)} statement groups")

    new_articles = [article_quotes(f"new-{i}") for i in range(12)]
    cold, warm = [], []
    correct = total = 0
    for new in new_articles:
        quotes = [q for _, q in new]
        matching.clear_caches()
        cold.append(time_ms(match_statements, quotes, groups))
        warm.append(time_ms(match_statements, quotes, groups))
        truth = {q.key: si for si, q in new}
        for assignment in match_statements(quotes, groups):
            total += 1
            correct += assignment.group_key == truth[assignment.quote_key]
    print(f"match_statements, adding one article of {QUOTES_PER_ARTICLE} quotes to that story:")
    report("cold (first call in a process)", cold)
    report("warm (story's quotes analysed by an earlier call)", warm)
    print(f"  quotes assigned to the statement they render: {correct}/{total}")


def make_article(rng, vocabulary, key, published, people, places, topic) -> ArticleForStory:
    words = [
        rng.choice(topic) if rng.random() < 0.3 else w for w in make_sentence(rng, vocabulary, 400)
    ]
    quotes = tuple(" ".join(make_sentence(rng, topic, rng.randint(10, 25))) for _ in range(6))
    return ArticleForStory(
        key=key,
        published=published,
        people=tuple(rng.sample(people, 4)),
        places=tuple(rng.sample(places, 3)),
        text=" ".join(words),
        quote_texts=quotes,
    )


def bench_stories(rng: random.Random, vocabulary: list[str]) -> None:
    people = [
        f"{first} {last}" for first in ("Anna", "Boris", "Carl", "Dana") for last in vocabulary[:40]
    ]
    places = [word.title() for word in vocabulary[40:100]]
    first_day = datetime.date(2020, 1, 1)
    stories = []
    for s in range(CANDIDATE_STORIES):
        topic = rng.sample(vocabulary, 40)
        start = first_day + datetime.timedelta(days=rng.randint(0, 60))  # crowded: many overlap
        story_people, story_places = rng.sample(people, 8), rng.sample(places, 5)
        # Story 0 is the big one: as many articles as the statement benchmark's story.
        size = ARTICLES if s == 0 else ARTICLES_PER_CANDIDATE
        articles = tuple(
            make_article(
                rng,
                vocabulary,
                (s, a),
                start + datetime.timedelta(days=rng.randint(0, 2)),
                story_people,
                story_places,
                topic,
            )
            for a in range(size)
        )
        stories.append(StoryCandidate(key=s, start=None, end=None, articles=articles))

    def new_article(i: int) -> ArticleForStory:
        """Another report of story i: some of its words and its statements, reworded."""
        sample = stories[i].articles[0]
        return ArticleForStory(
            key=f"new-{i}",
            published=sample.published if i % 2 else None,  # half of them undated
            people=sample.people,
            places=sample.places,
            text=" ".join(rng.sample(sample.text.split(), 300)),
            quote_texts=tuple(
                rendition(rng, q.split(), vocabulary) for q in sample.quote_texts[:3]
            ),
        )

    cold, warm = [], []
    right = 0
    for i in range(12):
        article = new_article(i)
        if i < 4:  # each cold run re-reads every story's articles: a few runs are enough
            matching.clear_caches()
            cold.append(time_ms(match_story, article, stories))
        warm.append(time_ms(match_story, article, stories))
        match = match_story(article, stories)
        right += match is not None and match.key == i
    print(
        f"match_story, one article against {CANDIDATE_STORIES} stories (one of {ARTICLES} "
        f"articles, the others of {ARTICLES_PER_CANDIDATE}):"
    )
    report("cold (first call in a process: every story's text analysed)", cold, None)
    report("warm (story profiles cached by an earlier call)", warm)
    print(f"  articles that joined the story they came from: {right}/12")


def main() -> None:
    rng = random.Random(2009)
    vocabulary = make_vocabulary(rng, 3_000)
    bench_statements(rng, vocabulary)
    bench_stories(rng, vocabulary)


if __name__ == "__main__":
    main()
