"""Passages → framework indicators with a suggested stage (built-in iraq-dla pack)."""

from __future__ import annotations

from raqmana.documents import embed as E
from raqmana.documents.indicators import IndicatorMapper, corpus


def test_a_law_creating_a_data_protection_authority_is_evidence_for_data_protection_at_stage_3_or_more() -> (
    None
):
    mapper = IndicatorMapper("iraq-dla")
    passages = [
        "تنشأ هيئة وطنية مستقلة لحماية البيانات الشخصية تتولى الرقابة على معالجة البيانات وفرض الجزاءات",
        "يعتمد التوقيع الإلكتروني في المعاملات الحكومية وتكون له الحجية القانونية ذاتها للتوقيع الخطي",
        "The meeting will be held on Monday.",
    ]
    law, signature, meeting = mapper.suggest(E.embed(passages))
    assert law[0].indicator == "LEG-02" and law[0].stage is not None and law[0].stage >= 3
    assert {"LEG-01", "IDS-06"} & {s.indicator for s in signature}
    assert meeting == []
    assert all(0.5 <= s.confidence <= 1.0 for s in law + signature)


def test_the_shipped_sdg_embeddings_match_the_shipped_sdg_texts() -> None:
    from importlib import resources

    import numpy as np

    with resources.files("raqmana.documents").joinpath("data", "sdg_use.npz").open("rb") as fh:
        shipped = np.load(fh)
        assert str(shipped["digest"]) == E._digest(E.sdg_corpus())
    assert len(corpus("iraq-dla")) > 2 * 80


LAW = (
    "Under this Law, electronic documents and electronic signatures have the same legal effect as paper "
    "documents and handwritten signatures."
)
INSTRUCTION = "The ministry accepts applications and documents signed electronically in all its procedures."


def test_a_national_law_puts_the_national_indicator_before_the_institutions_counterpart() -> None:
    mapper = IndicatorMapper("iraq-dla")
    vectors = E.embed([LAW])
    # the sentence model alone ranks the institution's e-signature first: right family, wrong level
    assert mapper.suggest(vectors)[0][0].indicator == "IDS-06"
    (words,) = mapper.suggest(vectors, [LAW])
    (library,) = mapper.suggest(vectors, [LAW], scope="library")
    assert words[0].indicator == "LEG-01"
    assert library[0].indicator == "LEG-01"
    # the confidence stays the passage's closeness to the indicator, whatever the order
    assert {s.indicator: s.confidence for s in words}["LEG-01"] == 1.0


def test_an_institutions_instruction_keeps_the_institution_indicator_first() -> None:
    mapper = IndicatorMapper("iraq-dla")
    vectors = E.embed([INSTRUCTION])
    (filed,) = mapper.suggest(vectors, [INSTRUCTION], scope="institution")
    (words,) = mapper.suggest(vectors, [INSTRUCTION])
    assert filed[0].indicator == words[0].indicator == "LEG-04"
    assert "LEG-01" not in {s.indicator for s in filed}
