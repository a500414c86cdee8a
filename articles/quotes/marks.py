"""Quote marks and spans: pairing quotation marks into quoted spans, and masking them.

A small state machine pairs quotation marks per paragraph (straight, curly, « », „ “, » «, CJK).
A quote left open at the end of a paragraph that ends a sentence carries on when the next
paragraph opens with a mark (the journalistic convention): one quote. Single marks are paired
only outside double-quoted text, so nested quotes stay inside their outer quote; apostrophes
(can't, Russia's, players') and inch marks are not marks.

Masking replaces each span's words by "x" in a copy of the paragraph (same offsets, the final
punctuation kept), so sentence splitting and attribution read only the reporter's words.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from articles.lexicon import ROLE_NOUNS

from .words import STOP_CAPITALS

_DOUBLE_CLOSERS = {
    '"': '"”“',
    "“": '”"“',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    "»": "«»",
    "”": "”",
    "〝": "〞〟",
    "＂": "＂",
    "「": "」",
    "『": "』",
    "❝": "❞",
    "⹂": "“”",
}
_DOUBLE_OPENERS_ALWAYS = frozenset("“„‟«〝「『❝⹂")
_SINGLE_CLOSERS = {"‘": "’'", "'": "'’", "‚": "‘’", "‛": "’", "‹": "›", "›": "‹", "❛": "❜"}
DOUBLE_MARK_RE = re.compile('["“”„‟«»〝〞〟＂「」『』❝❞⹂]')
_SINGLE_MARK_RE = re.compile("['‘’‚‛‹›❛❜]")
_OPEN_CONTEXT = frozenset("([{—–-/:;")
_TRAILING_PUNCT = frozenset(".,!?;:…")
_CONTINUATION_OPENERS = frozenset('"“„‟«»〝＂「『❝')
WS_RE = re.compile(r"\s*")


@dataclass
class Seg:
    para: int
    open_at: int  # index of the opening mark
    start: int  # first content character (whitespace trimmed)
    end: int  # just after the last content character
    close_at: int  # index of the closing mark, -1 when the paragraph ends inside the quote


@dataclass
class Span:
    segs: list[Seg]
    single: bool
    closed: bool = True
    nickname: bool = False
    text_end: str = ""  # last quoted character of an unclosed part


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in _DOUBLE_OPENERS_ALWAYS or ch in "‘‚‛‹❛":
        # a “ right after a word and before a space is a misplaced closer
        return not (prev.isalnum() and (nxt.isspace() or nxt in ".,;:!?"))
    if text.startswith("...", i + 1) or nxt == "…":
        nxt = "a"  # an ellipsis opening the quote: "... where we resolve our differences"
    if prev in ".!?" and nxt.isupper() and i >= 2 and text[i - 2].isalpha():
        return True  # sentences run together: "...in the region."We will ..."
    return (prev.isspace() or prev in _OPEN_CONTEXT or prev in _CONTINUATION_OPENERS) and not (
        nxt.isspace() or nxt in ".,;:!?"
    )


def _looks_like_opener_only(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isspace() and nxt.isalnum()


def _ends_open_part(span: Span, paragraphs: Sequence[str]) -> bool:
    """Whether the unclosed last part of a quote reads like quoted sentences opening its
    sentence (or after a colon or comma), not a stray mark or words that lost their closing
    mark mid-sentence ('to look to 2009 with "optimism.'), which do not run into the next
    paragraph's quotation."""
    seg = span.segs[-1]
    if seg.end - seg.start < 8 or span.text_end not in ".!?,;:…":
        return False
    text = paragraphs[seg.para]
    before = text[: seg.open_at].rstrip()
    if not before or before[-1] in ":.!?," or len(span.segs) > 1:
        return True
    return len(text[seg.start : seg.end].split()) >= 4


def _runs_on_unopened(paragraphs: Sequence[str], p: int, carry: Span) -> bool:
    """Whether a quote left open at the end of its paragraph goes on in paragraph p, which opens
    with no mark: p and the paragraphs after it have no mark until one that closes a sentence
    or a clause ('... for you to come?” shouted X'), a few paragraphs on at most (a tweet quoted
    line by line). A quote that only lost its closing mark ends with its paragraph instead."""
    if not _ends_open_part(carry, paragraphs):
        return False
    first = paragraphs[carry.segs[0].para][carry.segs[0].open_at]
    for q in range(p, min(p + 10, len(paragraphs))):
        text = paragraphs[q]
        found = DOUBLE_MARK_RE.search(text)
        if found is None:
            continue
        i = found.start()
        return (
            text[i] in _DOUBLE_CLOSERS.get(first, "")
            and i > 0
            and not text[i - 1].isspace()
            and not _can_open(text, i)
        )
    return False


