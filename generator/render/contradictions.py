"""Claims side by side: for each question, every answer the sources give.

A topic is flagged as contested automatically whenever its claims carry
more than one answer (answers naming the same items in another order or
case count as one).
"""

from __future__ import annotations

from ..analyse import TopicClaims
from ..corpus import Corpus
from ..model import ATTRIBUTION_LABELS
from . import links
from .common import cites, table, when
from .text import front_matter, link, md

PAGE = "contradictions.md"
#: Sources shown per answer; the count says how many more there are.
PER_ANSWER = 12


def render_contradictions(corpus: Corpus, topics: dict[str, TopicClaims]) -> str:
    contested = [t for t in topics.values() if t.disagree]
    agreed = [t for t in topics.values() if not t.disagree]
    out = [front_matter("Claims and contradictions"), "# Claims and contradictions\n",
           f"{len(contested)} of {len(topics)} questions get different answers from different sources. "
           "Each answer lists the sources that give it, newest first, with who the source says makes the claim.\n"]
    for label, group in (("Where sources disagree", contested), ("Where sources agree, or add to one list", agreed)):
        if group:
            out.append(f"## {label}\n")
            for t in sorted(group, key=lambda t: corpus.topics[t.topic].name.lower()):
                out.append(_topic(corpus, t))
    return "\n".join(out)


def _topic(corpus: Corpus, t: TopicClaims) -> str:
    topic = corpus.topics[t.topic]
    flag = '!!! warning "Sources disagree"\n\n    ' if t.disagree else ""
    head = f"### {md(topic.name)}\n\n"
    if topic.question:
        head += f"{flag}{md(topic.question)} — {len(t.answers)} different answers from {t.sources} sources.\n\n" if t.disagree \
            else f"{md(topic.question)}\n\n"
    rows = []
    for claims in t.answers.values():
        for r, c in claims[:PER_ANSWER]:
            rows.append([f"**{md(c.answer)}**", md(c.claim), link(r.brief.title, links.rel(PAGE, links.brief(r.id))),
                         ATTRIBUTION_LABELS[c.attribution], when(r.brief.source.published, marks=False),
                         cites(PAGE, links.brief(r.id), c.cite)])
        if len(claims) > PER_ANSWER:
            rows.append([f"**{md(claims[0][1].answer)}**", f"and {len(claims) - PER_ANSWER} more sources", "", "", "", ""])
    return head + table(["Answer", "Claim", "Source", "Attribution", "Article date", "Paragraphs"], rows)
