"""Statement grouping rules found on real coverage (issue 21): passages holding several
statements, and the same words where one outlet named no speaker. Pure matching, no database.
(An article's fragment of its own longer quote: tests/test_matching.py.)"""

from articles.matching import QuoteForMatching, match_statements
from tests.test_matching import group, same_statement


def quote(text, speaker="speaker", article="a", key=None):
    """A quote by one known speaker unless told (test_matching's has none)."""
    return QuoteForMatching(key or (article, text), text, speaker, article)


# ----------------------------------------------------------------------------- passages

RULING = "The court has ruled that the dam must be taken down by the end of next year."
APPEAL = "We will not appeal, and we will start work on the river banks this summer."
PASSAGE = f"{RULING} {APPEAL} It is a good day for everyone who fishes here."


def test_a_passage_is_in_one_statement_and_linked_to_the_others_it_holds():
    groups = [
        group("ruling", quote(RULING, article="one")),
        group("appeal", quote(APPEAL, article="two")),
        group("other", quote("The fish will come back within ten years", article="two")),
    ]
    [assignment] = match_statements([quote(PASSAGE, article="three")], groups)
    assert assignment.group_key in {"ruling", "appeal"}
    assert {assignment.group_key, *assignment.also_in} == {"ruling", "appeal"}
    assert assignment.passages == ()


def test_a_statement_held_by_an_earlier_passage_is_linked_to_it():
    """The article quotes both statements the passage holds: one joins the passage's group,
    the other (kept out of it: one quote per article) starts a statement the passage holds."""
    passage = quote(PASSAGE, article="one", key="passage")
    assignments = match_statements(
        [quote(RULING, article="two"), quote(APPEAL, article="two")], [group("p", passage)]
    )
    assert sorted(a.group_key is None for a in assignments) == [False, True]
    started = next(a for a in assignments if a.group_key is None)
    assert started.passages == ("passage",)


def test_a_passage_holds_a_statement_only_with_its_every_content_word():
    """Found nearly word for word is not enough: one word changed is another statement."""
    passage = "This is a bad day for households and a bad day for the grid."
    [assignment] = match_statements(
        [quote(passage, article="three")],
        [
            group("good", quote("and a good day for the grid", article="one")),
            group("bad", quote("and a bad day for the grid", article="one")),
            group("whole", quote(passage, article="two")),
        ],
    )
    assert assignment.group_key == "whole"
    assert assignment.also_in == ("bad",)


# ----------------------------------------------------------------------------- speakers


def test_the_same_words_where_one_outlet_named_no_speaker_are_one_statement():
    assert same_statement("deeply disturbed", "deeply disturbed", speaker_b=None)
    assert same_statement("deeply disturbed", "deeply disturbed", None, None)
    assert same_statement("a jumping point", "jumping point", speaker_a=None)
    assert same_statement("a disaster for our country.", "A disaster for the country", None)
    # Not from two people named, nor one word alone, nor other words.
    assert not same_statement("deeply disturbed", "deeply disturbed", "mayor", "governor")
    assert not same_statement("regrettable", "regrettable,", speaker_b=None)
    assert not same_statement("deeply disturbed", "deeply concerned", speaker_b=None)


# ----------------------------------------------------------------------------- an article's own


def test_an_articles_fragment_of_its_own_longer_quote_does_not_keep_that_out():
    """ "no issue" (quoted first) is in the article's longer quote with other little words: it
    does not take the statement's place from that quote, and goes with it."""
    said = "I certainly have no issue with anyone in the valley, in particular at council level"
    fragment, full = match_statements(
        [
            quote("no issue", article="two"),
            quote(
                "We have absolutely no issues with the valley. I certainly have no issues with "
                "anyone in the valley, in particular at the council level.",
                article="two",
            ),
        ],
        [group("g", quote(said, article="one"))],
    )
    assert (full.group_key, fragment.group_key) == ("g", "g")
    # Not after a negation: "never any issue" is not "any issue".
    other, longer = match_statements(
        [quote("any issue", article="two"), quote("There was never any issue here", article="two")],
        [],
    )
    assert other.new_group_index != longer.new_group_index
