"""Turning uploads (single files, many files, zip archives) into (name, bytes) pairs, safely.

Limits are checked while reading, so a zip bomb is refused before it is expanded: the
declared sizes in a zip's directory can lie, so we count the bytes actually produced.
"""

import io
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

READ_CHUNK = 64 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html", ".xhtml", ""}
ARCHIVE_SUFFIXES = {".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar"}
# Characters no file name needs, which break headers and lines or disguise a name: controls
# (line breaks), format characters (a right-to-left override), line and paragraph separators,
# and surrogates (a byte that was not UTF-8, in a name read from the disk).
UNSAFE_NAME_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 5_000_000
    max_files: int = 200
    max_zip_members: int = 2000
    max_zip_total_bytes: int = 200_000_000
    max_zip_ratio: int = 100
    max_archive_bytes: int = 50_000_000
    # One request as a whole: its files as uploaded, and all they expand to (zips' contents).
    max_request_bytes: int = 100_000_000
    max_request_expanded_bytes: int = 200_000_000


@dataclass
class UploadedFile:
    name: str
    data: bytes


@dataclass
class Refusal:
    name: str
    reason: str


@dataclass
class Expansion:
    files: list[UploadedFile] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    size: int = 0  # what its files come to: what the upload expands to

    def keep(self, file: UploadedFile) -> None:
        self.files.append(file)
        self.size += len(file.data)


class UploadRefused(ValueError):
    """The whole upload is refused (too many files in one request, a zip bomb...)."""


