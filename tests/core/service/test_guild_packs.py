"""A guild's own packs: instructors install them, other guilds never see them."""

from pathlib import Path

import pytest
from sample_pack import make_pack

from bot.core.errors import InvalidInput, NotAllowed, PackError, UnknownPack
from bot.core.models import Actor
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store

TEACHER = Actor("g1", "t", "Teacher", can_manage_guild=True)
STUDENT = Actor("g1", "s", "Student")
OUTSIDER = Actor("g2", "o", "Outsider", can_manage_guild=True)

PACK = (Path(__file__).resolve().parents[2] / "data" / "packs" / "volcanoes.yaml").read_text(
    encoding="utf-8") + """\
explainers:
  - id: magma-vs-lava
    title: Magma versus lava
    short: Magma is molten rock underground; once it erupts it is called lava.
    examples: ["what is the difference between magma and lava"]
    keywords: [magma, lava, eruption]
"""


@pytest.fixture
def service():
    library = PackLibrary(None)
    library.add(make_pack())
    return QuizService(Store.open(":memory:"), library)


def test_an_instructor_installs_a_pack_for_their_guild_only(service):
    summary = service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    assert (summary.id, summary.questions, summary.explainers) == ("volcanoes", 1, 1)
    assert [p.id for p in service.catalog.list_packs("g1")] == ["sample", "volcanoes"]
    assert [p.id for p in service.catalog.list_packs("g2")] == ["sample"]
    with pytest.raises(UnknownPack):
        service.quizzes.start_quiz(OUTSIDER, "volcanoes", 1)
    view = service.quizzes.start_quiz(STUDENT, "volcanoes", 1)
    assert service.quizzes.answer(
        STUDENT, view.session_id, view.question_id, "Lava"
    ).verdict.correct


def test_ask_answers_from_a_guild_pack_only_in_that_guild(service):
    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    question = "whats the difference between lava and magma"
    assert service.asking.ask("g1", question).explainer == "magma-vs-lava"
    assert service.asking.ask("g2", question).explainer != "magma-vs-lava"


def test_students_cannot_install_or_remove(service):
    with pytest.raises(NotAllowed):
        service.pack_admin.install_pack(STUDENT, PACK, "volcanoes.yaml")
    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    with pytest.raises(NotAllowed):
        service.pack_admin.remove_pack(STUDENT, "volcanoes")


def test_a_bad_pack_never_replaces_a_good_one(service):
    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    broken = PACK.replace("answers: [lava]", "answers: []")
    with pytest.raises(PackError) as caught:
        service.pack_admin.install_pack(TEACHER, broken, "volcanoes.yaml")
    assert "volcanoes.yaml:" in str(caught.value)
    assert service.catalog.pack("g1", "volcanoes").questions[0].answers == ("lava",)


def test_bundled_ids_and_oversized_uploads_are_refused(service):
    with pytest.raises(InvalidInput, match="bundled"):
        service.pack_admin.install_pack(
            TEACHER, PACK.replace("id: volcanoes", "id: sample"), "x.yaml"
        )
    with pytest.raises(InvalidInput, match="limit"):
        service.pack_admin.install_pack(TEACHER, PACK + "#" * 1_000_001, "big.yaml")


def test_removing_a_pack(service):
    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    with pytest.raises(InvalidInput, match="bundled"):
        service.pack_admin.remove_pack(TEACHER, "sample")
    service.pack_admin.remove_pack(TEACHER, "volcanoes")
    assert [p.id for p in service.catalog.list_packs("g1")] == ["sample"]
    with pytest.raises(UnknownPack):
        service.pack_admin.remove_pack(TEACHER, "volcanoes")


def test_gift_aiken_and_red_uploads_are_converted_and_playable(service):
    formats = Path(__file__).resolve().parents[2] / "data" / "formats"
    for name in ("sample.gift", "sample-aiken.txt", "geography.yaml"):
        summary = service.pack_admin.install_pack(
            TEACHER, (formats / name).read_bytes(), f"class-{name}"
        )
        assert summary.questions > 0
        view = service.quizzes.start_quiz(STUDENT, summary.id, 1, seed=1)
        assert view.pack_id == summary.id
    assert len(service.catalog.list_packs("g1")) == 4
    assert len(service.catalog.list_packs("g2")) == 1


def test_an_unreadable_upload_is_refused_with_its_line(service):
    with pytest.raises(PackError, match=r"notes\.txt:1:"):
        service.pack_admin.install_pack(TEACHER, b"just some notes", "notes.txt")


def test_a_guild_is_refused_past_its_packs_and_questions_limits(service, monkeypatch):
    from bot.core.service import catalog

    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")  # 1 question
    other = PACK.replace("id: volcanoes", "id: volcanoes-2")
    monkeypatch.setattr(catalog, "MAX_GUILD_QUESTIONS", 1)
    with pytest.raises(InvalidInput, match="would hold 2 questions, over the 1 limit"):
        service.pack_admin.install_pack(TEACHER, other, "v2.yaml")
    service.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")  # a replacement still fits
    monkeypatch.setattr(catalog, "MAX_GUILD_QUESTIONS", 100)
    monkeypatch.setattr(catalog, "MAX_GUILD_PACKS", 1)
    with pytest.raises(InvalidInput, match="already has 1 packs"):
        service.pack_admin.install_pack(TEACHER, other, "v2.yaml")
    assert [p.id for p in service.catalog.list_packs("g1")] == ["sample", "volcanoes"]
