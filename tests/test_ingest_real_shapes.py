"""articles.ingest: shapes seen on many real pages (bench/realnews/), each as a short synthetic
page: where a page names its outlet, how it writes its dateline, date and headline, and the
chrome around them. Pure parsing, no database."""

from tests.synthetic_page import HEADLINE, LEDE, SECOND, body, read

# --- Outlets named by a source credit or a feed's footer


def test_a_source_credit_names_the_outlet_a_repost_reproduces():
    article = read(HEADLINE, "Source: The Steppe Courier", LEDE, SECOND)
    assert article.outlet.name == "The Steppe Courier"
    assert "Source:" not in body(article)


def test_a_source_credit_among_labels_names_a_known_outlet_over_a_dateline_agency():
    article = read(
        HEADLINE, "Interview | Source: Reuters | Author: Jane Doe", f"ASTANA (AP) - {LEDE}", SECOND
    )
    assert article.outlet.name == "Reuters"


def test_a_generic_source_names_no_outlet():
    assert read(HEADLINE, "SOURCE: Agencies", LEDE, SECOND).outlet is None


def test_a_feed_footer_names_the_site_without_its_motto():
    article = read(
        HEADLINE,
        LEDE,
        SECOND,
        f"The post {HEADLINE} appeared first on Steppe News – Breaking news, world, business.",
    )
    assert article.outlet.name == "Steppe News"
    assert "appeared first" not in body(article)


# --- Datelines with the agency written close up, after a comma, or after the dash


def test_a_dateline_agency_may_touch_the_dash_or_follow_a_comma():
    closed_up = read(HEADLINE, f"Astana, May 19 (Jiji Press)--{LEDE}", SECOND)
    assert (closed_up.dateline, closed_up.outlet.name) == ("ASTANA", "Jiji Press")
    assert body(closed_up).startswith("The parliament")
    after_comma = read(HEADLINE, f"NAIROBI, 30 May 2018, (Xinhua)—{LEDE}", SECOND)
    assert (after_comma.dateline, after_comma.outlet.name) == ("NAIROBI", "Xinhua")


def test_a_slash_credit_may_carry_the_reporters_name():
    article = read(HEADLINE, f"Georgia, Tbilisi, Feb. 7 /Trend, N. Doe/ {LEDE}", SECOND)
    assert article.dateline == "GEORGIA"
    assert article.outlet.name == "Trend" and body(article).startswith("The parliament")


def test_a_dateline_line_with_the_agency_after_the_dash():
    article = read(HEADLINE, "KATHMANDU – Reuters", LEDE, SECOND)
    assert (article.dateline, article.outlet.name) == ("KATHMANDU", "Reuters")
    assert body(article).startswith("The parliament")


# --- An outlet where the byline names people


def test_an_outlet_in_the_bylines_place_names_the_outlet():
    known = read(HEADLINE, "By Reuters   April 14, 2016 | 10:36 pm PT", LEDE, SECOND)
    assert known.outlet.name == "Reuters"
    assert known.published.date().isoformat() == "2016-04-14"
    labelled = read(HEADLINE, "Posted By: The Steppe Channel on May 12, 2015 5:38 pm", LEDE, SECOND)
    assert labelled.outlet.name == "The Steppe Channel"
    assert labelled.title == HEADLINE


def test_a_person_or_a_role_in_the_bylines_place_is_no_outlet():
    for byline in ("Posted by: Jane Doe on May 12, 2015", "Posted by Staff Writer", "By Admin"):
        assert read(HEADLINE, byline, LEDE, SECOND).outlet is None, byline


# --- A site named by its address, or on the header's date line


def test_a_site_address_alone_on_a_line_names_the_site():
    article = read(HEADLINE, LEDE, SECOND, "Steppe.Kz")
    assert article.outlet.name == "Steppe.Kz"
    assert "Steppe.Kz" not in body(article)


def test_a_site_address_opening_the_story_names_the_site():
    article = read(HEADLINE, f"SteppeNEWS.Net - {LEDE}", SECOND)
    assert article.outlet.name == "SteppeNEWS.Net"
    assert body(article).startswith("The parliament")


def test_the_header_date_line_may_name_the_site():
    known = read(HEADLINE, "2011-01-14 21:24:51 (Beijing Time) China Daily", LEDE, SECOND)
    assert known.outlet.name == "China Daily"
    unknown = read(HEADLINE, "2017-10-29 08:30:33   STEPPENEWS.com   Web Editor: Jane Doe", LEDE)
    assert unknown.outlet.name == "STEPPENEWS.com"
    assert unknown.published.date().isoformat() == "2017-10-29"


def test_abbreviations_and_file_names_are_no_site_address():
    article = read(HEADLINE, "U.S. troops", LEDE, "index.html", SECOND, "e.g.")
    assert article.outlet is None


# --- Headlines: the shapes that were taken for something else, and chrome taken for them


def test_a_short_title_case_headline_with_label_words_is_no_persons_name():
    article = read("Friday, April 1, 2011", "Bye-Election Brief Update", LEDE, SECOND)
    assert article.title == "Bye-Election Brief Update"


