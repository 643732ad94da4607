"""``python -m eightk`` runs the command line."""

from eightk.cli import main

main()
