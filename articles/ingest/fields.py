"""Recognisers for the metadata lines of an article: bylines, credits, datelines and captions."""

import re
from dataclasses import dataclass

from articles.lexicon import BODIES, NAME_PARTICLES, NEWS_AGENCIES, ORGANISATIONS, PHOTO_AGENCIES

from .dates import MONTH_WORD
from .outlets import Outlet, find_outlet
from .shapes import ends_sentence, is_upper_words, word_count

# --- Credits: "Writing by Thomas Grove, editing by Mark Trevelyan", "(Reporting by X; ...)"
CREDIT_WORD = (
    r"(?:(?:additional|further)\s+)?(?:reporting|writing|editing|edited|written|compiled|"
    r"translated|translation|research|graphics|production|produced|photos?|video)"
    r"(?:\s+and\s+(?:reporting|writing|editing))?"
)
CREDITS_RE = re.compile(
    rf"^[(\[]?\s*(?:[-—–]+\s*)?{CREDIT_WORD}\s+by\s+[A-Z\u00c0-\u024f].{{0,280}}?[)\]]?\.?$",
    re.IGNORECASE,
)
CREDITS_START_RE = re.compile(rf"^[(\[]?\s*(?:[-—–]+\s*)?{CREDIT_WORD}\s+by\s+(?P<name>\S)", re.I)
CONTRIBUTED_RE = re.compile(
    r"^[(\[]?\s*(?:[-—–]+\s*)?[A-Z].{0,200}\bcontributed (?:to )?(?:this|the) (?:report|story)\b"
    r".{0,40}?[)\]]?\.?$"
)
TRAILING_CREDITS_RE = re.compile(
    rf"\s*[(\[]\s*(?P<credits>{CREDIT_WORD}\s+by\s+[A-Z][^()\[\]]{{2,280}})[)\]]\s*$", re.IGNORECASE
)


def credits_in_line(line: str) -> str | None:
    """The credits a whole line gives, without brackets, or None."""
    if CONTRIBUTED_RE.match(line):
        return line.strip().lstrip("-—– ").strip("()[] ")
    match = CREDITS_START_RE.match(line)
    if not match or not match["name"].isupper() or not CREDITS_RE.match(line):
        return None
    # "Research by Harvard University shows ..." is a sentence; credits end without a full
    # stop, or list several roles.
    if line.endswith(".") and ";" not in line and line.lower().count(" by ") < 2:
        return None
    return line.strip().lstrip("-—– ").strip("()[] ")


def split_trailing_credits(paragraph: str) -> tuple[str, str]:
    """'... he said. (Reporting by X; Editing by Y)' -> ('... he said.', 'Reporting by X; ...')."""
    match = TRAILING_CREDITS_RE.search(paragraph)
    if not match or match.start() == 0:
        return paragraph, ""
    return paragraph[: match.start()].rstrip(), match["credits"].strip()


