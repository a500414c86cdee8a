"""Span judging: whether a quoted span is somebody's words, and whose.

A span may be a nickname, the title of a work, a term after "so-called", a subheading, a
headline or a scare quote, and then it is no quote. Otherwise its speaker is the one its
attribution names (attribution.py); with no attribution of its own, the speaker of the quote
before it in the sentence, the previous speaker carrying on, or the other side of a
question-and-answer exchange. The second part of a quote split around its attribution
continues the first. Each step's doubt lowers the confidence.
"""

import re

from .attribution import WINDOW, Attributor, Found
from .candidates import pronoun_choice
from .cast import Cast, CastMember
from .marks import WS_RE, Span
from .names import is_possessive, name_groups
from .quote import Quote
from .sentences import tokenize
from .text import ArticleText
from .words import (
    CLAUSE_WORDS,
    DIALOG_REPLIES,
    FUNCTION_WORDS,
    PLAN_NOUNS,
    STRESS_VERBS,
    TERM_CUES,
    TITLE_CUES,
    WORK_NOUNS,
)

# Words between a verb of stress and the theme it stresses: "stressed the value of".
_THEME_FRAMES = frozenset(
    ("the", "of", "value", "importance", "need", "principle", "spirit", "and")
)
# After a quote: it is the title of something ('"...," was the daily's headline').
_NAMED_AS_TITLE = re.compile(
    r"[\s,]*(?:was|is|were|are|read|reads)\s+(?:[\w’'.-]+\s+){0,3}"
    r"(?:title|headline|banner|slogan|motto|caption)\b",
    re.IGNORECASE,
)


# Words before a term in marks: "the 'reset' button", "an 'informal dinner'".
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "its", "his", "her", "their", "our"))


