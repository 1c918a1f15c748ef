"""Named projects and agreements: where a name starts, where it ends, what names nothing, and which
mentions are one thing. Sentences about countries none of the keyed sets covers."""
from __future__ import annotations

import pytest

from kg.extract.artifacts import named_key
from kg.extract.model import Mention, NamedThing
from kg.extract.pipeline import extract_article


def named(text: str, kind: str) -> list[str]:
    return [n.name for n in extract_article("t", text).named if n.kind == kind]


AGREEMENTS = [
    # a stop syllable inside a word does not end the name ('tự do'), the word 'với' does
    ("Kazakhstan mong muốn sớm khởi động đàm phán Hiệp định Thương mại tự do với Việt Nam.",
     ["Hiệp định Thương mại tự do"]),
    # a list of documents: commas belong to the items, semicolons end them
    ("Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ trao các văn kiện: Bản ghi nhớ về hợp tác nông nghiệp, "
     "thủy sản giữa Bộ Nông nghiệp Việt Nam và Bộ Nông nghiệp, Chăn nuôi và Thủy sản Kenya; Bản ghi nhớ về "
     "hợp tác giáo dục giữa hai Chính phủ.",
     ["Bản ghi nhớ về hợp tác nông nghiệp, thủy sản giữa Bộ Nông nghiệp Việt Nam và Bộ Nông nghiệp, Chăn nuôi "
      "và Thủy sản Kenya", "Bản ghi nhớ về hợp tác giáo dục giữa hai Chính phủ"]),
    # the parties' official names keep their commas outside a list too; 'nhằm' ends the name
    ("Hai Bộ trưởng ký Bản ghi nhớ về hợp tác du lịch giữa Bộ Văn hóa, Thể thao và Du lịch Việt Nam và Bộ "
     "Ngoại thương, Du lịch Peru nhằm thúc đẩy trao đổi du khách.",
     ["Bản ghi nhớ về hợp tác du lịch giữa Bộ Văn hóa, Thể thao và Du lịch Việt Nam và Bộ Ngoại thương, Du "
      "lịch Peru"]),
    ("Hai bên ký Bản ghi nhớ về hợp tác phòng, chống tội phạm xuyên quốc gia giữa Bộ Công an Việt Nam và "
     "Bộ Nội vụ Maroc.",
     ["Bản ghi nhớ về hợp tác phòng, chống tội phạm xuyên quốc gia giữa Bộ Công an Việt Nam và Bộ Nội vụ "
      "Maroc"]),
    # a period is kept and ends the name; a horizon after it is kept
    ("Hai bên nhất trí sớm xây dựng Chương trình hành động giai đoạn 2026-2030, đồng thời mở rộng hợp tác.",
     ["Chương trình hành động giai đoạn 2026-2030"]),
    ("Na Uy đã ban hành Quy hoạch tổng thể phát triển năng lượng tái tạo thời kỳ 2025-2035, tầm nhìn đến "
     "năm 2050; hai bên sẽ chia sẻ kinh nghiệm.",
     ["Quy hoạch tổng thể phát triển năng lượng tái tạo thời kỳ 2025-2035, tầm nhìn đến năm 2050"]),
    # a year ends a name unless the parties follow it
    ("Hai tỉnh đã ký Thỏa thuận hợp tác năm 2024 giữa hai địa phương.",
     ["Thỏa thuận hợp tác năm 2024 giữa hai địa phương"]),
    ("Hai nước đang triển khai Bản ghi nhớ về hợp tác quốc phòng song phương năm 2015.",
     ["Bản ghi nhớ về hợp tác quốc phòng song phương"]),
    # two documents joined by 'và'; a clause joined by 'và' after a proper name
    ("Hai Thủ tướng chứng kiến lễ trao Bản ghi nhớ về hợp tác y tế và Bản ghi nhớ về hợp tác giáo dục.",
     ["Bản ghi nhớ về hợp tác y tế", "Bản ghi nhớ về hợp tác giáo dục"]),
    ("Thủ tướng khẳng định Chile tôn trọng Hiến chương Liên hợp quốc và ủng hộ vai trò của ASEAN.",
     ["Hiến chương Liên hợp quốc"]),
    # a short last topic after a comma runs to the end of the sentence
    ("Hai tập đoàn trao Thỏa thuận hợp tác về phát triển cảng biển và vận tải thủy, phát triển hệ thống "
     "logistics.",
     ["Thỏa thuận hợp tác về phát triển cảng biển và vận tải thủy, phát triển hệ thống logistics"]),
    # an apposition restating the head is not a second agreement; the acronym stays with the name
    ("Việt Nam và Chile ký Hiệp định Thương mại tự do Việt Nam - Chile (VCFTA), hiệp định đầu tiên của Chile "
     "với một nước Đông Nam Á.",
     ["Hiệp định Thương mại tự do Việt Nam - Chile (VCFTA)"]),
    # a party's place after a comma; a new name after 'và'; an acronym right after the head ends the name
    ("Hai bên chứng kiến lễ trao bản ghi nhớ về hợp tác hữu nghị giữa quận Miraflores, thủ đô Lima và huyện "
     "Sóc Sơn.", ["bản ghi nhớ về hợp tác hữu nghị giữa quận Miraflores, thủ đô Lima và huyện Sóc Sơn"]),
    ("Na Uy cam kết thực hiện Thỏa thuận Paris về biến đổi khí hậu và Khung hành động Sendai.",
     ["Thỏa thuận Paris về biến đổi khí hậu"]),
    ("Hiệp định CEPA hứa hẹn mang lại lợi ích cân bằng cho Việt Nam và Chile.", ["Hiệp định CEPA"]),
    ("Hai bên thực hiện nghiêm túc Hiệp định thương mại song phương và các cam kết trong khuôn khổ WTO.",
     ["Hiệp định thương mại song phương"]),
    ("Hai bên hoan nghênh Thỏa thuận về hợp tác kinh tế, thương mại và đầu tư ký tháng 5 vừa qua.",
     ["Thỏa thuận về hợp tác kinh tế, thương mại và đầu tư"]),
    ("Hai bên đã ký kết Hiệp định liên chính phủ năm 2019 về hợp tác nghề cá, góp phần thúc đẩy đầu tư.",
     ["Hiệp định liên chính phủ năm 2019 về hợp tác nghề cá"]),
    ("Hai bên ký Hiệp định về hợp tác giáo dục, khoa học và công nghệ, trên cơ sở đó, lập Ủy ban chung.",
     ["Hiệp định về hợp tác giáo dục, khoa học và công nghệ"]),
    # generic mentions name nothing
    ("Hai bên nhất trí triển khai hiệu quả các thỏa thuận đã ký.", []),
    ("Điều này thể hiện quyết tâm thực hiện Thỏa thuận giữa hai Chính phủ, đưa quan hệ lên tầm cao mới.",
     ["Thỏa thuận giữa hai Chính phủ"]),
    ("Theo thỏa thuận, hai bên sẽ mở đường bay thẳng.", []),
    ("Hai nước nâng quan hệ lên Đối tác Chiến lược toàn diện.", []),
    ("Bộ Kế hoạch và Đầu tư phối hợp với Đại sứ quán Kenya tổ chức diễn đàn.", []),
    ("Hai bên thúc đẩy thỏa thuận hợp tác giữa hai Quốc hội.", []),
]


