"""An article's text → a rough draft pack that validates, for an instructor to rewrite.

Heuristics, deliberately simple and predictable (the draft is a starting point, never installed
by itself):
- paragraphs are blank-line separated, or one per line when the text has no blank lines (the
  way copied web articles usually arrive);
- a sentence with a figure (11,000; 24%; 1.5) becomes a `number` question with that figure
  blanked: "According to the article, … ___ …?". Figures that are parts of dates or names
  ("April 8", "COVID-19", "1980s") are not asked about; a year is asked only when the sentence
  has no other figure. Years and small counts are exact, other figures get a 5 % tolerance
  because articles round ("roughly 11,000");
- otherwise a sentence with a name of two or more capitalised words not opening the sentence
  ("Vicente Fox", "NBC News") becomes a `text` question with the name blanked; each name is
  asked once;
- every question: difficulty 1, tag `figure` or `evidence`, the explanation "Draft: from
  paragraph N — check and rewrite in your own words." and a verbatim quote of at most 25 words.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from bot.core.errors import PackError
from bot.core.models import Pack, Question, QuestionType
from bot.core.packs.formats.common import (
    Collector,
    Found,
    IdMaker,
    Meta,
    decode_text,
    finish,
)

FORMAT_NAME = "article draft"
MAX_QUOTE_WORDS = 25
MAX_QUESTIONS = 60

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")
_FIGURE = re.compile(r"(?<![\w.,-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w-]|[.,]\d)")
_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-’'][A-Za-z]+)*|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:de |del |la |van |von )?{_NAME_WORD})+")
_LOWER_FIRST = frozenset((
    "a", "an", "the", "in", "on", "at", "by", "of", "for", "from", "with", "while", "when",
    "during", "since", "after", "before", "about", "roughly", "more", "some", "this", "that",
    "these", "those", "it", "there", "its", "their", "as", "if", "yet", "but", "and", "so",
    "one", "although", "though", "however", "still", "even", "what", "today", "then", "now",
    "here", "many", "most", "both", "each", "every", "such", "instead", "despite", "because",
    "until", "unlike", "like", "under", "over", "between", "among", "against", "without",
    "within", "through", "once", "only", "we", "they", "he", "she", "his", "her", "our"))


def draft_pack(data: bytes | str, filename: str, *, pack_id: str | None = None) -> Pack:
    """A draft pack from an article; PackError when nothing in it can be asked about."""
    text = decode_text(data, filename)
    log = Collector(filename)
    found = _questions(text)
    if not found:
        raise PackError(f"{filename}:1: no sentence with a figure or a name of two or more "
                        f"capitalised words to ask about; write the questions by hand")
    name = PurePath(filename).name or "article"
    meta = Meta(title=f"Draft questions on {name}",
                description="A rough draft proposed from the article's sentences: check every "
                            "question against the article and rewrite it in your own words.",
                source_title=f"the article in {name} (title not stated)")
    return finish(log, found, meta, format_name=FORMAT_NAME, pack_id=pack_id).pack


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) per paragraph: blank-line separated, else one per line."""
    lines = text.split("\n")
    blank_separated = any(not line.strip() for line in lines[:-1]) and \
        any(line.strip() for line in lines)
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if line.strip() and not current:
            start = number
        if line.strip():
            current.append(line.strip())
        if current and (not line.strip() or not blank_separated):
            paragraphs.append((start, " ".join(current)))
            current = []
    if current:
        paragraphs.append((start, " ".join(current)))
    return paragraphs


def _questions(text: str) -> list[Found]:
    found: list[Found] = []
    ids = IdMaker()
    names_used: set[str] = set()
    for index, (line, paragraph) in enumerate(_paragraphs(text), start=1):
        for sentence in _SENTENCE_END.split(paragraph):
            sentence = sentence.strip()
            if len(sentence.split()) < 6 or sentence.endswith("?"):
                continue
            question = _figure_question(sentence, index, ids) or \
                _name_question(sentence, index, ids, names_used)
            if question is not None:
                found.append(Found(line, question))
            if len(found) >= MAX_QUESTIONS:
                return found
    return found


def _figure_question(sentence: str, paragraph: int, ids: IdMaker) -> Question | None:
    figures = [m for m in _FIGURE.finditer(sentence) if not _MONTH.search(sentence[:m.start()])]
    if not figures:
        return None
    target = next((m for m in figures if not _is_year(m.group())), figures[0])
    digits = target.group()
    value = float(digits.replace(",", ""))
    blanked = sentence[:target.start()] + "___" + sentence[target.end():]
    exact = _is_year(target.group()) or value < 100
    return Question(
        id=ids.make(f"figure {digits}", 0), type=QuestionType.NUMBER,
        prompt=_prompt(blanked), number=value, tolerance=0.0 if exact else 0.05,
        explanation=_explanation(paragraph), quote=_quote(sentence, target.start()),
        tags=("figure",),
    )


def _name_question(sentence: str, paragraph: int, ids: IdMaker,
                   names_used: set[str]) -> Question | None:
    for match in _NAME.finditer(sentence):
        name = re.sub(r"[’']s$", "", match.group())
        if match.start() == 0 or name.lower() in names_used:
            continue
        names_used.add(name.lower())
        blanked = sentence[:match.start()] + "___" + sentence[match.start() + len(name):]
        return Question(
            id=ids.make(name, 0), type=QuestionType.TEXT, prompt=_prompt(blanked),
            answers=(name,), explanation=_explanation(paragraph),
            quote=_quote(sentence, match.start()), tags=("evidence",),
        )
    return None


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", token))


def _prompt(blanked: str) -> str:
    """'In 2007, Mexico registered ___ homicides.' → 'According to the article, in 2007, …?'"""
    body = blanked.rstrip(" .!;:")
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