def _continues_speech(text: str, k: int) -> bool:
    """Whether the quote opening a paragraph at text[k] reads as more of the same speech: it
    runs on, or its closing mark ends a sentence or a clause ('... outside," she told'), not
    a phrase the sentence goes on from ('"Hope and goodwill" should extend ...')."""
    close = DOUBLE_MARK_RE.search(text, k + 1)
    if close is None:
        return True
    i = close.start()
    return text[i - 1 : i] in ",.!?…;:" or text[i + 1 : i + 2] in (",", ".", "")


def _is_nested(text: str, later: list[int]) -> bool:
    """Whether an opening mark inside an open quote opens a quote within it: its closing mark
    comes next, and the marks left after it (the outer closing one among them) are odd."""
    return len(later) >= 2 and len(later) % 2 == 0 and not _looks_like_opener_only(text, later[0])


def _is_misprinted_closer(text: str, i: int, later: list[int]) -> bool:
    """Whether a mark shaped like an opening one closes the open quote: it follows the end of
    a clause ('... has been adopted, “Mr. Fabius said, adding: “It may ...”') and the next
    mark, if any, opens a new quote."""
    before = text[:i].rstrip()
    return (
        bool(before)
        and before[-1] in ",.!?…"
        and (not later or _looks_like_opener_only(text, later[0]))
    )


def _find_double_spans(paragraphs: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    carry: Span | None = None  # a quote still open at the end of the previous paragraph
    for p, text in enumerate(paragraphs):
        opener, open_at, span = "", -1, None
        skip = -1
        if carry is not None:
            k = WS_RE.match(text).end()
            if (
                k < len(text)
                and text[k] in _CONTINUATION_OPENERS
                and _ends_open_part(carry, paragraphs)
                and _continues_speech(text, k)
            ):
                opener, open_at, span, skip = text[k], k, carry, k
            elif k < len(text) and _runs_on_unopened(paragraphs, p, carry):
                # the quote goes on in paragraphs that open with no mark, up to a closing one
                close = DOUBLE_MARK_RE.search(text)
                start, end = _trim(text, k, close.start() if close else len(text))
                carry.segs.append(Seg(p, k, start, end, close.start() if close else -1))
                if close is None:
                    continue  # carried on to the next paragraph
                spans.append(carry)
                skip = close.start()
            else:
                carry.closed = False
                spans.append(carry)
            carry = None
        marks = [m.start() for m in DOUBLE_MARK_RE.finditer(text)]
        n = 0
        while n < len(marks):
            i = marks[n]
            n += 1
            if i == skip:
                continue
            ch = text[i]
            if opener:
                opener_only = _looks_like_opener_only(text, i)
                misprinted = opener_only and _is_misprinted_closer(text, i, marks[n:])
                if ch in _DOUBLE_CLOSERS.get(opener, "") and (not opener_only or misprinted):
                    start, end = _trim(text, open_at + 1, i)
                    seg = Seg(p, open_at, start, end, i)
                    if span is None:
                        span = Span([], single=False)
                    span.segs.append(seg)
                    spans.append(span)
                    opener, span = "", None
                elif _can_open(text, i) and _is_nested(text, marks[n:]):
                    n += 1  # a quote inside the quote: 'the only "weapon". This is ...,"'
                elif _can_open(text, i):
                    # the previous mark was never closed: a stray, start again here
                    opener, open_at, span = ch, i, None
            elif ch in _DOUBLE_CLOSERS and _can_open(text, i):
                opener, open_at = ch, i
        if opener:
            start, end = _trim(text, open_at + 1, len(text))
            if span is None:
                span = Span([], single=False)
            span.segs.append(Seg(p, open_at, start, end, -1))
            span.text_end = text[end - 1 : end]
            carry = span
    if carry is not None:
        carry.closed = False
        spans.append(carry)
    return [s for s in spans if any(seg.end > seg.start for seg in s.segs)]


def _find_single_spans(p: int, text: str, blocked: list[tuple[int, int]]) -> list[Span]:
    blocked.sort()
    starts = [a for a, _ in blocked]

    def inside_double(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i <= blocked[k][1]

    marks = [m.start() for m in _SINGLE_MARK_RE.finditer(text) if not inside_double(m.start())]
    spans: list[Span] = []
    opener, open_at = "", -1
    n = len(text)
    for idx, i in enumerate(marks):
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: can’t, Russia’s
        left = (
            prev.isspace()
            or prev in _OPEN_CONTEXT
            or prev in '"“„«'
            or (prev in ".!?" and nxt.isupper())  # run on: "...Widodo.'We are all ...'"
        ) and not nxt.isspace()
        if not opener:
            if ch in _SINGLE_CLOSERS and left and not (nxt.isdigit() and ch in "'‘"):
                opener, open_at = ch, i
            continue
        if ch in _SINGLE_CLOSERS[opener] and not prev.isspace():
            # "the players’ union": a plural possessive when a real closer follows soon after
            if prev in "sS" and nxt == " " and i + 2 < n and text[i + 2].islower():
                later = marks[idx + 1 : idx + 20]
                if any(
                    not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isalnum())
                    for j in later
                ):
                    continue
            start, end = _trim(text, open_at + 1, i)
            if end > start:
                spans.append(Span([Seg(p, open_at, start, end, i)], single=True))
            opener = ""
        elif left and ch in "‘'‚‛‹❛":
            opener, open_at = ch, i
    return spans


def _is_nickname(text: str, seg: Seg) -> bool:
    """Francisco 'Panchito' Olachea, Earvin "Magic" Johnson."""
    content = text[seg.start : seg.end]
    words = content.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, seg.open_at - 40) : seg.open_at]
    after = text[seg.close_at + 1 : seg.close_at + 40]
    prev_word = before.rstrip().rsplit(" ", 1)[-1] if before.endswith(" ") else ""
    next_word = after[1:].split(" ", 1)[0] if after.startswith(" ") else ""
    return (
        prev_word[:1].isupper()
        and prev_word.lower() not in STOP_CAPITALS
        and prev_word.lower().rstrip(".") not in ROLE_NOUNS
        and next_word[:1].isupper()
        and next_word.lower() not in STOP_CAPITALS
    )


