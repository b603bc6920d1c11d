"""/pack report, /scores export and /stats chart:True: main paths, refusals, guild isolation.

The service is real (in-memory SQLite, bundled packs): who may see a report or an export is its
decision, and these tests check the cogs only render it: a student's refusal arrives privately,
guild B's export holds nothing of guild A, and the chart really is a PNG.
"""

from __future__ import annotations

import csv
import io
from unittest.mock import patch

import discord
import pytest
from contract import (
    Request,
    UploadedFile,
    capture_requests,
    command_payload,
    dispatch,
    requires_spec,
    validate_request,
)
from fakes import (
    INSTRUCTOR_ROLE,
    actor,
    build_bot,
    fake_interaction,
    make_service,
    play,
    sent,
)
from payloads import GUILD_ID, OTHER_GUILD_ID

from bot.core.results import QuestionReport
from bot.discord_app import embeds
from bot.discord_app.cogs import admin as admin_cog
from bot.discord_app.cogs import stats as stats_cog

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TEACHER = {"roles": (INSTRUCTOR_ROLE,)}
NASTY = "@everyone **bold** <@123456789012345678> `tick`"


def _service_with_answers():
    service = make_service()
    service.access.set_roles(actor(manage=True), str(INSTRUCTOR_ROLE), None)
    pack_id = service.catalog.list_packs(str(GUILD_ID))[0].id
    for user in range(1, 4):
        play(service, actor(GUILD_ID, user, f"p{user}"), correct=user - 1, pack_id=pack_id)
    return service, pack_id


def _file_bytes(file: discord.File) -> bytes:
    file.fp.seek(0)
    return file.fp.read()


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


# -- /pack report ---------------------------------------------------------------------------------
async def test_pack_report_lists_the_most_failed_questions_first() -> None:
    service, pack_id = _service_with_answers()
    who = actor(roles=())
    text_question = next(q for q in service.catalog.pack(str(GUILD_ID), pack_id).questions
                         if q.type == "text")
    view = service.quizzes.start_quiz(who, pack_id, count=1, only=[text_question.id])
    service.quizzes.answer(who, view.session_id, view.question_id, NASTY)  # a typed wrong answer
    bot = await build_bot(service)
    packs = bot.get_cog("Packs")
    interaction = fake_interaction(bot, roles=(INSTRUCTOR_ROLE,))
    await packs.report.callback(packs, interaction, pack_id)

    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    reply = sent(interaction)
    assert reply["ephemeral"] is True and reply["allowed_mentions"].to_dict() == {"parse": []}
    embed: discord.Embed = reply["embed"]
    assert len(embed) <= embeds.TOTAL_LIMIT and 0 < len(embed.fields) <= 10
    accuracies = [int(f.name.split("%")[0]) for f in embed.fields]
    assert accuracies == sorted(accuracies), "the most failed questions come first"
    assert all("right" in f.value and "skipped" in f.value for f in embed.fields)
    text = " ".join(f.value for f in embed.fields)
    assert "bold" in text, "the typed wrong answer is listed"
    assert "<@\u200b123456789012345678>" in text, "and its mention is inert"
    assert "@everyone" not in text.replace("@\u200beveryone", "")
    assert "\\*\\*bold\\*\\*" in text, "a typed answer's markdown is escaped"
    total = len(service.catalog.pack(str(GUILD_ID), pack_id).questions)
    played = sum(
        r.attempts > 0 for r in service.reports.question_report(actor(manage=True), pack_id)
    )
    assert embed.footer.text and f"{total - played} questions not played yet" in embed.footer.text
    await bot.close()


async def test_pack_report_and_export_refuse_students_privately() -> None:
    service, pack_id = _service_with_answers()
    bot = await build_bot(service)
    with capture_requests(bot) as captured:
        await dispatch(bot, command_payload(bot, "pack report", pack=pack_id))
        await dispatch(bot, command_payload(bot, "scores export"))
    followups = [
        r for r in captured if r.route_key == "POST /webhooks/{webhook_id}/{webhook_token}"
    ]
    assert [f.payload["flags"] & 64 for f in followups] == [64, 64]
    assert "Only instructors can see question reports" in followups[0].payload["content"]
    assert "Only instructors can export scores" in followups[1].payload["content"]
    assert not any(r.files for r in captured), "a student got a file"
    await bot.close()


def test_report_embed_stays_within_limits_with_huge_text() -> None:
    pack = make_service().catalog.pack(str(GUILD_ID), "starter")
    reports = [
        QuestionReport(
            f"q{i}",
            "why " * 400,
            10,
            i % 10,
            1,
            0,
            3,
            2.0,
            tuple(("@here " + "x" * 500, 9 - n) for n in range(3)),
        )
        for i in range(30)
    ]
    reports += [QuestionReport("unplayed", "never asked", 0, 0, 0, 0, 0, 0.0, ())]
    embed = embeds.question_report_embed(pack, reports)
    assert len(embed) <= embeds.TOTAL_LIMIT
    assert len(embed.fields) <= embeds.REPORT_QUESTIONS_SHOWN
    assert all(len(f.name) <= embeds.FIELD_NAME_LIMIT for f in embed.fields)
    assert all(len(f.value) <= embeds.FIELD_VALUE_LIMIT for f in embed.fields)
    assert "@here" not in " ".join(f.value for f in embed.fields).replace("@\u200bhere", "")
    assert "1 question not played yet" in embed.footer.text
    assert "20 more answered questions not shown" in embed.footer.text


