"""A story's title: the most central headline among its reports, never a list of names."""

import datetime
import re
from collections import Counter
from collections.abc import Sequence

from .stories import ArticleForStory, _background, _term_of, _term_weights
from .words import normalise_words

_HEADLINE_MAX_WORDS = 16
_CAPTION_MARKS = ("[", "]", "/", "|", "©", "@")


_HEADLINE_LINES = 4  # the headline is among the first lines (chrome may stand above it)
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")


def _headlines_of(article: ArticleForStory) -> list[str]:
    """The lines among the article's first that read as a headline: 3 to 16 words, mostly
    words, no caption or byline marks or clock time, not a sentence's end, not names alone."""
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    found = []
    for line in lines[:_HEADLINE_LINES]:
        words = line.split()
        alphabetic = sum(any(c.isalpha() for c in w) for w in words)
        if not 3 <= len(words) <= _HEADLINE_MAX_WORDS or alphabetic < 0.8 * len(words):
            continue
        if any(mark in line for mark in _CAPTION_MARKS) or _CLOCK.search(line):
            continue
        if line.endswith((".", ":", ",", ";")) or _names_only(words):
            continue
        found.append(line)
    return found


def _names_only(words: list[str]) -> bool:
    """ "Barack Obama and Shigeaki Mori": who, not what happened."""
    joining = {"and", "&", "of", "de", "van", "von"}
    return ("and" in words or "&" in words) and all(
        w[:1].isupper() or w.casefold() in joining for w in words
    )


def story_title(articles: Sequence[ArticleForStory]) -> str:
    """A story's title: the most central headline among its reports, the one whose words weigh
    most in the words the reports share (each weighed by its rarity); the earliest of equals.

    A headline is one of an article's first lines that reads as one (_headlines_of): site chrome
    ("Global General") and captions are passed over. Without any, the first line of prose of the
    earliest report, cut to a dozen words; "Untitled story" at worst. Never a list of names.
    """
    if not articles:
        return ""
    ordered = sorted(
        articles, key=lambda a: (a.published is None, a.published or datetime.date.min)
    )
    weights = [_term_weights(article.text) for article in ordered]
    rarity = _background.rarity
    if len(ordered) == 1:
        shared = {word: weight * rarity(word) for word, weight in weights[0].items()}
    else:
        # Words that at least two of the reports use, by how many use them.
        counts = Counter(word for terms in weights for word in terms)
        shared = {word: n * rarity(word) for word, n in counts.items() if n >= 2}
    best, best_score = "", 0.0
    for article in ordered:
        for headline in _headlines_of(article):
            terms = {t for w in normalise_words(headline) if (t := _term_of(w))}
            # Mean weight per word, with a little for length: the fullest central headline.
            score = sum(shared.get(t, 0.0) for t in terms) / (len(terms) + 2)
            if score > best_score:
                best, best_score = headline, score
    if best:
        return best
    for article in ordered:
        for line in article.text.splitlines():
            words = line.split()
            alphabetic = sum(any(c.isalpha() for c in w) for w in words)
            if alphabetic >= 4 and not _names_only(words):
                title = " ".join(words[:12])
                return title + ("…" if len(words) > 12 else "")
    return "Untitled story"
