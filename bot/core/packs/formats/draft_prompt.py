"""A drafted prompt as the student sees it: alone on the screen, so every referent is in it.

A strict held-out reviewer rejected nearly every drafted question for words that point at the
article the student cannot see: "the work", "the town", "the removal", "in the district",
"here", "that delay". The drafter checked the sentences it left in review notes, not the prompts
it emitted. Here the emitted prompt itself is checked, with rules of English, not of a subject:
- "here", "in the district", "the town" are the article's own place: printed as its name when
  the article states it unambiguously ("the Wealdmoor district", "Ketterby, a market town",
  "the town of Ketterby", a place named in the headline or again and again after "in/at");
- a definite noun phrase "the X" says which X by itself when a relative clause, a participle
  or a prepositional phrase follows it ("the GPs still working…", "the wait for…", "the region
  where…"), or when X is generic English that needs no referent ("the year", "the public");
- otherwise "the X" is printed as the article's own name for it when the article gave one
  ("the removal" → "the removal of the Harlan Mill dam", "the dam" → "the Harlan Mill dam",
  "the river" → "the River Ossel"), and when it gave none the prompt is not asked;
- "that delay", "this plan" after a preposition point back at a sentence the student never
  sees: the prompt is not asked.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.core.packs.formats.draft_refer import full_name


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PLACE_KINDS = _words("town city village district county borough parish region valley island "
                      "area suburb neighbourhood neighborhood")
_GENERIC = _words("""year years day days week weeks month months time past future present world
    public government country nation economy weather law police internet rest end start
    beginning middle top bottom first last same majority minority average moment morning
    evening night afternoon spring summer autumn winter decade century case way fact idea
    answer question truth reason result number numbers cost risk problem point sense wind sea
    sun sky rain air ground""")
_ADJECTIVES = _words("""new old current proposed original final total first last main latest
    overall whole entire former previous next median mean typical local national annual
    biggest largest smallest most least best worst only single average lower upper second third
    fourth fifth sixth seventh eighth ninth tenth""")
_SELF_DEFINING = _words("""of in at on for from with across among between to about over under
    near by who which that where whose when than as since""")
_POINTING = re.compile(r"\b(?:of|in|on|at|for|from|with|by|to|about|after|before|despite) "
                       r"(?:that|this|these|those) ([a-z]+)\b")
_TIME = _words("year week month spring summer autumn fall winter season morning evening time "
               "day decade century period")
_DEFINING = _words("of who which that where whose when for about between among")
# what follows a noun and says which one ("the wait for a bed", "the region where…"); "in",
# "on", "at" more often say where or when something happened ("the tunnel on Friday")
_WEEKDAYS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
             r"March|April|May|June|July|August|September|October|November|December)\b")
_WE = re.compile(r"\b(?:[Oo]ur|[Ww]e|[Uu]s|[Oo]urs)\b")
_HERE = re.compile(r"(?<![Ii]n )\bhere\b(?! I\b)")
_IN_PLACE = re.compile(r"\b(in|across|throughout|of|downstream of|upstream of|outside|around)"
                       r" the (town|city|village|district|county|borough|parish|region|area)\b")
_LOCATIVE = re.compile(r"\b(?:in|at|above|below|near|outside|around|of|across)\s+"
                       r"((?:[A-Z][a-z’'-]+)(?:\s+[A-Z][a-z’'-]+)?)\b")


def _kind_names(kind: str, article: str) -> dict[str, str]:
    """Names the article gives a place of this kind, each as it is best printed: 'the
    Wealdmoor district' → 'the Wealdmoor district'; 'the town of Ketterby' and 'Ketterby, a
    market town' → 'Ketterby'."""
    name = r"([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?)"
    found = {m.group(1): f"the {m.group(1)} {kind}"
             for m in re.finditer(rf"\bthe {name} {kind}\b", article)}
    found.update({m.group(1): m.group(1) for m in re.finditer(rf"\bthe {kind} of {name}", article)})
    found.update({m.group(1): m.group(1) for m in re.finditer(
        rf"\b{name}, (?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}{kind}\b(?!['’]s)", article)})
    # "Port Annick, the island's capital" names the capital, not the island
    return {n: form for n, form in found.items()
            if n.split()[0] not in ("The", "A", "An", "This", "That")}


