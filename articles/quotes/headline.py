"""The quotes printed in an article's own headline, and who said each one.

A headline is no sentence: it drops the reporting verb's comma ("'No rift' says TT Prime
Minister"), puts the source after a colon ("'Zero chance' ...: spokesperson", "Año: ...") and
uses single marks for quotes, so the body's reader (reading.py) leaves its quotes alone. Here a
quoted span of the headline is a quote when the headline gives it to somebody (a verb of saying
beside it, or a source on the other side of a colon) or when its words come back inside a quote
of the body: a headline quote nearly always repeats the article's words (QUOTES.md, Headlines).
Anything else in marks (a scare quote, a term, a motto) is no quote.

The speaker is the one the headline names, resolved among the article's people by name or by
role ("immigration minister" is the person the body calls "Immigration Minister"); an
organisation or country keeps no speaker; a description no person of the body answers to, or no
attribution at all, takes the speaker of the body quote that repeats the words.
"""

import re
from collections.abc import Sequence

from articles.lexicon import ROLE_NOUNS

from .marks import find_spans
from .names import is_role_word
from .quote import Person, Quote
from .words import FUNCTION_WORDS, PLAN_NOUNS, REPORTING_VERBS, TERM_CUES, WORK_NOUNS


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Headlines report speech in the present tense, with verbs a body seldom uses for it.
SAYING = REPORTING_VERBS | _set(
    "decries decry vow slams blasts hits rejects dismisses calls warns insists admits urges"
)
_WORD_RE = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*\.?")
_TOKEN_RE = re.compile(r"\w+")
# Where the clause with the source ends: a dash, a bar, a colon, a semicolon, a comma, or a
# conjunction opening the next clause ("... as Keir Starmer launches ...").
_CLAUSE_END = re.compile(r"\s[–—-]\s|[|:;,(]|\s(?:as|after|while|amid|but|and|over|in|on)\s")
_NOT_NAMES = FUNCTION_WORDS | _set("live update updates video watch breaking")
# Nouns after marks that make what they hold a name: the "Go Out" plan, the "..." motto.
_NAMING_NOUNS = PLAN_NOUNS | WORK_NOUNS | TERM_CUES


def headline_quotes(headline: str, body: Sequence[Quote], people: Sequence[Person]) -> list[Quote]:
    """The quotes of `headline` (offsets into it, place "headline"), given the quotes the body's
    reader found and the article's people."""
    quotes = []
    for span in find_spans([headline]):
        seg = span.segs[0]
        if span.nickname or not span.closed or len(span.segs) > 1 or seg.end <= seg.start:
            continue
        text = headline[seg.start : seg.end]
        if not any(ch.isalnum() for ch in text) or _is_term(headline, seg.open_at, seg.close_at):
            continue
        source = _source(headline, seg.open_at, seg.close_at, text, people, body)
        at = repeated_in(text, [quote.text for quote in body])
        repeated = body[at] if at is not None else None
        if source is None and repeated is None:
            continue  # a scare quote or a term: nobody says it, in the headline or the body
        if repeated is not None and (source is None or (source[1] != "person" and not source[2])):
            # (a description nobody in the body holds yields to the body's speaker)
            speaker, kind = repeated.speaker, repeated.speaker_kind
            mention, verb = repeated.speaker_mention, repeated.verb
        else:
            speaker, kind, mention, verb = source[0], source[1], source[3], source[4]
        opening = text.lstrip("[(.… ")
        quotes.append(
            Quote(
                text=text,
                kind="full" if opening[:1].isupper() or opening[:1].isdigit() else "partial",
                speaker=speaker,
                speaker_mention=mention,
                verb=verb,
                start_paragraph=0,
                start_offset=seg.start,
                end_paragraph=0,
                end_offset=seg.end,
                confidence=0.8 if kind == "person" and source is not None else 0.6,
                speaker_kind=kind,
                place="headline",
            )
        )
    return quotes


def _is_term(headline: str, open_at: int, close_at: int) -> bool:
    """A term or a name in marks: 'so-called "x"', 'the "Again, Korea" motto'."""
    before = _words(headline[:open_at])[-2:]
    after = _words(headline[close_at + 1 :])[:1]
    if any(w.lower() in TERM_CUES for w in before):
        return True
    return bool(after) and after[0].lower() in _NAMING_NOUNS


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _source(
    headline: str,
    open_at: int,
    close_at: int,
    text: str,
    people: Sequence[Person],
    body: Sequence[Quote],
):
    """Who the headline gives the quote to: (speaker, speaker_kind, binding, mention, verb), or
    None. A person named or described is taken first, in the order below; else what a verb of
    saying gives it to. `binding` says the body's repetition must not overrule it: an
    organisation with a verb of saying ("Labour vows to '...'"), not a description nobody in
    the body holds."""
    pre, post = headline[:open_at], headline[close_at + 1 :]
    candidates = []
    # 1. a verb of saying after the quote: "'...' says X", "'...,' X says", "..., says X"
    # 2. a verb of saying before it: "Labour vows to '...'", "analyst decries '...'"
    for found in (_verb_after(post), _verb_before(pre)):
        if found is not None:
            resolved = _resolve(found[0], people, body)
            if resolved is not None:
                candidates.append((*resolved, resolved[1] == "organisation", *found))
    # 3. a source across a colon: "Año: ... '...'", "'...': Macron on ...", "...: spokesperson"
    for phrase in _colon_sources(pre, post, text):
        resolved = _resolve(phrase, people, body)
        if resolved is not None and resolved[1] != "organisation":
            candidates.append((*resolved, False, phrase, ""))
    named = [c for c in candidates if c[1] == "person"]
    return (named or candidates or [None])[0]


