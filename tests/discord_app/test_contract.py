"""What the bot sends Discord is what Discord accepts (its published OpenAPI schema).

Every request is captured at discord.py's HTTP boundary after discord.py serialised it (see
contract.py), from real Interaction objects dispatched through the gateway handler: command
replies, deferrals and followups, autocomplete answers, button clicks that edit a message,
refusals, the apology for a bug, and the command registration itself.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from unittest.mock import patch

from contract import (
    CHANNEL_ID,
    GUILD_ID,
    MANAGE_GUILD,
    OTHER_GUILD_ID,
    Request,
    autocomplete_payload,
    capture_requests,
    command_payload,
    component_payload,
    dispatch,
    requires_spec,
    resolved_roles,
    resolved_user,
    schema_names,
    snowflake,
    stored_views,
    validate,
    validate_request,
)
from discord.http import HTTPClient
from fakes import INSTRUCTOR_ROLE, MODERATOR_ROLE, OWNER_ID, actor, build_bot, make_service, play

from bot.discord_app.views import stamped

pytestmark = requires_spec
MOD = {"roles": (MODERATOR_ROLE,)}


def check_all(sent: list[Request]) -> Counter[str]:
    used: Counter[str] = Counter()
    for request in sent:
        used[validate_request(request) or f"(no body) {request.route_key}"] += 1
    return used


def test_the_schemas_we_rely_on_exist() -> None:
    assert {"ApplicationCommandCreateRequest", "ApplicationCommandUpdateRequest",
            "CreateMessageInteractionCallbackRequest", "UpdateMessageInteractionCallbackRequest",
            "ModalInteractionCallbackRequest", "ApplicationCommandAutocompleteCallbackRequest",
            "IncomingWebhookRequestPartial",
            "IncomingWebhookUpdateRequestPartial"} <= schema_names()


async def test_command_registration_payloads() -> None:
    bot = await build_bot()
    commands = bot.tree.get_commands()
    assert commands
    for command in commands:
        validate("ApplicationCommandCreateRequest", command.to_dict(bot.tree))
    with capture_requests(bot) as sent:
        await bot.sync_dev_guild(GUILD_ID)
    assert [r.route_key for r in sent] == [
        "PUT /applications/{application_id}/guilds/{guild_id}/commands"]
    assert len(sent[0].payload) == len(commands)
    assert check_all(sent) == Counter({"ApplicationCommandUpdateRequest[]": 1})
    await bot.close()


async def test_every_command_main_path_and_refusal() -> None:
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), str(MODERATOR_ROLE))
    for user in range(1, 13):  # enough players for two leaderboard pages
        play(service, actor(GUILD_ID, user, f"@everyone **p{user}**"), correct=user % 4)
    play(service, actor(), correct=2)
    bot = await build_bot(service)
    pack_id = service.catalog.list_packs(str(GUILD_ID))[0].id
    topic = service.asking.explainer_choices(str(GUILD_ID), "")[0][0]
    roles = resolved_roles(INSTRUCTOR_ROLE, MODERATOR_ROLE)
    calls = [
        ("ask", {"question": "Would strikes cut the fentanyl supply?"}),
        ("ask", {"question": "zzqx unrelated gibberish", "public": True}),
        ("explain", {"topic": topic}),
        ("explain", {"topic": "no such topic at all"}),  # domain error → ephemeral note
        ("stats", {}),
        ("stats", {"user": "1", "resolved": resolved_user(1)}),
        ("leaderboard", {}),
        ("leaderboard", {"pack": pack_id, "period": "week"}),
        ("pack list", {}),
        ("pack info", {"pack": pack_id}),
        ("pack info", {"pack": "missing"}),
        ("scores reset", {}),  # student: refused
        ("scores reset", {"user": "1", "pack": pack_id, "resolved": resolved_user(1), **MOD}),
        ("config roles", {}),
        ("config roles", {"instructor": str(INSTRUCTOR_ROLE), "resolved": roles}),  # refused
        ("config roles", {"instructor": str(INSTRUCTOR_ROLE), "moderator": str(MODERATOR_ROLE),
                          "resolved": roles, "permissions": MANAGE_GUILD}),
        ("admin sync", {}),  # not the owner
        ("admin sync", {"user_id": OWNER_ID}),
        ("admin sync", {"user_id": OWNER_ID, "scope": "global"}),
    ]
    with capture_requests(bot) as sent:
        for name, options in calls:
            await dispatch(bot, command_payload(bot, name, **options))
        with patch.object(service.standings, "stats", side_effect=RuntimeError("boom")):
            await dispatch(bot, command_payload(bot, "stats"))  # a bug → apology
    callbacks = [r for r in sent if r.path.endswith("/callback")]
    assert len(callbacks) == len(calls) + 1, "every interaction must be acknowledged once"
    used = check_all(sent)
    assert used["CreateMessageInteractionCallbackRequest"] == len(callbacks)
    assert used["IncomingWebhookRequestPartial"] >= 4  # /ask ×2 and /admin sync ×2 followups
    assert used["ApplicationCommandUpdateRequest[]"] == 2
    for request in sent:  # nobody is ever pinged
        body = request.payload if isinstance(request.payload, dict) else {}
        mentions = (body.get("data") or body).get("allowed_mentions")
        if mentions is not None:
            assert mentions == {"parse": []}
    await bot.close()


async def test_autocomplete_answers() -> None:
    bot = await build_bot()
    cases = [("explain", "topic", {"topic": "fent"}), ("pack info", "pack", {"pack": ""}),
             ("leaderboard", "pack", {"pack": "c"}), ("scores reset", "pack", {"pack": "x" * 90})]
    with capture_requests(bot) as sent:
        for name, focused, options in cases:
            await dispatch(bot, autocomplete_payload(bot, name, focused, **options))
    assert [r.payload["type"] for r in sent] == [8] * len(cases)
    assert check_all(sent) == Counter({"ApplicationCommandAutocompleteCallbackRequest":
                                       len(cases)})
    assert sent[1].payload["data"]["choices"], "pack autocomplete offered nothing"
    await bot.close()


async def test_button_clicks_edit_the_message() -> None:
    service = make_service()
    service.access.set_roles(actor(manage=True), None, str(MODERATOR_ROLE))
    for user in range(1, 13):
        play(service, actor(GUILD_ID, user, f"p{user}"), correct=1)
    bot = await build_bot(service)
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "leaderboard"))
        board_message = max(stored_views(bot))
        await dispatch(bot, component_payload(stamped("leaderboard:next"), board_message))
        await dispatch(bot, component_payload(stamped("leaderboard:prev"), board_message))
        await dispatch(bot, component_payload(stamped("leaderboard:next"), board_message,
                                              user_id=5))

        await dispatch(bot, command_payload(bot, "scores reset", **MOD))
        reset_message = max(stored_views(bot))
        await dispatch(bot, component_payload(stamped("reset:cancel"), reset_message, **MOD))
        await dispatch(bot, command_payload(bot, "scores reset", **MOD))
        reset_message = max(stored_views(bot))
        await dispatch(bot, component_payload(stamped("reset:confirm"), reset_message, **MOD))
    kinds = [r.payload["type"] for r in sent if r.path.endswith("/callback")]
    assert kinds == [4, 7, 7, 4, 4, 7, 4, 7]  # the stranger's click gets a private note (4)
    used = check_all(sent)
    assert used["UpdateMessageInteractionCallbackRequest"] == 4
    assert service.standings.stats(str(GUILD_ID), "1").points == 0
    await bot.close()


async def test_buttons_from_before_a_restart_say_they_expired() -> None:
    """A leaderboard or reset button whose view died with the old process still gets an answer
    (privately), instead of Discord's "This interaction failed"; nothing is reset."""
    service = make_service()
    for user in range(1, 3):
        play(service, actor(GUILD_ID, user, f"p{user}"), correct=1)
    bot = await build_bot(service)
    with capture_requests(bot) as sent:
        for custom_id in ("leaderboard:next", "leaderboard:prev:0ld000", "reset:confirm:0ld000"):
            await dispatch(bot, component_payload(custom_id, 1234, **MOD))
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [4, 4, 4]
    assert all(c["data"]["flags"] == 64 for c in callbacks)
    assert "expired" in callbacks[0]["data"]["content"]
    assert "nothing was reset" in callbacks[2]["data"]["content"]
    check_all(sent)
    assert service.standings.stats(str(GUILD_ID), "1").points > 0
    await bot.close()