def test_report_embed_for_an_unplayed_pack() -> None:
    pack = make_service().catalog.pack(str(GUILD_ID), "starter")
    reports = [QuestionReport(q.id, q.prompt, 0, 0, 0, 0, 0, 0.0, ()) for q in pack.questions]
    embed = embeds.question_report_embed(pack, reports)
    assert "Nobody has answered" in embed.description and not embed.fields
    assert f"{len(reports)} questions not played yet" in embed.footer.text


# -- /scores export -------------------------------------------------------------------------------
async def test_scores_export_attaches_this_guilds_csv_only() -> None:
    service, pack_id = _service_with_answers()
    other = actor(OTHER_GUILD_ID, 77, "b-player")
    play(service, other, correct=1, pack_id=pack_id)
    bot = await build_bot(service)
    admin = bot.get_cog("Admin")

    interaction = fake_interaction(bot, guild_id=OTHER_GUILD_ID, manage_guild=True)
    await admin.export.callback(admin, interaction)
    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    reply = sent(interaction)
    assert reply["ephemeral"] is True
    file: discord.File = reply["file"]
    assert file.filename == f"quizbot-scores-{OTHER_GUILD_ID}.csv"
    rows = _csv_rows(_file_bytes(file))
    assert rows and {r["user_id"] for r in rows} == {"77"}, "guild A's players leaked into B"

    interaction = fake_interaction(bot, roles=(INSTRUCTOR_ROLE,))
    await admin.export.callback(admin, interaction)
    rows = _csv_rows(_file_bytes(sent(interaction)["file"]))
    assert {r["user_id"] for r in rows} == {"1", "2", "3"}
    await bot.close()


async def test_scores_export_over_the_upload_limit_says_so() -> None:
    service, _ = _service_with_answers()
    bot = await build_bot(service)
    admin = bot.get_cog("Admin")
    interaction = fake_interaction(bot, manage_guild=True)
    with patch.object(admin_cog, "EXPORT_LIMIT_BYTES", 100):
        await admin.export.callback(admin, interaction)
    reply = sent(interaction)
    assert "file" not in reply and reply["ephemeral"] is True
    assert "upload limit" in reply["content"]
    await bot.close()


# -- /stats chart:True ----------------------------------------------------------------------------
async def test_stats_chart_attaches_a_png_shown_in_the_embed() -> None:
    service, _ = _service_with_answers()
    bot = await build_bot(service)
    stats = bot.get_cog("Stats")
    interaction = fake_interaction(bot, user_id=2, name="p2")
    await stats.stats.callback(stats, interaction, None, True)
    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    reply = sent(interaction)
    assert reply["ephemeral"] is True
    assert reply["file"].filename == "stats.png"
    assert _file_bytes(reply["file"]).startswith(PNG_MAGIC)
    assert reply["embed"].image.url == "attachment://stats.png"
    await bot.close()


async def test_stats_without_a_chart_says_why() -> None:
    service, _ = _service_with_answers()
    bot = await build_bot(service)
    stats = bot.get_cog("Stats")

    nobody = fake_interaction(bot, user_id=555, name="@everyone new")
    await stats.stats.callback(stats, nobody, None, True)
    reply = sent(nobody)
    assert "file" not in reply and reply["embed"].image.url is None
    assert reply["content"].startswith("No chart:") and "no answers" in reply["content"]
    assert "@everyone" not in reply["content"]

    player = fake_interaction(bot, user_id=2, name="p2")
    with patch.object(stats_cog, "charts_available", return_value=False):
        await stats.stats.callback(stats, player, None, True)
    reply = sent(player)
    assert "file" not in reply and reply["content"] == stats_cog.NO_MATPLOTLIB

    plain = fake_interaction(bot, user_id=2, name="p2")
    await stats.stats.callback(stats, plain)
    assert set(sent(plain)) == {"embed", "ephemeral", "allowed_mentions"}
    await bot.close()


@requires_spec
def test_the_contract_only_excuses_integer_ids_of_this_requests_uploads() -> None:
    """The harness converts `attachments[].id` 0 to "0" only for a real files[0] part."""
    route = "POST /webhooks/{webhook_id}/{webhook_token}"
    upload = (UploadedFile("files[0]", "a.csv", b"x"),)
    validate_request(Request(route, {"attachments": [{"id": 0, "filename": "a.csv"}]}, upload))
    with pytest.raises(AssertionError, match="attachments/0/id"):
        validate_request(Request(route, {"attachments": [{"id": 3, "filename": "a.csv"}]}, upload))
    with pytest.raises(AssertionError, match="no matching attachments entry"):
        validate_request(Request(route, {"attachments": [{"id": 0, "filename": "b.csv"}]}, upload))
