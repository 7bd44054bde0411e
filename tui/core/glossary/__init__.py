"""The glossary: its entries and matcher, its layers, notes for one text, inline glosses, term
candidates and term use."""
