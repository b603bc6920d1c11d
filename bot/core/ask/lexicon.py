"""Word lists for the `ask` matcher: stopwords, chat shorthand and synonym classes.

Why a table and not a model: students write "wat", "ppl", "murders in mx", and the article says
"homicides in Mexico". A small, reviewable table maps both sides onto the same canonical terms,
so the scorer can stay a deterministic bag-of-words matcher. Keep entries general English: no
names, no subject vocabulary (tests/core/ask/test_lexicon_lint.py enforces it). A subject's own
words (names, slang, abbreviations) belong in its pack's `glossary:`; a fact of one pack in that
pack's explainer keywords.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as prose lines, easier to review than a quoted-list literal."""
    return frozenset(text.split())


# Function words, question words, chat filler and words that are about the *asking* ("what does
# the article say about…"), not about the subject. None of them can make a question on-topic.
STOPWORDS: frozenset[str] = _words(
    """
    a about above actually after again against ago all also am an and any anybody anyone anything
    are aren arent around as ask asked asking at be became because been before being below
    between both bro but by can cant could couldnt did didnt do does doesnt doing done dont during
    each either else even ever every few for from further get gets getting give given go
    goes going gonna got gotta had hadnt has hasnt have havent having he hed hes her here hers
    herself hey hi him himself his how however i id if ill im in into is isnt it its itself ive
    just kinda know knows let lets like lol many mate may me might mine more most much must my
    myself
    need neither no nor not now of off often ok okay on once one only or other others otherwise
    ought our ours ourselves out over own per perhaps please pls plz pretty quite rather really
    regarding same shall she shes should shouldnt since so some somebody someone something
    sometimes still such sure than that thats the their theirs them themselves then there theres
    these they theyd theyll theyre theyve thing things think this those though through thus to
    too toward towards u uh um under until upon ur us very via want wanna was wasnt way we
    well wed were werent weve what whatever whats when whenever where whereas wheres whether
    which while who whoever whole whom whos whose why will with within without wont would
    wouldnt yall yeah yes yet you youd youll your youre yours yourself yourselves youve
    wat wut wht hw wen wher whos y r ya yo idk tbh ngl imo btw pls thx thanks thank hello w
    reading read passage
    say says said saying tell telling told explain explained explaining describe mention mentioned
    mentions talk talks talking claim claims claimed according mean means meant meaning
    happen happens happened happening thinks thought opinion view views basically literally
    exactly specifically generally kind sort lot lots stuff anyway someone quick question
    true false correct incorrect fill blank vs versus 2 4
    rn atm asap omg lmao wtf tho imho fyi pls ty thru abt bc cuz coz smth
    """
)

# Chat spellings of question words, read as the word when telling what kind of answer is asked
# for ("wen did building start" asks when).
# So are the short forms of units of time ("how many yrs" asks for a span of years).
CHAT_FORMS: dict[str, str] = {"wen": "when", "wher": "where", "wat": "what", "wut": "what",
                              "wht": "what", "hw": "how", "whn": "when", "yr": "year",
                              "yrs": "years", "hr": "hour", "hrs": "hours", "mins": "minutes",
                              "wks": "weeks", "secs": "seconds"}

# Words that are stopwords in chat but may carry meaning (none in general English; a pack's
# glossary can still claim one, as the cartel packs claim "us" for the country).
NOT_STOPWORDS: frozenset[str] = frozenset()

