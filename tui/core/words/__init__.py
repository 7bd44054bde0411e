"""Segmentation: jieba with the glossary's and the dictionary's words, chunk by chunk, the
reader's place first."""
