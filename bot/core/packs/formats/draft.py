"""An article's text → a draft pack worth editing, for an instructor to rewrite.

Fewer, better questions: a drafted question an instructor would delete costs more than none.
The reading of the text is in draft_text.py, the choice of what to blank in draft_pick.py, the
marks for what needs judgment in draft_notes.py. Here:
- the headline, byline (with the author's role) and date become the pack's source, never
  questions; section headings become explainer titles; a wire dateline is read, not asked;
- a sentence with a figure that is a finding becomes a `number` question with that figure
  blanked, keeping its unit and scale ("$6.8 million" → 6.8, "$", million). Not blanked: years,
  thresholds, denominators, ends of ranges, figures the prompt or headline give away, figures
  already asked (a rounded recap counts); not asked at all: quotations, hypotheticals, the
  author's signposts. Names are never blanked: recalling a name the prompt half gives is trivia;
- a sentence whose referent is outside it ("The structure cost…", "It would open…", "since
  then") is asked only with the sentence before it (same paragraph) as context, when that one
  stands alone; otherwise it becomes a `# review: not asked` note (draft_strict.py), as does an
  author's own arithmetic ("Subtract one from the other…"); trivia (the day of a date, ages,
  distances that locate, membership counts) is never blanked; of two questions where one
  prompt prints the other's answer, only the more important is kept;
- only the most central facts are kept (draft_rank.py: headline, lede and repeated words,
  comparisons, money and shares; at most ten): a weak question costs more than none;
- "the trust" is printed as the full name the article gave it ("the Orran Wildlife Trust");
- every second fact becomes a `choice` question with distractors made from the answer itself
  (draft_choice.py: same unit and scale, 15 % apart, never a figure the article prints);
- the prompt quotes the sentence with its blank ("Fill in the blank from the article: “…”"; a
  choice asks "In the article, which amount completes the sentence?"); in a piece that argues
  it names whose claim it is ("According to the author, NAME, …") unless the sentence names
  its own source ("the council's figures show");
- the thesis, counter-argument, concession and caveats are listed as `# review:` notes;
- one explainer stub per paragraph (its heading or first words, its first sentence);
- every question: difficulty 1, tag `figure`, an explanation quoting the passage and naming
  its paragraph (with the next sentence when it qualifies the figure: "That figure is not
  verified…", or gives the reason or contrast: "But…", "Because…"), "the author's claim" only
  on an opinion piece's forecasts and judgements, a verbatim quote of at most 25 words; a
  tolerance of 5 % only for a figure the article rounds ("about", "roughly"), exact otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from bot.core.errors import PackError
from bot.core.models import Explainer, Pack, Question, QuestionType
from bot.core.packs.dump import dump_pack
from bot.core.packs.formats.common import Collector, Found, IdMaker, Meta, decode_text, finish
from bot.core.packs.formats.draft_choice import distractors
from bot.core.packs.formats.draft_notes import (
    argument_notes,
    check_notes,
    header_notes,
    is_opinion,
    with_comments,
)
from bot.core.packs.formats.draft_pick import (
    best_figure,
    not_a_fact,
    printed,
    scaled,
    word_numbers,
)
from bot.core.packs.formats.draft_prompt import setting, settled
from bot.core.packs.formats.draft_rank import Centrality, best_few
from bot.core.packs.formats.draft_refer import with_full_names
from bot.core.packs.formats.draft_strict import (
    Amount,
    author_arithmetic,
    lost_referent,
    without_giveaways,
)
from bot.core.packs.formats.draft_text import (
    Figure,
    Header,
    Paragraph,
    figures,
    paragraphs,
    read_header,
    sentences,
    split_dateline,
)
from bot.core.packs.formats.draft_who import who_questions

FORMAT_NAME = "article draft"
MAX_QUOTE_WORDS = 25
MAX_QUESTIONS = 40
MAX_PER_PARAGRAPH = 3
MAX_PROMPT_WORDS = 75  # a context sentence longer than this buries the blank
CONTEXT_COST = 2.0  # a prompt that needs the sentence before is longer and prints more figures
MIN_WORDS = 5  # "The original estimate was £310,000." is a whole fact
_SHORT_LIMIT = 300
_LEAD = "Fill in the blank from the article: "
_OPENING_AND = re.compile(r"^(?:But|And|Yet|So|Still|Also),?\s+")
_REASON = re.compile(r"^(?:But|However|Yet|Because|So|That is why|This is why|As a result|"
                     r"Even so|Still|Despite|Although|Instead|That|This|Those)\b")
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|according to)\b|(?<!\bwas )(?<!\bis )(?<!\bwere )"
                         r"(?<!\bare )(?<!\bbeen )(?<!\bbe )\b(?:argues|argued|estimates|"
                         r"estimated|expects|expected|predicts|predicted|claims|claimed|"
                         r"believes|believed|reported|found|plans|planned|admits|admitted|"
                         r"wants|hopes|shows?|showed|confirmed|attributes)\b", re.IGNORECASE)
# a source named doing the saying ("the council's figures show", "Ambrose estimates"); a passive
# ("was expected to bring", "has been told") names nobody
_JUDGED = re.compile(r"(?<!who )(?<!that )(?<!which )\b(?:would|could|might|may|should|must|"
                     r"will|likely|probably|almost "
                     r"certainly|assumes?|I|we|our|"
                     r"only|just|remarkable|mere|merely)\b")  # a forecast or a judgement; an
# estimate someone made ("is estimated at", "was expected to") is reported, not the author's


@dataclass(frozen=True)
class _Fact:
    paragraph: Paragraph
    sentence: str
    figure: Figure
    context: str | None  # the sentence before, when this one points back at it
    checks: tuple[str, ...] = ()
    after: str | None = None  # the sentence after, when it qualifies this one ("That figure…")
    earlier: str = ""  # the article before the sentence: full names for "the trust" come from it
    attributed: bool = False  # the sentence names its source ("Ferrante said", "the club expects")
    shown: str = ""  # the blanked text as the student sees it, every referent named (draft_prompt)


@dataclass(frozen=True)
class Draft:
    """The draft pack, with what the instructor should look at (kept as YAML comments)."""

    pack: Pack
    review: list[str] = field(default_factory=list)  # "# review: …" lines for the top
    checks: dict[str, list[str]] = field(default_factory=dict)  # question id → "check" notes

    def yaml(self) -> str:
        return with_comments(dump_pack(self.pack), self.review, self.checks)


def draft_pack(data: bytes | str, filename: str, *, pack_id: str | None = None) -> Pack:
    """A draft pack from an article; PackError when nothing in it can be asked about."""
    return draft_article(data, filename, pack_id=pack_id).pack


def draft_article(data: bytes | str, filename: str, *, pack_id: str | None = None) -> Draft:
    """The draft pack and its review notes; PackError when nothing in it can be asked about."""
    text = decode_text(data, filename)
    lines = text.split("\n")
    header = read_header(lines)
    body = paragraphs(lines, header.body_start)
    if body:
        date, opening = split_dateline(body[0].text)
        body[0] = replace(body[0], text=opening)
        header = header if header.date or date is None else replace(header, date=date)
    opinion = is_opinion(header, body)
    review = header_notes(header, opinion=opinion)
    facts, held = _facts(body, header, opinion=opinion)
    who = who_questions(body, header.title or "", setting(header.title or "",
                                                          " ".join(p.text for p in body)),
                        IdMaker())
    facts = [f for f in facts if not any(f.sentence in q.explanation for _, q in who)]
    if not facts and not who:
        lost = sum(1 for line in held if line.startswith("# review: not asked"))
        why = f"; {lost} that have one point outside themselves (\"the trial\", \"here\")" \
            if lost else ""
        raise PackError(f"{filename}:1: no sentence with a figure worth asking about (years, "
                        f"thresholds, ranges and names are left to you){why}; write the "
                        f"questions by hand")
    found, checks = _questions(facts, body, _lead(header, opinion))
    found = sorted(found + [Found(p.line, q) for p, q in who], key=lambda f: f.line)
    name = PurePath(filename).name or "article"
    meta = Meta(title=f"Draft: {header.title}" if header.title else f"Draft questions on {name}",
                description="A rough draft proposed from the article's sentences: check every "
                            "question against the article and rewrite it in your own words.",
                author=header.author, date=header.date,
                source_title=header.title or f"the article in {name} (title not stated)",
                explainers=tuple(_explainer(p) for p in body if p.text))
    pack = finish(Collector(filename), found, meta, format_name=FORMAT_NAME,
                  pack_id=pack_id).pack
    return Draft(pack, review + [note.line() for note in argument_notes(body, opinion=opinion)]
                 + held, checks)


def _facts(body: list[Paragraph], header: Header, *,
           opinion: bool) -> tuple[list[_Fact], list[str]]:
    """The facts worth a question, and review notes for the sentences held back."""
    facts: list[_Fact] = []
    held: list[str] = []
    used: set[tuple[float, str | None, str | None]] = set()
    shown: list[Figure] = []  # every figure printed in a prompt so far: a recap repeats them
    earlier = ""  # the body so far: the opening sentence introduces, it cannot lose a referent
    whole = " ".join(p.text for p in body)
    place = setting(header.title or "", whole)
    for paragraph in body:
        asked_here = 0
        before: str | None = None  # the sentence before, in this paragraph only
        split = sentences(paragraph.text)
        for at, sentence in enumerate(split):
            before_this, seen = before, earlier
            before, earlier = sentence, f"{earlier} {sentence}"
            if asked_here >= MAX_PER_PARAGRAPH or len(sentence.split()) < MIN_WORDS or \
                    sentence.endswith("?") or not_a_fact(sentence) or not figures(sentence):
                continue
            if author_arithmetic(sentence):
                held.append(f"# review: the author's own arithmetic (paragraph "
                            f"{paragraph.number}): ask how it is done, with every figure it "
                            f"needs in the prompt: “{_clip(sentence)}”")
                continue
            lost = lost_referent(with_full_names(sentence, seen),
                                 f"{header.title or ''} {seen}" if seen else "")
            context = before_this if lost else None
            if lost and (context is None or not_a_fact(context) or author_arithmetic(context)
                         or lost_referent(with_full_names(context, seen),
                                          seen.removesuffix(context).strip())
                         or len(f"{context} {sentence}".split()) > MAX_PROMPT_WORDS):
                if best_figure(sentence, "", header.title or "", used, shown):
                    held.append(f"# review: not asked (paragraph {paragraph.number}): “{lost}” "
                                f"points outside its sentence; name it in your own question: "
                                f"“{_clip(sentence)}”")
                continue
            figure = best_figure(sentence, context or "", header.title or "", used, shown,
                                 opening=not seen.strip())
            if figure is None:
                continue
            on_screen, outside = settled(_blanked(sentence, figure, context, seen), whole,
                                         place, f"{header.title or ''} "
                                                f"{seen.removesuffix(context or '')}")
            if on_screen is None:
                held.append(f"# review: not asked (paragraph {paragraph.number}): “{outside}” "
                            f"points outside the sentence and the article gives it no name: "
                            f"“{_clip(sentence)}”")
                continue
            used.add(figure.key)
            shown += figures(f"{context or ''} {sentence}")
            following = split[at + 1] if at + 1 < len(split) else None
            facts.append(_Fact(paragraph, sentence, figure, context,
                               tuple(check_notes(sentence, context, opinion)),
                               following if following and (lost_referent(following, earlier)
                                                           or _REASON.match(following)
                                                           or _ATTRIBUTED.search(following))
                               else None, seen, bool(_ATTRIBUTED.search(sentence)), on_screen))
            asked_here += 1
    central = Centrality(header.title or "", [p.text for p in body])
    scores = {id(f): central.score(f.sentence, f.figure, f.paragraph.number)
              - (CONTEXT_COST if f.context else 0.0) for f in facts}
    facts = without_giveaways(
        facts, value=lambda f: _amount(f.figure), printed=lambda f: _amounts(_prompt(f)),
        rank=lambda f: scores[id(f)])
    kept = best_few([(scores[id(f)], n) for n, f in enumerate(facts)])
    return [facts[i] for i in kept][:MAX_QUESTIONS], held


def _amount(figure: Figure) -> Amount:
    return (scaled(figure), figure.unit, figure.noun)


def _amounts(text: str) -> list[Amount]:
    """What a prompt prints: its figures, and its number words ("six more", "two years")."""
    return [_amount(f) for f in figures(text)] + [(v, None, noun)
                                                    for v, noun in word_numbers(text)]


def _clip(sentence: str, words: int = 30) -> str:
    split = sentence.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _questions(facts: list[_Fact], body: list[Paragraph],
               opinion_lead: str) -> tuple[list[Found], dict[str, list[str]]]:
    ids = IdMaker()
    pool = [f for p in body for s in sentences(p.text) for f in figures(s) if not f.is_year()]
    found: list[Found] = []
    checks: dict[str, list[str]] = {}
    for index, fact in enumerate(facts):
        lead = _LEAD if fact.attributed else opinion_lead  # "Ferrante said…" names its source
        question = (_choice(fact, pool, ids, lead) if index % 2 else None) or \
            _open(fact, ids, lead)
        found.append(Found(fact.paragraph.line, question))
        if fact.checks:
            checks[question.id] = list(fact.checks)
    return found, checks


def _lead(header: Header, opinion: bool) -> str:
    """An opinion piece's figures are its author's claims: the prompt says whose."""
    if not opinion:
        return _LEAD
    who = f"the author, {header.author}," if header.author else "the author"
    return f"According to {who} fill in the blank: "


def _blanked(sentence: str, figure: Figure, context: str | None, earlier: str) -> str:
    """'In 2025, riders paid ___ in fares.', with the sentence before when it needs it."""
    blanked = sentence[:figure.start] + "___" + sentence[figure.end:]
    if context is not None:
        return with_full_names(f"{context} {blanked}", earlier)
    blanked = with_full_names(blanked, earlier)
    opening = _OPENING_AND.match(blanked)
    if opening:
        blanked = blanked[opening.end()].upper() + blanked[opening.end() + 1:]
    return blanked


def _prompt(fact: _Fact, lead: str = _LEAD) -> str:
    """'Fill in the blank from the article: “In 2025, riders paid ___ in fares.”'"""
    return f"{lead}“{fact.shown}”"


def _common(fact: _Fact, lead: str, asked: str | None = None) -> dict[str, object]:
    """`asked`: the choice question's own lead ("Which amount completes…"), else `lead`."""
    return {"prompt": _prompt(fact, asked or lead),
            "explanation": _explanation(fact, lead != _LEAD),
            "quote": _quote(fact.sentence, fact.figure.start), "tags": ("figure",)}


