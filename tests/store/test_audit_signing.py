"""The audit chain head signed with a key held outside the database, and signed checkpoints: someone with
write access to the database can rewrite or cut back the whole chain, but cannot sign the result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update

from raqmana.settings import get_settings
from raqmana.store import audit as chain
from raqmana.store.models import AuditEvent, AuditHead
from raqmana.workspace import Workspace, open_workspace

KEY = "k" * 40


@pytest.fixture
def keyed(database_url, tmp_path) -> Iterator[Workspace]:
    settings = get_settings(
        environment="test",
        data_dir=tmp_path / "data",
        database_url=database_url,
        secret_key="test-secret-key-0123456789abcdef0123456789",
        audit_key=KEY,
    )
    ws = open_workspace(settings)
    yield ws
    ws.dispose()


def write(ws: Workspace, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        with ws.transaction() as s:
            chain.append(
                s, [chain.EventDraft(1, "alice", "response.save", "response", str(i), None, {"v": i})]
            )


def verify(ws: Workspace, **kw) -> chain.AuditReport:
    with ws.reader() as s:
        return chain.verify(s, **kw)


def drop_triggers(s) -> None:
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("DROP TRIGGER trg_audit_append_only ON audit_events"))
    else:
        s.execute(text("DROP TRIGGER trg_audit_no_update"))
        s.execute(text("DROP TRIGGER trg_audit_no_delete"))


def rewrite_whole_chain(ws: Workspace) -> None:
    """Change event 2's value and recompute every hash and the head, as someone with the database would."""
    with ws.transaction() as s:
        drop_triggers(s)
        prev = chain.GENESIS
        for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            after = '{"v":999}' if e.seq == 2 else e.after
            digest = chain.event_hash(
                prev,
                seq=e.seq,
                at=e.at,
                actor_id=e.actor_id,
                actor_name=e.actor_name,
                action=e.action,
                entity_type=e.entity_type,
                entity_id=e.entity_id,
                before=e.before,
                after=after,
            )
            s.execute(
                update(AuditEvent)
                .where(AuditEvent.id == e.id)
                .values(after=after, prev_hash=prev, hash=digest)
            )
            prev = digest
        s.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=prev))


def test_it_signs_the_head_at_every_append_and_the_signature_holds(keyed):
    write(keyed, 3)
    with keyed.reader() as s:
        head = s.get(AuditHead, 1)
        assert head.key_id == chain.key_id(KEY.encode()) and len(head.signature) == 64
    report = verify(keyed)
    assert report.ok and report.signed and report.last_seq == 3


def test_a_rewritten_chain_passes_the_hashes_but_not_the_signature(keyed):
    write(keyed, 4)
    rewrite_whole_chain(keyed)
    with keyed.reader() as s:
        s.info.pop(chain.SESSION_KEY, None)
        unsigned_view = chain.verify(s)
    assert unsigned_view.ok  # hashes alone cannot tell
    report = verify(keyed)
    assert not report.ok
    assert [b.kind for b in report.breaks] == ["signature"]
    assert "rewritten" in report.breaks[0].detail


def test_a_removed_signature_is_a_break(keyed):
    write(keyed, 2)
    with keyed.transaction() as s:
        s.execute(update(AuditHead).where(AuditHead.id == 1).values(signature="", key_id=""))
    report = verify(keyed)
    assert [b.kind for b in report.breaks] == ["signature"]
    assert "not signed" in report.breaks[0].detail


def test_checkpoints_catch_a_chain_cut_back_to_an_older_signed_head(keyed):
    write(keyed, 3)
    with keyed.reader() as s:
        old = s.get(AuditHead, 1)
        old_head = (old.seq, old.hash, old.signature, old.key_id)
    write(keyed, 2, start=3)
    with keyed.reader() as s:
        later = chain.checkpoint(s, KEY.encode())
    assert later.seq == 5 and later.valid(KEY.encode())
    # cut the last two events and put the old (validly signed) head back
    with keyed.transaction() as s:
        drop_triggers(s)
        s.execute(text("DELETE FROM audit_events WHERE seq > 3"))
        seq, digest, sig, kid = old_head
        s.execute(
            update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=digest, signature=sig, key_id=kid)
        )
    assert verify(keyed).ok  # the signature alone cannot tell: it is a real, older one
    report = verify(keyed, checkpoints=[later])
    assert [b.kind for b in report.breaks] == ["checkpoint"]
    assert "removed" in report.breaks[0].detail


def test_checkpoints_catch_a_rewrite_and_refuse_a_forged_checkpoint(keyed):
    write(keyed, 3)
    with keyed.reader() as s:
        cp = chain.checkpoint(s, KEY.encode())
    assert verify(keyed, checkpoints=[cp]).checkpoints == 1
    forged = chain.Checkpoint.from_dict({**cp.as_dict(), "hash": "f" * 64})
    report = verify(keyed, checkpoints=[forged])
    assert [b.kind for b in report.breaks] == ["checkpoint"] and "not signed" in report.breaks[0].detail
    rewrite_whole_chain(keyed)
    with keyed.transaction() as s:
        chain.sign_current_head(s, KEY.encode())  # even a stolen key cannot undo an exported checkpoint
    report = verify(keyed, checkpoints=[cp])
    assert [b.kind for b in report.breaks] == ["checkpoint"] and "rewritten" in report.breaks[0].detail


def test_a_head_written_without_a_key_is_unsigned_until_signed(ws):
    write(ws, 2)
    key = KEY.encode()
    report = verify(ws, key=key)
    assert [b.kind for b in report.breaks] == ["signature"]
    with ws.transaction() as s:
        chain.sign_current_head(s, key)
    assert verify(ws, key=key).ok and verify(ws, key=key).signed
    assert (
        verify(ws, key=b"another-key-" * 4)
        .breaks[0]
        .detail.startswith("the audit head was signed with another key")
    )


def test_it_reads_only_checkpoints():
    with pytest.raises(ValueError):
        chain.Checkpoint.from_dict({"kind": "something else"})
    with pytest.raises(ValueError):
        chain.Checkpoint.from_dict({"kind": "raqmana-audit-checkpoint", "seq": "x"})
