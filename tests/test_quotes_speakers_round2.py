"""articles.quotes on shapes of issue 22's second round: honorifics printed as part of a name,
a given name spelt like a title, interview turns.

Invented sentences in the shapes seen on real pages, not their own text.
"""

from tests.helpers import speakers

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


# --------------------------------------------------------------------------- descriptions


def test_an_office_nobody_holds_here_is_not_the_holder_of_another_office_named_before():
    # "the mayor of X" is a new, unnamed person, not the president who was the last subject
    paragraphs = [
        "President Dana Whitfield withdrew from the accord on Thursday.",
        "The mayor of Lakeport replied that the city would keep its pledges: “We will follow the "
        "guidelines of the accord for our people.”",
    ]
    assert speakers(*paragraphs) == [None]


def test_a_party_general_secretary_is_no_minister():
    # "the agriculture minister" is not the party's general secretary named earlier, but the
    # one who was speaking
    paragraphs = [
        "Party general secretary Kamal Uddin spoke on the occasion.",
        "Rafiq Hossain, also a member of the party presidium, said the opposition must take part.",
        "Calling on the opposition to take part, the agriculture minister further said, “You "
        "should participate in the next elections.”",
    ]
    assert speakers(*paragraphs) == ["Rafiq Hossain"]


# --------------------------------------------------------------------------- pronouns


def test_a_pronoun_is_not_the_person_the_quoted_words_name():
    # the governor is the last subject, but the quote names him: "he" is the deputy president
    paragraphs = [
        "Deputy President Rigo Kamau visited the market on Sunday.",
        "Governor Jonah Sakwa promised to move the traders.",
        "“My younger brother Governor Jonah Sakwa, the traders need you,” he said.",
    ]
    assert speakers(*paragraphs) == ["Rigo Kamau"]


def test_a_bare_quote_naming_the_last_speaker_is_not_his():
    paragraphs = [
        "“We have agreed on a new deal,” said Governor Jonah Sakwa.",
        "“Governor Sakwa has broken every promise he made to the traders.”",
    ]
    assert speakers(*paragraphs)[1] != "Jonah Sakwa"


# --------------------------------------------------------------------------- lexicon


def test_counseled_and_repeated_report_speech():
    paragraphs = [
        "The deputy president met the traders on Sunday.",
        "“You need to see the leadership first,” Rigo Kamau counseled.",
        "“I never named any country,” Dana Whitfield repeated on Monday.",
    ]
    assert speakers(*paragraphs) == ["Rigo Kamau", "Dana Whitfield"]


def test_the_journalist_is_the_reporter_named_before():
    paragraphs = [
        "Greek reporter Eleni Markou asked Minister Tomas Ferreira about prices.",
        "Ferreira answered slowly.",
        "“But how much is it now?” insisted the journalist.",
    ]
    assert speakers(*paragraphs) == ["Eleni Markou"]
