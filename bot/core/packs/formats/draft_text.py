"""Reading an article for the drafter: its header, paragraphs, sentences and figures.

- The header is what comes before the body: a headline, a byline ("By NAME, role") and a date
  line (with or without a byline; a date on the byline; a wire dateline "PLACE, June 3 —"
  opening the first paragraph). They describe the source (title, author, role, date), so they
  are never asked about.
- Short lines without a final stop are section headings: kept as the paragraph's title, not
  asked about.
- Sentences end at . ! ? followed by a capital, except after an abbreviation ("U.S.", "St.",
  "Dr.", "Mr.", "No.", "e.g."), an initial ("J. Smith") or inside a number.
- A figure is read with its unit and scale: "$6.8 million" → 6.8, "$", million; "11 percent"
  → 11, "%"; and with what it counts ("31 locks" → "lock"), so distractors count the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words("""mr mrs ms dr st jr sr prof gen col lt sgt capt gov sen rep rev hon
    no vs etc inc ltd co corp dept est fig approx ave blvd rd mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m d.c cllr insp supt det mx cmdr adm""")
_BOUNDARY = re.compile(r"[.!?][”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")
_BYLINE = re.compile(r"^By\s+(?P<author>(?:(?:[A-Z][\w.’'-]*|de|del|van|von|la|and)\s*){1,8}"
                     r"(?:\s*[|·•–—-]\s*[^,]*)?)(?:,\s*(?P<role>.+))?$")
SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion",
               "trillion": "trillion"}
FIGURE = re.compile(
    r"(?P<cur>\$|€|£)?(?<![\w.,:-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?![\w-]|[.,]\d)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b))?")
MONTH_NAME = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                        r"Nov|Dec)\b")
MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                   r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")
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
    role: str | None = None  # "Guest Columnist and Chair of the Riders' Union"


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
    noun: str = ""  # the word after it, singular ("31 locks" → "lock"): what it counts

    @property
    def key(self) -> tuple[float, str | None, str | None]:
        return (self.value, self.unit, self.scale)

    def is_year(self) -> bool:
        return self.unit is None and self.scale is None and bool(
            re.fullmatch(r"1[5-9]\d\d|20\d\d", self.written))


def read_header(lines: list[str]) -> Header:
    """Headline, byline and date from the article's first lines.

    A byline ends the header when there is one. Without one, a first line that reads as a
    headline (no final stop, more text below) and a date line just under it still describe the
    source. A date may sit on its own line (with a weekday, "Published", a time after it, a desk
    before it: "Business Desk | 14 February 2025") or on the byline ("By Ana Ruiz | May 4, 2025").
    """
    first = [(i, line.strip()) for i, line in enumerate(lines[:8]) if line.strip()]
    dated = [(i, date) for i, line in first
             if (date := date_of_line(line) or (date_in(line) if len(line.split()) <= 8
                                                 and not _BYLINE.match(line) else None))]
    byline = next(((i, m) for i, line in first if (m := _BYLINE.match(line))), None)
    if byline is None:
        if len(first) < 2 or not is_headline(first[0][1]):
            return Header(date=dated[0][1] if dated and dated[0][0] == first[0][0] else None,
                          body_start=dated[0][0] + 1 if dated and dated[0][0] == first[0][0]
                          else 0)
        title_at, title = first[0]
        near = [(i, d) for i, d in dated if i in (first[1][0], first[min(2, len(first) - 1)][0])]
        if near:
            return Header(title, None, near[0][1], near[0][0] + 1)
        return Header(title, None, None, title_at + 1)
    index, match = byline
    author, role = match["author"].strip(), match["role"]
    byline_date = date_in(lines[index])
    author = re.split(r"\s*[|·•–—]\s*", author)[0].strip() or author
    if role:
        role = _DATE_ANYWHERE.sub("", role).strip(" ,|·•–—-")
        role = None if re.fullmatch(r"[\d\s,:apm.]*", role) else role
    title = next((line for i, line in first if i < index), None)
    after = next(((i, d) for i, d in dated if index < i <= index + 2), None)
    date = after[1] if after else byline_date or next((d for i, d in dated if i < index), None)
    return Header(title, author, date, (after[0] if after else index) + 1, role or None)


_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?),?\s+(?:(?P<date>[A-Z][a-z]{2,8}\.?"
                       r"\s+\d{1,2}(?:,\s*\d{4})?)\s*)?(?:\([^)]{1,30}\)\s*)?(?:—|–|--)\s*")


def split_dateline(text: str) -> tuple[str | None, str]:
    """'CALDERPORT, June 18 — When the…' → ('June 18', 'When the…'): a wire dateline opens
    the first paragraph; its place and date describe the report, not a fact to ask."""
    match = _DATELINE.match(text)
    if not match or not (match["place"].isupper() or match["date"]):
        return None, text
    return match["date"], text[match.end():]


_DATE = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
         r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+"
         r"[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|"
         r"[A-Z][a-z]{2,8}\s+\d{4})")  # "June 2025", "12/06/2025" too
_DATE_LINE = re.compile(rf"^(?:(?:Published|Updated|Posted|Dated?|Filed)(?:\s+on)?:?\s+)?"
                        rf"(?P<date>{_DATE})(?:\s*(?:[,|·•–—-]|at)\s*.{{0,30}})?$")
_DATE_ANYWHERE = re.compile(_DATE)


def date_of_line(line: str) -> str | None:
    """'Published: Tuesday, March 3, 2026, 10:30' → 'Tuesday, March 3, 2026'; None if the
    line is not a date line."""
    match = _DATE_LINE.match(line.strip())
    return match["date"] if match and (MONTH_NAME.search(match["date"] + " ")
                                       or re.search(r"[-/]", match["date"])) else None


def date_in(text: str) -> str | None:
    match = _DATE_ANYWHERE.search(text)
    return match.group() if match and (MONTH_NAME.search(match.group() + " ")
                                       or re.search(r"[-/]", match.group())) else None


def is_headline(text: str) -> bool:
    """A first line that reads as a title: not too long and without a closing stop."""
    return len(text.split()) <= 25 and not text.rstrip().endswith((".", "!", "?", ";", ",",
                                                                    "”", '"'))


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
                            match["scale"], bool(ROUGHLY.search(sentence[:match.start()])),
                            counted(after)))
    return found


def counted(after: str) -> str:
    """'heat-related visits in…' → 'heat-related'; 'times the rate' → 'time'."""
    word = re.match(r"\s*([A-Za-z][\w-]*)", after)
    text = word.group(1).lower() if word else ""
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


_LEANS_BACK = _words("that this it its these those they their he his she her here such subtract")


def leans_back(sentence: str) -> bool:
    """True for a sentence that opens by pointing at the one before ("That figure collapsed",
    "It answers…"): asked alone, its blank has no clear referent."""
    first = sentence.split(" ", 1)[0].strip("“\"'(").lower().rstrip(",")
    return first in _LEANS_BACK
