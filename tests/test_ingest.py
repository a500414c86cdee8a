"""articles.ingest: the demo corpus, other outlets' layouts, HTML pages, encodings, bad input.

Pure parsing, no database. Sample inputs written for these tests live in tests/ingest_samples/.
"""

import datetime
import json
import random
import time
from pathlib import Path

import pytest

from articles.ingest import IngestError, Outlet, ParsedArticle, Stripped, parse_article

DEMO_DIR = Path(__file__).resolve().parents[1] / "articles" / "demo"
SAMPLES_DIR = Path(__file__).resolve().parent / "ingest_samples"

LEDE = (
    "NATO and Russia agreed on Wednesday to work more closely on Afghanistan, officials said "
    "after the talks in Moscow."
)
SECOND = (
    "The two sides will meet again in the new year to discuss the transit of supplies, the "
    "officials added."
)
THIRD = "Neither side gave details of the proposals, which diplomats said were still being drafted."
HEADLINE = "Alliance and Moscow agree to closer ties"


def parse_demo(number: int) -> ParsedArticle:
    path = next(DEMO_DIR.glob(f"{number:03d}_*.txt"))
    return parse_article(path.read_bytes(), filename=path.name)


def parse_sample(name: str, **options) -> ParsedArticle:
    path = SAMPLES_DIR / name
    return parse_article(path.read_bytes(), filename=path.name, **options)


def parse_text(text: str, **options) -> ParsedArticle:
    return parse_article(text.encode(), filename="upload.txt", **options)


def body(article: ParsedArticle) -> str:
    return "\n".join(paragraph.text for paragraph in article.paragraphs)


def texts(article: ParsedArticle) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "text"]


def subheadings(article: ParsedArticle) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "subheading"]


def reasons(article: ParsedArticle) -> list[str]:
    return [entry.reason for entry in article.stripped]


def everything_kept(article: ParsedArticle) -> str:
    return "\n".join([article.title, article.standfirst, body(article), *article.captions])


# --- The demo corpus ---------------------------------------------------------------------------


def test_xinhua_demo_reads_title_outlet_date_and_dateline():
    article = parse_demo(0)

    assert article.format == "text"
    assert article.title == "Russia, NATO eye cooperation in Afghanistan"
    assert article.outlet.name == "Xinhua"
    assert article.outlet.country == "China"
    assert article.outlet_evidence == "(Xinhua)"
    assert article.published == datetime.datetime(2009, 12, 17, 22, 44)
    assert article.published_precision == "minute"
    assert article.dateline == "MOSCOW"


def test_xinhua_demo_body_starts_with_the_lede_without_its_dateline():
    article = parse_demo(0)

    assert texts(article)[0].startswith(
        "NATO Secretary-general Anders Fogh Rasmussen on Wednesday asked for greater Russian"
    )
    assert 18 <= len(texts(article)) <= 22
    assert texts(article)[-1].startswith("However, he acknowledged that NATO is interested")
    assert subheadings(article) == []


def test_xinhua_demo_strips_section_label_font_widget_and_related_readings():
    article = parse_demo(0)

    assert Stripped("section label", "Global General") in article.stripped
    assert Stripped("font-size widget", "Large Medium Small") in article.stripped
    related = next(entry for entry in article.stripped if entry.reason == "link list")
    assert related.text.startswith("Related readings:")
    assert "NATO expects at least 5,000 troops for Afghanistan" in related.text
    for chrome in ("Related readings", "Large Medium Small", "Global General", "(Xinhua)"):
        assert chrome not in body(article)
    assert "NATO chief hopes for hand from Russia" not in body(article)


def test_xinhua_demo_records_removals_in_document_order():
    assert reasons(parse_demo(0)) == [
        "section label",
        "source line",
        "date line",
        "font-size widget",
        "link list",
    ]


def test_reuters_2009_demo_has_no_date_and_moves_the_photo_caption_out_of_the_body():
    article = parse_demo(1)

    assert article.title == "NATO chief asks for Russian help in Afghanistan"
    assert article.outlet.name == "Reuters"
    assert article.outlet_evidence == "(Reuters)"
    assert article.published is None
    assert article.published_precision == "unknown"
    assert article.dateline == "MOSCOW"
    assert texts(article)[0].startswith("NATO Secretary-General Anders Fogh Rasmussen asked Russia")
    assert len(article.captions) == 1
    assert article.captions[0].startswith("U.S. military vehicles of NATO's International Security")
    assert article.captions[0].endswith("REUTERS/Morteza Nikoubazl")
    assert "Nikoubazl" not in body(article)
    assert article.credits == "Editing by Charles Dick"
    assert "Editing by" not in body(article)
    assert texts(article)[-1].startswith("Russia says NATO members such as the United States")


def test_rferl_demo_takes_the_outlet_from_the_reprint_notice():
    article = parse_demo(2)

    assert article.title == "NATO Chief Urges Russia To Do More In Afghanistan"
    assert article.outlet.name == "Radio Free Europe/Radio Liberty"
    assert article.outlet.short_name == "RFE/RL"
    assert article.outlet.country == "United States"
    assert article.outlet_evidence.startswith("Copyright (c) 2009. RFE/RL, Inc.")
    assert article.published == datetime.datetime(2009, 12, 16)
    assert article.published_precision == "day"
    assert article.dateline == ""
    assert texts(article)[0].startswith("NATO Secretary-General Anders Fogh Rasmussen has called")
    assert texts(article)[-1] == (
        "Rasmussen was scheduled to meet Russian Prime Minister Vladimir Putin later today."
    )