# --- Bylines: "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press", "Jane Doe, Reuters"
NOT_NAMES = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|the|a|an|this|that|"
    r"then|now|today|tomorrow|yesterday|far|all|way|contrast|comparison|law|order|"
    # The words of a site's labels and of headlines, never of a person's name: "Egypt Blog",
    # "Bye-Election Brief Update", "World News".
    r"news|blogs?|update[sd]?|updates|live|latest|breaking|video|videos|photos?|brief|briefing|"
    r"report|review|home|world|opinion|analysis|editorial|archives?|section|menu|search|"
    r"statements?|releases?|press|spokesperson|department|ministry|office|"
    # A broadcaster's words: "Radio NewsHub", "Channel Africa".
    r"radio|television|tv|channel)$",
    re.IGNORECASE,
)
# Words a headline in title case capitalises and a person's name never holds: "Meeting In
# Kremlin", "Obama To Visit Hiroshima".
_FUNCTION_WORDS = """in at on to for with from of into onto over after before under about against
as is are was were will says said"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
NAME_LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")
BYLINE_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:\||•|·|\s[-—–]\s)\s*")


def _is_person_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or NOT_NAMES.match(words[0]):
        return False
    for word in words:
        bare = word.strip(".'’")
        if bare.lower() in NAME_PARTICLES:
            continue
        if bare.casefold() in FUNCTION_WORDS:
            return False
        if not bare or not bare[0].isupper() or not re.fullmatch(r"[\w.'’-]+", bare):
            return False
        if NOT_NAMES.match(bare):
            return False
        if bare.endswith(("'s", "’s")):
            return False  # "Nepal's Historic Dharahara Tower": a possessive is no name
    return True


def _tidy_names(names: list[str]) -> str:
    tidy = [name.title() if is_upper_words(name) else name for name in names]
    return " and ".join(tidy) if len(tidy) <= 2 else ", ".join(tidy[:-1]) + " and " + tidy[-1]


def person_names(text: str) -> str | None:
    """'Olena Petrenko' / 'JANE DOE and John Roe' -> tidy names; None if not just names."""
    names = [name for name in NAME_LIST_SPLIT_RE.split(text.strip()) if name]
    return _tidy_names(names) if names and all(_is_person_name(n) for n in names) else None


@dataclass(frozen=True)
class Byline:
    names: str  # "Jane Doe" or "Jane Doe and John Roe"
    outlet: Outlet | None
    outlet_text: str  # the words in the byline that named the outlet


def _split_trailing_outlet(text: str) -> tuple[str, str]:
    """'MATTHEW LEE Associated Press' -> ('MATTHEW LEE', 'Associated Press') (AP's style)."""
    words = text.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        if find_outlet(tail):
            return " ".join(words[:-size]), tail
    return text, ""


def _names_and_outlet(text: str) -> Byline | None:
    segments = [s for s in BYLINE_SEGMENT_SPLIT_RE.split(text) if s]
    if not segments:
        return None
    segments[0], trailing_outlet = _split_trailing_outlet(segments[0])
    if trailing_outlet:
        segments.insert(1, trailing_outlet)
    parts = [p for p in re.split(r"\s*,\s*", segments[0]) if p]
    names: list[str] = []
    rest: list[str] = []
    for index, part in enumerate(parts):
        if index > 0 and find_outlet(part):
            rest.extend(parts[index:])
            break
        candidates = [n for n in NAME_LIST_SPLIT_RE.split(part) if n]
        if not rest and candidates and all(_is_person_name(n) for n in candidates):
            names.extend(candidates)
        elif index == 0:
            return None
        else:
            rest.append(part)
    rest.extend(segments[1:])
    outlet, outlet_text = None, ""
    for part in rest:
        cleaned = re.sub(r"^(?:for|of)\s+", "", part.strip(" ."), flags=re.IGNORECASE)
        if found := find_outlet(cleaned):
            outlet, outlet_text = found, cleaned
            break
    if outlet is None:
        # "By Felicia Choo, The Sunday Times, 29 Apr 2018": an outlet not known here, in a
        # masthead's shape after the names (the caller weighs it below a known one).
        for part in rest:
            if name := masthead_name(part.strip(" .")):
                outlet = Outlet(name=name, short_name=name, homepage="", country="", kind="other")
                outlet_text = name
                break
    return Byline(_tidy_names(names), outlet, outlet_text) if names else None


def parse_byline(line: str) -> Byline | None:
    """'By Jane Doe' / 'BY JANE DOE, Associated Press' -> the names (and outlet, if named)."""
    if len(line) > 160:
        return None
    match = re.match(r"^by\s+(?P<rest>.+?)\.?$", line, re.IGNORECASE)
    if not match or not (line.startswith(("By ", "BY ", "by "))):
        return None
    return _names_and_outlet(match["rest"])


def parse_signature_byline(line: str) -> Byline | None:
    """'Jane Doe, Reuters' / 'Jane Doe | BBC News': a name line with a known outlet after it."""
    if len(line) > 100:
        return None
    byline = _names_and_outlet(line)
    return byline if byline and byline.outlet else None


# The place is one to three capitalised words without digits ("in Moscow", "in New Delhi").
CORRESPONDENT_RE = re.compile(
    r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][^\W\d_][\w'’-]*(?:[ -][A-Z][^\W\d_][\w'’-]*){0,2})$"
)


