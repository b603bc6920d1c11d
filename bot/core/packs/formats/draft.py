"""An article's text → a draft pack worth editing, for an instructor to rewrite.

Heuristics, deliberately simple and predictable (the draft is a starting point, never installed
by itself); the reading of the text is in draft_text.py:
- the headline, byline and date become the pack's source (title, author, date), never
  questions; section headings become explainer titles;
- each sentence gives at most one question and each fact is asked once (a figure by its value,
  unit and scale; a name by its bare form);
- a sentence with a figure becomes a `number` question with the figure blanked, keeping its
  unit and scale ("$6.8 million" → 6.8, "$", million, so "6.8 million", "$6.8 million" and
  "6,800,000" are all right). Dates and codes are not figures; a year is asked only when the
  sentence has no other figure. Years and small counts are exact, other figures get a 5 %
  tolerance because articles round;
- otherwise a sentence with a name of two or more capitalised words not opening the sentence
  becomes a `text` question accepting the bare name and the name with its title (a name is
  preferred to a figure whenever figures lead names by two, so a figure-rich article still
  asks about its people and places);
- every second fact becomes a `choice` question when the article has three other figures of
  the same kind (unit and scale) or three other names to offer as distractors;
- one explainer stub per paragraph (its heading or first words, its first sentence);
- every question: difficulty 1, tag `figure` or `evidence`, the explanation "Draft: from
  paragraph N — check and rewrite in your own words." and a verbatim quote of at most 25 words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from bot.core.errors import PackError
from bot.core.models import Explainer, Pack, Question, QuestionType
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, decode_text, finish
from bot.core.packs.formats.draft_text import (
    NAME,
    Figure,
    Paragraph,
    bare_name,
    figures,
    leans_back,
    paragraphs,
    read_header,
    sentences,
)

FORMAT_NAME = "article draft"
MAX_QUOTE_WORDS = 25
MAX_QUESTIONS = 60
DISTRACTORS = 3
_SHORT_LIMIT = 300

_LOWER_FIRST = frozenset((
    "a", "an", "the", "in", "on", "at", "by", "of", "for", "from", "with", "while", "when",
    "during", "since", "after", "before", "about", "roughly", "more", "some", "this", "that",
    "these", "those", "it", "there", "its", "their", "as", "if", "yet", "but", "and", "so",
    "one", "although", "though", "however", "still", "even", "what", "today", "then", "now",
    "here", "many", "most", "both", "each", "every", "such", "instead", "despite", "because",
    "until", "unlike", "like", "under", "over", "between", "among", "against", "without",
    "within", "through", "once", "only", "we", "they", "he", "she", "his", "her", "our"))


@dataclass(frozen=True)
class _Fact:
    paragraph: Paragraph
    sentence: str
    start: int
    end: int
    figure: Figure | None = None
    name: str | None = None  # as written, title included
    bare: str | None = None


def draft_pack(data: bytes | str, filename: str, *, pack_id: str | None = None) -> Pack:
    """A draft pack from an article; PackError when nothing in it can be asked about."""
    text = decode_text(data, filename)
    lines = text.split("\n")
    header = read_header(lines)
    body = paragraphs(lines, header.body_start)
    facts = _facts(body)
    if not facts:
        raise PackError(f"{filename}:1: no sentence with a figure or a name of two or more "
                        f"capitalised words to ask about; write the questions by hand")
    lower = {w for w in re.findall(r"[a-z][a-z’'-]*", text)}
    found = _questions(facts, body, lower)
    name = PurePath(filename).name or "article"
    meta = Meta(title=f"Draft: {header.title}" if header.title else f"Draft questions on {name}",
                description="A rough draft proposed from the article's sentences: check every "
                            "question against the article and rewrite it in your own words.",
                author=header.author, date=header.date,
                source_title=header.title or f"the article in {name} (title not stated)",
                explainers=tuple(_explainer(p) for p in body))
    return finish(Collector(filename), found, meta, format_name=FORMAT_NAME,
                  pack_id=pack_id).pack


def _facts(body: list[Paragraph]) -> list[_Fact]:
    facts: list[_Fact] = []
    figures_used: set[tuple[float, str | None, str | None]] = set()
    names_used: set[str] = set()
    for paragraph in body:
        for sentence in sentences(paragraph.text):
            if len(sentence.split()) < 6 or sentence.endswith("?") or leans_back(sentence):
                continue
            figures_so_far = sum(1 for f in facts if f.figure is not None)
            if figures_so_far - (len(facts) - figures_so_far) >= 2:  # keep names in the mix
                fact = _name_fact(paragraph, sentence, names_used) or \
                    _figure_fact(paragraph, sentence, figures_used)
            else:
                fact = _figure_fact(paragraph, sentence, figures_used) or \
                    _name_fact(paragraph, sentence, names_used)
            if fact is not None:
                facts.append(fact)
            if len(facts) >= MAX_QUESTIONS:
                return facts
    return facts


def _figure_fact(paragraph: Paragraph, sentence: str,
                 used: set[tuple[float, str | None, str | None]]) -> _Fact | None:
    found = [f for f in figures(sentence) if f.key not in used]
    if not found:
        return None
    target = next((f for f in found if not f.is_year()), found[0])
    used.add(target.key)
    return _Fact(paragraph, sentence, target.start, target.end, figure=target)


def _name_fact(paragraph: Paragraph, sentence: str, used: set[str]) -> _Fact | None:
    for match in NAME.finditer(sentence):
        name = re.sub(r"[’']s$", "", match.group())
        bare = bare_name(name)
        if match.start() == 0 or bare.lower() in used or name != match.group():
            continue  # a possessive ("___'s concern") reads badly as a blank
        used.add(bare.lower())
        return _Fact(paragraph, sentence, match.start(), match.start() + len(name), name=name,
                     bare=bare)
    return None


def _questions(facts: list[_Fact], body: list[Paragraph], lower: set[str]) -> list[Found]:
    ids = IdMaker()
    kinds: dict[tuple[str | None, str | None], list[Figure]] = {}
    names: list[str | None] = []
    for sentence in (s for p in body for s in sentences(p.text)):  # every figure and name
        for figure in figures(sentence):
            if not figure.is_year():
                kinds.setdefault((figure.unit, figure.scale), []).append(figure)
        names += [bare_name(re.sub(r"[’']s$", "", m.group())) for m in NAME.finditer(sentence)
                  if m.start() > 0]
    found = []
    for index, fact in enumerate(facts):
        question = _choice(fact, index, kinds, names, ids) if index % 2 else None
        question = question or _open(fact, ids)
        found.append(Found(fact.paragraph.line, replace(question, prompt=_lowered(
            question.prompt, lower))))
    return found


def _open(fact: _Fact, ids: IdMaker) -> Question:
    prompt = _prompt(fact.sentence[:fact.start] + "___" + fact.sentence[fact.end:])
    common = {"explanation": _explanation(fact.paragraph.number),
              "quote": _quote(fact.sentence, fact.start)}
    if fact.figure is not None and fact.figure.is_year():  # 1821, not "1,821"
        return Question(id=ids.make(f"year {fact.figure.written}", 0), type=QuestionType.TEXT,
                        prompt=prompt, answers=(fact.figure.written,), tags=("figure",),
                        **common)  # type: ignore[arg-type]
    if fact.figure is not None:
        figure = fact.figure
        exact = figure.is_year() or (figure.value < 100 and not figure.rough)
        return Question(id=ids.make(f"figure {figure.written}", 0), type=QuestionType.NUMBER,
                        prompt=prompt, number=figure.value, tolerance=0.0 if exact else 0.05,
                        unit=figure.unit, scale=figure.scale, tags=("figure",),
                        **common)  # type: ignore[arg-type]
    assert fact.name is not None and fact.bare is not None
    answers = tuple(dict.fromkeys((fact.bare, fact.name)))
    return Question(id=ids.make(fact.bare, 0), type=QuestionType.TEXT, prompt=prompt,
                    answers=answers, tags=("evidence",), **common)  # type: ignore[arg-type]


def _choice(fact: _Fact, index: int, kinds: dict[tuple[str | None, str | None], list[Figure]],
            names: list[str | None], ids: IdMaker) -> Question | None:
    """A choice question whose distractors are the article's other figures of the same kind
    (or other names); None when it has too few."""
    if fact.figure is not None:
        if fact.figure.is_year():
            return None
        same = [f for f in kinds.get((fact.figure.unit, fact.figure.scale), [])
                if f.key != fact.figure.key]
        right = fact.figure.written
        value_of = {f.written: f.value for f in same} | {right: fact.figure.value}
        options = sorted((t for t in value_of if t != right),
                         key=lambda t: abs(math.log10(max(value_of[t], 1e-9))
                                           - math.log10(max(fact.figure.value, 1e-9))))
    else:
        right = fact.bare or ""
        options = [n for n in dict.fromkeys(names) if n and n != right]
        value_of = {}
    if len(options) < DISTRACTORS:
        return None
    if fact.figure is not None:
        picked = options[:DISTRACTORS]  # the closest in size: none is absurd on its face
    else:
        step = max(1, len(options) // DISTRACTORS)  # spread out, stable for one article
        picked = [options[(index + k * step) % len(options)] for k in range(DISTRACTORS)]
    choices = list(dict.fromkeys([right, *picked]))
    if len(choices) < DISTRACTORS + 1:
        return None
    choices.sort(key=lambda c: (value_of.get(c, 0.0), c))
    prompt = _prompt(fact.sentence[:fact.start] + "___" + fact.sentence[fact.end:])
    return Question(id=ids.make(f"choice {right}", 0), type=QuestionType.CHOICE, prompt=prompt,
                    choices=tuple(choices), answer=right,
                    tags=("figure",) if fact.figure else ("evidence",),
                    explanation=_explanation(fact.paragraph.number),
                    quote=_quote(fact.sentence, fact.start))


def _lowered(prompt: str, lower: set[str]) -> str:
    """'According to the article, Walkers on …' → '…, walkers on …' when the article writes
    the word in lower case elsewhere (so names and 'I' keep their capital)."""
    lead = "According to the article, "
    if not prompt.startswith(lead):
        return prompt
    rest = prompt[len(lead):]
    first = rest.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.lower().strip(",") in lower:
        return lead + rest[0].lower() + rest[1:]
    return prompt


def _explainer(paragraph: Paragraph) -> Explainer:
    first = sentences(paragraph.text)[0] if paragraph.text else paragraph.text
    title = paragraph.heading or " ".join(first.split()[:8]).rstrip(",;:.") + "…"
    short = first if len(first) <= _SHORT_LIMIT else first[:_SHORT_LIMIT - 1] + "…"
    return Explainer(id=f"paragraph-{paragraph.number}", title=title,
                     short=f"Draft: {short}", body=paragraph.text)


def _prompt(blanked: str) -> str:
    """'In 2007, Mexico registered ___ homicides.' → 'According to the article, in 2007, …?'"""
    body = re.sub(r"[.!;:]+([”\"’]+)$", r"\1", blanked.rstrip(" .!;:"))  # '"cutters."'
    first = body.split(" ", 1)[0]
    if first == "According":  # the sentence already names its source
        return f"{body}?"
    if first.lower() in _LOWER_FIRST or (first[1:].islower() and first.endswith(("ing", "ly"))):
        body = body[0].lower() + body[1:]
    return f"According to the article, {body}?"


def _explanation(paragraph: int) -> str:
    return f"Draft: from paragraph {paragraph} — check and rewrite in your own words."


def _quote(sentence: str, focus: int) -> str:
    """The sentence, or the 25 words of it around the asked-about part."""
    words = sentence.split()
    if len(words) <= MAX_QUOTE_WORDS:
        return " ".join(words)
    at = len(sentence[:focus].split())
    start = max(0, min(at - MAX_QUOTE_WORDS // 2, len(words) - MAX_QUOTE_WORDS))
    return " ".join(words[start:start + MAX_QUOTE_WORDS])

