"""/privacy show and /privacy delete through discord.py's own dispatch: the file, the
confirmation, the click that deletes, what stays in the database (another server's rows, other
learners) and that every request is what Discord's schema accepts."""

from __future__ import annotations

import json

from contract import (
    GUILD_ID,
    OTHER_GUILD_ID,
    USER_ID,
    capture_requests,
    command_payload,
    component_payload,
    dispatch,
    requires_spec,
    stored_views,
    validate_request,
)
from fakes import actor, build_bot, make_service, play

from bot.discord_app.views import stamped

EPHEMERAL = 64


def _callbacks(sent: list) -> list[dict]:
    return [r.payload for r in sent if r.path.endswith("/callback")]


def _learner_rows(service, guild_id: int, user_id: int) -> int:
    db = service.store.db
    total = 0
    for table in ("learners", "attempts", "scores", "ask_log", "question_reports"):
        total += list(db.query(f"SELECT COUNT(*) AS n FROM {table} WHERE guild_id = ? "
                               "AND user_id = ?", [str(guild_id), str(user_id)]))[0]["n"]
    total += list(db.query("SELECT COUNT(*) AS n FROM sessions WHERE guild_id = ? AND "
                           "(starter_id = ? OR instr(state, ?) > 0)",
                           [str(guild_id), str(user_id), f'"{user_id}"']))[0]["n"]
    return total


@requires_spec
async def test_show_attaches_my_data_and_delete_asks_then_deletes_only_mine() -> None:
    service = make_service()
    play(service, actor(), correct=1)
    play(service, actor(OTHER_GUILD_ID), correct=2)
    play(service, actor(GUILD_ID, 7, "classmate"), correct=3)
    service.asking.ask(str(GUILD_ID), "zzqx nothing answers this", user_id=str(USER_ID))
    in_other_guild = _learner_rows(service, OTHER_GUILD_ID, USER_ID)
    assert _learner_rows(service, GUILD_ID, USER_ID) and in_other_guild
    bot = await build_bot(service)

    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "privacy show"))
        await dispatch(bot, command_payload(bot, "privacy delete"))
        confirm = max(stored_views(bot))
        await dispatch(bot, component_payload(stamped("privacy:confirm"), confirm, user_id=7))
        await dispatch(bot, component_payload(stamped("privacy:confirm"), confirm))
    for request in sent:
        validate_request(request)
    shown, asked, stranger, done = _callbacks(sent)
    assert [c["type"] for c in (shown, asked, stranger, done)] == [4, 4, 4, 7]
    assert all(c["data"]["flags"] & EPHEMERAL for c in (shown, asked, stranger))
    upload = sent[0].files[0]
    assert upload.filename == f"quizbot-my-data-{GUILD_ID}.json"
    data = json.loads(upload.data)
    assert data["user_id"] == str(USER_ID) and len(data["answers"]) == 3
    assert [q["text"] for q in data["unanswered_questions"]] == ["zzqx nothing answers this"]
    assert "cannot be undone" in asked["data"]["embeds"][0]["description"]
    assert asked["data"]["components"], "the Delete / Cancel buttons are missing"
    assert "belong to whoever ran" in stranger["data"]["content"]
    assert "Deleted: 3 answer(s)" in done["data"]["embeds"][0]["description"]
    assert done["data"]["components"] == []

    assert _learner_rows(service, GUILD_ID, USER_ID) == 0
    assert _learner_rows(service, OTHER_GUILD_ID, USER_ID) == in_other_guild
    board = service.standings.leaderboard(str(GUILD_ID))
    assert [r.user_id for r in board.rows] == ["7"]
    await bot.close()


async def test_cancel_deletes_nothing_and_dms_are_refused() -> None:
    service = make_service()
    play(service, actor(), correct=1)
    before = _learner_rows(service, GUILD_ID, USER_ID)
    bot = await build_bot(service)
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "privacy delete"))
        await dispatch(bot, component_payload(stamped("privacy:cancel"), max(stored_views(bot))))
        await dispatch(bot, component_payload("privacy:confirm:0ld000", 1234))
        await dispatch(bot, command_payload(bot, "privacy show", guild_id=None))
    asked, cancelled, expired, in_dm = _callbacks(sent)
    assert "only works in a server" in in_dm["data"]["content"]
    assert "Nothing was deleted" in cancelled["data"]["embeds"][0]["description"]
    assert "nothing was deleted" in expired["data"]["content"]
    assert _learner_rows(service, GUILD_ID, USER_ID) == before
    await bot.close()


async def test_privacy_speaks_the_users_language() -> None:
    bot = await build_bot(make_service())
    payload = command_payload(bot, "privacy delete")
    payload["locale"] = "es-419"
    with capture_requests(bot) as sent:
        await dispatch(bot, payload)
    (asked,) = _callbacks(sent)
    assert "No se puede deshacer" in asked["data"]["embeds"][0]["description"]
    labels = [c["label"] for row in asked["data"]["components"] for c in row["components"]]
    assert labels == ["Borrar mis datos", "Cancelar"]
    await bot.close()
