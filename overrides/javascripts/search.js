// The header's search box (partials/search.html), answered by Pagefind.
//
// Pagefind's index is split into chunks and fragments (generator/search.py),
// and a search loads only those its words and its first results need. The
// results are drawn in the theme's own markup (md-search-result__*), so they
// look like Material's search in light and dark. The box lives in the header,
// which instant navigation keeps, so it is bound once; each new page closes it.
const root = new URL("..", import.meta.url);  // this file is javascripts/search.js
const SHOWN = 10;  // results whose text is loaded: one fragment each
const SECTIONS = 3;  // sections shown under a result
const READY = "Type to start searching";  // the theme's words before the first key

const toggle = document.getElementById("__search");
const box = document.querySelector(".md-search__input");
const form = document.querySelector(".md-search__form");
const meta = document.querySelector(".md-search-result__meta");
const list = document.querySelector(".md-search-result__list");
let pagefind = null;

function load() {
  pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
    // A brief is long and a view or entity page short: Pagefind favours short
    // pages by default (pageLength 0.75), which put an entity page above the
    // briefs about it; titles and bottom lines weigh more (generator/search.py).
    await module.options({ baseUrl: root.pathname, excerptLength: 24, ranking: { pageLength: 0.25 } });
    await module.init();
    meta.textContent = READY;
    return module;
  });
  return pagefind;
}

// Pagefind's excerpts are its stored text with < and > escaped and <mark>
// around the words found: they are put in the page as text nodes and marks,
// never parsed as markup.
function excerpt(html) {
  const p = document.createElement("p");
  for (const [i, part] of html.split(/<\/?mark>/).entries()) {
    const node = document.createTextNode(part.replaceAll("&lt;", "<").replaceAll("&gt;", ">"));
    if (i % 2) {
      const mark = document.createElement("mark");
      mark.append(node);
      p.append(mark);
    } else {
      p.append(node);
    }
  }
  return p;
}

function link(url, heading, title, text) {
  const a = document.createElement("a");
  a.href = url;
  a.className = "md-search-result__link";
  a.tabIndex = -1;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  if (heading === "h1") {
    article.classList.add("md-search-result__article--document");
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.append(icon);
  }
  const h = document.createElement(heading);
  h.textContent = title;
  article.append(h, excerpt(text));
  a.append(article);
  return a;
}

function item(data) {
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  // The text under the title is the page's own entry; each later heading, a section.
  const top = data.sub_results.find((s) => s.url === data.url || s.anchor?.element === "h1");
  const sections = data.sub_results.filter((s) => s !== top);
  li.append(link(data.url, "h1", data.meta.title, top?.excerpt ?? ""));
  for (const s of sections.slice(0, SECTIONS)) {
    li.append(link(s.url, "h2", s.title, s.excerpt));
  }
  return li;
}

async function search() {
  const query = box.value.trim();
  const module = await load();
  const found = await module.debouncedSearch(query, {}, 150);
  if (found === null) return;  // a later keystroke superseded this one
  if (!query) {
    meta.textContent = READY;
    list.replaceChildren();
    return;
  }
  const n = found.results.length;
  meta.textContent = n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : `${n} matching documents`;
  const shown = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
  if (query !== box.value.trim()) return;
  list.replaceChildren(...shown.map(item));
}

function open() {
  toggle.checked = true;
  load();
}

function close() {
  toggle.checked = false;
  box.blur();
}

box.addEventListener("focus", open);
box.addEventListener("input", search);
toggle.addEventListener("change", () => toggle.checked && box.focus());
form.addEventListener("submit", (event) => {
  event.preventDefault();  // Enter opens the first result
  list.querySelector("a")?.click();
});
form.addEventListener("reset", () => setTimeout(() => { search(); box.focus(); }));
// Up and down move through the results, as in the theme's own search.
function step(event, by) {
  const links = [...list.querySelectorAll(".md-search-result__link")];
  if (!links.length) return;
  event.preventDefault();
  const at = links.indexOf(document.activeElement);
  const next = at < 0 ? (by > 0 ? 0 : links.length - 1) : at + by;
  if (next < 0) box.focus();
  else links[Math.min(next, links.length - 1)].focus();
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && toggle.checked) {
    close();
  } else if (toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    step(event, event.key === "ArrowDown" ? 1 : -1);
  } else if ((event.key === "/" || event.key === "s") && !toggle.checked
             && !(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) {
    event.preventDefault();
    box.focus();
  }
});
// Following a result (instant navigation swaps the page, not the header)
// closes the dialog and leaves the box empty for the next search.
window.document$?.subscribe(() => {
  if (!toggle.checked && !box.value) return;
  close();
  box.value = "";
  list.replaceChildren();
  if (pagefind) pagefind.then(() => { meta.textContent = READY; });
});
