"""Settings: one typed object built by :func:`get_settings`, never at import time.

Every setting reads the environment variable ``RAQMANA_<NAME>`` (or a ``.env`` file); secrets may
come from a file named by ``RAQMANA_<NAME>_FILE``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_INSECURE_SECRET = "insecure-development-secret-change-me"  # nosec B105  # the development default, refused in production


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAQMANA_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        "development", description="development, test or production; production refuses insecure defaults."
    )
    data_dir: Path = Field(
        Path("raqmana-data"), description="Holds the SQLite database, evidence and generated files."
    )
    database_url: str = Field("", description="SQLAlchemy URL; empty means SQLite in the data directory.")
    secret_key: str = Field(_INSECURE_SECRET, description="Signs session cookies and CSRF tokens.")
    default_locale: Literal["ar", "ckb", "en"] = Field(
        "ar", description="Language for users who have not chosen one."
    )
    digits: Literal["latn", "arab", "locale"] = Field(
        "locale", description="Digits in the UI and reports: latn (0-9), arab (٠-٩) or the locale's own."
    )
    country: str = Field(
        "",
        description="The country whose defaults rounds and roadmaps use (lead institution, peers, target "
        "stage, planning start, horizon, capacity): an ISO3 code of a built-in country file or a country "
        "file's path; empty: the country file of each round's framework pack (docs/countries.md).",
    )
    max_upload_mb: int = Field(20, ge=1, le=1024, description="Largest evidence file accepted, in MiB.")
    secure_cookies: bool = Field(
        False,
        description="Mark cookies Secure and send Strict-Transport-Security (served behind TLS); "
        "on by default in production.",
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For "
        "and X-Forwarded-Proto headers are believed; empty: those headers are ignored.",
    )
    public_url: str = Field(
        "",
        pattern=r"^(https?://[^\s/?#]+(/[^\s?#]*)?)?$",
        description="The public address the portal is served at (e.g. https://services.gov.iq), written into "
        "the open data files raqmana demo exports; empty: those files refer to each other by relative paths.",
    )
    audit_key: str = Field(
        "",
        description="Key (at least 32 characters) that signs the head of the audit chain, held outside the "
        "database; read it from a file with RAQMANA_AUDIT_KEY_FILE. Empty: the chain is hashed, not signed.",
    )
    log_format: Literal["plain", "json"] = Field(
        "plain", description="Log lines as plain text or as one JSON object per line (with request ids)."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Least important log level written."
    )
    heartbeat_seconds: float = Field(
        15.0,
        gt=0,
        description="How often a worker marks the job it runs as alive; a running job whose mark is older "
        "than four of these is taken back by another worker, whichever machine it ran on.",
    )
    password_cost: Literal["standard", "minimal"] = Field(
        "standard",
        description="Argon2id parameters for passwords: standard (64 MiB, 3 passes) or minimal (8 KiB, 1 pass; "
        "for test suites only, refused in production).",
    )
    login_attempts: int = Field(
        5,
        ge=1,
        description="Failed sign-ins on one account from one address before further attempts there pause "
        "(30 seconds, doubling with each further failure up to 15 minutes; other addresses are not affected).",
    )
    web_threads: int = Field(
        4,
        ge=1,
        le=64,
        description="Request threads per web worker process. Pages are mostly Python work that "
        "holds the interpreter lock: a few threads per process (and one process per core) serve more pages than many.",
    )
    public_cache: bool = Field(
        True,
        description="Serve the public portal and the public consultation pages to visitors who are not signed in "
        "from finished answers each web process keeps (until what they show changes).",
    )
    public_cache_seconds: float = Field(
        1.0,
        ge=0.05,
        le=60,
        description="At most this many seconds pass before a change made through another process (a publication "
        "withdrawn, a comment published) shows on the kept public pages; a change made through the same process "
        "shows at once.",
    )
    public_cache_mb: int = Field(
        64, ge=1, le=4096, description="Megabytes of public pages each web process keeps at most."
    )
    job_lease_seconds: float = Field(
        3600.0,
        gt=0,
        description="A running job older than this whose worker cannot be checked (it runs on another "
        "machine) and never marked it alive counts as abandoned and is queued again (a job marked alive is "
        "taken back after four missed heartbeats instead). Set it above the longest job.",
    )
    job_attempts: int = Field(
        3,
        ge=1,
        le=100,
        description="Claims of one job before it is given up as failed (each crash of its worker costs one).",
    )
    job_check_seconds: float = Field(
        60.0, gt=0, description="How often an idle worker looks for jobs abandoned by workers that stopped."
    )
    feedback_answer_days: int = Field(
        15,
        ge=1,
        le=90,
        description="Days an institution has to answer a citizen's complaint; later answers count as late "
        'in the KPI "complaints answered on time" and the person sees the due date with the tracking number.',
    )
    participant_sender: str = Field(
        "outbox",
        pattern=r"^(outbox|[A-Za-z_][\w.]*:[A-Za-z_]\w*)$",
        description="How consultation participants get their e-mail or phone confirmation codes: `outbox` writes "
        "them to `outbox/participant-codes.jsonl` in the data directory (demo, tests); `module:factory` names "
        "a function that takes the settings and returns a sender with a `send(message)` method (SMS, SMTP).",
    )
    job_quota: int = Field(
        5,
        ge=1,
        le=1000,
        description="Jobs (reports, imports) one person may have waiting or running at once; more are refused "
        "with 429 and Retry-After. Asking again for an identical waiting job returns that job.",
    )
    job_retry_seconds: int = Field(
        30, ge=1, le=3600, description="The Retry-After (seconds) sent with a job refused over the quota."
    )
    four_eyes: bool = Field(
        True,
        description="Nobody grants a role to themselves or assigns themselves to an institution of a round; "
        "another coordinator or administrator must. Turn off only for a one-person installation.",
    )
    inline_worker: bool = Field(
        False,
        description="Also run queued jobs (reports, imports) in a thread of the web app; for the demo and tests "
        "(production runs `raqmana worker`).",
    )
    webhook_private_addresses: Literal["auto", "allow", "refuse"] = Field(
        "auto",
        description="Whether webhooks may point at private, loopback or link-local addresses (checked when "
        "registered and before each delivery); auto: allowed except in production (SSRF).",
    )
    webhook_timeout_seconds: float = Field(
        10.0, gt=0, le=120, description="Seconds a webhook receiver has to answer one delivery."
    )
    webhook_attempts: int = Field(
        8, ge=1, le=50, description="Tries of one webhook delivery before it is marked failed."
    )
    webhook_backoff_seconds: float = Field(
        30.0,
        ge=0,
        le=3600,
        description="Wait before a failed webhook delivery is tried again; doubled after each failure (at "
        "most one day).",
    )

    @model_validator(mode="after")
    def _refuse_insecure_production(self) -> Settings:
        if self.environment == "production":
            if self.secret_key == _INSECURE_SECRET or len(self.secret_key) < 32:
                raise ValueError(
                    "RAQMANA_SECRET_KEY must be set to a random value of at least 32 characters in production"
                )
            if self.password_cost != "standard":  # nosec B105  # a hashing cost name, not a password
                raise ValueError("RAQMANA_PASSWORD_COST must be standard in production")
            if "secure_cookies" not in self.model_fields_set:
                self.secure_cookies = True  # production is served over TLS (behind its reverse proxy)
        if self.audit_key and len(self.audit_key) < 32:
            raise ValueError("RAQMANA_AUDIT_KEY must be at least 32 characters long")
        return self

    @property
    def webhooks_may_reach_private(self) -> bool:
        """``webhook_private_addresses``, or its default: allowed except in production."""
        if self.webhook_private_addresses == "auto":
            return self.environment != "production"
        return self.webhook_private_addresses == "allow"

    @property
    def digit_shape(self) -> str | None:
        """``digits`` as the formatters and reports take it: "latn", "arab" or None for the language's own."""
        return None if self.digits == "locale" else self.digits

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'raqmana.sqlite3').resolve()}"


#: settings that may be read from a file named by ``RAQMANA_<NAME>_FILE`` (secrets)
FILE_SECRETS = ("secret_key", "audit_key", "database_url")


class SettingsError(ValueError):
    """The settings cannot be used: ``problems`` holds (setting name, reason in English) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in problems))
        self.problems = problems


def get_settings(**overrides: object) -> Settings:
    """Build the settings from the environment (and ``*_FILE`` secrets), with explicit overrides.
    Raises :class:`SettingsError` naming each setting that is wrong (never a pydantic traceback)."""
    from pydantic import ValidationError

    for name in FILE_SECRETS:
        file_secret = os.environ.get(f"RAQMANA_{name.upper()}_FILE")
        if file_secret and name not in overrides:
            try:
                overrides[name] = Path(file_secret).read_text(encoding="utf-8").strip()
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise SettingsError([(f"{name}_file", f"cannot read {file_secret}: {reason}")]) from None
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        found: list[tuple[str, str]] = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ())) or "settings"
            found.append((where, str(err.get("msg", "")).removeprefix("Value error, ")))
        raise SettingsError(found) from None
