"""The rules' commits(target) condition: passages of the country's own documents a reviewer accepted for
an SDG target; the iraq-dla pack's LEG-R10 fires on it, explained in words."""

from __future__ import annotations

import pytest

from raqmana.frameworks.loader import load_or_raise
from raqmana.recommend import describe, generate, load_rules
from raqmana.recommend.conditions import ConditionSyntax, parse
from raqmana.recommend.fromscores import assessment_from_scores
from raqmana.workspace.documents_review import decide, document_commitments, document_detail
from tests.documents.test_workspace_documents import analyse, upload


def test_the_condition_takes_an_sdg_target_or_goal_and_only_it_does():
    assert parse("commits(16.10) >= 1").operand.ref == "16.10"
    assert parse("commits(16) >= 2").operand.kind == "commits"
    with pytest.raises(ConditionSyntax):
        parse("commits(LEG) >= 1")
    with pytest.raises(ConditionSyntax):
        parse("score(16) >= 1")
    with pytest.raises(ConditionSyntax):
        parse("share(commits(16.10) >= 1) >= 0.5")


def _recommendations(commitments):
    fw = load_or_raise("iraq-dla")
    rules = load_rules("iraq-dla", fw)
    assert rules.rulebase is not None and not [p for p in rules.problems if p.severity == "error"]
    assessment = assessment_from_scores(
        fw,
        institutions={"comsec": "ministry", "moc": "ministry"},
        indicator_stages={"comsec": {"LEG-03": 1}},
        pillar_scores={"comsec": {}},
        national="comsec",
        commitments=commitments,
    )
    return fw, generate(rules.rulebase, fw, assessment)


def test_the_pack_rule_fires_when_the_countrys_documents_commit_to_the_target():
    _, without = _recommendations({})
    assert "LEG-R10" not in [r.rule for r in without.national()]
    fw, with_docs = _recommendations({"16.10": 2.0, "16": 2.0})
    (rec,) = [r for r in with_docs.national() if r.rule == "LEG-R10"]
    words = " ".join(describe(t, fw, "en") for t in rec.triggers)
    assert "16.10" in words


def test_accepted_targets_become_the_countrys_commitments(docworld):
    doc = upload(docworld, institution_code="moa")
    analyse(docworld, doc.id)
    with docworld.ws.reader() as s:
        detail = document_detail(s, docworld["rev_a"], document_id=doc.id)
    targets = [x for p in detail.passages for x in p.suggestions if x.kind == "target"]
    with docworld.ws.transaction() as s:
        decide(s, docworld["rev_a"], suggestion_id=targets[0].id, decision="accept")
        decide(s, docworld["rev_a"], suggestion_id=targets[1].id, decision="reject")
    with docworld.ws.reader() as s:
        got = document_commitments(s)
    assert got[targets[0].ref] == 1.0 and got[targets[0].ref.split(".")[0]] >= 1.0
    assert targets[1].ref not in got or targets[1].ref == targets[0].ref


def test_a_gap_in_the_legal_register_becomes_a_recommendation_for_the_roadmap(docworld):
    from raqmana.workspace.documents_register import register_status, update_register_entry

    with docworld.ws.reader() as s:
        status = register_status(s)
    assert status["multi_year_financing"] == 0.0 and status["e_signature"] == 2.0
    fw = load_or_raise("iraq-dla")
    rules = load_rules("iraq-dla", fw)
    assert rules.rulebase is not None

    def recs(register):
        assessment = assessment_from_scores(
            fw,
            institutions={"comsec": "ministry"},
            indicator_stages={"comsec": {}},
            pillar_scores={"comsec": {}},
            national="comsec",
            register=register,
        )
        return [r.rule for r in generate(rules.rulebase, fw, assessment).national()]

    assert "FIN-R10" in recs(status)
    with docworld.ws.transaction() as s:
        update_register_entry(s, docworld["coord"], area="multi_year_financing", changes={"status": "exists"})
    with docworld.ws.reader() as s:
        assert "FIN-R10" not in recs(register_status(s))
    assert "FIN-R10" not in recs({})  # a register without the area says nothing
