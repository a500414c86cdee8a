"""What quote extraction takes and returns: people known from other articles in, quotes and the
article's people out. Plain dataclasses."""

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownPerson:
    """Someone already known from other articles, used to resolve titles and aliases."""

    key: object
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""


@dataclass
class Person:
    """A person named in this article."""

    name: str  # fullest name used in the article
    aliases: list[str]  # every other way the article refers to them, as written
    role: str  # "NATO Secretary-General", "" if none
    known_key: object | None = None


@dataclass
class Quote:
    text: str  # without the outer marks; the parts of a multi-paragraph quote joined with "\n"
    kind: str  # "full" | "partial"
    speaker: str | None  # Person.name; None for unnamed, organisation or unknown speakers
    speaker_mention: str  # how the attribution names the speaker: "the Danish NATO chief", "he"
    verb: str  # reporting verb as written: "said", "expressed the hope", "according to"
    start_paragraph: int
    start_offset: int  # first quoted character (after the opening mark)
    end_paragraph: int
    end_offset: int  # just after the last quoted character (before the closing mark)
    confidence: float  # 0..1
    speaker_kind: str = "person"  # "person" | "unnamed" | "organisation" | "unknown"
    continues_previous: bool = False  # second half of a quote split around its attribution
    # "body": paragraphs and offsets are the body's; "headline": the quote is in the article's
    # headline, paragraphs 0 and offsets into the headline's text
    place: str = "body"


@dataclass
class Extraction:
    quotes: list[Quote]
    people: list[Person]
