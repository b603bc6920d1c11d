"""Pack → Moodle GIFT, Aiken, Red trivia list or CSV, so a pack can go back where it came from.

Each format holds less than a pack does; what it cannot hold is named in `ExportResult.warnings`
(one line per kind of loss, with how many questions it affects), never dropped silently. Each
exporter is the inverse of its importer: importing the exported text gives back the questions
the importer produced (a round trip tested per format).

- GIFT holds every type but order (skipped); explanation → general feedback `####`, topic →
  `$CATEGORY:`, per-choice feedback → `#`, several right choices → several `=`, tolerance →
  `:margin`, select_all → Moodle's multiple answer (`~%50%` right, `~%-100%` wrong; Moodle then
  gives partial credit, named). Hints, quotes, tags, difficulty and points are lost.
- Aiken holds choice questions only; explanations, feedback and other right choices are lost,
  select-all questions skipped.
- Red holds a prompt and accepted answers: text questions as they are, numbers as written,
  true/false as True/Yes or False/No, choices listed in the prompt with the right text as the
  answer; order and select-all questions are skipped. The time limit becomes CONFIG `delay`.
- CSV (`question,answers,explanation,topic`) holds text questions; others are skipped.
- No format holds a chart or a picture file; Red keeps a picture URL at the end of the prompt
  (where its importer takes it from). Our YAML (dump.py) keeps them all.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from bot.core.models import (
    SCALES,
    Pack,
    Question,
    QuestionType,
    amount_text,
    format_number,
    letter,
)
from bot.core.packs.formats.common import NOT_STATED
from bot.core.packs.formats.html_text import looks_like_html

EXPORT_FORMATS = ("gift", "aiken", "red", "csv")
_PLACEHOLDER = re.compile(r"Imported from .+; no explanation given\.")
_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")
_RED_DESCRIPTION_MAX = 200


@dataclass(frozen=True)
class ExportResult:
    text: str
    warnings: tuple[str, ...]
    exported: int


class _Losses:
    """Counts what the format could not hold, by kind, for one warning line each."""

    def __init__(self, fmt: str) -> None:
        self.fmt, self.counts = fmt, Counter[str]()

    def add(self, what: str, when: bool = True) -> None:
        if when:
            self.counts[what] += 1

    def lines(self) -> tuple[str, ...]:
        return tuple(f"{self.fmt}: {what} ({count} question{'s' if count != 1 else ''})"
                     for what, count in self.counts.items())


def export_pack(pack: Pack, fmt: str) -> ExportResult:
    """The pack as `fmt` text (one of EXPORT_FORMATS) and the losses, one line each."""
    writers: dict[str, Callable[[Pack, _Losses], tuple[str, int]]] = {
        "gift": _gift, "aiken": _aiken, "red": _red, "csv": _csv}
    losses = _Losses({"gift": "GIFT", "aiken": "Aiken", "red": "Red", "csv": "CSV"}[fmt])
    text, count = writers[fmt](pack, losses)
    return ExportResult(text, losses.lines(), count)


def _explained(question: Question) -> str:
    """The explanation, or '' for an import's 'no explanation given' placeholder."""
    return "" if _PLACEHOLDER.fullmatch(question.explanation) else question.explanation


def _common_losses(question: Question, losses: _Losses, *, url_pictures: bool = False) -> None:
    """`url_pictures`: the format keeps a picture URL (Red, in the prompt), not a file."""
    losses.add("charts are not kept", question.chart is not None)
    url = question.image is not None and question.image.lower().startswith(("https://",
                                                                            "http://"))
    losses.add("pictures are not kept", question.image is not None and not (url_pictures and url))
    losses.add("hints are not kept", bool(question.hints))
    losses.add("quotes are not kept", question.quote is not None)
    losses.add("tags are not kept", bool(question.tags))
    losses.add("difficulty is not kept", question.difficulty != 1)
    losses.add("points are not kept", question.points != 100)


