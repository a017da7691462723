"""A published snapshot as open data: tables with a Frictionless Table Schema each, the Data Package
descriptor (``datapackage.json``) and a DCAT catalogue in JSON-LD that CKAN-style portals harvest."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from raqmana.celltext import csv_text
from raqmana.i18n import Translated
from raqmana.metrics.dictionary import BY_ID, DICTIONARY

LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}

#: the name and unit of each derived KPI (from the KPI dictionary)
KPI_NAMES: dict[str, tuple[Translated, str]] = {k.id: (k.name, k.unit) for k in DICTIONARY}


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    fields: tuple[tuple[str, str, str], ...]  # (name, Frictionless type, description)
    rows: list[dict[str, Any]]

    def schema(self) -> dict[str, Any]:
        return {
            "fields": [{"name": n, "type": t, "description": d} for n, t, d in self.fields],
            "primaryKey": [self.fields[0][0]],
        }

    def csv(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([n for n, _, _ in self.fields])
        for row in self.rows:
            writer.writerow([_cell(row.get(n), t) for n, t, _ in self.fields])
        return buffer.getvalue().encode("utf-8")

    def json(self) -> list[dict[str, Any]]:
        return [{n: row.get(n) for n, _, _ in self.fields} for row in self.rows]


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    return csv_text(value) if kind == "string" else value


def tables(snapshot: dict[str, Any]) -> dict[str, Table]:
    """The published tables of a snapshot, by name."""
    date = snapshot["published_at"][:10]
    services = Table(
        "services",
        "Government services and their digitisation level",
        (
            ("code", "string", "service code"),
            ("owner", "string", "code of the owner institution"),
            ("owner_name_en", "string", "owner institution"),
            ("name_en", "string", "name in English"),
            ("name_ar", "string", "name in Arabic"),
            ("name_ckb", "string", "name in Sorani Kurdish"),
            ("ur_class", "string", "Ur classification: procedural, informational, interactive, cross_agency"),
            ("audience", "string", "citizen, business or government"),
            ("level", "integer", "EU online sophistication level, 1 (information) to 5 (proactive)"),
            ("un_osi_stage", "integer", "UN E-Government Survey OSI stage, 1 to 4 (crosswalk)"),
            ("visits_before", "integer", "in-person visits per transaction before"),
            ("visits_now", "integer", "in-person visits per transaction now"),
            ("annual_transactions", "integer", "transactions per year"),
            ("documents_required", "integer", "documents required"),
            ("documents_held", "integer", "documents another agency already holds (once only)"),
            ("fee", "integer", "fee in the local currency"),
            ("processing_days", "number", "processing time in days"),
            ("source", "string", "where the figures come from"),
            ("as_of", "date", "date of the figures"),
            ("illustrative", "boolean", "true when the figures are illustrative, not measured"),
        ),
        [
            {
                **s,
                "owner_name_en": s["owner_name"]["en"],
                "name_en": s["name"]["en"],
                "name_ar": s["name"]["ar"],
                "name_ckb": s["name"]["ckb"],
                "as_of": s["as_of"] or date,
            }
            for s in snapshot["services"]
        ],
    )
    k = snapshot["kpis"]
    kpis = Table(
        "kpis",
        "Derived KPIs of the service catalogue",
        (
            ("kpi", "string", "KPI identifier"),
            ("name_en", "string", "name in English"),
            ("name_ar", "string", "name in Arabic"),
            ("name_ckb", "string", "name in Sorani Kurdish"),
            ("definition_en", "string", "definition in English"),
            ("formula", "string", "how it is computed"),
            ("direction", "string", "up: more is better; down: less is better"),
            ("value", "number", "value (empty when it cannot be computed)"),
            ("unit", "string", "unit"),
            ("source", "string", "computed from the published service catalogue"),
            ("as_of", "date", "publication date"),
            ("illustrative", "boolean", "true when computed from illustrative figures"),
        ),
        [
            {
                "kpi": key,
                "name_en": name.en,
                "name_ar": name.ar,
                "name_ckb": name.ckb,
                "definition_en": BY_ID[key].definition.en,
                "formula": BY_ID[key].formula,
                "direction": BY_ID[key].direction,
                "value": k[key],
                "unit": unit,
                "source": snapshot["source"],
                "as_of": date,
                "illustrative": k["illustrative"],
            }
            for key, (name, unit) in KPI_NAMES.items()
        ],
    )
    working = Table(
        "visits_avoided",
        "Working of in-person visits avoided per year",
        (
            ("code", "string", "service code"),
            ("visits_before", "integer", "visits per transaction before"),
            ("visits_now", "integer", "visits per transaction now"),
            ("annual_transactions", "integer", "transactions per year"),
            ("visits_avoided", "integer", "(before - now) x transactions"),
        ),
        list(k["working"]),
    )
    out = [services, kpis, working]
    if snapshot.get("kpi_trends"):
        out.append(
            Table(
                "kpi_trends",
                "KPI figures per quarter against the roadmap's targets",
                (
                    ("id", "string", "KPI and quarter"),
                    ("kpi", "string", "KPI identifier"),
                    ("name_en", "string", "name in English"),
                    ("name_ar", "string", "name in Arabic"),
                    ("name_ckb", "string", "name in Sorani Kurdish"),
                    ("period", "string", "quarter, e.g. 2026-Q1"),
                    ("value", "number", "national figure (reported, or from the institutions' figures)"),
                    ("institutions", "integer", "institutions it comes from (0: reported nationally)"),
                    ("unit", "string", "unit"),
                    ("target", "number", "the roadmap's target (empty when none)"),
                    ("target_period", "string", "quarter the target is due"),
                    ("source", "string", "where the figures come from"),
                    ("illustrative", "boolean", "true when the figures are illustrative, not measured"),
                ),
                [
                    {
                        "id": f"{t['kpi']}|{p['period']}",
                        "kpi": t["kpi"],
                        "name_en": t["name"]["en"],
                        "name_ar": t["name"]["ar"],
                        "name_ckb": t["name"]["ckb"],
                        "period": p["period"],
                        "value": p["value"],
                        "institutions": p.get("institutions", 0),
                        "unit": t["unit"],
                        "target": t["target"]["value"] if t["target"] else None,
                        "target_period": t["target"]["period"] if t["target"] else "",
                        "source": t["source"],
                        "illustrative": t["illustrative"],
                    }
                    for t in snapshot["kpi_trends"]
                    for p in t["points"]
                ],
            )
        )
    roadmap = snapshot.get("roadmap")
    if roadmap:
        out.append(
            Table(
                "roadmap_progress",
                f"Roadmap version {roadmap['version']}: plan against actual at {roadmap['quarter']}",
                (
                    ("initiative", "string", "initiative identifier"),
                    ("name_en", "string", "name in English"),
                    ("name_ar", "string", "name in Arabic"),
                    ("planned_start", "string", "first quarter planned"),
                    ("planned_end", "string", "last quarter planned"),
                    ("planned_percent", "number", "share planned done by the quarter (0 to 100)"),
                    ("percent_done", "number", "share reported done by its owner (0 to 100)"),
                    ("status", "string", "not_started, on_track, at_risk, delayed, done or cancelled"),
                    ("slipped", "boolean", "more than 10 points behind the plan, or reported delayed"),
                    ("illustrative", "boolean", "true when the progress is illustrative"),
                ),
                [
                    {
                        **r,
                        "initiative": r["id"],
                        "name_en": r["name"]["en"],
                        "name_ar": r["name"]["ar"],
                        "illustrative": roadmap["illustrative"],
                    }
                    for r in roadmap["initiatives"]
                ],
            )
        )
    return {t.name: t for t in out}


def datapackage(snapshot: dict[str, Any], base_url: str) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of everything published."""
    version = snapshot["version"]
    return {
        "profile": "tabular-data-package",
        "name": "raqmana-public-services",
        "title": "Government services, their digitisation level and derived KPIs",
        "version": f"{version}.0.0",
        "created": snapshot["published_at"],
        "licenses": [LICENCE],
        "sources": [{"title": snapshot["source"], "path": f"{base_url}/public"}],
        "keywords": ["e-government", "public services", "digital transformation"],
        "resources": [
            {
                "name": t.name,
                "title": t.title,
                "path": f"{base_url}/public/data/v{version}/{t.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": t.schema(),
            }
            for t in tables(snapshot).values()
        ],
    }


def dcat(snapshot: dict[str, Any], base_url: str) -> dict[str, Any]:
    """A DCAT catalogue (JSON-LD): one dataset per table, a CSV and a JSON distribution each."""
    version = snapshot["version"]
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": f"{base_url}/public/data/catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": "raqmana public data",
        "dct:license": {"@id": LICENCE["path"]},
        "dct:modified": snapshot["published_at"],
        "foaf:homepage": {"@id": f"{base_url}/public"},
        "dcat:dataset": [
            {
                "@id": f"{base_url}/public/data/v{version}/{t.name}",
                "@type": "dcat:Dataset",
                "dct:identifier": f"{t.name}-v{version}",
                "dct:title": t.title,
                "dct:issued": snapshot["published_at"],
                "dct:license": {"@id": LICENCE["path"]},
                "dcat:keyword": ["e-government", "public services"],
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": {"@id": f"{base_url}/public/data/v{version}/{t.name}.{fmt}"},
                        "dcat:mediaType": media,
                        "dct:format": fmt.upper(),
                    }
                    for fmt, media in (("csv", "text/csv"), ("json", "application/json"))
                ],
            }
            for t in tables(snapshot).values()
        ],
    }
