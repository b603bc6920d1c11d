"""What a draft cannot ask well by itself, marked for the instructor instead of asked badly.

Two kinds of marks, both YAML comments so the draft stays a valid pack:
- `# review:` lines at the top name the parts of the argument a good quiz asks about and a
  blank cannot: the thesis, the counter-argument, the concession, the caveats, and whether the
  piece is opinion (its claims are the author's) and who the author is;
- `# check:` lines above a question say what needs judgment there: a phrase that points back
  at an earlier sentence ("such visits", "the other"), or a first-person "we"/"our".
The markers are plain English signals (headings such as "The case for caution" count too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.packs.formats.draft_text import Header, Paragraph, sentences

MAX_NOTE_WORDS = 30
MAX_PER_KIND = 3
SHORT_NOTE = 12  # "The authors' own conclusion is blunt.": the next sentence says it

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("thesis", re.compile(
        r"\b(?:my|this|our) (?:argument|thesis)\b|\bin this (?:essay|article|piece|"
        r"column)\b|\bI (?:want to make|argue|will argue|contend|believe)\b|\bhere is my\b|"
        r"\b(?:own )?conclusion is\b|\bshould (?:vote|be classified|be funded|adopt)\b",
        re.IGNORECASE)),
    ("concession", re.compile(
        r"\b(?:is|are|was|were) (?:also )?right\b|\bto be fair\b|\badmittedly\b|\bconcede|"
        r"\bconcession\b|\bwould be dishonest\b|\bgranted,|\baccepts? (?:much of|that\b(?!,))|"
        r"\bthere is something in\b|\bhas a point\b|\bfair point\b|"
        r"\b(?:acknowledges?|acknowledged|admits?|admitted) that\b|"
        r"\bsay so plainly\b", re.IGNORECASE)),
    ("counter-argument", re.compile(
        r"\b(?:has argued|have argued|objects|objected|objections?|critics?|"
        r"opponents?|opposes|skeptics?|sceptics?|proponents?)\b|\bsupporters of\b|"
        r"\bthe case against\b|\bnot everyone\b|(?<!\bI )\bargues that\b|"
        r"\bthe strongest objection\b", re.IGNORECASE)),
    ("caveat", re.compile(
        r"\bcannot (?:by itself |on its own )?(?:prove|show|tell)|\bdoes not (?:prove|show|"
        r"mean)|\bobservational\b|\bcorrelation\b|\bcaution\b|\blimitations?\b|"
        r"\bnot (?:necessarily|by itself)\b|\bwill not (?:by itself|alone)\b|\balone will not\b",
        re.IGNORECASE)),
)
_OPINION = re.compile(r"^(?:Opinion|Comment|Commentary|Editorial|Op-?ed|Viewpoint|Analysis|"
                      r"Column|Essay)\b|\b(?:columnist|commentator|historian|essayist)\b",
                      re.IGNORECASE)
_CALL = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.IGNORECASE)
_NEWSROOM = re.compile(r"\b(?:reporter|correspondent|staff|editor|writer|journalist|"
                       r"news desk)\b", re.IGNORECASE)
_FIRST_PERSON_CLAIM = re.compile(r"\bI (?:believe|argue|think|contend|want to make)\b|"
                                 r"\b[Mm]y (?:argument|thesis|case)\b")
_POINTS_BACK = re.compile(
    r"\b(?:such|these|those)\s+(?!as\b)[a-z]+\b|\bthe other\b|\bthe same\s+[a-z]+\b|"
    r"\b(?:this|that|the)\s+(?:difference|gap|shift|trend|figure|rest(?! of)|remainder|latter|"
    r"former|route|line|change|pattern|plan|scheme|amendment|motion|proposal|effect|increase|drop|"
    r"period)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Mm]y|I)\b")  # not "US"


@dataclass(frozen=True)
class Note:
    kind: str
    paragraph: int
    text: str

    def line(self) -> str:
        return f"# review: {self.kind} (paragraph {self.paragraph}): “{self.text}”"


def argument_notes(body: list[Paragraph], *, opinion: bool) -> list[Note]:
    """The sentences that state the thesis, the other side, the concession and the caveats
    (a sentence's own words first; its section heading only when they say nothing). In a piece
    that argues, a "should"/"must" in its first or last paragraph states the thesis."""
    notes: list[Note] = []
    ends = {body[0].number, body[-1].number} if body else set()
    for paragraph in body:
        split = sentences(paragraph.text)
        for index, sentence in enumerate(split):
            kind = _kind_of(sentence) or (_kind_of(paragraph.heading or "") if index == 0
                                          else None)
            if kind in (None, "concession") and opinion and paragraph.number in ends and \
                    _CALL.search(sentence):
                kind = "thesis"  # a closing call restates the case, it concedes nothing
            if kind is None or sum(1 for n in notes if n.kind == kind) >= MAX_PER_KIND or \
                    any(n.paragraph == paragraph.number and n.kind == kind for n in notes):
                continue
            if len(sentence.split()) < SHORT_NOTE and index + 1 < len(split):
                sentence = f"{sentence} {split[index + 1]}"
            notes.append(Note(kind, paragraph.number, _clip(sentence)))
    order = [kind for kind, _ in _KINDS]
    return sorted(notes, key=lambda n: (order.index(n.kind), n.paragraph))


def _kind_of(text: str) -> str | None:
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), None)


def header_notes(header: Header, *, opinion: bool) -> list[str]:
    """Pieces that argue, their claim in the headline, and authors with a stake."""
    lines = []
    if opinion:
        lines.append("# review: this piece argues a case: ask what the author claims and on "
                     "what evidence; its claims are the author's, not settled facts.")
        if header.title and _CALL.search(header.title):
            lines.append(f"# review: thesis (headline): “{header.title}”")
    if header.author and header.role and not _NEWSROOM.search(header.role):
        lines.append(f"# review: the author is “{header.author}, {header.role}”: worth a "
                     f"question on who is arguing and what stake they have.")
    return lines


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def is_opinion(header: Header, body: list[Paragraph]) -> bool:
    """A piece that argues: by its label ("Opinion: …"), its author's role, or an author
    who says "I believe" / "my argument" in it. A source quoted saying "I think" makes no
    report an opinion piece, and a newsroom byline ("Rural Affairs Correspondent") marks a
    report unless the headline is labelled opinion."""
    if header.title and _OPINION.search(header.title) or \
            header.role and _OPINION.search(header.role):
        return True
    if header.role and _NEWSROOM.search(header.role):
        return False
    return any(_FIRST_PERSON_CLAIM.search(_QUOTED.sub("", p.text)) for p in body)


def check_notes(sentence: str, context: str | None, opinion: bool) -> list[str]:
    """What a question drafted from this sentence needs the instructor to look at."""
    notes = []
    points = _POINTS_BACK.search(sentence)
    if points and context is None:
        notes.append(f"“{points.group()}” points back at an earlier sentence: say what it is")
    first_person = _FIRST_PERSON.search(sentence)
    if first_person and opinion:
        notes.append(f"“{first_person.group()}” is the author speaking: name who is meant")
    return notes


def _clip(sentence: str) -> str:
    words = sentence.split()
    text = " ".join(words[:MAX_NOTE_WORDS]) + (" …" if len(words) > MAX_NOTE_WORDS else "")
    return text.replace("\n", " ")


def with_comments(yaml_text: str, top: list[str], checks: dict[str, list[str]]) -> str:
    """The dumped pack with `# review:` lines on top and `# check:` lines above questions."""
    lines = yaml_text.split("\n")
    out = [*top, *([""] if top else [])]
    for line in lines:
        match = re.fullmatch(r"  - id: \"?([a-z0-9-]+)\"?", line)
        if match and match.group(1) in checks:
            out += [f"  # check: {note}" for note in checks[match.group(1)]]
        out.append(line)
    return "\n".join(out)
