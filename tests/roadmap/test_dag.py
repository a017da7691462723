"""The dependency graph: cycles named, unknown ids reported, and the field's sequencing of layers."""

from raqmana.recommend import generate
from raqmana.roadmap import dag
from raqmana.roadmap.initiatives import Options, from_recommendations, layer_dependencies
from tests.recommend.inline import assessment, institution, mini_framework, rule, rulebase
from tests.roadmap.inline import dep, ini


def test_a_cycle_is_reported_with_every_initiative_on_it_in_order():
    problems = dag.check(
        [ini("a"), ini("b"), ini("c"), ini("d")], [dep("d", "a"), dep("a", "b"), dep("b", "c"), dep("c", "a")]
    )
    assert [p.code.id for p in problems] == ["RM003"]
    cycle = problems[0].params["cycle"].split(" → ")
    assert cycle[0] == cycle[-1] and sorted(cycle[:-1]) == ["a", "b", "c"]
    assert "a → b → c → a" in " → ".join(cycle + cycle[1:])  # the order follows the arrows
    assert "دەستپێشخەرییەکان لە بازنەیەکدا" in problems[0].message("ckb")


def test_an_unknown_dependency_names_both_ends():
    problems = dag.check([ini("a"), ini("a")], [dep("a", "ghost")])
    assert [p.code.id for p in problems] == ["RM001", "RM002"]
    assert problems[1].message("en") == "Initiative a depends on unknown initiative 'ghost'."
    assert problems[1].location.path == "dependencies[0]"


def test_earliest_starts_and_the_longest_chain_follow_durations_and_lags():
    items = [ini("a", duration=2), ini("b", duration=3), ini("c", duration=1), ini("d", duration=4)]
    g, _ = dag.build(items, [dep("a", "b", lag=1), dep("b", "c"), dep("a", "d")])
    assert dag.earliest_starts(g, [2, 3, 1, 4], [0, 0, 0, 0]) == [0, 3, 6, 2]
    assert dag.longest_chain(g, [2, 3, 1, 4], [0, 0, 0, 0]) == (7, ["a", "b", "c"])


def _layered():
    return [
        ini("law", layer=0, pillar="LEG", duration=4),
        ini("agency", layer=1, pillar="LEG"),
        ini("standard", layer=2, pillar="LEG"),
        ini("id-platform", layer=3, pillar="IDS", building_blocks=["identity"]),
        ini("portal", layer=4, pillar="SRV"),
        ini("proactive", layer=5, pillar="SRV"),
        ini("training", layer=None, pillar="SKL"),
    ]


def test_layer_rules_sequence_law_institutions_frameworks_platforms_services_proactive():
    deps = layer_dependencies(_layered(), [], {"IDS": ["LEG"], "SRV": ["IDS", "LEG"]})
    assert sorted((d.before, d.after) for d in deps) == sorted(
        [
            ("law", "agency"),
            ("agency", "standard"),
            ("standard", "id-platform"),
            ("id-platform", "portal"),
            ("portal", "proactive"),
        ]
    )  # implied edges such as law → portal are left out
    assert {d.kind.value for d in deps} == {"layer"}
    # a layer dependency overlaps the second half of the earlier initiative (law: 4 quarters → start after 2)
    assert [(d.after, d.lag) for d in deps if d.before == "law"] == [("agency", -2)]


def test_an_explicit_wait_for_a_higher_layer_lifts_the_initiative_so_no_cycle_appears():
    items = _layered()
    explicit = [dep("portal", "training"), dep("training", "standard")]  # a standard that waits for a service
    deps = layer_dependencies(items, explicit, {"IDS": ["LEG"], "SRV": ["IDS", "LEG"]})
    assert dag.check(items, [*explicit, *deps]) == []
    assert ("standard", "id-platform") not in {(d.before, d.after) for d in deps}


def test_recommendations_become_initiatives_with_explicit_and_layer_dependencies():
    fw = mini_framework()
    rb = rulebase(
        rule("LAW", "LEG", "LEG-01 < 3", category="law"),
        rule("ID", "IDS", "IDS-01 < 3", category="platform", govstack=["identity"]),
        rule("SRV-R1", "SRV", "SRV-01 < 3", scope="institution", category="service", prerequisites=["ID"]),
    )
    a = assessment(
        institution("moi", stages={"LEG-01": 1, "IDS-01": 0, "SRV-01": 1}),
        institution("mof", stages={"SRV-01": 2}),
    )
    recs = generate(rb, fw, a).recommendations
    depends = {p.id: p.depends_on for p in fw.pillars}
    initiatives, deps = from_recommendations(recs, pillar_depends=depends)
    assert [i.id for i in initiatives] == ["LAW", "ID", "SRV-R1@mof", "SRV-R1@moi"]
    edges = {(d.before, d.after, d.kind.value) for d in deps}
    assert edges == {
        ("ID", "SRV-R1@mof", "explicit"),
        ("ID", "SRV-R1@moi", "explicit"),
        ("LAW", "ID", "layer"),
    }
    grouped, gdeps = from_recommendations(
        recs, pillar_depends=depends, options=Options(group_institutions=True)
    )
    programme = grouped[-1]
    assert programme.id == "SRV-R1@programme" and programme.institutions == ["mof", "moi"]
    assert programme.cost_usd == 400_000 and programme.name.en.endswith("programme for 2 institutions")
    assert ("ID", "SRV-R1@programme") in {(d.before, d.after) for d in gdeps}
