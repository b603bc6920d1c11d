"""What a prompt's words refer to, seen from the student's side: only the prompt is on screen.

Held-out reviewers dropped prompts whose "it", "she" or "the trust" pointed at a sentence the
student never sees, and they faulted the drafter for flagging proper names as lost. Two rules of
English, whatever the subject:
- a pronoun inside a sentence ("Each extra tonne it can sell…") needs a noun before it in the
  same sentence to refer to: a name for he/she, a noun phrase ("the cooperative", "a grant",
  a capitalised name, a plural noun) for it/they; without one it dangles;
- a definite noun phrase whose head the article named in full earlier ("the trust" after "the
  Orran Wildlife Trust") is repaired by printing the full name; a student then knows which.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PRONOUN = re.compile(r"\b(it|its|they|them|their|theirs|he|him|his|she|her|hers)\b")
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
_FUNCTION = _words("""the a an in on at for but and when if as by with after before since until
    while
    although though because over under during from to of last next this that these
    those each every most some many all both several its their his her our we they
    it he she there here so yet still also meanwhile however instead once""")
_DETERMINERS = _words("""the a an this that these those our their its his her""")
_PLURAL = re.compile(r"\b[a-z]{3,}(?<!ss)(?<!us)(?<!is)s\b")
_TIME = _words("""year years week weeks month months day days spring summer autumn fall winter
    season seasons morning evening weekend quarter decade decades century time""")


def _noun_phrases(prefix: str) -> list[str]:
    """The heads of the noun phrases in the prefix: a determiner's words up to the next
    function word ("the two years since" → "years"; "the cooperative matured" → "matured",
    good enough: something is there to refer to)."""
    words = [w.strip("“\"'(,;:.").lower() for w in prefix.split()]
    heads = []
    for index, word in enumerate(words):
        if word not in _DETERMINERS:
            continue
        phrase = []
        for following in words[index + 1:index + 5]:
            if following in _FUNCTION or not following:
                break
            phrase.append(following)
        if phrase:
            heads.append(phrase[-1])
    return heads


def _refers(head: str) -> bool:
    """A noun phrase that can be referred to: not a span of time ("the two years")."""
    return head.split()[-1].lower() not in _TIME


def _names_before(prefix: str) -> bool:
    """A capitalised word that is a name: not the sentence's opening function word."""
    words = prefix.split()
    for index, word in enumerate(words):
        bare = word.strip("“\"'(,;:")
        if not bare[:1].isupper():
            continue
        if index == 0 and (bare.lower() in _FUNCTION or bare.lower().endswith(("ing", "ly"))):
            continue  # "Selling it…", "Recently, she…": an opening word, not a name
        return True
    return False


def dangling_pronoun(sentence: str) -> str | None:
    """The first pronoun after the sentence's opening words with nothing before it to refer to
    ("Each extra tonne of cheese it can sell…" → "it"); None when every pronoun has a noun."""
    for match in _PRONOUN.finditer(sentence):
        if match.start() == 0:
            continue  # an opening pronoun is lost_referent's business
        prefix = sentence[:match.start()]
        if _names_before(prefix):
            continue
        if match.group(1) not in _PERSONAL and (
                any(_refers(head) for head in _noun_phrases(prefix))
                or any(_refers(m.group()) for m in _PLURAL.finditer(prefix))):
            continue
        return match.group(1)
    return None


_HEAD = re.compile(r"\b([Tt]he)\s+([a-z][a-z-]{2,})\b(?!\s+[A-Z])")
_NAME = r"((?:[A-Z][\w'’&.-]*\s+(?:of\s+|for\s+|and\s+)?){{1,5}}){head}\b(?!\s+[A-Z])"
_LINKING = _words("""is are was were has have had will would can could may might should must
    said says told argues found showed shows estimates expects plans wants""")
_PLACES = _words("""city town village county state country region district world nation island coast
    valley""")  # "the city" is the article's own setting


def full_name(head: str, earlier: str) -> str | None:
    """'trust' after 'the Orran Wildlife Trust' → 'Orran Wildlife Trust'; None when the article
    named no single such thing (two different trusts leave 'the trust' as it is)."""
    pattern = re.compile(_NAME.format(head=re.escape(head.capitalize())))
    names = {re.sub(r"\s+", " ", m.group(0)).strip() for m in pattern.finditer(earlier)
             if m.group(1).split()[0].lower() not in _FUNCTION - {"the"}}
    names = {n.removeprefix("The ").strip() for n in names}
    if len(names) != 1:
        return None
    name = names.pop()
    return name if len(name.split()) > 1 else None


def with_full_names(text: str, earlier: str) -> str:
    """The text with each 'the NOUN' the article named in full earlier printed in full, once."""
    done: set[str] = set()

    def repl(match: re.Match[str]) -> str:
        article, head = match.group(1), match.group(2)
        after = re.match(r"\s+([a-z][a-z-]+)", text[match.end():])
        if after and after.group(1) not in _FUNCTION | _LINKING:
            return match.group(0)  # "the library service": a modifier, not the library
        name = None if head in done or head in _PLACES else full_name(head, earlier)
        if name is None:
            return match.group(0)
        done.add(head)
        return f"{article} {name}"

    return _HEAD.sub(repl, text)
