"""Read an editor's text file (a data file or a page) as UTF-8, or say which line is not.

A file saved as Windows-1252 or Latin-1 would otherwise end every tool that reads it in a
UnicodeDecodeError with no file or line; here it is one DataError naming both.
"""

from __future__ import annotations

from pathlib import Path

from scripts.data.errors import EncodingError, Problem

SAVE_AS_UTF8 = (
    "UTF-8 text: save the file as UTF-8 (in most editors: File > Save with Encoding > UTF-8)"
)


def read_utf8(path: Path, label: str) -> str:
    """The text of `path`; a leading byte-order mark is kept (callers decide what it means).
    EncodingError names the line of the first byte that is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        found = f"the byte 0x{byte:02X}, which is not UTF-8 (the file is in another encoding)"
        raise EncodingError(Problem(label, SAVE_AS_UTF8, found, line=line)) from None
