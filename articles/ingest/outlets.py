"""Known news outlets, and finding which one a piece of text names."""

import re
from dataclasses import dataclass
from functools import cache


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

    @property
    def names(self) -> tuple[str, ...]:
        return (self.outlet.name, self.outlet.short_name, *self.aliases)


def _known(name, short_name, homepage, country, kind, aliases=(), domains=()) -> KnownOutlet:
    return KnownOutlet(Outlet(name, short_name, homepage, country, kind), aliases, domains)


# fmt: off
KNOWN_OUTLETS: tuple[KnownOutlet, ...] = (
    # Wire agencies
    _known(
        "Reuters", "Reuters", "https://www.reuters.com", "United Kingdom", "wire",
        ("Thomson Reuters",), ("reuters.com",),
    ),
    _known(
        "Associated Press", "AP", "https://apnews.com", "United States", "wire",
        ("The Associated Press",), ("apnews.com", "ap.org"),
    ),
    _known(
        "Agence France-Presse", "AFP", "https://www.afp.com", "France", "wire",
        ("Agence France Presse",), ("afp.com",),
    ),
    _known(
        "Xinhua", "Xinhua", "http://www.xinhuanet.com", "China", "wire",
        ("Xinhua News Agency", "Xinhuanet"), ("xinhuanet.com", "news.cn", "chinaview.cn"),
    ),
    _known(
        "TASS", "TASS", "https://tass.com", "Russia", "wire",
        ("ITAR-TASS",), ("tass.com", "tass.ru", "itar-tass.com"),
    ),
    _known(
        "Interfax", "Interfax", "https://interfax.com", "Russia", "wire",
        (), ("interfax.com", "interfax.ru"),
    ),
    _known(
        "ANSA", "ANSA", "https://www.ansa.it", "Italy", "wire",
        ("Agenzia Nazionale Stampa Associata",), ("ansa.it",),
    ),
    _known(
        "Deutsche Presse-Agentur", "dpa", "https://www.dpa.com", "Germany", "wire",
        (), ("dpa.com", "dpa-international.com"),
    ),
    _known("EFE", "EFE", "https://www.efe.com", "Spain", "wire", ("Agencia EFE",), ("efe.com",)),
    _known(
        "Kyodo News", "Kyodo", "https://english.kyodonews.net", "Japan", "wire",
        (), ("kyodonews.net", "kyodonews.jp"),
    ),
    _known(
        "United Press International", "UPI", "https://www.upi.com", "United States", "wire",
        (), ("upi.com",),
    ),
    _known(
        "Bloomberg", "Bloomberg", "https://www.bloomberg.com", "United States", "wire",
        ("Bloomberg News",), ("bloomberg.com",),
    ),
    _known(
        "RIA Novosti", "RIA Novosti", "https://ria.ru", "Russia", "state",
        ("RIA",), ("ria.ru", "rian.ru"),
    ),
    # Public and state broadcasters
    _known(
        "BBC", "BBC", "https://www.bbc.co.uk", "United Kingdom", "public",
        ("BBC News", "British Broadcasting Corporation"), ("bbc.co.uk", "bbc.com"),
    ),
    _known(
        "Radio Free Europe/Radio Liberty", "RFE/RL", "https://www.rferl.org", "United States",
        "public", ("Radio Free Europe", "Radio Liberty"), ("rferl.org",),
    ),
    _known(
        "Voice of America", "VOA", "https://www.voanews.com", "United States", "public",
        (), ("voanews.com",),
    ),
    _known(
        "Deutsche Welle", "DW", "https://www.dw.com", "Germany", "public",
        (), ("dw.com", "dw.de"),
    ),
    _known(
        "France 24", "France 24", "https://www.france24.com", "France", "public",
        ("France24",), ("france24.com",),
    ),
    _known(
        "NHK", "NHK", "https://www3.nhk.or.jp", "Japan", "public",
        ("NHK World",), ("nhk.or.jp",),
    ),
    _known("RT", "RT", "https://www.rt.com", "Russia", "state", ("Russia Today",), ("rt.com",)),
    _known(
        "CGTN", "CGTN", "https://www.cgtn.com", "China", "state",
        ("China Global Television Network",), ("cgtn.com",),
    ),
    # Commercial broadcasters
    _known(
        "Al Jazeera", "Al Jazeera", "https://www.aljazeera.com", "Qatar", "broadcaster",
        ("Al-Jazeera", "Aljazeera", "Al Jazeera English"), ("aljazeera.com", "aljazeera.net"),
    ),
    _known(
        "CNN", "CNN", "https://www.cnn.com", "United States", "broadcaster",
        ("Cable News Network",), ("cnn.com",),
    ),
    _known(
        "Sky News", "Sky News", "https://news.sky.com", "United Kingdom", "broadcaster",
        (), ("news.sky.com",),
    ),
    _known(
        "Euronews", "Euronews", "https://www.euronews.com", "France", "broadcaster",
        (), ("euronews.com",),
    ),
    # Newspapers and magazines
    _known(
        "The Guardian", "Guardian", "https://www.theguardian.com", "United Kingdom", "newspaper",
        ("Guardian",), ("theguardian.com", "guardian.co.uk"),
    ),
    _known(
        "The New York Times", "NYT", "https://www.nytimes.com", "United States", "newspaper",
        ("New York Times",), ("nytimes.com",),
    ),
    _known(
        "The Washington Post", "Washington Post", "https://www.washingtonpost.com",
        "United States", "newspaper", (), ("washingtonpost.com",),
    ),
    _known(
        "The Wall Street Journal", "WSJ", "https://www.wsj.com", "United States", "newspaper",
        ("Wall Street Journal",), ("wsj.com",),
    ),
    _known(
        "Financial Times", "FT", "https://www.ft.com", "United Kingdom", "newspaper",
        ("The Financial Times",), ("ft.com",),
    ),
    _known(
        "Le Monde", "Le Monde", "https://www.lemonde.fr", "France", "newspaper",
        (), ("lemonde.fr",),
    ),
    _known(
        "The Moscow Times", "Moscow Times", "https://www.themoscowtimes.com", "Russia",
        "newspaper", (), ("themoscowtimes.com",),
    ),
    _known(
        "Kommersant", "Kommersant", "https://www.kommersant.ru", "Russia", "newspaper",
        (), ("kommersant.ru", "kommersant.com"),
    ),
    _known(
        "Der Spiegel", "Spiegel", "https://www.spiegel.de", "Germany", "magazine",
        ("Spiegel Online", "Spiegel International"), ("spiegel.de",),
    ),
    _known(
        "The Economist", "Economist", "https://www.economist.com", "United Kingdom", "magazine",
        (), ("economist.com",),
    ),
    _known(
        "Politico", "Politico", "https://www.politico.com", "United States", "online",
        ("POLITICO", "Politico Europe"), ("politico.com", "politico.eu"),
    ),
)
# fmt: on


