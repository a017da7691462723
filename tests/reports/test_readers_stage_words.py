"""A stage is a whole number, and a difference inside the uncertainty band is no difference.

"LEG-01 is at stage 2.2, below stage 3" reads as a mistake: a mean over institutions is an average
stage. A dependent enabler is "already scoring higher" than its bottleneck only when their intervals
do not overlap.
"""

from __future__ import annotations

from tests.analysis.conftest import framework  # noqa: F401 — the six-enabler framework fixture
from tests.analysis.test_gaps_and_constraints import SCORES
from tests.recommend.inline import mini_framework

from raqmana.analysis import binding_constraints, mean_by_key
from raqmana.recommend.model import Trigger
from raqmana.recommend.sentences import sentence

FW = mini_framework()


def test_a_mean_stage_reads_as_an_average_stage():
    t = Trigger("LEG-01 < 3", "all", "LEG-01", 2.2)
    assert sentence(t, FW, "en") == "LEG-01 (Indicator LEG-01): average stage 2.2, below stage 3."
    assert "متوسط المرحلة ٢٫٢" in sentence(t, FW, "ar")
    assert "تێکڕای قۆناغ ٢٫٢" in sentence(t, FW, "ckb")


def test_a_whole_stage_keeps_its_sentence():
    t = Trigger("LEG-01 < 3", "all", "LEG-01", 2.0)
    assert sentence(t, FW, "en") == "LEG-01 (Indicator LEG-01) is at stage 2, below stage 3."


def test_dependents_are_called_higher_only_beyond_the_uncertainty_band(framework):  # noqa: F811
    national = mean_by_key(SCORES)  # LEG 1.0, IDS 2.0, SRV 2.33, PAR 1.0
    without = binding_constraints(national, framework).constraints[0]
    assert without.pillar == "LEG" and without.ahead == ("IDS", "SRV")
    bands = {"LEG": (0.6, 1.5), "IDS": (1.4, 2.6), "SRV": (1.8, 2.9), "PAR": (0.5, 1.5)}
    leg = binding_constraints(national, framework, bands=bands).constraints[0]
    assert leg.ahead == ("SRV",), "IDS's interval overlaps LEG's: not called higher"
    assert "SRV already scores higher" in leg.reason.en and "These already score higher" not in leg.reason.en
