"""bellum: battle articles into a structured, source-attributed conflict database."""

__version__ = "0.1.0"
