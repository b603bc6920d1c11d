"""Listings read stored pack summaries: a start decodes no question until a pack is used."""

from pathlib import Path

from sample_pack import make_pack

from bot.core.models import Actor
from bot.core.packs import compiled
from bot.core.packs.library import PackLibrary
from bot.core.service import QuizService
from bot.store.db import Store

TEACHER = Actor("g1", "t", "Teacher", can_manage_guild=True)
PACK = (Path(__file__).resolve().parents[2] / "data" / "packs" / "volcanoes.yaml").read_text(
    encoding="utf-8")


def open_service(path: Path) -> QuizService:
    library = PackLibrary(None)
    library.add(make_pack())
    return QuizService(Store.open(str(path)), library)


def test_a_new_process_lists_and_completes_packs_without_building_them(tmp_path):
    first = open_service(tmp_path / "db.sqlite3")
    installed = first.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    first.close()
    service = open_service(tmp_path / "db.sqlite3")
    listed = {p.id: p for p in service.catalog.list_packs("g1")}
    assert listed["volcanoes"] == installed
    assert service.catalog.pack_ids("g1", "volc") == [("volcanoes", installed.title)]
    assert service.catalog.summary("g1", "volcanoes") == installed
    library = service.catalog.library("g1")
    assert not library.is_built("volcanoes")
    assert len(service.catalog.pack("g1", "volcanoes").questions) == installed.questions
    assert library.is_built("volcanoes")
    assert service.catalog.list_packs("g1") == list(listed.values())
    service.close()


def test_a_pack_compiled_before_summaries_gets_one_on_its_next_read(tmp_path):
    first = open_service(tmp_path / "db.sqlite3")
    installed = first.pack_admin.install_pack(TEACHER, PACK, "volcanoes.yaml")
    first.store.db.execute("DELETE FROM pack_summaries")
    first.close()
    service = open_service(tmp_path / "db.sqlite3")
    assert [p for p in service.catalog.list_packs("g1") if p.id == "volcanoes"] == [installed]
    row = service.store.guild_pack_listing("g1", compiled.COMPILER)[0]
    assert row["summary_json"] == compiled.summary_json(service.catalog.pack("g1", "volcanoes"))
    service.close()
