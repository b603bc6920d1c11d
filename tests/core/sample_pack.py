"""A small in-code pack for core and store tests (no YAML, no loader needed)."""

from __future__ import annotations

from bot.core.models import Explainer, Pack, Question, QuestionType, Source

SOURCE = Source("Test article", "nobody", "nowhere", "not stated")


def make_pack(pack_id: str = "sample") -> Pack:
    questions = (
        Question("capital", QuestionType.TEXT, "Which city is Sinaloa's capital?",
                 "The paragraph on El Mayo names it.", answers=("Culiacán",),
                 hints=("It starts with C.", "Culi…"), topic="sinaloa", points=100),
        Question("homicides-2007", QuestionType.NUMBER, "Homicides in Mexico in 2007?",
                 "The homicide paragraph gives roughly 11,000.", number=11000, tolerance=0.05,
                 topic="violence"),
        Question("president", QuestionType.CHOICE, "Which president began militarization?",
                 "The history paragraph names Vicente Fox.",
                 choices=("Vicente Fox", "Pablo Escobar", "Mark Esper"), answer="Vicente Fox",
                 topic="history"),
        Question("synthetic", QuestionType.TRUEFALSE, "Fentanyl is a synthetic drug.",
                 "The fentanyl paragraph says so.", truth=True, topic="fentanyl"),
        Question("timeline", QuestionType.ORDER, "Earliest first.",
                 "The article dates each event.",
                 choices=("El Mayo captured", "Fox in office", "El Chapo captured"),
                 order=("Fox in office", "El Chapo captured", "El Mayo captured"),
                 topic="history"),
    )
    explainers = (
        Explainer("homicides", "Homicide figures", "About 11,000 in 2007; over 30,000 in 2023.",
                  examples=("how many murders in mexico",), related=("homicides-2007",)),
    )
    return Pack(pack_id, "Sample pack", "For tests.", SOURCE, ("sinaloa", "violence", "history",
                "fentanyl"), questions, explainers)


def wrong_answer(question: Question) -> str:
    """An answer in the question's form that is wrong: another option, the other truth, a
    different number, the order reversed, unrelated words. (A response not in the form at all
    is refused and asked again, not scored, so tests that need a miss must use one of these.)"""
    if question.type is QuestionType.CHOICE:
        return chr(65 + (question.choices.index(question.answer) + 1) % len(question.choices))
    if question.type is QuestionType.TRUEFALSE:
        return "false" if question.truth else "true"
    if question.type is QuestionType.NUMBER:
        return str(int(abs(question.number or 0) * 3 + 7))
    if question.type is QuestionType.ORDER:
        right = [question.choices.index(item) for item in question.order]
        wrong = right[::-1] if len(right) > 1 and right[::-1] != right else right[1:] + right[:1]
        return " ".join(chr(65 + i) for i in wrong)
    if question.type is QuestionType.SELECT_ALL:  # a wrong option, else part of the set
        others = [i for i, c in enumerate(question.choices) if c not in question.answers]
        return chr(65 + others[0]) if others else "A"
    return "definitely not the answer"


class Clock:
    """A clock the test moves by hand (`clock.now += 60`): no test waits for real time."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now