def is_zip(name: str, data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip")


def expand_zip(name: str, data: bytes, limits: Limits, *, expanded_before: int = 0) -> Expansion:
    """The article files inside a zip. Raises UploadRefused when the archive as a whole is
    unsafe, or would take its upload request past the expansion limit with the
    `expanded_before` bytes already read from it; members that are merely not articles are
    listed in `refused`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UploadRefused(f"{name}: not a readable zip archive ({error}).") from None
    if len(members) > limits.max_zip_members:
        raise UploadRefused(
            f"{name}: the archive holds {len(members)} entries; "
            f"at most {limits.max_zip_members} are accepted."
        )
    expansion = Expansion()
    total = 0
    for member in members:
        member_name = safe_file_name(f"{name}/{member.filename}")
        if member.is_dir():
            continue
        problem = _unsafe_member(member)
        if problem:
            raise UploadRefused(f"{member_name}: {problem}; the archive was not imported.")
        if _nameless(member.filename):
            # `.` or an empty name: nothing to call the article by; the rest of the archive is fine.
            reason = f"the entry has no file name ({member.filename!r})."
            expansion.refused.append(Refusal(member_name, reason))
            continue
        if PurePosixPath(member.filename).name.startswith(".") or "__MACOSX/" in member.filename:
            continue  # editors' OS metadata, not an article
        suffix = PurePosixPath(member.filename).suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            raise UploadRefused(
                f"{member_name}: archives inside archives are not accepted; "
                "upload the inner archive on its own."
            )
        if suffix not in TEXT_SUFFIXES:
            expansion.refused.append(
                Refusal(member_name, f"'{suffix}' files are not articles (use .txt or .html).")
            )
            continue
        # Checked before reading: zipfile never gives more than a member's declared size.
        if expanded_before + total + member.file_size > limits.max_request_expanded_bytes:
            raise UploadRefused(
                f"{member_name}: this upload would expand to more than "
                f"{limits.max_request_expanded_bytes:,} bytes in all; upload fewer files at a time."
            )
        content, size = _read_member(
            archive, member, limits, total, name=name, member_name=member_name
        )
        total += size
        if size > limits.max_file_bytes:
            expansion.refused.append(
                Refusal(member_name, _too_big_message(size, limits.max_file_bytes))
            )
            continue
        expansion.files.append(UploadedFile(member_name, content))
    expansion.size = total
    if total > limits.max_zip_ratio * max(len(data), 1):
        raise UploadRefused(f"{name}: the archive expands more than {limits.max_zip_ratio}×.")
    return expansion


def limits_from_settings() -> Limits:
    from django.conf import settings

    return Limits(
        max_file_bytes=settings.NEWSROOM_MAX_UPLOAD_FILE_BYTES,
        max_files=settings.NEWSROOM_MAX_UPLOAD_FILES,
        max_zip_members=settings.NEWSROOM_MAX_ZIP_MEMBERS,
        max_zip_total_bytes=settings.NEWSROOM_MAX_ZIP_TOTAL_BYTES,
        max_zip_ratio=settings.NEWSROOM_MAX_ZIP_RATIO,
        max_archive_bytes=settings.NEWSROOM_MAX_ARCHIVE_BYTES,
        max_request_bytes=settings.NEWSROOM_MAX_UPLOAD_REQUEST_BYTES,
        max_request_expanded_bytes=settings.NEWSROOM_MAX_UPLOAD_EXPANDED_BYTES,
    )


def expand_uploads(uploads: list[UploadedFile], limits: Limits) -> Expansion:
    """All article files of one upload request, zips expanded."""
    if len(uploads) > limits.max_files:
        raise UploadRefused(
            f"{len(uploads)} files in one upload; at most {limits.max_files} are accepted. "
            "Upload fewer at a time, or put them in a zip archive."
        )
    check_request_size(sum(len(upload.data) for upload in uploads), limits)
    expansion = Expansion()
    for upload in uploads:
        upload = UploadedFile(safe_file_name(upload.name), upload.data)
        if is_zip(upload.name, upload.data):
            if len(upload.data) > limits.max_archive_bytes:
                expansion.refused.append(
                    Refusal(
                        upload.name, _too_big_message(len(upload.data), limits.max_archive_bytes)
                    )
                )
                continue
            inner = expand_zip(upload.name, upload.data, limits, expanded_before=expansion.size)
            expansion.files.extend(inner.files)
            expansion.refused.extend(inner.refused)
            expansion.size += inner.size
        elif len(upload.data) > limits.max_file_bytes:
            expansion.refused.append(
                Refusal(upload.name, _too_big_message(len(upload.data), limits.max_file_bytes))
            )
        elif PurePosixPath(upload.name).suffix.lower() in ARCHIVE_SUFFIXES - {".zip"}:
            expansion.refused.append(
                Refusal(upload.name, "only zip archives are accepted (not tar, gz, 7z or rar).")
            )
        elif expansion.size + len(upload.data) > limits.max_request_expanded_bytes:
            raise UploadRefused(
                f"{upload.name}: this upload would expand to more than "
                f"{limits.max_request_expanded_bytes:,} bytes in all; upload fewer files at a time."
            )
        else:
            expansion.keep(upload)
    if len(expansion.files) > limits.max_zip_members:
        raise UploadRefused(
            f"{len(expansion.files)} articles in one upload; at most "
            f"{limits.max_zip_members} are accepted."
        )
    return expansion


def check_request_size(total: int, limits: Limits) -> None:
    """Refuse an upload request whose files come to more than the limit, before any is read."""
    if total > limits.max_request_bytes:
        raise UploadRefused(
            f"these files come to {total:,} bytes; at most {limits.max_request_bytes:,} bytes "
            "are accepted in one upload. Upload them in smaller parts."
        )


def safe_file_name(name: str) -> str:
    """A file name from an upload or the disk, fit to store, show and put in a header: each
    unsafe character (see UNSAFE_NAME_CATEGORIES) becomes U+FFFD."""
    if name.isprintable():  # the usual case, checked at C speed (no C* or Z* but spaces)
        return name
    return "".join(
        "\ufffd" if unicodedata.category(char) in UNSAFE_NAME_CATEGORIES else char for char in name
    )


def _unsafe_member(member: zipfile.ZipInfo) -> str:
    path = PurePosixPath(member.filename.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in (path.parts or ("",))[0]:
        return "its path escapes the archive"
    file_type = stat.S_IFMT(member.external_attr >> 16)  # 0 when the zip tool stored none
    if file_type == stat.S_IFLNK:
        return "symbolic links are not accepted"
    if file_type not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "special files are not accepted"
    if member.flag_bits & 0x1:
        return "encrypted entries are not accepted"
    return ""


def _nameless(filename: str) -> bool:
    return filename.replace("\\", "/").rsplit("/", 1)[-1] in {"", "."}


def _read_member(
    archive, member, limits: Limits, already: int, *, name: str, member_name: str
) -> tuple[bytes, int]:
    """Read one member, counting real output bytes against the limits as they arrive.
    Returns its content (cut short when over the file limit) and its size in bytes."""
    chunks = []
    produced = 0
    # The file limit is checked per member (a refusal), the total limit per archive (a bomb).
    member_cap = limits.max_file_bytes + 1
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(READ_CHUNK):
                produced += len(chunk)
                if already + produced > limits.max_zip_total_bytes:
                    raise UploadRefused(
                        f"{name}: the archive expands to more than "
                        f"{limits.max_zip_total_bytes:,} bytes; refused as a possible zip bomb."
                    )
                if member.compress_size and produced > limits.max_zip_ratio * max(
                    member.compress_size, 1024
                ):
                    raise UploadRefused(
                        f"{member_name}: expands more than {limits.max_zip_ratio}× "
                        "its compressed size; refused as a possible zip bomb."
                    )
                if produced <= member_cap:
                    chunks.append(chunk)
    except (
        zipfile.BadZipFile,
        zlib.error,  # a damaged deflate stream
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise UploadRefused(f"{member_name}: cannot be read ({error}).") from None
    return b"".join(chunks), produced


def _too_big_message(size: int, limit: int) -> str:
    return f"the file is {size:,} bytes; at most {limit:,} bytes are accepted."
