"""A question's picture: an http(s) URL, or an image file shipped beside the pack.

Red trivia lists put image URLs in the question text; `split_image_url` takes the (last) one
out so the frontends can show it as a picture rather than a link in the prompt.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from bot.core.models import Pack, Question

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def is_url(image: str) -> bool:
    return bool(re.match(r"https?://", image, re.IGNORECASE))


def image_problem(image: str) -> str | None:
    """Why `image` cannot be a question's picture, or None."""
    if is_url(image):
        return None if _URL.fullmatch(image) else "is not a plain http(s) URL"
    path = PurePosixPath(image)
    if path.is_absolute() or ".." in path.parts or "\\" in image:
        return "must be a URL or a path inside the pack's folder (no '..', not absolute)"
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return f"should end in one of {', '.join(IMAGE_SUFFIXES)}"
    return None


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
