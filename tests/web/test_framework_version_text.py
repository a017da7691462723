"""A framework's version ("2026.1") is a code, not a decimal number: on the rounds' pages it stays as
written, a left-to-right piece inside the Arabic or Kurdish sentence, as on the exchange page (not
"٢٠٢٦٫١", which reads as two thousand and twenty-six point one)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_framework_version_is_written_as_a_code(as_user, lang):
    coord = as_user("coord")
    rounds = coord.get("/api/v1/assessments").json()["assessments"]
    assert rounds, "the test world has a round"
    version, round_id = rounds[0]["framework_version"], rounds[0]["id"]
    assert re.search(r"\d\.\d", version), version  # a dotted version, which digits would turn into a decimal
    for path in ("/", f"/assessments/{round_id}"):
        page = coord.get(f"{path}?lang={lang}").text
        assert f'<bdi dir="ltr" lang="en">{version}</bdi>' in page, path
        assert "٫" not in page.split(version)[0][-40:], path
