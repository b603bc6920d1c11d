"""Pictures and charts as Discord attachments (bot/discord_app/media.py): a question's shipped
picture and a chart_on: question chart upload with the question, a chart that gives the answer
away only with the solo verdict or the live reveal, each with its alt text as description.

Requests are the real ones discord.py makes (captured, and validated against Discord's schema
when it is present); the pack is about a school and a garden, not the article.
"""

from __future__ import annotations

from pathlib import Path

from quiz_fakes import (
    ANN,
    FakeClock,
    QuizDriver,
    button,
    capture_requests,
    quiz_bot,
    walk,
)

from bot.core.models import Actor, Chart, Mode
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack
from bot.core.results import Media, MediaRef
from bot.core.service import QuizService
from bot.discord_app.media import attachment_url, files_for, gallery_urls
from bot.store.db import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"robin"
ALT = "A small brown bird with an orange breast."

PACK = """\
id: garden
title: Garden
description: Birds and pupils.
source: {title: Annual report, author: the office, outlet: school, date: "2026"}
questions:
  - id: robin
    type: truefalse
    prompt: This bird is a robin.
    answer: true
    explanation: The garden page.
    image: robin.png
    image_alt: A small brown bird with an orange breast.
    chart: {title: Birds seen, labels: [robins, wrens], values: [12, 3]}
    chart_on: question
  - id: pupils
    type: truefalse
    prompt: Did enrolment pass 600 in 2025?
    answer: true
    explanation: The report's first table.
    chart: {title: "Pupils: 640 in 2025", labels: ["2015", "2025"], values: [410, 640]}
"""


def garden_service(tmp_path: Path, clock: FakeClock) -> QuizService:
    """The garden pack, and a pack of each of its questions alone (solo order is random)."""
    (tmp_path / "robin.png").write_bytes(PNG)
    library = PackLibrary(None)
    robin, pupils = PACK.index("  - id: robin"), PACK.index("  - id: pupils")
    for pack_id, text in (("garden", PACK), ("robin", PACK[:pupils]),
                          ("pupils", PACK[:robin] + PACK[pupils:])):
        (tmp_path / f"{pack_id}.yaml").write_text(text.replace("id: garden", f"id: {pack_id}"))
        library.add(load_pack(tmp_path / f"{pack_id}.yaml"))
    return QuizService(Store.open(":memory:"), library, clock=clock, live_seconds=20,
                       draw_chart=lambda chart: b"\x89PNG\r\n\x1a\n" + chart.title.encode())


def attachments(payload: dict) -> dict[str, str]:
    """filename → description of every attachment a message body declares."""
    body = payload.get("data", payload)
    return {a["filename"]: a.get("description") for a in body.get("attachments") or []}


def gallery(payload: dict) -> list[dict]:
    """Every media gallery item of a card, in display order."""
    body = payload.get("data", payload)
    return [item for c in walk(body.get("components")) if c.get("type") == 12
            for item in c["items"]]


def images(payload: dict) -> list[str]:
    """What the card's galleries show, in order (attachment://name or a web address)."""
    return [item["media"]["url"] for item in gallery(payload)]


def test_files_carry_their_alt_text_and_a_name_is_uploaded_once():
    chart = Media("chart-ab.png", b"\x89PNG chart", "Bar chart, Birds seen.")
    files = files_for([chart, Media("picture-robin.png", PNG, ALT), chart])
    assert [(f.filename, f.description) for f in files] == [
        ("chart-ab.png", "Bar chart, Birds seen."), ("picture-robin.png", ALT)]
    assert files[1].fp.read() == PNG
    assert attachment_url(chart) == "attachment://chart-ab.png"
    refs = [MediaRef("picture-x", "image", "x.jpg", "x", url="https://example.org/x.jpg"),
            MediaRef("chart-ab.png", "chart", "Birds", "b", chart=Chart("bar", "B", (), ())),
            MediaRef("chart-gone.png", "chart", "Not drawn", "n")]
    assert gallery_urls(refs, [chart]) == [("https://example.org/x.jpg", "x"),
                                           ("attachment://chart-ab.png", "b")]


async def test_a_solo_question_uploads_its_picture_and_its_chart_on_question(tmp_path: Path):
    service = garden_service(tmp_path, FakeClock())
    bot, _ = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="robin", count=1, user=ANN, who="ann")
        files = {f.filename: f.data for f in start.request.files}
        assert files.pop("picture-robin.png") == PNG
        [(chart_name, chart)] = files.items()
        assert chart_name.startswith("chart-") and chart == b"\x89PNG\r\n\x1a\nBirds seen"
        described = attachments(start.request.payload)
        assert described["picture-robin.png"] == ALT
        assert described[chart_name].startswith("Bar chart, Birds seen. robins: 12; wrens: 3")
        # the card's gallery shows both, the picture first, each with its alt text
        assert images(start.request.payload) == ["attachment://picture-robin.png",
                                                 f"attachment://{chart_name}"]
        assert gallery(start.request.payload)[0]["description"] == ALT
        verdict = await driver.click(button(start.data, label="True"), start.data, user=ANN,
                                     who="ann")
        assert verdict.type == 7 and verdict.request.files == ()
        assert verdict.request.payload["data"]["attachments"] == []  # the question's files go


