"""Tests for articles/matching/: speakers, statements and stories.

Pure functions, no database: run with `.venv/bin/pytest -p no:django tests/test_matching.py`.
The demo cases use the bundled corpus (articles/demo/) with its quotes copied here by hand.
"""

import dataclasses
import datetime
import itertools
import math
from pathlib import Path

import pytest

from articles.matching import (
    ArticleForStory,
    DiffToken,
    PersonCandidate,
    QuoteForMatching,
    StatementGroup,
    StoryCandidate,
    clear_caches,
    date_in_story,
    fullest_wording,
    match_person,
    match_statements,
    match_story,
    other_occasion,
    related_stories,
    same_event,
    search_words,
    story_title,
    word_diff,
)
from articles.matching.named_dates import written_after
from articles.matching.occasions import marks
from articles.matching.stories import _shared_people, _term_weights, _terms_of_words
from articles.matching.words import normalise_words

DEMO_DIR = Path(__file__).resolve().parent.parent / "articles" / "demo"


@pytest.fixture(autouse=True)
def fresh_matcher():
    """Words weigh by how rare they are among the texts the matcher has read: each test starts
    with none read, whatever ran before it."""
    clear_caches()


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def quote(text, speaker=None, article="a", key=None):
    return QuoteForMatching(
        key=key or (article, text), text=text, speaker_key=speaker, article_key=article
    )


def group(key, *members):
    return StatementGroup(key=key, members=list(members))


def same_statement(a, b, speaker_a="speaker", speaker_b="speaker"):
    """Whether `b`, quoted by a second outlet, joins the group holding `a`."""
    [assignment] = match_statements(
        [quote(b, speaker_b, article="second")],
        [group("g", quote(a, speaker_a, article="first"))],
    )
    return assignment.group_key == "g"


def add_articles(articles):
    """Feed articles' quotes to match_statements one article at a time, as ingestion would."""
    groups = []
    for article_key, quotes in articles:
        new = [quote(text, speaker, article_key) for text, speaker in quotes]
        for q, assignment in zip(new, match_statements(new, groups), strict=True):
            if assignment.group_key is not None:
                next(g for g in groups if g.key == assignment.group_key).members.append(q)
            elif assignment.new_group_index is not None:
                groups.append(group(f"group-{len(groups)}", q))
    return groups


def multi_member_groups(groups):
    return sorted(
        sorted(m.key[0] + ": " + m.text for m in g.members) for g in groups if len(g.members) > 1
    )


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------

PEOPLE = [
    PersonCandidate("medvedev", "Dmitry Medvedev", ("President Dmitry Medvedev",)),
    PersonCandidate("lavrov", "Sergei Lavrov"),
    PersonCandidate("rasmussen", "Anders Fogh Rasmussen"),
    PersonCandidate("hillary", "Hillary Clinton"),
    PersonCandidate("bill", "Bill Clinton"),
    PersonCandidate("bush-43", "George W. Bush"),
    PersonCandidate("bush-41", "George H. W. Bush"),
    PersonCandidate("scheffer", "Jaap de Hoop Scheffer"),
]


@pytest.mark.parametrize(
    "name",
    ["Medvedev", "President Dmitry Medvedev", "Dmitry Medvedev", "Medevedev", "Mr. Medvedev"],
)
def test_match_person_finds_one_person_under_titles_surname_alone_and_a_misspelling(name):
    assert match_person(name, PEOPLE) == "medvedev"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dmitri Medvedev", "medvedev"),
        ("Dmitriy Medvedev", "medvedev"),
        ("Sergey Lavrov", "lavrov"),
        ("Sergej Lawrow", "lavrov"),
    ],
)
def test_match_person_accepts_transliterations(name, expected):
    assert match_person(name, PEOPLE) == expected


@pytest.mark.parametrize(
    "name",
    [
        "NATO Secretary-General Anders Fogh Rasmussen",
        "Secretary General Rasmussen",
        "Anders Fogh Rasmussen, NATO chief",
        "Rasmussen’s",
        "Dr. Anders Rasmussen",
        "A. F. Rasmussen",
    ],
)
def test_match_person_strips_titles_roles_and_possessives(name):
    assert match_person(name, PEOPLE) == "rasmussen"


def test_match_person_strips_a_role_it_does_not_know_as_a_title():
    people = [PersonCandidate("ushakov", "Yuri Ushakov"), PersonCandidate("barra", "Mary Barra")]
    assert match_person("Kremlin aide Yury Ushakov", people) == "ushakov"
    assert match_person("General Motors chief executive Mary Barra", people) == "barra"


def test_match_person_keeps_a_surname_that_looks_like_a_title():
    people = [PersonCandidate("mlk", "Martin Luther King"), PersonCandidate("major", "John Major")]
    assert match_person("Martin Luther King Jr.", people) == "mlk"
    assert match_person("Prime Minister John Major", people) == "major"


def test_match_person_reads_a_mention_without_a_name_as_a_role():
    people = [
        PersonCandidate(
            "rasmussen", "Anders Fogh Rasmussen", ("NATO chief Anders Fogh Rasmussen",)
        ),
        PersonCandidate("lavrov", "Sergei Lavrov", ("Foreign Minister Sergei Lavrov",)),
    ]
    assert match_person("the Danish NATO chief", people) == "rasmussen"
    assert match_person("the foreign minister", people) == "lavrov"
    assert match_person("a Western diplomat", people) is None
    assert match_person("the former Danish prime minister", people) is None  # not Lavrov


def test_match_person_reads_a_hyphenated_name_as_its_words_written_apart():
    kims = [PersonCandidate("un", "Kim Jong-un"), PersonCandidate("il", "Kim Jong Il")]
    assert match_person("Kim Jong Un", kims) == "un"
    assert match_person("North Korean leader Kim Jong-un", kims) == "un"
    assert match_person("Kim Jong-il", kims) == "il"


def test_match_person_keeps_two_clintons_apart():
    assert match_person("Hillary Clinton", PEOPLE) == "hillary"
    assert match_person("Hilary Clinton", PEOPLE) == "hillary"
    assert match_person("Bill Clinton", PEOPLE) == "bill"
    assert match_person("William Clinton", PEOPLE) == "bill"


def test_match_person_returns_none_for_a_bare_surname_two_people_share():
    assert match_person("Clinton", PEOPLE) is None
    assert match_person("Mrs Clinton", PEOPLE) is None


def test_match_person_with_one_clinton_known_takes_the_bare_surname():
    only_hillary = [p for p in PEOPLE if p.key != "bill"]
    assert match_person("Clinton", only_hillary) == "hillary"


def test_match_person_tells_the_two_george_bushes_apart_and_refuses_to_guess():
    assert match_person("George W. Bush", PEOPLE) == "bush-43"
    assert match_person("President George H.W. Bush", PEOPLE) == "bush-41"
    assert match_person("George Bush", PEOPLE) is None
    assert match_person("Bush", PEOPLE) is None


def test_match_person_does_not_merge_different_first_names_with_the_same_surname():
    assert match_person("Lars Løkke Rasmussen", PEOPLE) is None
    assert match_person("Anatoly Lavrov", PEOPLE) is None


def test_match_person_does_not_stretch_short_surnames():
    assert match_person("Busch", [PersonCandidate("bush-43", "George W. Bush")]) is None
    assert match_person("Putina", [PersonCandidate("putin", "Vladimir Putin")]) is None


def test_match_person_handles_surname_particles():
    assert match_person("De Hoop Scheffer", PEOPLE) == "scheffer"
    assert match_person("Scheffer", PEOPLE) == "scheffer"