def _verb_after(post: str) -> tuple[str, str] | None:
    match = _first_verb(post)
    if match is None:
        return None
    verb = match.group(0)
    before = post[: match.start()]
    if not any(ch.isalpha() for ch in before) or before.rstrip().endswith(","):
        # right after the quote, or "..., says X": the source follows the verb
        tail = _CLAUSE_END.split(post[match.end() :], maxsplit=1)[0].strip()
        return (tail, verb) if tail else None
    between = before.lstrip(" ,.:'’\"”").strip()
    if len(_words(between)) <= 5 and not _CLAUSE_END.search(f" {between} "):
        return between, verb  # "'...,' immigration minister says"
    return None


def _first_verb(text: str):
    for match in _WORD_RE.finditer(text):
        if match.group(0).lower() in SAYING:
            return match
    return None


def _verb_before(pre: str) -> tuple[str, str] | None:
    words = list(_WORD_RE.finditer(pre))
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[k].group(0)
        if word.lower() not in SAYING:
            continue
        if _CLAUSE_END.search(pre[words[k].end() :].replace(",", " ")):
            return None  # the verb's clause ended before the quote
        subject = _CLAUSE_END.split(pre[: words[k].start()])[-1].strip()
        return (subject, word) if subject else None
    return None


def _colon_sources(pre: str, post: str, text: str) -> list[str]:
    out = []
    if ":" in pre:
        head = pre.split(":", 1)[0].strip(" '‘’\"“”")
        if 0 < len(_words(head)) <= 5:
            out.append(head)  # "Año: Killings of two mayors “not at all related”"
    opens = not any(ch.isalnum() for ch in pre)
    lead = post.lstrip(" '’\"”")
    if opens and (text.rstrip()[-1:] == ":" or lead[:1] in ":–—-"):
        out.append(_leading_phrase(lead.lstrip(":–—- ")))  # "'...': Sask. premier congratulates"
    if ":" in post:
        tail = post.rsplit(":", 1)[1].strip()
        if 0 < len(_words(tail)) <= 3:
            out.append(tail)  # "'Zero chance' Yoon will move into Cheong Wa Dae: spokesperson"
    return [phrase for phrase in out if phrase]


def _leading_phrase(text: str) -> str:
    """The capitalised words and role words opening `text`: the subject of a headline clause."""
    kept = []
    for word in _words(text)[:6]:
        bare = word.removesuffix("’s").removesuffix("'s")
        if bare[:1].isupper() or is_role_word(bare):
            kept.append(bare)
            if bare != word:
                break  # "Macron's vow"
        else:
            break
    return " ".join(kept)


def _resolve(
    phrase: str, people: Sequence[Person], body: Sequence[Quote]
) -> tuple[str | None, str] | None:
    """(speaker, speaker_kind) for a source phrase of the headline, or None when it names
    nobody: a person by a word of their name or by their role (of several holding it, the one
    whose description shares most words, then the one the body quotes most), else an unnamed
    person (a role nobody in the body holds) or an organisation (capitalised words that are no
    person's)."""
    words = [w.removesuffix("’s").removesuffix("'s") for w in _words(phrase)]
    if not words or len(words) > 6:
        return None
    names = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES]
    roles = [w.lower().rstrip(".") for w in words if is_role_word(w)]
    for person in people:
        person_words = set(person.name.split())
        if any(w in person_words for w in names if not is_role_word(w)):
            return person.name, "person"
    if roles:
        others = [w.lower() for w in words if w.lower() not in roles + list(FUNCTION_WORDS)]
        best, best_score = None, (0, 0, 0)
        for person in people:
            held = set(_TOKEN_RE.findall(" ".join([person.role, *person.aliases]).lower()))
            score = (
                sum(r in held for r in roles),
                sum(w in held for w in others),
                sum(q.speaker == person.name for q in body),
            )
            if score > best_score:
                best, best_score = person, score
        if best is not None and best_score[0]:
            return best.name, "person"
        return None, "unnamed"
    if names and not any(w.lower() in ROLE_NOUNS for w in names):
        return None, "organisation"
    return None


def repeated_in(text: str, body: Sequence[str]) -> int | None:
    """Which of the body's quote texts holds the headline quote's words in a row (in any
    case): the same statement. A single word counts only against a body quote of a few words
    (a term a speaker used, not a word met in a long passage)."""
    words = _TOKEN_RE.findall(text.casefold())
    if not words:
        return None
    n = len(words)
    for k, quote in enumerate(body):
        theirs = _TOKEN_RE.findall(quote.casefold())
        if n == 1 and len(theirs) > 3:
            continue
        if any(theirs[i : i + n] == words for i in range(len(theirs) - n + 1)):
            return k
    return None
