"""Numbers as learners write them: "11,000", "11 000", "11k", "$1.5bn", "24%", "eleven thousand".

Decisions (documented because they are judgement calls):

- ',' followed by groups of exactly three digits is a thousands separator ("11,000" = 11000);
  otherwise a ',' between digits is a decimal comma ("24,5" = 24.5).
- A single space between a 1–3 digit head and 3-digit groups is a thousands separator
  ("11 000" = 11000); "1990 500" is two numbers.
- '.' is a decimal point, except with two or more 3-digit groups ("1.234.567") or before a
  decimal comma ("1.234,5"). A lone "11.000" is genuinely ambiguous: its value is 11.0 (the
  English reading) and it also carries the reading 11000, which the judge accepts too.
- "24%" / "24 percent" is 24 and also carries the reading 0.24.
- k, m, mn, b, bn (attached: "11k", "1.5m", "2bn") and thousand/million/billion/trillion/
  hundred/dozen (as words) multiply; "a dozen" = 12, "half" = 0.5, "half a million" = 500000,
  "twice"/"double" = 2, "one and a half" = 1.5, "two point five" = 2.5; "minus"/"-" negate.
- A count in words before a fraction word divides: "three quarters" = 0.75, "a quarter" = 0.25,
  "one half" = 0.5, "two thirds" = 2/3 (exact only with a tolerance). A bare "dozen" is 12.
- "1/2", "3/4" (at most three digits each side) are fractions; "11000/12000" is two numbers.
- Words around numbers (currency, units, "more than", "about") are ignored; "nineteen eighty-four"
  is two numbers (19 and 84), as is "10-12" (a range).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.text.normalize import fold

_UNIT_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
               "fourteen fifteen sixteen seventeen eighteen nineteen")
UNITS = {w: i for i, w in enumerate(_UNIT_WORDS.split())}
UNITS.update({"none": 0, "nil": 0, "nought": 0, "naught": 0})
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
TENS = {w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS.split())}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "mn": 1e6, "bn": 1e9}
SCALES.update({w + "s": v for w, v in list(SCALES.items()) if len(w) > 2})
SCALES.update({"mil": 1e3, "millon": 1e6, "millones": 1e6})  # Spanish: "1,5 millones"
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
TIMES = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "triple": 3.0, "quadruple": 4.0}
_WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS = frozenset(_WORD_SCALES) | {"hundred", "dozen"}
_DIGIT_WORDS = frozenset(_UNIT_WORDS.split()[:10])
_ORDINAL_WORDS = "third fourth fifth sixth seventh eighth ninth tenth"
FRACTIONS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
FRACTIONS.update({w: i + 3 for i, w in enumerate(_ORDINAL_WORDS.split())})
FRACTIONS.update({w + "s": i + 3 for i, w in enumerate(_ORDINAL_WORDS.split())})

_VULGAR = re.compile(r"(\d?)([\u00bc-\u00be\u2150-\u215e])")
_TOKENS = re.compile(
    r"(?P<frac>(?<![\w./])\d{1,3}[/\u2044]\d{1,3}(?![\w/]|[.,]\d))"
    r"|(?P<num>(?<![\w.])\.\d+|(?<!\w)\d+(?:(?:[.,]|\x20(?=\d{3}(?!\d)))\d+)*)"
    r"(?P<exp>e[+-]?\d{1,3}(?![a-z]))?"
    r"(?P<suf>(?:k|mn|m|bn|b)(?![a-z]))?(?:st|nd|rd|th)?"
    r"|(?P<word>[a-z]+)"
    r"|(?P<minus>(?<!\w)[-\u2212](?=\s*[.\d]))"
    r"|(?P<pct>%)"
)


@dataclass(frozen=True)
class NumberMatch:
    """One number found in a text. `readings` starts with `value`; others are alternatives."""

    value: float
    readings: tuple[float, ...]
    text: str

    def same_as(self, other: NumberMatch) -> bool:
        """The same number written twice ("11,000 (eleven thousand)")."""
        return any(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
                   for a in self.readings for b in other.readings)


def _run_readings(run: str) -> list[tuple[float, ...]]:
    """Readings of a digit run (see module docstring); a run may hold several numbers."""
    parts = run.split(" ")
    if len(parts) > 1:
        if re.fullmatch(r"\d{1,3}", parts[0]) \
                and all(re.fullmatch(r"\d{3}", p) for p in parts[1:-1]) \
                and re.fullmatch(r"\d{3}(?:[.,]\d+)?", parts[-1]):
            head = "".join(parts[:-1]) + parts[-1][:3]
            tail = parts[-1][3:].replace(",", ".")
            return [(float(head + tail),)]
        return [r for p in parts for r in _run_readings(p)]
    groups = re.split(r"[.,]", run)
    seps = re.findall(r"[.,]", run)
    head_ok = 1 <= len(groups[0]) <= 3
    tails_3 = all(len(g) == 3 for g in groups[1:])
    if not seps:
        return [(float(run),)]
    if set(seps) == {","}:
        if head_ok and tails_3:
            return [(float("".join(groups)),)]
        if len(groups) == 2:
            return [(float(".".join(groups)),)]
    elif set(seps) == {"."}:
        if len(groups) >= 3 and head_ok and tails_3:
            return [(float("".join(groups)),)]
        if len(groups) == 2:
            value = float(run)
            if head_ok and tails_3 and not groups[0].startswith("0"):
                return [(value, float("".join(groups)))]
            return [(value,)]
    else:
        last = seps[-1]
        grouped = groups[1:-1]
        if seps.count(last) == 1 and head_ok and all(len(g) == 3 for g in grouped) \
                and all(s != last for s in seps[:-1]):
            return [(float("".join(groups[:-1]) + "." + groups[-1]),)]
    return [(float(g),) for g in groups if g]


class _Scanner:
    """Walks the token list once, building NumberMatch objects."""

    def __init__(self, text: str):
        self.toks = [("num" if m.group("num") is not None or m.group("frac") else m.lastgroup,
                      m) for m in _TOKENS.finditer(text)]
        self.i = 0
        self.found: list[NumberMatch] = []

    def word(self, k: int) -> str | None:
        if 0 <= k < len(self.toks) and self.toks[k][0] == "word":
            return self.toks[k][1].group("word")
        return None

    def run(self) -> list[NumberMatch]:
        while self.i < len(self.toks):
            start = self.i
            sign = 1.0
            kind, _ = self.toks[self.i]
            if kind == "minus" or self.word(self.i) in {"minus", "negative"}:
                sign, self.i = -1.0, self.i + 1
            readings = self._digits() or self._words()
            if readings is None:
                self.i = start + 1
                continue
            readings = self._scale(readings)
            readings = self._percent(readings)
            text = " ".join(t[1].group(0) for t in self.toks[start:self.i])
            finite = tuple(sign * r for r in readings if math.isfinite(r))
            if finite:
                self.found.append(NumberMatch(finite[0], finite, text))
        return self.found

    def _digits(self) -> tuple[float, ...] | None:
        if self.i >= len(self.toks) or self.toks[self.i][0] != "num":
            return None
        match = self.toks[self.i][1]
        if match.group("frac"):  # "1/2", "3/4": small fractions only, "11000/12000" is a list
            top, bottom = re.split(r"[/\u2044]", match.group("frac"))
            self.i += 1
            return (int(top) / int(bottom) if int(bottom) else math.inf,)  # x/0: dropped
        num = match.group("num")
        runs = [(float("0" + num),)] if num.startswith(".") else _run_readings(num)
        for extra in runs[:-1]:
            self.found.append(NumberMatch(extra[0], extra, match.group("num")))
        readings = runs[-1]
        factor = 1.0
        if match.group("exp"):
            factor *= float("1" + match.group("exp"))  # "1e999" → inf, dropped below
        if match.group("suf"):
            factor *= SUFFIXES[match.group("suf")]
        self.i += 1
        if self.word(self.i) == "and" and self.word(self.i + 1) in {"a", "an"} \
                and self.word(self.i + 2) == "half":
            readings = tuple(r + 0.5 for r in readings)
            self.i += 3
        return tuple(r * factor for r in readings)

    def _words(self) -> tuple[float, ...] | None:
        """A number written in words, or None when the current token does not start one."""
        w = self.word(self.i)
        if w in TIMES or w == "dozen":
            self.i += 1
            return (TIMES.get(w, 12.0),)
        if w == "half":  # "half", "half a million", "half a dozen"
            self.i += 1
            if self.word(self.i) in {"a", "an"} and self.word(self.i + 1) in _MULTIPLIERS:
                self.i += 1
            return (0.5,)
        if w in {"a", "an"}:
            nxt = self.word(self.i + 1)
            if nxt == "half":
                self.i += 2
                return (0.5,)
            if nxt not in _MULTIPLIERS and nxt not in FRACTIONS:
                return None
        elif w not in UNITS and w not in TENS:
            return None
        total, current, last = 0.0, 0.0, ""
        while (w := self.word(self.i)) is not None:
            nxt = self.word(self.i + 1)
            if w in {"a", "an"} and not last:
                current, last = 1.0, "unit"
            elif w in UNITS and last != "unit" and not (last == "tens" and UNITS[w] >= 10):
                current += UNITS[w]
                last = "unit"
            elif w in TENS and last not in {"unit", "tens"}:
                current += TENS[w]
                last = "tens"
            elif w in FRACTIONS and last in {"unit", "tens"} and not total:  # "three quarters"
                current /= FRACTIONS[w]
                self.i += 1
                scale = self.word(self.i + 2)  # "a quarter of a million"
                if self.word(self.i) == "of" and self.word(self.i + 1) in {"a", "an"} \
                        and scale in _WORD_SCALES:
                    current *= _WORD_SCALES[scale]
                    self.i += 3
                break
            elif w in {"hundred", "dozen"} and last in {"unit", "tens", "point"}:
                current *= 100 if w == "hundred" else 12
                last = "hundred"
            elif w in _WORD_SCALES and last in {"unit", "tens", "hundred", "point"}:
                total += current * _WORD_SCALES[w]
                current, last = 0.0, "scale"
            elif w == "and" and last in {"hundred", "scale"} and (nxt in UNITS or nxt in TENS):
                last = "and"
            elif w == "and" and nxt in {"a", "an"} and self.word(self.i + 2) == "half" \
                    and last in {"unit", "tens"}:
                current += 0.5
                self.i += 2
                last = "point"
            elif w == "point" and last in {"unit", "tens"} and nxt in _DIGIT_WORDS:
                digits = ""
                while (d := self.word(self.i + 1)) in _DIGIT_WORDS:
                    digits += str(UNITS[d])
                    self.i += 1
                current += float("0." + digits)
                last = "point"
            else:
                break
            self.i += 1
        return (total + current,)

    def _scale(self, readings: tuple[float, ...]) -> tuple[float, ...]:
        """Multiply by the scale words that follow: "1.5 million", "3 hundred thousand"."""
        factor = 1.0
        while (w := self.word(self.i)) is not None:
            if w in {"hundred", "hundreds"}:
                factor *= 100.0
            elif w in {"dozen", "dozens"}:
                factor *= 12.0
            elif w in SCALES:
                factor *= SCALES[w]
            else:
                break
            self.i += 1
        return tuple(r * factor for r in readings)

    def _percent(self, readings: tuple[float, ...]) -> tuple[float, ...]:
        kind = self.toks[self.i][0] if self.i < len(self.toks) else None
        if kind == "pct" or self.word(self.i) == "percent":
            self.i += 1
        elif self.word(self.i) == "per" and self.word(self.i + 1) == "cent":
            self.i += 2
        else:
            return readings
        return readings + tuple(r / 100 for r in readings)


_ORDINAL_SPEC = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                 "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                 "nineteenth twentieth")
_ORDINALS = {w: i + 1 for i, w in enumerate(_ORDINAL_SPEC.split())}
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def numeral(word: str) -> int | None:
    """The whole number one folded word stands for as a name's numeral, or None.

    "2", "ii", "two", "second" and "2nd" are all 2, so "World War 2" answers "World War II" and
    "Henry the 8th" answers "Henry VIII". Roman numerals are read up to 39 (i, v, x only).
    """
    if word.isdigit():
        return int(word) if len(word) <= 6 else None
    if word in UNITS or word in TENS:
        return UNITS.get(word, TENS.get(word))
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word[-2:] in {"st", "nd", "rd", "th"} and word[:-2].isdigit() and len(word) <= 8:
        return int(word[:-2])
    if word and _ROMAN.fullmatch(word):
        values = [_ROMAN_VALUES[ch] for ch in word]
        return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    return None


def _prepare(text: str) -> str:
    def vulgar(match: re.Match[str]) -> str:
        fraction = f"{unicodedata.numeric(match.group(2)):.6g}"
        return match.group(1) + fraction[1:] if match.group(1) else f" {fraction} "

    return re.sub(r"[ \t]+", " ", fold(_VULGAR.sub(vulgar, text)))


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in `text`, in order (the same number written twice appears twice)."""
    return _Scanner(_prepare(text)).run()


