"""Spreadsheet exports teachers already have (CSV or TSV) → questions.

Three layouts, told apart by the header row:
- **Kahoot's template** (saved as CSV): a header row with `Question…`, `Answer 1…` … `Answer 4…`,
  `Time limit…` and `Correct answer(s)…` (rows above it, the template's instructions, and its
  numbered empty rows are skipped). Each row is a choice question; several correct numbers
  (`1,3`) make each of those choices right, as Kahoot does; a True/False pair becomes a
  true/false question. The most common time limit becomes the pack's `time_limit` (a warning
  names rows that differ: quizbot has one time limit per pack).
- **A header with `question` and `answer` columns** (also `prompt`, `answers`, `explanation`,
  `topic`; several answers separated by `|` or `;`): text questions.
- **Anything else with two columns: Quizlet's term/definition export** (tab between term and
  definition, one card per line). The definition is asked and the term is the answer: a term
  is short enough to type and to judge, a definition is not.

The delimiter is a tab for `.tsv` and Quizlet's default; otherwise the csv module's sniffer
chooses among comma, semicolon and tab. Excel workbooks (.xlsx) are not read: save as CSV.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import PurePath

from bot.core.models import Question, QuestionType
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, no_explanation

FORMAT_NAME = "spreadsheet"
KAHOOT_NAME = "Kahoot template"
QUIZLET_NAME = "Quizlet term/definition export"

_ANSWER_SPLIT = re.compile(r"\s*[|;]\s*")
_KAHOOT_ANSWER = re.compile(r"answer\s*([1-6])", re.IGNORECASE)
_TRUE_FALSE = {"true": True, "false": False}


def read(text: str, log: Collector, *, tab: bool = False) -> tuple[list[Found], Meta]:
    """Rows → questions by the layout the header shows (see the module docstring)."""
    rows = _rows(text, tab)
    header_at = next((i for i, (_, row) in enumerate(rows) if _is_kahoot_header(row)), None)
    if header_at is not None:
        return _kahoot(rows[header_at], rows[header_at + 1:], log)
    if rows and _columns(rows[0][1]).keys() >= {"question", "answer"}:
        return _headed(rows[0], rows[1:], log)
    return _quizlet(rows, log)


def _rows(text: str, tab: bool) -> list[tuple[int, list[str]]]:
    """(line, cells) for every row with any text; cells stripped."""
    delimiter = "\t"
    if not tab and "\t" not in text.split("\n", 1)[0]:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(text.split("\n"), delimiter=delimiter)
    rows = []
    for row in reader:
        cells = [cell.strip() for cell in row]
        if any(cells):
            rows.append((reader.line_num, cells))
    return rows


def _is_kahoot_header(row: list[str]) -> bool:
    lowered = [cell.lower() for cell in row]
    return (any(cell.startswith("question") for cell in lowered)
            and any(_KAHOOT_ANSWER.match(cell) for cell in lowered)
            and any(cell.startswith("correct answer") for cell in lowered))


def _columns(row: list[str]) -> dict[str, int]:
    """Header names → column index: 'Question' / 'prompt' → question, 'answers' → answer, …"""
    names = {"question": "question", "prompt": "question", "answer": "answer",
             "answers": "answer", "explanation": "explanation", "topic": "topic"}
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = names.get(cell.strip().lower())
        if key and key not in found:
            found[key] = index
    return found


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _kahoot(header: tuple[int, list[str]], rows: list[tuple[int, list[str]]],
            log: Collector) -> tuple[list[Found], Meta]:
    cells = [cell.lower() for cell in header[1]]
    answers = [i for i, cell in enumerate(cells) if _KAHOOT_ANSWER.match(cell)]
    correct_at = next(i for i, cell in enumerate(cells) if cell.startswith("correct answer"))
    question_at = next(i for i, cell in enumerate(cells) if cell.startswith("question"))
    time_at = next((i for i, cell in enumerate(cells) if cell.startswith("time limit")), None)
    found: list[Found] = []
    limits: dict[int, int] = {}
    ids = IdMaker()
    for line, row in rows:
        prompt = _cell(row, question_at)
        options = [(n, _cell(row, i)) for n, i in enumerate(answers, start=1) if _cell(row, i)]
        if not prompt and not options:
            continue  # the template's numbered empty rows
        if not prompt:
            log.error(line, "a row with answers but no question")
            continue
        numbers = [part.strip() for part in re.split(r"[,;\s]+", _cell(row, correct_at))
                   if part.strip()]
        if not numbers:
            log.error(line, f"question '{_short(prompt)}' has no correct answer number")
            continue
        by_number = dict(options)
        wrong = [n for n in numbers if not n.isdigit() or int(n) not in by_number]
        if wrong:
            log.error(line, f"question '{_short(prompt)}' correct answer '{wrong[0]}' is not the "
                            f"number of a filled answer ({', '.join(str(n) for n, _ in options)})")
            continue
        right = [by_number[int(n)] for n in numbers]
        question = _kahoot_question(ids.make(None, len(found) + 1), prompt,
                                    [text for _, text in options], right)
        found.append(Found(line, question))
        seconds = _cell(row, time_at)
        if seconds.isdigit():
            limits[line] = int(seconds)
    return found, Meta(time_limit=_time_limit(limits, log),
                       source_title=f"{KAHOOT_NAME} {_name(log)}")


def _kahoot_question(qid: str, prompt: str, options: list[str], right: list[str]) -> Question:
    if sorted(option.lower() for option in options) == ["false", "true"] and len(right) == 1:
        return Question(id=qid, type=QuestionType.TRUEFALSE, prompt=prompt,
                        truth=_TRUE_FALSE[right[0].lower()],
                        explanation=no_explanation(KAHOOT_NAME))
    return Question(id=qid, type=QuestionType.CHOICE, prompt=prompt, choices=tuple(options),
                    answer=right[0], also_right=tuple(dict.fromkeys(right[1:])),
                    explanation=no_explanation(KAHOOT_NAME))


def _time_limit(limits: dict[int, int], log: Collector) -> int | None:
    """The most common row time limit; rows that differ are named (one limit per pack)."""
    if not limits:
        return None
    common = Counter(limits.values()).most_common(1)[0][0]
    for line, seconds in limits.items():
        if seconds != common:
            log.warn(line, f"time limit {seconds} s differs from the pack's {common} s (quizbot "
                           f"has one time limit per pack)")
    return min(max(common, 5), 600)


def _headed(header: tuple[int, list[str]], rows: list[tuple[int, list[str]]],
            log: Collector) -> tuple[list[Found], Meta]:
    columns = _columns(header[1])
    found: list[Found] = []
    ids = IdMaker()
    for line, row in rows:
        prompt, answer = _cell(row, columns["question"]), _cell(row, columns["answer"])
        if not prompt or not answer:
            log.error(line, "a row needs both a question and an answer")
            continue
        answers = tuple(dict.fromkeys(a for a in _ANSWER_SPLIT.split(answer) if a))
        found.append(Found(line, Question(
            id=ids.make(None, len(found) + 1), type=QuestionType.TEXT, prompt=prompt,
            answers=answers, topic=_cell(row, columns.get("topic")) or None,
            explanation=_cell(row, columns.get("explanation")) or no_explanation(FORMAT_NAME))))
    return found, Meta(source_title=f"spreadsheet {_name(log)}")


def _quizlet(rows: list[tuple[int, list[str]]], log: Collector) -> tuple[list[Found], Meta]:
    found: list[Found] = []
    ids = IdMaker()
    for line, row in rows:
        filled = [cell for cell in row if cell]
        if len(filled) != 2:
            log.error(line, f"expected a term and a definition (two columns), found "
                            f"{len(filled)}; a spreadsheet with more columns needs a header "
                            f"row naming 'question' and 'answer'")
            continue
        term, definition = filled
        found.append(Found(line, Question(
            id=ids.make(None, len(found) + 1), type=QuestionType.TEXT, prompt=definition,
            answers=(term,), explanation=no_explanation(QUIZLET_NAME))))
    return found, Meta(source_title=f"{QUIZLET_NAME} {_name(log)}")


def _name(log: Collector) -> str:
    return PurePath(log.filename).name


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:49] + "…"
