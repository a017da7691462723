"""The results of an assessment, kept in the app's memory: the chain takes seconds, pages ask often.

One entry per assessment, valid while its accepted answers are unchanged (their count, last change
and versions: :func:`raqmana.workspace.completion.accepted_stamp`). The entry also keeps the charts drawn
from it, per language.
Permissions are checked on every request by the caller (``get_assessment``) before the cache is asked.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from raqmana.i18n import Translated
from raqmana.problems import Problem, ProblemsError
from raqmana.workspace.actors import Actor
from raqmana.workspace.completion import accepted_stamp
from raqmana.workspace.factory import Workspace
from raqmana.workspace.orgs import list_organisations
from raqmana.workspace.results import ChainResult, assessment_results, recorded_mc_runs
from raqmana.workspace.surveys import survey_stamp

DRAWING = threading.Lock()


@dataclass
class Entry:
    key: tuple[Any, ...]
    chain: ChainResult | None  # None: the chain refused the data (e.g. no accepted answer yet): ``problems``
    names: dict[str, Translated]  # organisation code → name (owners of recommendations and initiatives)
    problems: list[Problem] = field(default_factory=list)
    charts: dict[tuple[str, str], str] = field(default_factory=dict)  # (chart, lang) → SVG

    @property
    def done(self) -> ChainResult:
        """The chain's result; callers have checked that there is one (``chain is not None``)."""
        assert self.chain is not None
        return self.chain

    def chart(self, name: str, lang: str, draw: Callable[[], str]) -> str:
        """The chart ``name`` in ``lang``, drawn once. matplotlib's settings (fonts, SVG text as paths) are
        global to the process: one drawing at a time, and a chart asked for twice is drawn once."""
        found = self.charts.get((name, lang))
        if found is None:
            with DRAWING:
                found = self.charts.get((name, lang))
                if found is None:
                    found = self.charts[(name, lang)] = draw()
        return found


class ResultsCache:
    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._entries: OrderedDict[int, Entry] = OrderedDict()
        self._locks: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, ws: Workspace, actor: Actor, assessment_id: int, extra_key: tuple[Any, ...] = ()) -> Entry:
        """The results of an assessment the actor may read (the workspace raises NotFound otherwise)."""
        with self._guard:
            lock = self._locks.setdefault(assessment_id, threading.Lock())
        with lock:  # one computation per assessment at a time; the others wait for its result
            with ws.reader() as session:
                key = (
                    *accepted_stamp(session, assessment_id),
                    *survey_stamp(session),
                    recorded_mc_runs(session, assessment_id),
                    *extra_key,
                )
                entry = self._entries.get(assessment_id)
                if entry is None or entry.key != key:
                    names = {o.code: o.name for o in list_organisations(session, actor)}
                    try:
                        entry = Entry(
                            key,
                            assessment_results(
                                session,
                                assessment_id,
                                actor=actor,
                                mc_runs=None,  # the runs recorded for the round, else the default
                                data_dir=ws.settings.data_dir,
                                country=ws.settings.country,
                            ),
                            names,
                        )
                    except ProblemsError as exc:  # e.g. nothing accepted yet: the page says so
                        entry = Entry(key, None, names, exc.problems)
            with self._guard:
                self._entries[assessment_id] = entry
                self._entries.move_to_end(assessment_id)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
            return entry


_CREATE = threading.Lock()


def results_cache(app: Any) -> ResultsCache:
    """The app's cache, made on first use."""
    with _CREATE:
        cache = getattr(app.state, "results_cache", None)
        if cache is None:
            cache = app.state.results_cache = ResultsCache()
        return cache
