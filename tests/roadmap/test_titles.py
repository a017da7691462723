"""What readers see of a roadmap: its title, the names of programmes and the rows of the Gantt chart."""

from raqmana.recommend import generate
from raqmana.roadmap.gantt import row_label
from raqmana.roadmap.initiatives import Options, from_recommendations
from raqmana.roadmap.pipeline import plan_from_assessment
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase

FW = mini_framework()
RB = rulebase(
    rule("LAW", "LEG", "LEG-01 < 3", category="law"),
    rule("SRV-R1", "SRV", "SRV-01 < 3", scope="institution", category="service"),
)
INSTITUTIONS = (
    institution("moi", stages={"LEG-01": 1, "SRV-01": 1}),
    institution("mof", stages={"SRV-01": 2}),
)


def test_a_roadmap_of_an_unnamed_assessment_has_no_placeholder_in_its_title():
    result = plan_from_assessment(
        FW,
        assessment(*INSTITUTIONS),
        rulebase=RB,
        budget_per_year=3_000_000,
        horizon_quarters=8,
        capacity_per_owner=3,
        start_year=2026,
        time_limit_s=5,
    )
    title = result.roadmap.title
    assert (title.en, title.ar, title.ckb) == (
        "Digital transformation roadmap",
        "خارطة طريق التحول الرقمي",
        "نەخشەڕێگای گۆڕانکاریی دیجیتاڵی",
    )


def test_a_programme_counts_its_institutions_in_the_digits_of_each_language():
    recs = generate(RB, FW, assessment(*INSTITUTIONS)).recommendations
    programme = from_recommendations(recs, options=Options(group_institutions=True))[0][-1]
    assert programme.id == "SRV-R1@programme"
    assert programme.name.en.endswith("programme for 2 institutions")
    assert programme.name.ar.endswith("برنامج يشمل ٢ جهة") and programme.name.ckb.endswith(
        "بەرنامە بۆ ٢ دامەزراوە"
    )


def test_a_gantt_row_keeps_the_institution_of_a_long_name():
    name = (
        "Connect every service point to the secure government network with a service-level agreement "
        "— Ministry of Planning"
    )
    label = row_label(name)
    assert len(label) <= 70 and label.endswith("— Ministry of Planning") and "…" in label
    assert row_label("Adopt the law") == "Adopt the law"
