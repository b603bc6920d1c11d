"""The Discord frontend: a thin adapter from interactions to QuizService and back.

Named `discord_app`, never `discord`, so it cannot shadow the discord.py library. Importing it
does nothing: the bot is built by `bot.discord_app.client.QuizBot` when `quizbot run` asks.
"""