def test_rferl_demo_marks_subheadings_and_removes_newsletter_chrome():
    article = parse_demo(2)

    assert subheadings(article) == ["Russian Assistance", "Thaw In Relations"]
    kept = everything_kept(article)
    for chrome in ("Bookmark and Share", "Back to the Top", "Johnson's Russia List", "#24 - JRL"):
        assert chrome not in kept
    assert {"newsletter header", "copyright notice", "share line", "back to top"} <= set(
        reasons(article)
    )
    assert Stripped("social follow", "Follow Johnson's Russia List on Twitter") in article.stripped


def test_reuters_2010_demo_reads_date_with_time_and_ignores_years_ago():
    article = parse_demo(3)

    assert article.title == "NATO head urges new start with Russia"
    assert article.outlet.name == "Reuters"
    assert article.published == datetime.datetime(2010, 11, 3, 9, 26)
    assert article.published_precision == "minute"
    assert article.dateline == "MOSCOW"
    assert article.credits == "Writing by Thomas Grove, editing by Mark Trevelyan"
    assert len(article.captions) == 1
    assert article.captions[0].endswith("REUTERS/Alexander Natruskin")


def test_reuters_2010_demo_removes_share_counter_and_css_breakpoints():
    article = parse_demo(3)

    kept = everything_kept(article)
    for chrome in ("0 : 0", "narrow-browser-and-phone", "landscape-tablet", "•"):
        assert chrome not in kept
    assert Stripped("share counter", "0 : 0") in article.stripped
    breakpoints = [entry for entry in article.stripped if entry.reason == "css breakpoints"]
    assert len(breakpoints) == 1
    assert len(breakpoints[0].text.splitlines()) == 14
    assert texts(article)[-1].startswith("Rasmussen said he wanted to see further progress")


def test_aljazeera_demo_has_standfirst_caption_subheadings_and_no_outlet():
    article = parse_demo(4)

    assert article.title == "Nato seeks Afghan help from Russia"
    assert article.standfirst == (
        "Alliance chief says Moscow should contribute more to mission to counter 'terror' threat."
    )
    # The [AFP] photo credit says who took the picture, not who published the article.
    assert article.outlet is None
    assert article.outlet_evidence == ""
    assert article.published is None
    assert article.published_precision == "unknown"
    assert article.dateline == ""
    assert article.captions == [
        "Rasmussen, left, said it was in Russia's interests to contribute more actively in "
        "Afghanistan [AFP]"
    ]
    assert subheadings(article) == ["'Shared threats'", "Afghan supplies"]


def test_aljazeera_demo_body_ends_before_source_line_and_promos():
    article = parse_demo(4)

    assert texts(article)[-1].endswith("for an all-embracing Euro-Atlantic agreement.")
    kept = everything_kept(article)
    for chrome in ("SOURCE", "Agencies", "YOU MIGHT ALSO LIKE", "burger", "Nogales", "lynch"):
        assert chrome not in kept
    assert Stripped("source line", "SOURCE: Agencies") in article.stripped
    promo = next(entry for entry in article.stripped if entry.reason == "promo block")
    assert promo.text.startswith("YOU MIGHT ALSO LIKE")
    assert promo.text.endswith("carried out so few arrests.")


def test_aljazeera_demo_loses_indentation_and_no_break_spaces():
    article = parse_demo(4)

    assert all(not p.text.startswith(" ") for p in article.paragraphs)
    assert "\u00a0" not in everything_kept(article)
    assert "Referring to his talks with Medvedev, he said:" in body(article)


def test_demo_quotes_survive_intact_including_a_quote_over_two_paragraphs():
    aljazeera = texts(parse_demo(4))
    medvedev = aljazeera.index(
        'Medvedev said: "We have many reasons for interaction, many subjects for discussion.'
    )
    assert aljazeera[medvedev + 1] == (
        '"These are the challenges that exist in the world: terrorism, crime, the need to '
        'counter shared threats, regional challenges."'
    )
    assert (
        '"I have invited Russia to step up its terms of cooperation in Afghanistan," the Danish '
        "NATO chief said"
    ) in body(parse_demo(0))
    assert (
        "“I have invited Russia to strengthen Russia’s terms of cooperation in Afghanistan,” "
        "the former Danish prime minister said"
    ) in body(parse_demo(1))
    assert 'It is therefore "essential for Russia that we succeed in Afghanistan," he said.' in (
        texts(parse_demo(2))
    )
    assert "Obama’s plans to ‘reset’ relations with Moscow" in body(parse_demo(3))


def test_demo_titles_are_not_repeated_in_the_body():
    for number in range(5):
        article = parse_demo(number)
        assert article.title not in texts(article)


def test_to_dict_is_json_ready_with_iso_dates():
    data = parse_demo(0).to_dict()

    assert json.loads(json.dumps(data)) == data
    assert data["published"] == "2009-12-17T22:44:00"
    assert data["outlet"]["short_name"] == "Xinhua"
    assert data["paragraphs"][0]["kind"] == "text"
    assert data["stripped"][0] == {"reason": "section label", "text": "Global General"}
    assert parse_demo(4).to_dict()["outlet"] is None


def test_parsing_a_text_article_takes_milliseconds():
    files = [path.read_bytes() for path in sorted(DEMO_DIR.glob("*.txt"))]
    started = time.process_time()
    for _ in range(10):
        for data in files:
            parse_article(data)
    per_article = (time.process_time() - started) / (10 * len(files))
    assert per_article < 0.05


# --- The uploader's word on the outlet -------------------------------------------------------


def test_uploader_outlet_overrides_what_the_text_says():
    article = parse_article(
        (DEMO_DIR / "004_264530aaef6d131f.txt").read_bytes(), outlet="al jazeera"
    )

    assert article.outlet == Outlet(
        "Al Jazeera", "Al Jazeera", "https://www.aljazeera.com", "Qatar", "broadcaster"
    )
    reuters_text = (DEMO_DIR / "001_1a7374eea1c75804.txt").read_bytes()
    assert parse_article(reuters_text, outlet="rfe/rl").outlet.short_name == "RFE/RL"


