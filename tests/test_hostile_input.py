"""Arbitrary bytes and text never crash or hang the ingest and quote code (property tests)."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import IngestError, parse_article
from articles.quotes import extract_quotes

QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」『』〝〞＂"
NEWS_WORDS = ["said", "told", "he", "she", "Minister", "Anna Berg", "MOSCOW", "(Reuters)", "-"]
PROPERTY = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

news_like_text = st.lists(
    st.one_of(
        st.sampled_from(NEWS_WORDS),
        st.sampled_from(list(QUOTE_MARKS)),
        st.text(min_size=1, max_size=12),
        st.just("\n\n"),
        st.just("\n"),
    ),
    max_size=80,
).map(" ".join)


def assert_deliberate(error: IngestError) -> None:
    """A refusal the pipeline meant, saying what is wrong: not a bug of ours that
    parse_article turned into its catch-all refusal (which would pass for one otherwise)."""
    assert str(error) and "Traceback" not in str(error)
    assert "the parser failed on it" not in str(error), f"a bug, not a refusal: {error.__cause__!r}"


@PROPERTY
@given(st.binary(max_size=4000))
def test_any_bytes_either_parse_or_raise_a_clear_ingest_error(data):
    try:
        parsed = parse_article(data)
    except IngestError as error:
        assert_deliberate(error)
    else:
        assert all(p.text == p.text.strip() for p in parsed.paragraphs)


@PROPERTY
@given(news_like_text, st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
def test_news_like_text_in_any_encoding_never_crashes(text, encoding):
    data = text.encode(encoding, errors="replace")
    try:
        parse_article(data)
    except IngestError as error:
        assert_deliberate(error)


@PROPERTY
@given(st.lists(news_like_text, max_size=8))
def test_quote_positions_always_point_into_the_paragraphs(paragraphs):
    for quote in extract_quotes(paragraphs).quotes:
        assert 0 <= quote.start_paragraph <= quote.end_paragraph < len(paragraphs)
        start = paragraphs[quote.start_paragraph]
        assert 0 <= quote.start_offset <= len(start)
        assert 0 <= quote.end_offset <= len(paragraphs[quote.end_paragraph])
        assert 0.0 <= quote.confidence <= 1.0


@pytest.mark.parametrize(
    "paragraph",
    [
        "“" * 5000 + "word" + "”" * 5000,
        '"a ' * 3000 + "said Anna Berg",
        "x" * 200_000,
        "\x00\x01\x02\u202e said “hello” \ufeff",
        "".join(QUOTE_MARKS) * 500,
        ("Minister Anna Berg said " + '"' + "nested 'quote “deep ‘deeper’ ” ' " + '"') * 300,
    ],
)
def test_hostile_paragraphs_finish_quickly(paragraph):
    started = time.process_time()
    extract_quotes([paragraph])
    assert time.process_time() - started < 5


@pytest.mark.parametrize(
    "data",
    [
        b"Title\n\n" + b"word " * 800_000,  # one 4 MB line
        b"Title\n\n" + b"a\n" * 300_000,  # many short lines
        b"<html><body>" + b"<div>" * 20_000 + b"<p>Deep text here.</p>" + b"</div>" * 20_000,
        b"<html><body><p>" + "“quote” ".encode() * 100_000 + b"</p></body></html>",
    ],
    ids=["huge-line", "many-lines", "deep-html", "many-marks-html"],
)
def test_hostile_uploads_finish_quickly(data):
    started = time.process_time()
    try:
        parse_article(data, filename="hostile.html" if data.startswith(b"<") else "x.txt")
    except IngestError as error:
        assert_deliberate(error)
    assert time.process_time() - started < 20
