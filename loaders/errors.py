"""One error type for every input the loader refuses, naming the file and the reason."""

from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    def __init__(self, path: str | Path, reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{Path(path).name}: {reason}")
