"""The `ask` matcher: a tiny in-code pack for behaviour, the real article pack for the goals."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.ask.analyzer import Vocabulary, analyze, normalize
from bot.core.ask.evaluate import ARTICLE_PACK, DEV_SET, evaluate, load_dev, right_fact
from bot.core.ask.index import MAX_ANSWER, REFUSAL, KnowledgeIndex, trim
from bot.core.models import Explainer, Pack, Question, QuestionType, Source

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


def tiny_packs() -> list[Pack]:
    article = Pack(
        id="article", title="Article", description="d", source=SOURCE,
        explainers=(
            Explainer("homicides", "Mexico's homicide figures",
                      "Mexico registered roughly 11,000 homicides in 2007 and more than 30,000 "
                      "in 2023.", examples=("how many murders in mexico in 2007",),
                      keywords=("homicides", "murders", "2007", "2023"),
                      quote="In 2007, Mexico registered roughly 11,000 homicides"),
            Explainer("fentanyl", "Why drones can't stop fentanyl",
                      "Fentanyl is synthetic and can be made in a single room, so strikes "
                      "from the air are unlikely to cut its flow.",
                      examples=("why cant drones stop fentanyl",),
                      keywords=("synthetic", "single room", "drones")),
            Explainer("culiacan", "Culiacán, a war zone",
                      "Culiacán, Sinaloa's capital of 1 million people, has been a war zone "
                      "since last September.", examples=("what is going on in culiacan",),
                      keywords=("culiacan", "sinaloa", "war zone")),
        ),
        questions=(
            Question("esper-twice", QuestionType.NUMBER,
                     "How many times did Trump ask Esper about missile strikes on labs?",
                     "The opening paragraph says Esper was asked twice. " + "More. " * 200,
                     number=2),
        ),
        # The subject's slang lives in the pack, not in the general code.
        glossary=(("mexico", ("mx", "mex")), ("fentanyl", ("fent", "fenty"))),
    )
    other = Pack(
        id="other", title="Other", description="d", source=Source("Other", "a", "b", "c"),
        explainers=(Explainer("photosynthesis", "How photosynthesis works",
                              "Plants turn light, water and carbon dioxide into sugar.",
                              examples=("how does photosynthesis work",),
                              keywords=("plants", "sunlight", "chlorophyll")),),
    )
    return [article, other]


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex(tiny_packs())


def test_plain_question_gets_the_sourced_short_answer(index):
    result = index.ask("How many homicides were there in Mexico in 2007?")
    assert result.matched and result.explainer == "homicides"
    assert "11,000" in result.answer and result.title == "Mexico's homicide figures"
    assert result.quote and result.source == "Test article" and result.pack_id == "article"
    assert 0 < result.confidence <= 1 and result.suggestions == ()


@pytest.mark.parametrize("text", [
    "homocides in mexcio 2007",          # typos
    "2007 mexico murders how many",      # word order
    "HOW MANY KILLINGS IN MX IN 2007??",  # shouting, slang, synonyms
    "wat were the murders in méxico in 2007",
])
def test_typos_slang_and_word_order_still_find_the_fact(index, text):
    result = index.ask(text)
    assert result.matched and result.explainer == "homicides", text


def test_synonyms_and_abbreviations_meet_the_article_words(index):
    assert index.ask("y wont airstrikes stop fent").explainer == "fentanyl"
    assert index.ask("is culiacan dangerous rn").explainer == "culiacan"


@pytest.mark.parametrize("text", [
    "who won the world cup", "what's the weather in paris", "help me with my math homework",
    "what is the capital of france", "lol", "how tall is the eiffel tower",
])
def test_off_topic_is_refused_with_at_most_three_suggestions(index, text):
    result = index.ask(text, "article")
    assert not result.matched and result.answer == REFUSAL
    assert result.explainer is None and result.title is None
    assert len(result.suggestions) <= 3
    assert set(result.suggestions) <= {"Mexico's homicide figures",
                                       "Why drones can't stop fentanyl", "Culiacán, a war zone"}


def test_near_topic_question_the_pack_cannot_answer_is_refused(index):
    result = index.ask("how many homicides were there in chicago in 2015")
    assert not result.matched
    assert result.suggestions[0] == "Mexico's homicide figures"  # the closest topic first


def test_pack_filter_keeps_other_packs_out(index):
    assert index.ask("how does photosynthesis work").explainer == "photosynthesis"
    assert not index.ask("how does photosynthesis work", "article").matched
    assert not index.ask("murders in mexico 2007", "other").matched
    assert not index.ask("murders in mexico 2007", "no-such-pack").matched


def test_question_explanations_are_secondary_documents_trimmed_to_600(index):
    result = index.ask("how many times did trump ask esper about missile strikes")
    assert result.matched and result.explainer == "question:esper-twice"
    assert "twice" in result.answer and len(result.answer) <= MAX_ANSWER


@pytest.mark.parametrize("text", [
    "", "   ", "\n\t", "?!?!", "🤔🔥💀", "x" * 10_000, "murders " * 2_000,
    "\x00\x1b[31m", "ÄÖÜ ß ﬁ", "2007", "how many murders in mexico in 2007 " + "🙂" * 3000,
])
def test_odd_input_never_crashes(index, text):
    result = index.ask(text)
    assert isinstance(result.answer, str) and len(result.answer) <= MAX_ANSWER
    assert 0.0 <= result.confidence <= 1.0 and len(result.suggestions) <= 3


@cache
def shared_index() -> KnowledgeIndex:
    return KnowledgeIndex(tiny_packs())


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_an_answer_or_a_refusal(text):
    result = shared_index().ask(text)
    assert result.matched == (result.explainer is not None)
    assert 0.0 <= result.confidence <= 1.0


def test_answers_are_deterministic(index):
    first = [index.ask(q) for q in ("drones fentanyl", "culiacan war", "2007 murders")]
    again = [KnowledgeIndex(tiny_packs()).ask(q) for q in ("drones fentanyl", "culiacan war",
                                                           "2007 murders")]
    assert first == again


def test_empty_index_refuses_everything():
    result = KnowledgeIndex([]).ask("how many murders in 2007")
    assert not result.matched and result.suggestions == ()


def test_normalisation_folds_numbers_accents_and_abbreviations():
    assert normalize("Culiacán's U.S. $800, 11,000 and 30k") == "culiacan us $ 800 11000 and 30000"
    assert analyze("Murders, killings and homicides") == ["kill", "kill", "kill"]
    assert analyze("can't we just talk") == []
    assert normalize("a city of a million people") == normalize("a city of 1 million people")


def test_typo_repair_is_length_aware():
    vocab = Vocabulary(["homicides fentanyl cartel Culiacán"])
    assert vocab.repair("homicdes") == "homicides"
    assert vocab.repair("fentanly") == "fentanyl"
    assert vocab.repair("cartle") == "cartel"
    assert vocab.repair("tall") is None  # short words are never "repaired" into others
    assert vocab.repair("banana") is None


def test_an_everyday_word_spelled_right_is_not_repaired_into_a_pack_word():
    vocab = Vocabulary(["the raid failed"])
    assert vocab.repair("faild") == "failed"
    assert vocab.repair("filed") == "filed"  # English, not a typo of "failed"


def test_a_four_letter_word_gets_only_a_unique_swap_repaired():
    vocab = Vocabulary(["fentanyl is made in labs; made mead"])
    assert vocab.repair("lasb") == "labs"  # one swapped pair, one word fits
    assert vocab.repair("maed") is None  # both "made" and "mead" fit: ambiguous, not guessed
    assert vocab.repair("alsb") is None  # the first letter is never moved
    assert vocab.repair("lbs") is None  # three letters: never repaired


def test_trim_cuts_at_a_word_boundary():
    text = "word " * 300
    cut = trim(text)
    assert len(cut) <= MAX_ANSWER and cut.endswith("…") and not cut.endswith(" …")


def test_right_fact_accepts_alternatives_and_ignores_accents():
    assert right_fact("Culiacán is a war zone", ["culiacan", "war zone|battlefield"])
    assert not right_fact("Culiacán", ["11,000"])


# -- the goals on the real article pack --------------------------------------------------------

@pytest.fixture(scope="module")
def article_index() -> KnowledgeIndex:
    if not ARTICLE_PACK.exists():
        pytest.skip(f"{ARTICLE_PACK.name} is not installed yet")
    from bot.core.packs.loader import load_pack

    return KnowledgeIndex([load_pack(ARTICLE_PACK)])


def test_dev_set_is_big_enough_and_held_out():
    dev = load_dev(DEV_SET)
    assert len(dev["on_topic"]) >= 120 and len(dev["off_topic"]) >= 60
    assert all(item["expect"] for item in dev["on_topic"])


def test_dev_set_meets_the_goals(article_index):
    report = evaluate(article_index, load_dev(DEV_SET), "all", "cartel-strikes")
    detail = "\n".join(report.misses)
    assert report.on_rate >= 0.95, f"{report.line('all')}\n{detail}"
    assert report.off_rate >= 0.96, f"{report.line('all')}\n{detail}"


def test_dev_set_examples_are_not_copied_into_the_pack(article_index):
    """The dev set stays held out: none of its questions may appear as a pack example."""
    dev = load_dev(DEV_SET)
    asked = {" ".join(normalize(item["q"]).split()) for item in dev["on_topic"]}
    asked |= {" ".join(normalize(q).split()) for q in dev["off_topic"]}
    from bot.core.packs.loader import load_pack

    examples = {normalize(e) for x in load_pack(ARTICLE_PACK).explainers for e in x.examples}
    assert not asked & examples


# Floors at what the matcher reached minus about two points, so a regression fails. The blind set
# was written from the article alone by someone who never saw the pack: the honest yardstick.
# Neither set may be copied into the pack or the lexicon; raise a floor only by general means.
@pytest.mark.parametrize(("name", "on_floor", "off_floor"), [
    ("ask_fresh.yaml", 0.93, 0.91),
    ("ask_blind.yaml", 0.90, 0.90),
    # Measured once at 85.0 % / 71.7 % when added; its off-topic failures then guided the detail
    # checks (ask_detail.py), 85.0 % / 91.7 % after them, so it is no longer blind.
    ("ask_blind2.yaml", 0.91, 0.91),
    # Measured blind at 85.0 % / 81.7 % when added; from round 4 on its misses were read while
    # tuning (general mechanisms only), so it is no longer blind either: 88.0 % / 81.7 % after,
    # 92.0 % / 86.7 % after round 5, 94.0 % / 88.3 % after round 6.
    ("ask_blind3.yaml", 0.92, 0.86),
    # Never read while tuning: the honest estimate for unseen questions (85.0 % / 88.3 %).
    ("ask_blind4.yaml", 0.83, 0.88),
    # Also never read while tuning (83.0 % / 91.7 %).
    ("ask_blind5.yaml", 0.81, 0.89),
])
def test_held_out_sets_stay_above_their_floors(article_index, name, on_floor, off_floor):
    report = evaluate(article_index, load_dev(DEV_SET.with_name(name)), "all", "cartel-strikes")
    detail = "\n".join(report.misses)
    assert report.on_rate >= on_floor, f"{report.line(name)}\n{detail}"
    assert report.off_rate >= off_floor, f"{report.line(name)}\n{detail}"


# Plain questions the pack's examples already held before either set was written (the blind set
# was written without seeing the pack): coincidences, not copies. Nothing may join this list.
_SAME_BY_CHANCE = {"who is pete hegseth", "how does the article end", "when was el chapo caught",
                   "el mayo", "who wrote this article",
                   # ask_blind2 was written (without seeing the pack) after these examples were:
                   "kingpin strategy", "culiacan", "whats the thesis", "who are the chapitos",
                   "is bombing cartels a new idea", "el chapo",
                   # and ask_blind3 (also written without the pack) after these:
                   "who is mark esper", "who is el mayo",
                   # and ask_blind4 (written without the pack or the other sets) after these:
                   "how big is culiacan", "when was el mayo captured", "thesis", "main point",
                   "how long has mexico used the kingpin strategy", "chapitos",
                   # and ask_blind5 (written the same way) after this one:
                   "hegseth"}


def test_held_out_sets_are_not_copied_into_the_pack():
    from bot.core.packs.loader import load_pack

    pack = load_pack(ARTICLE_PACK)
    written = {" ".join(normalize(t).split()) for x in pack.explainers
               for t in (*x.examples, *x.keywords)}
    for name in ("ask_fresh.yaml", "ask_blind.yaml", "ask_blind2.yaml", "ask_blind3.yaml",
                 "ask_blind4.yaml", "ask_blind5.yaml"):
        dev = load_dev(DEV_SET.with_name(name))
        asked = {" ".join(normalize(item["q"]).split()) for item in dev["on_topic"]}
        asked |= {" ".join(normalize(q).split()) for q in dev["off_topic"]}
        assert not (asked & written) - {normalize(q) for q in _SAME_BY_CHANCE}, name


# -- answerability: a how-many/when/who/where question needs a sentence that answers it ------

@pytest.mark.parametrize("text", [
    "how many murders were there in culiacan",     # the counted thing is not the city's number
    "how many drones does the army have",          # drones are there, no amount of them
    "how old is culiacan",                         # a number, but not an age
    "who is the mayor of culiacan",                # a name, but not the mayor's
    "when was fentanyl first made in a lab",       # fentanyl, but no date
    "what year did drones first hit fentanyl labs",
])
def test_near_topic_questions_without_an_answering_sentence_are_refused(index, text):
    assert not index.ask(text, "article").matched, text


@pytest.mark.parametrize(("text", "fact"), [
    ("how many people live in culiacan", "1 million"),
    ("since when has culiacan been a warzone", "since last September"),  # run-together words
    ("what year did mexico have 30,000 homicides", "2023"),
    ("how many homicides in mexico in 2007", "11,000"),
])
def test_typed_questions_with_an_answering_sentence_are_answered(index, text, fact):
    result = index.ask(text, "article")
    assert result.matched and fact in result.answer, (text, result)



def test_a_clear_near_miss_needs_a_margin_and_no_unknown_words(article_index):
    from dataclasses import replace

    loose = KnowledgeIndex.__new__(KnowledgeIndex)
    loose.__dict__.update(article_index.__dict__)
    loose.tuning = replace(article_index.tuning, lead_threshold=0.0, lead_coverage=0.0)
    text = "did capturing the top boss calm things down"
    found, _ = loose.score(text)
    assert loose.clear_lead(found, found[0], text) == (
        found[0].score - found[1].score >= loose.tuning.lead_margin)
    loose.tuning = replace(loose.tuning, lead_margin=-1.0)
    assert loose.clear_lead(found, found[0], text)
    # The same near miss with a word no pack uses stays refused: it may be about something else.
    text += " in zanzibar"
    found, _ = loose.score(text)
    assert not loose.clear_lead(found, found[0], text)


def test_explainers_about_the_article_itself_yield_to_subject_questions(article_index):
    meta = {d.key for d in article_index.docs if d.meta}
    assert "what-would-weaken-the-argument" in meta and "el-chapo" not in meta
    assert article_index.ask("what evidence would weaken the argument").explainer in meta
    assert article_index.ask("what are the gaps in the article").explainer in meta
    assert article_index.ask("why doesnt taking out a boss weaken a cartel").explainer not in meta


def test_a_presidents_term_is_his_administration():
    assert analyze("Trump's second term") == analyze("Trump's second administration")
    assert analyze("in his 1st term") == analyze("in his first administration")


def test_an_objection_is_not_its_rebuttal():
    assert analyze("counterargument") == analyze("objection")
    assert analyze("rebuttal") == analyze("refuted") != analyze("objection")


def test_chat_with_and_pr_abbreviations():
    assert analyze("angry w mexico") == analyze("angry mexico")
    assert analyze("mostly PR") == analyze("mostly public relations")


def test_stemming_undoubles_consonants_only():
    from bot.core.ask.analyzer import stem
    assert stem("agreeing") == stem("agree")  # "ee" is no doubled consonant
    assert stem("stopping") == stem("stop")
