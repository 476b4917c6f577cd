"""Offline understanding: one message in, one `Parse` out, no network."""
from handlers.understanding.core import understand
from handlers.understanding.model import Parse

__all__ = ["Parse", "understand"]
