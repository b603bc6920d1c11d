"""`quizbot explain TOPIC [--chart FILE.png]`: one explainer in full, and its chart if any."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli import cli
from bot.cli.common import db_option, open_service, print_json, say, settings_for
from bot.config import LOCAL_GUILD


@cli.command("explain")
@click.argument("topic")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write the explainer's chart of the article's figures as PNG.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def explain(topic: str, chart_path: Path | None, as_json: bool, db: str | None) -> None:
    """One explainer in full: short answer, details, examples, the article's words, source."""
    service = open_service(settings_for(db))
    try:
        explainer, pack = service.asking.explain(LOCAL_GUILD, topic)
    finally:
        service.close()
    if chart_path is not None:
        if explainer.chart is None:
            raise click.ClickException(f"explainer '{explainer.id}' has no chart")
        from bot.charts import chart_png

        chart_path.write_bytes(chart_png(explainer.chart))
    if as_json:
        chart = explainer.chart
        print_json({"id": explainer.id, "title": explainer.title, "short": explainer.short,
                    "body": explainer.body, "quote": explainer.quote, "pack": pack.id,
                    "chart": None if chart is None else {
                        "kind": chart.kind, "title": chart.title, "labels": list(chart.labels),
                        "values": list(chart.values), "unit": chart.unit,
                        "source": chart.source}})
        return
    say(f"{explainer.title}\n\n{explainer.short}")
    if explainer.body:
        say(f"\n{explainer.body}")
    for example in explainer.examples:
        say(f"- {example}")
    if explainer.quote:
        say(f'\nFrom the article: "{explainer.quote}"')
    say(f"Source: {pack.source.title}")
    if chart_path is not None:
        click.echo(f"chart written to {chart_path}")
    elif explainer.chart is not None:
        say("(this explainer has a chart: add --chart FILE.png to draw it)")
