"""Bytes of YAML → the node graph the pack checks walk (libyaml first, the pure parser for errors).

Split from nodes.py: composing is about parsers and their failure modes (syntax errors, control
characters, escapes past U+10FFFF, nesting); nodes.py is about reading typed values from nodes.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.packs.limits import bad_escape
from bot.core.packs.nodes import Problems

_FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # libyaml: ~10x faster, same nodes and marks


def _plain_style_as_none(root: Node | None) -> Node | None:
    """libyaml marks a plain scalar with style '' where the pure parser (and these checks) use
    None; each node is visited once even when aliases share it."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return root


def compose(text: str, problems: Problems) -> Node | None:
    """The document's root node, or None after reporting a syntax error or an empty file.

    libyaml composes the same node graph with the same line marks; a document it refuses is
    composed again by the pure-Python parser, whose error messages the problem lines are built on.
    """
    if _FAST_LOADER is not None:
        try:
            root = yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
            pass  # the pure parser below reports it
        else:
            if root is None:
                problems.add(1, "empty file: a pack needs id, title, description, source and "
                                "questions")
            return _plain_style_as_none(root)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        problems.add(*_syntax_problem(err))
        return None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        problems.add(line, f"not valid YAML: the control character U+{err.character:04X} is not "
                           f"allowed (position {err.position})")
        return None
    except yaml.YAMLError as err:  # any other parser complaint without a mark
        problems.add(1, f"not valid YAML: {err}")
        return None
    except RecursionError:
        problems.add(1, "not valid YAML for a pack: nested far too deeply")
        return None
    except (ValueError, OverflowError):  # PyYAML's chr() of an escape past U+10FFFF
        problems.add(*bad_escape(text))
        return None
    if root is None:
        problems.add(1, "empty file: a pack needs id, title, description, source and questions")
    return root


def _syntax_problem(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else 1
    if err.problem == "but found another document":
        return line, "a pack file holds one YAML document, but a second one ('---') starts here"
    message = f"not valid YAML: {err.problem or err.context or 'syntax error'}"
    if err.context and err.problem and err.context_mark is not None:
        message += f" ({err.context} starting on line {err.context_mark.line + 1})"
    if "'\\t'" in message:
        message += "; indent with spaces, YAML does not allow tabs there"
    return line, message
