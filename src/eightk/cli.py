"""The ``eightk`` command line: a thin layer over the library.

Each command module under ``eightk.commands`` exposes a ``commands`` list of click commands; this
group registers them, so commands can be added without touching this file's logic.
"""

from __future__ import annotations

import importlib
import sys

import click

from eightk import __version__

COMMAND_MODULES = (
    "eightk.commands.parse",
    "eightk.commands.evaluate",
    "eightk.commands.fetch",
    "eightk.commands.store",
    "eightk.commands.serve",
    "eightk.commands.run",
)


def _tokenizer() -> str:
    """Which HTML tokenizer is active: "compiled" (C extension) or "python" (no compiler at install)."""
    try:
        from eightk.formats.html import TOKENIZER
    except Exception:  # never let --version fail
        return "unknown"
    return TOKENIZER


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(
    __version__,
    prog_name="eightk",
    message="%(prog)s %(version)s (HTML tokenizer: " + _tokenizer() + ")",
)
def cli() -> None:
    """eightk: SEC Form 8-K current reports as clean, queryable data, with evidence.

    \b
    Quick start (offline, on the filings shipped with eightk):
      eightk parse tests/filings/neotherapeutics-2002-03-15.txt | jq .offerings
      eightk text tests/filings/neotherapeutics-2002-03-15.txt
      eightk eval --gold ../shared/gold/dev --corpus ../shared/corpus/dev

    Run 'eightk COMMAND --help' for the options of each command.
    """


def _register() -> None:
    for mod in COMMAND_MODULES:
        try:
            m = importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name == mod:
                continue
            raise
        for c in getattr(m, "commands", []):
            cli.add_command(c)


_register()


def main() -> None:
    """Console entry point: never shows a traceback for user errors."""
    try:
        cli.main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
