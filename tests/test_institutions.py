"""Table-driven tests of the institutions lexicon: international bodies read by their Vietnamese names and
abbreviations, in sentences about countries none of the keyed sets covers; abbreviations that stay quiet
inside ordinary words."""
from __future__ import annotations

import json

import pytest

from kg import lexicons
from kg.extract.actors import grammar
from kg.text.tokens import tokenize
from tests.conftest import shared_or_skip


def orgs(sentence):
    return [(o.org.base, o.org.kind, o.org.country) for o in grammar().read(sentence, 0, 0).orgs]


def known():
    return lexicons.load("institutions")["known"]


def abbreviations():
    """Forms written in capitals only ('NATO', 'G20', 'HĐBA'): the ones that could collide with a word."""
    return sorted({f for e in known() for f in [e["name"], *e.get("aliases", [])]
                   if f.upper() == f and len(tokenize(f)) <= 2 and any(c.isalpha() for c in f)})


@pytest.mark.parametrize("sentence,name", [
    # after a title, with the officer's name
    ("Tổng Thư ký NATO Mark Rutte cho biết liên minh sẽ họp tại Oslo.", "NATO"),
    ("Tổng Giám đốc FAO Khuất Đông Vũ làm việc với đoàn Kenya.", "Tổ chức Nông Lương Liên Hợp Quốc"),
    ("Chủ tịch Ủy ban Liên minh châu Phi Mahmoud Ali Youssouf thăm Nairobi.", "Ủy ban Liên minh châu Phi"),
    ("Phó Tổng Thư ký Liên Hợp Quốc Amina Mohammed phát biểu tại Lima.", "Liên Hợp quốc"),
    ("Tổng Giám đốc Tổ chức Y tế Thế giới Tedros Adhanom Ghebreyesus cảnh báo về dịch bệnh.",
     "Tổ chức Y tế Thế giới"),
    ("Nghị viện châu Âu thông qua nghị quyết về thương mại với Chile.", "Nghị viện châu Âu"),
    ("Chủ tịch Ngân hàng Trung ương châu Âu Christine Lagarde nói về lạm phát.", "Ngân hàng Trung ương châu Âu"),
    ("Tổng Thư ký Liên đoàn Ả-rập Ahmed Aboul Gheit hội kiến Quốc vương Maroc.", "Liên đoàn Ả-rập"),
    ("Tổng Giám đốc UNESCO Audrey Azoulay thăm Kazakhstan.", "UNESCO"),
    ("Tổng Thư ký ASEAN Kao Kim Hourn dự hội nghị.", "ASEAN"),
    # on their own, by full name or abbreviation
    ("Hội đồng Bảo an Liên Hợp Quốc họp khẩn về tình hình Sudan.", "Hội đồng Bảo an Liên Hợp Quốc"),
    ("HĐBA thông qua nghị quyết về Haiti.", "Hội đồng Bảo an Liên Hợp Quốc"),
    ("Kazakhstan là thành viên của Tổ chức Hợp tác Thượng Hải.", "Tổ chức Hợp tác Thượng Hải"),
    ("Maroc đề nghị IMF hỗ trợ tài chính.", "Quỹ Tiền tệ quốc tế"),
    ("Na Uy đóng góp cho UNHCR.", "Cao ủy Liên Hợp Quốc về người tị nạn"),
    ("Peru là thành viên Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương.", "APEC"),
    ("Lãnh đạo G20 nhóm họp tại Rio de Janeiro.", "G20"),
    ("Chile tham gia Liên minh Nghị viện thế giới (IPU) từ lâu.", "Liên minh Nghị viện thế giới"),
    ("Phái đoàn Liên minh châu Âu tại Kenya ra thông cáo.", "Phái đoàn Liên minh châu Âu"),
    ("Ủy hội sông Mê Công quốc tế họp tại Viêng Chăn.", "Ủy hội sông Mê Công quốc tế"),
    ("Tòa án Công lý quốc tế ra phán quyết về vụ kiện của Chile.", "Tòa án Công lý quốc tế"),
    ("Peru gia nhập Ngân hàng Đầu tư Cơ sở hạ tầng châu Á.", "Ngân hàng Đầu tư Cơ sở hạ tầng châu Á"),
])
def test_international_body(sentence, name):
    found = orgs(sentence)
    assert found and found[0] == (name, "international", None)