def parse_correspondent_byline(line: str) -> Byline | None:
    """'Luke Harding in Moscow' under a headline (the Guardian's style)."""
    match = CORRESPONDENT_RE.match(line)
    if not match or len(line) > 80:
        return None
    names = [n for n in NAME_LIST_SPLIT_RE.split(match["name"]) if n]
    if names and all(_is_person_name(n) for n in names):
        return Byline(_tidy_names(names), None, "")
    return None


# "By Reuters", "Posted By: The Ski Channel on May 12, 2015", "Published: by Radio NewsHub |
# 12:00": an outlet in the byline's place (what follows the name is its date or a label).
OUTLET_BYLINE_RE = re.compile(
    r"^(?P<label>(?:posted|published|written|filed|uploaded)\s*:?\s*)?by\s*:?\s+"
    r"(?P<name>[^|,•]{2,60}?)(?:\s+(?:on|at)\s+\S.*|\s*[|,•]\s*.*|\s{2,}.*|\s+\d.*"
    rf"|\s+{MONTH_WORD}\s+\d.*)?$",
    re.IGNORECASE,
)
# A label or a role in the byline's place, not an outlet: "By Staff Writer", "By Admin".
NOT_OUTLET_BYLINE_RE = re.compile(
    r"\b(?:staff|writers?|reporters?|correspondents?|editors?|editorial|admin|administrator|"
    r"desk|team|agenc(?:y|ies)|guest|contributors?|author|anonymous|our)\b",
    re.IGNORECASE,
)


def parse_outlet_byline(line: str) -> tuple[Outlet | None, str]:
    """The outlet named where a byline names people, with its words; (None, '') if none.
    Not known, it counts only after a "Posted by:"-style label ("By X" names a person)."""
    match = OUTLET_BYLINE_RE.match(line) if len(line) <= 160 else None
    if not match:
        return None, ""
    name = match["name"].strip(" .:")
    if outlet := find_outlet(name):
        return outlet, name
    if (
        not match["label"]
        or not name[:1].isupper()
        or person_names(name)
        or NOT_OUTLET_BYLINE_RE.search(name)
        or word_count(name) > 5
    ):
        return None, ""
    return Outlet(name=name, short_name=name, homepage="", country="", kind="other"), name


# --- Mastheads: the name of the site or of the office that issued the page, on a line of its
# own in its header: "The Mercury News", "JIS News", "Ministry of Foreign Affairs of Ukraine",
# "Office of the Spokesperson", "The Guardian - UK".
# The nouns that end outlets' names (the last words most often found in known_outlets.json, but
# "Press", which also ends headlines: "Premier Meets Press").
_MASTHEAD_NOUNS = """
    agency news times post online herald zeitung mail service media television tv guardian
    daily star standard journal tribune inquirer telegraph gleaner network corporation shimbun
    presse nyheter gazette chronicle express observer mirror courier wire newsroom"""
MASTHEAD_NOUNS = frozenset(_MASTHEAD_NOUNS.split())
# The head of an office's name before "of": "Ministry of ...", "President of Ukraine".
MASTHEAD_HEADS = BODIES | {"president", "presidency"}
MASTHEAD_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})
# Label words of a site's interface that a name in this shape may also hold ("Recent News",
# "Latest News", "World Service").
_MASTHEAD_NOT_WORDS = """
    recent latest top breaking more related other world local national international home
    live all our your my general reader's readers customer"""
MASTHEAD_NOT_WORDS = frozenset(_MASTHEAD_NOT_WORDS.split())
# What an office issues, named in a headline of that shape: "Department of State Daily Press
# Briefing", "Office of the Press Secretary Statement".
_DOCUMENT_WORDS = """
    briefing briefings conference statement statements release releases remarks transcript
    interview meeting meetings report readout speech address announcement"""
