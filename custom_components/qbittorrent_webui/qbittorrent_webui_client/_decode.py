"""Decode JSON answers; large ``sync/maindata`` ones without a full copy.

A first sync of a large library is hundreds of MiB of JSON. Decoded whole it
exists three times at once: the body, its text, and the full objects of every
torrent (some 70 fields each, of which the client keeps 28). The maindata
decoder instead turns the body into text a window at a time and reduces each
torrent to what the caller keeps as soon as that torrent is parsed, so the
peak is the body plus what is kept.

Only the document's outline (the top-level object and its ``torrents`` map)
is walked here; every value is parsed by the standard library's scanner. Any
answer whose outline is not the expected one is decoded again by
``json.loads``, so the result (or the error) is always the one ``json.loads``
gives, apart from the reduction.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

# Text decoded per step: large next to a torrent (~1.5 KiB), small next to a
# library (a window costs 1-4 bytes per byte of body, by the widest character).
WINDOW_BYTES = 1024 * 1024

_NOT_WHITESPACE = re.compile(r"[^ \t\n\r]")
# strict=False (here and in decode_json): 3.1.x leaves control characters
# unescaped in strings.
_DECODER = json.JSONDecoder(strict=False)


def decode_json(body: bytes | bytearray) -> Any:
    """Decode a whole body as UTF-8 JSON (undecodable bytes replaced).

    Raises:
        ValueError: The body is not valid JSON.
    """
    return json.loads(body.decode("utf-8", errors="replace"), strict=False)


def decode_maindata(body: bytes | bytearray, each_torrent: Callable[[Any], Any]) -> Any:
    """Decode like :func:`decode_json`, passing each torrent to ``each_torrent``.

    Each value of the top-level ``torrents`` object is replaced by what
    ``each_torrent`` returns for it, as soon as it is decoded.

    Raises:
        ValueError: The body is not valid JSON.
    """
    if len(body) > WINDOW_BYTES:
        try:
            return _Outline(body, each_torrent).document()
        except _UnexpectedOutlineError:
            pass  # left here, so the partial result is freed first
    return _reduced(decode_json(body), each_torrent)


def _reduced(document: Any, each_torrent: Callable[[Any], Any]) -> Any:
    if isinstance(document, dict) and isinstance(
        torrents := document.get("torrents"), dict
    ):
        document["torrents"] = {
            key: each_torrent(value) for key, value in torrents.items()
        }
    return document


class _UnexpectedOutlineError(Exception):
    """Not an object with well-formed members: let ``json.loads`` decide."""


class _Outline:
    """Walks the outline of a maindata document over a sliding text window."""

    def __init__(
        self, body: bytes | bytearray, each_torrent: Callable[[Any], Any]
    ) -> None:
        self._body = memoryview(body)
        self._decoded = 0
        self._utf8 = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._each_torrent = each_torrent
        self._text = ""
        self._pos = 0

    def document(self) -> Any:
        """The whole document, its torrents reduced."""
        try:
            result = self._object(self._top_level_member)
            if self._next_char():
                raise _UnexpectedOutlineError  # extra data after the document
            return result
        finally:
            self._body.release()

    def _top_level_member(self, key: str) -> Any:
        if key == "torrents" and self._next_char() == "{":
            return self._object(lambda _hash: self._each_torrent(self._value()))
        return self._value()

    def _object(self, member: Callable[[str], Any]) -> dict[str, Any]:
        if self._next_char() != "{":
            raise _UnexpectedOutlineError
        self._pos += 1
        result: dict[str, Any] = {}
        if self._next_char() == "}":
            self._pos += 1
            return result
        while True:
            if self._next_char() != '"':
                raise _UnexpectedOutlineError
            key = self._value()
            if self._next_char() != ":":
                raise _UnexpectedOutlineError
            self._pos += 1
            self._next_char()
            result[key] = member(key)
            separator = self._next_char()
            self._pos += 1
            if separator == "}":
                return result
            if separator != ",":
                raise _UnexpectedOutlineError

    def _next_char(self) -> str:
        """Skip whitespace; the next character, or "" at the end."""
        while True:
            found = _NOT_WHITESPACE.search(self._text, self._pos)
            if found is not None:
                self._pos = found.start()
                return self._text[self._pos]
            self._pos = len(self._text)
            if not self._decode_more():
                return ""

    def _value(self) -> Any:
        """Parse the value at the position, widening the window as needed."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self._text, self._pos)
            except ValueError:
                # Cut by the window's end, or malformed: json.loads tells.
                if self._decode_more():
                    continue
                raise _UnexpectedOutlineError from None
            # A number ending the window may go on in the next one.
            if end == len(self._text) and self._decode_more():
                continue
            self._pos = end
            return value

    def _decode_more(self) -> bool:
        """Append the next window of text to the unparsed rest; False at the end."""
        body = self._body
        if self._decoded >= len(body):
            return False
        # Grow with the value being parsed, so a huge one is rescanned rarely.
        rest = self._text[self._pos :]
        end = min(len(body), self._decoded + max(WINDOW_BYTES, len(rest)))
        self._text = rest + self._utf8.decode(
            body[self._decoded : end], final=end == len(body)
        )
        self._pos = 0
        self._decoded = end
        return True
