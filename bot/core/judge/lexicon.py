"""The judge's small lexicon: fillers, articles, connectors and generic words (all folded).

Kept apart from the matching code so that adding a filler never means reading an algorithm, and
so that the rules the issue spells out ("leading articles and filler are ignored", "generic words
may be the shared part") have one visible home.
"""

from __future__ import annotations

from collections.abc import Sequence


def _set(spec: str) -> frozenset[str]:
    """A word set written as a whitespace-separated block (easier to read and extend)."""
    return frozenset(spec.split())


ARTICLES = frozenset({"the", "a", "an"})

# Phrases a learner wraps around an answer. Only leading and trailing runs of them are ignored,
# and an answer word can still use them ("Around the World in 80 Days" keeps its "around").
_LEADING = """
the answer is|the answer was|the answer would be|answer is|answer|my answer is|my answer|
my guess is|my guess|i guess|i think|i think that|i believe|i suppose|i reckon|i would say|id say|
i would guess|im pretty sure|im sure|pretty sure|i am pretty sure|i am sure|not sure but|
im not sure but|it was|it is|its|it s|it would be|it should be|it must be|it might be|
it could be|would be|should be|that is|thats|that was|this is|he was|she was|they were|he is|
she is|they are|there were|there are|there was|there is|maybe|probably|perhaps|possibly|likely|
most likely|definitely|certainly|surely|obviously|of course|clearly|actually|basically|hmm|hm|
um|umm|uh|uhh|er|erm|well|so|oh|ok|okay|ah|about|roughly|approximately|approx|around|circa|
nearly|almost|just|exactly|precisely|the|a|an|called|named|known as
"""
_TRAILING = """
i think|i guess|i believe|i suppose|i reckon|im guessing|i think so|maybe|probably|perhaps|
possibly|right|or so|or something|or something like that|or whatever|i m not sure|not sure|
im not sure|i am not sure|i think so
"""


def _phrases(spec: str) -> tuple[tuple[str, ...], ...]:
    found = {tuple(p.split()) for p in spec.replace("\n", "").split("|") if p.strip()}
    return tuple(sorted(found, key=len, reverse=True))


LEADING_FILLERS = _phrases(_LEADING)
TRAILING_FILLERS = _phrases(_TRAILING)

# Words that never make a response "wordy" and may be missing from it.
STOPWORDS = _set("""
the a an of de del la le las los el les du des da do dos das di von van der den y e and or
in on at to for from by with as is was were are its it this that which who not nor either
neither than then
""")

# Nouns that name a kind of thing. They may be left out of a response ("Sinaloa" for "Sinaloa
# Cartel") but never make a response right on their own ("Jalisco Cartel" shares only "cartel").
# Glued to a bare name they make another thing: "Lake Victoria" is not Queen Victoria. When every
# word of an answer is one of them ("Cape Town") they are all required. Left out on purpose: war,
# revolution, states, nations, empire, day … whose first word is often an adjective ("Mexican
# Revolution", "Cold War", "United States"): "Mexican" is not an answer.
KIND_NOUNS = _set("""
cartel cartels city town village state country province county department region district capital
river lake mount mt mountain mountains island islands sea ocean bay gulf valley desert cape falls
party company corporation university college school church cathedral museum bridge tower street
avenue square building palace group gang organization organisation movement army
""")

# More words for a kind of place or thing. Not optional in answers (whose other word is often an
# adjective: "Grand Canyon", "Ivory Coast", "Black Forest"), but glued to a bare name in a
# response they make another thing just like KIND_NOUNS ("Victoria Park" is not Queen Victoria).
THING_KINDS = KIND_NOUNS | _set("""
lakes canyon peninsula strait channel forest park glacier volcano reef coast beach harbour harbor
port fort creek plain plains plateau isle islet station airport stadium hospital hotel street road
""")

# Titles of people. Written before a name they are omissible both ways ("Professor Curie", "Queen
# Victoria" for "Victoria"; "Victoria" for "Queen Victoria"). After a name they are a name
# ("Martin Luther King"), never a title.
TITLES = _set("""
president vice general governor senator mayor chancellor minister premier secretary ambassador
king queen prince princess emperor empress tsar czar tsarina kaiser sultan shah pharaoh pope
cardinal bishop archbishop saint st apostle prophet rabbi imam reverend rev
lord lady sir dame duke duchess count countess baron baroness earl marquis
mr mrs ms miss mister madam madame mme mademoiselle monsieur senor senora senorita don dona herr
frau dr doctor prof professor captain capt colonel admiral commander lieutenant sergeant marshal
former late
""")

# Roles and kinds a learner may put before a name in a response ("the painter Picasso", "the
# composer Mozart", "the planet Mars", "the play Hamlet"). Like titles they are never a rival
# name; unlike titles they stay required when an accepted answer holds them ("Star Wars").
ROLES = _set("""
painter artist sculptor architect writer author novelist poet playwright dramatist essayist
journalist philosopher scientist physicist chemist biologist astronomer mathematician economist
engineer inventor explorer navigator composer musician pianist violinist conductor singer
songwriter rapper band actor actress director filmmaker dancer athlete player footballer boxer
golfer leader statesman politician reformer activist theologian monk nun
planet moon star element gas metal compound acid book novel play poem opera film movie song album
painting symphony
""")

# Words that join the parts of a name and are part of it: "Rio de Janeiro", "van Gogh", "Joan of
# Arc". An answer's particle is required and exact ("Rio da Janeiro" is wrong); only articles and
# the connectors and/or stay optional.
PARTICLES = _set("of de del da do dos das di du des von van der den della delle degli bin ibn")

# Abbreviations that are the same word as their long form ("Mt. Everest", "Dr. King").
ABBREVIATIONS = {"mt": "mount", "st": "saint", "dr": "doctor", "prof": "professor",
                 "mme": "madame", "capt": "captain", "ft": "fort", "jr": "junior",
                 "sr": "senior", "rev": "reverend", "pres": "president", "gen": "general"}

# Connectors that mark a list of guesses. Families: "&" in an accepted answer ("Simon &
# Garfunkel") excuses "and" and "+" in a response too.
CONNECTOR_FAMILY = {
    "and": "and", "&": "and", "+": "and",
    "or": "or", "/": "or", "|": "or",
    ";": "semi", "\n": "semi", "nor": "semi", "vs": "semi", "versus": "semi",
    ",": "comma", "?": "comma",
}
HARD_FAMILIES = frozenset({"and", "or", "semi"})

NEGATIONS = frozenset({"not", "isnt", "wasnt", "arent", "werent", "aint", "never"})


def _zone(items: Sequence[str], phrases: tuple[tuple[str, ...], ...], *, leading: bool) -> int:
    """How many items at the start (or end) of `items` are filler phrases."""
    seq = list(items) if leading else list(reversed(items))
    done = 0
    while done < len(seq):
        for phrase in phrases:
            wanted = phrase if leading else tuple(reversed(phrase))
            if tuple(seq[done:done + len(wanted)]) == wanted:
                done += len(wanted)
                break
        else:
            break
    return done


def filler_positions(items: Sequence[str], *, articles: bool = True) -> frozenset[int]:
    """Positions of the leading and trailing filler words in `items` (folded words).

    With `articles=False` the bare articles stay meaningful (the choice letter "a").
    """
    leading = LEADING_FILLERS if articles else tuple(
        p for p in LEADING_FILLERS if p not in {("a",), ("an",)})
    head = _zone(items, leading, leading=True)
    tail = _zone(items[head:], TRAILING_FILLERS, leading=False)
    return frozenset(range(head)) | frozenset(range(len(items) - tail, len(items)))
