import pytest

from raqmana.frameworks.schema import Framework
from tests.factories import indicator, t


def _pillar(pid, deps=(), sdg=("16.6",)):
    return {
        "id": pid,
        "name": t(pid),
        "depends_on": list(deps),
        "sub_areas": [
            {
                "id": f"{pid}.1",
                "name": t(pid),
                "indicators": [
                    indicator(f"{pid}-01", crosswalk={"sdg": list(sdg)}),
                    indicator(f"{pid}-02", crosswalk={"sdg": ["17.18"]}),
                ],
            }
        ],
    }


@pytest.fixture
def framework():
    """LEG and DAT are foundations; IDS needs LEG; SRV needs LEG, DAT and IDS; PAR needs SRV."""
    return Framework.model_validate(
        {
            "schema_version": 1,
            "id": "mini",
            "version": "1",
            "name": t("Mini"),
            "pillars": [
                _pillar("LEG", sdg=("16.10",)),
                _pillar("DAT", sdg=("17.18", "16.6")),
                _pillar("IDS", ["LEG"], ("16.9",)),
                _pillar("SRV", ["LEG", "DAT", "IDS"], ("16.6",)),
                _pillar("PAR", ["SRV"], ("16.7",)),
                _pillar("INF", sdg=("9.c",)),
            ],
        }
    )
