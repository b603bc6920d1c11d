"""A question's chart (`chart`, `chart_on`) and shipped picture (`image`, `image_alt`): read
with line-numbered problems, the picture file guarded (inside the pack's folder, a real
picture, at most 8 MB), kept by dump and compiled round trips, refused in uploads.

A pack about garden birds and a school's enrolment, not the article: the format is general.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.core.errors import PackError
from bot.core.models import Chart
from bot.core.packs import compiled
from bot.core.packs.charts import chart_alt, chart_digest
from bot.core.packs.dump import dump_pack
from bot.core.packs.images import MAX_IMAGE_BYTES, image_kind, read_image_file
from bot.core.packs.library import PackLibrary
from bot.core.packs.loader import load_pack, load_pack_text, parse_pack
from bot.core.service.catalog import read_upload_full

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
GIF = b"GIF89a" + b"\0" * 32
WEBP = b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 32

PACK = """\
id: birds
title: Birds
description: Garden birds.
source: {title: Field guide, author: a teacher, outlet: class, date: "2026"}
questions:
  - id: robin
    type: text
    prompt: Which bird is this?
    answers: [robin]
    explanation: The guide's first plate.
    image: IMAGE
    image_alt: A small brown bird with an orange breast.
  - id: pupils
    type: number
    prompt: By how many pupils did enrolment grow from 2015 to 2025?
    answer: 230
    explanation: The report's first table.
    chart:
      title: Pupils enrolled
      labels: [2015, 2025]
      values: [410, 640]
      unit: pupils
      source: The annual report, table 1
    chart_on: question