def test_uploader_outlet_is_found_by_domain_or_created_when_unknown():
    data = (DEMO_DIR / "004_264530aaef6d131f.txt").read_bytes()

    assert parse_article(data, outlet="https://www.reuters.com/").outlet.name == "Reuters"
    assert parse_article(data, outlet="Johnson's Russia List").outlet == Outlet(
        name="Johnson's Russia List",
        short_name="Johnson's Russia List",
        homepage="",
        country="",
        kind="other",
    )
    assert parse_article(data, outlet="  ").outlet is None


# --- Other outlets' layouts (tests/ingest_samples) ---------------------------------------------


def test_ap_article_reads_dateline_byline_and_contributor_credit():
    article = parse_sample("ap_washington.txt")

    assert article.title == "US and Russia agree to resume arms talks in Geneva"
    assert article.outlet.short_name == "AP"
    assert article.outlet_evidence == "(AP)"
    assert article.dateline == "WASHINGTON"
    assert article.byline == "Matthew Keller and Laura B. Stone"
    assert article.published == datetime.datetime(2009, 12, 16)
    assert article.published_precision == "day"
    assert texts(article)[0].startswith("The United States and Russia will resume talks")
    assert subheadings(article) == ["Verification gap"]
    assert article.credits == (
        "Associated Press writer Vladimir Isachenkov in Moscow contributed to this report."
    )


def test_ap_article_drops_ads_share_buttons_comment_counter_and_most_read():
    article = parse_sample("ap_washington.txt")

    kept = everything_kept(article)
    for chrome in ("Advertisement", "Share this article", "Tweet", "Comments", "Most Read"):
        assert chrome not in kept
    assert "Storm closes schools" not in kept
    assert reasons(article) == [
        "advertisement",
        "byline",
        "date line",
        "share line",
        "advertisement",
        "credits",
        "share counter",
        "promo block",
    ]
    assert texts(article)[-1].endswith("a threat to its own deterrent.")


def test_bbc_article_reads_byline_caption_and_outlet_from_copyright():
    article = parse_sample("bbc_moscow.txt")

    assert article.title == "Nato chief seeks Russian help on Afghanistan"
    assert article.outlet.name == "BBC"
    assert article.outlet.kind == "public"
    assert "BBC" in article.outlet_evidence
    assert article.byline == "Steve Rosenberg"
    assert article.published == datetime.datetime(2009, 12, 16)
    assert article.captions == ["Mr Rasmussen met President Medvedev at the Kremlin on Wednesday"]
    assert subheadings(article) == ["Helicopters and fuel"]
    kept = everything_kept(article)
    for chrome in ("Skip to content", "Home >", "Image source", "More on this story", "Profile:"):
        assert chrome not in kept
    assert {"navigation", "breadcrumb", "image credit", "link list", "share line"} <= set(
        reasons(article)
    )


def test_guardian_article_reads_kicker_standfirst_correspondent_byline_and_dotted_time():
    article = parse_sample("guardian_kyiv.txt")

    assert Stripped("section label", "Ukraine") in article.stripped
    assert article.title == "Kyiv and Warsaw sign deal on gas pipeline link"
    assert article.standfirst == (
        "New interconnector will let Ukraine import gas from the west for the first time"
    )
    assert article.byline == "Luke Harding"
    assert article.published == datetime.datetime(2009, 12, 16, 14, 5)
    assert article.published_precision == "minute"
    assert article.captions == [
        "Workers at a gas compressor station near the Polish border. "
        "Photograph: Sergei Supinsky/AFP/Getty Images"
    ]
    assert len(texts(article)) == 4


def test_guardian_article_takes_outlet_from_footer_copyright_after_promos():
    article = parse_sample("guardian_kyiv.txt")

    assert article.outlet.name == "The Guardian"
    assert article.outlet_evidence.startswith("© 2009 Guardian News and Media Limited")
    kept = everything_kept(article)
    for chrome in ("Sign up", "newsletter", "Topics:", "Share on", "Most popular", "©"):
        assert chrome not in kept


def test_tass_article_reads_slashed_agency_dateline():
    article = parse_sample("tass_moscow.txt")

    assert article.title == "Russia ready to expand Afghan transit for NATO — Lavrov"
    assert article.outlet.name == "TASS"
    assert article.outlet_evidence == "/TASS/"
    assert article.dateline == "MOSCOW"
    assert texts(article)[0].startswith("Russia is ready to consider widening the transit")
    assert article.published == datetime.datetime(2009, 12, 16, 18, 40)
    assert Stripped("section label", "Politics") in article.stripped
    assert Stripped("font-size widget", "Text size\nA A A") in article.stripped
    assert "Read also" not in everything_kept(article)


def test_newspaper_article_drops_print_edition_notes_and_reads_outlet_from_copyright():
    article = parse_sample("nyt_style.txt")

    assert article.title == "NATO Chief Presses Russia on Afghan Aid"
    assert article.byline == "Ellen Barry"
    assert article.dateline == "MOSCOW"
    assert article.published == datetime.datetime(2009, 12, 16)
    assert article.outlet.name == "The New York Times"
    assert len(texts(article)) == 3
    kept = everything_kept(article)
    for chrome in ("original context", "appears in print", "Continue reading", "Advertisement"):
        assert chrome not in kept


