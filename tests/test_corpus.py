"""Corpus formats (.txt, .html, .jsonl, .json, folders) and every kind of bad input: one clear line naming
the file and what to do, the other articles kept."""
from __future__ import annotations

import json
from datetime import date

import pytest

from kg.corpus import read_corpus
from kg.corpus.article import MAX_ARTICLE_CHARS

from .conftest import SEEDS, cp1258

SEED = sorted(SEEDS.glob("*.txt"))[2].read_text(encoding="utf-8")
BODY = "Chiều 8/3, tại Hà Nội, Thủ tướng Lào đã hội đàm với Thủ tướng Việt Nam về hợp tác kinh tế."

PAGE = """<!doctype html><html><head><title>Hội đàm cấp cao</title>
<meta property="og:site_name" content="Báo Nhân Dân"><meta property="article:published_time" content="2025-03-08">
</head><body><nav><a href="/">Trang chủ</a> | <a href="/tg">Thế giới</a> | Đăng nhập</nav>
<article><h1>Hội đàm cấp cao Việt Nam - Lào</h1><p>{body}</p>
<p>Hai bên nhất trí nâng kim ngạch thương mại song phương lên 5 tỷ USD vào năm 2030.</p></article>
<aside>Tin liên quan: Giá vàng hôm nay tăng mạnh</aside><footer>Bản quyền © Báo điện tử. Liên hệ quảng cáo</footer>
</body></html>"""


def read(tmp_path, **files):
    for name, content in files.items():
        path = tmp_path / name.replace("__", ".")
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_corpus([tmp_path])


def test_html_gives_the_main_text_and_its_metadata(tmp_path):
    (article,), errors = read(tmp_path, page__html=PAGE.format(body=BODY))
    assert not errors
    assert BODY in article.text
    assert "Trang chủ" not in article.text and "Bản quyền" not in article.text and "Giá vàng" not in article.text
    assert (article.id, article.published, article.publisher) == ("page", date(2025, 3, 8), "Báo Nhân Dân")


def test_malformed_html_still_gives_its_text(tmp_path):
    (article,), errors = read(tmp_path, torn__html=f"<html><body><div><p>{BODY}<p><b>Hai bên nhất trí</i></table>")
    assert not errors and BODY in article.text


def test_jsonl_records_carry_id_date_publisher_and_title(tmp_path):
    records = [{"id": "a-1", "title": "Hội đàm", "date": "2025-03-08T10:00:00+07:00", "url": "https://x.vn/a",
                "publisher": "VOV", "text": BODY},
               {"id": "a-2", "date": "2025-03-09", "text": SEED}]
    articles, errors = read(tmp_path, feed__jsonl="\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    assert not errors
    first, second = articles
    assert (first.id, first.published, first.publisher, first.url) == ("a-1", date(2025, 3, 8), "VOV", "https://x.vn/a")
    assert first.text.startswith("Hội đàm\n")           # the headline is read with the body
    assert second.published == date(2025, 3, 9)


def test_json_file_of_one_record_or_a_list(tmp_path):
    articles, errors = read(tmp_path, one__json=json.dumps({"id": "x", "text": BODY}),
                            many__json=json.dumps([{"id": "y", "text": BODY}, {"text": SEED}]))
    assert not errors
    assert sorted(a.id for a in articles) == ["many-2", "x", "y"]


def test_bom_and_crlf_are_read_as_plain_utf8(tmp_path):
    (article,), errors = read(tmp_path, bom__txt=b"\xef\xbb\xbf" + BODY.replace(" ", " ").encode() + b"\r\nHai\r\n")
    assert not errors
    assert article.text == BODY + "\nHai\n"


@pytest.mark.parametrize("name, content, expected", [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\t\n", "empty article"),
    ("binary.txt", bytes(range(256)) * 4, "binary data, not text"),
    ("legacy.txt", cp1258(BODY), "not UTF-8 text (it looks like cp1258)"),
    ("latin.txt", "Hà Nội, Đức — façade".encode("utf-8").decode("utf-8").encode("latin-1", "replace"),
     "not UTF-8 text"),
    ("broken.jsonl", b'{"id": "ok", "text": "x"\n', "broken.jsonl:1: not valid JSON"),
    ("notext.jsonl", b'{"id": "n"}\n', "notext.jsonl:1: the record has no 'text'"),
    ("baddate.jsonl", json.dumps({"id": "d", "date": "8/3/2025", "text": BODY}).encode(), "is not ISO 8601"),
    ("broken.json", b'[{"id": "a", "text": ', "broken.json: not valid JSON"),
    ("empty.html", b"<html><head><title></title></head><body><script>var a = 1;</script></body></html>",
     "no article text found"),
    ("garbage.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
])
def test_bad_input_is_one_clear_line_and_the_rest_is_kept(tmp_path, name, content, expected):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    articles, errors = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and "\n" not in errors[0]
    assert name in errors[0] and expected in errors[0], errors[0]


def test_a_legacy_encoding_is_read_when_named(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(cp1258(BODY))
    (article,), errors = read_corpus([tmp_path], encoding="cp1258")
    assert not errors and article.text == BODY


def test_duplicate_ids_keep_the_first_and_name_both(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "same.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "same", "text": SEED}), encoding="utf-8")
    articles, errors = read_corpus([tmp_path])
    assert [a.source for a in articles] == [str(tmp_path / "a" / "same.txt")]
    assert "b.jsonl:1: article id 'same' is already used by" in errors[0] and "same.txt" in errors[0]


def test_a_huge_file_is_refused_without_stopping_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "dump.txt").write_bytes((BODY + "\n").encode("utf-8") * (50 * 1024 * 1024 // len(BODY.encode())))
    articles, errors = read_corpus([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert "dump.txt" in errors[0] and "split it into articles" in errors[0]
    assert MAX_ARTICLE_CHARS < 50 * 1024 * 1024


def test_a_large_jsonl_file_is_read_record_by_record(tmp_path):
    line = json.dumps({"text": BODY}, ensure_ascii=False) + "\n"
    (tmp_path / "big.jsonl").write_text(line * 5000, encoding="utf-8")
    articles, errors = read_corpus([tmp_path])
    assert len(articles) == 5000 and not errors
    assert articles[-1].id == "big-5000"
