"""quizbot: a Discord bot (and terminal app) that teaches from an article."""

__version__ = "0.1.0"