def find_spans(paragraphs: Sequence[str]) -> list[Span]:
    doubles = _find_double_spans(paragraphs)
    blocked: dict[int, list[tuple[int, int]]] = {}
    for span in doubles:
        for seg in span.segs:
            end = seg.close_at if seg.close_at >= 0 else len(paragraphs[seg.para])
            blocked.setdefault(seg.para, []).append((seg.open_at, end))
    singles: list[Span] = []
    for p, text in enumerate(paragraphs):
        if "'" in text or "‘" in text or "’" in text or "‹" in text or "‚" in text:
            singles.extend(_find_single_spans(p, text, blocked.get(p, [])))
    # British style: 'He said "no" to us,' she said -- the double quote is the nested one.
    outer = [
        s
        for s in singles
        if paragraphs[s.segs[0].para][s.segs[0].end - 1 : s.segs[0].end] in ",.!?"
    ]
    if outer:
        by_para: dict[int, list[tuple[int, int]]] = {}
        for o in outer:
            by_para.setdefault(o.segs[0].para, []).append((o.segs[0].open_at, o.segs[0].close_at))

        def nested(d: Span) -> bool:
            seg = d.segs[0]
            ranges = by_para.get(seg.para)
            if len(d.segs) > 1 or not ranges:
                return False
            k = bisect_right(ranges, (seg.open_at, len(paragraphs[seg.para]))) - 1
            return k >= 0 and ranges[k][0] < seg.open_at and seg.close_at < ranges[k][1]

        doubles = [d for d in doubles if not nested(d)]
    for span in doubles:
        _take_back_lost_opening(paragraphs, span)
    spans = doubles + singles
    for span in spans:
        if len(span.segs) == 1 and span.closed:
            span.nickname = _is_nickname(paragraphs[span.segs[0].para], span.segs[0])
    spans.sort(key=lambda s: (s.segs[0].para, s.segs[0].open_at))
    return spans


def _take_back_lost_opening(paragraphs: Sequence[str], span: Span) -> None:
    """A quote over several paragraphs whose first paragraph lost its opening mark: after a
    paragraph ending with a colon ('delivered a statement to the Commons:'), a paragraph with
    no marks at all, then paragraphs opening with marks as a long quote's do. That unmarked
    paragraph is the quote's first."""
    first = span.segs[0]
    q = first.para - 1
    if len(span.segs) < 2 or q < 1 or first.open_at != WS_RE.match(paragraphs[first.para]).end():
        return
    text = paragraphs[q]
    if (
        not paragraphs[q - 1].rstrip().endswith(":")
        or DOUBLE_MARK_RE.search(text)
        or text.rstrip()[-1:] not in (".", "!", "?")
    ):
        return
    start, end = _trim(text, 0, len(text))
    span.segs.insert(0, Seg(q, start, start, end, -1))


def mask(paragraphs: Sequence[str], spans: list[Span]) -> list[str]:
    """Paragraphs with quoted words replaced by "x" and every mark by '"', offsets unchanged."""
    chars = [list(text) for text in paragraphs]
    for span in spans:
        for seg in span.segs:
            row = chars[seg.para]
            text = paragraphs[seg.para]
            close = seg.close_at if seg.close_at >= 0 else len(text)
            if span.nickname:
                for j in range(seg.open_at, close + 1):
                    row[j] = " "
                continue
            row[seg.open_at] = '"'
            if seg.close_at >= 0:
                row[seg.close_at] = '"'
            keep = seg.end
            while keep > seg.start and text[keep - 1] in _TRAILING_PUNCT:
                keep -= 1
            for j in range(seg.start, keep):
                row[j] = "x"
            for j in range(seg.open_at + 1, seg.start):
                row[j] = " "
    return ["".join(row) for row in chars]
