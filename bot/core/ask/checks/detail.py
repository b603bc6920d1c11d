"""Answerability, third look: does the document give the *detail* asked for, or only its topic?

Why: the questions most often answered wrongly keep an explainer's names and topic and ask for a
detail the article never gives: another year ("murders in Mexico in 2024" when it gives 2007 and
2023), another age ("over 65" when it says "18 to 44"), someone's words ("what did Hegseth say"
when the article only lists him), an action it never reports ("who replaced Esper", "how did
Escobar die"), or a place it never names ("where was El Mayo arrested"). Each check here reads one
English question form and asks for the concrete thing that form needs in the document's own
sentences. No list names a fact of a pack; they are question shapes and English verbs.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.ask.analyzer import canonical, normalize


def _split(text: str) -> tuple[str, ...]:
    """A word list written as prose, easier to review than a quoted-list literal."""
    return tuple(text.split())


_UNITS = _split("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = _split("twenty thirty forty fifty sixty seventy eighty ninety")
_WORD_VALUES = {**{w: i for i, w in enumerate(_UNITS)},
                **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
                "dozen": 12, "twice": 2, "thrice": 3, "half": 0,
                **{w: i + 1 for i, w in enumerate(
                    _split("first second third fourth fifth sixth seventh eighth ninth tenth"))}}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(r"^(\d+)(?:st|nd|rd|th|s)?$")


def numbers_in(text: str, minimum: int = 0) -> set[int]:
    """The numbers a text states, digits or words ("twenty four", "a million", "2k", "1980s",
    "2nd"); a decade also counts as its short form ("1980s" is "80s")."""
    found: set[int] = set()
    tokens = normalize(text).split()
    for i, token in enumerate(tokens):
        value: int | None = None
        if match := _NUMBER.match(token):
            value = int(match.group(1))
            if token.endswith("s") and value >= 1900 and value % 10 == 0:
                found.add(value % 100)
        elif token in _TENS and i + 1 < len(tokens) and tokens[i + 1] in _UNITS[1:10]:
            value = _WORD_VALUES[token] + _WORD_VALUES[tokens[i + 1]]
        elif token in _WORD_VALUES:
            value = _WORD_VALUES[token]
        elif token in _SCALES and (i == 0 or not _NUMBER.match(tokens[i - 1])):
            value = _SCALES[token]
        if value is not None and value >= minimum:
            found.add(value)
    return found


_SPAN = re.compile(r"\b(\d+) (?:years?|months?|weeks?|days?|decades?)\b")


def asked_numbers(text: str) -> set[int]:
    """Numbers in a question that name *which* fact is meant (a year, an age, an amount): 10 and
    up, since "2" and "4" are often "to" and "for" in chat. A span ("over the last 15 years") is
    left out: the article states dates, and the span between them is arithmetic."""
    spans = {int(m.group(1)) for m in _SPAN.finditer(normalize(text))}
    return {n for n in numbers_in(text) if n >= 10 and n not in spans}


def numbers_given(asked: set[int], stated: frozenset[int]) -> bool:
    """Every asked number is stated; a bound may be off by one ("under 45" is "18 to 44"), a
    year may not ("2024" is not "2023")."""
    return all(n in stated or (n < 1900 and (n - 1 in stated or n + 1 in stated))
               for n in asked)


# "what did X say/think", "how did X respond": the answer is X's words.
_SPEECH_ASK = re.compile(
    r"\b(?:what|how) (?:exactly |else )?(?:did|does|do|has|have|had|would|will|is|was) "
    r"(?P<who>(?:\w+ ){1,5}?)(?P<verb>say|said|tell|told|respond|reply|react|comment|answer|"
    r"think|thought|feel|felt|believe)\b")
_SPEECH = frozenset(_split("""say says said saying tell tells told answer answers answered reply
    replies replied respond responds responded react reacts reacted comment commented comments
    report reports reported write writes wrote written state states stated announce announced
    announces
    deny denies denied dispute disputed disputes call calls called argue argues argued warn warned
    insist insisted claim claims claimed quote quoted admit admitted"""))
_THOUGHT = frozenset(_split("think thinks thought believe believes believed feel feels felt "
                            "view views"))

# "who replaced …", "where was X arrested", "how did X die": the action asked about.
_AUX = ("was", "were", "is", "are", "did", "does", "do", "has", "had", "have", "will", "would")
_WHO_VERB = re.compile(r"^(?:so )?who (?P<verb>\w+)\b")
_WH_AUX = re.compile(rf"\b(?:where|when|how) (?:{'|'.join(_AUX)}) (?P<rest>.+)$")
_NOT_VERBS = frozenset(_AUX) | {"s", "the", "a", "an", "he", "she", "they", "it",
                                "get", "got", "go", "going", "come", "happen", "be", "been",
                                "stand"}
# Light verbs: the object noun carries the action ("who *filed* the indictment" asks whose
# indictment it was, and the article says "a Justice Department indictment").
_LIGHT = frozenset(_split("file filed conduct conducted carry carried issue issued make made "
                          "do did perform performed put give gave take took hold held run ran "
                          "bring brought"))

# "the names of …": a list of names, not the group's one label.
_NAMES_ASK = re.compile(r"\bnames of\b|\bwhat are (?:the|their|his|her) names\b|"
                        r"\b(?:which|what) (?P<who>(?:\w+ ){1,3})(?:were|are|was|got|get) named\b")
_PARTICLES = "de|del|la|le|van|von|da|di|du"  # lower-case words inside names in many languages
_RUN = re.compile(r"(?<=[a-z0-9,;:()\"'“”‘’] )[A-Z][\w'’.-]*"
                  rf"(?: (?:(?:{_PARTICLES}) )?[A-Z][\w'’.-]*)*")


def _tokens(sentence: str) -> list[str]:
    return normalize(sentence).split()


def _family(asked: str, stated: str) -> bool:
    """Same canonical term, or one word family sharing a long beginning ("arrest"/"arrested")."""
    if asked == stated:
        return True
    short, long_ = sorted((asked, stated), key=len)
    return len(short) >= 4 and long_.startswith(short[:max(4, len(short) - 1)])


def speech_subject(words: list[str], names: Container[str]) -> tuple[set[str], bool] | None:
    """For "what did X say / think" with X a name of the packs: X's terms, and whether a thought
    verb ("think", "believe") is asked rather than words."""
    match = _SPEECH_ASK.search(" ".join(words))
    if not match:
        return None
    who = {t for w in match.group("who").split() if (t := canonical(w)) and t in names}
    return (who, match.group("verb") in _THOUGHT) if who else None


def attributed(sentences: Iterable[str], who: set[str], thought: bool, window: int = 10) -> bool:
    """Some sentence has one of `who` shortly before a verb of saying (or thinking)."""
    verbs = _SPEECH | _THOUGHT if thought else _SPEECH
    for sentence in sentences:
        tokens = _tokens(sentence)
        spots = [i for i, t in enumerate(tokens) if canonical(t) in who]
        if any(t in verbs and any(0 < i - j <= window for j in spots)
               for i, t in enumerate(tokens)):
            return True
    return False


def main_verb(words: list[str], names: Container[str]) -> tuple[str, set[str], set[str]] | None:
    """The action a question asks about, as a canonical term, with the names it is asked of and,
    for "who", what it was done to: "who *replaced* … *Esper*", "where was *El Mayo* *arrested*",
    "how did *Escobar* *die*". None when the question has no such shape or its subject is not a
    name."""
    text = " ".join(words)
    if match := _WHO_VERB.search(text):
        verb = match.group("verb")
        if verb in _NOT_VERBS | _LIGHT or verb.endswith("s") and verb[:-1] in _NOT_VERBS:
            return None
        term = canonical(verb)
        done_to = {t for w in text[match.end():].split() if (t := canonical(w))}
        return (term, set(), done_to) if term and term not in names else None
    match = _WH_AUX.search(text)
    if not match:
        return None
    subject: set[str] = set()
    for word in match.group("rest").split():
        term = canonical(word)
        if term is None or term in names:
            if term:
                subject.add(term)
            continue
        return (term, subject, set()) if subject and word not in _NOT_VERBS | _LIGHT else None
    return None


# Verbs that report one action in other words ("wrote" a memoir is "published" it).
_SAME_ACT = {"author": {"publish"}, "publish": {"author"}, "start": {"begin", "launch"},
             "begin": {"start", "launch"}, "found": {"establish", "create"}}


def acted(sentences: Iterable[tuple[str, ...]], verb: str, subject: set[str],
          done_to: set[str], about: frozenset[str] = frozenset()) -> bool:
    """Some sentence (as canonical terms) holds the verb (or its family) with one subject name
    or a word of what it was done to ("who *led* the study" is not "*leads* to violence"); that
    object may also be in `about`, what the whole document is about (not the subject: "how did
    *X* die" needs X in the sentence that reports the death)."""
    for terms in sentences:
        if subject and not subject & set(terms):
            continue
        if not subject and done_to and not done_to & (set(terms) | about):
            continue
        if any(_family(verb, t) or t in _SAME_ACT.get(verb, ()) for t in terms):
            return True
    return False


def listed_names(sentence: str, asked: set[str], near: set[str], window: int = 6) -> int:
    """How many different names (capitalised runs, not possessives, not already asked) stand
    within `window` words of one of the `near` terms in a sentence."""
    tokens = _tokens(sentence)
    anchors = [i for i, t in enumerate(tokens) if canonical(t) in near]
    if not anchors:
        return 0
    found = 0
    for match in _RUN.finditer(sentence):
        run = match.group(0)
        if sentence[match.end():match.end() + 2] in ("'s", "’s"):
            continue
        terms = {canonical(w) for w in normalize(run).split()} - {None}
        if not terms or terms & asked:
            continue
        at = len(normalize(sentence[:match.start()]).split())
        if any(abs(at - a) <= window for a in anchors):
            found += 1
    return found


def names_asked(words: list[str], names: Container[str]) -> set[str] | None:
    """For "the names of X's sons": the non-name words naming whom (here "son"), else None."""
    match = _NAMES_ASK.search(" ".join(words))
    if not match:
        return None
    part = match.group("who") or " ".join(words)[match.end():]
    return {t for w in part.split()
            if (t := canonical(w)) and t not in names} or None


# "which reporter": a role the document must name as such ("NBC reported" names no reporter).
_ROLE = re.compile(r"\b(?:which|what) (?:\w+ )?(?P<role>reporters?|journalists?|correspondents?|"
                   r"spokes(?:man|woman|person)|lawyers?|judges?|editors?)\b")


# "who was president after Fox", "what did Johnson do before becoming ambassador": a question
# about someone's predecessor, successor or earlier life needs a sentence that places a time
# relation next to the person; a sentence merely naming Fox as president answers neither.
_RELATIVE = re.compile(r"\b(?:who|which \w+)\b.* \b(?:after|before) (?!that|then|it|this)"
                       r"(?P<rest>.+)$")
_EARLIER = re.compile(r"\bbefore (?:becoming|(?:he|she|they) (?:was|were|became))\b")
_RELATION = frozenset(_split("after before succeed succeeded successor predecessor replace "
                             "replaced follow followed previously earlier prior once"))


def relation_reported(sentences: Iterable[str], asked: set[str], window: int = 5) -> bool:
    """Some sentence holds a time relation word within `window` words of an `asked` name term."""
    for sentence in sentences:
        tokens = _tokens(sentence)
        spots = [i for i, t in enumerate(tokens) if canonical(t) in asked]
        if any(t in _RELATION and any(abs(i - j) <= window for j in spots)
               for i, t in enumerate(tokens)):
            return True
    return False


def relative_names(words: list[str], names: Container[str]) -> set[str] | None:
    """The names a question places someone before/after ("after *Vicente Fox*"), else None; for
    "what did X do before becoming Y", the names before that phrase (X)."""
    text = " ".join(words)
    if match := _EARLIER.search(text):
        part = text[:match.start()]
    elif match := _RELATIVE.search(text):
        part = match.group("rest")
    else:
        return None
    return {t for w in part.split() if (t := canonical(w)) and t in names} or None


@dataclass(eq=False)
class DetailCheck:
    """Does a document give the detail asked for? Built by `KnowledgeIndex` with its vocabulary
    and the names of its packs."""

    vocabulary: Any
    names: Container[str]

    def detail_ok(self, doc: Any, text: str) -> bool:
        """False when `text` asks for a detail `doc` never gives (see the module docstring)."""
        words = self.vocabulary.fixed(text)
        if not numbers_given(asked_numbers(" ".join(words)), doc.numbers):
            return False  # "in 2024", "over 65": another year or age than the ones it states
        sentences = [sentence for sentence, _, _ in doc.evidence]
        speech = speech_subject(words, self.names)
        if speech and not attributed(sentences, *speech):
            return False  # "what did Hegseth say": it names him but never quotes him
        if (role := _ROLE.search(normalize(text))) and not any(
                canonical(role.group("role")) in {canonical(w) for w, _ in tokens}
                for _, tokens, _ in doc.evidence):
            return False  # "which NBC reporter": it names the outlet, not a reporter
        if (whom := names_asked(words, self.names)) and not any(
                listed_names(sentence, set(self.vocabulary.query_terms(text)[0]), whom) >= 2
                for sentence in sentences):
            return False  # "names of El Chapo's sons": one label ("the Chapitos") is no list
        if (related := relative_names(words, self.names)) and not relation_reported(
                sentences, related):
            return False  # "who came after Fox": it names Fox, never his successor
        action = main_verb(words, self.names)
        # "who replaced Esper", "how did Escobar die": the action is never reported. The title
        # says what each sentence is about ("The article and its author": "written by …"), and
        # the examples are the instructor's own wording of what it answers.
        return not action or acted(
            [tuple(t for _, t in tokens) for _, tokens, _ in doc.evidence], *action,
            about=doc.context | doc.asked)
