"""Country names from every edition and language map to one ISO3 code."""

import pytest

from raqmana.indices.countries import countries, name, normalise, to_iso3, unmapped


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("Iraq ", "IRQ"),
        ("IRQ", "IRQ"),
        ("irq", "IRQ"),
        ("العراق", "IRQ"),
        ("عێراق", "IRQ"),
        ("Korea (Republic of)", "KOR"),
        ("Korea, Rep.", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Sudan (the)", "SDN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Viet Nam", "VNM"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("KSV", "XKX"),
        ("West Bank and Gaza", "PSE"),
        ("السعودية", "SAU"),
        ("الإمارات", "ARE"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Central African Rep.**", "CAF"),
    ],
)
def test_it_maps_name_variants_to_iso3(text, iso3):
    assert to_iso3(text) == iso3


def test_unknown_names_are_reported_not_guessed():
    assert to_iso3("Atlantis") is None
    assert to_iso3("") is None
    assert unmapped(["Iraq", "Atlantis", "Narnia", "Atlantis"]) == ["Atlantis", "Narnia"]


def test_names_exist_in_three_languages():
    assert name("IRQ", "ar") == "العراق"
    assert name("IRQ", "ckb") == "عێراق"
    assert name("PSE", "en") == "State of Palestine"
    assert name("ZZZ", "en") == "ZZZ"
    missing = [c.iso3 for c in countries().values() if c.name.missing()]
    assert missing == []


def test_normalise_folds_case_accents_punctuation_and_arabic_letter_forms():
    assert normalise("  The Gambia ") == "gambia"
    assert normalise("Türkiye") == normalise("turkiye")
    assert normalise("إستونيا") == normalise("استونيا")