def test_the_page_title_above_the_heading_names_the_site():
    article = read("Steppe Blog - Live Blogs - Al Jazeera English", "Steppe Blog", LEDE, SECOND)
    assert article.title.startswith("Steppe Blog") and "Jazeera" not in article.title
    assert article.outlet.name == "Al Jazeera"


def test_an_image_file_name_and_a_counter_are_neither_headline_nor_body():
    for chrome in ("File 20171214 27562 jt433n.jpg?ixlib=rb 1.1", "Okunma Sayısı : 594"):
        article = read(HEADLINE, chrome, "15.11.2017 03:54:28", LEDE, SECOND)
        assert article.title == HEADLINE, chrome
        assert chrome not in body(article)


def test_a_section_between_the_headline_and_the_sites_name_goes():
    article = read(f"{HEADLINE} | Environment | The Guardian", LEDE, SECOND)
    assert article.title == HEADLINE


def test_a_latest_news_label_over_a_headline_printed_twice_is_no_link_list():
    article = read("Latest News", HEADLINE, "Updated: 2013-03-17 08:02", HEADLINE, LEDE, SECOND)
    assert article.title == HEADLINE
    assert article.published.date().isoformat() == "2013-03-17"


def test_a_byline_naming_more_than_people_is_no_headline():
    article = read("By Steppe writers Jane Doe and Wu Qi", HEADLINE, LEDE, SECOND)
    assert article.title == HEADLINE


def test_a_headline_in_title_case_is_no_persons_name():
    article = read(
        "Last updated at: (Beijing Time) Tuesday, March 18, 2003",
        "Chinese New Premier Meets Press",
        LEDE,
        SECOND,
    )
    assert article.title == "Chinese New Premier Meets Press"


def test_the_first_of_two_headline_shaped_lines_over_the_article_is_the_headline():
    headline = "Kim, Trump meet for historic summit in Singapore"
    deck = "North Korean and U.S. leaders share handshake at Capella Hotel"
    lede = (
        "Kim Jong Un and Donald Trump met and shared a historic handshake in Singapore on "
        "Tuesday morning, in a meeting representing the first between the two countries."
    )
    article = read("April 06, 2020", headline, deck, lede, SECOND)
    assert article.title == headline


def test_a_line_opening_with_punctuation_or_an_outlets_file_photo_is_no_headline():
    assert read(": :inin Kyiv (EET)", HEADLINE, LEDE, SECOND).title == HEADLINE
    article = read(HEADLINE, "Steppe Courier file photo", LEDE, SECOND)
    assert article.title == HEADLINE and "file photo" not in body(article)


def test_a_subheading_about_a_picture_is_no_photo_credit():
    article = read(HEADLINE, LEDE, "The bigger picture", SECOND)
    assert [p.text for p in article.paragraphs] == [LEDE, "The bigger picture", SECOND]


def test_a_time_stamp_saved_before_the_first_line_is_the_pages_date():
    article = read("date 2018-06-12 © 2023 Steppe Public Radio", HEADLINE, LEDE, SECOND)
    assert article.title == HEADLINE
    assert article.published.date().isoformat() == "2018-06-12"


# --- Dates: the article's, not the site's or the next item's


def test_a_date_under_the_headline_beats_one_above_it():
    article = read(
        "Nov 17, 2017", HEADLINE, "By Steppe Staff | Jan. 03, 2018", f"ASTANA (AP) - {LEDE}"
    )
    assert article.published.date().isoformat() == "2018-01-03"


def test_short_lines_between_the_headline_and_the_prose_keep_the_date_in_the_header():
    article = read(HEADLINE, "Press Statement", "Jane Doe", "Washington, DC", "September 7, 2018",
                   LEDE, SECOND)  # fmt: skip
    assert article.published.date().isoformat() == "2018-09-07"


def test_on_a_list_page_the_next_items_date_is_not_the_headlines():
    article = read(
        "13 March 2010 [09:00]", HEADLINE, LEDE, "12 March 2010 [19:42]", "Another headline here"
    )
    assert article.published.date().isoformat() == "2010-03-13"


def test_a_dateline_with_the_full_date_dates_the_article():
    article = read(HEADLINE, f"NAIROBI, 30 May 2018, (PSCU)—{LEDE}", SECOND)
    assert article.published.date().isoformat() == "2018-05-30"


# --- Chrome by shape


def test_more_links_logos_and_skip_links_are_chrome():
    chrome = [
        "Read more",
        "[More]",
        "READ SOME MORE",
        "Read the regulations in full here",
        "Learn more about Steppe Translation  »",
        "AP logo",
        "Logo Steppe Courier",
        "Image",
        "go to top",
        "Jump to: navigation, search",
        "Skip next section Talks resume in the capital",
        "Skip navigation",
    ]
    third = "Neither side gave details of the proposals, which diplomats said were still drafts."
    article = read(HEADLINE, LEDE, SECOND, *chrome, third)
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND, third]


