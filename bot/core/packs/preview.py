"""What an instructor sees before an upload is stored: title, counts per type, three samples,
and every note the import made (skipped questions, partial losses).

Showing it first is the point: a file that imports "fine" but turned every question into text
or lost half its answers should be caught before learners see it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.core.models import Pack, Question, QuestionType

SAMPLES = 3
_SAMPLE_CHARS = 120


@dataclass(frozen=True)
class UploadPreview:
    pack_id: str
    title: str
    format_name: str
    questions: int
    explainers: int
    counts: tuple[tuple[str, int], ...]  # (question type, how many), most common first
    samples: tuple[str, ...]  # "prompt → answer" for the first three questions
    notes: tuple[str, ...]  # "warning: …" and "skipped: …" lines from the import
    version: int  # the version this upload would become (1 for a new pack)

    def lines(self) -> list[str]:
        """The preview as plain lines (the CLI prints them; Discord builds an embed)."""
        kinds = ", ".join(f"{count} {kind}" for kind, count in self.counts)
        head = "new pack" if self.version == 1 else f"version {self.version}, replaces " \
                                                     f"version {self.version - 1}"
        lines = [f"{self.pack_id}: {self.title} ({head}; from {self.format_name})",
                 f"{self.questions} question{'' if self.questions == 1 else 's'} ({kinds}), "
                 f"{self.explainers} explainer{'' if self.explainers == 1 else 's'}"]
        lines += [f"  e.g. {sample}" for sample in self.samples]
        return lines + list(self.notes)


def sample_line(question: Question) -> str:
    """'Which gas is CO₂? → Carbon dioxide' (choices and orders shown by their text)."""
    prompt = " ".join(question.prompt.split())
    if len(prompt) > _SAMPLE_CHARS:
        prompt = prompt[:_SAMPLE_CHARS - 1] + "…"
    if question.type is QuestionType.CHOICE:
        answer = question.answer or ""
    elif question.type is QuestionType.ORDER:
        answer = " → ".join(question.order)
    elif question.type is QuestionType.SELECT_ALL:
        answer = " + ".join(question.answers)
    else:
        answer = question.answer_text()
    return f"{prompt} → {answer}"


def preview_of(pack: Pack, format_name: str, notes: tuple[str, ...], version: int
               ) -> UploadPreview:
    counts = Counter(str(q.type) for q in pack.questions)
    return UploadPreview(
        pack.id, pack.title, format_name, len(pack.questions), len(pack.explainers),
        tuple(counts.most_common()), tuple(sample_line(q) for q in pack.questions[:SAMPLES]),
        notes, version)