def distinct_numbers(text: str) -> list[NumberMatch]:
    """The numbers in `text` with repeats of the same value dropped."""
    unique: list[NumberMatch] = []
    for match in find_numbers(text):
        if not any(match.same_as(seen) for seen in unique):
            unique.append(match)
    return unique


def parse_number(text: str) -> float | None:
    """The one number `text` states, or None when it states none or several different ones.

    "about 11,000" → 11000.0; "11k" → 11000.0; "eleven thousand" → 11000.0; "11,000 (eleven
    thousand)" → 11000.0; "11000 or 12000" → None. For an ambiguous "1.500" this is 1.5 (the
    alternative reading is in `find_numbers(text)[0].readings`).
    """
    numbers = distinct_numbers(text)
    return numbers[0].value if len(numbers) == 1 else None


_STATED = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand))?"
                     r"|\d[\d,]*(?:\.\d+)?(?:\s?%|\s(?:percent|per cent|million|billion|trillion"
                     r"|thousand))?", re.IGNORECASE)
_YEAR_WORDS = re.compile(r"\b(?:year|when|century|decade)\b", re.IGNORECASE)


def as_stated(value: float, texts: Sequence[str | None], plain: str) -> str:
    """`value` written the way the question's own texts write it ("$800", "24 %", "1 million"),
    else `plain`; a whole number that is a year (1000-2100 where the texts speak of a year or
    ask "when") is never given thousands separators ("2016", not "2,016")."""
    for text in texts:
        for match in _STATED.finditer(text or ""):
            written = match.group(0).rstrip(",.")
            parsed = parse_number(written)
            if parsed is not None and math.isclose(parsed, value, rel_tol=1e-9, abs_tol=1e-9):
                return written
    if float(value).is_integer() and 1000 <= value <= 2100 and any(
            _YEAR_WORDS.search(t or "") for t in texts):
        return str(int(value))
    return plain