def test_match_person_returns_none_for_someone_unknown_or_a_bare_role():
    assert match_person("Vladimir Putin", PEOPLE) is None
    assert match_person("the Danish NATO chief", PEOPLE) is None
    assert match_person("", PEOPLE) is None
    assert match_person("Medvedev", []) is None


def test_match_person_matches_through_aliases():
    people = [PersonCandidate("lula", "Luiz Inácio Lula da Silva", aliases=("Lula",))]
    assert match_person("Lula", people) == "lula"
    assert match_person("Luiz Inacio Lula da Silva", people) == "lula"


def test_match_person_uses_the_role_to_break_a_tie():
    clintons = [
        PersonCandidate("hillary", "Hillary Clinton", ("Secretary of State Hillary Clinton",)),
        PersonCandidate("bill", "Bill Clinton", ("former President Bill Clinton",)),
    ]
    assert match_person("Clinton", clintons, role="the secretary of state") == "hillary"
    assert match_person("Clinton", clintons, role="spokesman") is None


def test_match_person_prefers_the_candidate_confirmed_by_the_given_name():
    people = [
        PersonCandidate("surname-only", "Medvedev"),
        PersonCandidate("full", "Dmitry Medvedev"),
    ]
    assert match_person("Dmitry Medvedev", people) == "full"


# --------------------------------------------------------------------------------------------
# Statements: the demo corpus
# --------------------------------------------------------------------------------------------

XINHUA_INVITED = "I have invited Russia to step up its terms of cooperation in Afghanistan,"
REUTERS_INVITED = (
    "I have invited Russia to strengthen Russia’s terms of cooperation in Afghanistan,"
)
XINHUA_ESSENTIAL = "I do believe that it's essential for Russia that we succeed in Afghanistan,"
RFERL_ESSENTIAL = "essential for Russia that we succeed in Afghanistan,"
XINHUA_PRODUCTIVE = "stronger and more productive."
RFERL_PRODUCTIVE = (
    "I hope your visit to Russia will help make Russian-NATO relations stronger and more "
    "productive,"
)
XINHUA_REASONS = "We have many reasons for interaction, many subjects for discussion,"
ALJAZEERA_REASONS = (
    "We have many reasons for interaction, many subjects for discussion.\n"
    "These are the challenges that exist in the world: terrorism, crime, the need to counter "
    "shared threats, regional challenges."
)
LISBON = (
    "The meeting in Lisbon is a real opportunity to turn a new page, "
    "to bury the ghosts of the past,"
)
DECISION = (
    "We will hopefully make a decision on enhanced cooperation on counter-narcotics training, a "
    "broadened transit agreement and also progress on implementing the helicopter package,"
)

DEMO_QUOTES = [
    (
        "xinhua",
        [
            (XINHUA_REASONS, "medvedev"),
            (XINHUA_PRODUCTIVE, "medvedev"),
            ("concrete proposals", "rasmussen"),
            (XINHUA_INVITED, "rasmussen"),
            (XINHUA_ESSENTIAL, "rasmussen"),
            (
                "If Afghanistan once again becomes a safe haven for terrorists, then Russia would "
                "be among the first victims, as terrorists could easily spread from Afghanistan "
                "through Central Asia to Russia,",
                "rasmussen",
            ),
            (
                "A unification of Russian and NATO efforts in spheres of common interests may "
                "yield good results,",
                "putin",
            ),
        ],
    ),
    (
        "reuters-2009",
        [
            (REUTERS_INVITED, "rasmussen"),
            (
                "I indicated that we would like to see a widening of the transit conditions,",
                "rasmussen",
            ),
            (
                "Disagreements should not overshadow the fact that, basically, we share security "
                "interests in many areas because we are faced with the same threats,",
                "rasmussen",
            ),
        ],
    ),
    (
        "rferl",
        [
            (RFERL_ESSENTIAL, "rasmussen"),
            (RFERL_PRODUCTIVE, "medvedev"),
            ("anything", "rogozin"),
            ("new beginning", "rasmussen"),
        ],
    ),
    ("reuters-2010", [(LISBON, "rasmussen"), (DECISION, "rasmussen")]),
    (
        "aljazeera",
        [
            (
                "I would very much like to discuss how we can further Russian engagement in our "
                "operation in Afghanistan.",
                "rasmussen",
            ),
            (ALJAZEERA_REASONS, "medvedev"),
            (
                "I suggested a helicopter package. I think Russia could contribute in a very "
                "concrete way by providing helicopters, helicopter training and spare parts.",
                "rasmussen",
            ),
        ],
    ),
]


def test_demo_quotes_form_exactly_the_four_statements_reported_by_two_outlets():
    groups = add_articles(DEMO_QUOTES)
    assert multi_member_groups(groups) == sorted(
        [
            sorted(["xinhua: " + XINHUA_REASONS, "aljazeera: " + ALJAZEERA_REASONS]),
            sorted(["xinhua: " + XINHUA_PRODUCTIVE, "rferl: " + RFERL_PRODUCTIVE]),
            sorted(["xinhua: " + XINHUA_INVITED, "reuters-2009: " + REUTERS_INVITED]),
            sorted(["xinhua: " + XINHUA_ESSENTIAL, "rferl: " + RFERL_ESSENTIAL]),
        ]
    )


def test_reworded_statement_is_the_same_statement():
    assert same_statement(XINHUA_INVITED, REUTERS_INVITED)


def test_partial_quote_joins_the_full_statement():
    assert same_statement(XINHUA_ESSENTIAL, RFERL_ESSENTIAL)
    assert same_statement(RFERL_ESSENTIAL, XINHUA_ESSENTIAL)


def test_short_partial_quote_joins_the_same_speakers_statement_that_contains_it():
    assert same_statement(RFERL_PRODUCTIVE, XINHUA_PRODUCTIVE)


def test_short_partial_quote_needs_a_known_speaker():
    assert not same_statement(RFERL_PRODUCTIVE, XINHUA_PRODUCTIVE, speaker_b=None)


def test_quote_running_over_two_paragraphs_joins_its_first_paragraph():
    assert same_statement(XINHUA_REASONS, ALJAZEERA_REASONS)


def test_different_statements_by_the_same_speaker_stay_apart():
    assert not same_statement(LISBON, DECISION)
    assert not same_statement(
        XINHUA_INVITED, "I have invited Russia to step back from its threats against Georgia"
    )


def test_one_word_quote_does_not_match_a_statement_containing_the_word():
    assert not same_statement(
        "Moscow is willing to do anything except send troops to Afghanistan", "anything"
    )
    assert same_statement("anything", "Anything!")  # the same fragment by the same speaker


# --------------------------------------------------------------------------------------------
# Statements: other topics
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "We will not tolerate any further attacks on our territory",
            "We will not tolerate further attacks on our soil",
        ),
        (
            "The economy is recovering faster than we expected",
            "The economy is recovering more quickly than we had expected",
        ),
        (
            "Our priority is to bring the hostages home safely",
            "Our priority is bringing the hostages home safely",
        ),
        (
            "The vaccine is safe and it works, and I urge everyone to get it",
            "The vaccine is safe, it works, and I would urge everybody to get vaccinated",
        ),
        (
            "THE FIRE IS NOW 60 PERCENT CONTAINED AND WE EXPECT FULL CONTAINMENT BY FRIDAY",
            "the fire is now 60 percent contained, and we expect full containment by Friday…",
        ),
    ],
)
def test_reworded_statements_on_other_topics_are_one_statement(first, second):
    assert same_statement(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "We are ready to resume talks without preconditions",
            "We are not ready to resume talks until the attacks stop",
        ),
        (
            "The central bank will raise interest rates next month",
            "The central bank will not cut interest rates this year",
        ),
        (
            "We expect full containment by Friday",
            "We expect the evacuation orders to be lifted by Friday",
        ),
        (
            "Our troops will leave the city by the end of the month",
            "Our troops will stay in the city until the end of the year",
        ),
        (
            "The vaccine is safe and it works",
            "The vaccine is not yet approved and we are still studying whether it works",
        ),
    ],
)
def test_different_statements_sharing_many_words_stay_apart(first, second):
    assert not same_statement(first, second)


