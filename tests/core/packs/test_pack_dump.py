"""dump_pack: the YAML it writes is read back by our own loader to the very same Pack.

The property test builds packs the loader could have produced (stripped non-empty text, valid
ids, finite numbers, topics declared) and checks `load_pack_text(dump_pack(p)) == p`; the
example tests pin the layout an instructor sees.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.models import TAGS, Explainer, Pack, Question, QuestionType, Source
from bot.core.packs.dump import dump_pack
from bot.core.packs.limits import MAX_NUMBER
from bot.core.packs.loader import load_pack, load_pack_text
from tests.core.sample_pack import make_pack

ROOT = Path(__file__).resolve().parents[3]

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30) \
    .map(str.strip).filter(bool)
tricky = st.sampled_from(["no", "yes", "12:30", "0x1F", "1e3", "true", "~", "null", "- a",
                          "#x", "a: b", "'q'", '"q"', "010", "1.50", "y", "[x]", "{a}", "*a",
                          "&a", "!tag", "%x", "@x", "`x", "|", ">", "2025-04-08", "π ≈ 3.14",
                          "line\nbreak", "tab\tin", "a\u2028x", "x\x85y", "😀 emoji"])
words = st.one_of(texts, tricky.map(str.strip))
# The loader takes numbers up to MAX_NUMBER either way (issue 10: 1e400 and 320-digit answers).
numbers = st.floats(-MAX_NUMBER, MAX_NUMBER, allow_nan=False, allow_infinity=False, width=64)


@st.composite
def questions(draw: st.DrawFn, qid: str, topics: tuple[str, ...]) -> Question:
    kind = draw(st.sampled_from(list(QuestionType)))
    fields: dict[str, object] = {}
    if kind in (QuestionType.CHOICE, QuestionType.ORDER, QuestionType.SELECT_ALL):
        choices = tuple(draw(st.lists(words, min_size=2, max_size=10, unique=True)))
        fields["choices"] = choices
        if kind is QuestionType.CHOICE:
            fields["answer"] = draw(st.sampled_from(choices))
        elif kind is QuestionType.SELECT_ALL:  # a non-empty subset, in display order
            right = draw(st.sets(st.sampled_from(choices), min_size=1))
            fields["answers"] = tuple(c for c in choices if c in right)
        else:
            fields["order"] = tuple(draw(st.permutations(choices)))
    elif kind is QuestionType.TRUEFALSE:
        fields["truth"] = draw(st.booleans())
    elif kind is QuestionType.TEXT:
        fields["answers"] = tuple(draw(st.lists(words, min_size=1, max_size=4)))
    else:
        fields["number"] = draw(numbers)
        fields["tolerance"] = draw(st.floats(0, 1))
    return Question(
        id=qid, type=kind, prompt=draw(words), explanation=draw(words),
        hints=tuple(draw(st.lists(words, max_size=2))),
        quote=draw(st.none() | words),
        topic=draw(st.sampled_from(topics)) if topics and draw(st.booleans()) else None,
        tags=tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2))),
        difficulty=draw(st.integers(1, 3)), points=draw(st.integers(1, 10**6)),
        **fields,  # type: ignore[arg-type]
    )


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    topics = tuple(draw(st.lists(words, max_size=3, unique=True)))
    qids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    qs = tuple(draw(questions(qid, topics)) for qid in qids)
    eids = draw(st.lists(ids, max_size=2, unique=True))
    explainers = tuple(
        Explainer(id=eid, title=draw(words), short=draw(words),
                  body=draw(st.just("") | words),
                  examples=tuple(draw(st.lists(words, max_size=2))),
                  keywords=tuple(draw(st.lists(words, max_size=2))),
                  quote=draw(st.none() | words),
                  related=tuple(draw(st.lists(st.sampled_from(qids), max_size=2, unique=True))),
                  topic=draw(st.sampled_from(topics)) if topics and draw(st.booleans()) else None)
        for eid in eids)
    url = draw(st.none() | words.map(lambda w: "https://" + w))
    source = Source(draw(words), draw(words), draw(words), draw(words), url)
    return Pack(id=draw(ids), title=draw(words), description=draw(words), source=source,
                topics=topics, questions=qs, explainers=explainers)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_dump_then_load_gives_the_same_pack(pack: Pack) -> None:
    assert load_pack_text(dump_pack(pack), "dumped.yaml") == pack


def test_sample_pack_round_trips() -> None:
    pack = make_pack()
    assert load_pack_text(dump_pack(pack), "sample.yaml") == pack


def test_bundled_packs_round_trip() -> None:
    for path in sorted((ROOT / "questions").glob("*.yaml")):
        pack = load_pack(path)
        again = load_pack_text(dump_pack(pack), path.name)
        assert again == Pack(**{**pack.__dict__, "path": None}), path.name


def test_layout_is_readable_yaml() -> None:
    question = Question("q1", QuestionType.NUMBER, "How many?", "The second paragraph.",
                        number=11000.0, tolerance=0.05, tags=("figure",))
    yes_no = Question("q2", QuestionType.CHOICE, "Pick one", "Because.", choices=("yes", "no"),
                      answer="no")
    pack = Pack("demo", "Demo", "A demo.", Source("T", "A", "O", "not stated"),
                questions=(question, yes_no))
    assert dump_pack(pack) == (
        'id: demo\ntitle: "Demo"\ndescription: "A demo."\nsource:\n  title: "T"\n'
        '  author: "A"\n  outlet: "O"\n  date: "not stated"\n\nquestions:\n'
        '  - id: q1\n    type: number\n    prompt: "How many?"\n    answer: 11000\n'
        '    tolerance: 0.05\n    explanation: "The second paragraph."\n    tags: [figure]\n\n'
        '  - id: q2\n    type: choice\n    prompt: "Pick one"\n    choices:\n      - "yes"\n'
        '      - "no"\n    answer: "no"\n    explanation: "Because."\n'
    )
