"""Step 5 — weights of every node within its parent.

* ``equal`` — every child of an aggregate counts the same;
* ``explicit`` — the ``Weight`` column of the metadata (expert weights, or a framework's weights);
* ``pca`` — within each aggregate, the squared loadings of the children on the first principal
  component of their correlation matrix (OECD/JRC Handbook 2008, §6.1), computed bottom-up on the
  normalised indicators and then on the aggregates built with the weights found so far;
* ``budget`` — budget allocation: experts spread 100 points over the children of an aggregate
  (weight = points/100); aggregates with no points keep their metadata weights.

Only relative weights matter: an aggregate divides by the sum of its present children's weights.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.i18n.catalog import ui
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.aggregate import Plan, aggregate
from raqmana.scoring.hierarchy import Tree
from raqmana.scoring.recipe import Step
from raqmana.scoring.table import FloatArray

MIN_PCA_UNITS = 3


@dataclass(frozen=True)
class Weights:
    vector: FloatArray  # per code of the tree (indicators then aggregates)
    log: dict[str, Any]


def compute_weights(
    tree: Tree,
    plan: Plan,
    x: FloatArray,
    means: Sequence[str],
    step: Step,
    *,
    file: str = "",
    recipe_file: str = "",
) -> Weights:
    p = step.resolved("weights")
    codes = tree.codes
    w = np.array([tree.nodes[c].weight for c in codes], dtype=np.float64)
    log: dict[str, Any] = {"method": step.method}
    if step.method == "equal":
        w = np.ones(len(codes))
    elif step.method == "budget":
        w = _budget(tree, w, p["points"], recipe_file)
    elif step.method == "pca":
        w = _pca(tree, plan, x, means, w, file)
    _check_sums(tree, w, file)
    log["weights"] = {c: float(v) for c, v in zip(codes, w, strict=True)}
    return Weights(w, log)


def _where(tree: Tree, code: str, file: str, column: str = "Weight") -> Location:
    node = tree.nodes[code]
    return Location(file=file, line=node.line, column=column, path="" if node.line else f"meta:{code}")


def _rows(tree: Tree, codes: Sequence[str]) -> dict[str, str]:
    """ "I1 (line 3), I2 (line 4)" in each language: the lines the user edits."""
    labels = ui("line").as_dict()
    return {
        lang: ("، " if lang != "en" else ", ").join(
            f"{c} ({label} {tree.nodes[c].line})" if tree.nodes[c].line else c for c in codes
        )
        for lang, label in labels.items()
    }


def _check_sums(tree: Tree, w: FloatArray, file: str) -> None:
    pos = {c: i for i, c in enumerate(tree.codes)}
    problems = [
        Problem(E.WEIGHTS_ZERO, _where(tree, a, file), {"code": a, "children": _rows(tree, tree.children[a])})
        for a in tree.aggregates
        if not sum(w[pos[c]] for c in tree.children[a]) > 0
    ]
    if problems:
        raise ProblemsError(problems)


def _budget(tree: Tree, w: FloatArray, points: Mapping[str, Any], file: str) -> FloatArray:
    pos = {c: i for i, c in enumerate(tree.codes)}
    problems: list[Problem] = []
    out = w.copy()
    for code in points:
        if code not in pos:
            problems.append(
                Problem(
                    E.UNKNOWN_NODE,
                    Location(file=file, path="weights.points", field=str(code)),
                    {"code": code},
                )
            )
    for a in tree.aggregates:
        ch = tree.children[a]
        given = [c for c in ch if c in points]
        if not given:
            continue
        total = 0.0
        for c in ch:
            value = points.get(c, 0)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                problems.append(
                    Problem(
                        E.BAD_WEIGHT, Location(file=file, path="weights.points", field=c), {"value": value}
                    )
                )
                continue
            total += float(value)
            out[pos[c]] = float(value) / 100.0
        if abs(total - 100.0) > 1e-6:
            problems.append(
                Problem(
                    E.BUDGET_NOT_100,
                    Location(file=file, path="weights.points"),
                    {"code": a, "total": f"{total:g}"},
                )
            )
    if problems:
        raise ProblemsError(problems)
    return out


def _pca(tree: Tree, plan: Plan, x: FloatArray, means: Sequence[str], w: FloatArray, file: str) -> FloatArray:
    w = w.copy()
    pos = {c: i for i, c in enumerate(tree.codes)}
    agg_pos = {c: i for i, c in enumerate(tree.aggregates)}
    ind_pos = {c: i for i, c in enumerate(tree.indicators)}
    scores = np.empty((x.shape[0], 0))
    for a in tree.aggregates:
        ch = tree.children[a]
        if len(ch) == 1:
            w[pos[ch[0]]] = 1.0
            continue
        if any(c in agg_pos for c in ch):  # children built with the weights found so far
            scores = aggregate(plan, x, w[None, :], means)[0]
        cols = [x[:, ind_pos[c]] if c in ind_pos else scores[:, agg_pos[c]] for c in ch]
        m = np.column_stack(cols)
        complete = m[~np.isnan(m).any(axis=1)]
        if complete.shape[0] < MIN_PCA_UNITS:
            raise ProblemsError(
                [
                    Problem(
                        E.PCA_TOO_FEW, _where(tree, a, file, "iCode"), {"code": a, "count": complete.shape[0]}
                    )
                ]
            )
        sd = complete.std(axis=0)
        z = (complete - complete.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
        corr = (z.T @ z) / complete.shape[0]
        vals, vecs = np.linalg.eigh(corr)
        first = vecs[:, int(np.argmax(vals))]
        share = first**2 / float(np.sum(first**2))
        for c, s in zip(ch, share, strict=True):
            w[pos[c]] = float(s)
    return w