def test_a_sentence_about_more_or_a_link_in_prose_stays():
    kept = [
        "More than 40 people died in the floods, officials said.",
        "Read more about it here.",
        "Skip this year's talks, the envoy told ministers",  # skips no part of the page
    ]
    article = read(HEADLINE, LEDE, *kept, SECOND)
    assert [p.text for p in article.paragraphs] == [LEDE, *kept, SECOND]


def test_teasers_cut_short_are_chrome_when_several_but_one_cut_article_stays():
    teasers = [
        "The presidency has dismissed the former vice president's recent criticisms of Bola…",
        "In a heated response, the minister of the capital territory, Nyesom Wike, has…",
    ]
    article = read(HEADLINE, LEDE, SECOND, *teasers)
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND]
    cut = "The president gave a speech thanking the firefighters who had saved the cathedral, who…"
    assert cut in body(read(HEADLINE, cut))
    speech = "Valentina Matviyenko: Mr President, excuse me, please, if I may say a word here…"
    assert speech in body(read(HEADLINE, LEDE, speech, teasers[0], SECOND))


def test_a_subscription_appeal_names_the_site_and_goes():
    article = read(HEADLINE, LEDE, SECOND, "Subscribe to The Steppe Week")
    assert article.outlet.name == "The Steppe Week"
    assert "Subscribe" not in body(article)


def test_a_bbc_caption_saved_without_its_space_is_a_caption():
    article = read(HEADLINE, LEDE, "Media captionTheresa May statement on Article 50", SECOND)
    assert "Theresa May statement on Article 50" in article.captions
    assert "Media caption" not in body(article)


def test_file_photo_is_no_dateline():
    article = read(HEADLINE, f"FILE PHOTO: {LEDE}", SECOND)
    assert article.dateline == ""


def test_a_date_printed_after_the_headline_is_not_part_of_it():
    for line, headline in [
        ("Briefing by Spokeswoman Maria Zakharova, Moscow, December 30, 2021",
         "Briefing by Spokeswoman Maria Zakharova"),
        ("Steppe Department Daily Briefing #113 Wednesday, 8/5/92",
         "Steppe Department Daily Briefing #113"),
        ("The minister on trade, talks and the corridor | 23 September 2019, 18:43",
         "The minister on trade, talks and the corridor"),
    ]:  # fmt: skip
        assert read("Ministry of Foreign Affairs", line, LEDE, SECOND).title == headline


def test_a_list_of_names_is_a_byline_not_a_headline():
    article = read(HEADLINE, "John Vidal, Suzanne Goldenberg and Lenore Taylor", LEDE, SECOND)
    assert article.title == HEADLINE


def test_a_reading_time_under_a_minute_is_chrome():
    article = read("Reading Time: < 1 minute", LEDE, SECOND)
    assert article.title in ("", "Untitled") and "Reading Time" not in body(article)


def test_a_label_over_a_longer_title_case_headline_is_no_headline():
    headline = "Statement by the Prime Minister of Canada on National Flag Day"
    lede = "Prime Minister Stephen Harper today issued the following statement to mark the day:"
    article = read("From The Prime Minister", headline, "February 15, 2015", "Ottawa, Ontario",
                   lede, SECOND)  # fmt: skip
    assert article.title == headline


def test_a_possessive_is_no_persons_name():
    headline = "Nepal's Historic Dharahara Tower Collapses in Massive Earthquake"
    assert read(headline, LEDE, SECOND).title == headline


def test_a_caption_credited_to_a_photographer_and_agency_is_a_caption():
    caption = "France celebrates World Cup glory in Moscow. (Igor Kralj/PIXSELL)"
    article = read("France wins World Cup thriller", caption, "By Ben McKay", LEDE, SECOND)
    assert article.title == "France wins World Cup thriller"
    assert caption in article.captions


# --- Datelines


def test_dateline_shapes_closed_up_weekday_in_capitals_and_alone_on_a_line():
    assert read(HEADLINE, f"HIROSHIMA--{LEDE}", SECOND).dateline == "HIROSHIMA"
    assert read(HEADLINE, f"SINGAPORE, TUESDAY 12 JUNE 2018: {LEDE}", SECOND).dateline == (
        "SINGAPORE"
    )
    alone = read(HEADLINE, "Georgia, Tbilisi, Feb. 7 /Trend, N. Doe/", LEDE, SECOND)
    assert alone.dateline == "GEORGIA" and body(alone).startswith("The parliament")


def test_a_speaker_in_a_transcript_is_no_dateline():
    article = read(HEADLINE, "THE PRESIDENT: Thank you all very much for coming today, friends.")
    assert article.dateline == ""


def test_a_place_line_left_above_the_lede_is_the_dateline_and_the_lines_with_it_go():
    article = read(HEADLINE, "Press Statement", "Heather Nauert", "Department Spokesperson",
                   "Washington, DC", "September 7, 2018", LEDE, SECOND)  # fmt: skip
    assert article.dateline == "WASHINGTON"
    assert article.byline == "Heather Nauert"
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND]


def test_a_name_and_affiliation_line_is_no_place():
    article = read(HEADLINE, "Terry Slevin, Cancer Council Australia", LEDE, SECOND)
    assert article.dateline == ""


