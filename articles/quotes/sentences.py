"""Sentences and tokens: where the sentences of a masked paragraph end (not after "Mr." or
"U.S.", nor after '"Why?"' when "she asked" follows), and the tokens of a sentence."""

import re
from collections.abc import Sequence

from .marks import WS_RE
from .words import ABBREVIATIONS, DEFINITE, PRONOUNS, REPORTING_VERBS

_TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)+%?"  # 30,000  2.5
    r"|(?:[^\W\d_]\.){2,}"  # U.S.  a.m.
    r"|[^\W_]+(?:[’'\-‐][^\W_]+)*[’']?"  # words, Russia’s, Adebayo-Reyes, players’
    r"|[^\w\s]"
)
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}[A-Z]$")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"')\]]*(?=\s)")


def split_sentences(masked: str, starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Sentence bounds in a masked paragraph; `starts` are more places where one begins (a
    quote opening right after a full stop, with no space: "...Widodo.'We are all ...'")."""
    bounds = _split(masked)
    for at in starts:
        for n, (s0, s1) in enumerate(bounds):
            if s0 < at < s1:
                bounds[n : n + 1] = [(s0, at), (at, s1)]
                break
    return bounds


def _split(masked: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(masked):
        end = match.end()
        nxt = WS_RE.match(masked, end).end()
        if nxt >= len(masked):
            break
        ch = masked[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in '"(['):
            continue
        punct = match.group()
        if punct[0] == "." and '"' not in punct:
            word = masked[max(start, match.start() - 12) : match.start()].rsplit(None, 1)
            word = word[-1].lstrip("(\"'") if word else ""
            low = word.lower()
            if (
                (low in ABBREVIATIONS and not (low in ("no", "nos") and not ch.isdigit()))
                or (len(word) == 1 and word.isupper())
                or _INITIALS_RE.match(word)  # "A.K. Abdul Momen"
            ):
                continue
        if punct[0] in "?!" and punct.endswith('"') and _starts_attribution(masked, nxt):
            continue  # "Why?" she asked.
        bounds.append((start, end))
        start = nxt
    bounds.append((start, len(masked)))
    return bounds


def _starts_attribution(masked: str, pos: int) -> bool:
    words = masked[pos : pos + 80].split()[:5]
    for w in words:
        w = w.strip(".,;:")
        if w in REPORTING_VERBS:
            return True
        if not w or not (w[:1].isupper() or w.lower() in PRONOUNS or w in DEFINITE):
            return False
    return False


Tok = tuple[str, int, int]


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]
