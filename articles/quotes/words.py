"""The word lists only quote extraction reads by: reporting verbs, pronouns, function words, place
words, and the cues that make a quoted phrase a term or a title. The words of titles, roles,
names and organisations, which other steps read too, are in `articles.lexicon`.

Lower-case words, in frozensets (or dicts where a word carries a value); one list per use.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REPORTING_VERBS = _words(
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
    lamented mourned begged chimed pronounced reported reports repeated repeats counseled
    counselled counsels
    """
)
# Verbs that can come before their subject: '"...," said Rasmussen'. Not "told" (needs an object).
# Verbs of judgement that introduce a partial quote: "accused his rival of "..."".
JUDGING_VERBS = _words(
    """
    accused accuses criticised criticized criticises criticizes condemned condemns praised
    praises blamed blames dismissed dismisses hailed hails welcomed welcomes branded brands
    labelled labeled slammed slams defended defends thanked apologised apologized credited
    """
)
INVERTIBLE = REPORTING_VERBS - {"told", "tells", "tell", "urged", "urges", "called", "expressed"}
REPORTING_VERBS = REPORTING_VERBS | JUDGING_VERBS
# "X was reported to have said": the words are still X's.
HEARSAY = _words("reported said believed understood thought known quoted alleged")
PARTICIPLES = _words(
    """
    saying adding noting insisting warning arguing explaining stressing calling describing
    telling urging acknowledging admitting declaring claiming suggesting writing asking replying
    conceding stating
    """
)
# "pointed", "went" and "expressed" report speech only with their particles.
NEEDS_PARTICLE = {"pointed": ("out",), "went": ("on",), "chimed": ("in",), "expressed": ()}
EXPRESSED_OBJECTS = _words(
    """
    hope hopes concern concerns confidence regret doubt doubts
    """
)
# Verbs whose quoted complement is a decision or a promise, not words spoken ("the ministers
# agreed "to halve ..."): the words then come from whoever reported it.
COMMITMENT_VERBS = _words(
    """
    agreed agrees promised promises vowed vows hoped hopes
    """
)
DIALOG_REPLIES = _words(
    """
    replied replies answered responded responds retorted countered
    """
)
# Verbs of asking in an interview: the next question comes from whoever was just answered.
DIALOG_QUESTIONS = _words("asked asks queried pressed")

PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None}
# Pronouns that tell the sex of the one person named in a sentence. Not "him" or "her": as
# objects they point away from the subject ("Lennox put it to her that ...").
GENDER_WORDS = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}
# Nouns of a description that tell the person's sex: "the billionaire businessman" is no woman.
_MALE_NOUNS = """
    man businessman spokesman chairman congressman councilman statesman sportsman policeman
    father husband son brother king prince boy grandfather widower uncle nephew
    """
_FEMALE_NOUNS = """
    woman businesswoman spokeswoman chairwoman congresswoman councilwoman stateswoman
    sportswoman policewoman mother wife daughter sister queen princess girl grandmother widow
    aunt niece actress
    """
NOUN_GENDER = {w: "m" for w in _MALE_NOUNS.split()} | {w: "f" for w in _FEMALE_NOUNS.split()}
DEFINITE = _words(
    """
    the this that his her its their our my your
    """
)
INDEFINITE = _words(
    """
    a an one another some several two three four many other any each no
    """
)
COORDINATORS = _words("and but or then yet")
CLAUSE_WORDS = _words(
    """
    that which who whom whose where when while because although though if as after before since
    until unless whether than so and but or what
    """
)
RELATIVE = _words("who whom whose which where")
AUXILIARIES = _words(
    """
    has had have having is was are were be been being will would could should can may might must
    did does do also later then again simply once recently already further first finally
    previously earlier subsequently initially just only even still never not publicly privately
    repeatedly reportedly separately today yesterday
    """
)
PREPOSITIONS = _words(
    """
    in on at to for with by from of about over under after before during since until into onto
    upon across through between among against without within near outside inside like than
    despite toward towards amid around behind beyond via per unlike
    """
)
FUNCTION_WORDS = DEFINITE | INDEFINITE | CLAUSE_WORDS | PREPOSITIONS | AUXILIARIES

# Countries, capitals and regions often used for their governments ("Moscow said").
PLACES = _words(
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
    korea jerusalem riyadh seoul pyongyang minsk warsaw rome madrid lisbon athens vienna prague
    budapest bucharest sofia belgrade ottawa canberra brasilia tbilisi yerevan baku tashkent
    astana hanoi bangkok manila jakarta taipei havana caracas nairobi pretoria abuja addis
    """
)
# People spoken of as a group ("Observers said", "Rescuers told") who are not in
# lexicon.ROLE_NOUNS, which names.is_common_plural reads beside this list.
GROUP_NOUNS = _words("observer rescuer villager protestor")
# What a person's words come in: "Sunak's message said", "were Kim's first words".
DOCUMENT_NOUNS = _words(
    """
    message statement letter tweet post speech remarks words note address reply response answer
    comment comments greeting
    """
)
# Compass words: "the North" is a country or a region, not a person; "South Korea" a place.
COMPASS = _words(
    """
    north south east west northern southern eastern western central
    """
)
# Place words that are also surnames: "Hyun-woo Park" is a person when a title says so.
SURNAME_LIKE = _words(
    """
    park lake bay river valley house church hill island bridge post
    """
)
STOP_CAPITALS = _words(
    """
    the a an he she it they we i you his her its their our my your this that these those there
    here what who whom whose which where when why how in on at for with by from of as after
    before but and or if while although though despite since until under over between among
    about against during without within through across into onto upon asked speaking referring
    making according however meanwhile also still even only now then so yet such both each every
    all some many most other another no not yes later earlier today tomorrow yesterday last next
    first second third monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december mr mrs ms dr nor thus
    instead indeed perhaps overall to thousands hundreds dozens millions billions scores tens
    furthermore moreover additionally nevertheless nonetheless consequently therefore hence
    besides likewise similarly finally separately notably previously currently
    """
)
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon mt no nos vs etc
    cr mgr msgr
    brig maj cpl pvt spc supt insp det lieut cdr amb atty pres rt
    inc corp ltd co bros jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m
    p.m i.e e.g ave blvd rd dept univ approx fig
    """
)
# Words before a quoted phrase that make it a term or a label, not somebody's words.
TERM_CUES = _words(
    """
    so-called dubbed nicknamed termed reading read slogan motto hashtag label word term phrase
    banner banners sign signs chanted chanting chant chants engraved inscribed inscription
    """
)
# Verbs that put a theme forward: the word or two in marks right after them is a theme, not
# speech ('he stressed "freedom"', 'emphasized "independent innovation"').
STRESS_VERBS = _words(
    """
    stressed stresses emphasized emphasised emphasizes emphasises underlined underscored
    highlighted highlights
    """
)
# Nouns after a quoted name that make it the name of a plan: the "Go Out" strategy.
PLAN_NOUNS = _words(
    """
    strategy policy plan programme program campaign initiative project doctrine scheme model
    agenda concept principle slogan plan label brand operation
    """
)
WORK_NOUNS = _words(
    """
    book memoir novel film movie documentary song single album track play musical opera poem
    article essay column op-ed editorial report paper study series show programme program
    podcast episode exhibition painting collection titled entitled headlined newspaper tabloid
    daily weekly magazine broadcaster channel website
    """
)
TIME_WORDS = _words(
    """
    later ago earlier year years week weeks month months day days morning afternoon evening night
    weekend today yesterday tonight decade decades century hour hours minutes monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december spring summer autumn fall winter
    """
)
TITLE_CUES = _words("titled entitled headlined")
