"""Documents of every supported format, built in the tests themselves: a web page with its
navigation and footer, an EPUB whose spine disagrees with its file names, Markdown."""

from __future__ import annotations

import io
import zipfile

#: The article of :func:`web_page`; none of its navigation or footer words appear in it.
ARTICLE_TITLE = "銀行業的長期計劃"
ARTICLE = (
    "今天，多家銀行宣布了新的長期計劃，希望在未來十年內改善服務質量。這項計劃得到了政府的大力支持。",
    "專家表示，這項計劃將對整個金融行業產生深遠的影響，特別是在數字化轉型方面。許多客戶已經開始使用手機銀行。",
    "記者在現場看到，許多市民對此表示歡迎，認為這是一個好消息。",
)
NAVIGATION = ("首頁導航", "國際頻道", "體育頻道", "娛樂頻道")
FOOTER = "版權所有翻印必究聯繫我們"


def web_page(charset: str = "utf-8") -> str:
    """A news page as a browser saves it: header, menu, sidebar, article, footer."""
    menu = "".join(f'<li><a href="/{n}">{word}</a></li>' for n, word in enumerate(NAVIGATION))
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE)
    sidebar = (
        '<aside><h3>熱門文章</h3><ul><li><a href="/a">股市大漲</a></li>'
        '<li><a href="/b">天氣預報</a></li></ul></aside>'
    )
    return f"""<!DOCTYPE html>
<html lang="zh-Hant"><head><meta charset="{charset}">
<title>{ARTICLE_TITLE} - 新聞網</title>
<script>var tracking = "追蹤代碼";</script><style>body {{ color: red }}</style></head>
<body>
<header><div class="logo">新聞網</div><nav><ul>{menu}</ul></nav></header>
<div class="page"><main><article>
<h1>{ARTICLE_TITLE}</h1>
{paragraphs}
</article></main>
{sidebar}
</div>
<footer><p>{FOOTER}</p><p><a href="/privacy">隱私政策</a></p></footer>
</body></html>"""


#: The chapters of :func:`epub`, in reading order: (file name, title, text).
CHAPTERS = (
    ("zz-first.xhtml", "第一章 出發", "這是第一章，我們從台北出發。"),
    ("aa-second.xhtml", "第二章 到達", "這是第二章，我們到了香港。"),
)
BOOK_TITLE = "旅行之書"


def epub(*, spine: bool = True, opf: bool = True, chapters=CHAPTERS) -> bytes:
    """An EPUB 3 whose spine order is not the alphabetical (nor the manifest) order."""
    items = "".join(
        f'<item id="c{n}" href="text/{name}" media-type="application/xhtml+xml"/>'
        for n, (name, _, _) in reversed(list(enumerate(chapters)))
    )
    refs = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    toc = "".join(f'<li><a href="text/{name}">{title}</a></li>' for name, title, _ in chapters)
    package = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>
<dc:title>{BOOK_TITLE}</dc:title><dc:language>zh</dc:language></metadata>
<manifest>{items}
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
</manifest>
{f"<spine>{refs}</spine>" if spine else ""}</package>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml",
            """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>""",
        )
        if opf:
            archive.writestr("OEBPS/content.opf", package)
        archive.writestr(
            "OEBPS/nav.xhtml",
            f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>目錄</title></head><body><nav epub:type="toc"><ol>{toc}</ol></nav></body></html>""",
        )
        for name, _title, text in chapters:
            archive.writestr(
                f"OEBPS/text/{name}",
                f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{name}</title></head>
<body><section><p>{text}</p></section></body></html>""",
            )
    return buffer.getvalue()


MARKDOWN = """---
layout: post
title: 不該出現的前言
---
# 簡單的**標題**

第一段有[一個連結](https://example.com/very/long/url)和`代碼`，
還有第二行。

- 項目一
- 項目二 ![圖片說明](picture.png)

1. 第一步
2. 第二步

> 引用的話。
"""
