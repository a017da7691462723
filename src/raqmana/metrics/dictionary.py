"""The KPI dictionary: one definition per KPI for every institution (name and definition in ar/ckb/en,
unit, formula, direction, frequency, data source). The derived KPIs of the service catalogue are its
first entries; the catalogue's open data and the portal read their words from here."""

from __future__ import annotations

from dataclasses import dataclass

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui


@dataclass(frozen=True)
class Kpi:
    id: str
    name: Translated
    definition: Translated
    unit: str
    formula: str
    #: "up": more is better; "down": less is better
    direction: str
    frequency: str
    source: str


SOURCE = "service catalogue (computed, never typed)"

DICTIONARY: tuple[Kpi, ...] = (
    Kpi(
        "visits_avoided_per_year",
        ui("In-person visits avoided per year"),
        ui(
            "Office visits that citizens and businesses no longer make in a year, because services need fewer."
        ),
        "visits per year",
        "sum over services of (visits_before - visits_now) * annual_transactions",
        "up",
        "each publication",
        SOURCE,
    ),
    Kpi(
        "fully_online_share",
        ui("Share of services fully online"),
        ui("Services at digitisation level 4 or 5 (transaction with payment and e-signature, or proactive)."),
        "share (0 to 1)",
        "count(level >= 4) / count(services)",
        "up",
        "each publication",
        SOURCE,
    ),
    Kpi(
        "once_only_share",
        ui("Once-only share of required documents"),
        ui("Required documents that another agency already holds, so the applicant need not bring them."),
        "share (0 to 1)",
        "sum(documents_held) / sum(documents_required)",
        "up",
        "each publication",
        SOURCE,
    ),
    Kpi(
        "processing_days_mean",
        ui("Average processing time"),
        ui("Mean processing time of the services that state one, in days."),
        "days",
        "mean(processing_days) over services with processing_days > 0",
        "down",
        "each publication",
        SOURCE,
    ),
)

BY_ID = {k.id: k for k in DICTIONARY}


#: what institutions report each quarter, beside the rule base's initiative KPIs
REPORTED: tuple[Kpi, ...] = (
    Kpi(
        "transactions",
        ui("Transactions completed"),
        ui("Transactions of a service (or of all an institution's services) completed in the quarter."),
        "count",
        "reported",
        "up",
        "quarterly",
        "administrative data",
    ),
    Kpi(
        "transactions_online",
        ui("Transactions completed online"),
        ui("Of the transactions completed in the quarter, those completed online from start to end."),
        "count",
        "reported",
        "up",
        "quarterly",
        "administrative data",
    ),
    Kpi(
        "visits_avoided",
        ui("In-person visits avoided"),
        ui("Office visits the quarter's applicants did not make because the service needs fewer."),
        "count",
        "reported",
        "up",
        "quarterly",
        "administrative data",
    ),
)
#: computed each quarter from the reported figures and the catalogue, never reported
QUARTERLY: tuple[Kpi, ...] = (
    Kpi(
        "online_transaction_share",
        ui("Share of transactions completed online"),
        ui("Transactions completed online divided by all transactions completed in the quarter."),
        "share",
        "sum(transactions_online) / sum(transactions)",
        "up",
        "quarterly",
        SOURCE,
    ),
    Kpi(
        "visits_avoided_quarter",
        ui("In-person visits avoided in the quarter (computed)"),
        ui("Each service's reported transactions times the visits it no longer needs, added up."),
        "count",
        "sum over services of (visits_before - visits_now) * transactions in the quarter",
        "up",
        "quarterly",
        SOURCE,
    ),
)
#: the roadmap's follow-up, computed from the owners' progress reports each quarter
FOLLOWUP: tuple[Kpi, ...] = (
    Kpi(
        "roadmap_progress",
        ui("Roadmap done (weighted by cost)"),
        ui("Each initiative's latest reported share done, weighted by its cost, over the whole roadmap."),
        "percent",
        "sum(cost * percent_done) / sum(cost)",
        "up",
        "quarterly",
        "roadmap follow-up (computed)",
    ),
    Kpi(
        "roadmap_spend_usd",
        ui("Roadmap spending in the quarter"),
        ui("What the initiative owners report as spent in the quarter, added up."),
        "usd",
        "sum(spend_usd) of the quarter's progress reports",
        "up",
        "quarterly",
        "roadmap follow-up (computed)",
    ),
)
