"""Quotes in an article's own headline (articles/quotes/headline.py): found with place
"headline" and offsets into the headline, given to the speaker the headline names, or else to
the body's speaker of the same words; scare quotes and terms left out. Synthetic snippets in
the shapes real headlines take (bench/realnews/QUOTES.md, Headlines)."""

from articles.quotes import extract_quotes

BODY = [
    "Immigration Minister Sara Lind said on Monday that the plan would go ahead.",
    '"It is crazy to say they are not interested," Lind told reporters in Ottawa.',
    "Opposition critic Paul Ng, the party's immigration critic, said the figures were late.",
    '"We will not wait for another report," Ng said.',
]


def headline_quotes(headline, body=BODY):
    found = extract_quotes(body, headline=headline).quotes
    return [(q.text, q.speaker, q.speaker_kind, q.kind) for q in found if q.place == "headline"]


def test_a_verb_of_saying_after_the_quote_without_its_comma_names_the_speaker_by_role():
    headline = "Refugee claims 'crazy' says immigration minister"
    assert headline_quotes(headline) == [("crazy", "Sara Lind", "person", "partial")]
    quote = extract_quotes(BODY, headline=headline).quotes[0]
    assert (quote.start_paragraph, quote.end_paragraph) == (0, 0)
    assert headline[quote.start_offset : quote.end_offset] == "crazy"


def test_a_source_between_the_quote_and_its_verb_and_after_a_comma_and_a_verb():
    assert headline_quotes("'Not interested' is wrong, minister Lind says") == [
        ("Not interested", "Sara Lind", "person", "full")
    ]
    assert headline_quotes("Plan is 'late' and unfunded, says Paul Ng – live") == [
        ("late", "Paul Ng", "person", "partial")
    ]


def test_a_source_across_a_colon_before_or_after_the_quote():
    assert headline_quotes("Lind: refugee claims are ‘crazy’") == [
        ("crazy", "Sara Lind", "person", "partial")
    ]
    assert headline_quotes("‘We will not wait’: critic Ng on the refugee plan") == [
        ("We will not wait", "Paul Ng", "person", "full")
    ]
    assert headline_quotes("'Not interested' is wrong: minister") == [
        ("Not interested", "Sara Lind", "person", "full")
    ]


def test_of_two_people_holding_a_role_the_one_whose_description_shares_most_words():
    body = [
        "Prime Minister Ana Ruiz met Security Minister Tom Vale on Friday.",
        '"There is no rift with our neighbours," Ruiz said.',
        '"We are calm," Vale said.',
    ]
    assert headline_quotes("'No rift with neighbours' says TT Prime Minister", body) == [
        ("No rift with neighbours", "Ana Ruiz", "person", "full")
    ]


def test_an_organisation_with_a_verb_of_saying_keeps_no_speaker_whoever_repeats_it():
    body = ['"We will take back control of our borders," party leader Kim Ode said.']
    assert headline_quotes("Labour vows to ‘take back control of our borders’", body) == [
        ("take back control of our borders", None, "organisation", "partial")
    ]


def test_no_attribution_takes_the_speaker_of_the_body_quote_repeating_the_words():
    assert headline_quotes("‘We will not wait’ as refugee figures come in late") == [
        ("We will not wait", "Paul Ng", "person", "full")
    ]
    # title case: its quote is read all the same, the words matched in any case
    assert headline_quotes("Critic On Refugee Plan: 'We Will Not Wait For Another Report'") == [
        ("We Will Not Wait For Another Report", "Paul Ng", "person", "full")
    ]


def test_scare_quotes_terms_and_apostrophes_are_no_headline_quotes():
    assert headline_quotes("Minister resigns after ‘Brexit’ vote") == []
    assert headline_quotes("Lind's plan runs under 'Canada First' motto") == []
    assert headline_quotes("Lind's plan isn't Ng's") == []
    # a single word repeated in a long body quote is no evidence: 'interested' stays a term
    assert headline_quotes("Refugees 'interested' in Canada after all") == []
    # an unpaired mark takes nothing
    assert headline_quotes('Lind says "crazy to wait') == []


def test_a_headline_quote_leaves_the_body_quotes_as_they_were():
    with_quote = extract_quotes(BODY, headline="Refugee claims 'crazy' says immigration minister")
    without = extract_quotes(BODY, headline="Refugee claims rejected by immigration minister")
    body_of = [
        (q.text, q.speaker, q.start_paragraph, q.start_offset)
        for q in with_quote.quotes
        if q.place == "body"
    ]
    assert body_of == [
        (q.text, q.speaker, q.start_paragraph, q.start_offset) for q in without.quotes
    ]
    assert len(body_of) == 2
