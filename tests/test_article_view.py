"""The article view (`kg export articles`): each article's text with every fact the graph took from it
marked where it was read, on a Memory and an Oxigraph store; in headless Chromium too."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.export import export
from kg.views.articles import KINDS, Span, amount_label, fragments, page_names, post_spans, read_articles

from .conftest import SEEDS
from .test_browser import browser, open_page  # noqa: F401  (the Chromium fixture)

# which classes an article has, asked of the store independently of the view
HAS = """PREFIX schema: <https://schema.org/>
PREFIX dk: <https://w3id.org/diplomacy-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?id ?kind WHERE {
  ?article a schema:NewsArticle ; schema:identifier ?id .
  { VALUES (?c ?kind) { (schema:Person "Person") (schema:Organization "Organization") (schema:Event "Event")
                        (dk:Commitment "Commitment") (dk:Observation "Figure") (dk:Project "Project")
                        (dk:Agreement "Agreement") }
    ?x a ?c ; prov:wasDerivedFrom ?article }
  UNION { GRAPH ?g { ?article a schema:NewsArticle . ?x a schema:Country } BIND("Country" AS ?kind) }
  UNION { ?x org:member ?p ; prov:wasDerivedFrom ?article BIND("Post" AS ?kind) }
  UNION { ?x prov:wasDerivedFrom ?article ; dk:target ?t BIND("Target" AS ?kind) }
}"""


@pytest.fixture(scope="module")
def oxigraph_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("articles") / "store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--store", str(store), "--no-exports"])
    assert result.exit_code == 0, result.output
    return store


class Page(HTMLParser):
    """The marks of a page: each span's text as drawn (its fragments joined), titles, and the page's data."""

    def __init__(self, text: str):
        super().__init__()
        self.open: list = []           # span index of each open <mark>, None for other tags
        self.drawn: dict[int, str] = {}
        self.titles: list[str] = []
        self.visible: list[str] = []
        self.in_script = False
        self.feed(text)
        self.data = {name: json.loads(value) for name, value in
                     re.findall(r"const (NODES|SPANS|TEXT) = (.*?);\n", text)}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_script = tag in ("script", "style")
        if tag == "mark":
            self.open.append(int(attrs["data-span"]) if "data-span" in attrs else None)
        if "title" in attrs:
            self.titles.append(attrs["title"])

    def handle_endtag(self, tag):
        self.in_script = False
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        if self.in_script:
            return
        self.visible.append(data)
        for i in self.open:
            if i is not None:
                self.drawn[i] = self.drawn.get(i, "") + data


def expected_kinds(ds) -> dict[str, set]:
    out: dict[str, set] = {}
    for ident, kind in ds.query(HAS):
        out.setdefault(str(ident), set()).add(str(kind))
    return out


def write_pages(how, seeds_dataset, oxigraph_store, tmp_path):
    out = tmp_path / "articles"
    if how == "memory":
        export(seeds_dataset, "articles", out)
        return out, seeds_dataset
    args = ["export", "articles"] if how == "oxigraph" else ["export", "--format", "articles"]
    result = CliRunner().invoke(main, args + ["-o", str(out), "--store", str(oxigraph_store)])
    assert result.exit_code == 0, result.output
    return out, None


@pytest.mark.parametrize("how", ["memory", "oxigraph", "oxigraph --format"])
def test_every_class_an_article_has_is_marked_at_its_offsets(how, seeds_dataset, oxigraph_store, tmp_path):
    out, _ = write_pages(how, seeds_dataset, oxigraph_store, tmp_path)
    wanted = expected_kinds(seeds_dataset)
    names = page_names(list(wanted))
    assert sorted(p.name for p in out.iterdir()) == sorted(["index.html", *names.values()])
    index = (out / "index.html").read_text(encoding="utf-8")
    for ident, kinds in wanted.items():
        assert f'href="{names[ident]}"' in index
        text = (out / names[ident]).read_text(encoding="utf-8")
        assert '<html lang="vi">' in text and '<meta charset="utf-8">' in text
        assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", text)     # nothing fetched
        page = Page(text)
        spans, body = page.data["SPANS"], page.data["TEXT"]
        assert set(page.drawn) == set(range(len(spans)))                  # no span lost to an overlap
        marked = set()
        for i, s in enumerate(spans):
            assert page.drawn[i] == body[s["begin"]:s["end"]], (ident, s)
            marked.add(s["kind"])
        assert kinds <= marked, (ident, kinds - marked)
        assert "".join(page.visible).find(body[:40]) >= 0                 # the text itself is shown


OTHER_COUNTRIES = """Bộ trưởng Ngoại giao Chile hội đàm với Bộ trưởng Ngoại giao Kenya

