"""Text processing for zhread.

Nothing under this package may import Textual or Rich: the command-line tools and any other
front end use it directly, and a test proves the rule holds.
"""
