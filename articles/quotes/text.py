"""The article's text as extraction reads it: the paragraphs (for the words as written) and
their masked copies (for the reporter's words), with each sentence's tokens and capitalised name
groups worked out once and kept."""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .marks import Span, mask
from .names import NameGroup, name_groups
from .sentences import Tok, split_sentences, tokenize


class ArticleText:
    """One article's paragraphs, read sentence by sentence (p: paragraph index, s0 and s1: a
    sentence's bounds in it)."""

    def __init__(self, paragraphs: Sequence[str], spans: list[Span]):
        self.paragraphs = paragraphs
        self.masked = mask(paragraphs, spans)
        # a quote opening right after a full stop with no space starts a sentence: sentences
        # run together ("... Joko Widodo.'We are all citizens of Hiroshima', says Kishida")
        glued: dict[int, list[int]] = {}
        for span in spans:
            seg = span.segs[0]
            text = paragraphs[seg.para]
            if (
                seg.open_at >= 2
                and text[seg.open_at - 1] in ".!?"
                and text[seg.open_at - 2].isalpha()
            ):
                glued.setdefault(seg.para, []).append(seg.open_at)
        self.sentences = [split_sentences(m, glued.get(p, ())) for p, m in enumerate(self.masked)]
        self._sentence_starts = [[s0 for s0, _ in bounds] for bounds in self.sentences]
        self._tok_cache: dict[tuple[int, int], tuple[list[Tok], list[int]]] = {}
        self._group_cache: dict[tuple[int, int], list[NameGroup]] = {}

    def sentence_at(self, p: int, pos: int) -> tuple[int, int]:
        k = max(0, bisect_right(self._sentence_starts[p], pos) - 1)
        return self.sentences[p][k]

    def toks(self, p: int, s0: int, s1: int) -> list[Tok]:
        return self._toks(p, s0, s1)[0]

    def _toks(self, p: int, s0: int, s1: int) -> tuple[list[Tok], list[int]]:
        cached = self._tok_cache.get((p, s0))
        if cached is None:
            toks = tokenize(self.masked[p][s0:s1], s0)
            cached = (toks, [t[1] for t in toks])
            self._tok_cache[(p, s0)] = cached
        return cached

    def sentence_groups(self, p: int, s0: int, s1: int) -> list[NameGroup]:
        groups = self._group_cache.get((p, s0))
        if groups is None:
            groups = self._group_cache[(p, s0)] = name_groups(self.toks(p, s0, s1))
        return groups

    def sentence_groups_in(self, p: int, toks: list[Tok], lo: int, hi: int) -> list[NameGroup]:
        """The name groups of the sentence `toks` (all of its tokens) within toks[lo:hi]."""
        if not toks:
            return []
        s0, s1 = self.sentence_at(p, toks[0][1])
        return [g for g in self.sentence_groups(p, s0, s1) if g.i >= lo and g.j <= hi]

    def tok_index(self, p: int, pos: int, after: bool = False) -> int:
        """Index of the first token starting at pos (or after it) in pos's sentence."""
        s0, s1 = self.sentence_at(p, pos)
        starts = self._toks(p, s0, s1)[1]
        return bisect_right(starts, pos) if after else bisect_left(starts, pos)

    def text_of(self, p: int, toks: list[Tok], i: int, j: int) -> str:
        if i >= j:
            return ""
        return self.paragraphs[p][toks[i][1] : toks[j - 1][2]]
