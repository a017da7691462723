"""The chain from validated answers to report inputs, without a database."""

import numpy as np
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.reports.chain import InstitutionMeta, run_chain


def test_scores_intervals_and_analysis_come_from_the_answers(tmp_path):
    fw = load(write_framework(tmp_path, framework_dict())).framework
    insts = {
        f"m{k}": InstitutionMeta(
            f"m{k}",
            Translated.of(f"M{k}", f"و{k}", f"و{k}"),
            "ministry" if k < 4 else "governorate",
            governorate=f"g{k}",
        )
        for k in range(6)
    }
    rng = np.random.default_rng(7)
    responses = {
        c: {
            "LEG-01": int(rng.integers(0, 6)),
            "LEG-02": int(rng.integers(0, 6)),
            "SRV-01": int(rng.integers(0, 6)),
            "SRV-02": float(rng.uniform(0, 100)),
        }
        for c in insts
    }
    responses["m0"] = {"LEG-01": 5, "LEG-02": 5, "SRV-01": 5, "SRV-02": 100.0}
    result = run_chain(fw, responses, insts, plan=False, mc_runs=200, illustrative=True, country_iso3="IRQ")
    inputs = result.inputs
    m0 = next(i for i in inputs.institutions if i.code == "m0")
    assert m0.overall == 5.0 and m0.stage == 5
    assert m0.scores["LEG"] == 5.0
    legal = next(e for e in inputs.enablers if e.pillar_id == "LEG")
    mean_legal = np.mean([(responses[c]["LEG-01"] + responses[c]["LEG-02"]) / 2 for c in insts])
    assert abs(legal.score - mean_legal) < 1e-9
    assert legal.low <= legal.score <= legal.high
    assert legal.coverage == 1.0
    assert inputs.illustrative and "ILLUSTRATIVE" in inputs.provenance[1]
    assert any(s.index.startswith("EGDI") for s in inputs.indices)  # Iraq's real figures alongside
    assert set(inputs.methodology) == {"en", "ar", "ckb"}
    written = result.write(tmp_path / "out")
    assert (tmp_path / "out" / "scores.json").is_file() and (tmp_path / "out" / "analysis.json") in written
