"""articles.quotes on shapes the held-out real pages showed (issue 22, blind and blind2 read as
development data): titles written short, names given two ways, false people, reported speech.

Invented sentences in the shapes seen on those pages, not their own text.
"""

from articles.quotes import extract_quotes
from tests.helpers import speakers

# --------------------------------------------------------------------------- names and titles


def test_an_abbreviated_honorific_before_a_name_shows_the_full_name():
    # "the Hon." before a name is a title, as "Mr." is: the full name is the speaker's
    paragraphs = [
        "Finance Minister the Hon. Carla Mendes has indicated that the budget will pass.",
        "“We will not raise taxes this year,” Ms. Mendes said.",
    ]
    assert speakers(*paragraphs) == ["Carla Mendes"]


def test_an_abbreviated_rank_is_no_part_of_the_name():
    # "Spc." (specialist) is a rank like "Sgt.": not a person called "Spc"
    paragraphs = [
        "“We trained for this all week,” said Spc. Jonas Reyes, a medic with the 12th Brigade.",
        "“The lanes were hard,” said Reyes.",
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == ["Jonas Reyes", "Jonas Reyes"]
    assert [p.name for p in result.people] == ["Jonas Reyes"]


def test_an_appositive_that_lost_its_comma_ends_the_name():
    # "said X an Army musician": the indefinite article opens the description, the name is X
    paragraphs = [
        "“We trained for this all week,” said Sgt. Jonas Reyes a medic with the 12th Brigade.",
    ]
    assert speakers(*paragraphs) == ["Jonas Reyes"]
    # and so does a participle: "said community leader X talking about ..."
    paragraphs = [
        "“Our children are raised in shacks,” said community leader Themba Ndlovu talking about"
        " the need for housing.",
    ]
    assert speakers(*paragraphs) == ["Themba Ndlovu"]


def test_the_pm_is_the_prime_minister_not_an_organisation():
    paragraphs = [
        "David Moreau has resigned as Prime Minister after the vote.",
        "Speaking outside his office, the PM said: “I love this country.”",
    ]
    assert speakers(*paragraphs) == ["David Moreau"]


def test_a_possessive_description_is_no_public_alias():
    # "The PM's spokesman said": "The PM's" is the start of a phrase about someone else
    from articles.quotes import is_public_alias

    assert not is_public_alias("The PM’s")
    assert not is_public_alias("UK's")
    assert is_public_alias("the British prime minister")
    paragraphs = [
        "Prime Minister Ana Reyes wrote to the council on Monday.",
        "The PM’s letter was short. “There is no turning back,” the PM said.",
    ]
    [reyes] = extract_quotes(paragraphs).people
    assert "The PM’s" not in reyes.aliases


# --------------------------------------------------------------------------- false people


def test_a_word_only_ever_opening_its_sentence_is_a_weak_candidate_for_he():
    # a promo line ("Find out ...") leaves a capitalised first word where a subject stands;
    # nothing else shows it to be a name, so "he" is the president named before it
    paragraphs = [
        '"We are keeping our promise," President Tomas Brand said. "The deal is unfair."',
        "The treaty was signed by nearly 200 countries. It took effect in 2016.",
        "A joint statement on the treaty was issued on Friday.",
        "Find out what is happening in the capital with the latest updates.",
        'He called the agreement both "non-binding" and "draconian."',
    ]
    assert speakers(*paragraphs)[-2:] == ["Tomas Brand", "Tomas Brand"]


def test_a_participle_opening_a_sentence_is_no_person():
    # "Appearing close to tears, he ...": a word capitalised only where it opens a sentence
    # is no name for "he" to stand for; the pronoun is the prime minister
    paragraphs = [
        "Prime Minister Daniel Ortmann announced his resignation this morning.",
        '"The voters have spoken," said Mr Ortmann.',
        'Appearing close to tears, he finished by saying: "I love this country."',
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == ["Daniel Ortmann", "Daniel Ortmann"]
    assert [p.name for p in result.people] == ["Daniel Ortmann"]


def test_one_name_used_before_the_full_name_is_the_same_person():
    # a lead line names him by one name ("..., says Ardi"), the body by his full name
    paragraphs = [
        "Not our intention to quarrel with our neighbours, says Ardi",
        "Prime Minister Datuk Ardi Wibowo yesterday reiterated that safety came first.",
        'Ardi, who chaired the meeting, said the country had its "own ways" to help.',
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == ["Ardi Wibowo"]
    assert [p.name for p in result.people] == ["Ardi Wibowo"]


def test_a_word_only_opening_its_sentence_is_no_speaker_of_a_phrase_in_marks():
    # "Advisory services bank X calls this "..."": no verb of saying gives it to a person, and
    # the capitalised first word is no name
    paragraphs = [
        'Advisory services bank Northfield Capital calls this "the most costly apology of all'
        ' time."'
    ]
    result = extract_quotes(paragraphs)
    assert [q.speaker for q in result.quotes] == [None]
    assert result.people == []


def test_words_run_together_by_a_glued_caption_are_no_name():
    # "... with PM NetanyahuJewish Home leader ...": a caption glued to the text, no person
    paragraphs = [
        "Home leader Bennett shaking hands with PM KarmiNearly two months after the vote,"
        " Karmi said: “We have a government.”",
        "“We start tomorrow,” said Prime Minister Avi Karmi. “And DeSantis agrees.”",
    ]
    result = extract_quotes(paragraphs)
    assert [p.name for p in result.people] == ["Bennett", "Avi Karmi"]
    # a capital inside a real name stays part of it
    assert [q.speaker for q in extract_quotes(['"No," said Senator Ron DeSantis.']).quotes] == [
        "Ron DeSantis"
    ]


# --------------------------------------------------------------------------- reported speech


def test_a_promise_reported_by_someone_else_is_the_reporters_words():
    # "X said Y promised him that "..."": the words are X's report (bench/realnews/QUOTES.md)
    paragraphs = [
        "President Dana Holt met General Secretary Ri Song-chol in Hanoi.",
        'Holt said Ri promised him last night that "there would be no more testing of rockets."',
    ]
    assert speakers(*paragraphs) == ["Dana Holt"]


def test_a_clause_after_said_that_is_no_inverted_speaker():
    # "X said that although ..., "..."": the clause opens after "that", X is the speaker
    paragraphs = [
        "Tourism Minister Ines Laval said that although the two countries are close partners,"
        ' "from there to going that far, I don\'t think anyone takes it seriously."'
    ]
    assert speakers(*paragraphs) == ["Ines Laval"]


def test_a_passive_verb_of_saying_gives_the_words_to_its_agent():
    # 'described as "..." by X' and 'described by X as "..."': the agent said it
    paragraphs = [
        'The town\'s festival has been described as a "really big success" by festival'
        " director Rosa Vidal.",
    ]
    assert speakers(*paragraphs) == ["Rosa Vidal"]
    paragraphs = [
        'Tom Hale held a placard which was described by the authorities as a "malicious item."'
    ]
    [quote] = extract_quotes(paragraphs).quotes
    assert (quote.speaker, quote.speaker_kind) == (None, "unnamed")


# --------------------------------------------------------------------------- recall


def test_a_word_in_single_marks_a_verb_of_saying_gives_is_a_quote_among_double_marks():
    # an article quoting with double marks may still give a word or two in single ones
    paragraphs = [
        '"We will not talk again," spokesman Omid Karimi said on Monday.',
        "Karimi said that it is 'ridiculous' that the deal was left and now renegotiated.",
        "The council has blamed the protest by the traders on 'political opportunists.'",
    ]
    texts = [q.text for q in extract_quotes(paragraphs).quotes]
    assert texts == ["We will not talk again,", "ridiculous", "political opportunists."]
    # a term after an article stays a term: "the 'informal dinner'"
    paragraphs = [
        '"We will not talk again," spokesman Omid Karimi said on Monday.',
        "Senators say there is nothing unusual with the 'informal dinner' he held.",
    ]
    assert [q.text for q in extract_quotes(paragraphs).quotes] == ["We will not talk again,"]


# --------------------------------------------------------------------------- the benchmark


def test_the_scorer_places_a_gold_quote_whose_line_break_the_body_joined():
    # a hard line break of the stored page inside a sentence (gold "...areas\nof higher ...")
    # that the body joined into one paragraph is the same quote, not a miss and a false alarm
    from bench.quote_quality import _golds_in_body

    paragraphs = ['"Rain will flood low areas of the coast," the centre said.']
    item = {"text": "Rain will flood low areas\nof the coast,", "speaker": None, "kind": "full"}
    [gold] = _golds_in_body(paragraphs, [item])
    assert (gold.start_paragraph, gold.end_paragraph) == (0, 0)
    assert paragraphs[0][gold.start : gold.end] == "Rain will flood low areas of the coast,"


def test_a_participle_reporting_a_that_clause_keeps_its_clauses_subject():
    # "He began by saying that X ... and that "..."" is his; so is ", instead saying that Y
    # "..."" after another person's quote in the same sentence
    paragraphs = [
        "President Ivan Sokol and Chancellor Mara Lind met on Monday. Mr. Sokol spoke first.",
        'He began by saying that the Cold War is in the past and that "both our countries face'
        ' new challenges."',
    ]
    assert speakers(*paragraphs) == ["Ivan Sokol"]
    paragraphs = [
        "President Ivan Sokol and Chancellor Mara Lind met on Monday.",
        'Lind insisted "we never interfered," and Sokol declined to dispute her, instead'
        ' saying that Lind "has an interesting idea" about it.',
    ]
    assert speakers(*paragraphs) == ["Mara Lind", "Ivan Sokol"]
    # "by saying" needs no "that": a word it quotes is his too
    paragraphs = [
        "Chief executive Ivan Sokol spoke to investors on Monday.",
        'On Friday, Sokol seemed less careful by saying the company was working "intensely" to'
        " fix it.",
    ]
    assert speakers(*paragraphs) == ["Ivan Sokol"]
    # nor after another preposition: "came under fire for calling a diver a "...""
    paragraphs = [
        "Chief executive Ivan Sokol spoke to investors on Monday.",
        'Sokol came under scrutiny for calling a diver who helped the rescue a "fraud."',
    ]
    assert speakers(*paragraphs) == ["Ivan Sokol"]
