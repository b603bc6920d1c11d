"""Contract harness: capture what the bot would send to Discord, check it against its schema.

Why at the HTTP boundary: a hand-built dict proves nothing; what matters is the JSON discord.py
itself serialises from our embeds, views, modals and flags. So the two places where discord.py
leaves the process are patched: `HTTPClient.request` (bot-token routes: channel messages,
command sync, application info) and `AsyncWebhookAdapter.request` (interaction callbacks,
followups, edits of the original response). Nothing ever reaches the network.

Typical use (shared with the quiz-cog tests):

    with capture_requests() as sent:
        await dispatch(bot, command_payload(bot, "ask", question="what is X?"))
    for request in sent:
        validate_request(request)      # picks the schema from the route (and callback type)

The interaction builders live in payloads.py and are re-exported here for one-stop imports.

Interactions go through discord.py's own gateway path (`ConnectionState.parse_interaction_create`),
so the command tree, view store and modal store route them exactly as in production.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from unittest.mock import patch

import discord
import pytest
from discord.http import HTTPClient
from discord.webhook.async_ import AsyncWebhookAdapter
from payloads import (  # noqa: F401  (re-exported for the tests)
    APP_ID,
    CHANNEL_ID,
    DEFAULT_PERMISSIONS,
    GUILD_ID,
    MANAGE_GUILD,
    OTHER_GUILD_ID,
    USER_ID,
    autocomplete_payload,
    command_payload,
    component_payload,
    dispatch,
    make_interaction,
    message_payload,
    modal_payload,
    pretend_logged_in,
    resolved_roles,
    resolved_user,
    snowflake,
    stored_views,
    user_payload,
)
from v2_rules import (  # noqa: F401  (re-exported for the tests)
    COMPONENTS_V2,
    check_components_v2,
    check_keeps_v2,
    walk_components,
)

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "discord-api-spec" / "openapi.json"
requires_spec = pytest.mark.skipif(not SPEC_PATH.is_file(),
                                   reason=f"Discord API schema not found at {SPEC_PATH}")

# -- capturing ------------------------------------------------------------------------------------
class UploadedFile(NamedTuple):
    """One multipart file part: `field` is "files[0]", "files[1]", …"""

    field: str
    filename: str
    data: bytes


class Request(NamedTuple):
    """One request discord.py tried to send: `route_key` is "METHOD /path/{template}".

    `files` holds the uploaded files of a multipart request (their metadata is in
    `payload["attachments"]`, or `payload["data"]["attachments"]` for an interaction callback).
    """

    route_key: str
    payload: Any
    files: tuple[UploadedFile, ...] = ()
    edited_flags: int | None = None  # an edit of a message sent in this capture: its flags

    @property
    def method(self) -> str:
        return self.route_key.split(" ", 1)[0]

    @property
    def path(self) -> str:
        return self.route_key.split(" ", 1)[1]


def _body(kwargs: Mapping[str, Any]) -> Any:
    """The JSON body of a request, whether sent as JSON or as multipart payload_json."""
    for key in ("payload", "json"):
        if kwargs.get(key) is not None:
            return kwargs[key]
    for key in ("multipart", "form"):
        for part in kwargs.get(key) or []:
            if part.get("name") == "payload_json":
                return json.loads(part["value"])
    return None


def _files(kwargs: Mapping[str, Any]) -> tuple[UploadedFile, ...]:
    """The file parts of a multipart request, read without disturbing the file's position."""
    found = []
    for key in ("multipart", "form"):
        for part in kwargs.get(key) or []:
            if not str(part.get("name", "")).startswith("files["):
                continue
            fp = part["value"]
            position = fp.tell()
            data = fp.read()
            fp.seek(position)
            found.append(UploadedFile(part["name"], part.get("filename") or "", data))
    return tuple(found)


