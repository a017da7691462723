"""Password hashing with Argon2id (argon2-cffi) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from raqmana.problems import Location
from raqmana.workspace import errors as E
from raqmana.workspace.exceptions import ValidationFailed

MIN_LENGTH = 10
MAX_LENGTH = 1024
_hasher = PasswordHasher()
#: for accounts whose password is published anyway (the demo prints them): cheap to create, and
#: upgraded to the full-strength parameters at the first sign-in (see :func:`needs_rehash`)
_published_hasher = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
#: verified against when the user does not exist, so both paths cost the same time
_DUMMY = _hasher.hash("raqmana-no-such-user")


def check_policy(password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_LENGTH or len(password) > MAX_LENGTH:
        raise ValidationFailed.one(E.PASSWORD_WEAK, Location(field="password"), min=MIN_LENGTH)


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def hash_published_password(password: str) -> str:
    check_policy(password)
    return _published_hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False
