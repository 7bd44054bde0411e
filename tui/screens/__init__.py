"""Screens of the zhread app."""
