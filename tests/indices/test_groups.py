"""Group and rating-class boundaries follow the publishers' definitions."""

import pytest

from raqmana.indices import egdi_group, egdi_rating_class, gci_tier, gtmi_group


@pytest.mark.parametrize(
    "value, group",
    [
        (1.0, "VH"),
        (0.75, "VH"),
        (0.7499, "H"),
        (0.5, "H"),
        (0.4999, "M"),
        (0.25, "M"),
        (0.2499, "L"),
        (0.0, "L"),
    ],
)
def test_egdi_groups(value, group):
    assert egdi_group(value) == group


@pytest.mark.parametrize(
    "value, cls",
    [
        (0.4572, "MH"),
        (0.6849, "H3"),
        (0.9602, "VH"),
        (0.9533, "VH"),
        (0.76, "V1"),
        (0.5, "H1"),
        (0.5625, "H2"),
        (0.2499, "LM"),
        (0.01, "L1"),
    ],
)
def test_egdi_rating_classes_split_each_group_in_quarters(value, cls):
    assert egdi_rating_class(value) == cls


@pytest.mark.parametrize("value, group", [(0.996, "A"), (0.75, "A"), (0.5, "B"), (0.464, "C"), (0.186, "D")])
def test_gtmi_groups(value, group):
    assert gtmi_group(value) == group


def test_gci_2024_tiers():
    assert [gci_tier(v) for v in (99.5, 90, 70.96, 20.71, 5)] == ["T1", "T2", "T3", "T4", "T5"]