def _default_response(route: discord.http.Route, body: Any) -> Any:
    """Plausible Discord replies, so discord.py keeps going (stores views, builds messages)."""
    key = f"{route.method} {route.path}"
    if route.path.endswith("/callback"):
        kind = (body or {}).get("type")
        data = (body or {}).get("data") or {}
        message_id = snowflake()
        reply: dict[str, Any] = {"interaction": {
            "id": str(route.webhook_id), "type": 2, "response_message_id": str(message_id),
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool((data.get("flags") or 0) & 64)}}
        if kind in (4, 7):
            reply["resource"] = {"type": kind, "message": message_payload(data,
                                                                          message_id=message_id)}
        elif kind is not None:
            reply["resource"] = {"type": kind}
        return reply
    if route.method == "DELETE":
        return None
    if "/messages" in route.path or key == "POST /webhooks/{webhook_id}/{webhook_token}":
        return message_payload(body)
    if route.path.endswith("/commands") and route.method == "PUT":
        return [dict(cmd, id=str(snowflake()), application_id=str(APP_ID), version="1")
                for cmd in body or []]
    if key == "GET /oauth2/applications/@me":
        return {"id": str(APP_ID), "name": "quizbot", "icon": None, "description": "",
                "bot_public": True, "bot_require_code_grant": False, "verify_key": "0",
                "owner": user_payload(USER_ID, "owner", bot=False), "team": None,
                "flags": 0, "summary": ""}
    return {}


Responder = Callable[[discord.http.Route, Any], Any]


@contextmanager
def capture_requests(bot: discord.Client | None = None, *,
                     responder: Responder | None = None) -> Iterator[list[Request]]:
    """Record every HTTP request discord.py makes inside the block; nothing is sent.

    `bot` is accepted for symmetry with the brief's API (the patches are global to discord.py);
    `responder(route, body)` may return a reply for a route, or None for the default reply.
    """
    sent: list[Request] = []
    flags_of: dict[str, int] = {}  # message id → flags, for the messages sent in this block

    def answer(route: discord.http.Route, body: Any) -> Any:
        custom = responder(route, body) if responder else None
        reply = custom if custom is not None else _default_response(route, body)
        message = (reply.get("resource") or {}).get("message", reply) if isinstance(
            reply, dict) else None
        if isinstance(message, dict) and "id" in message and "flags" in message:
            flags_of[str(message["id"])] = int(message["flags"] or 0)
        return reply

    def record(route: discord.http.Route, kwargs: Mapping[str, Any]) -> Any:
        body = _body(kwargs)
        edited = flags_of.get(route.url.rsplit("/", 1)[-1]) if route.method == "PATCH" else None
        sent.append(Request(f"{route.method} {route.path}", body, _files(kwargs), edited))
        return answer(route, body)

    async def http_request(self: HTTPClient, route: discord.http.Route, **kwargs: Any) -> Any:
        return record(route, kwargs)

    async def webhook_request(self: AsyncWebhookAdapter, route: discord.http.Route,
                              session: Any = None, **kwargs: Any) -> Any:
        return record(route, kwargs)

    with patch.object(HTTPClient, "request", http_request), \
            patch.object(AsyncWebhookAdapter, "request", webhook_request):
        yield sent


# -- validating -----------------------------------------------------------------------------------
CALLBACK_SCHEMAS = {
    4: "CreateMessageInteractionCallbackRequest",
    5: "CreateMessageInteractionCallbackRequest",
    6: "UpdateMessageInteractionCallbackRequest",
    7: "UpdateMessageInteractionCallbackRequest",
    8: "ApplicationCommandAutocompleteCallbackRequest",
    9: "ModalInteractionCallbackRequest",
}
ROUTE_SCHEMAS = {
    "POST /webhooks/{webhook_id}/{webhook_token}": "IncomingWebhookRequestPartial",
    "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original":
        "IncomingWebhookUpdateRequestPartial",
    "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}":
        "IncomingWebhookUpdateRequestPartial",
    "POST /channels/{channel_id}/messages": "MessageCreateRequest",
    "PATCH /channels/{channel_id}/messages/{message_id}": "MessageEditRequestPartial",
    "POST /applications/{application_id}/commands": "ApplicationCommandCreateRequest",
    "POST /applications/{application_id}/guilds/{guild_id}/commands":
        "ApplicationCommandCreateRequest",
    "PUT /applications/{application_id}/commands": "ApplicationCommandUpdateRequest[]",
    "PUT /applications/{application_id}/guilds/{guild_id}/commands":
        "ApplicationCommandUpdateRequest[]",
}
SPEC_URI = "urn:discord-api-spec:openapi.json"


@lru_cache(maxsize=1)
def _registry() -> Any:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    document = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


