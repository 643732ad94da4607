"""The extractor registry: functions from a parsed :class:`Filing` to events, keyed by the items they read.

Built-in extractors register exactly as a third-party plugin does: each is listed under the
``eightk.extractors`` entry-point group (see ``pyproject.toml``), and its module uses the
:func:`extractor` decorator. A plugin package declares, in its own ``pyproject.toml``::

    [project.entry-points."eightk.extractors"]
    my_events = "my_package.extractors"

An extractor is called once per filing whose items intersect its ``items`` (2004 numbering; old
numbers are mapped first), or for every filing when ``items`` is empty. It returns an
:class:`ExtractResult`; one failing extractor becomes a warning, never a lost filing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata

from eightk.model import (
    AuditorChange,
    Events,
    Filing,
    Offering,
    OfficerChange,
    Results,
    ShareholderVote,
)

log = logging.getLogger("eightk.extract")


@dataclass(slots=True)
class ExtractResult:
    offerings: list[Offering] = field(default_factory=list)
    officer_changes: list[OfficerChange] = field(default_factory=list)
    auditor_change: AuditorChange | None = None
    results: Results | None = None
    shareholder_vote: ShareholderVote | None = None
    warnings: list[str] = field(default_factory=list)


ExtractorFn = Callable[[Filing], ExtractResult]


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    items: frozenset[str]  # 2004 codes this extractor reads; empty = every filing
    exhibits: frozenset[str]  # exhibit type prefixes it reads ("EX-99"), informational
    fn: ExtractorFn
    description: str = ""


_REGISTRY: dict[str, Extractor] = {}
_LOADED = False
BUILTIN_MODULES = (
    "eightk.extract.offerings",
    "eightk.extract.officers",
    "eightk.extract.auditor",
    "eightk.extract.results",
    "eightk.extract.votes",
)


def extractor(
    name: str, items: Iterable[str] = (), exhibits: Iterable[str] = (), description: str = ""
) -> Callable[[ExtractorFn], ExtractorFn]:
    """Register ``fn`` as extractor ``name`` for the given items (2004 numbering)."""

    def deco(fn: ExtractorFn) -> ExtractorFn:
        _REGISTRY[name] = Extractor(
            name=name,
            items=frozenset(items),
            exhibits=frozenset(exhibits),
            fn=fn,
            description=description or (fn.__doc__ or "").strip().split("\n")[0],
        )
        return fn

    return deco


def load_plugins() -> None:
    """Import every module listed under the ``eightk.extractors`` entry points (built-ins included)."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    seen: set[str] = set()
    try:
        eps = list(metadata.entry_points(group="eightk.extractors"))
    except Exception:  # a broken environment must not stop parsing
        eps = []
    for ep in eps:
        seen.add(ep.value)
        try:
            ep.load()
        except Exception as e:  # a broken plugin is reported, not fatal
            log.warning("extractor plugin %s failed to load: %s", ep.name, e)
    # Built-ins are also imported directly so a source checkout without installed metadata still works.
    import importlib

    for mod in BUILTIN_MODULES:
        if mod in seen:
            continue
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise


def registered() -> dict[str, Extractor]:
    load_plugins()
    return dict(_REGISTRY)


def run_extractors(filing: Filing) -> tuple[list[Offering], Events, list[str]]:
    """Run every applicable extractor on ``filing``; merge their results."""
    load_plugins()
    codes = {i.code_2004 for i in filing.items if i.code_2004}
    offerings: list[Offering] = []
    officers: list[OfficerChange] = []
    auditor = results = vote = None
    warnings: list[str] = []
    for ex in _REGISTRY.values():
        if ex.items and not (ex.items & codes) and codes:
            continue
        try:
            r = ex.fn(filing)
        except Exception as e:  # one extractor's bug must never lose the filing
            log.exception("extractor %s failed on %s", ex.name, filing.id)
            warnings.append(f"extractor {ex.name} failed: {type(e).__name__}: {e}")
            continue
        offerings += r.offerings
        officers += r.officer_changes
        auditor = auditor or r.auditor_change
        results = results or r.results
        vote = vote or r.shareholder_vote
        warnings += [f"{ex.name}: {w}" for w in r.warnings]
    events = Events(
        officer_changes=tuple(officers), auditor_change=auditor, results=results, shareholder_vote=vote
    )
    return offerings, events, warnings
