"""Pack versions in the service: history (when, who, questions, current) and restore as a new
version, checked like an upload, so a stored version that no longer loads replaces nothing."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput, NotAllowed, PackError
from bot.core.models import Actor

TEACHER = Actor("g1", "t1", "Teacher", can_manage_guild=True)
STUDENT = Actor("g1", "s1", "Student")


def rivers(title: str, count: int) -> str:
    questions = "".join(f"  - id: r{n}\n    type: text\n    prompt: River {n}?\n"
                        f"    answers: [R{n}]\n    explanation: The atlas.\n"
                        for n in range(count))
    return (f"id: rivers\ntitle: {title}\ndescription: Rivers.\nsource: {{title: Atlas, "
            f"author: Me, outlet: School, date: \"2024\"}}\nquestions:\n{questions}")


def test_history_and_restore(service, clock) -> None:
    service.pack_admin.install_pack(TEACHER, rivers("Rivers", 2), "rivers.yaml")
    clock.now += 3600
    service.pack_admin.install_pack(TEACHER, rivers("Rivers, longer", 5), "rivers.yaml")
    versions = service.pack_admin.versions(TEACHER, "rivers")
    assert [(v.version, v.questions, v.current, v.uploaded_by) for v in versions] == [
        (1, 2, False, "t1"), (2, 5, True, "t1")]
    assert versions[1].uploaded_at - versions[0].uploaded_at == 3600
    preview = service.pack_admin.preview_restore(TEACHER, "rivers", 1)
    assert (preview.version, preview.questions, preview.title) == (3, 2, "Rivers")
    assert service.catalog.pack("g1", "rivers").title == "Rivers, longer"
    outcome = service.pack_admin.restore_version(TEACHER, "rivers", 1)
    assert (outcome.restored, outcome.version, outcome.questions) == (1, 3, 2)
    assert service.catalog.pack("g1", "rivers").title == "Rivers"
    assert [v.version for v in service.pack_admin.versions(TEACHER, "rivers")] == [1, 2, 3]


def test_students_may_not_see_or_restore(service) -> None:
    service.pack_admin.install_pack(TEACHER, rivers("Rivers", 2), "rivers.yaml")
    for call in (lambda: service.pack_admin.versions(STUDENT, "rivers"),
                 lambda: service.pack_admin.preview_restore(STUDENT, "rivers", 1),
                 lambda: service.pack_admin.restore_version(STUDENT, "rivers", 1)):
        with pytest.raises(NotAllowed):
            call()


def test_a_version_that_no_longer_loads_replaces_nothing(service) -> None:
    service.pack_admin.install_pack(TEACHER, rivers("Rivers", 2), "rivers.yaml")
    service.pack_admin.install_pack(TEACHER, rivers("Rivers, longer", 5), "rivers.yaml")
    # As if a later loader refused what version 1 holds (a key it no longer knows).
    service.catalog.store.db.execute(
        "UPDATE guild_pack_versions SET content = ? WHERE pack_id = 'rivers' AND version = 1",
        [rivers("Rivers", 2).replace("prompt:", "promt:")])
    with pytest.raises(PackError):
        service.pack_admin.restore_version(TEACHER, "rivers", 1)
    assert service.catalog.pack("g1", "rivers").title == "Rivers, longer"
    assert [v.version for v in service.pack_admin.versions(TEACHER, "rivers")] == [1, 2]
    assert service.pack_admin.versions(TEACHER, "rivers")[0].questions == 2  # still counted


def test_refusals(service) -> None:
    with pytest.raises(InvalidInput, match="no uploaded versions"):
        service.pack_admin.versions(TEACHER, "rivers")
    service.pack_admin.install_pack(TEACHER, rivers("Rivers", 2), "rivers.yaml")
    with pytest.raises(InvalidInput, match="already the current one"):
        service.pack_admin.restore_version(TEACHER, "rivers", 1)
    with pytest.raises(InvalidInput, match="has no version 4"):
        service.pack_admin.preview_restore(TEACHER, "rivers", 4)


PRIMES = """id: numbers
title: Numbers
description: Small numbers.
source: {title: Arithmetic, author: Me, outlet: School, date: "2024"}
questions:
  - id: primes
    type: select_all
    prompt: Which are primes?
    choices: ["2", "3", "4", "9"]
    answers: ["2", "3"]
    explanation: 4 and 9 are squares.
"""


def test_the_item_report_shows_a_wrong_set_by_its_options(service) -> None:
    """(Beside the versions: the report reads a select-all answer as the options it picked.)"""
    service.pack_admin.install_pack(TEACHER, PRIMES, "numbers.yaml")
    for user, response in (("u1", "d a"), ("u2", "A and D"), ("u3", "b, a")):
        learner = Actor("g1", user, user)
        view = service.quizzes.start_quiz(learner, "numbers", 1)
        service.quizzes.answer(learner, view.session_id, "primes", response)
    item = service.reports.item_report(TEACHER, "numbers")[0]
    assert (item.attempts, item.correct) == (3, 1)
    assert item.wrong_answers == (("A) 2, D) 9", 2),)
