"""Statement grouping rules found on real coverage (issue 21): passages holding several
statements, the same words where one outlet named no speaker, fragments whose little words
changed, and one sentence cut at different points. Pure matching, no database."""

from articles.matching import QuoteForMatching, StatementGroup, match_statements


def quote(text, speaker="speaker", article="a", key=None):
    return QuoteForMatching(key or (article, text), text, speaker, article)


def group(key, *members):
    return StatementGroup(key=key, members=list(members))


def same_statement(a, b, speaker_a="speaker", speaker_b="speaker"):
    """Whether `b`, quoted by a second outlet, joins the group holding `a`."""
    [assignment] = match_statements(
        [quote(b, speaker_b, article="second")],
        [group("g", quote(a, speaker_a, article="first"))],
    )
    return assignment.group_key == "g"


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


# ----------------------------------------------------------------------------- little words


def test_a_fragment_with_other_little_words_inside_a_longer_quote_is_part_of_it():
    passage = (
        "The will of the voters is a clear instruction that must be delivered. I will do "
        "everything I can to steady the ship over the coming weeks."
    )
    assert same_statement(passage, "clear instruction which must be delivered")
    assert same_statement(passage, "a clear instruction which has to be delivered by us")
    # The content words must follow each other there, not after a negation; an unknown
    # speaker's three words are not enough.
    assert not same_statement(passage, "clear instruction which must not be delivered")
    assert not same_statement(passage, "clear instruction which must be delivered", None)
    assert not same_statement(
        "It is clearly not good news for the farmers of this valley", "good news for farmers"
    )


def test_one_sentence_cut_at_different_points_is_one_statement():
    cut_late = (
        "the latest example of Washington entering into an agreement that disadvantages the "
        "United States to the advantage of other countries"
    )
    cut_early = (
        "The Paris Climate Accord is simply the latest example of Washington entering into an "
        "agreement that disadvantages the U.S."
    )
    assert same_statement(cut_late, cut_early)
    assert same_statement(cut_late, cut_early, speaker_a=None)
    other_topic = (
        "Our new harbour plan is the clearest sign yet of the council investing in coastal "
        "towns at last"
    )
    cut_other = "the clearest sign yet of the council investing in coastal towns"
    assert same_statement(other_topic, f"Honestly, {cut_other} and their people")
    # Five content words in a row in common are not enough; nor another named speaker.
    assert not same_statement(
        other_topic, "It is the clearest sign yet of the government failing coastal towns"
    )
    assert not same_statement(cut_late, cut_early, speaker_a="trump", speaker_b="pence")
