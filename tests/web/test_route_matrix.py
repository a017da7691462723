"""Every route of the app × every role and scope, with the status each must get.

The routes come from the app's own route table (HTML pages, their JSON twins, actions, downloads, static
files): **a route without a row in :data:`EXPECTED` fails** :func:`test_every_route_has_a_row`, so whoever
adds a route decides here who may use it. Each row names a probe (the path filled in, the body sent) and
the status for each persona:

* ``anon`` — not signed in; ``viewer`` — viewer of the whole tree
* ``focal``, ``rev`` — focal point and reviewer of ``mofa`` (institution A)
* ``outsider`` — focal point of ``mod``, which is not in the round
* ``coord_a``, ``admin_a`` — coordinator and administrator of the ``mofa`` branch only
* ``coord``, ``admin`` — coordinator and administrator of the whole tree

Paths aim at the round's *other* institution ``moi`` (B) and at objects made by its focal point
(``focal_b``: an answer, evidence, a report job), so that reaching them is a leak for everyone scoped to
A; rows ending in ``#A`` aim at ``mofa`` instead. Writes are built so that the order of the rows does not
matter: what a persona may change is its own (a round to close, an assignment and a grant to remove, each
made for that persona) or changes nothing (the same assignment again, a wrong current password).
Beyond the status, no answer to a persona kept out of B (anonymous, A's focal point and reviewer, the
outsider, A's branch managers) may contain B's secrets (:data:`SECRETS_B`), whatever the route, and every
429 carries ``Retry-After``; every JSON read answers an API token (``Authorization: Bearer``) as it
answers its owner's browser session. The world is built once for the module; every persona signs in once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from raqmana.i18n import Translated
from raqmana.i18n.vocabulary import Channel, FeedbackKind
from raqmana.metrics.service import COLUMNS, parse_row
from raqmana.participation import new_tracking
from raqmana.problems import Location
from raqmana.store.models import Evidence, Response
from raqmana.surveys.illustrative import submissions_csv
from raqmana.surveys.xlsform_out import from_framework
from raqmana.web import create_app
from raqmana.workspace import (
    SYSTEM,
    assessments,
    assignments,
    consultations,
    followup,
    kpis,
    participation,
    publication,
    services,
    tokens,
    users,
)
from raqmana.workspace.evidence import attach_file
from raqmana.workspace.exchange_jobs import start_round_export
from raqmana.workspace.jobs import run_one
from raqmana.workspace.report_jobs import enqueue_report
from raqmana.workspace.review import add_comment
from tests.documents.pdfs import docx_bytes

from .conftest import Browser
from .scope_people import add_scoped_people
from .test_followup import small_roadmap
from .test_results import ANSWERS, accept
from .world import PASSWORD, World, copy_world, tiny_framework

#: a KPI figure of institution B (only whole-tree coordinators and administrators may report it)
KPI_FIGURE_B = {"kpi": "SRV-R01-K1", "period": "2026-Q1", "institution": "moi", "value": "5", "unit": "count"}
KPI_CSV_B = b"kpi,period,institution,value,unit\nSRV-R01-K1,2026-Q1,moi,5,count\n"
#: progress of an initiative owned by institution B (tests.web.test_followup's roadmap, adopted below)
PROGRESS_B = {"initiative": "registry", "quarter": "2026-Q1", "status": "on_track", "percent_done": 10}

PERSONAS = ("anon", "viewer", "focal", "rev", "outsider", "coord_a", "admin_a", "coord", "admin")

#: route (method and path as in the route table), probe variant, then the status of each persona
EXPECTED = """
# route                                                                                                            anon   viewer    focal      rev outsider  coord_a  admin_a    coord    admin
GET /                                                                                                               303      200      200      200      200      200      200      200      200
GET /account                                                                                                        303      200      200      200      200      200      200      200      200
GET /admin/audit                                                                                                    303      404      404      404      404      200      200      200      200
GET /admin/users                                                                                                    303      403      403      403      403      200      200      200      200
GET /api/v1/account                                                                                                 401      200      200      200      200      200      200      200      200
GET /api/v1/admin/audit                                                                                             401      404      404      404      404      200      200      200      200
GET /api/v1/admin/users                                                                                             401      403      403      403      403      200      200      200      200
GET /api/v1/assessments                                                                                             401      200      200      200      200      200      200      200      200
GET /api/v1/assessments/new                                                                                         401      200      200      200      200      200      200      200      200
GET /api/v1/assessments/{assessment_id}                                                                             401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/assignments                                                                 401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/institutions/{institution_code}                                             401      200      404      404      404      404      404      200      200
GET /api/v1/assessments/{assessment_id}/institutions/{institution_code}/workbook.xlsx                               401      200      404      404      404      404      404      200      200
GET /api/v1/assessments/{assessment_id}/progress                                                                    401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/reports                                                                     401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/reports/files/{path:path}                                                   401      200      404      404      404      404      404      200      200
GET /api/v1/assessments/{assessment_id}/reports/jobs/{job_id}                                                       401      404      404      404      404      404      404      200      200
GET /api/v1/assessments/{assessment_id}/results                                                                     401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/results/institutions/{code}                                                 401      200      404      404      404      404      404      200      200
GET /api/v1/assessments/{assessment_id}/review                                                                      401      200      200      200      404      200      200      200      200
GET /api/v1/evidence/{evidence_id}/file                                                                             401      200      404      404      404      404      404      200      200
GET /api/v1/followup                                                                                                401      200      200      200      200      200      200      200      200
GET /api/v1/frameworks                                                                                              401      200      200      200      200      200      200      200      200
GET /api/v1/jobs                                                                                                    401      200      200      200      200      200      200      200      200
GET /api/v1/jobs/{job_id}                                                                                           401      404      404      404      404      404      404      200      200
GET /api/v1/kpis                                                                                                    401      200      200      200      200      200      200      200      200
GET /api/v1/kpis/observations/export.{fmt}                                                                          401      200      200      200      200      200      200      200      200
GET /api/v1/kpis/{kpi}                                                                                              401      200      200      200      200      200      200      200      200
GET /api/v1/kpi-reviews                                                                                             401      200      200      200      200      200      200      200      200
GET /api/v1/me                                                                                                      401      200      200      200      200      200      200      200      200
GET /api/v1/openapi.json                                                                                            200      200      200      200      200      200      200      200      200
GET /api/v1/orgs                                                                                                    401      200      200      200      200      200      200      200      200
GET /api/v1/responses/{response_id}                                                                                 401      200      404      404      404      404      404      200      200
GET /api/v1/service-edits                                                                                           401      200      200      200      200      200      200      200      200
GET /api/v1/services                                                                                                401      200      200      200      200      200      200      200      200
GET /api/v1/services/export.{fmt}                                                                                   401      200      200      200      200      200      200      200      200
GET /api/v1/services/{code}                                                                                         401      200      200      200      200      200      200      200      200
GET /assessments                                                                                                    303      200      200      200      200      200      200      200      200
GET /assessments/new                                                                                                303      200      200      200      200      200      200      200      200
GET /assessments/{assessment_id}                                                                                    303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/assignments                                                                        303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/institutions/{institution_code}                                                    303      200      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/institutions/{institution_code}#A                                                  303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/institutions/{institution_code}/workbook.xlsx                                      303      200      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/progress                                                                           303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/reports                                                                            303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/reports/files/{path:path}                                                          303      200      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/reports/files/{path:path}#A                                                        303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/reports/files/{path:path}#national                                                 303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/reports/jobs/{job_id}                                                              303      404      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/results                                                                            303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/results/charts/{name}.svg                                                          303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/results/institutions/{code}                                                        303      200      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/results/institutions/{code}#A                                                      303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/results/institutions/{code}/radar.svg                                              303      200      404      404      404      404      404      200      200
GET /assessments/{assessment_id}/review                                                                             303      200      200      200      404      200      200      200      200
GET /evidence/{evidence_id}/file                                                                                    303      200      404      404      404      404      404      200      200
GET /favicon.ico                                                                                                    301      301      301      301      301      301      301      301      301
GET /followup                                                                                                       303      200      200      200      200      200      200      200      200
GET /followup/chart.svg                                                                                             303      200      200      200      200      200      200      200      200
GET /healthz                                                                                                        200      200      200      200      200      200      200      200      200
GET /jobs                                                                                                           303      200      200      200      200      200      200      200      200
GET /jobs/{job_id}                                                                                                  303      404      404      404      404      404      404      200      200
GET /kpis                                                                                                           303      200      200      200      200      200      200      200      200
GET /kpis/observations/export.{fmt}                                                                                 303      200      200      200      200      200      200      200      200
GET /kpis/{kpi}                                                                                                     303      200      200      200      200      200      200      200      200
GET /kpis/{kpi}/trend.svg                                                                                           303      200      200      200      200      200      200      200      200
GET /kpi-reviews                                                                                                    303      200      200      200      200      200      200      200      200
GET /login                                                                                                          200      303      303      303      303      303      303      303      303
GET /orgs                                                                                                           303      200      200      200      200      200      200      200      200
GET /public                                                                                                         200      200      200      200      200      200      200      200      200
GET /public/data/catalog.jsonld                                                                                     200      200      200      200      200      200      200      200      200
GET /public/data/datapackage.json                                                                                   200      200      200      200      200      200      200      200      200
GET /public/data/v{version}/{name}.{fmt}                                                                            200      200      200      200      200      200      200      200      200
GET /public/data/{name}.{fmt}                                                                                       200      200      200      200      200      200      200      200      200
GET /public/kpis                                                                                                    200      200      200      200      200      200      200      200      200
GET /public/kpis/{kpi}                                                                                              200      200      200      200      200      200      200      200      200
GET /public/kpis/{kpi}/trend.svg                                                                                    200      200      200      200      200      200      200      200      200
GET /public/roadmap                                                                                                 200      200      200      200      200      200      200      200      200
GET /public/services/{code}                                                                                         200      200      200      200      200      200      200      200      200
GET /readyz                                                                                                         200      200      200      200      200      200      200      200      200
GET /responses/{response_id}                                                                                        303      200      404      404      404      404      404      200      200
GET /service-edits                                                                                                  303      200      200      200      200      200      200      200      200
GET /services                                                                                                       303      200      200      200      200      200      200      200      200
GET /services/export.{fmt}                                                                                          303      200      200      200      200      200      200      200      200
GET /services/{code}                                                                                                303      200      200      200      200      200      200      200      200
MOUNT /static                                                                                                       200      200      200      200      200      200      200      200      200
MOUNT /static/fonts                                                                                                 200      200      200      200      200      200      200      200      200
POST /account/password                                                                                              303      422      422      422      422      422      422      422      422
POST /account/tokens                                                                                                303      200      200      200      200      200      200      200      200
POST /account/tokens/{token_id}/revoke                                                                              303      404      404      404      404      404      404      404      303
POST /admin/audit/verify                                                                                            303      404      404      404      404      303      303      303      303
POST /admin/grants/{grant_id}/delete                                                                                303      404      404      404      404      403      403      303      303
POST /admin/users                                                                                                   303      403      403      403      403      303      303      303      303
POST /admin/users/{user_id}/grants                                                                                  303      403      403      403      403      403      403      303      303
POST /api/v1/account/password                                                                                       401      422      422      422      422      422      422      422      422
POST /api/v1/account/tokens                                                                                         401      201      201      201      201      201      201      201      201
POST /api/v1/account/tokens/{token_id}/revoke                                                                       401      404      404      404      404      404      404      404      200
POST /api/v1/admin/audit/verify                                                                                     401      404      404      404      404      200      200      200      200
POST /api/v1/admin/grants/{grant_id}/delete                                                                         401      404      404      404      404      403      403      200      200
POST /api/v1/admin/users                                                                                            401      403      403      403      403      201      201      201      201
POST /api/v1/admin/users/{user_id}/grants                                                                           401      403      403      403      403      403      403      201      201
POST /api/v1/assessments                                                                                            401      403      403      403      403      403      403      201      201
POST /api/v1/assessments/{assessment_id}/assignments                                                                401      403      404      404      404      404      404      201      201
POST /api/v1/assessments/{assessment_id}/assignments/{assignment_id}/delete                                         401      403      404      404      404      404      404      200      200
POST /api/v1/assessments/{assessment_id}/close                                                                      401      403      403      403      404      403      403      200      200
POST /api/v1/assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}                     401      403      404      404      404      404      404      403      403
POST /api/v1/assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence/file       401      403      404      404      404      404      404      403      403
POST /api/v1/assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence/url        401      403      404      404      404      404      404      403      403
POST /api/v1/assessments/{assessment_id}/institutions/{institution_code}/submit                                     401      403      404      404      404      404      404      403      403
POST /api/v1/assessments/{assessment_id}/reports                                                                    401      202      404      404      404      404      404      202      202
POST /api/v1/assessments/{assessment_id}/workbooks                                                                  401      403      202      403      404      202      202      202      202
POST /api/v1/evidence/{evidence_id}/delete                                                                          401      403      404      404      404      404      404      403      403
POST /api/v1/followup/progress                                                                                      401      403      403      403      403      403      403      200      200
POST /api/v1/followup/replan                                                                                        401      403      403      403      403      403      403      409      409
POST /api/v1/followup/roadmap                                                                                       401      403      403      403      403      403      403      422      422
POST /api/v1/kpis/observations                                                                                      401      403      403      403      403      403      403      200      200
POST /api/v1/kpis/observations/import                                                                               401      422      422      422      422      422      422      200      200
POST /api/v1/kpis/observations/{figure_id}/review                                                                   401      403      403      403      403      403      403      200      200
POST /api/v1/kpis/observations/{figure_id}/withdraw                                                                 401      403      403      403      403      403      403      200      200
POST /api/v1/orgs/import                                                                                            401      403      403      403      403      403      403      403      200
POST /api/v1/publication/publish                                                                                    401      403      403      403      403      403      403      200      200
POST /api/v1/publication/withdraw                                                                                   401      403      403      403      403      403      403      409      409
POST /api/v1/responses/{response_id}/comments                                                                       401      403      404      404      404      404      404      201      201
POST /api/v1/responses/{response_id}/review                                                                         401      403      404      404      404      404      404      403      403
POST /api/v1/service-edits/{edit_id}/review                                                                         401      404      404      404      404      404      404      200      200
POST /api/v1/services/import                                                                                        401      422      422      422      422      422      422      200      200
POST /api/v1/services/{code}                                                                                        401      403      403      403      403      403      403      200      200
POST /api/v1/workbooks                                                                                              401      422      422      422      422      422      422      422      422
POST /assessments                                                                                                   303      403      403      403      403      403      403      303      303
POST /assessments/{assessment_id}/assignments                                                                       303      403      404      404      404      404      404      303      303
POST /assessments/{assessment_id}/assignments/{assignment_id}/delete                                                303      403      404      404      404      404      404      303      303
POST /assessments/{assessment_id}/close                                                                             303      403      403      403      404      403      403      303      303
POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}                            303      403      404      404      404      404      404      403      403
POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence                   303      403      404      404      404      404      404      403      403
POST /assessments/{assessment_id}/institutions/{institution_code}/submit                                            303      403      404      404      404      404      404      403      403
POST /assessments/{assessment_id}/institutions/{institution_code}/workbook                                          303      422      404      404      404      404      404      422      422
POST /assessments/{assessment_id}/reports                                                                           303      303      404      404      404      404      404      303      303
POST /assessments/{assessment_id}/workbooks                                                                         303      403      303      403      404      303      303      303      303
POST /evidence/{evidence_id}/delete                                                                                 303      403      404      404      404      404      404      403      403
POST /followup/progress                                                                                             303      403      403      403      403      403      403      303      303
POST /followup/replan                                                                                               303      403      403      403      403      403      403      409      409
POST /followup/roadmap                                                                                              303      403      403      403      403      403      403      422      422
POST /kpis/observations                                                                                             303      403      403      403      403      403      403      303      303
POST /kpis/observations/import                                                                                      303      422      422      422      422      422      422      200      200
POST /kpis/observations/{figure_id}/review                                                                          303      403      403      403      403      403      403      303      303
POST /kpis/observations/{figure_id}/withdraw                                                                        303      403      403      403      403      403      403      303      303
POST /language                                                                                                      303      303      303      303      303      303      303      303      303
POST /login                                                                                                         401      303      303      303      303      303      303      303      303
POST /logout                                                                                                        303      303      303      303      303      303      303      303      303
POST /orgs/import                                                                                                   303      403      403      403      403      403      403      403      200
POST /publication/publish                                                                                           303      403      403      403      403      403      403      303      303
POST /publication/withdraw                                                                                          303      403      403      403      403      403      403      409      409
POST /responses/{response_id}/comments                                                                              303      403      404      404      404      404      404      303      303
POST /responses/{response_id}/review                                                                                303      403      404      404      404      404      404      403      403
POST /service-edits/{edit_id}/review                                                                                303      404      404      404      404      404      404      303      303
POST /services/import                                                                                               303      422      422      422      422      422      422      200      200
POST /services/{code}                                                                                               303      403      403      403      403      403      403      303      303
# citizen feedback: anyone sends (the probe fills the trap: refused, nothing stored) and follows a case; B's
# cases are read by B's readers and handled by its handlers (the contact by B's own staff only)
GET /api/v1/participation                                                                                           401      200      200      200      200      200      200      200      200
GET /api/v1/participation/export.{fmt}                                                                              401      200      200      200      200      200      200      200      200
GET /api/v1/participation/{tracking}                                                                                401      200      404      404      404      404      404      200      200
GET /api/v1/public/feedback                                                                                         200      200      200      200      200      200      200      200      200
GET /api/v1/public/feedback/changes                                                                                 200      200      200      200      200      200      200      200      200
GET /api/v1/public/feedback/status                                                                                  200      200      200      200      200      200      200      200      200
GET /participation                                                                                                  303      200      200      200      200      200      200      200      200
GET /participation/export.{fmt}                                                                                     303      200      200      200      200      200      200      200      200
GET /participation/{tracking}                                                                                       303      200      404      404      404      404      404      200      200
GET /public/feedback                                                                                                200      200      200      200      200      200      200      200      200
GET /public/feedback/changes                                                                                        200      200      200      200      200      200      200      200      200
GET /public/feedback/status                                                                                         200      200      200      200      200      200      200      200      200
POST /api/v1/participation/import                                                                                   401      422      422      422      422      422      422      200      200
POST /api/v1/participation/{tracking}/answer                                                                        401      403      404      404      404      404      404      200      200
POST /api/v1/participation/{tracking}/assign                                                                        401      403      404      404      404      404      404      200      200
POST /api/v1/participation/{tracking}/close                                                                         401      403      404      404      404      404      404      200      200
POST /api/v1/participation/{tracking}/moderate                                                                      401      403      404      404      404      404      404      200      200
POST /api/v1/participation/{tracking}/refer                                                                         401      403      404      404      404      404      404      200      200
POST /api/v1/public/feedback                                                                                        422      422      422      422      422      422      422      422      422
POST /participation/import                                                                                          303      422      422      422      422      422      422      200      200
POST /participation/{tracking}/answer                                                                               303      403      404      404      404      404      404      303      303
POST /participation/{tracking}/assign                                                                               303      403      404      404      404      404      404      303      303
POST /participation/{tracking}/close                                                                                303      403      404      404      404      404      404      303      303
POST /participation/{tracking}/moderate                                                                             303      403      404      404      404      404      404      303      303
POST /participation/{tracking}/refer                                                                                303      403      404      404      404      404      404      303      303
POST /public/feedback                                                                                               422      422      422      422      422      422      422      422      422
# consultations: anyone reads them and comments (the probe fills the trap); B's handlers moderate B's
GET /api/v1/consultations/{consultation_id}/moderation                                                              401      403      403      403      403      403      403      200      200
GET /api/v1/public/consultations                                                                                    200      200      200      200      200      200      200      200      200
GET /api/v1/public/consultations/{consultation_id}                                                                  200      200      200      200      200      200      200      200      200
GET /consultations/{consultation_id}/moderation                                                                     303      403      403      403      403      403      403      200      200
GET /public/consultations                                                                                           200      200      200      200      200      200      200      200      200
GET /public/consultations/{consultation_id}                                                                         200      200      200      200      200      200      200      200      200
POST /api/v1/consultations                                                                                          401      403      403      403      403      403      403      201      201
POST /api/v1/consultations/{consultation_id}/comments/{comment_id}/moderate                                         401      403      403      403      403      403      403      200      200
POST /api/v1/public/consultations/{consultation_id}/comments                                                        422      422      422      422      422      422      422      422      422
POST /consultations/{consultation_id}/comments/{comment_id}/moderate                                                303      403      403      403      403      403      403      303      303
POST /public/consultations/{consultation_id}/comments                                                               422      422      422      422      422      422      422      422      422
# consultations beyond commenting: B's handlers open, edit, analyse; a response waits for the close; the public's
# taking part with no one's token is refused alike
GET /api/v1/consultations/new                                                                                       401      403      200      403      200      200      200      200      200
GET /api/v1/consultations/{consultation_id}/analysis                                                                401      403      403      403      403      403      403      200      200
GET /api/v1/consultations/{consultation_id}/analysis.{fmt}                                                          401      403      403      403      403      403      403      200      200
GET /api/v1/consultations/{consultation_id}/edit                                                                    401      403      403      403      403      403      403      200      200
GET /api/v1/consultations/{consultation_id}/response                                                                401      404      404      404      404      404      404      200      200
GET /api/v1/public/consultations/{consultation_id}/response                                                         404      404      404      404      404      404      404      404      404
GET /api/v1/public/consultations/{consultation_id}/response.{lang}.{fmt}                                            404      404      404      404      404      404      404      404      404
GET /consultations/new                                                                                              303      403      200      403      200      200      200      200      200
GET /consultations/{consultation_id}/analysis                                                                       303      403      403      403      403      403      403      200      200
GET /consultations/{consultation_id}/analysis.{fmt}                                                                 303      403      403      403      403      403      403      200      200
GET /consultations/{consultation_id}/edit                                                                           303      403      403      403      403      403      403      200      200
GET /consultations/{consultation_id}/response                                                                       303      404      404      404      404      404      404      200      200
GET /public/consultations/{consultation_id}/response                                                                404      404      404      404      404      404      404      404      404
GET /public/consultations/{consultation_id}/response.{lang}.{fmt}                                                   404      404      404      404      404      404      404      404      404
POST /api/v1/consultations/new                                                                                      401      403      403      403      403      403      403      201      201
POST /api/v1/consultations/{consultation_id}/edit                                                                   401      403      403      403      403      403      403      200      200
POST /api/v1/consultations/{consultation_id}/questions                                                              401      403      403      403      403      403      403      200      200
POST /api/v1/consultations/{consultation_id}/response                                                               401      403      403      403      403      403      403      422      422
POST /api/v1/public/consultations/forget                                                                            422      422      422      422      422      422      422      422      422
POST /api/v1/public/consultations/participants                                                                      200      200      200      200      200      200      200      200      200
POST /api/v1/public/consultations/participants/confirm                                                              422      422      422      422      422      422      422      422      422
POST /api/v1/public/consultations/participants/forget                                                               422      422      422      422      422      422      422      422      422
POST /api/v1/public/consultations/{consultation_id}/answers                                                         422      422      422      422      422      422      422      422      422
POST /api/v1/public/consultations/{consultation_id}/comments/{comment_id}/support                                   422      422      422      422      422      422      422      422      422
POST /consultations/new                                                                                             303      403      403      403      403      403      403      303      303
POST /consultations/{consultation_id}/edit                                                                          303      403      403      403      403      403      403      303      303
POST /consultations/{consultation_id}/questions                                                                     303      403      403      403      403      403      403      303      303
POST /consultations/{consultation_id}/response                                                                      303      403      403      403      403      403      403      422      422
POST /public/consultations/forget                                                                                   422      422      422      422      422      422      422      422      422
POST /public/consultations/participants                                                                             303      303      303      303      303      303      303      303      303
POST /public/consultations/participants/confirm                                                                     422      422      422      422      422      422      422      422      422
POST /public/consultations/participants/forget                                                                      422      422      422      422      422      422      422      422      422
POST /public/consultations/{consultation_id}/answers                                                                422      422      422      422      422      422      422      422      422
POST /public/consultations/{consultation_id}/comments/{comment_id}/support                                          422      422      422      422      422      422      422      422      422
GET /api/v1/documents                                                                                               401      200      200      200      200      200      200      200      200
GET /api/v1/documents/profile                                                                                       401      200      200      200      200      200      200      200      200
GET /api/v1/documents/{document_id}                                                                                 401      200      404      404      404      404      404      200      200
GET /api/v1/documents/{document_id}/file                                                                            401      200      404      404      404      404      404      200      200
GET /documents                                                                                                      303      200      200      200      200      200      200      200      200
GET /documents/profile                                                                                              303      200      200      200      200      200      200      200      200
GET /documents/profile.svg                                                                                          303      200      200      200      200      200      200      200      200
GET /documents/{document_id}                                                                                        303      200      404      404      404      404      404      200      200
GET /documents/{document_id}/file                                                                                   303      200      404      404      404      404      404      200      200
GET /documents/{document_id}/profile.svg                                                                            303      200      404      404      404      404      404      200      200
POST /api/v1/documents                                                                                              401      403      403      403      403      403      403      201      201
POST /api/v1/documents/suggestions/{suggestion_id}/decide                                                           401      403      404      404      404      404      404      200      200
POST /api/v1/documents/{document_id}/analyse                                                                        401      403      404      404      404      404      404      202      202
POST /api/v1/documents/{document_id}/delete                                                                         401      403      404      404      404      404      404      200      200
POST /documents                                                                                                     303      403      403      403      403      403      403      303      303
POST /documents/suggestions/{suggestion_id}/decide                                                                  303      403      404      404      404      404      404      303      303
POST /documents/{document_id}/analyse                                                                               303      403      404      404      404      404      404      303      303
POST /documents/{document_id}/delete                                                                                303      403      404      404      404      404      404      303      303
GET /api/v1/documents/register                                                                                      401      200      200      200      200      200      200      200      200
GET /documents/register                                                                                             303      200      200      200      200      200      200      200      200
POST /api/v1/documents/register/{area_id}                                                                           401      403      403      403      403      403      403      200      200
POST /documents/register/{area_id}                                                                                  303      403      403      403      403      403      403      303      303
# perception surveys of the round: its readers read forms and aggregated results, national coordinators import
GET /api/v1/assessments/{assessment_id}/surveys                                                                     401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/surveys/{survey_id}                                                         401      200      200      200      404      200      200      200      200
GET /api/v1/assessments/{assessment_id}/surveys/{survey_id}/form.xlsx                                               401      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/surveys                                                                            303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/surveys/{survey_id}                                                                303      200      200      200      404      200      200      200      200
GET /assessments/{assessment_id}/surveys/{survey_id}/form.xlsx                                                      303      200      200      200      404      200      200      200      200
POST /api/v1/assessments/{assessment_id}/surveys/{survey_id}/submissions                                            401      403      403      403      404      403      403      200      200
POST /assessments/{assessment_id}/surveys/{survey_id}/submissions                                                   303      403      403      403      404      403      403      200      200
GET /admin/webhooks                                                                                                 303      403      403      403      403      403      403      403      200
GET /api/v1/admin/webhooks                                                                                          401      403      403      403      403      403      403      403      200
POST /admin/webhooks                                                                                                303      403      403      403      403      403      403      403      422
POST /api/v1/admin/webhooks                                                                                         401      403      403      403      403      403      403      403      422
POST /admin/webhooks/{webhook_id}/active                                                                            303      403      403      403      403      403      403      403      404
POST /api/v1/admin/webhooks/{webhook_id}/active                                                                     401      403      403      403      403      403      403      403      404
GET /assessments/{assessment_id}/exchange                                                                           303      403      403      403      404      403      403      200      200
GET /api/v1/assessments/{assessment_id}/exchange                                                                    401      403      403      403      404      403      403      200      200
GET /assessments/{assessment_id}/export.zip                                                                         303      403      403      403      404      403      403      200      200
GET /api/v1/assessments/{assessment_id}/export.zip                                                                  401      403      403      403      404      403      403      200      200
POST /exchange/import-round                                                                                         303      403      403      403      403      422      422      422      422
POST /assessments/{assessment_id}/export                                                                            303      403      403      403      404      403      403      303      303
POST /api/v1/assessments/{assessment_id}/export                                                                     401      403      403      403      404      403      403      202      202
GET /jobs/{job_id}/file                                                                                             303      404      404      404      404      404      404      200      200
GET /api/v1/jobs/{job_id}/file                                                                                      401      404      404      404      404      404      404      200      200
POST /api/v1/exchange/import-round                                                                                  401      403      403      403      403      422      422      422      422
"""


def _table() -> dict[tuple[str, str], dict[str, int]]:
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for line in EXPECTED.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        method, path, *cells = line.split()
        route, _, variant = f"{method} {path}".partition("#")
        assert len(cells) == len(PERSONAS), line
        rows[(route, variant)] = dict(zip(PERSONAS, (int(c) for c in cells), strict=True))
    return rows


# --- the world --------------------------------------------------------------------------------------------
@dataclass
class Ids:
    assessment: int = 0
    framework_version: int = 0
    response_b: int = 0
    evidence_b: int = 0
    job_b: int = 0
    export_job: int = 0  # a finished round archive (a national coordinator's job)
    token_b: int = 0
    user_b: int = 0
    #: per persona and route kind ("name/api" or "name/html"): a round to close, an assignment and a grant
    #: to remove
    rounds: dict[str, int] = field(default_factory=dict)
    assignments: dict[str, int] = field(default_factory=dict)
    grants: dict[str, int] = field(default_factory=dict)
    #: a citizen's complaint to moi, and one per action, persona and route kind ("answer:coord/api")
    case_b: str = ""
    cases: dict[str, str] = field(default_factory=dict)
    #: a consultation of moi, and a comment on it per persona and route kind to moderate
    consultation_b: int = 0
    comments: dict[str, int] = field(default_factory=dict)
    #: an edit of a service of moi by its focal point, waiting for review, per persona and route kind
    service_edits: dict[str, int] = field(default_factory=dict)
    #: a KPI figure of moi reported by its focal point (waiting for review) per action, persona and kind
    figures: dict[str, int] = field(default_factory=dict)
    #: a document of moi (analysed), a suggestion of it and a document to withdraw per persona and kind
    document_b: int = 0
    suggestions: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)


@dataclass
class Matrix:
    world: World
    app: FastAPI
    ids: Ids
    browsers: dict[str, Browser]
    tokens: dict[str, str] = field(default_factory=dict)
    bearer: dict[str, str] = field(default_factory=dict)


def _build(world: World) -> Ids:
    ids = Ids(assessment=world.assessment_id)
    b = world.user_ids["focal_b"]
    ids.user_b = b
    with world.ws.transaction() as s:
        focal_b = users_actor(s, b)
        ev = attach_file(
            s,
            focal_b,
            settings=world.settings,
            assessment_id=world.assessment_id,
            institution_code="moi",
            indicator_id="LEG-01",
            filename=SECRETS_B[0],
            data=PDF,
        )
        ids.evidence_b = ev.id
        ids.token_b = tokens.create_api_token(s, focal_b, name="moi script")[0].id
        view = assessments.get_assessment(s, SYSTEM, world.assessment_id)[0]
        ids.framework_version = view.framework_version_id
    accept(world, ANSWERS)
    for scope in ("all-institutions", "national"):
        with world.ws.transaction() as s:
            enqueue_report(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                scope=scope,
                langs=["en"],
                formats=["html"],
                runs=0,
            )
        done = run_one(world.ws)
        assert done is not None and done.status == "done", done
    with world.ws.transaction() as s:
        ids.export_job = start_round_export(s, SYSTEM, assessment_id=world.assessment_id).id
    done = run_one(world.ws)
    assert done is not None and done.id == ids.export_job and done.status == "done", done
    with world.ws.transaction() as s:
        ids.job_b = enqueue_report(
            s,
            users_actor(s, b),
            assessment_id=world.assessment_id,
            scope="institution",
            institution="moi",
            langs=["ar"],
            formats=["html"],
            runs=0,
        ).id
        ids.response_b = s.scalar(
            select(Response.id)
            .join(Evidence, Evidence.response_id == Response.id)
            .where(Evidence.id == ev.id)
        )
        add_comment(s, SYSTEM, response_id=ids.response_b, text=SECRETS_B[1])
        values = {**dict.fromkeys(COLUMNS, ""), "code": "svc-moi", "owner": "moi", "name_en": "Passports"}
        record, problems = parse_row({**values, "level": "2"}, lambda column: Location(field=column))
        assert record is not None, problems
        services.save_service(s, SYSTEM, record=record)
        publication.publish(s, SYSTEM)  # the public portal has a first version whatever the rows do
        followup.adopt(s, SYSTEM, roadmap=small_roadmap())
        national = {"kpi": "SRV-R01-K1", "period": "2026-Q1", "value": "1200", "unit": "count"}
        kpis.save_observation(s, SYSTEM, values=national)
        publication.publish(s, SYSTEM)  # the portal with a KPI trend and the roadmap's progress
        for n, persona in enumerate(f"{p}/{kind}" for p in PERSONAS for kind in ("api", "html")):
            own = record.model_copy(update={"code": f"svc-moi-{n}"})
            services.save_service(s, SYSTEM, record=own)
            edit = services.save_service(s, focal_b, record=own.model_copy(update={"fee": 1000 + n}))
            assert edit.pending_edit is not None
            ids.service_edits[persona] = edit.pending_edit
            for k, action in enumerate(("review", "withdraw")):
                figure = {**KPI_FIGURE_B, "period": f"{2030 + n}-Q{k + 1}"}
                ids.figures[f"{action}:{persona}"] = kpis.save_observation(s, focal_b, values=figure).id
        ids.case_b = _complaint(s, "case-b")
        for persona in (f"{p}/{kind}" for p in PERSONAS for kind in ("api", "html")):
            for action in CASE_ACTIONS:
                ids.cases[f"{action}:{persona}"] = _complaint(s, f"{action}:{persona}")
            participation.answer(s, SYSTEM, ids.cases[f"close:{persona}"], text="answered, to close")
        ids.consultation_b = _consultation(s).id
        for persona in (f"{p}/{kind}" for p in PERSONAS for kind in ("api", "html")):
            ids.comments[persona] = consultations.add_comment(
                s,
                consultation_id=ids.consultation_b,
                section_id=_consultation_section(s, ids.consultation_b),
                text=f"comment of {persona}",
                lang="ar",
                client=f"comment:{persona}",
            ).id
        for n, persona in enumerate(f"{p}/{kind}" for p in PERSONAS for kind in ("api", "html")):
            r = assessments.open_round(
                s,
                SYSTEM,
                framework_version_id=ids.framework_version,
                name=Translated(en=f"To close {n}", ar=f"للإغلاق {n}", ckb=f"بۆ داخستن {n}"),
                period=f"close-{n}",
                institution_codes=["mofa", "moi"],
            )
            ids.rounds[persona] = r.id
            spare = users.create_user(
                s, SYSTEM, username=f"spare-{n}", password=PASSWORD, display_name=f"Spare {n}"
            )
            ids.assignments[persona] = assignments.assign(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                institution_code="moi",
                user_id=spare.id,
                role="reviewer",
            ).id
            ids.grants[persona] = users.grant_role(
                s, SYSTEM, user_id=spare.id, role="viewer", org_code="moi"
            ).id
    _documents(world, ids)
    return ids


CASE_ACTIONS = ("assign", "answer", "close", "moderate", "refer")


#: a law of B's in twenty articles (each one a passage with its own SDG suggestions)
DOC_LAW_B = "\n\n".join(
    f"المادة {n}: تلتزم الحكومة بالقضاء على الفقر وتوفير الحماية الاجتماعية للأسر الفقيرة في المحافظة {n}."
    for n in range(1, 21)
)


def _documents(world: World, ids: Ids) -> None:
    """A document of B (moi) analysed, one of its open suggestions per persona and route kind to decide
    on, and a document of B per persona and route kind to withdraw."""
    from raqmana.workspace.documents import upload_document
    from raqmana.workspace.documents_analysis import run_document_analysis
    from raqmana.workspace.documents_review import document_detail

    kinds = [f"{p}/{kind}" for p in PERSONAS for kind in ("api", "html")]
    with world.ws.transaction() as s:
        focal_b = users_actor(s, ids.user_b)
        ids.document_b = upload_document(
            s,
            focal_b,
            settings=world.settings,
            filename=SECRETS_B[3],
            data=DOC_LAW_B.encode(),
            institution_code="moi",
        ).id
        for n, persona in enumerate(kinds):
            ids.documents[persona] = upload_document(
                s,
                focal_b,
                settings=world.settings,
                filename=f"to-withdraw-{n}.txt",
                data=f"{DOC_LAW_B} ({n})".encode(),
                institution_code="moi",
            ).id
    actor = {"user_id": ids.user_b, "system": None}
    run_document_analysis(world.ws, {"document_id": ids.document_b, "actor": actor}, lambda f, m: None)
    with world.ws.reader() as s:
        detail = document_detail(s, SYSTEM, document_id=ids.document_b)
    open_ones = [x.id for p in detail.passages for x in p.suggestions if x.kind in ("target", "goal")]
    assert len(open_ones) >= len(kinds), len(open_ones)
    ids.suggestions = dict(zip(kinds, open_ones, strict=False))


def _complaint(session: Any, client: str) -> str:
    return participation.submit_feedback(
        session,
        institution="moi",
        kind=FeedbackKind.COMPLAINT,
        channel=Channel.OFFICE,
        text="The passport office lost my file.",
        lang="ar",
        client=client,
        answer_days=15,
        contact=SECRETS_B[2],
    ).tracking


def _consultation(session: Any) -> Any:
    now = datetime.now(UTC)
    words = Translated(en="Draft", ar="مسودة", ckb="ڕەشنووس")
    return consultations.open_consultation(
        session,
        SYSTEM,
        owner="moi",
        title=words,
        summary=words,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        sections=[consultations.SectionIn(heading=words, body=words)],
    )


def _consultation_section(session: Any, consultation_id: int) -> int:
    return consultations.read_consultation(session, consultation_id=consultation_id).sections[0].id


def users_actor(session: Any, user_id: int) -> Any:
    from raqmana.workspace.auth import load_actor

    return load_actor(session, user_id)


@pytest.fixture(scope="module")
def matrix(template_world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    # every persona starts several jobs (reports, archives, imports, documents): the quota is not tested here
    world = add_scoped_people(
        copy_world(template_world, tmp_path_factory.mktemp("route-matrix"), job_quota=100)
    )
    ids = _build(world)
    app = create_app(world.settings, workspace=world.ws)
    browsers: dict[str, Browser] = {}
    for persona in PERSONAS:
        b = Browser(app, base_url="http://testserver")
        b.__enter__()
        b.get("/login")  # the CSRF cookie of an anonymous visit
        if persona != "anon":
            b.login(persona)
        browsers[persona] = b
    with world.ws.transaction() as s:  # the same people as scripts: one API token each
        bearer = {
            p: tokens.create_api_token(s, users_actor(s, world.user_ids[p]), name="matrix")[1]
            for p in PERSONAS
            if p != "anon"
        }
    yield Matrix(world, app, ids, browsers, bearer=bearer)
    for b in browsers.values():
        b.__exit__(None, None, None)
    world.ws.dispose()


# --- probes -----------------------------------------------------------------------------------------------
Body = dict[str, Any] | Callable[[Ids, str], dict[str, Any]] | None
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
#: words only B's readers may meet: the name of its evidence file, a comment on its answer, the contact a
#: citizen gave in a complaint to B
SECRETS_B = ("moi-plan-7731.pdf", "MOI-CONFIDENTIAL-7731", "07707317731", "moi-law-7731.txt")
#: personas who may read nothing of B, whatever the route answers them
KEPT_OUT_OF_B = ("anon", "focal", "rev", "outsider", "coord_a", "admin_a")


@dataclass(frozen=True)
class Probe:
    """What to send: ``params`` fill the route's path (a value may be a function of ids and persona);
    ``body`` is sent as a form (HTML) or JSON (API, ``json`` when it differs); ``files`` as multipart;
    ``fresh`` uses a browser of its own (for signing in and out). Functions get the ids and ``name/api``
    or ``name/html``, so each persona and kind of route has its own objects to change."""

    params: dict[str, Any] = field(default_factory=dict)
    body: Body = None
    json: Body = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    fresh: bool = False


def _round(ids: Ids, persona: str) -> int:
    return ids.rounds[persona]


A = {"assessment_id": lambda i, p: i.assessment}
B_INST = {**A, "institution_code": "moi"}
A_INST = {**A, "institution_code": "mofa"}
ANSWER = {"indicator_id": "LEG-01"}
#: the round's questionnaire as a survey, and an export of it (the same file again changes nothing)
SURVEY = {**A, "survey_id": "tiny"}
SURVEY_CSV = submissions_csv(from_framework(tiny_framework()), n=12, seed=3)
XLSX = {"file": ("answers.xlsx", b"not really a workbook", "application/octet-stream")}
CSV = "code,kind,parent_code,name_en,name_ar,name_ckb\nmofa,ministry,,Ministry of Foreign Affairs,وزارة الخارجية,وەزارەتی دەرەوە\n"
CASES_CSV = (
    "tracking,kind,institution,state,channel,text,received_at,due_at\n"
    f"{new_tracking()},complaint,moi,received,office,From the KRG complaints system,2026-01-05,2026-01-20\n"
)

CONSULTATION_B = {"consultation_id": lambda i, p: i.consultation_b}
_TODAY = datetime.now(UTC).date()
#: the form's fields of B's consultation as it is (editing it with them changes nothing that matters)
CONSULTATION_FORM_B = {
    "title_en": "Draft",
    "title_ar": "مسودة",
    "title_ckb": "ڕەشنووس",
    "opens_on": (_TODAY - timedelta(days=1)).isoformat(),
    "closes_on": (_TODAY + timedelta(days=30)).isoformat(),
}
#: consultations beyond commenting: the owner's form, questions, response report and analysis on B's
#: consultation (still open: a response is refused), and the public's taking part with a token that is
#: no one's (each refused the same for everyone, whatever ran before)
CONSULTATION_PROBES: dict[str, Probe] = {
    "GET /consultations/new": Probe(),
    "POST /consultations/new": Probe(
        body={**CONSULTATION_FORM_B, "owner": "moi"},
        files={
            "file": ("draft.docx", docx_bytes([("", "Article 1: Draft text.")]), "application/octet-stream")
        },
    ),
    "GET /consultations/{consultation_id}/edit": Probe(CONSULTATION_B),
    "POST /consultations/{consultation_id}/edit": Probe(CONSULTATION_B, body=CONSULTATION_FORM_B),
    "POST /api/v1/consultations/{consultation_id}/questions": Probe(CONSULTATION_B, body={"questions": []}),
    "POST /consultations/{consultation_id}/questions": Probe(CONSULTATION_B, body={"questions_text": ""}),
    "GET /consultations/{consultation_id}/response": Probe(CONSULTATION_B),
    "POST /consultations/{consultation_id}/response": Probe(
        CONSULTATION_B, body={"summary_en": "Thanks", "item_1_en": "Changed", "taken_1": "yes"}
    ),
    "POST /api/v1/consultations/{consultation_id}/response": Probe(
        CONSULTATION_B, body={"summary": {"en": "Thanks"}, "items": []}
    ),
    "GET /consultations/{consultation_id}/analysis": Probe(CONSULTATION_B),
    "GET /consultations/{consultation_id}/analysis.{fmt}": Probe({**CONSULTATION_B, "fmt": "csv"}),
    "POST /public/consultations/participants": Probe(body={}, fresh=True),
    "POST /public/consultations/participants/confirm": Probe(body={"contact": "x@example.iq", "code": "1"}),
    "POST /public/consultations/participants/forget": Probe(body={"participant": "no-ones-token"}),
    "POST /public/consultations/forget": Probe(body={"tracking": "not a code"}),
    "POST /public/consultations/{consultation_id}/comments/{comment_id}/support": Probe(
        {**CONSULTATION_B, "comment_id": lambda i, p: i.comments[p]}, body={"participant": "no-ones-token"}
    ),
    "POST /public/consultations/{consultation_id}/answers": Probe(
        CONSULTATION_B, body={"participant": "no-ones-token", "answers": {}}, fresh=True
    ),
    "GET /public/consultations/{consultation_id}/response": Probe(CONSULTATION_B),
    "GET /public/consultations/{consultation_id}/response.{lang}.{fmt}": Probe(
        {**CONSULTATION_B, "lang": "ar", "fmt": "pdf"}
    ),
}
PROBES: dict[str, Probe] = {
    "GET /": Probe(),
    "GET /account": Probe(),
    "POST /account/password": Probe(body={"old_password": "not my password", "new_password": "x" * 12}),
    "POST /account/tokens": Probe(body={"name": "matrix"}),
    "POST /account/tokens/{token_id}/revoke": Probe({"token_id": lambda i, p: i.token_b}),
    "GET /admin/audit": Probe(),
    "POST /admin/audit/verify": Probe(),
    "POST /admin/grants/{grant_id}/delete": Probe({"grant_id": lambda i, p: i.grants[p]}),
    "GET /admin/users": Probe(),
    "GET /assessments/{assessment_id}/exchange": Probe(A),
    "GET /assessments/{assessment_id}/export.zip": Probe(A),
    "POST /assessments/{assessment_id}/export": Probe(A, body={"files": "false"}, json={"files": False}),
    "GET /jobs/{job_id}/file": Probe({"job_id": lambda i, p: i.export_job}),
    "POST /exchange/import-round": Probe(files={"file": ("round.zip", b"not a zip", "application/zip")}),
    "POST /admin/webhooks": Probe(
        body={"url": "ftp://not-http.example", "kinds": "round.opened"},
        json={"url": "ftp://not-http.example", "kinds": ["round.opened"]},
    ),
    "POST /admin/webhooks/{webhook_id}/active": Probe({"webhook_id": 999999}, body={"active": "true"}),
    "POST /admin/users": Probe(
        body=lambda i, p: {
            "username": f"new-{p.replace('/', '-')}",
            "password": PASSWORD,
            "display_name": "New",
        }
    ),
    "POST /admin/users/{user_id}/grants": Probe(
        {"user_id": lambda i, p: i.user_b}, body={"role": "viewer", "org_code": "moi"}
    ),
    "GET /assessments": Probe(),
    "POST /assessments": Probe(
        body=lambda i, p: {
            "framework_version_id": i.framework_version,
            "name_en": f"Opened by {p}",
            "name_ar": f"فتحها {p}",
            "name_ckb": f"کردییەوە {p}",
            "period": "2027",
            "institutions": ["moi"],
        },
        json=lambda i, p: {
            "framework_version_id": i.framework_version,
            "name": {"en": f"Opened by {p}", "ar": f"فتحها {p}", "ckb": f"کردییەوە {p}"},
            "period": "2027",
            "institution_codes": ["moi"],
        },
    ),
    "GET /assessments/new": Probe(),
    "GET /assessments/{assessment_id}": Probe(A),
    "GET /assessments/{assessment_id}/assignments": Probe(A),
    "POST /assessments/{assessment_id}/assignments": Probe(
        A, body=lambda i, p: {"institution_code": "moi", "user_id": i.user_b, "role": "focal_point"}
    ),
    "POST /assessments/{assessment_id}/assignments/{assignment_id}/delete": Probe(
        {**A, "assignment_id": lambda i, p: i.assignments[p]}
    ),
    "POST /assessments/{assessment_id}/close": Probe({"assessment_id": _round}),
    "GET /assessments/{assessment_id}/institutions/{institution_code}": Probe(B_INST),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}": Probe(
        {**B_INST, **ANSWER}, body={"answer": "2", "value": 2, "expected_version": 0}
    ),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence": Probe(
        {**B_INST, **ANSWER}, body={"kind": "url", "url": "https://example.org/x"}
    ),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence/file": Probe(
        {**B_INST, **ANSWER}, files={"file": ("x.pdf", b"%PDF-1.4 tiny", "application/pdf")}
    ),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/answers/{indicator_id}/evidence/url": Probe(
        {**B_INST, **ANSWER}, body={"url": "https://example.org/x"}
    ),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/submit": Probe(B_INST, body={}),
    "POST /assessments/{assessment_id}/institutions/{institution_code}/workbook": Probe(B_INST, files=XLSX),
    "GET /assessments/{assessment_id}/institutions/{institution_code}/workbook.xlsx": Probe(B_INST),
    "GET /assessments/{assessment_id}/progress": Probe(A),
    "GET /assessments/{assessment_id}/reports": Probe(A),
    "POST /assessments/{assessment_id}/reports": Probe(
        A, body={"scope": "institution", "institution": "moi", "langs": ["en"], "formats": ["json"]}
    ),
    "GET /assessments/{assessment_id}/reports/files/{path:path}": Probe(
        {**A, "path:path": "institutions/moi-en.html"}
    ),
    "GET /assessments/{assessment_id}/reports/jobs/{job_id}": Probe({**A, "job_id": lambda i, p: i.job_b}),
    "GET /assessments/{assessment_id}/results": Probe(A),
    "GET /assessments/{assessment_id}/results/charts/{name}.svg": Probe({**A, "name": "heatmap"}),
    "GET /assessments/{assessment_id}/results/institutions/{code}": Probe({**A, "code": "moi"}),
    "GET /assessments/{assessment_id}/results/institutions/{code}/radar.svg": Probe({**A, "code": "moi"}),
    "GET /assessments/{assessment_id}/review": Probe(A),
    "GET /assessments/{assessment_id}/surveys": Probe(A),
    "GET /assessments/{assessment_id}/surveys/{survey_id}": Probe(SURVEY),
    "GET /assessments/{assessment_id}/surveys/{survey_id}/form.xlsx": Probe(SURVEY),
    "POST /assessments/{assessment_id}/surveys/{survey_id}/submissions": Probe(
        SURVEY, files={"file": ("kobo.csv", SURVEY_CSV, "text/csv")}
    ),
    "POST /assessments/{assessment_id}/workbooks": Probe(A, files={"files": XLSX["file"]}),
    "POST /evidence/{evidence_id}/delete": Probe({"evidence_id": lambda i, p: i.evidence_b}),
    "GET /evidence/{evidence_id}/file": Probe({"evidence_id": lambda i, p: i.evidence_b}),
    "GET /favicon.ico": Probe(),
    "GET /healthz": Probe(),
    "GET /readyz": Probe(),
    "GET /jobs": Probe(),
    "GET /jobs/{job_id}": Probe({"job_id": lambda i, p: i.job_b}),
    "POST /language": Probe(body={"lang": "en", "next": "/"}),
    "GET /login": Probe(),
    "POST /login": Probe(
        fresh=True,
        body=lambda i, p: {
            "username": "nobody-at-all" if p.startswith("anon/") else p.split("/")[0],
            "password": PASSWORD,
            "next": "/",
        },
    ),
    "POST /logout": Probe(fresh=True),
    "GET /orgs": Probe(),
    "POST /orgs/import": Probe(files={"file": ("orgs.csv", CSV.encode(), "text/csv")}),
    "GET /responses/{response_id}": Probe({"response_id": lambda i, p: i.response_b}),
    "POST /responses/{response_id}/comments": Probe(
        {"response_id": lambda i, p: i.response_b}, body={"text": "a comment"}
    ),
    "POST /responses/{response_id}/review": Probe(
        {"response_id": lambda i, p: i.response_b}, body={"decision": "accept", "expected_version": 1}
    ),
    "POST /followup/progress": Probe(body=PROGRESS_B),
    "POST /followup/replan": Probe(body={"expected_version": 0}),  # never the current: changes nothing
    "POST /followup/roadmap": Probe(
        files={"file": ("roadmap.json", b'{"initiatives": 1}', "application/json")}
    ),
    "POST /service-edits/{edit_id}/review": Probe(
        {"edit_id": lambda i, p: i.service_edits[p]}, body={"decision": "return", "note": "the fee?"}
    ),
    "GET /public/kpis/{kpi}": Probe({"kpi": "SRV-R01-K1"}),
    "GET /public/kpis/{kpi}/trend.svg": Probe({"kpi": "SRV-R01-K1"}),
    "GET /kpis/observations/export.{fmt}": Probe({"fmt": "csv"}),
    "GET /kpis/{kpi}": Probe({"kpi": "SRV-R01-K1"}),
    "GET /kpis/{kpi}/trend.svg": Probe({"kpi": "SRV-R01-K1"}),
    "POST /kpis/observations": Probe(body=KPI_FIGURE_B),
    "POST /kpis/observations/{figure_id}/review": Probe(
        {"figure_id": lambda i, p: i.figures[f"review:{p}"]}, body={"decision": "return", "note": "register?"}
    ),
    "POST /kpis/observations/{figure_id}/withdraw": Probe(
        {"figure_id": lambda i, p: i.figures[f"withdraw:{p}"]}, body={"reason": "entered twice"}
    ),
    "POST /kpis/observations/import": Probe(files={"file": ("figures.csv", KPI_CSV_B, "text/csv")}),
    "GET /services/export.{fmt}": Probe({"fmt": "csv"}),
    "GET /services/{code}": Probe({"code": "svc-moi"}),
    "POST /services/{code}": Probe({"code": "svc-moi"}, body={"name_en": "Passports"}),
    "POST /services/import": Probe(
        files={"file": ("services.csv", b"code,owner,name_en,level\nsvc-moi,moi,Passports,2\n", "text/csv")}
    ),
    "POST /publication/publish": Probe(body={}),
    "POST /publication/withdraw": Probe(body={"expected_version": 0}),  # never the current: changes nothing
    "GET /public/services/{code}": Probe({"code": "svc-moi"}),
    "GET /public/data/{name}.{fmt}": Probe({"name": "services", "fmt": "csv"}),
    "GET /public/data/v{version}/{name}.{fmt}": Probe({"version": 1, "name": "services", "fmt": "csv"}),
    "POST /public/feedback": Probe(
        body={"institution": "moi", "text": "robot", "website": "http://spam.example"}
    ),
    "GET /participation/export.{fmt}": Probe({"fmt": "csv"}),
    "POST /participation/import": Probe(files={"file": ("cases.csv", CASES_CSV.encode(), "text/csv")}),
    "GET /participation/{tracking}": Probe({"tracking": lambda i, p: i.case_b}),
    "POST /participation/{tracking}/assign": Probe(
        {"tracking": lambda i, p: i.cases[f"assign:{p}"]}, body={}
    ),
    "POST /participation/{tracking}/answer": Probe(
        {"tracking": lambda i, p: i.cases[f"answer:{p}"]}, body={"text": "We found it."}
    ),
    "POST /participation/{tracking}/close": Probe({"tracking": lambda i, p: i.cases[f"close:{p}"]}, body={}),
    "POST /participation/{tracking}/moderate": Probe(
        {"tracking": lambda i, p: i.cases[f"moderate:{p}"]}, body={"hide": True, "reason": "spam"}
    ),
    "POST /participation/{tracking}/refer": Probe(
        {"tracking": lambda i, p: i.cases[f"refer:{p}"]}, body={"institution": "mod"}
    ),
    "GET /public/consultations/{consultation_id}": Probe({"consultation_id": lambda i, p: i.consultation_b}),
    "POST /public/consultations/{consultation_id}/comments": Probe(
        {"consultation_id": lambda i, p: i.consultation_b},
        body={"section_id": 1, "text": "robot", "website": "http://spam.example"},
    ),
    "POST /api/v1/consultations": Probe(
        body={
            "owner": "moi",
            "title": {"en": "Draft", "ar": "مسودة", "ckb": "ڕەشنووس"},
            "summary": {"en": "Draft", "ar": "مسودة", "ckb": "ڕەشنووس"},
            "opens_at": "2026-01-01T00:00:00+03:00",
            "closes_at": "2026-02-01T00:00:00+03:00",
            "sections": [
                {"heading": {"en": "1", "ar": "1", "ckb": "1"}, "body": {"en": "x", "ar": "x", "ckb": "x"}}
            ],
        }
    ),
    "GET /consultations/{consultation_id}/moderation": Probe(
        {"consultation_id": lambda i, p: i.consultation_b}
    ),
    "POST /consultations/{consultation_id}/comments/{comment_id}/moderate": Probe(
        {"consultation_id": lambda i, p: i.consultation_b, "comment_id": lambda i, p: i.comments[p]},
        body={"publish": True},
    ),
    **CONSULTATION_PROBES,
    "POST /documents": Probe(files={"file": ("matrix-law.txt", DOC_LAW_B.encode(), "text/plain")}),
    "GET /documents/{document_id}": Probe({"document_id": lambda i, p: i.document_b}),
    "GET /documents/{document_id}/file": Probe({"document_id": lambda i, p: i.document_b}),
    "GET /documents/{document_id}/profile.svg": Probe({"document_id": lambda i, p: i.document_b}),
    "POST /documents/{document_id}/analyse": Probe(
        {"document_id": lambda i, p: i.document_b}, body={"keywords_only": True}
    ),
    "POST /documents/{document_id}/delete": Probe({"document_id": lambda i, p: i.documents[p]}),
    "POST /documents/suggestions/{suggestion_id}/decide": Probe(
        {"suggestion_id": lambda i, p: i.suggestions[p]}, body={"decision": "reject"}
    ),
    "POST /documents/register/{area_id}": Probe({"area_id": "cybercrime"}, body={"status": "drafted"}),
    "GET /api/v1/openapi.json": Probe(),
    "GET /api/v1/me": Probe(),
    "GET /api/v1/frameworks": Probe(),
    "POST /api/v1/workbooks": Probe(files=XLSX),
    "MOUNT /static": Probe({"": "/css/raqmana.css"}),
    "MOUNT /static/fonts": Probe({"": "/NotoSans-Bold.ttf"}),
}
#: variants aimed at institution A (mofa) for the reads that have one
VARIANTS: dict[str, Probe] = {
    "GET /assessments/{assessment_id}/institutions/{institution_code}#A": Probe(A_INST),
    "GET /assessments/{assessment_id}/results/institutions/{code}#A": Probe({**A, "code": "mofa"}),
    "GET /assessments/{assessment_id}/reports/files/{path:path}#A": Probe(
        {**A, "path:path": "institutions/mofa-en.html"}
    ),
    "GET /assessments/{assessment_id}/reports/files/{path:path}#national": Probe(
        {**A, "path:path": "national-en.html"}
    ),
}


def _probe(route: str, variant: str) -> Probe:
    if variant:
        return VARIANTS[f"{route}#{variant}"]
    if route in PROBES:
        return PROBES[route]
    method, path = route.split(" ", 1)
    if path.startswith("/api/v1/"):  # a JSON twin probes like its page
        twin = PROBES.get(f"{method} {path[len('/api/v1') :]}")
        if twin is not None:
            return twin
    if "{" not in path and method == "GET":
        return Probe()  # nothing to fill in
    raise KeyError(f"{route}: add a probe to PROBES (how to fill its path, what to send)")


def _fill(path: str, params: dict[str, Any], ids: Ids, persona: str) -> str:
    for name, value in params.items():
        if name == "":
            path += str(value)
            continue
        v = value(ids, persona) if callable(value) else value
        path = path.replace("{" + name + "}", str(v))
    return path


def request(m: Matrix, route: str, variant: str, persona: str) -> Any:
    method, path = route.split(" ", 1)
    probe = _probe(route, variant)
    api = path.startswith("/api/")
    who = f"{persona}/{'api' if api else 'html'}"
    url = _fill(path, probe.params, m.ids, who)
    b = m.browsers[persona]
    if probe.fresh:
        b = Browser(m.app, base_url="http://testserver")
        b.get("/login")
        if persona != "anon" and not path.endswith("/login"):
            b.login(persona)
    shape = probe.json if api and probe.json is not None else probe.body
    body = shape(m.ids, who) if callable(shape) else shape
    if method in ("GET", "MOUNT"):
        return b.get(url, follow_redirects=False)
    token = m.tokens.get(persona) if b is m.browsers[persona] else None
    if token is None:  # stable for a browser: bound to its session (or its anonymous cookie)
        token = b.csrf("/account" if b.cookies.get("raqmana_session") else "/login")
        if b is m.browsers[persona]:
            m.tokens[persona] = token
    if api:
        headers = {"X-CSRF-Token": token}
        if probe.files is not None:
            return b.post(url, files=probe.files, data=body or {}, headers=headers, follow_redirects=False)
        return b.post(url, json=body if body is not None else {}, headers=headers, follow_redirects=False)
    data = {**(body or {}), "csrf_token": token}
    if probe.files is not None:
        return b.post(url, files=probe.files, data=data, follow_redirects=False)
    return b.post(url, data=data, follow_redirects=False)


# --- the route table --------------------------------------------------------------------------------------
def app_routes(app: FastAPI) -> set[str]:
    """``METHOD path`` of every route the app serves (``MOUNT path`` for mounted static files)."""
    found: set[str] = set()
    for r in app.routes:
        contexts = getattr(r, "effective_route_contexts", None)
        if contexts is not None:  # an included router
            for c in contexts():
                found.update(f"{m} {c.path}" for m in c.methods or () if m != "HEAD")
        elif type(r).__name__ == "Mount":
            found.add(f"MOUNT {r.path}")  # type: ignore[attr-defined]
        else:
            found.update(f"{m} {r.path}" for m in getattr(r, "methods", None) or () if m != "HEAD")  # type: ignore[attr-defined]
    return found


def test_every_route_has_a_row(matrix: Matrix):
    rows = {route for route, _ in _table()}
    served = app_routes(matrix.app)
    assert sorted(served - rows) == [], (
        "routes without a row in EXPECTED: decide who may use them (a probe in PROBES fills the path's "
        "parameters; RAQMANA_MATRIX_OBSERVE=1 pytest -s -k observe prints how the app answers now)"
    )
    assert sorted(rows - served) == [], "rows for routes the app no longer serves"


@pytest.mark.parametrize(("route", "variant"), sorted(_table()), ids=lambda x: x or "-")
def test_each_persona_gets_the_expected_status(matrix: Matrix, route: str, variant: str):
    expected = _table()[(route, variant)]
    answers = {p: request(matrix, route, variant, p) for p in PERSONAS}
    assert {p: r.status_code for p, r in answers.items()} == expected
    for p in KEPT_OUT_OF_B:
        assert not [s for s in SECRETS_B if s.encode() in answers[p].content], (p, "meets B's secrets")
    assert all("retry-after" in r.headers for r in answers.values() if r.status_code == 429)


API_READS = sorted(k for k in _table() if k[0].startswith("GET /api/v1/"))


@pytest.mark.parametrize(("route", "variant"), API_READS, ids=lambda x: x or "-")
def test_an_api_token_reaches_what_its_owners_session_reaches(matrix: Matrix, route: str, variant: str):
    """Scripts (``Authorization: Bearer``) get the statuses the browser session gets."""
    expected = _table()[(route, variant)]
    url = _fill(route.split(" ", 1)[1], _probe(route, variant).params, matrix.ids, "bearer/api")
    with TestClient(matrix.app, base_url="http://testserver") as client:
        got = {
            p: client.get(
                url, headers={"Authorization": f"Bearer {matrix.bearer[p]}"} if p in matrix.bearer else {}
            ).status_code
            for p in PERSONAS
        }
    assert got == expected


def observe(m: Matrix) -> str:  # pragma: no cover - writes the table when routes change (see module doc)
    lines = []
    for route in sorted(app_routes(m.app)):
        variants = ["", *sorted(v.split("#", 1)[1] for v in VARIANTS if v.startswith(route + "#"))]
        for variant in variants:
            try:
                got = [request(m, route, variant, p).status_code for p in PERSONAS]
            except KeyError:
                got = ["?"] * len(PERSONAS)
            name = route + (f"#{variant}" if variant else "")
            lines.append(f"{name:<110} " + " ".join(f"{g:>3}" for g in got))
    return "\n".join(lines)


@pytest.mark.skipif(not os.environ.get("RAQMANA_MATRIX_OBSERVE"), reason="set RAQMANA_MATRIX_OBSERVE=1")
def test_observe(matrix: Matrix):
    """``RAQMANA_MATRIX_OBSERVE=1 pytest -s -k observe tests/web/test_route_matrix.py`` prints the table
    as the app answers now: a start for the rows of new routes, each cell to be checked by hand."""
    print("\n" + observe(matrix))
