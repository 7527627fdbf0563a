"""Stage 2, validate: a loaded Document -> a typed model, or problems with positions.

Pydantic checks the shape; this module turns each of its errors into a
`path:line:col: message (hint: ...)` line that names the field in the
brief's own terms, with a "did you mean" for misspelt field names.
"""

from __future__ import annotations

import difflib
import html
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problems
from .load import Document
from .marks import PAGE_TITLE, find

M = TypeVar("M", bound=BaseModel)

_KIND = {dict: "a mapping", list: "a list", str: "text", type(None): "null"}

SCHEMA_FIRST_LINE = "# yaml-language-server: $schema="


def dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc`` (for "did you mean")."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    """Strip Optional[...], list[...] and Annotated[...] down to a model class."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if args else tp
            if origin is not list and len(args) != 1:
                return tp
        else:
            return tp


def _describe(err: ErrorDetails, doc: Document, model: type[BaseModel]) -> tuple[tuple, bool, str, str]:
    """(location, point-at-key?, message, hint) for one pydantic error."""
    loc = tuple(err["loc"])
    kind = err["type"]
    field = dotted(loc)
    ctx = err.get("ctx") or {}
    found = _KIND.get(type(err.get("input")), type(err.get("input")).__name__)
    if kind == "missing":
        name = loc[-1]
        return loc[:-1], False, f"missing required field `{name}` in `{dotted(loc[:-1])}`", \
            f"add `{name}:` (write `{name}: null` when the article does not state it)" if _nullable(model, loc) \
            else f"add `{name}:`"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        close = _close(model, loc)
        hint = f"did you mean `{close[0]}`?" if close else f"allowed fields here: {', '.join(sorted(owner.model_fields) if owner else [])}"
        return loc, True, f"unknown field `{field}`", hint
    if kind in ("string_type", "int_type", "int_parsing", "list_type", "model_type", "dict_type", "model_attributes_type"):
        want = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
                "list_type": "a list", "model_type": "a mapping", "dict_type": "a mapping",
                "model_attributes_type": "a mapping"}[kind]
        if err.get("input") is None:
            return loc, False, f"`{field}` is null but must be {want}", "fill it in; only fields marked nullable may be null"
        shown = f"`{err['input']}`" if isinstance(err.get("input"), str) else found
        return loc, False, f"`{field}` must be {want}, not {shown}", "the site's Field reference page, under Editors, gives each field's type"
    if kind == "literal_error":
        return loc, False, f"`{field}` is `{err.get('input')}`, which is not allowed", f"use one of: {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        return loc, False, f"`{field}` is `{err.get('input')}`, which is not in the expected form", \
            f"it must match {ctx.get('pattern')}"
    if kind in ("too_short", "string_too_short"):
        return loc, False, f"`{field}` is empty", "give at least one item" if kind == "too_short" else "write the text, or remove the field"
    if kind == "too_long":
        return loc, False, f"`{field}` has {ctx.get('actual_length')} items, over the limit of {ctx.get('max_length')}", \
            "keep only what the article supports; the README's Limits table gives every cap"
    if kind == "repeated_cite":
        return loc + (ctx["index"],), False, f"`{field}` cites paragraph {ctx['number']} twice", \
            f"cite each paragraph once; it is already item {ctx['first'] + 1} of the list"
    if kind == "string_too_long":
        return loc, False, f"`{field}` is longer than {ctx.get('max_length')} characters", "shorten it"
    if kind in ("greater_than_equal",):
        return loc, False, f"`{field}` must be {ctx.get('ge')} or more", "paragraphs are numbered from 1"
    if kind == "value_error":
        msg = str(ctx.get("error", err["msg"]))
        return loc, False, f"`{field}`: {msg}", ""
    return loc, False, f"`{field}`: {err['msg'][0].lower()}{err['msg'][1:]}", ""


def _close(model: type[BaseModel], loc: tuple) -> list[str]:
    """The allowed field name closest to a misspelt one, if any is close."""
    owner = _model_at(model, loc[:-1])
    return difflib.get_close_matches(str(loc[-1]), list(owner.model_fields) if owner else [], n=1, cutoff=0.6)


def _nullable(model: type[BaseModel], loc: tuple) -> bool:
    owner = _model_at(model, loc[:-1])
    if owner is None or loc[-1] not in owner.model_fields:
        return False
    ann = owner.model_fields[loc[-1]].annotation
    return type(None) in typing.get_args(ann)


def check_header(doc: Document, schema_path: str, problems: Problems) -> None:
    """The first line points editors' YAML language servers at the schema."""
    want = SCHEMA_FIRST_LINE + schema_path
    first = doc.first_line.strip()
    if first != want:
        problems.add(doc.path, 1, 1, "the first line must name the schema for editors",
                     f"make line 1 exactly `{want}`")