# -- /pack upload and /pack remove ----------------------------------------------------------------
def resolved_attachment(attachment_id: int, filename: str, size: int) -> dict:
    """`resolved` data for an ATTACHMENT option, shaped like Discord's AttachmentResponse."""
    url = f"https://cdn.discordapp.com/ephemeral-attachments/{CHANNEL_ID}/{attachment_id}/{filename}"
    return {"attachments": {str(attachment_id): {
        "id": str(attachment_id), "filename": filename, "size": size, "url": url,
        "proxy_url": url.replace("cdn.discordapp.com", "media.discordapp.net"),
        "content_type": "application/x-yaml; charset=utf-8", "ephemeral": True}}}


UPLOAD_PACK = (Path(__file__).resolve().parents[1] / "data" / "packs" / "volcanoes.yaml"
               ).read_text(encoding="utf-8")


async def test_pack_upload_and_remove_main_paths() -> None:
    """Upload (good, broken, by a student, oversize), then remove (cancel, confirm): every
    deferral, followup, confirmation and button edit is what Discord's schema accepts."""
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    bot = await build_bot(service)
    teacher = {"roles": (INSTRUCTOR_ROLE,)}
    files = {"good": UPLOAD_PACK.encode(),
             "broken": UPLOAD_PACK.replace("prompt:", "promt:").replace("A tiny", "no").encode()}
    downloads: list[str] = []

    async def get_from_cdn(self: HTTPClient, url: str) -> bytes:  # the download, offline
        downloads.append(url)
        return files[url.rsplit("/", 1)[1].split(".")[0]]

    def upload(name: str, size: int | None = None, **who: object) -> dict:
        attachment_id = snowflake()
        resolved = resolved_attachment(attachment_id, f"{name}.yaml",
                                       len(files.get(name, b"")) if size is None else size)
        validate("AttachmentResponse", resolved["attachments"][str(attachment_id)])
        return command_payload(bot, "pack upload", file=str(attachment_id), resolved=resolved,
                               **who)

    with capture_requests(bot) as sent, patch.object(HTTPClient, "get_from_cdn", get_from_cdn):
        await dispatch(bot, upload("good", **teacher))  # a preview with Install / Cancel
        await dispatch(bot, component_payload(stamped("packupload:confirm"),
                                              max(stored_views(bot)), **teacher))
        await dispatch(bot, upload("broken", **teacher))
        await dispatch(bot, upload("good"))  # a student: refused
        await dispatch(bot, upload("huge", size=5_000_000, **teacher))
        await dispatch(bot, autocomplete_payload(bot, "pack remove", "pack", pack="vol",
                                                 **teacher))
        await dispatch(bot, command_payload(bot, "pack remove", pack="volcanoes", **teacher))
        await dispatch(bot, component_payload(stamped("packremove:cancel"),
                                              max(stored_views(bot)), **teacher))
        await dispatch(bot, command_payload(bot, "pack remove", pack="volcanoes", **teacher))
        await dispatch(bot, component_payload(stamped("packremove:confirm"),
                                              max(stored_views(bot)), **teacher))
    assert len(downloads) == 2, "only the instructor's two small files are downloaded"
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [5, 7, 5, 5, 5, 8, 4, 7, 4, 7]
    assert callbacks[1]["data"]["embeds"][0]["title"] == "Installed: Volcanoes"
    callbacks = [callbacks[0], *callbacks[2:]]
    assert all(c["data"]["flags"] & 64 for c in callbacks[:4])  # deferred ephemerally
    assert callbacks[4]["data"]["choices"] == [{"name": "Volcanoes (volcanoes)",
                                                "value": "volcanoes"}]
    followups = [r.payload for r in sent
                 if r.route_key == "POST /webhooks/{webhook_id}/{webhook_token}"]
    assert len(followups) == 4 and all(f["flags"] & 64 for f in followups)
    assert followups[0]["embeds"][0]["title"] == "Install Volcanoes?"
    assert "broken.yaml:" in followups[1]["embeds"][0]["description"]
    assert "Only instructors" in followups[2]["content"]
    assert "at most 1,000,000 bytes" in followups[3]["content"]
    used = check_all(sent)
    assert used["IncomingWebhookRequestPartial"] == 4
    assert used["UpdateMessageInteractionCallbackRequest"] == 3
    packs = service.catalog.list_packs
    assert packs(str(GUILD_ID)) == packs(str(OTHER_GUILD_ID))
    for request in sent:  # nobody is ever pinged
        body = request.payload if isinstance(request.payload, dict) else {}
        mentions = (body.get("data") or body).get("allowed_mentions")
        if mentions is not None:
            assert mentions == {"parse": []}
    await bot.close()