@pytest.mark.parametrize("text, expected", AGREEMENTS)
def test_agreement_names(text, expected):
    assert named(text, "agreement") == expected


PROJECTS = [
    ("Tổng thống Kenya đề nghị Việt Nam tham gia phát triển cảng trung chuyển quốc tế Lamu.",
     ["cảng trung chuyển quốc tế Lamu"]),
    ("Các cảng biển lớn như Callao, Chancay và Paita sẽ được nâng cấp.",
     ["cảng biển Callao", "cảng biển Chancay", "cảng biển Paita"]),
    ("Hai bên dự lễ khởi công Khu công nghiệp VSIP Nairobi, nối trực tuyến với Hà Nội.",
     ["Khu công nghiệp VSIP Nairobi"]),
    ("Hai bên khánh thành Bệnh viện Hữu nghị tại thủ đô Lima.", ["Bệnh viện Hữu nghị"]),
    ("Chủ tịch nước đánh giá cao Trung tâm Việt Nam - Peru tại Lima.", ["Trung tâm Việt Nam - Peru"]),
    ("Hai bên thúc đẩy dự án điện gió ngoài khơi Utsira Nord.", ["dự án điện gió ngoài khơi Utsira Nord"]),
    ("Thủ tướng thăm Nhà máy Lọc dầu Atyrau, do Chủ tịch tập đoàn dẫn đi tham quan.", ["Nhà máy Lọc dầu Atyrau"]),
    ("Ấn Độ hỗ trợ dự án Horti Đà Lạt đem lại thu nhập cho nông dân.", ["dự án Horti Đà Lạt"]),
    ("Dự án kết nối nông dân với người bán lẻ ở Kenya.", []),
    ("Ấn Độ xây dựng các phòng học thuộc Dự án Tác động nhanh trong khuôn khổ hợp tác song phương.",
     ["Dự án Tác động nhanh"]),
    # generic mentions, places and words that only contain a head syllable name nothing
    ("Việt Nam đang đầu tư vào đường sắt tốc độ cao, sân bay và cảng biển.", []),
    ("Kenya có 12 dự án đầu tư tại Việt Nam với tổng vốn 5 triệu USD.", []),
    ("Dự án rộng 200 ha, tổng vốn 300 triệu USD.", []),
    ("Hai nước sẽ nâng cấp hệ thống cảng biển Na Uy.", []),
    ("Tổng thống Peru tới sân bay quốc tế Jorge Chávez.", []),
    ("Giáo sư Đại học Nairobi cho biết hai bên sẽ trao đổi sinh viên.", []),
    ("Việt Nam yêu cầu Chính phủ Maroc hỗ trợ công dân.", []),
    ("Doanh nghiệp Việt Nam muốn mở rộng thị trường Nam Mỹ.", []),
]


