"""The document model: tokens over the text, character classes, sentences and ranges."""
