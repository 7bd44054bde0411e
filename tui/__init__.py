"""zhread: a terminal reader for Chinese text."""

__version__ = "0.1.0"
