"""What a screen or a command asks of a document, dictionary or glossary: search, lookup
ranking, known share."""
