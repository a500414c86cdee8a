"""articles.ingest: publication dates in shapes from sites never seen (bench/realnews/, issue
20), each as a short synthetic page. Pure parsing, no database."""

import datetime

from tests.synthetic_page import HEADLINE, LEDE, SECOND, read


def test_a_feed_saved_as_text_is_dated_by_its_items_stamp():
    # A feed with its tags stripped: channel, item title, category and stamp on one long line.
    feed = (
        "The Steppe Courier Covering the steppe inside and outside The Steppe Courier "
        f"{HEADLINE} Politics Fri, 24 Oct 2014 18:10:00 +0500 {LEDE} https://example.org/item/1"
    )
    article = read(feed, SECOND)
    assert article.published == datetime.datetime(2014, 10, 24, 18, 10)
    assert article.published_precision == "minute"


def test_a_day_and_month_in_a_sentence_are_no_feed_stamp():
    sentence = (
        "The talks that opened on Fri, 24 Oct in the capital ended after 2014 delegates "
        "had spoken, officials said in a statement read to reporters late on Friday evening."
    )
    assert read(HEADLINE, sentence, SECOND).published is None


def test_a_date_label_inside_a_sentence_is_a_verb_not_a_label():
    # "published ... on <date>" in prose dates an event; a line opening with the label dates
    # the page.
    sentence = (
        '"In response to what was published by the newspaper Ad-Diyar on September 26, 2018, '
        'under the title of an article on the corridor, the embassy states the following."'
    )
    assert read(sentence, LEDE, SECOND).published is None
    labelled = read(f"Published time: 9 Oct, 2018 10:25 {LEDE}", SECOND)
    assert labelled.published == datetime.datetime(2018, 10, 9, 10, 25)


def test_the_headline_printed_again_gives_no_date_of_its_own():
    # A post dated above its headline, whose headline names the day of the event it reports;
    # the page prints the headline twice.
    title = "Daily Press Briefing July 25, 2023"
    article = read("Jul 26, 2023", title, title, LEDE, SECOND)
    assert article.published == datetime.datetime(2023, 7, 26)


def test_a_yearless_dateline_takes_its_year_from_a_full_date_not_a_bare_year():
    # "in 2009" dates an event; only another full date on the page gives the year.
    history = "The corridor was first opened in 2009, after talks that had lasted two years."
    bare = read(HEADLINE, f"ASTANA, May 30 (UPI) -- {LEDE}", history, SECOND)
    assert bare.published is None
    caption = "Delegates arrive at the talks in Astana, May 30, 2019."
    dated = read(HEADLINE, f"ASTANA, May 30 (UPI) -- {LEDE}", history, SECOND, caption)
    assert dated.published == datetime.datetime(2019, 5, 30)
    assert dated.published_inferred


def test_a_date_written_year_first_with_the_months_name():
    article = read("Briefing Room", "2022 May. 10", HEADLINE, LEDE, SECOND)
    assert article.published == datetime.datetime(2022, 5, 10)
    assert not article.published_inferred
