"""DMs act for the learner across their own servers: review from the server with most due,
answers from whichever server's packs answer, button clicks only on their own solo quiz."""

from __future__ import annotations

import pytest

from bot.core.errors import InvalidInput, SessionNotFound
from bot.core.models import Actor, Mode
from bot.core.service import QuizService


def miss(service: QuizService, who: Actor, count: int) -> None:
    view = service.quizzes.start_quiz(who, "sample", count, seed=3)
    for _ in range(count):
        outcome = service.quizzes.answer(who, view.session_id, view.question_id,
                                         _miss(service, who.guild_id, view.session_id))
        if outcome.next_question is None:
            return
        view = outcome.next_question


def test_review_in_a_dm_comes_from_the_server_with_most_due(service) -> None:
    with pytest.raises(InvalidInput, match="Nothing due"):
        service.anywhere.start_review("ann", "Ann")
    miss(service, Actor("g1", "ann", "Ann"), 1)
    miss(service, Actor("g2", "ann", "Ann"), 3)
    miss(service, Actor("g3", "bob", "Bob"), 5)  # someone else's misses never count
    view = service.anywhere.start_review("ann", "Ann", count=10)
    assert view.total == 3
    who = service.anywhere.actor("ann", "Ann", view.session_id)
    assert who.guild_id == "g2"
    outcome = service.quizzes.answer(who, view.session_id, view.question_id,
                           _miss(service, who.guild_id, view.session_id))
    assert outcome.verdict is not None
    with pytest.raises(SessionNotFound):
        service.anywhere.actor("bob", "Bob", view.session_id)


def test_a_dm_never_acts_on_a_live_round(service) -> None:
    live = service.quizzes.start_quiz(Actor("g1", "ann", "Ann"), "sample", 1, Mode.LIVE,
                                      channel_id="c1")
    with pytest.raises(SessionNotFound):
        service.anywhere.actor("ann", "Ann", live.session_id)


def test_ask_in_a_dm_uses_the_learners_servers_or_the_bundled_packs(service) -> None:
    assert service.anywhere.home_guilds("newcomer") == ["dm"]
    answer = service.anywhere.ask("newcomer", "what were the homicide figures")
    assert answer.matched and answer.explainer == "homicides"
    refused = service.anywhere.ask("newcomer", "how do I bake sourdough bread")
    assert not refused.matched
    assert service.privacy.my_data(Actor("dm", "newcomer", "N"))["unanswered_questions"]
    assert service.anywhere.explain("newcomer", "homicides")[0].id == "homicides"
    assert service.anywhere.explainer_choices("newcomer", "hom") == [
        ("homicides", "Homicide figures")]
    assert service.anywhere.pack_choices("newcomer") == [("sample", "Sample pack")]


def test_ask_in_a_dm_finds_the_answer_in_whichever_home_server_has_it(service) -> None:
    from test_guild_packs import PACK  # a volcano pack with a magma-vs-lava explainer

    service.pack_admin.install_pack(Actor("g2", "boss", "Boss", can_manage_guild=True), PACK,
                                    "volcanoes.yaml")
    question = "whats the difference between lava and magma"
    assert service.anywhere.ask("ann", question).explainer != "magma-vs-lava"
    miss(service, Actor("g2", "ann", "Ann"), 1)
    service.clock.now += 10
    miss(service, Actor("g1", "ann", "Ann"), 1)  # g1 is now her most recent server
    assert service.anywhere.home_guilds("ann") == ["g1", "g2"]
    assert service.anywhere.ask("ann", question).explainer == "magma-vs-lava"


def test_the_daily_due_reminder_is_opt_in_and_sent_once_a_day(service) -> None:
    miss(service, Actor("g1", "ann", "Ann"), 2)
    miss(service, Actor("g2", "ann", "Ann"), 1)
    miss(service, Actor("g1", "bob", "Bob"), 1)
    assert service.anywhere.reminders_due() == [], "off by default"
    assert service.anywhere.set_reminder("ann", True, "es")
    assert service.anywhere.reminder_enabled("ann")
    service.anywhere.set_reminder("cy", True)  # nothing due: no DM
    assert service.anywhere.reminders_due() == [("ann", 3, "es")]
    service.anywhere.mark_reminded("ann")
    assert service.anywhere.reminders_due() == []
    service.clock.now += 21 * 3600
    assert service.anywhere.reminders_due() == [("ann", 3, "es")]
    service.anywhere.set_reminder("ann", False)
    assert service.anywhere.reminders_due() == [] and not service.anywhere.reminder_enabled("ann")


def _miss(service, guild_id: str, session_id: str) -> str:
    """A wrong answer in the open question's form (a nonsense one is asked again, not scored)."""
    from sample_pack import wrong_answer

    view = service.quizzes.current_question(session_id, guild_id)
    return wrong_answer(service.catalog.pack(guild_id, view.pack_id).question(view.question_id))
