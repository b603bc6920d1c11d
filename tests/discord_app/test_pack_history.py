"""/pack history and /pack restore through the Discord fakes: staff see every version (the
current one marked); a restore previews first and stores the old content as a NEW version
only on the click, re-checking the clicker; students are refused; a version that no longer
loads replaces nothing."""

from __future__ import annotations

import pytest
from fakes import actor, fake_interaction, sent
from test_pack_upload import TEACHER, G, attachment, pack_text, setup_bot, upload

from bot.core.errors import InvalidInput, NotAllowed
from bot.discord_app.history_views import ConfirmRestoreView


async def two_versions():
    bot, service, packs = await setup_bot()
    await upload(bot, packs, attachment(pack_text(title="Volcanoes", questions=2)), **TEACHER)
    await upload(bot, packs, attachment(pack_text(title="Lava", questions=4)), **TEACHER)
    return bot, service, packs


async def test_history_lists_every_version_and_marks_the_current_one() -> None:
    bot, _service, packs = await two_versions()
    command = fake_interaction(bot, **TEACHER)
    await packs.history.callback(packs, command, "volcanoes")
    reply = sent(command)
    assert reply["ephemeral"] and reply["allowed_mentions"].to_dict() == {"parse": []}
    embed = reply["embed"]
    assert embed.title == "Versions of volcanoes"
    lines = embed.description.splitlines()
    assert lines[0].startswith("**v1** · ") and "· 2 questions" in lines[0]
    assert lines[1].startswith("**v2** (current) · ") and "· 4 questions" in lines[1]
    assert "<@" in lines[0]  # who uploaded it
    await bot.close()


async def test_history_is_for_staff_and_only_for_uploaded_packs() -> None:
    bot, _service, packs = await two_versions()
    with pytest.raises(NotAllowed):
        await packs.history.callback(packs, fake_interaction(bot), "volcanoes")
    with pytest.raises(InvalidInput, match="no uploaded versions"):
        await packs.history.callback(packs, fake_interaction(bot, **TEACHER), "starter")
    await bot.close()


async def test_restore_previews_then_stores_the_old_version_as_a_new_one() -> None:
    bot, service, packs = await two_versions()
    command = fake_interaction(bot, **TEACHER)
    await packs.restore.callback(packs, command, "volcanoes", 1)
    preview = sent(command)
    assert preview["embed"].title == "Restore version 1 of Volcanoes?"
    assert "becomes version 3" in preview["embed"].description
    assert service.catalog.pack(G, "volcanoes").title == "Lava"  # nothing stored yet
    view = preview["view"]
    assert isinstance(view, ConfirmRestoreView)
    click = fake_interaction(bot, **TEACHER)
    await view.confirm.callback(click)
    assert sent(click)["embed"].description == (
        "Restored version 1 of `volcanoes` as version 3 (2 questions).")
    assert service.catalog.pack(G, "volcanoes").title == "Volcanoes"
    versions = service.pack_admin.versions(actor(roles=TEACHER["roles"]), "volcanoes")
    assert [(v.version, v.current, v.note) for v in versions] == [
        (1, False, ""), (2, False, ""), (3, True, "restored version 1")]
    await bot.close()


async def test_cancel_and_a_demoted_clicker_restore_nothing() -> None:
    bot, service, packs = await two_versions()
    replies = []
    for clicker, button in ((fake_interaction(bot, **TEACHER), "cancel"),
                            (fake_interaction(bot), "confirm")):  # the same user, demoted
        command = fake_interaction(bot, **TEACHER)
        await packs.restore.callback(packs, command, "volcanoes", 1)
        view = sent(command)["view"]
        await getattr(view, button).callback(clicker)
        assert not view.done
        replies.append(sent(clicker)["embed"].description)
    assert replies[0] == "Nothing was restored."
    assert "Only instructors" in replies[1]
    assert service.catalog.pack(G, "volcanoes").title == "Lava"
    assert [v.version for v in service.pack_admin.versions(actor(roles=TEACHER["roles"]),
                                                           "volcanoes")] == [1, 2]
    await bot.close()


async def test_restore_refusals_before_any_preview() -> None:
    bot, _service, packs = await two_versions()
    teacher = fake_interaction(bot, **TEACHER)
    with pytest.raises(InvalidInput, match="already the current one"):
        await packs.restore.callback(packs, teacher, "volcanoes", 2)
    with pytest.raises(InvalidInput, match="has no version 9"):
        await packs.restore.callback(packs, fake_interaction(bot, **TEACHER), "volcanoes", 9)
    with pytest.raises(NotAllowed):
        await packs.restore.callback(packs, fake_interaction(bot), "volcanoes", 1)
    await bot.close()


async def test_a_spanish_reader_gets_spanish_history() -> None:
    bot, _service, packs = await two_versions()
    command = fake_interaction(bot, **TEACHER)
    command.locale = "es-ES"
    await packs.history.callback(packs, command, "volcanoes")
    embed = sent(command)["embed"]
    assert embed.title == "Versiones de volcanoes" and "(actual)" in embed.description
    await bot.close()
