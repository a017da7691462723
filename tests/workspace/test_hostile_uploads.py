"""Evidence files stored for a transaction that rolls back leave no bytes behind."""

from __future__ import annotations

import pytest

from raqmana.workspace.evidence import attach_file
from tests.workspace.hostile_files import files_under

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Abandon(Exception):
    pass


def test_an_evidence_file_of_a_rolled_back_transaction_is_removed(world):
    store = world.ws.settings.data_dir / "evidence"
    with pytest.raises(Abandon), world.ws.transaction() as s:
        attach_file(
            s,
            world["fp_a"],
            settings=world.ws.settings,
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            filename="law.pdf",
            data=PDF,
        )
        assert files_under(store) != []
        raise Abandon
    assert files_under(store) == []