DOCUMENT_WORDS = frozenset(_DOCUMENT_WORDS.split())
# "The Guardian - UK", "POST Online Media Lite Edition": the edition after the name.
EDITION_SUFFIX_RE = re.compile(
    r"\s[-–—|]\s[A-Z]{2,3}$"
    r"|(?:\s[-–—|])?\s(?i:lite|mobile|digital|international|online|print|web|[a-z]{2,3})"
    r"\s(?i:edition)$"
)


def masthead_name(line: str) -> str | None:
    """The name a masthead line gives, or None: a few capitalised words, no digits nor
    punctuation of a sentence, that end in an outlet's noun ("... News", "... Times") or open
    with an office's ("Ministry of ...", "U.S. Department of State"). The line may carry the
    page's section before a pipe ("Parliament | Daily News") or the edition after the name."""
    if " | " in line and line.count("|") == 1:
        section, site = (part.strip() for part in line.split("|"))
        return masthead_name(site) if word_count(section) <= 3 else None
    name = EDITION_SUFFIX_RE.sub("", line.strip())
    words = name.split()
    if not 2 <= len(words) <= 6 or ends_sentence(name) or re.search(r"[\d,:;|/()\[\]\"“”]", name):
        return None
    bare = [word.strip(".'’").casefold() for word in words]
    pairs = zip(words, bare, strict=True)
    if not all(word[:1].isupper() or folded in MASTHEAD_CONNECTORS for word, folded in pairs):
        return None
    if any(word in MASTHEAD_NOT_WORDS for word in bare):
        return None
    if bare[-1] in MASTHEAD_NOUNS and len(words) <= 5:
        return name
    if any(word in DOCUMENT_WORDS for word in bare):
        return None
    if any(bare[i] in MASTHEAD_HEADS and bare[i + 1] == "of" for i in range(min(2, len(bare) - 1))):
        return name
    return None


# --- Credit lines that name the outlet a page reproduces or is: "Source: The Daily Courier",
# "Interview | Source: hromadske | Author: ...", "The post ... appeared first on Example News."
SOURCE_NAME_RE = re.compile(r"(?:^|\|\s*)sources?\s*:\s*(?P<name>[^|,;:()]{2,60})", re.IGNORECASE)
FEED_SITE_RE = re.compile(r"appeared first on (?P<name>.{2,300}?)\.*$", re.IGNORECASE)
# What a source line gives that is not an outlet: "SOURCE: Agencies", "Source: Staff reports".
# ("Source: here", "Source: link": the words of a link that stood for the address.)
_GENERIC_SOURCES = """agencies agency wires wire news reports report staff media internet web online
various sources social official officials press release releases here link this click"""
GENERIC_SOURCES = frozenset(_GENERIC_SOURCES.split())


def named_source(line: str) -> str:
    """The outlet a source credit or a feed footer names, as written, or ''."""
    match = SOURCE_NAME_RE.search(line) or FEED_SITE_RE.search(line)
    if not match:
        return ""
    # "SABC News – Breaking news, special reports, world, ...": the site's name before its motto.
    name = re.split(r"\s+[-–—|]\s+", match["name"].strip(), maxsplit=1)[0].strip(" .")
    words = name.split()
    # (Not refused for looking like a person's name: "Kyiv Post", "Steppe News" do too.)
    if not 1 <= len(words) <= 6 or name.casefold() in {"http", "https", "www"}:
        return ""  # an address's first letters: the address is read whole (site_lines)
    if all(word.casefold().strip(".") in GENERIC_SOURCES for word in words):
        return ""
    return name


# "From Wikinews, the free news source you can write!", "From: The Anadolu Agency Home Page at
# <http://...>": the page says whose text it carries (a mirror, an archive, a bulletin).
PROVENANCE_RE = re.compile(
    r"^(?i:from)\s*:?\s+(?:(?i:the)\s+)?(?P<name>[A-Z][^,:;<>()]{1,60}?)"
    r"(?:\s+(?i:home\s*page|web\s*site|website|site)\b.*|\s*[,;]\s.*|\.?$)"
)


