"""Known news outlets, and finding which one a piece of text names.

The outlets come as a catalogue: by default the list in known_outlets.json (the code's own, and
the seed of the Outlet rows); an import passes the one built from the rows, so that an outlet an
admin added or edited is recognised. Each catalogue builds its lookup tables once.
"""

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

KNOWN_OUTLETS_FILE = Path(__file__).with_name("known_outlets.json")


@dataclass(frozen=True)
class Outlet:
    name: str
    short_name: str
    homepage: str  # "" if unknown
    country: str
    kind: str  # wire | state | public | broadcaster | newspaper | magazine | online | other


@dataclass(frozen=True)
class KnownOutlet:
    outlet: Outlet
    aliases: tuple[str, ...]  # other names used in datelines, bylines and notices
    domains: tuple[str, ...]
    # Credit shapes it prints, "..." standing for any few words: "/TASS/",
    # "Reporting by ... for Kyiv Post".
    credit_forms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.outlet.name, self.outlet.short_name, *self.aliases)


def known_outlet_from_dict(entry: dict) -> KnownOutlet:
    """One entry of known_outlets.json (the same keys as the Outlet model's fields)."""
    outlet = Outlet(
        entry["name"], entry["short_name"], entry["homepage"], entry["country"], entry["kind"]
    )
    return KnownOutlet(
        outlet,
        tuple(entry.get("aliases", ())),
        tuple(entry.get("domains", ())),
        tuple(entry.get("credit_forms", ())),
    )


def read_known_outlets(path: Path = KNOWN_OUTLETS_FILE) -> tuple[KnownOutlet, ...]:
    return tuple(known_outlet_from_dict(entry) for entry in json.loads(path.read_text("utf-8")))


KNOWN_OUTLETS: tuple[KnownOutlet, ...] = read_known_outlets()


# Names that are words or people's names when not written in capitals ("App", "Map", "Spa",
# "Time", "Welt", "Bild", "Rai", "Pap", "Sana"): find_outlet takes them only as written (each
# is one word, so only a text that is exactly that word).
EXACT_CASE_NAMES = frozenset(
    {"AMNA", "ANI", "ANTARA", "APP", "BILD", "HINA", "KUNA", "MAP", "MENA", "NAN", "NOS", "PAP",
     "RAI", "SANA", "SPA", "TIME", "WAFA", "WAM", "WELT"}
)  # fmt: skip


# Names that are also ordinary words or phrases ("stuff", "the age", "the national", "el mundo",
# "die Zeit"): outlet_named_in finds them in a notice only as written, capitals and all.
PHRASE_NAMES = frozenset(
    {"Stuff", "Mint", "Punch", "Vanguard", "Bernama", "The Age", "The National", "The Standard",
     "Standard Digital", "Standard Media", "The Star", "The Hill", "The Times", "The Telegraph",
     "The Independent", "The Australian", "The Atlantic", "The Hindu", "El País", "El Pais",
     "El Mundo", "El Tiempo", "El Comercio", "La Nación", "La Nacion", "la Repubblica",
     "Die Zeit", "Die Welt", "Der Standard", "Libération", "Dagens Nyheter", "Politiken",
     "Prensa Latina", "Canadian Press", "The Canadian Press", "Ведомости", "Новая газета",
     "Медуза", "Суспільне", "Українська правда"}
)  # fmt: skip


