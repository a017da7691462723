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

_INSECURE_SECRET = "insecure-development-secret-change-me"


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
    max_upload_mb: int = Field(20, ge=1, le=1024, description="Largest evidence file accepted, in MiB.")
    secure_cookies: bool = Field(False, description="Mark cookies Secure (set when served behind TLS).")
    login_attempts: int = Field(5, ge=1, description="Failed logins before an account is locked for a while.")
    web_threads: int = Field(
        4,
        ge=1,
        le=64,
        description="Request threads per web worker process. Pages are mostly Python work that "
        "holds the interpreter lock: a few threads per process (and one process per core) serve more pages than many.",
    )
    job_lease_seconds: float = Field(
        3600.0,
        gt=0,
        description="A running job older than this whose worker cannot be checked (it runs on another "
        "machine) counts as abandoned and is queued again. Set it above the longest job (e.g. a batch of reports).",
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
    inline_worker: bool = Field(
        False,
        description="Also run queued jobs (reports, imports) in a thread of the web app; for the demo and tests "
        "(production runs `raqmana worker`).",
    )

    @model_validator(mode="after")
    def _refuse_insecure_production(self) -> Settings:
        if self.environment == "production":
            if self.secret_key == _INSECURE_SECRET or len(self.secret_key) < 32:
                raise ValueError(
                    "RAQMANA_SECRET_KEY must be set to a random value of at least 32 characters in production"
                )
        return self

    @property
    def digit_shape(self) -> str | None:
        """``digits`` as the formatters and reports take it: "latn", "arab" or None for the language's own."""
        return None if self.digits == "locale" else self.digits

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'raqmana.sqlite3').resolve()}"


def get_settings(**overrides: object) -> Settings:
    """Build the settings from the environment (and ``*_FILE`` secrets), with explicit overrides."""
    file_secret = os.environ.get("RAQMANA_SECRET_KEY_FILE")
    if file_secret and "secret_key" not in overrides:
        overrides["secret_key"] = Path(file_secret).read_text(encoding="utf-8").strip()
    return Settings(**overrides)  # type: ignore[arg-type]