def test_a_date_then_place_line_gives_both():
    article = read(HEADLINE, "December 15, 2017, Novo-Ogaryovo, Moscow Region", LEDE, SECOND)
    assert article.dateline == "NOVO-OGARYOVO"
    assert article.published.date().isoformat() == "2017-12-15"


def test_a_feed_footer_with_a_long_motto_still_names_the_site():
    motto = "Breaking news, special reports, world, business, sport coverage of all events. " * 2
    article = read(
        HEADLINE, LEDE, SECOND, f"The post {HEADLINE} appeared first on Steppe News – {motto}"
    )
    assert article.outlet.name == "Steppe News"


def test_a_name_printed_twice_above_the_headline_is_the_site():
    article = read(
        "Steppe Standard", "Notification Icon", HEADLINE, LEDE, "Steppe Standard", SECOND
    )
    assert article.outlet.name == "Steppe Standard"


def test_a_role_line_under_each_item_of_a_list_is_no_site():
    article = read(HEADLINE, "13 Oct", "Jane Doe, Department Spokesperson", LEDE,
                   "Another statement on talks", "9 Oct", "Jane Doe, Department Spokesperson",
                   SECOND)  # fmt: skip
    assert article.outlet is None


def test_photo_credit_lines_hashtags_and_title_case_keywords_are_chrome():
    third = "Neither side gave details of the proposals, which diplomats said were still drafts."
    chrome = ["Sasko Lazarov/Rollingnews", "#lagos", "Nepal, Earthquake, May"]
    article = read(HEADLINE, LEDE, SECOND, *chrome, third)
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND, third]


def test_a_list_of_names_is_no_keyword_list():
    names = "Hu Jintao, Wu Bangguo, Wen Jiabao, Jia Qinglin, Li"
    assert names in body(read(HEADLINE, LEDE, names, SECOND))


def test_a_republication_notice_on_the_ledes_line_names_the_outlet_and_goes():
    notice = (
        "This article is republished from The Conversation under a Creative Commons license. "
        "Read the original article here. "
    )
    article = read(HEADLINE, notice + LEDE, SECOND)
    assert article.outlet.name == "The Conversation"
    assert body(article).startswith("The parliament")


# --- An article saved as one run of prose


def test_a_run_of_prose_cut_short_by_a_promo_is_the_body_not_a_page_header():
    # Saved pages often glue the paragraphs into one line that ends in a promo, with no
    # sentence end; the short lines under it are not a headline above the article.
    run = " ".join([LEDE, SECOND, LEDE.replace("Tuesday", "Monday")]) + " READ: Grain talks"
    article = read(run, "Corridor talks", "The talks were expected to last until the late ev")
    assert article.title in ("", "Untitled")
    assert "widen the grain corridor" in body(article)


# --- A photo's caption dates the photo, not the article


def test_a_dated_caption_above_the_lede_gives_the_article_no_date():
    # A caption the credit rules already knew: only the date search skips it.
    caption = "Ministers meet reporters in the capital on Sunday, July 15, 2018. REUTERS/Jane Doe"
    article = read(HEADLINE, caption, LEDE, SECOND)
    assert article.published is None


def test_a_caption_credit_in_brackets_after_its_sentence_is_a_caption():
    caption = "Ministers meet reporters in the capital on October 19, 2018. [Jane Doe,Standard]"
    article = read(HEADLINE, caption, LEDE, SECOND)
    assert article.published is None
    assert "Jane Doe" not in body(article)


def test_a_caption_credit_naming_where_the_picture_came_from_is_a_caption():
    captions = [
        "Ministers meet reporters in the capital on December 31, 2018. (Screen capture/YouTube)",
        "Ministers meet reporters in the capital on December 31, 2018.(State media/Jane Doe)",
    ]
    for caption in captions:
        article = read(HEADLINE, caption, LEDE, SECOND)
        assert article.published is None, caption
        assert "Ministers meet" not in body(article), caption


def test_a_slash_and_an_agency_after_a_captions_sentence_is_its_credit():
    caption = "Spectators gather outside the cathedral in Paris, France, December 7, 2024. /CFP"
    article = read(caption, LEDE, SECOND)
    assert article.published is None
    assert article.title in ("", "Untitled")


def test_a_byline_at_the_articles_foot_names_the_author_and_the_outlet():
    article = read(HEADLINE, LEDE, SECOND, "By Jane Doe, The Standard")
    assert article.byline == "Jane Doe"
    assert article.outlet.name == "The Standard"
    assert "Jane Doe" not in body(article)


def test_a_logo_glued_to_its_motto_names_the_outlet_and_is_no_headline():
    article = read("ReutersTrusted Reporting Since Forever", HEADLINE, LEDE, SECOND)
    assert article.outlet.name == "Reuters"
    assert article.title == HEADLINE


def test_an_agencys_photo_credit_after_a_caption_or_in_brackets_is_a_caption():
    captions = [
        "Rescue workers gather at the collapsed tower in the capital on April 25. AFP photo",
        "A factory in the capital releases smoke after purification. [Photo/Xinhua]",
        "The presidential office in the capital (Yonhap)",
    ]
    article = read(HEADLINE, LEDE, *captions, SECOND)
    assert [p.text for p in article.paragraphs] == [LEDE, SECOND]