def provenance_name(line: str) -> str:
    """The name a 'From X' provenance line gives, as written, or ''."""
    match = PROVENANCE_RE.match(line) if len(line) <= 200 else None
    return match["name"].strip() if match else ""


# --- Datelines: "MOSCOW (Reuters) -", "BEIJING, Dec. 16 (Xinhua) --", "LONDON —", "MOSCOW:",
# "KABUL, Afghanistan (AP) —", "MOSCOW, December 16. /TASS/."
_MONTH = MONTH_WORD + r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?"
_PLACE_WORD = r"[A-Z][A-Z'’.\-]*(?![a-z])"
# A dateline's date: "Dec. 16", "December 16, 2009", "30 May 2018", "TUESDAY 12 JUNE 2018".
_DATELINE_DATE = (
    rf"(?:[A-Za-z]+(?:day|DAY),?\s+)?(?:(?:{_MONTH})\s+\d{{1,2}}\.?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTH})(?:,?\s+\d{{4}})?)"
)
DATELINE_RE = re.compile(
    rf"""^(?P<place>(?:{_PLACE_WORD})(?:(?:\s+|/)(?:{_PLACE_WORD}))*)?
    (?:,\s*(?:(?P<date>{_DATELINE_DATE})
          |(?P<region>[A-Z][A-Za-z]+\.?(?:\s+[A-Z][A-Za-z]+\.?){{0,2}})))?
    (?:,\s*(?P<date2>{_DATELINE_DATE}))?
    ,?\s*(?:
        \((?P<agency>[A-Za-z][\w/&.' -]{{1,38}})\)\s*(?:--\s*|[-—–:]\s+|[—–]\s*|-(?=[A-Z"“]))
      | /(?P<slash_agency>[A-Z][\w-]{{1,20}})(?:,\s*[^/\n]{{1,40}})?/\.?(?:\s+|$)
      | (?:--|[-—–:»])\s+
      | —\s*
      | --(?=[A-Z"“])
    )(?=\S|$)""",
    re.VERBOSE,
)
# "Jakarta (ANTARA) -", "Hiroshima, May 19 -", "Washington, DC (VOA) --": a place in title
# case counts only with an agency's bracket or a date after it (a sentence can open with a
# capitalised word and a dash, hardly with those).
MIXED_CASE_DATELINE_RE = re.compile(
    rf"""^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})
    (?:,\s*(?P<region>[A-Z][A-Za-z]+\.?(?:\s+[A-Z][A-Za-z]+\.?){{0,2}}))?
    (?:,\s*(?P<date>{_DATELINE_DATE}))?
    ,?\s*(?:
        \((?P<agency>[A-Za-z][\w/&.' -]{{1,38}})\)\s*(?:--\s*|[-—–:]\s+|[—–]\s*)
      | (?<=\d)\.?\s*/(?P<slash_agency>[A-Z][\w-]{{1,20}})(?:,\s*[^/\n]{{1,40}})?/\.?(?:\s+|$)
      | (?<=\d)\.?\s*(?:--|[-—–])\s+
    )(?=\S|$)""",
    re.VERBOSE,
)
NOT_PLACES = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "WATCH", "LIVE",
              "OPINION", "EDITOR'S NOTE", "CORRECTION", "NOTE", "PHOTOS", "VIDEO", "FACTBOX",
              "Q", "A", "I", "FILE PHOTO", "FILE", "PHOTO", "FILE IMAGE",
              # A form's labels ("FROM:  U.S. DEFENSE DEPARTMENT", "LOCATION: ...").
              "FROM", "TO", "SUBJECT", "DATE", "TIME", "LOCATION", "SOURCE", "ATTN"}  # fmt: skip
# A day or a month opens a date ("Saturday, September 21, 2024 - ..."), never a dateline's place.
_CALENDAR_WORDS = """MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY
MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER"""
CALENDAR_WORDS = frozenset(_CALENDAR_WORDS.split())


SPEAKER_TITLE_RE = re.compile(r"^(?:THE|MR|MRS|MS|DR|SEN|REP|GEN|Q|A)\b\.?")


