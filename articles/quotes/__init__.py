"""Find the direct quotations in an article's clean body, and who said each one.

Pure text processing (stdlib only): `extract_quotes(paragraphs, known_people)` takes the body as
a list of paragraph strings and returns plain dataclasses. It never raises on odd text and its
work grows linearly with the input (bounded windows, no regex with ambiguous repetition).

How it works, a module a step:
1. marks.py: quotation marks are paired into quoted spans (across paragraphs too), and a masked
   copy of each paragraph, quoted words as "x", lets the later steps read only the reporter's
   words; sentences.py splits it into sentences and tokens, text.py keeps them per sentence.
2. names.py, evidence.py: capitalised names with evidence (a title before them, an appositive
   role, an age, "who ...", a reporting verb) become the article's people, kept in cast.py,
   merged by surname (one typo tolerated) or by a one name used before the full one. A word
   capitalised only where it opens a sentence is weak evidence of a name.
3. phrases.py: what a noun phrase names (a name, a pronoun, a description, an unnamed person, an
   organisation) and where a verb's subject is.
4. reading.py: sentences are read in order. Each span is judged (judging.py: nickname, title of
   a work, term after "so-called", theme a speaker stressed, subheading, headline, scare
   quote?) and attributed (attribution.py: '"...," X said', 'X said: "..."', 'according to X',
   a credit line, a verb governing a partial quote (its reporter's words: 'X said Y promised
   "..."', 'by saying that ... "..."'), a passive verb's "by" agent, the subject of the clause
   a phrase in marks stands in, or no attribution: the previous speaker carrying on, the person a
   paragraph ending with a colon introduces, or the next turn of a question-and-answer
   exchange). Names are resolved by surname in cast.py; pronouns and descriptions ("the Danish
   NATO chief", "the prime minister") in candidates.py, where every person who may be meant
   is scored (grammatical role, distance, salience, agreement, role match) and the margin over
   the runner-up is the confidence. Then who the sentence is about is noted, for later ones.
5. At the end (reading.py) a speaker described before being named ("Merz's spokesman said",
   then '"...," Stefan Kornelius said') is given that name, and a "he" nobody before it can
   stand for goes to the person the article is most about.
words.py holds the word lists every step reads by; the words of titles, roles, name particles
and organisations, which name matching and ingest read too, are in articles/lexicon.py.

Design choices:
- A quote split around its attribution ('"A," he said, "b."') is two Quotes with the same
  speaker; the second has continues_previous=True. Each text is then an exact slice of its
  paragraph, which the pages need for highlighting.
- A quote running over several paragraphs is one Quote whose text joins the parts with "\n".
- `speaker` is always a Person.name or None. Organisations, governments and places ("NATO
  said", "the ministry said", "Washington called on") get speaker_kind="organisation", unnamed
  people ("a senior official said") "unnamed", an unresolved pronoun "unknown"; the words used
  are in speaker_mention either way.
- Single marks carry quotes only in an article that uses them so (no double-quoted text, and a
  single-quoted sentence with an attribution beside it); elsewhere a single-quoted passage needs
  an attribution right beside it, so 'reset' stays a scare quote.
- Confidence multiplies how sure each step is: lower for pronouns, descriptions, carried-on
  speakers, partial quotes, single marks and quotes whose closing mark is missing.
- known_people are indexed per call; pass the people relevant to the story, not the whole table.
"""

from collections.abc import Sequence

from .headline import headline_quotes, repeated_in
from .marks import DOUBLE_MARK_RE
from .quote import Extraction, KnownPerson, Person, Quote
from .reading import is_public_alias, read_article
from .words import FUNCTION_WORDS

__all__ = [
    "Extraction",
    "KnownPerson",
    "Person",
    "Quote",
    "extract_quotes",
    "is_public_alias",
    "quotable_texts",
    "repeated_in",
]


def quotable_texts(paragraphs) -> list[str]:
    """Body paragraphs ({"kind", "text"} dicts or objects with those attributes) as the texts
    quotes are looked for in: subheadings blanked, not dropped, so indices still match."""
    texts = []
    for paragraph in paragraphs:
        if isinstance(paragraph, dict):
            kind, text = paragraph.get("kind", "text"), paragraph.get("text", "")
        else:
            kind, text = paragraph.kind, paragraph.text
        texts.append(text if kind == "text" else "")
    return texts


def extract_quotes(
    paragraphs: list[str], known_people: Sequence[KnownPerson] = (), headline: str = ""
) -> Extraction:
    """Every direct quotation in `paragraphs` (an article's clean body) and in its `headline`,
    and who said each one.

    The headline's quotes come first, with place "headline" and offsets into the headline
    (headline.py). The headline is also read before the body for its people: it often gives a
    speaker's full name, or the only name a body opening with "He said" has (the wire's lead
    cut off). A headline in title case is not read for people (its capitals tell no name from a
    verb), but its quotes are."""
    paragraphs = [p if isinstance(p, str) else "" for p in (paragraphs or [])]
    if not any(paragraphs):
        return Extraction(quotes=[], people=[])
    headline = headline if isinstance(headline, str) else ""
    if not headline.strip() or _title_case(headline):
        found = read_article(paragraphs, known_people)
    else:
        found = _read_after_headline(headline.strip(), paragraphs, known_people)
    if headline.strip() and ("'" in headline or "‘" in headline or DOUBLE_MARK_RE.search(headline)):
        found.quotes[:0] = headline_quotes(headline, found.quotes, found.people)
    return found


def _read_after_headline(
    headline: str, paragraphs: list[str], known_people: Sequence[KnownPerson]
) -> Extraction:
    """The body read with the headline before it, for its people; the body's quotes only."""
    if len(DOUBLE_MARK_RE.findall(headline)) % 2:
        # an unpaired mark would pair with one in the body: the headline is read without marks
        headline = DOUBLE_MARK_RE.sub(" ", headline)
    found = read_article([headline, *paragraphs], known_people)
    quotes = [quote for quote in found.quotes if quote.start_paragraph > 0]
    for quote in quotes:
        quote.start_paragraph -= 1
        quote.end_paragraph -= 1
    if quotes and len(quotes) < len(found.quotes):
        quotes[0].continues_previous = False  # what it continued was in the headline
    return Extraction(quotes=quotes, people=found.people)


def _title_case(headline: str) -> bool:
    """Whether a headline capitalises its words ("Premier Wen Jiabao Meets the Press"): its
    capitals tell no name from a verb, so it is not read for people."""
    words = [w for w in headline.split() if w[:1].isalpha() and w.lower() not in FUNCTION_WORDS]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
