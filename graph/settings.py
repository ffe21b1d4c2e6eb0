"""All configuration in one place, read from environment variables (prefix ``INNSPILL_``).

It lives in the core (``graph``), so the CLI (``innspill``), the API (``api``) and the store agree on defaults
without the core importing either of them. ``innspill.settings`` re-exports it for older imports.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent  # the checkout (data/, tests/); site-packages when installed
MB = 1024 * 1024  # every limit in "MB" means this many bytes: the setting, the refusal messages


class SettingsError(ValueError):
    """A setting from the environment that cannot be used; the message is one line naming the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INNSPILL_", extra="ignore")

    home: Path = Field(default=Path(".innspill"), description="Working folder for the embedded store.")
    graph: str = Field(default="embedded:", description="Store URI: embedded:[folder], bolt://, neo4j://")
    graph_name: str = Field(default="innspill", description="Graph name inside FalkorDB.")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str = Field(default="", validation_alias="NEO4J_PASSWORD")
    neo4j_database: str | None = Field(default=None, validation_alias="NEO4J_DATABASE")
    query_timeout_ms: int = Field(default=10_000, ge=1)
    max_file_mb: float = Field(default=50.0, gt=0, description="Largest file to load or upload, in MB (2**20 bytes).")
    max_pages: int = Field(default=2_000, ge=1)
    workers: int | None = Field(default=None, ge=1, description="Ingest processes (default: the CPUs).")
    api_key: str | None = None
    cors_origins: str = ""
    corpus_dir: Path = PROJECT_ROOT / "data" / "corpus"
    cypher_dir: Path = PACKAGE_DIR / "cypher"  # package data: there when installed too
    gold_dir: Path = PROJECT_ROOT / "tests" / "fixtures" / "gold"
    devset_dir: Path = PROJECT_ROOT / "tests" / "fixtures" / "genre"
    questions_dir: Path = PROJECT_ROOT / "tests" / "fixtures" / "questions"  # dev.yaml (and the held-out set)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)


def _variable(field: str) -> str:
    info = Settings.model_fields.get(field)
    alias = info.validation_alias if info else None
    return alias if isinstance(alias, str) else f"INNSPILL_{field.upper()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings; a value that cannot be used raises :class:`SettingsError` with one readable line, such as
    ``INNSPILL_WORKERS=0: must be at least 1``."""
    try:
        return Settings()
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            field = str(e["loc"][0]) if e["loc"] else "?"
            message = e["msg"].replace("Input should be", "must be").replace("greater than or equal to", "at least")
            problems.append(f"{_variable(field)}={e.get('input')!s}: {message}")
        raise SettingsError("; ".join(problems)) from None
