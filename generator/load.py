"""Stage 1, load: bytes on disk -> plain Python values with a position for each.

A strict subset of YAML, read from libyaml's event stream (PyYAML's C parser
where available) instead of PyYAML's constructor, because the constructor
is where YAML 1.1 retypes text (`NO` -> False, `0755` -> 493, `1:20` -> 80)
and where aliases expand (billion laughs).  Building values from events
keeps one pass, no recursion (deep nesting cannot overflow the stack), and
lets every value keep the line and column it came from.

Every scalar becomes a string, except a plain `null`, `~` or empty value,
which becomes None.  Types (integers, dates) are the schema's job.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from . import chars
from .errors import Problems

try:  # libyaml is an optional part of PyYAML; the pure-Python parser is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Largest brief or registry file accepted, in bytes.  The largest real brief
#: is about 20 KiB; the cap keeps a hostile file from costing the build memory.
MAX_BYTES = 256 * 1024
#: Deepest nesting of mappings and lists accepted.  The schema needs 4.
MAX_DEPTH = 20

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TAB_INDENT = re.compile(r"^ *\t", re.M)
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_SPLITLINES = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # what str.splitlines breaks at

Path_ = tuple  # a value's address inside a document: keys and list indexes


@dataclass
class Document:
    """One YAML file as plain values, and where each value and key started
    (libyaml marks, by the value's address)."""

    path: str
    data: Any
    text: str = field(repr=False, default="")
    values: dict = field(repr=False, default_factory=dict, compare=False)
    keys: dict = field(repr=False, default_factory=dict, compare=False)
    #: The addresses of values written in quotes ('3', "3"): text, even when it
    #: looks like a number, as the JSON Schema reads it (validate.py checks).
    quoted: set = field(repr=False, default_factory=set, compare=False)

    @property
    def first_line(self) -> str:
        """Line 1, as str.splitlines would cut it (without splitting the rest)."""
        end = _SPLITLINES.search(self.text)
        return self.text if end is None else self.text[:end.start()]

    def where(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """The (line, col) of the value at ``loc``, or of its key, or of the
        nearest enclosing value that exists (for a missing field)."""
        table = self.keys if key else self.values
        if loc in table:
            return _position(table[loc])
        while loc:
            loc = loc[:-1]
            if loc in self.values:
                return _position(self.values[loc])
        return (1, 1)


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    """The 1-based (line, col) of ``text[index]``, lines as libyaml counts them."""
    lines = _LINE_BREAK.split(text[:index])
    return len(lines), len(lines[-1]) + 1


# What a path is when it is not a plain file, for the refusal.
_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}
NOT_PLAIN_HINT = "briefs, registries and seeds must be plain files; replace it with the file itself"


def read_text(path: Path, display: str, problems: Problems, *,
              too_big: str = "split the brief or shorten its text") -> str | None:
    """Read a file as UTF-8 text, with a byte-order mark allowed and dropped.

    Seeds are read here too, so an article that is not UTF-8 (or is huge) is
    a reported problem, not a traceback.  Only a plain file is ever opened
    (a named pipe would block the build for good), and only its first
    MAX_BYTES + 1 bytes are read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # O_NONBLOCK: opening a pipe must not wait
    except OSError as e:
        problems.add(display, 0, 0, f"cannot read the file: {e.strerror}", _open_hint(e))
        return None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        problems.add(display, 0, 0, f"not a plain file but {_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')}",
                     NOT_PLAIN_HINT)
        return None
    with os.fdopen(fd, "rb") as f:
        raw = f.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        size = max(info.st_size, len(raw))
        problems.add(display, 1, 1, f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes", too_big)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        problems.add(
            display, line, col,
            f"the file is not valid UTF-8 (byte 0x{raw[e.start]:02x})",
            "save the file with UTF-8 encoding",
        )
        return None


def _open_hint(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "the link leads round in a loop; replace it with the file itself"
    return ""


def real_path(path: Path) -> Path | None:
    """``path`` with its links resolved, or None when they cannot be (a loop):
    Path.resolve raises then, and the file is refused when it is read."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def load(path: Path, display: str, problems: Problems) -> Document | None:
    """Load one file; on any problem, record it and return None."""
    text = read_text(path, display, problems)
    if text is None:
        return None
    return parse(text, display, problems)


def parse(text: str, display: str, problems: Problems) -> Document | None:
    """Parse YAML text into a Document, recording problems instead of raising."""
    before = len(problems)
    if "\t" in text:  # a search of the whole text, and most files hold no tab at all
        for m in _TAB_INDENT.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            problems.add(
                display, line, m.end() - m.start(),
                "a tab is used for indentation", "indent with spaces only",
            )
        if len(problems) > before:
            return None
    doc = Document(display, None, text)
    values, keys = doc.values, doc.keys
    loader = _Loader(text)
    try:
        _build(loader, doc, values, keys, problems)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = _position(mark) if mark else (1, 1)
        last = _LINE_BREAK.split(text)  # lines as libyaml counts them
        if line > len(last):  # libyaml can mark the end of a file a line past its last
            line, col = len(last), len(last[-1]) + 1
        problems.add(display, line, col, f"invalid YAML: {e.problem or e.context}",
                     "check the indentation and quoting on this line and the one above")
    except yaml.reader.ReaderError as e:  # a character YAML refuses: its place is an index into the text
        line, col = _line_col(text, e.position)
        problems.add(display, line, col, f"invalid YAML: unacceptable character U+{e.character:04X}: {e.reason}",
                     "delete the character")
    except yaml.YAMLError as e:  # pragma: no cover - libyaml gives every other error a mark
        problems.add(display, 1, 1, f"invalid YAML: {' '.join(str(e).split())}")
    finally:
        loader.dispose()
    if len(problems) > before:
        return None
    if doc.data is None:
        problems.add(display, 1, 1, "the file is empty", "start from an existing brief or run `python -m generator new`")
        return None
    return doc


class _Stop(Exception):
    """Raised inside _build to abandon a document after a fatal problem."""


def _build(loader: Any, doc: Document, values: dict, keys: dict, problems: Problems) -> None:
    """The reading: doc.data, a mark for every value (``values``) and key
    (``keys``), and the first problem, with its position."""
    # Each frame: [container, its path, pending key (mappings only)]
    stack: list[list] = []
    documents = 0

    def fail(event: Any, message: str, hint: str = "") -> NoReturn:
        problems.add(doc.path, *_position(event.start_mark), message, hint)
        raise _Stop

    def place(event: Any, value: Any) -> Path_ | None:
        """Attach a finished value to its parent; return the value's path."""
        if not stack:
            doc.data = value
            values[()] = event.start_mark
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        loc: Path_
        if type(container) is list:
            loc = path + (len(container),)
            container.append(value)
        else:
            if frame[2] is None:  # this scalar is a key
                if not isinstance(value, str):
                    fail(event, "a key must be plain text", "write `name: value`")
                if value in container:
                    fail(event, f"duplicate key `{value}`",
                         f"`{value}` is already set on line {_position(keys[path + (value,)])[0]}; keep one")
                frame[2] = value
                keys[path + (value,)] = event.start_mark
                return None
            loc = path + (frame[2],)
            container[frame[2]] = value
            frame[2] = None
        values[loc] = event.start_mark
        return loc

    # Dispatch on the exact event class, scalars first: a brief is some
    # thousand events, and this loop is most of the time it takes to load.
    get_event, refused, quoted = loader.get_event, chars.refused, doc.quoted
    scalar, map_start, map_end, seq_start, seq_end = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent,
                                                      yaml.SequenceStartEvent, yaml.SequenceEndEvent)
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor or event.tag is not None and event.tag != "!":  # rare: checked inline
                    _no_anchor_or_tag(event, fail)
                value, style = event.value, event.style
                if not style and value in _NULLS:  # plain style: None (Python) or "" (libyaml)
                    value = None
                elif (bad := refused(value)) is not None:  # controls, hidden characters: see chars.py
                    fail(event, *chars.problem(value[bad]))
                loc = place(event, value)
                if (style == "'" or style == '"') and loc is not None:
                    quoted.add(loc)
            elif kind is map_end or kind is seq_end:
                stack.pop()
            elif kind is map_start or kind is seq_start:
                _no_anchor_or_tag(event, fail)
                if len(stack) >= MAX_DEPTH:
                    fail(event, f"nesting deeper than {MAX_DEPTH} levels", "briefs need only a few levels")
                container: Any = {} if kind is map_start else []
                if stack and type(stack[-1][0]) is dict and stack[-1][2] is None:
                    fail(event, "a key must be plain text", "write `name: value`")
                loc = place(event, container)
                stack.append([container, loc, None])
            elif kind is yaml.AliasEvent:
                fail(event, f"aliases (`*{event.anchor}`) are not allowed", "write the value out in full")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    fail(event, "more than one YAML document in the file", "remove the `---` line")
            elif event is None or kind is yaml.StreamEndEvent:
                break
            # StreamStartEvent and DocumentEndEvent carry nothing.
    except _Stop:
        return


def _no_anchor_or_tag(event: Any, fail: Callable[..., NoReturn]) -> None:
    if event.anchor:
        fail(event, f"anchors (`&{event.anchor}`) are not allowed", "remove the anchor and write values out in full")
    if event.tag is not None and event.tag != "!":
        fail(event, f"explicit tags (`{event.tag}`) are not allowed", "remove the tag; the schema gives every field its type")
