"""A "select all that apply" question in Discord: one select menu of its options (pick 1 to
all), judged as the set of letters picked; a solo pick edits the message with the verdict, a
live pick is acknowledged privately and scored at the reveal. Every payload is checked against
Discord's schema (quiz_fakes validates each request when the schema is present)."""

from __future__ import annotations

from quiz_fakes import (
    ANN,
    BOB,
    FakeClock,
    QuizDriver,
    capture_requests,
    quiz_bot,
    text_of,
    walk,
)

from bot.core.models import Mode, Pack, Question, QuestionType, Source
from bot.core.packs.library import PackLibrary
from bot.core.results import QuestionView
from bot.core.service import QuizService
from bot.discord_app.select_views import select_all_menu
from bot.store.db import Store

PRIMES = Question("primes", QuestionType.SELECT_ALL, "Which of these are prime numbers?",
                  "4 = 2 × 2 and 9 = 3 × 3.", choices=("2", "3", "4", "9"), answers=("2", "3"),
                  choice_feedback=("", "", "", "9 is 3 × 3."))


def service_with(clock: FakeClock) -> QuizService:
    library = PackLibrary(None)
    library.add(Pack("science", "Science", "Prime numbers.",
                     Source("Textbook", "nobody", "school", "not stated"), (), (PRIMES,)))
    return QuizService(Store.open(":memory:"), library, clock=clock, live_seconds=20)


def menu_of(body: dict) -> dict:
    menus = [c for c in walk(body.get("components")) if c.get("type") == 3]  # in a v2 card
    assert len(menus) == 1, body.get("components")
    return menus[0]


async def test_solo_select_menu_judges_the_set_and_names_what_was_missed() -> None:
    service = service_with(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        message = (await driver.command("quiz start", pack="science", count=1)).data
        menu = menu_of(message)
        assert menu["custom_id"].startswith("quizsel:s:")
        assert (menu["min_values"], menu["max_values"]) == (1, 4)
        assert [(o["label"], o["value"]) for o in menu["options"]] == [
            ("A) 2", "a"), ("B) 3", "b"), ("C) 4", "c"), ("D) 9", "d")]
        assert "Select all that apply" in text_of(message)
        reply = await driver.pick(menu["custom_id"], ["d", "a"], message)
        assert reply.type == 7  # the solo message is edited in place
        text = text_of(reply.data)
        assert "you missed B; D is not right" in text
        assert "9 is 3 × 3." in text  # the picked option's own feedback
        assert "A) 2, B) 3" in text  # the reveal
    await bot.close()


async def test_a_right_set_in_any_order_scores() -> None:
    service = service_with(FakeClock())
    bot, _cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        message = (await driver.command("quiz start", pack="science", count=1)).data
        reply = await driver.pick(menu_of(message)["custom_id"], ["b", "a"], message)
        assert "Correct" in text_of(reply.data) and "+100" in text_of(reply.data)
    await bot.close()


async def test_live_picks_are_private_acks_scored_at_the_reveal() -> None:
    clock = FakeClock()
    service = service_with(clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        message = (await driver.command("quiz start", pack="science", count=1, mode="live")).data
        custom_id = menu_of(message)["custom_id"]
        assert custom_id.startswith("quizsel:l:")
        ann = await driver.pick(custom_id, ["b", "a"], message, user=ANN, who="ann")
        bob = await driver.pick(custom_id, ["a"], message, user=BOB, who="bob")
        assert ann.ephemeral and bob.ephemeral and "locked in" in ann.text
        clock.advance(30)
        before = len(sent)
        assert await cog.runner.tick() == 1
        assert driver.posts(before) == []  # the live card itself becomes the reveal
        reveal = " ".join(text_of(p.payload) for p in driver.edits(before))
        assert "1/2 correct" in reveal
    await bot.close()


def test_the_menu_function_builds_one_persistent_select_in_the_readers_language() -> None:
    view = QuestionView(session_id="s1", question_id="primes", position=1, total=1,
                        type=PRIMES.type, prompt=PRIMES.prompt, choices=PRIMES.choices,
                        points=100, difficulty=1, hints_available=0, pack_id="science",
                        pack_title="Science", mode=Mode.SOLO)
    menu = select_all_menu(view, lang="es")
    assert menu.item.custom_id == "quizsel:s:s1:primes"
    assert (menu.item.min_values, menu.item.max_values) == (1, 4)
    assert menu.item.placeholder == "Elige cada opción correcta…"
    assert [o.label for o in menu.item.options] == ["A) 2", "B) 3", "C) 4", "D) 9"]
