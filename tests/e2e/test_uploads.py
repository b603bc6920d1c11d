"""/pack upload: an instructor previews a good file and installs it with the Install button; a
broken file of the same pack gets its
problems as FILE:LINE: message and leaves the installed version in place."""

from __future__ import annotations

from world import World, club_pack, reply_text

BROKEN = """\
id: club
title: "Science club, week 2"
description: The club's own questions.
source: {title: "Club notes", author: "the club", outlet: "the club", date: "not stated"}
topics: [plants]
questions:
  - id: leaf
    type: truefalse
    prompt: "True or false: leaves make food from sunlight."
    answer: maybe
    topic: plants
"""


async def pack_info(world: World, who) -> str:
    return reply_text(await who.slash(world.channel, "pack info", pack="club"))


async def test_a_good_upload_installs_and_a_broken_one_changes_nothing(tmp_path):
    async with World(tmp_path) as world:
        await world.set_staff_roles()
        teacher, ann = world.member("teacher", world.teachers), world.member("ann")

        good = await teacher.slash(world.channel, "pack upload",
                                   file=("club.yaml", club_pack(1)))
        assert good.response is not None and good.response.ephemeral  # "thinking…", then this
        assert "Install Science club, week 1?" in reply_text(good), reply_text(good)
        assert "week 1" not in await pack_info(world, ann)  # nothing stored before the click
        installed = await teacher.click(good.response, label="Install")
        assert "Installed: Science club, week 1" in reply_text(installed), reply_text(installed)
        assert "week 1" in await pack_info(world, ann)  # students can play it now

        broken = await teacher.slash(world.channel, "pack upload",
                                     file=("club-v2.yaml", BROKEN.encode()))
        problems = reply_text(broken)
        assert "Pack not installed" in problems and "Nothing was changed" in problems, problems
        assert "club-v2.yaml:10: question 'leaf' answer should be true or false" in problems
        assert broken.response is not None and broken.response.ephemeral
        assert "week 1" in await pack_info(world, ann)  # the good version is still installed

        refused = await ann.slash(world.channel, "pack upload",
                                  file=("mine.yaml", club_pack(9)))
        assert "Only instructors can upload packs" in reply_text(refused)
        assert "week 1" in await pack_info(world, ann)
