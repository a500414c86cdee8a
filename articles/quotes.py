"""Find the direct quotations in an article's clean body, and who said each one.

Pure text processing (stdlib only): `extract_quotes(paragraphs, known_people)` takes the body as
a list of paragraph strings and returns plain dataclasses. It never raises on odd text and its
work grows linearly with the input (bounded windows, no regex with ambiguous repetition).

How it works:
1. Quote spans: a small state machine pairs quotation marks per paragraph (straight, curly,
   « », „ “, » «, CJK). A quote left open at the end of a paragraph that ends a sentence carries
   on when the next paragraph opens with a mark (the journalistic convention): one quote. Single
   marks are paired only outside double-quoted text, so nested quotes stay inside their outer
   quote; apostrophes (can't, Russia's, players') and inch marks are not marks.
2. Masking: each span's words are replaced by "x" in a copy of the paragraph (same offsets, the
   final punctuation kept), so sentence splitting and attribution read only the reporter's words.
3. People: capitalised names with evidence (a title before them, an appositive role, an age,
   "who ...", a reporting verb) become people, merged by surname (one typo tolerated). Names
   keep their particles ("van der Berg", "bin Yusof", "al-Khatib"), even opening a mention
   ("van der Berg said"); honorifics ("Datuk Seri", "Alhaji") and compound titles
   ("vice-chairman") are not part of them.
4. Discourse: sentences are read in order. Each span is judged (nickname, title of a work,
   term after "so-called", subheading, headline, scare quote?) and attributed: '"...," X said',
   'said X, a ...', 'X told Y', 'X said: "..."', 'X of Brazil warned: "..."', 'according to X',
   '..., adding that', a credit line ('"..." — X, 34, a nurse'), a verb governing a partial
   quote ('X said he sees a "new beginning"'; 'X told AFP the ministers had agreed "to ..."'
   is X's), or no attribution (a quote carrying on from the previous speaker, or the next turn
   of a question-and-answer exchange). Speakers are resolved: names by surname (a surname alone
   takes the full name the article used earlier), pronouns to the subject of a recent sentence
   or another person the last one names (skipping people of the other sex, and the asker for
   "replied"), descriptions ("the Danish NATO chief") by their role words against titles and
   KnownPerson aliases, or else to the topic person of the last sentences. A description with
   "former" never goes to someone currently holding that title.

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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

__all__ = ["Extraction", "KnownPerson", "Person", "Quote", "extract_quotes", "quotable_texts"]


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


@dataclass
class Extraction:
    quotes: list[Quote]
    people: list[Person]


# --------------------------------------------------------------------------- word lists
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_REPORTING_VERBS = _words(
    """
    said says say told tells tell added adds stressed stresses emphasised emphasized emphasises
    emphasizes admitted admits insisted insists warned warns noted explained explains argued
    argues acknowledged acknowledges declared declares urged urges asked asks replied replies
    answered announced announces claimed claims suggested suggests wrote writes continued
    continues concluded concludes recalled recalls remarked observed commented stated confirmed
    confirms denied denies responded responds vowed vows promised predicted predicts conceded
    concedes complained complains boasted cautioned underlined underscored reiterated reiterates
    maintained maintains pleaded demanded proclaimed affirmed assured agreed tweeted posted
    joked quipped shouted yelled exclaimed whispered testified mused wondered recounted
    described describes called hoped alleged countered retorted interjected cried sighed laughed
    muttered murmured pointed went expressed
    fumed raged snapped barked gushed beamed smiled grinned scoffed sneered chuckled groaned
    lamented mourned begged chimed
    """
)
# Verbs that can come before their subject: '"...," said Rasmussen'. Not "told" (needs an object).
# Verbs of judgement that introduce a partial quote: "accused his rival of "..."".
_JUDGING_VERBS = _words(
    """
    accused accuses criticised criticized criticises criticizes condemned condemns praised
    praises blamed blames dismissed dismisses hailed hails welcomed welcomes branded brands
    labelled labeled slammed slams defended defends thanked apologised apologized
    """
)
_INVERTIBLE = _REPORTING_VERBS - {"told", "tells", "tell", "urged", "urges", "called", "expressed"}
_REPORTING_VERBS = _REPORTING_VERBS | _JUDGING_VERBS
_PARTICIPLES = _words(
    """
    saying adding noting insisting warning arguing explaining stressing calling describing
    telling urging acknowledging admitting declaring claiming suggesting writing asking replying
    conceding stating
    """
)
# "pointed", "went" and "expressed" report speech only with their particles.
_NEEDS_PARTICLE = {"pointed": ("out",), "went": ("on",), "chimed": ("in",), "expressed": ()}
_EXPRESSED_OBJECTS = _words(
    """
    hope hopes concern concerns confidence regret doubt doubts
    """
)
# Verbs whose quoted complement is a decision or a promise, not words spoken ("the ministers
# agreed "to halve ..."): the words then come from whoever reported it.
_COMMITMENT_VERBS = _words(
    """
    agreed agrees promised promises vowed vows hoped hopes
    """
)
_DIALOG_REPLIES = _words(
    """
    replied replies answered responded responds retorted countered
    """
)

_PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None}
# Pronouns that tell the sex of the one person named in a sentence. Not "him" or "her": as
# objects they point away from the subject ("Lennox put it to her that ...").
_GENDER_WORDS = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}
_DEFINITE = _words(
    """
    the this that his her its their our my your
    """
)
_INDEFINITE = _words(
    """
    a an one another some several two three four many other any each no
    """
)
_COORDINATORS = _words("and but or then yet")
_CLAUSE_WORDS = _words(
    """
    that which who whom whose where when while because although though if as after before since
    until unless whether than so and but or
    """
)
_RELATIVE = _words("who whom whose which where")
_AUXILIARIES = _words(
    """
    has had have having is was are were be been being will would could should can may might must
    did does do also later then again simply once recently already further first finally
    previously earlier subsequently initially just only even still never not publicly privately
    repeatedly reportedly separately today yesterday
    """
)
_PREPOSITIONS = _words(
    """
    in on at to for with by from of about over under after before during since until into onto
    upon across through between among against without within near outside inside like than
    despite toward towards amid around behind beyond via per
    """
)
_FUNCTION_WORDS = _DEFINITE | _INDEFINITE | _CLAUSE_WORDS | _PREPOSITIONS | _AUXILIARIES
_PARTICLES = _words(
    """
    de da di del della der den van von le la du dos das bin ibn al el ter ten
    """
)
_JOINED_PARTICLES = _words("al el ad ud ul ar as ash at az abd bin ben ibn")
_HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "prof": None, "professor": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "rev": None, "reverend": None,
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "sheikh": "m",
    "datuk": None, "dato": None, "datin": "f", "seri": None, "tun": None, "alhaji": "m",
    "alhaja": "f", "hajia": "f", "shri": "m", "smt": "f", "ustaz": "m",
}  # fmt: skip
_ROLE_NOUNS = _words(
    """
    president vice-president minister secretary secretary-general chancellor premier mayor
    governor senator sen congressman congresswoman representative rep lawmaker legislator mp
    deputy ambassador envoy diplomat negotiator official officer spokesman spokeswoman
    spokesperson chief head leader chairman chairwoman chair co-chair director manager executive
    ceo cfo coo founder co-founder owner boss commissioner inspector detective sergeant sgt
    captain capt commander general gen admiral colonel col lieutenant lt soldier judge justice
    prosecutor attorney lawyer counsel solicitor barrister defendant plaintiff witness juror
    king queen prince princess pope cardinal bishop archbishop priest pastor rabbi imam sheikh
    emir monarch economist analyst strategist expert researcher scientist professor prof
    lecturer teacher student doctor physician surgeon nurse paramedic astronomer astrophysicist
    physicist chemist biologist historian engineer architect designer artist author writer
    novelist poet journalist reporter editor columnist critic commentator composer musician
    singer actor actress producer filmmaker photographer coach player striker winger forward
    defender midfielder goalkeeper athlete champion activist campaigner organiser organizer
    protester resident neighbour neighbor farmer worker employee operator driver pilot landlord
    tenant voter candidate adviser advisor consultant accountant banker investor trader
    entrepreneur businessman businesswoman volunteer survivor victim mother father son daughter
    widow wife husband man woman boy girl source insider aide staffer member councillor
    councilor councilman councilwoman trustee dean principal superintendent sheriff marshal
    firefighter agent investigator premier chancellor year-old mr mrs ms dr
    democrat republican conservative liberal socialist communist tory independent libertarian
    guitarist drummer bassist pianist violinist cellist vocalist saxophonist trumpeter
    conductor dancer comedian presenter host anchor broadcaster blogger influencer commuter
    passenger shopper motorist pedestrian parent grandmother grandfather midwife chef waiter
    cook baker butcher shopkeeper retailer cleaner carer caregiver mechanic electrician plumber
    builder labourer laborer miner fisherman fishermen teenager pensioner retiree veteran
    refugee migrant immigrant evacuee patient customer client fan supporter spectator
    shareholder homeowner tourist visitor traveller traveler priest monk nun cleric preacher
    lecturer scholar academic sociologist psychologist psychiatrist epidemiologist virologist
    ecologist geologist meteorologist climatologist zoologist treasurer auditor comptroller
    controller registrar clerk administrator coordinator planner partner associate fellow
    speaker undersecretary magistrate
    """
)
_ROLE_MODIFIERS = _words(
    """
    former ex then acting deputy interim outgoing incoming senior junior vice assistant
    associate co lead chief managing general foreign defence defense finance health interior
    home economy trade justice education prime first
    """
)
_TITLE_PREFIXES = _words("vice deputy co ex under sub assistant acting associate")
# Capitalised words that open a title but are never part of a name: "Former minister X".
_NOT_NAMES = _words(
    """
    former ex acting interim outgoing incoming
    """
)
_ORG_NOUNS = _words(
    """
    company firm group ministry department government agency union council committee commission
    party police army military alliance bank club team association federation organisation
    organization office court board authority service administration embassy kremlin pentagon
    parliament senate congress campaign network newspaper station channel broadcaster charity
    foundation institute university school hospital regulator watchdog secretariat fund cabinet
    presidency city state country nation league side manufacturer chipmaker carmaker automaker
    airline retailer insurer lender utility exporter developer publisher studio label coalition
    movement opposition prosecution center centre tank municipality county province region
    organisers organizers statement website paper magazine
    report study survey poll letter document filing ruling judgment judgement verdict memo
    communique resolution declaration release note
    """
)
_ORG_NAME_WORDS = _words(
    """
    inc corp corporation ltd llc plc ag sa gmbh co company group holdings bank electric energy
    oil gas motors airlines airways semiconductor semiconductors systems technologies
    pharmaceuticals press news times post journal herald tribune telegraph guardian radio
    television tv network agency association union council party alliance front movement
    committee commission department ministry office service services fund foundation institute
    university college school hospital court police army navy force forces guard senate congress
    parliament house assembly government administration authority board bureau center centre
    organization organisation federation league club church kremlin pentagon street avenue road
    square bridge river lake mountain mountains island islands sea ocean bay gulf valley park
    city county state states province republic kingdom empire region airport station stadium
    telescope award prize cup championship games war treaty summit conference act bill plan
    program programme project fire network channel united nations reuters xinhua interfax tass
    bloomberg ap afp bbc cnn nato opec asean unesco unicef interpol fifa uefa
    securities capital ventures partners industries solutions labs laboratories media studios
    foods brands insurance investments markets mining chemicals resources communications
    telecom software entertainment productions records society trust rescue
    """
)


@lru_cache(maxsize=16384)
def _is_org_name_word(word: str) -> bool:
    """A word that makes a capitalised group an organisation: "Bank", "Robotics", "Athletics"."""
    low = _bare(word).lower()
    # "-ics" fields name companies and bodies (Robotics, Athletics), hardly ever people
    return low in _ORG_NAME_WORDS or (len(low) > 6 and low.endswith("ics"))


# Countries, capitals and regions often used for their governments ("Moscow said").
_PLACES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia
    moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
    netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland
    wales america europe asia africa caucasus balkans moscow washington beijing london paris
    berlin brussels kyiv kiev tokyo delhi islamabad kabul tehran baghdad damascus ankara cairo
    jerusalem riyadh seoul pyongyang minsk warsaw rome madrid lisbon athens vienna prague
    budapest bucharest sofia belgrade ottawa canberra brasilia tbilisi yerevan baku tashkent
    astana hanoi bangkok manila jakarta taipei havana caracas nairobi pretoria abuja addis
    """
)
# Place words that are also surnames: "Hyun-woo Park" is a person when a title says so.
_SURNAME_LIKE = _words(
    """
    park lake bay river valley house church hill island bridge post
    """
)
_STOP_CAPITALS = _words(
    """
    the a an he she it they we i you his her its their our my your this that these those there
    here what who whom whose which where when why how in on at for with by from of as after
    before but and or if while although though despite since until under over between among
    about against during without within through across into onto upon asked speaking referring
    making according however meanwhile also still even only now then so yet such both each every
    all some many most other another no not yes later earlier today tomorrow yesterday last next
    first second third monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december mr mrs ms dr nor thus
    instead indeed perhaps overall
    """
)
_ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon mt no nos vs etc
    inc corp ltd co bros jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m
    p.m i.e e.g ave blvd rd dept univ approx fig
    """
)
# Words before a quoted phrase that make it a term or a label, not somebody's words.
_TERM_CUES = _words(
    """
    so-called dubbed nicknamed termed reading read slogan motto hashtag label word term phrase
    banner banners sign signs
    """
)
_WORK_NOUNS = _words(
    """
    book memoir novel film movie documentary song single album track play musical opera poem
    article essay column op-ed editorial report paper study series show programme program
    podcast episode exhibition painting collection titled entitled headlined
    """
)
_TIME_WORDS = _words(
    """
    later ago earlier year years week weeks month months day days morning afternoon evening night
    weekend today yesterday tonight decade decades century hour hours minutes monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december spring summer autumn fall winter
    """
)
_TITLE_CUES = _words("titled entitled headlined")
_ROLE_HEADS = {
    "premier": "prime_minister", "pm": "prime_minister", "head": "chief", "leader": "chief",
    "boss": "chief", "secretary-general": "chief", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "secretary": "minister", "ceo": "ceo",
    "justice": "judge", "magistrate": "judge",
}  # fmt: skip

# --------------------------------------------------------------------------- quote marks

_DOUBLE_CLOSERS = {
    '"': '"”“',
    "“": '”"“',
    "„": '“”"',
    "‟": '”"',
    "«": "»",
    "»": "«»",
    "”": "”",
    "〝": "〞〟",
    "＂": "＂",
    "「": "」",
    "『": "』",
    "❝": "❞",
    "⹂": "“”",
}
_DOUBLE_OPENERS_ALWAYS = frozenset("“„‟«〝「『❝⹂")
_SINGLE_CLOSERS = {"‘": "’'", "'": "'’", "‚": "‘’", "‛": "’", "‹": "›", "›": "‹", "❛": "❜"}
_DOUBLE_MARK_RE = re.compile('["“”„‟«»〝〞〟＂「」『』❝❞⹂]')
_SINGLE_MARK_RE = re.compile("['‘’‚‛‹›❛❜]")
_OPEN_CONTEXT = frozenset("([{—–-/:;")
_TRAILING_PUNCT = frozenset(".,!?;:…")
_CONTINUATION_OPENERS = frozenset('"“„‟«»〝＂「『❝')

_TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)+%?"  # 30,000  2.5
    r"|(?:[^\W\d_]\.){2,}"  # U.S.  a.m.
    r"|[^\W_]+(?:[’'\-‐][^\W_]+)*[’']?"  # words, Russia’s, Adebayo-Reyes, players’
    r"|[^\w\s]"
)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"')\]]*(?=\s)")
_WS_RE = re.compile(r"\s*")

_WINDOW = 60  # tokens examined on either side of a quote: bounds the work on huge paragraphs


# --------------------------------------------------------------------------- spans


@dataclass
class _Seg:
    para: int
    open_at: int  # index of the opening mark
    start: int  # first content character (whitespace trimmed)
    end: int  # just after the last content character
    close_at: int  # index of the closing mark, -1 when the paragraph ends inside the quote


@dataclass
class _Span:
    segs: list[_Seg]
    single: bool
    closed: bool = True
    nickname: bool = False
    text_end: str = ""  # last quoted character of an unclosed part


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in _DOUBLE_OPENERS_ALWAYS or ch in "‘‚‛‹❛":
        # a “ right after a word and before a space is a misplaced closer
        return not (prev.isalnum() and (nxt.isspace() or nxt in ".,;:!?"))
    return (prev.isspace() or prev in _OPEN_CONTEXT or prev in _CONTINUATION_OPENERS) and not (
        nxt.isspace() or nxt in ".,;:!?"
    )


def _looks_like_opener_only(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isspace() and nxt.isalnum()


def _ends_open_part(span: _Span) -> bool:
    """Whether the unclosed last part of a quote reads like quoted sentences, not a stray mark."""
    seg = span.segs[-1]
    return seg.end - seg.start >= 8 and span.text_end in ".!?,;:…"


def _find_double_spans(paragraphs: Sequence[str]) -> list[_Span]:
    spans: list[_Span] = []
    carry: _Span | None = None  # a quote still open at the end of the previous paragraph
    for p, text in enumerate(paragraphs):
        opener, open_at, span = "", -1, None
        skip = -1
        if carry is not None:
            k = _WS_RE.match(text).end()
            if k < len(text) and text[k] in _CONTINUATION_OPENERS and _ends_open_part(carry):
                opener, open_at, span, skip = text[k], k, carry, k
            else:
                carry.closed = False
                spans.append(carry)
            carry = None
        for match in _DOUBLE_MARK_RE.finditer(text):
            i = match.start()
            if i == skip:
                continue
            ch = text[i]
            if opener:
                if ch in _DOUBLE_CLOSERS.get(opener, "") and not _looks_like_opener_only(text, i):
                    start, end = _trim(text, open_at + 1, i)
                    seg = _Seg(p, open_at, start, end, i)
                    if span is None:
                        span = _Span([], single=False)
                    span.segs.append(seg)
                    spans.append(span)
                    opener, span = "", None
                elif _can_open(text, i):
                    # the previous mark was never closed: a stray, start again here
                    opener, open_at, span = ch, i, None
            elif ch in _DOUBLE_CLOSERS and _can_open(text, i):
                opener, open_at = ch, i
        if opener:
            start, end = _trim(text, open_at + 1, len(text))
            if span is None:
                span = _Span([], single=False)
            span.segs.append(_Seg(p, open_at, start, end, -1))
            span.text_end = text[end - 1 : end]
            carry = span
    if carry is not None:
        carry.closed = False
        spans.append(carry)
    return [s for s in spans if any(seg.end > seg.start for seg in s.segs)]


def _find_single_spans(p: int, text: str, blocked: list[tuple[int, int]]) -> list[_Span]:
    blocked.sort()
    starts = [a for a, _ in blocked]

    def inside_double(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i <= blocked[k][1]

    marks = [m.start() for m in _SINGLE_MARK_RE.finditer(text) if not inside_double(m.start())]
    spans: list[_Span] = []
    opener, open_at = "", -1
    n = len(text)
    for idx, i in enumerate(marks):
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: can’t, Russia’s
        left = (prev.isspace() or prev in _OPEN_CONTEXT or prev in '"“„«') and not nxt.isspace()
        if not opener:
            if ch in _SINGLE_CLOSERS and left and not (nxt.isdigit() and ch in "'‘"):
                opener, open_at = ch, i
            continue
        if ch in _SINGLE_CLOSERS[opener] and not prev.isspace():
            # "the players’ union": a plural possessive when a real closer follows soon after
            if prev in "sS" and nxt == " " and i + 2 < n and text[i + 2].islower():
                later = marks[idx + 1 : idx + 20]
                if any(
                    not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isalnum())
                    for j in later
                ):
                    continue
            start, end = _trim(text, open_at + 1, i)
            if end > start:
                spans.append(_Span([_Seg(p, open_at, start, end, i)], single=True))
            opener = ""
        elif left and ch in "‘'‚‛‹❛":
            opener, open_at = ch, i
    return spans


def _is_nickname(text: str, seg: _Seg) -> bool:
    """Francisco 'Panchito' Olachea, Earvin "Magic" Johnson."""
    content = text[seg.start : seg.end]
    words = content.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, seg.open_at - 40) : seg.open_at]
    after = text[seg.close_at + 1 : seg.close_at + 40]
    prev_word = before.rstrip().rsplit(" ", 1)[-1] if before.endswith(" ") else ""
    next_word = after[1:].split(" ", 1)[0] if after.startswith(" ") else ""
    return (
        prev_word[:1].isupper()
        and prev_word.lower() not in _STOP_CAPITALS
        and prev_word.lower().rstrip(".") not in _ROLE_NOUNS
        and next_word[:1].isupper()
        and next_word.lower() not in _STOP_CAPITALS
    )


def _find_spans(paragraphs: Sequence[str]) -> list[_Span]:
    doubles = _find_double_spans(paragraphs)
    blocked: dict[int, list[tuple[int, int]]] = {}
    for span in doubles:
        for seg in span.segs:
            end = seg.close_at if seg.close_at >= 0 else len(paragraphs[seg.para])
            blocked.setdefault(seg.para, []).append((seg.open_at, end))
    singles: list[_Span] = []
    for p, text in enumerate(paragraphs):
        if "'" in text or "‘" in text or "’" in text or "‹" in text or "‚" in text:
            singles.extend(_find_single_spans(p, text, blocked.get(p, [])))
    # British style: 'He said "no" to us,' she said -- the double quote is the nested one.
    outer = [
        s
        for s in singles
        if paragraphs[s.segs[0].para][s.segs[0].end - 1 : s.segs[0].end] in ",.!?"
    ]
    if outer:
        by_para: dict[int, list[tuple[int, int]]] = {}
        for o in outer:
            by_para.setdefault(o.segs[0].para, []).append((o.segs[0].open_at, o.segs[0].close_at))

        def nested(d: _Span) -> bool:
            seg = d.segs[0]
            ranges = by_para.get(seg.para)
            if len(d.segs) > 1 or not ranges:
                return False
            k = bisect_right(ranges, (seg.open_at, len(paragraphs[seg.para]))) - 1
            return k >= 0 and ranges[k][0] < seg.open_at and seg.close_at < ranges[k][1]

        doubles = [d for d in doubles if not nested(d)]
    spans = doubles + singles
    for span in spans:
        if len(span.segs) == 1 and span.closed:
            span.nickname = _is_nickname(paragraphs[span.segs[0].para], span.segs[0])
    spans.sort(key=lambda s: (s.segs[0].para, s.segs[0].open_at))
    return spans


def _mask(paragraphs: Sequence[str], spans: list[_Span]) -> list[str]:
    """Paragraphs with quoted words replaced by "x" and every mark by '"', offsets unchanged."""
    chars = [list(text) for text in paragraphs]
    for span in spans:
        for seg in span.segs:
            row = chars[seg.para]
            text = paragraphs[seg.para]
            close = seg.close_at if seg.close_at >= 0 else len(text)
            if span.nickname:
                for j in range(seg.open_at, close + 1):
                    row[j] = " "
                continue
            row[seg.open_at] = '"'
            if seg.close_at >= 0:
                row[seg.close_at] = '"'
            keep = seg.end
            while keep > seg.start and text[keep - 1] in _TRAILING_PUNCT:
                keep -= 1
            for j in range(seg.start, keep):
                row[j] = "x"
            for j in range(seg.open_at + 1, seg.start):
                row[j] = " "
    return ["".join(row) for row in chars]


# --------------------------------------------------------------------------- sentences


def _sentences(masked: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(masked):
        end = match.end()
        nxt = _WS_RE.match(masked, end).end()
        if nxt >= len(masked):
            break
        ch = masked[nxt]
        if not (ch.isupper() or ch.isdigit() or ch in '"(['):
            continue
        punct = match.group()
        if punct[0] == "." and '"' not in punct:
            word = masked[max(start, match.start() - 12) : match.start()].rsplit(None, 1)
            word = word[-1].lstrip("(\"'") if word else ""
            low = word.lower()
            if (low in _ABBREVIATIONS and not (low in ("no", "nos") and not ch.isdigit())) or (
                len(word) == 1 and word.isupper()
            ):
                continue
        if punct[0] in "?!" and punct.endswith('"') and _starts_attribution(masked, nxt):
            continue  # "Why?" she asked.
        bounds.append((start, end))
        start = nxt
    bounds.append((start, len(masked)))
    return bounds


def _starts_attribution(masked: str, pos: int) -> bool:
    words = masked[pos : pos + 80].split()[:5]
    for w in words:
        w = w.strip(".,;:")
        if w in _REPORTING_VERBS:
            return True
        if not w or not (w[:1].isupper() or w.lower() in _PRONOUNS or w in _DEFINITE):
            return False
    return False


# --------------------------------------------------------------------------- tokens & NPs

Tok = tuple[str, int, int]


def _tokens(text: str, offset: int = 0) -> list[Tok]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


@lru_cache(maxsize=16384)
def _bare(word: str) -> str:
    """Word without a possessive ending: Russia’s -> Russia, players’ -> players."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")):
        return word[:-1]
    return word


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))