# -- /pack report, /scores export, /stats chart:True ----------------------------------------------
async def test_reports_export_and_chart_main_paths() -> None:
    """Deferred ephemerally, then a followup: the report embed, the CSV and the chart go as
    multipart uploads whose payload_json (attachments metadata included) Discord's schema
    accepts, each file part matching its attachments entry; students get a private refusal."""
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    for user in range(1, 4):
        play(service, actor(GUILD_ID, user, f"@everyone p{user}"), correct=user - 1)
    bot = await build_bot(service)
    pack_id = service.catalog.list_packs(str(GUILD_ID))[0].id
    teacher = {"roles": (INSTRUCTOR_ROLE,)}
    with capture_requests(bot) as sent:
        await dispatch(bot, autocomplete_payload(bot, "pack report", "pack", pack="c", **teacher))
        await dispatch(bot, command_payload(bot, "pack report", pack=pack_id, **teacher))
        await dispatch(bot, command_payload(bot, "pack report", pack=pack_id))  # refused
        await dispatch(bot, command_payload(bot, "scores export", **teacher))
        await dispatch(bot, command_payload(bot, "scores export"))  # refused
        await dispatch(bot, command_payload(bot, "stats", user_id=2, chart=True))
        await dispatch(bot, command_payload(bot, "stats", user_id=777, chart=True))  # no answers
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [8, 5, 5, 5, 5, 5, 4]
    assert all(c["data"]["flags"] & 64 for c in callbacks[1:])
    followups = [r for r in sent if r.route_key == "POST /webhooks/{webhook_id}/{webhook_token}"]
    assert len(followups) == 5 and all(f.payload["flags"] & 64 for f in followups)
    report, refused_report, export, refused_export, chart = followups
    assert report.payload["embeds"][0]["title"].startswith("Question report")
    assert "Only instructors" in refused_report.payload["content"]
    assert "Only instructors" in refused_export.payload["content"]
    assert not refused_report.files and not refused_export.files
    assert [(f.field, f.filename) for f in export.files] == [
        ("files[0]", f"quizbot-scores-{GUILD_ID}.csv")
    ]
    assert export.payload["attachments"] == [{"id": 0, "filename": export.files[0].filename}]
    assert export.files[0].data.startswith(b"time_utc,user_id,")
    assert [f.filename for f in chart.files] == ["stats.png"]
    assert chart.files[0].data.startswith(b"\x89PNG\r\n\x1a\n")
    assert chart.payload["embeds"][0]["image"]["url"] == "attachment://stats.png"
    alt = chart.payload["attachments"][0]["description"]  # alt text for screen readers
    assert alt.startswith("Bar chart of") and "%" in alt
    assert callbacks[-1]["data"]["content"].startswith("No chart:")
    used = check_all(sent)  # also checks each file part against its attachments entry
    assert used["IncomingWebhookRequestPartial"] == 5
    for request in sent:  # nobody is ever pinged
        body = request.payload if isinstance(request.payload, dict) else {}
        mentions = (body.get("data") or body).get("allowed_mentions")
        if mentions is not None:
            assert mentions == {"parse": []}
    await bot.close()


