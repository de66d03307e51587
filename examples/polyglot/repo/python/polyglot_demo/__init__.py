"""Python face of the Rust extension."""

from polyglot_demo._native import triangle

__all__ = ["triangle"]