@pytest.mark.parametrize("sentence", [
    "Đại hội đồng cổ đông của công ty họp ở Nairobi.",          # not the UN General Assembly
    "Tổng thống Ecuador đến Auckland khi đồng Euro tăng giá.",   # EC, AU, EU at the start of words
    "Đoàn học sinh Việt Nam giành huy chương vàng IMO năm nay.",  # the Mathematical Olympiad, not a UN body
    "Chile và Việt Nam ký thỏa thuận; who knows, một nhà báo viết.",
    "Một đội bóng Nam Mỹ thắng ở Auckland.",
])
def test_no_body_inside_ordinary_words(sentence):
    assert not [o for o in orgs(sentence) if o[1] == "international"]


@pytest.mark.parametrize("sentence,name,kind", [
    ("Bộ trưởng Kinh tế, Thương mại và Công nghiệp Nhật Bản tiếp đoàn.", "Bộ Kinh tế, Thương mại và Công nghiệp",
     "ministry"),
    ("Bộ trưởng Năng lượng và Mỏ Peru phát biểu.", "Bộ Năng lượng và Mỏ", "ministry"),
    ("Bộ Ngoại giao và Thương mại Australia ra thông báo.", "Bộ Ngoại giao và Thương mại", "ministry"),
    ("Nhà Trắng cho biết Tổng thống sẽ tới Lima.", "Nhà Trắng", "venue"),
])
def test_government_forms_of_any_country(sentence, name, kind):
    found = orgs(sentence)
    assert found and found[0][:2] == (name, kind)


@pytest.mark.parametrize("name,bloc", [
    ("Liên minh châu Âu", "EU"), ("Ủy ban châu Âu", "EU"), ("Hội đồng châu Âu", "EU"), ("Nghị viện châu Âu", "EU"),
    ("Cơ quan Đối ngoại châu Âu", "EU"), ("Liên minh châu Phi", None), ("Liên Hợp quốc", None),
    ("Ủy hội châu Âu", None),   # the Council of Europe is no body of the Union
])
def test_bloc(name, bloc):
    entry = next(e for e in known() if e["name"] == name)
    assert entry["type"] == "international" and entry.get("bloc") == bloc


def test_every_form_names_one_institution():
    seen = {}
    for e in known():
        for form in [e["name"], *e.get("aliases", []), *e.get("short", [])]:
            key = tuple(t.low for t in tokenize(form))
            assert seen.setdefault(key, e["name"]) == e["name"], form


@pytest.mark.parametrize("abbreviation", abbreviations())
def test_abbreviation_is_never_an_ordinary_word_in_real_news(abbreviation):
    """The matcher ignores case past the first capital: 'NAM' would fire on every 'Việt Nam'. In the real
    articles, every capitalised token spelled like an abbreviation must be written in capitals."""
    path = shared_or_skip("real", "articles.jsonl")
    words = [t.low for t in tokenize(abbreviation)]
    for line in path.read_text(encoding="utf-8").splitlines():
        toks = tokenize(json.loads(line).get("text", ""))
        for i in range(len(toks) - len(words) + 1):
            span = toks[i:i + len(words)]
            if span[0].is_cap and [t.low for t in span] == words:
                assert all(t.text == t.text.upper() for t in span), (abbreviation, span[0].text)


def companies(sentence):
    return [(o.org.surface, o.org.country) for o in grammar().read(sentence, 0, 0).orgs]


@pytest.mark.parametrize("sentence,expected", [
    # a legal form closes the name, or opens it, with no head word before it
    ("Bộ trưởng Kenya chứng kiến lễ ký giữa Safari Rail Holdings PLC và một đối tác.",
     ("Safari Rail Holdings PLC", None)),
    ("Tập đoàn Norsk Fjordkraft ASA (Na Uy) mở văn phòng tại Hà Nội.", ("Tập đoàn Norsk Fjordkraft ASA", "NO")),
    ("Peru ký thỏa thuận với Minera Andina S.A.C. về khai khoáng.", ("Minera Andina S.A.C.", None)),
    ("Hai bên chứng kiến PT Nusantara Baru Tbk ký hợp đồng.", ("PT Nusantara Baru Tbk", None)),
    ("Công ty Atlas Marrakech Co., Ltd. khánh thành nhà máy.", ("Công ty Atlas Marrakech Co., Ltd.", None)),
    ("OOO Steppe Logistics và đối tác Kazakhstan ký biên bản.", ("OOO Steppe Logistics", None)),
    # the country the text gives right after the body: its owner's, or that of the ministry it belongs to
    ("Tập đoàn Andes Copper của Chile và một công ty khác trao biên bản ghi nhớ.", ("Tập đoàn Andes Copper", "CL")),
    ("Biên bản giữa Cục Di sản, Bộ Văn hóa Kenya và một cơ quan của Peru.", ("Cục Di sản", "KE")),
    # a single capitalised syllable opens a word that goes on in lowercase
    ("Thủ tướng Peru chúc mừng Ban Lãnh đạo mới của Na Uy.", ("Ban Lãnh đạo", None)),
    ("Đoàn thăm Học viện Quốc phòng mang tên một vị tướng Peru.", ("Học viện Quốc phòng", None)),
    # a name stops before 'và' and a verb, and at its country before a verb
    ("Chính phủ Chile hỗ trợ Đại học Patagonia và mong phía Kenya cũng hỗ trợ.", ("Đại học Patagonia", None)),
    ("Tập đoàn Kilimanjaro và tỉnh Nghệ An ký thỏa thuận.", ("Tập đoàn Kilimanjaro", None)),
    # digits written onto a word belong to it; a slash, like a comma, ends a name and names its ministry
    ("Giám đốc điều hành Tập đoàn K7 về khai khoáng thăm Lima.", ("Tập đoàn K7", None)),
    ("Lễ ký với Cục An ninh Quân đội/Bộ Quốc phòng Kenya diễn ra tại Nairobi.", ("Cục An ninh Quân đội", "KE")),
])
def test_company_and_agency_names(sentence, expected):
    assert expected in companies(sentence)