# -- /pack report's Accept menu -------------------------------------------------------------------
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


async def test_report_accept_menu_pick_and_accept() -> None:
    """/pack report on a server's own pack with common wrong answers: the report followup with
    its Accept select menu, the pick (a select interaction that edits the message) and the
    Accept-and-re-score click are each what Discord's schema accepts."""
    service = make_service()
    teacher_actor = actor(roles=(INSTRUCTOR_ROLE,))
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    service.pack_admin.install_pack(teacher_actor, CAPITALS, "capitals.yaml")
    for user in (1, 2):
        learner = actor(GUILD_ID, user, f"p{user}")
        view = service.quizzes.start_quiz(learner, "capitals", 2, only=["ukraine", "australia"])
        view = service.quizzes.answer(learner, view.session_id, "ukraine", "kiev").next_question
        service.quizzes.answer(learner, view.session_id, "australia", "a")
    bot = await build_bot(service)
    teacher = {"roles": (INSTRUCTOR_ROLE,)}
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "pack report", pack="capitals", **teacher))
        menu = max(stored_views(bot))
        await dispatch(bot, component_payload(stamped("packaccept:pick"), menu, component_type=3,
                                              values=["0"], **teacher))
        await dispatch(bot, component_payload(stamped("packaccept:rescore"), menu, **teacher))
    followups = [r.payload for r in sent
                 if r.route_key == "POST /webhooks/{webhook_id}/{webhook_token}"]
    assert len(followups) == 1
    menu_row = followups[0]["components"][0]["components"][0]
    assert menu_row["type"] == 3 and len(menu_row["options"]) == 2
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [5, 7, 7]
    assert "Accept “kiev” for `ukraine`?" in callbacks[1]["data"]["embeds"][0]["description"]
    assert "2 past attempts re-scored" in callbacks[2]["data"]["embeds"][0]["description"]
    used = check_all(sent)
    assert used["IncomingWebhookRequestPartial"] == 1
    assert used["UpdateMessageInteractionCallbackRequest"] == 2
    assert service.catalog.pack(str(GUILD_ID), "capitals").question("ukraine").answers == (
        "Kyiv", "kiev")
    await bot.close()


