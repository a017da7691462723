"""Participant accounts: a secret token that stands for the person (kept by their browser or client),
optionally tied to an e-mail address or phone number confirmed with a six-digit code.

Codes go out through a :class:`Sender` chosen by the ``participant_sender`` setting: ``outbox`` (the
default; the demo and tests) appends each message to ``<data dir>/outbox/participant-codes.jsonl``;
``module:factory`` names a function that takes the settings and returns a sender (an SMS gateway, SMTP).
Only hashes of tokens, codes and contacts are compared; the contact itself is kept for sending and is
never shown.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=15)
MAX_ATTEMPTS = 5
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True, slots=True)
class Message:
    kind: str  # email or phone
    to: str
    code: str
    lang: str


class Sender(Protocol):
    def send(self, message: Message) -> None: ...


@dataclass(frozen=True, slots=True)
class OutboxSender:
    """Writes each message as one JSON line to a file (development, demo, tests)."""

    path: Path

    def send(self, message: Message) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = {"kind": message.kind, "to": message.to, "code": message.code, "lang": message.lang}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def outbox_path(data_dir: Path) -> Path:
    return data_dir / "outbox" / "participant-codes.jsonl"


def make_sender(choice: str, data_dir: Path, settings: Any = None) -> Sender:
    """The sender named by the ``participant_sender`` setting."""
    if choice == "outbox":
        return OutboxSender(outbox_path(data_dir))
    module, _, name = choice.partition(":")
    factory = getattr(importlib.import_module(module), name)
    sender: Sender = factory(settings)
    return sender


def normalise_contact(text: str) -> tuple[str, str] | None:
    """(``email`` | ``phone``, the contact as stored) or None. Iraqi mobiles are written ``+9647…``
    whichever way they were typed (``0770…``, ``00964…``, Arabic-Indic digits)."""
    text = text.strip().translate(_DIGITS)
    if _EMAIL.match(text):
        return "email", text.lower()
    digits = re.sub(r"[\s.\-()]", "", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if re.fullmatch(r"07\d{9}", digits):
        digits = "+964" + digits[1:]
    if re.fullmatch(r"\+\d{8,15}", digits):
        return "phone", digits
    return None


def digest(secret: str, value: str) -> str:
    """The keyed hash under which a token, code or contact is stored and looked up."""
    return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_expires(now: datetime) -> datetime:
    return now + CODE_LIFETIME