def test_partial_quote_on_another_topic_joins_the_full_statement():
    full = "The fire is now 60 percent contained and we expect full containment by Friday evening"
    assert same_statement(full, "we expect full containment by Friday")
    assert same_statement(full, "60 percent contained,", speaker_a="chief", speaker_b="chief")


def test_partial_quote_with_an_unknown_speaker_needs_four_content_words():
    full = "The new bridge will open to traffic in the spring after years of delays"
    assert same_statement(full, "open to traffic in the spring after years", speaker_b=None)
    assert not same_statement(full, "open to traffic in the spring", speaker_b=None)  # 3 words
    assert not same_statement(full, "years of delays", speaker_b=None)
    assert same_statement(full, "years of delays")  # same speaker: contained word for word


def test_short_fragment_with_other_little_words_joins_the_same_speakers_fragment():
    assert same_statement("worst had been avoided", "the worst has been avoided")
    assert not same_statement(
        "worst had been avoided", "the worst has been avoided", speaker_b="other"
    )
    assert not same_statement("worst had been avoided", "the worst is yet to come")
    assert not same_statement("worst had been avoided", "worst had not been avoided")


def test_short_fragment_cut_one_word_short_joins_the_same_speakers_fragment():
    assert same_statement("Sometimes you have to walk,", "Sometimes we have to walk away,")
    assert not same_statement(
        "Sometimes you have to walk,", "Sometimes we have to walk away,", speaker_b="other"
    )
    assert not same_statement("Sometimes you have to walk,", "Sometimes you never walk away")
    assert not same_statement("Sometimes you have to walk,", "Sometimes you walk far away")


def test_short_partial_must_be_contained_word_for_word():
    full = "The treaty is a historic step for both nations"
    assert not same_statement(full, "historic steps")
    assert not same_statement(full, "both nation")


def test_same_words_from_two_different_speakers_are_not_one_statement():
    words = "We will never give up on the people of this city"
    assert not same_statement(words, words, speaker_a="mayor", speaker_b="governor")


def test_a_statement_reported_in_another_order_and_other_little_words_is_one_statement():
    said = "They wanted the sanctions lifted in their entirety and we couldn't do that."
    reported = (
        "It was about sanctions. Kim wanted sanctions to be lifted in entirety, we could not do "
        "that. [But] we have not given up."
    )
    assert same_statement(said, reported, speaker_a="trump", speaker_b="trump")
    # Not on the words alone: someone else's, or the same words scattered over a long passage.
    assert not same_statement(said, reported, speaker_a="trump", speaker_b="kim")
    passage = (
        "We talked about sanctions for a long time, and everyone wanted progress. They said it "
        "had to be in their entirety, lifted at once, and we told them plainly that we could "
        "not accept that, not now and not in this form, whatever the pressure from the region."
    )
    assert not same_statement(passage, said, speaker_a="trump", speaker_b="trump")


def test_a_long_quote_word_for_word_given_to_someone_else_is_the_same_statement():
    # An outlet (or the extractor) gave the words to the wrong person: a long sentence
    # repeated word for word is still one statement; a short one, as above, is not.
    words = "I was elected to represent the citizens of Pittsburgh, not Paris."
    assert same_statement(words, words.replace(",", " —"), speaker_a="trump", speaker_b="find")
    assert not same_statement(
        words, "I was elected to serve the people of Pittsburgh", speaker_a="trump", speaker_b="x"
    )


def test_quote_without_a_known_speaker_can_join_a_known_speakers_statement():
    words = "We will never give up on the people of this city"
    assert same_statement(words, words, speaker_a="mayor", speaker_b=None)
    assert same_statement(words, words, speaker_a=None, speaker_b="mayor")


def test_a_group_attributed_to_someone_else_is_skipped_even_through_an_unattributed_member():
    words = "We will never give up on the people of this city"
    groups = [group("g", quote(words, "mayor", "first"), quote(words, None, "second"))]
    [assignment] = match_statements([quote(words, "governor", "third")], groups)
    assert assignment.group_key is None


def test_a_quote_run_over_two_statements_leaves_one_to_the_articles_own_rendition():
    first = "Today the government acts on the democratic will of the British people"
    second = "This is an historic moment from which there can be no turning back"
    groups = [
        group("historic", quote(second, "may", "first")),
        group("today", quote(first, "may", "first")),
    ]
    run_over = quote(f"{first}.\n{second}.", "may", "second")
    own = quote("historic moment from which there is no turning back", "may", "second")
    assignments = match_statements([run_over, own], groups)
    assert [a.group_key for a in assignments] == ["today", "historic"]


def test_of_two_groups_a_passage_fits_equally_it_joins_the_one_worded_like_it_whole():
    # Another outlet quoted the passage and, elsewhere, one phrase of it: the new article too.
    # Each new quote is found whole inside both groups' members; the passage must go with the
    # passage and the phrase with the phrase, not the other way round.
    phrase = "This is an historic moment from which there can be no turning back"
    passage = (
        "The Article 50 process is now under way and in accordance with the wishes of the "
        f"British people the United Kingdom is leaving the European Union. {phrase}."
    )
    groups = [
        group("phrase", quote(phrase, "may", "first")),
        group("passage", quote(f"Today the government acts. {passage}", "may", "first")),
    ]
    new_passage, new_phrase = match_statements(
        [quote(passage, "may", "second"), quote(phrase, "may", "second")], groups
    )
    assert (new_passage.group_key, new_phrase.group_key) == ("passage", "phrase")


def test_a_quotes_second_best_statement_is_not_taken_when_no_other_quote_needs_it():
    first = "Today the government acts on the democratic will of the British people"
    second = "This is an historic moment from which there can be no turning back"
    groups = [
        group("historic", quote(second, "may", "first")),
        group("today", quote(first, "may", "first")),
    ]
    [assignment] = match_statements([quote(second, "may", "second")], groups)
    assert assignment.group_key == "historic"


def test_quotes_of_the_same_article_are_never_grouped_together():
    words = "We will never give up on the people of this city"
    groups = [group("g", quote(words, "mayor", "same-article"))]
    [assignment] = match_statements([quote(words, "mayor", "same-article", key="k2")], groups)
    assert assignment.group_key is None
    assert assignment.new_group_index == 0


def test_an_articles_fragment_of_its_own_full_quote_goes_with_it():
    full = "We will rebuild every school and every hospital that was destroyed by the storm"
    groups = [group("g", quote(full, "governor", "first"))]
    new = [
        quote("rebuild every school and every hospital", "governor", "second"),
        quote(full, "governor", "second"),
    ]
    partial, exact = match_statements(new, groups)
    # The article's fragment of its own full quote goes with it: one statement, quoted twice.
    assert (exact.group_key, partial.group_key) == ("g", "g")


def test_unmatched_quotes_start_numbered_new_groups_and_empty_ones_stay_alone():
    new = [
        quote("The harvest was the worst in thirty years", "farmer", "x"),
        quote("it", "farmer", "x"),
        quote("Prices will rise before the winter", "farmer", "x"),
    ]
    assignments = match_statements(new, [])
    assert [(a.group_key, a.new_group_index) for a in assignments] == [
        (None, 0),
        (None, None),
        (None, 1),
    ]
    assert [a.quote_key for a in assignments] == [q.key for q in new]


