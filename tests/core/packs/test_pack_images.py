"""A question's image: a URL or a file beside the pack; Red lists' picture URLs become images."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.models import Actor
from bot.core.packs.formats import import_pack
from bot.core.packs.images import split_image_url
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack, parse_pack
from bot.core.service import QuizService
from bot.store.db import Store

PACK = """\
id: birds
title: Birds
description: Garden birds.
source: {title: Field guide, author: a teacher, outlet: class, date: "2026"}
questions:
  - id: robin
    type: text
    prompt: Which bird is this?
    answers: [robin]
    explanation: The guide's first plate.
    image: IMAGE
"""


@pytest.mark.parametrize("image, problem", [
    ("https://example.org/robin.png", None), ("pictures/robin.jpg", None),
    ("../secret.png", "no '..'"), ("/etc/robin.png", "not absolute"),
    ("robin.txt", "should end in one of"),
])
def test_an_image_is_a_url_or_a_picture_file_inside_the_pack(image, problem):
    problems = list(parse_pack(PACK.replace("IMAGE", image), "birds.yaml").problems)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p and p.startswith("birds.yaml:11:") for p in problems), problems


def test_a_shipped_file_is_shown_by_its_path_and_named_in_the_terminal(tmp_path: Path):
    (tmp_path / "robin.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "birds.yaml").write_text(PACK.replace("IMAGE", "robin.png"))
    library = PackLibrary(None)
    library.add(load_pack(tmp_path / "birds.yaml"))
    service = QuizService(Store.open(":memory:"), library)
    view = service.quizzes.start_quiz(Actor("g", "u", "Ann"), "birds", 1)
    assert view.image == str(tmp_path / "robin.png")

    from bot.console import ConsoleQuiz

    shown: list[str] = []
    ConsoleQuiz(service, Actor("g", "u", "Ann"), lambda: "quit", shown.append).play("birds", 1,
                                                                                 None)
    assert f"[image: {tmp_path / 'robin.png'}]" in shown


def test_a_red_list_picture_url_becomes_the_questions_image():
    pack = import_pack("Which bird is this? https://example.org/birds/robin.jpg:\n- robin\n",
                       "birds.yaml")
    [question] = pack.questions
    assert question.image == "https://example.org/birds/robin.jpg"
    assert question.prompt == "Which bird is this?"
    assert split_image_url("See https://example.org/page for more") == (
        "See https://example.org/page for more", None)
