"""From uploaded bytes to text, or a clear refusal (empty, binary, undecodable)."""

import codecs
import re

from charset_normalizer import from_bytes

from .errors import IngestError

MAX_BYTES = 10 * 1024 * 1024

ASK_FOR_TEXT = "Upload the article as plain text (.txt) or as a saved web page (.html)."
MAGIC_NUMBERS = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"OggS", "an audio or video file"),
    (b"ID3", "an MP3 audio file"),
]
UNICODE_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
DECLARED_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
ASCII_BYTES = bytes(range(0x80))
# C0 and C1 control characters other than tab, line and page breaks.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _windows_1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    # A stray Windows-1252 byte in otherwise UTF-8 text (copy-pasted quotes): read it as such;
    # bytes Windows-1252 leaves undefined are read as Latin-1.
    bad = error.object[error.start : error.start + 1]
    try:
        return bad.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return bad.decode("latin-1"), error.start + 1


codecs.register_error("ingest-cp1252", _windows_1252_byte)


def _refuse_binary(data: bytes) -> None:
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise IngestError(f"This file is {what}, not a text article. {ASK_FOR_TEXT}")
    if data[4:12] in (b"ftypisom", b"ftypmp42") or data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise IngestError(f"This file is a picture, audio or video file. {ASK_FOR_TEXT}")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: every other byte is NUL."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    encoding = "utf-16-le" if odd_nuls > 0.4 > even_nuls else None
    encoding = "utf-16-be" if even_nuls > 0.4 > odd_nuls else encoding
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _declared_charset(data: bytes) -> str | None:
    match = DECLARED_CHARSET_RE.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    high_bytes = len(data.translate(None, ASCII_BYTES)) / len(data)  # in C, not byte by byte
    if high_bytes > 0.2:
        # Mostly non-ASCII and not UTF-8: a non-Latin script (Cyrillic in Windows-1251, ...).
        guess = from_bytes(data).best()
        if guess is not None and guess.encoding:
            return str(guess)
    return data.decode("utf-8", errors="ingest-cp1252")


def decode_bytes(data: bytes) -> str:
    """The text of an upload: UTF-8 (with or without BOM), UTF-16, Windows-1252 or Latin-1."""
    if not data:
        raise IngestError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"The file is too large ({len(data) // (1024 * 1024)} MB) to be one article; "
            f"the limit is {MAX_BYTES // (1024 * 1024)} MB."
        )
    _refuse_binary(data)
    text = None
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise IngestError(
                    f"The file says it is {encoding.upper().removesuffix('-SIG')} text but is not "
                    f"valid {encoding.upper().removesuffix('-SIG')} (bad bytes at position "
                    f"{error.start}). Save it again as UTF-8 text."
                ) from None
            break
    if text is None:
        text = _utf16_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise IngestError(
                "The file contains NUL bytes, so it is binary data, not text. " + ASK_FOR_TEXT
            )
        text = _decode_without_bom(data)
    text = text.removeprefix("\ufeff")
    _refuse_control_characters(text)
    if not text.strip():
        raise IngestError("The file contains only whitespace; there is no text in it.")
    return text


def _refuse_control_characters(text: str) -> None:
    controls = len(CONTROL_CHARACTER_RE.findall(text))
    if controls >= 2 and controls / len(text) > 0.01:
        raise IngestError(
            "The file is full of control characters, so it is binary data, not text. "
            + ASK_FOR_TEXT
        )
