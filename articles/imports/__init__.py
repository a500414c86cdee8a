"""Importing files as articles."""

from .storing import import_file

__all__ = ["import_file"]
