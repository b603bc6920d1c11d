"""Two servers on one bot never see each other's data: scores, leaderboards, uploaded packs,
staff roles, resets, exports and live quizzes all stay in the server they belong to."""

from __future__ import annotations

import discord
from world import LIVE_SECONDS, MINI, World, club_pack, reply_text, text_of

OTHER_GUILD = 700000000000000200


async def play(world: World, player, channel, *, right: int) -> None:
    """A two-question solo quiz with the first `right` answers right."""
    quiz = (await player.slash(channel, "quiz start", pack=MINI, count=2)).response
    for index in range(2):
        quiz = await world.next(player, (await world.answer(player, quiz,
                                                            right=index < right)).response)


async def csv_of(result) -> str:
    (attachment,) = result.response.attachments
    return (await attachment.read()).decode("utf-8")


async def test_two_servers_never_see_each_others_data(tmp_path):
    async with World(tmp_path) as world:
        # The owner publishes the commands everywhere (the dev guild alone has them at start).
        owner = world.school.add_member(world.owner, roles=[world.admins])
        synced = await owner.slash(world.channel, "admin sync", scope="global")
        assert "globally" in reply_text(synced)

        other = world.env.create_guild("Other", id=OTHER_GUILD)
        lounge = other.create_text_channel("quiz")
        bosses = other.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
        boss = other.add_member(world.env.create_user("boss"), roles=[bosses])
        zed = other.add_member(world.env.create_user("zed"))

        await world.set_staff_roles()
        teacher, ann = world.member("teacher", world.teachers), world.member("ann")
        preview = await teacher.slash(world.channel, "pack upload",
                                      file=("club.yaml", club_pack(1)))
        await teacher.click(preview.response, label="Install")
        await play(world, ann, world.channel, right=2)
        await play(world, zed, lounge, right=1)

        school_board = reply_text(await world.admin.slash(world.channel, "leaderboard"))
        other_board = reply_text(await boss.slash(lounge, "leaderboard"))
        assert "**ann** — 210 pts" in school_board and "zed" not in school_board
        assert "**zed** — 100 pts" in other_board and "ann" not in other_board

        # School's own pack, and its staff roles, do not exist over there.
        assert "`club`" in reply_text(await ann.slash(world.channel, "pack list"))
        assert "`club`" not in reply_text(await zed.slash(lounge, "pack list"))
        offered = await zed.autocomplete(lounge, "quiz start", "pack", "club")
        assert all(choice["value"] != "club" for choice in offered)
        refused = await zed.slash(lounge, "quiz start", pack="club")
        assert refused.ephemeral and "no pack 'club'" in reply_text(refused)
        assert world.service.quizzes.open_solo_session(str(OTHER_GUILD), str(zed.id)) is None
        roles = reply_text(await boss.slash(lounge, "config roles"))
        assert "not set" in roles and str(world.teachers.id) not in roles

        # Exports carry their own server's answers only.
        school_csv = await csv_of(await teacher.slash(world.channel, "scores export"))
        other_csv = await csv_of(await boss.slash(lounge, "scores export"))
        assert str(ann.id) in school_csv and str(zed.id) not in school_csv
        assert str(zed.id) in other_csv and str(ann.id) not in other_csv

        # A reset over there leaves this server's points alone.
        asked = await boss.slash(lounge, "scores reset")
        await boss.click(asked.response, label="Reset")
        assert "**zed** — 100 pts" not in reply_text(await boss.slash(lounge, "leaderboard"))
        assert "**ann** — 210 pts" in reply_text(await world.admin.slash(world.channel,
                                                                         "leaderboard"))

        # Live quizzes in both servers at once: each reveal lands in its own channel only.
        await teacher.slash(world.channel, "quiz start", pack=MINI, count=1, mode="live")
        live = await boss.slash(lounge, "quiz start", pack=MINI, count=1, mode="live")
        await world.answer(zed, live.response)
        await world.advance(LIVE_SECONDS)
        school_end = text_of(world.channel.history(viewer=teacher)[-1])
        other_end = text_of(lounge.history(viewer=boss)[-1])
        assert "the podium" in school_end and "the podium" in other_end
        assert "Answers: 0/0 correct" in school_end and "zed" not in school_end
        assert "**zed**" in other_end and "ann" not in other_end
