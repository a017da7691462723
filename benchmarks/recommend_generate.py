"""Generate recommendations for 900 institutions (target: < 5 s), then group them into initiatives.

Uses the iraq-dla framework and its rule base (packs/iraq-dla/rules.yaml) when that loads without
errors, otherwise a synthetic rule base of 8 rules per enabler mixing every kind of condition.
Answers are random (seeded): stages 0–5 with 10 % unanswered, 20 % without evidence.

Run: .venv/bin/python benchmarks/recommend_generate.py [N_INSTITUTIONS]
"""

from __future__ import annotations

import random
import sys
import time

from raqmana.frameworks import load_or_raise
from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.recommend import Assessment, RuleBase, compile_rules, generate, load_rules
from raqmana.roadmap.initiatives import from_recommendations

TYPES = ("ministry", "governorate", "independent_body", "regional_body")


def synthetic_rules(fw: Framework) -> RuleBase:
    rules = []
    t = {"en": "Rule", "ar": "قاعدة", "ckb": "ڕێسا"}
    for p in fw.pillars:
        ind = [i.id for s in p.sub_areas for i in s.indicators if i.answer_type is AnswerType.LADDER]
        base = {"pillar": p.id, "title": t, "description": t, "responsible": "secretariat"}
        rules += [
            {**base, "id": f"{p.id}-N1", "when": {"all": [f"score({p.id}) < 60"]}, "category": "law"},
            {
                **base,
                "id": f"{p.id}-N2",
                "when": {"all": [f"share({ind[0]} < 2) >= 0.3"]},
                "category": "framework",
                "prerequisites": [f"{p.id}-N1"],
            },
            {**base, "id": f"{p.id}-I1", "scope": "institution", "when": {"all": [f"{ind[0]} < 3"]}},
            {
                **base,
                "id": f"{p.id}-I2",
                "scope": "institution",
                "when": {"any": [f"{ind[1]} < 2", f"{ind[-1]} missing"], "none": ["type == regional_body"]},
                "prerequisites": [f"{p.id}-N2"],
            },
            {
                **base,
                "id": f"{p.id}-I3",
                "scope": "institution",
                "when": {"all": [f"gap({p.id}) >= 20", "type in [ministry, governorate]"]},
                "category": "service",
                "prerequisites": [f"{p.id}-I1"],
            },
            {
                **base,
                "id": f"{p.id}-I4",
                "scope": "institution",
                "when": {"all": [f"no_evidence({p.id}) > 0.3", f"fired({p.id}-I1)"]},
                "category": "capacity",
            },
            {
                **base,
                "id": f"{p.id}-I5",
                "scope": "institution",
                "when": {"all": [f"answered({p.id}) < 0.95"]},
                "category": "capacity",
            },
            {
                **base,
                "id": f"{p.id}-I6",
                "scope": "institution",
                "when": {"all": [f"score({p.id}) < 40", f"not fired({p.id}-I3)"]},
                "category": "platform",
            },
        ]
    return RuleBase.model_validate({"framework": fw.id, "version": "synthetic", "rules": rules})


def assessment(fw: Framework, n: int, seed: int = 11) -> Assessment:
    rng = random.Random(seed)
    ladders = [i.id for i in fw.indicators() if i.answer_type is AnswerType.LADDER]
    institutions = []
    for k in range(n):
        stages: dict[str, float | None] = {
            i: (rng.randint(0, 5) if rng.random() > 0.1 else None) for i in ladders
        }
        institutions.append(
            {
                "id": f"inst-{k:04d}",
                "type": TYPES[k % len(TYPES)],
                "stages": stages,
                "no_evidence": [i for i in ladders if rng.random() < 0.2],
            }
        )
    return Assessment.model_validate({"framework": fw.id, "id": "benchmark", "institutions": institutions})


def main(n: int = 900) -> None:
    fw = load_or_raise("iraq-dla")
    loaded = load_rules("iraq-dla", fw)
    rb = loaded.rulebase if loaded.ok and loaded.rulebase is not None else synthetic_rules(fw)
    source = "packs/iraq-dla/rules.yaml" if rb is loaded.rulebase else "synthetic"
    compiled = compile_rules(rb)
    t0 = time.perf_counter()
    a = assessment(fw, n)
    t_build = time.perf_counter() - t0
    generate(rb, fw, a, compiled=compiled)  # warm-up
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        recs = generate(rb, fw, a, compiled=compiled)
        times.append(time.perf_counter() - t0)
    best = min(times)
    national = len(recs.national())
    print(
        f"rule base: {source}, {len(rb.rules)} rules; {n} institutions × {len(fw.indicators())} indicators "
        f"(assessment built in {t_build:.2f} s)"
    )
    print(
        f"generate: best {best:.3f} s of 3 (target < 5 s: {'met' if best < 5 else 'NOT met'}); "
        f"{len(recs.recommendations):,} recommendations ({national} national, "
        f"{sum(len(r.triggers) for r in recs.recommendations):,} triggers)"
    )
    depends = {p.id: list(p.depends_on) for p in fw.pillars}
    t0 = time.perf_counter()
    initiatives, deps = from_recommendations(recs.recommendations, pillar_depends=depends)
    print(
        f"initiatives (grouped into programmes per rule): {len(initiatives)} initiatives, {len(deps)} "
        f"dependencies in {time.perf_counter() - t0:.3f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 900)