def setting(headline: str, article: str) -> str | None:
    """The place the article is about: the one most often named after 'in/at/of', when it is
    named at least three times and twice as often as any other, or is named in the headline."""
    counts = Counter(re.sub(r"['’]s$", "", m.group(1)) for m in _LOCATIVE.finditer(article)
                     if m.group(1).split()[0] not in ("The", "A", "An", "This", "That", "Mr",
                                                      "Mrs", "Ms", "Dr", "Prof"))
    if not counts:
        return None
    upper = headline.upper()
    kinds = {n for kind in _PLACE_KINDS for n in _kind_names(kind, article)}
    named = {n for n in set(counts) | kinds if re.search(rf"\b{re.escape(n.upper())}\b", upper)}
    if len(named) == 1:
        return named.pop()
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n >= 3 and n >= 2 * rest[0][1] else None


def _place_for(kind: str, article: str, place: str | None) -> str | None:
    """How to print 'the KIND' as the article's own place, or None when it names none."""
    named = _kind_names(kind, article)
    if len(named) == 1:
        return next(iter(named.values()))
    if not named and kind in ("town", "city", "district") and place is not None:
        # the setting named again and again (a village or county may be another place)
        return f"the {place} district" if kind == "district" else place
    return None


def _named(head: str, words: str, article: str) -> str | None:
    """The article's own name for 'the HEAD': 'the Harlan Mill dam', 'the River Ossel', 'the
    removal of the Harlan Mill dam'; None unless exactly one such name is stated."""
    name = r"(?:[A-Z][\w’'&-]*\s+){1,4}"
    options = {re.sub(r"\s+", " ", m.group(0)).strip() for m in
               re.finditer(rf"\bthe {name}{re.escape(words)}{re.escape(head)}\b(?!\s+[A-Z])",
                           article)}
    options |= {m.group(0) for m in re.finditer(
        rf"\bthe {re.escape(head.capitalize())}(?:\s+[A-Z][\w’'-]+){{1,3}}", article)}
    options |= {m.group(0) for m in re.finditer(
        rf"\bthe {re.escape(words)}{re.escape(head)} of (?:the )?(?:[A-Z][\w’'-]*\s*){{1,4}}"
        rf"(?:[a-z]+\b)?", article)}
    options = {o if o.split()[-1][:1].isupper() or o.split()[-1] not in _STOPS
               else o.rsplit(" ", 1)[0] for o in options}
    options = {o.strip() for o in options if not re.match(r"the (?:The|A|An)\b", o)}
    if not options and full_name(head, article):
        return f"the {full_name(head, article)}"  # "the trust" → "the Ossel Rivers Trust"
    if len(options) != 1:
        return None
    return options.pop()


_VERBS = _words("""is are was were be been being has have had will would can could may might
    should must do does did says said say lies lie remains remain shows show showed holds hold
    needs need takes take took makes make made gets get got goes go went comes come came seems
    seem became become gave give found find told tell argues argue thinks think knows know drew
    grew fell rose won lost paid spent sold bought built met ran began left kept held brought
    thought saw led set put cut sent spoke wrote chose stood felt heard meant became gone done
    seen taken given known shown grown fallen risen written chosen spoken driven begun won""")
_ADVERBS = _words("still now already also currently only just once")
_STOPS = _SELF_DEFINING | _VERBS | _words("the a an its their his her our this these those "
                                          "and or but not no so if because while although "
                                          "though than then also still already only just")


def _phrases(text: str) -> list[tuple[int, list[int], list[str]]]:
    """Each 'the …' noun phrase: its span and its lower-case words (up to three, stopping at a
    function word, a verb, a participle or punctuation); a capitalised phrase is a name."""
    found = []
    for match in re.finditer(r"\b[Tt]he\s+", text):
        words: list[str] = []
        ends: list[int] = []  # where each word of the phrase ends in the text
        for token in re.finditer(r"\S+", text[match.end():]):
            raw = token.group()
            bare = raw.strip("“”\"'(),;:.!?")
            low = bare.lower()
            if not bare or not bare[:1].islower() or low in _STOPS or \
                    words and low.endswith(("ing", "ed", "ly")) or len(words) == 3:
                break
            words.append(low)
            ends.append(match.end() + token.start() + len(raw.rstrip("“”\"'(),;:.!?")))
            if raw != raw.rstrip(",;:.!?)”\"") or re.search(r"['’]s$", low):
                break  # "the district's own survey": the possessor is the phrase to resolve
        if words:
            found.append((match.start(), ends, words))
    return found