def _open(fact: _Fact, ids: IdMaker, lead: str) -> Question:
    """Exact figures are judged exactly; only a figure the article rounds ("about 2,300")
    gets a 5 % tolerance."""
    figure = fact.figure
    return Question(id=ids.make(f"figure {figure.written}", 0), type=QuestionType.NUMBER,
                    number=figure.value, tolerance=0.05 if figure.rough else 0.0,
                    unit=figure.unit, scale=figure.scale,
                    **_common(fact, lead))  # type: ignore[arg-type]


def _same_kind(figure: Figure, other: Figure) -> bool:
    """Distractors count the same thing: '$' with '$' at one scale; a bare count only with
    counts of the same noun ('31 locks' with '6 locks', never with '39 degrees')."""
    if (other.unit, other.scale) != (figure.unit, figure.scale):
        return False
    return figure.unit is not None or (bool(figure.noun) and other.noun == figure.noun)


def _choice(fact: _Fact, pool: list[Figure], ids: IdMaker, lead: str) -> Question | None:
    """A choice question whose distractors are believable values of the answer's own kind
    (draft_choice.py), none that the article or the prompt prints for a figure of that kind;
    None when the answer is too small to vary."""
    figure, prompt = fact.figure, _prompt(fact, lead)
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
    taken = [other.value for other in pool if _same_kind(figure, other) and
             other.value != figure.value] + [
        v / scale.get(figure.scale or "", 1.0) for v in printed(prompt)]
    wrong = distractors(figure, taken)
    if wrong is None:
        return None
    right = figure.written
    by_value = dict(zip(wrong, [float(w) for w in _values(wrong)], strict=True))
    choices = sorted([*wrong, right], key=lambda t: by_value.get(t, figure.value))
    return Question(id=ids.make(f"choice {right}", 0), type=QuestionType.CHOICE,
                    choices=tuple(choices), answer=right,
                    **_common(fact, lead, _choice_lead(figure, lead)))  # type: ignore[arg-type]


