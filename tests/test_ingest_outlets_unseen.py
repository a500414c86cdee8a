"""articles.ingest: where a page from a site never seen names its outlet, each shape as a short
synthetic page (the shapes are those of many real pages in bench/realnews/). Pure parsing, no
database."""

from tests.synthetic_page import HEADLINE, LEDE, SECOND, body, read

# --- A credit in brackets with its dash or colon


def test_a_bracketed_credit_and_a_dash_opening_the_lede_names_the_site():
    signed = read(HEADLINE, f"(Steppe News) — {LEDE}", SECOND)
    assert signed.outlet.name == "Steppe News"
    assert body(signed).startswith("The parliament voted")
    acronym = read(HEADLINE, f"(SKC): {LEDE}", SECOND)
    assert acronym.outlet.name == "SKC"
    assert body(acronym).startswith("The parliament voted")


def test_a_bracketed_place_and_a_dash_names_no_outlet():
    # A long word in capitals, or a place the gazetteer knows, is where the story was filed.
    assert read(HEADLINE, f"(CHARLEVOIX) – {LEDE}", SECOND).outlet is None
    assert read(HEADLINE, f"(Ottawa) – {LEDE}", SECOND).outlet is None
    assert read(HEADLINE, f"(LEAD) – {LEDE}", SECOND).outlet is None
    # A name in neither shape is not taken for a site's.
    assert read(HEADLINE, f"(Grain corridor talks) – {LEDE}", SECOND).outlet is None


def test_a_known_agencys_bracket_after_a_dateline_no_rule_reads_names_it():
    ordinal = read(HEADLINE, f"Astana, 29th November, 2015 (Kazinform) - {LEDE}", SECOND)
    assert ordinal.outlet.name == "Kazinform"
    region = read(HEADLINE, f"Margao (Goa) [India], February 8 (Kazinform): {LEDE}", SECOND)
    assert region.outlet.name == "Kazinform"
    # Inside a sentence a bracket is anything.
    sentence = read(HEADLINE, f'He said: "It is done." The report (Kazinform) - {LEDE}', SECOND)
    assert sentence.outlet is None


# --- A label and an address: the site the text came from


def test_a_label_and_an_address_at_the_foot_name_the_site_at_that_address():
    linked = read(HEADLINE, LEDE, SECOND, "Source: https://www.steppecourier.kz/grain-corridor")
    assert linked.outlet.name == "steppecourier.kz"
    misspelt = read(HEADLINE, LEDE, SECOND, "Sourse: steppecourier.kz")
    assert misspelt.outlet.name == "steppecourier.kz"
    # A known outlet's address names that outlet.
    assert read(HEADLINE, LEDE, SECOND, "Via: www.reuters.com").outlet.name == "Reuters"


def test_a_pictures_or_a_sharing_address_names_no_site():
    assert read(HEADLINE, LEDE, SECOND, "Photo: shutterstock.com").outlet is None
    assert read(HEADLINE, LEDE, SECOND, "Follow us: twitter.com/steppecourier").outlet is None
    assert read(HEADLINE, LEDE, SECOND, "Tags: Mr.Smith").outlet is None


# --- The outlet's name where the dateline's place would be


def test_a_masthead_name_in_the_datelines_slot_names_the_site_not_the_place():
    article = read(HEADLINE, f"STEPPE WIRE — {LEDE}", SECOND)
    assert article.outlet.name == "STEPPE WIRE"
    assert article.dateline == ""
    assert body(article).startswith("The parliament voted")
    # A place, or a name in no masthead's shape, stays the dateline.
    assert read(HEADLINE, f"ASTANA — {LEDE}", SECOND).outlet is None


def test_a_site_address_after_the_datelines_place_names_the_site():
    article = read(HEADLINE, f"ASTANA, STEPPENEWS.KZ - {LEDE}", SECOND)
    assert article.outlet.name == "STEPPENEWS.KZ"
    assert article.dateline == "ASTANA"
    assert body(article).startswith("The parliament voted")


def test_a_known_outlet_with_a_colon_and_a_dash_opens_the_lede():
    article = read(HEADLINE, f"SKY NEWS:- {LEDE}", SECOND)
    assert article.outlet.name == "Sky News"
    assert body(article).startswith("The parliament voted")
    # A colon alone may be a speaker's label in an interview.
    assert read(HEADLINE, f"Sky News: {LEDE}", SECOND).outlet is None


# --- A masthead-shaped name alone on a line, anywhere on the page


def test_a_masthead_line_at_the_foot_or_in_the_authors_place_names_the_site():
    signed_off = read(HEADLINE, LEDE, SECOND, "The Steppe DAILY POST")
    assert signed_off.outlet.name == "The Steppe DAILY POST"
    author = read(HEADLINE, LEDE, "author-image", "Steppe Newsroom", "New Update", SECOND)
    assert author.outlet.name == "Steppe Newsroom"


def test_a_section_or_an_interface_label_in_a_mastheads_shape_names_no_site():
    assert read("General News", HEADLINE, LEDE, SECOND).outlet is None
    assert read(HEADLINE, LEDE, SECOND, "Reader's Service").outlet is None
    # A promo list under the article is not the page's masthead.
    related = read(HEADLINE, LEDE, SECOND, "Related Articles", "Steppe Times", "Astana Post")
    assert related.outlet is None


