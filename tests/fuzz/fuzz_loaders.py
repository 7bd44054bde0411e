"""Coverage-guided fuzzing of zhread's loaders with atheris, for runs longer than CI allows.

Each input is split by its first byte into one of the loaders that read outside data:
decoding a text file (with encoding detection or a named encoding), the glossary's YAML,
and segmenting and aligning whatever text that yields. A loader may refuse its input with
ZhreadError; any other exception is a bug and stops the run with the input saved.

    pip install atheris
    python tests/fuzz/fuzz_loaders.py -max_total_time=600 [CORPUS_DIR]

Not collected by pytest (the file name does not start with ``test_``); tests/test_fuzz.py
holds the bounded property tests that run in CI.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from tui.core.compare.align import align
    from tui.core.errors import ZhreadError
    from tui.core.glossary.loader import parse_glossary
    from tui.core.scripts.convert import shadow
    from tui.core.text.loading import decode
    from tui.core.words.segment import segment

ENCODINGS = (None, "utf-8", "gb18030", "big5", "big5hkscs", "utf-16", "utf-16-le", "latin-1")


def check_text(text: str) -> None:
    """Segment and align a decoded text: tokens must tile it, pairs both sides."""
    document = segment(text, shadow=shadow(text))
    if "".join(token.text for token in document.tokens) != text:
        raise AssertionError("tokens do not tile the text")
    alignment = align(document, "s2twp")
    if alignment.pairs and alignment.pairs[-1].end != len(text):
        raise AssertionError("alignment pairs do not reach the end")


def fuzz_one(data: bytes) -> None:
    if not data:
        return
    choice, body = data[0], data[1:]
    try:
        if choice % 3 == 2:
            parse_glossary(body.decode("utf-8", "replace"), "fuzz.yaml")
            return
        loaded = decode(body, encoding=ENCODINGS[choice % len(ENCODINGS)], source="<fuzz>")
    except ZhreadError:
        return  # a refusal with a message: what the loaders promise for bad input
    check_text(loaded.text[:2000])


def main() -> None:
    atheris.Setup(sys.argv, fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
