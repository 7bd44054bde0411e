"""Widgets of the zhread app."""