# Multi-word phrases folded to one term before tokenising (both on the index and the query side).
PHRASES: tuple[tuple[str, str], ...] = (
    ("tell us", "tell"),  # the pronoun, not the country
    ("give us", "give"),
    ("show us", "show"),
    ("help us", "help"),
    ("teach us", "teach"),
    ("let us", "let"),
    ("vice president", "vicepresident"),
    ("public relations", "pr"),
    # A president's "first/second term" is the "first/second administration".
    ("first term", "first administration"),
    ("second term", "second administration"),
    ("2nd term", "second administration"),
    ("1st term", "first administration"),
    ("vice pres", "vicepresident"),
    ("air strikes", "airstrike"),
    ("air strike", "airstrike"),
    ("over dose", "overdose"),
    ("per cent", "percent"),
    ("tell all", "tellall"),
    ("tell-all", "tellall"),
    ("gravy train", "gravytrain"),
    ("death toll", "deathtoll"),
    ("short lived", "shortlived"),
    ("long lasting", "longlasting"),
    ("body count", "deathtoll"),
    # Phrasal verbs whose particle is not a direction: "locking up the boss" is no "increase",
    # "calm things down" no "decline", "taken out" no "out".
    ("locked up", "jailed"),
    ("locking up", "jailed"),
    ("lock up", "jailed"),
    ("calm things down", "calm"),
    ("calmed things down", "calm"),
    ("calming things down", "calm"),
    ("calm down", "calm"),
    ("calmed down", "calm"),
    ("taken out", "eliminated"),
    ("take out", "eliminate"),
    ("took out", "eliminated"),
    ("taking out", "eliminating"),
    # "came up with the idea" proposed it; nothing went up
    ("came up with", "proposed"),
    ("come up with", "propose"),
    ("comes up with", "proposes"),
    ("coming up with", "proposing"),
    ("came up w", "proposed"),
    ("come up w", "propose"),
    ("bring up", "raise"),
    ("brings up", "raises"),
    ("brought up", "raised"),
    ("no comment", "nocomment"),
    ("for show", "showy"),
)

