"""/scores reset: confirmed by a moderator, refused for a student, and refused on the click when
the moderator role was taken away between the command and the click."""

from __future__ import annotations

from world import MINI, World, reply_text, text_of


async def play_a_quiz(world: World, name: str) -> None:
    player = world.member(name)
    quiz = (await player.slash(world.channel, "quiz start", pack=MINI, count=2)).response
    for _ in range(2):
        quiz = await world.next(player, (await world.answer(player, quiz)).response)


async def leaderboard(world: World) -> str:
    result = await world.admin.slash(world.channel, "leaderboard")
    return reply_text(result)


async def test_a_moderator_confirms_a_reset_and_the_points_go_back_to_zero(tmp_path):
    async with World(tmp_path) as world:
        await world.set_staff_roles()
        await play_a_quiz(world, "ann")
        assert "**ann** — 210 pts" in await leaderboard(world)
        mod = world.member("mod", world.mods)
        asked = await mod.slash(world.channel, "scores reset")
        assert asked.ephemeral and "Reset everyone's scores?" in reply_text(asked)
        done = await mod.click(asked.response, label="Reset")
        assert "back to zero" in reply_text(done), reply_text(done)
        assert "**ann** — 210 pts" not in await leaderboard(world)


async def test_a_student_is_refused_privately(tmp_path):
    async with World(tmp_path) as world:
        await world.set_staff_roles()
        await play_a_quiz(world, "ann")
        refused = await world.member("ann").slash(world.channel, "scores reset")
        assert refused.ephemeral and "Only moderators can reset scores" in reply_text(refused)
        assert "**ann** — 210 pts" in await leaderboard(world)


async def test_a_role_removed_between_command_and_click_is_respected(tmp_path):
    async with World(tmp_path) as world:
        await world.set_staff_roles()
        await play_a_quiz(world, "ann")
        mod = world.member("mod", world.mods)
        asked = await mod.slash(world.channel, "scores reset")
        assert "Reset everyone's scores?" in reply_text(asked)
        # A server manager takes the moderator role away while the confirmation is open.
        # (simcord has no actor verb for editing roles; the backend emits the member update.)
        world.env.backend.remove_member_role(world.school.id, mod.id, world.mods.id)
        clicked = await mod.click(asked.response, label="Reset")
        assert "Only moderators" in text_of(clicked.response), reply_text(clicked)
        assert "**ann** — 210 pts" in await leaderboard(world)
