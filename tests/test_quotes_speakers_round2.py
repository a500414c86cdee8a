"""articles.quotes on shapes of issue 22's second round: honorifics printed as part of a name,
a given name spelt like a title, interview turns.

Invented sentences in the shapes seen on real pages, not their own text.
"""

from articles.quotes import extract_quotes


def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(list(paragraphs)).quotes]


# --------------------------------------------------------------------------- honorifics


def test_sheikh_is_kept_as_part_of_the_name_as_pope_is():
    # the real gold of every split keeps "Sheikh" (as it keeps "Pope Francis"); "Mr" is address
    paragraphs = [
        "Sheikh Hamdan bin Zayed Al Nahyan opened the new port on Monday.",
        "“This port will serve the whole region,” Sheikh Hamdan said.",
    ]
    assert speakers(*paragraphs) == ["Sheikh Hamdan bin Zayed Al Nahyan"]
    paragraphs = [
        "Mr Hamdan Zayed opened the new port on Monday.",
        "“This port will serve the whole region,” Mr Zayed said.",
    ]
    assert speakers(*paragraphs) == ["Hamdan Zayed"]


# --------------------------------------------------------------------------- given names


def test_a_role_word_between_an_office_and_one_surname_is_a_given_name():
    paragraphs = [
        "Prime Minister Dean Colville spoke to reporters on Monday.",
        "“We are friends with everyone,” the Prime Minister said.",
    ]
    assert speakers(*paragraphs) == ["Dean Colville"]


def test_initials_between_a_title_and_a_surname_are_a_given_name():
    paragraphs = [
        "Channel 9 reporter TJ Marsh rode with the crew.",
        "“It was the best part of the day,” she said.",
    ]
    assert speakers(*paragraphs) == ["TJ Marsh"]


def test_a_title_of_two_role_words_stays_a_title():
    # "Head Coach", "General Counsel": the second word is part of the title, not a given name
    assert speakers("Head Coach Hollis spoke.", "“We played well,” Hollis said.") == ["Hollis"]
    assert speakers("General Counsel Jeh Okafor spoke.", "“We won,” Okafor said.") == ["Jeh Okafor"]