# Synonym classes: every word on the right maps to the canonical term on the left. Plurals and
# -ed/-ing forms need not be listed: the stemmer runs before a second lookup.
_CLASSES: dict[str, tuple[str, ...]] = {
    "kill": (
        "kill", "killed", "killing", "killings", "kills", "murder", "murders", "murdered",
        "murdering", "homicide", "homicides", "homocide", "homocides", "death", "deaths", "die",
        "died", "dies", "dying", "dead", "slain", "slay", "whacked", "offed", "assassinate",
        "assassinated", "assassination", "assassinations", "killer", "killers",
    ),
    "president": ("president", "pres", "prez", "potus", "presidency", "presidential"),
    "vicepresident": ("vicepresident", "vp", "veep"),
    "government": ("government", "govt", "gov", "gvt", "govts", "governments", "goverment"),
    "administration": ("administration", "admin", "administrations", "admins"),
    "people": ("people", "ppl", "peeps", "persons", "folks", "population", "inhabitants",
               "residents"),
    "military": ("military", "army", "armed", "militaries", "militarily", "forces"),
    "worker": ("worker", "workers", "labourer", "labourers", "laborer", "laborers",
               "employee", "employees", "workforce", "staff"),
    "troops": ("troops", "troop", "soldiers", "soldier", "boots"),
    "leader": ("leader", "leaders", "leadership", "boss", "bosses", "chief", "chiefs"),
    "lab": ("lab", "labs", "laboratory", "laboratories", "factory", "factories"),
    "strike": ("strike", "strikes", "striking", "struck", "bomb", "bombs", "bombing", "bombed",
               "bombings", "airstrike", "airstrikes", "droning", "droned", "missile", "missiles",
               "missle", "missles"),
    "chemical": ("chemical", "chemicals", "chem", "chems", "ingredients", "ingredient"),
    "percent": ("percent", "percentage", "pct", "%"),
    "year": ("year", "years", "yr", "yrs", "yearly", "annual", "annually"),
    "september": ("september", "sept", "sep"),
    "dollar": ("dollar", "dollars", "bucks", "usd", "$"),
    "profit": ("profit", "profits", "profitable", "money", "cash", "earn", "earned", "earnings",
               "earns", "income", "lucrative"),
    "cheap": ("cheap", "cheaply", "inexpensive", "cheaper", "cheapest"),
    "intelligence": ("intelligence", "intel", "spy", "spies"),
    "violence": ("violence", "violent", "bloodshed", "bloody", "fighting", "clashes", "dangerous",
                 "danger", "unsafe"),
    "capture": ("capture", "captured", "capturing", "arrest", "arrested", "arresting", "arrests",
                "caught", "catch", "catching", "nabbed", "detained", "apprehended", "jail",
                "jailed", "imprison", "imprisoned", "imprisonment"),
    "memoir": ("memoir", "memoirs", "memior", "book", "books", "autobiography"),
    "fire": ("fire", "fired", "sacked", "canned", "ousted"),
    "ambassador": ("ambassador", "envoy", "diplomat"),
    "unilateral": ("unilateral", "unilaterally", "alone", "solo", "permission",
                   "consent", "approval"),
    "cooperation": ("cooperation", "cooperate", "cooperating", "collaboration", "collaborate",
                    "together", "jointly", "partnership"),
    "study": ("study", "studies", "research", "researchers", "report", "reports", "reported",
              "survey"),
    "synthetic": ("synthetic", "manmade", "lab-made", "artificial"),
    "produce": ("produce", "produced", "producing", "production", "make", "made", "making",
                "makes", "manufacture", "manufactured", "manufacturing", "cook", "cooking",
                "cooked", "brew"),
    "decline": ("decline", "declined", "declines", "declining", "drop", "dropped", "drops",
                "fell", "fall", "falling", "decrease", "decreased", "down", "reduction",
                "reduced", "lower", "lowered", "shrink", "shrank", "shrunk", "shrinking",
                "diminish", "diminished", "lessen", "lessened", "dwindle", "dwindled"),
    "lasting": ("lasting", "permanent", "permanently", "durable", "enduring", "temporary",
                "temporarily", "fleeting", "shortlived", "longlasting", "transient"),
    "article": ("article", "articles", "piece", "column", "editorial", "oped",
                "writeup"),
    "news": ("news", "outlet", "outlets", "newspaper", "newspapers", "media", "press",
             "broadcaster", "network"),
    "increase": ("increase", "increased", "rise", "rose", "rising", "spike", "spiked",
                 "skyrocket", "skyrocketed", "jump", "jumped", "surge", "surged", "grew", "up",
                 "soar", "soared", "climb", "climbed"),
    "respond": ("respond", "responded", "response", "responses", "reply", "replied", "replies",
                "answer", "answered", "react", "reacted", "reaction", "reactions",
                "address", "addresses", "addressed", "anticipate", "anticipates",
                "anticipated", "anticipating", "counter", "countered", "counters"),
    "showy": ("showy", "flashy", "theatrical", "symbolic"),
    "claim": ("claim", "claims", "allegation", "allegations", "alleged", "assertion",
              "assertions", "accusation", "accusations"),
    "compar": ("compare", "compared", "comparison", "similar", "similarly"),
    "fault": ("fault", "blame", "blamed", "criticize", "criticise"),
    "missing": ("missing", "lacking", "lacks", "lack", "absent", "omitted", "omits"),
    "data": ("data", "info", "information", "numbers", "stats", "statistics", "figures"),
    "state": ("state",),  # its stem "stat" is also that of "stats", which means data
    "extension": ("extension", "continuation", "prolongation"),
    "land": ("land", "farmland", "farms", "farm", "fields", "field", "crops", "crop"),
    "eliminate": ("eliminate", "eliminated", "removed", "remove", "removing", "neutralize",
                  "neutralized", "decapitate", "decapitated"),
    "scoff": ("scoff", "scoffs", "scoffed", "dismiss", "dismisses", "dismissed", "ignore",
              "ignores", "ignored", "shrug", "shrugs"),
    "author": ("author", "authors", "writer", "writers", "wrote", "written", "columnist",
               "journalist"),
    "suffer": ("suffer", "suffered", "suffering", "suffers", "brunt", "victim", "victims",
               "victimized"),
    "room": ("room", "rooms", "space", "spaces"),
    # An objection is the other side's point; a rebuttal is the answer to it: not one class.
    "objection": ("objection", "objections", "counterargument", "counterarguments",
                  "counterpoint", "counterpoints", "counterclaim", "counterclaims"),
    "rebuttal": ("rebuttal", "rebuttals", "rebut", "rebuts", "rebutted", "refute", "refutes",
                 "refuted", "refutation"),
    "harm": ("harm", "harmed", "harms", "hurt", "hurts", "hurting", "damage", "damaged",
             "damaging", "cripple", "crippled"),
    "young": ("young", "youth", "youths", "adults", "adult", "millennials"),
}


