"""Reading files into Documents, with a clear per-file error for anything unreadable."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from checker.document import Document, Span, Suppression, nonblank_line_spans
from checker.places import FilePlace, OffsetMap, json_text_map
from checker.reading import Decoded, ReadError, decode_bytes, read_limited, too_large

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
ARCHIVE_SUFFIX = ".jsonl"  # one article per line: {"id": ..., "text": ...}
RECORD_MARK = "#"  # "archive.jsonl#article-id" names one record
ARCHIVE_MAX_BYTES = 1 << 30  # an archive holds many documents; each still meets max-file-bytes
OUTPUT_MARKER = ".checker-output"  # written into report folders: never walked as input
_LONE_CR = re.compile(r"\r(?!\n)")

_CODE_LIST = r"([A-Za-z]+[0-9]*(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]*)*)"
_SUPPRESSION = re.compile(
    r"<!--[ \t]*checker:[ \t]*(ignore-file|ignore)[ \t]+" + _CODE_LIST + r"[ \t]*-->"
    r"|\[checker:[ \t]*(ignore-file|ignore)[ \t]+" + _CODE_LIST + r"[ \t]*\]"
)


class InputError(Exception):
    """A file that cannot be checked; the message names the file and says why."""


def kind_for(path: str) -> str:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "text")


def split_record(path: str) -> tuple[str, str] | None:
    """``("archive.jsonl", "id")`` for a record path, else None.

    The id may itself contain ``#``: the archive is the first ``.jsonl`` prefix that is a file.
    """
    lower = path.lower()
    marker = ARCHIVE_SUFFIX + RECORD_MARK
    first: tuple[str, str] | None = None
    at = lower.find(marker)
    while at >= 0:
        archive, key = path[: at + len(ARCHIVE_SUFFIX)], path[at + len(marker) :]
        if key:
            first = first or (archive, key)
            if os.path.isfile(archive):
                return archive, key
        at = lower.find(marker, at + 1)
    return first


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a JSON Lines archive: its text, its line, and the column of each of its
    characters inside the line's JSON string (None if that cannot be told exactly)."""

    text: str
    line: int
    columns: OffsetMap | None


