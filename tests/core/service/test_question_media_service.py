"""What the service shows with a question and with its reveal: pictures and charts, as refs on
the records and as bytes from `service.media.load`.

A pack about a school's enrolment and garden birds, not the article: the rules are general.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sample_pack import Clock, wrong_answer

from bot.core.models import Actor, Chart, Mode
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack
from bot.core.service import QuizService
from bot.core.service.media import chart_ref, explainer_chart, question_media
from bot.store.db import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"picture"
ANN = Actor("g", "ann", "Ann")

PACK = """\
id: school
title: School
description: Enrolment and the garden.
source: {title: Annual report, author: the office, outlet: school, date: "2026"}
topics: [enrolment, garden]
questions:
  - id: pupils
    type: number
    prompt: How many pupils in 2025?
    answer: 640
    explanation: The report's first table.
    topic: enrolment
    chart: {title: "Pupils: 640 in 2025", labels: ["2015", "2025"], values: [410, 640]}
  - id: growth
    type: truefalse
    prompt: Did enrolment grow from 2015 to 2025?
    answer: true
    explanation: The first table.
    topic: enrolment
    chart: {title: Pupils enrolled, labels: ["2015", "2025"], values: [410, 640]}
    chart_on: question
  - id: teachers
    type: number
    prompt: How many teachers in 2025?
    answer: 40
    explanation: The second table.
    topic: enrolment
  - id: robin
    type: text
    prompt: Which bird nests in the garden?
    answers: [robin]
    explanation: The garden page.
    topic: garden
    image: plates/robin.png
    image_alt: A small brown bird with an orange breast.
explainers:
  - id: staff
    title: Staff
    short: Forty teachers in 2025.
    related: [teachers]
    chart: {title: Teachers, labels: ["2025"], values: [40]}
  - id: enrolment
    title: Enrolment
    short: Pupils rose from 410 to 640.
    topic: enrolment
    chart: {title: Enrolment by year, labels: ["2015", "2025"], values: [410, 640]}
"""


def make_service(tmp_path: Path, drawn: list[Chart] | None = None) -> QuizService:
    (tmp_path / "plates").mkdir()
    (tmp_path / "plates" / "robin.png").write_bytes(PNG)
    (tmp_path / "school.yaml").write_text(PACK)
    library = PackLibrary(None)
    library.add(load_pack(tmp_path / "school.yaml"))

    def draw(chart: Chart) -> bytes:
        if drawn is not None:
            drawn.append(chart)
        return b"\x89PNG chart " + chart.title.encode()

    return QuizService(Store.open(":memory:"), library, clock=Clock(), draw_chart=draw)


def start(service: QuizService, question: str, mode: Mode = Mode.SOLO):
    return service.quizzes.start_quiz(ANN, "school", 1, mode, only=[question],
                                      channel_id="c" if mode is Mode.LIVE else None)


def titles(refs) -> list[str]:
    return [ref.title for ref in refs]


def test_a_chart_that_gives_the_answer_away_waits_for_the_reveal(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "pupils")
    assert view.media == ()  # chart_on defaults to reveal
    outcome = service.quizzes.answer(ANN, view.session_id, "pupils", "600")
    assert titles(outcome.media) == ["Pupils: 640 in 2025"]
    [shown] = service.media.load(outcome.media)
    assert shown.data == b"\x89PNG chart Pupils: 640 in 2025"
    assert shown.name == outcome.media[0].name and shown.name.startswith("chart-")
    assert shown.alt.startswith("Bar chart, Pupils: 640 in 2025. 2015: 410; 2025: 640")


def test_a_chart_on_question_is_shown_with_the_question_and_not_again(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "growth")
    assert titles(view.media) == ["Pupils enrolled"]
    outcome = service.quizzes.answer(ANN, view.session_id, "growth", "true")
    assert outcome.media == ()


def test_a_live_reveal_shows_the_questions_chart(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "pupils", Mode.LIVE)
    service.quizzes.submit_live_answer(ANN, view.session_id, "pupils", "640")
    reveal = service.quizzes.reveal(view.session_id, "pupils")
    assert titles(reveal.media) == ["Pupils: 640 in 2025"]


def test_a_reveal_without_its_own_chart_shows_its_explainers(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "teachers", Mode.LIVE)
    reveal = service.quizzes.reveal(view.session_id, "teachers")
    assert titles(reveal.media) == ["Teachers"]  # the explainer listing it in `related`
    pack = service.catalog.pack("g", "school")
    no_related = replace(pack.question("teachers"), id="other")
    assert explainer_chart(no_related, pack).title == "Enrolment by year"  # else its topic's
    assert explainer_chart(pack.question("robin"), pack) is None  # none for the garden


def test_a_shipped_picture_is_shown_with_its_question_as_bytes_and_alt_text(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "robin")
    [ref] = view.media
    assert (ref.kind, ref.name, ref.title) == ("image", "picture-robin.png", "robin.png")
    [shown] = service.media.load(view.media)
    assert shown.data == PNG and shown.alt == "A small brown bird with an orange breast."
    outcome = service.quizzes.answer(ANN, view.session_id, "robin", wrong_answer(
        service.catalog.pack("g", "school").question("robin")))
    assert outcome.media == ()  # the garden has no chart


def test_a_picture_swapped_for_something_else_after_install_is_left_out(tmp_path: Path):
    service = make_service(tmp_path)
    view = start(service, "robin")
    (tmp_path / "plates" / "robin.png").write_bytes(b"MZ\x90\x00 an executable")
    assert service.media.load(view.media) == []
    (tmp_path / "plates" / "robin.png").unlink()
    assert service.media.load(view.media) == []


def test_charts_are_left_out_when_they_cannot_be_drawn(tmp_path: Path):
    service = make_service(tmp_path)
    refs = (chart_ref(Chart("bar", "t", ("a",), (1.0,))),)

    def broken(chart: Chart) -> bytes:
        raise RuntimeError("no fonts")

    service.media.draw_chart = broken
    assert service.media.load(refs) == []
    service.media.draw_chart = None  # matplotlib not installed
    assert service.media.load(refs) == [] and not service.media.can_draw()


def test_an_url_picture_is_a_ref_with_nothing_to_upload(tmp_path: Path):
    (tmp_path / "web").mkdir()
    service = make_service(tmp_path / "web")
    pack = service.catalog.pack("g", "school")
    robin = replace(pack.question("robin"), image="https://example.org/robin.jpg?size=2")
    [ref] = question_media(robin, pack)
    assert ref.url == "https://example.org/robin.jpg?size=2" and ref.title == "robin.jpg"
    assert service.media.load([ref]) == []
