"""Text: file bytes, web pages, EPUB and Markdown to plain, safe text (sources, decoding,
sanitising)."""
