"""Red-DiscordBot trivia lists (redbot/cogs/trivia/data/lists/*.yaml) → text questions.

A list is a mapping `question text: [answers…]` with optional `AUTHOR`, `DESCRIPTION`, `CONFIG`
(game settings) and `$schema` keys. What Red does, we do, and say so on stderr where it matters:
- a question written twice keeps its last answers (Red's `yaml.safe_load` does the same), with a
  warning naming both lines;
- CONFIG `delay` (Red's answer time limit) becomes the pack's `time_limit`; every other setting
  (max_score, timeout, bot_plays, reveal_answer, payout_multiplier, use_spoilers) is named as
  one quizbot has no equivalent for;
- an unquoted YAML boolean answer (`- Yes`, `- no`, `- On`) is accepted as Red accepts it: Red
  turns True into "True", "Yes", "On" and False into "False", "No", "Off".

We compose YAML nodes (safe loader, no objects built) instead of `safe_load` for two reasons:
errors keep their line numbers, and each answer keeps the text the author *wrote* (`365` and
`12:30` stay the texts written, where Red's loader would make them 365 and 750).

Decision: every question becomes a `text` question, even when its answers are all numbers. Red
judges by exact text, our text judge already accepts other spellings of an answer written in
digits ("three hundred and sixty five" for 365), and a `number` question would reveal a year
1998 as "1,998". The instructor can still change the type while editing.
"""

from __future__ import annotations

from pathlib import PurePath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.models import Question, QuestionType
from bot.core.packs.faithful_keys import MAX_TIME_LIMIT, MIN_TIME_LIMIT
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, no_explanation
from bot.core.packs.images import split_image_url
from bot.core.packs.limits import bad_escape

FORMAT_NAME = "Red trivia list"

_IGNORED_KEYS = ("$schema",)
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_BOOL = "tag:yaml.org,2002:bool"
_RED_TRUE, _RED_FALSE = ("True", "Yes", "On"), ("False", "No", "Off")
_TRUE_WORDS = ("yes", "true", "on", "y")
# What each Red CONFIG setting does, for the ones quizbot has no setting for.
_CONFIG_UNMAPPED = {
    "max_score": "points to win a game: quizbot plays a fixed number of questions (--count)",
    "timeout": "ending the game after silence: quizbot live quizzes run to their last question",
    "bot_plays": "the bot answering too: quizbot never plays",
    "reveal_answer": "revealing on timeout: quizbot always reveals the answer",
    "payout_multiplier": "paying credits to winners: quizbot has no economy",
    "use_spoilers": "answers in spoiler tags: quizbot shows answers after the question closes",
}


def read(text: str, log: Collector) -> tuple[list[Found], Meta]:
    """The list's questions in file order, plus its AUTHOR and DESCRIPTION."""
    root = _compose(text, log)
    if root is None:
        return [], Meta()
    if not isinstance(root, MappingNode):
        log.error(_line(root), "a Red trivia list should be a mapping of 'question: [answers]', "
                               "not a single value or a list")
        return [], Meta()
    keys = {key.value for key, _ in root.value if isinstance(key, ScalarNode)}
    if {"id", "questions"} <= keys:
        log.error(1, "this is already a quizbot pack (it has id and questions): check it with "
                     "'quizbot pack validate' instead of importing it")
        return [], Meta()
    found: list[Found] = []
    meta: dict[str, str] = {}
    seen: dict[str, int] = {}
    places: dict[str, int] = {}  # question text → its index in `found`
    ids = IdMaker()
    time_limit: int | None = None
    for key, value in root.value:
        if not isinstance(key, ScalarNode) or key.tag in (_NULL, _MERGE):
            log.error(_line(key), "a question must be text followed by a colon, not a list, "
                                  "mapping, merge (<<) or nothing")
            continue
        name = key.value.strip()
        if name in seen:
            log.warn(_line(key), f"the question '{_short(name)}' appears twice (first on line "
                                 f"{seen[name]}); kept the answers written here, as Red does")
        seen.setdefault(name, _line(key))
        if name in ("AUTHOR", "DESCRIPTION"):
            value_text = _scalar_text(value)
            if value_text is None:
                log.error(_line(key), f"{name} should be text")
            else:
                meta[name] = value_text
            continue
        if name == "CONFIG":
            time_limit = _config(value, log)
            continue
        if name in _IGNORED_KEYS:
            continue
        qid = found[places[name]].question.id if name in places else ids.make(None, len(found) + 1)
        question = _question(name, value, qid, _line(key), log)
        if question is None:
            continue
        if name in places:
            found[places[name]] = Found(found[places[name]].line, question)
        else:
            places[name] = len(found)
            found.append(Found(_line(key), question))
    description = meta.get("DESCRIPTION")
    return found, Meta(description=" ".join(description.split()) if description else None,
                       author=meta.get("AUTHOR"), time_limit=time_limit,
                       source_title=f"Red trivia list {PurePath(log.filename).name}")