def test_the_best_scoring_group_wins():
    reworded = group(
        "reworded", quote("We will cut taxes for every family in the country", "pm", "a")
    )
    exact = group(
        "exact", quote("We will cut taxes for every working family in the country", "pm", "b")
    )
    [assignment] = match_statements(
        [quote("We will cut taxes for every working family in the country", "pm", "c")],
        [reworded, exact],
    )
    assert assignment.group_key == "exact"
    assert assignment.score == 100


def test_match_statements_refuses_groups_without_a_key():
    with pytest.raises(ValueError, match="key"):
        match_statements([quote("anything at all here")], [group(None, quote("x y z"))])


# --------------------------------------------------------------------------------------------
# Fullest wording and word diff
# --------------------------------------------------------------------------------------------


def test_fullest_wording_is_the_most_complete_rendition():
    assert fullest_wording([XINHUA_REASONS, ALJAZEERA_REASONS]) == 1
    assert fullest_wording([RFERL_ESSENTIAL, XINHUA_ESSENTIAL]) == 1
    assert fullest_wording(["same words", "Same words!"]) == 0
    with pytest.raises(ValueError):
        fullest_wording([])


def test_word_diff_shows_a_reworded_phrase_as_one_replace():
    assert word_diff(XINHUA_INVITED, REUTERS_INVITED) == [
        DiffToken("equal", "I have invited Russia to", "I have invited Russia to"),
        DiffToken("replace", "step up its", "strengthen Russia’s"),
        DiffToken(
            "equal", "terms of cooperation in Afghanistan,", "terms of cooperation in Afghanistan,"
        ),
    ]


def test_word_diff_marks_the_words_a_partial_quote_left_out_as_deleted():
    assert word_diff(XINHUA_ESSENTIAL, RFERL_ESSENTIAL) == [
        DiffToken("delete", "I do believe that it's", ""),
        DiffToken("equal", RFERL_ESSENTIAL, RFERL_ESSENTIAL),
    ]
    *_, last = word_diff(ALJAZEERA_REASONS, XINHUA_REASONS)
    assert last.op == "delete"
    assert last.base.startswith("These are the challenges")


def test_word_diff_ignores_case_punctuation_and_curly_apostrophes():
    assert word_diff("“It’s essential,” he said.", "it's essential he said") == [
        DiffToken("equal", "“It’s essential,” he said.", "it's essential he said")
    ]


def test_word_diff_shows_words_only_the_other_outlet_has_as_insert():
    assert word_diff("prices will rise", "prices will certainly rise") == [
        DiffToken("equal", "prices will", "prices will"),
        DiffToken("insert", "", "certainly"),
        DiffToken("equal", "rise", "rise"),
    ]


def test_word_diff_keeps_a_repeated_word_next_to_the_rest_of_the_partial():
    assert word_diff("we know that we succeed", "we succeed") == [
        DiffToken("delete", "we know that", ""),
        DiffToken("equal", "we succeed", "we succeed"),
    ]


def test_word_diff_of_a_reworded_partial_separates_unquoted_words_from_changes():
    diff = word_diff(
        "The fire is now 60 percent contained and we expect full containment by Friday",
        "fire is 60% contained, and we expect complete containment",
    )
    assert diff[0] == DiffToken("delete", "The", "")
    assert DiffToken("replace", "full", "complete") in diff
    assert diff[-1] == DiffToken("delete", "by Friday", "")


# --------------------------------------------------------------------------------------------
# Stories: the demo corpus
# --------------------------------------------------------------------------------------------


def demo_text(number):
    return next(DEMO_DIR.glob(f"{number:03d}_*.txt")).read_text(encoding="utf-8")


def quote_texts(article_key):
    return tuple(text for key, quotes in DEMO_QUOTES if key == article_key for text, _ in quotes)


DEMO_ARTICLES = {
    "xinhua": ArticleForStory(
        key="xinhua",
        published=datetime.date(2009, 12, 17),
        people=("Anders Fogh Rasmussen", "Dmitry Medvedev", "Sergei Lavrov", "Vladimir Putin"),
        places=("Moscow", "Afghanistan", "Russia", "Kremlin", "Central Asia", "Bucharest"),
        text=demo_text(0),
        quote_texts=quote_texts("xinhua"),
    ),
    "reuters-2009": ArticleForStory(
        key="reuters-2009",
        published=datetime.date(2009, 12, 16),
        people=(
            "Anders Fogh Rasmussen",
            "Barack Obama",
            "Dmitry Medvedev",
            "Sergei Lavrov",
            "Vladimir Putin",
            "Jaap de Hoop Scheffer",
        ),
        places=("Moscow", "Afghanistan", "Russia", "Georgia", "Kremlin", "Herat", "Ukraine"),
        text=demo_text(1),
        quote_texts=quote_texts("reuters-2009"),
    ),
    "rferl": ArticleForStory(
        key="rferl",
        published=datetime.date(2009, 12, 16),
        people=(
            "Anders Fogh Rasmussen",
            "Dmitry Medvedev",
            "Sergei Lavrov",
            "Dmitry Rogozin",
            "Vladimir Putin",
        ),
        places=("Moscow", "Afghanistan", "Russia", "Kremlin", "Central Asia", "Copenhagen"),
        text=demo_text(2),
        quote_texts=quote_texts("rferl"),
    ),
    "reuters-2010": ArticleForStory(
        key="reuters-2010",
        published=datetime.date(2010, 11, 3),
        people=(
            "Anders Fogh Rasmussen",
            "Sergei Lavrov",
            "Dmitry Medevedev",
            "Vladimir Putin",
            "Barack Obama",
            "George W. Bush",
            "Hamid Karzai",
        ),
        places=("Moscow", "Lisbon", "Afghanistan", "Russia", "Georgia", "Iran"),
        text=demo_text(3),
        quote_texts=quote_texts("reuters-2010"),
    ),
    "aljazeera": ArticleForStory(
        key="aljazeera",
        published=None,
        people=("Anders Fogh Rasmussen", "Dmitry Medvedev", "Sergei Lavrov"),
        places=("Moscow", "Afghanistan", "Russia", "Georgia", "Ukraine", "Central Asia"),
        text=demo_text(4),
        quote_texts=quote_texts("aljazeera"),
    ),
}


def undated(article):
    return ArticleForStory(
        article.key, None, article.people, article.places, article.text, article.quote_texts
    )


def story(key, *articles):
    return StoryCandidate(key=key, start=None, end=None, articles=tuple(articles))


def build_stories(articles):
    """Feed articles to match_story one at a time, as ingestion would; returns sets of keys."""
    stories = []
    for article in articles:
        candidates = [story(i, *members) for i, members in enumerate(stories)]
        match = match_story(article, candidates)
        if match is None:
            stories.append([article])
        else:
            stories[match.key].append(article)
    return sorted(sorted(a.key for a in members) for members in stories)


TWO_VISITS = [["aljazeera", "reuters-2009", "rferl", "xinhua"], ["reuters-2010"]]


@pytest.mark.parametrize("reuters_dated", [True, False], ids=["reuters-dated", "reuters-undated"])
def test_demo_corpus_forms_one_story_per_visit(reuters_dated):
    articles = [
        DEMO_ARTICLES[k] for k in ["xinhua", "reuters-2009", "rferl", "reuters-2010", "aljazeera"]
    ]
    if not reuters_dated:
        articles[1] = undated(articles[1])
    assert build_stories(articles) == TWO_VISITS


def test_an_undated_report_placed_with_the_other_visit_fits_its_own_once_that_has_a_story():
    # The 2010 report came first, and the undated Al Jazeera report of 2009 joined its story
    # (content first: a missing date does not start a story). Once the 2009 visit has a story,
    # the two stories are other occasions, and the report fits its own better (healing moves it).
    november_2010 = story("2010", DEMO_ARTICLES["reuters-2010"])
    december_2009 = StoryCandidate(
        "2009", None, None, (DEMO_ARTICLES["xinhua"], DEMO_ARTICLES["rferl"])
    )
    assert other_occasion(november_2010, december_2009)
    match = match_story(DEMO_ARTICLES["aljazeera"], [november_2010, december_2009])
    assert match is not None
    assert match.key == "2009"


