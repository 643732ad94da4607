"""``eightk eval``: accuracy against gold labels, per field and per group."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
import msgspec

from eightk.commands.parse import parse_one
from eightk.evaluate import Report, check_floors, evaluate, format_report
from eightk.jobs.local import default_jobs, map_ordered


@click.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of gold label files (<id>.json).",
)
@click.option(
    "--corpus",
    "corpus_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder holding the labeled filings (each label's 'file').",
)
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="JSON {group: minimum F1}; exit 1 when a group falls below its floor.",
)
@click.option("--mistakes", is_flag=True, help="Also list every disagreement (id, field, gold, predicted).")
@click.option("--group", "only_group", default=None, help="With --mistakes: only this group (e.g. cover).")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: all cores)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print groups and the headline only, not each field.")
def eval_cmd(
    gold_dir: str,
    corpus_dir: str,
    floors: str | None,
    mistakes: bool,
    only_group: str | None,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Score eightk's output on labeled filings: precision, recall and F1 per field and per group.

    Rules (shared/gold/README.md): absent labels are unscored, null means 'must be empty', numbers
    agree within 0.5%, strings are compared folded, offerings are matched greedily by agreement.

    Example: eightk eval --gold ../shared/gold/dev --corpus ../shared/corpus/dev
    """
    gold = Path(gold_dir)
    corpus = Path(corpus_dir)
    targets = []
    for g in sorted(gold.glob("*.json")):
        try:
            targets.append(corpus / json.loads(g.read_text()).get("file", g.stem))
        except (json.JSONDecodeError, OSError) as e:
            raise click.ClickException(f"{g}: not a readable gold label ({e})") from e
    existing = [t for t in targets if t.exists()]
    preds = dict(zip(existing, map_ordered(parse_one, existing, jobs or default_jobs()), strict=True))
    report: Report = evaluate(gold, lambda p: msgspec.json.decode(preds[p]), corpus)
    click.echo(format_report(report, per_field=not quiet))
    if mistakes:
        click.echo("\nmistakes (id, field, gold, predicted):")
        for fid, fname, gv, pv in report.mistakes:
            if only_group and not fname.startswith(only_group + "."):
                continue
            click.echo(f"  {fid}  {fname}: gold={json.dumps(gv)} pred={json.dumps(pv)}")
    if floors:
        failed = check_floors(report, json.loads(Path(floors).read_text()))
        if failed:
            click.echo("\nbelow the floor:\n  " + "\n  ".join(failed), err=True)
            sys.exit(1)


commands = [eval_cmd]
