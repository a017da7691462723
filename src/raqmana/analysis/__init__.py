"""Analysis on plain inputs: gaps to target, binding constraints, digital divide, peer benchmark, SDG entry points.

Inputs are mappings (institution → {pillar_id: score 0–5}, institution metadata) and a
:class:`~raqmana.frameworks.schema.Framework`; outputs are dataclasses with ``to_dict()``. No
database, no web framework.
"""

from raqmana.analysis.benchmark import Diagnosis, PeerBenchmark, diagnose, peer_benchmark
from raqmana.analysis.constraints import ConstraintReport, binding_constraints, dependents
from raqmana.analysis.divide import DivideReport, Unit, divide, institution_divide, survey_divide
from raqmana.analysis.gaps import GapReport, gap_analysis
from raqmana.analysis.inequality import gini, theil, theil_decomposition
from raqmana.analysis.inputs import Institution, SurveyResponse, check_scores, mean_by_key
from raqmana.analysis.sdg import SdgEntryPoint, sdg_entry_points
from raqmana.analysis.summary import Analysis, analyse

__all__ = [
    "Analysis",
    "ConstraintReport",
    "Diagnosis",
    "DivideReport",
    "GapReport",
    "Institution",
    "PeerBenchmark",
    "SdgEntryPoint",
    "SurveyResponse",
    "Unit",
    "analyse",
    "binding_constraints",
    "check_scores",
    "dependents",
    "diagnose",
    "divide",
    "gap_analysis",
    "gini",
    "institution_divide",
    "mean_by_key",
    "peer_benchmark",
    "sdg_entry_points",
    "survey_divide",
    "theil",
    "theil_decomposition",
]
