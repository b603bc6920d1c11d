"""Each service part on its own: the decisions that used to live in frontends or mixins."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_pack import Clock

from bot.core.errors import InvalidInput, NotAllowed, UnknownPack
from bot.core.models import Actor, Mode
from bot.core.service import QuizService
from bot.core.service.quizzes import STALE_AFTER

GUILD = "g1"
ANN = Actor(GUILD, "ann", "Ann")  # a student
BOB = Actor(GUILD, "bob", "Bob")  # another student
BOSS = Actor(GUILD, "boss", "Boss", can_manage_guild=True)
VOLCANO_PACK = (Path(__file__).resolve().parents[2] / "data" / "packs" / "volcanoes.yaml"
                ).read_text(encoding="utf-8")







# -- access ------------------------------------------------------------------------------------
def test_access_staff_roles_come_from_the_stored_roles(service: QuizService) -> None:
    assert not service.access.is_instructor(ANN)
    service.access.set_roles(BOSS, "teachers", "mods")
    teacher = Actor(GUILD, "t", "T", role_ids=frozenset({"teachers"}))
    assert service.access.is_instructor(teacher) and not service.access.is_moderator(teacher)
    with pytest.raises(NotAllowed, match="Only moderators can reset scores"):
        service.access.require_moderator(teacher, "reset scores")
    with pytest.raises(NotAllowed):
        service.access.set_roles(teacher, None, None)  # Manage Server only


# -- catalog -----------------------------------------------------------------------------------
def test_catalog_marks_bundled_packs_and_keeps_guild_packs_apart(service: QuizService) -> None:
    service.pack_admin.install_pack(BOSS, VOLCANO_PACK, "volcanoes.yaml")
    mine = {p.id: p.bundled for p in service.catalog.list_packs(GUILD)}
    assert mine == {"sample": True, "volcanoes": False}
    assert [p.id for p in service.catalog.list_packs("other")] == ["sample"]
    assert service.catalog.pack_ids(GUILD, "volc") == [("volcanoes", "Volcanoes")]
    assert service.catalog.default_id("other") == "sample"
    with pytest.raises(UnknownPack):
        service.catalog.pack("other", "volcanoes")


# -- pack_admin --------------------------------------------------------------------------------
def test_pack_admin_refuses_to_remove_a_bundled_pack_before_any_confirmation(
        service: QuizService) -> None:
    with pytest.raises(InvalidInput, match="bundled pack"):
        service.pack_admin.removable(GUILD, "sample")
    service.pack_admin.install_pack(BOSS, VOLCANO_PACK, "volcanoes.yaml")
    assert service.pack_admin.removable(GUILD, "volcanoes").id == "volcanoes"
    with pytest.raises(NotAllowed):
        service.pack_admin.remove_pack(ANN, "volcanoes")
    service.pack_admin.remove_pack(BOSS, "volcanoes")
    assert [p.id for p in service.catalog.list_packs(GUILD)] == ["sample"]


# -- quizzes: what "stop" means, and what a restart does ------------------------------------------
def test_stop_here_prefers_the_live_quiz_the_actor_may_stop(service: QuizService) -> None:
    live = service.quizzes.start_quiz(BOSS, "sample", 2, Mode.LIVE, channel_id="c1")
    stopped = service.quizzes.stop_here(BOSS, "c1")
    assert stopped is not None and stopped.live is not None
    assert stopped.live.session_id == live.session_id


def test_stop_here_means_a_students_own_practice_quiz_not_the_live_one(
        service: QuizService) -> None:
    live = service.quizzes.start_quiz(BOSS, "sample", 2, Mode.LIVE, channel_id="c1")
    solo = service.quizzes.start_quiz(ANN, "sample", 2)
    stopped = service.quizzes.stop_here(ANN, "c1")
    assert stopped is not None and stopped.live is None
    assert stopped.summary.session_id == solo.session_id
    open_ids = {s.session_id for s in service.quizzes.open_sessions()}
    assert open_ids == {live.session_id}, "the live quiz goes on"


def test_stop_here_refuses_a_student_with_nothing_of_their_own(service: QuizService) -> None:
    service.quizzes.start_quiz(BOSS, "sample", 2, Mode.LIVE, channel_id="c1")
    with pytest.raises(NotAllowed):
        service.quizzes.stop_here(BOB, "c1")
    assert service.quizzes.stop_here(BOB, "elsewhere") is None


def test_after_restart_resumes_recent_live_quizzes_and_closes_long_overdue_ones(
        service: QuizService, clock: Clock) -> None:
    old = service.quizzes.start_quiz(BOSS, "sample", 2, Mode.LIVE, channel_id="c1")
    clock.now += STALE_AFTER + 60
    recent = service.quizzes.start_quiz(BOSS, "sample", 2, Mode.LIVE, channel_id="c2")
    service.quizzes.start_quiz(ANN, "sample", 2)  # solo: nothing to do after a restart
    plan = service.quizzes.after_restart(set())
    assert [s.session_id for s in plan.resume] == [recent.session_id]
    assert [s.session_id for s in plan.close] == [old.session_id]
    assert service.quizzes.after_restart({recent.session_id, old.session_id}).resume == ()


# -- asking, review, standings, reports --------------------------------------------------------
def test_asking_logs_what_it_cannot_answer(service: QuizService) -> None:
    result = service.asking.ask(GUILD, "how do I bake sourdough bread")
    assert not result.matched
    assert [text for text, _, _ in service.asking.unanswered_questions(GUILD)] == [
        "how do I bake sourdough bread"]
    assert service.asking.unanswered_questions("other") == []


def test_review_says_there_is_nothing_to_review_before_any_miss(service: QuizService) -> None:
    with pytest.raises(InvalidInput, match="Nothing to review"):
        service.review.start_review(ANN)


def test_standings_reset_is_for_moderators_and_keeps_history(service: QuizService) -> None:
    view = service.quizzes.start_quiz(ANN, "sample", 1, seed=1)
    service.quizzes.skip(ANN, view.session_id, view.question_id)
    with pytest.raises(NotAllowed):
        service.standings.reset_scores(ANN)
    assert service.standings.reset_scores(BOSS) == 1
    assert service.standings.stats(GUILD, "ann").answered == 0


def test_reports_are_for_instructors(service: QuizService) -> None:
    with pytest.raises(NotAllowed, match="question reports"):
        service.reports.question_report(ANN, "sample")
    with pytest.raises(NotAllowed, match="export scores"):
        service.reports.export_scores_csv(ANN)
    assert service.reports.export_scores_csv(BOSS).startswith("time_utc,")


# -- the container -----------------------------------------------------------------------------
def test_the_service_closes_its_store_as_a_context_manager(service: QuizService) -> None:
    with service as same:
        assert same is service
    with pytest.raises(Exception, match="closed"):
        service.catalog.list_packs("new-guild")
