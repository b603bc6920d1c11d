"""`quizbot stats`: a learner's points, accuracy, streaks and per-topic accuracy."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import db_option, local_actor, open_service, print_json, settings_for


@cli.command("stats")
@click.option("--name", default=None, help="Whose stats (default: your login name).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a per-topic accuracy chart (PNG) here; needs matplotlib.")
@db_option
def stats(name: str | None, as_json: bool, chart: Path | None, db: str | None) -> None:
    """Follow your progress: points, accuracy, streaks, and accuracy per topic."""
    actor = local_actor(name)
    service = open_service(settings_for(db))
    try:
        result = service.standings.stats(actor.guild_id, actor.user_id)
    finally:
        service.close()
    if chart is not None:
        from bot.charts import topic_accuracy_png

        chart.write_bytes(topic_accuracy_png(result))
    if as_json:
        print_json({"name": result.display_name, "points": result.points,
                    "ranked_points": result.ranked_points, "practice": result.practice,
                    "answered": result.answered, "correct": result.correct,
                    "accuracy": round(result.accuracy, 3), "best_streak": result.best_streak,
                    "current_streak": result.current_streak,
                    "topics": [{"topic": t.topic, "answered": t.answered, "correct": t.correct}
                               for t in result.by_topic]})
        return
    ranked = ("" if result.ranked_points == result.points else
              f" ({result.ranked_points} ranked, {result.practice} practice answers)")
    click.echo(f"{result.display_name}: {result.points} points{ranked}, {result.correct}/"
               f"{result.answered} right ({result.accuracy:.0%}), best streak "
               f"{result.best_streak}, current streak {result.current_streak}")
    for topic in sorted(result.by_topic, key=lambda t: t.correct / t.answered):
        click.echo(f"  {topic.correct / topic.answered:>4.0%}  {topic.topic} "
                   f"({topic.correct}/{topic.answered})")
    if chart is not None:
        click.echo(f"chart written to {chart}")
