"""HTML from quiz banks (Moodle's editor writes it) → the plain text a Discord message shows.

Chemistry and maths are why tags cannot simply become spaces: `CO<sub>2</sub>` must read `CO₂`
(not `CO 2`), `x<sup>2</sup>` `x²`, and `H&#8322;O` or `&amp;` their characters. Inline tags
(b, i, span, a, sub, sup) join their text to the words around them; block tags (p, div, br,
li, headings, table cells) separate. Scripts and styles are dropped with their content.
Python's own html.parser does the tokenising, so broken markup never raises.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SUB = str.maketrans("0123456789+-=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2",
                    "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "dd", "dt"})
_DROPPED = frozenset({"script", "style"})
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.script = 0
        self.marks: list[str] = []  # open sub/sup

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.script += 1
        elif tag in ("sub", "sup"):
            self.marks.append(tag)
        elif tag in _BLOCK:
            self.parts.append(" ")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.script = max(0, self.script - 1)
        elif tag in ("sub", "sup") and tag in self.marks:
            self.marks.remove(tag)
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.script:
            return
        if self.marks:
            table = _SUB if self.marks[-1] == "sub" else _SUP
            converted = data.translate(table)
            # a character with no sub/superscript form keeps the plain reading: "x^(a)"
            if any(c.isalnum() and c == t for c, t in zip(data, converted, strict=True)):
                converted = f"_{data}" if self.marks[-1] == "sub" else f"^{data}"
            data = converted
        self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when the text holds a tag or an entity (so plain 'a < b' stays as written)."""
    return bool(_TAG.search(text) or _ENTITY.search(text))


def html_to_text(text: str) -> str:
    """Tags removed, sub/superscripts and entities as characters, spaces collapsed."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    plain = "".join(parser.parts).replace("\xa0", " ")
    plain = re.sub(r"[ \t\n]+", " ", plain).strip()
    return re.sub(r" ([.,;:!?)])", r"\1", plain)