class SpanJudge:
    """Judges the article's quoted spans one by one, in reading order."""

    def __init__(self, text: ArticleText, spans: list[Span], attribution: Attributor, cast: Cast):
        self.text = text
        self.spans = spans
        self.attribution = attribution
        self.cast = cast
        # Read once the cast is collected: attributions found here are cached and reused.
        self.singles_are_quotes = self.quotes_with_single_marks()

    def quotes_with_single_marks(self) -> bool:
        """Whether this article marks its quotes with single marks (British style).

        True when it has no double-quoted text and at least one single-quoted sentence with an
        attribution beside it ("‘We were unlucky,’ Hartley said").
        """
        if any(not s.single and not s.nickname for s in self.spans):
            return False
        for span in self.spans:
            seg = span.segs[0]
            if span.nickname or self.text.paragraphs[seg.para][seg.end - 1 : seg.end] not in ",.!?":
                continue
            after, _ = self.attribution.after_attribution(seg.para, seg.close_at)
            if after is not None and after.adjacent:
                return True
        return False

    def prefix_words(self, p: int, open_at: int, lo_pos: int) -> list[str]:
        """The sentence's words before an opening mark (at most WINDOW of them)."""
        s0, s1 = self.text.sentence_at(p, open_at)
        toks = self.text.toks(p, s0, s1)
        hi = self.text.tok_index(p, open_at)
        lo = max(0, hi - WINDOW, self.text.tok_index(p, lo_pos) if lo_pos > s0 else 0)
        return [t[0] for t in toks[lo:hi]]

    def is_cut_off(self, span: Span) -> bool:
        """Whether an unclosed quote runs into the end of a cut-off text: the last paragraph,
        stopping mid-sentence ("... to hire mor")."""
        last = span.segs[-1].para
        paragraphs = self.text.paragraphs
        if any(paragraphs[q].strip() for q in range(last + 1, len(paragraphs))):
            return False
        return paragraphs[last].rstrip()[-1:] not in '.!?…"”’»)]'

    def is_headline_like(self, p: int) -> bool:
        """Short and not ending like a sentence: a headline or subheading left in the body."""
        text = self.text.paragraphs[p].rstrip()
        if len(text) > 200 or len(text.split(None, 16)) > 15:
            return False
        stripped = text.rstrip("\"'”’»“‘«」』)]")  # "(... on local radio.)" ends a sentence
        last_word = stripped.rsplit(None, 1)[-1] if stripped else ""
        if last_word in FUNCTION_WORDS:
            return False  # a text cut off mid-sentence ('... was a "unique opportunity" to')
        return not stripped or stripped[-1] not in ".!?…:;,"

    def is_term_or_title(self, span: Span, before: list[str], has_verb_before: bool) -> bool:
        seg = span.segs[0]
        content = self.text.paragraphs[seg.para][seg.start : seg.end]
        recent = [w.lower() for w in before[-4:]]
        if recent and recent[-1] in TITLE_CUES:
            return True
        named = recent[-1:] in (["called"], ["named"]) or recent[-2:-1] in (["called"], ["named"])
        if any(w in TERM_CUES for w in recent[-3:]):
            return True
        words = content.rstrip(",.;:").split()
        if len(words) <= 2 and content.islower() and content[-1:].isalpha():
            lead = [
                w
                for w in before[-8:]
                if w.lower() not in _THEME_FRAMES and w not in ('"', ",") and w.strip("x")
            ]  # (past 'the value of', and past the themes listed before: '"a" and "b"')
            if lead and lead[-1].lower() in STRESS_VERBS:
                return True  # a theme stressed: 'emphasized "independent innovation"'
        if recent[-2:] in (["such", "as"], ["known", "as"]) or recent[-3::2] == ["known", "as"]:
            return True  # 'words such as "clique"', 'the bomb known (locally) as "Little Boy"'
        if seg.close_at >= 0 and len(span.segs) == 1:
            after = self.text.paragraphs[seg.para][seg.close_at + 1 : seg.close_at + 40].split()
            if after and after[0].lower() in PLAN_NOUNS and content[:1].isupper():
                return True  # the name of a plan: 'the "Go Out" strategy'
        words = content.rstrip(",.;:").split()
        ending = content.rstrip()[-1:]
        if (
            not words
            or ending in "!?"
            or (ending == "." and not any(w in WORK_NOUNS for w in recent))
        ):
            return False  # (a title may keep the sentence's full stop: newspaper "The Times.")
        small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "with", "by"}
        title_case = (words[0][:1].isupper() or words[0][:1].isdigit()) and all(
            w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words
        )
        if not title_case or (len(words) == 1 and not any(w in WORK_NOUNS for w in recent)):
            return False
        if any(w in WORK_NOUNS for w in recent) or named:
            return True  # (a post called an "Open Letter to Our Leaders")
        return bool(before) and not has_verb_before

    def judge(self, span: Span, found: list[Found], prev_stop: int) -> Found | None:
        """The quote a span holds and who said it, or None when it holds no quote (a nickname,
        a term, a title of a work, a subheading, a headline, a scare quote). `found` is the
        quotes found before it; `prev_stop` where the attribution after the last one ended."""
        prev = found[-1] if found else None
        first, last = span.segs[0], span.segs[-1]
        p = first.para
        text = self.text.paragraphs[p]
        content = text[first.start : first.end]
        if span.nickname or not any(ch.isalnum() for ch in content):
            return None
        if not span.closed and self.is_cut_off(span):
            return None
        if last.close_at >= 0 and _NAMED_AS_TITLE.match(
            self.text.masked[last.para], last.close_at + 1
        ):
            return None  # '"Kerry stirred controversy again," was the daily's headline'
        same_sentence_prev = (
            prev is not None
            and prev.span.segs[-1].para == p
            and prev.span.segs[-1].close_at >= 0
            and self.text.sentence_at(p, prev.span.segs[-1].close_at)
            == self.text.sentence_at(p, first.open_at)
        )
        lo_pos = prev.span.segs[-1].close_at + 1 if same_sentence_prev else 0
        before_words = self.prefix_words(p, first.open_at, lo_pos)
        after = None
        if last.close_at >= 0:
            after, after_stop = self.attribution.after_attribution(last.para, last.close_at)
        before = self.attribution.before_attribution(p, first.open_at, lo_pos)
        has_verb_before = before is not None and before.verb != ""
        if after is not None and has_verb_before and before_words:
            masked = self.text.masked[last.para]
            if after.np is not None and masked[after_stop : after_stop + 1] == '"':
                between = masked[after.np.end : after_stop].replace(after.verb, "", 1)
                if any(ch.isalpha() for ch in between):
                    # 'May tweeted her thoughts were "with France," Merkel called the
                    # cathedral "a symbol"': that verb governs the next quote
                    after = None
        at_start = not before_words  # opens the sentence (or follows the previous quote in it)
        if self.is_term_or_title(span, before_words, has_verb_before):
            return None
        # the quote ends a clause, its punctuation inside or outside the marks ("...’, says X")
        closing_text = self.text.paragraphs[last.para][last.close_at + 1 : last.close_at + 2]
        ends_clause = content[-1:] in ",.!?" or (last.close_at >= 0 and closing_text in (",", "."))
        if self.is_headline_like(p) and not (
            after is not None and after.adjacent and (ends_clause or not after.verb)
        ):
            return None  # (a credit line, '"..." — Ana Lima, 34', is no headline)
        if at_start and last.close_at >= 0:
            rest = self.text.masked[last.para][last.close_at + 1 :].strip(" .,;:")
            if not rest and len(content.split()) <= 8 and content[-1:] not in ".!?,":
                return None  # a subheading such as 'Shared threats'
        # A split quote: '"A," he said, "b."' -- the attribution sits between the two parts.
        continuation = (
            same_sentence_prev
            and prev is not None
            and prev.attributed
            and prev_stop == first.open_at
            and before_words[-1:] == [","]
            and after is None
            # (not '"A," were Kim's first words, to which Trump responded, "B."')
            and (
                before is None or before.np is None or before.np.text == prev.quote.speaker_mention
            )
        )
        intro = before_words[-1:] in ([":"], [","]) or (
            before is not None and before.adjacent and before_words[-1:] != ["that"]
        )
        opening = content.lstrip("[(.… ")  # "[That's] pretty desperate", "... where we"
        starts_upper = opening[:1].isupper() or opening[:1].isdigit()
        full_form = at_start or intro
        kind = "full" if full_form and starts_upper else "partial"
        # Where double marks carry the quotes, single ones need an attribution right beside them.
        if (
            span.single
            and not self.singles_are_quotes
            and not (
                (after is not None and after.adjacent and ends_clause)
                or (before is not None and before.adjacent and intro)
                or (has_verb_before and len(content.split()) >= 3)  # declared it a 'historic day'
                or (has_verb_before and _ends_phrase(self.text, span, content, before_words))
                or (at_start and prev is not None and prev.span.single and prev.attributed)
            )
        ):
            return None
        if continuation and prev is not None:
            quote = self.make_quote(
                span, prev.quote.kind, None, prev.quote.speaker_mention, prev.quote.verb
            )
            quote.speaker = prev.quote.speaker
            quote.speaker_kind = prev.quote.speaker_kind
            quote.continues_previous = True
            quote.confidence = round(prev.quote.confidence * 0.95, 2)
            return Found(span, quote, prev.person, True)
        chosen = None
        if after is not None and after.adjacent:
            chosen = after
        elif before is not None and (before.adjacent or not at_start):
            chosen = before
        elif after is not None:
            chosen = after
        elif before is not None:
            chosen = before
        if not span.closed and (chosen is None or (chosen is before and not intro)):
            lost_mark = (
                (chosen is None or has_verb_before)
                and not at_start
                and len(span.segs) == 1
                and self.text.paragraphs[p].rstrip()[-1:] in ".!?"
            )
            if not lost_mark:
                return None  # (but 'urged Canadians to look ahead with "optimism.' lost its
                # closing mark at the end of its paragraph)
        if chosen is None:
            sentence_like = len(content.split()) >= 3 or content[-1:] in ".!?,"
            if same_sentence_prev and prev is not None and prev.attributed:
                return self.inherit(span, prev, kind)  # 'was "unavoidable" but "badly sold"'
            if before_words[-1:] == [":"] and starts_upper and sentence_like:
                # introduced by a colon, but nobody we can name: "came from a customer: "...""
                quote = self.make_quote(span, "full", None, "", "")
                quote.speaker_kind, quote.confidence = "unknown", 0.5
                return Found(span, quote, None, False)
            if not at_start:
                return self.clause_quote(span, kind, content, lo_pos, prev)
            if not sentence_like:
                return None  # a term opening a sentence
            return self.follow_on(span, prev, kind, found)
        if (
            kind == "partial"
            and len(content.split()) <= 2
            and chosen is before
            and not has_verb_before
        ):
            return None
        person, speaker_kind, factor = (None, "unknown", 0.4)
        if chosen.np is not None:
            verb_word = chosen.verb.split()[0].lower() if chosen.verb else ""
            person, speaker_kind, factor = self.attribution.resolve(
                chosen.np,
                verb_word,
                prev,
                chosen.para,
                (p, first.open_at),
                self.named_in(span) if chosen.np.kind == "pronoun" else None,
            )
        factor *= chosen.factor
        mention = chosen.np.text if chosen.np is not None else ""
        quote = self.make_quote(span, kind, person, mention, chosen.verb)
        quote.speaker_kind = speaker_kind
        confidence = factor
        if span.single:
            confidence *= 0.9
        if not span.closed:
            confidence *= 0.7
        if kind == "partial":
            confidence *= 0.9 if chosen.adjacent else 0.8
        if speaker_kind == "organisation" and chosen.np is not None:
            confidence *= 0.9
        quote.confidence = round(min(confidence, 1.0), 2)
        return Found(span, quote, person, True)

    def clause_quote(
        self, span: Span, kind: str, content: str, lo_pos: int, prev: Found | None
    ) -> Found | None:
        """Words quoted inside a sentence with no verb of saying beside them ('Francis invoked
        four Americans who, through "hard work and sacrifice," ...'): in news copy a phrase of
        several words in marks is somebody's words, most often the subject's; a single word
        without such a verb is a scare quote or a term."""
        words = content.split()
        if len(words) < 2 or (len(words) == 2 and len(content) < 8):
            return None
        first = span.segs[0]
        np = self.attribution.clause_speaker(first.para, first.open_at, lo_pos)
        person, speaker_kind, factor = None, "unknown", 0.5
        if np is not None:
            person, speaker_kind, factor = self.attribution.resolve(
                np,
                "",
                prev,
                first.para,
                (first.para, first.open_at),
                self.named_in(span) if np.kind == "pronoun" else None,
            )
        quote = self.make_quote(span, kind, person, np.text if np is not None else "", "")
        quote.speaker_kind = speaker_kind
        quote.confidence = round(0.6 * factor, 2)
        return Found(span, quote, person, np is not None)

    def inherit(self, span: Span, prev: Found, kind: str) -> Found:
        """Same speaker as the quote just before it in the sentence."""
        q = prev.quote
        quote = self.make_quote(span, kind, prev.person, q.speaker_mention, q.verb)
        quote.speaker, quote.speaker_kind = q.speaker, q.speaker_kind
        quote.confidence = round(q.confidence * 0.9, 2)
        return Found(span, quote, prev.person, True)

    def follow_on(self, span: Span, prev: Found | None, kind: str, found: list[Found]) -> Found:
        """A quote with no attribution of its own: usually the last speaker carrying on."""
        p = span.segs[0].para
        partner = self.exchange_partner(span, found)
        if partner is not None:
            q = partner.quote
            quote = self.make_quote(span, kind, partner.person, q.speaker_mention, q.verb)
            quote.speaker, quote.speaker_kind = q.speaker, q.speaker_kind
            quote.confidence = 0.5
            return Found(span, quote, partner.person, False)
        source = None
        opens_paragraph = span.segs[0].open_at == WS_RE.match(self.text.paragraphs[p]).end()
        if prev is not None and self.names(span, prev.person):
            prev = None  # the words name the last speaker: someone else speaks of him
        if prev is not None and (prev.attributed or prev.person is not None):
            prev_para = prev.span.segs[-1].para
            if prev_para == p and prev.attributed:
                source, factor = prev, 0.8
            elif prev_para == p - 1 and opens_paragraph:
                # the last speaker carrying on, over as many bare paragraphs as follow
                source, factor = prev, 0.55 if prev.attributed else 0.9
        reporter = self.cast.last_reporter
        if reporter is not None and self.names(span, reporter[2]):
            reporter = None
        if source is None and reporter is not None and reporter[1] == self.cast.sentence_no - 1:
            # 'Walsh said she would work from home. "My manager isn't happy."'
            same_paragraph = reporter[0] == p
            if same_paragraph or reporter[0] == p - 1:
                quote = self.make_quote(span, kind, reporter[2], reporter[3], reporter[4])
                quote.confidence = 0.6 if same_paragraph else 0.5
                return Found(span, quote, reporter[2], False)
        if source is None and opens_paragraph:
            intro = self.introduced_by(p) or self.about_before(p)
            if intro is not None and not self.names(span, intro[0]):
                person, mention = intro
                quote = self.make_quote(span, kind, person, mention, "")
                quote.confidence = 0.5
                return Found(span, quote, person, False)
        if source is None:
            quote = self.make_quote(span, kind, None, "", "")
            quote.speaker_kind = "unknown"
            quote.confidence = 0.4
            return Found(span, quote, None, False)
        quote = self.make_quote(
            span, kind, source.person, source.quote.speaker_mention, source.quote.verb
        )
        quote.speaker = source.quote.speaker
        quote.speaker_kind = source.quote.speaker_kind
        quote.confidence = round(source.quote.confidence * factor, 2)
        return Found(span, quote, source.person, False)

    def about_before(self, p: int) -> tuple[CastMember, str] | None:
        """Who the sentence ending the paragraph before is about, when a quote paragraph with
        no attribution follows it ('The Mayor also stressed tourism.', then '"We are a popular
        destination."'): the person whose words the next paragraph gives."""
        if p == 0 or not self.cast.history:
            return None
        subject = self.cast.history[-1]
        if subject is None or subject.unproven:
            return None
        return subject, ""

    def introduced_by(self, p: int) -> tuple[CastMember, str] | None:
        """Who a paragraph ending with a colon introduces ('Here are highlights of his remarks
        at the news conference:'): that sentence's subject, or else the person its "his" or
        "her" stands for."""
        if p == 0 or not self.text.masked[p - 1].rstrip().endswith(":"):
            return None
        subject = self.cast.history[-1] if self.cast.history else None
        if subject is not None and not subject.unproven:
            return subject, ""
        s0, s1 = self.text.sentences[p - 1][-1]
        toks = self.text.toks(p - 1, s0, s1)
        for k, tok in enumerate(toks):
            if tok[0].lower() in ("his", "her"):
                here = self.attribution.phrases.mentions(p - 1, toks, 0, k)
                gender = "m" if tok[0].lower() == "his" else "f"
                choice = pronoun_choice(self.cast, gender, here)
                if choice.person is not None and not choice.person.unproven:
                    return choice.person, tok[0]
                break
        return None

    def exchange_partner(self, span: Span, found: list[Found]) -> Found | None:
        """Who speaks a bare turn of a question-and-answer exchange, told one turn a paragraph.

        After '"...?" he asked.' and '"...," she replied.' a paragraph that is only a quote is
        his turn again: the speaker before last, not the last one carrying on.
        """
        first, last = span.segs[0], span.segs[-1]
        p = first.para
        if len(found) < 2 or first.open_at != WS_RE.match(self.text.paragraphs[p]).end():
            return None
        if last.close_at < 0 or self.text.masked[last.para][last.close_at + 1 :].strip(" .,"):
            return None  # the paragraph says more than the quote
        answer, question = found[-1], found[-2]

        def who(f: Found) -> object:
            if f.person is not None:
                return id(f.person)
            return f.quote.speaker_mention.lower() if f.quote.speaker_kind == "unnamed" else None

        if (
            answer.span.segs[0].para != p - 1
            or question.span.segs[-1].para != p - 2
            or who(answer) is None
            or who(question) is None
            or who(answer) == who(question)
        ):
            return None
        asked = any(f.quote.text.rstrip().endswith("?") for f in (question, answer))
        replied = answer.quote.verb.split(" ", 1)[0].lower() in DIALOG_REPLIES
        return question if asked or replied else None

    def named_in(self, span: Span) -> list[CastMember]:
        """The people the quoted words themselves name: a speaker hardly names himself ('"My
        brother Governor X," he said' is not X; no quote of the real gold names its speaker)."""
        out = []
        for seg in span.segs:
            toks = tokenize(self.text.paragraphs[seg.para][seg.start : seg.end])
            for g in name_groups(toks):
                if not (g.is_org or g.is_place):
                    person = self.cast.lookup(g.words)
                    if person is not None and not any(person is o for o in out):
                        out.append(person)
        return out

    def names(self, span: Span, person: CastMember | None) -> bool:
        """Whether the quoted words name this person (a quick look for the surname first)."""
        if person is None:
            return False
        surname = person.words[-1]
        if not any(surname in self.text.paragraphs[s.para][s.start : s.end] for s in span.segs):
            return False
        return any(p is person for p in self.named_in(span))

    def make_quote(
        self, span: Span, kind: str, person: CastMember | None, mention: str, verb: str
    ) -> Quote:
        parts = [self.text.paragraphs[s.para][s.start : s.end] for s in span.segs]
        first, last = span.segs[0], span.segs[-1]
        return Quote(
            text="\n".join(part for part in parts if part),
            kind=kind,
            speaker=None,  # names are filled in at the end, once the fullest form is known
            speaker_mention=mention,
            verb=verb,
            start_paragraph=first.para,
            start_offset=first.start,
            end_paragraph=last.para,
            end_offset=last.end,
            confidence=0.0,
        )


def _ends_phrase(text: ArticleText, span: Span, content: str, before: list[str]) -> bool:
    """Whether words in marks stand as a phrase of their own, as words given to someone do
    ("said it is 'ridiculous' that", "blamed it on 'political opportunists.'"), not as a term
    inside a noun phrase ("the 'informal dinner'", "a 'terror' threat", "Price's 'work
    ethic'")."""
    if not before or before[-1].lower() in _DETERMINERS or is_possessive(before[-1]):
        return False
    last = span.segs[-1]
    if content[-1:] in ",.;:!?" or last.close_at < 0:
        return True
    after = text.masked[last.para][last.close_at + 1 :].split(None, 1)
    return not after or after[0][:1] in ",.;:!?" or after[0].lower() in CLAUSE_WORDS
