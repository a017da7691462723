"""The audit page's check of the chain with an audit key: a signed head is said to match, a rewritten
chain (its signature no longer matching) is named as such, in the reader's language."""

from __future__ import annotations

from sqlalchemy import update

from raqmana.store import audit as chain
from raqmana.store.models import AuditHead
from raqmana.web import create_app
from raqmana.workspace import open_workspace

from .conftest import Browser

KEY = "web-audit-key-" * 4


def test_the_audit_page_checks_the_signature_of_the_chain(world):
    settings = world.settings.model_copy(update={"audit_key": KEY})
    ws = open_workspace(settings)
    try:
        with ws.transaction() as s:
            chain.sign_current_head(s, KEY.encode())
        with Browser(create_app(settings, workspace=ws), base_url="http://testserver") as coord:
            coord.login("coord")
            ok = coord.get(coord.form("/admin/audit/verify", {}, page="/admin/audit").headers["location"])
            assert ok.status_code == 200 and "وتوقيعها يطابق مفتاح التدقيق" in ok.text
            with ws.transaction() as s:  # what a rewrite leaves: a head whose signature does not match
                s.execute(update(AuditHead).where(AuditHead.id == 1).values(signature="0" * 64))
            broken = coord.get(coord.form("/admin/audit/verify", {}, page="/admin/audit").headers["location"])
            assert broken.status_code == 200
            assert "توقيع السلسلة لا يطابق مفتاح التدقيق" in broken.text
            assert "The end of the chain does not match" not in broken.text
    finally:
        ws.dispose()