def _is_acronym(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 1 and bare.isupper()


@lru_cache(maxsize=16384)  # the same words come back in every sentence
def _is_name_word(word: str) -> bool:
    prefix, dash, rest = word.partition("-")
    if dash and prefix in _JOINED_PARTICLES and rest[:1].isupper():
        return _is_name_word(rest)  # "al-Hashimi", "el-Sayed"
    if not word[:1].isupper() or _is_acronym(word):
        return False
    low = _bare(word).lower()
    return low not in _STOP_CAPITALS and low not in _NOT_NAMES and not _is_role_word(word)


@lru_cache(maxsize=16384)
def _is_role_word(word: str) -> bool:
    low = _bare(word).lower().rstrip(".")
    if low.endswith("s") and (low[:-1] in _ROLE_NOUNS or low[:-2] in _ROLE_NOUNS):
        low = low[:-1] if low[:-1] in _ROLE_NOUNS else low[:-2]  # "Officials said"
    # "-ist" words are professions or creeds ("Guitarist"), hardly ever names (but Lindqvist)
    prefix, _, tail = low.rpartition("-")
    return (
        low in _ROLE_NOUNS
        or low in _HONORIFICS
        or (len(low) > 5 and low.endswith("ist") and not low.endswith("vist"))
        or (tail in _ROLE_NOUNS and prefix in _TITLE_PREFIXES)  # "vice-chairman"
    )


@dataclass
class _Group:
    """A run of capitalised name words in a token list: toks[i:j]."""

    i: int
    j: int
    words: list[str]
    possessive: bool

    @property
    def is_org(self) -> bool:
        return "&" in self.words or any(_is_org_name_word(w) for w in self.words)

    @property
    def is_surely_org(self) -> bool:
        """An organisation even when a title precedes it (unlike "Hyun-woo Park")."""
        words = [_bare(w).lower() for w in self.words]
        if len(words) > 1 and words[-1] in _SURNAME_LIKE and not _is_org_name_word(words[0]):
            words = words[:-1]
        return "&" in self.words or any(_is_org_name_word(w) for w in words)

    @property
    def is_place(self) -> bool:
        return len(self.words) == 1 and _bare(self.words[0]).lower() in _PLACES


def _groups(toks: list[Tok], lo: int = 0, hi: int | None = None) -> list[_Group]:
    hi = len(toks) if hi is None else hi
    groups = []
    i = lo
    while i < hi:
        j, words, possessive = i, [], False
        if not _is_name_word(toks[i][0]):
            lead = _particles_before_name(toks, i, hi)
            # not after a capital ("Pieter van ..." is read from "Pieter"), nor the number ten
            if lead and toks[i][0] != "ten" and (i == lo or not toks[i - 1][0][:1].isupper()):
                words.extend(t[0] for t in toks[i : i + lead])  # "van den Heuvel said"
                j += lead
            elif not _is_first_name_after_title(toks, i, lo, hi):
                i += 1
                continue
            else:
                words.append(toks[i][0])
                j += 1
        while j < hi and len(words) < 6:
            w = toks[j][0]
            if _is_name_word(w):
                words.append(w)
                j += 1
                if _is_possessive(w):
                    possessive = True
                    break
            elif words and _particles_before_name(toks, j, hi):
                n = _particles_before_name(toks, j, hi)
                words.extend(t[0] for t in toks[j : j + n])  # "Pieter van der Berg"
                j += n
            elif len(w) == 1 and w.isupper() and j + 1 < hi and toks[j + 1][0] == ".":
                words.append(w + ".")  # middle initial: George W. Bush
                j += 2
            elif w == "&" and words and j + 1 < hi and toks[j + 1][0][:1].isupper():
                words.append(w)
                j += 1
            else:
                break
        while words and words[-1].endswith(".") and len(words[-1]) == 2:
            words.pop()
            j -= 2
        if (
            len(words) >= 3
            and i - 2 >= lo
            and toks[i - 1][0] == "of"
            and toks[i - 2][0][:1].isupper()
            and _is_role_word(toks[i - 2][0])
        ):
            # "Secretary of State Dana Wright": the first word ends the title
            groups.append(_Group(i, i + 1, words[:1], False))
            i += 1
            continue
        if words:
            groups.append(_Group(i, j, words, possessive))
        i = max(j, i + 1)
    return groups


def _particles_before_name(toks: list[Tok], i: int, hi: int) -> int:
    """How many lower-case name particles start at toks[i] and lead to a name word ("van der
    Berg", "de Vries", "bin Ismail"): 0 if they don't."""
    n = 0
    while n < 2 and i + n < hi and toks[i + n][0] in _PARTICLES:
        n += 1
    return n if n and i + n < hi and _is_name_word(toks[i + n][0]) else 0


def _is_first_name_after_title(toks: list[Tok], i: int, lo: int, hi: int) -> bool:
    """A role word used as a first name: "club captain Dean Farrow". A capitalised title after a
    lower-case one is rare (titles stack in the same case: "Chief Justice"), honorifics aside."""
    w = toks[i][0]
    return (
        lo < i
        and i + 1 < hi
        and w[:1].isupper()
        and w[1:].islower()
        and w.isalpha()
        and _is_role_word(w)
        and w.lower() not in _HONORIFICS
        and toks[i - 1][0].islower()
        and _is_role_word(toks[i - 1][0])
        and _is_name_word(toks[i + 1][0])
    )


def _role_before(toks: list[Tok], i: int, lo: int = 0) -> int:
    """Index where a title before toks[i] starts ("NATO Secretary-General"), or i if none."""
    j = i - 1
    if j < lo:
        return i
    if toks[j][0] == "." and j - 1 >= lo and toks[j - 1][0].lower() in _ABBREVIATIONS:
        j -= 1  # "Gen." "Sen."
    if not _is_role_word(toks[j][0]):
        return i
    start = j
    j -= 1
    while j >= lo and i - j <= 8:  # a title is a few words: bounds the walk on long runs
        w = toks[j][0]
        low = _bare(w).lower()
        right = toks[j + 1][0]
        if (
            _is_role_word(w)
            or low in _ROLE_MODIFIERS
            or _is_possessive(w)
            or w[:1].isupper()
            and low not in _STOP_CAPITALS
        ):
            start = j
        elif (
            w.isalpha()
            and w.islower()
            and low not in _FUNCTION_WORDS
            and low not in _REPORTING_VERBS
            and not low.endswith("ing")
            and right.islower()
            and _is_role_word(right)
        ):
            start = j  # "battalion chief", "defense attorney"
        elif w in ("-", "‐") or (w == "." and j > lo and toks[j - 1][0] in ("U.S", "U.K")):
            start = j
        else:
            break
        j -= 1
    return start


@dataclass
class _NP:
    kind: str  # "name" | "pronoun" | "desc" | "unnamed" | "org"
    text: str  # as written
    words: list[str] = field(default_factory=list)  # name words for "name"
    role: str = ""  # title before the name
    start: int = 0  # char offsets of the whole noun phrase in the paragraph
    end: int = 0
    bare: bool = False  # the phrase is just a name, perhaps with its title


def _head_word(words: list[str]) -> str:
    """Head noun of a description: the last word before a preposition."""
    head = ""
    for w in words:
        low = _bare(w).lower()
        if low in _PREPOSITIONS and head:
            break
        head = low
    return head


def _is_plural_head(head: str) -> bool:
    if not head.endswith("s") or head in _ROLE_NOUNS or head in _ORG_NOUNS:
        return False
    return head[:-1] in _ROLE_NOUNS or head[:-1] in _ORG_NOUNS or head[:-2] in _ROLE_NOUNS


# --------------------------------------------------------------------------- people


@dataclass
class _PersonB:
    words: list[str]
    aliases: dict[str, None] = field(default_factory=dict)
    role: str = ""
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    known: KnownPerson | None = None
    first_at: tuple[int, int] = (0, 0)  # (paragraph, offset) of the first mention

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def surname(self) -> str:
        return _bare(self.words[-1]).lower()

    def descriptions(self) -> list[str]:
        found = list(self.roles) + list(self.aliases)
        if self.known is not None:
            found += list(self.known.aliases) + [self.known.role]
        return [d for d in found if d]


def _edit_distance_le1(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@lru_cache(maxsize=65536)  # KnownPerson aliases come back with every article
def _normalise_description(text: str) -> tuple[str, ...]:
    """Content words of a description, with synonymous titles made equal: "premier" -> PM."""
    words = []
    for w in re.split(r"[\s,]+", text.lower()):
        w = _bare(w.strip(".’'\"“”"))
        if not w or w in _DEFINITE or w in _INDEFINITE:
            continue
        words.append(w)
    joined = " ".join(words)
    joined = joined.replace("prime minister", "prime_minister")
    joined = joined.replace("secretary general", "secretary-general")
    joined = joined.replace("chief executive officer", "ceo").replace("chief executive", "ceo")
    return tuple(_ROLE_HEADS.get(w, w) for w in joined.split())


def _description_head(words: Sequence[str]) -> str:
    head = ""
    for w in words:
        if w in _PREPOSITIONS and head:
            break
        if w in _ROLE_NOUNS or w in ("prime_minister", "chief", "ceo", "spokesperson"):
            head = w
        elif w.endswith("year-old"):
            head = "year-old"
    return head


def _description_score(desc: Sequence[str], other: str) -> float:
    words = _normalise_description(other)
    head, other_head = _description_head(desc), _description_head(words)
    if not head or head != other_head:
        return 0.0
    score = 2.0
    other_mods = {w[:4] for w in words if w != other_head}
    for w in desc:
        if w == head or w in _PREPOSITIONS:
            continue
        if w[:4] in other_mods:
            score += 1.0
    return score


def _is_former(words: Sequence[str]) -> bool:
    return any(w in ("former", "ex") or w.startswith("ex-") for w in words)


# --------------------------------------------------------------------------- extraction


@dataclass
class _Attribution:
    np: _NP | None
    verb: str
    adjacent: bool  # directly attached to the quote: '," he said' or 'said: "'
    factor: float = 1.0  # how sure the attribution itself is


@dataclass
class _Found:
    span: _Span
    quote: Quote
    person: _PersonB | None
    attributed: bool


class _Extractor:
    def __init__(self, paragraphs: Sequence[str], known: Sequence[KnownPerson]):
        self.paragraphs = paragraphs
        self.known = list(known)
        # KnownPerson rows may number thousands: index them once
        self.known_by_name: dict[str, KnownPerson] = {}
        self.known_by_surname: dict[str, list[KnownPerson]] = {}
        for kp in self.known:
            words = kp.name.lower().split()
            if not words:
                continue
            self.known_by_name.setdefault(kp.name.lower(), kp)
            for alias in kp.aliases:
                self.known_by_name.setdefault(alias.lower(), kp)
            self.known_by_surname.setdefault(words[-1], []).append(kp)
        self._known_descriptions: list[tuple[KnownPerson, str, tuple[str, ...]]] | None = None
        self.spans = _find_spans(paragraphs)
        self.masked = _mask(paragraphs, self.spans)
        self.sentences = [_sentences(m) for m in self.masked]
        self._sentence_starts = [[s0 for s0, _ in bounds] for bounds in self.sentences]
        self._tok_cache: dict[tuple[int, int], tuple[list[Tok], list[int]]] = {}
        self._after_cache: dict[tuple[int, int], tuple[_Attribution | None, int]] = {}
        self._group_cache: dict[tuple[int, int], list[_Group]] = {}
        self._near_cache: dict[tuple[str, int], list[str]] = {}
        self.people: list[_PersonB] = []
        self.by_surname: dict[str, list[_PersonB]] = {}
        self.non_people: set[str] = set()  # words seen as parts of organisations or places
        self.history: list[_PersonB | None] = []  # subject of each sentence read so far
        self.others: list[list[_PersonB]] = []  # the other people each sentence names
        self.mentioned: dict[int, int] = {}  # id(person) -> last sentence index mentioning them
        # the same people, least recently mentioned first (re-inserted on each mention)
        self.by_recency: dict[int, _PersonB] = {}
        self.sentence_no = 0
        self.position = (0, 0)  # (paragraph, sentence start) being read
        self.found: list[_Found] = []
        # (paragraph, sentence number, person, mention, verb) of the last "X said ..." sentence
        self.last_reporter: tuple[int, int, _PersonB, str, str] | None = None

    # ---------------------------------------------------------------- helpers

    def sentence_at(self, p: int, pos: int) -> tuple[int, int]:
        k = max(0, bisect_right(self._sentence_starts[p], pos) - 1)
        return self.sentences[p][k]

    def toks(self, p: int, s0: int, s1: int) -> list[Tok]:
        return self._toks(p, s0, s1)[0]

    def _toks(self, p: int, s0: int, s1: int) -> tuple[list[Tok], list[int]]:
        cached = self._tok_cache.get((p, s0))
        if cached is None:
            toks = _tokens(self.masked[p][s0:s1], s0)
            cached = (toks, [t[1] for t in toks])
            self._tok_cache[(p, s0)] = cached
        return cached

    def sentence_groups(self, p: int, s0: int, s1: int) -> list[_Group]:
        groups = self._group_cache.get((p, s0))
        if groups is None:
            groups = self._group_cache[(p, s0)] = _groups(self.toks(p, s0, s1))
        return groups

    def tok_index(self, p: int, pos: int, after: bool = False) -> int:
        """Index of the first token starting at pos (or after it) in pos's sentence."""
        s0, s1 = self.sentence_at(p, pos)
        starts = self._toks(p, s0, s1)[1]
        return bisect_right(starts, pos) if after else bisect_left(starts, pos)

    def text_of(self, p: int, toks: list[Tok], i: int, j: int) -> str:
        if i >= j:
            return ""
        return self.paragraphs[p][toks[i][1] : toks[j - 1][2]]

    # ---------------------------------------------------------------- people registry

    def lookup(self, words: list[str]) -> _PersonB | None:
        words = [_bare(w) for w in words]
        last = words[-1].lower()
        candidates = self.by_surname.get(last, [])
        if not candidates and len(last) >= 6 and len(self.by_surname) < 200:
            # a misspelt surname ("Medevedev"); remembered per cast of people
            key = (last, len(self.by_surname))
            near = self._near_cache.get(key)
            if near is None:
                near = self._near_cache[key] = [
                    k for k in self.by_surname if _edit_distance_le1(k, last)
                ]
            candidates = [p for k in near for p in self.by_surname[k]]
        if len(words) > 1:
            first = words[0].lower()
            for person in candidates:
                person_words = [w.lower() for w in person.words]
                if first in person_words or len(person.words) == 1:
                    return person
            return None
        if candidates:
            return max(candidates, key=lambda p: self.mentioned.get(id(p), -1))
        if len(words) == 1 and len(self.people) < 500:
            # a first name, or a surname written first ("Lin" for Lin Wei)
            for person in self.people:
                if len(person.words) > 1 and last in (w.lower() for w in person.words[:-1]):
                    return person
        return None

    def register(self, words: list[str], role: str = "") -> _PersonB:
        words = [_bare(w) for w in words]
        person = self.lookup(words)
        if person is None:
            person = _PersonB(words, first_at=self.position)
            self.people.append(person)
            self.by_surname.setdefault(person.surname, []).append(person)
        elif len(words) > len(person.words):
            if len(person.words) == 1:
                person.aliases[person.name] = None
            person.words = words
            self.by_surname.setdefault(person.surname, [])
            if person not in self.by_surname[person.surname]:
                self.by_surname[person.surname].append(person)
        elif words != person.words:
            person.aliases[" ".join(words)] = None
        person.first_at = min(person.first_at, self.position)
        if role:
            self.add_role(person, role)
        return person

    def add_role(self, person: _PersonB, role: str) -> None:
        role = role.strip(" ,")
        low = role.lower()
        for article in ("a ", "an "):
            if low.startswith(article):
                role = role[len(article) :]
        if not role:
            return
        if role not in person.roles:
            person.roles.append(role)
        if not person.role:
            person.role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", role)
        low = _bare(role.split()[-1]).lower().rstrip(".") if role.split() else ""
        if low in _HONORIFICS and _HONORIFICS[low] and person.gender is None:
            person.gender = _HONORIFICS[low]

    def collect_people(self) -> None:
        """First pass: names with evidence that they are people, and their titles."""
        # full names seen without evidence ("Kenya's Faith Wanjiru won"), by surname
        unproven: dict[str, dict[tuple[str, ...], None]] = {}
        for p in range(len(self.paragraphs)):
            for s0, s1 in self.sentences[p]:
                self.position = (p, s0)
                toks = self.toks(p, s0, s1)
                for g in self.sentence_groups(p, s0, s1):
                    if g.is_surely_org or g.is_place:
                        self.non_people.update(_bare(w).lower() for w in g.words)
                        continue
                    evidence, role = self.name_evidence(p, toks, g)
                    if evidence and (role or not g.is_org):
                        self.register(g.words, role)
                    elif g.is_org:
                        self.non_people.update(_bare(w).lower() for w in g.words)
                    elif len(g.words) >= 2 and g.i > 0 and toks[g.i - 1][0][:1].isalnum():
                        # not first in its sentence, where any word is capitalised ("Like X")
                        words = tuple(_bare(w) for w in g.words)
                        unproven.setdefault(words[-1].lower(), {})[words] = None
        for person in self.people:
            fuller = unproven.get(person.surname, {})
            if len(person.words) == 1 and len(fuller) == 1:
                # "Hughes said" after "Pop star Jodie Hughes has ...": the article's full name
                words = list(next(iter(fuller)))
                if words[0].lower() not in self.non_people:
                    person.aliases[person.name] = None
                    person.words = words
            person.known = self.match_known(person)

    def name_evidence(self, p: int, toks: list[Tok], g: _Group) -> tuple[bool, str]:
        role_at = _role_before(toks, g.i)
        role = ""
        if role_at < g.i:
            k = g.i - 1
            role = self.text_of(p, toks, role_at, k + 1)
            if not (role_at == k and _is_possessive(toks[k][0])):
                return True, role
        nxt = toks[g.j][0] if g.j < len(toks) else ""
        nxt2 = toks[g.j + 1][0] if g.j + 1 < len(toks) else ""
        if g.possessive:
            return False, ""
        if nxt == "," and (nxt2[:1].isdigit() or nxt2.lower() in ("who", "whose")):
            return True, self.appositive_after(p, toks, g.j)
        if nxt == "of" and len(g.words) >= 2 and not g.is_org and self.is_body_at(toks, g.j + 1):
            return True, ""  # "Ola Nordmann of Norway", "Ana Lima of the Lisbon Fire Brigade"
        if nxt == ",":
            appositive = self.appositive_after(p, toks, g.j)
            if appositive:
                return True, appositive
        prev = toks[g.i - 1][0] if g.i else ""
        if prev == "," and nxt == ",":
            k = g.i - 2
            while k >= 0 and toks[k][0] not in (",", ";", ":", '"'):
                k -= 1
            chunk = [t[0] for t in toks[k + 1 : g.i - 1]]
            if chunk and any(_is_role_word(w) for w in chunk):
                return True, self.text_of(p, toks, k + 1, g.i - 1)
        k = g.j
        while k < len(toks) and toks[k][0].lower() in _AUXILIARIES:
            k += 1
        if k < len(toks) and toks[k][0] in _REPORTING_VERBS and prev.lower() not in _DEFINITE:
            return True, ""
        if prev in _INVERTIBLE and g.i >= 2 and toks[g.i - 2][0] in ('"', ","):
            return True, ""
        if (
            len(g.words) >= 2
            and (g.i == 0 or prev == ",")
            and nxt.islower()
            and nxt not in _FUNCTION_WORDS - _AUXILIARIES
        ):
            return True, ""  # "Marta Kowalczyk walks ..." as a sentence subject
        if len(g.words) >= 2 and _bare(g.words[-1]).lower() in self.known_by_surname:
            return True, ""
        return False, ""

    def is_body_at(self, toks: list[Tok], k: int) -> bool:
        """Whether a country or an organisation's name starts at toks[k] ("Norway", "the UN")."""
        if k < len(toks) and toks[k][0].lower() == "the":
            k += 1
        if k >= len(toks):
            return False
        if _is_acronym(toks[k][0]):
            return True
        group = _groups(toks, k, min(len(toks), k + 8))
        return bool(group) and group[0].i == k and (group[0].is_org or group[0].is_place)

    def appositive_after(self, p: int, toks: list[Tok], k: int, require_role: bool = True) -> str:
        """Role in ", a former Danish prime minister," after a name at toks[k] == ","."""
        i = k + 1
        if (
            i < len(toks)
            and toks[i][0][:1].isdigit()
            and i + 1 < len(toks)
            and toks[i + 1][0] == ","
        ):
            i += 2  # an age: "Janusz Wróbel, 71, a retired crane operator"
        j = i
        while j < len(toks) and j - i < 14:
            w = toks[j][0]
            if w in (",", ";", ".", '"', ":", "(", ")") or w.lower() in _RELATIVE:
                break
            j += 1
        words = [t[0] for t in toks[i:j]]
        if not words:
            return ""
        first = words[0].lower()
        if (
            first not in _DEFINITE
            and first not in ("a", "an")
            and not _is_possessive(words[0])
            and not _is_role_word(words[0])
        ):
            return ""
        head = _head_word(words)
        if require_role and not _is_role_word(head):
            return ""
        return self.text_of(p, toks, i, j)

    def match_known(self, person: _PersonB) -> KnownPerson | None:
        kp = self.known_by_name.get(person.name.lower())
        if kp is not None:
            return kp
        for kp in self.known_by_surname.get(person.surname, []):
            if len(person.words) == 1 or person.words[0].lower() == kp.name.lower().split()[0]:
                return kp
        return None

    def known_descriptions(self) -> list[tuple[KnownPerson, str, tuple[str, ...]]]:
        """(person, alias, normalised alias) for every KnownPerson alias and role."""
        if self._known_descriptions is None:
            self._known_descriptions = [
                (kp, alias, _normalise_description(alias))
                for kp in self.known
                for alias in (*kp.aliases, kp.role)
                if alias
            ]
        return self._known_descriptions

    def person_from_known(self, kp: KnownPerson) -> _PersonB:
        for person in self.people:
            if person.known is kp:
                return person
        person = self.register(kp.name.split())
        person.known = kp
        return person

    # ---------------------------------------------------------------- noun phrases

    def classify(self, p: int, toks: list[Tok], i: int, j: int) -> _NP | None:
        """What the noun phrase toks[i:j] names."""
        while i < j and (
            toks[i][0].lower() in _COORDINATORS
            or toks[i][0].lower() in ("however", "meanwhile", "also", "later", "now", "still")
        ):
            i += 1
        while j > i and (
            toks[j - 1][0].lower() in _AUXILIARIES
            or (toks[j - 1][0].endswith("ly") and toks[j - 1][0].islower())  # not "Kelly"
        ):
            j -= 1
        if i >= j or j - i > 16:
            return None
        words = [t[0] for t in toks[i:j]]
        text = self.text_of(p, toks, i, j)
        start, end = toks[i][1], toks[j - 1][2]
        first = words[0].lower()
        if j - i == 1 and first in _PRONOUNS:
            return _NP("pronoun", text, start=start, end=end)
        if first in ("a", "an", "one", "another", "some", "several") or first.isdigit():
            return _NP("unnamed", text, start=start, end=end)
        groups = _groups(toks, i, j)
        if len(groups) > 1 and "and" in words:
            return _NP("unnamed", text, start=start, end=end)  # "Ruiz and Li said"
        last = groups[-1] if groups else None
        if last is not None and last.j == j - 1 and self.is_post_nominal(words[-1], last):
            return self.classify(p, toks, i, j - 1)  # "Helena Marsh KC", "Tom Hale MP"
        if "of" in words[1:] and last is not None:
            k = i + words.index("of", 1)
            before_of = [g for g in groups if g.j == k]
            if before_of and self.is_personal_name(before_of[0]):
                name = self.classify(p, toks, i, k)  # "Ana Lima of Brazil", "X of the union"
                if name is not None and name.kind == "name":
                    return name
        if (
            last is not None
            and last.j == j
            and i < last.i <= i + 3
            and (first in _DEFINITE or _is_possessive(words[0]))  # not "secretary of state X"
            and toks[last.i - 1][0] in _ORG_NOUNS
            and not _is_role_word(toks[last.i - 1][0])
        ):
            return _NP("org", text, start=start, end=end)  # "the charity Oxfam"
        if last is not None and last.j == j and not last.possessive:
            role_at = _role_before(toks, last.i, i)
            role = self.text_of(p, toks, role_at, last.i) if role_at < last.i else ""
            bare = role_at == i  # nothing but a name (and its title) in the phrase
            if self.lookup(last.words) is not None and (first not in _DEFINITE or role):
                return _NP("name", text, last.words, role, start, end, bare)
            if (
                last.is_org
                or last.is_place
                or (len(last.words) == 1 and _bare(last.words[0]).lower() in self.non_people)
            ):
                return _NP("org", text, start=start, end=end)
            if first not in _DEFINITE or role:
                return _NP("name", text, last.words, role, start, end, bare)
        if (
            len(words) == 2
            and first in ("the", "The".lower())
            and _is_name_word(words[1])
            and not _is_possessive(words[1])
            and _bare(words[1]).lower() not in self.non_people
            and not _is_org_name_word(words[1])
        ):
            return _NP("desc", text, start=start, end=end)  # "the Spaniard", "the Dane"
        if any(_is_acronym(w) for w in words[-1:]) and (
            not any(_is_role_word(w) for w in words)
            or (len(words) > 1 and words[-2] in _ORG_NOUNS)  # "the pilots' union BALPA"
        ):
            return _NP("org", text, start=start, end=end)
        head = _head_word(words)
        if head in _ORG_NOUNS or (
            groups and any(g.is_org for g in groups) and head not in _ROLE_NOUNS
        ):
            return _NP("org", text, start=start, end=end)
        if _is_plural_head(head):
            return _NP("unnamed", text, start=start, end=end)
        if head in _ROLE_NOUNS or head.endswith("year-old"):
            if first in _DEFINITE or _is_possessive(words[0]) or words[0][:1].isupper():
                return _NP("desc", text, start=start, end=end)
            return _NP("unnamed", text, start=start, end=end)
        return None

    def is_post_nominal(self, word: str, name: _Group) -> bool:
        """Letters after a name that are not part of it: "KC", "MP", "PhD"."""
        bare = _bare(word)
        return (
            2 <= len(bare) <= 4
            and bare[0].isupper()
            and bare.isalpha()
            and sum(c.isupper() for c in bare) >= 2
            and not _is_org_name_word(bare)
            and not name.possessive
            and (len(name.words) >= 2 or self.lookup(name.words) is not None)
        )

    def is_personal_name(self, g: _Group) -> bool:
        """A group that names a person rather than a body: two name words, or someone known."""
        if g.possessive or g.is_org or g.is_place:
            return False
        return len(g.words) >= 2 or self.lookup(g.words) is not None

    def np_forward(self, p: int, toks: list[Tok], i: int, hi: int) -> _NP | None:
        """The noun phrase starting at toks[i] ("said Rasmussen, a former ...")."""
        j = i
        while j < hi and j - i < 10:
            w = toks[j][0]
            low = w.lower()
            if (
                w == "."
                and j > i
                and (
                    toks[j - 1][0].lower() in _ABBREVIATIONS
                    or (len(toks[j - 1][0]) == 1 and toks[j - 1][0].isupper())
                )
            ):
                j += 1  # "Dr.", "George W." (but not "said Tom Hale MP.")
                continue
            if w in (",", ";", ":", ".", '"', "(", ")", "—", "–", "!", "?"):
                break
            if j > i and (
                low in _RELATIVE
                or low in ("that", "and", "but")
                or low in _AUXILIARIES
                or low in _REPORTING_VERBS
                or (low in _PREPOSITIONS and low != "of")
            ):
                break
            j += 1
        return self.classify(p, toks, i, j)

    def chunk_start(self, toks: list[Tok], k: int, lo: int) -> int:
        """Start of the comma-delimited chunk ending at toks[k] (at most 40 tokens back)."""
        lo = max(lo, k - 40)
        while k >= lo and toks[k][0] not in (",", ";", ":", "—", "–", "(", ")"):
            k -= 1
        return k + 1

    def subject_of(self, p: int, toks: list[Tok], v: int, lo: int) -> _NP | None:
        """Subject of the reporting verb at toks[v], looking no further left than lo."""
        j = v - 1
        while j >= lo and (
            toks[j][0].lower() in _AUXILIARIES
            or (toks[j][0].endswith("ly") and toks[j][0].islower())
        ):
            j -= 1
        if j < lo:
            return None
        w = toks[j][0]
        low = w.lower()
        verb = toks[v][0].lower()
        if verb == "saying" and low == "as":
            for q in range(j - 1, max(lo, j - 14) - 1, -1):
                if toks[q][0] == "quoted":
                    if q > lo and toks[q - 1][0].lower() in ("was", "is", "were", "been", "being"):
                        return self.subject_of(p, toks, q, lo)  # "X was quoted ... as saying"
                    return self.np_forward(p, toks, q + 1, j)  # "Reuters quoted X as saying"
            return None
        if verb in _PARTICIPLES:
            return self.sentence_subject(p, toks, lo) if w == "," else None
        if low in _RELATIVE and j - 1 >= lo and toks[j - 1][0] == ",":
            return self.np_ending_at(p, toks, j - 2, lo)  # "Putin, who said"
        if low in _COORDINATORS:
            return self.clause_subject(p, toks, j)  # "... and yelled"
        if w == ",":
            return self.np_before_parentheticals(p, toks, j, lo)
        if low in _DEFINITE or low in _INDEFINITE or low in _PREPOSITIONS:
            return None  # "the claims", "of the said" -- a noun, not a verb
        return self.np_ending_at(p, toks, j, lo)

    def np_ending_at(self, p: int, toks: list[Tok], j: int, lo: int) -> _NP | None:
        if j < lo:
            return None
        i = j
        while i > lo and j - i < 12:
            w = toks[i - 1][0]
            low = w.lower()
            if w in (",", ";", ":", '"', "(", ")", "—", "–") or (
                low in _CLAUSE_WORDS and low not in ("and",)
            ):
                break
            if low == "and" and not (
                toks[i][0][:1].isupper()
                and w == "and"
                and i - 2 >= lo
                and toks[i - 2][0][:1].isupper()
            ):
                break
            if low in _REPORTING_VERBS or low in _PARTICIPLES:
                break
            i -= 1
        while i < j and toks[i][0] in _PREPOSITIONS and toks[i][0] != "of":
            i += 1  # "went to Hanna Lindgren, who said"
        np = self.classify(p, toks, i, j + 1)
        if np is None and j - i >= 1 and toks[j][0].lower() in _PRONOUNS:
            np = self.classify(p, toks, j, j + 1)  # "..., but he said"
        return np

    def np_before_parentheticals(self, p: int, toks: list[Tok], comma: int, lo: int) -> _NP | None:
        end = comma
        for _ in range(5):
            start = self.chunk_start(toks, end - 1, lo)
            if start >= end:
                return None
            words = [t[0] for t in toks[start:end]]
            first = words[0].lower()
            np = self.classify(p, toks, start, end)
            parenthetical = (
                first in _RELATIVE
                or first[:1].isdigit()
                or first in _PREPOSITIONS
                or first.endswith("ing")
                or (first.endswith("ed") and words[0].islower())
                or first in ("however", "meanwhile", "too", "though", "also", "back")
            )
            if (
                np is not None
                and np.kind == "name"
                and not parenthetical
                and first not in _DEFINITE
            ):
                # an appositive name: "Russia's ambassador to NATO, Dmitry Rogozin," or
                # "Medina's coach, former world number one Andrea Rossi,"
                return np
            has_previous = start - 1 >= lo and toks[start - 1][0] == ","
            if not parenthetical and has_previous:
                before = self.chunk_start(toks, start - 2, lo)
                prev_np = self.classify(p, toks, before, start - 1)
                prev_first = toks[before][0].lower() if before < start - 1 else ""
                if prev_np is not None and prev_first not in _PREPOSITIONS:
                    parenthetical = True  # an appositive after the real subject
            if not parenthetical:
                return np
            if not has_previous:
                return None
            end = start - 1
        return None

    def clause_subject(self, p: int, toks: list[Tok], j: int) -> _NP | None:
        """Subject shared by coordinated verbs: "Hartley insisted ..., but conceded"."""
        k = j - 1
        while k >= 0 and j - k < 40 and toks[k][0].lower() not in ("that", ";", "who", "which"):
            k -= 1
        if k < 0 or j - k >= 40:
            return self.sentence_subject(p, toks)
        return self.np_forward(p, toks, k + 1, j)

    def is_time_phrase(self, toks: list[Tok], i: int, hi: int) -> bool:
        """A short fronted "Five years later," or "This week,"."""
        k = i
        while k < hi and k - i < 6 and toks[k][0] != ",":
            k += 1
        if k >= hi or toks[k][0] != ",":
            return False
        return any(t[0].lower() in _TIME_WORDS for t in toks[i:k])

    def sentence_subject(
        self, p: int, toks: list[Tok], lo: int = 0, hi: int | None = None
    ) -> _NP | None:
        """The main subject of the sentence toks[lo:hi], past any fronted clause."""
        hi = len(toks) if hi is None else hi
        i = lo
        for _ in range(3):
            if i >= hi:
                return None
            first = toks[i][0].lower()
            fronted = (
                first in _PREPOSITIONS
                or first in _CLAUSE_WORDS
                or first.endswith("ing")
                or (first.endswith("ed") and first not in _REPORTING_VERBS)
                or first in ("however", "meanwhile", "asked", "in", "last", "earlier")
                or self.is_time_phrase(toks, i, hi)
            )
            if first in _COORDINATORS:
                i += 1
                continue
            if not fronted:
                break
            k = i
            while k < hi and toks[k][0] != "," and k - i < 25:
                k += 1
            if k >= hi or toks[k][0] != ",":
                return None
            i = k + 1
        if i >= hi or toks[i][0] == '"':
            return None
        if toks[i][0].lower() in _PRONOUNS:
            return self.classify(p, toks, i, i + 1)  # "..., she accepted that ..."
        end = i
        while end < hi and end - i < 12:
            w = toks[end][0]
            low = w.lower()
            if w in (",", ";", ":", '"', "(", ".", "—", "–") or (
                end > i
                and (
                    low in _AUXILIARIES
                    or low in _REPORTING_VERBS
                    or low in _RELATIVE
                    or low == "that"
                    or (
                        # a verb right after a name: "Marta Kowalczyk walks"
                        w.islower()
                        and low not in _FUNCTION_WORDS
                        and low not in _ORG_NOUNS
                        and not _is_role_word(w)
                        and not _is_possessive(w)
                        and _is_name_word(toks[end - 1][0])
                    )
                )
            ):
                break
            end += 1
        np = self.classify(p, toks, i, end)
        if np is not None and np.kind in ("desc", "unnamed") and end < hi and toks[end][0] == ",":
            k = end + 1
            while k < hi and toks[k][0] != ",":
                k += 1
            appositive = self.classify(p, toks, end + 1, k)
            if appositive is not None and appositive.kind == "name":
                return appositive  # "Its chief executive, Paweł Zieliński, is ..."
        return np

    # ---------------------------------------------------------------- resolution

    def resolve(self, np: _NP, verb: str = "") -> tuple[_PersonB | None, str, float]:
        """(person, speaker_kind, confidence factor) for a noun phrase naming a speaker."""
        if np.kind == "name":
            person = self.register(np.words, np.role)
            return person, "person", 0.95
        if np.kind == "pronoun":
            word = np.text.lower()
            if word in ("they", "it"):
                return None, "organisation" if word == "it" else "unnamed", 0.6
            if word in ("i", "we"):
                return None, "unknown", 0.4
            person = self.resolve_pronoun(_PRONOUNS[word], verb)
            if person is None:
                return None, "unknown", 0.4
            if person.gender is None:
                person.gender = _PRONOUNS[word]
            return person, "person", 0.8
        if np.kind == "desc":
            person, factor = self.resolve_description(np.text)
            if person is None:
                return None, "unnamed", 0.7
            if np.text not in person.aliases and np.text != person.name:
                person.aliases[np.text] = None
            return person, "person", factor
        if np.kind == "org":
            return None, "organisation", 0.85
        return None, "unnamed", 0.85

    def recent_subjects(self, limit: int = 8) -> list[_PersonB]:
        out: list[_PersonB] = []
        for person in reversed(self.history[-limit * 3 :]):
            if person is not None and person not in out:
                out.append(person)
                if len(out) >= limit:
                    break
        return out

    def resolve_pronoun(self, gender: str | None, verb: str) -> _PersonB | None:
        exclude = None
        if verb in _DIALOG_REPLIES and self.found:
            last = self.found[-1]
            if last.quote.text.rstrip().endswith("?"):
                exclude = last.person  # the answer comes from someone else than the question
        for person in self.pronoun_candidates():
            if person is not exclude and (gender is None or person.gender in (None, gender)):
                return person
        return None

    def pronoun_candidates(self, limit: int = 4) -> list[_PersonB]:
        """Who a pronoun may stand for, likeliest first: the subjects of recent sentences, and
        right after the latest of them the others that sentence names ('Under questioning from
        counsel Ivo Marek, she conceded ... "...?" he asked' is Marek)."""
        out: list[_PersonB] = []
        objects_done = False
        for k in range(len(self.history) - 1, max(-1, len(self.history) - 1 - limit * 3), -1):
            subject = self.history[k]
            if subject is not None and subject not in out:
                out.append(subject)
            if not objects_done and (subject is not None or self.others[k]):
                objects_done = True
                out.extend(person for person in self.others[k] if person not in out)
            if len(out) >= limit:
                break
        return out

    def resolve_description(self, text: str) -> tuple[_PersonB | None, float]:
        desc = _normalise_description(text)
        former = _is_former(desc)
        head = _description_head(desc)
        # people named before this point in the article, most recent first (a bounded number:
        # a description points to someone in the recent story, and huge casts stay fast)
        seen = list(islice(reversed(self.by_recency.values()), 40))

        def holds_now(person: _PersonB) -> bool:
            for role in person.roles:
                words = _normalise_description(role)
                if _description_head(words) == head and not _is_former(words):
                    return True
            return False

        best, best_score, factor = None, 0.0, 0.8
        present = {id(p.known) for p in seen if p.known is not None}
        for kp, alias, normalised in self.known_descriptions():
            exact = normalised == desc
            # people from other articles count when named here, or on an exact, specific alias
            if not (id(kp) in present or (exact and len(desc) >= 2)):
                continue
            # "the former prime minister" is not whoever is "Prime Minister" now, and
            # the reverse: a former holder is not "the prime minister".
            if former != _is_former(normalised):
                continue
            score = 3.0 + len(desc) if exact else _description_score(desc, alias)
            if score > best_score:
                best, best_score, factor = kp, score, 0.85
        if best is not None:
            person = self.person_from_known(best)
            if not (former and holds_now(person)):
                return person, factor
            best, best_score = None, 0.0
        for person in seen:
            if former and holds_now(person):
                continue
            score = max((_description_score(desc, d) for d in person.descriptions()), default=0)
            if score > best_score:
                best, best_score = person, score
        if best is not None and best_score >= 2:
            return best, 0.8
        specific = former or head == "year-old" or len([w for w in desc if w != head]) >= 1
        if specific and head not in ("spokesperson", "official", "source"):
            for person in self.recent_subjects(3):
                if former and holds_now(person):
                    continue
                return person, 0.6
        return None, 0.7

    # ---------------------------------------------------------------- attribution

    def verb_at(self, toks: list[Tok], v: int, hi: int) -> int:
        """Index after the reporting verb phrase starting at toks[v], or -1 if none is there."""
        w = toks[v][0]
        if w not in _REPORTING_VERBS and w not in _PARTICIPLES:
            return -1
        if w in _NEEDS_PARTICLE:
            particles = _NEEDS_PARTICLE[w]
            if w == "expressed":
                k = v + 1
                if k < hi and toks[k][0] == "the":
                    k += 1
                if k < hi and toks[k][0] in _EXPRESSED_OBJECTS:
                    return k + 1
                return -1
            if v + 1 < hi and toks[v + 1][0] in particles:
                return v + 2
            return -1
        if w == "called" and v + 1 < hi and toks[v + 1][0] in ("on", "for"):
            return v + 2
        return v + 1

    def verb_text(self, p: int, toks: list[Tok], v: int, end: int) -> str:
        if toks[v][0] == "saying" and v > 0 and toks[v - 1][0] == "as":
            return "quoted as saying"
        text = self.text_of(p, toks, v, end)
        return text[:1].lower() + text[1:]  # "According to" opening a sentence

    def after_attribution(self, p: int, close_at: int) -> tuple[_Attribution | None, int]:
        """Attribution after a closing mark; also returns where the region stopped."""
        cached = self._after_cache.get((p, close_at))
        if cached is not None:
            return cached
        result = self._after_attribution(p, close_at)
        self._after_cache[(p, close_at)] = result
        return result

    def _after_attribution(self, p: int, close_at: int) -> tuple[_Attribution | None, int]:
        s0, s1 = self.sentence_at(p, close_at)
        toks = self.toks(p, s0, s1)
        k = self.tok_index(p, close_at, after=True)
        hi = k
        while hi < len(toks) and toks[hi][0] != '"' and hi - k < _WINDOW:
            hi += 1
        stop = toks[hi][1] if hi < len(toks) else s1
        i = k
        while i < hi and toks[i][0] in (",", "—", "–", "-"):
            i += 1
        if i >= hi:
            return None, stop
        w = toks[i][0]
        if w in _INVERTIBLE:
            end = self.verb_at(toks, i, hi)
            if end > 0:
                np = self.np_forward(p, toks, end, hi)
                if np is not None and np.kind in ("desc", "unnamed"):
                    np = self.appositive_name(p, toks, np, hi) or np
                if np is not None:
                    if np.kind == "name" and end < hi:
                        self.learn_appositive(p, toks, np, hi)
                    return _Attribution(np, self.verb_text(p, toks, i, end), True), stop
        if w.lower() == "according" and i + 1 < hi and toks[i + 1][0] == "to":
            np = self.np_forward(p, toks, i + 2, hi)
            if np is not None:
                return _Attribution(np, "according to", True), stop
        for v in range(i, hi):
            end = self.verb_at(toks, v, hi)
            if end < 0 or toks[v][0] in _PARTICIPLES:
                continue
            np = self.subject_of(p, toks, v, i)
            if np is None:
                continue
            adjacent = np.start <= toks[i][1]  # nothing between the quote and "X said"
            return _Attribution(np, self.verb_text(p, toks, v, end), adjacent), stop
        if any(t[0] in ("—", "–") for t in toks[k:i]):
            # a credit line: '"..." — Carla Mendes, 34, a nurse' (vox pops, captions)
            np = self.np_forward(p, toks, i, hi)
            if np is not None and np.kind == "name" and np.bare:
                return _Attribution(np, "", True, factor=0.9), stop
        for v in range(i, hi - 1):
            if toks[v][0] == "according" and toks[v + 1][0] == "to":
                np = self.np_forward(p, toks, v + 2, hi)
                if np is not None:
                    return _Attribution(np, "according to", False), stop
        return None, stop

    def appositive_name(self, p: int, toks: list[Tok], np: _NP, hi: int) -> _NP | None:
        """The name after a description: "one farmer, Ana Lima, 52"."""
        k = self.tok_index(p, np.end)
        if k < hi and toks[k][0] == ",":
            j = k + 1
            while j < hi and j - k < 8 and toks[j][0] not in (",", ".", ";", ":"):
                j += 1
            name = self.classify(p, toks, k + 1, j)
            if name is not None and name.kind == "name" and name.bare:
                return name
        return None

    def learn_appositive(self, p: int, toks: list[Tok], np: _NP, hi: int) -> None:
        k = self.tok_index(p, np.end) - 1
        if 0 <= k + 1 < hi and toks[k + 1][0] == ",":
            appositive = self.appositive_after(p, toks, k + 1, require_role=False)
            if appositive:
                person = self.register(np.words)
                self.add_role(person, appositive)
                person.aliases[re.sub(r"^(?:an?)\s+", "", appositive)] = None

    def before_attribution(self, p: int, open_at: int, lo_pos: int) -> _Attribution | None:
        s0, s1 = self.sentence_at(p, open_at)
        toks = self.toks(p, s0, s1)
        hi = self.tok_index(p, open_at)
        lo = max(0, hi - _WINDOW)
        while lo < hi and toks[lo][1] < lo_pos:
            lo += 1
        if lo >= hi:
            return None
        last = toks[hi - 1][0]
        # "According to Feld, the company's "premium valuation" ..."
        for v in range(lo, hi - 1):
            if toks[v][0].lower() == "according" and toks[v + 1][0] == "to":
                np = self.np_forward(p, toks, v + 2, hi)
                if np is not None:
                    return _Attribution(np, self.verb_text(p, toks, v, v + 2), v + 2 >= hi - 4)
        for v in range(hi - 1, lo - 1, -1):
            end = self.verb_at(toks, v, hi)
            if end < 0:
                continue
            between = [t[0] for t in toks[end:hi]]
            np = None
            if toks[v][0] in _INVERTIBLE and between and between[-1] in (":", ","):
                inverted = self.np_forward(p, toks, end, hi - 1)
                if (
                    inverted is not None
                    and inverted.kind != "pronoun"
                    and end < hi - 1
                    and toks[end][0].lower() not in _PREPOSITIONS  # "said in a statement:"
                ):
                    np = inverted  # 'said Smith: "..."'
            if np is None:
                np = self.subject_of(p, toks, v, lo)
            if np is None:
                continue
            if end < hi - 1 and toks[end][0] == "," and self.follows_comma(p, toks, np, lo):
                continue  # "Her favourite review, she says, came from ...: "..."
            if np.kind in ("org", "unnamed") and toks[v][0] in _COMMITMENT_VERBS:
                outer = self.outer_reporter(p, toks, v, lo, np)
                if outer is not None:
                    return outer
            adjacent = not between or between[-1] in (":", ",") or between == ["that"]
            adjacent = adjacent and len(between) <= 8
            return _Attribution(np, self.verb_text(p, toks, v, end), adjacent)
        if last == ":":
            np = self.sentence_subject(p, toks, lo, hi)
            if np is not None:
                return _Attribution(np, "", True, factor=0.75)
        return None

    def outer_reporter(
        self, p: int, toks: list[Tok], v: int, lo: int, inner: _NP
    ) -> _Attribution | None:
        """The person reporting the clause of toks[v]: in 'Quispe told Reuters the envoys had
        agreed "to ..."' the words are Quispe's, not the envoys'."""
        inner_at = self.tok_index(p, inner.start)
        for w in range(v - 1, lo - 1, -1):
            if toks[w][0] in (";", ":", '"', "(", ")"):
                return None
            end = self.verb_at(toks, w, inner_at + 1)
            if end < 0 or end > inner_at or toks[w][0] in _PARTICIPLES:
                continue
            np = self.subject_of(p, toks, w, lo)
            if np is None or np.kind not in ("name", "pronoun"):
                return None
            return _Attribution(np, self.verb_text(p, toks, w, end), False, factor=0.85)
        return None

    # ---------------------------------------------------------------- quote judgement

    def follows_comma(self, p: int, toks: list[Tok], np: _NP, lo: int) -> bool:
        k = self.tok_index(p, np.start)
        return k > lo and toks[k - 1][0] == ","

    def prefix_words(self, p: int, open_at: int, lo_pos: int) -> list[str]:
        """The sentence's words before an opening mark (at most _WINDOW of them)."""
        s0, s1 = self.sentence_at(p, open_at)
        toks = self.toks(p, s0, s1)
        hi = self.tok_index(p, open_at)
        lo = max(0, hi - _WINDOW, self.tok_index(p, lo_pos) if lo_pos > s0 else 0)
        return [t[0] for t in toks[lo:hi]]

    def is_headline_like(self, p: int) -> bool:
        """Short and not ending like a sentence: a headline or subheading left in the body."""
        text = self.paragraphs[p].rstrip()
        if len(text) > 200 or len(text.split(None, 16)) > 15:
            return False
        stripped = text.rstrip("\"'”’»“‘«」』)]")  # "(... on local radio.)" ends a sentence
        return not stripped or stripped[-1] not in ".!?…:;,"

    def is_term_or_title(self, span: _Span, before: list[str], has_verb_before: bool) -> bool:
        seg = span.segs[0]
        content = self.paragraphs[seg.para][seg.start : seg.end]
        recent = [w.lower() for w in before[-4:]]
        if recent and recent[-1] in _TITLE_CUES:
            return True
        if any(w in _TERM_CUES for w in recent[-3:]):
            return True
        words = content.rstrip(",.;:").split()
        if not words or content.rstrip()[-1:] in ".!?":
            return False
        small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "with", "by"}
        title_case = (words[0][:1].isupper() or words[0][:1].isdigit()) and all(
            w[:1].isupper() or w.lower() in small or not w[:1].isalpha() for w in words
        )
        if not title_case or (len(words) == 1 and not any(w in _WORK_NOUNS for w in recent)):
            return False
        if any(w in _WORK_NOUNS for w in recent):
            return True
        return bool(before) and not has_verb_before

    def judge(self, span: _Span, prev: _Found | None, prev_stop: int) -> _Found | None:
        first, last = span.segs[0], span.segs[-1]
        p = first.para
        text = self.paragraphs[p]
        content = text[first.start : first.end]
        if span.nickname or not any(ch.isalnum() for ch in content):
            return None
        same_sentence_prev = (
            prev is not None
            and prev.span.segs[-1].para == p
            and prev.span.segs[-1].close_at >= 0
            and self.sentence_at(p, prev.span.segs[-1].close_at)
            == self.sentence_at(p, first.open_at)
        )
        lo_pos = prev.span.segs[-1].close_at + 1 if same_sentence_prev else 0
        before_words = self.prefix_words(p, first.open_at, lo_pos)
        after = None
        if last.close_at >= 0:
            after = self.after_attribution(last.para, last.close_at)[0]
        before = self.before_attribution(p, first.open_at, lo_pos)
        has_verb_before = before is not None and before.verb != ""
        at_start = not before_words  # opens the sentence (or follows the previous quote in it)
        if self.is_term_or_title(span, before_words, has_verb_before):
            return None
        if self.is_headline_like(p) and not (
            after is not None and after.adjacent and (content[-1:] in ",.!?" or not after.verb)
        ):
            return None  # (a credit line, '"..." — Ana Lima, 34', is no headline)
        if at_start and last.close_at >= 0:
            rest = self.masked[last.para][last.close_at + 1 :].strip(" .,;:")
            if not rest and len(content.split()) <= 8 and content[-1:] not in ".!?,":
                return None  # a subheading such as 'Shared threats'
        # A split quote: '"A," he said, "b."' -- the attribution sits between the two parts.
        continuation = (
            same_sentence_prev
            and prev is not None
            and prev.attributed
            and prev_stop == first.open_at
            and before_words[-1:] == [","]
            and after is None
        )
        intro = before_words[-1:] in ([":"], [","]) or (
            before is not None and before.adjacent and before_words[-1:] != ["that"]
        )
        starts_upper = content[:1].isupper() or content[:1].isdigit()
        full_form = at_start or intro
        kind = "full" if full_form and starts_upper else "partial"
        # Where double marks carry the quotes, single ones need an attribution right beside them.
        if (
            span.single
            and not self.singles_are_quotes
            and not (
                (after is not None and after.adjacent and content[-1:] in ",.!?")
                or (before is not None and before.adjacent and intro)
                or (at_start and prev is not None and prev.span.single and prev.attributed)
            )
        ):
            return None
        if continuation and prev is not None:
            quote = self.make_quote(
                span, prev.quote.kind, None, prev.quote.speaker_mention, prev.quote.verb
            )
            quote.speaker = prev.quote.speaker
            quote.speaker_kind = prev.quote.speaker_kind
            quote.continues_previous = True
            quote.confidence = round(prev.quote.confidence * 0.95, 2)
            return _Found(span, quote, prev.person, True)
        chosen = None
        if after is not None and after.adjacent:
            chosen = after
        elif before is not None and (before.adjacent or not at_start):
            chosen = before
        elif after is not None:
            chosen = after
        elif before is not None:
            chosen = before
        if not span.closed and (chosen is None or (chosen is before and not intro)):
            return None
        if chosen is None:
            sentence_like = len(content.split()) >= 3 or content[-1:] in ".!?,"
            if same_sentence_prev and prev is not None and prev.attributed:
                return self.inherit(span, prev, kind)  # 'was "unavoidable" but "badly sold"'
            if before_words[-1:] == [":"] and starts_upper and sentence_like:
                # introduced by a colon, but nobody we can name: "came from a customer: "...""
                quote = self.make_quote(span, "full", None, "", "")
                quote.speaker_kind, quote.confidence = "unknown", 0.5
                return _Found(span, quote, None, False)
            if not at_start or not sentence_like:
                return None  # a scare quote or a term inside an ordinary sentence
            return self.follow_on(span, prev, kind)
        if (
            kind == "partial"
            and len(content.split()) <= 2
            and chosen is before
            and not has_verb_before
        ):
            return None
        person, speaker_kind, factor = (None, "unknown", 0.4)
        if chosen.np is not None:
            verb_word = chosen.verb.split()[0].lower() if chosen.verb else ""
            person, speaker_kind, factor = self.resolve(chosen.np, verb_word)
        factor *= chosen.factor
        mention = chosen.np.text if chosen.np is not None else ""
        quote = self.make_quote(span, kind, person, mention, chosen.verb)
        quote.speaker_kind = speaker_kind
        confidence = factor
        if span.single:
            confidence *= 0.9
        if not span.closed:
            confidence *= 0.7
        if kind == "partial":
            confidence *= 0.9 if chosen.adjacent else 0.8
        if speaker_kind == "organisation" and chosen.np is not None:
            confidence *= 0.9
        quote.confidence = round(min(confidence, 1.0), 2)
        return _Found(span, quote, person, True)

    def inherit(self, span: _Span, prev: _Found, kind: str) -> _Found:
        """Same speaker as the quote just before it in the sentence."""
        q = prev.quote
        quote = self.make_quote(span, kind, prev.person, q.speaker_mention, q.verb)
        quote.speaker, quote.speaker_kind = q.speaker, q.speaker_kind
        quote.confidence = round(q.confidence * 0.9, 2)
        return _Found(span, quote, prev.person, True)

    def follow_on(self, span: _Span, prev: _Found | None, kind: str) -> _Found:
        """A quote with no attribution of its own: usually the last speaker carrying on."""
        p = span.segs[0].para
        partner = self.exchange_partner(span)
        if partner is not None:
            q = partner.quote
            quote = self.make_quote(span, kind, partner.person, q.speaker_mention, q.verb)
            quote.speaker, quote.speaker_kind = q.speaker, q.speaker_kind
            quote.confidence = 0.5
            return _Found(span, quote, partner.person, False)
        source = None
        if prev is not None and prev.attributed:
            prev_para = prev.span.segs[-1].para
            if prev_para == p:
                source, factor = prev, 0.8
            elif (
                prev_para == p - 1
                and span.segs[0].open_at == _WS_RE.match(self.paragraphs[p]).end()
            ):
                source, factor = prev, 0.55
        reporter = self.last_reporter
        if source is None and reporter is not None and reporter[1] == self.sentence_no - 1:
            # 'Walsh said she would work from home. "My manager isn't happy."'
            same_paragraph = reporter[0] == p
            if same_paragraph or reporter[0] == p - 1:
                quote = self.make_quote(span, kind, reporter[2], reporter[3], reporter[4])
                quote.confidence = 0.6 if same_paragraph else 0.5
                return _Found(span, quote, reporter[2], False)
        if source is None:
            quote = self.make_quote(span, kind, None, "", "")
            quote.speaker_kind = "unknown"
            quote.confidence = 0.4
            return _Found(span, quote, None, False)
        quote = self.make_quote(
            span, kind, source.person, source.quote.speaker_mention, source.quote.verb
        )
        quote.speaker = source.quote.speaker
        quote.speaker_kind = source.quote.speaker_kind
        quote.confidence = round(source.quote.confidence * factor, 2)
        return _Found(span, quote, source.person, False)

    def exchange_partner(self, span: _Span) -> _Found | None:
        """Who speaks a bare turn of a question-and-answer exchange, told one turn a paragraph.

        After '"...?" he asked.' and '"...," she replied.' a paragraph that is only a quote is
        his turn again: the speaker before last, not the last one carrying on.
        """
        first, last = span.segs[0], span.segs[-1]
        p = first.para
        if len(self.found) < 2 or first.open_at != _WS_RE.match(self.paragraphs[p]).end():
            return None
        if last.close_at < 0 or self.masked[last.para][last.close_at + 1 :].strip(" .,"):
            return None  # the paragraph says more than the quote
        answer, question = self.found[-1], self.found[-2]

        def who(f: _Found) -> object:
            if f.person is not None:
                return id(f.person)
            return f.quote.speaker_mention.lower() if f.quote.speaker_kind == "unnamed" else None

        if (
            answer.span.segs[0].para != p - 1
            or question.span.segs[-1].para != p - 2
            or who(answer) is None
            or who(question) is None
            or who(answer) == who(question)
        ):
            return None
        asked = any(f.quote.text.rstrip().endswith("?") for f in (question, answer))
        replied = answer.quote.verb.split(" ", 1)[0].lower() in _DIALOG_REPLIES
        return question if asked or replied else None

    def make_quote(
        self, span: _Span, kind: str, person: _PersonB | None, mention: str, verb: str
    ) -> Quote:
        parts = [self.paragraphs[s.para][s.start : s.end] for s in span.segs]
        first, last = span.segs[0], span.segs[-1]
        return Quote(
            text="\n".join(part for part in parts if part),
            kind=kind,
            speaker=None,  # names are filled in at the end, once the fullest form is known
            speaker_mention=mention,
            verb=verb,
            start_paragraph=first.para,
            start_offset=first.start,
            end_paragraph=last.para,
            end_offset=last.end,
            confidence=0.0,
        )

    # ---------------------------------------------------------------- main loop

    def mention(self, person: _PersonB) -> None:
        self.mentioned[id(person)] = self.sentence_no
        self.by_recency.pop(id(person), None)
        self.by_recency[id(person)] = person

    def note_sentence(self, p: int, s0: int, s1: int, found_here: list[_Found]) -> None:
        """Record who the sentence is about, for later pronouns and descriptions."""
        toks = self.toks(p, s0, s1)
        mentioned: list[_PersonB] = []
        for g in self.sentence_groups(p, s0, s1):
            if g.is_org or g.is_place:
                continue
            person = self.lookup(g.words)
            if person is not None:
                mentioned.append(person)
                self.mention(person)
        subject = None
        for f in found_here:
            if f.attributed and f.person is not None:
                subject = f.person
                break
        if subject is None and not found_here:
            for v in range(len(toks)):
                if self.verb_at(toks, v, len(toks)) > 0 and toks[v][0] not in _PARTICIPLES:
                    np = self.subject_of(p, toks, v, 0)
                    if np is not None:
                        subject = self.subject_person(np, toks[v][0])
                        if subject is not None:
                            verb = self.verb_text(p, toks, v, self.verb_at(toks, v, len(toks)))
                            self.last_reporter = (p, self.sentence_no, subject, np.text, verb)
                        break
            if subject is None:
                np = self.sentence_subject(p, toks)
                if np is not None:
                    subject = self.subject_person(np, "")
        if subject is not None:
            self.mention(subject)
            if subject not in mentioned:
                mentioned.append(subject)
        distinct = list(dict.fromkeys(id(m) for m in mentioned))
        if len(distinct) == 1:
            person = mentioned[0]
            genders = {_GENDER_WORDS[t[0].lower()] for t in toks if t[0].lower() in _GENDER_WORDS}
            if len(genders) == 1 and person.gender is None:
                person.gender = genders.pop()
        self.history.append(subject)
        self.others.append([m for m in mentioned if m is not subject])
        self.sentence_no += 1

    def subject_person(self, np: _NP, verb: str) -> _PersonB | None:
        if np.kind == "name":
            person = self.lookup(np.words)
            if person is None and verb in _REPORTING_VERBS:
                person = self.register(np.words, np.role)
            return person
        if np.kind == "pronoun" and np.text.lower() in ("he", "she"):
            person = self.resolve_pronoun(_PRONOUNS[np.text.lower()], verb)
            if person is not None and person.gender is None:
                person.gender = _PRONOUNS[np.text.lower()]  # "she conceded": a woman
            return person
        if np.kind == "desc":
            if not _description_head(_normalise_description(np.text)):
                return None  # an epithet ("the Western ...") is trusted only as a speaker
            person, _ = self.resolve_description(np.text)
            if person is not None and np.text not in person.aliases:
                person.aliases[np.text] = None
            return person
        return None

    def quotes_with_single_marks(self) -> bool:
        """Whether this article marks its quotes with single marks (British style).

        True when it has no double-quoted text and at least one single-quoted sentence with an
        attribution beside it ("‘We were unlucky,’ Hartley said").
        """
        if any(not s.single and not s.nickname for s in self.spans):
            return False
        for span in self.spans:
            seg = span.segs[0]
            if span.nickname or self.paragraphs[seg.para][seg.end - 1 : seg.end] not in ",.!?":
                continue
            after, _ = self.after_attribution(seg.para, seg.close_at)
            if after is not None and after.adjacent:
                return True
        return False

    def run(self) -> Extraction:
        self.collect_people()
        self.singles_are_quotes = self.quotes_with_single_marks()
        by_start: dict[tuple[int, int], list[_Span]] = {}
        for span in self.spans:
            seg = span.segs[0]
            by_start.setdefault((seg.para, self.sentence_at(seg.para, seg.open_at)[0]), []).append(
                span
            )
        prev: _Found | None = None
        prev_stop = -1
        covered: set[int] = set()  # paragraphs inside a multi-paragraph quote
        for p in range(len(self.paragraphs)):
            for s0, s1 in self.sentences[p]:
                self.position = (p, s0)
                found_here = []
                for span in by_start.get((p, s0), []):
                    found = self.judge(span, prev, prev_stop)
                    if found is None:
                        continue
                    found_here.append(found)
                    self.found.append(found)
                    prev = found
                    last = span.segs[-1]
                    prev_stop = (
                        self.after_attribution(last.para, last.close_at)[1]
                        if last.close_at >= 0
                        else -1
                    )
                    for seg in span.segs[1:]:
                        covered.add(seg.para)
                if p in covered and not found_here:
                    self.history.append(None)
                    self.others.append([])
                    self.sentence_no += 1
                    continue
                self.note_sentence(p, s0, s1, found_here)
        return self.result()

    def result(self) -> Extraction:
        names = {id(p): self.display_name(p) for p in self.people}
        quotes = []
        for f in self.found:
            q = f.quote
            if f.person is not None:
                q.speaker = names[id(f.person)]
                q.speaker_kind = "person"
            quotes.append(q)
        people = []
        for person in sorted(self.people, key=lambda p: p.first_at):
            name = names[id(person)]
            aliases: dict[str, str] = {}  # lower-cased -> as first written
            surname = [person.words[-1]] if len(person.words) > 1 else []
            for alias in [*surname, *person.aliases, *person.roles]:
                if alias and alias != name:
                    aliases.setdefault(alias.lower(), alias)
            people.append(
                Person(
                    name=name,
                    aliases=list(aliases.values()),
                    role=person.role,
                    known_key=person.known.key if person.known is not None else None,
                )
            )
        return Extraction(quotes=quotes, people=people)

    def display_name(self, person: _PersonB) -> str:
        if person.known is not None and len(person.words) == 1:
            return person.known.name  # only the surname here; the full name comes from the DB
        return person.name


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


def extract_quotes(paragraphs: list[str], known_people: Sequence[KnownPerson] = ()) -> Extraction:
    """Every direct quotation in `paragraphs` (an article's clean body) and who said it."""
    paragraphs = [p if isinstance(p, str) else "" for p in (paragraphs or [])]
    if not any(paragraphs):
        return Extraction(quotes=[], people=[])
    return _Extractor(paragraphs, known_people).run()
