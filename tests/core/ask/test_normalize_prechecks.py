"""base_normalize skips a rewrite when its trigger is absent: the pre-checks must never change a
result. Checked against the rewrites applied unconditionally, in the same order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.ask import analyzer as a
from bot.core.ask.lexicon import PHRASES

PIECES = [*"abkmt b,.'%$0123456789 -", "million", " thousand", " billion", " a ", " one ", "é",
          "²", "U.S.", "’s", "٣", "\x1c", "k ", " bn", *(src for src, _ in PHRASES), "s", "es"]


def unconditional(text: str) -> str:
    text = a.fold(text[:a.MAX_QUERY_CHARS * 4])
    text = a._ABBREV_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = a._THOUSANDS.sub("", text)
    text = a._SCALED.sub(a._scale, a._ONE_SCALE.sub(r"1 \1", text))
    text = a._POSSESSIVE.sub("", text).replace("'", "")
    text = a._SYMBOLS.sub(r" \1 ", a._NON_WORD.sub(" ", text))
    text = " ".join(text.split())
    return a._PHRASE_RE.sub(lambda m: a._PHRASE_OF[m.group(1)], text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_prechecks_never_change_a_result(text):
    assert a.base_normalize(text) == unconditional(text)


def test_each_rewrite_still_applies_where_its_trigger_is():
    assert a.base_normalize("About 11,000 died, 2.5k fled; a million moved") == \
        "about 11000 died 2500 fled 1000000 moved"
    assert a.base_normalize("The U.S. said 24% paid $800") == "the us said 24 % paid $ 800"
    assert a.base_normalize("Tell us about the air strikes") == \
        unconditional("Tell us about the air strikes")


GLOSSARY = (("united states", ("us of a", "the states")), ("cat", ("kitty", "moggy cat")),
            ("drug war", ("war on drugs", "narco war")))
GLOSSARY_PIECES = ["us", "of", "a", "the", "states", "kitty", "kittys", "kittyes", "moggy",
                   "cat", "cats", "war", "on", "drugs", "narco", "x", "5", "%", "$"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GLOSSARY_PIECES), max_size=10).map(" ".join))
def test_the_glossary_precheck_never_changes_a_rewrite(text):
    from bot.core.ask.glossary import Glossary

    glossary = Glossary.build(GLOSSARY)
    assert glossary.pattern is not None
    assert glossary.rewrite(text) == glossary.pattern.sub(
        lambda m: glossary.phrases[m.group(1)], text)
