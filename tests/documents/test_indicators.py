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
