"""Polite greetings."""


def greet(name: str) -> str:
    """Returns a greeting for ``name``."""
    return f"Hello, {name}!"
