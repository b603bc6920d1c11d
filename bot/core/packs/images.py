"""A question's picture: an http(s) URL, or an image file shipped beside the pack.

Red trivia lists put image URLs in the question text; `split_image_url` takes the (last) one
out so the frontends can show it as a picture rather than a link in the prompt.

A shipped file is uploaded to Discord, so it is guarded like any input from outside: it must
resolve (links followed) inside the pack's own folder, start with the magic bytes of a PNG,
JPEG, GIF or WEBP, and weigh at most MAX_IMAGE_BYTES. `image_file_problem` says why not; the
loader reports it at install time and the service checks again before reading the bytes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from bot.core.models import Pack, Question

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # Discord's upload limit for a bot without boosts
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def is_url(image: str) -> bool:
    return bool(re.match(r"https?://", image, re.IGNORECASE))


def image_problem(image: str) -> str | None:
    """Why `image` cannot be a question's picture, or None."""
    if is_url(image):
        return None if _URL.fullmatch(image) else "is not a plain http(s) URL"
    if any(ord(c) < 32 or ord(c) == 127 for c in image):
        return "must not hold control characters (a NUL or a line break in a file name)"
    path = PurePosixPath(image)
    if path.is_absolute() or ".." in path.parts or "\\" in image:
        return "must be a URL or a path inside the pack's folder (no '..', not absolute)"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"should end in one of {', '.join(IMAGE_SUFFIXES)}"
    return None


def image_kind(head: bytes) -> str | None:
    """The picture format its first bytes announce ("png", "jpeg", "gif", "webp"), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def resolve_image_file(folder: Path, image: str) -> tuple[Path | None, str | None]:
    """(the checked file, None), or (None, why it cannot be uploaded) for a shipped picture.

    The path is resolved with every link followed and compared with the resolved folder, so
    neither '..', an absolute path nor a symlink pointing elsewhere can reach another file."""
    problem = image_problem(image)
    if problem is None and is_url(image):
        problem = "is a URL, not a file"
    if problem is not None:
        return None, problem
    try:
        root = folder.resolve(strict=True)
        found = (root / image).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a loop of links, a NUL
        return None, f"'{image}' is not a file in the pack's folder ({folder})"
    if not found.is_relative_to(root):
        return None, f"'{image}' leads outside the pack's folder (a link?); copy the file in"
    if not found.is_file():
        return None, f"'{image}' is not a file"
    try:
        size = found.stat().st_size
        with found.open("rb") as handle:
            head = handle.read(12)
    except OSError as err:
        return None, f"'{image}' cannot be read ({err.strerror or err})"
    if size > MAX_IMAGE_BYTES:
        return None, (f"'{image}' is {size / 1024 / 1024:.1f} MB; Discord takes at most "
                      f"{MAX_IMAGE_BYTES // 1024 // 1024} MB")
    if image_kind(head) is None:
        return None, f"'{image}' is not a PNG, JPEG, GIF or WEBP picture (by its first bytes)"
    return found, None


def read_image_file(folder: Path, image: str) -> tuple[bytes, str] | None:
    """(the picture's bytes, its format) after checking it again (the file may have changed
    since the pack was installed); None when it no longer passes. Reads at most the limit."""
    found, problem = resolve_image_file(folder, image)
    if found is None or problem is not None:
        return None
    try:
        with found.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return None
    kind = image_kind(data[:12])
    if len(data) > MAX_IMAGE_BYTES or kind is None:
        return None
    return data, kind


def image_of(question: Question, pack: Pack) -> str | None:
    """What a frontend shows: the URL, or the shipped file's absolute path (None if missing)."""
    image = question.image
    if image is None or is_url(image):
        return image
    if pack.path is None:
        return None
    found = Path(pack.path).parent / image
    return str(found) if found.is_file() else None


def split_image_url(prompt: str) -> tuple[str, str | None]:
    """(the prompt without its image URL, the URL) for a prompt that holds one, else unchanged."""
    found = [m for m in _URL.finditer(prompt)
             if PurePosixPath(m.group(0).split("?")[0]).suffix.lower() in IMAGE_SUFFIXES]
    if not found:
        return prompt, None
    match = found[-1]
    rest = (prompt[:match.start()] + prompt[match.end():]).strip()
    return re.sub(r"\s{2,}", " ", rest) or prompt, match.group(0)
