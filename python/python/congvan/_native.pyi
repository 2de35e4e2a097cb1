"""Type stubs of the Rust extension ``congvan._native`` (use ``congvan``)."""

import os
from typing import List, Optional, Tuple, Union

__version__: str
MAX_INPUT_BYTES: int

class Error(Exception):
    """Any congvan error."""

    path: Optional[str]
    """The input the error is about (None for index errors)."""
    reason: str
    """Why, without the path."""

class ReadError(Error): ...
class TooLargeError(Error): ...
class FormatError(Error): ...
class UnfinishedError(Error): ...
class IndexAccessError(Error): ...

def parse_path(
    path: Union[str, os.PathLike[str]], ocr: bool = True, timeout: Optional[float] = 60.0
) -> str: ...
def parse_bytes(
    data: bytes, name: str, ocr: bool = True, timeout: Optional[float] = 60.0
) -> str: ...
def parse_text(text: str, name: str) -> str: ...
def reference_keys(reference_json: str) -> Tuple[Optional[str], List[str], Optional[int]]: ...
def citation_query(
    query: str,
) -> Tuple[
    List[Tuple[str, Optional[str], Optional[str], Optional[str], Optional[int]]],
    Optional[str],
]: ...
def build_index(
    paths: List[str],
    index_dir: str,
    threads: Optional[int] = None,
    ocr: bool = True,
    timeout: Optional[float] = 60.0,
    prune: bool = False,
) -> str: ...

class Parser:
    def __init__(
        self, threads: Optional[int] = None, ocr: bool = True, timeout: Optional[float] = 60.0
    ) -> None: ...
    @property
    def threads(self) -> int: ...
    def parse_batch(self, paths: List[str]) -> List[Union[str, Error]]: ...

class Index:
    def __init__(self, path: Union[str, os.PathLike[str]]) -> None: ...
    @property
    def path(self) -> str: ...
    def search(
        self,
        query: str,
        limit: int = 10,
        doc_type: Optional[str] = None,
        issuer: Optional[str] = None,
        date_from: Optional[str] = None,
        date_to: Optional[str] = None,
    ) -> List[str]: ...
    def refs(self, code: str) -> List[str]: ...
    def documents(self) -> List[Tuple[str, str]]: ...
    def __len__(self) -> int: ...
