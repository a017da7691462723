"""Completion per institution × pillar, in a fixed number of queries whatever the size of the round."""

from __future__ import annotations

from sqlalchemy import event, func, select

from raqmana.store.models import CompletionCount, Organisation, Response
from raqmana.workspace import SYSTEM
from raqmana.workspace.answers import Answer
from raqmana.workspace.assessments import open_round
from raqmana.workspace.completion import completion, completion_stamp
from raqmana.workspace.evidence import attach_url
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.org_import import import_organisations
from raqmana.workspace.responses import save_answer, submit
from raqmana.workspace.review import review
from tests.workspace.factories import small_framework


def save(world, inst, indicator, value, who):
    with world.ws.transaction() as s:
        save_answer(
            s,
            world[who],
            assessment_id=world.assessment_id,
            institution_code=inst,
            indicator_id=indicator,
            answer=Answer(value),
            expected_version=0,
        )


def test_it_counts_answers_by_state_per_institution_and_pillar(world):
    save(world, "moa", "P1-01", 2, "fp_a")
    save(world, "moa", "P1-02", 3, "fp_a")
    save(world, "moa", "P2-01", "yes", "fp_a")
    with world.ws.transaction() as s:
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa", pillar_id="P1")
        attach_url(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-03",
            url="https://example.org/x",
        )  # a blank draft: not an answer yet
    save(world, "mob", "P1-01", 1, "fp_b")
    with world.ws.reader() as s:
        t = completion(s, world["coord"], assessment_id=world.assessment_id)
    rows = {r.org.code: r for r in t.rows}
    assert [p.id for p in t.pillars] == ["P1", "P2"]
    assert set(rows) == {"moa", "moa-it", "mob", "gov-erbil"}
    p1 = rows["moa"].cells["P1"]
    assert (p1.expected, p1.submitted, p1.draft, p1.not_started) == (3, 2, 0, 1)
    assert rows["moa"].cells["P2"].draft == 1 and rows["moa"].cells["P2"].expected == 5
    assert rows["moa"].total.answered == 3 and round(rows["moa"].total.percent_answered) == 38
    assert rows["mob"].total.draft == 1 and rows["gov-erbil"].total.answered == 0
    assert t.total.expected == 32 and t.total.answered == 4


def test_it_shows_a_focal_point_only_its_own_institutions(world):
    with world.ws.reader() as s:
        t = completion(s, world["fp_a"], assessment_id=world.assessment_id)
    assert [r.org.code for r in t.rows] == ["moa", "moa-it"]


def test_it_uses_the_same_few_queries_for_ten_or_a_hundred_institutions(ws):
    rows = "\n".join(f"m{i},ministry,,M {i},و {i},و {i}" for i in range(100))
    with ws.transaction() as s:
        import_organisations(
            s,
            SYSTEM,
            data=f"code,kind,parent_code,name_en,name_ar,name_ckb\n{rows}\n".encode(),
            filename="o.csv",
        )
        fv = register_framework(s, SYSTEM, small_framework())
        small = open_round(
            s,
            SYSTEM,
            framework_version_id=fv.id,
            name="s",
            period="p",
            institution_codes=[f"m{i}" for i in range(10)],
        )
        big = open_round(
            s,
            SYSTEM,
            framework_version_id=fv.id,
            name="b",
            period="p",
            institution_codes=[f"m{i}" for i in range(100)],
        )
        for i in range(100):
            save_answer(
                s,
                SYSTEM,
                assessment_id=big.id,
                institution_code=f"m{i}",
                indicator_id="P1-01",
                answer=Answer(i % 6),
                expected_version=0,
            )

    def count(assessment_id):
        statements = []
        with ws.reader() as s:
            listener = lambda *a: statements.append(a[2])  # noqa: E731
            event.listen(s.get_bind(), "before_cursor_execute", listener)
            try:
                table = completion(s, SYSTEM, assessment_id=assessment_id)
            finally:
                event.remove(s.get_bind(), "before_cursor_execute", listener)
        return len(statements), table

    n_small, _ = count(small.id)
    n_big, table = count(big.id)
    assert n_small == n_big <= 8
    assert table.total.answered == 100


def test_it_keeps_the_trigger_maintained_counts_equal_to_the_answers(world):
    """Whatever path changed the answers (save, submit, review, import, delete), the counts match."""
    save(world, "moa", "P1-01", 2, "fp_a")
    save(world, "moa", "P1-02", 3, "fp_a")
    save(world, "mob", "P2-01", "no", "fp_b")
    with world.ws.transaction() as s:
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
        first = s.scalar(select(Response.id).where(Response.indicator_id == "P1-01"))
    with world.ws.transaction() as s:
        review(s, world["rev_a"], response_id=first, decision="return", comment="why?", expected_version=2)
        save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            answer=Answer(""),
            expected_version=3,
        )  # cleared: not answered now
    with world.ws.transaction() as s:
        s.execute(Response.__table__.delete().where(Response.indicator_id == "P2-01"))
    with world.ws.reader() as s:
        truth = {
            (o, p, st): n
            for o, p, st, n in s.execute(
                select(Response.org_id, Response.pillar_id, Response.state, func.count())
                .where(Response.answered.is_(True))
                .group_by(Response.org_id, Response.pillar_id, Response.state)
            )
        }
        kept = {}
        for row in s.scalars(select(CompletionCount)):
            for st in ("draft", "submitted", "returned", "accepted"):
                if getattr(row, st):
                    kept[(row.org_id, row.pillar_id, st)] = getattr(row, st)
    assert kept == truth and len(truth) == 1


def stamp(world):
    with world.ws.reader() as s:
        return completion_stamp(s, world.assessment_id)


def test_it_moves_the_change_counter_whenever_the_counts_or_names_change(world):
    """The web app keys its cached progress tables on this counter: it must move on every change the
    table shows (answers changing state, renamed institutions) and on nothing else the readers share."""
    before = stamp(world)
    save(world, "moa", "P1-01", 2, "fp_a")
    after_save = stamp(world)
    assert after_save > before
    with world.ws.transaction() as s:
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa", pillar_id="P1")
    after_submit = stamp(world)
    assert after_submit > after_save
    with world.ws.transaction() as s:  # a new justification only: same state, same counts
        rid = s.scalar(
            select(Response.id).where(Response.indicator_id == "P1-02", Response.org_id.isnot(None))
        )
        s.execute(Response.__table__.update().where(Response.id == rid).values(justification="more detail"))
    assert stamp(world) == after_submit
    with world.ws.transaction() as s:
        s.execute(Organisation.__table__.update().where(Organisation.code == "mob").values(name_en="Renamed"))
    assert stamp(world) > after_submit


def test_it_moves_the_change_counter_once_per_transaction_on_postgresql_and_per_change_on_sqlite(world):
    """On PostgreSQL the counter moves at commit, once per transaction, however many answers change."""
    before = stamp(world)
    with world.ws.transaction() as s:
        for ind, value in (("P1-01", 1), ("P1-02", 2), ("P1-03", 3)):
            save_answer(
                s,
                world["fp_a"],
                assessment_id=world.assessment_id,
                institution_code="moa",
                indicator_id=ind,
                answer=Answer(value),
                expected_version=0,
            )
    moved = stamp(world) - before
    assert moved == (1 if world.ws.engine.dialect.name == "postgresql" else 3)
