"""Moodle GIFT → questions. Follows Moodle's own reader (question/format/gift/format.php).

Supported: `::title::` (becomes the id), `// comment` lines, `$CATEGORY:` lines (the last part
of the category path becomes the topic of the questions after it), `[html]`/`[markdown]`/
`[plain]`/`[moodle]` text markers (HTML becomes text: `CO<sub>2</sub>` → `CO₂`, entities as
characters; unmarked text is read as HTML when it holds tags, as Moodle's default format does),
multiple choice `{=right ~wrong}` (several `=` choices: each is right, as in Moodle),
true/false `{T}` `{TRUE}` `{F}` `{FALSE}`, short answer `{=a =b}`, numeric `{#11000}`,
`{#11000:500}` (absolute error → our fraction 500/11000) and `{#1..5}` (midpoint ± half width),
per-answer feedback `#…` and general feedback `####…`, escapes `\\~ \\= \\# \\{ \\} \\: \\n \\\\`,
multi-line questions, and missing-word questions (text after the braces: "___" marks the gap).

Explanation = general feedback + the right answer's feedback. Every other choice's feedback is
kept as that choice's `feedback`, shown to a learner who picks it.

Partial credit (`%50%`) does not exist in quizbot: a question that also has a full-credit answer
keeps its full-credit answers, with a warning naming each partial one (a partial choice stays
as a wrong choice; a partial short answer or number is dropped). A choice block with no `=` and
positive weights is Moodle's multiple-answer question: it becomes `select_all` (gift_multi.py).

Unsupported (reported per question; the CLI can skip them): matching `->`, essay `{}`, text
without braces (a Moodle "description"), several accepted numbers, a numeric error margin that
is not a fraction of the answer (answer 0, or a margin wider than the answer), and embedded
answers (two `{…}`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from bot.core.models import Question, QuestionType
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, explanation
from bot.core.packs.formats.gift_multi import select_all_fields
from bot.core.packs.formats.html_text import html_to_text, looks_like_html
from bot.core.packs.limits import MAX_NUMBER, clip

FORMAT_NAME = "GIFT"

_ESCAPE = re.compile(r"\\[\\:#={}~n]")
_WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]*)?)%")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_TEXT_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")


@dataclass(frozen=True)
class Part:
    """A slice of the question text and its mask: the mask blanks escaped characters, so
    delimiters are searched in the mask and the text is cut at the same places."""

    text: str
    mask: str
    start: int = 0  # where this slice begins in the question block, for line numbers

    def __getitem__(self, index: slice) -> Part:
        begin = index.indices(len(self.text))[0]
        return Part(self.text[index], self.mask[index], self.start + begin)

    def find(self, sub: str, start: int = 0) -> int:
        return self.mask.find(sub, start)

    def strip(self) -> Part:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self[left:right] if right > left else self[0:0]

    def split(self, delimiters: str) -> list[tuple[str, Part]]:
        """Pieces that start at each unescaped delimiter: [(delimiter or '', rest), …]."""
        pieces, start, mark = [], 0, ""
        for index, char in enumerate(self.mask):
            if char in delimiters:
                pieces.append((mark, self[start:index]))
                start, mark = index + 1, char
        pieces.append((mark, self[start:]))
        return pieces

    def plain(self, is_html: bool | None = False) -> str:
        """The text with escapes resolved, HTML as text ([html], or None: when it looks so)."""
        text = _ESCAPE.sub(lambda m: "\n" if m.group()[1] == "n" else m.group()[1], self.text)
        if is_html or (is_html is None and looks_like_html(text)):
            text = html_to_text(text)
        return re.sub(r"[ \t]+", " ", text).strip()


def _part(text: str) -> Part:
    return Part(text, _ESCAPE.sub("\0\0", text))


def read(text: str, log: Collector) -> tuple[list[Found], Meta]:
    """Every question block (blank-line separated) → a Found, or problems in `log`."""
    found: list[Found] = []
    ids = IdMaker()
    for number, (line, block, topic) in enumerate(_blocks(text), start=1):
        question = _question(block, line, number, ids, log)
        if question is not None:
            found.append(Found(line, replace(question, topic=topic)))
    return found, Meta()


def _blocks(text: str) -> list[tuple[int, str, str | None]]:
    """(first line, text, topic) per question: comments removed, blank lines split, and the
    topic from the last `$CATEGORY:` line before it."""
    blocks: list[tuple[int, str, str | None]] = []
    current: list[str] = []
    start, topic = 0, None
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("$CATEGORY:"):
            if current:
                blocks.append((start, "\n".join(current), topic))
                current = []
            if stripped:
                topic = category_topic(stripped.removeprefix("$CATEGORY:"))
            continue
        if stripped.startswith("//"):
            continue
        if not current:
            start = number
        current.append(raw)
    if current:
        blocks.append((start, "\n".join(current), topic))
    return blocks


def category_topic(path: str) -> str | None:
    """'$course$/top/Chemistry/Gases' → 'Gases': the most specific named part of the path."""
    parts = [part.strip() for part in path.split("/")]
    named = [part for part in parts if part and not (part.startswith("$") and part.endswith("$"))
             and part.lower() != "top" and not part.lower().startswith("default for")]
    return named[-1] if named else None


def _question(block: str, line: int, number: int, ids: IdMaker,
              log: Collector) -> Question | None:
    source = block.strip()
    whole = _part(source)
    title: str | None = None
    if whole.mask.startswith("::"):
        end = whole.find("::", 2)
        if end < 0:
            log.error(line, "the question title starts with '::' but is never closed with '::'")
            return None
        title = whole[2:end].plain()
        whole = whole[end + 2:].strip()
    label = f"question '{title}'" if title else f"question {number}"
    is_html: bool | None = None  # Moodle's default format renders HTML
    marker = _TEXT_FORMAT.match(whole.mask)
    if marker:
        is_html = {"html": True, "moodle": None}.get(marker.group(1), False)
        whole = whole[marker.end():].strip()
    open_at, close_at = whole.find("{"), whole.find("}")
    if open_at < 0 and close_at < 0:
        log.unsupported(line, f"{label} has no answer in braces {{…}}: a Moodle description, "
                              f"not a question")
        return None
    if open_at < 0 or 0 <= close_at < open_at:
        log.error(line, f"{label} has a '}}' without a '{{' before it; write \\}} for a literal "
                        f"brace")
        return None
    close_at = whole.find("}", open_at)
    answer_line = line + source[:whole.start + open_at].count("\n")
    if close_at < 0:
        log.error(answer_line, f"{label} opens its answers with '{{' but never closes them "
                               f"with '}}'")
        return None
    if whole.find("{", close_at) >= 0 or whole.find("}", close_at + 1) >= 0:
        if "\n" in whole.text[close_at:]:  # most likely two questions without a blank line
            log.error(answer_line, f"{label} is followed by more answers in braces on a later "
                                   f"line: separate questions with a blank line")
        else:
            log.unsupported(answer_line, f"{label} has more than one {{…}} block (embedded "
                                         f"answers are not supported)")
        return None
    before, after = whole[:open_at].plain(is_html), whole[close_at + 1:].plain(is_html)
    prompt = f"{before} ___ {after}".strip() if after else before
    if not prompt:
        log.error(line, f"{label} has no question text before its answers")
        return None
    body = whole[open_at + 1:close_at]
    general = ""
    split_at = body.mask.rfind("####")
    if split_at >= 0:
        general = body[split_at + 4:].plain(is_html)
        body = body[:split_at]
    fields = _answers(body.strip(), label, answer_line, is_html, log)
    if fields is None:
        return None
    feedback = str(fields.pop("feedback", ""))
    return Question(id=ids.make(title, number), prompt=prompt,
                    explanation=explanation([general, feedback], FORMAT_NAME),
                    **fields)  # type: ignore[arg-type]


def _answers(body: Part, label: str, line: int, is_html: bool | None,
             log: Collector) -> dict[str, object] | None:
    """The Question fields for the answer block, chosen the way Moodle chooses the type."""
    if not body.mask:
        log.unsupported(line, f"{label} is an essay question ({{}}): there is no answer to check")
        return None
    if body.mask.startswith("#"):
        return _numeric(body[1:], label, line, is_html, log)
    if "~" in body.mask:
        return _choice(body, label, line, is_html, log)
    if "=" in body.mask and "->" in body.mask:
        log.unsupported(line, f"{label} is a matching question (->), which quizbot does not have")
        return None
    verdict, *feedback = [piece.plain(is_html) for _, piece in body.split("#")][:3]
    if verdict.upper() in _TRUE + _FALSE:
        truth = verdict.upper() in _TRUE
        right = feedback[1] if len(feedback) > 1 else ""
        return {"type": QuestionType.TRUEFALSE, "truth": truth, "feedback": right}
    return _short(body, label, line, is_html, log)


def _weighted(piece: Part, default: float, is_html: bool | None) -> tuple[float, str, str]:
    """(weight, answer text, feedback) of one `=…`/`~…` piece."""
    weight = default
    match = _WEIGHT.match(piece.mask.lstrip())
    if match:
        piece = piece.strip()[match.end():]
        weight = float(match.group(1))
    pieces = piece.split("#")  # like Moodle: all after the first '#' is feedback
    feedback = "#".join(part.plain(is_html) for _, part in pieces[1:])
    return weight, pieces[0][1].plain(is_html), feedback


def _partial(weight: float) -> bool:
    return 0 < weight < 100


def _warn_partial(log: Collector, line: int, label: str, text: str, weight: float,
                  kept_as: str) -> None:
    log.warn(line, f"{label} gives '{text}' partial credit ({weight:g} %), which quizbot does "
                   f"not have; {kept_as}")


def _choice(body: Part, label: str, line: int, is_html: bool | None,
            log: Collector) -> dict[str, object] | None:
    read: list[tuple[float, str, str]] = []
    marks = set()
    for mark, piece in body.split("=~"):
        marks.add(mark)
        if not mark:
            if piece.plain():
                log.error(line, f"{label} has text before its first '=' or '~' answer")
                return None
            continue
        weight, text, feedback = _weighted(piece, 100.0 if mark == "=" else 0.0, is_html)
        if not text:
            log.error(line, f"{label} has an empty answer after '{mark}'")
            return None
        read.append((weight, text, feedback))
    if "=" not in marks and any(weight > 0 for weight, _, _ in read):  # as Moodle decides
        return select_all_fields(read, label, line, log)
    right = [text for weight, text, _ in read if weight >= 100]
    if not right:
        log.error(line, f"{label} has no right answer: mark it with '=' instead of '~'")
        return None
    for weight, text, _ in read:
        if _partial(weight):
            _warn_partial(log, line, label, text, weight, "it counts as a wrong choice")
    choices = tuple(text for _, text, _ in read)
    right_feedback = next(feedback for weight, text, feedback in read if text == right[0])
    notes = tuple("" if text == right[0] else feedback for _, text, feedback in read)
    return {"type": QuestionType.CHOICE, "choices": choices, "answer": right[0],
            "also_right": tuple(dict.fromkeys(t for t in right[1:] if t != right[0])),
            "choice_feedback": notes if any(notes) else (), "feedback": right_feedback}


def _short(body: Part, label: str, line: int, is_html: bool | None,
           log: Collector) -> dict[str, object] | None:
    answers: list[str] = []
    feedbacks: list[str] = []
    partial: list[tuple[str, float]] = []
    for mark, piece in body.split("="):
        if not mark and not piece.plain():
            continue
        weight, text, feedback = _weighted(piece, 100.0, is_html)
        if _partial(weight):
            partial.append((text, weight))
        if weight < 100:
            continue  # a 0 % answer only carries feedback for a wrong guess
        if not text:
            log.error(line, f"{label} has an empty answer after '='")
            return None
        answers.append(text)
        feedbacks.append(feedback)
    if not answers and partial:
        log.unsupported(line, f"{label} gives only partial credit ({partial[0][1]:g} %); quizbot "
                              f"answers are right or wrong")
        return None
    if not answers:
        log.error(line, f"{label} has no accepted answer")
        return None
    for text, weight in partial:
        _warn_partial(log, line, label, text, weight, "that answer is not accepted")
    return {"type": QuestionType.TEXT, "answers": tuple(dict.fromkeys(answers)),
            "feedback": next((f for f in feedbacks if f), "")}


def _numeric(body: Part, label: str, line: int, is_html: bool | None,
             log: Collector) -> dict[str, object] | None:
    wrong_at = body.find("~")
    if wrong_at >= 0:  # feedback for any other number: not an explanation of the answer
        body = body[:wrong_at]
    accepted: list[tuple[str, str]] = []
    partial: list[tuple[str, float]] = []
    for mark, piece in body.split("="):
        if not mark and not piece.plain():
            continue
        weight, text, feedback = _weighted(piece, 100.0, is_html)
        if _partial(weight):
            partial.append((text, weight))
        elif weight >= 100 and text != "*":
            accepted.append((text, feedback))
    if not accepted and partial:
        log.unsupported(line, f"{label} gives only partial credit ({partial[0][1]:g} %); quizbot "
                              f"answers are right or wrong")
        return None
    if not accepted:
        log.error(line, f"{label} has no number after '#'")
        return None
    if len(accepted) > 1:
        log.unsupported(line, f"{label} accepts {len(accepted)} different numbers; a quizbot "
                              f"number question has one answer and a tolerance")
        return None
    for text, weight in partial:
        _warn_partial(log, line, label, text, weight, "that number is not accepted")
    text, feedback = accepted[0]
    value = _number_and_margin(text, label, line, log)
    if value is None:
        return None
    answer, margin = value
    if margin and not answer:
        log.unsupported(line, f"{label} has an error margin around 0, which a tolerance "
                              f"(a fraction of the answer) cannot express")
        return None
    # Rounded up to 6 decimals: 500/11000 reads 0.045455 in the YAML, and 10,500 still counts.
    tolerance = math.ceil(abs(margin / answer) * 1e6) / 1e6 if margin else 0.0
    if tolerance > 1:
        log.unsupported(line, f"{label} has an error margin ({margin:g}) larger than the answer "
                              f"({answer:g}); a tolerance is at most 100 % of the answer")
        return None
    return {"type": QuestionType.NUMBER, "number": answer, "tolerance": tolerance,
            "feedback": feedback}


def _number_and_margin(text: str, label: str, line: int,
                       log: Collector) -> tuple[float, float] | None:
    """'11000' → (11000, 0); '11000:500' → (11000, 500); '1..5' → (3, 2)."""
    if ".." in text:
        low, _, high = (t.strip() for t in text.partition(".."))
        if not (_NUMBER.fullmatch(low) and _NUMBER.fullmatch(high)):
            log.error(line, f"{label} range '{text}' should be two numbers: MIN..MAX")
            return None
        lo, hi = float(low), float(high)
        if _bounded(lo, hi, text, label, line, log) is None:
            return None
        if lo > hi:
            log.error(line, f"{label} range '{text}' starts above where it ends")
            return None
        return (lo + hi) / 2, (hi - lo) / 2
    answer, _, margin = (t.strip() for t in text.partition(":"))
    if not _NUMBER.fullmatch(answer) or (margin and not _NUMBER.fullmatch(margin)):
        log.error(line, f"{label} numeric answer '{text}' should be a number, optionally "
                        f"followed by :MARGIN (e.g. 11000:500)")
        return None
    error = float(margin) if margin else 0.0
    if error < 0:
        log.error(line, f"{label} error margin '{margin}' should not be negative")
        return None
    return _bounded(float(answer), error, text, label, line, log)


def _bounded(answer: float, margin: float, text: str, label: str, line: int,
             log: Collector) -> tuple[float, float] | None:
    """Refuse what no float (or no learner) can hold: 1e400 reads as infinity."""
    if not all(math.isfinite(v) and abs(v) <= MAX_NUMBER for v in (answer, margin)):
        log.error(line, f"{label} numeric answer '{clip(text)}' is too large; numbers go up to "
                        f"{MAX_NUMBER:g} either way")
        return None
    return answer, margin
