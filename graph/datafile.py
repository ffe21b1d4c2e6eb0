"""The project's data files (vocabularies, cues, templates) are YAML read at every start, in every worker process:
read with libyaml when PyYAML has it, about nine times faster than the pure-Python parser, same result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML file, safely loaded."""
    return yaml.load(path.read_text("utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
