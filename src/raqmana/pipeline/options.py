"""The chain's one options object: the country's defaults, what the round sets itself, how to run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from raqmana.i18n import Translated
from raqmana.pipeline.country import CountryDefaults, Planning
from raqmana.pipeline.surveys import SurveyInputs

#: one validated answer: ladder stage or number, yes/no, a choice's value; None: no answer
Answer = float | int | bool | str | None
#: institution code → indicator id → answer
Responses = Mapping[str, Mapping[str, Answer]]
#: institution code → pillar id → share (0–1) of its answers without accepted evidence
EvidenceMissing = Mapping[str, Mapping[str, float]]


@dataclass(frozen=True, kw_only=True)
class RoundOptions:
    """What an assessment round sets itself; None leaves the country's default."""

    #: names the roadmap (``roadmap-<id>``)
    id: str = "assessment"
    #: the round's name, shown in the roadmap's title (none: the title has no suffix)
    name: Translated | None = None
    target_stage: float | None = None
    start_year: int | None = None
    start_quarter: int | None = None
    horizon_quarters: int | None = None
    capacity_per_owner: int | None = None
    #: USD per fiscal year (one figure for every year, or one per year); None: from the initiatives' cost
    budget_per_year: tuple[int, ...] | None = None

    def planning(self, country: CountryDefaults) -> Planning:
        """The country's planning defaults with this round's own values."""
        own = {
            "start_year": self.start_year,
            "start_quarter": self.start_quarter,
            "horizon_quarters": self.horizon_quarters,
            "capacity_per_owner": self.capacity_per_owner,
        }
        return country.planning.model_copy(update={k: v for k, v in own.items() if v is not None})

    def target(self, country: CountryDefaults) -> float:
        return float(country.target_stage if self.target_stage is None else self.target_stage)


@dataclass(frozen=True, kw_only=True)
class ChainOptions:
    """Everything :func:`raqmana.pipeline.run_chain` needs besides the framework and the answers."""

    country: CountryDefaults
    round: RoundOptions = field(default_factory=RoundOptions)
    #: the answers were generated: reports and every written file say so
    illustrative: bool = False
    #: Monte Carlo runs for the uncertainty of the scores (0: none)
    mc_runs: int = 1000
    #: recommendations and the roadmap too (a framework without a rule base gets none)
    plan: bool = True
    evidence_missing: EvidenceMissing = field(default_factory=dict)
    #: the reports' date (ISO)
    date: str = ""
    #: where imported public-index editions live (None: the bundled ones only)
    data_dir: Path | None = None
    #: seconds for the roadmap solver
    time_limit_s: float = 10.0
    #: the round's perception surveys: indicators with their intervals, bottlenecks, divides
    surveys: SurveyInputs | None = None
    #: the country's own policy documents: SDG target or goal → passages a reviewer accepted for it
    #: (the rules' ``commits(…)`` condition)
    commitments: dict[str, float] = field(default_factory=dict)
    #: the legal and institutional register: area → 0 missing, 1 drafted, 2 exists (``register(…)``)
    register: dict[str, float] = field(default_factory=dict)

    @property
    def target_stage(self) -> float:
        return self.round.target(self.country)

    @property
    def planning(self) -> Planning:
        return self.round.planning(self.country)
