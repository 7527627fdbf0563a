"""Script injection: payloads in every text field never become live markup.

Two copies of the fixture project are built with MkDocs: one with a benign
word in every free-text field of the brief, the registries and the article,
and one with attack payloads in the same places.  The pages have the same
shape, so every page of the hostile site must have exactly the elements and
attributes of the benign one: a payload that became markup anywhere (in the
body, <title>, the nav, the table of contents, page metadata, JSON-LD, the
search index) shows up as an extra element or attribute.  Then every link
and script in the hostile site is checked on its own, and the payloads must
still be visible, as text.
"""

from __future__ import annotations

import json
import re
import types
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from conftest import REPO, cli, make_project, mkdocs_build, pagefind_records
from generator.errors import Problems
from generator.load import parse
from generator.marks import PAGE_TITLE, field_marker
from generator.model import Brief, EntityRegistry, TagRegistry, TopicRegistry
from generator.output import Output
from generator.sanitize import clean
from generator.validate import written

# Each calls alert() with its own number, so a live one is easy to trace.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg/onload=alert(3)>",
    '<a href="javascript:alert(4)">link</a>',
    "[md link](javascript:alert(5))",
    "[md link](JaVaScRiPt:alert(6))",
    "[spaced]( javascript:alert(7) )",
    "[encoded](&#106;avascript:alert(8))",
    "[tabbed](java&#09;script:alert(9))",
    "![md image](javascript:alert(10))",
    '![img](x" onerror="alert(11))',
    "<!-- a comment --><b>bold</b>",
    "{{ config.site_name }} {% if true %}jinja{% endif %}",
    '" onmouseover="alert(12)" data-x="',
    "' onfocus='alert(13)' autofocus '",
    "&lt;script&gt;alert(14)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(15)&#62;",
    "*emphasis* __strong__ `code` {: onclick=alert(16) }",
    "<https://example.org/autolink> www.example.org",
    "</textarea></title></script><script>alert(17)</script>",
    "<details open ontoggle=alert(18)>",
    "<iframe src=javascript:alert(19)></iframe>",
    "<style>body{display:none}</style>",
    "\\<b>escaped\\</b> $x$ ~~strike~~ ==mark== ^sup^",
    "*[HTML]: <script>alert(20)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgyMSk8L3NjcmlwdD4=",
    "vbscript:alert(22) | table | cell |",
]
# Fields that become page titles may hold no markup at all (validation
# refuses it; tests/hostile has the cases), so they get the rest.
TITLE_PAYLOADS = [
    '" onmouseover="alert(12)" data-x="',
    "' onfocus='alert(13)' '",
    "javascript:alert(23)",
    "[md link](javascript:alert(5))",
    "{{ config.site_name }} {% raw %}",
    "*emphasis* `code` \\ back\\slash",
]
URL_PAYLOAD = 'https://example.org/"><script>alert(24)</script><img/src=x/onerror=alert(25)>'
BENIGN = "plain"
# In the seed, and in the quote that copies it.
SEED_PAYLOAD = "he said <script>alert(26)</script> and <img src=x onerror=alert(27)> was [here](javascript:alert(28))"


