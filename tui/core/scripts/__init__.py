"""Script conversion (OpenCC) and judging which script and region a text is written in."""