@functools.lru_cache(maxsize=4)
def _archive(path: str, mtime_ns: int, size: int) -> dict[str, Record | InputError]:
    """Records of a JSON Lines archive by id (or ``line-N``); a bad line becomes its error.

    Records are split at line feeds only: U+2028 or U+0085 inside a record is text, not a
    record boundary. A repeated id is an error on the later line, never a silently lost record.
    """
    records: dict[str, Record | InputError] = {}
    first_line: dict[str, int] = {}
    try:
        raw = read_limited(path, ARCHIVE_MAX_BYTES)
    except ReadError as exc:
        raise InputError(f"{path}: {exc}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for n, line_bytes in enumerate(raw.split(b"\n"), 1):
        if not line_bytes.strip():
            continue
        try:
            line = line_bytes.decode("utf-8")
            item = json.loads(line)
            text = item["text"]
            key = str(item.get("id") or f"line-{n}")
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            records[f"line-{n}"] = InputError(
                f"{path}: line {n} is not a JSON object with a 'text' string ({exc})")
            continue
        if key in first_line:
            records[f"line-{n}"] = InputError(
                f"{path}: line {n} repeats the id {key!r} of line {first_line[key]}; give each "
                "record its own id (this one was not checked)")
            continue
        first_line[key] = n
        records[key] = Record(text, n, json_text_map(line, text))
    return records


def _archive_of(path: str) -> dict[str, Record | InputError]:
    info = os.stat(path)
    return _archive(path, info.st_mtime_ns, info.st_size)


def archive_records(path: str) -> list[str]:
    """The record paths of a JSON Lines archive, in file order."""
    try:
        records = _archive_of(path)
    except (OSError, InputError):
        return [path]  # reading it again reports the error
    return [f"{path}{RECORD_MARK}{key}" for key in records]


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes behind a path: a regular file (read no further than the size limit), or one
    record of a JSON Lines archive."""
    record = split_record(path)
    if record is None and path.lower().endswith(ARCHIVE_SUFFIX):
        raise InputError(f"{path}: a JSON Lines archive; check its records (the directory or "
                         f"the archive path) rather than reading it as one document")
    try:
        if record is None:
            return read_limited(path, max_bytes)
        archive, key = record
        found = _archive_of(archive).get(key)
    except ReadError as exc:
        raise InputError(f"{path}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if found is None:
        raise InputError(f"{path}: no record {record[1]!r} in {record[0]}")
    if isinstance(found, InputError):
        raise found
    return found.text.encode("utf-8")


def record_place(path: str, text: str) -> FilePlace | None:
    """Where a record's ``text`` lies in its archive: the record's line, and the column inside
    its JSON string of every character when the text is the record's own (else column 1)."""
    record = split_record(path)
    if record is None:
        return None
    archive, key = record
    try:
        found = _archive_of(archive).get(key)
    except (OSError, InputError):  # checked from bytes handed over (serve, batch): no file
        return None
    if not isinstance(found, Record):
        return None
    exact = found.columns if found.text == text else None
    return FilePlace(archive, exact, first_line=found.line)


def decode_input(path: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decoded text and the encoding it was read in; ``InputError`` naming the file if none."""
    if len(raw) > max_bytes:
        raise InputError(f"{path}: {too_large(len(raw), max_bytes)}")
    try:
        decoded = decode_bytes(raw)
    except ReadError as exc:
        raise InputError(f"{path}: {exc}") from None
    if not decoded.text.strip():
        raise InputError(f"{path}: file is empty; nothing to check")
    return decoded


def decode(path: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode_input(path, raw, max_bytes).text


def load_document(path: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES,
                  kind: str | None = None) -> Document:
    decoded = decode_input(path, raw, max_bytes)
    doc = build_document(path, decoded.text, kind or kind_for(path))
    if split_record(path) is not None:
        doc = replace(doc, in_file=False, place=record_place(path, decoded.text))
    if not decoded.is_utf8:
        doc = replace(doc, encoding=decoded.encoding)
    return doc


# A date stamp that some archives of web pages put before a page's text ("date 2023-10-01
# Advertisement …", " date 2019-07-14 Wimbledon final: …"): metadata, not the page's first words,
# so that its first line reads as the page wrote it (a headline, a label)
_DATE_STAMP = re.compile(r"\A[ \t]*+(date[ \t]+\d{4}-\d\d-\d\d)[ \t]+(?=\S)")


def build_document(path: str, text: str, kind: str = "text") -> Document:
    """Turn decoded text into a Document (markup blanked, suppressions parsed)."""
    if kind == "html":
        return _html_document(path, text)
    # A lone CR (old Mac line ends) ends a line; CR before LF is blanked. Same length either
    # way, so offsets still point into the file.
    analysed = _LONE_CR.sub("\n", text).replace("\r", " ")
    paragraphs: tuple[Span, ...] | None = None
    markup: tuple[Span, ...] = ()
    if kind == "markdown":
        from checker.markdown import blanked_spans, block_tokens, code_regions, mask_markdown

        tokens = block_tokens(analysed)
        suppressions, unmasked = _parse_suppressions(analysed,
                                                     skip=code_regions(analysed, tokens))
        analysed, paragraphs = mask_markdown(unmasked, tokens if unmasked == analysed else None)
        markup = blanked_spans(unmasked, analysed)
    else:
        suppressions, analysed = _parse_suppressions(analysed)
        stamp = _DATE_STAMP.match(analysed)
        if stamp is not None:  # the archive's metadata, not the page's prose: blanked
            analysed = " " * stamp.end() + analysed[stamp.end():]
            markup = (Span(stamp.start(1), stamp.end(1)),)
    return Document(path=path, text=analysed, kind=kind, source=text, markup=markup,
                    suppressions=suppressions, paragraph_spans=paragraphs or None)


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return load_document(path, read_bytes(path, max_bytes), max_bytes)


def _html_document(path: str, html: str) -> Document:
    import trafilatura

    from checker.htmlmap import blank_code, html_offset_map
    from checker.markdown import blanked_spans

    try:
        extracted = trafilatura.extract(html, output_format="txt", include_comments=False,
                                        include_tables=True, deduplicate=False)
    except Exception as exc:  # trafilatura raises lxml's errors on badly broken markup
        raise InputError(f"{path}: HTML could not be parsed ({exc})") from None
    if not extracted or not extracted.strip():
        raise InputError(f"{path}: no article text could be extracted from this HTML")
    # Suppressions in HTML comments apply to the whole extracted text: the comment's position
    # does not survive extraction.
    suppressions = []
    for match in _SUPPRESSION.finditer(html):
        codes = _codes(match.group(2) or match.group(4))
        suppressions.append(Suppression(codes, 0, 0, 0, len(extracted)))
    # code blocks are blanked, as in Markdown; offsets are the same, so they still map
    prose = blank_code(extracted, html)
    if not prose.strip():
        raise InputError(f"{path}: the text extracted from this HTML is all code; no prose "
                         "to check")
    paragraphs = tuple(nonblank_line_spans(prose))
    place = FilePlace(path, functools.partial(html_offset_map, html, extracted), source=html)
    return Document(path=path, text=prose, kind="html", source=html, place=place,
                    markup=blanked_spans(extracted, prose),
                    suppressions=tuple(suppressions), paragraph_spans=paragraphs or None)


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in raw.split(",") if c.strip())


def _parse_suppressions(text: str, skip: Iterable[tuple[int, int]] = ()
                        ) -> tuple[tuple[Suppression, ...], str]:
    """Find suppression comments, blank them out of the analysed text, and scope each one.

    A comment on a line with other text silences that paragraph; a comment alone on its line
    silences the paragraph that follows; ``ignore-file`` silences the document.
    """
    code = list(skip)
    matches = [m for m in _SUPPRESSION.finditer(text)
               if not any(a <= m.start() < b for a, b in code)]  # syntax shown as code
    if not matches:
        return (), text
    chars = list(text)
    for m in matches:
        for i in range(m.start(), m.end()):
            chars[i] = " "
    blanked = "".join(chars)
    found = []
    for m in matches:
        scope_kind = m.group(1) or m.group(3)
        codes = _codes(m.group(2) or m.group(4))
        if scope_kind == "ignore-file":
            a, b = 0, len(text)
        else:
            a, b = _scope(blanked, m.start())
        found.append(Suppression(codes, m.start(), m.end(), a, b))
    return tuple(found), blanked


def _scope(text: str, at: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].strip():
        start = line_start
    else:  # alone on its line: the next paragraph
        nxt = re.compile(r"\S").search(text, line_end)
        if nxt is None:
            return line_start, line_end
        start = nxt.start()
    para_break = re.compile(r"\n[ \t]*\n").search(text, start)
    end = para_break.start() if para_break else len(text)
    return text.rfind("\n", 0, start) + 1, end


def iter_files(paths: Iterable[str], excludes: Iterable[str] = (),
               root: str | None = None, problems: list[str] | None = None) -> Iterator[str]:
    """Expand directories into checkable files, honouring gitignore-style excludes.

    As in .gitignore, patterns are relative to ``root`` (the folder of the config file that set
    them), so they mean the same files wherever checker is run from. A folder that holds
    ``OUTPUT_MARKER`` (a ``checker report`` output) is never walked into. What a walk could not
    see (an unreadable folder, a folder with nothing to check) is added to ``problems``.
    """
    patterns = list(excludes)
    match: Callable[[str], bool] | None = None  # no patterns: nothing to match, no pathspec
    if patterns:  # (pathspec costs a tenth of a rules-only run's start-up to import)
        import pathspec

        match = pathspec.GitIgnoreSpec.from_lines(patterns).match_file
    base = Path(root).resolve() if root and match is not None else None
    for given in paths:
        p = Path(given)
        if given.lower().endswith(ARCHIVE_SUFFIX) and p.is_file():
            yield from archive_records(given)
            continue
        if given == "-" or not p.is_dir():
            yield given
            continue
        found = 0
        for child in _walk(p, problems):
            suffix = child.suffix.lower()
            if suffix not in TEXT_SUFFIXES and suffix != ARCHIVE_SUFFIX:
                continue
            if match is not None and (
                    match(child.relative_to(p).as_posix()) or match(child.as_posix())
                    or (base is not None and _excluded_from(match, child, base))):
                continue
            found += 1
            if suffix == ARCHIVE_SUFFIX:
                yield from archive_records(child.as_posix())
            else:
                yield child.as_posix()
        if not found and problems is not None:
            problems.append(f"{given}: no .txt, .md, .html or .jsonl files to check here"
                            + (" (the excludes leave none)" if patterns else ""))


def _walk(top: Path, problems: list[str] | None) -> list[Path]:
    """Regular files under ``top`` in sorted order: hidden names and report outputs skipped,
    symlinked folders not followed; unreadable folders reported, not silently passed over."""
    def failed(exc: OSError) -> None:
        if problems is not None:
            problems.append(f"{exc.filename}: folder cannot be read ({exc.strerror}); "
                            "its files were not checked")

    out: list[Path] = []
    for folder, dirs, files in os.walk(top, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not os.path.exists(os.path.join(folder, d, OUTPUT_MARKER))]
        for name in files:
            child = Path(folder, name)
            if not name.startswith(".") and child.is_file():
                out.append(child)
    return sorted(out)


def _excluded_from(match: Callable[[str], bool], child: Path, base: Path) -> bool:
    try:
        return match(child.resolve().relative_to(base).as_posix())
    except ValueError:  # outside the config's folder: its patterns do not reach it
        return False
