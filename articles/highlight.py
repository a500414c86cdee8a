"""Cutting an article's paragraphs into plain text and quoted spans, for highlighting.

Pure: takes paragraph texts and quote positions, returns segments a template can loop over
without any string slicing of its own.
"""

from dataclasses import dataclass
from html import escape

from django.utils.safestring import mark_safe

# The title of a speaker label the reading was unsure of (templates/articles/_unsure_mark.html
# gives its mark the same).
UNSURE_TITLE = "Speaker uncertain: the reading was not sure who said this"


@dataclass
class Segment:
    text: str
    quote: object | None = None  # the quote this span belongs to, None for plain text
    is_start: bool = False  # the first span of its quote (where focus and anchors go)


@dataclass
class RenderedParagraph:
    kind: str  # "text" | "subheading"
    segments: list[Segment]


def in_headline(quote) -> bool:
    """Whether a quote is printed in its article's headline (its offsets index the title)."""
    return getattr(quote, "place", "body") == "headline"


def segment_paragraphs(paragraphs: list[dict], quotes) -> list[RenderedParagraph]:
    """Each paragraph as segments; quotes may span paragraphs. Overlapping or out-of-range
    quotes (a body edited since extraction) are skipped rather than garbling the text. The
    headline's quotes are left out: their offsets are the title's (segment_headline)."""
    return _segment(paragraphs, [q for q in quotes if not in_headline(q)])


def segment_headline(title: str, quotes) -> RenderedParagraph:
    """The headline as segments, its own quotes marked (the body's left out)."""
    return _segment([{"kind": "text", "text": title}], [q for q in quotes if in_headline(q)])[0]


def _segment(paragraphs: list[dict], quotes) -> list[RenderedParagraph]:
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


def paragraphs_html(
    paragraphs: list[RenderedParagraph],
    statement_url=None,
    *,
    panel: bool = False,
    edit_url=None,
    edit_target: str = "",
) -> str:
    """The body as HTML, quotes marked. Built here rather than in a template: a long story
    has thousands of segments and the template loop was most of the page's time.

    `statement_url(group_id)` gives the link of a quote's statement; with `panel`, htmx loads
    it into the page's statement panel instead of following the link. For editors,
    `edit_url(quote_id)` makes every quote (grouped or not) open its editing panel instead,
    loaded by htmx into `edit_target`. Quotes annotated with `tag_names` show their tags.
    """
    out = []
    for paragraph in paragraphs:
        tag = "h3" if paragraph.kind == "subheading" else "p"
        out.append(f'<{tag} class="subheading">' if tag == "h3" else "<p>")
        out.append(
            segments_html(
                paragraph, statement_url, panel=panel, edit_url=edit_url, edit_target=edit_target
            )
        )
        out.append(f"</{tag}>\n")
    return mark_safe("".join(out))


def segments_html(
    paragraph: RenderedParagraph,
    statement_url=None,
    *,
    panel: bool = False,
    edit_url=None,
    edit_target: str = "",
) -> str:
    """One paragraph's (or the headline's) segments as HTML, without the enclosing tag; the
    arguments are paragraphs_html's."""
    out = []
    for segment in paragraph.segments:
        text = escape(segment.text)
        quote = segment.quote
        if quote is None:
            out.append(text)
            continue
        # Labels are CSS generated content (attr(data-label)), so that copying the text
        # copies the article's words only, not "RASMUSSENI have invited...".
        who = ""
        if segment.is_start and quote.person_id and quote.person:
            label = escape(quote.person.surname)
            if quote.speaker_unsure:
                who = f'<span class="who unsure" data-label="{label}" title="{UNSURE_TITLE}">'
            else:
                who = f'<span class="who" data-label="{label}">'
            who += "</span>"
        if segment.is_start and getattr(quote, "tag_names", None):
            names = ", ".join(escape(name) for name in quote.tag_names)
            who += f'<span class="quote-tags" data-label="{names}"></span>'
        rejected = " is-rejected" if quote.status == "rejected" else ""
        colour = getattr(quote, "colour", None)
        classes = "quote" if colour is None else f"quote shared c{colour}"
        focus = "" if segment.is_start else ' tabindex="-1"'
        if edit_url is not None:
            url = escape(edit_url(quote.pk))
            htmx = (
                f' hx-get="{url}" hx-target="{escape(edit_target)}" hx-swap="innerHTML"'
                if edit_target
                else ""
            )
            group = f' data-group="{quote.group_id}"' if quote.group_id and not rejected else ""
            out.append(
                f'<a class="{classes}{rejected}" href="{url}"{htmx}{group} '
                f'data-quote="{quote.pk}"{focus}>{who}{text}</a>'
            )
        elif quote.group_id and statement_url is not None:
            url = escape(statement_url(quote.group_id))
            htmx = (
                f' hx-get="{url}" hx-target="#statement-panel" hx-swap="innerHTML"' if panel else ""
            )
            out.append(
                f'<a class="{classes}" href="{url}"{htmx} data-group="{quote.group_id}" '
                f'data-quote="{quote.pk}"{focus}>{who}{text}</a>'
            )
        else:
            out.append(f'<mark class="{classes}{rejected}">{who}{text}</mark>')
    return mark_safe("".join(out))
