"""Loads ``patterns.yaml`` once; the layout patterns live there, not in code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PATTERNS: dict[str, Any] = yaml.safe_load((Path(__file__).with_name("patterns.yaml")).read_text("utf-8"))