"""

CHART = Chart("bar", "Pupils enrolled", ("2015", "2025"), (410.0, 640.0), "pupils",
              "The annual report, table 1")


def write_pack(folder: Path, image: str = "robin.png", data: bytes = PNG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if data is not None and not image.startswith(("http", "/")) and ".." not in image:
        (folder / image).parent.mkdir(parents=True, exist_ok=True)
        (folder / image).write_bytes(data)
    path = folder / "birds.yaml"
    path.write_text(PACK.replace("IMAGE", image))
    return path


def problems_of(path: Path) -> list[str]:
    return list(parse_pack(path.read_bytes(), str(path), base=path.parent).problems)


def test_a_question_carries_a_chart_shown_where_the_pack_says():
    pack = load_pack_text(PACK.replace("IMAGE", "https://example.org/robin.png"), "b.yaml")
    question = pack.question("pupils")
    assert question.chart == CHART and question.chart_on == "question"
    robin = pack.question("robin")
    assert robin.chart is None and robin.chart_on == "reveal"  # the default: with the answer
    assert robin.image_alt == "A small brown bird with an orange breast."


@pytest.mark.parametrize("change, problem, line", [
    ("values: [410, 640]", "values: [410]", 18),
    ("chart_on: question", "chart_on: answer", 24),
    ("chart_on: question", "chart_on: questoin", 24),
    ("      title: Pupils enrolled\n", "", 19),
])
def test_a_broken_question_chart_is_reported_at_its_line(change, problem, line):
    text = PACK.replace("IMAGE", "https://example.org/robin.png").replace(change, problem)
    problems = list(parse_pack(text, "b.yaml").problems)
    assert any(p.startswith(f"b.yaml:{line}:") and "question 'pupils'" in p
               for p in problems), problems


def test_chart_on_without_a_chart_and_image_alt_without_an_image_are_mistakes():
    text = (PACK.replace("IMAGE", "https://example.org/robin.png")
            .replace("    image: https://example.org/robin.png\n", "")
            .replace("    chart:\n      title: Pupils enrolled\n      labels: [2015, 2025]\n"
                     "      values: [410, 640]\n      unit: pupils\n"
                     "      source: The annual report, table 1\n", ""))
    problems = list(parse_pack(text, "b.yaml").problems)
    assert any("image_alt but no image" in p for p in problems), problems
    assert any("chart_on but no chart" in p for p in problems), problems


@pytest.mark.parametrize("data", [PNG, JPEG, GIF, WEBP])
def test_a_real_picture_file_inside_the_folder_is_accepted(tmp_path: Path, data: bytes):
    path = write_pack(tmp_path / "pack", "plates/robin.png", data)
    assert problems_of(path) == []
    assert read_image_file(path.parent, "plates/robin.png") == (data, image_kind(data))


def test_a_picture_reached_through_a_link_inside_the_folder_is_accepted(tmp_path: Path):
    folder = tmp_path / "pack"
    path = write_pack(folder, "robin.png")
    os.symlink(folder / "robin.png", folder / "alias.png")
    path.write_text(PACK.replace("IMAGE", "alias.png"))
    assert problems_of(path) == []


def hostile_cases(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """name → (image as the pack writes it, the problem it must be refused with)."""
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    folder = tmp_path / "pack"
    folder.mkdir()
    os.symlink(outside, folder / "escape.png")  # a link leading out of the folder
    os.symlink(tmp_path, folder / "up")  # a linked folder leading out
    (folder / "notes.png").write_bytes(b"these are words, not a picture")
    (folder / "script.png").write_bytes(b"#!/bin/sh\nrm -rf /\n")
    with (folder / "huge.png").open("wb") as handle:  # sparse: 8 MB + 1 without the disk
        handle.write(PNG)
        handle.truncate(MAX_IMAGE_BYTES + 1)
    (folder / "dir.png").mkdir()
    return {
        "dotdot": ("../outside.png", "no '..'"),
        "absolute": (str(outside), "not absolute"),
        "backslash": ("..\\outside.png", "no '..'"),
        "symlink": ("escape.png", "outside the pack's folder"),
        "linked folder": ("up/outside.png", "outside the pack's folder"),
        "text": ("notes.png", "not a PNG, JPEG, GIF or WEBP"),
        "script": ("script.png", "not a PNG, JPEG, GIF or WEBP"),
        "too big": ("huge.png", "at most 8 MB"),
        "directory": ("dir.png", "is not a file"),
        "missing": ("gone.png", "not a file in the pack's folder"),
        "not a picture name": ("robin.txt", "should end in one of"),
        "nul": ('"robin\\0.png"', "control characters"),
    }


@pytest.mark.parametrize("case", ["dotdot", "absolute", "backslash", "symlink", "linked folder",
                                  "text", "script", "too big", "directory", "missing",
                                  "not a picture name", "nul"])
def test_a_hostile_picture_file_is_refused_at_its_line(tmp_path: Path, case: str):
    image, problem = hostile_cases(tmp_path)[case]
    path = tmp_path / "pack" / "birds.yaml"
    path.write_text(PACK.replace("IMAGE", image))
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:11:") and problem in p for p in problems), problems
    assert read_image_file(path.parent, image.strip('"').replace("\\0", "\0")) is None


def test_a_bad_picture_never_replaces_a_good_pack_even_from_the_compiled_cache(tmp_path: Path):
    class Cache(dict):
        def get(self, key):  # type: ignore[override]
            return super().get(key)

        def put(self, key, pack, id_line):
            self[key] = (pack, id_line)

    folder = tmp_path / "pack"
    write_pack(folder)
    library = PackLibrary(folder, compiled=Cache())
    assert library.load_directory() == []
    good = library.get("birds")
    (folder / "robin.png").write_bytes(b"<html>not a picture</html>")  # the pack file unchanged
    problems = library.load_directory()
    assert any("birds.yaml:11:" in p and "not a PNG" in p for p in problems), problems
    assert library.get("birds") is good  # the last good version stays


def test_an_upload_may_show_pictures_by_url_only(tmp_path: Path):
    with pytest.raises(PackError) as err:
        read_upload_full(PACK.replace("IMAGE", "robin.png"), "birds.yaml")
    [line] = [p for p in err.value.problems if "image" in p]
    assert line.startswith("birds.yaml:11:") and "https:// URL" in line
    ok = read_upload_full(PACK.replace("IMAGE", "https://example.org/robin.png"), "birds.yaml")
    assert ok.pack.question("robin").image == "https://example.org/robin.png"
    # a pack stored before the rule still loads (its picture is simply not shown)
    assert load_pack_text(PACK.replace("IMAGE", "robin.png"), "old.yaml").question("robin")


def test_charts_and_pictures_survive_dump_and_compiled_round_trips(tmp_path: Path):
    pack = load_pack(write_pack(tmp_path / "pack"))
    back = load_pack_text(dump_pack(pack), "again.yaml")
    assert back.questions == pack.questions
    assert compiled.from_json(compiled.to_json(pack)).questions == pack.questions
    assert isinstance(compiled.from_json(compiled.to_json(pack)).question("pupils").chart, Chart)


def test_the_drawing_cache_key_is_the_whole_chart_data():
    same = Chart("bar", "Pupils enrolled", ("2015", "2025"), (410.0, 640.0), "pupils",
                 "The annual report, table 1")
    assert chart_digest(same) == chart_digest(CHART)
    for changed in (Chart("bar", "Pupils enrolled", ("2015", "2025"), (410.0, 641.0), "pupils",
                          "The annual report, table 1"),
                    Chart("line", *list(vars(CHART).values())[1:]),
                    Chart(*list(vars(CHART).values())[:5], "Another source"),
                    Chart(*list(vars(CHART).values())[:6], ("about 410", "about 640"))):
        assert chart_digest(changed) != chart_digest(CHART)


def test_the_drawing_cache_and_the_attachment_name_use_that_key():
    from bot.charts import chart_key
    from bot.core.service.media import chart_ref

    assert chart_key(CHART) == chart_digest(CHART)
    assert chart_ref(CHART).name == f"chart-{chart_digest(CHART)[:16]}.png"


def test_a_chart_in_words_gives_every_value_and_the_source():
    assert chart_alt(CHART) == ("Bar chart, Pupils enrolled. 2015: 410 pupils; 2025: 640 "
                                "pupils. Source: The annual report, table 1")
    long = Chart("bar", "t" * 2000, ("a",), (1.0,))
    assert len(chart_alt(long)) == 1000


def test_a_chart_on_question_that_draws_the_number_asked_for_is_refused():
    text = PACK.replace("IMAGE", "https://example.org/robin.png").replace("answer: 230",
                                                                          "answer: 640")
    problems = list(parse_pack(text, "b.yaml").problems)  # the chart draws 640
    assert any(p.startswith("b.yaml:24:") and "would show the answer (640" in p
               for p in problems), problems
    assert parse_pack(text.replace("answer: 640", "answer: 641"), "b.yaml").problems == ()
    assert parse_pack(text.replace("    chart_on: question\n", ""), "b.yaml").problems == ()
