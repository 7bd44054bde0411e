"""Readings and meanings: CC-CEDICT, its index, pinyin and zhuyin, HSK levels and word lists."""
