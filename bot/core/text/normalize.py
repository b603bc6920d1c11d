"""Folding and tokenizing for the answer judge.

Learners type on phones, in a hurry, in several keyboards' worth of accents and punctuation. Every
judge (text, number, choice, order, true/false) first turns a response into the same plain shape:
casefolded, accents stripped (NFKD), invisible characters (RTL marks, zero-width spaces, NUL)
dropped, and split into word tokens plus the few separator tokens (`,` `;` `/` `&` …) that tell a
list of guesses from a qualified answer.

Work is capped before anything else happens: `refusal` rejects empty and over-long responses
(more than MAX_RESPONSE_CHARS characters once trimmed) so a 10,000-character paste costs nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.core.text.phrases import TEXT

MAX_RESPONSE_CHARS = 300

# Sentences of bot.core.text.phrases (translated in bot/i18n).
EMPTY_REASON = TEXT.say("judge.empty")
NO_WORDS_REASON = TEXT.say("judge.no_words")
TOO_LONG_REASON = TEXT.say("judge.too_long", limit=MAX_RESPONSE_CHARS)

# Letters NFKD does not decompose but every reader would call "the same letter without accent".
_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                              "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t"})
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n",
                              "\v": "\n", "\f": "\n"})
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
# A word: letters/digits (with stray combining marks), joined across apostrophes ("o'brien"),
# a decimal point ("24.5") and a thousands comma ("11,000"), so numbers stay one token; "1,2"
# stays two tokens (a list).
_WORD = rf"(?:[^\W_]|[{_MARKS}])+"
_TOKEN = re.compile(
    rf"(?P<word>{_WORD}(?:(?:[{_APOSTROPHES}]|(?<=\d)(?:\.(?=\d)|,(?=\d{{3}}(?!\d)))){_WORD})*)"
    r"|(?P<sep>[,;/|&+?\n])"
)
_PLAIN_WORD = re.compile(r"[^\W_]+(?:[.,][^\W_]+)*")
_INITIALISM = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
# "it's", "that's" … keep their 's (they are fillers); other 's are possessives and go.
_KEEP_S = frozenset({"it", "that", "what", "he", "she", "there", "here", "who", "where", "let",
                     "how"})


@dataclass(frozen=True)
class Token:
    """One word or separator of a response. `text` is folded; `raw` is as the learner typed it."""

    kind: str  # "word" or "sep"
    text: str
    raw: str


def _strip_invisible(text: str) -> str:
    """Drop format characters (RTL marks, zero-width joiners, BOM) and unify line breaks."""
    text = text.translate(_LINE_BREAKS)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fold(text: str) -> str:
    """Casefold, strip accents and compatibility forms; keep punctuation for later steps.

    Control characters and odd spaces become plain spaces, line breaks stay newlines (a newline
    between guesses separates them like ';' does).
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", _strip_invisible(text).casefold()):
        category = unicodedata.category(ch)
        if category == "Mn":
            continue
        if ch == "\n":
            out.append(ch)
        elif category[0] in "CZ":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).translate(_EXTRA_FOLDS)


def _fold_word(raw: str) -> list[str]:
    """Fold one raw word token; it may fall apart into several ("½" → "1", "2")."""
    text = fold(raw)
    for mark in _APOSTROPHES:
        if mark in text:
            head, _, tail = text.rpartition(mark)
            if tail == "s" and head and head not in _KEEP_S and mark == text[-2]:
                text = head
            text = text.replace(mark, "")
    text = _DIGIT_COMMA.sub("", text)
    return _PLAIN_WORD.findall(text)


def tokenize(text: str) -> list[Token]:
    """Words and separators of `text`, in order. Linear in the length of `text`."""
    text = unicodedata.normalize("NFC", _strip_invisible(text))
    text = _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), text)
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if match.lastgroup == "sep":
            tokens.append(Token("sep", raw, raw))
            continue
        tokens.extend(Token("word", word, raw) for word in _fold_word(raw))
    return tokens


def words(text: str) -> list[str]:
    """The folded words of `text` (separators dropped)."""
    return [token.text for token in tokenize(text) if token.kind == "word"]


def normalize(text: str) -> str:
    """The comparable form of `text`: folded words joined by single spaces.

    Case, accents, punctuation, apostrophes and repeated spaces disappear; a '.' between digits
    stays ("24.5"), a ',' between digits goes ("11,000" → "11000"), initialisms close up
    ("U.S.A." → "usa"), possessive 's goes ("Fox's" → "fox"). Fillers and articles are NOT
    removed here: that depends on the question (an article is also the choice letter "a"), so
    the judges handle them.
    """
    return " ".join(words(text))


def as_text(response: object) -> str:
    """A response as a string: frontends may hand over None (no text) or a number."""
    if response is None:
        return ""
    return response if isinstance(response, str) else str(response)


def refusal(response: object) -> str | None:
    """Why `response` cannot be judged at all (empty, symbols only, too long), or None.

    Checked before any real work so that huge or hostile input is cheap to refuse.
    """
    text = as_text(response).strip()
    if len(text) > MAX_RESPONSE_CHARS:
        return TOO_LONG_REASON
    visible = _strip_invisible(text)
    if not any(ch.isalnum() for ch in visible):
        if any(ch.isprintable() and not ch.isspace() for ch in visible):
            return NO_WORDS_REASON
        return EMPTY_REASON
    return None