def test_afp_article_saved_as_windows_1252_with_crlf_line_endings():
    article = parse_sample("afp_paris_cp1252.txt")

    assert article.title == "Paris urges Moscow to back sanctions on Iran"
    assert article.outlet.short_name == "AFP"
    assert article.dateline == "PARIS"
    # Day first: 16 cannot be a month.
    assert article.published == datetime.datetime(2009, 12, 16, 14, 5)
    assert texts(article)[1].startswith("“Our patience has limits,” ministry spokesman")
    assert "\r" not in everything_kept(article)
    assert "Sarkozy" not in everything_kept(article)


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    article = parse_sample("wrapped_newsletter.txt")

    assert texts(article) == [
        "The Kremlin will study a request from NATO for Russian helicopters and pilot training "
        "for the Afghan army, a presidential aide said on Wednesday, adding that no decision "
        "would be taken before the new year.",
        "The aide said Russia had already supplied some equipment to Kabul on a commercial basis "
        "and was open to further deals, provided that the alliance paid for them.",
        "Military analysts in Moscow said the request showed how badly NATO needed new supply "
        "routes after attacks on convoys crossing Pakistan had increased sharply this autumn.",
    ]
    assert article.outlet.name == "Interfax"
    assert article.dateline == "MOSCOW"
    assert article.published == datetime.datetime(2009, 12, 16, 14, 5)


def test_latin1_file_with_source_url_gets_outlet_from_the_domain():
    article = parse_sample("spiegel_latin1.txt")

    assert "foreign minister in Düsseldorf" in body(article)
    assert article.outlet.name == "Der Spiegel"
    assert article.outlet_evidence.startswith("http://www.spiegel.de/")
    assert article.published == datetime.datetime(2009, 12, 16, 14, 5)
    assert article.title == "Germany backs NATO outreach to Moscow"
    assert Stripped("share counter", "12 shares") in article.stripped


# --- HTML pages -------------------------------------------------------------------------------


def test_html_page_reads_metadata_from_markup():
    article = parse_sample("reuters_page.html")

    assert article.format == "html"
    assert article.title == "Russia offers NATO more Afghan transit routes"
    assert article.outlet.name == "Reuters"
    assert article.outlet_evidence == 'og:site_name "Reuters"'
    assert article.published == datetime.datetime(2009, 12, 16, 14, 5)
    assert article.published_precision == "minute"
    assert article.dateline == "MOSCOW"
    assert article.byline == "Guy Faulconbridge"
    assert article.credits == "Reporting by Guy Faulconbridge; Editing by Charles Dick"
    assert subheadings(article) == ["Rail and air"]
    assert article.captions == [
        "NATO Secretary-General Anders Fogh Rasmussen arrives for talks at the Kremlin in Moscow, "
        "December 16, 2009. REUTERS/Sergei Karpukhin"
    ]
    assert texts(article)[0].startswith("Russia offered on Wednesday to let NATO move more")
    assert len(texts(article)) == 4


def test_html_page_never_lets_script_style_markup_or_page_furniture_into_the_article():
    article = parse_sample("reuters_page.html")

    kept = everything_kept(article)
    for leaked in (
        "trackPageView", "dataLayer", "INJECTED", "document.write", "font-size", "margin",
        "acceptCookies", "onclick", "onerror", "<", ">", "{", "}", "cookies", "Accept all",
        "World Business", "Most read", "Oil prices", "Privacy policy", "Share this article",
        "datePublished",
    ):  # fmt: skip
        assert leaked not in kept, leaked


def test_html_page_from_unknown_site_creates_the_outlet_from_og_site_name():
    article = parse_sample("unknown_site.html")

    assert article.outlet == Outlet(
        name="Kyiv Daily Courier",
        short_name="Kyiv Daily Courier",
        homepage="https://kyivcourier.example",
        country="",
        kind="other",
    )
    assert article.title == "Mayor opens new river bridge"
    assert article.standfirst == "The crossing ends twenty years of traffic jams on the left bank"
    assert article.byline == "Olena Petrenko"
    assert article.published == datetime.datetime(2021, 6, 3)
    assert article.published_precision == "day"
    assert subheadings(article) == ["Years of delays"]
    # Declared windows-1252 and really windows-1252: the curly quotes come through.
    assert "“Today we keep a promise that is older than some of our drivers,” the mayor" in (
        body(article)
    )
    assert "Home" not in body(article) and "Sign up" not in body(article)


def test_html_is_recognised_by_content_whatever_the_file_name():
    page = (
        "<!DOCTYPE html><html><head><title>Talks end</title></head><body><article>"
        f"<h1>{HEADLINE}</h1><p>{LEDE}</p><p>{SECOND}</p></article></body></html>"
    )
    article = parse_article(page.encode(), filename="saved.txt")

    assert article.format == "html"
    assert article.title == HEADLINE
    assert texts(article) == [LEDE, SECOND]


def test_html_page_without_site_name_gets_outlet_from_canonical_url():
    page = (
        '<html><head><link rel="canonical" href="https://www.aljazeera.com/news/2009/12/16/x">'
        f"</head><body><article><h1>{HEADLINE}</h1><p>{LEDE}</p><p>{SECOND}</p>"
        "</article></body></html>"
    )
    article = parse_article(page.encode())

    assert article.outlet.name == "Al Jazeera"
    assert article.outlet_evidence == "https://www.aljazeera.com/news/2009/12/16/x"


def test_html_title_tag_loses_the_site_name_when_the_page_has_no_headline_element():
    page = (
        "<html><head><title>Talks end without a deal - Kyiv Daily Courier</title>"
        '<meta property="og:site_name" content="Kyiv Daily Courier"></head>'
        f"<body><div><p>{LEDE}</p><p>{SECOND}</p></div></body></html>"
    )
    article = parse_article(page.encode())

    assert article.title == "Talks end without a deal"
    assert article.outlet.name == "Kyiv Daily Courier"


