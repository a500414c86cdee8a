"""Phrase reading: where the subject of a reporting verb or of a sentence is, over the noun
phrases that `noun_phrases` classifies.
"""

from articles.lexicon import ORG_NOUNS

from .names import (
    is_name_word,
    is_possessive,
    is_role_word,
)
from .noun_phrases import NounPhrase, NounPhrases, head_word
from .sentences import Tok
from .words import (
    ABBREVIATIONS,
    AUXILIARIES,
    CLAUSE_WORDS,
    COORDINATORS,
    DEFINITE,
    FUNCTION_WORDS,
    HEARSAY,
    INDEFINITE,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE,
    REPORTING_VERBS,
    STOP_CAPITALS,
    TIME_WORDS,
)


class PhraseReader(NounPhrases):
    """Finds the subjects of the article's sentences and reporting verbs, among the noun phrases
    NounPhrases reads."""

    def np_forward(self, p: int, toks: list[Tok], i: int, hi: int) -> NounPhrase | None:
        """The noun phrase starting at toks[i] ("said Rasmussen, a former ...")."""
        j = i
        while j < hi and j - i < 10:
            w = toks[j][0]
            low = w.lower()
            if (
                w == "."
                and j > i
                and (
                    toks[j - 1][0].lower() in ABBREVIATIONS
                    or (len(toks[j - 1][0]) == 1 and toks[j - 1][0].isupper())
                )
            ):
                j += 1  # "Dr.", "George W." (but not "said Tom Hale MP.")
                continue
            if w in (",", ";", ":", ".", '"', "(", ")", "—", "–", "!", "?"):
                break
            if j > i and w[:1].isupper() and low in STOP_CAPITALS and not is_name_word(w):
                break  # the next sentence, run on without a full stop: "... Hidalgo Thousands"
            if (
                j > i
                and (low in ("a", "an") or (low.endswith("ing") and w.islower()))
                and is_name_word(toks[j - 1][0])
            ):
                # an appositive or a participle that lost its comma ends the name: "said Ana
                # Lima a local nurse", "said Ana Lima talking about ..."
                break
            if j > i and (
                low in RELATIVE
                or low in ("that", "and", "but")
                or (low in AUXILIARIES and w.islower())
                or low in REPORTING_VERBS
                or (low in PREPOSITIONS and low != "of")
            ):
                break
            j += 1
        return self.classify(p, toks, i, j)

    def subject_of(self, p: int, toks: list[Tok], v: int, lo: int) -> NounPhrase | None:
        """Subject of the reporting verb at toks[v], looking no further left than lo."""
        j = v - 1
        while j >= lo and (
            (toks[j][0].lower() in AUXILIARIES and (toks[j][0].islower() or j == lo))
            or (toks[j][0].endswith("ly") and toks[j][0].islower())
        ):
            j -= 1
        k = j
        while (
            k >= lo
            and j - k < 3
            and (toks[k][0].lower() in TIME_WORDS or toks[k][0] in ("this", "last", "on", "early"))
        ):
            k -= 1
        if k < j and toks[k + 1][0] in ("this", "last", "on", "early"):
            j = k  # "health secretary Steve Barclay this morning accused"
        if j < lo:
            return None
        w = toks[j][0]
        low = w.lower()
        verb = toks[v][0].lower()
        if verb == "saying" and low == "as":
            for q in range(j - 1, max(lo, j - 14) - 1, -1):
                if toks[q][0] == "quoted":
                    if q > lo and toks[q - 1][0].lower() in ("was", "is", "were", "been", "being"):
                        return self.subject_of(p, toks, q, lo)  # "X was quoted ... as saying"
                    return self.np_forward(p, toks, q + 1, j)  # "Reuters quoted X as saying"
            return None
        if verb in PARTICIPLES:
            if w == ",":
                # the main clause's subject, which may stand before an earlier quote of the
                # sentence: "The leader credited the 'courage' of ..., saying 'the worst ...'"
                np = self.sentence_subject(p, toks, lo)
                if np is None and lo > 0:
                    np = self.sentence_subject(p, toks, 0)
                if np is None or (
                    np.kind in ("unnamed", "org")
                    and head_word(np.text.split()) not in ORG_NOUNS  # (a ministry may speak)
                ):
                    # a crowd seldom speaks one quote: the participle follows the
                    # named subject of the time clause just before it ("900,000 migrants
                    # entered after Merkel opened the doors, famously saying '...'")
                    named = self.time_clause_subject(p, toks, np.end if np else 0, j)
                    if named is not None:
                        return named
                return np
            np = self.np_ending_at(p, toks, j, lo)
            k = self.text.tok_index(p, np.start) if np is not None else -1
            if (
                np is not None
                and np.kind in ("name", "desc")
                and (k == 0 or toks[k - 1][0] in ("with", ",", "With", "and"))
            ):
                return np  # its own subject: "..., with Minister X saying ..., and Y saying"
            return None
        if low in RELATIVE and j - 1 >= lo and toks[j - 1][0] == ",":
            return self.np_ending_at(p, toks, j - 2, lo)  # "Putin, who said"
        if low in COORDINATORS:
            return self.clause_subject(p, toks, j)  # "... and yelled"
        if w == ",":
            return self.np_before_parentheticals(p, toks, j, lo)
        if (
            low == "to"
            and j - 2 >= lo
            and toks[j - 1][0] in HEARSAY
            and toks[j - 2][0].lower() in ("was", "is", "were", "are", "been")
        ):
            return self.subject_of(p, toks, j - 1, lo)  # "X, who was reported to have said"
        if low in DEFINITE or low in INDEFINITE or low in PREPOSITIONS:
            return None  # "the claims", "of the said" -- a noun, not a verb
        return self.np_ending_at(p, toks, j, lo)

    def time_clause_subject(
        self, p: int, toks: list[Tok], after: int, comma: int
    ) -> NounPhrase | None:
        """The name opening the last clause of toks[..comma] that a time or reason word
        introduces ("after Merkel opened", "when Khan spoke"), past char offset `after`."""
        for k in range(comma - 2, -1, -1):
            if toks[k][1] < after or toks[k][0] in (",", ";", ":", '"'):
                return None
            if toks[k][0].lower() in _TIME_CLAUSE_WORDS:
                np = self.sentence_subject(p, toks, k + 1, comma)
                return np if np is not None and np.kind == "name" else None
        return None

    def np_ending_at(self, p: int, toks: list[Tok], j: int, lo: int) -> NounPhrase | None:
        if j < lo:
            return None
        i = j
        while i > lo and j - i < 12:
            w = toks[i - 1][0]
            low = w.lower()
            if w in (",", ";", ":", '"', "(", ")", "—", "–") or (
                low in CLAUSE_WORDS and low not in ("and",)
            ):
                break
            if low == "and" and not (
                toks[i][0][:1].isupper()
                and w == "and"
                and i - 2 >= lo
                and toks[i - 2][0][:1].isupper()
            ):
                break
            if low in REPORTING_VERBS or low in PARTICIPLES:
                break
            i -= 1
        while i < j and toks[i][0] in PREPOSITIONS and toks[i][0] != "of":
            i += 1  # "went to Hanna Lindgren, who said"
        np = self.classify(p, toks, i, j + 1)
        if np is None and j - i >= 1 and toks[j][0].lower() in PRONOUNS:
            np = self.classify(p, toks, j, j + 1)  # "..., but he said"
        return np

    def np_before_parentheticals(
        self, p: int, toks: list[Tok], comma: int, lo: int
    ) -> NounPhrase | None:
        end = comma
        for _ in range(5):
            start = _chunk_start(toks, end - 1, lo)
            if start >= end:
                return None
            words = [t[0] for t in toks[start:end]]
            first = words[0].lower()
            np = self.classify(p, toks, start, end)
            parenthetical = (
                first in RELATIVE
                or first[:1].isdigit()
                or first in PREPOSITIONS
                or first.endswith("ing")
                or (first.endswith("ed") and words[0].islower())
                or first in ("however", "meanwhile", "too", "though", "also", "back")
                # "..., and who now advises the ministry, said"
                or (first in COORDINATORS and len(words) > 1 and words[1].lower() in RELATIVE)
            )
            if np is not None and np.kind == "name" and not parenthetical and first not in DEFINITE:
                # an appositive name: "Russia's ambassador to NATO, Dmitry Rogozin," or
                # "Medina's coach, former world number one Andrea Rossi,"
                return np
            has_previous = start - 1 >= lo and toks[start - 1][0] == ","
            if not parenthetical and has_previous:
                before = _chunk_start(toks, start - 2, lo)
                prev_np = self.classify(p, toks, before, start - 1)
                prev_first = toks[before][0].lower() if before < start - 1 else ""
                if prev_np is not None and prev_first not in PREPOSITIONS:
                    parenthetical = True  # an appositive after the real subject
            if not parenthetical:
                return np
            if not has_previous:
                return None
            end = start - 1
        return None

    def clause_subject(self, p: int, toks: list[Tok], j: int) -> NounPhrase | None:
        """Subject shared by coordinated verbs: "Hartley insisted ..., but conceded"."""
        k = j - 1
        while k >= 0 and j - k < 40 and toks[k][0].lower() not in ("that", ";", "who", "which"):
            k -= 1
        if k < 0 or j - k >= 40:
            return self.sentence_subject(p, toks)
        return self.np_forward(p, toks, k + 1, j)

    def sentence_subject(
        self, p: int, toks: list[Tok], lo: int = 0, hi: int | None = None
    ) -> NounPhrase | None:
        """The main subject of the sentence toks[lo:hi], past any fronted clause."""
        hi = len(toks) if hi is None else hi
        i = lo
        for _ in range(3):
            if i >= hi:
                return None
            first = toks[i][0].lower()
            fronted = (
                first in PREPOSITIONS
                or first in CLAUSE_WORDS
                or first.endswith("ing")
                or (first.endswith("ed") and first not in REPORTING_VERBS)
                or first in ("however", "meanwhile", "asked", "in", "last", "earlier")
                or _is_time_phrase(toks, i, hi)
            )
            if first in COORDINATORS:
                i += 1
                continue
            if not fronted:
                break
            k = i
            while k < hi and toks[k][0] != "," and k - i < 25:
                k += 1
            if k >= hi or toks[k][0] != ",":
                return None
            i = k + 1
        if i >= hi or toks[i][0] == '"':
            return None
        if toks[i][0].lower() in PRONOUNS:
            return self.classify(p, toks, i, i + 1)  # "..., she accepted that ..."
        end = i
        while end < hi and end - i < 12:
            w = toks[end][0]
            low = w.lower()
            if w == "." and end > i and toks[end - 1][0].lower() in ABBREVIATIONS:
                end += 1  # "Mr. Fabius"
                continue
            if w in (",", ";", ":", '"', "(", ".", "—", "–") or (
                end > i
                and (
                    (low in AUXILIARIES and w.islower())
                    or low in REPORTING_VERBS
                    or low in RELATIVE
                    or low == "that"
                    or (
                        # a verb right after a name, a title or a date: "Marta Kowalczyk
                        # walks", "The French leader credited", "X on May 9 rejected"
                        w.islower()
                        and low not in FUNCTION_WORDS
                        and low not in ORG_NOUNS
                        and not is_role_word(w)
                        and not is_possessive(w)
                        and (
                            is_name_word(toks[end - 1][0])
                            or is_role_word(toks[end - 1][0])
                            or toks[end - 1][0].isdigit()
                        )
                    )
                )
            ):
                break
            end += 1
        for k in range(i + 1, end - 1):
            if toks[k][0] in ("on", "in", "at", "last", "this") and (
                toks[k + 1][0].lower() in TIME_WORDS or toks[k + 1][0].isdigit()
            ):
                end = k  # a time phrase between subject and verb: "X on May 9 rejected"
                break
        np = self.classify(p, toks, i, end)
        if np is not None and np.kind in ("desc", "unnamed") and end < hi and toks[end][0] == ",":
            k = end + 1
            while k < hi and toks[k][0] != ",":
                k += 1
            appositive = self.classify(p, toks, end + 1, k)
            if appositive is not None and appositive.kind == "name":
                return appositive  # "Its chief executive, Paweł Zieliński, is ..."
        return np


_TIME_CLAUSE_WORDS = frozenset(("after", "when", "as", "before", "since", "once", "because"))


def _chunk_start(toks: list[Tok], k: int, lo: int) -> int:
    """Start of the comma-delimited chunk ending at toks[k] (at most 40 tokens back)."""
    lo = max(lo, k - 40)
    while k >= lo and toks[k][0] not in (",", ";", ":", "—", "–", "(", ")"):
        k -= 1
    return k + 1


def _is_time_phrase(toks: list[Tok], i: int, hi: int) -> bool:
    """A short fronted "Five years later," or "This week,"."""
    k = i
    while k < hi and k - i < 6 and toks[k][0] != ",":
        k += 1
    if k >= hi or toks[k][0] != ",":
        return False
    return any(t[0].lower() in TIME_WORDS for t in toks[i:k])
