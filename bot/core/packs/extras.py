"""The pack keys that only `ask` reads: `glossary:` and the article text (`source: text:`).

Why a module of their own: the loader is shared by several features; these two keys are checked
here, with FILE:LINE problems like every other key, and the loader only calls `read_glossary`
and `read_article`.

- `glossary:` maps a term of the subject to the other ways students write it (synonyms,
  abbreviations, nicknames, misspellings): `el chapo: [chapo, guzman, joaquin guzman]`. `ask`
  reads every variant as the term, in the packs and in questions.
- `source: text:` is the article itself, inline (a block of text) or the name of a `.txt` file
  beside the pack; `ask` may answer from its sentences, quoting one, when no explainer fits.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import Node

from bot.core.packs.nodes import NodeReader, line_of

MAX_ARTICLE_CHARS = 200_000  # a long feature article is ~40k characters
MAX_GLOSSARY_TERMS = 500
MAX_VARIANTS = 40
MAX_ALL_VARIANTS = 2000  # the variants become one pattern per index: keep it small
MAX_VARIANT_CHARS = 80


def read_glossary(reader: NodeReader, key: Node, node: Node) -> tuple[tuple[str, tuple[str, ...]],
                                                                     ...]:
    """term → variants, each variant owned by one term; problems reported at their lines."""
    pairs = reader.mapping(node, "glossary")
    if pairs is None:
        return ()
    if len(pairs) > MAX_GLOSSARY_TERMS:
        reader.problems.add(line_of(key), f"glossary has {len(pairs)} terms; at most "
                                          f"{MAX_GLOSSARY_TERMS} are read")
        return ()
    owner: dict[str, tuple[str, int]] = {}
    out: list[tuple[str, tuple[str, ...]]] = []
    for term, (term_key, value) in pairs.items():
        items = reader.texts(value, f"glossary '{term}'", line_of(term_key))
        if items is None:
            continue
        if not items or len(items) > MAX_VARIANTS:
            reader.problems.add(line_of(term_key), f"glossary '{term}' should list 1 to "
                                                   f"{MAX_VARIANTS} variants, not {len(items)}")
            continue
        variants: list[str] = []
        for variant, item in items:
            if len(variant) > MAX_VARIANT_CHARS:
                reader.problems.add(line_of(item), f"glossary variant '{variant[:30]}…' is over "
                                                   f"{MAX_VARIANT_CHARS} characters")
                continue
            if len(owner) >= MAX_ALL_VARIANTS:
                reader.problems.add(line_of(item), f"glossary has over {MAX_ALL_VARIANTS} "
                                                   f"variants in all; keep the ones students use")
                return ()
            folded = variant.casefold()
            first = owner.get(folded)
            if first is not None and first[0] != term:
                reader.problems.add(line_of(item), f"glossary variant '{variant}' is already "
                                                   f"listed under '{first[0]}' (line {first[1]})")
                continue
            owner.setdefault(folded, (term, line_of(item)))
            variants.append(variant)
        out.append((term, tuple(variants)))
    return tuple(out)


def read_article(reader: NodeReader, key: Node, node: Node, base: Path | None) -> str | None:
    """The article text: inline, or a `.txt` file beside a pack read from disk (`base`, its
    folder; never outside it, and never for an upload, which has no folder)."""
    value = reader.text(node, "source text", line_of(key))
    if value is None:
        return None
    if "\n" not in value and value.lower().endswith(".txt"):
        name = Path(value)
        if name.is_absolute() or ".." in name.parts or len(name.parts) != 1:
            reader.problems.add(line_of(key), f"source text '{value}' should name a file in the "
                                              f"pack's own folder")
            return None
        if base is None:
            reader.problems.add(line_of(key), f"source text '{value}' names a file, but this pack "
                                              f"was not read from a folder; write the text inline")
            return None
        path = base / name
        try:
            value = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = "not UTF-8" if isinstance(err, UnicodeDecodeError) else "no such file"
            reader.problems.add(line_of(key), f"source text '{name}' cannot be read beside the "
                                              f"pack ({reason}); write the text inline instead")
            return None
    if len(value) > MAX_ARTICLE_CHARS:
        reader.problems.add(line_of(key), f"source text is {len(value):,} characters; at most "
                                          f"{MAX_ARTICLE_CHARS:,}")
        return None
    return value.strip() or None