# --- Dates


def test_a_numeric_date_printed_with_its_spelt_out_form_is_read_as_spelt():
    # A German outlet writes 06/05/2025 day first, but the page spells the day out beside it.
    article = read("Deutsche Welle", HEADLINE, "06/05/2025June 5, 2025", LEDE, SECOND)
    assert article.outlet.name == "Deutsche Welle"
    assert article.published.date().isoformat() == "2025-06-05"


def test_an_authors_note_names_the_outlet_the_author_writes_for():
    note = "Jane Doe is the diplomatic correspondent for Reuters."
    article = read(HEADLINE, LEDE, SECOND, note)
    assert article.outlet.name == "Reuters"


def test_a_labelled_credit_at_the_foot_names_a_broadcaster_by_a_name_like_a_persons():
    article = read(HEADLINE, LEDE, SECOND, "Published: by Radio Steppe")
    assert article.outlet.name == "Radio Steppe"
    assert "Published" not in body(article)


# --- Mastheads: a site's or an office's name on a line of its own in the header


def test_a_masthead_line_names_the_site_and_is_not_the_headline():
    article = read("The Steppe Herald", HEADLINE, LEDE, SECOND)
    assert article.title == HEADLINE
    assert article.outlet.name == "The Steppe Herald"
    assert "Steppe Herald" not in body(article)


def test_an_offices_name_atop_a_release_names_the_issuer():
    article = read("Ministry of Foreign Affairs of Freedonia", "Kyiv 03:26", HEADLINE, LEDE)
    assert article.title == HEADLINE
    assert article.outlet.name == "Ministry of Foreign Affairs of Freedonia"


def test_a_masthead_above_a_page_without_a_headline_is_no_headline():
    article = read("Steppe Info News", LEDE, SECOND)
    assert article.title in ("", "Untitled")
    assert article.outlet.name == "Steppe Info News"


def test_a_headline_shaped_like_an_offices_document_or_a_label_is_no_masthead():
    briefing = read("Department of State Daily Press Briefing", LEDE, SECOND)
    assert briefing.title == "Department of State Daily Press Briefing"
    assert briefing.outlet is None
    label = read("Recent News", HEADLINE, LEDE, SECOND)
    assert label.title == HEADLINE
    assert label.outlet is None


def test_a_titles_abbreviation_inside_a_headline_ends_no_sentence():
    headline = "Reply of the Ministry Spokesperson, Ms. Jane Doe to media requests on the corridor"
    article = read("Steppe Ministry", headline, "21 June 2019, 14:20", LEDE, SECOND)
    assert article.title == headline


# --- Headlines in the shape of another field, and labels before them


def test_a_short_headline_in_title_case_is_not_a_persons_name():
    article = read("Meeting In Parliament", LEDE, SECOND)
    assert article.title == "Meeting In Parliament"


def test_a_speakers_claim_with_a_colon_is_a_headline_not_a_dateline():
    article = read("FUP: Party can deal with the corridor claims internally", LEDE, SECOND)
    assert article.title == "FUP: Party can deal with the corridor claims internally"


def test_a_label_printed_before_each_headline_of_a_list_is_not_the_headline():
    article = read(
        f"Press Releases: {HEADLINE}",
        "Press Statement",
        LEDE,
        SECOND,
        "Press Releases: Violence in the river port",
        "Press Statement",
    )
    assert article.title == HEADLINE


def test_a_label_that_is_also_the_pages_tag_is_not_the_headline():
    article = read("Tag: Press Release", f"PRESS RELEASE : {HEADLINE}", LEDE, SECOND)
    assert article.title == HEADLINE


def test_a_speaker_named_before_each_of_his_remarks_stays_in_the_headline():
    article = read(
        f"Suga: {HEADLINE}",
        LEDE,
        "Suga: Japan to act firmly on the labour case",
        SECOND,
    )
    assert article.title == f"Suga: {HEADLINE}"


# --- Provenance lines and names that are no outlet's


def test_a_from_line_names_the_known_outlet_whose_text_the_page_carries():
    tagline = read(HEADLINE, "From Wikinews, the free news source you can write!", LEDE, SECOND)
    assert tagline.outlet.name == "Wikinews"
    assert "free news source" not in body(tagline)
    labelled = read(HEADLINE, LEDE, SECOND, "From: The Anadolu Agency Home Page at <http://x.tr/>")
    assert labelled.outlet.name == "Anadolu Agency"


def test_a_from_line_naming_no_known_outlet_names_none():
    assert read("From Greece", HEADLINE, LEDE, SECOND).outlet is None
    assert read(HEADLINE, "From Jane Doe at the Steppe Post:", LEDE, SECOND).outlet is None


def test_a_link_word_after_source_names_no_outlet():
    assert read(HEADLINE, LEDE, SECOND, "source: here").outlet is None


