"""Place names a learner may add after a comma to narrow an answer ("Culiacán, Sinaloa").

Why a list: without knowing that Sinaloa is a place, "Culiacán, Sinaloa" (a qualified answer) and
"Fox, Calderón" (two guesses) have the same shape. A comma followed by a place is an address; a
comma followed by anything else is a second guess. Names are folded (lowercase, no accents).
"""

from __future__ import annotations

MEXICAN_STATES = (
    "aguascalientes", "baja california", "baja california sur", "campeche", "chiapas",
    "chihuahua", "coahuila", "colima", "durango", "guanajuato", "guerrero", "hidalgo", "jalisco",
    "mexico city", "cdmx", "michoacan", "morelos", "nayarit", "nuevo leon", "oaxaca", "puebla",
    "queretaro", "quintana roo", "san luis potosi", "sinaloa", "sonora", "tabasco", "tamaulipas",
    "tlaxcala", "veracruz", "yucatan", "zacatecas", "estado de mexico",
)
US_STATES = (
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "dc",
    "d c",
)
COUNTRIES = (
    "mexico", "usa", "us", "united states", "united states of america", "america", "canada",
    "guatemala", "belize", "honduras", "el salvador", "nicaragua", "costa rica", "panama", "cuba",
    "colombia", "venezuela", "ecuador", "peru", "bolivia", "brazil", "chile", "argentina",
    "uruguay", "paraguay", "china", "india", "afghanistan", "iraq", "iran", "russia", "ukraine",
    "uk", "united kingdom", "england", "britain", "france", "spain", "germany", "italy",
    "portugal", "netherlands", "japan", "korea", "australia", "turkey", "israel", "egypt",
)
PLACES = frozenset(MEXICAN_STATES + US_STATES + COUNTRIES)


def is_place(words: list[str]) -> bool:
    """True when the folded words are one known place name ("nuevo leon", "sinaloa")."""
    return " ".join(words) in PLACES
