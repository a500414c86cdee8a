"""The words of people's titles and roles, of names and of organisations, shared by every step
that reads them: quote extraction (`articles.quotes`), name matching (`articles.matching.names`),
storing people (`articles.coverage.people`) and ingest's bylines and datelines
(`articles.ingest.fields`).

Lower-case words in frozensets (a dict where a word carries a value) unless said. The shared
cores (OFFICES, OFFICE_MODIFIERS, RANKS, CLERGY, BODIES) are written once; each use builds its
set from them, and where a use needs a wider or narrower set the difference is spelt out beside
it with the reason. Pure data, stdlib only.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _one_word(name: str) -> bool:
    return name.isalpha() and len(name) > 2 and name.lower() != "who"


# --- People: titles, offices and roles.

# Titles of office, the head word of a role: "the president", "NATO's secretary-general".
OFFICES = _words(
    """
    president minister secretary-general secretary chancellor premier governor mayor ambassador
    envoy chief head leader spokesman spokeswoman spokesperson chairman chairwoman chair director
    commander general king queen senator judge taoiseach
    """
)
# Words inside an office's title, before its head: "foreign minister", "deputy prime minister".
OFFICE_MODIFIERS = _words(
    "prime foreign defence defense interior finance deputy vice acting former"
)
# Military and police ranks written before a name: "Col. Ivan Petrov", "Brig. Gen. X".
RANKS = _words(
    """
    gen colonel col lieutenant lt captain capt sergeant sgt admiral adm cmdr marshal brigadier
    brig maj cpl pvt supt insp lieut cdr spc pfc
    """
)
# Religious titles written before a name: "Pope Francis", "Imam Ali", "Ayatollah Khamenei".
CLERGY = _words("pope cardinal archbishop bishop rabbi imam ayatollah monsignor")

# Words written before a name that tell the person's sex (None: either): "Mr", "Dame",
# "Datuk Seri". Lower-case, without the dot.
HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "prof": None, "professor": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "rev": None, "reverend": None,
    "king": "m", "queen": "f", "prince": "m", "princess": "f", "sheikh": "m", "sheikha": "f",
    "shaikh": "m",
    "datuk": None, "dato": None, "datin": "f", "seri": None, "tun": None, "alhaji": "m",
    "alhaja": "f", "hajia": "f", "shri": "m", "smt": "f", "ustaz": "m", "hon": None,
    "honourable": None, "honorable": None, "cr": None, "mgr": "m", "msgr": "m",
}  # fmt: skip
# Honorifics that are part of the name as printed, as "Pope" is of "Pope Francis": the gold of
# every real split keeps "Sheikh Mohammed bin Rashid Al Maktoum" whole (QUOTES.md: names as
# printed), where "Mr" and "Dr" are address, not name.
NAME_STYLES = _words("sheikh sheikha shaikh")

# Nouns that describe a person by office, occupation, standing or relation: "the farmer", "a
# resident", "Officials said". Quote extraction reads a phrase headed by one as a person, and a
# capitalised one ("President") as a title, not a name. Wide on purpose, so not for stripping
# titles off names (TITLE_WORDS): "Dean", "Son" and "Baker" open or end real names.
ROLE_NOUNS = (
    OFFICES
    | RANKS
    | CLERGY
    | _words(
        """
        vice-president sen congressman congresswoman representative rep lawmaker legislator mp
        deputy diplomat negotiator official officer co-chair manager executive ceo cfo coo founder
        co-founder owner boss commissioner inspector detective soldier justice prosecutor attorney
        lawyer counsel solicitor barrister defendant plaintiff witness juror prince princess
        priest pastor sheikh emir monarch economist analyst strategist expert researcher scientist
        professor prof lecturer teacher student doctor physician surgeon nurse paramedic
        astronomer astrophysicist physicist chemist biologist historian engineer architect
        designer artist author writer novelist poet journalist reporter editor columnist critic
        commentator composer musician singer actor actress producer filmmaker photographer coach
        player striker winger forward defender midfielder goalkeeper athlete champion activist
        campaigner organiser organizer protester resident neighbour neighbor farmer worker
        employee operator driver pilot landlord tenant voter candidate adviser advisor consultant
        accountant banker investor trader entrepreneur businessman businesswoman volunteer
        survivor victim mother father son daughter widow wife husband man woman boy girl source
        insider aide staffer member councillor councilor councilman councilwoman trustee dean
        principal superintendent sheriff firefighter agent investigator year-old mr mrs ms dr pm
        democrat republican conservative liberal socialist communist tory independent
        libertarian guitarist drummer bassist pianist violinist cellist vocalist saxophonist
        trumpeter conductor dancer comedian presenter host anchor broadcaster blogger influencer
        commuter passenger shopper motorist pedestrian parent grandmother grandfather midwife chef
        waiter cook baker butcher shopkeeper retailer cleaner carer caregiver mechanic
        electrician plumber builder labourer laborer miner fisherman fishermen teenager pensioner
        retiree veteran refugee migrant immigrant evacuee patient customer client fan supporter
        spectator shareholder homeowner tourist visitor traveller traveler monk nun cleric
        preacher scholar academic sociologist psychologist psychiatrist epidemiologist virologist
        ecologist geologist meteorologist climatologist zoologist treasurer auditor comptroller
        controller registrar clerk administrator coordinator planner partner associate fellow
        speaker undersecretary magistrate billionaire tycoon magnate millionaire correspondent
        interviewer moderator mountaineer climber
        """
    )
)
# Words that go before a role noun in a title: "former", "acting", "foreign" (minister).
ROLE_MODIFIERS = OFFICE_MODIFIERS | _words(
    """
    ex then interim outgoing incoming senior junior assistant associate co lead chief managing
    general health home economy trade justice education first
    """
)
# Prefixes joined to a role noun by a hyphen: "vice-chairman", "under-secretary".
TITLE_PREFIXES = _words("vice deputy co ex under sub assistant acting associate")
# Capitalised words that open a title but are never part of a name: "Former minister X".
TITLE_OPENERS = _words("former ex acting interim outgoing incoming prime")
# Role suffixes: "President-elect", "Minister-designate".
ROLE_SUFFIXES = _words("elect designate")
# Ministers' portfolios, which end a title before the name: "Minister of Information and
# Broadcasting Anurag Thakur", "Minister for Home Affairs K. Shanmugam".
PORTFOLIO_WORDS = _words(
    """
    affairs broadcasting information resources development defence defense interior education
    health finance trade industry culture sport sports environment energy transport labour labor
    agriculture security communications tourism housing welfare planning commerce fisheries
    forestry infrastructure telecommunications
    """
)
# One head word for the several words of one role, so that "the premier" and "the prime
# minister", "the NATO boss" and "the NATO chief" are compared as the same role.
ROLE_HEADS = {
    "premier": "prime_minister", "pm": "prime_minister", "head": "chief", "leader": "chief",
    "boss": "chief", "secretary-general": "chief", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "secretary": "minister", "ceo": "ceo",
    "justice": "judge", "magistrate": "judge", "taoiseach": "prime_minister",
    "journalist": "reporter",
}  # fmt: skip
# Role heads (after ROLE_HEADS) that name one person in a story: "the prime minister" is
# whoever holds it there.
SOLE_OFFICES = _words(
    """
    president prime_minister chancellor minister premier governor mayor pope king queen chief
    emir monarch
    """
)
# The role heads "the official" may stand for.
OFFICIAL_ROLES = _words(
    """
    spokesperson minister chief president prime_minister ambassador envoy diplomat negotiator
    commissioner director governor mayor official officer adviser advisor aide deputy
    chancellor senator lawmaker mp undersecretary
    """
)
# Roles of people who speak about the story rather than in it: "the broadcaster's
# correspondent", "an analyst" are not the person the story is about.
OTHER_VOICES = _words(
    """
    spokesperson official source correspondent reporter journalist interviewer presenter host
    anchor editor columnist commentator analyst expert witness moderator
    """
)

# Words written before a name as a title, or inside such a title, which name matching strips to
# reach the name ("Russian President Dmitry Medvedev" is Medvedev). Narrower than ROLE_NOUNS:
# only words that hardly ever open or end a name themselves; wider by the words of a title
# before its head ("foreign", "state") and by "Major", which quote extraction must read as a
# name ("John Major said").
TITLE_WORDS = (
    OFFICES
    | OFFICE_MODIFIERS
    | RANKS
    | CLERGY
    | _words(
        """
        maj major father emir sen rep representative gov justice ceo attorney speaker
        commissioner minister-president state
        """
    )
    | frozenset(HONORIFICS)
)
# The words of an office's title, by which a stored alias made only of them ("President", "the
# premier") is a bare title that would fit anyone holding it, not a name to match by. Offices
# only, not the honorifics and ranks in TITLE_WORDS: "Bishop", "Major" and "Speaker" alone are
# people's surnames. "official" and "first" (deputy) add to the offices' words.
OFFICE_WORDS = OFFICES | OFFICE_MODIFIERS | _words("official first")


# --- Names.

# Lower-case particles that belong to a surname: "Jaap de Hoop Scheffer" is Mr de Hoop Scheffer,
# "bin Yusof", "van der Berg", "García y Vega".
NAME_PARTICLES = _words(
    "de da di del della der den van von le la du dos das bin ibn al el ter ten y"
)
# Particles joined to a name by a hyphen: "al-Hashimi", "el-Sayed", "Abd-al".
JOINED_PARTICLES = _words("al el ad ud ul ar as ash at az abd bin ben ibn")


# --- Organisations.

# Organisations known by their initials: "NATO", "the IAEA". As written, in capitals.
ACRONYM_BODIES = (
    "NATO", "UN", "EU", "IMF", "WHO", "OPEC", "OSCE", "CIA", "FBI", "FSB", "KGB", "ASEAN", "AU",
    "WTO", "IAEA", "ICC", "UNESCO", "UNICEF", "INTERPOL", "FIFA", "UEFA",
)  # fmt: skip
# News agencies and broadcasters as their credits print them: "REUTERS/Name", "(AP Photo/Name)",
# "Xinhua/Name", "(Anadolu Agency/Name)", "told Interfax". Ingest reads photo credits by them
# (as written or in capitals); quote extraction takes their one-word names as organisations.
NEWS_AGENCIES = (
    "Reuters", "AFP", "AP", "EPA", "EPA-EFE", "ANP", "ANSA", "dpa", "PA", "TASS", "ITAR-TASS",
    "RIA Novosti", "Sputnik", "Xinhua", "Interfax", "Bloomberg", "Al Jazeera", "AA", "Anadolu",
    "Anadolu Agency", "UPI", "Kyodo", "Yonhap", "BBC", "CNN",
)  # fmt: skip
# Picture agencies: credited under photos, never quoted.
PHOTO_AGENCIES = (
    "Getty", "Getty Images", "Shutterstock", "Alamy", "Corbis", "NurPhoto", "SOPA Images",
)  # fmt: skip
# Words both of an organisation's name and of the common noun that stands for one: "the
# ministry", "the Defence Ministry".
BODIES = _words(
    """
    company group ministry department government agency union council committee commission party
    police army alliance bank club association federation organisation organization office court
    board authority service administration kremlin pentagon parliament senate congress network
    station channel foundation institute university school hospital fund city state league
    movement center centre county province region media command headquarters directorate bureau
    consulate inspectorate
    """
)
# Nouns that head a phrase standing for an organisation or what it issued ("the firm said", "the
# report says"): the speaker is then the organisation, not a person.
ORG_NOUNS = BODIES | _words(
    """
    firm military team embassy campaign newspaper broadcaster charity regulator watchdog
    secretariat cabinet presidency country nation side manufacturer chipmaker carmaker automaker
    airline retailer insurer lender utility exporter developer publisher studio label coalition
    opposition prosecution tank municipality organisers organizers statement website site paper
    magazine report study survey poll letter document filing ruling judgment judgement verdict
    memo communique resolution declaration release note
    """
)
# Words that make a capitalised group the name of an organisation, a place or a thing, not a
# person: "Gazprom Neft Bank", "Red Square", "the Nobel Prize", "Reuters", "Interpol". The
# agencies' one-word names and the bodies' initials count as words from three letters on: "Un"
# and "Pa" are also syllables of names ("Kim Jong Un"); "who" is a pronoun first.
ORG_NAME_WORDS = (
    BODIES
    | {name.lower() for name in (*NEWS_AGENCIES, *ACRONYM_BODIES) if _one_word(name)}
    | {"ap"}
    | _words(
        """
        inc corp corporation ltd llc plc ag sa gmbh co holdings electric energy oil gas motors
        airlines airways semiconductor semiconductors systems technologies pharmaceuticals press
        news times post journal herald tribune telegraph guardian radio television tv front services
        college navy force forces guard house assembly bureau church street avenue road square
        bridge river lake mountain mountains island islands sea ocean bay gulf valley park states
        republic kingdom empire airport stadium telescope award prize cup championship games war
        treaty summit conference act bill plan program programme project fire united nations
        securities capital ventures partners industries solutions labs laboratories studios foods
        brands insurance investments markets mining chemicals resources communications telecom
        software entertainment productions records society trust rescue vatican elysee bundestag
        knesset duma
        """
    )
)
# Organisations and countries known by their capitals, which open sentences with a colon ("NATO:
# ...") as a dateline's city would. As written, in capitals.
ORGANISATIONS = (
    frozenset(ACRONYM_BODIES)
    | {"US", "USA", "UK"}
    | {name for name in NEWS_AGENCIES if name.isupper()}
)
