"""articles.quotes on shapes that pages of outlets never seen before showed (issue 22, the
blind3 set read as development data): titles with a portfolio before the name, a full name
opening its sentence, and more.

Invented sentences in the shapes seen on those pages, not their own text.
"""

from articles.quotes import extract_quotes
from tests.helpers import speakers

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


# --------------------------------------------------------------------------- titles


def test_a_portfolio_after_and_ends_the_title_not_opens_the_name():
    # "Minister of X and Y First Last": Y is the second part of the portfolio
    paragraphs = [
        "Minister of Foreign Affairs and Immigration Tomas Ferreira said the talks went well.",
        "“We will not close a single ward,” Minister Ferreira said.",
    ]
    assert speakers(*paragraphs) == ["Tomas Ferreira"]


def test_a_country_after_a_titles_second_of_ends_the_title():
    # "Deputy Minister of Defence of Ruritania First Last"
    paragraphs = [
        "The Deputy Minister of Defence of Ruritania Olena Petrenko spoke on television.",
        "“There is a constant threat to the capital,” Petrenko said.",
    ]
    assert speakers(*paragraphs) == ["Olena Petrenko"]


def test_designate_after_a_title_is_part_of_it():
    paragraphs = [
        "The premier congratulated Manitoba Premier Designate Kofi Lindqvist on his victory.",
        "“We are going to deliver help to your family,” Lindqvist said.",
    ]
    assert speakers(*paragraphs) == ["Kofi Lindqvist"]


def test_an_abbreviated_councillor_title_is_no_name_and_the_role_after_it_counts():
    # "Cr" (councillor) before the name, and the office in an appositive: "the Mayor" is hers
    paragraphs = [
        "Cr Dana Whitlock, Mayor of Ridgeview, said she is extremely concerned.",
        "“One case could put the harvest at risk,” the Mayor said.",
    ]
    assert speakers(*paragraphs) == ["Dana Whitlock"]


def test_a_title_with_a_two_part_portfolio_is_the_persons_role():
    # the whole title before the name is the role, so "the Minister" later is that person
    paragraphs = [
        "Minister of Tourism and Lands Ravi Dassanayake told Parliament that the island is"
        " indebted to its neighbour.",
        "“Those who criticise me want to prevent investment,” the Minister said.",
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == ["Ravi Dassanayake"]
    assert result.people[0].role == "Minister of Tourism and Lands"


def test_a_country_ending_a_title_is_no_name():
    # "Special Representative for North Korea Policy": a title's complement, no one's name
    paragraphs = [
        "He was joined by Ambassador Sung Park, a former Special Representative for North"
        " Korea Policy.",
        "“The talks went well,” Park said.",
    ]
    result = extract_quotes(paragraphs)
    assert [p.name for p in result.people] == ["Sung Park"]


# --------------------------------------------------------------------------- no false people


def test_a_word_only_seen_opening_a_sentence_is_no_one_a_pronoun_stands_for():
    # "Below are ...": a capitalised word at a sentence's start, with no evidence; the mayor is
    # never named, so his quotes have no named speaker
    paragraphs = [
        "The council tried to get an injunction. Below are the accounts of two local papers.",
        "The mayor marched into the chamber last night and declared his budget approved.",
        '"The budget is approved," the mayor declared. "Now, let\'s get to work," he said.',
    ]
    assert speakers(*paragraphs) == [None, None]


def test_a_name_between_a_determiner_and_a_noun_is_no_person():
    # "his Instagram account": a brand modifying a noun, not someone a "she" may stand for
    paragraphs = [
        "Ruiz did not respond to the jokes. His press office had no reaction, and his Instagram"
        " account was quiet.",
        "Inflation rose about 26 percent last year.",
        "“How much is inflation at this moment?” she asked.",
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == [None]
    assert "Instagram" not in [p.name for p in result.people]


# --------------------------------------------------------------------------- quotes standing alone


def test_a_bare_quote_paragraph_is_the_words_of_whom_the_paragraph_before_is_about():
    # no attribution at all: the paragraph before says what the person stressed or expects
    paragraphs = [
        "“Our farmers are hurting,” Mayor Lena Brandvold said on Monday.",
        "Premier Tomas Okafor announced a relief fund for the region the same day.",
        "Okafor nevertheless expects a hard winter despite the fund.",
        "“Politics are different between us, but we will work together at the council table.”",
    ]
    assert speakers(*paragraphs) == ["Lena Brandvold", "Tomas Okafor"]


def test_a_generational_suffix_keeps_its_full_stop_and_is_no_alias():
    # names are kept as printed: "Jr." with its stop; "Jr." alone names no one
    paragraphs = [
        "This was the reply of Presidential Spokesperson Carlo Reyes Jr. to the council's move.",
        "“This has nothing to do with the President,” Reyes said.",
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == ["Carlo Reyes Jr."]
    assert "Jr." not in result.people[0].aliases and "Jr" not in result.people[0].aliases
    paragraphs = ["“We will appeal,” said Senator Ian Moody Jr, a lawyer."]
    assert speakers(*paragraphs) == ["Ian Moody Jr"]


def test_a_command_or_a_bureau_speaks_as_an_organisation():
    # "the ZRP Harare command said:": a body, not the person its participle clause names
    paragraphs = [
        "Writing to the local party leader, Tendai Moyo, the ZRP Harare command said: “After"
        " consultations, the meeting may go ahead as scheduled.”",
    ]
    result = extract_quotes(paragraphs)
    assert [(q.speaker, q.speaker_kind) for q in result.quotes] == [(None, "organisation")]
    # and "Command" opening a sentence is no person either
    result = extract_quotes(["Command staff met on Monday.", "“We are ready,” said Mr Ade Ojo."])
    assert [p.name for p in result.people] == ["Ade Ojo"]


# --------------------------------------------------------------------------- quotes over paragraphs


def test_a_quote_goes_on_in_paragraphs_that_open_with_no_mark_up_to_its_closing_one():
    # the opening paragraph has no closing mark; the next ones open with none and the quote
    # closes later (a page that dropped the repeated opening marks, or a post quoted line by line)
    paragraphs = [
        "After the rally, party spokesperson Rudo Chikwanha said: “We have said it many times.",
        "No buses.",
        "No permits.",
        "Nothing can stop an idea whose time has come!” The police did not comment.",
        "Later, the council met.",
    ]
    quotes = extract_quotes(paragraphs).quotes
    assert [(q.start_paragraph, q.end_paragraph, q.speaker) for q in quotes] == [
        (0, 3, "Rudo Chikwanha")
    ]
    assert quotes[0].text.endswith("Nothing can stop an idea whose time has come!")


def test_a_quote_that_only_lost_its_closing_mark_ends_with_its_paragraph():
    # the next quote opens with its own mark: no running on, as before
    paragraphs = [
        "Spokesperson Rudo Chikwanha said: “We have said it many times.",
        "The police did not comment. “We will look into it,” an officer said.",
    ]
    quotes = extract_quotes(paragraphs).quotes
    assert [(q.start_paragraph, q.end_paragraph) for q in quotes] == [(0, 0), (1, 1)]
