"""Cutting an article's paragraphs into plain text and quoted spans, for highlighting.

Pure: takes paragraph texts and quote positions, returns segments a template can loop over
without any string slicing of its own.
"""

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    quote: object | None = None  # the quote this span belongs to, None for plain text
    is_start: bool = False  # the first span of its quote (where focus and anchors go)


@dataclass
class RenderedParagraph:
    kind: str  # "text" | "subheading"
    segments: list[Segment]


def segment_paragraphs(paragraphs: list[dict], quotes) -> list[RenderedParagraph]:
    """Each paragraph as segments; quotes may span paragraphs. Overlapping or out-of-range
    quotes (a body edited since extraction) are skipped rather than garbling the text."""
    spans: dict[int, list[tuple[int, int, object, bool]]] = {}
    for quote in sorted(quotes, key=lambda q: (q.start_paragraph, q.start_offset)):
        if quote.end_paragraph >= len(paragraphs) or quote.end_paragraph < quote.start_paragraph:
            continue
        for index in range(quote.start_paragraph, quote.end_paragraph + 1):
            length = len(paragraphs[index]["text"])
            start = quote.start_offset if index == quote.start_paragraph else 0
            end = quote.end_offset if index == quote.end_paragraph else length
            start, end = max(0, min(start, length)), max(0, min(end, length))
            if start < end:
                spans.setdefault(index, []).append(
                    (start, end, quote, index == quote.start_paragraph)
                )
    rendered = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph["text"]
        segments, cursor = [], 0
        for start, end, quote, is_start in spans.get(index, []):
            if start < cursor:
                continue  # overlaps the previous quote
            if start > cursor:
                segments.append(Segment(text[cursor:start]))
            segments.append(Segment(text[start:end], quote, is_start))
            cursor = end
        if cursor < len(text):
            segments.append(Segment(text[cursor:]))
        rendered.append(RenderedParagraph(paragraph.get("kind", "text"), segments))
    return rendered
