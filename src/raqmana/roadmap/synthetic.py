"""Random but realistic roadmaps for benchmarks and tests (seeded, so reproducible).

Initiatives are spread over the six sequencing layers; dependencies only go from a lower layer to a
higher one, so the graph is acyclic and its chains stay within the horizon.
"""

from __future__ import annotations

import random

from raqmana.i18n import Translated
from raqmana.recommend.rules import Category
from raqmana.roadmap.model import Dependency, Initiative, Layer, PlanSettings

_LAYER_SHARE = (0.06, 0.08, 0.12, 0.26, 0.36, 0.12)
_LAYER_CATEGORY = (
    Category.LAW,
    Category.INSTITUTION,
    Category.FRAMEWORK,
    Category.PLATFORM,
    Category.SERVICE,
    Category.SERVICE,
)


def roadmap_parts(
    n: int = 500,
    n_dependencies: int = 2000,
    n_owners: int = 40,
    horizon: int = 20,
    *,
    seed: int = 7,
    budget_slack: float = 1.25,
    capacity: int = 3,
) -> tuple[list[Initiative], list[Dependency], PlanSettings]:
    """Initiatives, dependencies and settings whose yearly budget is ``budget_slack`` × the average need."""
    rng = random.Random(seed)  # nosec B311  # reproducible illustrative data, not a secret
    layers: list[int] = []
    for layer, share in enumerate(_LAYER_SHARE):
        layers += [layer] * round(share * n)
    layers = (layers + [4] * n)[:n]
    owners = [f"inst-{k + 1:02d}" for k in range(n_owners)]
    initiatives = []
    for k, layer in enumerate(layers):
        duration = rng.choice((1, 2, 2, 3)) if layer < 5 else rng.choice((1, 2))
        cost = rng.randrange(100, 3000) * 1000
        initiatives.append(
            Initiative(
                id=f"I{k + 1:04d}",
                name=Translated(
                    en=f"Initiative {k + 1}", ar=f"المبادرة {k + 1}", ckb=f"دەستپێشخەریی {k + 1}"
                ),
                owner=rng.choice(owners),
                category=_LAYER_CATEGORY[layer],
                layer=Layer(layer),
                cost_usd=cost,
                cost_low=cost * 8 // 10,
                cost_high=cost * 12 // 10,
                duration=duration,
                benefit=rng.randint(1, 100),
            )
        )
    by_layer: dict[int, list[int]] = {}
    for k, layer in enumerate(layers):
        by_layer.setdefault(layer, []).append(k)
    edges: set[tuple[int, int]] = set()
    limit = min(
        n_dependencies, sum(len(by_layer[a]) * len(by_layer[b]) for a in by_layer for b in by_layer if a < b)
    )
    while len(edges) < limit:
        la, lb = sorted(rng.sample(sorted(by_layer), 2))
        edges.add((rng.choice(by_layer[la]), rng.choice(by_layer[lb])))
    dependencies = [Dependency(before=initiatives[a].id, after=initiatives[b].id) for a, b in sorted(edges)]
    years = -(-horizon // 4)
    total = sum(it.cost_usd for it in initiatives)
    settings = PlanSettings(
        horizon_quarters=horizon,
        budget_per_year=[int(total / years * budget_slack)],
        capacity_default=capacity,
    )
    return initiatives, dependencies, settings