@dataclass(frozen=True)
class Dateline:
    place: str  # "MOSCOW", "" when only the agency is given
    agency: str  # "Reuters", "" when none
    evidence: str  # "(Reuters)"
    length: int  # characters to cut from the start of the paragraph


def parse_dateline(paragraph: str) -> Dateline | None:
    match = DATELINE_RE.match(paragraph[:160]) or MIXED_CASE_DATELINE_RE.match(paragraph[:160])
    if not match:
        return None
    place = (match["place"] or "").strip()
    agency = match["agency"] or match.groupdict().get("slash_agency") or ""
    if not place and not agency:
        return None
    if place and (
        len(place.replace(".", "")) < 2 or place in NOT_PLACES or place.upper() in CALENDAR_WORDS
    ):
        return None
    # A colon alone is weak evidence: "NATO: ..." opens a sentence, "ROME: ..." is a dateline.
    separator = paragraph[: match.end()].rstrip()[-1:]
    if separator == ":" and not agency and (len(place) < 3 or place in ORGANISATIONS):
        return None
    # "THE PRESIDENT:", "MR. SMITH:": a speaker in a transcript.
    if separator == ":" and not agency and SPEAKER_TITLE_RE.match(place):
        return None
    if agency and not place and not find_outlet(agency):
        return None
    evidence = f"({agency})" if match["agency"] else (f"/{agency}/" if agency else "")
    return Dateline(place, agency, evidence, match.end())