def test_visit_a_year_later_is_another_story_despite_the_same_people_and_words():
    december_2009 = story("2009", DEMO_ARTICLES["xinhua"], DEMO_ARTICLES["rferl"])
    assert match_story(DEMO_ARTICLES["reuters-2010"], [december_2009]) is None


def test_a_story_too_far_off_in_time_is_passed_over_unprofiled_yet_its_words_count_as_read():
    """Placement skips a story more than STORY_FOLLOW_UP_DAYS away before making its profile
    (most stories found by their words are): what its reports say still counts as read for
    the words' rarity, once, as when its profile was made."""
    from articles.matching import stories

    december_2009 = story("2009", DEMO_ARTICLES["xinhua"], DEMO_ARTICLES["rferl"])
    assert match_story(DEMO_ARTICLES["reuters-2010"], [december_2009]) is None
    assert id(december_2009.articles) not in stories._profiles_by_articles
    assert hash(DEMO_ARTICLES["rferl"].text) in stories._background.seen
    read = stories._background.documents
    assert read == 3  # the new report and the story's two
    match_story(DEMO_ARTICLES["reuters-2010"], [december_2009])
    assert stories._background.documents == read


def test_undated_article_joins_the_visit_it_reports_of_two_stories_of_the_same_people():
    november_2010 = story("2010", DEMO_ARTICLES["reuters-2010"])
    december_2009 = story("2009", DEMO_ARTICLES["xinhua"], DEMO_ARTICLES["rferl"])
    match = match_story(undated(DEMO_ARTICLES["reuters-2009"]), [november_2010, december_2009])
    assert match is not None
    assert match.key == "2009"


def test_undated_article_joins_the_story_it_shares_a_statement_with():
    december_2009 = story("2009", DEMO_ARTICLES["xinhua"])
    november_2010 = story("2010", DEMO_ARTICLES["reuters-2010"])
    match = match_story(DEMO_ARTICLES["aljazeera"], [november_2010, december_2009])
    assert match is not None
    assert match.key == "2009"
    assert "shares 1 statement(s)" in match.reasons
    assert "no date to compare" in match.reasons


def test_dated_article_joins_the_story_of_the_same_days_and_says_why():
    december_2009 = story("2009", DEMO_ARTICLES["xinhua"])
    match = match_story(DEMO_ARTICLES["rferl"], [december_2009])
    assert match is not None
    assert match.key == "2009"
    assert "published 1 day(s) from the story (2009-12-17)" in match.reasons
    assert any(
        reason.startswith("same people: ") and "Sergei Lavrov" in reason for reason in match.reasons
    )


def test_match_story_names_other_stories_the_article_also_fits():
    # Al Jazeera arrived before Xinhua and started a story of its own; Xinhua links the two.
    from_rferl = story("rferl", DEMO_ARTICLES["rferl"], DEMO_ARTICLES["reuters-2009"])
    from_aljazeera = story("aljazeera", DEMO_ARTICLES["aljazeera"])
    match = match_story(DEMO_ARTICLES["xinhua"], [from_aljazeera, from_rferl])
    assert match is not None
    assert match.key == "rferl"
    assert match.also_matches == ["aljazeera"]


def test_related_stories_links_the_two_visits():
    december_2009 = story(
        "2009", *(DEMO_ARTICLES[k] for k in ["xinhua", "reuters-2009", "rferl", "aljazeera"])
    )
    november_2010 = story("2010", DEMO_ARTICLES["reuters-2010"])
    [(key, score)] = related_stories(november_2010, [december_2009, november_2010])
    assert key == "2009"
    assert 0 < score <= 1


def test_story_title_is_the_most_central_headline_among_the_reports():
    articles = [DEMO_ARTICLES[k] for k in ["xinhua", "aljazeera", "reuters-2009", "rferl"]]
    headlines = {
        "Russia, NATO eye cooperation in Afghanistan",
        "Nato seeks Afghan help from Russia",
        "NATO chief asks for Russian help in Afghanistan",
        "NATO Chief Urges Russia To Do More In Afghanistan",
    }
    assert story_title(articles) in headlines
    # Xinhua's first line is site chrome ("Global General"), not its headline.
    assert story_title([DEMO_ARTICLES["xinhua"]]) == "Russia, NATO eye cooperation in Afghanistan"
    # The 2010 report opens with a dateline.
    assert story_title([DEMO_ARTICLES["reuters-2010"]]) == "NATO head urges new start with Russia"


def test_story_title_is_never_a_list_of_names():
    names = ArticleForStory(
        key="names",
        published=None,
        people=("Barack Obama", "Shigeaki Mori"),
        places=(),
        text="Barack Obama and Shigeaki Mori\n\n" + FIRE_FIRST.text,
    )
    assert story_title([names]) != "Barack Obama and Shigeaki Mori"


# --------------------------------------------------------------------------------------------
# Stories: other topics
# --------------------------------------------------------------------------------------------


def fire_article(key, published, text, quotes=(), people=("Maria Lopez", "Tom Reed")):
    return ArticleForStory(
        key=key,
        published=published,
        people=people,
        places=("Paradise Valley", "Butte County", "California"),
        text=text,
        quote_texts=quotes,
    )


FIRE_FIRST = fire_article(
    "fire-first",
    datetime.date(2023, 8, 2),
    "Wildfire forces thousands to flee Paradise Valley\n"
    "A fast-moving wildfire in Butte County forced thousands of residents to evacuate on Tuesday "
    "as strong winds pushed the flames toward Paradise Valley. Fire chief Maria Lopez said crews "
    "had contained 20 percent of the blaze, which has burned 12,000 acres and destroyed 40 homes. "
    "Governor Tom Reed declared a state of emergency.",
    quotes=("We expect the winds to ease by Thursday, and that will give our crews a chance",),
)
FIRE_SECOND = fire_article(
    "fire-second",
    datetime.date(2023, 8, 3),
    "Crews gain ground on Butte County wildfire as winds ease\n"
    "Firefighters battling the wildfire near Paradise Valley said on Wednesday they had contained "
    "a third of the blaze after winds weakened. Fire chief Maria Lopez said 45 homes had been "
    "destroyed and thousands of evacuated residents could not yet return. Governor Tom Reed "
    "visited an evacuation centre.",
    quotes=("We expect the winds to ease by Thursday, which will give our crews a chance",),
)
FIRE_NEXT_YEAR = fire_article(
    "fire-next-year",
    datetime.date(2024, 7, 20),
    "New wildfire threatens Paradise Valley a year after evacuation\n"
    "A wildfire in Butte County forced residents of Paradise Valley to evacuate again on Saturday, "
    "almost a year after last summer's blaze destroyed 45 homes. Fire chief Maria Lopez said crews "
    "had contained 10 percent of the fire. Governor Tom Reed declared a state of emergency.",
    quotes=("This fire is moving faster than anything we saw last year",),
)
FESTIVAL_SAME_DAYS = fire_article(
    "festival",
    datetime.date(2023, 8, 2),
    "Butte County music festival draws record crowd\n"
    "A record 30,000 people attended the three-day music festival in Chico, organisers said on "
    "Tuesday, with headline acts playing to sold-out stages. Governor Tom Reed opened the festival "
    "and praised local volunteers.",
    quotes=("This is the biggest festival the county has ever seen",),
    people=("Tom Reed",),
)


