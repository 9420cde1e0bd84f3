"""Shared types of the generated package, and the helpers its models' ``from_dict`` reads answers with."""

from collections.abc import Mapping
from typing import IO, BinaryIO, Literal

from attrs import define

from .._parsing import (
    ParseError,
    as_object,
    json_type,
    missing,
    new_instance,
    parse_datetime,
    read_uuid,
    wrong_type,
)


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    # One UNSET per process, also after pickle (multiprocessing): "is UNSET" and == keep holding.
    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "ParseError",
    "RequestFiles",
    "Unset",
    "as_object",
    "json_type",
    "missing",
    "new_instance",
    "parse_datetime",
    "read_uuid",
    "wrong_type",
]
