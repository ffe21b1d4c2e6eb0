"""All configuration in one place, read from environment variables (prefix ``INNSPILL_``).

Kept in one module so the CLI, the API and the tests agree on defaults without passing them around.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INNSPILL_", extra="ignore")

    home: Path = Field(default=Path(".innspill"), description="Working folder for the embedded store.")
    graph: str = Field(default="embedded:", description="Store URI: embedded:[folder], bolt://, neo4j://")
    graph_name: str = Field(default="innspill", description="Graph name inside FalkorDB.")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str = Field(default="", validation_alias="NEO4J_PASSWORD")
    neo4j_database: str | None = Field(default=None, validation_alias="NEO4J_DATABASE")
    query_timeout_ms: int = 10_000
    max_file_mb: float = 50.0
    max_pages: int = 2_000
    workers: int | None = Field(default=None, ge=1, description="Ingest processes (default: the CPUs).")
    api_key: str | None = None
    cors_origins: str = ""
    corpus_dir: Path = PROJECT_ROOT / "data" / "corpus"
    cypher_dir: Path = PROJECT_ROOT / "graph" / "cypher"  # package data: also there when installed
    gold_dir: Path = PROJECT_ROOT / "tests" / "fixtures" / "gold"
    devset_dir: Path = PROJECT_ROOT / "tests" / "fixtures" / "genre"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