@pytest.mark.parametrize("sentence", [
    "Ông Sa Ag nói rằng Peru sẵn sàng.",                   # syllables spelled like a legal form
    "Đoàn Kenya tới Hà Nội, Sa Pa và Hạ Long.",
    "Bà Ana Soto Ltda nói chuyện với sinh viên",            # no capitalised run without a form before 'Ltda'
])
def test_no_company_without_a_legal_form(sentence):
    assert not [o for o in grammar().read(sentence, 0, 0).orgs if o.org.kind == "organization"]


@pytest.mark.parametrize("name,native", [
    ("Công ty Hoa Sen", True), ("Công ty TNHH Tập đoàn đầu tư Sông Hồng", True),
    ("Tập đoàn Andes Mining", False), ("PT Nusantara Baru Tbk", False), ("Đại học Patagonia", False),
])
def test_native_name(name, native):
    assert grammar().native_name(name) is native


def test_company_country_is_not_guessed_from_a_foreign_name():
    """A foreign-named company the text gives no country is no body of the publisher's country, and gets no
    invented 'X Việt Nam' name; a Vietnamese-named one still is the publisher's."""
    from kg.extract.context import build_context
    ctx = build_context("t", "Tập đoàn Andes Mining và Công ty Hoa Sen ký hợp đồng tại Lima.")
    by_base = {o.label: o for o in ctx.orgs.values()}
    assert by_base["Tập đoàn Andes Mining"].country is None
    assert not any(n.endswith("Việt Nam") for n in by_base["Tập đoàn Andes Mining"].names)
    assert by_base["Công ty Hoa Sen"].country == "VN"


def test_a_company_named_again_alone_is_its_holders_country_node():
    """'Chủ tịch Tập đoàn X <foreign name>' gives the body its holder's country; 'Tập đoàn X' alone later in the
    article is the same body, one node, not a second one with no country."""
    from kg.extract.context import build_context
    ctx = build_context("t", "Thủ tướng Phạm Văn Tâm hội đàm với Thủ tướng Na Uy Erik Solberg tại Oslo. Chủ tịch "
                             "Tập đoàn Fjordline Ola Nordmann dự buổi tiếp. Tập đoàn Fjordline sẽ đầu tư vào Việt Nam.")
    nodes = [o for o in ctx.orgs.values() if "Tập đoàn Fjordline" in o.names]
    assert [o.country for o in nodes] == ["NO"]


@pytest.mark.parametrize("text,names", [
    ("Đoàn Kenya thăm Bộ Năng lượng Peru, trước đây là Bộ Mỏ Peru, tại Lima.", {"Bộ Năng lượng Peru", "Bộ Mỏ Peru"}),
    ("Đoàn Kenya thăm Lima. Bộ Kinh tế Biển Chile là tên gọi mới của Bộ Thủy sản Chile.",
     {"Bộ Kinh tế Biển Chile", "Bộ Thủy sản Chile"}),
])
def test_a_body_and_its_former_name_are_one_node(text, names):
    from kg.extract.context import build_context
    ctx = build_context("t", text)
    assert [o for o in ctx.orgs.values() if names <= o.names]


def test_bodies_of_two_countries_are_not_merged_by_a_renaming_link():
    from kg.extract.context import build_context
    ctx = build_context("t", "Đoàn Kenya thăm Lima. Bộ Năng lượng Peru, nay là Bộ Năng lượng Chile, họp.")
    assert not [o for o in ctx.orgs.values() if {"Bộ Năng lượng Peru", "Bộ Năng lượng Chile"} <= o.names]