def _compose(text: str, log: Collector) -> Node | None:
    """The root node, or None after reporting why the text is not one YAML document."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "syntax error"
        if problem == "but found another document":
            problem = "a trivia list is one YAML document, but a second one ('---') starts here"
        else:
            problem = f"not valid YAML: {problem}"
        log.error(mark.line + 1 if mark is not None else 1, problem)
        return None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        log.error(line, f"not valid YAML: the control character U+{err.character:04X} is not "
                        f"allowed")
        return None
    except (yaml.YAMLError, RecursionError) as err:
        log.error(1, f"not valid YAML: {err if isinstance(err, yaml.YAMLError) else 'too deep'}")
        return None
    except (ValueError, OverflowError):  # PyYAML's chr() of an escape past U+10FFFF
        log.error(*bad_escape(text))
        return None
    if root is None:
        log.error(1, "empty file: a Red trivia list has 'question: [answers]' entries")
    return root


def _question(prompt: str, value: Node, qid: str, line: int, log: Collector) -> Question | None:
    label = f"question '{_short(prompt)}'"
    if not prompt:
        log.error(line, "a question's text is empty")
        return None
    if not isinstance(value, SequenceNode):
        log.error(line, f"{label} should be followed by a list of answers ('- answer' lines), "
                        f"not a single value")
        return None
    answers: list[str] = []
    bad = 0
    for index, item in enumerate(value.value, start=1):
        answer = _scalar_text(item)
        if answer is None:
            log.error(_line(item), f"{label} answer {index} is empty or not text")
            bad += 1
            continue
        answers.append(answer)
        if item.tag == _BOOL and item.style is None:  # Red reads `- Yes` as True, then …
            forms = _RED_TRUE if answer.lower() in _TRUE_WORDS else _RED_FALSE
            answers += [form for form in forms if form.lower() != answer.lower()]
    if not value.value:
        log.error(line, f"{label} has no answers")
    if bad or not answers:
        return None
    prompt, image = split_image_url(prompt)  # Red lists put picture URLs in the text
    return Question(id=qid, type=QuestionType.TEXT, prompt=prompt, image=image,
                    answers=tuple(dict.fromkeys(answers)),
                    explanation=no_explanation(FORMAT_NAME))


def _scalar_text(node: Node) -> str | None:
    """The text as written (so `yes` stays 'yes', `365` '365'); None for lists, maps, nothing."""
    if not isinstance(node, ScalarNode) or (node.tag == _NULL and node.style is None):
        return None
    return node.value.strip() or None


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _short(text: str) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 50 else one_line[:49] + "…"


def _config(node: Node, log: Collector) -> int | None:
    """Red's game settings: `delay` → the pack's time limit; each other setting named."""
    line = _line(node)
    if not isinstance(node, MappingNode):
        log.warn(line, "CONFIG is not a 'setting: value' mapping; ignored")
        return None
    time_limit: int | None = None
    for key, value in node.value:
        setting = key.value if isinstance(key, ScalarNode) else "?"
        shown = value.value if isinstance(value, ScalarNode) else "…"
        if setting == "delay":
            time_limit = _time_limit(value, log)
        elif setting in _CONFIG_UNMAPPED:
            log.warn(_line(key), f"CONFIG {setting}: {shown} not kept ("
                                 f"{_CONFIG_UNMAPPED[setting]})")
        else:
            log.warn(_line(key), f"CONFIG {setting} is not a Red setting; ignored")
    return time_limit


def _time_limit(node: Node, log: Collector) -> int | None:
    """Red's `delay` seconds as our time_limit (whole seconds, 5–600), or a warning why not."""
    text = node.value if isinstance(node, ScalarNode) else ""
    try:
        seconds = float(text)
    except ValueError:
        log.warn(_line(node), f"CONFIG delay '{text}' is not a number of seconds; not kept")
        return None
    kept = min(max(round(seconds), MIN_TIME_LIMIT), MAX_TIME_LIMIT)
    if kept != seconds:
        log.warn(_line(node), f"CONFIG delay {text} seconds kept as time_limit {kept} (whole "
                              f"seconds from {MIN_TIME_LIMIT} to {MAX_TIME_LIMIT})")
    return kept
