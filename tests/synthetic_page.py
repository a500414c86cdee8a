"""A short synthetic page for the parsing tests of articles.ingest: a headline, a lede and a
quoted second paragraph, joined as a plain-text file's paragraphs. Pure parsing, no database."""

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