def _choice_lead(figure: Figure, lead: str) -> str:
    """A choice asks a plain question of its own: 'Which amount completes the sentence?'."""
    kind = "amount" if figure.unit in ("$", "€", "£") else "percentage" if figure.unit == "%" \
        else "figure"
    question = f"which {kind} completes the sentence? "
    if lead == _LEAD:
        return f"In the article, {question}"
    return lead.removesuffix("fill in the blank: ") + question


def _values(written: list[str]) -> list[float]:
    return [float(re.sub(r"[^\d.]", "", re.search(r"\d[\d,]*(?:\.\d+)?", w).group()  # type: ignore[union-attr]
                         .replace(",", ""))) for w in written]


def _explainer(paragraph: Paragraph) -> Explainer:
    first = sentences(paragraph.text)[0] if paragraph.text else paragraph.text
    title = paragraph.heading or " ".join(first.split()[:8]).rstrip(",;:.") + "…"
    short = first if len(first) <= _SHORT_LIMIT else first[:_SHORT_LIMIT - 1] + "…"
    return Explainer(id=f"paragraph-{paragraph.number}", title=title,
                     short=f"Draft: {short}", body=paragraph.text)


def _explanation(fact: _Fact, opinion: bool) -> str:
    """The passage the answer comes from, named by paragraph, for the instructor to build on."""
    where = f"paragraph {fact.paragraph.number}" + (
        f" (“{fact.paragraph.heading}”)" if fact.paragraph.heading else "")
    said = " ".join(part for part in (fact.context, fact.sentence, fact.after) if part)
    whose = " This is the author's claim, not a settled fact." if opinion and \
        _JUDGED.search(fact.sentence) else ""  # a budget the author reports is no claim
    return f"The article says in {where}: “{said}”{whose}"


def _quote(sentence: str, focus: int) -> str:
    """The sentence, or the 25 words of it around the asked-about part."""
    words = sentence.split()
    if len(words) <= MAX_QUOTE_WORDS:
        return " ".join(words)
    at = len(sentence[:focus].split())
    start = max(0, min(at - MAX_QUOTE_WORDS // 2, len(words) - MAX_QUOTE_WORDS))
    return " ".join(words[start:start + MAX_QUOTE_WORDS])
