"""Where an editor's quote is in an article's text: the words found again in its paragraphs.

Pure text: paragraphs in, a Span (paragraph and offset of each end) out.
"""

import dataclasses
import re


@dataclasses.dataclass
class Span:
    start_paragraph: int
    start_offset: int
    end_paragraph: int
    end_offset: int
    text: str


QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」『』"


def locate_quote(paragraphs: list[str], text: str, near: tuple[int, int] = (0, 0)) -> Span | None:
    """Where `text` is in the body: its lines in consecutive paragraphs (a quote running over
    paragraphs is written one line per paragraph). The occurrence nearest `near` wins."""
    parts = [part.strip().strip(QUOTE_MARKS).strip() for part in text.splitlines()]
    parts = [part for part in parts if part]
    if not parts:
        return None
    found = []
    for index, paragraph in enumerate(paragraphs[: len(paragraphs) - len(parts) + 1]):
        start = paragraph.find(parts[0])
        while start != -1:
            end_paragraph, end_offset = index, start + len(parts[0])
            for step, part in enumerate(parts[1:], 1):
                position = paragraphs[index + step].find(part)
                if position == -1:
                    break
                end_paragraph, end_offset = index + step, position + len(part)
            else:
                distance = (abs(index - near[0]), abs(start - near[1]))
                found.append((distance, Span(index, start, end_paragraph, end_offset, "")))
            start = paragraph.find(parts[0], start + 1)
    if not found:
        return None
    span = min(found, key=lambda item: item[0])[1]
    span.text = "\n".join(parts)
    return span


# A sentence ends at . ! or ? (and any closing marks), then a space.
SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s+")


@dataclasses.dataclass
class InSentence:
    """A quote in the sentence (or sentences) around it: the words before, the quote, after."""

    before: str
    quoted: str
    after: str


def quote_in_sentence(
    paragraphs: list[str], span: Span, *, reach: int = 320, mention: str = ""
) -> InSentence:
    """The quote with the rest of its sentence, where the attribution usually is (“…,” said
    X). When the sentence after the quote has no speaker in it and `mention` is in the
    sentence before, that one is taken instead ('Ferreira was cautious. "…"'). At most `reach`
    characters each side; a quote over several paragraphs is joined with ¶."""
    if span.start_paragraph >= len(paragraphs) or span.end_paragraph >= len(paragraphs):
        return InSentence("", span.text, "")
    first, last = paragraphs[span.start_paragraph], paragraphs[span.end_paragraph]
    head = first[: span.start_offset]
    tail = last[span.end_offset :]
    # Back to the start of the sentence holding the quote's first word.
    ends = list(SENTENCE_END.finditer(head))
    start = ends[-1].end() if ends else 0
    # Forward past the quote's own closing mark to the end of the sentence it closes.
    lead = len(tail) - len(tail.lstrip(QUOTE_MARKS + " ,"))
    found = SENTENCE_END.search(tail, lead)
    stop = found.end() if found else len(tail)
    if mention and mention not in tail[:stop] and ends:
        previous = ends[-2].end() if len(ends) >= 2 else 0
        if mention in head[previous:start]:
            start = previous
    if span.start_paragraph == span.end_paragraph:
        quoted = first[span.start_offset : span.end_offset]
    else:
        parts = [first[span.start_offset :]]
        parts += paragraphs[span.start_paragraph + 1 : span.end_paragraph]
        parts.append(last[: span.end_offset])
        quoted = " ¶ ".join(part.strip() for part in parts)
    before, after = head[start:], tail[:stop].rstrip()
    if len(before) > reach:
        before = "…" + before[-reach:].split(" ", 1)[-1]
    if len(after) > reach:
        after = after[:reach].rsplit(" ", 1)[0] + "…"
    return InSentence(before, quoted, after)
