"""articles.quotes on shapes that pages of outlets never seen before showed (issue 22, the
blind3 set read as development data): titles with a portfolio before the name, a full name
opening its sentence, and more.

Invented sentences in the shapes seen on those pages, not their own text.
"""

from articles.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(list(paragraphs)).quotes]


# --------------------------------------------------------------------------- names


def test_a_full_name_opening_its_sentence_names_the_one_quoted_by_surname():
    # the full name opens a sentence with no evidence that it is a person (no title, a verb the
    # reader does not know as saying); the quote is "Surname said": the fullest form is the name
    paragraphs = [
        "Police allowed the march only under strict conditions.",
        "Tendai Marufu, from the residents' association, commented on the conditions.",
        "“They were meant to keep people away,” Marufu said.",
    ]
    assert speakers(*paragraphs) == ["Tendai Marufu"]


def test_a_common_word_opening_a_sentence_is_no_first_name():
    # "Meanwhile Marufu ..." and a list's first name are not the speaker's full name
    paragraphs = [
        "Meanwhile Marufu went to the police station.",
        "“They were meant to keep people away,” Marufu said, and meanwhile the crowd grew.",
    ]
    assert speakers(*paragraphs) == ["Marufu"]
    paragraphs = [
        "Rudo Marufu, Tafadzwa Moyo and others signed the letter.",
        "“They were meant to keep people away,” Marufu said.",
    ]
    assert speakers(*paragraphs) == ["Marufu"]
