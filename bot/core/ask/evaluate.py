"""Score the `ask` matcher: on-topic right-fact rate and off-topic refusal rate, per pack.

Why it lives in the package: the same numbers are asserted by the test suite and reported when
tuning, so one function computes them. Run it as

    python -m bot.core.ask.evaluate                 # every development set, per pack, + ablation
    python -m bot.core.ask.evaluate --dev-all       # … plus the once-scored sets now tuned on
    python -m bot.core.ask.evaluate --sealed        # the sealed sets (score once, at the end)
    python -m bot.core.ask.evaluate DEV.yaml [PACK.yaml ...] [--split all|tune|held] [-v]

Each development set is scored with its pack alone, with the pack's article text attached
(`source: text:`) and with the article text alone (no explainers, no questions: how an
instructor who only added the article fares), beside plain BM25 over the article's sentences
(the peer baseline, when rank-bm25 is installed), and once with each answerability check
turned off (the ablation, bot/core/ask/pipeline.py). The split is fixed: every third item
(index % 3 == 2) is held out.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.core.ask.analyzer import fold
from bot.core.ask.index import KnowledgeIndex
from bot.core.ask.pipeline import CHECKS
from bot.core.models import Pack

DATA = PROJECT_ROOT / "tests" / "data"
DEV_SET = DATA / "ask_dev.yaml"
ARTICLE_PACK = PROJECT_ROOT / "questions" / "cartel-strikes.yaml"
# The bundled article's own text is not part of the repository (see tests/test_cartel_pack.py).
CARTEL_ARTICLE = PROJECT_ROOT.parent / "shared" / "source" / "cartel-strikes-article.txt"
SUBJECTS = ("urban-trees", "harbor-canal", "bus-fares")
# Subjects with sealed sets only: their packs and questions were written blind after the last
# round of tuning, so nobody has tuned on them at all (no development set exists).
HELD_OUT = ("well-nitrate", "four-day-week",  # round 2 (2026-12-01)
            "geothermal-island", "school-phone-ban", "church-archive-manuscript",  # round 3
            "coral-cluster-study", "harwick-scooter-rules", "lighthouse-keepers-strike")  # round 4


@dataclass(frozen=True)
class Suite:
    """One question set with the pack it is about and, when known, the article's text file."""

    name: str
    questions: Path
    pack: Path
    article: Path | None


# The bundled article's earlier blind sets: tuned on in earlier rounds, kept as guards.
GUARDS = ("ask_blind", "ask_blind2", "ask_blind3")


def dev_all_suites() -> list[Suite]:
    """Every set that may be tuned on: the development sets, the bundled article's earlier blind
    sets (guards) and the new subjects' sealed sets that were scored once and then released for
    development (rounds 1-3). The bundled article's untouched sets (`ask_blind4`/`ask_blind5`)
    are never among them."""
    out = suites(False)
    out += [Suite(f"cartel-strikes/{name}", DATA / f"{name}.yaml", ARTICLE_PACK, CARTEL_ARTICLE)
            for name in GUARDS]
    out += [held_out_suite(slug, f"{slug}.{kind}.yaml", kind)
            for slug in SUBJECTS for kind in ("sealed", "sealed2")]
    out += [held_out_suite(slug, f"{slug}.sealed.yaml", "sealed") for slug in HELD_OUT]
    return out


def suites(sealed: bool = False) -> list[Suite]:
    """The development sets (tuned on), or with `sealed` the sets nobody tuned on."""
    cartel = [("ask_blind4", "ask_blind4.yaml"), ("ask_blind5", "ask_blind5.yaml")] if sealed \
        else [("ask_dev", "ask_dev.yaml"), ("ask_fresh", "ask_fresh.yaml")]
    out = [Suite(f"cartel-strikes/{name}", DATA / file, ARTICLE_PACK, CARTEL_ARTICLE)
           for name, file in cartel]
    kind = "sealed" if sealed else "dev"
    out += [Suite(f"{slug}/{kind}", DATA / "ask" / f"{slug}.{kind}.yaml",
                  DATA / "ask" / "packs" / f"{slug}.yaml",
                  DATA / "ask" / "articles" / f"{slug}.txt") for slug in SUBJECTS]
    if sealed:
        out += [held_out_suite(slug, f"{slug}.sealed2.yaml", "sealed2") for slug in SUBJECTS]
        out += [held_out_suite(slug, f"{slug}.sealed.yaml", "sealed") for slug in HELD_OUT]
    return out


