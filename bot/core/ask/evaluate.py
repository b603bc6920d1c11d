"""Score the `ask` matcher on a development set: on-topic right-fact rate, off-topic refusal rate.

Why it lives in the package: the same numbers are asserted by the test suite and reported when
tuning, so one function computes them. Run it as

    python -m bot.core.ask.evaluate [DEV.yaml] [PACK.yaml ...] [--split all|tune|held] [-v]

The split is fixed and deterministic: every third item (index % 3 == 2) is held out, so tuning on
`tune` and reporting `held` says how well the settings generalise to questions not looked at.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.core.ask.analyzer import fold
from bot.core.ask.index import KnowledgeIndex

DEV_SET = PROJECT_ROOT / "tests" / "data" / "ask_dev.yaml"
ARTICLE_PACK = PROJECT_ROOT / "questions" / "cartel-strikes.yaml"


@dataclass
class Report:
    on_total: int = 0
    on_right: int = 0
    off_total: int = 0
    off_refused: int = 0
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def on_rate(self) -> float:
        return self.on_right / self.on_total if self.on_total else 1.0

    @property
    def off_rate(self) -> float:
        return self.off_refused / self.off_total if self.off_total else 1.0

    def line(self, name: str) -> str:
        queries = self.on_total + self.off_total
        ms = 1000 * self.seconds / queries if queries else 0.0
        return (f"{name}: on-topic right fact {self.on_right}/{self.on_total} "
                f"({self.on_rate:.1%}), off-topic refused {self.off_refused}/{self.off_total} "
                f"({self.off_rate:.1%}), {ms:.2f} ms/query")


def load_dev(path: Path = DEV_SET) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def in_split(index: int, split: str) -> bool:
    return split == "all" or (index % 3 == 2) == (split == "held")


def right_fact(answer: str, expect: list[str]) -> bool:
    """Every expected fact is in the answer; "a|b" accepts either wording of one fact."""
    text = fold(answer)
    return all(any(fold(alt) in text for alt in item.split("|")) for item in expect)


def evaluate(index: KnowledgeIndex, dev: dict, split: str = "all",
             pack_id: str | None = None) -> Report:
    report = Report()
    start = time.perf_counter()
    for i, item in enumerate(dev.get("on_topic", [])):
        if not in_split(i, split):
            continue
        result = index.ask(item["q"], pack_id)
        report.on_total += 1
        if result.matched and right_fact(result.answer, item["expect"]):
            report.on_right += 1
        else:
            got = result.explainer if result.matched else "REFUSED"
            report.misses.append(f"on  {item['q']!r} -> {got} ({result.confidence:.2f})")
    for i, question in enumerate(dev.get("off_topic", [])):
        if not in_split(i, split):
            continue
        result = index.ask(question, pack_id)
        report.off_total += 1
        if not result.matched:
            report.off_refused += 1
        else:
            report.misses.append(f"off {question!r} -> {result.explainer} "
                                 f"({result.confidence:.2f})")
    report.seconds = time.perf_counter() - start
    return report


def main(argv: list[str] | None = None) -> int:
    from bot.core.packs.loader import load_pack

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument("packs", nargs="*", type=Path)
    parser.add_argument("--split", choices=("all", "tune", "held"), default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    packs = [load_pack(p) for p in (args.packs or [ARTICLE_PACK])]
    index = KnowledgeIndex(packs)
    dev = load_dev(args.dev)
    for split in [args.split] if args.split else ["all", "tune", "held"]:
        report = evaluate(index, dev, split, dev.get("pack"))
        print(report.line(split))
        if args.verbose:
            print("\n".join("  " + m for m in report.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
