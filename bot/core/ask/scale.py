"""Seeded packs of any size, and the two calls `quizbot bench` times: build an index, ask it.

Why here: the benchmark (issue 9) needs ~15k entries shaped like an imported trivia list
(prompt + accepted answer, placeholder explanation), and the tests need the same shape small;
one generator keeps them honest. Timing itself lives in `quizbot bench`, never in tests.

    packs = synthetic_packs(15_000, seed=1)
    index = build_index(packs)                 # time this: the index build
    index.ask("what is the capital of x12")    # and this: one question
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from bot.core.ask.index import KnowledgeIndex
from bot.core.models import Pack, Question, QuestionType, Source

PACK_SIZE = 300  # questions per generated pack, about one Red trivia list
_FORMS = ("What is the capital of {a}?", "Who wrote {a} {b}?", "Which element is {a}?",
          "In which year did the {a} {b} begin?", "What is the largest {a} in {b}?",
          "Which river flows through {a}?", "Who painted the {a} {b}?")
_SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ve", "su", "ne", "do", "ba", "ri", "zu", "fe", "go")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_packs(entries: int, seed: int = 0) -> list[Pack]:
    """`entries` text questions in packs of PACK_SIZE, every word drawn from `seed`."""
    rng = random.Random(seed)
    packs: list[Pack] = []
    for start in range(0, entries, PACK_SIZE):
        questions = tuple(
            Question(f"q{i}", QuestionType.TEXT,
                     rng.choice(_FORMS).format(a=_word(rng).title(), b=_word(rng)),
                     "Imported from Red trivia list; no explanation given.",
                     answers=(_word(rng).title(),))
            for i in range(start, min(entries, start + PACK_SIZE)))
        packs.append(Pack(f"synthetic-{start // PACK_SIZE + 1}", "Synthetic trivia", "Generated.",
                          Source("Generated list", "quizbot", "bench", "not stated"),
                          questions=questions))
    return packs


def build_index(packs: Sequence[Pack]) -> KnowledgeIndex:
    """The index `ask` uses (the same constructor the service's catalog calls)."""
    return KnowledgeIndex(packs)
