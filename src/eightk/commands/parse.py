"""``eightk parse`` and ``eightk text``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eightk.errors import EightkError
from eightk.jobs.local import default_jobs, map_ordered
from eightk.serialize import filing_to_dict, to_json


def expand_inputs(paths: tuple[str, ...]) -> list[Path]:
    """Files stay files; a folder is one filing (a primary document with its exhibits) or, when it holds
    several submissions or subfolders, each entry is an input."""
    from eightk.formats.folder import exhibit_type_from_name

    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            entries = sorted(e for e in p.iterdir() if not e.name.startswith("."))
            non_exhibits = [e for e in entries if e.is_file() and exhibit_type_from_name(e.name) is None]
            if any(e.is_dir() for e in entries) or len(non_exhibits) > 1:
                out += entries
            else:
                out.append(p)
        else:
            out.append(p)
    return out


def parse_one(path: Path) -> bytes:
    """Parse one input to its JSON line; errors become ``{"id", "error"}`` objects, never exceptions."""
    from eightk.sources.local import input_id, parse_path

    try:
        return to_json(filing_to_dict(parse_path(path, full_text=False)))
    except (EightkError, OSError) as e:
        return to_json({"id": input_id(path), "error": str(e)})
    except Exception as e:  # a parser bug must not stop a bulk run; it is reported like any bad input
        return to_json(
            {"id": input_id(path), "error": f"internal error ({type(e).__name__}: {e}); please report it"}
        )


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default=None,
    help="json: pretty (an array for several inputs); jsonl: one line per input. "
    "Default: json for one input, jsonl for several.",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes to use (default: all cores)."
)
def parse_cmd(paths: tuple[str, ...], fmt: str | None, jobs: int | None) -> None:
    """Parse 8-K filings into JSON: header, cover, items, exhibits, signatures, offerings, events.

    PATH is a submission file (.txt, .nc, .htm...) or a folder holding one filing's documents
    (primary document + exhibits); a folder of many submissions is expanded. Each output object
    has the fields of the gold labels plus evidence spans and warnings. Exit status: 0 when every
    input parsed, 1 when some became {"id", "error"} objects.

    Example: eightk parse filing.txt | jq .cover.report_date
    """
    inputs = expand_inputs(paths)
    fmt = fmt or ("json" if len(inputs) == 1 else "jsonl")
    failed = 0
    out = sys.stdout.buffer
    results = map_ordered(parse_one, inputs, jobs or default_jobs())
    if fmt == "jsonl":
        for line in results:
            failed += line.startswith(b'{"id"') and _is_error(line)
            out.write(line + b"\n")
    else:
        import json

        objs = []
        for line in results:
            failed += _is_error(line)
            objs.append(json.loads(line))
        body = objs[0] if len(objs) == 1 else objs
        out.write(json.dumps(body, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
    out.flush()
    if failed:
        click.echo(f'{failed} of {len(inputs)} inputs could not be parsed (see their "error")', err=True)
        sys.exit(1)


def _is_error(line: bytes) -> bool:
    import msgspec

    obj = msgspec.json.decode(line)
    return isinstance(obj, dict) and "error" in obj and "cover" not in obj


@click.command("text")
@click.argument("path", type=click.Path(exists=True))
@click.option(
    "--document",
    "-d",
    "document",
    type=int,
    default=None,
    help="Index of the document to print (default: the 8-K document). See 'documents' in parse output.",
)
@click.option("--all", "all_docs", is_flag=True, help="Print every document's text, each under a banner.")
def text_cmd(path: str, document: int | None, all_docs: bool) -> None:
    """Print the normalized text that evidence spans point into.

    Spans in 'eightk parse' output are [start, end] offsets into this text (of the document they name).
    """
    from eightk.sources.local import parse_path

    try:
        filing = parse_path(path)
    except EightkError as e:
        raise click.ClickException(str(e)) from e
    docs = filing.documents
    if all_docs:
        for d in docs:
            click.echo(f"===== document {d.index}: {d.type} {d.filename or ''} ({d.format}) =====")
            click.echo(d.text if d.text else f"[{d.skipped or 'no text'}]")
        return
    idx = filing.primary if document is None else document
    if not 0 <= idx < len(docs):
        raise click.BadParameter(f"this filing has documents 0..{len(docs) - 1}", param_hint="--document")
    sys.stdout.write(docs[idx].text)
    if not docs[idx].text.endswith("\n"):
        sys.stdout.write("\n")


commands = [parse_cmd, text_cmd]