def test_same_event_from_two_outlets_on_consecutive_days_is_one_story():
    match = match_story(FIRE_SECOND, [story("fire", FIRE_FIRST)])
    assert match is not None
    assert match.key == "fire"


def test_same_people_and_place_a_year_later_is_a_new_story_but_a_related_one():
    assert match_story(FIRE_NEXT_YEAR, [story("fire", FIRE_FIRST, FIRE_SECOND)]) is None
    related = related_stories(
        story("fire-2024", FIRE_NEXT_YEAR), [story("fire", FIRE_FIRST, FIRE_SECOND)]
    )
    assert [key for key, _ in related] == ["fire"]


def test_another_event_on_the_same_days_in_the_same_county_is_another_story():
    assert match_story(FESTIVAL_SAME_DAYS, [story("fire", FIRE_FIRST, FIRE_SECOND)]) is None
    assert related_stories(story("festival", FESTIVAL_SAME_DAYS), [story("fire", FIRE_FIRST)]) == []


def test_undated_report_sharing_a_statement_joins_the_right_one_of_two_similar_stories():
    undated_report = fire_article(
        "undated",
        None,
        "Winds expected to ease over Butte County fire\n"
        "Officials said residents of Paradise Valley should stay away.",
        quotes=("We expect the winds to ease by Thursday and that will give our crews a chance",),
    )
    candidates = [story("2024", FIRE_NEXT_YEAR), story("2023", FIRE_FIRST)]
    match = match_story(undated_report, candidates)
    assert match is not None
    assert match.key == "2023"


def test_undated_report_of_the_same_subject_another_year_joins_the_story_of_its_own_year():
    # The words of the report are those of next year's fire ("again", "last summer's blaze").
    undated_report = fire_article("undated", None, FIRE_NEXT_YEAR.text)
    match = match_story(
        undated_report, [story("2023", FIRE_FIRST, FIRE_SECOND), story("2024", FIRE_NEXT_YEAR)]
    )
    assert match is not None
    assert match.key == "2024"


def test_undated_report_with_nothing_but_people_and_places_in_common_starts_a_new_story():
    # Placed by its content: a place and its people alone are not the event.
    undated_report = fire_article(
        "undated",
        None,
        "Paradise Valley residents return home\nResidents returned to Paradise Valley on Sunday.",
    )
    assert match_story(undated_report, [story("2023", FIRE_FIRST, FIRE_SECOND)]) is None


def test_identical_text_more_than_a_month_outside_the_story_is_another_story():
    later = fire_article(
        "later", datetime.date(2023, 9, 3), FIRE_SECOND.text, quotes=FIRE_SECOND.quote_texts
    )
    follow_up = fire_article(
        "follow-up", datetime.date(2023, 8, 10), FIRE_SECOND.text, quotes=FIRE_SECOND.quote_texts
    )
    fire = story("fire", FIRE_FIRST, FIRE_SECOND)  # 2 and 3 August
    assert match_story(later, [fire]) is None
    assert match_story(follow_up, [fire]) is not None


def test_story_dates_given_on_the_candidate_override_its_articles_dates():
    fire = StoryCandidate(
        "fire", datetime.date(2023, 8, 2), datetime.date(2023, 8, 20), (FIRE_FIRST,)
    )
    late = fire_article("late", datetime.date(2023, 8, 18), FIRE_SECOND.text)
    match = match_story(late, [fire])
    assert match is not None
    assert match.key == "fire"


def test_match_story_without_candidates_starts_a_new_story():
    assert match_story(FIRE_FIRST, []) is None


def test_story_title_without_a_headline_is_the_first_line_of_prose_never_names():
    article = ArticleForStory(
        key="k",
        published=None,
        people=("Maria Lopez",),
        places=("Paradise Valley",),
        text="12:04\nFire chief Maria Lopez said on Tuesday that crews had contained a fifth "
        "of the blaze, which has burned 12,000 acres.",
    )
    expected = "Fire chief Maria Lopez said on Tuesday that crews had contained a…"
    assert story_title([article]) == expected
    nothing = ArticleForStory(key="k", published=None, people=(), places=(), text="12:04\n34")
    assert story_title([nothing]) == "Untitled story"
    assert story_title([]) == ""


def test_every_order_of_two_fire_reports_and_the_next_year_one_gives_two_stories():
    articles = [FIRE_FIRST, FIRE_SECOND, FIRE_NEXT_YEAR]
    for order in itertools.permutations(articles):
        assert build_stories(order) == [["fire-first", "fire-second"], ["fire-next-year"]]


# --------------------------------------------------------------------------------------------
# Stories: one busy week
# --------------------------------------------------------------------------------------------


def week_article(key, day, dateline, text, quotes=(), people=("Elena Marquez",)):
    return ArticleForStory(
        key=key,
        published=datetime.date(2024, 3, day) if day else None,
        people=people,
        places=(dateline,) if dateline else (),
        text=text,
        quote_texts=quotes,
    )


# President Marquez speaks at three events in one week, each reported by two outlets in their own
# words; every report has the words of any political report ("talks", "leaders", "agreed").
PORT_TALKS = [
    week_article(
        "port-wire",
        4,
        "LISBON",
        "Marquez opens talks on port fees with shipping lines\n"
        "President Elena Marquez opened two days of talks with shipping lines in Lisbon on Monday, "
        "telling leaders of the industry that the government wanted port fees cut before summer. "
        "Container traffic through the harbour has fallen for three years, and dock workers "
        "fear the terminal will close. Officials said the talks would continue on Tuesday. "
        "Marquez, who took office two years ago promising to rebuild the economy, faces an "
        "election next year.",
        quotes=("Our ports must stay open to every shipping line, whatever flag it flies",),
        people=("Elena Marquez", "Rui Antunes"),
    ),
    week_article(
        "port-agency",
        5,
        "LISBON",
        "Shipping lines agree to lower Lisbon harbour charges\n"
        "Shipping companies agreed on Tuesday to a cut in harbour charges after talks with "
        "President Elena Marquez, who had warned that the container terminal could close. "
        "Rui Antunes, who speaks for the dock workers, said the deal on port fees saved jobs. "
        "Marquez faces re-election next year after promising to rebuild the economy.",
        quotes=("Our ports must stay open to every shipping line whatever flag it flies",),
        people=("Elena Marquez", "Rui Antunes"),
    ),
]
ENERGY_SUMMIT = [
    week_article(
        "summit-wire",
        6,
        "MADRID",
        "Marquez and Spanish leaders agree to link power grids\n"
        "President Elena Marquez and Spanish Prime Minister Luis Herrera agreed in Madrid on "
        "Wednesday to build a second power line across the border, after talks that leaders of "
        "both parties said would cut electricity bills. "
        "Marquez, who took office two years ago promising to rebuild the economy, faces an "
        "election next year.",
        quotes=("Cheap power from the sun should not stop at the border",),
        people=("Elena Marquez", "Luis Herrera"),
    ),
    week_article(
        "summit-paper",
        6,
        "",
        "Iberian neighbours plan new cross-border power line\n"
        "Spain and Portugal will build a second electricity interconnector, Luis Herrera and "
        "Elena Marquez said after their summit, hoping that solar power from the south will "
        "lower bills in both countries before Marquez faces re-election next year.",
        quotes=("Cheap power from the sun should not stop at the border.",),
        people=("Elena Marquez", "Luis Herrera"),
    ),
]
FLOOD_VISIT = [
    week_article(
        "flood-wire",
        7,
        "PORTO",
        "Marquez visits flooded districts of Porto\n"
        "President Elena Marquez visited flooded districts of Porto on Thursday and promised "
        "government aid to families who lost their homes, after leaders of the city council "
        "agreed on emergency talks. The river Douro burst its banks on Wednesday night. "
        "Marquez, who took office two years ago promising to rebuild the economy, faces an "
        "election next year.",
        quotes=("Nobody who lost a home to this water will be left alone",),
        people=("Elena Marquez", "Ana Cardoso"),
    ),
    week_article(
        "flood-agency",
        8,
        "PORTO",
        "Porto counts the cost as Douro floodwater recedes\n"
        "Residents of Porto began clearing mud from their homes on Friday as the Douro fell back. "
        "Mayor Ana Cardoso said 300 families had lost their homes; President Elena Marquez "
        "promised aid on her visit to the city, a year before she faces re-election.",
        quotes=("Nobody who lost a home to this water will be left alone.",),
        people=("Elena Marquez", "Ana Cardoso"),
    ),
]


