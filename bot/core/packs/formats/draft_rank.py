"""How central a candidate fact is to the article, so that only the best few are asked.

Held-out reviewers dropped the figures that set a scene (a town's population, how long someone
has held a job, a permit's side condition) and missed the ones that carry the piece. What makes
a figure central is plain article structure, whatever the subject:
- its sentence shares words with the headline and the lede, and with the words the article
  repeats most (its subject);
- it is compared or changes ("up from £41,000", "compared with 39 million", "from 68 to 41"):
  the comparison is the finding;
- it is money or a share, or the article states it more than once, or in its lead or close;
- it is not colour: a place's population, a person's years in a post, a span in the opening
  sentence ("For 57 years, …"), the size of a sentence's subject ("A batch of 300 wheels …
  developed mould": the prompt would print the point and ask the side number), a figure in an
  aside (", as the club nearly did when it owed £6.2 million,") are never blanked.
Fewer questions are better than weak ones: a draft keeps the top few only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.core.packs.formats.draft_text import Figure, figures

MAX_KEPT = 10
MIN_KEPT = 4
MIN_SHARE = 0.3  # a fact scoring under this share of the best one is not worth a question


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words("""the a an and or but of to in on at for by with from as is are was were be been
    being has have had it its this that these those they their them he his she her
    we our you your i my not no than then there here which who whom whose what when
    where why how would could should will can may might must also more most less
    least very about over under into out up down after before since until while
    because if so such said says per one two three year years new last first other
    some many much all any each every only just even still yet again now today""")
_COMPARED = re.compile(r"\b(?:compared (?:with|to)|up from|down from|against|than|from\b[^.;]*"
                       r"\bto\b|rose|fell|grew|dropped|doubled|halved|increase|decrease|cut|"
                       r"raise|reduce|lower|higher|more than double|instead of|versus|vs)\b",
                       re.IGNORECASE)
_POPULATION = re.compile(r"\b(?:town|city|village|county|island|borough|parish|suburb|"
                         r"population)\b[^.;]{0,25}\b(?:of|with)\s+(?:about\s+|around\s+|some\s+|"
                         r"roughly\s+|nearly\s+)?$", re.IGNORECASE)
_POPULATION_OF = re.compile(r"\bpopulation of\s+(?:about\s+|around\s+|some\s+|roughly\s+|"
                            r"nearly\s+|almost\s+|just over\s+|just under\s+)?$", re.IGNORECASE)
_PEOPLE = frozenset({"people", "resident", "inhabitant", "soul"})
_TENURE = re.compile(r"(?:\b[a-z]+(?:maker|keeper|er|or|ist|ian|manager|chief|head|chair|"
                     r"director|officer)\s+(?:for|of)|\b(?:held|had|worked|served|been|"
                     r"lived|run|farmed|taught)\b[^.;,]{0,40}\bfor)\s+(?:almost\s+|nearly\s+|"
                     r"more than\s+|over\s+)?$", re.IGNORECASE)
_SPAN_NOUNS = frozenset({"year", "decade", "month", "week"})
_SUBJECT_SIZE = re.compile(r"^(?:A|An)\s+(?:[a-z]+\s+)?(?:batch|group|crowd|fleet|team|handful|"
                           r"total|number|series|set|herd|flock|party|sample|lot|cluster|"
                           r"collection|consignment|shipment|load)\s+of\s+(?:about\s+|some\s+|"
                           r"around\s+|nearly\s+)?$")
_ASIDE = re.compile(r",\s+as\s+[^,;]*$|\(\s*[^)]*$")
_OPENING_SPAN = re.compile(r"^(?:For|Over|In|Within|After)\s+(?:the\s+)?(?:past\s+|last\s+|"
                           r"nearly\s+|almost\s+|about\s+)?$")


def _stem(word: str) -> str:
    word = word.lower().strip("“”\"'’(),.;:!?")
    word = re.sub(r"['’]s$", "", word)
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> list[str]:
    return [w for w in (_stem(t) for t in text.split())
            if len(w) > 2 and w.isalpha() and w not in _STOP]


def colour(sentence: str, figure: Figure, *, opening: bool) -> str | None:
    """Why this figure is colour rather than content, or None: a place's population, a
    person's time in a post, a span that opens the article."""
    before = sentence[:figure.start]
    if figure.unit is None and (figure.noun in _PEOPLE and _POPULATION.search(before)
                                or _POPULATION_OF.search(before)):
        return "a place's population"
    if figure.noun in _SPAN_NOUNS and _TENURE.search(before):
        return "someone's time in a post"
    if opening and figure.noun in _SPAN_NOUNS and _OPENING_SPAN.match(before):
        return "the opening sentence's scene-setting span"
    if _SUBJECT_SIZE.match(before) or before.strip() in ("The", "A", "An"):
        return "the size of the subject ('A batch of 300 wheels … developed mould'): the point " \
               "is what happened to it"
    if _ASIDE.search(before):
        return "an aside (', as the club nearly did in 2008 owing £6.2 million, …')"
    return None


class Centrality:
    """Scores sentences against the article's headline, lede and most repeated words."""

    def __init__(self, headline: str, body: Sequence[str]) -> None:
        counts = Counter(w for text in body for w in set(content_words(text)))
        self.common = {w: n for w, n in counts.most_common(12) if n >= 3}
        self.headline = set(content_words(headline))
        self.lede = set(content_words(" ".join(body[:1])))
        self.body = list(body)

    def score(self, sentence: str, figure: Figure, paragraph: int) -> float:
        words = set(content_words(sentence))
        top = max(self.common.values(), default=1)
        overlap = sum(self.common.get(w, 0) / top for w in words)
        overlap += sum(1.0 for w in words if w in self.headline)
        overlap += sum(0.5 for w in words if w in self.lede)
        score = min(overlap, 3.0)
        others = [f for f in figures(sentence) if f.start != figure.start and not f.is_year()
                  and (f.unit, f.scale) == (figure.unit, figure.scale)]
        if others or _COMPARED.search(sentence):
            score += 2.0
        elif self._compared_nearby(figure, paragraph):
            score += 1.0  # "a crowd of 5,870" beside "a capacity of 9,200": evidence weighed
        if figure.unit or figure.scale:
            score += 1.5
        times = sum(1 for text in self.body for f in figures(text) if f.key == figure.key)
        score += 1.0 * (times - 1)
        if paragraph in (1, 2, len(self.body)):
            score += 0.5
        return score


    def _compared_nearby(self, figure: Figure, paragraph: int) -> bool:
        """Another figure of the same kind and a like size elsewhere in the paragraph."""
        text = self.body[paragraph - 1] if 0 < paragraph <= len(self.body) else ""
        return any(f.key != figure.key and not f.is_year() and (f.unit, f.scale) == (
            figure.unit, figure.scale) and f.value > 0 and figure.value > 0 and
            max(f.value, figure.value) / min(f.value, figure.value) <= 10 for f in figures(text))


def best_few(items: list[tuple[float, int]]) -> list[int]:
    """Indexes of the items worth keeping (score, order): the top MAX_KEPT, none under MIN_SHARE
    of the best (but at least MIN_KEPT when there are that many), in article order."""
    if not items:
        return []
    ranked = sorted(range(len(items)), key=lambda i: -items[i][0])
    best = items[ranked[0]][0]
    kept = [i for n, i in enumerate(ranked[:MAX_KEPT])
            if n < MIN_KEPT or items[i][0] >= best * MIN_SHARE]
    return sorted(kept, key=lambda i: items[i][1])