# Irregular verb forms the suffix stripper cannot reach, read as their base form first ("who
# *led* the Chapitos" and "who *leads* them" ask the same). General English only.
IRREGULAR: dict[str, str] = {
    "led": "lead", "began": "begin", "begun": "begin", "fought": "fight", "took": "take",
    "brought": "bring", "sent": "send", "built": "build", "bought": "buy", "sold": "sell",
    "held": "hold", "kept": "keep", "lost": "lose", "paid": "pay", "ran": "run", "saw": "see",
    "seen": "see", "spent": "spend", "stood": "stand", "won": "win", "broke": "break",
    "broken": "break", "chose": "choose", "chosen": "choose", "drove": "drive",
    "driven": "drive", "shot": "shoot", "spoke": "speak", "spoken": "speak", "felt": "feel",
    "hid": "hide", "hidden": "hide", "grown": "grow", "fled": "flee", "sought": "seek",
    "taught": "teach", "meant": "mean", "risen": "rise", "fallen": "fall", "taken": "take",
    "gotten": "get", "given": "give", "done": "do",
    # Four-letter -ed forms the stemmer leaves alone ("used" is not the stem "us").
    "used": "use", "aged": "age", "owed": "owe", "died": "die", "tied": "tie", "lied": "lie",
}


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, words in _CLASSES.items():
        for word in words:
            table.setdefault(word, canonical)
    return table


SYNONYMS: dict[str, str] = _build_synonyms()


# Everyday English words that a pack happens to use but that say nothing about the subject
# ("good idea", "what time", "your name"). They keep a fraction of their idf, so a question made
# only of them cannot reach the answer threshold, while they still break ties.
EVERYDAY: frozenset[str] = _words(
    """
    able accept according across act actual add admit affect afraid again ago agree ahead aim
    allow almost alone along already always amount another answer anymore appear apply approach
    area argue arrive asked aspect assume attention available average avoid aware away back bad
    basic bear beat become began begin behind believe belong best better big bit both break
    bring build busy buy call came care carry case catch cause certain chance change check choice
    choose claim clear close come common compare complete concern consider continue control cost
    could count course cover create cut daily dangerous deal decide deep define degree
    depend deserve despite detail develop differ different difficult direct discuss does done
    doubt drive due early easy effect effort else end enough entire especially even event ever
    every exact example except expect experience explain express extra face fact fail fair fall
    familiar far fast favor feature feel few field figure final find fine finish first follow
    force forget form forward found free full further future gain general get give given go goal
    going gone good great group grow guess half handle happen hard hear help high hold hope huge
    idea imagine important include increase indeed info information instead interest involve
    issue item job join judge keep key kind know knowledge lack lacking large last late later lead
    learn least leave left less let level life like likely limit line list little live long look
    lose lot low main major make manage many matter maybe mean measure meet mention method
    might mind minor miss moment more most move much must name natural near nearly necessary need
    never new next nice normal note nothing notice number offer often old once only open opinion
    order other outside over overall own part particular pass past pay people perhaps period
    person pick place plan play point popular possible power prefer present pretty prevent price
    probably problem process provide public purpose put question quick quit quite raise range rate
    rather reach ready real really reason recent recently reckon reduce regard relate remain
    remember reveal right rise role run safe same save say second see seem seen sell send sense
    serious set several share short show side sign similar simple simply since situation size
    small so some something sometimes soon sort sound speak special stand start stay step still
    stop story strong such suggest suppose sure take taken talk team tend term than thing think
    though thought three through time today together top total toward true try turn two type
    under understand unless until upon use used useful using usual value various very view want
    watch way week well went whole wide win wish within without wonder word work world worry
    worth would write wrong year yet ground kid kids guy guys stats care inside option options
    term terms pro advantage ability mostly things file hire wait vote difference
    higher highest lower lowest bigger biggest smaller smallest larger largest faster fastest
    quicker quickest slower slowest cheaper cheapest greater greatest longer longest shorter
    shortest older oldest newer newest better best worse worst
    """
)
EVERYDAY_FACTOR = 0.3
