"""Commitments, targets, figures, projects and agreements on real sentence shapes."""
from __future__ import annotations

from kg.extract.pipeline import extract_article, extract_corpus


def test_statuses_parties_topics_and_targets():
    text = ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan Anutin Charnvirakul ngày 27/10. "
            "Hai bên nhất trí phấn đấu đưa kim ngạch thương mại song phương lên 25 tỷ USD vào năm 2030. "
            "Thủ tướng Thái Lan đề nghị hai bên tăng cường hợp tác nông nghiệp; "
            "Chính phủ Việt Nam sẽ tiếp tục dành 200 suất học bổng cho sinh viên Thái Lan.")
    x = extract_article("t", text)
    by_status = {k.status: k for k in x.commitments}
    agreed = by_status["agreed"]
    assert sorted(agreed.parties) == ["TH", "VN"] and agreed.topic == "trade"
    (target,) = agreed.targets
    assert (target.value, target.unit, target.measure, target.year) == (25e9, "USD", "trade-turnover", 2030)
    assert by_status["proposed"].parties == ["TH"] and by_status["proposed"].topic == "agriculture"
    pledge = by_status["pledged"]
    assert pledge.parties == ["VN"] and pledge.targets[0].measure == "scholarships"


def test_past_descriptions_are_figures_not_commitments():
    text = ("Năm 2024, kim ngạch thương mại Việt Nam - Hàn Quốc đạt 86,4 tỷ USD, tăng 12,5% so với năm 2023. "
            "Hai bên đã triển khai nhiều dự án hợp tác.")
    x = extract_article("t", text)
    assert not x.commitments
    figures = {(o.quantity.value, o.quantity.unit, o.quantity.measure, o.period) for o in x.observations}
    assert (86.4e9, "USD", "trade-turnover", "2024") in figures
    growth = next(o for o in x.observations if o.quantity.unit == "percent")
    assert growth.quantity.baseline == 2023 and growth.quantity.measure == "trade-growth"


def test_same_target_in_a_later_article_reaffirms_the_first():
    first = ("Cập nhật: 01/03/2024 09:00\nThủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony "
             "Albanese. Hai bên nhất trí nâng kim ngạch thương mại lên 20 tỷ USD.")
    later = ("Cập nhật: 10/03/2025 09:00\nPhó Thủ tướng Bùi Thanh Sơn hội đàm với Ngoại trưởng Australia "
             "Penny Wong. Hai bên nhất trí nâng kim ngạch thương mại lên 20 tỷ USD.")
    xa, xb = extract_corpus([("later", later), ("first", first)])
    assert xb.commitments[0].reaffirms is None
    assert xa.commitments[0].reaffirms == xb.commitments[0].id


def test_projects_and_agreements_with_aliases_and_periods():
    from kg.extract.artifacts import named_key
    text = ("Hai bên rà soát Kế hoạch hợp tác Việt Nam - Campuchia giai đoạn 2021-2025 và năm 2025. "
            "Hai Thủ tướng nhất trí xây dựng Đại học Campuchia - Việt; nghiên cứu xây dựng trường Đại học "
            "Việt Nam - Campuchia; khánh thành Bệnh viện Chợ Rẫy tại Phnom Penh.")
    x = extract_article("t", text)
    agreements = [(n.name, n.period) for n in x.named if n.kind == "agreement"]
    assert agreements == [("Kế hoạch hợp tác Việt Nam - Campuchia giai đoạn 2021-2025", "2021/2025")]
    projects = [n for n in x.named if n.kind == "project"]
    assert {n.name for n in projects} == {"Đại học Campuchia - Việt", "trường Đại học Việt Nam - Campuchia",
                                          "Bệnh viện Chợ Rẫy"}
    universities = {named_key(n) for n in projects if "Đại học" in n.name}
    assert len(universities) == 1


def test_agendas_and_announced_events_are_not_commitments_but_going_on_is():
    text = ("Kỳ họp nhằm rà soát các thỏa thuận; đồng thời thống nhất phương hướng hợp tác giai đoạn 2026-2030. "
            "Thủ tướng Phạm Minh Chính sẽ cùng Thủ tướng Singapore Lawrence Wong đồng chủ trì hội nghị. "
            "Quan hệ Việt Nam - Singapore tiếp tục được củng cố. "
            "Singapore tiếp tục hỗ trợ Việt Nam đào tạo nguồn nhân lực.")
    x = extract_article("t", text)
    assert [(k.status, k.parties) for k in x.commitments] == [("pledged", ["SG"])]
    assert x.commitments[0].topic == "education"
