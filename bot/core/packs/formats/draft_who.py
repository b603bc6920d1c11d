"""'Who in the article said …?': a question on who claims what, not on a number.

Held-out reviewers judged verbatim number blanks low value and asked for the claim, the
evidence and who said it. Who says what is read from plain English reporting, whatever the
subject:
- a direct quote with its attribution beside it ('"…," said Dr. Ana Ruiz', '"…," Mr. Cole
  said', '"…," she told me' after the paragraph has named her), or a reported claim ('Ana Ruiz,
  a hydrologist, said that …', 'The chief executive, Ms. Lee, argues that …', '… has found
  that …');
- the claim is the article's own words, trimmed only at a clause the claim does not depend on
  (', because …', ', which …'); a proviso (', provided …', 'if', 'unless') is never cut;
- the prompt must stand alone: the claim passes the referent checks (draft_prompt.py,
  draft_strict.py); quoted words are never rewritten, so a quote that would need a name
  supplied is not asked; a claim naming one of the people is not asked (it gives the answer);
- a quote that shares no word with the headline or the words the article repeats is colour,
  not a claim, and is not asked;
- the choices are the people the article quotes, names as printed at first mention ("Prof.
  Ewan Lacey"), so the question needs three speakers at least; each person is asked once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.models import Question, QuestionType
from bot.core.packs.formats.common import IdMaker
from bot.core.packs.formats.draft_prompt import settle
from bot.core.packs.formats.draft_rank import content_words
from bot.core.packs.formats.draft_refer import with_full_names
from bot.core.packs.formats.draft_strict import lost_referent
from bot.core.packs.formats.draft_text import Paragraph, sentences

MAX_WHO = 4
MIN_CLAIM_WORDS = 6
MAX_CLAIM_WORDS = 45
_TITLE = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Cllr|Sir|Dame|Rev|Sgt|Insp|Capt)\.?\s+)"
_PART = r"[A-Z][a-zà-ÿ’'-]+"
_FULL = rf"{_TITLE}?{_PART}(?:\s+{_PART}){{1,2}}"
_SHORT = rf"{_TITLE}{_PART}"
_SAY = r"(?:said|says|added|adds|told\s+(?:me|us|the\s+[a-z]+|[A-Z][a-z]+)|warned|warns)"
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,400}?)[,.!?]?[\"”]")
_AFTER = re.compile(rf"^\s*(?:{_SAY}\s+(?P<a>{_FULL}|{_SHORT})|(?P<b>{_FULL}|{_SHORT})\s+{_SAY}"
                    rf"|(?P<p>he|she)\s+{_SAY})\b")
_REPORTED = re.compile(rf"(?:^|(?<=[.!?]\s))(?:(?:The|A|An)\s+[^,.;]{{2,60}},\s+)?"
                       rf"(?P<who>{_FULL}|{_SHORT})(?:,\s+[^;\"“”]{{3,120}}?)?,?\s+(?:has\s+|had\s+)?"
                       rf"(?P<verb>said|says|argues|argued|warned|warns|believes|believed|found|"
                       rf"told\s+(?:me|us|the\s+[a-z]+))(?:\s+(?:on|at|in|last|this)\s+"
                       rf"[A-Za-z]+(?:\s+[A-Za-z]+)?(?=\s+that\b))?\s+(?:that\s+)?"
                       rf"(?P<claim>[A-Za-z0-9£$€][^\n]+?)"
                       rf"[.!?](?=\s|$)")
_INTRO = re.compile(rf"(?P<who>{_FULL}),\s+(?P<role>[^,;\"“”]{{3,120}}?)[,.](?=\s|$)")
_ROLE_FIRST = re.compile(rf"(?<![\w,] )(?:The|A|An)\s+(?P<role>[^,.;]{{2,60}}),\s+"
                         rf"(?P<who>{_FULL}),")
_NOT_ROLE = re.compile(r"\b(?:said|says|argues|argued|told|found|believes|warned)\b")
_VERB_ASKED = {"found": "found", "argues": "argues", "argued": "argued", "warned": "warned",
               "warns": "warns", "believes": "believes", "believed": "believed"}
_CUT = re.compile(r",\s+(?:because|since|as|which|who|while|whereas)\b|;")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")
_NOT_PEOPLE = re.compile(r"\b(?:Council|Trust|Board|Agency|School|University|Club|Company|"
                         r"Committee|Street|Lane|Road|River|Mill|Magna|Cross|Service|Office|"
                         r"Caf[eé]|Hotel|Inn|Bar|Shop|Centre|Center|Library|Museum|Hall|Church|"
                         r"Park|Group|Society|Association|Partnership|Foundation|Fund|Institute|"
                         r"Press|News|Department|Ministry|Authority|Bank|Hospital|College|County|City|"
                         r"Valley|Island|Bay|Town|Village|District|Region|State)\b")


_SPEAKER = re.compile(rf"(?P<pre>\b(?:said|says|told|added)\s+)?(?P<name>{_TITLE}{_PART}"
                      rf"(?:\s+{_PART})*|{_FULL})(?P<verb>(?:,\s+[^.;\"“”]{{3,120}}?,)?\s+"
                      rf"(?:has\s+|had\s+)?(?:said|says|argues|argued|told|warned|found|"
                      rf"believes|added)\b)?")
# a person: written with a title, or doing the saying ("Ana Ruiz, a hydrologist, said"), or
# named right after "said"; a cheese, a county or a company is none of these


@dataclass(frozen=True)
class Saying:
    person: str  # as first printed: "Prof. Ewan Lacey"
    claim: str  # the article's words, trimmed; the prompt's whole content
    direct: bool  # quoted speech, never rewritten
    paragraph: Paragraph
    passage: str  # the sentence(s) the claim comes from, for the explanation
    verb: str = "said"  # what the article says they did: "found", "argues", "said"


def _surname(name: str) -> str:
    return name.split()[-1]


class People:
    """The people the article names, each by the name it first prints."""

    def __init__(self, article: str) -> None:
        self.full: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        persons = {_surname(m.group("name")) for m in _SPEAKER.finditer(article)
                   if re.match(_TITLE, m.group("name")) or m.group("verb") or m.group("pre")}
        for match in re.finditer(_FULL, article):
            name = match.group()
            if _NOT_PEOPLE.search(name) or name.split()[0] in ("The", "A", "An", "In", "On") \
                    or _surname(name) not in persons:
                continue
            self.full.setdefault(_surname(name), name)
        for match in [*_ROLE_FIRST.finditer(article), *_INTRO.finditer(article)]:
            who = self.name(match.group("who"))
            role = match.group("role")
            if who and who not in self.roles and not _NOT_ROLE.search(role):
                self.roles[who] = with_full_names(
                    role if match.re is _INTRO else f"the {role}", article)

    def name(self, written: str) -> str | None:
        full = self.full.get(_surname(written))
        return full if full and not _NOT_PEOPLE.search(written) else None


def sayings(body: list[Paragraph]) -> tuple[list[Saying], People]:
    """Every attributed claim in the article, in article order."""
    article = "\n\n".join(p.text for p in body)
    people = People(article)
    found: list[Saying] = []
    for paragraph in body:
        text = paragraph.text
        for match in _QUOTED.finditer(text):
            after = _AFTER.match(text[match.end():])
            if not after:
                continue
            written = after.group("a") or after.group("b")
            who = people.name(written) if written else _last_person(text[:match.start()], people)
            if who:
                found.append(Saying(who, match.group(1).strip(), True, paragraph,
                                    _around(text, match.start(), match.end() + after.end())))
        for match in _REPORTED.finditer(text):
            who = people.name(match.group("who"))
            claim = _CUT.split(match.group("claim"))[0].strip()
            if who:
                found.append(Saying(who, claim, False, paragraph, match.group(0).strip(),
                                    _VERB_ASKED.get(match.group("verb"), "said")))
    return found, people


def _around(text: str, start: int, end: int) -> str:
    """The sentences of the paragraph that hold the quote and its attribution."""
    out, at = [], 0
    for sentence in sentences(text):
        begin = text.find(sentence, at)
        at = begin + len(sentence)
        if begin < end and at > start:
            out.append(sentence)
    return " ".join(out)


def _last_person(before: str, people: People) -> str | None:
    """'… she told me': the one person the paragraph named before the quote."""
    names = [people.name(m.group()) for m in re.finditer(rf"{_TITLE}{_PART}(?:\s+{_PART})*|"
                                                         rf"{_FULL}", before)]
    names = [n for n in names if n]
    return names[-1] if len(set(names)) == 1 else None  # two people named: "she" is a guess


def askable(saying: Saying, people: People, article: str, place: str | None) -> str | None:
    """The claim as the prompt prints it, or None when it cannot stand alone."""
    claim = saying.claim.rstrip(",.;:")
    words = claim.split()
    if not MIN_CLAIM_WORDS <= len(words) <= MAX_CLAIM_WORDS or claim.endswith("?"):
        return None
    if any(_surname(n) in claim for n in people.full.values()):
        return None  # the claim names one of the choices
    if lost_referent(claim, "") or (not saying.direct and _FIRST_PERSON.search(claim)):
        return None
    shown = settle(claim, article, place, article)  # lifted out of the article: every "the X"
    # must be named, generic or say which by itself, even where the article first mentions it
    if shown is None or (saying.direct and shown != claim):
        return None  # quoted words are not rewritten
    return shown[0].upper() + shown[1:] if saying.direct else shown


def best_sayings(found: list[Saying], people: People, article: str, place: str | None,
                 headline: str) -> list[tuple[Saying, str]]:
    """At most one claim per person, the most central, when three people at least speak."""
    speakers = sorted({s.person for s in found}, key=lambda n: article.find(_surname(n)))
    if len(speakers) < 3:
        return []
    key = set(content_words(headline)) | _common(article)
    best: dict[str, tuple[float, Saying, str]] = {}
    for saying in found:
        shown = askable(saying, people, article, place)
        if shown is None:
            continue
        score = len(set(content_words(shown)) & key) + (0.5 if not saying.direct else 0.0)
        if saying.direct and score < 1:
            continue  # a quote sharing no word with the headline or the article's subject is
            # colour ("You'd think nobody would sit in a hide at midnight"), not a claim
        if saying.person not in best or score > best[saying.person][0]:
            best[saying.person] = (score, saying, shown)
    ranked = sorted(best.values(), key=lambda t: -t[0])[:MAX_WHO]
    return [(s, shown) for _, s, shown in sorted(ranked, key=lambda t: article.find(t[1].claim))]


def _common(article: str) -> set[str]:
    counts: dict[str, int] = {}
    for word in content_words(article):
        counts[word] = counts.get(word, 0) + 1
    return {w for w, n in sorted(counts.items(), key=lambda t: -t[1])[:15] if n >= 3}


def choices_for(person: str, found: list[Saying], article: str) -> tuple[str, ...]:
    """The person and up to three others the article quotes, in the order it introduces them."""
    speakers = sorted({s.person for s in found}, key=lambda n: article.find(_surname(n)))
    others = [n for n in speakers if n != person][:3]
    return tuple(sorted([person, *others], key=lambda n: article.find(_surname(n))))


def prompt_for(saying: Saying, shown: str) -> str:
    if saying.direct:
        return f"Who in the article said: “{shown}”?"
    return f"Who in the article {saying.verb} that {shown}?"


def explanation_for(saying: Saying, people: People) -> str:
    """Where it is said, and who the speaker is: a claim is weighed by who makes it."""
    role = people.roles.get(saying.person)
    who = f" Who is speaking: {saying.person}, {role}." if role else ""
    return f"The article says in paragraph {saying.paragraph.number}: “{saying.passage}”{who}"


def who_questions(body: list[Paragraph], headline: str, place: str | None,
                  ids: IdMaker) -> list[tuple[Paragraph, Question]]:
    """The who-said-it choice questions worth asking, each with its paragraph."""
    found, people = sayings(body)
    article = "\n\n".join(p.text for p in body)
    out = []
    for saying, shown in best_sayings(found, people, article, place, headline):
        quote = saying.passage if len(saying.passage.split()) <= 25 else \
            " ".join(saying.passage.split()[:25])
        out.append((saying.paragraph, Question(
            id=ids.make(f"who {_surname(saying.person)}", 0), type=QuestionType.CHOICE,
            prompt=prompt_for(saying, shown), choices=choices_for(saying.person, found, article),
            answer=saying.person, explanation=explanation_for(saying, people), quote=quote,
            tags=("argument",))))
    return out