@lru_cache(maxsize=64)
def _validator(schema_name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = {"$ref": f"{SPEC_URI}#/components/schemas/{schema_name}"}
    return Draft202012Validator(schema, registry=_registry())


def schema_names() -> set[str]:
    """Every schema name in components.schemas (to check a name exists before relying on it)."""
    return set(json.loads(SPEC_PATH.read_text(encoding="utf-8"))["components"]["schemas"])


def validate(schema_name: str, payload: Any) -> None:
    """Raise AssertionError listing every violation of `components.schemas[schema_name]`."""
    if schema_name.endswith("[]"):
        assert isinstance(payload, list), f"{schema_name}: expected a list, got {payload!r}"
        for item in payload:
            validate(schema_name[:-2], item)
        return
    errors = sorted(_validator(schema_name).iter_errors(payload), key=lambda e: list(e.path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:300]}"
                 for e in errors[:10]]
        raise AssertionError(f"payload violates {schema_name}:\n  " + "\n  ".join(lines)
                             + f"\npayload: {json.dumps(payload, ensure_ascii=False)[:2000]}")
    _check_embed_totals(payload)
    check_components_v2(payload)


def _check_embed_totals(payload: Any) -> None:
    """The 6000-characters-per-message embed total is not expressible in the schema."""
    data = payload.get("data", payload) if isinstance(payload, dict) else None
    embeds = (data or {}).get("embeds") if isinstance(data, dict) else None
    total = 0
    for embed in embeds or []:
        total += len(embed.get("title") or "") + len(embed.get("description") or "")
        total += len((embed.get("footer") or {}).get("text") or "")
        total += len((embed.get("author") or {}).get("name") or "")
        total += sum(len(f.get("name", "")) + len(f.get("value", ""))
                     for f in embed.get("fields") or [])
    assert total <= 6000, f"embeds total {total} characters (> 6000)"


def schema_for(request: Request) -> str | None:
    """The schema a request body must satisfy; None when the request has no body."""
    if request.payload is None:
        return None
    if request.path == "/interactions/{webhook_id}/{webhook_token}/callback":
        return CALLBACK_SCHEMAS[request.payload["type"]]
    try:
        return ROUTE_SCHEMAS[request.route_key]
    except KeyError:
        raise AssertionError(f"no schema mapped for {request.route_key}: add it to "
                             "contract.ROUTE_SCHEMAS") from None


def validate_request(request: Request) -> str | None:
    """Validate one captured request against the schema its route implies; return that name."""
    name = schema_for(request)
    if name is not None:
        validate(name, _upload_ids_as_strings(request))
    if request.edited_flags is not None:
        check_keeps_v2(request.edited_flags, request.payload)
    _check_attachments(request)
    return name


def _attachments_of(request: Request) -> list[dict[str, Any]]:
    body = request.payload or {}
    data = body.get("data", body) if request.path.endswith("/callback") else body
    return data.get("attachments") or []


def _upload_ids_as_strings(request: Request) -> Any:
    """The body to validate: a new upload's attachment id as the schema's string snowflake.

    For a file uploaded in this request the attachment id is the index n of its `files[n]` part;
    discord.py sends it as an integer, as Discord's own "Uploading Files" example does, and
    Discord accepts it, while the OpenAPI schema types every attachment id as a string
    snowflake. Only ids naming one of this request's file parts are converted: any other
    integer id still fails validation.
    """
    uploaded = {int(f.field.removeprefix("files[").removesuffix("]")) for f in request.files}
    if not uploaded or not _attachments_of(request):
        return request.payload
    payload = json.loads(json.dumps(request.payload))  # a copy: the capture stays as sent
    copy = Request(request.route_key, payload, request.files)
    for attachment in _attachments_of(copy):
        if isinstance(attachment.get("id"), int) and attachment["id"] in uploaded:
            attachment["id"] = str(attachment["id"])
    return payload


def _check_attachments(request: Request) -> None:
    """Every uploaded file part has its attachment entry (id = its index, same filename)."""
    if not request.files:
        return
    described = {a["id"]: a["filename"] for a in _attachments_of(request)}
    for upload in request.files:
        index = int(upload.field.removeprefix("files[").removesuffix("]"))
        assert described.get(index) == upload.filename, (
            f"{upload.field} ({upload.filename}) has no matching attachments entry: {described}")