async def test_pack_history_and_restore_main_paths() -> None:
    """/pack history (staff, a student refused, a pack never uploaded), /pack restore's
    preview, its Cancel and its Restore click: each reply is what Discord's schema accepts."""
    service = make_service()
    teacher_actor = actor(roles=(INSTRUCTOR_ROLE,))
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    service.pack_admin.install_pack(teacher_actor, UPLOAD_PACK, "volcanoes.yaml")
    service.pack_admin.install_pack(teacher_actor, UPLOAD_PACK.replace("Volcanoes", "Lava", 1),
                                    "volcanoes.yaml")
    bot = await build_bot(service)
    teacher = {"roles": (INSTRUCTOR_ROLE,)}
    with capture_requests(bot) as sent:
        await dispatch(bot, command_payload(bot, "pack history", pack="volcanoes", **teacher))
        await dispatch(bot, command_payload(bot, "pack history", pack="volcanoes"))  # student
        await dispatch(bot, command_payload(bot, "pack history", pack="starter", **teacher))
        await dispatch(bot, command_payload(bot, "pack restore", pack="volcanoes", version=1,
                                            **teacher))
        await dispatch(bot, component_payload(stamped("packrestore:cancel"),
                                              max(stored_views(bot)), **teacher))
        await dispatch(bot, command_payload(bot, "pack restore", pack="volcanoes", version=1,
                                            **teacher))
        await dispatch(bot, component_payload(stamped("packrestore:confirm"),
                                              max(stored_views(bot)), **teacher))
    callbacks = [r.payload for r in sent if r.path.endswith("/callback")]
    assert [c["type"] for c in callbacks] == [4, 4, 4, 4, 7, 4, 7]
    assert all(c["data"]["flags"] & 64 for c in callbacks if c["type"] == 4)
    history = callbacks[0]["data"]["embeds"][0]
    assert history["title"] == "Versions of volcanoes" and "(current)" in history["description"]
    assert "Only instructors" in callbacks[1]["data"]["content"]
    assert "no uploaded versions" in callbacks[2]["data"]["content"]
    assert callbacks[3]["data"]["embeds"][0]["title"].startswith("Restore version 1 of")
    assert [b["label"] for b in callbacks[3]["data"]["components"][0]["components"]] == [
        "Restore", "Cancel"]
    assert "as version 3" in callbacks[6]["data"]["embeds"][0]["description"]
    used = check_all(sent)
    assert used["CreateMessageInteractionCallbackRequest"] == 5
    assert used["UpdateMessageInteractionCallbackRequest"] == 2
    for request in sent:  # nobody is ever pinged, not even the uploader named in the history
        body = request.payload if isinstance(request.payload, dict) else {}
        mentions = (body.get("data") or body).get("allowed_mentions")
        if mentions is not None:
            assert mentions == {"parse": []}
    assert service.catalog.pack(str(GUILD_ID), "volcanoes").title == "Volcanoes"
    await bot.close()