async def test_a_chart_that_gives_the_answer_away_comes_with_the_solo_verdict(tmp_path: Path):
    service = garden_service(tmp_path, FakeClock())
    bot, _ = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="pupils", count=1, user=ANN, who="ann")
        assert start.request.files == () and images(start.request.payload) == []
        verdict = await driver.click(button(start.data, label="True"), start.data, user=ANN,
                                     who="ann")
        [chart] = verdict.request.files
        assert chart.data == b"\x89PNG\r\n\x1a\nPupils: 640 in 2025"
        assert images(verdict.request.payload)[0] == f"attachment://{chart.filename}"


async def test_each_solo_step_attaches_exactly_what_it_shows(tmp_path: Path):
    service = garden_service(tmp_path, FakeClock())
    bot, _ = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        reply = await driver.command("quiz start", pack="garden", count=2, user=ANN, who="ann")
        every: list[str] = []
        for step in range(4):  # question, verdict, (Next) question, verdict with the summary
            uploaded = {f.filename for f in reply.request.files}
            every += uploaded
            assert set(attachments(reply.request.payload)) == uploaded  # nothing left over
            shown = {url.removeprefix("attachment://") for url in images(reply.request.payload)}
            assert shown == uploaded  # a v2 card shows a file only through its gallery
            label = "True" if step % 2 == 0 else "Next question"
            if step < 3:
                reply = await driver.click(button(reply.data, label=label), reply.data,
                                           user=ANN, who="ann")
        # robin's picture and chart with robin, pupils' chart with its verdict: each once
        assert sorted(every) == sorted({*every}) and len(every) == 3


async def test_a_live_reveal_posts_the_chart_that_gives_the_answer_away(tmp_path: Path):
    clock = FakeClock()
    service = garden_service(tmp_path, clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        view = service.quizzes.start_quiz(Actor("111", "1", "teacher"), "garden", 2, Mode.LIVE,
                                          channel_id="222", only=["pupils", "robin"])
        from bot.core.play.live_runner import LiveRound

        cog.runner.track(LiveRound(view.session_id, "111", "222", "pupils",
                                   view.deadline or clock()))
        assert view.media == ()  # pupils' chart is not shown while it is asked
        before = len(sent)
        clock.advance(21)
        assert await cog.runner.tick() == 1
        [post] = driver.posts(before)
        names = [f.filename for f in post.files]
        assert names[0].startswith("chart-") and "picture-robin.png" in names
        shown = images(post.payload)
        assert shown[0] == f"attachment://{names[0]}"  # the reveal shows pupils' chart
        assert "attachment://picture-robin.png" in shown[1:]  # the next question its picture
        assert attachments(post.payload)["picture-robin.png"] == ALT
        clock.advance(21)
        assert await cog.runner.tick() == 1
        assert driver.posts(before + 1) == []  # the same card becomes the podium
        [podium] = driver.edits(before + 1)
        assert podium.files == ()  # robin's chart was shown with its question, not again
        assert podium.payload["attachments"] == []  # and the question's files are gone


async def test_a_chart_slower_than_the_interaction_budget_is_left_out_not_waited_for(
        tmp_path: Path, monkeypatch):
    """Discord drops an interaction not answered within 3 s: a chart still drawing (the first
    after a start) is sent next time, from the cache, rather than costing the reply."""
    import threading

    from bot.discord_app import media

    release = threading.Event()
    service = garden_service(tmp_path, FakeClock())

    def slow(chart: Chart) -> bytes:
        release.wait(5)
        return b"\x89PNG\r\n\x1a\nlate"

    service.media.draw_chart = slow
    monkeypatch.setattr(media, "INTERACTION_BUDGET", 0.05)
    bot, _ = await quiz_bot(service)
    try:
        with capture_requests() as sent:
            driver = QuizDriver(bot, sent)
            start = await driver.command("quiz start", pack="robin", count=1, user=ANN,
                                         who="ann")
            assert [f.filename for f in start.request.files] == ["picture-robin.png"]
    finally:
        release.set()
        await bot.close()


def test_warm_draws_every_bundled_chart_once(tmp_path: Path):
    drawn: list[str] = []
    service = garden_service(tmp_path, FakeClock())
    service.media.draw_chart = lambda chart: drawn.append(chart.title) or b"png"
    service.media.bundled = lambda: [service.catalog.pack("g", "garden")]
    assert service.media.warm() == 2 and sorted(drawn) == ["Birds seen", "Pupils: 640 in 2025"]
    service.media.draw_chart = None
    assert service.media.warm() == 0


async def test_in_a_spoilers_channel_the_reveals_chart_is_blurred_too(tmp_path: Path):
    """spoilers:True hides the answer until clicked; its chart would show it, so the card's
    gallery blurs it (a v2 card shows a file only through its gallery item)."""
    clock = FakeClock()
    service = garden_service(tmp_path, clock)
    bot, cog = await quiz_bot(service)
    with capture_requests() as sent:
        driver = QuizDriver(bot, sent)
        start = await driver.command("quiz start", pack="pupils", count=1, mode="live",
                                     spoilers=True)
        assert start.request.files == ()
        before = len(sent)
        clock.advance(21)
        assert await cog.runner.tick() == 1
        [podium] = driver.edits(before)
        [chart] = podium.files
        [item] = gallery(podium.payload)
        assert item["media"]["url"] == f"attachment://{chart.filename}"
        assert item["spoiler"] is True
        assert attachments(podium.payload)[chart.filename].startswith("Bar chart, Pupils")
    await bot.close()
