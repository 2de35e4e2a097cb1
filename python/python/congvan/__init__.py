"""congvan: parse Vietnamese administrative documents and search a congvan index.

The parser and the index are the Rust library's own (PyO3 extension
``congvan._native``); this module gives them a Python shape:

- :func:`parse` (a path or bytes), :func:`parse_text` (a ``str``) return the
  contract JSON as Python objects (dicts, lists, str, int, None), in the
  contract's field order.
- :func:`parse_many` parses many files in parallel (rayon threads, the GIL
  released) and yields one result per path, in input order: a ``dict`` for a
  parsed document, an instance of :class:`Error` (not raised) for a failure.
- :class:`Index` searches an index built by ``congvan index`` or
  :func:`build_index`; hits are dicts shaped like the CLI's ``--json`` lines.
- :func:`reference_keys` gives a reference's citation keys, the very keys
  the index stores; :func:`citation_query` tells how a query names documents.

Errors are exceptions derived from :class:`Error`, each with ``path`` (the
input, ``None`` for index errors) and ``reason`` (why, without the path).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _native
from ._native import (
    Error,
    FormatError,
    IndexAccessError,
    ReadError,
    TooLargeError,
    UnfinishedError,
)

__version__: str = _native.__version__
MAX_INPUT_BYTES: int = _native.MAX_INPUT_BYTES

__all__ = [
    "Error",
    "ReadError",
    "TooLargeError",
    "FormatError",
    "UnfinishedError",
    "IndexAccessError",
    "parse",
    "parse_text",
    "parse_many",
    "reference_keys",
    "citation_query",
    "build_index",
    "Index",
    "MAX_INPUT_BYTES",
]

PathLike = Union[str, "os.PathLike[str]"]

#: Files handed to the Rust side at a time by :func:`parse_many`: the
#: results of one batch are held in memory, never the whole input.
BATCH = 256


def parse(
    source: Union[PathLike, bytes, bytearray, memoryview],
    name: Optional[str] = None,
    *,
    ocr: bool = True,
    timeout: Optional[float] = 60.0,
) -> Dict[str, Any]:
    """Parse one document: a file path, or the raw bytes of a file.

    ``name`` is recorded as ``source.path`` and, for bytes, tells the format
    (``.pdf``, ``.docx``, ``.doc``, ``.txt``…; content sniffing decides when
    it does not); for a path it defaults to the path. ``ocr=False`` refuses
    scans instead of reading them with Tesseract. ``timeout`` (seconds,
    ``None`` or 0: none) bounds the time one file may take.

    Returns the contract JSON as a dict. Raises :class:`ReadError`,
    :class:`TooLargeError`, :class:`FormatError` or :class:`UnfinishedError`
    (all :class:`Error`), with ``path`` and ``reason``.

    >>> doc = parse(b"UBND TINH QUANG NINH\\nSo: 12/KH-UBND\\n", name="a.txt")
    >>> doc["number"]["seq"]
    '12'
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        return json.loads(_native.parse_bytes(data, name or "<bytes>", ocr, timeout))
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"parse() takes a path or bytes, not {type(source).__name__}"
        )
    path = os.fspath(source)
    if name is None:
        return json.loads(_native.parse_path(path, ocr, timeout))
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_INPUT_BYTES + 1)
    except OSError as e:
        err = ReadError(f"{path}: cannot read: {e.strerror or e}")
        err.path, err.reason = path, f"cannot read: {e.strerror or e}"
        raise err from e
    return json.loads(_native.parse_bytes(data, name, ocr, timeout))


