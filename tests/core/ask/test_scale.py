"""The benchmark's generator and index: right shape, answerable, seeded (no timing here)."""

from bot.core.ask.scale import PACK_SIZE, build_index, synthetic_packs


def test_synthetic_packs_are_seeded_and_sized():
    packs = synthetic_packs(PACK_SIZE + 5, seed=3)
    assert [len(p.questions) for p in packs] == [PACK_SIZE, 5]
    assert synthetic_packs(PACK_SIZE + 5, seed=3) == packs
    assert synthetic_packs(PACK_SIZE + 5, seed=4) != packs


def test_an_index_over_them_answers_a_question_with_its_accepted_answer():
    packs = synthetic_packs(600, seed=1)
    index = build_index(packs)
    question = packs[1].questions[7]
    result = index.ask(question.prompt)
    assert result.matched and question.answers[0] in result.answer
    assert "no explanation given" not in result.answer
