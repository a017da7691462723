"""Survey sampling error for the Monte Carlo: a bootstrap of respondents, drawn as multinomial counts.

A survey indicator's value is the weighted mean of its respondents' topic scores (per institution, or
once for the country). Another sample of the same size would give another value; the bootstrap stands
for that: each Monte Carlo run draws the respondents again with replacement, within the group the value
is computed for (the institution, or the country) and, when the survey has design weights, within each
stratum of equal weight (so every stratum keeps its sample size; when some weight is shared by fewer than
:data:`MIN_STRATUM` respondents, as with raked weights, the group is one stratum and each respondent is
drawn with their weight), and computes the weighted mean of the drawn respondents.

Drawing rows would cost respondents × runs. Respondents with the same (score, weight) are alike for the
mean, so each group keeps one count per distinct (score, weight) cell and per stratum, and a run draws
multinomial counts over those cells (the same distribution as drawing the rows). Each run has its own
generator (seed, run): run 17 draws the same counts however many runs there are. Different indicators
are drawn independently of each other (their correlation through shared respondents is not kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class GroupCounts:
    """One group's respondents, compressed: per stratum the distinct (score, weight) cells and their
    counts (cells of one stratum side by side)."""

    values: FloatArray  # per cell: the topic score (0–100)
    weights: FloatArray  # per cell: the design weight
    counts: IntArray  # per cell: respondents with that score and weight
    starts: IntArray  # per stratum: its first cell (strata in order, each a run of cells)

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    @property
    def strata(self) -> int:
        return int(self.starts.size)

    def mean(self) -> float:
        """The weighted mean of the group (the nominal value)."""
        w = self.weights * self.counts
        return float((w * self.values).sum() / w.sum())


#: design weights make strata only when each has at least this many respondents (else, e.g. with raked
#: weights that differ for everyone, the respondents are drawn with their weights from one stratum)
MIN_STRATUM = 5


def group_counts(values: FloatArray, weights: FloatArray) -> GroupCounts:
    """Compress a group's respondents (scores and design weights, NaN scores left out). With unequal
    weights each distinct weight is a stratum when every such stratum has at least
    :data:`MIN_STRATUM` respondents; otherwise the group is one stratum."""
    keep = ~np.isnan(values)
    v, w = np.asarray(values, dtype=np.float64)[keep], np.asarray(weights, dtype=np.float64)[keep]
    # one stratum per design weight, or one for all; cells = distinct (stratum, score, weight)
    classes, stratum, sizes = np.unique(w, return_inverse=True, return_counts=True)
    if classes.size < 2 or sizes.min() < MIN_STRATUM:
        stratum = np.zeros(v.size, np.int64)
    cells, counts = np.unique(np.column_stack([stratum, v, w]), axis=0, return_counts=True)
    first = np.flatnonzero(np.r_[True, cells[1:, 0] != cells[:-1, 0]]) if len(cells) else np.zeros(0)
    return GroupCounts(
        values=np.ascontiguousarray(cells[:, 1]),
        weights=np.ascontiguousarray(cells[:, 2]),
        counts=counts.astype(np.int64),
        starts=first.astype(np.int64),
    )


@dataclass(frozen=True, eq=False)
class _Blocks:
    """Every stratum of every group of one indicator as a row of a padded table (for one multinomial
    call per run): probabilities, sizes, and per cell its value × weight and weight."""

    pvals: FloatArray  # blocks × width
    sizes: IntArray  # blocks
    wv: FloatArray  # blocks × width
    w: FloatArray  # blocks × width
    group: IntArray  # blocks → group


def _blocks(groups: Sequence[GroupCounts]) -> _Blocks:
    rows: list[tuple[int, int, int]] = []  # (group, first cell, end cell)
    for g, gc in enumerate(groups):
        ends = np.r_[gc.starts[1:], gc.counts.size]
        rows += [(g, int(a), int(b)) for a, b in zip(gc.starts, ends, strict=True)]
    width = max((b - a for _, a, b in rows), default=1)
    pvals = np.zeros((len(rows), width))
    wv = np.zeros((len(rows), width))
    w = np.zeros((len(rows), width))
    sizes = np.zeros(len(rows), dtype=np.int64)
    for k, (g, a, b) in enumerate(rows):
        gc = groups[g]
        c = gc.counts[a:b]
        sizes[k] = int(c.sum())
        pvals[k, : b - a] = c / sizes[k]
        w[k, : b - a] = gc.weights[a:b]
        wv[k, : b - a] = gc.weights[a:b] * gc.values[a:b]
    return _Blocks(pvals, sizes, wv, w, np.array([g for g, _, _ in rows], dtype=np.int64))


def bootstrap_means(groups: Sequence[Sequence[GroupCounts]], runs: int, seed: int) -> list[FloatArray]:
    """Per indicator (a list of its groups), runs × groups: each run's weighted mean of a bootstrap
    sample of each group's respondents (within strata). Run r draws with the generator (seed, r)."""
    blocks = [_blocks(g) for g in groups]
    out = [np.empty((runs, len(g))) for g in groups]
    for r in range(runs):
        rng = np.random.default_rng([seed, r])
        for k, b in enumerate(blocks):
            if not b.sizes.size:
                continue
            drawn = rng.multinomial(b.sizes, b.pvals)  # blocks × width
            num = np.bincount(b.group, (drawn * b.wv).sum(axis=1), minlength=out[k].shape[1])
            den = np.bincount(b.group, (drawn * b.w).sum(axis=1), minlength=out[k].shape[1])
            out[k][r] = num / den
    return out