# ------------------------------------------------------------------------------------- GIFT

def _g(text: str) -> str:
    """GIFT escapes: \\ ~ = # { } : with a backslash, newlines as \\n."""
    return _GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def _gift(pack: Pack, losses: _Losses) -> tuple[str, int]:
    blocks: list[str] = [f"// {pack.title}: exported from quizbot pack {pack.id}"]
    topic: str | None = None
    count = 0
    for q in pack.questions:
        if q.type is QuestionType.ORDER:
            losses.add("order questions are skipped (GIFT has no ordering type)")
            continue
        _common_losses(q, losses)
        losses.add("a number's unit and scale are written out as the whole amount",
                   bool(q.unit or q.scale))
        losses.add("select-all questions become Moodle multiple-answer questions, which give "
                   "partial credit for part of the right set (quizbot: all or nothing)",
                   q.type is QuestionType.SELECT_ALL)
        if q.topic != topic and q.topic is not None:
            blocks.append(f"$CATEGORY: $course$/top/{q.topic.replace('/', '-')}")
        topic = q.topic if q.topic is not None else topic
        marker = "[plain]" if any(looks_like_html(t) for t in (q.prompt, *q.choices,
                                                                   *q.answers)) else ""
        blocks.append(f"::{_g(q.id)}::{marker}{_g(q.prompt)}{{{_gift_answers(q)}}}")
        count += 1
    return "\n\n".join(blocks) + "\n", count


def _gift_answers(q: Question) -> str:
    general = _explained(q)
    tail = f"####{_g(general)}" if general else ""
    if q.type is QuestionType.TRUEFALSE:
        return ("TRUE" if q.truth else "FALSE") + tail
    if q.type is QuestionType.TEXT:
        return " ".join(f"={_g(a)}" for a in q.answers) + tail
    if q.type is QuestionType.NUMBER:  # GIFT has no scale: the whole amount (410000000)
        number = (q.number or 0.0) * SCALES.get(q.scale or "", 1.0)
        margin = abs(number) * q.tolerance
        return f"#{_num(number)}" + (f":{_num(margin)}" if margin else "") + tail
    lines = []
    for index, choice in enumerate(q.choices):
        right = choice == q.answer or choice in q.also_right
        note = q.choice_feedback[index] if index < len(q.choice_feedback) else ""
        mark = _select_all_weight(q, choice) if q.type is QuestionType.SELECT_ALL \
            else "=" if right else "~"
        lines.append(f"  {mark}{_g(choice)}" + (f"#{_g(note)}" if note else ""))
    return "\n" + "\n".join(lines) + (f"\n  {tail}" if tail else "") + "\n"


def _select_all_weight(q: Question, choice: str) -> str:
    """Moodle's multiple-answer weights (no '='): the right options share 100 %, and each
    wrong one takes -100 %, so a set with a wrong option in it scores nothing there either."""
    if choice not in q.answers:
        return "~%-100%"
    share = f"{100 / len(q.answers):.5f}".rstrip("0").rstrip(".")
    return f"~%{share}%"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


# ------------------------------------------------------------------------------------ Aiken

def _aiken(pack: Pack, losses: _Losses) -> tuple[str, int]:
    blocks: list[str] = []
    for q in pack.questions:
        if q.type is QuestionType.SELECT_ALL:
            losses.add("select-all questions are skipped (Aiken has one answer per question)")
            continue
        if q.type is not QuestionType.CHOICE:
            losses.add("only choice questions are kept (Aiken has no other type)")
            continue
        _common_losses(q, losses)
        losses.add("explanations are not kept", bool(_explained(q)))
        losses.add("other right choices are not kept (Aiken has one answer)", bool(q.also_right))
        losses.add("per-choice feedback is not kept", any(q.choice_feedback))
        lines = [" ".join(q.prompt.split())]
        lines += [f"{letter(i)}. {' '.join(c.split())}" for i, c in enumerate(q.choices)]
        lines.append(f"ANSWER: {letter(q.correct_index)}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n") if blocks else "", len(blocks)


