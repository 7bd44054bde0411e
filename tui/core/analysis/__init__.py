"""Skim analysis: people and organisations, quotes and speakers, keywords, outline and
statistics."""
