"""A round with answers in every state, a returned-then-accepted answer, evidence and a formula-like text."""

from __future__ import annotations

from raqmana.workspace.answers import Answer
from raqmana.workspace.evidence import attach_file, attach_url
from raqmana.workspace.responses import save_answer, submit
from raqmana.workspace.review import review
from tests.support.world import World

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fill(world: World) -> None:
    rid = {}
    with world.ws.transaction() as s:
        for inst, who in (("moa", "fp_a"), ("mob", "fp_b")):
            for ind, value in (
                ("P1-01", 3),
                ("P1-02", 4),
                ("P2-01", "yes"),
                ("P2-02", 120),
                ("P2-03", 42.5),
                ("P2-04", "cloud"),
                ("P2-05", '=HYPERLINK("http://x") نص عربي'),
            ):
                rid[inst, ind] = save_answer(
                    s,
                    world[who],
                    assessment_id=world.assessment_id,
                    institution_code=inst,
                    indicator_id=ind,
                    answer=Answer(value, justification=f"{inst} {ind}"),
                    expected_version=0,
                ).id
        attach_file(
            s,
            world["fp_a"],
            settings=world.settings,
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            filename="strategy.pdf",
            data=PDF,
            evidence_date="2026-01-15",
            description="national strategy",
        )
        attach_url(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-02",
            url="https://example.gov.iq/portal",
        )
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    with world.ws.transaction() as s:
        review(s, world["rev_a"], response_id=rid["moa", "P1-01"], decision="accept", expected_version=2)
        review(
            s,
            world["rev_a"],
            response_id=rid["moa", "P1-02"],
            decision="return",
            comment="proof?",
            expected_version=2,
        )
        review(s, world["rev_a"], response_id=rid["moa", "P2-01"], decision="accept", expected_version=2)
        review(s, world["rev_a"], response_id=rid["moa", "P2-04"], decision="accept", expected_version=2)