def parse_text(text: str, name: Optional[str] = None) -> Dict[str, Any]:
    """Parse text that is already decoded. Never fails: what cannot be found
    is ``None``/``[]``, and a warning says so when the text does not look
    like a document. ``name`` (default ``"<text>"``) is ``source.path``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes a str, not {type(text).__name__}")
    return json.loads(_native.parse_text(text, name or "<text>"))


def parse_many(
    paths: Iterable[PathLike],
    threads: Optional[int] = None,
    *,
    ocr: bool = True,
    timeout: Optional[float] = 60.0,
) -> Iterator[Union[Dict[str, Any], Error]]:
    """Parse files in parallel; yield one result per path, in input order.

    Each result is the document (a dict, as :func:`parse` returns) or, when
    that file failed, the exception instance (an :class:`Error` subclass with
    ``path`` and ``reason``), yielded, not raised, so one bad file does not
    stop the rest::

        for path, doc in zip(paths, congvan.parse_many(paths)):
            if isinstance(doc, congvan.Error):
                print("failed:", doc.path, doc.reason)

    ``threads`` defaults to one per core. Parsing runs on Rust threads with
    the GIL released, :data:`BATCH` files at a time (memory stays bounded
    however many paths are given).
    """
    parser = _native.Parser(threads, ocr, timeout)
    batch: List[str] = []
    for p in paths:
        batch.append(os.fspath(p))
        if len(batch) >= BATCH:
            yield from _decode(parser.parse_batch(batch))
            batch = []
    if batch:
        yield from _decode(parser.parse_batch(batch))


def _decode(results: List[Any]) -> Iterator[Union[Dict[str, Any], Error]]:
    for r in results:
        yield json.loads(r) if isinstance(r, str) else r


def reference_keys(reference: Dict[str, Any]) -> Dict[str, Any]:
    """The citation keys of one reference (an item of a document's
    ``references``): ``{"key": "71-NQ/TW" or None, "loose": ["NQ|71", …],
    "year": 2025 or None}``. The tantivy index stores exactly these
    (``congvan::index::reference_keys``), so tables built from them answer
    citation questions as ``congvan refs`` does.
    """
    key, loose, year = _native.reference_keys(json.dumps(reference, ensure_ascii=False))
    return {"key": key, "loose": loose, "year": year}


def citation_query(query: str) -> Dict[str, Any]:
    """How the index reads a citation query such as ``71-NQ/TW`` or
    ``Nghị quyết 71 năm 2025 của Bộ Chính trị``::

        {"citations": [{"written", "key", "loose", "loose_any_year", "year"}],
         "issuer": str or None}

    ``key`` is matched against references' ``key``; ``loose`` (kind|number
    with the year) against their ``loose`` keys, or ``loose_any_year`` when
    no reference has the year-bearing key.
    """
    named, issuer = _native.citation_query(query)
    return {
        "citations": [
            {
                "written": w,
                "key": k,
                "loose": l,
                "loose_any_year": la,
                "year": y,
            }
            for (w, k, l, la, y) in named
        ],
        "issuer": issuer,
    }


def build_index(
    paths: Iterable[PathLike],
    index_dir: PathLike,
    threads: Optional[int] = None,
    *,
    ocr: bool = True,
    timeout: Optional[float] = 60.0,
    prune: bool = False,
) -> Dict[str, Any]:
    """Index files and folders (recursively) into ``index_dir``, created when
    missing, as ``congvan index PATH... --index DIR`` does. Returns the
    report: ``files``, ``indexed``, ``added``, ``replaced``, ``skipped``,
    ``pruned``, ``failed`` (a list of ``{"path", "reason"}``), ``bytes``,
    ``seconds``. Raises :class:`IndexAccessError` when the index cannot be
    written (locked, damaged, a folder that is not an index).
    """
    return json.loads(
        _native.build_index(
            [os.fspath(p) for p in paths],
            os.fspath(index_dir),
            threads,
            ocr,
            timeout,
            prune,
        )
    )


_FILTERS = {
    "limit": "limit",
    "type": "doc_type",
    "doc_type": "doc_type",
    "issuer": "issuer",
    "from": "date_from",
    "from_": "date_from",
    "date_from": "date_from",
    "to": "date_to",
    "to_": "date_to",
    "date_to": "date_to",
}


class Index:
    """A congvan index opened for searching (nothing is written to it).

    >>> idx = congvan.Index("idx")                      # doctest: +SKIP
    >>> idx.search("Nghị quyết 71", type="KH", issuer="Quảng Ninh")
    >>> idx.refs("71-NQ/TW")

    Raises :class:`IndexAccessError` when ``path`` holds no congvan index.
    """

    def __init__(self, path: PathLike) -> None:
        self._inner = _native.Index(os.fspath(path))

    @property
    def path(self) -> str:
        """The index folder."""
        return os.fspath(self._inner.path)

    def search(self, query: str, **filters: Any) -> List[Dict[str, Any]]:
        """``congvan search QUERY --json``: the hits as dicts (``path``,
        ``score``, ``code``, ``doc_type``, ``subject``, ``date``,
        ``matched_references``, ``role``, ``id``).

        Filters: ``limit`` (default 10), ``type`` (``KH``, ``Kế hoạch``),
        ``issuer``, ``from`` / ``to`` (``YYYY[-MM[-DD]]``; also spelled
        ``from_``/``to_`` or ``date_from``/``date_to``, since ``from`` is a
        Python keyword: ``search(q, **{"from": "2025"})``).
        """
        kwargs: Dict[str, Any] = {}
        for name, value in filters.items():
            arg = _FILTERS.get(name)
            if arg is None:
                raise TypeError(
                    f"search() got an unknown filter {name!r} "
                    f"(known: limit, type, issuer, from, to)"
                )
            if arg in kwargs:
                raise TypeError(f"search() got filter {arg!r} twice")
            kwargs[arg] = value
        limit = kwargs.get("limit", 10)
        if not isinstance(limit, int) or limit < 0:
            raise ValueError(f"limit must be a non-negative int, not {limit!r}")
        return [json.loads(line) for line in self._inner.search(query, **kwargs)]

    def refs(self, code: str) -> List[Dict[str, Any]]:
        """``congvan refs CODE --json``: every indexed document citing
        ``code`` (``71-NQ/TW`` or a short form such as ``NQ 71``), as dicts
        with the hit fields plus ``relation`` (``implements``, ``basis``,
        ``attached`` or ``mentions``). Raises :class:`IndexAccessError` when
        ``code`` names no document.
        """
        return [json.loads(line) for line in self._inner.refs(code)]

    def documents(self) -> List[tuple]:
        """``(path, sha256)`` of every indexed document, sorted by path."""
        return list(self._inner.documents())

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return f"congvan.Index({self.path!r})"
