"""What the core says (judge reasons, refusals) and every Discord reply come from a catalog: a
sentence written as a raw English literal where a user reads it fails here, so it cannot ship
without its Spanish (the key test in test_catalogs then demands the translation)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import bot.core.errors as core_errors
from bot.core.errors import InvalidInput, QuizError
from bot.core.judge.phrases import JUDGE
from bot.core.judge.verdicts import judge_number, judge_text
from bot.core.service.phrases import SERVICE
from bot.core.text.said import Said
from bot.i18n import error_text, messages, render, said
from bot.i18n.en import CORE_BOOKS, UI
from bot.i18n.en_staff import STAFF

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-z]{3,}")
QUIZ_ERRORS = {name for name, value in vars(core_errors).items()
               if isinstance(value, type) and issubclass(value, QuizError)}
# A pack file's problems are `FILE:LINE: message` lines for whoever edits the file (English,
# like a compiler's), and the store's errors name database files for whoever hosts the bot.
FILE_PROBLEMS = {"PackError", "StoreError", "StoreBusy"}
VERDICT_MAKERS = {"Verdict": 1, "TextJudgement": 1, "ask_again": 0}


def _english(node: ast.AST) -> str | None:
    """The literal English in `node` (a string, an f-string, a + of them), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, ast.BinOp):
        return _english(node.left) or _english(node.right)
    elif isinstance(node, ast.IfExp):
        return _english(node.body) or _english(node.orelse)
    else:
        return None
    return text if WORD.search(text) and not text.lstrip().startswith("/") else None


