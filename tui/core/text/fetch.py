"""Reading a web page by its address, as a saved copy of it would be read.

The bytes a server sends go through the same sniffing and HTML extraction as a file's
(:func:`tui.core.text.sources.from_bytes`); only the charset has one more source, the one
the ``Content-Type`` header names, which is believed before the page's own ``<meta>`` (as a
browser does) unless the bytes contradict it. The standard library's ``urllib`` is enough:
one GET, a bounded number of redirects, a deadline and the file size cap. Every failure is a
:class:`ZhreadError` naming the address and the reason in one line.
"""

from __future__ import annotations

import codecs
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from http import HTTPStatus
from typing import IO, TypeGuard

from tui import __version__
from tui.core.errors import ZhreadError
from tui.core.text import loading
from tui.core.text.loading import Loaded, codec_for
from tui.core.text.sources import Format, from_bytes, sniff

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "Fetched",
    "fetch",
    "fetched_at",
    "is_url",
    "load_url",
]

#: Seconds a whole fetch may take, connecting and reading together.
DEFAULT_TIMEOUT = 20.0
#: Redirects followed before giving up: enough for http→https→www→a login-free copy.
MAX_REDIRECTS = 10

USER_AGENT = f"zhread/{__version__} (terminal reader for Chinese text)"

#: Media types read as a page; anything else (images, archives, PDFs) is refused by name.
_FORMATS: dict[str, Format | None] = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/epub+zip": Format.EPUB,
    "text/markdown": Format.MARKDOWN,
    "text/x-markdown": Format.MARKDOWN,
    "application/xml": None,
    "application/octet-stream": None,  # what a misconfigured server says of a .txt
    "": None,
}

#: Charsets pages name for a narrower encoding than the one they are really written in.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030"}

_CHUNK = 256 * 1024

#: When each address read in this process was fetched, so that keeping the page later (the
#: reader's *Keep this page*) records the time its text is from, not the time it was kept.
_FETCHED: dict[str, datetime] = {}


@dataclass(frozen=True)
class Fetched:
    """A page's bytes and what the server said about them."""

    url: str
    data: bytes
    media_type: str
    charset: str | None
    fetched_at: datetime


def is_url(name: str | None) -> TypeGuard[str]:
    """Whether a command-line argument is a web address rather than a file name."""
    return name is not None and name[:8].lower().startswith(("http://", "https://"))


def load_url(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, encoding: str | None = None
) -> tuple[Loaded, Fetched]:
    """The page at ``url`` as the reader shows it (source: the address asked for), with the
    fetch it came from (for keeping it)."""
    fetched = fetch(url, timeout=timeout)
    kind = _format_of(fetched)
    if encoding is None:
        encoding = _header_codec(fetched)
    loaded = from_bytes(fetched.data, url, kind, encoding=encoding)
    _FETCHED[url] = fetched.fetched_at
    return loaded, fetched


def fetched_at(url: str) -> datetime | None:
    """When the page at ``url`` was last read in this process, if it was."""
    return _FETCHED.get(url)


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET ``url``, following redirects, within ``timeout`` seconds and the size cap."""
    if not is_url(url):
        raise ZhreadError("not a web address (http:// or https://)", url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    opener = urllib.request.build_opener(_Redirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            data = _read(response, headers, url, deadline)
            final = response.geturl()
    except (OSError, http.client.HTTPException, ValueError) as error:  # said in one line
        raise ZhreadError(_reason(error, timeout), url) from None
    charset = headers.get_content_charset()
    return Fetched(final, data, headers.get_content_type(), charset, _now())


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Redirects within the web only: urllib would also follow one to ftp://."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = urllib.parse.urljoin(req.full_url, newurl)
        if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(target, code, "redirection not allowed", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _read(response: http.client.HTTPResponse, headers: Message, url: str, deadline: float) -> bytes:
    """The body, refused before reading when the server announces too much, and stopped one
    chunk past the cap (or at the deadline) when it does not say. Each read takes what has
    arrived, so a server that trickles bytes still meets the deadline."""
    limit = loading.MAX_BYTES
    length = headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise ZhreadError(_too_large(f"{int(length):,}"), url)
    _check_media_type(headers.get_content_type(), url)
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ZhreadError(_too_large(f"more than {limit:,}"), url)
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def _too_large(amount: str) -> str:
    return f"page is too large ({amount} bytes; the limit is {loading.MAX_BYTES:,} bytes)"


def _check_media_type(media_type: str, url: str) -> None:
    if media_type in _FORMATS or media_type.startswith("text/") or media_type.endswith("+xml"):
        return
    raise ZhreadError(f"not a text or HTML page ({media_type})", url)


def _format_of(fetched: Fetched) -> Format:
    """What the server says it is when that is telling; otherwise what the bytes look like."""
    return _FORMATS.get(fetched.media_type) or sniff(fetched.data)


def _header_codec(fetched: Fetched) -> str | None:
    """The header's charset as zhread decodes it, or ``None`` when it names none, one Python
    does not know, or one the bytes do not decode in (then the page's ``<meta>`` and
    detection decide, as for a file)."""
    if not fetched.charset:
        return None
    name = fetched.charset.strip().lower()
    try:
        codec = codec_for(_SUPERSETS.get(name, name))
        fetched.data.decode(codec)
    except (ZhreadError, UnicodeDecodeError, LookupError):
        return None
    return "utf-8-sig" if codec == "utf-8" and fetched.data.startswith(codecs.BOM_UTF8) else codec


def _reason(error: BaseException, timeout: float) -> str:
    """One line for what went wrong, in the user's terms."""
    if isinstance(error, urllib.error.HTTPError):
        return _http_reason(error)
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, TimeoutError | socket.timeout):
        return f"timed out (no answer within {timeout:g} s)"
    if isinstance(error, socket.gaierror):
        return "DNS failure (no such host, or no network)"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, ConnectionError | http.client.HTTPException):
        return f"connection failed ({type(error).__name__})"
    if isinstance(error, ssl.SSLError):
        return f"TLS failure ({error.reason or error})"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot fetch ({error.strerror})"
    if isinstance(error, urllib.error.URLError):
        return f"cannot fetch ({error.reason})"
    return f"cannot fetch ({' '.join(str(error).split()) or type(error).__name__})"


def _http_reason(error: urllib.error.HTTPError) -> str:
    if 300 <= error.code < 400:
        if "not allowed" in str(error.reason):
            return "redirected to an address that is not http:// or https://"
        return f"too many redirects (more than {MAX_REDIRECTS}, or a loop)"
    try:
        phrase = HTTPStatus(error.code).phrase
    except ValueError:
        phrase = " ".join(str(error.reason).split())
    return f"HTTP {error.code} {phrase}".rstrip()
