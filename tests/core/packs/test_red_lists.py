"""Opt-in check against Red-DiscordBot's own trivia lists (never committed here: third-party).

    QUIZBOT_RED_LISTS=/path/to/redbot/cogs/trivia/data/lists \
        python -m pytest -s tests/core/packs/test_red_lists.py

Every list must import, every question must be there and every answer Red accepts (its bools as
"True/Yes/On", numbers as text) must be accepted, ignoring case as
Red and quizbot both do. Skipped when the variable is not set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from bot.core.packs.formats import import_file

LISTS = os.environ.get("QUIZBOT_RED_LISTS")


def _red_answers(values: list[object]) -> list[str]:
    """What Red's _parse_answers makes of a loaded answer list."""
    answers: list[str] = []
    for value in values:
        if isinstance(value, bool):
            answers += ["True", "Yes", "On"] if value else ["False", "No", "Off"]
        else:
            answers.append(str(value))
    return answers


@pytest.mark.skipif(not LISTS, reason="set QUIZBOT_RED_LISTS to Red's trivia lists folder")
def test_every_red_list_imports_with_every_question_and_answer() -> None:
    paths = sorted(Path(LISTS or ".").glob("*.yaml"))
    assert paths
    total = 0
    for path in paths:
        data = path.read_bytes()
        loaded = yaml.safe_load(data)
        pack = import_file(data, str(path)).pack
        by_prompt = {q.prompt: q.answers for q in pack.questions}
        questions = {str(k).strip(): v for k, v in loaded.items()
                     if k not in ("AUTHOR", "DESCRIPTION", "CONFIG", "$schema")}
        assert len(pack.questions) == len(questions), path.name
        for prompt, values in questions.items():
            kept = {answer.strip().lower() for answer in by_prompt[prompt]}
            missing = [a for a in _red_answers(values) if a.strip().lower() not in kept]
            assert not missing, (path.name, prompt, missing)
        total += len(pack.questions)
    print(f"{len(paths)} lists, {total} questions")
