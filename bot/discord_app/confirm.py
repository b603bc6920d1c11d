"""How a "really do this?" button ends: run the action off the loop, then one edit of the
preview into the outcome, a refusal or the pack's problems, with the buttons removed.

Why one place: removing, installing and restoring a pack each end this way, and the refusal of
one must read like the refusal of another (in the clicker's language, never pinging anyone).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import discord

from bot.core.errors import InvalidInput, NotAllowed, PackError, QuizError
from bot.discord_app.embeds import MISS_COLOUR, notice, pack_problems_embed
from bot.i18n import error_text

NO_MENTIONS = discord.AllowedMentions.none()
Result = TypeVar("Result")


async def finish_confirm(interaction: discord.Interaction, view: Any, *, lang: str,
                         run: Callable[[], Awaitable[Result]],
                         done: Callable[[Result], discord.Embed],
                         problems_of: str | None = None,
                         refusals: tuple[type[QuizError], ...] = (NotAllowed, InvalidInput),
                         ) -> None:
    """Stop `view`, run the action and show its outcome: `done(result)` (and `view.done`),
    a refusal from `refusals`, or, when `problems_of` names the file, a pack's problems."""
    view.stop()
    try:
        result = await run()
    except PackError as err:
        if problems_of is None:
            raise
        embed = pack_problems_embed(problems_of, err.problems, lang=lang)
    except refusals as err:
        embed = notice(error_text(lang, err), colour=MISS_COLOUR)
    else:
        view.done = True
        embed = done(result)
    await interaction.response.edit_message(embed=embed, view=None, allowed_mentions=NO_MENTIONS)
