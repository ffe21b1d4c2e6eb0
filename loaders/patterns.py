"""Loads ``patterns.yaml`` once; the layout patterns live there, not in code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph.datafile import read_yaml

PATTERNS: dict[str, Any] = read_yaml(Path(__file__).with_name("patterns.yaml"))
# the closing line of a letter ("Med vennlig hilsen"): used by the block splitter, parts and authorship
CLOSING = re.compile(PATTERNS["closing"], re.IGNORECASE)
