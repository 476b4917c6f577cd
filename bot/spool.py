"""Messages received while the store is unreachable, kept in a local file until it is back.

Each line is one update (its inbox payload). Draining hands them to the pipeline, which
claims each in the store's inbox, so an update drained twice (a crash mid-drain) is still
applied once.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from bot.incoming import Incoming


def _readable(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class Spool:
    """An append-only file of updates waiting for the store."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def put(self, incoming: Incoming) -> None:
        """Keep `incoming` on disk (flushed and synced before returning)."""
        line = json.dumps(incoming.to_payload(), ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())

    def waiting(self) -> list[Incoming]:
        """The updates on disk, oldest first (a torn last line is skipped)."""
        if not self.path.exists():
            return []
        items = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                items.append(Incoming.from_payload(json.loads(line)))
            except (ValueError, TypeError):
                continue
        return items

    def drop_first(self, count: int) -> None:
        """Remove the `count` oldest updates (the ones applied), keeping any that arrived since."""
        with self._lock:
            if count <= 0 or not self.path.exists():
                return
            lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
            cut = 0
            for cut, line in enumerate(lines, 1):  # noqa: B007  (`cut` is where the loop stopped; torn lines count for nothing)
                count -= _readable(line)
                if count <= 0:
                    break
            rest = lines[cut:]
            if not rest:
                self.path.unlink(missing_ok=True)
                return
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text("".join(rest), encoding="utf-8")
            os.replace(temporary, self.path)

    def __len__(self) -> int:
        return len(self.waiting())
