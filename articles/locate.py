"""Where an editor's quote is in an article's text: the words found again in its paragraphs.

Pure text: paragraphs in, a Span (paragraph and offset of each end) out.
"""

import dataclasses


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
