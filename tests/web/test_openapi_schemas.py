"""The OpenAPI document says what every operation returns, and real responses match it.

Every operation under ``/api/v1`` declares a 2xx schema and the one error body for every status; a tour of
the API (reading every page twin, every write, errors) checks each real response against the schema the
document declares for its status, with every object closed (a key the document does not list fails).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from raqmana.workspace import SYSTEM, orgs, users
from raqmana.workspace.jobs import run_one
from tests.exchange.tour import exchange_tour

from .test_results import ANSWERS, accept
from .world import PASSWORD, World

ERROR_STATUSES = ("400", "401", "403", "404", "409", "413", "422", "429", "500")
ERROR_REF = "#/components/schemas/ErrorBody"


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """The operations of the JSON API (``/api/v1``; health probes for load balancers stay outside it)."""
    return [
        (m.upper(), p, op)
        for p, item in spec["paths"].items()
        if p.startswith("/api/v1/")
        for m, op in item.items()
    ]


def closed(schema: Any) -> Any:
    """The schema with every object that lists its properties closed to other keys."""
    if isinstance(schema, dict):
        out = {k: closed(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [closed(v) for v in schema]
    return schema


@dataclass
class Api:
    """Calls the API and records (operation, status, media type, body) of every answer."""

    client: TestClient
    spec: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    seen: list[tuple[str, str, int, str, Any]] = field(default_factory=list)

    def _template(self, method: str, url: str) -> str:
        path = url.split("?")[0]
        for template, item in self.spec["paths"].items():
            if method.lower() not in item:
                continue
            pattern = re.sub(r"\\\{[^}]+:path\\\}", ".+", re.escape(template))
            pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", pattern)
            if re.fullmatch(pattern, path):
                return template
        raise AssertionError(f"{method} {path} is not in the OpenAPI document")

    def call(self, method: str, url: str, *, as_: str | None = None, **kw: Any) -> Any:
        headers = {**kw.pop("headers", {}), **({"Authorization": f"Bearer {as_}"} if as_ else {})}
        r = self.client.request(method, url, headers=headers, **kw)
        media = r.headers.get("content-type", "").split(";")[0]
        body = r.json() if media == "application/json" else None
        self.seen.append((method, self._template(method, url), r.status_code, media, body))
        return r


def token(app: FastAPI, username: str) -> str:
    from .conftest import Browser

    with Browser(app, base_url="http://testserver") as b:
        b.login(username)
        html = b.form("/account/tokens", {"name": "schema tour"}, page="/account").text
    m = re.search(r'<code class="rq-token">([^<]+)</code>', html)
    assert m, "no token shown"
    return m.group(1)


def answer(api: Api, inst: str, as_: str, indicator: str) -> dict[str, Any] | None:
    """The stored answer to ``indicator``, as the questionnaire's JSON twin shows it."""
    page = api.call("GET", inst, as_=as_).json()
    items = [i for p in page["questionnaire"]["pages"] for i in p["items"]]
    found: dict[str, Any] | None = next(i["response"] for i in items if i["indicator"]["id"] == indicator)
    return found


