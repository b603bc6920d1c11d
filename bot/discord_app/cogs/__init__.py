"""Slash-command cogs. Every module here ends with `async def setup(bot)` and is loaded
automatically by QuizBot.setup_hook (pkgutil), so adding a cog never means editing the client."""