# --- Captions: paragraphs ending in a photo credit.
# An agency's name as written or in capitals ("Reuters", "REUTERS"), or a pool or file photo.
_AGENCY = "(?:{})".format(
    "|".join(
        re.escape(form)
        for name in (*NEWS_AGENCIES, *PHOTO_AGENCIES, "Pool", "File")
        for form in dict.fromkeys((name, name.upper()))
    )
)
CAPTION_CREDIT_RES = [
    # REUTERS/Morteza Nikoubazl, AFP PHOTO/NATALIA KOLESNIKOVA, EPA/SERGEI ILNITSKY, AFP PHOTO |
    # PRAKASH MATHEMA
    re.compile(
        rf"\b{_AGENCY}(?:\s+(?:PHOTO|Photo|photo|PICTURE|Pictures))?\s*/\s*"
        r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}[)\]]?\.?$"
        rf"|\b{_AGENCY}\s+(?:PHOTO|Photo|photo|PICTURE|Pictures)\s*\|\s*"
        r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}[)\]]?\.?$"
    ),
    # [AFP], [Reuters], [Getty Images], [Al Jazeera], [EPA]
    re.compile(rf"\[\s*(?:{_AGENCY}|[A-Z][\w.' &/-]{{0,30}}/{_AGENCY}|[A-Z]{{2,10}})\s*\]\.?$"),
    # (AP Photo/Name), (Photo by Name/Getty Images), (Xinhua/Name)
    re.compile(
        r"\((?:[A-Z][\w.-]*\s+)?(?:Photo|Photograph|Picture|Image|Foto)s?\s*(?:/|:|by)\s*"
        r"[^()]{2,80}\)\.?$",
        re.IGNORECASE,
    ),
    re.compile(rf"\({_AGENCY}\s*/\s*[A-Z][^()]{{1,60}}\)\.?$"),
    # (Igor Kralj/PIXSELL), (Bill Clark/Roll Call/Pool): a photographer and an agency
    re.compile(r"\([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.&/ -]{1,40}\)\.?$"),
    # "... on December 31, 2018. (Screen capture/YouTube)", "... 2008.(Chinese media/Yao
    # Dawei)": after the caption's sentence, where the picture came from and who made it
    re.compile(r"[.!?]\s*\([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}\s*/\s*[A-Z][\w.&/ -]{1,40}\)$"),
    # "... on October 19, 2018. [Edward Kiplimo,Standard]": a photographer and the outlet in
    # brackets after the caption's sentence
    re.compile(
        r"[.!?]\s+\[[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*[,/]\s*[A-Z][\w.&' -]{1,40}\]\.?$"
    ),
    # "... reopening in Paris, France, December 7, 2024. /CFP", "... . /Xinhua": a credit
    # after the caption's sentence, a slash and the agency's short name
    re.compile(r"[.!?]\s+/\s?[A-Z][\w-]{1,20}$"),
    # "... in Kathmandu on April 25. AFP photo", "[Photo/Xinhua]": the agency's photo, named
    # after the caption or in brackets on its own
    re.compile(
        rf"\b{_AGENCY}\s+(?:photo|PHOTO|Photo)s?\.?$"
        r"|(?:^|\s)\[(?:Photo|Image|Picture|Video)s?\s*/\s*[^\[\]]{1,40}\]\.?$"
    ),
    # "Cheong Wa Dae in Seoul (Yonhap)": a few words that are no sentence, then the agency
    re.compile(rf"^[A-Z][^.!?()]{{2,100}}[^.!?()\s]\s+\({_AGENCY}\)$"),
    # Photo: Name/Agency, Photograph: Name/Agency, Credit: ...
    re.compile(
        r"(?:^|[.!?]\s+|\s)(?:Photo|Photograph|Picture|Image|Credit|Photo credit|Pictured)\s*:\s*"
        r"[A-Z][^.!?]{1,80}\.?$"
    ),
    # "... Louise Delmotte / AP", "... (CC BY-SA 3.0)", "... Video: Reuters": a credit after a
    # slash with spaces, a Creative Commons licence, a media label
    re.compile(
        r"(?:\s/\s[A-Z][\w.&-]{1,20}|\((?:CC|cc)[ -]BY[\w .-]{0,20}\)|,\sCC BY[\w .-]{0,12}"
        r"|\b(?:Video|Photo|Image|Picture)s?:\s?[A-Z][\w.&/ -]{1,40})\.?$"
    ),
    # "... speaks after Britain voted to leave the European Union (Net photo)": a caption's
    # words, then whose photo it is in brackets; "... hands the letter to Donald TuskImage
    # copyright": the BBC's credit label saved onto the caption
    re.compile(
        r"\s\((?:[A-Z][\w.&'’-]*\s+){1,2}(?:photo|Photo|PHOTO|picture|Picture)s?\)\.?$"
        r"|(?<=[a-z])(?:Image|Photo|Picture) copyright$"
    ),
    # ... Getty Images / ... via Getty Images / ... AFP via Getty Images
    re.compile(r"\b(?:via\s+)?(?:Getty Images|GETTY IMAGES|Shutterstock|Alamy)\.?$"),
]
# Each credit pattern above needs a slash or a colon, or the paragraph to end in a bracket or
# an agency's name: most paragraphs have none, and six searches through each were a hot spot.
CREDIT_ENDINGS = (")", "]", "Images", "IMAGES", "Shutterstock", "Alamy", "photo", "Photo", "PHOTO",
                  "copyright")  # fmt: skip
CAPTION_PREFIX_RE = re.compile(
    r"^(?:image|photo|media|video)\s+caption(?:\s*[,:]\s*|(?=[A-Z]))", re.IGNORECASE
)  # BBC: "Image caption, Rasmussen met ...", saved without the space: "Media captionTheresa"


def caption_text(paragraph: str) -> str | None:
    """The caption, if the paragraph is a photo caption; None if it is article text."""
    if CAPTION_PREFIX_RE.match(paragraph):
        return CAPTION_PREFIX_RE.sub("", paragraph).strip() or None
    if len(paragraph) > 500 or word_count(paragraph) < 2:
        return None
    ending = paragraph.removesuffix("\n").removesuffix(".")  # as "\.?$" reads it
    if (
        "/" not in paragraph
        and ":" not in paragraph
        and "|" not in paragraph
        and not ending.endswith(CREDIT_ENDINGS)
    ):
        return None
    if any(pattern.search(paragraph) for pattern in CAPTION_CREDIT_RES):
        return paragraph
    return None
