"""Exports: each importer's output goes out and comes back the same, and every loss is named."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sample_pack import make_pack

from bot.core.models import Pack
from bot.core.packs.formats import import_file
from bot.core.packs.formats.export import export_pack

DATA = Path(__file__).resolve().parents[2] / "data" / "formats"


def round_trip(path: Path, fmt: str, *, again_as: str | None = None) -> tuple[Pack, Pack]:
    """(imported, imported again after exporting it as `fmt`), read under the same file name."""
    first = import_file(path.read_bytes(), str(path)).pack
    exported = export_pack(first, fmt)
    second = import_file(exported.text, again_as or str(path), fmt=fmt).pack
    return first, second


def test_gift_round_trip_keeps_every_question() -> None:
    first, second = round_trip(DATA / "sample.gift", "gift")
    assert second.questions == first.questions and second.topics == first.topics == ("Cartels",)


def test_gift_round_trip_keeps_feedback_several_right_and_categories(tmp_path: Path) -> None:
    source = tmp_path / "chem.gift"
    source.write_text("$CATEGORY: $course$/Chemistry\n\n::co2::[html]Which gas is CO<sub>2</sub>?"
                      "{=Carbon dioxide =CO₂#Also right. ~Carbon monoxide#That is CO. "
                      "####A carbon and two oxygens.}\n\n::boil::Water boils at 100 °C.{T}\n\n"
                      "::mass::Molar mass of water?{#18.015:0.5}\n\n"
                      "::noble::Name a noble gas.{=Neon =Argon}\n", encoding="utf-8")
    first, second = round_trip(source, "gift")
    assert second.questions == first.questions
    assert first.questions[0].choice_feedback == ("", "Also right.", "That is CO.")


def test_aiken_round_trip() -> None:
    first, second = round_trip(DATA / "sample-aiken.txt", "aiken")
    assert second == first


def test_red_round_trip_keeps_answers_metadata_and_time_limit(tmp_path: Path) -> None:
    first, second = round_trip(DATA / "geography.yaml", "red")
    assert second == first
    timed = tmp_path / "timed.yaml"
    timed.write_text("CONFIG:\n  delay: 20\nQ?:\n- Yes\n", encoding="utf-8")
    first, second = round_trip(timed, "red")
    assert second == first and second.time_limit == 20
    assert second.questions[0].answers == ("Yes", "True", "On")


def test_csv_round_trip(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('question,answers,explanation,topic\n"Largest ocean, by area?",Pacific|'
                     'Pacific Ocean,It covers a third of the Earth.,Oceans\n'
                     'Longest river?,Nile,,\n', encoding="utf-8")
    first, second = round_trip(sheet, "csv")
    assert second == first
    quizlet_first, quizlet_second = round_trip(DATA / "quizlet-biology.txt", "csv",
                                               again_as="quizlet-biology.csv")
    assert [(q.prompt, q.answers) for q in quizlet_second.questions] == [
        (q.prompt, q.answers) for q in quizlet_first.questions]


def test_kahoot_import_round_trips_through_gift_but_for_the_placeholder() -> None:
    first, second = round_trip(DATA / "kahoot-template.csv", "gift", again_as="kahoot.gift")
    plain = [replace(q, explanation="") for q in first.questions]
    assert [replace(q, explanation="") for q in second.questions] == plain


def test_every_loss_is_named_once_per_kind() -> None:
    pack = make_pack()
    types = {str(q.type) for q in pack.questions}
    aiken = export_pack(pack, "aiken")
    assert aiken.exported == sum(1 for q in pack.questions if str(q.type) == "choice")
    assert any(line.startswith("Aiken: only choice questions are kept") for line in aiken.warnings)
    red = export_pack(pack, "red")
    if "order" in types:
        assert any("order questions are skipped" in line for line in red.warnings)
    assert any(line.startswith("Red: explanations are not kept") for line in red.warnings)
    assert len(set(red.warnings)) == len(red.warnings)


@pytest.mark.parametrize("fmt", ["gift", "aiken", "red", "csv"])
def test_the_bundled_pack_exports_to_text_its_importer_reads(fmt: str) -> None:
    pack = make_pack()
    exported = export_pack(pack, fmt)
    if exported.exported:
        again = import_file(exported.text, f"out.{ {'red': 'yaml'}.get(fmt, fmt) }", fmt=fmt)
        assert len(again.pack.questions) == exported.exported


def test_charts_and_pictures_are_named_as_lost_except_a_red_picture_url() -> None:
    """Our YAML keeps a question's chart and picture (test_question_media.py); other formats
    cannot hold a chart or a file, and Red keeps a picture URL at the end of its prompt."""
    from bot.core.models import Chart

    pack = make_pack()
    capital, number, *rest = pack.questions
    capital = replace(capital, image="https://example.org/culiacan.jpg")
    number = replace(number, image="plates/chart.png",
                     chart=Chart("bar", "Homicides", ("2007",), (11000.0,)))
    pack = replace(pack, questions=(capital, number, *rest))
    red = export_pack(pack, "red")
    assert "Red: charts are not kept (1 question)" in red.warnings
    assert "Red: pictures are not kept (1 question)" in red.warnings  # the file one
    again = import_file(red.text, "out.yaml", fmt="red").pack
    assert again.questions[0].image == "https://example.org/culiacan.jpg"
    assert again.questions[0].prompt == capital.prompt
    gift = export_pack(pack, "gift")
    assert "GIFT: pictures are not kept (2 questions)" in gift.warnings
    assert "GIFT: charts are not kept (1 question)" in gift.warnings