# -------------------------------------------------------------------------------------- Red

def _quoted(text: str) -> str:
    return yaml.dump(text, default_style='"', allow_unicode=True, width=math.inf).rstrip("\n")


def _red(pack: Pack, losses: _Losses) -> tuple[str, int]:
    lines: list[str] = []
    if pack.source.author != NOT_STATED:
        lines.append(f"AUTHOR: {_quoted(pack.source.author[:1000])}")
    description = " ".join(pack.description.split())
    if len(description) > _RED_DESCRIPTION_MAX:
        losses.add(f"the description is cut to Red's {_RED_DESCRIPTION_MAX} characters")
        description = description[:_RED_DESCRIPTION_MAX - 1] + "…"
    lines.append(f"DESCRIPTION: {_quoted(description)}")
    if pack.time_limit is not None:
        lines += ["CONFIG:", f"  delay: {pack.time_limit}"]
    seen: set[str] = set()
    count = 0
    for q in pack.questions:
        entry = _red_entry(q, losses)
        if entry is None:
            continue
        prompt, answers = entry
        losses.add("a repeated prompt keeps only its last answers in Red", prompt in seen)
        seen.add(prompt)
        lines.append(f"{_quoted(prompt)}:")
        lines += [f"- {_quoted(answer)}" for answer in answers]
        count += 1
    return "\n".join(lines) + "\n", count


def _red_entry(q: Question, losses: _Losses) -> tuple[str, tuple[str, ...]] | None:
    """The prompt and answers; a picture URL goes at the end of the prompt, where the Red
    importer (and Red lists in the wild) find it."""
    entry = _red_answers(q, losses)
    if entry is None or not q.image or not q.image.lower().startswith(("https://", "http://")):
        return entry
    return f"{entry[0]} {q.image}", entry[1]


def _red_answers(q: Question, losses: _Losses) -> tuple[str, tuple[str, ...]] | None:
    if q.type is QuestionType.ORDER:
        losses.add("order questions are skipped (Red has no ordering)")
        return None
    if q.type is QuestionType.SELECT_ALL:
        losses.add("select-all questions are skipped (Red accepts one answer, not a set)")
        return None
    _common_losses(q, losses, url_pictures=True)
    losses.add("explanations are not kept", bool(_explained(q)))
    if q.type is QuestionType.TEXT:
        return q.prompt, q.answers
    if q.type is QuestionType.TRUEFALSE:
        losses.add("true/false questions become text answers (True/Yes or False/No)")
        return q.prompt, ("True", "Yes") if q.truth else ("False", "No")
    if q.type is QuestionType.NUMBER:
        losses.add("a number's tolerance is not kept (Red matches the text)", bool(q.tolerance))
        full = (q.number or 0.0) * SCALES.get(q.scale or "", 1.0)
        written = dict.fromkeys((_num(full), format_number(full),
                                 amount_text(q.number, q.unit, q.scale)))
        return q.prompt, tuple(written)
    losses.add("choices are listed in the prompt (Red has no choice type)")
    listed = "  ".join(f"{letter(i)}) {c}" for i, c in enumerate(q.choices))
    return f"{q.prompt} {listed}", tuple(dict.fromkeys((q.answer or "", *q.also_right)))


# -------------------------------------------------------------------------------------- CSV

def _csv(pack: Pack, losses: _Losses) -> tuple[str, int]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["question", "answers", "explanation", "topic"])
    count = 0
    for q in pack.questions:
        if q.type is not QuestionType.TEXT:
            losses.add("only text questions are kept (a row is a question and its answers)")
            continue
        _common_losses(q, losses)
        writer.writerow([q.prompt, " | ".join(q.answers), _explained(q), q.topic or ""])
        count += 1
    return out.getvalue(), count