def test_the_same_leader_at_three_events_in_three_cities_in_one_week_makes_three_stories():
    articles = [*PORT_TALKS, *ENERGY_SUMMIT, *FLOOD_VISIT]
    articles.sort(key=lambda article: article.published)
    assert build_stories(articles) == [
        ["flood-agency", "flood-wire"],
        ["port-agency", "port-wire"],
        ["summit-paper", "summit-wire"],
    ]


def test_a_well_known_speaker_in_another_city_the_same_week_is_another_story():
    port = story("port", *PORT_TALKS)
    assert match_story(FLOOD_VISIT[0], [port]) is None


# One strike told four ways: other headlines, other datelines (or none), the quotes in full, in
# part or reworded, one report without any quote the others have.
STRIKE = [
    week_article(
        "strike-wire",
        4,
        "ROTTERDAM",
        "Rotterdam dockers strike over automated cranes\n"
        "Dock workers at Rotterdam walked out on Monday in protest at plans to replace crane "
        "drivers with automated cranes, halting container traffic at Europe's biggest port. "
        "Union leader Joris Bakker said the strike would last until the port authority dropped "
        "the automation plan.",
        quotes=("We will not hand our jobs to a computer in a control room",),
        people=("Joris Bakker",),
    ),
    week_article(
        "strike-agency",
        4,
        "THE HAGUE",
        "Dutch government urges talks as port strike halts container traffic\n"
        "The Dutch government called on the Rotterdam port authority and the dockers' union to "
        "resume talks after a strike over automated cranes stopped container ships at Europe's "
        "biggest port. Joris Bakker, who leads the dockers, said workers would not hand their "
        "jobs to a computer in a control room.",
        quotes=("hand our jobs to a computer in a control room",),
        people=("Joris Bakker", "Mark Visser"),
    ),
    week_article(
        "strike-paper",
        5,
        "",
        "Ships queue off Rotterdam as crane drivers stay out\n"
        "Dozens of container ships waited at anchor off Rotterdam on Tuesday as the dock workers' "
        "strike against automated cranes entered its second day. The port authority said the "
        "automation plan would go ahead; Joris Bakker of the dockers' union called it a plan to "
        "replace crane drivers by computers.",
        people=("Joris Bakker",),
    ),
    week_article(
        "strike-undated",
        None,
        "",
        "Dockers' leader defiant\n"
        "Joris Bakker said the dockers would stay out as long as the port pushed automation.",
        quotes=("We won't hand our jobs to a computer in a control room",),
        people=("Joris Bakker",),
    ),
]


def test_one_event_told_by_outlets_in_other_words_from_other_datelines_is_one_story():
    articles = [*STRIKE, *PORT_TALKS, *FLOOD_VISIT]
    assert build_stories(articles) == [
        ["flood-agency", "flood-wire"],
        ["port-agency", "port-wire"],
        ["strike-agency", "strike-paper", "strike-undated", "strike-wire"],
    ]


FISHING_PROTEST = week_article(
    "fishing",
    4,
    "LISBON",
    "Fishermen block Lisbon harbour over quota cuts\n"
    "Fishing boats blocked the entrance to Lisbon harbour on Monday in protest at cuts to the "
    "sardine quota, delaying container ships on the day shipping lines began talks with the "
    "government on port fees. Leaders of the fishermen's association said the government had "
    "agreed to the cuts without talks, and that dock workers supported the protest.",
    quotes=(
        "We were not consulted by the government at all",
        "Sardines are all this coast has left",
    ),
    people=("Carla Mendes",),
)


def with_quote(article, text):
    return dataclasses.replace(article, quote_texts=(*article.quote_texts, text))


def test_a_formula_quoted_at_several_events_is_not_a_shared_statement():
    formula = "We were not consulted by the government at all"
    stories = [
        story("port", with_quote(PORT_TALKS[0], formula)),
        story("summit", with_quote(ENERGY_SUMMIT[0], formula)),
        story("flood", with_quote(FLOOD_VISIT[0], formula)),
    ]
    assert match_story(FISHING_PROTEST, stories) is None


@pytest.mark.parametrize("words_kept", [3, 1 << 17])
def test_term_weights_count_content_words_whatever_the_word_cache_keeps(monkeypatch, words_kept):
    monkeypatch.setattr("articles.matching.stories.TERMS_OF_WORDS_MAX", words_kept)
    clear_caches()
    weigh = _term_weights.__wrapped__
    for _ in range(2):  # the second time from the cache, or from an emptied one
        # The first line is the headline: its words count twice; a year is a word.
        assert weigh("Helicopters, the helicopter talks in 2009 of an ox\n\nTalks 300") == {
            "helicopter": 1.0 + math.log(4),
            "talk": 1.0 + math.log(3),
            "2009": 1.0 + math.log(2),
        }
        assert weigh("Talks about Talks") == {"talk": 1.0 + math.log(4)}
    assert len(_terms_of_words) <= words_kept  # emptied when past the limit


def test_an_article_repeating_its_own_quote_makes_one_statement_of_it():
    said = "We will rebuild this cathedral, all of us together, within five years"
    quotes = [
        QuoteForMatching("summary", said, "macron", "article"),
        QuoteForMatching("other", "The worst has been avoided tonight", "macron", "article"),
        QuoteForMatching("body", "rebuild this cathedral, all of us together", "macron", "article"),
    ]
    first, other, repeat = match_statements(quotes, [])
    assert (repeat.group_key, repeat.new_group_index) == (None, first.new_group_index)
    assert other.new_group_index != first.new_group_index

    earlier = StatementGroup("g1", [QuoteForMatching("q", said, "macron", "elsewhere")])
    first, _, repeat = match_statements(quotes, [earlier])
    assert first.group_key == repeat.group_key == "g1"


def _dated(article, day):
    return dataclasses.replace(article, key=f"{article.key}-{day}", published=day)


def test_two_dated_stories_a_fortnight_apart_are_two_occasions_however_alike():
    # The second earthquake of a country, seventeen days after the first: the same words, and
    # no follow-up merges two stories that each hold reports of their own day.
    xinhua, rferl = DEMO_ARTICLES["xinhua"], DEMO_ARTICLES["rferl"]
    first = story("first", _dated(xinhua, datetime.date(2009, 12, 17)))
    again = story("again", _dated(rferl, datetime.date(2010, 1, 3)))
    assert not same_event(first, again)
    near = story("near", _dated(rferl, datetime.date(2009, 12, 18)))
    assert same_event(first, near)


def test_a_report_without_a_date_takes_the_day_of_its_story_that_it_names():
    wednesday, friday = datetime.date(2023, 8, 2), datetime.date(2023, 8, 4)
    assert date_in_story("Crews said on Thursday the fire was contained", wednesday, friday) == (
        datetime.date(2023, 8, 3)
    )
    # The day after the story's last: a report of the evening's news.
    assert date_in_story("On Saturday crews went home", wednesday, friday) == datetime.date(
        2023, 8, 5
    )
    # No day named: a story of a day or two gives its first; a longer one leaves it open.
    assert date_in_story("The fire was contained", wednesday, wednesday) == wednesday
    assert date_in_story("The fire was contained", wednesday, friday) is None
    assert date_in_story("On Monday it was contained", wednesday, friday) is None
    assert date_in_story("On Thursday it was contained", None, None) is None


