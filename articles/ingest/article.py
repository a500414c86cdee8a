"""What the ingest pipeline returns: a clean article and an account of what was removed."""

import dataclasses
import datetime
from dataclasses import dataclass

from .outlets import Outlet


@dataclass
class Paragraph:
    kind: str  # "text" | "subheading"
    text: str


@dataclass
class Stripped:
    reason: str  # short label: "font-size widget", "link list", "share line", ...
    text: str  # the text removed


@dataclass
class ParsedArticle:
    format: str  # "text" | "html"
    title: str
    standfirst: str  # "" if none
    outlet: Outlet | None  # None when it cannot be told from the text
    outlet_evidence: str  # the text that told it, e.g. "(Reuters)"; "" if none
    published: datetime.datetime | None  # naive; for day precision the time is 00:00
    published_precision: str  # "minute" | "day" | "unknown"
    dateline: str  # "MOSCOW" or ""
    byline: str  # "Jane Doe"; "" if none
    credits: str  # "Writing by Thomas Grove, editing by Mark Trevelyan"; "" if none
    paragraphs: list[Paragraph]  # clean body in order
    captions: list[str]  # photo captions, removed from the body
    stripped: list[Stripped]  # everything removed as chrome, in order
    # The date's year was not printed with it but taken from elsewhere on the page.
    published_inferred: bool = False

    def to_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, nested dataclasses as dicts."""
        result = dataclasses.asdict(self)
        result["published"] = self.published.isoformat() if self.published else None
        return result