def settle(prompt: str, article: str, place: str | None, earlier: str = "") -> str | None:
    """The prompt with each place word and definite noun phrase named from the article, or
    None when one still points outside the prompt. `earlier` is the article before the
    sentence (headline included): only a phrase that points back at it can be lost; the
    article's own first mention ("The museum welcomed…" opening it) is as clear as the article."""
    return settled(prompt, article, place, earlier)[0]


def settled(prompt: str, article: str, place: str | None,
            earlier: str = "") -> tuple[str | None, str]:
    """settle()'s answer, with the words that point outside the prompt when it is None (for
    the instructor's review note: "the work", "here", "our")."""

    def in_place(match: re.Match[str]) -> str:
        name = _place_for(match.group(2), article, place)
        return match.group(0) if name is None else f"{match.group(1)} {name}"

    we = _WE.search(prompt)
    if we and "___" in prompt:
        return None, we.group()  # "Our buses carried ___": whose? The author's "we" is not shown
    body = _IN_PLACE.sub(in_place, prompt)
    here = _HERE.search(body)
    if here:
        if place is None:
            return None, here.group()
        body = _HERE.sub(f"in {place}", body)
    pointing = [m for m in _POINTING.finditer(body) if m.group(1) not in _TIME]
    if pointing:
        return None, pointing[0].group().split(" ", 1)[1]
    out: list[str] = []
    at = 0
    for start, ends, words in _phrases(body):
        if start < at:
            continue
        if not any(_mentioned(w, earlier) for w in words):
            continue  # a first mention: the article introduces it here
        resolved = _resolve(body, start, ends, words, article, place)
        if resolved is None:
            return None, body[start:ends[-1]]
        repl, end = resolved
        if repl is None:
            continue
        if body[start] == "T":
            repl = repl[0].upper() + repl[1:]
        out.append(body[at:start] + repl)
        at = end
    text = "".join(out) + body[at:]
    return (text, "") if text.count("___") == prompt.count("___") else (None, "")


def _resolve(body: str, start: int, ends: list[int], words: list[str], article: str,
             place: str | None) -> tuple[str | None, int] | None:
    """(None, _) when the phrase says which by itself, (name, end of the words it replaces) when
    the article names it, None when it points outside the prompt. The phrase's head is taken as
    the shortest run of its words that resolves ("the winter drew" → "the winter")."""
    for size in range(1, len(words) + 1):
        part = words[:size]
        head = part[-1]
        end = ends[size - 1]
        following = [w.strip(",;:.”\"").lower() for w in body[end:end + 60].split()]
        following = [w for w in following if w not in _ADVERBS] or [""]
        nxt = following[0]
        joined = body[end:end + 1] not in (",", ";", ".", ":", "”", "\"", "")
        located = re.match(rf"\s+(?:in|at|across)\s+(?!{_WEEKDAYS})[A-Z]", body[end:])
        generic = head in _GENERIC and all(w in _ADJECTIVES for w in part[:-1])
        if generic or all(w in _ADJECTIVES for w in part) or \
                joined and (nxt in _DEFINING or nxt.endswith("ing")) or located or \
                _named_before(head, body[:start]):
            return None, end
        owner = re.sub(r"['’]s$", "", head)  # "the choir's income": name the choir
        if owner in _PLACE_KINDS:
            name = _place_for(owner, article, place)
            if name is not None:
                return name + head[len(owner):], end
            continue
        if size < len(words):
            continue  # a modifier ("the library service") is never named on its own
        name = _named(owner, " ".join(part[:-1]) + (" " if size > 1 else ""), article) or \
            (_named(owner, "", article) if size > 1 else None)  # "the disused tunnel"
        if name is not None:
            return name + head[len(owner):], end
    return None


def _mentioned(word: str, earlier: str) -> bool:
    stem = re.escape(re.sub(r"['’]s$", "", word))
    return bool(re.search(rf"\b{stem}", earlier, re.IGNORECASE))


def _named_before(head: str, before: str) -> bool:
    """'the dam' after 'the Harlan Mill dam' (or 'a dam') earlier in the same prompt."""
    return bool(re.search(rf"\b(?:[A-Z][\w’'-]*\s+|an?\s+(?:[a-z-]+\s+){{0,2}}){re.escape(head)}"
                          rf"\b", before))
