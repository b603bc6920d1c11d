"""/pack upload and /pack remove, called as `cog.cmd.callback(cog, interaction, ...)`.

The service is real (in-memory SQLite, bundled packs), so these prove the rules the service
enforces reach Discord: a bad upload replaces nothing, students are refused before any download,
removal waits for the confirming click, and another server never sees the pack.
"""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from fakes import INSTRUCTOR_ROLE, actor, build_bot, fake_interaction, make_service, sent
from payloads import GUILD_ID, OTHER_GUILD_ID

from bot.core.errors import InvalidInput, NotAllowed, UnknownPack
from bot.discord_app.embeds import DESCRIPTION_LIMIT, pack_problems_embed
from bot.discord_app.errors import report_error
from bot.discord_app.pack_views import ConfirmRemovePackView, own_pack_autocomplete
from bot.discord_app.upload_views import ConfirmUploadView
from bot.discord_app.views import EXPIRED_TEXT, answer_expired_button, stamped

G = str(GUILD_ID)
TEACHER = {"roles": (INSTRUCTOR_ROLE,)}


def pack_text(pack_id: str = "volcanoes", title: str = "Volcanoes", questions: int = 2,
              typo: bool = False) -> str:
    """A pack with `questions` text questions; `typo` misspells `prompt` in each, which is two
    problems per question (the unknown key and the missing one)."""
    prompt = "promt" if typo else "prompt"
    lines = [f"id: {pack_id}", f"title: {title}", "description: A tiny pack.",
             'source: {title: Notes, author: me, outlet: class, date: "2026"}', "questions:"]
    for n in range(questions):
        lines += [f"  - id: q{n}", "    type: text", f"    {prompt}: What is item {n}?",
                  f"    answers: [item{n}]", "    explanation: The notes say so."]
    return "\n".join(lines) + "\n"


def attachment(text: str | bytes, filename: str = "volcanoes.yaml",
               size: int | None = None) -> MagicMock:
    data = text.encode() if isinstance(text, str) else text
    file = MagicMock(spec=discord.Attachment)
    file.filename = filename
    file.size = len(data) if size is None else size
    file.read = AsyncMock(return_value=data)
    return file


async def setup_bot():
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    bot = await build_bot(service)
    return bot, service, bot.get_cog("Packs")


async def upload(bot, packs, file, **who) -> MagicMock:
    """Upload and, when a preview comes back, press Install: the interaction that has the
    outcome (the click's, or the command's own when it was refused outright)."""
    interaction = fake_interaction(bot, **who)
    await packs.upload.callback(packs, interaction, file)
    view = sent(interaction).get("view")
    if not isinstance(view, ConfirmUploadView):
        return interaction
    click = fake_interaction(bot, **who)
    await view.confirm.callback(click)
    return click


async def test_upload_previews_and_installs_only_on_confirm() -> None:
    bot, service, packs = await setup_bot()
    command = fake_interaction(bot, **TEACHER)
    await packs.upload.callback(packs, command, attachment(pack_text(questions=3)))
    command.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    preview = sent(command)
    assert preview["ephemeral"] is True
    assert preview["allowed_mentions"].to_dict() == {"parse": []}
    assert preview["embed"].title == "Install Volcanoes?"
    fields = {f.name: f.value for f in preview["embed"].fields}
    assert fields["Questions"] == "3 (3 text)"
    assert fields["Samples"].splitlines()[0] == "• What is item 0? → item0"
    with pytest.raises(UnknownPack):  # nothing stored before the click
        service.catalog.pack(G, "volcanoes")
    click = fake_interaction(bot, **TEACHER)
    await preview["view"].confirm.callback(click)
    embed = sent(click)["embed"]
    assert embed.title == "Installed: Volcanoes" and sent(click)["view"] is None
    assert {f.name: f.value for f in embed.fields} == {
        "Id": "`volcanoes`", "Questions": "3", "Explainers": "0"}
    assert service.catalog.pack(G, "volcanoes").title == "Volcanoes"
    await bot.close()


async def test_cancel_installs_nothing_and_a_reupload_is_a_new_version() -> None:
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text(questions=2)), **TEACHER)
    command = fake_interaction(bot, **TEACHER)
    await packs.upload.callback(packs, command, attachment(pack_text(title="Lava", questions=4)))
    preview = sent(command)
    assert "version 2, replacing version 1" in preview["embed"].description
    cancel = fake_interaction(bot, **TEACHER)
    await preview["view"].cancel.callback(cancel)
    assert "Nothing was installed" in sent(cancel)["embed"].description
    assert service.catalog.pack(G, "volcanoes").title == "Volcanoes"
    await upload(bot, packs, attachment(pack_text(title="Lava", questions=4)), **TEACHER)
    assert service.catalog.pack(G, "volcanoes").title == "Lava"
    teacher = actor(roles=(INSTRUCTOR_ROLE,))
    assert [v.version for v in service.pack_admin.versions(teacher, "volcanoes")] == [1, 2]
    await bot.close()


