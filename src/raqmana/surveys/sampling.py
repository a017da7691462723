"""Survey sampling error for the Monte Carlo: a bootstrap of respondents, drawn as multinomial counts.

A survey indicator's value is the weighted mean of its respondents' topic scores (per institution, or
once for the country). Another sample of the same size would give another value; the bootstrap stands
for that: each Monte Carlo run draws the respondents again with replacement, within the group the value
is computed for (the institution, or the country) and, when the survey has design weights, within each
stratum of equal weight (so every stratum keeps its sample size; when some weight is shared by fewer than
:data:`MIN_STRATUM` respondents, as with raked weights, the group is one stratum and each respondent is
drawn with their weight), and computes the weighted mean of the drawn respondents.

Drawing rows would cost respondents × runs. Respondents with the same scores and weight are alike for
the means, so each group keeps one count per distinct (weight, scores) cell and per stratum, and a run
draws multinomial counts over those cells (the same distribution as drawing the rows). A group holds the
scores of every topic its survey's indicators use (one column each, NaN where a respondent did not
answer the topic): the indicators of one survey and group are computed from the same draw of
respondents, as a bootstrap of the respondents does. Different groups are drawn independently. Each run
has its own generator (seed, run): run 17 draws the same counts however many runs there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: design weights make strata only when each has at least this many respondents (else, e.g. with raked
#: weights that differ for everyone, the respondents are drawn with their weights from one stratum)
MIN_STRATUM = 5


@dataclass(frozen=True, eq=False)
class GroupCounts:
    """One group's respondents, compressed: per stratum the distinct (weight, scores) cells and their
    counts (cells of one stratum side by side)."""

    values: FloatArray  # cells × topics: the topic scores (0–100; NaN: not answered)
    weights: FloatArray  # per cell: the design weight
    counts: IntArray  # per cell: respondents with those scores and that weight
    starts: IntArray  # per stratum: its first cell (strata in order, each a run of cells)

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    @property
    def strata(self) -> int:
        return int(self.starts.size)

    def mean(self, column: int = 0) -> float:
        """The weighted mean of one topic over the group (the nominal value)."""
        x = self.values[:, column]
        have = ~np.isnan(x)
        w = (self.weights * self.counts)[have]
        return float((w * x[have]).sum() / w.sum())


def group_counts(values: FloatArray, weights: FloatArray) -> GroupCounts:
    """Compress a group's respondents: ``values`` respondents × topics (or one topic as a vector; NaN:
    not answered; respondents without any score left out) and their design weights. With unequal
    weights each distinct weight is a stratum when every such stratum has at least
    :data:`MIN_STRATUM` respondents; otherwise the group is one stratum."""
    v = np.asarray(values, dtype=np.float64)
    v = v[:, None] if v.ndim == 1 else v
    keep = ~np.isnan(v).all(axis=1)
    v, w = v[keep], np.asarray(weights, dtype=np.float64)[keep]
    classes, stratum, sizes = np.unique(w, return_inverse=True, return_counts=True)
    if classes.size < 2 or sizes.min() < MIN_STRATUM:
        stratum = np.zeros(v.shape[0], np.int64)
    # cells = distinct (stratum, weight, scores); NaN stands aside as -1 (scores are ≥ 0) to be compared
    key = np.column_stack([stratum, w, np.where(np.isnan(v), -1.0, v)])
    cells, counts = np.unique(key, axis=0, return_counts=True)
    first = np.flatnonzero(np.r_[True, cells[1:, 0] != cells[:-1, 0]]) if len(cells) else np.zeros(0)
    scores = cells[:, 2:]
    return GroupCounts(
        values=np.ascontiguousarray(np.where(scores < 0, np.nan, scores)),
        weights=np.ascontiguousarray(cells[:, 1]),
        counts=counts.astype(np.int64),
        starts=first.astype(np.int64),
    )


@dataclass(frozen=True, eq=False)
class _Blocks:
    """Every stratum of every group as a row of one padded table (one multinomial call per run):
    probabilities and sizes, and per cell and topic its weight × score and its weight where answered."""

    pvals: FloatArray  # blocks × width
    sizes: IntArray  # blocks
    wv: FloatArray  # blocks × width × topics
    w: FloatArray  # blocks × width × topics
    first: IntArray  # per group: its first block (blocks of a group side by side)


def _blocks(groups: Sequence[GroupCounts]) -> _Blocks:
    rows: list[tuple[int, int, int]] = []  # (group, first cell, end cell)
    first = []
    for g, gc in enumerate(groups):
        first.append(len(rows))
        ends = np.r_[gc.starts[1:], gc.counts.size]
        rows += [(g, int(a), int(b)) for a, b in zip(gc.starts, ends, strict=True)]
    width = max((b - a for _, a, b in rows), default=1)
    topics = max((gc.values.shape[1] for gc in groups), default=1)
    pvals = np.zeros((len(rows), width))
    wv = np.zeros((len(rows), width, topics))
    w = np.zeros((len(rows), width, topics))
    sizes = np.zeros(len(rows), dtype=np.int64)
    for k, (g, a, b) in enumerate(rows):
        gc = groups[g]
        c, x = gc.counts[a:b], gc.values[a:b]
        sizes[k] = int(c.sum())
        pvals[k, : b - a] = c / sizes[k]
        have = ~np.isnan(x)
        w[k, : b - a, : x.shape[1]] = np.where(have, gc.weights[a:b, None], 0.0)
        wv[k, : b - a, : x.shape[1]] = np.where(have, gc.weights[a:b, None] * np.nan_to_num(x), 0.0)
    return _Blocks(pvals, sizes, wv, w, np.array(first, dtype=np.int64))


def bootstrap_columns(
    requests: Sequence[Sequence[tuple[GroupCounts, int]]], runs: int, seed: int
) -> list[FloatArray]:
    """Per indicator (its (group, topic column) pairs), runs × pairs: each run's weighted mean of the
    topic over a bootstrap sample of the group's respondents (within strata). A group named by several
    indicators is drawn once per run for all of them; run r draws with the generator (seed, r)."""
    index: dict[int, int] = {}
    groups: list[GroupCounts] = []
    for pairs in requests:
        for gc, _ in pairs:
            if id(gc) not in index:
                index[id(gc)] = len(groups)
                groups.append(gc)
    out = [np.empty((runs, len(pairs))) for pairs in requests]
    if not groups:
        return out
    b = _blocks(groups)
    wanted = [
        (
            np.array([index[id(gc)] for gc, _ in pairs], dtype=np.intp),
            np.array([c for _, c in pairs], dtype=np.intp),
        )
        for pairs in requests
    ]
    for r in range(runs):
        rng = np.random.default_rng([seed, r])
        drawn = rng.multinomial(b.sizes, b.pvals).astype(np.float64)  # blocks × width
        num = np.add.reduceat(np.einsum("bw,bwt->bt", drawn, b.wv), b.first, axis=0)  # groups × topics
        den = np.add.reduceat(np.einsum("bw,bwt->bt", drawn, b.w), b.first, axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = num / den
        for k, (g, c) in enumerate(wanted):
            out[k][r] = means[g, c]
    return out


def bootstrap_means(groups: Sequence[Sequence[GroupCounts]], runs: int, seed: int) -> list[FloatArray]:
    """Per indicator (a list of its groups, one topic each), runs × groups: :func:`bootstrap_columns`
    of the first topic of each group."""
    return bootstrap_columns([[(g, 0) for g in gs] for gs in groups], runs, seed)