def test_an_undated_report_naming_another_day_asks_what_dated_reports_ask():
    # No dates to compare, and the report says "on Wednesday" where the story says "on
    # Tuesday": the days are the only word on time, and they disagree, so the likeness that
    # joins an undated report (STORY_MATCH_MIN) is not enough; the same report naming the
    # story's day joins.
    clear_caches()  # every word as rare as the next: the likeness of a fresh process
    lede = FIRE_SECOND.text.split("\n")[1]
    wednesday = ArticleForStory("wednesday", None, (), (), lede, ())
    tuesday = ArticleForStory(
        "tuesday", None, (), (), lede.replace("on Wednesday", "on Tuesday"), ()
    )
    fire = story("fire", undated(FIRE_FIRST))
    assert match_story(wednesday, [fire]) is None
    assert match_story(tuesday, [fire]).key == "fire"


def test_story_people_written_family_name_first_are_the_same_person():
    # Japanese outlets write "Kishida Fumio"; others "Fumio Kishida": one person for the story.
    story = {"kishida": "Fumio Kishida", "biden": "Joe Biden"}
    assert _shared_people({"fumio": "Kishida Fumio"}, story) == ["Kishida Fumio"]
    assert _shared_people({"kishida": "Fumio Kishida"}, {"fumio": "Kishida Fumio"}) == [
        "Fumio Kishida"
    ]
    # Only the same two words swapped: another given name, or a lower-case word, is not enough.
    assert _shared_people({"yuko": "Kishida Yuko"}, story) == []
    assert _shared_people({"fumio": "kishida Fumio"}, story) == []


def test_match_person_knows_a_name_written_family_name_first():
    people = [PersonCandidate("kishida", "Fumio Kishida"), PersonCandidate("biden", "Joe Biden")]
    assert match_person("Prime Minister Kishida Fumio", people) == "kishida"
    assert match_person("Kishida Fumio", people) == "kishida"
    # Another given name, or a third word, is not the same two words swapped.
    assert match_person("Kishida Yuko", people) is None
    assert match_person("Kishida Fumio Taro", people) is None


def test_occasion_marks_are_repeats_of_a_kind_of_event_and_looks_far_ahead():
    assert marks("Nepal jolted again as a second major earthquake strikes") == {"repeat:earthquake"}
    assert marks("the latest quake, and another powerful tremor") == {"repeat:earthquake"}
    assert marks("the leaders' second summit in Hanoi") == {"repeat:summit"}
    # A repeat of something that is no event, or a look a few days ahead, is no mark.
    assert marks("She won a second term; another reason is the economy.") == frozenset()
    assert marks("The talks resume next week.") == frozenset()
    assert marks("The pope is considering a trip to the U.S. next year.") == {"ahead"}
    assert marks("The summit is planned for the coming month") == {"ahead"}


def test_an_undated_report_of_another_fire_stays_out_of_the_first_fires_story():
    # No dates: the report reads like the story's word for word, but calls its fire another
    # one, which none of the story's reports does. A story whose reports say so too takes it.
    clear_caches()  # every word as rare as the next: the likeness of a fresh process
    lede = FIRE_SECOND.text.split("\n")[1].replace("on Wednesday", "on Tuesday")
    plain = ArticleForStory("plain", None, (), (), lede, ())
    again = ArticleForStory(
        "again", None, (), (), lede.replace("battling the wildfire", "battling another fire"), ()
    )
    fire = story("fire", undated(FIRE_FIRST))
    assert match_story(plain, [fire]).key == "fire"
    assert match_story(again, [fire]) is None
    other_fire = story("other", dataclasses.replace(again, key="again-too"))
    assert match_story(again, [other_fire]).key == "other"


def test_an_undated_report_looking_a_year_ahead_is_not_of_the_storys_occasion():
    # "is considering a visit next year": written long before the occasion the story reports.
    clear_caches()
    lede = FIRE_SECOND.text.split("\n")[1].replace("on Wednesday", "on Tuesday")
    fire = story("fire", undated(FIRE_FIRST))
    ahead = ArticleForStory(
        "ahead", None, (), (), lede + " The president is considering a visit next year.", ()
    )
    soon = ArticleForStory(
        "soon", None, (), (), lede + " The president is considering a visit next week.", ()
    )
    assert match_story(ahead, [fire]) is None
    assert match_story(soon, [fire]).key == "fire"


def test_the_story_search_words_are_the_rarest_that_other_articles_use():
    # The rarest words of a report's headline and lede are mostly its own (an outlet's spelling,
    # "Zelenskyy" for "Zelensky"), and a full-text search for them finds no story.
    clear_caches()
    first = FIRE_FIRST
    match_story(first, [story("fire", FIRE_SECOND)])  # both read
    report = ArticleForStory(
        "report",
        None,
        (),
        (),
        "Kaliwanag Wildfire: Butte County residents flee Paradise Valley\n"
        "Residents of Paradise Valley in Butte County fled the fast-moving wildfire, the Kaliwanag "
        "Daily reports, as the blaze destroyed homes on Tuesday near the valley's eastern edge.",
    )
    read = set(normalise_words(FIRE_FIRST.text + "\n" + FIRE_SECOND.text))
    words = search_words(report, 3)
    assert len(words) == 3
    assert all(word in read for word in words), words


def test_the_days_a_text_names_say_after_when_it_was_written():
    assert written_after("The cathedral is seen in Paris, Saturday, Dec. 7, 2024.") == (
        datetime.date(2024, 12, 7)
    )
    # The latest day named: the bomb's day is background.
    assert written_after("dropped on Aug. 6, 1945. On 27 May 2016 Obama laid a wreath") == (
        datetime.date(2016, 5, 27)
    )
    # A month named with its year is over: written in the next month at the earliest.
    assert written_after("at their meeting in April 2018 at the truce village") == (
        datetime.date(2018, 5, 1)
    )
    assert written_after("at their meeting in December 2018") == datetime.date(2019, 1, 1)
    # A deadline may lie ahead; a day that does not exist is no day.
    assert written_after("Britain leaves by March 29, 2019; talks run until June 1, 2019") is None
    assert written_after("on Sept. 31, 2020") is None
    assert written_after("on Tuesday") is None


def test_an_undated_report_naming_days_months_after_the_storys_is_another_occasion():
    # The two launches, or a fire and the next one, read alike word for word; the caption of a
    # wire photo names the day. Months after the story's dates: another occasion, both ways.
    clear_caches()
    lede = FIRE_SECOND.text.split("\n")[1].replace("on Wednesday", "on Tuesday")
    fire = StoryCandidate("fire", None, None, (FIRE_FIRST,))

    def report(caption):
        return ArticleForStory("later", None, (), (), lede, (), captions=(caption,))

    assert match_story(report("Crews in Paradise Valley, Thursday, Aug. 3, 2023."), [fire])
    later = report("Crews in Paradise Valley, Friday, Nov. 10, 2023.")
    assert match_story(later, [fire]) is None
    # A report dated at the first fire does not join the story of the undated later one.
    later_story = StoryCandidate("later", None, None, (later,))
    assert match_story(FIRE_SECOND, [later_story]) is None
    assert match_story(FIRE_SECOND, [story("near", report("on Aug. 2, 2023"))]).key == "near"
    # Two such stories are other occasions: healing moves an undated report to the one it fits.
    assert other_occasion(fire, later_story)
    assert not same_event(fire, later_story, 0.0)
