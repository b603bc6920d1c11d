"""Which folded words name a country or a first-level region, and where it lies.

Why a gazetteer and not a hand list: "Munich, Bavaria", "Oslo, Norway" and "Sydney, New South
Wales" are addresses on any subject, and no hand list keeps up with every country's regions.
pycountry carries ISO 3166-1 (countries) and ISO 3166-2 (subdivisions) offline: a country has
rank 2, a first-level subdivision rank 1 and a lower subdivision (Paris, Birmingham, Roma) rank 0,
each with its country's code, so "Paris, Texas" is known to be no address of the Paris in
France. Names are taken as ISO writes them, each bracketed alternative ("Catalunya [Cataluña]"),
the English translation pycountry ships ("Bayern" → "Bavaria") and a few English names it lacks,
folded like responses.

Loading reads pycountry's JSON once (about 0.1 s), only when a comma part has to be read, and is
cached, so starting quizbot costs nothing. Subdivisions named only by a compass word ("Northern",
"Central", "East") are left out: after a comma those are descriptions, not addresses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.judge.places import COUNTRIES, MEXICAN_STATES, US_STATES, place_rank
from bot.core.text.normalize import normalize

Place = tuple[int | None, str | None]  # (rank: 1 region, 2 country, None unknown; country code)

_GENERIC_WORDS = """
north south east west northern southern eastern western central centre center middle mid upper
lower far capital coast coastal region district province islands island greater inner outer
northeast northwest southeast southwest and
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
_BRACKETS = re.compile(r"\[([^\]]*)\]")
# Hand-list names that are not the ISO name of their country.
_ALIASES = {"usa": "US", "us": "US", "united states": "US", "united states of america": "US",
            "america": "US", "uk": "GB", "britain": "GB", "united kingdom": "GB",
            "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
            "russia": "RU", "iran": "IR", "korea": "KR", "south korea": "KR",
            "north korea": "KP", "east timor": "TL", "turkey": "TR"}


# English names pycountry's English catalogue leaves in the region's own language (it has
# "Bavaria" but keeps "Catalunya", "Toscana", "Moskva"), by ISO 3166-2 code.
_ENGLISH = {
    "ES-CT": "Catalonia", "ES-AN": "Andalusia", "ES-PV": "Basque Country",
    "ES-IB": "Balearic Islands", "ES-CN": "Canary Islands", "ES-CL": "Castile and León",
    "ES-CM": "Castile-La Mancha", "ES-VC": "Valencia", "ES-NC": "Navarre",
    "IT-52": "Tuscany", "IT-25": "Lombardy", "IT-82": "Sicily", "IT-88": "Sardinia",
    "IT-21": "Piedmont", "IT-75": "Apulia", "IT-34": "Venetia", "IT-42": "Liguria",
    "DE-NI": "Lower Saxony", "DE-SN": "Saxony", "DE-NW": "North Rhine-Westphalia",
    "DE-HE": "Hesse", "DE-TH": "Thuringia", "DE-RP": "Rhineland-Palatinate",
    "DE-ST": "Saxony-Anhalt", "DE-MV": "Mecklenburg-Western Pomerania",
    "FR-BRE": "Brittany", "FR-NOR": "Normandy", "FR-PAC": "Provence", "FR-20R": "Corsica",
    "BE-VLG": "Flanders", "BE-WAL": "Wallonia", "BE-BRU": "Brussels",
    "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg", "EG-C": "Cairo", "AT-9": "Vienna",
    "AT-7": "Tyrol", "CH-GE": "Geneva", "CH-ZH": "Zurich", "CH-BE": "Bern",
    "PL-14": "Masovia", "PL-12": "Lesser Poland", "PL-24": "Silesia",
}


def _names(text: str) -> set[str]:
    """The folded forms of one ISO name, its bracketed alternatives and its uninverted form
    ("Madrid, Comunidad de" → "madrid comunidad de", "madrid")."""
    plain = _BRACKETS.sub("", text)
    found = {normalize(plain), normalize(plain.split(",")[0])}
    found.update(normalize(alt) for alt in _BRACKETS.findall(text))
    return {name for name in found if name and not set(name.split()) <= _GENERIC}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, frozenset[Place]]:
    """Folded name → every (rank, country code) it may name. Built once, on first use."""
    import gettext

    import pycountry

    def english(domain: str):
        try:
            return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["en"]).gettext
        except OSError:
            return lambda text: text

    table: dict[str, set[Place]] = {}

    def add(texts: set[str], place: Place) -> None:
        for text in texts:
            for name in _names(text):
                table.setdefault(name, set()).add(place)

    countries_en = english("iso3166-1")
    for country in pycountry.countries:
        texts = {country.name, countries_en(country.name)}
        texts.update(getattr(country, key) for key in ("official_name", "common_name")
                     if getattr(country, key, None))
        add(texts, (2, country.alpha_2))
    regions_en = english("iso3166-2")
    for region in pycountry.subdivisions:
        texts = {region.name, regions_en(region.name), _ENGLISH.get(region.code, "")} - {""}
        add(texts, (1 if region.parent_code is None else 0, region.country_code))
    for name in MEXICAN_STATES:
        table.setdefault(name, set()).add((1, "MX"))
    for name in US_STATES:
        table.setdefault(name, set()).add((1, "US"))
    for name in COUNTRIES:
        code = _ALIASES.get(name)
        known = {c for rank, c in table.get(name, ()) if rank == 2}
        for found in ({code} if code else known or {None}):
            table.setdefault(name, set()).add((2, found))
    return {name: frozenset(places) for name, places in table.items()}


def places_of(words: list[str], extra: frozenset[str] = frozenset()) -> frozenset[Place]:
    """Every place the folded `words` may name: the gazetteer's, the hand lists', the pack's."""
    name = " ".join(words)
    found = set(gazetteer().get(name, ()))
    rank = place_rank(words)
    if rank is not None and not any(r == rank for r, _ in found):
        found.add((rank, None))
    if name in extra:
        found.add((None, None))
    return frozenset(found)


def narrows(inner: frozenset[Place], outer: frozenset[Place]) -> bool:
    """True when some place of `outer` can hold some place of `inner`.

    A larger rank holds a smaller one; a place is held only by a place of its own country
    ("Bavaria, Germany", not "Bavaria, Austria"; "Paris, France", not "Paris, Texas"). A pack's
    own places have no rank and fit anywhere.
    """
    for rank, code in inner:
        for big, big_code in outer:
            if rank is None or big is None:
                return True
            if big <= rank or rank >= 0 and code and big_code and code != big_code:
                continue
            return True
    return False


def fold_places(names: object) -> frozenset[str]:
    """A pack's `places:` as folded names (anything that is not text is ignored)."""
    if not isinstance(names, (list, tuple, set, frozenset)):
        return frozenset()
    return frozenset(n for n in (normalize(x) for x in names if isinstance(x, str)) if n)