def _folded(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


@cache
def _by_folded_name() -> dict[str, KnownOutlet]:
    table = {}
    for known in KNOWN_OUTLETS:
        for name in known.names:
            table.setdefault(_folded(name), known)
        for domain in known.domains:
            table.setdefault(domain, known)
    return table


def host_of(url: str) -> str:
    """'https://www.Reuters.com/article/x' -> 'reuters.com'."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")


def outlet_for_domain(url: str) -> Outlet | None:
    host = host_of(url)
    if not host:
        return None
    for known in KNOWN_OUTLETS:
        if any(host == domain or host.endswith("." + domain) for domain in known.domains):
            return known.outlet
    return None


def find_outlet(name_or_domain: str) -> Outlet | None:
    """The known outlet called this (name, short name, alias or domain, any case), or None."""
    name = name_or_domain.strip()
    if not name:
        return None
    known = _by_folded_name().get(_folded(name))
    if known:
        return known.outlet
    if "." in name and " " not in name:
        return outlet_for_domain(name)
    return None


def outlet_given_by_uploader(name: str) -> Outlet:
    name = " ".join(name.split())
    return find_outlet(name) or Outlet(
        name=name, short_name=name, homepage="", country="", kind="other"
    )


@cache
def _name_patterns() -> list[tuple[re.Pattern, Outlet]]:
    patterns = []
    for known in KNOWN_OUTLETS:
        for name in known.names:
            # Acronyms must match exactly ("AP", "RT"), longer names in any case.
            flags = 0 if name.isupper() or len(name) <= 4 else re.IGNORECASE
            pattern = re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w/-])", flags)
            patterns.append((pattern, known.outlet))
    # Longest names first, so "Radio Free Europe/Radio Liberty" wins over "Radio Liberty".
    patterns.sort(key=lambda pair: -len(pair[0].pattern))
    return patterns


def outlet_named_in(text: str) -> tuple[Outlet, str] | None:
    """The first known outlet named in a notice or byline, with the words that named it."""
    best = None
    for pattern, outlet in _name_patterns():
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1].start()):
            best = (outlet, match)
    return (best[0], best[1].group()) if best else None


DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|cn|ru|de|fr|it|jp|eu|int|"
    r"info|news|tv|qa)(?![\w-])(?:/\S*)?",
    re.IGNORECASE,
)


def outlet_from_domains(text: str) -> tuple[Outlet, str] | None:
    for match in DOMAIN_RE.finditer(text):
        outlet = outlet_for_domain(match.group())
        if outlet:
            return outlet, match.group()
    return None