def tour(api: Api, world: World, tokens: dict[str, str]) -> None:
    """Every operation at least once with a success, and the usual errors."""
    a, coord, focal, rev = world.assessment_id, tokens["coord"], tokens["focal"], tokens["rev"]
    inst = f"/api/v1/assessments/{a}/institutions/mofa"
    for path in (
        "/api/v1/me",
        "/api/v1/account",
        "/api/v1/frameworks",
        "/api/v1/orgs",
        "/api/v1/admin/users",
        "/api/v1/assessments",
        "/api/v1/assessments/new",
        f"/api/v1/assessments/{a}",
        f"/api/v1/assessments/{a}/assignments",
        f"/api/v1/assessments/{a}/progress",
        f"{inst}",
        f"{inst}?pillar=SRV&submitted=1&skipped=SRV-01",
        f"/api/v1/assessments/{a}/results",
        f"/api/v1/assessments/{a}/results/institutions/mofa",
        f"/api/v1/assessments/{a}/reports",
        "/api/v1/admin/audit?verify=1",
    ):
        assert api.call("GET", path, as_=coord).status_code == 200, path
    frameworks = api.client.get("/api/v1/frameworks", headers={"Authorization": f"Bearer {coord}"}).json()
    opened = api.call(
        "POST",
        "/api/v1/assessments",
        as_=coord,
        json={
            "framework_version_id": frameworks["frameworks"][0]["id"],
            "name": {"en": "Round 2027", "ar": "جولة 2027", "ckb": "خولی 2027"},
            "period": "2027",
            "institution_codes": ["mofa"],
        },
    )
    assert opened.status_code == 201, opened.text
    assigned = api.call(
        "POST",
        f"/api/v1/assessments/{opened.json()['id']}/assignments",
        as_=coord,
        json={"institution_code": "mofa", "user_id": world.user_ids["focal"], "role": "focal_point"},
    )
    assert assigned.status_code == 201, assigned.text
    # the focal point answers, attaches evidence, submits, exports and imports the workbook
    assert answer(api, inst, focal, "LEG-01") is None, "not answered yet"
    known = 0
    saved = api.call(
        "POST", f"{inst}/answers/LEG-01", as_=focal, json={"value": 4, "expected_version": known}
    )
    assert saved.status_code == 200, saved.text
    stale = api.call(
        "POST", f"{inst}/answers/LEG-01", as_=focal, json={"value": 2, "expected_version": known}
    )
    assert stale.status_code == 409, "a stale version conflicts"
    bad = api.call("POST", f"{inst}/answers/LEG-01", as_=focal, json={"expected_version": "x"})
    assert bad.status_code == 422
    url = api.call(
        "POST", f"{inst}/answers/LEG-01/evidence/url", as_=focal, json={"url": "https://example.org/law"}
    )
    assert url.status_code == 201, url.text
    attached = api.call(
        "POST",
        f"{inst}/answers/LEG-01/evidence/file",
        as_=focal,
        files={"file": ("law.pdf", b"%PDF-1.4 law", "application/pdf")},
        data={"description": "the law"},
    )
    assert attached.status_code == 201, attached.text
    got = api.call("GET", f"/api/v1/evidence/{attached.json()['id']}/file", as_=focal)
    assert got.status_code == 200 and got.content == b"%PDF-1.4 law"
    spare = api.call(
        "POST", f"{inst}/answers/LEG-01/evidence/url", as_=focal, json={"url": "https://example.org/x"}
    )
    assert api.call("POST", f"/api/v1/evidence/{spare.json()['id']}/delete", as_=focal).json() == {"ok": True}
    assert api.call("POST", f"{inst}/submit", as_=focal, json={"pillar": "LEG"}).status_code == 200
    workbook = api.call("GET", f"{inst}/workbook.xlsx", as_=focal)
    assert workbook.status_code == 200
    xlsx = (
        "mofa.xlsx",
        workbook.content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    imported = api.call("POST", "/api/v1/workbooks", as_=focal, files={"file": xlsx})
    assert imported.status_code == 200, imported.text
    batch = api.call("POST", f"/api/v1/assessments/{a}/workbooks", as_=focal, files={"files": xlsx})
    assert batch.status_code == 202, batch.text
    run_one(world.ws)
    assert api.call("GET", f"/api/v1/jobs/{batch.json()['job']['id']}", as_=focal).status_code == 200
    # the reviewer reads the queue and the answer, comments and returns it
    assert api.call("GET", f"/api/v1/assessments/{a}/review", as_=rev).status_code == 200
    response_id, submitted = saved.json()["id"], answer(api, inst, rev, "LEG-01")
    assert submitted is not None and submitted["state"] == "submitted"
    assert api.call("GET", f"/api/v1/responses/{response_id}", as_=rev).status_code == 200
    commented = api.call("POST", f"/api/v1/responses/{response_id}/comments", as_=rev, json={"text": "why?"})
    assert commented.status_code == 201, commented.text
    returned = api.call(
        "POST",
        f"/api/v1/responses/{response_id}/review",
        as_=rev,
        json={"decision": "return", "comment": "add the gazette", "expected_version": submitted["version"]},
    )
    assert returned.status_code == 200, returned.text
    # a report job, run, then read with its files
    started = api.call(
        "POST", f"/api/v1/assessments/{a}/reports", as_=coord, json={"langs": ["en"], "formats": ["html"]}
    )
    assert started.status_code == 202, started.text
    assert run_one(world.ws).status == "done"
    job = api.call("GET", started.json()["url"], as_=coord).json()
    assert job["files"], "the report job wrote a file"
    assert api.call("GET", f"/api/v1/assessments/{a}/reports", as_=coord).json()["files"]
    file = api.call("GET", job["files"][0]["url"].replace("/assessments", "/api/v1/assessments"), as_=coord)
    assert file.status_code == 200
    assert api.call("GET", "/api/v1/jobs", as_=coord).status_code == 200
    assert api.call("POST", "/api/v1/admin/audit/verify", as_=coord).status_code == 200
    # the actions that were forms only: users, grants, assignments, rounds, evidence, tokens, organisations
    made = api.call(
        "POST",
        "/api/v1/admin/users",
        as_=tokens["admin"],
        json={"username": "newbie", "password": "a long enough pass phrase", "display_name": "New"},
    )
    assert made.status_code == 201, made.text
    granted = api.call(
        "POST",
        f"/api/v1/admin/users/{made.json()['id']}/grants",
        as_=tokens["admin"],
        json={"role": "viewer"},
    )
    assert granted.status_code == 201, granted.text
    assert (
        api.call(
            "POST", f"/api/v1/admin/grants/{granted.json()['id']}/delete", as_=tokens["admin"]
        ).status_code
        == 200
    )
    round_2027 = f"/api/v1/assessments/{opened.json()['id']}"
    removed = api.call("POST", f"{round_2027}/assignments/{assigned.json()['id']}/delete", as_=coord)
    assert removed.status_code == 200, removed.text
    assert api.call("POST", f"{round_2027}/close", as_=coord).json()["status"] == "closed"
    gone = api.call("POST", f"/api/v1/evidence/{url.json()['id']}/delete", as_=focal)
    assert gone.json() == {"ok": True}, "the answer was returned: its evidence may change again"
    made_token = api.call("POST", "/api/v1/account/tokens", as_=focal, json={"name": "second"})
    assert made_token.status_code == 201, made_token.text
    revoked = api.call("POST", f"/api/v1/account/tokens/{made_token.json()['token']['id']}/revoke", as_=focal)
    assert revoked.status_code == 200, revoked.text
    wrong = {"old_password": "not it", "new_password": "another long pass phrase"}
    assert api.call("POST", "/api/v1/account/password", as_=tokens["outsider"], json=wrong).status_code == 422
    changed = {"old_password": PASSWORD, "new_password": "another long pass phrase", "keep_tokens": True}
    assert api.call("POST", "/api/v1/account/password", as_=tokens["outsider"], json=changed).json() == {
        "ok": True
    }
    seed = ("orgs.csv", orgs.seed_data(), "text/csv")
    assert api.call("POST", "/api/v1/orgs/import", as_=coord, files={"file": seed}).status_code == 403
    imported_orgs = api.call("POST", "/api/v1/orgs/import", as_=tokens["admin"], files={"file": seed})
    assert imported_orgs.status_code == 200 and imported_orgs.json()["created"] == 0, imported_orgs.text
    # the service catalogue: import, read, edit, export, publish and withdraw
    catalogue = (
        "code,owner,name_en,level,visits_before,visits_now,annual_transactions\nvisa,mofa,Visa,3,2,1,40\n"
    )
    services_file = {"file": ("services.csv", catalogue.encode(), "text/csv")}
    assert api.call("POST", "/api/v1/services/import", as_=coord, files=services_file).status_code == 200
    assert api.call("GET", "/api/v1/services", as_=focal).status_code == 200
    assert api.call("GET", "/api/v1/services/visa", as_=focal).status_code == 200
    edited = api.call("POST", "/api/v1/services/visa", as_=focal, json={"annual_transactions": "50"})
    assert edited.status_code == 200, edited.text
    assert api.call("POST", "/api/v1/services/visa", as_=focal, json={"visits_now": "9"}).status_code == 422
    assert api.call("GET", "/api/v1/services/export.csv", as_=focal).status_code == 200
    pending = edited.json()["pending_edit"]  # the owner's edit waits for review
    assert api.call("GET", "/api/v1/service-edits", as_=focal).status_code == 200
    decided = api.call(
        "POST", f"/api/v1/service-edits/{pending}/review", as_=coord, json={"decision": "accept"}
    )
    assert decided.status_code == 200, decided.text
    published = api.call("POST", "/api/v1/publication/publish", as_=coord)
    assert published.status_code == 200, published.text
    version = published.json()["version"]
    withdrawn = api.call(
        "POST", "/api/v1/publication/withdraw", as_=coord, json={"expected_version": version}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    kpi_tour(api, tokens)
    followup_tour(api, tokens)
    participation_tour(api, tokens)
    consultation_tour(api, tokens)
    documents_tour(api, world, tokens)
    survey_tour(api, world, tokens)
    exchange_tour(api, world, a, tokens)
    # errors
    assert api.call("GET", "/api/v1/me", as_="not-a-token").status_code == 401
    assert api.call("GET", f"/api/v1/assessments/{a}", as_=tokens["outsider"]).status_code == 404
    assert api.call("GET", "/api/v1/assessments/999999").status_code == 401


def followup_tour(api: Api, tokens: dict[str, str]) -> None:
    """A roadmap adopted, its owner's progress, plan against actual, a re-plan."""
    from tests.web.test_followup import small_roadmap

    focal, coord = tokens["focal"], tokens["coord"]
    roadmap = {"file": ("roadmap.json", small_roadmap().to_json().encode(), "application/json")}
    adopted = api.call("POST", "/api/v1/followup/roadmap", as_=coord, files=roadmap)
    assert adopted.status_code == 200, adopted.text
    progress = {"initiative": "evisa", "quarter": "2026-Q1", "status": "delayed", "percent_done": 10}
    assert api.call("POST", "/api/v1/followup/progress", as_=focal, json=progress).status_code == 200
    assert api.call("GET", "/api/v1/followup", as_=focal).status_code == 200
    version = adopted.json()["version"]
    replanned = api.call("POST", "/api/v1/followup/replan", as_=coord, json={"expected_version": version})
    assert replanned.status_code == 200, replanned.text


def kpi_tour(api: Api, tokens: dict[str, str]) -> None:
    """Figures reported one by one and as a file, a KPI's trend, the export."""
    focal, coord = tokens["focal"], tokens["coord"]
    figure = {"kpi": "transactions", "period": "2026-Q1", "service": "visa", "value": "40", "unit": "count"}
    saved = api.call("POST", "/api/v1/kpis/observations", as_=focal, json=figure)
    assert saved.status_code == 200, saved.text
    assert (
        api.call("POST", "/api/v1/kpis/observations", as_=focal, json={**figure, "value": "-1"}).status_code
        == 422
    )
    figures = {
        "file": (
            "figures.csv",
            b"kpi,period,service,value,unit\ntransactions,2026-Q2,visa,50,count\n",
            "text/csv",
        )
    }
    assert api.call("POST", "/api/v1/kpis/observations/import", as_=coord, files=figures).status_code == 200
    assert api.call("GET", "/api/v1/kpis", as_=focal).status_code == 200
    assert api.call("GET", "/api/v1/kpis/transactions", as_=focal).status_code == 200
    assert api.call("GET", "/api/v1/kpis/observations/export.csv", as_=focal).status_code == 200
    # the focal point's figure waits for review: returned with a note, corrected, accepted, withdrawn
    figure_id = saved.json()["id"]
    assert saved.json()["state"] == "submitted"
    assert api.call("GET", "/api/v1/kpi-reviews", as_=coord).status_code == 200
    review = f"/api/v1/kpis/observations/{figure_id}/review"
    note = {"decision": "return", "note": "which register?"}
    assert api.call("POST", review, as_=coord, json=note).status_code == 200
    assert api.call("POST", review, as_=coord, json={"decision": "accept"}).status_code == 422
    fixed = api.call("POST", "/api/v1/kpis/observations", as_=focal, json={**figure, "source": "register"})
    assert fixed.status_code == 200 and fixed.json()["state"] == "submitted", fixed.text
    assert api.call("POST", review, as_=coord, json={"decision": "accept"}).status_code == 200
    withdraw = f"/api/v1/kpis/observations/{figure_id}/withdraw"
    assert api.call("POST", withdraw, as_=focal, json={"reason": "twice"}).status_code == 403
    assert api.call("POST", withdraw, as_=coord, json={"reason": "entered twice"}).status_code == 200


def participation_tour(api: Api, tokens: dict[str, str]) -> None:
    """A citizen's complaint from the public form to its answer, and the inbox's files."""
    focal, coord = tokens["focal"], tokens["coord"]
    assert api.call("GET", "/api/v1/public/feedback").status_code == 200
    sent = api.call(
        "POST",
        "/api/v1/public/feedback",
        json={"institution": "mofa", "text": "Too many visits", "visits": 4},
    )
    assert sent.status_code == 201, sent.text
    tracking = sent.json()["tracking"]
    assert (
        api.call("POST", "/api/v1/public/feedback", json={"institution": "mofa", "rating": 0}).status_code
        == 422
    )
    assert api.call("GET", f"/api/v1/public/feedback/status?tracking={tracking}").json()["status"]
    assert api.call("GET", "/api/v1/public/feedback/status?tracking=RQ-1").status_code == 422
    assert api.call("GET", "/api/v1/participation", as_=focal).json()["cases"]
    case = f"/api/v1/participation/{tracking}"
    assert api.call("GET", case, as_=focal).json()["case"]["contact"] is None
    assert api.call("POST", f"{case}/assign", as_=focal, json={}).json()["state"] == "assigned"
    assert api.call("POST", f"{case}/moderate", as_=focal, json={"hide": False}).status_code == 200
    answered = api.call(
        "POST", f"{case}/answer", as_=focal, json={"text": "Booking opened", "change_made": "Booking"}
    )
    assert answered.json()["state"] == "answered", answered.text
    assert api.call("POST", f"{case}/close", as_=focal, json={}).json()["state"] == "closed"
    assert api.call("POST", f"{case}/close", as_=focal, json={}).status_code == 422
    assert api.call("GET", "/api/v1/public/feedback/changes").json()["changes"]
    other = api.call(
        "POST", "/api/v1/public/feedback", json={"institution": "mofa", "text": "Wrong ministry"}
    )
    referred = api.call(
        "POST",
        f"/api/v1/participation/{other.json()['tracking']}/refer",
        as_=focal,
        json={"institution": "moi"},
    )
    assert referred.json()["institution"] == "moi", referred.text
    assert api.call("GET", "/api/v1/participation/export.csv", as_=coord).status_code == 200
    exported = api.call("GET", "/api/v1/participation/export.json", as_=coord)
    file = {"file": ("cases.json", exported.content, "application/json")}
    assert api.call("POST", "/api/v1/participation/import", as_=coord, files=file).json()["unchanged"] == 2


def consultation_tour(api: Api, tokens: dict[str, str]) -> None:
    """A consultation opened by an institution, a comment on a section, its moderation."""
    focal = tokens["focal"]
    words = {"en": "Draft", "ar": "مسودة", "ckb": "ڕەشنووس"}
    opened = api.call(
        "POST",
        "/api/v1/consultations",
        as_=focal,
        json={
            "owner": "mofa",
            "title": words,
            "summary": words,
            "opens_at": "2020-01-01T00:00:00+03:00",
            "closes_at": "2099-01-01T00:00:00+03:00",
            "sections": [{"heading": words, "body": words}],
        },
    )
    assert opened.status_code == 201, opened.text
    c = opened.json()
    assert api.call("GET", "/api/v1/public/consultations").json()["consultations"]
    public = f"/api/v1/public/consultations/{c['id']}"
    assert api.call("GET", public).status_code == 200
    sent = api.call("POST", f"{public}/comments", json={"section_id": c["sections"][0]["id"], "text": "Yes"})
    assert sent.status_code == 201, sent.text
    assert api.call("POST", f"{public}/comments", json={"section_id": 999999, "text": "x"}).status_code == 404
    queue = api.call("GET", f"/api/v1/consultations/{c['id']}/moderation", as_=focal).json()
    moderate = f"/api/v1/consultations/{c['id']}/comments/{queue['comments'][0]['id']}/moderate"
    assert api.call("POST", moderate, as_=focal, json={"publish": False}).status_code == 422
    assert api.call("POST", moderate, as_=focal, json={"publish": True}).json()["state"] == "published"
    consultation_more_tour(api, focal, c["id"], queue["comments"][0]["id"], c["sections"][0]["id"])


def consultation_more_tour(api: Api, focal: str, cid: int, published: int, section: int) -> None:
    """The owner's form, edit, questions, analysis and response report; the public's taking part,
    answering, supporting, deleting and reading the published response."""
    words = {"en": "Draft", "ar": "مسودة", "ckb": "ڕەشنووس"}
    public = f"/api/v1/public/consultations/{cid}"
    assert api.call("GET", "/api/v1/consultations/new", as_=focal).json()["owners"]
    assert api.call("GET", f"/api/v1/consultations/{cid}/edit", as_=focal).json()["consultation"]["id"] == cid
    details = {"title_en": "Draft", "title_ar": "مسودة", "opens_on": "2020-01-01", "closes_on": "2098-12-31"}
    assert api.call("POST", f"/api/v1/consultations/{cid}/edit", as_=focal, json=details).status_code == 200
    question = {"kind": "single", "prompt": words, "options": [words, words]}
    made = api.call(
        "POST", f"/api/v1/consultations/{cid}/questions", as_=focal, json={"questions": [question]}
    )
    assert made.status_code == 200, made.text
    token = api.call("POST", "/api/v1/public/consultations/participants", json={}).json()["token"]
    assert api.call("POST", "/api/v1/public/consultations/participants", json={"contact": "a@b.iq"}).json()[
        "code_sent"
    ]
    confirm = {"contact": "a@b.iq", "code": "x"}
    assert (
        api.call("POST", "/api/v1/public/consultations/participants/confirm", json=confirm).status_code == 422
    )
    answers = {"participant": token, "answers": {str(made.json()[0]["id"]): 1}}
    assert api.call("POST", f"{public}/answers", json=answers).json() == {"answered": 1}
    supported = api.call("POST", f"{public}/comments/{published}/support", json={"participant": token})
    assert supported.json()["supports"] == 1
    sent = api.call(
        "POST", f"{public}/comments", json={"section_id": section, "text": "Mine", "participant": token}
    )
    assert api.call(
        "POST", "/api/v1/public/consultations/forget", json={"tracking": sent.json()["tracking"]}
    ).json()
    assert api.call("GET", f"/api/v1/consultations/{cid}/analysis", as_=focal).json()["received"] >= 1
    assert api.call("GET", f"/api/v1/consultations/{cid}/analysis.csv", as_=focal).status_code == 200
    assert api.call("GET", f"/api/v1/consultations/{cid}/response", as_=focal).status_code == 200
    early = api.call(
        "POST", f"/api/v1/consultations/{cid}/response", as_=focal, json={"summary": words, "items": []}
    )
    assert early.status_code == 422 and api.call("GET", f"{public}/response").status_code == 404
    gone = api.call("POST", "/api/v1/public/consultations/participants/forget", json={"participant": token})
    assert gone.json()["answers"] == 1
    form = {"owner": "mofa", "title_en": "Closed draft", "opens_on": "2020-01-01", "closes_on": "2020-02-01"}
    closed = api.call(
        "POST", "/api/v1/consultations/new", as_=focal, data={**form, "sections_text": "Article 1\nText"}
    )
    assert closed.status_code == 201, closed.text
    done = f"/api/v1/consultations/{closed.json()['id']}/response"
    body = {"summary": words, "publish": True, "items": [{"taken": False, "text": words}]}
    assert api.call("POST", done, as_=focal, json=body).json()["published_at"]
    answer = f"/api/v1/public/consultations/{closed.json()['id']}/response"
    assert api.call("GET", answer).json()["response"]["items"][0]["taken"] is False
    assert api.call("GET", f"{answer}.en.html").status_code == 200


def survey_tour(api: Api, world: World, tokens: dict[str, str]) -> None:
    """The round's surveys, a form, an export imported, the aggregated results."""
    from raqmana.surveys.illustrative import submissions_csv
    from raqmana.surveys.xlsform_out import from_framework

    from .world import tiny_framework

    focal, coord = tokens["focal"], tokens["coord"]
    base = f"/api/v1/assessments/{world.assessment_id}/surveys"
    assert api.call("GET", base, as_=focal).json()["surveys"][0]["id"] == "tiny"
    assert api.call("GET", f"{base}/tiny/form.xlsx", as_=focal).status_code == 200
    export = submissions_csv(from_framework(tiny_framework()), n=15, seed=2)
    done = api.call(
        "POST", f"{base}/tiny/submissions", as_=coord, files={"file": ("k.csv", export, "text/csv")}
    )
    assert done.status_code == 200 and done.json()["added"] == 15, done.text
    assert api.call("GET", f"{base}/tiny", as_=focal).json()["n"] == 15


def documents_tour(api: Api, world: World, tokens: dict[str, str]) -> None:
    """A law uploaded by a focal point and analysed (a job), a suggestion decided by the reviewer, the
    lists, the profile, the file, a new analysis and the withdrawal."""
    focal, rev, coord = tokens["focal"], tokens["rev"], tokens["coord"]
    law = "المادة 1: تنشأ هيئة مستقلة لحماية البيانات الشخصية والقضاء على الفقر.".encode()
    up = api.call(
        "POST",
        "/api/v1/documents",
        as_=focal,
        files={"file": ("law.txt", law, "text/plain")},
        data={"institution_code": "mofa"},
    )
    assert up.status_code == 201, up.text
    doc = up.json()["document"]["id"]
    while run_one(world.ws) is not None:
        pass
    page = api.call("GET", f"/api/v1/documents/{doc}", as_=rev).json()
    s = next(x for p in page["passages"] for x in p["suggestions"])
    decided = api.call(
        "POST", f"/api/v1/documents/suggestions/{s['id']}/decide", as_=rev, json={"decision": "reject"}
    )
    assert decided.json()["state"] == "rejected", decided.text
    assert api.call("GET", "/api/v1/documents", as_=coord).json()["documents"]
    assert api.call("GET", "/api/v1/documents/profile", as_=coord).status_code == 200
    assert api.call("GET", f"/api/v1/documents/{doc}/file", as_=rev).status_code == 200
    again = api.call("POST", f"/api/v1/documents/{doc}/analyse", as_=focal, json={"keywords_only": True})
    assert again.status_code == 202, again.text
    while run_one(world.ws) is not None:
        pass
    assert api.call("POST", f"/api/v1/documents/{doc}/delete", as_=focal, json={}).json() == {"ok": True}
    register = api.call("GET", "/api/v1/documents/register", as_=coord).json()
    area = register["entries"][0]["area"]
    changed = api.call("POST", f"/api/v1/documents/register/{area}", as_=coord, json={"reference": "No. 1"})
    assert changed.json()["reference"] == {"en": "No. 1", "ar": "No. 1", "ckb": "No. 1"}, changed.text


def check_answers(spec: dict[str, Any], seen: list[tuple[str, str, int, str, Any]]) -> set[tuple[str, str]]:
    """Each answer's status and media type are declared and its JSON body validates against the declared
    schema (objects closed); returns the operations whose success was checked."""
    components = closed(spec["components"])
    checked: set[tuple[str, str]] = set()
    for method, template, status, media, body in seen:
        responses = spec["paths"][template][method.lower()]["responses"]
        declared = responses.get(str(status))
        assert declared, f"{method} {template} answered {status}, which it does not declare"
        content = declared.get("content", {})
        assert media in content or "*/*" in content, f"{method} {template} {status}: {media} not declared"
        if media != "application/json":
            continue
        validator = Draft202012Validator({**content[media]["schema"], "components": components})
        problems = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        assert not problems, f"{method} {template} {status}: " + "; ".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in problems[:5]
        )
        if 200 <= status < 300:
            checked.add((method, template))
    return checked


@pytest.fixture
def scored(world: World) -> World:
    """Accepted answers for results, but none yet to mofa's LEG-01 (the tour answers it)."""
    accept(
        world, {"mofa": {k: v for k, v in ANSWERS["mofa"].items() if k != "LEG-01"}, "moi": ANSWERS["moi"]}
    )
    return world


def test_it_declares_a_success_schema_and_the_error_body_for_every_operation(app: FastAPI) -> None:
    spec = app.openapi()
    ops = operations(spec)
    assert len(ops) >= 35
    for method, path, op in ops:
        success = [r for s, r in op["responses"].items() if s.startswith("2")]
        assert success, f"{method} {path}: no 2xx response"
        schemas = [m.get("schema") for r in success for m in r.get("content", {}).values()]
        assert any(schemas), f"{method} {path}: its 2xx response has no schema"
        for status in ERROR_STATUSES:
            declared = op["responses"].get(status, {}).get("content", {}).get("application/json", {})
            assert declared.get("schema", {}).get("$ref") == ERROR_REF, f"{method} {path}: {status}"
    assert "HTTPValidationError" not in spec["components"]["schemas"], (
        "FastAPI's 422 shape is not what we send"
    )
    ids = [op["operationId"] for _, _, op in ops]
    assert len(set(ids)) == len(ids), "operation ids name the methods of generated clients: one each"
    assert all(re.fullmatch(r"[a-z]+_[a-z_]+", i) for i in ids), ids


def test_it_returns_what_its_openapi_document_declares(app: FastAPI, scored: World) -> None:
    spec = app.openapi()
    with TestClient(app) as client:
        api = Api(client, spec)
        if "admin" not in scored.user_ids:  # an administrator of the whole tree (for the organisation import)
            with scored.ws.transaction() as s:
                admin = users.create_user(
                    s, SYSTEM, username="admin", password=PASSWORD, display_name="Admin"
                )
                users.grant_role(s, SYSTEM, user_id=admin.id, role="admin", org_code=None)
        tokens = {u: token(app, u) for u in ("coord", "focal", "rev", "outsider", "admin")}
        tour(api, scored, tokens)
    checked = check_answers(spec, api.seen)
    missing = {(m, p) for m, p, _ in operations(spec)} - {(m, t) for m, t, *_ in api.seen}
    assert not missing, (
        f"call these in tour() so their answers are checked against the document: {sorted(missing)}"
    )
    assert checked, "no JSON body was checked"


def test_it_answers_every_error_with_the_declared_body(client: TestClient) -> None:
    spec: dict[str, Any] = client.app.openapi()  # type: ignore[attr-defined]
    schema = {"$ref": ERROR_REF, "components": closed(spec["components"])}
    calls: list[Callable[[], Any]] = [
        lambda: client.get("/api/v1/me"),
        lambda: client.get("/api/v1/nothing-here"),
        lambda: client.post("/api/v1/responses/1/review", json={"decision": "maybe"}),
        lambda: client.post("/api/v1/workbooks", files={"file": ("big.xlsx", b"0" * (3 << 20))}),
    ]
    seen: set[int] = set()
    for call in calls:
        r = call()
        assert r.status_code >= 400
        Draft202012Validator(schema).validate(r.json())
        assert r.json()["status"] == r.status_code and r.json()["errors"]
        seen.add(r.status_code)
    assert seen == {401, 404, 413, 422}


def test_it_declares_the_pages_of_a_round_before_anything_is_accepted(app: FastAPI, world: World) -> None:
    """No scores yet: the results page gives its reasons instead of figures, in the declared shape."""
    spec = app.openapi()
    with TestClient(app) as client:
        api = Api(client, spec)
        coord = token(app, "coord")
        a = world.assessment_id
        for path in ("results", "progress", "review", "reports", "institutions/mofa"):
            assert api.call("GET", f"/api/v1/assessments/{a}/{path}", as_=coord).status_code == 200, path
        no_scores = api.call("GET", f"/api/v1/assessments/{a}/results/institutions/mofa", as_=coord)
        assert no_scores.status_code == 404
    assert api.seen[0][4]["problems"], "the results page says why there are no figures"
    assert len(check_answers(spec, api.seen)) == 5
