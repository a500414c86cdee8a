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