def to_model(doc: Document, model: type[M], problems: Problems) -> M | None:
    """Validate a document against a model; record every error with its position."""
    if not isinstance(doc.data, dict):
        found = _KIND.get(type(doc.data), "a value")
        problems.add(doc.path, 1, 1, f"the top level must be a mapping of fields, not {found}",
                     "start the file with `title:` and the other fields")
        return None
    try:
        result = model.model_validate(doc.data)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        # A misspelt field shows as both "unknown `sumary`" and "missing
        # `summary`"; the first, with its "did you mean", says it all.
        suggested = {tuple(err["loc"][:-1]) + (m,) for err in errors if err["type"] == "extra_forbidden"
                     for m in _close(model, tuple(err["loc"]))}
        for err in errors:
            if err["type"] == "missing" and tuple(err["loc"]) in suggested:
                continue
            loc, at_key, message, hint = _describe(err, doc, model)
            line, col = doc.where(loc, key=at_key)
            problems.add(doc.path, line, col, message, hint)
        return None
    check_quoted_numbers(result, doc, problems)
    # Reported, but the model is still returned: the rest of the file is
    # checked too, and a registry's ids stay known to the briefs.
    check_page_titles(result, doc, problems)
    return result


def written(doc: Document) -> Any:
    """The document's values as a YAML dumper should write them back (the bench's
    synthetic briefs, the tests' rewritten ones): each unquoted whole number an
    int.  The reader keeps every value as text, and a dumper would quote a number
    given as text, which check_quoted_numbers refuses."""
    def typed(node: Any, loc: tuple) -> Any:
        if isinstance(node, dict):
            return {k: typed(v, loc + (k,)) for k, v in node.items()}
        if isinstance(node, list):
            return [typed(v, loc + (i,)) for i, v in enumerate(node)]
        if isinstance(node, str) and loc not in doc.quoted and _WHOLE.fullmatch(node):
            return int(node)
        return node
    return typed(doc.data, ())


_WHOLE = re.compile(r"0|[1-9][0-9]*")


def check_quoted_numbers(result: BaseModel, doc: Document, problems: Problems) -> None:
    """A number written in quotes (`cite: ['3']`) is text to YAML and to the JSON
    Schema editors' tools check against, so it is refused here too; pydantic
    alone would read it as the number."""
    for loc in sorted(doc.quoted, key=doc.where):
        value: Any = result
        try:
            for part in loc:
                value = value[part] if isinstance(part, int) or isinstance(value, dict) else getattr(value, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            continue  # not a field the model keeps as it was written
        if type(value) is int:
            line, col = doc.where(loc)
            problems.add(doc.path, line, col, f'`{dotted(loc)}` must be a whole number, not the text "{value}"',
                         "remove the quotes around the number")


# ---- text that becomes a page title ------------------------------------------------
#
# MkDocs themes print page titles unescaped (Jinja autoescape is off, and
# `striptags` even decodes character references), into <title>, the nav and
# the search index.  So these fields may hold no markup at all: not `<` or
# `>`, and no character reference: nothing a browser (or Python's
# html.unescape, which follows the HTML standard's list) would decode, such
# as `&amp;`, `&#38;`, `&#x26;`, or `&lt` without its semicolon.  Plain `&`
# is fine: Q&A, AT&T, and `AT&T;` too, since `&T;` names no character.
# render/text.py page_title() swaps markup characters for look-alikes as a
# second layer.

_ANGLE = re.compile(r"[<>]")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def title_problem(text: str) -> tuple[str, str] | None:
    """(message tail, hint) when ``text`` cannot be a page title, else None."""
    if m := _ANGLE.search(text):
        return (f"contains `{m.group()}`, which is not allowed in text that becomes a page title",
                "page titles are printed without escaping; write it in words or leave it out")
    for m in _REFERENCE.finditer(text):
        if html.unescape(m.group()) != m.group():
            return (f"contains `{m.group()}`, an HTML character reference, which is not allowed in text "
                    "that becomes a page title", "write the character itself, without the `&...;` form")
    return None


def check_page_titles(node: BaseModel, doc: Document, problems: Problems) -> bool:
    """Record a problem for every field typed `PageTitle` that holds markup; True if none."""
    ok = True
    for found in find(node, only=PAGE_TITLE):
        if (bad := title_problem(found.value)) is not None:
            problems.add(doc.path, *doc.where(found.loc), f"`{dotted(found.loc)}` {bad[0]}", bad[1])
            ok = False
    return ok