def test_html_page_with_text_only_in_a_table_cell_is_still_read():
    page = f"<html><body><table><tr><td>{LEDE}</td></tr></table></body></html>"

    assert texts(parse_article(page.encode())) == [LEDE]


def test_html_figcaption_becomes_a_caption_not_body_text():
    page = (
        f"<html><body><article><h1>{HEADLINE}</h1><p>{LEDE}</p>"
        "<figure><img src='x.jpg'><figcaption>Ministers meet in Moscow on Wednesday"
        "</figcaption></figure>"
        f"<p>{SECOND}</p></article></body></html>"
    )
    article = parse_article(page.encode(), filename="page.html")

    assert article.captions == ["Ministers meet in Moscow on Wednesday"]
    assert texts(article) == [LEDE, SECOND]


# --- Chrome rules (general, not per file) ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Large Medium Small", "font-size widget"),
        ("A A A", "font-size widget"),
        ("Text size: A- A A+", "font-size widget"),
        ("Bookmark and Share", "share line"),
        ("Share this article", "share line"),
        ("Tweet", "share line"),
        ("Email | Print | Facebook", "share line"),
        ("Back to top", "back to top"),
        ("- Back to the Top -", "back to top"),
        ("0 : 0", "share counter"),
        ("12 shares", "share counter"),
        ("Comments (3)", "share counter"),
        ("• narrow-browser-and-phone", "css breakpoints"),
        ("#24 - JRL 2009-229 - JRL Home", "newsletter header"),
        ("Issue 112 | Weekly Digest | Home", "newsletter header"),
        ("Follow Reuters on Twitter", "social follow"),
        ("Follow us on Facebook", "social follow"),
        ("© 2020 Reuters. All rights reserved", "copyright notice"),
        ("SOURCE: Agencies", "source line"),
        ("Source: AFP", "source line"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        (
            "We use cookies to improve your experience. By continuing to browse this site you "
            "agree to our use of cookies.",
            "cookie banner",
        ),
        ("Accept all cookies", "cookie banner"),
        ("Sign up for our newsletter", "newsletter signup"),
        ("Tags: Russia, NATO, Afghanistan", "tag list"),
        ("3 min read", "reading time"),
        ("Home > World > Europe", "breadcrumb"),
        ("https://www.example.com/news/2009/12/16/talks", "url line"),
        ("Updated: 2009-12-17 22:44", "date line"),
        ("2 hours ago", "date line"),
        ("Reporting by Jane Doe; Editing by John Roe", "credits"),
        ("Read more: NATO chief hopes for Russian help", "link list"),
        ("Photo: Reuters", "image credit"),
        (
            "A version of this article appears in print on Dec. 17, 2009, Section A, Page 6.",
            "print edition note",
        ),
        ("Our Standards: The Thomson Reuters Trust Principles.", "standards notice"),
        ('<div class="ad-slot" data-id="7"></div>', "script or style"),
        ("var slot = googletag.defineSlot('/1234/news', [300, 250]);", "script or style"),
    ],
)
def test_chrome_line_between_paragraphs_is_removed_and_recorded(line, reason):
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{line}\n\n{THIRD}\n")

    assert article.title == HEADLINE
    assert texts(article) == [LEDE, SECOND, THIRD]
    assert Stripped(reason, line) in article.stripped


@pytest.mark.parametrize(
    "header",
    ["YOU MIGHT ALSO LIKE", "Recommended", "More from Reuters", "Most read", "Comments"],
)
def test_promo_or_comments_header_cuts_everything_after_it(header):
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{header}\n\nOther story about something else\n\n"
        "A long paragraph of promotional text that looks like prose, ending with a full stop.\n"
    )

    assert texts(article) == [LEDE, SECOND]
    assert article.stripped[-1].text.startswith(header)
    assert article.stripped[-1].text.endswith("ending with a full stop.")


@pytest.mark.parametrize(
    "header", ["Related articles", "Related readings:", "See also", "Read more"]
)
def test_related_header_removes_its_list_of_links_but_not_the_next_paragraph(header):
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\n{header}\n{HEADLINE}\u00a0NATO chief hopes for Russian help\n"
        f"{HEADLINE}\u00a0Taliban attacks rise in north\n\n{SECOND}\n"
    )

    assert texts(article) == [LEDE, SECOND]
    assert article.stripped == [
        Stripped(
            "link list",
            f"{header}\n{HEADLINE} NATO chief hopes for Russian help\n"
            f"{HEADLINE} Taliban attacks rise in north",
        )
    ]


def test_summary_line_followed_by_byline_is_the_standfirst():
    summary = "Moscow promises an answer on helicopters within weeks."
    article = parse_text(f"{HEADLINE}\n\n{summary}\n\nBy Jane Doe\n\n{LEDE}\n\n{SECOND}\n")

    assert article.standfirst == summary
    assert article.byline == "Jane Doe"
    assert texts(article) == [LEDE, SECOND]


def test_first_paragraph_followed_by_more_prose_is_not_a_standfirst():
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n")

    assert article.standfirst == ""
    assert texts(article) == [LEDE, SECOND]


def test_short_line_between_paragraphs_is_a_subheading_not_a_title_or_caption():
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\nTalks in Moscow\n\n{SECOND}\n")

    assert article.title == HEADLINE
    assert article.paragraphs[1].kind == "subheading"
    assert article.paragraphs[1].text == "Talks in Moscow"
    assert article.captions == []


def test_outlet_name_on_a_line_of_its_own_is_removed_and_names_the_outlet():
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nAl Jazeera\n")

    assert texts(article) == [LEDE, SECOND]
    assert article.outlet.name == "Al Jazeera"
    assert Stripped("source line", "Al Jazeera") in article.stripped