@pytest.mark.parametrize("text, expected", PROJECTS)
def test_project_names(text, expected):
    assert named(text, "project") == expected


def test_period_of_a_named_plan():
    x = extract_article("t", "Hai bên thông qua Kế hoạch hành động giai đoạn 2026-2029 giữa hai Bộ Ngoại giao.")
    assert [(n.name, n.period) for n in x.named] == [
        ("Kế hoạch hành động giai đoạn 2026-2029", "2026/2029")]


def thing(name: str, kind: str = "agreement") -> NamedThing:
    return NamedThing(kind, name, None, Mention(0, len(name), 0))


@pytest.mark.parametrize("a, b, same", [
    # an agreement's own acronym is one key wherever it is written
    ("Hiệp định Đối tác kinh tế toàn diện Việt Nam - Chile (CEPA)", "Hiệp định Đối tác kinh tế toàn diện (CEPA)",
     True),
    ("Hiệp định Đối tác kinh tế toàn diện (CEPA)", "CEPA", True),
    ("Hiệp định CEPA", "CEPA", True),
    # a generic acronym, or a party's, keys nothing
    ("Hiệp định Thương mại tự do Việt Nam - Chile (FTA)", "Hiệp định Thương mại tự do Việt Nam - Peru (FTA)", False),
    ("Hiệp định thương mại tự do giữa Việt Nam và Liên minh Kinh tế Á - Âu (EAEU)", "EAEU", False),
    ("Bản ghi nhớ (MoU) giữa Bộ Công Thương Việt Nam và Bộ Năng lượng Chile",
     "Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Năng lượng Chile", True),
    # country order and spelling do not matter
    ("Trung tâm Việt Nam - Peru", "Trung tâm Peru - Việt Nam", True),
])
def test_named_keys(a, b, same):
    kind = "project" if a.startswith("Trung tâm") else "agreement"
    assert (named_key(thing(a, kind)) == named_key(thing(b, kind))) is same


def test_bare_acronym_is_the_same_agreement():
    text = "Hai bên ký Hiệp định Thương mại tự do Việt Nam - Chile (VCFTA). Từ đó, VCFTA giúp kim ngạch song " \
           "phương tăng mạnh."
    x = extract_article("t", text)
    keys = {named_key(n) for n in x.named if n.kind == "agreement"}
    assert [text[n.mention.begin:n.mention.end] for n in x.named] == \
        ["Hiệp định Thương mại tự do Việt Nam - Chile (VCFTA)", "VCFTA"]
    # (one node, one name: the fullest the article writes)
    assert {n.name for n in x.named} == {"Hiệp định Thương mại tự do Việt Nam - Chile (VCFTA)"}
    assert len(keys) == 1
