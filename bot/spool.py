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

    def keep_only(self, remaining: list[Incoming]) -> None:
        """Replace the file with `remaining` (atomically); remove it when empty."""
        with self._lock:
            if not remaining:
                self.path.unlink(missing_ok=True)
                return
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text("".join(json.dumps(i.to_payload(), ensure_ascii=False) + "\n"
                                         for i in remaining), encoding="utf-8")
            os.replace(temporary, self.path)

    def __len__(self) -> int:
        return len(self.waiting())