def _name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _calls(folder: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                yield path.relative_to(ROOT), node


def test_the_core_phrasebooks_are_merged_into_english_without_collisions() -> None:
    core = [key for book in CORE_BOOKS for key in book.english]
    assert len(core) == len(set(core)) > 100
    assert not set(core) & set(UI) and not set(core) & set(STAFF) and not set(UI) & set(STAFF)
    assert len(messages("en")) == len(core) + len(UI) + len(STAFF)


def test_every_core_phrasebook_is_merged_into_english() -> None:
    from importlib import import_module

    from bot.core.text.said import Phrasebook

    books = []
    for path in sorted((ROOT / "bot" / "core").rglob("phrases.py")):
        module = import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        books += [v for v in vars(module).values() if isinstance(v, Phrasebook)]
    assert len(books) >= 6 and all(any(book is b for b in CORE_BOOKS) for book in books)


def test_the_core_refuses_and_judges_only_in_phrasebook_sentences() -> None:
    found = []
    for path, call in _calls("bot/core"):
        name = _name(call.func)
        if name in QUIZ_ERRORS - FILE_PROBLEMS and call.args:
            found += [f"{path}:{call.lineno}: {name}({text!r})"
                      for text in [_english(call.args[0])] if text]
        if name in VERDICT_MAKERS and len(call.args) > VERDICT_MAKERS[name]:
            text = _english(call.args[VERDICT_MAKERS[name]])
            found += [f"{path}:{call.lineno}: {name}(… {text!r})"] if text else []
    assert found == [], "say these through a phrasebook (bot/core/*/phrases.py)"


def test_every_permission_refusal_names_an_action_with_a_phrase() -> None:
    actions = [(path, call.lineno, call.args[1].value) for path, call in _calls("bot/core")
               if _name(call.func) in ("require_instructor", "require_moderator")
               and len(call.args) > 1 and isinstance(call.args[1], ast.Constant)]
    assert len(actions) >= 8
    missing = [a for a in actions if f"doing.{a[2]}" not in SERVICE.english]
    assert missing == [], "add doing.<words> to bot/core/service/phrases.py"


REPLY_ARG0 = {"send_message", "send", "notice", "edit_original_response"}
REPLY_KEYWORDS = {"content", "title", "description", "name", "value", "text", "placeholder"}
REPLY_BUILDERS = {"send_message", "send", "edit_message", "Embed", "add_field", "set_footer",
                  "set_author", "insert_field_at", "set_field_at", "edit_original_response"}


def test_discord_replies_come_from_the_catalog() -> None:
    found = []
    for path, call in _calls("bot/discord_app"):
        name = _name(call.func)
        texts = [call.args[0]] if name in REPLY_ARG0 and call.args else []
        if name == "reply_privately" and len(call.args) > 1:
            texts.append(call.args[1])
        if name in REPLY_BUILDERS:
            texts += [k.value for k in call.keywords if k.arg in REPLY_KEYWORDS]
        if name in QUIZ_ERRORS and call.args:
            texts.append(call.args[0])
        found += [f"{path}:{call.lineno}: {name}: {e!r}" for e in map(_english, texts) if e]
    assert found == [], "use bot.i18n.t(lang, key) (and add the key to en and es)"


def test_a_said_sentence_is_its_english_and_renders_in_spanish() -> None:
    reason = judge_text("Cape Twon", ["Cape Town"]).reason
    assert reason == str(reason)  # today's English, whatever the frontend
    typo = judge_text("Pariss", ["Paris"]).reason
    assert typo == "Close enough: accepted despite a typo ('Pariss' for 'Paris')."
    assert isinstance(typo, Said) and render("es", typo) == \
        "Se da por buena pese a una errata ('Pariss' por 'Paris')."
    margin = judge_number("105", 100, 0.1).reason
    assert render("es", margin) == "Se da por buena: 105 está dentro del margen aceptado (±10 %)."
    assert render("fr", margin) == margin  # not shipped: English
    assert render("es", "plain text") == "plain text"


def test_a_nested_sentence_is_rendered_whole() -> None:
    inner = JUDGE.say("judge.no_option")
    outer = Said("play.try_again", messages("en")["play.try_again"], {"reason": inner})
    assert outer == "That matches none of the options: answer with a letter. Try again."
    assert render("es", outer) == ("Eso no coincide con ninguna opción: responde con una letra. "
                                   "Inténtalo de nuevo.")


def test_an_error_keeps_its_key_through_raise_and_copy() -> None:
    import copy
    import pickle

    with pytest.raises(InvalidInput) as caught:
        raise InvalidInput(SERVICE.say("quiz.empty"))
    assert str(caught.value) == "Empty answer: type something, or skip."
    assert error_text("es", caught.value) == "Respuesta vacía: escribe algo o sáltala."
    for clone in (copy.deepcopy(caught.value.args[0]),
                  pickle.loads(pickle.dumps(caught.value.args[0]))):
        assert isinstance(clone, Said) and clone.key == "quiz.empty"
    assert error_text("es", QuizError("free text")) == "free text"
    assert error_text("es", QuizError(said("error.guild_only"))).startswith("Este comando")


def test_alt_texts_of_charts_and_pictures_follow_the_reader() -> None:
    from dataclasses import replace

    from sample_pack import make_pack

    from bot.core.models import Chart, Question, QuestionType
    from bot.core.packs.charts import chart_alt
    from bot.core.results import Media
    from bot.core.service.media import question_media
    from bot.discord_app.media import files_for

    chart = Chart("line", "Pupils enrolled", ("2015", "2025"), (410.0, 640.0), "pupils",
                  "The annual report")
    assert chart_alt(chart) == ("Line chart, Pupils enrolled. 2015: 410 pupils; 2025: 640 "
                                "pupils. Source: The annual report")
    assert render("es", chart_alt(chart)) == ("Gráfico de líneas, Pupils enrolled. 2015: 410 "
                                              "pupils; 2025: 640 pupils. Fuente: The annual report")
    question = Question("q1", QuestionType.TRUEFALSE, "Is it?", "Yes.", truth=True,
                        image="https://example.org/robin.png")
    (picture,) = question_media(question, replace(make_pack(), questions=(question,)))
    assert picture.alt == "A picture for this question (robin.png)"
    (file,) = files_for([Media("robin.png", b"png", picture.alt)], lang="es")
    assert file.description == "Una imagen para esta pregunta (robin.png)"