async def test_a_gift_upload_names_its_losses_and_skip_unsupported_drops_the_rest() -> None:
    bot, service, packs = await setup_bot()
    gift = ("::boil::Water boils at 100 °C.{T}\n\n::gas::Which gas?{=CO2 ~%50%O2 ~N2}\n\n"
            "::match::Match.{=a->1 =b->2}\n")
    refused = fake_interaction(bot, **TEACHER)
    await packs.upload.callback(packs, refused, attachment(gift, "chem.gift"))
    assert sent(refused)["embed"].title == "Pack not installed"
    command = fake_interaction(bot, **TEACHER)
    await packs.upload.callback(packs, command, attachment(gift, "chem.gift"), True)
    fields = {f.name: f.value for f in sent(command)["embed"].fields}
    assert fields["Questions"] == "2 (1 truefalse, 1 choice)"
    notes = fields["Not kept as written (2)"]
    assert "matching question" in notes and "O2" in notes
    click = fake_interaction(bot, **TEACHER)
    await sent(command)["view"].confirm.callback(click)
    assert len(service.catalog.pack(G, "chem").questions) == 2
    await bot.close()


async def test_a_bad_file_confirmed_late_still_replaces_nothing() -> None:
    """The service checks again on the click: an uploader demoted meanwhile stores nothing."""
    bot, service, packs = await setup_bot()
    command = fake_interaction(bot, **TEACHER)
    await packs.upload.callback(packs, command, attachment(pack_text(questions=2)))
    view = sent(command)["view"]
    student = fake_interaction(bot)  # the same user, demoted before the click
    await view.confirm.callback(student)
    assert "Only instructors" in sent(student)["embed"].description and not view.done
    with pytest.raises(UnknownPack):
        service.catalog.pack(G, "volcanoes")
    await bot.close()


async def test_export_sends_the_current_yaml_as_a_file() -> None:
    bot, _service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text(title="Lava", questions=2)), **TEACHER)
    interaction = fake_interaction(bot, **TEACHER)
    await packs.export.callback(packs, interaction, "volcanoes")
    reply = sent(interaction)
    assert reply["ephemeral"] is True and reply["file"].filename == "volcanoes.yaml"
    assert reply["file"].fp.read().decode().startswith("id: volcanoes\ntitle: Lava\n")
    with pytest.raises(NotAllowed):
        await packs.export.callback(packs, fake_interaction(bot), "volcanoes")
    await bot.close()


async def test_broken_upload_lists_problems_and_replaces_nothing() -> None:
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text(questions=2)), **TEACHER)
    broken = attachment(pack_text(title="Volcanoes v2", questions=10, typo=True))
    interaction = await upload(bot, packs, broken, **TEACHER)
    reply = sent(interaction)
    assert reply["ephemeral"] is True
    embed = reply["embed"]
    assert embed.title == "Pack not installed"
    assert "20 problems" in embed.description and "Nothing was changed" in embed.description
    block = embed.description.split("```\n", 1)[1].rsplit("\n```", 1)[0]
    lines = block.splitlines()
    assert len(lines) == 15
    assert all(line.startswith("volcanoes.yaml:") for line in lines)
    assert "promt" in block and "q0" in lines[0]
    assert embed.footer.text.startswith("…and 5 more.")
    still = service.catalog.pack(G, "volcanoes")  # the good version stays
    assert still.title == "Volcanoes" and len(still.questions) == 2
    await bot.close()


async def test_problem_list_fits_discord_and_cannot_break_its_code_block() -> None:
    bot, _service, packs = await setup_bot()
    nasty = pack_text(questions=1).replace("description: A tiny pack.",
                                           "description: no\nbogus```@everyone: " + "x" * 5000)
    interaction = await upload(bot, packs, attachment(nasty), **TEACHER)
    embed = sent(interaction)["embed"]
    assert len(embed.description) <= DESCRIPTION_LIMIT and len(embed) <= 6000
    assert embed.description.endswith("\n```") and embed.description.count("```") == 2
    assert "@everyone" not in embed.description

    long_lines = pack_problems_embed("x.yaml", [f"x.yaml:{n}: " + "y" * 1000 for n in range(40)])
    assert len(long_lines.description) <= DESCRIPTION_LIMIT and len(long_lines) <= 6000
    assert long_lines.description.endswith("…\n```")
    assert long_lines.footer.text.startswith("…and 25 more.")
    await bot.close()


