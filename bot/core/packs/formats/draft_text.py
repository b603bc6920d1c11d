"""Reading an article for the drafter: its header, paragraphs, sentences, figures and names.

- The header is what comes before the body: a headline, a byline ("By NAME, role") and a date
  line. They describe the source (title, author, date), so they are never asked about.
- Short lines without a final stop are section headings: kept as the paragraph's title, not
  asked about.
- Sentences end at . ! ? followed by a capital, except after an abbreviation ("U.S.", "St.",
  "Dr.", "Mr.", "No.", "e.g."), an initial ("J. Smith") or inside a number.
- A figure is read with its unit and scale: "$6.8 million" → 6.8, "$", million; "11 percent"
  → 11, "%".
- A name is two or more capitalised words not opening the sentence; a title before it
  ("Mayor", "President", "Dr.") is optional in the answer, so the bare name is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words("""mr mrs ms dr st jr sr prof gen col lt sgt capt gov sen rep rev hon
    no vs etc inc ltd co corp dept est fig approx ave blvd rd mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m d.c""")
_BOUNDARY = re.compile(r"[.!?][”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")
_BYLINE = re.compile(r"^By\s+(?P<author>[^,]+?)(?:,\s*(?P<role>.+))?$")
_DATE_LINE = re.compile(r"^(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|"
                        r"\d{4}-\d{2}-\d{2})$")
SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion",
               "trillion": "trillion"}
FIGURE = re.compile(
    r"(?P<cur>\$|€|£)?(?<![\w.,:-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?![\w-]|[.,]\d)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?")
MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-’'][A-Za-z]+)*|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)"
NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:de |del |la |van |von )?{_NAME_WORD})+")
TITLES = _words("""president mayor councillor councilor senator governor minister judge justice
    professor prof dr mr mrs ms sir dame king queen prince princess general colonel captain chief
    chair chairman chairwoman director secretary commissioner inspector ceo representative rep
    sen gov lord lady bishop pope father sister""")
_TIME_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\s+$")  # "Route 7", "Apollo 11"
ROUGHLY = re.compile(r"\b(?:about|roughly|nearly|almost|around|approximately|some|more than|"
                     r"less than|over|under|close to)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    body_start: int = 0  # index of the first body line


@dataclass(frozen=True)
class Paragraph:
    number: int
    line: int
    text: str
    heading: str | None  # the section heading above it, if any


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    written: str
    value: float
    unit: str | None
    scale: str | None
    rough: bool  # "about 11,000": the article rounds

    @property
    def key(self) -> tuple[float, str | None, str | None]:
        return (self.value, self.unit, self.scale)

    def is_year(self) -> bool:
        return self.unit is None and self.scale is None and bool(
            re.fullmatch(r"1[5-9]\d\d|20\d\d", self.written))


def read_header(lines: list[str]) -> Header:
    """Headline, byline and date from the article's first lines (only when a byline shows)."""
    first = [(i, line.strip()) for i, line in enumerate(lines[:6]) if line.strip()]
    byline = next(((i, m) for i, line in first if (m := _BYLINE.match(line))), None)
    if byline is None:
        return Header()
    index, match = byline
    title = next((line for i, line in first if i < index), None)
    date = next((line for i, line in first if i > index and _DATE_LINE.match(line)), None)
    last = max(i for i, line in first if i <= index or line == date)
    return Header(title, match["author"].strip(), date, last + 1)


def is_heading(text: str) -> bool:
    return len(text.split()) <= 12 and not text.rstrip().endswith((".", "!", "?", ":", ";", "”",
                                                                    '"'))


def paragraphs(lines: list[str], start: int) -> list[Paragraph]:
    """Body paragraphs (blank-line separated, else one per line), headings attached."""
    body = lines[start:]
    blank_separated = any(not line.strip() for line in body[:-1]) and \
        any(line.strip() for line in body)
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    first = start + 1
    for number, line in enumerate(body, start=start + 1):
        if line.strip() and not current:
            first = number
        if line.strip():
            current.append(line.strip())
        if current and (not line.strip() or not blank_separated):
            blocks.append((first, " ".join(current)))
            current = []
    if current:
        blocks.append((first, " ".join(current)))
    found: list[Paragraph] = []
    heading: str | None = None
    for line, text in blocks:
        if is_heading(text) and len(blocks) > 1:
            heading = text
            continue
        found.append(Paragraph(len(found) + 1, line, text, heading))
        heading = None
    return found


def sentences(text: str) -> list[str]:
    """Split at sentence ends, never after an abbreviation or an initial."""
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start() + 1]
        last = before.split()[-1] if before.split() else ""
        word = last.rstrip(".!?").lstrip("(“\"'").lower()
        if text[match.start()] == "." and (word in _ABBREVIATIONS or re.fullmatch(
                r"[a-z]|(?:[a-z]\.)+[a-z]", word)):
            continue
        pieces.append(text[start:match.end()].strip())  # closing quotes stay with it
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def figures(sentence: str) -> list[Figure]:
    found = []
    for match in FIGURE.finditer(sentence):
        before, after = sentence[:match.start()], sentence[match.end():]
        if MONTH.search(before) or _TIME_AFTER.match(after) or _CODE_BEFORE.search(before):
            continue
        value = float(match["num"].replace(",", "") + (match["dec"] or ""))
        unit = match["cur"] or ("%" if match["pct"] else None)
        found.append(Figure(match.start(), match.end(), match.group().strip(), value, unit,
                            match["scale"], bool(ROUGHLY.search(sentence[:match.start()]))))
    return found


_LEANS_BACK = _words("that this it these those they he she here such subtract")


def leans_back(sentence: str) -> bool:
    """True for a sentence that opens by pointing at the one before ("That figure collapsed",
    "It answers…"): asked alone, its blank has no clear referent."""
    first = sentence.split(" ", 1)[0].strip("“\"'(").lower().rstrip(",")
    return first in _LEANS_BACK


def bare_name(name: str) -> str:
    """'Mexican President Vicente Fox' → 'Vicente Fox'; 'Mayor Harwood-Ng' stays a name."""
    words = name.split()
    cut = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES),
              default=-1)
    return " ".join(words[cut + 1:]) if len(words) - cut - 1 >= 1 else name
