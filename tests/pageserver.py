"""A web server on 127.0.0.1 serving the pages the fetch tests read: Chinese articles in
UTF-8, GBK (named only in the header) and Big5 (named only in ``<meta>``), a redirect and a
redirect loop, a slow answer, a 404, bodies over the size cap and an image."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PARAGRAPHS = (
    "銀行的長期計劃很好，我們明天見。這是一篇關於城市交通的文章，"
    "作者在文章裡仔細說明了地鐵和公車的變化。",
    "市政府今年決定增加公車路線，並且延長地鐵的營運時間，讓更多市民可以方便地上下班。",
    "許多居民表示，新的路線讓他們每天節省了不少時間，也減少了開車的需要。",
)

TITLE = "城市交通的新變化"

#: How long the slow page waits before it answers; the tests give up well before.
SLOW_SECONDS = 5.0


def article(charset_meta: str | None = None) -> str:
    """A page with a title, navigation and an article, as a news site's."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{TITLE}</title></head><body>"
        f"<nav><a href='/'>首頁</a></nav><article><h1>{TITLE}</h1>{paragraphs}</article>"
        "</body></html>"
    )


#: Each path's status, headers and body.
PAGES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/utf8.html": (
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        article("utf-8").encode("utf-8"),
    ),
    "/gbk.html": (
        200,
        {"Content-Type": "text/html; charset=GBK"},
        article().replace("銀行", "银行").encode("gbk", "replace"),
    ),
    "/big5.html": (200, {"Content-Type": "text/html"}, article("big5").encode("big5")),
    "/story.txt": (
        200,
        {"Content-Type": "text/plain"},
        "\n".join(PARAGRAPHS).encode("utf-8"),
    ),
    "/moved": (302, {"Location": "/utf8.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-ftp": (302, {"Location": "ftp://127.0.0.1:1/story.txt"}, b""),
    "/to-file": (302, {"Location": "file:///etc/hostname"}, b""),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(256)),
}

#: Larger than the cap the tests set (see ``small_cap``).
BIG = b"<p>" + "很長的文章。".encode() * 1000 + b"</p>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, {"Content-Type": "text/plain"}, "慢".encode())
        elif self.path == "/big":
            self._send(200, {"Content-Type": "text/html"}, BIG)
        elif self.path == "/big-unannounced":
            self._send(200, {"Content-Type": "text/html"}, BIG, length=False)
        elif self.path == "/agent":  # what the client said it is
            agent = self.headers.get("User-Agent", "")
            self._send(200, {"Content-Type": "text/plain; charset=utf-8"}, agent.encode())
        elif self.path in PAGES:
            self._send(*PAGES[self.path])
        else:
            self._send(404, {"Content-Type": "text/html"}, b"<p>not here</p>")

    def _send(self, status: int, headers: dict[str, str], body: bytes, length: bool = True) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (too large, timed out)
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet test output


@pytest.fixture
def site() -> Iterator[str]:
    """The server's base address, e.g. ``http://127.0.0.1:40123``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
