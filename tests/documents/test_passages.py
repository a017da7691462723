"""Blocks → passages; the owner, deadline and budget an action of a plan states."""

from __future__ import annotations

from raqmana.documents.model import Block, BlockKind
from raqmana.documents.passages import MAX_CHARS, action_details, passages


def test_it_reads_owner_deadline_and_budget_of_an_action() -> None:
    details = action_details(
        "٣. إطلاق منصة تبادل البيانات. الجهة المسؤولة: المركز الوطني للبيانات. الموعد: نهاية ٢٠٢٦. "
        "الكلفة: 4 مليار دينار"
    )
    assert details == {"owner": "المركز الوطني للبيانات", "deadline": "نهاية 2026", "budget": "4 مليار دينار"}
    assert (
        action_details(
            "2. Launch the portal. Responsible: Ministry of Communications; by 2027, USD 2 million"
        )["owner"]
        == "Ministry of Communications"
    )


def test_a_final_deadline_and_a_currency_before_the_amount_are_read_whole() -> None:
    details = action_details("19. رفع المسودة إلى مجلس الوزراء. الموعد النهائي: 2026.")
    assert details == {"deadline": "2026"}
    assert action_details("6. Launch the card. The total project value of $ 120 million.") == {
        "budget": "$ 120 million"
    }
    assert action_details("7. Build the cloud. Budget: IQD 12 billion")["budget"] == "IQD 12 billion"


def test_each_article_and_action_is_a_passage_and_paragraphs_keep_their_heading() -> None:
    blocks = [
        Block(1, BlockKind.HEADING, "الفصل الأول"),
        Block(1, BlockKind.PARAGRAPH, "فقرة أولى."),
        Block(1, BlockKind.PARAGRAPH, "فقرة ثانية."),
        Block(1, BlockKind.ARTICLE, "المادة 1: نص المادة.", "1"),
        Block(2, BlockKind.ACTION, "1. إجراء. الجهة المسؤولة: الوزارة.", "1"),
        Block(2, BlockKind.PARAGRAPH, "x " * MAX_CHARS),
    ]
    out = passages(blocks)
    assert [(p.kind, p.page, p.heading) for p in out[:3]] == [
        (BlockKind.PARAGRAPH, 1, "الفصل الأول"),
        (BlockKind.ARTICLE, 1, "الفصل الأول"),
        (BlockKind.ACTION, 2, "الفصل الأول"),
    ]
    assert out[0].text == "فقرة أولى. فقرة ثانية."
    assert out[2].details == {"owner": "الوزارة"}
    assert len(out) == 5 and all(len(p.text) <= MAX_CHARS for p in out)
    assert len({p.id for p in out}) == len(out)
