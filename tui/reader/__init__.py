"""The reader: the screen that shows a document (:mod:`tui.reader.screen`) and the small
controllers its keys hand over to (scripts, learning, searching, library, commands)."""
