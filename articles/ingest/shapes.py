"""Small tests of what a line looks like, shared by the chrome rules and the article parser."""

import re

CLOSING_MARKS = "\"'”’)]»›"
BULLET_RE = re.compile(r"^[•·▪◦‣●■*+>–-]\s+")
SENTENCE_BREAK_RE = re.compile(r"[a-z0-9%)\]\"'”’][.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")
# A title's abbreviation before a name ends no sentence: "Spokesperson, Ms. Kateryna Zelenko",
# "Sen. John McCain", "Mt. Everest".
TITLE_ABBREVIATION_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Messrs|Dr|Prof|St|Mt|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Cmdr"
    r"|Rev|Hon|Amb|Sec|Pres|Supt|Insp|Jr|Sr|No)\.\s+[\"'“‘]?[A-Z]"
)


def strip_closing_marks(text: str) -> str:
    return text.rstrip(CLOSING_MARKS + " ")


def ends_sentence(text: str) -> bool:
    """Ends like a sentence: '.', '!', '?', ':', ';' or '…', possibly inside closing quotes."""
    core = strip_closing_marks(text)
    return bool(core) and core[-1] in ".!?:;…"


def ends_statement(text: str) -> bool:
    """Like ends_sentence, but a question mark does not count (headlines ask questions)."""
    core = strip_closing_marks(text)
    return bool(core) and core[-1] in ".!:;…"


def word_count(text: str) -> int:
    return len(text.split())


def sentence_count(text: str) -> int:
    breaks = len(SENTENCE_BREAK_RE.findall(text))
    if breaks and "." in text:
        breaks -= len(TITLE_ABBREVIATION_RE.findall(text))
    return breaks + 1


def has_lowercase_words(text: str) -> bool:
    return bool(re.search(r"\b[a-z]{3,}\b", text))


def is_upper_words(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# A file's name: "File 20171214 27562 jt433n.jpg?ixlib=rb 1.1", "IMG_2041.JPG", "report.pdf"
# (left where an image or a link stood: neither a headline nor the article's text).
FILE_NAME_RE = re.compile(r"\w\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|pdf|docx?|mp[34])(?!\w)", re.I)


def is_body_like(text: str) -> bool:
    """A paragraph of prose: a dozen words or more, ending like a sentence."""
    return word_count(text) >= 12 and ends_sentence(text) and has_lowercase_words(text)


def reads_as_prose(text: str) -> bool:
    """A run of several sentences, whatever its end: prose even when a promo or a cut-off
    sentence ends the line ("... the best young player. READ: Mbappe — from boy wonder")."""
    return word_count(text) >= 40 and sentence_count(text) >= 3 and has_lowercase_words(text)


def same_text(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return re.sub(r"\W+", " ", text.casefold()).strip()

    return bool(a) and fold(a) == fold(b)
