"""Packs are parsed once: compiled to JSON when installed or first seen, read back after that."""

from pathlib import Path

import yaml

from bot.core.packs import compiled, loader
from bot.core.packs.compose import compose
from bot.core.packs.library import PackLibrary
from bot.core.packs.nodes import Problems
from bot.core.service.catalog import StoredCompiledPacks
from bot.store.db import Store

QUESTIONS = Path(__file__).resolve().parents[3] / "questions"


def _count_parses(monkeypatch):
    calls = []
    real = loader.parse_pack

    def counting(data, filename, **options):
        calls.append(filename)
        return real(data, filename, **options)

    monkeypatch.setattr(loader, "parse_pack", counting)
    return calls


def test_every_bundled_pack_round_trips_through_its_compiled_form():
    library = PackLibrary(QUESTIONS)
    assert library.load_directory() == []
    for pack in library.all():
        back, id_line = compiled.load(compiled.to_json(pack, 3))
        assert back == pack and id_line == 3
        assert all(back.question(q.id) is back.questions[i] for i, q in enumerate(pack.questions))


def test_a_field_missing_from_older_json_takes_its_default_as_the_constructor_gives_it():
    import dataclasses
    import json

    from bot.core.models import Question

    pack = PackLibrary(QUESTIONS)
    pack.load_directory()
    first = pack.all()[0]
    raw = json.loads(compiled.to_json(first))
    defaulted = [f for f in dataclasses.fields(Question)
                 if f.default is not dataclasses.MISSING
                 or f.default_factory is not dataclasses.MISSING]
    for question in raw["questions"]:
        for f in defaulted:
            question.pop(f.name, None)
    back, _ = compiled.load(json.dumps(raw))
    rebuilt = [Question(**{k: v for k, v in dataclasses.asdict(q).items()
                           if k not in {f.name for f in defaulted}}) for q in first.questions]
    assert [q for q in back.questions] == rebuilt


def test_a_second_start_reads_bundled_packs_without_parsing_yaml(tmp_path, monkeypatch):
    calls = _count_parses(monkeypatch)
    store = Store.open(tmp_path / "q.sqlite3")
    first = PackLibrary(QUESTIONS, compiled=StoredCompiledPacks(store))
    first.load_directory()
    assert len(calls) == len(first) > 0
    second = PackLibrary(QUESTIONS, compiled=StoredCompiledPacks(Store.open(store.path)))
    assert second.load_directory() == []
    assert len(calls) == len(first)  # nothing parsed again
    assert second.all() == first.all()


def test_an_edited_file_is_compiled_again(tmp_path, monkeypatch):
    folder = tmp_path / "packs"
    folder.mkdir()
    source = (QUESTIONS / "starter.yaml").read_text(encoding="utf-8")
    (folder / "starter.yaml").write_text(source, encoding="utf-8")
    store = Store.open(tmp_path / "q.sqlite3")
    PackLibrary(folder, compiled=StoredCompiledPacks(store)).load_directory()
    (folder / "starter.yaml").write_text(source.replace("title: \"", "title: \"Edited ", 1),
                                         encoding="utf-8")
    calls = _count_parses(monkeypatch)
    library = PackLibrary(folder, compiled=StoredCompiledPacks(store))
    library.load_directory()
    assert len(calls) == 1 and library.all()[0].title.startswith("Edited ")


def test_an_edited_article_beside_a_pack_compiles_it_again(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    source = (QUESTIONS / "starter.yaml").read_text(encoding="utf-8")
    (folder / "notes.txt").write_text("First version of the article.", encoding="utf-8")
    (folder / "starter.yaml").write_text(source.replace(
        "source:\n", "source:\n  text: notes.txt\n", 1), encoding="utf-8")
    store = Store.open(tmp_path / "q.sqlite3")
    first = PackLibrary(folder, compiled=StoredCompiledPacks(store))
    assert first.load_directory() == []
    (folder / "notes.txt").write_text("Second version of the article.", encoding="utf-8")
    again = PackLibrary(folder, compiled=StoredCompiledPacks(store))
    again.load_directory()
    assert again.all()[0].source != first.all()[0].source


def test_libyaml_composes_the_same_nodes_and_line_marks_as_the_pure_parser():
    text = (QUESTIONS / "cartel-strikes.yaml").read_text(encoding="utf-8")
    fast = compose(text, Problems("x"))

    def shape(node):
        head = (type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column,
                getattr(node, "style", None))
        if isinstance(node.value, str):
            return (*head, node.value)
        if node.value and isinstance(node.value[0], tuple):
            return (*head, [(shape(k), shape(v)) for k, v in node.value])
        return (*head, [shape(item) for item in node.value])

    assert shape(fast) == shape(yaml.compose(text, Loader=yaml.SafeLoader))
