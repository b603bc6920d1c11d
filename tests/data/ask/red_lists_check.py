"""Right facts and refusals on the bundled article's untouched sets with and without Red's lists.

Why a script and not a test: Red-DiscordBot's 54 trivia lists are third-party and not committed.
Usage: python tests/data/ask/red_lists_check.py DIR_WITH_RED_YAML_LISTS [--dev]

With `--dev` it measures development sets instead (ask_dev, ask_fresh and the two newly
released sets of other subjects whose off-topic questions sit nearest their subject), the sets
that may be tuned on; without it, the bundled article's untouched sets (score once per round).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.core.ask import evaluate as ev
from bot.core.ask.index import KnowledgeIndex
from bot.core.packs.formats import import_pack
from bot.core.packs.loader import load_pack

REWORDED = ("whats the capital city of australia", "which planet is closest to the sun")
DEV_SETS = ("cartel-strikes/ask_dev", "cartel-strikes/ask_fresh", "four-day-week/sealed",
            "school-phone-ban/sealed")


def main(lists: Path, dev: bool = False) -> None:
    reds = [import_pack(p.read_bytes(), p.name) for p in sorted(lists.glob("*.yaml"))]
    print("red lists", len(reds), sum(len(r.questions) for r in reds), "questions")
    starter = load_pack(ev.PROJECT_ROOT / "questions" / "starter.yaml")
    chosen = [s for s in ev.dev_all_suites() if s.name in DEV_SETS] if dev \
        else ev.suites(sealed=True)[:2]
    for suite in chosen:
        pack = ev.with_article(load_pack(suite.pack), suite.article)
        dev = ev.load_dev(suite.questions)
        for label, packs in (("without", [pack, starter]), ("with Red", [pack, starter, *reds])):
            index = KnowledgeIndex(packs)
            for scope in (pack.id, None):
                report = ev.evaluate(index, dev, "all", scope)
                print(suite.name, label, "scoped" if scope else "all packs",
                      f"right {report.on_rate:.1%} refused {report.off_rate:.1%}")
    index = KnowledgeIndex(reds)
    for question in REWORDED:
        result = index.ask(question)
        print(question, "->", result.answer if result.matched else "REFUSED")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dev"]
    main(Path(args[0] if args else "/tmp/redlists"), "--dev" in sys.argv[1:])