def test_all_rights_reserved_is_no_copyright_holder():
    article = read(HEADLINE, LEDE, SECOND, "STEPPE NEWS® ©2020 All Rights Reserved")
    assert article.outlet is None or article.outlet.name != "All Rights Reserved"


# --- Chrome under the article


def test_a_run_of_short_lines_under_the_last_paragraph_is_the_pages_links():
    links = ["Ministry on social media", "> All social media accounts", "Ten facts on the corridor"]
    article = read(HEADLINE, LEDE, SECOND, *links)
    assert body(article) == f"{LEDE}\n{SECOND}"


def test_a_crosshead_a_cut_line_or_a_bulleted_list_under_the_prose_stays():
    crosshead = read(HEADLINE, LEDE, "What comes next", "Talks resume")
    assert "Talks resume" in body(crosshead)
    bullets = ["• Grain exports", "• River tolls", "• Port fees"]
    listed = read(HEADLINE, LEDE, SECOND, *bullets)
    assert "• Port fees" in body(listed)


def test_a_bylines_outlet_in_a_mastheads_shape_names_an_outlet_not_known_here():
    article = read(HEADLINE, "By Jane Doe, The Steppe Times, 29 Apr 2018", LEDE, SECOND)
    assert article.byline == "Jane Doe"
    assert article.outlet.name == "The Steppe Times"


def test_a_bylines_role_names_no_outlet():
    article = read(HEADLINE, "By Jane Doe, Columnist", LEDE, SECOND)
    assert article.outlet is None


# --- Datelines further down


def test_a_dateline_in_capitals_opens_the_lede_under_a_standfirst_and_a_caption():
    standfirst = "It said that if the port closes, the river trade would stop for a month or more."
    caption = "Farmers carry sacks of grain to the barges at the river port in the capital."
    article = read(HEADLINE, standfirst, caption, f"ASTANA, Freedonia (UPDATED) - {LEDE}", SECOND)
    assert article.dateline == "ASTANA"
    assert article.outlet is None  # "(UPDATED)" down the page is no agency


def test_a_title_case_place_with_a_dash_further_down_is_no_dateline():
    standfirst = "It said that if the port closes, the river trade would stop for a month or more."
    article = read(HEADLINE, standfirst, f"Astana - {LEDE}", SECOND)
    assert article.dateline == ""


def test_a_photographers_name_printed_twice_atop_the_page_is_no_site_name():
    article = read("Jane Q. Doe", "Jane Q. Doe", HEADLINE, LEDE, "Jane Q. Doe", SECOND)
    assert article.outlet is None


def test_a_weekday_or_a_forms_label_is_no_datelines_place():
    dated = read(HEADLINE, f"Saturday, September 21, 2024 - {LEDE}", SECOND)
    assert dated.dateline == ""
    labelled = read(HEADLINE, "FROM:  STEPPE DEFENCE DEPARTMENT", f"ASTANA, Aug. 3 - {LEDE}")
    assert labelled.dateline == "ASTANA"


# --- A bracket alone opening the lede: a place (the gazetteer's) or the site's own name


def test_a_bracket_opening_the_lede_names_the_site_unless_it_is_a_known_place():
    signed = read(HEADLINE, f"(STEPPEFN) {LEDE}", SECOND)
    assert signed.outlet.name == "STEPPEFN"
    assert signed.dateline == ""
    assert body(signed).startswith("The parliament voted")
    placed = read(HEADLINE, f"(Ottawa) {LEDE}", SECOND)
    assert placed.dateline == "OTTAWA"
    assert placed.outlet is None
    assert body(placed).startswith("The parliament voted")


# --- A notice atop the page


def test_a_headline_under_a_notice_atop_the_page_is_still_the_headline():
    notice = (
        "Addresses are not logged on this board, so there is no point asking the staff for "
        "them. Members post what they like here and answer for it themselves."
    )
    other = (
        "The other board moved last winter, and the old threads stay where they were for "
        "anyone who wants to read them again later on."
    )
    article = read(notice, other, "Members only", HEADLINE, LEDE, SECOND)
    assert article.title == HEADLINE
    # A short line that shares no words with the article under it is no headline.
    untitled = read(notice, other, "Members only", "Winter Harvest Notes", LEDE, SECOND)
    assert untitled.title in ("", "Untitled")


def test_a_pictures_caption_between_the_headline_and_the_lede_is_not_the_headline():
    caption = "Parliament votes on the corridor"
    article = read(HEADLINE + " after a night of talks", caption, caption, LEDE, SECOND)
    assert article.title == HEADLINE + " after a night of talks"
    assert caption not in body(article)
    # A place line there is the dateline, kept for it.
    placed = read(HEADLINE + " after a night of talks", "Ottawa, Ontario", LEDE, SECOND)
    assert placed.dateline == "OTTAWA"


# --- A headline over its byline and date, far down the page


def test_a_headline_over_its_byline_and_date_under_a_long_menu_is_the_headline():
    menu = [f"Section {name}" for name in "ABCDEFGHIJKLMNOPQR"]
    article = read(*menu, HEADLINE, "By Jane Doe", "Published : Mar 16, 2022 - 10:31", LEDE)
    assert article.title == HEADLINE
    assert article.published.date().isoformat() == "2022-03-16"


