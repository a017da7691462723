"""Report formats are a registry: the built-in ones by default, others passed in; unknown ones refused."""

import pytest
from tests.reports.sample import sample_report

from raqmana.reports.render import FORMATS, UnknownFormat, builtin_renderers, render


def test_the_built_in_formats_are_the_documented_ones():
    assert tuple(builtin_renderers()) == FORMATS


def test_it_writes_with_the_renderers_it_is_given(tmp_path):
    def csv(report, path):
        path.write_text(f"{report.id},{report.lang}\n", encoding="utf-8")

    [written] = render(sample_report("ar"), tmp_path, ["CSV"], renderers={"csv": csv}, basename="r")
    assert written == tmp_path / "r.csv" and written.read_text(encoding="utf-8").endswith(",ar\n")
    assert not list(tmp_path.glob(".*.partial"))


def test_it_refuses_a_format_outside_the_registry_before_writing_anything(tmp_path):
    with pytest.raises(UnknownFormat, match="pdf"):
        render(
            sample_report("en"),
            tmp_path / "out",
            ["json", "pdf"],
            renderers={"json": builtin_renderers()["json"]},
        )
    assert not (tmp_path / "out").exists()
