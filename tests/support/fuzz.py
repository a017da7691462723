"""Fuzzing the JSON API with schemathesis's engine, in process against the ASGI app.

One run covers every operation of the published OpenAPI document through schemathesis's phases
(the document's examples, boundary values of the coverage phase, generated valid and invalid data,
stateful sequences along the links it infers) and applies every built-in check to every answer.
Used by ``tests/web/test_fuzz_api.py`` (bounded) and ``benchmarks/api_fuzz.py`` (long run, figures).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import schemathesis
from fastapi import FastAPI
from schemathesis.engine import Status, events
from schemathesis.engine.recorder import ScenarioRecorder

#: statuses by which a request the schema allows may still be refused by a rule of the workspace (a wrong
#: current password, an institution outside the caller's scope, a stale version): each with the one
#: documented error body, so "valid data accepted" expects them too
RULE_REFUSALS = ["2xx", "3xx", "400", "401", "403", "404", "409", "422", "429"]


@dataclass
class FuzzFigures:
    """What one run did: operations, cases, answers by status, failed checks."""

    operations: set[str] = field(default_factory=set)
    cases: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    #: check name → failed cases
    failures: Counter[str] = field(default_factory=Counter)
    #: (check, operation, title, reproduction) of each distinct failure
    examples: dict[tuple[str, str, str], str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, recorder: ScenarioRecorder) -> None:
        self.operations.add(recorder.label)
        self.cases += len(recorder.cases)
        for interaction in recorder.interactions.values():
            if interaction.response is not None:
                self.statuses[interaction.response.status_code] += 1
        for checks in recorder.checks.values():
            for check in checks:
                if check.status != Status.FAILURE:
                    continue
                self.failures[check.name] += 1
                info = check.failure_info
                title = info.failure.title if info is not None else ""
                key = (check.name, recorder.label, title)
                if key not in self.examples:
                    message = info.failure.message if info is not None else ""
                    code = info.code_sample if info is not None else ""
                    self.examples[key] = f"{message}\n{code}"[:2000]

    def report(self) -> str:
        lines = [
            f"operations {len(self.operations)}  cases {self.cases}  seconds {self.seconds:.1f}",
            "statuses " + "  ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items())),
            "failures by check "
            + ("  ".join(f"{c}: {n}" for c, n in sorted(self.failures.items())) or "none"),
        ]
        lines += [f"error: {e}" for e in self.errors]
        for (check, op, title), text in self.examples.items():
            lines.append(f"--- {check} · {op} · {title}\n{text}")
        return "\n".join(lines)


def fuzz_api(
    app: FastAPI,
    *,
    headers: dict[str, str],
    max_examples: int,
    seed: int | None = 1,
    stateful: bool = True,
    coverage: bool = True,
) -> FuzzFigures:
    """Fuzz every operation of ``app``'s API as the bearer of ``headers``; the figures of the run.

    ``max_examples`` bounds the generated cases per operation; the coverage phase (boundary values,
    undeclared methods, missing headers) and the stateful phase come on top unless switched off."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    config = schema.config
    config.update(headers=headers, workers=1, continue_on_failure=True)
    config.checks.positive_data_acceptance.expected_statuses = RULE_REFUSALS
    config.generation.update(max_examples=max_examples)
    config.seed = seed
    config.phases.stateful.enabled = stateful
    config.phases.coverage.enabled = coverage
    figures = FuzzFigures()
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            figures.add(event.recorder)
        elif isinstance(event, events.FuzzScenarioFinished):
            figures.add(event.recorder)
        elif isinstance(event, events.NonFatalError):
            figures.errors.append(f"{event.label}: {event.info.message}"[:500])
        elif isinstance(event, events.FatalError):
            figures.errors.append(f"fatal: {event.exception!r}"[:500])
        elif isinstance(event, events.EngineFinished):
            figures.seconds = event.running_time
    return figures