def test_a_headline_over_its_byline_and_date_under_the_body_is_the_headline():
    short = "A passenger confronted him at the gate."
    article = read(
        LEDE, short, SECOND, HEADLINE, "By Jane Doe", "Updated 8:02 PM ET, Mon August 3, 2015"
    )
    assert article.title == HEADLINE
    assert body(article).split("\n") == [LEDE, short, SECOND]


def test_a_known_place_in_title_case_and_a_dash_opening_the_lede_is_the_dateline():
    placed = read(HEADLINE, f"Ottawa — {LEDE}", SECOND)
    assert placed.dateline == "OTTAWA"
    assert body(placed).startswith("The parliament voted")
    regional = read(HEADLINE, f"Metro Steppe, Kazakhstan – {LEDE}", SECOND)
    assert regional.dateline == "METRO STEPPE"
    # A capitalised word that is no place and a dash open a sentence, not a dateline.
    assert read(HEADLINE, f"Parliament — {LEDE}", SECOND).dateline == ""
    # A town named like a word the article writes in lower case is that word.
    worded = read(HEADLINE, f"Police — {LEDE}", "The police said the corridor stays open.")
    assert worded.dateline == ""


# --- Headlines that end with a full stop no sentence ends with


def test_a_headline_ending_with_an_initialism_is_still_a_headline():
    # The full stop of "U.S." ends no sentence: the line over the lede is the headline, not
    # the crosshead further down.
    title = "Governments curb social media: reports from Mexico, Kenya, the UK and the U.S."
    article = read(title, "Mar 29, 2017 | 0 comments", LEDE, SECOND, "More curbs online.", LEDE)
    assert article.title == title


def test_a_headline_the_site_cut_short_is_still_a_headline():
    # "... becomes talk of …": a title cut at a word; a caption cut short ends mid-word.
    title = "Economy minister's discomfort with inflation questions becomes talk of …"
    assert read(title, LEDE, SECOND).title == title
    assert read(
        "Minister waves to reporters outside the ministry in the capital on the…", LEDE, SECOND
    ).title in {"", "Untitled"}


# --- An event's details printed as a form


def test_an_events_details_as_a_form_are_no_headline_and_give_the_dateline():
    article = read("LOCATION/ ASTANA, KZ", "DATE: MAY 19, 2024", "TIME/ 15:00", LEDE, SECOND)
    assert article.title in {"", "Untitled"}
    assert article.dateline == "ASTANA"
    assert article.published.date().isoformat() == "2024-05-19"
    assert "15:00" not in body(article)


def test_an_events_details_from_a_table_are_no_headline():
    article = read(
        "Press Briefing",
        HEADLINE,
        "Event Press Briefing",
        "Location Press Briefing Room, Government House",
        LEDE,
        SECOND,
    )
    assert article.title == HEADLINE
    assert "Briefing Room" not in body(article)


def test_a_headline_opening_with_a_forms_label_is_still_the_headline():
    title = "Time To Act On The Grain Corridor"
    article = read(title, "Date: May 19, 2024", LEDE, SECOND)
    assert article.title == title


# --- Who stands behind the site


def test_a_sponsor_line_is_neither_headline_nor_body():
    article = read(
        "Supported by the Steppe Media Council",
        "The longest and most detailed headline: parliament votes to widen the grain corridor",
        "posted on 29/11/2015",
        LEDE,
        "Powered by automated translation",
        SECOND,
    )
    assert article.title.startswith("The longest")
    assert "Powered by" not in body(article)


# --- A link or an advert's label glued to the prose


def test_a_read_more_link_or_an_advert_label_glued_to_the_prose_goes_and_the_prose_stays():
    article = read(
        HEADLINE,
        LEDE + "Read More…",
        "Article continues after this advertisement" + SECOND,
        "The talks went on late. … …read more",
    )
    assert body(article).splitlines() == [LEDE, SECOND, "The talks went on late. …"]


# --- What stands under a headline: its byline, its date; a picture's credit stands under its
# caption


def test_a_byline_naming_the_writers_post_marks_the_headline_above_it():
    title = "Steppe leader: minister on trust and the grain corridor ahead of the Astana visit"
    article = read(
        title,
        "By Kazakhstan bureau chief Jane Doe",
        "Sorry, this video has expired",
        "Minister discusses the grain corridor and the harvest",  # the video's caption
        "Reuters",
        LEDE,
        SECOND,
    )
    assert (article.title, article.byline) == (title, "Jane Doe")
    assert "bureau chief" not in body(article)


def test_a_caption_over_its_pictures_credit_is_not_the_headline():
    article = read(
        "Steppe Wiki",
        "Quebec election called for September",
        "From Wikinews, the free news source you can write!",
        "Thursday, August 2, 2012",
        "Parliament in the grain corridor in 2010",
        "Image: Steppe Mission.",
        LEDE,
        SECOND,
    )
    assert article.title == "Quebec election called for September"


# --- The site speaking of itself to its reader


