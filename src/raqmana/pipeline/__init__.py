"""The chain: assess → score → analyse → recommend → plan; one typed options object in, one typed result out.

::

    country = country_for(framework.id)           # the country file beside the framework pack
    options = ChainOptions(country=country, round=RoundOptions(id="a1", target_stage=3))
    result = run_chain(framework, responses, institutions, options)
    result.plan                                   # PlanResult, or None when planning did not run
    result.inputs                                 # ReportInputs for raqmana.reports
    result.write(out_dir)                         # scores.json, analysis.json, recommendations.*, roadmap.*

A country's defaults (ISO3, lead institution, peers, currency, target stage, planning start, horizon and
capacity) are data: ``country.yaml`` in a framework pack (``docs/countries.md``).
"""

from raqmana.pipeline.chain import ChainResult, default_uncertainty, run_chain
from raqmana.pipeline.country import CountryDefaults, Planning, country_for, find_country, load_country
from raqmana.pipeline.options import Answer, ChainOptions, Responses, RoundOptions
from raqmana.reports.adapters import InstitutionMeta

__all__ = [
    "Answer",
    "ChainOptions",
    "ChainResult",
    "CountryDefaults",
    "InstitutionMeta",
    "Planning",
    "Responses",
    "RoundOptions",
    "country_for",
    "default_uncertainty",
    "find_country",
    "load_country",
    "run_chain",
]