def test_comment_label_above_the_headline_does_not_cut_the_article():
    article = parse_text(f"Comment\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n")

    assert article.title == HEADLINE
    assert texts(article) == [LEDE, SECOND]
    assert [entry.text for entry in article.stripped] == ["Comment"]


def test_title_drops_the_site_name_suffix_and_names_the_outlet():
    article = parse_text(f"{HEADLINE} | Reuters\n\n{LEDE}\n\n{SECOND}\n")

    assert article.title == HEADLINE
    assert article.outlet.name == "Reuters"


# --- Captions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Rasmussen, left, met Lavrov in Moscow on Wednesday [AFP]",
        "Soldiers patrol a road near Kandahar. (AP Photo/Rahmat Gul)",
        "Lavrov speaks to reporters. Photo: Ivan Sekretarev/AP",
        "A convoy near Herat on December 14, 2009. REUTERS/Morteza Nikoubazl",
        "Putin at the Kremlin on Wednesday (Xinhua/Lu Jinbo)",
        "Medvedev at a news conference in Moscow. Getty Images",
        "Rasmussen in Brussels. AFP PHOTO/JOHN THYS",
    ],
)
def test_paragraph_ending_in_a_photo_credit_is_a_caption(caption):
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{caption}\n\n{SECOND}\n")

    assert article.captions == [caption]
    assert texts(article) == [LEDE, SECOND]


def test_bbc_style_image_caption_label_is_dropped_from_the_caption():
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\nImage caption, The talks lasted hours\n\n{SECOND}"
    )

    assert article.captions == ["The talks lasted hours"]


@pytest.mark.parametrize("credit", ["[AFP]", "REUTERS/Morteza Nikoubazl", "(AP Photo/Rahmat Gul)"])
def test_photo_credit_alone_does_not_name_the_outlet(credit):
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\nTroops on patrol near Herat {credit}\n\n{SECOND}"
    )

    assert len(article.captions) == 1
    assert article.outlet is None


# --- Datelines, bylines, credits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "dateline", "outlet"),
    [
        ("WASHINGTON (AP) — ", "WASHINGTON", "AP"),
        ("PARIS (AFP) - ", "PARIS", "AFP"),
        ("BEIJING, Dec. 16 (Xinhua) -- ", "BEIJING", "Xinhua"),
        ("WASHINGTON, Dec 16 (Reuters) - ", "WASHINGTON", "Reuters"),
        ("RIO DE JANEIRO, Brazil (AP) — ", "RIO DE JANEIRO", "AP"),
        ("MOSCOW, December 16. /TASS/. ", "MOSCOW", "TASS"),
        ("LONDON — ", "LONDON", None),
        ("NEW YORK: ", "NEW YORK", None),
        ("ST. PETERSBURG, Russia — ", "ST. PETERSBURG", None),
    ],
)
def test_dateline_is_cut_from_the_first_paragraph(prefix, dateline, outlet):
    article = parse_text(f"{HEADLINE}\n\n{prefix}{LEDE}\n\n{SECOND}\n")

    assert article.dateline == dateline
    assert texts(article)[0] == LEDE
    assert (article.outlet.short_name if article.outlet else None) == outlet


@pytest.mark.parametrize(
    "opening",
    [
        "Medvedev said: the talks went well and NATO would get an answer soon.",
        "NATO: the alliance said the talks went well and it would get an answer soon.",
        "U.S. officials said the talks went well and NATO would get an answer soon.",
    ],
)
def test_ordinary_sentence_is_not_taken_for_a_dateline(opening):
    article = parse_text(f"{HEADLINE}\n\n{opening}\n\n{SECOND}\n")

    assert article.dateline == ""
    assert texts(article)[0] == opening


@pytest.mark.parametrize(
    ("line", "byline", "outlet"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("BY JANE DOE", "Jane Doe", None),
        ("Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("By Jane Doe | BBC News", "Jane Doe", "BBC"),
    ],
)
def test_byline_near_the_top_is_read_and_removed(line, byline, outlet):
    article = parse_text(f"{HEADLINE}\n\n{line}\n\n{LEDE}\n\n{SECOND}\n")

    assert article.byline == byline
    assert (article.outlet.short_name if article.outlet else None) == outlet
    assert texts(article) == [LEDE, SECOND]


def test_sentence_starting_like_a_credit_line_stays_in_the_body():
    sentence = "Research by Harvard University shows the alliance spends too little on training."
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{sentence}\n\n{SECOND}\n")

    assert texts(article) == [LEDE, sentence, SECOND]
    assert article.credits == ""


def test_sentence_starting_with_by_is_not_a_byline():
    opening = "By the time the talks ended, NATO had no answer from the Kremlin on helicopters."
    article = parse_text(f"{HEADLINE}\n\n{opening}\n\n{SECOND}\n")

    assert article.byline == ""
    assert texts(article)[0] == opening


def test_reuters_credits_in_brackets_at_the_end_of_the_last_paragraph_are_split_off():
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND} (Reporting by Jane Doe; Editing by John Roe)\n"
    )

    assert texts(article) == [LEDE, SECOND]
    assert article.credits == "Reporting by Jane Doe; Editing by John Roe"


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date_line", "published", "precision"),
    [
        ("Updated: 2009-12-17 22:44", datetime.datetime(2009, 12, 17, 22, 44), "minute"),
        ("December 16, 2009", datetime.datetime(2009, 12, 16), "day"),
        (
            "November 3, 2010 / 9:26 AM / 9 years ago",
            datetime.datetime(2010, 11, 3, 9, 26),
            "minute",
        ),
        ("16 December 2009", datetime.datetime(2009, 12, 16), "day"),
        ("Dec. 16, 2009", datetime.datetime(2009, 12, 16), "day"),
        ("2009-12-16", datetime.datetime(2009, 12, 16), "day"),
        ("2009-12-16T14:05:00Z", datetime.datetime(2009, 12, 16, 14, 5), "minute"),
        ("16.12.2009", datetime.datetime(2009, 12, 16), "day"),
        ("Wed, 16 Dec 2009 14:05:00 GMT", datetime.datetime(2009, 12, 16, 14, 5), "minute"),
        (
            "Published: Wednesday 16 December 2009 14:05",
            datetime.datetime(2009, 12, 16, 14, 5),
            "minute",
        ),
        ("12/16/2009", datetime.datetime(2009, 12, 16), "day"),
        (
            "Updated 9:26 PM EST, Wed December 16, 2009",
            datetime.datetime(2009, 12, 16, 21, 26),
            "minute",
        ),
    ],
)
def test_date_line_in_the_header_sets_published(date_line, published, precision):
    article = parse_text(f"{HEADLINE}\n\n{date_line}\n\n{LEDE}\n\n{SECOND}\n")

    assert article.published == published
    assert article.published_precision == precision
    assert Stripped("date line", date_line) in article.stripped
    assert texts(article) == [LEDE, SECOND]


