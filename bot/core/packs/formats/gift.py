"""Moodle GIFT → questions. Follows Moodle's own reader (question/format/gift/format.php).

Supported: `::title::` (becomes the id), `// comment` lines, `$CATEGORY:` lines (ignored),
`[html]`/`[markdown]`/`[plain]`/`[moodle]` text markers, multiple choice `{=right ~wrong}`,
true/false `{T}` `{TRUE}` `{F}` `{FALSE}`, short answer `{=a =b}`, numeric `{#11000}`,
`{#11000:500}` (absolute error → our fraction 500/11000) and `{#1..5}` (midpoint ± half width),
per-answer feedback `#…` and general feedback `####…`, escapes `\\~ \\= \\# \\{ \\} \\: \\n \\\\`,
multi-line questions, and missing-word questions (text after the braces: "___" marks the gap).

Explanation = general feedback + the right answer's feedback (wrong answers' feedback explains
a mistake the student did not necessarily make, so it is dropped).

Unsupported (reported per question; the CLI can skip them): matching `->`, essay `{}`, text
without braces (a Moodle "description"), partial credit `%50%`, several right choices, several
accepted numbers, a numeric error margin that is not a fraction of the answer (answer 0, or a
margin wider than the answer), and embedded answers (two `{…}` blocks).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from bot.core.models import Question, QuestionType
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, explanation
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

    def plain(self, is_html: bool = False) -> str:
        """The text with escapes resolved (and HTML tags dropped for [html] questions)."""
        text = _ESCAPE.sub(lambda m: "\n" if m.group()[1] == "n" else m.group()[1], self.text)
        if is_html:
            text = html.unescape(re.sub(r"<[^>]*>", " ", text))
        return re.sub(r"[ \t]+", " ", text).strip()


def _part(text: str) -> Part:
    return Part(text, _ESCAPE.sub("\0\0", text))


def read(text: str, log: Collector) -> tuple[list[Found], Meta]:
    """Every question block (blank-line separated) → a Found, or problems in `log`."""
    found: list[Found] = []
    ids = IdMaker()
    for number, (line, block) in enumerate(_blocks(text), start=1):
        question = _question(block, line, number, ids, log)
        if question is not None:
            found.append(Found(line, question))
    return found, Meta()


def _blocks(text: str) -> list[tuple[int, str]]:
    """(first line, text) per question: comment and $CATEGORY lines removed, blank lines split."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if stripped.startswith("//") or stripped.startswith("$CATEGORY:"):
            continue
        if not current:
            start = number
        current.append(raw)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


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
    is_html = False
    marker = _TEXT_FORMAT.match(whole.mask)
    if marker:
        is_html = marker.group(1) == "html"
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


def _answers(body: Part, label: str, line: int, is_html: bool,
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


def _weighted(piece: Part, default: float, label: str, line: int, is_html: bool,
              log: Collector) -> tuple[float, str, str] | None:
    """(weight, answer text, feedback) of one `=…`/`~…` piece; partial credit is unsupported."""
    weight = default
    match = _WEIGHT.match(piece.mask.lstrip())
    if match:
        piece = piece.strip()[match.end():]
        weight = float(match.group(1))
        if 0 < weight < 100:
            log.unsupported(line, f"{label} gives partial credit ({match.group()}); quizbot "
                                  f"answers are right or wrong")
            return None
    pieces = piece.split("#")  # like Moodle: all after the first '#' is feedback
    feedback = "#".join(part.plain(is_html) for _, part in pieces[1:])
    return weight, pieces[0][1].plain(is_html), feedback


def _choice(body: Part, label: str, line: int, is_html: bool,
            log: Collector) -> dict[str, object] | None:
    choices: list[str] = []
    right: list[tuple[str, str]] = []
    for mark, piece in body.split("=~"):
        if not mark:
            if piece.plain():
                log.error(line, f"{label} has text before its first '=' or '~' answer")
                return None
            continue
        read = _weighted(piece, 100.0 if mark == "=" else 0.0, label, line, is_html, log)
        if read is None:
            return None
        weight, text, feedback = read
        if not text:
            log.error(line, f"{label} has an empty answer after '{mark}'")
            return None
        choices.append(text)
        if weight >= 100:
            right.append((text, feedback))
    if not right:
        log.error(line, f"{label} has no right answer: mark it with '=' instead of '~'")
        return None
    if len(right) > 1:
        log.unsupported(line, f"{label} has {len(right)} right answers; a quizbot choice "
                              f"question has exactly one")
        return None
    return {"type": QuestionType.CHOICE, "choices": tuple(choices), "answer": right[0][0],
            "feedback": right[0][1]}


def _short(body: Part, label: str, line: int, is_html: bool,
           log: Collector) -> dict[str, object] | None:
    answers: list[str] = []
    feedbacks: list[str] = []
    for mark, piece in body.split("="):
        if not mark and not piece.plain():
            continue
        read = _weighted(piece, 100.0, label, line, is_html, log)
        if read is None:
            return None
        weight, text, feedback = read
        if weight < 100:
            continue  # a 0 % answer only carries feedback for a wrong guess
        if not text:
            log.error(line, f"{label} has an empty answer after '='")
            return None
        answers.append(text)
        feedbacks.append(feedback)
    if not answers:
        log.error(line, f"{label} has no accepted answer")
        return None
    return {"type": QuestionType.TEXT, "answers": tuple(dict.fromkeys(answers)),
            "feedback": next((f for f in feedbacks if f), "")}


def _numeric(body: Part, label: str, line: int, is_html: bool,
             log: Collector) -> dict[str, object] | None:
    wrong_at = body.find("~")
    if wrong_at >= 0:  # feedback for any other number: not an explanation of the answer
        body = body[:wrong_at]
    accepted: list[tuple[str, str]] = []
    for mark, piece in body.split("="):
        if not mark and not piece.plain():
            continue
        read = _weighted(piece, 100.0, label, line, is_html, log)
        if read is None:
            return None
        weight, text, feedback = read
        if weight >= 100 and text != "*":
            accepted.append((text, feedback))
    if not accepted:
        log.error(line, f"{label} has no number after '#'")
        return None
    if len(accepted) > 1:
        log.unsupported(line, f"{label} accepts {len(accepted)} different numbers; a quizbot "
                              f"number question has one answer and a tolerance")
        return None
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
