"""Text into words, for every comparison in the package: normalised words, the content words that
carry meaning, and the cached analysis of a quote that statements and stories compare.

Text analysis is cached (`functools.lru_cache`) because a story's quotes and texts are compared
again each time an article arrives; `clear_caches()` empties the caches, this module's and those
that the other modules register here.
"""

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache


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


# The other modules' caches (names, stories), registered by them on import: the numbering of the
# words starts again only when every text analysed with the old one is forgotten, and this module,
# which the others import, cannot import them.
_other_caches: list[Callable[[], None]] = []


def register_cache(clear: Callable[[], None]) -> None:
    """Have clear_caches call `clear` too (a function that empties one of a module's caches)."""
    _other_caches.append(clear)


def clear_caches() -> None:
    """Forget all cached text analysis (for benchmarks measuring a fresh process)."""
    for cached in (_analyse, _cached_content_word):
        cached.cache_clear()
    for clear in _other_caches:
        clear()
    with _word_keys_lock:
        _word_keys.clear()
