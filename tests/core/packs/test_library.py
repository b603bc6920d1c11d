"""PackLibrary: loading a directory, reloading without losing good packs, lookups and defaults."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.errors import UnknownPack
from bot.core.models import Pack, Source
from bot.core.packs.library import PackLibrary

ROOT = Path(__file__).resolve().parents[3]
STARTER = ROOT / "questions" / "starter.yaml"
FIXTURES = ROOT / "tests" / "data" / "packs"


def pack(pack_id: str) -> Pack:
    return Pack(pack_id, pack_id.title(), "", Source("t", "a", "o", "not stated"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(STARTER, tmp_path / "starter.yaml")
    shutil.copy(FIXTURES / "good.yaml", tmp_path / "tiny.yaml")
    return tmp_path


def test_loads_every_yaml_file(folder: Path) -> None:
    (folder / "notes.txt").write_text("not a pack")
    library = PackLibrary(folder)
    assert library.load_directory() == []
    assert library.ids() == ["starter", "tiny"]
    assert [p.id for p in library.all()] == ["starter", "tiny"]
    assert library.get("tiny").path == str(folder / "tiny.yaml")


def test_broken_files_are_reported_and_skipped(folder: Path) -> None:
    shutil.copy(FIXTURES / "broken.yaml", folder / "broken.yaml")
    library = PackLibrary(folder)
    problems = library.load_directory()
    assert problems and all(p.startswith(f"{folder / 'broken.yaml'}:") for p in problems)
    assert library.ids() == ["starter", "tiny"]


def test_a_bad_pack_never_replaces_a_good_one(folder: Path) -> None:
    library = PackLibrary(folder)
    library.load_directory()
    good = library.get("tiny")
    path = folder / "tiny.yaml"
    path.write_text(path.read_text().replace("answer: true", "answer: maybe"))
    problems = library.load_directory()
    assert f"{path}:14: question 'only' answer should be true or false (unquoted), not the " \
           f"text 'maybe'" in problems
    assert problems[-1] == f"{path}: not reloaded; still using the last good version of pack 'tiny'"
    assert library.get("tiny") is good
    # Fixed again: the new version replaces the old one.
    path.write_text(path.read_text().replace("answer: maybe", "answer: false"))
    assert library.load_directory() == []
    assert library.get("tiny").question("only").truth is False


def test_second_file_with_the_same_id_is_refused(folder: Path) -> None:
    library = PackLibrary(folder)
    shutil.copy(FIXTURES / "good.yaml", folder / "a-copy.yaml")  # sorts before tiny.yaml
    problems = library.load_directory()
    assert problems == [f"{folder / 'tiny.yaml'}:2: pack id 'tiny' is already used by "
                        f"{folder / 'a-copy.yaml'}; this file is not loaded"]
    assert library.get("tiny").path == str(folder / "a-copy.yaml")


def test_a_new_file_cannot_take_an_id_already_provided(folder: Path) -> None:
    library = PackLibrary(folder)
    library.load_directory()
    shutil.copy(FIXTURES / "good.yaml", folder / "a-copy.yaml")
    problems = library.load_directory()
    assert problems == [f"{folder / 'a-copy.yaml'}:2: pack id 'tiny' is already used by "
                        f"{folder / 'tiny.yaml'}; this file is not loaded"]
    assert library.get("tiny").path == str(folder / "tiny.yaml")


def test_removed_file_drops_its_pack_but_added_packs_stay(folder: Path) -> None:
    library = PackLibrary(folder)
    library.load_directory()
    library.add(pack("uploaded"))
    (folder / "tiny.yaml").unlink()
    assert library.load_directory() == []
    assert library.ids() == ["starter", "uploaded"]


def test_missing_directory_is_one_problem(tmp_path: Path) -> None:
    library = PackLibrary(tmp_path / "nowhere")
    assert library.load_directory() == [f"{tmp_path / 'nowhere'}: no such directory"]
    assert PackLibrary(None).load_directory() == []


def test_get_unknown_id_suggests_and_lists() -> None:
    library = PackLibrary()
    library.add(pack("starter"))
    library.add(pack("cartel-strikes"))
    with pytest.raises(UnknownPack) as raised:
        library.get("startr")
    assert str(raised.value) == ("no pack 'startr'; did you mean 'starter'? "
                                 "(installed: cartel-strikes, starter)")
    with pytest.raises(UnknownPack) as raised:
        library.get("zzz")
    assert str(raised.value) == "no pack 'zzz' (installed: cartel-strikes, starter)"


def test_default_id_prefers_the_course_pack_then_the_starter() -> None:
    library = PackLibrary()
    with pytest.raises(UnknownPack, match="no packs are installed"):
        library.default_id()
    library.add(pack("zebra"))
    library.add(pack("alpha"))
    assert library.default_id() == "alpha"
    library.add(pack("starter"))
    assert library.default_id() == "starter"
    library.add(pack("cartel-strikes"))
    assert library.default_id() == "cartel-strikes"


def test_a_lazy_pack_is_built_on_first_use_only() -> None:
    library = PackLibrary(None)
    library.add(pack("alpha"))
    built: list[str] = []

    def build() -> Pack:
        built.append("beta")
        return pack("beta")

    library.add_lazy("beta", build)
    assert library.ids() == ["alpha", "beta"] and "beta" in library and len(library) == 2
    assert not library.is_built("beta") and built == []
    assert library.get("beta").id == "beta" and library.is_built("beta")
    assert [p.id for p in library.all()] == ["alpha", "beta"] and built == ["beta"]


def test_a_lazy_pack_that_cannot_be_built_becomes_unknown() -> None:
    library = PackLibrary(None)
    library.add(pack("alpha"))
    library.add_lazy("gone", lambda: None)
    assert [p.id for p in library.all()] == ["alpha"]
    assert "gone" not in library
    with pytest.raises(UnknownPack):
        library.get("gone")


def test_add_replaces_a_lazy_pack_and_entry_hands_it_on_unbuilt() -> None:
    library = PackLibrary(None)
    library.add_lazy("beta", lambda: pack("beta"))
    other = PackLibrary(None)
    entry = library.entry("beta")
    assert callable(entry) and not library.is_built("beta")
    other.add_lazy("beta", entry)
    assert other.get("beta").id == "beta"
    library.add(pack("beta"))
    assert library.is_built("beta") and library.entry("missing") is None
