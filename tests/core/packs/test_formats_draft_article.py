"""The drafter on an article laid out as newspapers publish them (a subject other than the
course article): header into the source, abbreviations, titles, amounts, distractors."""

from __future__ import annotations

from bot.core.judge.verdicts import judge
from bot.core.models import QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats import draft_pack
from bot.core.packs.formats.draft_text import sentences
from bot.core.packs.loader import load_pack_text

ARTICLE = """Libraries Are Lending More Than Books
By Amara Osei, Staff Reporter
May 4, 2025

Last year the Dunmore Public Library lent 1.2 million items, and Mayor Clara Voss called it the
busiest year on record. The city spent $4.5 million on the Dunmore Public Library system.

Tools and seeds

St. Agnes branch now lends 300 power tools to members every month. That number doubled in a
year. The branch manager, Dr. Felix Marr, said the seed library gave away 9,000 packets of
seeds in spring.

The U.S. average for spending per resident is about $42, while Dunmore spends $61 per resident.
Each of the 14 branches opens seven days a week, and the board approved $2.1 million for new
roofs. Donors gave $1.8 million last year, and the state added $3.2 million.
"""


def draft():  # type: ignore[no-untyped-def]
    return draft_pack(ARTICLE, "libraries.txt")


def test_headline_byline_and_date_go_to_the_source_not_into_questions() -> None:
    pack = draft()
    assert pack.source.title == "Libraries Are Lending More Than Books"
    assert pack.source.author == "Amara Osei" and pack.source.date == "May 4, 2025"
    prompts = " ".join(q.prompt for q in pack.questions)
    assert "Amara Osei" not in prompts and "Staff Reporter" not in prompts
    assert "Tools and seeds" not in prompts  # a section heading
    assert [e.title for e in pack.explainers][1] == "Tools and seeds"
    assert len(pack.explainers) == 3  # one stub per paragraph
    assert load_pack_text(dump_pack(pack), "again.yaml") == pack


def test_abbreviations_never_split_sentences() -> None:
    text = "St. Agnes met Dr. Felix Marr in the U.S. capital. Then Mr. J. Smith left."
    assert sentences(text) == ["St. Agnes met Dr. Felix Marr in the U.S. capital.",
                               "Then Mr. J. Smith left."]


def test_amounts_keep_unit_and_scale_and_each_fact_is_asked_once() -> None:
    questions = draft().questions
    lent = next(q for q in questions if q.number == 1.2)
    assert lent.scale == "million" and judge(lent, "1,200,000").correct
    spent = next(q for q in questions if "$4.5 million" in (q.choices or ("$4.5 million",))
                 and (q.number == 4.5 or q.answer == "$4.5 million"))
    assert spent is not None
    values = [q.number or q.answer for q in questions]
    assert len(values) == len(set(values))  # each fact once
    assert not any("That number" in q.prompt for q in questions)  # leans on the sentence before


def test_names_are_never_blanked_and_choices_draw_distractors_of_the_same_kind() -> None:
    questions = draft().questions
    assert all(q.type in (QuestionType.NUMBER, QuestionType.CHOICE) for q in questions)
    assert not any("Felix" in (q.answer or "") for q in questions)  # names are context, not blanks
    assert all("Dr. Felix Marr" in q.prompt for q in questions if "seed library" in q.prompt)
    choices = [q for q in questions if q.type is QuestionType.CHOICE]
    assert choices and all(len(q.choices) == 4 and q.answer in q.choices for q in choices)
    dollars = [q for q in choices if q.answer and q.answer.startswith("$")]
    assert all(all(c.startswith("$") and c.endswith(q.answer.split()[-1]) for c in q.choices)
               for q in dollars)  # same kind: unit and scale