@pytest.mark.parametrize(
    "relative", ["9 years ago", "2 hours ago", "Yesterday", "Updated 5 minutes ago"]
)
def test_relative_date_is_removed_but_never_taken_as_the_date(relative):
    article = parse_text(f"{HEADLINE}\n\n{relative}\n\n{LEDE}\n\n{SECOND}\n")

    assert article.published is None
    assert article.published_precision == "unknown"
    assert Stripped("date line", relative) in article.stripped


def test_date_inside_a_body_sentence_is_not_the_publication_date():
    article = parse_text(
        f"{HEADLINE}\n\n{LEDE}\n\nTroops near Herat December 14, 2009, said all was calm.\n"
    )

    assert article.published is None
    assert article.published_precision == "unknown"


def test_unlabelled_date_line_below_the_body_is_not_taken_but_a_published_label_is():
    unlabelled = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n16 December 2009\n")
    labelled = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nPublished: 16 December 2009\n")

    assert unlabelled.published is None
    assert labelled.published == datetime.datetime(2009, 12, 16)


# --- Encodings and whitespace -----------------------------------------------------------------

ENCODED_TITLE = "Russia and NATO pledge a fresh start"
ENCODED_LEDE = (
    "“We will turn a new page,” the NATO chief said in Moscow on Wednesday, after talks with "
    "Lavrov — the first in a year."
)
ENCODED_SECOND = (
    "The minister’s reply was cautious: Russia wants “guarantees”, not promises, he told "
    "reporters in the café."
)
ENCODED_TEXT = f"{ENCODED_TITLE}\n\nMOSCOW (Reuters) - {ENCODED_LEDE}\n\n{ENCODED_SECOND}\n"


@pytest.mark.parametrize(
    "data",
    [
        ENCODED_TEXT.encode("utf-8"),
        ENCODED_TEXT.encode("utf-8-sig"),
        ENCODED_TEXT.encode("cp1252"),
        ENCODED_TEXT.replace("\n", "\r\n").encode("cp1252"),
        ENCODED_TEXT.replace("\n", "\r").encode("utf-8"),
        ENCODED_TEXT.replace("\n", "\r\n").encode("utf-16"),
    ],
    ids=["utf-8", "utf-8 with BOM", "cp1252", "cp1252 with CRLF", "CR only", "utf-16"],
)
def test_same_article_reads_the_same_in_any_common_encoding(data):
    article = parse_article(data)

    assert article.title == ENCODED_TITLE
    assert texts(article) == [ENCODED_LEDE, ENCODED_SECOND]
    assert article.outlet.name == "Reuters"


def test_latin1_text_is_decoded():
    text = f"{HEADLINE}\n\nThe señor from Düsseldorf ordered a crème brûlée, officials said.\n"
    article = parse_article(text.encode("latin-1"))

    assert texts(article) == ["The señor from Düsseldorf ordered a crème brûlée, officials said."]


def test_utf8_with_a_stray_windows_1252_quote_keeps_both():
    data = f"{HEADLINE}\n\n“{LEDE}”\n\n".encode() + b"It\x92s done, he said at the end of talks.\n"
    article = parse_article(data)

    assert texts(article) == [f"“{LEDE}”", "It’s done, he said at the end of talks."]


def test_indentation_no_break_spaces_and_runs_of_spaces_are_tidied():
    text = (
        f"    {HEADLINE}\n\n"
        "    NATO\u00a0and Russia   agreed\ton closer ties, officials said on Wednesday.\n"
    )
    article = parse_text(text)

    assert article.title == HEADLINE
    assert texts(article) == ["NATO and Russia agreed on closer ties, officials said on Wednesday."]


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n\t\r\n   \xc2\xa0\n", "only whitespace"),
        (b"Hello\x00world\x00binary\x00data", "NUL bytes"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"Some text \x01\x02\x03\x04\x05\x06\x07\x08 and more \x0e\x0f\x10", "control characters"),
        (b"\xef\xbb\xbfA headline\n\n\xff\xfe\xfd broken", "not valid UTF-8"),
        ((SAMPLES_DIR / "no_article.txt").read_bytes(), "No article text was found"),
        (b"Just a headline", "No article text was found"),
        (b"<html><head><script>var x = 1;</script></head><body></body></html>", "No article text"),
    ],
    ids=[
        "empty", "whitespace", "NUL bytes", "PDF", "ZIP", "PNG", "JPEG", "gzip", "ELF",
        "control characters", "bad UTF-8 after BOM", "only chrome", "only a headline",
        "empty page",
    ],
)  # fmt: skip
def test_bad_input_raises_a_clear_ingest_error(data, message):
    with pytest.raises(IngestError) as raised:
        parse_article(data, filename="upload.txt")

    text = str(raised.value)
    assert message in text
    assert "Traceback" not in text and "\n" not in text
    assert isinstance(raised.value, ValueError)


