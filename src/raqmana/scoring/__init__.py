"""The composite-index engine: a COINr-like, immutable index build (numpy, scipy, SALib only).

    recipe = Recipe(meta=(Node("I1", parent="P1"), …, Node("P1", type="Aggregate", parent="IDX"), …),
                    normalise=Step("goalposts", {"scale": 5}), stages=(StageRule("ladder"),))
    b = build(recipe, Dataset.from_arrays(units, indicators, values))
    b.aggregated, b.flags.availability, b.stage("IDX"), b.methodology("ar")
    u = analyse_uncertainty(b, UncertaintySpec(runs=1000, weight_noise=0.25))

Steps, methods and formulas: ``docs/methodology.md``; COINr users: ``docs/coinr-migration.md``.
"""

from __future__ import annotations

from typing import Any

from raqmana.scoring.build import Build, Flags, build
from raqmana.scoring.dataset import Dataset
from raqmana.scoring.recipe import Node, Recipe, StageRule, Step, UncertaintySpec
from raqmana.scoring.sensitivity import SensitivityResult, sensitivity, sobol_indices
from raqmana.scoring.stages import stage_labels
from raqmana.scoring.table import Table
from raqmana.scoring.uncertainty import UncertaintyResult, analyse_uncertainty

__all__ = [
    "Build",
    "Dataset",
    "Flags",
    "Node",
    "Recipe",
    "SensitivityResult",
    "StageRule",
    "Step",
    "Table",
    "UncertaintyResult",
    "UncertaintySpec",
    "analyse_uncertainty",
    "build",
    "from_framework",
    "recipe_from_framework",
    "sensitivity",
    "sobol_indices",
    "stage_labels",
]


def __getattr__(name: str) -> Any:
    # the framework adapter imports raqmana.frameworks; load it only when asked for
    if name in ("from_framework", "recipe_from_framework", "dataset_from_responses"):
        from raqmana.scoring import framework_recipe

        return getattr(framework_recipe, name)
    raise AttributeError(name)
