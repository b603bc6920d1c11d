"""`quizbot pack import` and `quizbot pack draft` through CliRunner on the real `bot.cli.cli`.

Every user mistake must end as one stderr line and a non-zero exit, never a traceback; a good
run prints YAML on stdout that `quizbot pack validate` accepts.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from bot.cli import cli
from bot.core.packs.formats import import_pack
from bot.core.packs.loader import load_pack_text

DATA = Path(__file__).resolve().parents[1] / "data" / "formats"
GIFT = DATA / "sample.gift"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_error_line(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_import_prints_yaml_that_validates(tmp_path: Path) -> None:
    result = run("pack", "import", GIFT)
    assert result.exit_code == 0, result.output
    assert result.stderr == "imported 8 questions from GIFT\n"
    assert load_pack_text(result.stdout, "out.yaml") == import_pack(GIFT.read_bytes(), str(GIFT))
    saved = tmp_path / "sample.yaml"
    saved.write_text(result.stdout, encoding="utf-8")
    check = run("pack", "validate", saved)
    assert check.exit_code == 0 and check.stdout == f"{saved}: ok (8 questions, 0 explainers)\n"


def test_import_each_format_by_extension_or_flag(tmp_path: Path) -> None:
    red = run("pack", "import", DATA / "geography.yaml", "--id", "geo")
    assert red.exit_code == 0 and red.stdout.startswith("id: geo\n")
    assert red.stderr.splitlines() == [  # each Red setting quizbot cannot keep is named
        f"warning: {DATA / 'geography.yaml'}:6: CONFIG max_score: 5 not kept (points to win a "
        f"game: quizbot plays a fixed number of questions (--count))",
        f"warning: {DATA / 'geography.yaml'}:7: CONFIG bot_plays: false not kept (the bot "
        f"answering too: quizbot never plays)",
        "imported 5 questions from Red trivia list; 2 warnings"]
    aiken = run("pack", "import", DATA / "sample-aiken.txt")
    assert aiken.stderr == "imported 3 questions from Aiken\n"
    odd = tmp_path / "questions.dat"
    odd.write_text("Q?\nA. x\nB. y\nANSWER: A\n", encoding="utf-8")
    forced = run("pack", "import", odd, "--format", "aiken")
    assert forced.exit_code == 0 and forced.stderr == "imported 1 question from Aiken\n"


def test_out_writes_the_file_and_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "pack.yaml"
    first = run("pack", "import", GIFT, "--out", out)
    assert first.exit_code == 0 and first.stdout == ""
    assert first.stderr == f"imported 8 questions from GIFT; wrote {out}\n"
    out.write_text("edited by the instructor", encoding="utf-8")
    again = run("pack", "import", GIFT, "--out", out)
    assert one_error_line(again) == f"quizbot: {out} already exists; pass --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "edited by the instructor"
    forced = run("pack", "import", GIFT, "--out", out, "--force")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("id: sample")


def test_problems_are_file_line_messages_and_exit_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gift"
    bad.write_text("Good?{T}\n\nBad?{~a ~b}\n\nMatch.{=a->1 =b->2}\n", encoding="utf-8")
    result = run("pack", "import", bad)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"quizbot: {bad}:3: question 2 has no right answer: mark it with '=' instead of '~'",
        f"{bad}:5: question 3 is a matching question (->), which quizbot does not have",
    ]


def test_skip_unsupported_warns_once_per_skipped_question(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.gift"
    mixed.write_text("Good?{T}\n\nMatch.{=a->1 =b->2}\n\nEssay.{}\n", encoding="utf-8")
    result = run("pack", "import", mixed, "--skip-unsupported")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"skipped: {mixed}:3: question 2 is a matching question (->), which quizbot does not "
        f"have",
        f"skipped: {mixed}:5: question 3 is an essay question ({{}}): there is no answer to "
        f"check",
        "imported 1 question from GIFT; 2 skipped",
    ]
    assert load_pack_text(result.stdout, "x.yaml").questions[0].id == "q1"


def test_user_mistakes_are_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Just some notes.\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.gift"
    latin1.write_bytes("Caf\xe9?{T}".encode("latin-1"))
    assert "does not exist" in one_error_line(run("pack", "import", tmp_path / "no.gift"), 2)
    assert "Invalid value for '--format'" in one_error_line(
        run("pack", "import", GIFT, "--format", "docx"), 2)
    assert one_error_line(run("pack", "import", GIFT, "--id", "Not Valid")).startswith(
        "quizbot: pack id 'Not Valid' is not valid")
    assert "cannot tell the format" in one_error_line(run("pack", "import", notes))
    assert "not UTF-8 text" in one_error_line(run("pack", "import", latin1))
    assert "is a directory" in one_error_line(run("pack", "import", tmp_path), 2)


def test_draft_prints_a_valid_pack_and_a_summary(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("In 2007, Mexico registered roughly 11,000 homicides in total.\n\n"
                       "President Vicente Fox sent 4,000 troops to the border.\n",
                       encoding="utf-8")
    result = run("pack", "draft", article, "--id", "week-1")
    assert result.exit_code == 0, result.output
    assert result.stderr == "drafted 2 questions from article.txt; check and rewrite each one\n"
    pack = load_pack_text(result.stdout, "draft.yaml")
    assert pack.id == "week-1" and len(pack.questions) == 2
    out = tmp_path / "draft.yaml"
    assert run("pack", "draft", article, "--out", out).exit_code == 0
    assert run("pack", "validate", out).exit_code == 0
    assert "already exists" in one_error_line(run("pack", "draft", article, "--out", out))


def test_draft_with_nothing_to_ask_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("nothing here at all.\n", encoding="utf-8")
    assert "no sentence with a figure worth asking about" in one_error_line(
        run("pack", "draft", article))


def test_pack_export_writes_each_format_and_names_the_losses(tmp_path: Path) -> None:
    yaml_out = run("pack", "export", "cartel-strikes")
    assert yaml_out.exit_code == 0 and yaml_out.stdout.startswith("id: cartel-strikes\n")
    aiken = run("pack", "export", "cartel-strikes", "--format", "aiken")
    assert aiken.exit_code == 0 and "\nANSWER: A\n" in aiken.stdout
    assert "warning: Aiken: explanations are not kept" in aiken.stderr
    assert aiken.stderr.splitlines()[-1].startswith("exported ")
    saved = tmp_path / "cartel.gift"
    gift_out = run("pack", "export", "cartel-strikes", "--format", "gift", "--out", saved)
    assert gift_out.exit_code == 0 and gift_out.stdout == ""
    again = run("pack", "import", saved)
    assert again.exit_code == 0, again.output
    assert one_error_line(run("pack", "export", "nope")).startswith("quizbot: no pack 'nope'")