def test_the_sites_own_notices_to_its_reader_go_and_prose_about_a_website_stays():
    about_a_site = (
        "Visitors to the ministry's website could not reach it on Tuesday, officials said."
    )
    quoted = '"You can read the decree on our website," the minister told reporters on Tuesday.'
    article = read(
        HEADLINE,
        LEDE,
        "Dear User, please note that all news is posted to our portal automatically.",
        about_a_site,
        "Get the best of Steppe News delivered directly to your inbox.",
        quoted,
        "A lock means you've safely connected to the .gov website.",
        SECOND,
        "Make Steppe News your homepage",
        "Our volunteers work hard to bring you the news -- but we can't do it without your help.",
        "Please note that IP addresses are not logged in this forum.",
    )
    assert body(article).splitlines() == [LEDE, about_a_site, quoted, SECOND]


# --- Labels the header leaves above the lede


def test_short_labels_between_the_headline_and_the_lede_are_the_headers():
    article = read(HEADLINE, "Steppe Police", "Guest", LEDE, SECOND)
    assert body(article).splitlines() == [LEDE, SECOND]
    # A dateline on a line of its own is the lede's, not a label.
    article = read(HEADLINE, HEADLINE, "ASTANA – Reuters", "Photo caption here. AFP photo", LEDE)
    assert (article.dateline, article.outlet.name) == ("ASTANA", "Reuters")


# --- Dateline separators


def test_a_dateline_may_end_with_a_guillemet_or_a_dash_closed_up_to_the_lede():
    guillemet = read(HEADLINE, f"ASTANA » {LEDE}", SECOND)
    assert (guillemet.dateline, body(guillemet)[:15]) == ("ASTANA", "The parliament ")
    closed_up = read(HEADLINE, f"ASTANA (Reuters) -{LEDE}", SECOND)
    assert (closed_up.dateline, closed_up.outlet.name) == ("ASTANA", "Reuters")
    assert body(closed_up).startswith("The parliament")


# --- A short line printed over and over on the page


def test_a_short_line_repeated_over_the_page_is_its_furniture_not_its_headline_or_a_dateline():
    title = "Grain Corridor Talks End Early"
    third = "The corridor will reopen on Friday, the ministry said in a statement late on Tuesday."
    article = read(
        title,
        "Astana, KZ",
        LEDE,
        "Advertisment",
        SECOND,
        "Advertisment",
        title,  # a running header, printed again and again
        third,
        "Advertisment",
        "Astana, KZ",
        title,
        "Astana, KZ",
    )
    assert article.title == title
    assert article.dateline == "ASTANA"
    assert "Advertisment" not in body(article)


# --- The site's interface in a few words


def test_interface_words_are_told_without_the_little_words_between_them():
    article = read(
        "All posts by Jane Doe",
        "Steppe heads to the polls: five essential reads about the election",
        LEDE,
        "Prev Next",
        SECOND,
        "Related Post",
        "Back to top button",
        "Post a Comment",
    )
    assert article.title == "Steppe heads to the polls: five essential reads about the election"
    assert body(article).splitlines() == [LEDE, SECOND]


# --- Promos labelled in capitals, on a line or in brackets


def test_promos_labelled_read_look_video_or_sign_up_go_and_the_prose_around_them_stays():
    article = read(
        HEADLINE,
        LEDE[:-1] + " (LOOK: Ministers in full force at the corridor dinner).",
        "READ Jane Doe claims the corridor deal has failed. In other years it would pass",
        SECOND,
        "VIDEO | The minister briefs the media:",
        "ALSO READ Steppe ministers meet Baltic counterparts over the corridor",
        "[Sign up for The Daily Steppe, our new political tipsheet]",
    )
    assert body(article).splitlines() == [LEDE[:-1] + ".", SECOND]


# --- A few words naming a list of stories, under the article


def test_a_label_naming_a_list_of_stories_under_the_prose_goes_with_its_links():
    crosshead = "Survivors' stories"
    third = "Survivors said the corridor had changed their lives, the ministry said on Tuesday."
    article = read(
        "Steppe News Top Stories",  # atop the page, over the headline: not a list's label
        HEADLINE,
        LEDE,
        crosshead,
        third,
        "JN ACCESS RANKING",
        "Steppe to offer proposals for cooperation on rare earths",
        "Minister dismissed as successor vows to tackle high rice prices",
        SECOND,
    )
    assert article.title == HEADLINE
    assert body(article).splitlines() == [LEDE, crosshead, third, SECOND]


# --- More of the credits a caption ends with


def test_captions_ending_with_a_piped_agency_photo_credit_a_bracketed_photo_or_a_glued_label():
    article = read(
        HEADLINE,
        "Patients lie on stretchers outside a hospital in Astana on May 12. AFP PHOTO | JANE DOE",
        "ASTANA, KAZAKHSTAN",
        LEDE,
        "The minister speaks after parliament voted to widen the corridor (Net photo)",
        SECOND,
        "Jane Doe hands the letter to the ministerImage copyright",
    )
    assert article.dateline == "ASTANA"
    assert body(article).splitlines() == [LEDE, SECOND]
    assert len(article.captions) == 3
