"""Place names a learner may add after a comma to narrow an answer ("Culiacán, Sinaloa").

Why a list: without knowing that Sinaloa is a place, "Culiacán, Sinaloa" (a qualified answer) and
"Fox, Calderón" (two guesses) have the same shape. A comma followed by a place is an address; a
comma followed by anything else is a second guess. Names are folded (lowercase, no accents).

Places also have a rank (city 0, state 1, country 2) so that a qualifier must be a *larger* place
than a place answer: "Sinaloa, Mexico" narrows, "Mexico, Guatemala" and "Sinaloa, Sonora" list two
guesses. And because many place names contain another one ("West Virginia", "New Mexico", "Mexico
City", "Baja California"), the judge asks `other_place` whether the words around a matched answer
make a different known place.

The hand lists below are the places whose *shape* matters (a place inside another place's name,
the ranks of the article's places). Qualifiers come from a real gazetteer as well: every ISO 3166
country and first-level subdivision that pycountry carries offline, under its ISO name, its
bracketed alternatives and its English name ("Bayern" and "Bavaria"), plus the `places:` a pack
adds. See bot.core.judge.gazetteer.
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
    "north korea", "south korea", "new zealand", "south africa", "south sudan", "sudan",
    "east timor", "papua new guinea", "guinea", "northern ireland", "ireland", "wales",
    "scotland", "dominican republic", "haiti", "jamaica", "puerto rico",
)
# Cities and regions whose name holds another place's name.
CITIES = ("guatemala city", "panama city", "kuwait city", "vatican city", "quebec city",
          "new orleans", "new delhi", "san salvador", "santo domingo", "new south wales")
PLACES = frozenset(MEXICAN_STATES + US_STATES + COUNTRIES + CITIES)
_RANK = {**dict.fromkeys(CITIES, 0), **dict.fromkeys(MEXICAN_STATES + US_STATES, 1),
         **dict.fromkeys(COUNTRIES, 2)}


def is_place(words: list[str]) -> bool:
    """True when the folded words are one known place name ("nuevo leon", "sinaloa")."""
    return " ".join(words) in PLACES


def place_rank(words: list[str]) -> int | None:
    """0 for a city, 1 for a state, 2 for a country; None when the words are no known place."""
    return _RANK.get(" ".join(words))


def place_trouble(words: list[str], consumed: frozenset[int], content: list[bool],
                  answer: list[str], named: list[str]) -> str | None:
    """"else" or "list" when the places around a matched answer make the response wrong.

    `words` are the response's words, `consumed` those the answer matched, `content` marks the
    words that count (not fillers or stopwords), `named` the answer's own words that matched.
    "West Virginia" for "Virginia" names another place ("else"); so does "Mexico" for "Mexico
    City" (the country, not the city); "Mexico Guatemala" lists two countries ("list").
    """
    lo, hi = min(consumed), max(consumed) + 1
    if other_place(words, lo, hi, answer):
        return "else"
    rank = place_rank(answer)
    if rank is None:
        return None
    alone = all(j in consumed or not content[j] for j in range(len(words)))
    if alone and named != answer and is_place(named):  # "Ciudad de México" still passes
        return "else"
    run: list[str] = []
    for j in [*range(len(words)), len(words)]:
        if j < len(words) and j not in consumed and content[j]:
            run.append(words[j])
            continue
        found = place_rank(run)
        if found is not None and found <= rank:
            return "list"
        run = []
    return None


def other_place(words: list[str], lo: int, hi: int, answer: list[str]) -> bool:
    """True when `words[lo:hi]` (a matched answer) plus up to two neighbouring words on either
    side spell a known place other than `answer`: "West Virginia" for "Virginia", "Mexico City"
    for "Mexico", "Nuevo León" for "León".
    """
    own = " ".join(answer)
    for left in range(3):
        for right in range(3):
            if (left or right) and lo - left >= 0 and hi + right <= len(words):
                name = " ".join(words[lo - left:hi + right])
                if name in PLACES and name != own:
                    return True
    return False
