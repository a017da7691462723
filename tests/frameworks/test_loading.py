"""A framework loads from YAML (with pillar includes) and comes back as typed objects."""

from tests.factories import framework_dict, write_framework

from raqmana.frameworks import AnswerType, load


def test_it_loads_a_valid_framework_without_problems(tmp_path):
    result = load(write_framework(tmp_path, framework_dict()))
    assert result.ok, [p.render() for p in result.problems]
    fw = result.framework
    assert [p.id for p in fw.pillars] == ["LEG", "SRV"]
    assert fw.indicator("SRV-02").answer_type is AnswerType.PERCENTAGE
    assert fw.pillar_of("LEG-02").id == "LEG"
    assert fw.counts() == {"pillars": 2, "sub_areas": 2, "indicators": 4, "catalogue": 0}


def test_it_reads_pillars_from_included_files(tmp_path):
    data = framework_dict()
    (tmp_path / "pillars").mkdir()
    legal = data["pillars"][0]
    write_framework(tmp_path / "pillars", legal, "LEG.yaml")
    data["pillars"][0] = "pillars/LEG.yaml"
    result = load(write_framework(tmp_path, data))
    assert result.ok
    assert result.framework.pillars[0].sub_areas[0].indicators[0].id == "LEG-01"


def test_errors_in_an_included_file_name_that_file_and_line(tmp_path):
    data = framework_dict()
    (tmp_path / "pillars").mkdir()
    legal = data["pillars"][0]
    legal["sub_areas"][0]["indicators"][1]["stages"][3]["descriptor"]["ckb"] = ""
    write_framework(tmp_path / "pillars", legal, "LEG.yaml")
    data["pillars"][0] = "pillars/LEG.yaml"
    result = load(write_framework(tmp_path, data))
    [problem] = result.errors
    assert problem.location.file.endswith("LEG.yaml")
    assert problem.location.line is not None and problem.location.line > 1
    assert problem.message("en") == "indicator LEG-02: stage 4 descriptor missing in ckb"


def test_a_pack_id_or_directory_resolves_to_its_framework_file(tmp_path):
    write_framework(tmp_path, framework_dict())
    assert load(tmp_path).ok
    assert not load(tmp_path / "nowhere").ok
