"""A quote in its sentence (pure text): the attribution shown with it in the review queue."""

from articles.locate import Span, locate_quote, quote_in_sentence

PARAGRAPHS = [
    "GENEVA (Reuters) - Ministers met. They agreed on Tuesday.",
    '"We have agreed to halve the tariffs," said Amina Diallo, the minister. She left early.',
    'Paulo Ferreira was more cautious. "The details still have to be written."',
    '"It is a start,',
    'not a solution," said Lena Fischer.',
]


def around(words: str, mention: str = ""):
    span = locate_quote(PARAGRAPHS, words)
    return quote_in_sentence(PARAGRAPHS, span, mention=mention)


def test_the_attribution_after_the_quote_is_kept_and_the_next_sentence_left_out():
    found = around("We have agreed to halve the tariffs,")
    assert found.quoted == "We have agreed to halve the tariffs,"
    assert found.after == '" said Amina Diallo, the minister.'
    assert found.before == '"'


def test_a_speaker_named_in_the_sentence_before_is_taken_along():
    found = around("The details still have to be written.", mention="Paulo Ferreira")
    assert found.before.startswith("Paulo Ferreira was more cautious.")
    # Without the mention, only the quote's own sentence.
    assert around("The details still have to be written.").before == '"'


def test_a_quote_over_two_paragraphs_is_joined():
    found = around("It is a start,\nnot a solution,")
    assert found.quoted == "It is a start, ¶ not a solution,"
    assert found.after == '" said Lena Fischer.'


def test_long_context_is_cut_at_a_word_and_a_span_outside_the_text_is_the_quote_alone():
    long = ["word " * 200 + '"Yes," he said ' + "and more " * 200]
    span = locate_quote(long, "Yes,")
    found = quote_in_sentence(long, span, reach=50)
    assert found.before.startswith("…") and len(found.before) <= 52
    assert found.after.endswith("…") and len(found.after) <= 52
    outside = quote_in_sentence(PARAGRAPHS, Span(9, 0, 9, 3, "abc"))
    assert (outside.before, outside.quoted, outside.after) == ("", "abc", "")
