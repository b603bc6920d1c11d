"""A Moodle multiple-answer question end to end: an instructor uploads the GIFT file (the
preview names it select_all), a student answers from the select menu, and the menu of a message
posted before a restart still answers after it (a DynamicItem parsed from its custom_id); then
the instructor sees the pack's versions and restores the first one with /pack history and
/pack restore."""

from __future__ import annotations

from world import World, reply_text, text_of

GIFT = ("::primes:: Which of these are prime numbers? {~%50%2 ~%50%3 ~%-100%4 ~%-100%9 "
        "####A prime has exactly two divisors.}\n")


async def test_a_gift_select_all_question_played_across_a_restart(tmp_path):
    async with World(tmp_path) as world:
        await world.set_staff_roles()
        teacher, ann = world.member("teacher", world.teachers), world.member("ann")
        preview = await teacher.slash(world.channel, "pack upload",
                                      file=("numbers.gift", GIFT.encode()))
        assert "1 select_all" in reply_text(preview), reply_text(preview)
        assert "multiple-answer question" in reply_text(preview)
        await teacher.click(preview.response, label="Install")

        quiz = (await ann.slash(world.channel, "quiz start", pack="numbers", count=1)).response
        assert "Select all that apply" in text_of(quiz)
        wrong = await ann.select(quiz, ["a", "d"])
        assert "you missed B; D is not right" in reply_text(wrong), reply_text(wrong)

        second = (await ann.slash(world.channel, "quiz start", pack="numbers",
                                  count=1)).response
        await world.restart()  # the menu was rendered by the process that just died
        right = await ann.select(second, ["b", "a"])
        assert "Correct" in reply_text(right), reply_text(right)

        again = await teacher.slash(world.channel, "pack upload", file=(
            "numbers.gift", GIFT.replace("prime numbers", "primes").encode()))
        await teacher.click(again.response, label="Install")
        history = reply_text(await teacher.slash(world.channel, "pack history", pack="numbers"))
        assert "**v1** ·" in history and "**v2** (current)" in history, history
        refused = await ann.slash(world.channel, "pack history", pack="numbers")
        assert "Only instructors" in reply_text(refused), reply_text(refused)

        restore = await teacher.slash(world.channel, "pack restore", pack="numbers", version=1)
        assert "Restore version 1 of" in reply_text(restore), reply_text(restore)
        done = await teacher.click(restore.response, label="Restore")
        assert "as version 3" in reply_text(done), reply_text(done)
        quiz = (await ann.slash(world.channel, "quiz start", pack="numbers", count=1)).response
        assert "prime numbers" in text_of(quiz)  # version 1's wording is back