async def test_student_is_refused_before_any_download() -> None:
    bot, service, packs = await setup_bot()
    file = attachment(pack_text())
    interaction = fake_interaction(bot)
    with pytest.raises(NotAllowed) as refused:
        await packs.upload.callback(packs, interaction, file)
    file.read.assert_not_awaited()
    await report_error(interaction, refused.value)  # what the tree's on_error does
    reply = sent(interaction)
    assert reply["ephemeral"] is True and "Only instructors" in reply["content"]
    with pytest.raises(UnknownPack):
        service.catalog.pack(G, "volcanoes")
    await bot.close()


async def test_oversize_attachment_is_refused_without_reading_it() -> None:
    bot, service, packs = await setup_bot()
    file = attachment(pack_text(), size=5_000_000)
    with pytest.raises(InvalidInput, match="at most 1,000,000 bytes"):
        await upload(bot, packs, file, **TEACHER)
    file.read.assert_not_awaited()
    with pytest.raises(UnknownPack):
        service.catalog.pack(G, "volcanoes")
    await bot.close()


async def test_a_failed_download_is_a_short_private_note() -> None:
    bot, _service, packs = await setup_bot()
    file = attachment(pack_text())
    file.read.side_effect = discord.HTTPException(MagicMock(status=404, reason="gone"), "gone")
    reply = sent(await upload(bot, packs, file, **TEACHER))
    assert reply["ephemeral"] is True and "couldn't download" in reply["embed"].description
    await bot.close()


async def remove(bot, packs, pack_id: str, **who) -> ConfirmRemovePackView:
    interaction = fake_interaction(bot, **who)
    await packs.remove.callback(packs, interaction, pack_id)
    reply = sent(interaction)
    assert reply["ephemeral"] is True and "Remove Volcanoes" in reply["embed"].description
    view = reply["view"]
    assert isinstance(view, ConfirmRemovePackView)
    return view


async def test_remove_with_confirm_removes_and_cancel_keeps() -> None:
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text()), **TEACHER)

    view = await remove(bot, packs, "volcanoes", **TEACHER)
    cancel = fake_interaction(bot, **TEACHER)
    await view.cancel.callback(cancel)
    assert "Nothing was removed" in sent(cancel)["embed"].description
    assert sent(cancel)["view"] is None
    assert service.catalog.pack(G, "volcanoes")

    view = await remove(bot, packs, "volcanoes", **TEACHER)
    confirm = fake_interaction(bot, **TEACHER)
    await view.confirm.callback(confirm)
    assert "Removed Volcanoes" in sent(confirm)["embed"].description
    assert view.done
    with pytest.raises(UnknownPack):
        service.catalog.pack(G, "volcanoes")
    await bot.close()


async def test_remove_is_rechecked_at_click_and_refused_for_students_and_bundled() -> None:
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text()), **TEACHER)
    with pytest.raises(NotAllowed):
        await packs.remove.callback(packs, fake_interaction(bot), "volcanoes")
    bundled = service.library.all()[0].id
    with pytest.raises(InvalidInput, match="bundled"):
        await packs.remove.callback(packs, fake_interaction(bot, **TEACHER), bundled)
    with pytest.raises(UnknownPack):
        await packs.remove.callback(packs, fake_interaction(bot, **TEACHER), "nope")

    view = await remove(bot, packs, "volcanoes", **TEACHER)
    demoted = fake_interaction(bot)  # the same user, without the role now
    await view.confirm.callback(demoted)
    assert "Only instructors" in sent(demoted)["embed"].description
    assert not view.done and service.catalog.pack(G, "volcanoes")
    await bot.close()


async def test_another_guild_never_sees_the_pack() -> None:
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text()), **TEACHER)
    there = fake_interaction(bot, guild_id=OTHER_GUILD_ID)
    await packs.list_packs.callback(packs, there)
    assert "volcanoes" not in str(sent(there)["embed"].to_dict())
    with pytest.raises(UnknownPack):
        await packs.info.callback(packs, fake_interaction(bot, guild_id=OTHER_GUILD_ID),
                                  "volcanoes")
    assert await own_pack_autocomplete(fake_interaction(bot, guild_id=OTHER_GUILD_ID), "") == []
    assert "volcanoes" not in {p.id for p in service.catalog.list_packs(str(OTHER_GUILD_ID))}

    here = fake_interaction(bot)
    await packs.list_packs.callback(packs, here)
    assert "volcanoes" in str(sent(here)["embed"].to_dict())
    await bot.close()


