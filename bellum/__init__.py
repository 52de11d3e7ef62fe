"""bellum: battle articles into a structured, source-attributed conflict database.

    >>> import bellum
    >>> kb = bellum.open("bellum.db")        # a knowledge base built by `bellum ingest`
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "open"]

if TYPE_CHECKING:
    from bellum.kb import open
else:

    def __getattr__(name: str) -> Any:
        """`bellum.open` loads the store only when asked, so `bellum extract` starts fast."""
        if name == "open":
            from bellum.kb import open

            return open
        raise AttributeError(f"module 'bellum' has no attribute {name!r}")
