"""articles.ingest: shapes seen on many real pages (bench/realnews/), each as a short synthetic
page: where a page names its outlet, how it writes its dateline, date and headline, and the
chrome around them. Pure parsing, no database."""

from articles.ingest import parse_article

LEDE = (
    "The parliament voted on Tuesday to widen the grain corridor, officials told reporters in "
    "the capital after a long meeting that ran late into the night."
)
SECOND = '"We will keep the corridor open," the minister said after the talks ended on Tuesday.'
HEADLINE = "Parliament votes to widen the grain corridor"


def read(*lines: str):
    return parse_article("\n\n".join(lines).encode(), filename="page.txt")


def body(article) -> str:
    return "\n".join(paragraph.text for paragraph in article.paragraphs)


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
