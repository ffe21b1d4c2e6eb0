"""Progress of a long ingest on stderr, with files/s and the file just loaded: a rich progress bar on a
terminal, plain lines otherwise (CI logs, pipes): the first file, then one line every few seconds, and the last."""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any, TextIO

from graph.identity import display


class IngestProgress:
    def __init__(self, total: int, *, stream: TextIO | None = None, every_s: float = 5.0,
                 tty: bool | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.every_s = every_s
        self.tty = _isatty(self.stream) if tty is None else tty
        self.done = 0
        self._start = self._last_line = time.monotonic()
        self._bar: Any = None

    def __enter__(self) -> IngestProgress:
        self._start = time.monotonic()
        if self.tty and self.total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(TextColumn("ingest"), BarColumn(bar_width=24), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"),
                                 TimeRemainingColumn(), TextColumn("{task.fields[current]}"),
                                 console=Console(file=self.stream, force_terminal=True), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=self.total, rate="", current="")
        return self

    def advance(self, path: str | os.PathLike[str]) -> None:
        """One more file done (loaded or refused); ``path`` is that file."""
        self.done += 1
        now = time.monotonic()
        rate = self.done / max(now - self._start, 1e-6)
        name = display(os.path.basename(os.fspath(path)))
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{rate:.1f} files/s", current=name[:50])
        elif self.done == 1 or self.done == self.total or now - self._last_line >= self.every_s:
            self._last_line = now
            print(f"ingest: {self.done}/{self.total} files, {rate:.1f} files/s, {name}", file=self.stream,
                  flush=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
