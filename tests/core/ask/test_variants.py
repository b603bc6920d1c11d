"""ask-log rows: variants of one question are one row; non-questions are dropped."""

from __future__ import annotations

import pytest

from bot.core.ask.variants import group_rows, is_question, variant_key


@pytest.mark.parametrize("text", ["help", "?", "k", "", "  !! ", "hi", "ok"])
def test_inputs_that_are_no_question_are_dropped(text):
    assert not is_question(text)


@pytest.mark.parametrize("text", ["photosynthesis", "why is the sky blue", "volcano?"])
def test_questions_are_kept(text):
    assert is_question(text)


def test_case_punctuation_and_word_order_share_one_key():
    assert variant_key("Why do volcanoes erupt?") == variant_key("volcanoes erupt why")
    assert variant_key("WHY do volcanoes ERUPT!!") == variant_key("why do volcanoes erupt")


def test_variants_are_grouped_with_counts_summed_and_the_common_wording_shown():
    rows = [("Why do volcanoes erupt?", 3, 10.0), ("why do volcanoes erupt", 1, 30.0),
            ("volcanoes erupt why", 1, 5.0), ("why do volcanos erupt", 2, 20.0),
            ("what is the tallest volcano", 1, 40.0), ("help", 9, 50.0), ("?", 4, 60.0)]
    groups = group_rows(rows)
    assert [(g.text, g.count, g.last_asked) for g in groups] == [
        ("Why do volcanoes erupt?", 7, 30.0), ("what is the tallest volcano", 1, 40.0)]


def test_different_questions_on_one_topic_stay_apart():
    groups = group_rows([("when did the bridge open", 1, 1.0), ("who built the bridge", 1, 2.0)])
    assert len(groups) == 2