def _folded(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def host_of(url: str) -> str:
    """'https://www.Reuters.com/article/x' -> 'reuters.com'."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")


# Where a name may start: any character not straight after a letter, digit, '/' or '-'.
NAME_START_RE = re.compile(r"(?<![\w/-])(?s:.)")


# Any country's domain (.uk, .ng, .com.au), and the generic ones outlets use.
DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|int|info|news|media|"
    r"africa|digital|[a-z]{2})(?![\w-])(?:/\S*)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def _name_pattern(name: str) -> tuple[re.Pattern, re.Pattern]:
    """A name's pattern and the pattern of its first letter (shared by catalogues: a catalogue
    rebuilt after one outlet changed compiles only the new names)."""
    # Acronyms and words must match exactly ("AP", "RT", "The Age"), other names in any case.
    exact = name.isupper() or len(name) <= 4 or name in PHRASE_NAMES
    flags = 0 if exact else re.IGNORECASE
    pattern = re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w/-])", flags)
    return pattern, re.compile(re.escape(name[0]), flags)


@lru_cache(maxsize=1024)
def _credit_form_pattern(form: str) -> re.Pattern:
    """'Reporting by ... for Kyiv Post' -> the words as written, '...' a few words of any kind."""
    parts = [re.escape(part.strip()) for part in form.split("...")]
    pattern = r"[^\n]{1,60}?".join(parts)
    if form[:1].isalnum():
        pattern = r"(?<![\w/-])" + pattern
    if form[-1:].isalnum():
        pattern += r"(?![\w/-])"
    return re.compile(pattern)


class Catalogue:
    """A list of known outlets and the tables to find them fast, built once, when first used.

    Where two outlets claim one name or domain, the first in the list has it."""

    def __init__(self, outlets: Iterable[KnownOutlet]):
        self.outlets = tuple(outlets)
        self._starting_with: dict[str, tuple[tuple[re.Pattern, Outlet], ...]] = {}

    def __len__(self) -> int:
        return len(self.outlets)

    @cached_property
    def _by_folded_name(self) -> dict[str, KnownOutlet]:
        table = {}
        for known in self.outlets:
            for name in known.names:
                if name not in EXACT_CASE_NAMES:
                    table.setdefault(_folded(name), known)
            for domain in known.domains:
                table.setdefault(domain, known)
        return table

    @cached_property
    def _by_exact_name(self) -> dict[str, KnownOutlet]:
        table = {}
        for known in self.outlets:
            for name in known.names:
                if name in EXACT_CASE_NAMES:
                    table.setdefault(name, known)
        return table

    @cached_property
    def _by_domain(self) -> dict[str, int]:
        """Each domain -> the position in the list of the first outlet that lists it."""
        table = {}
        for index, known in enumerate(self.outlets):
            for domain in known.domains:
                table.setdefault(domain, index)
        return table

    @cached_property
    def _name_patterns(self) -> list[tuple[re.Pattern, re.Pattern, Outlet]]:
        """Each name's pattern, the pattern of its first letter, and its outlet; longest first."""
        patterns = [
            (*_name_pattern(name), known.outlet)
            for known in self.outlets
            for name in dict.fromkeys(known.names)
            if name
        ]
        # Longest names first, so "Radio Free Europe/Radio Liberty" wins over "Radio Liberty".
        patterns.sort(key=lambda entry: -len(entry[0].pattern))
        return patterns

    @cached_property
    def _credit_forms(self) -> list[tuple[re.Pattern, Outlet]]:
        return [
            (_credit_form_pattern(form), known.outlet)
            for known in self.outlets
            for form in known.credit_forms
            if form.strip(". ")
        ]

    def outlet_for_domain(self, url: str) -> Outlet | None:
        host = host_of(url)
        if not host:
            return None
        # The host and each domain it ends in ("news.bbc.co.uk", "bbc.co.uk", "co.uk", "uk");
        # the first outlet in the list that owns any of them, as a walk through it would find.
        by_domain = self._by_domain
        suffixes = [host] + [host[dot + 1 :] for dot, char in enumerate(host) if char == "."]
        found = [by_domain[suffix] for suffix in suffixes if suffix in by_domain]
        return self.outlets[min(found)].outlet if found else None

    def find_outlet(self, name_or_domain: str) -> Outlet | None:
        """The known outlet called this (name, short name, alias or domain, any case), or None."""
        name = name_or_domain.strip()
        if not name:
            return None
        known = self._by_folded_name.get(_folded(name)) or self._by_exact_name.get(name)
        if known:
            return known.outlet
        if "." in name and " " not in name:
            return self.outlet_for_domain(name)
        return None

    def outlet_given_by_uploader(self, name: str) -> Outlet:
        name = " ".join(name.split())
        return self.find_outlet(name) or Outlet(
            name=name, short_name=name, homepage="", country="", kind="other"
        )

    def _names_starting_with(self, char: str) -> tuple[tuple[re.Pattern, Outlet], ...]:
        """The names (longest first) that can start with this character, each in its own case."""
        if (names := self._starting_with.get(char)) is not None:
            return names
        patterns = self._name_patterns
        fitting = {first for first in {first for _, first, _ in patterns} if first.fullmatch(char)}
        names = tuple((pattern, outlet) for pattern, first, outlet in patterns if first in fitting)
        if len(self._starting_with) < 4096:
            self._starting_with[char] = names
        return names

    def outlet_named_in(self, text: str) -> tuple[Outlet, str] | None:
        """The first known outlet named in a notice or byline, with the words that named it."""
        # The leftmost name, the longest where several start at one place: trying, at each
        # place from the left, only the names whose first letter is there (hundreds of names,
        # one pass).
        for start in NAME_START_RE.finditer(text):
            for pattern, outlet in self._names_starting_with(start.group()):
                if match := pattern.match(text, start.start()):
                    return outlet, match.group()
        return None

    def outlet_from_domains(self, text: str) -> tuple[Outlet, str] | None:
        for match in DOMAIN_RE.finditer(text):
            outlet = self.outlet_for_domain(match.group())
            if outlet:
                return outlet, match.group()
        return None

    def outlet_in_credit_forms(self, texts: Iterable[str]) -> tuple[Outlet, str] | None:
        """The first outlet whose credit form one of these texts prints, with the words."""
        forms = self._credit_forms
        for text in texts:
            for pattern, outlet in forms:
                if match := pattern.search(text):
                    return outlet, match.group()
        return None


@cache
def default_catalogue() -> Catalogue:
    return Catalogue(KNOWN_OUTLETS)


# The catalogue of the article being read. A context variable rather than an argument through
# every rule: parse_article sets it for one call, and a caller passing none gets the default.
_current: ContextVar[Catalogue | None] = ContextVar("outlet_catalogue", default=None)


def current_catalogue() -> Catalogue:
    return _current.get() or default_catalogue()


@contextmanager
def reading_with(catalogue: Catalogue | None) -> Iterator[Catalogue]:
    """Find outlets in this catalogue (the default if None) until the block ends."""
    token = _current.set(catalogue)
    try:
        yield current_catalogue()
    finally:
        _current.reset(token)


def outlet_for_domain(url: str) -> Outlet | None:
    return current_catalogue().outlet_for_domain(url)


def find_outlet(name_or_domain: str) -> Outlet | None:
    return current_catalogue().find_outlet(name_or_domain)


def outlet_given_by_uploader(name: str) -> Outlet:
    return current_catalogue().outlet_given_by_uploader(name)


def outlet_named_in(text: str) -> tuple[Outlet, str] | None:
    return current_catalogue().outlet_named_in(text)


def outlet_from_domains(text: str) -> tuple[Outlet, str] | None:
    return current_catalogue().outlet_from_domains(text)