def _free_text(tp, metadata=()) -> bool:
    """Whether an annotation is free text (a str with no pattern), or a list of it."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        return _free_text(base, (*metadata, *meta))
    if origin in (typing.Union, types.UnionType):
        return any(_free_text(a, metadata) for a in typing.get_args(tp) if a is not type(None))
    if origin is list:
        return _free_text(typing.get_args(tp)[0])
    return tp is str and not any(getattr(m, "pattern", None) for m in metadata)


def _model(tp):
    """The model class inside Optional[...] or list[...], if any."""
    while typing.get_origin(tp) in (typing.Annotated, typing.Union, types.UnionType, list):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = args[0]
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _fill(data, model, text_for) -> int:
    """Replace every free-text value in ``data`` (validated by ``model``) in place."""
    count = 0
    if isinstance(data, list):
        return sum(_fill(item, model, text_for) for item in data)
    for name, info in model.model_fields.items():
        if name == "date":  # a date is free-form only in its type
            continue
        if name == "url":
            data[name] = text_for("url", model)
            count += 1
        elif _free_text(info.annotation, info.metadata):
            # Null and missing optional fields too: every text field gets a payload.
            kind = "title" if field_marker(model, name) is PAGE_TITLE else "text"
            many = "list" in str(info.annotation)
            data[name] = [text_for(kind, model) for _ in data.get(name) or [1, 2]] if many else text_for(kind, model)
            count += 1
        elif data.get(name) is not None and (inner := _model(info.annotation)) is not None:
            count += _fill(data[name], inner, text_for)
    return count


def _texts(hostile: bool):
    counter = iter(range(10**6))

    def text_for(kind: str, model) -> str:
        n = next(counter)
        if not hostile:
            return "https://example.org/plain" if kind == "url" else f"{BENIGN} {n}."
        if kind == "url":
            return URL_PAYLOAD
        if kind == "title":
            return f"T{n} " + " ".join(TITLE_PAYLOADS)
        # Rotate, so short fields (300 characters) get a few and every payload lands somewhere.
        picked = [PAYLOADS[(n + i) % len(PAYLOADS)] for i in range(3)]
        return f"F{n} " + " ".join(picked) + "."
    return text_for


def _rewrite(path: Path, model, text_for, tweak=None) -> int:
    problems = Problems()
    doc = parse(path.read_text(encoding="utf-8"), path.name, problems)
    data = written(doc)
    count = _fill(data, model, text_for)
    if tweak:
        tweak(data)
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6),
                    encoding="utf-8")
    return count


def _project(root: Path, hostile: bool) -> Path:
    make_project(root)
    text_for = _texts(hostile)
    quote = SEED_PAYLOAD if hostile else "he said plain words"

    def brief_tweak(data):
        # A summary is 2 to 4 sentences; the quote must be in the article.
        data["summary"] = f"{data['summary']} Second sentence."
        data["quotes"][0]["text"] = quote

    seed = root / "seeds" / "fixture.txt"
    lines = seed.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + " " + quote  # paragraph 3, which the quote cites
    seed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    filled = _rewrite(root / "briefs" / "fixture-brief.yaml", Brief, text_for, brief_tweak)
    def topics_tweak(data):
        # The claim's `qualifier` is filled too, and only a list question takes one:
        # so the payload in it reaches the pages as well.
        data["topics"][0]["relation"] = "set"

    for name, model in (("entities", EntityRegistry), ("topics", TopicRegistry), ("tags", TagRegistry)):
        filled += _rewrite(root / "briefs" / "registry" / f"{name}.yaml", model, text_for,
                           topics_tweak if name == "topics" else None)
    assert filled >= 40  # every free-text field of the fixture, not a handful
    _allow_tags(root)
    return root


def _allow_tags(root: Path) -> None:
    """Material's tags plugin accepts only the tag names mkdocs.yml lists: list the new ones."""
    tags = yaml.safe_load((root / "briefs" / "registry" / "tags.yaml").read_text(encoding="utf-8"))["tags"]
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    match = re.search(r"^( *)tags_allowed:\n(?:\1 *#.*\n)*(\1 *)- ", text, re.M)
    if match:
        names = "".join(f"{match.group(2)}- {json.dumps(t['name'])}\n" for t in tags)
        text = text[:match.start(2)] + names + text[match.start(2):]
        config.write_text(text, encoding="utf-8")