Ngày 12/3/2025, tại Santiago, Bộ trưởng Ngoại giao Chile Alberto van Klaveren đã hội đàm với Bộ trưởng Ngoại giao \
Kenya Musalia Mudavadi. Hai bên nhất trí phấn đấu đưa kim ngạch thương mại song phương lên 2 tỷ USD vào năm 2030.

Theo Tổng cục Thống kê, năm 2024 thương mại hai nước đạt 1,2 tỷ USD, tăng 8,5%.
"""


@pytest.mark.parametrize("name,text,kinds", [
    ("chile-kenya", OTHER_COUNTRIES, {"Person", "Post", "Country", "Event", "Commitment", "Target", "Figure"}),
    # markup in a text is text: it neither ends the page's script nor opens a comment; astral characters
    # (which JavaScript counts twice) come before the marks
    ("markup", "Tổng thống Peru 🇵🇪 Dina Boluarte </script><!--<script> hội đàm với Thủ tướng Na Uy Jonas Gahr Støre "
               "tại Lima ngày 3/4/2025.\n", {"Person", "Country"}),
])
def test_articles_about_other_countries(name, text, kinds, tmp_path, browser):  # noqa: F811
    from kg.build import build_articles
    from kg.store import open_dataset

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    ds = open_dataset("memory")
    assert not build_articles(ds, [tmp_path / "in"]).failed
    export(ds, "articles", tmp_path / "out")
    page_path = tmp_path / "out" / page_names([name])[name]
    page = Page(page_path.read_text(encoding="utf-8"))
    assert page.data["TEXT"] == read_articles(ds)[0].text
    assert kinds <= {s["kind"] for s in page.data["SPANS"]}
    for i, s in enumerate(page.data["SPANS"]):
        assert page.drawn[i] == page.data["TEXT"][s["begin"]:s["end"]]
    open_page(browser, page_path)
    person = browser.find_element("css selector", "#text mark.k-Person")
    person.click()
    assert f"«{person.text}»" in browser.find_element("id", "panel").text


def test_no_label_is_an_iri(seeds_dataset, tmp_path):
    out = tmp_path / "articles"
    export(seeds_dataset, "articles", out)
    for path in out.iterdir():
        page = Page(path.read_text(encoding="utf-8"))
        labels = [n["label"] for n in page.data.get("NODES", {}).values()]
        labels += [t.split(" · ")[0] for t in page.titles]
        assert all(label.strip() and not label.startswith("http") for label in labels), path
        assert not any(line.strip().startswith("http") for line in "".join(page.visible).splitlines())


@pytest.mark.parametrize("spans", [
    [(0, 10), (2, 5)],                       # nested
    [(0, 6), (4, 10)],                       # crossing
    [(0, 10), (0, 10), (3, 4)],              # the same span twice (two nodes), one inside
    [(0, 8), (2, 12), (6, 14), (1, 3)],      # a chain of crossings
    [(5, 6), (0, 20), (5, 20), (19, 20)],
])
def test_overlapping_spans_nest_and_none_is_lost(spans):
    objects = sorted((Span(b, e, "Person", str(i)) for i, (b, e) in enumerate(spans)), key=lambda s: (s.begin, -s.end))
    covered: dict[int, list] = {i: [] for i in range(len(objects))}

    def walk(frags, lo, hi):
        at = lo
        for b, e, i, children in frags:
            assert lo <= at <= b < e <= hi            # in order, inside the parent, not overlapping a sibling
            covered[i].append((b, e))
            walk(children, b, e)
            at = e
    walk(fragments(objects), 0, 100)
    for i, s in enumerate(objects):
        pieces = sorted(covered[i])
        assert pieces[0][0] == s.begin and pieces[-1][1] == s.end
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))   # the fragments tile the span


@pytest.mark.parametrize("text,name,forms,found", [
    ("Thủ tướng Na Uy Jonas Gahr Støre phát biểu.", "Jonas Gahr Støre", ["Thủ tướng"], ["Thủ tướng"]),
    ("Bà Ruth Nyambura, đại sứ Kenya tại Việt Nam, cho biết.", "Ruth Nyambura", ["Đại sứ"], ["đại sứ"]),
    ("Bộ trưởng A và Bộ trưởng Ngoại giao Peru Elmer Schialer", "Elmer Schialer", ["Bộ trưởng", "Bộ trưởng Ngoại giao"],
     ["Bộ trưởng Ngoại giao"]),                               # the nearest, and the longest there
    ("Tổng thống Kazakhstan\nKassym-Jomart Tokayev đến Hà Nội.", "Kassym-Jomart Tokayev", ["Tổng thống"], []),
    ("ẞẞ Straße Thủ tướng Maroc Aziz Akhannouch", "Aziz Akhannouch", ["thủ tướng"], ["Thủ tướng"]),
])
def test_a_post_is_found_next_to_its_holder(text, name, forms, found):
    begin = text.index(name)
    spans = post_spans(text, forms, [Span(begin, begin + len(name), "Person", "p")])
    assert [text[b:e] for b, e in spans] == found


@pytest.mark.parametrize("row,label", [
    ((5e9, None, None, "USD", "kim ngạch thương mại", None, 2030), "5 tỷ USD – kim ngạch thương mại (2030)"),
    ((1.6e9, None, None, "USD", None, "2023", None), "1,6 tỷ USD"),
    ((None, 10.0, 15.0, "percent", None, None, None), "10–15%"),
    ((1300.0, None, None, "scholarship", None, None, None), "1.300 suất học bổng"),
    ((2.5e6, None, None, "EUR", None, None, None), "2,5 triệu Euro"),
    ((None, None, None, "percent", None, None, None), "%"),            # a figure the build kept without its amount
])
def test_amounts_read_as_the_news_writes_them(row, label):
    assert amount_label(row) == label


@pytest.mark.parametrize("ids", [
    ["a/b", "a_b", "a-b", "a b"],
    ["../../etc/passwd", "..", ".", ".hidden"],
    ["A", "a"],                                  # one file system may not tell them apart
    ["index", "index.html"],
    ["", "\x00", "x" * 300, "Bài báo số 1", "Bai bao so 1", "文章", "статья"],
])
def test_page_names_are_safe_and_unique(ids):
    names = page_names(ids)
    assert len({n.casefold() for n in names.values()} | {"index.html"}) == len(ids) + 1
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,80}\.html", n) for n in names.values())
    assert page_names(list(reversed(ids))) == names


@pytest.mark.parametrize("kind", ["symlink", "folder"])
def test_a_link_or_folder_in_the_way_is_not_replaced(kind, seeds_dataset, tmp_path):
    out = tmp_path / "articles"
    out.mkdir()
    target = tmp_path / "elsewhere.html"
    target.write_text("keep", encoding="utf-8")
    victim = out / next(iter(page_names([a.id for a in read_articles(seeds_dataset)]).values()))
    if kind == "symlink":
        os.symlink(target, victim)
    else:
        victim.mkdir()
    with pytest.raises(KgError, match="not a regular file"):
        export(seeds_dataset, "articles", out)
    assert target.read_text(encoding="utf-8") == "keep"
    assert victim.is_symlink() if kind == "symlink" else victim.is_dir()
    assert not (out / "index.html").exists()                  # checked before anything was written


def test_a_selection_is_refused(oxigraph_store, tmp_path):
    result = CliRunner().invoke(main, ["export", "articles", "--focus", "x", "-o", str(tmp_path / "a"),
                                       "--store", str(oxigraph_store)])
    assert result.exit_code == 1 and "articles shows every article" in result.output


def test_article_page_in_chromium_marks_every_class(browser, seeds_dataset, tmp_path):  # noqa: F811
    out = tmp_path / "articles"
    export(seeds_dataset, "articles", out)
    wanted = expected_kinds(seeds_dataset)
    names = page_names(list(wanted))
    ident = max(wanted, key=lambda i: len(wanted[i]))            # the article with the most classes
    page = out / names[ident]
    open_page(browser, page)
    drawn = browser.execute_script("""
        const kinds = {};
        for (const m of document.querySelectorAll('#text mark[data-span]')) {
          const r = m.getBoundingClientRect(), k = [...m.classList].find(c => c.startsWith('k-')).slice(2);
          if (r.width > 0 && r.height > 0 && getComputedStyle(m).borderBottomWidth !== '0px') kinds[k] = (kinds[k] || 0) + 1;
        }
        return kinds;""")
    assert wanted[ident] <= set(drawn), wanted[ident] - set(drawn)
    assert set(drawn) <= set(KINDS)
    browser.find_element("css selector", "#text mark.k-Person").click()
    panel = browser.find_element("id", "panel").text
    assert "https://" in panel and "«" in panel                  # the node's IRI and the text it was read from
    assert not panel.splitlines()[0].startswith("http")          # its label heads the panel
    event = browser.execute_script("""return [...document.querySelectorAll('#text mark.k-Event')]
        .find(m => NODES[m.dataset.node].related.length > 0)""")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", event)
    event.click()                                                # its attendees are outlined, as brat draws arcs
    assert browser.find_elements("css selector", "#text mark.rel")
    browser.save_screenshot(str(tmp_path / "article.png"))
    open_page(browser, out / "index.html")
    assert len(browser.find_elements("css selector", "tbody tr")) == len(wanted)
    assert (tmp_path / "article.png").stat().st_size > 10_000