async def test_remove_autocomplete_offers_only_this_servers_own_packs() -> None:
    bot, _service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text()), **TEACHER)
    await upload(bot, packs, attachment(pack_text("rivers", "Rivers"), "rivers.yaml"), **TEACHER)
    choices = await own_pack_autocomplete(fake_interaction(bot), "")
    assert sorted(c.value for c in choices) == ["rivers", "volcanoes"]
    assert [c.value for c in await own_pack_autocomplete(fake_interaction(bot), "riv")] == [
        "rivers"]
    await bot.close()


async def test_a_remove_button_from_before_a_restart_says_it_expired() -> None:
    bot, _service, _packs = await setup_bot()
    old = fake_interaction(bot)
    old.type = discord.InteractionType.component
    old.data = {"custom_id": "packremove:confirm:0ld000"}
    assert await answer_expired_button(old) is True
    assert sent(old)["content"] == EXPIRED_TEXT["packremove"]
    current = fake_interaction(bot)
    current.type = discord.InteractionType.component
    current.data = {"custom_id": stamped("packremove:confirm")}
    assert await answer_expired_button(current) is False
    await bot.close()


CAPITALS = """id: capitals
title: Capitals
description: Capital cities.
source: {title: Atlas, author: Me, outlet: School, date: "2024"}
questions:
  - id: ukraine
    type: text
    prompt: What is the capital of Ukraine?
    answers: [Kyiv]
    explanation: The atlas says so.
  - id: australia
    type: choice
    prompt: What is the capital of Australia?
    choices: [Sydney, Canberra]
    answer: Canberra
    explanation: The atlas says so.
"""


async def test_report_accepts_a_wrong_answer_and_rescores_on_request() -> None:
    from bot.core.models import Actor

    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(CAPITALS, "capitals.yaml"), **TEACHER)
    for user in ("1", "2"):
        learner = Actor(G, user, f"p{user}")
        view = service.quizzes.start_quiz(learner, "capitals", 2, only=["ukraine", "australia"])
        view = service.quizzes.answer(learner, view.session_id, "ukraine", "kiev").next_question
        service.quizzes.answer(learner, view.session_id, "australia", "a")
    command = fake_interaction(bot, **TEACHER)
    await packs.report.callback(packs, command, "capitals")
    reply = sent(command)
    text = " ".join(f.value for f in reply["embed"].fields)
    assert "“A) Sydney” ×2" in text and "Discrimination n/a" in text
    assert "close to an accepted answer" in text
    view = reply["view"]
    labels = [option.label for option in view.pick.options]
    assert labels == ["ukraine: kiev ×2", "australia: A) Sydney ×2"]

    pick = fake_interaction(bot, **TEACHER)
    view.pick._values = ["0"]  # what discord.py sets from the interaction's data
    await view.pick.callback(pick)
    assert "Accept “kiev” for `ukraine`?" in sent(pick)["embed"].description
    click = fake_interaction(bot, **TEACHER)
    await view.accept_rescore.callback(click)
    assert "2 past attempts re-scored" in sent(click)["embed"].description
    assert service.catalog.pack(G, "capitals").question("ukraine").answers == ("Kyiv", "kiev")
    assert [r.correct for r in service.reports.item_report(actor(manage=True), "capitals")] == [
        2, 0]
    await bot.close()


async def test_an_upload_naming_a_picture_file_is_refused_with_the_way_out() -> None:
    """An upload has no folder to ship files in: a picture must be an https:// URL."""
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text(questions=1)), **TEACHER)
    pictured = pack_text(title="Volcanoes v2", questions=1) + "    image: etna.png\n"
    reply = sent(await upload(bot, packs, attachment(pictured), **TEACHER))
    assert reply["ephemeral"] is True and reply["embed"].title == "Pack not installed"
    assert "volcanoes.yaml:11:" in reply["embed"].description
    assert "https:// URL" in reply["embed"].description
    assert service.catalog.pack(G, "volcanoes").title == "Volcanoes"  # the good one stays
    by_url = pictured.replace("etna.png", "https://example.org/etna.png")
    await upload(bot, packs, attachment(by_url), **TEACHER)
    assert service.catalog.pack(G, "volcanoes").question("q0").image.endswith("etna.png")
    await bot.close()