def test_ingest_error_is_the_only_exception_for_any_bytes():
    samples = [path.read_bytes() for path in sorted(DEMO_DIR.glob("*.txt"))]
    samples += [path.read_bytes() for path in sorted(SAMPLES_DIR.iterdir())]
    generator = random.Random(20091216)
    for round_number in range(150):
        if round_number % 3 == 0:
            data = generator.randbytes(generator.randrange(0, 300))
        elif round_number % 3 == 1:
            mutated = bytearray(generator.choice(samples))
            for _ in range(generator.randrange(1, 40)):
                mutated[generator.randrange(len(mutated))] = generator.randrange(256)
            data = bytes(mutated)
        else:
            source = generator.choice(samples)
            start = generator.randrange(len(source))
            data = source[start : start + generator.randrange(1, 1500)]
        try:
            result = parse_article(data, filename=generator.choice(["a.txt", "b.html", ""]))
        except IngestError as error:
            assert str(error)
        else:
            assert any(p.kind == "text" and p.text for p in result.paragraphs)


def test_a_stray_hard_wrap_inside_a_paragraph_is_joined():
    text = (
        "Austria backs common fund\n\n"
        "VIENNA (Reuters) - Austria will back a common European fund, officials said.\n\n"
        '"A common fund is the only way," said Lena Fischer, a former Austrian\n'
        "finance minister who now advises the government.\n"
    )
    parsed = parse_article(text.encode())
    assert [p.text for p in parsed.paragraphs][-1] == (
        '"A common fund is the only way," said Lena Fischer, a former Austrian finance '
        "minister who now advises the government."
    )


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("LYON (AFP) - ", datetime.datetime(2015, 2, 1, 14, 25)),  # France: day first
        ("BOSTON (AP) — ", datetime.datetime(2015, 1, 2, 14, 25)),  # United States: month first
    ],
)
def test_ambiguous_numeric_date_is_read_the_way_the_outlets_country_writes_it(credit, expected):
    text = (
        "Museum reopens after flood\n\nPublished: 01/02/2015 14:25\n\n"
        f"{credit}The city museum reopened on Sunday after repairs to flood damage, its "
        "director said.\n"
    )
    assert parse_article(text.encode()).published == expected


def test_unambiguous_numeric_date_is_never_swapped():
    text = (
        "Museum reopens after flood\n\nPublished: 16/02/2015\n\n"
        "LYON (AFP) - The city museum reopened on Sunday after repairs, its director said.\n"
    )
    assert parse_article(text.encode()).published == datetime.datetime(2015, 2, 16)


# --- Size: work bounded by what one article can be ----------------------------------------------


def test_a_page_with_a_line_repeated_fifty_thousand_times_is_refused_at_once():
    # Found by bench/fuzz_ingest.py: it took seconds to parse, most of them in trafilatura.
    repeated = "<p>Some line of text here.</p>\n" * 50_000
    page = f"<html><body><article><h1>{HEADLINE}</h1><p>{LEDE}</p>{repeated}</article></body>"
    started = time.process_time()
    with pytest.raises(IngestError, match=r"has 50,00\d lines of text; one article has at most"):
        parse_article(page.encode(), filename="page.html")
    assert time.process_time() - started < 5  # well under 1 s; 7 s before


def test_text_of_up_to_ten_thousand_lines_is_read_and_more_refused():
    lines = [f"Line {number} of a very long report, said the officials." for number in range(9_998)]
    at_most = "\n\n".join([HEADLINE, LEDE, *lines])
    assert len(parse_article(at_most.encode(), filename="long.txt").paragraphs) == 9_999
    with pytest.raises(IngestError, match="has 10,001 lines of text"):
        parse_article(f"{at_most}\n\nOne more line.".encode(), filename="long.txt")


def test_a_page_with_a_huge_menu_is_still_read_and_quickly():
    # 80,000 elements: too many for trafilatura in good time (7 s), so lxml reads the page.
    links = "".join(f'<li><a href="/topic/{n}">Topic {n}</a></li>' for n in range(40_000))
    page = (
        f"<html><head><title>{HEADLINE}</title></head><body><nav><ul>{links}</ul></nav>"
        f"<article><h1>{HEADLINE}</h1><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
        "</body></html>"
    )
    started = time.process_time()
    article = parse_article(page.encode(), filename="page.html")
    assert time.process_time() - started < 3  # about 0.25 s
    assert article.title == HEADLINE
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND, THIRD]


def test_a_body_printed_twice_keeps_each_paragraph_once():
    article = parse_text(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n")

    assert texts(article) == [LEDE, SECOND]
    repeated = [s.text for s in article.stripped if s.reason == "repeated paragraph"]
    assert repeated == [f"{LEDE}\n{SECOND}"]


def test_a_section_label_between_headline_and_dateline_is_dropped():
    article = parse_text(f"{HEADLINE}\n\nWorld Politics\n\nMOSCOW (Reuters) - {LEDE}\n\n{SECOND}\n")

    assert article.dateline == "MOSCOW"
    assert texts(article) == [LEDE, SECOND]
    assert article.outlet.short_name == "Reuters"


def test_an_outlet_name_opening_the_first_paragraph_names_the_outlet():
    article = parse_text(f"{HEADLINE}\n\nXinhua -- {LEDE}\n\n{SECOND}\n")

    assert texts(article) == [LEDE, SECOND]
    assert article.outlet.name == "Xinhua"
