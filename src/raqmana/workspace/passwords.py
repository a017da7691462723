"""Password hashing with Argon2id (argon2-cffi) and the password policy.

The Argon2 parameters come from the settings (``RAQMANA_PASSWORD_COST``): a :class:`Passwords` object is
built with the workspace and travels with its sessions (:func:`of`), so nothing is hashed at import time
and a test suite may choose the minimal cost (the hash is still Argon2id and still checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 1024
Cost = Literal["standard", "minimal"]
#: key of the :class:`Passwords` object in ``Session.info`` (set by the workspace's session makers)
SESSION_KEY = "raqmana.passwords"


def check_policy(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_LENGTH or len(password) > MAX_LENGTH:
        raise ValidationFailed.one(E.PASSWORD_WEAK, Location(field="password"), min=MIN_LENGTH)


@dataclass(frozen=True)
class Passwords:
    """Hashes and checks passwords with one set of Argon2id parameters."""

    hasher: PasswordHasher
    #: for accounts whose password is published anyway (the demo prints them): cheap to create, and
    #: upgraded to the full parameters at the first sign-in (see :meth:`needs_rehash`)
    published: PasswordHasher

    @cached_property
    def dummy(self) -> str:
        """Verified against when the user does not exist, so both paths cost the same time (made lazily)."""
        return self.hasher.hash("raqmana-no-such-user")

    def hash(self, password: str) -> str:
        check_policy(password)
        return self.hasher.hash(password)

    def hash_published(self, password: str) -> str:
        check_policy(password)
        return self.published.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        try:
            return self.hasher.verify(stored_hash or self.dummy, password) and stored_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored_hash)
        except InvalidHashError:
            return False


@cache
def passwords(cost: Cost = "standard") -> Passwords:
    """The hasher for a cost: ``standard`` (argon2-cffi's defaults, RFC 9106 low-memory: 64 MiB, 3 passes)
    or ``minimal`` (8 KiB, 1 pass: for test suites; the settings refuse it in production)."""
    if cost == "minimal":
        tiny = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
        return Passwords(tiny, tiny)
    return Passwords(PasswordHasher(), PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))


def of(session: Session) -> Passwords:
    """The hasher of the workspace that opened ``session`` (standard parameters for a bare session)."""
    found = session.info.get(SESSION_KEY)
    return found if isinstance(found, Passwords) else passwords()


def hash_password(password: str) -> str:
    """Hash with the standard parameters (use ``of(session).hash`` inside a workspace)."""
    return passwords().hash(password)


def hash_published_password(password: str) -> str:
    return passwords().hash_published(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    return passwords().verify(stored_hash, password)


def needs_rehash(stored_hash: str) -> bool:
    return passwords().needs_rehash(stored_hash)