# --- The story naming its own outlet as the one it reports for


def test_a_news_name_the_story_spoke_for_names_the_site_when_nothing_else_does():
    told = read(
        HEADLINE, LEDE, "The minister told Steppe News 24 that the corridor would stay open."
    )
    assert told.outlet.name == "Steppe News 24"
    asked = read(HEADLINE, LEDE, "He was answering a question asked by Steppe Newsday on Monday.")
    assert asked.outlet.name == "Steppe Newsday"
    earlier = read(HEADLINE, LEDE, "As Steppe News Agency earlier reported, the talks ran late.")
    assert earlier.outlet.name == "Steppe News Agency"


def test_a_known_outlet_a_person_or_a_parliament_told_is_no_clue():
    # A known outlet there is as often one the story cites.
    assert read(HEADLINE, LEDE, "The minister told Reuters the corridor would stay.").outlet is None
    assert (
        read(HEADLINE, LEDE, "The minister told Parliament the corridor would stay.").outlet is None
    )
    assert read(HEADLINE, LEDE, "The minister told Nick the corridor would stay.").outlet is None
    cited = read(HEADLINE, LEDE, "In an interview with Steppe TV, the minister said it would stay.")
    assert cited.outlet is None
    # Any stronger clue wins.
    credited = read(HEADLINE, LEDE, "The minister told Steppe News that it would stay.", "(Xinhua)")
    assert credited.outlet.name == "Xinhua"


# --- A site's address among words of its interface


def test_a_sites_address_in_its_promo_heading_or_copyright_line_names_the_site():
    promo = read(HEADLINE, LEDE, SECOND, "SteppeNews.kz Top Stories", "Another story here")
    assert promo.outlet.name == "SteppeNews.kz"
    footer = read(HEADLINE, LEDE, SECOND, "@2024 – Steppecourier.com. All Rights Reserved.")
    assert footer.outlet.name == "Steppecourier.com"
    # An address among other words is no site's name.
    assert read(HEADLINE, LEDE, SECOND, "from shutterstock.com").outlet is None
    assert read(HEADLINE, LEDE, SECOND, "Watch on YouTube.com").outlet is None


def test_a_site_named_by_its_address_takes_the_name_the_page_spells_it_with():
    footer = read(
        HEADLINE,
        LEDE,
        SECOND,
        "Steppe Courier is an independent publication from Astana.",
        "@2024 – Steppecourier.com. All Rights Reserved.",
    )
    assert (footer.outlet.name, footer.outlet.short_name) == (
        "Steppe Courier",
        "Steppecourier.com",
    )


# --- A known agency signing off a paragraph


def test_a_known_agency_signing_off_the_story_names_it():
    bracketed = read(HEADLINE, LEDE, SECOND + " (Kazinform)")
    assert bracketed.outlet.name == "Kazinform"
    joined = read(HEADLINE, LEDE, SECOND + " Kazinform-steppecourier.kz")
    assert joined.outlet.name == "Kazinform"
    # A name not known there is as often a picture's credit.
    assert read(HEADLINE, LEDE, SECOND + " (Steppe media/Jane Doe)").outlet is None


# --- Dates: the dateline's own date over a date above the headline


def test_the_datelines_date_beats_a_blogs_date_above_the_headline():
    dated = read("Saturday, August 4, 2012", HEADLINE, f"ASTANA, Aug. 3, 2012 - {LEDE}", SECOND)
    assert dated.published.date().isoformat() == "2012-08-03"
    yearless = read("Thursday, April 30, 2009", HEADLINE, f"ASTANA, May 1 (Kazinform) - {LEDE}")
    assert yearless.published.date().isoformat() == "2009-05-01"
    assert yearless.published_inferred
    # A date under the headline is the article's own.
    below = read(HEADLINE, "Saturday, August 4, 2012", f"ASTANA, Aug. 3, 2012 - {LEDE}", SECOND)
    assert below.published.date().isoformat() == "2012-08-04"


# --- A masthead line with the page's section or the site's edition


def test_a_masthead_line_may_carry_the_section_or_the_edition():
    sectioned = read("Parliament | Steppe Daily News", HEADLINE, LEDE, SECOND)
    assert sectioned.outlet.name == "Steppe Daily News"
    assert sectioned.title == HEADLINE
    edition = read("STEPPE Online Media Lite Edition", HEADLINE, LEDE, SECOND)
    assert edition.outlet.name == "STEPPE Online Media"
    assert edition.title == HEADLINE


def test_a_known_outlet_asking_at_a_briefing_or_obtaining_a_document_is_the_pages_own():
    asked = read(HEADLINE, "12/7/2017", LEDE, "When asked by Kazinform, the minister said no.")
    assert asked.outlet.name == "Kazinform"
    # A supplier named in the story says nothing of how the site writes its dates.
    assert asked.published.date().isoformat() == "2017-12-07"
    obtained = read(HEADLINE, LEDE, "Kazinform obtained a draft of the document on Monday.")
    assert obtained.outlet.name == "Kazinform"