class _Shape(HTMLParser):
    """The elements and attribute names of a page, in order; links and scripts apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple] = []
        self.links: list[str] = []
        self.handlers: list[str] = []
        self.scripts: list[tuple[str | None, str]] = []
        self.text: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "abbr":  # glossary tooltips depend on the words in the text
            return
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"):
                self.links.append(value or "")
        if tag == "script":
            self._script = dict(attrs).get("type") or ""
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)
        else:
            self.text.append(data)


def _shape(html: str) -> _Shape:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    return parser


def _scheme_ok(url: str) -> bool:
    # Browsers drop ASCII whitespace and control characters from a URL before reading its scheme.
    squeezed = re.sub(r"[\x00-\x20]", "", url).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
    return scheme is None or scheme.group(1) in ("http", "https", "mailto")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    base = tmp_path_factory.mktemp("injection")
    out = {}
    for hostile in (False, True):
        root = _project(base / ("hostile" if hostile else "benign"), hostile)
        check = cli(root, "check")
        assert check.returncode == 0, check.stderr
        build = mkdocs_build(root)
        assert build.returncode == 0, build.stderr
        out[hostile] = root / "site"
    return out


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_both_sites_have_the_same_pages(sites):
    assert _pages(sites[True]) == _pages(sites[False])


def test_no_payload_adds_an_element_or_attribute(sites):
    for page in _pages(sites[False]):
        benign = _shape((sites[False] / page).read_text(encoding="utf-8"))
        hostile = _shape((sites[True] / page).read_text(encoding="utf-8"))
        assert hostile.shape == benign.shape, page


def test_no_event_handlers_scripts_or_bad_links(sites):
    for page in _pages(sites[True]):
        parsed = _shape((sites[True] / page).read_text(encoding="utf-8"))
        benign = _shape((sites[False] / page).read_text(encoding="utf-8"))
        assert parsed.handlers == [], page
        # The theme's own `javascript:void(0)` buttons are in both sites; nothing else may be.
        assert [u for u in parsed.links if not _scheme_ok(u)] == [u for u in benign.links if not _scheme_ok(u)], page
        assert {u for u in benign.links if not _scheme_ok(u)} <= {"javascript:void(0)"}, page
        for kind, body in parsed.scripts:
            if kind in ("application/json", "application/ld+json"):
                json.loads(body)  # the block was not broken out of
            else:
                assert "alert(" not in body, page


def test_payloads_are_shown_as_text(sites):
    text = " ".join(_shape((sites[True] / "briefs" / "fixture-brief" / "index.html").read_text(encoding="utf-8")).text)
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[md link](javascript:alert(5))",
                    "{{ config.site_name }}", "<!-- a comment --><b>bold</b>", SEED_PAYLOAD, URL_PAYLOAD):
        assert payload in text
    assert "T0 ” onmouseover=”alert(12)” data-x=”" in text  # the title, with its look-alike quotes


def test_search_index_holds_the_payloads_as_text(sites):
    """Pagefind keeps a page's text, not its markup: a payload that had become
    an element would lose its tags there.  The search box puts titles and
    excerpts into the page as text nodes only (javascripts/search.js)."""
    records = {h: pagefind_records(sites[h]) for h in (False, True)}
    assert records[True].keys() == records[False].keys() and records[True]
    text = " ".join(r["content"] + " " + r["meta"]["title"] for r in records[True].values())
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[md link](javascript:alert(5))",
                    "<!-- a comment --><b>bold</b>"):
        assert payload in text, payload


def test_front_matter_survives_characters_yaml_refuses():
    """json.dumps leaves C1 controls raw; PyYAML refuses them, and MkDocs then
    renders a page's whole front matter as Markdown (raw HTML and all)."""
    from mkdocs.utils.meta import get_data

    page = Output("x.md", "body", meta={"title": "a\x85b\x9fc\u2028d\ufffe", "tags": ["<img src=x onerror=alert(1)>\x80"]})
    body, meta = get_data(page.text)
    assert body == "body"
    assert meta == {"title": "a b\x9fc d\ufffe", "tags": ["<img src=x onerror=alert(1)>\x80"]}


@pytest.mark.parametrize("html, expected", [
    ("<p>ok <script>alert(1)</script></p>", "<p>ok </p>"),
    ('<p><img src=x onerror="alert(1)">x</p>', "<p>x</p>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
    ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
    ('<a href="https://example.org/" onclick="alert(1)">x</a>', '<a href="https://example.org/">x</a>'),
    ('<a href="mailto:a@example.org">x</a>', '<a href="mailto:a@example.org">x</a>'),
    ('<a href="../briefs/x/#p-3" class="headerlink" title="t">x</a>', '<a href="../briefs/x/#p-3" class="headerlink" title="t">x</a>'),
    ("<p>a<!-- hidden -->b</p>", "<p>ab</p>"),
    ('<div style="display:none"><iframe src="https://example.org"></iframe>x</div>', "<div>x</div>"),
])
def test_sanitizer(html, expected):
    assert clean(html) == expected


class _Events(HTMLParser):
    """Everything a page's HTML means, whatever its spelling (quotes, entities, `<br/>`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(sorted(attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "data":
            self.events[-1] = ("data", self.events[-1][1] + data)
        else:
            self.events.append(("data", data))


def _events(html: str) -> list[tuple]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def test_sanitizer_changes_nothing_in_the_real_pages(tmp_path, monkeypatch):
    """The allow-lists cover every element and attribute the real pages use,
    and every real page takes the sanitizer's quick way (when this fails
    after a new view, extend generator/sanitize.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import generator.sanitize as sanitize

    root = make_project(tmp_path / "project", real=True)
    seen: list[str] = []
    original = sanitize.page_content

    def recording(html: str, page) -> str:
        if page.file.generated_by is not None:
            seen.append(html)
        return original(html, page)

    monkeypatch.setattr(sanitize, "page_content", recording)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    assert len(seen) >= len(list((REPO / "briefs").glob("*.yaml")))  # every generated page went through it
    for html in seen:
        assert _events(clean(html)) == _events(html)


def _xml_shape(path: Path) -> list[tuple]:
    from xml.etree import ElementTree

    return [(e.tag, tuple(sorted(e.attrib))) for e in ElementTree.parse(path).iter()]


def test_feed_and_data_files_keep_their_shape(sites):
    """The feed and sitemap stay well-formed XML with the benign site's
    elements; JSON exports still parse (a payload closed nothing)."""
    for path in sorted(sites[False].rglob("*")):
        rel = path.relative_to(sites[False])
        if path.suffix == ".xml":
            assert _xml_shape(sites[True] / rel) == _xml_shape(path), rel
        elif path.suffix == ".json":
            json.loads((sites[True] / rel).read_text(encoding="utf-8"))
