"""Understanding: one message in, one `Parse` out. The rules here read it offline (no network, no
store: the team's customers and members are passed in); llm/ is the model's path beside them
(hybrid.py decides when it is asked, reconcile.py what of its answer stands)."""
from handlers.understanding.core import understand
from handlers.understanding.model import Parse

__all__ = ["Parse", "understand"]
