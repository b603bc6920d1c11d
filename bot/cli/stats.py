"""`quizbot stats`: a learner's points, accuracy, streaks and per-topic accuracy."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import (
    clean,
    db_option,
    local_actor,
    open_service,
    print_json,
    say,
    settings_for,
)
from bot.core.service.review import in_words


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
        overview = service.review.overview(actor.guild_id, actor.user_id)
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
                               for t in result.by_topic],
                    "review": [{"pack": p.pack_id, "cards": p.cards, "due": p.due,
                                "recall": round(p.recall, 3), "next_due_at": p.next_due_at}
                               for p in overview.packs],
                    "next_due_in_seconds": overview.next_due_in})
        return
    ranked = ("" if result.ranked_points == result.points else
              f" ({result.ranked_points} ranked, {result.practice} practice answers)")
    name = clean(result.display_name, one_line=True)
    say(f"{name}: {result.points} points{ranked}, {result.correct}/"
               f"{result.answered} right ({result.accuracy:.0%}), best streak "
               f"{result.best_streak}, current streak {result.current_streak}")
    for topic in sorted(result.by_topic, key=lambda t: t.correct / t.answered):
        say(f"  {topic.correct / topic.answered:>4.0%}  {topic.topic} "
                   f"({topic.correct}/{topic.answered})")
    for pack in overview.packs:
        click.echo(f"  review {pack.pack_id}: {pack.due} due of {pack.cards}, estimated recall "
                   f"{pack.recall:.0%}")
    if overview.next_due_in is not None:
        click.echo(f"  next review {in_words(overview.next_due_in)}")
    if chart is not None:
        click.echo(f"chart written to {chart}")


@cli.command("retention")
@click.argument("value", type=float, required=False)
@db_option
def retention(value: float | None, db: str | None) -> None:
    """Show or set the recall review aims for (0.7-0.97; default 0.9: higher, more reviews)."""
    service = open_service(settings_for(db))
    try:
        if value is not None:
            service.review.set_retention(local_actor(None), value)
        current = service.review.retention(local_actor(None).guild_id)
    finally:
        service.close()
    click.echo(f"desired retention: {current:g} (a card falls due when its estimated recall "
               f"drops to {current:.0%})")
