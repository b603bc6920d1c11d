"""Discord's rules for components v2 messages that its OpenAPI schema cannot express.

Used by the contract harness (contract.validate runs check_components_v2 on every body it
validates) and by the quiz driver (a clicked card must stay a card: check_keeps_v2). The
schema itself already describes each v2 component (container 17, section 9, text display 10,
thumbnail 11, media gallery 12, separator 14, action rows inside containers): these are the
message-wide limits on top of it, from Discord's "Using Message Components" and "Component
Reference" pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

COMPONENTS_V2 = 1 << 15  # MessageFlags.IS_COMPONENTS_V2
# section, text display, thumbnail, media gallery, file, separator, container
V2_TYPES = {9, 10, 11, 12, 13, 14, 17}
COMPONENT_LIMIT = 40
TEXT_DISPLAY_TOTAL = 4000
CUSTOM_ID_LIMIT = 100


def walk_components(components: Any) -> Iterator[dict[str, Any]]:
    """Every component of a message body, nested ones included (rows, containers, sections
    and their accessories)."""
    for component in components or []:
        if not isinstance(component, dict):
            continue
        yield component
        yield from walk_components(component.get("components"))
        if isinstance(component.get("accessory"), dict):
            yield from walk_components([component["accessory"]])


def check_components_v2(payload: Any) -> None:
    """Discord's rules for components v2 messages that the OpenAPI schema cannot express.

    A body with layout components (container 17, section 9, text display 10, thumbnail 11,
    media gallery 12, file 13, separator 14) must carry the IS_COMPONENTS_V2 flag, and a body
    with that flag may have no content and no embeds; at most 40 components in all, nested
    ones counted; at most 4000 characters of text display content in the whole message; every
    custom_id within 100 characters and unique in its message."""
    data = payload.get("data", payload) if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        return
    components = list(walk_components(data.get("components")))
    v2 = bool(int(data.get("flags") or 0) & COMPONENTS_V2)
    layout = sorted({c.get("type") for c in components} & V2_TYPES)
    assert v2 or not layout, f"v2 components {layout} without the IS_COMPONENTS_V2 flag"
    if v2:
        assert not data.get("content"), "a components v2 message cannot have content"
        assert not data.get("embeds"), "a components v2 message cannot have embeds"
        assert data.get("components"), "a components v2 message needs a component"
    assert len(components) <= COMPONENT_LIMIT, f"{len(components)} components (> 40)"
    text = sum(len(c.get("content") or "") for c in components if c.get("type") == 10)
    assert text <= TEXT_DISPLAY_TOTAL, f"text displays total {text} characters (> 4000)"
    ids = [c["custom_id"] for c in components if "custom_id" in c]
    assert all(len(i) <= CUSTOM_ID_LIMIT for i in ids), f"custom_id over 100: {ids}"
    assert len(ids) == len(set(ids)), f"custom_ids repeat in one message: {ids}"


def check_keeps_v2(before_flags: int, edit: Any) -> None:
    """A message sent with IS_COMPONENTS_V2 can never lose it: every edit that changes what
    it shows must be components v2 too."""
    data = edit.get("data", edit) if isinstance(edit, dict) else None
    if not (before_flags & COMPONENTS_V2) or not isinstance(data, dict):
        return
    if any(key in data for key in ("components", "content", "embeds")):
        assert int(data.get("flags") or 0) & COMPONENTS_V2, (
            "an edit tried to turn a components v2 message back into a plain one")


