"""The demo's follow-up (all ILLUSTRATIVE): the chain's roadmap adopted, six quarters of transactions for
every service of the catalogue and of some initiative KPIs (one by sex and urban/rural), progress reports
of the first initiatives (one delayed, with its blocker), figures reported by institutions and reviewed
(one accepted, one returned with a note, one withdrawn with its reason, one waiting for the Kurdistan
Region's reviewer), a re-plan from where things stand, and a publication of it all on the portal. Figures
go in through the ordinary use cases and file import."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

from sqlalchemy import func, select

from raqmana.i18n import gettext
from raqmana.i18n.catalog import N_
from raqmana.metrics.observations import COLUMNS
from raqmana.roadmap.model import ProgressStatus, Roadmap
from raqmana.store.models import KpiObservation, Service, User
from raqmana.workspace import followup, kpi_review, kpis, publication
from raqmana.workspace.actors import Actor
from raqmana.workspace.auth import load_actor
from raqmana.workspace.factory import Workspace

#: the demo's notes and blocker, written as a person types them: in the language of their author
ADOPTED = N_("illustrative: the demo's roadmap")
BLOCKER = N_("illustrative: procurement took longer than planned")
REPLANNED = N_("illustrative: re-planned after the first two quarters")
RETURN_NOTE = N_("illustrative: which register does this figure come from?")
WITHDRAW_REASON = N_("illustrative: entered twice by mistake")
QUARTERS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2")
SOURCE = "illustrative (raqmana demo)"


def _figures(session: Any, roadmap: Roadmap, rng: random.Random) -> bytes:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    base = dict.fromkeys(COLUMNS, "") | {"source": SOURCE, "illustrative": "true"}
    for code, level, yearly in session.execute(
        select(Service.code, Service.level, Service.record["annual_transactions"].as_integer())
    ):
        for i, q in enumerate(QUARTERS):
            n = max(1, round((yearly or 4000) / 4 * (0.9 + 0.04 * i) * rng.uniform(0.95, 1.05)))
            share = min(0.95, 0.1 * level + 0.05 * i) if level >= 3 else 0.0
            w.writerow(
                base | {"kpi": "transactions", "period": q, "service": code, "value": n, "unit": "count"}
            )
            w.writerow(
                base
                | {
                    "kpi": "transactions_online",
                    "period": q,
                    "service": code,
                    "value": round(n * share),
                    "unit": "count",
                }
            )
    known = kpis.dictionary()
    picked = [
        k
        for it in roadmap.initiatives
        for k in it.kpis
        if k.id in known and k.unit.value in ("percent", "count")
    ][:6]
    for k in picked:
        target = float(k.target or 100)
        start = target * rng.uniform(0.15, 0.35)
        for i, q in enumerate(QUARTERS):
            value = start + (target - start) * i / 10 * rng.uniform(0.8, 1.1)
            shown = round(min(value, 100.0), 1) if k.unit.value == "percent" else round(value)
            w.writerow(base | {"kpi": k.id, "period": q, "value": shown, "unit": k.unit.value})
        if k.unit.value == "percent":  # the latest quarter by sex and by area
            for group, member, factor in (
                ("sex", "female", 0.8),
                ("sex", "male", 1.15),
                ("area", "urban", 1.2),
                ("area", "rural", 0.7),
            ):
                w.writerow(
                    base
                    | {"kpi": k.id, "period": QUARTERS[-1], group: member, "unit": "percent"}
                    | {"value": round(min(100.0, shown * factor), 1)}
                )
    return out.getvalue().encode()


def _coordinator(session: Any) -> Actor:
    return _person(session, "demo-coordinator")


def _person(session: Any, username: str) -> Actor:
    uid = session.scalar(select(User.id).where(User.username == username))
    assert uid is not None, "the demo's people are seeded first"
    return load_actor(session, uid)


#: a KPI figure institutions report themselves (a count), for the review's story
REVIEWED_KPI = "SRV-R01-K1"


def _review_story(session: Any) -> int:
    """Institutions' own figures through review, each decision written in its author's language."""
    if REVIEWED_KPI not in kpis.dictionary():
        return 0

    def report(who: str, institution: str, period: str, value: int) -> int:
        figure = {"kpi": REVIEWED_KPI, "period": period, "institution": institution, "unit": "count"}
        values = figure | {"value": str(value), "source": SOURCE, "illustrative": "true"}
        return kpis.save_observation(session, _person(session, who), values=values).id

    accepted = report("demo-fp-moc", "moc", QUARTERS[-1], 1240)
    kpi_review.review(session, _person(session, "demo-reviewer-moc"), figure_id=accepted, decision="accept")
    returned = report("demo-fp-mop", "mop", QUARTERS[-1], 980)
    reviewer = _person(session, "demo-reviewer-mop")
    note = gettext(reviewer.locale, RETURN_NOTE)
    kpi_review.review(session, reviewer, figure_id=returned, decision="return", note=note)
    mistaken = report("demo-fp-moc", "moc", QUARTERS[-2], 1240)
    author = _person(session, "demo-fp-moc")
    reason = gettext(author.locale, WITHDRAW_REASON)
    kpi_review.withdraw(session, author, figure_id=mistaken, reason=reason)
    report("demo-fp-erbil", "gov-erbil", QUARTERS[-1], 310)  # waits for the Kurdistan Region's reviewer
    return 4


def seed_followup(
    ws: Workspace, roadmap: Roadmap, *, seed: int = 2026, replan_seconds: float = 5.0
) -> dict[str, int]:
    """Once per workspace (nothing happens when a roadmap is already adopted); what was added."""
    rng = random.Random(seed)  # nosec B311  # reproducible illustrative progress, not a secret
    with ws.transaction() as s:
        if followup.current(s) is not None:
            return {}
        actor = _coordinator(s)
        followup.adopt(s, actor, roadmap=roadmap, note=gettext(actor.locale, ADOPTED), illustrative=True)
        kpis.import_observations(s, actor, data=_figures(s, roadmap, rng), filename="demo-figures.csv")
        reviewed = _review_story(s)
        observations = s.scalar(select(func.count()).select_from(KpiObservation)) or 0
    reports = 0
    assert roadmap.schedule is not None
    first = sorted(roadmap.schedule.items, key=lambda it: (it.start, it.id))[:8]
    cal_quarters = [followup._calendar(roadmap).label(t) for t in range(2)]
    with ws.transaction() as s:
        actor = _coordinator(s)
        for n, item in enumerate(first):
            length = max(item.end - item.start, 1)
            for t, quarter in enumerate(cal_quarters):
                planned = 100 * min(max(t + 1 - item.start, 0), length) / length
                late = n % 4 == 1
                done = round(planned * (0.4 if late else rng.uniform(0.9, 1.05)))
                status = (
                    ProgressStatus.DELAYED
                    if late and planned
                    else (ProgressStatus.ON_TRACK if done else ProgressStatus.NOT_STARTED)
                )
                followup.report_progress(
                    s,
                    actor,
                    followup.ProgressIn(
                        initiative=item.id,
                        quarter=quarter,
                        status=status,
                        percent_done=min(done, 100),
                        milestones_met=t if done else 0,
                        spend_usd=rng.randint(50, 400) * 1000 if done else 0,
                        blockers=gettext(actor.locale, BLOCKER) if late and planned else "",
                    ),
                    illustrative=True,
                )
                reports += 1
    with ws.transaction() as s:
        actor = _coordinator(s)
        version = followup.current(s)
        assert version is not None
        followup.replan_roadmap(
            s,
            actor,
            note=gettext(actor.locale, REPLANNED),
            expected_version=version[0].version,
            seconds=replan_seconds,
        )
        publication.publish(s, actor)
    return {"observations": observations, "progress_reports": reports, "figures_reviewed": reviewed}
