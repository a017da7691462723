"""Error codes of the command line itself (options, files), before any domain reads the input.

Arabic and Sorani in the gettext catalogues (msgctxt = code); ``docs/errors.md`` lists every catalogue
(``raqmana framework errors --markdown``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from raqmana.i18n.catalog import ui
from raqmana.problems import Code

UNKNOWN_LANG = Code("CLI001", "'{value}' is not a language of raqmana: use {known}.")
BAD_OUTPUT_SUFFIX = Code("CLI002", "Cannot write '{value}': the file name must end in {known}.")
CANNOT_USE_PATH = Code("CLI003", "Cannot use {path}: {reason}.")
NO_ASSESSMENT = Code(
    "CLI004", "There is no assessment in this workspace: run `raqmana demo` or open a round first."
)
NOT_A_FOLDER = Code(
    "CLI005", "Cannot write to {path}: the folder cannot be created because {file} is a file, not a folder."
)
FILE_NOT_FOUND = Code("CLI006", "The file {path} does not exist.")
BAD_SETTING = Code("CLI007", "The setting RAQMANA_{name} cannot be used: {reason}.")
NO_PRODUCTION_SECRET = Code(
    "CLI008",
    "raqmana runs in production (RAQMANA_ENVIRONMENT=production) and needs its own secret key: put at least "
    "32 random characters in a file (e.g. `openssl rand -hex 32 > /etc/raqmana/secret_key`) and name it in "
    "RAQMANA_SECRET_KEY_FILE.",
)
NO_AUDIT_KEY = Code(
    "CLI009",
    "No audit key is set: put at least 32 random characters in a file kept outside the database and the "
    "backups (e.g. `openssl rand -hex 32 > /etc/raqmana/audit_key`) and name it in RAQMANA_AUDIT_KEY_FILE.",
)
BAD_CHECKPOINT = Code("CLI010", "{path} is not an audit checkpoint of raqmana ({reason}).")
AUDIT_BROKEN = Code(
    "CLI011",
    "The audit chain does not verify ({count} problem(s), see `raqmana audit verify`): nothing was signed or written.",
)
BACKUP_NOT_AN_ARCHIVE = Code("CLI012", "{path} is not a raqmana backup ({reason}); nothing was changed.")
BACKUP_CHECKSUM = Code(
    "CLI013",
    "The backup {path} is damaged: {member} does not match its checksum in the manifest; nothing was changed.",
)
BACKUP_NEWER_SCHEMA = Code(
    "CLI014",
    "The backup {path} has schema revision {revision}, newer than this raqmana knows ({head}): install the "
    "raqmana version that wrote it ({version}) or newer; nothing was changed.",
)
BACKUP_AUDIT = Code(
    "CLI015", "The audit chain in the backup {path} does not verify: {detail}; nothing was changed."
)
RESTORE_TARGET_IN_USE = Code(
    "CLI016",
    "The target already holds a workspace ({what}); restore into an empty data directory and database, or "
    "add --replace to overwrite it; nothing was changed.",
)
BACKUP_TOOL = Code("CLI017", "{tool} failed ({detail}); nothing was changed.")
SCHEMA_TOO_NEW = Code(
    "CLI018",
    "The database is at schema revision {revision}, made by a newer raqmana than this one (which knows up to "
    "{head}): install that raqmana version or newer, or restore a backup made by this one.",
)

ALL: tuple[Code, ...] = tuple(v for v in list(globals().values()) if isinstance(v, Code))


def file_in_the_way(path: str | os.PathLike[str]) -> Path | None:
    """The nearest existing entry of ``path`` and its parents when it is a file, not a folder (why a folder
    could not be created there: ENOTDIR, or EEXIST from ``mkdir``)."""
    p = Path(path)
    for candidate in (p, *p.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


#: the reason of an operating-system error, by errno; others keep the system's own words
OS_REASONS: dict[int, dict[str, str]] = {
    errno.ENOENT: ui("no such file or directory").as_dict(),
    errno.EACCES: ui("permission denied").as_dict(),
    errno.EPERM: ui("operation not permitted").as_dict(),
    errno.EISDIR: ui("it is a directory").as_dict(),
    errno.ENOTDIR: ui("a part of the path is not a directory").as_dict(),
    errno.ENOSPC: ui("no space left on the device").as_dict(),
    errno.EROFS: ui("the file system is read-only").as_dict(),
    errno.EEXIST: ui("it already exists").as_dict(),
}
