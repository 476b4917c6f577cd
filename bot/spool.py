"""Messages received while the store is unreachable, kept in a local file until it is back.

Each line is one update (its inbox payload). Draining hands them to the pipeline, which
claims each in the store's inbox, so an update drained twice (a crash mid-drain) is still
applied once. Every change to the file happens under a lock other processes respect too
(`crmbot forget` erases queued updates that name a forgotten customer while the bot may be
draining), and applied updates are removed by who they are, never by position.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from bot.incoming import Incoming


def _payload(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _identity(payload: dict[str, Any]) -> tuple[str, str]:
    return str(payload.get("platform")), f"{payload.get('chat_id')}:{payload.get('message_id')}"


class Spool:
    """An append-only file of updates waiting for the store."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """This process's threads and other processes, one at a time (a lock file beside the spool)."""
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path.with_name(self.path.name + ".lock"), "a") as guard:
                fcntl.flock(guard, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(guard, fcntl.LOCK_UN)

    def put(self, incoming: Incoming) -> None:
        """Keep `incoming` on disk (flushed and synced before returning)."""
        line = json.dumps(incoming.to_payload(), ensure_ascii=False) + "\n"
        with self._locked():
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())

    def waiting(self) -> list[Incoming]:
        """The updates on disk, oldest first (a torn last line is skipped)."""
        items = []
        for payload in self._payloads():
            try:
                items.append(Incoming.from_payload(payload))
            except (ValueError, TypeError):
                continue
        return items

    def _payloads(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        return [p for p in map(_payload, self.path.read_text(encoding="utf-8").splitlines()) if p is not None]

    def drop(self, applied: Iterable[Incoming]) -> None:
        """Remove the updates that were applied, keeping any that arrived (or stayed) beside them."""
        gone = {(i.platform, i.key) for i in applied}
        if gone:
            self._rewrite(lambda payload: _identity(payload) in gone)

    def erase(self, matches: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """Remove, for good, the queued updates `matches` picks (a forgotten customer's); they are returned."""
        return self._rewrite(matches)

    def find(self, matches: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """The queued updates `matches` picks, left in place."""
        return [payload for payload in self._payloads() if matches(payload)]

    def _rewrite(self, remove: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """Keep the lines `remove` does not pick (torn lines go too); the removed updates."""
        with self._locked():
            if not self.path.exists():
                return []
            kept, removed = [], []
            for line in self.path.read_text(encoding="utf-8").splitlines(keepends=True):
                payload = _payload(line)
                if payload is None:
                    continue
                if remove(payload):
                    removed.append(payload)
                else:
                    kept.append(line if line.endswith("\n") else line + "\n")
            if not kept:
                self.path.unlink(missing_ok=True)
                return removed
            temporary = self.path.with_suffix(".tmp")
            with temporary.open("w", encoding="utf-8") as handle:
                handle.write("".join(kept))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
            return removed

    def __len__(self) -> int:
        return len(self._payloads())