def held_out_suite(slug: str, file: str, kind: str) -> Suite:
    """A second-round sealed set (written blind from the article alone) on its subject's pack."""
    return Suite(f"{slug}/{kind}", DATA / "ask" / file, DATA / "ask" / "packs" / f"{slug}.yaml",
                 DATA / "ask" / "articles" / f"{slug}.txt")


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


def with_article(pack: Pack, article: Path | None) -> Pack:
    """The pack as if its instructor had added `source: text:` naming the article."""
    if article is None or not article.exists() or pack.source.text:
        return pack
    text = article.read_text(encoding="utf-8")
    return dataclasses.replace(pack, source=dataclasses.replace(pack.source, text=text))


def baseline(suite: Suite, dev: dict) -> Report | None:
    """Plain BM25 over the article's sentences, or None without rank-bm25 or the article."""
    try:
        from bot.core.ask.baseline import from_files
        bm25 = from_files([suite.article]) if suite.article and suite.article.exists() else None
    except ImportError:
        return None
    if bm25 is None:
        return None
    report = Report()
    for item in dev.get("on_topic", []):
        matched, sentence = bm25.ask(item["q"])
        report.on_total += 1
        report.on_right += matched and right_fact(sentence, item["expect"])
    for question in dev.get("off_topic", []):
        report.off_total += 1
        report.off_refused += not bm25.ask(question)[0]
    return report


def run_suites(sealed: bool, verbose: bool, ablation: bool, dev_all: bool = False,
               brief: bool = False) -> None:
    """Print every suite's rows; `brief` prints only the `[pack + article text]` row and a total."""
    from bot.core.packs.loader import load_pack

    total = Report()
    for suite in dev_all_suites() if dev_all else suites(sealed):
        if not suite.questions.exists():
            print(f"{suite.name}: {suite.questions} is missing")
            continue
        dev, pack = load_dev(suite.questions), load_pack(suite.pack)
        if not brief:
            plain = KnowledgeIndex([pack])
            print(evaluate(plain, dev, "all", pack.id).line(f"{suite.name} [pack]"))
        full = KnowledgeIndex([with_article(pack, suite.article)])
        report = evaluate(full, dev, "all", pack.id)
        print(report.line(f"{suite.name} [pack + article text]"))
        if verbose:
            print("\n".join("  " + m for m in report.misses))
        for part in ("on_total", "on_right", "off_total", "off_refused"):
            setattr(total, part, getattr(total, part) + getattr(report, part))
        if brief:
            continue
        if suite.article is not None and suite.article.exists():
            # The pack as an instructor who added only the article would have it.
            thin = dataclasses.replace(with_article(pack, suite.article), explainers=(),
                                       questions=())
            print(evaluate(KnowledgeIndex([thin]), dev, "all", pack.id).line(
                f"{suite.name} [article text only]"))
        if (peer := baseline(suite, dev)) is not None:
            print(peer.line(f"{suite.name} [plain BM25 over article sentences]"))
        if ablation:
            for check in CHECKS:
                full.disabled = frozenset({check})
                off = evaluate(full, dev, "all", pack.id)
                print(f"    without {check:<8} right {off.on_rate:6.1%} "
                      f"({off.on_rate - report.on_rate:+.1%}), refused {off.off_rate:6.1%} "
                      f"({off.off_rate - report.off_rate:+.1%})")
            full.disabled = frozenset()
    print(total.line("all sets above"))


def main(argv: list[str] | None = None) -> int:
    from bot.core.packs.loader import load_pack

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path)
    parser.add_argument("packs", nargs="*", type=Path)
    parser.add_argument("--split", choices=("all", "tune", "held"), default=None)
    parser.add_argument("--sealed", action="store_true", help="score the sealed sets")
    parser.add_argument("--dev-all", action="store_true",
                        help="every set that may be tuned on, the once-scored ones included")
    parser.add_argument("--brief", action="store_true", help="one row per set, no ablation")
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.dev is None:
        if args.sealed and args.dev_all:
            parser.error("--sealed and --dev-all are exclusive")
        run_suites(args.sealed, args.verbose, not args.no_ablation, args.dev_all, args.brief)
        return 0
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
