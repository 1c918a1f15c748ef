"""Commitments, targets, figures, projects and agreements on real sentence shapes."""
from __future__ import annotations

import pytest

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
    assert {text[n.mention.begin:n.mention.end] for n in projects} == {
        "Đại học Campuchia - Việt", "trường Đại học Việt Nam - Campuchia", "Bệnh viện Chợ Rẫy"}
    assert {n.name for n in projects} == {"Đại học Campuchia - Việt", "Bệnh viện Chợ Rẫy"}   # one name a node
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


# -- what is a commitment, whose, and of which kind -------------------------------------------------------
# Each text opens on the meeting that gives the article its two sides, then states one thing; the marker
# picks the statement out of the commitments read.
KENYA = "Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Kenya William Ruto tại Hà Nội ngày 4/3/2026. "
NORWAY = "Chủ tịch nước Lương Cường hội kiến Thủ tướng Na Uy Jonas Gahr Støre tại Oslo ngày 12/5/2026. "
CHILE = "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Ngoại trưởng Chile Alberto van Klaveren ngày 8/4/2026. "
NORWAY_MOROCCO = "Thủ tướng Na Uy điện đàm với Quốc vương Maroc\n\n"    # a headline: no Vietnamese side
TWO_MEETINGS = ("Bên lề Hội nghị Liên hợp quốc về Đại dương, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Kenya Musalia "
                "Mudavadi ngày 9/6/2026. Hai Thủ tướng nhất trí tăng cường hợp tác thủy sản. Thủ tướng Kenya mời Thủ "
                "tướng Phạm Minh Chính thăm Kenya.\n\nTại cuộc gặp với Thủ tướng Na Uy Jonas Gahr Støre, Thủ tướng Phạm "
                "Minh Chính đánh giá cao Quỹ Hưu trí Na Uy. Thủ tướng Na Uy chúc mừng Việt Nam. Hai bên trao đổi về "
                "tình hình khu vực. ")
TWO_HOSTS = "Thủ tướng Phạm Minh Chính thăm Na Uy và Kenya từ ngày 3 đến 8/5/2026. "
KAZAKH = "Thủ tướng Phạm Minh Chính điện đàm với Tổng thống Kazakhstan Kassym-Jomart Tokayev ngày 2/6/2026. "

COMMITMENTS = [
    # both sides agree, whether the cue is 'nhất trí', a joint 'cam kết' or 'sẽ' after 'hai bên'
    (KENYA + "Hai bên nhất trí mở rộng hợp tác nông nghiệp và thủy sản.", "nông nghiệp", "agreed", {"VN", "KE"}),
    (NORWAY + "Hai nhà lãnh đạo cam kết thúc đẩy hợp tác năng lượng tái tạo.", "năng lượng tái tạo", "agreed",
     {"VN", "NO"}),
    (CHILE + "Hai bên sẽ sớm khởi động đàm phán hiệp định thương mại.", "khởi động đàm phán", "agreed",
     {"VN", "CL"}),
    # one side pledges: a country, a government body, a leader reported by a verb, an anaphor
    (KENYA + "Kenya sẵn sàng tạo điều kiện cho doanh nghiệp Việt Nam đầu tư.", "doanh nghiệp Việt Nam đầu tư",
     "pledged", {"KE"}),
    (NORWAY + "Chính phủ Na Uy sẽ tiếp tục hỗ trợ Việt Nam chuyển đổi năng lượng.", "chuyển đổi năng lượng",
     "pledged", {"NO"}),
    (KAZAKH + "Tổng thống Kassym-Jomart Tokayev cho biết sẽ tạo điều kiện cho hàng hóa Việt Nam.",
     "hàng hóa Việt Nam", "pledged", {"KZ"}),
    (KAZAKH + "Tổng thống Kazakhstan khẳng định nước này sẽ hỗ trợ nhu cầu năng lượng của Việt Nam.",
     "nhu cầu năng lượng", "pledged", {"KZ"}),
    (CHILE + "Bộ trưởng Bùi Thanh Sơn khẳng định Việt Nam sẵn sàng chia sẻ kinh nghiệm xuất khẩu gạo.",
     "xuất khẩu gạo", "pledged", {"VN"}),
    # one side's agreement ('thống nhất' said by one side) is its pledge
    (KENYA + "Tỉnh Nakuru thống nhất cấp 200 suất học bổng cho sinh viên Việt Nam.", "học bổng", "pledged",
     {"VN"}),
    # one side asks
    (KENYA + "Thủ tướng Phạm Minh Chính đề nghị Kenya mở cửa thị trường cho gạo Việt Nam.", "mở cửa thị trường",
     "proposed", {"VN"}),
    (NORWAY + "Thủ tướng Na Uy đề nghị hai bên tăng cường hợp tác hàng hải.", "hợp tác hàng hải", "proposed",
     {"NO"}),
    (CHILE + "Ngoại trưởng Chile đánh giá cao vai trò của Việt Nam, mong Việt Nam hỗ trợ Chile tăng cường "
             "quan hệ với ASEAN.", "quan hệ với ASEAN", "proposed", {"CL"}),
    # 'Hai nước cần …': the speaker proposes for both sides
    (KENYA + "Thủ tướng Phạm Minh Chính nhấn mạnh hai nước cần tăng cường kết nối hàng không.",
     "kết nối hàng không", "proposed", {"VN"}),
    # a list after a proposal keeps its proposer; an agreement after it is both sides'
    (NORWAY + "Chủ tịch nước đề nghị hai bên tăng cường hợp tác giáo dục; đề nghị Na Uy tiếp tục cấp học bổng.",
     "tiếp tục cấp học bổng", "proposed", {"VN"}),
    (KAZAKH + "Tổng thống Tokayev đề nghị tăng cường hợp tác vận tải; hoàn toàn nhất trí xây dựng trung tâm "
              "logistics.", "trung tâm logistics", "agreed", {"VN", "KZ"}),
    # one side agreeing, its subject said before the cue: that side and the partner 'với X' names, never the
    # side the article opened on
    (KENYA + "Tại Lima, Tổng thống Peru Dina Boluarte khẳng định Peru coi trọng quan hệ với Việt Nam, nhất trí "
             "phối hợp chặt chẽ với Việt Nam thúc đẩy hiệp định thương mại.", "hiệp định thương mại", "agreed",
     {"PE", "VN"}),
    # an officer of an international body commits for the body: no country, not the article's home side
    (NORWAY + "Tổng Thư ký Interpol Valdecy Urquiza cam kết hỗ trợ Việt Nam đào tạo điều tra viên.",
     "điều tra viên", "pledged", set()),
    (KENYA + "Tổng Giám đốc Tổ chức Thương mại Thế giới (WTO) Ngozi Okonjo-Iweala cam kết hỗ trợ Kenya và Việt "
             "Nam nâng cao năng lực đàm phán.", "năng lực đàm phán", "pledged", set()),
    # a proposal to officials of both sides is between the sides
    (KENYA + "Thủ tướng Phạm Minh Chính đề nghị các bộ, ngành hai nước khẩn trương triển khai các thỏa thuận.",
     "các thỏa thuận", "proposed", {"VN"}),
    # a cue coordinated after one that is not an undertaking, but not for being past, stands on its own
    (KENYA + "Tổng thống Kenya đánh giá cao việc Việt Nam sẵn sàng hỗ trợ châu Phi và đề nghị lãnh đạo hai nước "
             "tăng cường tiếp xúc.", "tăng cường tiếp xúc", "proposed", {"KE"}),
    # a welcome joined to an ask is still the ask; attention asked for a named group is concrete; raising the
    # relationship to a new level is an upgrade; a call with nobody addressed names its act
    (KENYA + "Việt Nam hoan nghênh và đề nghị Kenya tiếp tục ủng hộ lập trường của ASEAN về Biển Đông.",
     "lập trường", "proposed", {"VN"}),
    (NORWAY + "Chủ tịch nước đề nghị Na Uy tiếp tục quan tâm hỗ trợ cộng đồng người Việt tại Na Uy.",
     "cộng đồng người Việt", "proposed", {"VN"}),
    (KENYA + "Hai bên nhất trí nâng quan hệ lên tầm cao mới.", "nâng quan hệ", "agreed", {"VN", "KE"}),
    (KENYA + "Việt Nam kêu gọi dỡ bỏ các biện pháp cấm vận đơn phương chống Kenya.", "cấm vận", "proposed", {"VN"}),
    # a wish that asks another side to undertake keeps its asker
    (CHILE + "Bộ trưởng Bùi Thanh Sơn mong muốn Chile tiếp tục ủng hộ Việt Nam tại các diễn đàn khu vực.",
     "diễn đàn khu vực", "proposed", {"VN"}),
    # a side the article does not place, reported by a speaker said before in the sentence, is the speaker's
    (KENYA + "Tổng thống William Ruto gửi lời thăm hỏi tới nhân dân Việt Nam; cho biết Nakuru sẽ hỗ trợ một số "
             "địa phương Việt Nam khắc phục hậu quả thiên tai.", "thiên tai", "pledged", {"KE"}),
    # an opening place phrase names no side: the praising side asks, not the praised one
    (KENYA + "Tại Hội nghị cũng như trong các cuộc tiếp xúc, Kenya và các nước châu Phi đánh giá cao Việt Nam, "
             "đồng thời Việt Nam có nền kinh tế ổn định và mong muốn Việt Nam mở cửa thị trường chè.",
     "thị trường chè", "proposed", {"KE"}),
    # a wish whose addressee opens on a lower-case head asks that body
    (NORWAY + "Thủ tướng Na Uy mong muốn quốc hội Việt Nam ủng hộ việc phê chuẩn hiệp định thủy sản.",
     "hiệp định thủy sản", "proposed", {"NO"}),
    # a wish aiming at a figure is a target, even with nobody asked
    (KENYA + "Tổng thống William Ruto mong muốn đến năm 2030 kim ngạch thương mại hai nước đạt 1 tỷ USD.", "1 tỷ USD",
     "proposed", {"KE"}),
    # a wish to work together in a named field, with no side named as partner
    (KAZAKH + "Tổng thống Tokayev bày tỏ mong muốn tăng cường trao đổi đoàn cấp cao và hợp tác dầu khí.",
     "dầu khí", "proposed", {"KZ"}),
    # a further ';' item of a request with no subject of its own is still the request; a readiness is a pledge
    (KENYA + "Thủ tướng Phạm Minh Chính đề nghị Kenya sớm phê chuẩn hiệp định đầu tư; tạo điều kiện cho doanh "
             "nghiệp Việt Nam mở văn phòng tại Nairobi.", "văn phòng tại Nairobi", "proposed", {"VN"}),
    (CHILE + "Ngoại trưởng Chile khuyến nghị hai bên lập nhóm công tác về đồng; sẵn sàng hỗ trợ chia sẻ kinh "
             "nghiệm khai khoáng.", "kinh nghiệm khai khoáng", "pledged", {"CL"}),
    # a wish to cooperate, then an ask in the same clause or the next: the ask is taken
    (KENYA + "Tổng thống Kenya bày tỏ mong muốn đẩy mạnh hợp tác với Việt Nam trong lĩnh vực nông nghiệp, đề nghị "
             "Việt Nam tạo điều kiện cho doanh nghiệp Kenya đầu tư vào các khu công nghiệp.", "khu công nghiệp",
     "proposed", {"KE"}),
    (KENYA + "Kenya mong muốn đẩy mạnh hợp tác với Việt Nam trong lĩnh vực nông nghiệp; đề nghị Việt Nam tạo điều "
             "kiện cho doanh nghiệp Kenya mở văn phòng tại Hà Nội.", "văn phòng tại Hà Nội", "proposed", {"KE"}),
    # advice that involves the adviser's side too is a proposal
    (CHILE + "Ngoại trưởng Chile khuyến nghị Việt Nam cùng Chile lập nhóm công tác về đồng.", "nhóm công tác",
     "proposed", {"CL"}),
    # both sides wishing, or a wish restating what the sides agreed before: agreed
    (NORWAY + "Hai bên bày tỏ mong muốn hai nước sẽ có những bước chuyển mạnh trong hợp tác thương mại, cùng nỗ lực "
              "để đến năm 2030 đạt mục tiêu 5 tỷ USD.", "5 tỷ USD", "agreed", {"VN", "NO"}),
    (NORWAY + "Thủ tướng Na Uy bày tỏ mong muốn kim ngạch thương mại hai nước sớm đạt mục tiêu 5 tỷ USD như lãnh đạo "
              "cấp cao hai nước đã nhất trí.", "5 tỷ USD", "agreed", {"VN", "NO"}),
    # both sides calling on a third together: their agreement, not one side's ask
    (KENYA + "Hai nhà lãnh đạo kêu gọi khu vực tư nhân hai nước mở rộng đầu tư vào năng lượng mặt trời.",
     "năng lượng mặt trời", "agreed", {"VN", "KE"}),
    # a wish coordinated with a pledge is the pledge
    (KAZAKH + "Theo Tổng thống Tokayev, Kazakhstan mong muốn đẩy mạnh hợp tác thực chất với Việt Nam, và cam kết "
              "hỗ trợ lẫn nhau trong phòng chống khủng bố.", "khủng bố", "pledged", {"KZ"}),
    # both sides agreeing on what both need to do
    (CHILE + "Hai bên hài lòng về quan hệ hai nước, nhất trí thời gian tới, hai bên cần tăng cường trao đổi "
             "đoàn các cấp.", "trao đổi đoàn", "agreed", {"VN", "CL"}),
    # a further item of a speaker's request, another side merely 'going on', is still the speaker's request;
    # with 'sẽ' that side pledges
    (CHILE + "Bộ trưởng Bùi Thanh Sơn đề nghị hai bên tăng cường trao đổi đoàn; Chile tiếp tục khuyến khích doanh "
             "nghiệp đầu tư vào năng lượng tái tạo.", "năng lượng tái tạo", "proposed", {"VN"}),
    (CHILE + "Bộ trưởng Bùi Thanh Sơn cho rằng hai bên cần thúc đẩy trao đổi đoàn; Chile tiếp tục khuyến khích "
             "doanh nghiệp đầu tư vào năng lượng tái tạo.", "năng lượng tái tạo", "proposed", {"VN"}),
    (CHILE + "Bộ trưởng Bùi Thanh Sơn đề nghị hai bên tăng cường trao đổi đoàn; Chile sẽ tiếp tục khuyến khích "
             "doanh nghiệp đầu tư vào năng lượng tái tạo.", "năng lượng tái tạo", "pledged", {"CL"}),
    # two other countries agreeing, in an article about them: those two, never the home side
    (NORWAY_MOROCCO + "Theo người phát ngôn, hai nhà lãnh đạo Na Uy và Maroc nhất trí trao đổi các đặc phái viên.",
     "đặc phái viên", "agreed", {"NO", "MA"}),
    (NORWAY_MOROCCO + "Sau cuộc gặp với Tổng thống Mỹ, tân Thủ tướng Na Uy Jonas Gahr Støre đã điện đàm với lãnh đạo "
                      "Maroc, nhất trí về hợp tác năng lượng gió.", "năng lượng gió", "agreed", {"NO", "MA"}),
    # a bare 'Ông' opening a sentence is the last sentence's subject, not whoever was named in between
    ("Thủ tướng Na Uy Jonas Gahr Støre thăm Chile ngày 3/4/2026. Tại Santiago, Thủ tướng Na Uy đã dành nhiều thời "
     "gian để gặp Tổng thống Chile Gabriel Boric. Ông đã gặp nhiều doanh nghiệp và khánh thành một nhà máy, đồng thời "
     "kêu gọi Chile mở cửa thị trường cho hàng hóa Na Uy.", "mở cửa thị trường", "proposed", {"NO"}),
    # a subject after '<reporting verb>,' is reported by the speaker; a national body's bracketed acronym
    # commits for its country
    ("Thủ tướng Phạm Minh Chính tiếp Chủ tịch Hiệp hội Xúc tiến Thương mại Peru Luis Torres ngày 3/4/2026. Ông Luis "
     "Torres cho biết nhiều doanh nghiệp Peru quan tâm tới thị trường Việt Nam. Ông cũng khẳng định, PROMPERU sẽ phối "
     "hợp chặt chẽ với phía Việt Nam tổ chức thành công hội chợ.", "hội chợ", "pledged", {"PE"}),
    ("Thủ tướng Phạm Minh Chính tiếp ông Luis Torres, Trưởng đại diện Tổ chức Xúc tiến thương mại Peru (PROMPERU) "
     "tại Việt Nam ngày 3/4/2026. PROMPERU thường xuyên nhận được nhiều đề nghị tư vấn của các doanh nghiệp Peru. "
     "Trong năm nay, PROMPERU sẽ phối hợp chặt chẽ với phía Việt Nam tổ chức hội chợ nông sản.", "hội chợ nông sản",
     "pledged", {"PE"}),
    # one side agreeing 'với' the other: both agree
    (KENYA + "Tổng thống Kenya nhất trí với Thủ tướng Phạm Minh Chính về việc sớm mở đường bay thẳng.",
     "đường bay thẳng", "agreed", {"KE", "VN"}),
    (CHILE + "Ngoại trưởng Chile nhất trí với đề xuất của Việt Nam về việc lập nhóm công tác về đồng.",
     "nhóm công tác", "agreed", {"CL", "VN"}),
    # 'hai bên' at a meeting named in the sentence: that partner and the side meeting it
    (KENYA + "Tại cuộc gặp với Thủ tướng Na Uy Jonas Gahr Støre, hai bên nhất trí tăng cường hợp tác năng lượng gió.",
     "năng lượng gió", "agreed", {"VN", "NO"}),
    # both sides saying together what both need
    (KENYA + "Hai bên cũng nhấn mạnh quan hệ song phương đã bước vào giai đoạn mới và cần mở rộng hợp tác chè và "
             "cà phê.", "cà phê", "agreed", {"VN", "KE"}),
    # 'hai bên cần' right after a sentence told of both sides together is still both sides'
    (CHILE + "Hai bên thống nhất cho rằng hợp tác quốc phòng đã không ngừng được mở rộng. Thời gian tới, hai bên cần "
             "tiếp tục triển khai các thỏa thuận về đào tạo sĩ quan.", "đào tạo sĩ quan", "agreed", {"VN", "CL"}),
    # an invitation to visit stays a proposal; a leader's word given by 'Theo' is the leader's side's
    (KENYA + "Tổng thống William Ruto mời Thủ tướng Phạm Minh Chính sớm thăm Kenya.", "sớm thăm", "proposed", {"KE"}),
    (KENYA + "Theo Tổng thống William Ruto, Kenya sẽ cấp 100 suất học bổng cho sinh viên Việt Nam.", "học bổng",
     "pledged", {"KE"}),
    # a place named after 'tại X,' is no subject: the speaker after it proposes
    ("Thủ tướng Na Uy Jonas Gahr Støre hội đàm với Tổng thống Kenya William Ruto tại Nairobi ngày 4/3/2026. Phát biểu "
     "tại Hội nghị thượng đỉnh tại Nairobi, Kenya, Thủ tướng Na Uy Jonas Gahr Støre đã đưa ra thông điệp về khí hậu; "
     "đề nghị Kenya tăng cường hỗ trợ tài chính cho các dự án khí hậu.", "hỗ trợ tài chính", "proposed", {"NO"}),
    # 'hai nước cần …' with no speaker of its own: the side whose sentence came last speaks, not the one that
    # committed before it
    (CHILE + "Ngoại trưởng Chile đề nghị hai bên mở đường bay thẳng. Bộ trưởng Bùi Thanh Sơn cho rằng hai nước còn "
             "nhiều tiềm năng. Do đó, Việt Nam - Chile cần hợp tác để có cơ chế thanh toán thuận lợi.",
     "cơ chế thanh toán", "proposed", {"VN"}),
    # a clause opened on a field is about that field
    (CHILE + "Về an ninh mạng, hai bên nhất trí tăng cường hợp tác.", "tăng cường hợp tác", "agreed", {"VN", "CL"}),
    # an occasion after a concrete act leaves the act concrete
    (KENYA + "Hai bên nhất trí tăng cường trao đổi đoàn các cấp nhân dịp kỷ niệm 60 năm quan hệ ngoại giao.",
     "trao đổi đoàn", "agreed", {"VN", "KE"}),
    # a side asked together with generic others, or a side's own leaders, are asked all the same
    (KENYA + "Tổng thống Kenya kêu gọi các nhà lãnh đạo Việt Nam mở đường bay thẳng tới Nairobi.", "đường bay thẳng",
     "proposed", {"KE"}),
    (KENYA + "Thủ tướng mong Kenya và các bên liên quan tiếp tục kiềm chế.", "kiềm chế", "proposed", {"VN"}),
    # a wish with no subject of its own asks; the addressee's 'tiếp tục' after it is what is asked
    (NORWAY + "Chủ tịch nước khẳng định hợp tác giữa hai quốc hội có ý nghĩa quan trọng; mong muốn trong thời gian "
              "tới, hai bên tiếp tục đẩy mạnh trao đổi kinh nghiệm lập pháp.", "kinh nghiệm lập pháp", "proposed",
     {"VN"}),
    # an article telling one leader's meetings one after another: each part's 'Hai Thủ tướng' and 'hai bên'
    # are that part's meeting, not the first partner's
    (TWO_MEETINGS + "Hai Thủ tướng nhất trí tiếp tục ủng hộ lẫn nhau tại các diễn đàn đa phương.", "diễn đàn đa phương",
     "agreed", {"VN", "NO"}),
    (TWO_MEETINGS + "Hai bên nhất trí sớm mở đường bay thẳng giữa hai nước.", "đường bay thẳng", "agreed", {"VN", "NO"}),
    (TWO_MEETINGS + "Thủ tướng Phạm Minh Chính cảm ơn và nhất trí phối hợp tổ chức tuần lễ văn hóa.", "tuần lễ văn hóa",
     "agreed", {"VN", "NO"}),
    # a field named by the opener, a quoted programme, or named bodies of both sides make goodwill concrete
    (KENYA + "Về nông nghiệp, hai nước thống nhất đẩy mạnh và mở rộng hợp tác.", "mở rộng hợp tác", "agreed",
     {"VN", "KE"}),
    (KENYA + "Thủ tướng Phạm Minh Chính đề xuất \"5 kết nối\" để đưa quan hệ hai nước phát triển thực chất hơn.",
     "5 kết nối", "proposed", {"VN"}),
    (KENYA + "Tổng thống Kenya đề nghị công an hai nước tiếp tục mở rộng hợp tác toàn diện.", "hợp tác toàn diện",
     "proposed", {"KE"}),
    # several countries agreeing with the home side: all of them and the home side
    (TWO_HOSTS + "Na Uy và Kenya nhất trí với Việt Nam sớm khởi động đàm phán hiệp định thương mại.", "đàm phán",
     "agreed", {"NO", "KE", "VN"}),
    (TWO_HOSTS + "Cả Na Uy và Kenya đều khẳng định Việt Nam là đối tác quan trọng. Bạn cũng nhất trí với chúng ta phải "
                 "tăng cường trao đổi đoàn cấp cao.", "trao đổi đoàn", "agreed", {"NO", "KE", "VN"}),
    # two sides' pledges set against each other in one clause: both undertake
    (KENYA + "Theo hiệp định, Kenya cam kết xóa bỏ thuế quan đối với 95% dòng thuế, trong khi ta cam kết xóa bỏ thuế "
             "quan đối với 97% dòng thuế.", "dòng thuế", "agreed", {"KE", "VN"}),
    # 'X tiếp Y, đề nghị …' (or '; đề nghị …'): the one who receives goes on speaking, whatever he asks for
    (KENYA + "Tại Nairobi, Thủ tướng Phạm Minh Chính đã tiếp Thống đốc Ngân hàng Trung ương Kenya Kamau Thugge, đề nghị "
             "hợp tác với Việt Nam phát triển các dịch vụ tài chính.", "dịch vụ tài chính", "proposed", {"VN"}),
    ("Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Năng lượng Na Uy Terje Aasland tại Hà Nội ngày 5/3/2026, đề nghị hai "
     "bên hợp tác phát triển điện gió ngoài khơi.", "điện gió", "proposed", {"VN"}),
    ("Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Năng lượng Na Uy Terje Aasland tại Hà Nội ngày 5/3/2026; đề nghị Na Uy "
     "hỗ trợ Việt Nam đào tạo kỹ sư điện gió.", "kỹ sư điện gió", "proposed", {"VN"}),
    # readiness whose purpose names a field or a figure, or whose act follows the side, is a pledge
    (KENYA + "Tổng thống Kenya khẳng định Kenya sẵn sàng hợp tác với Việt Nam để phát triển điện gió ngoài khơi.",
     "điện gió", "pledged", {"KE"}),
    (KENYA + "Tổng thống Kenya cho biết Kenya sẵn sàng hợp tác với Việt Nam để đưa kim ngạch lên 1 tỷ USD.",
     "1 tỷ USD", "pledged", {"KE"}),
    (KENYA + "Thủ tướng khẳng định Việt Nam sẵn sàng phối hợp với Kenya và các nước trong khu vực tìm kiếm giải pháp "
             "hòa bình cho xung đột.", "giải pháp", "pledged", {"VN"}),
    (KENYA + "Kenya sẵn sàng cùng Việt Nam thúc đẩy hợp tác trồng chè và cà phê.", "trồng chè", "pledged", {"KE"}),
    (KENYA + "Thủ tướng đề nghị Tổng thống William Ruto chỉ đạo các bộ ngành Kenya sớm mở đường bay thẳng.",
     "đường bay thẳng", "proposed", {"VN"}),
    # a hope that the other side help too ('mong phía X cũng hỗ trợ …') asks it: a proposal when it is concrete
    (KENYA + "Thủ tướng cho biết Chính phủ Việt Nam rất quan tâm, hỗ trợ Đại học Việt - Kenya và mong phía Kenya cũng "
             "hỗ trợ mạnh mẽ, nhất là đội ngũ giảng viên, cơ sở vật chất.", "giảng viên", "proposed", {"VN"}),
    # agreeing 'về' what to do is an agreement
    (KENYA + "Hai bên thống nhất về các biện pháp bảo đảm an ninh hàng hải.", "an ninh hàng hải", "agreed",
     {"KE", "VN"}),
    # a place phrase after an opening word ('Còn tại Mombasa, …') is no place list: the receiver is the subject
    (KENYA + "Tổng thống William Ruto khẳng định Kenya sẽ mở văn phòng thương mại tại Hà Nội. Còn tại Mombasa, Thủ "
             "tướng Phạm Minh Chính đã tiếp chủ tịch điều hành Sở Giao dịch Chứng khoán Nairobi Amos Otieno, đề nghị "
             "Sở tăng cường kết nối với thị trường chứng khoán Việt Nam.", "kết nối", "proposed", {"VN"}),
    # one leader at a meeting agreeing ('nhất trí', 'thống nhất') agrees with the other side; striving stays his own
    ("Chủ tịch nước Lương Cường tiếp Tổng thống Peru Dina Boluarte ngày 3/4/2026. Tổng thống Dina Boluarte nhất trí "
     "phối hợp chặt chẽ nhằm thúc đẩy hợp tác khai khoáng giữa hai nước.", "khai khoáng", "agreed", {"PE", "VN"}),
    (KENYA + "Tổng thống Kenya thống nhất mở văn phòng thương mại tại Thành phố Hồ Chí Minh.", "văn phòng thương mại",
     "agreed", {"KE", "VN"}),
    (KENYA + "Tổng thống William Ruto phấn đấu đưa kim ngạch thương mại song phương lên 2 tỷ USD.", "2 tỷ USD",
     "pledged", {"KE"}),
    # two calls told in one sentence, then each told apart opening on 'Điện đàm với <title>': its part's partner
    ("Tối 9/3, Thủ tướng Phạm Minh Chính lần lượt điện đàm với Tổng thống Kenya William Ruto và Thủ tướng Na Uy "
     "Jonas Gahr Støre.\n\nĐiện đàm với Tổng thống Kenya, Thủ tướng chuyển lời thăm hỏi của Tổng Bí thư. Hai nhà "
     "lãnh đạo nhất trí tăng cường hợp tác bảo đảm an ninh năng lượng.\n\nĐiện đàm với Thủ tướng Na Uy, hai bên "
     "nhất trí thúc đẩy hợp tác đóng tàu.", "an ninh năng lượng", "agreed", {"KE", "VN"}),
]


@pytest.mark.parametrize("text, marker, status, parties", COMMITMENTS)
def test_commitments_status_and_parties(text, marker, status, parties):
    found = [k for k in extract_article("t", text).commitments if marker in k.statement]
    assert len(found) == 1, [k.statement for k in extract_article("t", text).commitments]
    assert (found[0].status, set(found[0].parties)) == (status, parties)


NOT_COMMITMENTS = [
    (KENYA + "Kenya sẵn sàng cùng Việt Nam duy trì trao đổi chiến lược, thúc đẩy làm sâu sắc hơn nữa hợp tác thực "
             "chất, đưa quan hệ Đối tác chiến lược toàn diện không ngừng đi vào chiều sâu.", "trao đổi chiến lược"),
    # asking a leader to relay a message or greetings: a courtesy
    (KENYA + "Thủ tướng đề nghị Tổng thống William Ruto truyền tải thông điệp tới Quốc hội Kenya rằng Việt Nam luôn "
             "coi Kenya là đối tác quan trọng.", "thông điệp"),
    (KENYA + "Thủ tướng đề nghị Tổng thống William Ruto chuyển lời thăm hỏi tới Phó Tổng thống Kenya.", "thăm hỏi"),
    (KENYA + "Thủ tướng mong phía Kenya cũng quan tâm hơn nữa.", "quan tâm hơn nữa"),
    # agreeing 'về' a matter with nothing to do: a shared view
    (NORWAY_MOROCCO + "Sau cuộc gặp với Tổng thống Mỹ, tân Thủ tướng Na Uy Jonas Gahr Støre đã điện đàm với lãnh đạo "
                      "Maroc, nhất trí về phi hạt nhân hóa bán đảo Triều Tiên.", "phi hạt nhân"),
    (KENYA + "Hai bên nhất trí về tầm quan trọng của an ninh hàng hải trong khu vực.", "tầm quan trọng"),
    # readiness to work with a side for a purpose naming no field and nothing concrete: a willingness
    (KENYA + "Tổng thống Kenya khẳng định Kenya sẵn sàng hợp tác với chính quyền mới của Chile để duy trì trao đổi, "
             "mở rộng hợp tác và quản lý những khác biệt.", "chính quyền mới"),
    (KENYA + "Tổng thống Kenya cho biết Kenya sẵn sàng phối hợp với Việt Nam nhằm thúc đẩy quan hệ hữu nghị vì lợi "
             "ích của nhân dân hai nước.", "quan hệ hữu nghị"),
    # expectations about a visit or an agreement
    (KENYA + "Chuyến thăm được kỳ vọng góp phần nâng quan hệ hai nước lên tầm cao mới.", "tầm cao mới"),
    (NORWAY + "Hiệp định hứa hẹn mang lại lợi ích cho doanh nghiệp hai nước.", "lợi ích"),
    (CHILE + "Dự kiến, hai bên sẽ ký kết nhiều văn kiện hợp tác.", "văn kiện"),
    (KAZAKH + "Thủ tướng tin tưởng Kazakhstan sẽ tổ chức thành công hội nghị thượng đỉnh.", "thượng đỉnh"),
    (NORWAY + "Chuyến thăm sẽ là dấu mốc quan trọng trong quan hệ hai nước.", "dấu mốc"),
    # a rhetorical question
    (KENYA + "Liệu hai bên có sẵn sàng mở rộng hợp tác trong bối cảnh mới?", "bối cảnh mới"),
    # memoirs and recollections
    (CHILE + "Trong cuốn hồi ký, cựu Đại sứ kể rằng hai nước sẽ trao đổi đoàn thường xuyên.", "trao đổi đoàn"),
    (NORWAY + "Tôi nhớ hồi đó hai bên sẵn sàng gác lại khác biệt.", "khác biệt"),
    # one side's standing position, reported
    (KAZAKH + "Kazakhstan luôn coi khu vực Trung Á là ưu tiên và tuyên bố sẵn sàng bảo vệ lợi ích của mình.",
     "lợi ích của mình"),
    (KENYA + "Kenya giữ lập trường nhất quán và sẵn sàng phản đối mọi hành vi đơn phương.", "đơn phương"),
    # statistics and history
    (CHILE + "Kim ngạch thương mại Việt Nam - Chile sẽ đạt 2 tỷ USD trong năm nay theo dự báo.", "2 tỷ USD"),
    (NORWAY + "Năm 2019, hai nước nhất trí mở lại đường bay thẳng.", "đường bay thẳng"),
    (KAZAKH + "Trước đó, hai bên thống nhất lập nhóm công tác về năng lượng.", "nhóm công tác"),
    (KENYA + "Hai bên đã thống nhất nhiều nội dung hợp tác.", "nhiều nội dung"),
    # agreeing on an assessment; an announced trip; a subordinate 'việc X sẵn sàng'
    (CHILE + "Hai bên thống nhất cho rằng quan hệ hai nước phát triển tốt đẹp.", "phát triển tốt đẹp"),
    (KAZAKH + "Thủ tướng Phạm Minh Chính sẽ dẫn đầu đoàn đại biểu tham dự hội nghị tại Astana.", "Astana"),
    (NORWAY + "Thủ tướng Na Uy đánh giá cao việc Việt Nam sẵn sàng đóng góp vào gìn giữ hòa bình.",
     "gìn giữ hòa bình"),
    # an instruction to one's own staff or ministries
    (NORWAY + "Chủ tịch nước đề nghị cán bộ, nhân viên Đại sứ quán Việt Nam tại Na Uy tiếp tục làm tốt công tác "
              "bảo hộ công dân.", "bảo hộ công dân"),
    (KENYA + "Thủ tướng Phạm Minh Chính đề nghị các bộ, ngành khẩn trương triển khai các thỏa thuận với Kenya.",
     "các thỏa thuận"),
    # what a meeting is held for; the programme of a visit
    (CHILE + "Hai bên tổ chức Kỳ họp lần thứ 5 Ủy ban hỗn hợp Việt Nam - Chile, nhằm củng cố quan hệ Việt Nam - "
             "Chile, thống nhất phương hướng hợp tác giai đoạn tới.", "phương hướng hợp tác"),
    (KENYA + "Chiều nay, hai nhà lãnh đạo sẽ chứng kiến lễ ký các văn kiện hợp tác.", "lễ ký"),
    (KENYA + "Ngày mai, Tổng thống Kenya sẽ có bài phát biểu tại Học viện Ngoại giao.", "Học viện Ngoại giao"),
    # thanks for what was done, with a second cue coordinated to the past one
    (KENYA + "Thủ tướng bày tỏ cảm ơn Kenya đã tạo điều kiện cho công dân Việt Nam sơ tán cũng như tạo điều kiện "
             "cho các chuyến bay đưa người Việt Nam về nước.", "các chuyến bay"),
    # generic goodwill: a wish about the relationship itself, nothing asked or named
    (NORWAY + "Thủ tướng Na Uy coi trọng và mong muốn thúc đẩy hơn nữa quan hệ hữu nghị tốt đẹp với Việt Nam.",
     "hữu nghị tốt đẹp"),
    # praise and a wish that names no act, only a contribution or a role
    (KENYA + "Tại Hội nghị cũng như trong các cuộc tiếp xúc, Kenya và các nước châu Phi đánh giá cao Việt Nam, "
             "đồng thời Việt Nam có nền kinh tế ổn định và mong muốn Việt Nam đóng góp vào hội nghị.",
     "đóng góp vào hội nghị"),
    (KAZAKH + "Thủ tướng đánh giá cao ông Arman Zhakupov, mong muốn ông trên cương vị mới tiếp tục có những đóng "
              "góp tích cực cho quan hệ hai nước.", "đóng góp tích cực"),
    (NORWAY + "Các đoàn đều chúc mừng Việt Nam và mong muốn Việt Nam tiếp tục phát huy vai trò chủ nhà hội nghị.",
     "vai trò chủ nhà"),
    # a wish to cooperate, with or without fields, names nothing to do
    (CHILE + "Ngoại trưởng Chile mong muốn hợp tác với Việt Nam trong lĩnh vực khai thác cảng biển.", "cảng biển"),
    (KENYA + "Tổng thống Kenya đồng thời mong muốn cùng Việt Nam mở rộng hợp tác nông nghiệp, du lịch, tăng cường "
             "phối hợp trong các vấn đề quốc tế và khu vực.", "du lịch"),
    (KENYA + "Tổng thống Kenya bày tỏ mong muốn đẩy mạnh hợp tác với Việt Nam.", "đẩy mạnh hợp tác"),
    # general affirmations: a modal and the relationship, a trend pointed back at
    (CHILE + "Hai bên nhất trí cần tiếp tục phát triển quan hệ song phương, nhất là hai nhóm nghị sĩ hữu nghị.",
     "nhóm nghị sĩ"),
    (CHILE + "\"Chile quyết tâm thực hiện theo xu thế này\", Ngoại trưởng Chile nhấn mạnh.", "xu thế"),
    # carrying out what the leaders agreed, seriously; readiness to help the sides' people meet, nothing named
    (CHILE + "Bộ trưởng Quốc phòng Chile khẳng định quân đội Chile quyết tâm cùng với quân đội Việt Nam triển khai "
             "thực hiện nghiêm túc các thỏa thuận giữa lãnh đạo cấp cao hai nước, góp phần thúc đẩy quan hệ hai nước "
             "phát triển lành mạnh.", "nghiêm túc"),
    (CHILE + "Quốc hội Chile sẵn sàng tăng cường phối hợp với Quốc hội Việt Nam, cùng nỗ lực hơn nữa, tạo điều kiện "
             "thuận lợi để các cấp, các ngành, địa phương và nhân dân tăng cường giao lưu, góp phần tăng cường sự tin "
             "cậy chính trị và tình cảm hữu nghị.", "tình cảm hữu nghị"),
    (NORWAY + "Chủ tịch nước bày tỏ mong muốn, Quốc hội hai nước tăng cường trao đổi, đối thoại, trong đó có hoạt "
              "động của Nhóm nghị sĩ hữu nghị, giúp các nghị sĩ hai nước tăng cường hiểu biết.", "hiểu biết"),
    # advice for the addressee's own sake; a warning with a call
    (CHILE + "Ngoại trưởng Chile khuyến nghị Việt Nam cần đẩy mạnh phát triển thị trường vốn.", "thị trường vốn"),
    (CHILE + "Ông Alberto van Klaveren khuyến nghị Việt Nam cần đẩy mạnh phát triển thị trường vốn; sẵn sàng chia sẻ "
             "kinh nghiệm khai khoáng.", "thị trường vốn"),
    (NORWAY + "Thủ tướng Na Uy cũng đã nói với Thủ tướng Kenya rằng không nên tiến hành một cuộc chạy đua vũ trang và "
              "kêu gọi Nairobi kiềm chế mọi động thái gây căng thẳng.", "kiềm chế"),
    # a side's own wish, nobody asked and nothing done together
    (NORWAY + "Na Uy đang có nhiều dự án điện gió và mong muốn xuất khẩu công nghệ này ra nước ngoài.",
     "ra nước ngoài"),
    (KENYA + "Tổng thống Kenya khẳng định coi trọng quan hệ với Việt Nam và mong muốn đẩy mạnh quan hệ song phương.",
     "quan hệ song phương"),
    (CHILE + "Thủ tướng cảm ơn và mong tiếp tục nhận được sự ủng hộ của Chính phủ Chile.", "sự ủng hộ"),
    (KAZAKH + "Thủ tướng mong sẽ có nhiều dịp được đón tiếp các chuyên gia Kazakhstan.", "chuyên gia"),
    (KENYA + "Tại cuộc gặp, hai bên mong muốn thúc đẩy hợp tác trên các lĩnh vực truyền thống và mở rộng sang các "
             "lĩnh vực mới.", "lĩnh vực mới"),
    # an assessment of what a side or the relationship needs
    (KAZAKH + "Ông Nurlan Bekov nhấn mạnh cần tăng cường hơn nữa quan hệ giữa hai cơ quan lập pháp.",
     "cơ quan lập pháp"),
    (KENYA + "Tuy nhiên, để thu hút nhà đầu tư, Kenya cần chú trọng nâng cao tay nghề cho người lao động.",
     "tay nghề"),
    # standing positions and regard, not undertakings
    (NORWAY + "Thủ tướng khẳng định Việt Nam luôn tạo điều kiện thuận lợi cho doanh nghiệp Na Uy.", "doanh nghiệp Na Uy"),
    (CHILE + "Ngoại trưởng Chile nhấn mạnh Chile tiếp tục kiên định chính sách đối ngoại rộng mở.", "đối ngoại"),
    # general affirmations: a contribution or a tradition, nothing concrete
    (KENYA + "Hai nước Kenya - Việt Nam sẽ tiếp tục phát huy truyền thống hữu nghị.", "truyền thống hữu nghị"),
    (NORWAY + "Bộ trưởng nhấn mạnh Việt Nam sẵn sàng đóng góp nhiều hơn nữa vì hòa bình của khu vực.", "hòa bình"),
    # a resolve reported as a noun
    (KENYA + "Chủ tịch nước chuyển đến nhân dân Kenya mong muốn và quyết tâm của nhân dân Việt Nam trong việc "
             "củng cố quan hệ.", "củng cố quan hệ"),
    # both agreeing on an assessment
    (KENYA + "Hai nhà lãnh đạo nhất trí nhấn mạnh tầm quan trọng của hòa bình và ổn định trong khu vực.",
     "tầm quan trọng"),
    (KENYA + "Hai Bộ trưởng nhất trí các chương trình trao đổi sĩ quan giữa hai quân đội đã được thực hiện nghiêm "
             "túc, đúng kế hoạch.", "sĩ quan"),
    # carrying on what was achieved, nothing concrete
    (KENYA + "Tổng thống Kenya nhấn mạnh hai nước cần phát huy những kết quả hợp tác đã đạt được để đưa quan hệ lên "
             "tầm cao mới.", "kết quả hợp tác"),
    (NORWAY + "Chủ tịch nước đánh giá cao ông Erik Dahl; mong muốn đồng chí Erik Dahl trên cương vị Phó Chủ tịch "
              "Quốc hội Na Uy tiếp tục có những đóng góp tích cực cho quan hệ hai nước.", "đóng góp tích cực"),
    # wishes and asks of companies or business people
    (KENYA + "Đoàn có 40 doanh nghiệp, các doanh nghiệp Kenya rất mong muốn hợp tác với các đối tác Việt Nam trong lĩnh "
             "vực nông nghiệp.", "nông nghiệp"),
    (KENYA + "Các doanh nghiệp Kenya đề nghị Chính phủ Việt Nam giảm thủ tục hải quan cho chè.", "thủ tục hải quan"),
    # an invitation to play a part in an event's programme
    (NORWAY + "Thủ tướng Na Uy cũng mời Chủ tịch nước phát biểu tại phiên bế mạc diễn đàn năng lượng.", "phiên bế mạc"),
    # a quotation introduced by a recollection
    ("Thủ tướng Na Uy Jonas Gahr Støre thăm Kenya năm 2019.\n\nNhớ lại chuyến thăm, cựu Đại sứ Na Uy Erik Solheim nói "
     "với báo chí:\n\n\"Hôm sau, ông Støre phát biểu tại Viện Nghiên cứu Chiến lược và nhấn mạnh rằng khi Na Uy và "
     "Kenya làm việc cùng nhau, chúng ta sẽ mở rộng thương mại cà phê.\n", "cà phê"),
    # an analyst's or an unposted person's view of what the sides need
    (KENYA + "Theo chuyên gia kinh tế Peter Mwangi, hai nước cần mở đường bay thẳng để thúc đẩy du lịch.",
     "đường bay thẳng"),
    (KENYA + "Theo ông Peter Mwangi, hai nước cần mở đường bay thẳng để thúc đẩy du lịch.", "đường bay thẳng"),
    (KENYA + "Các chuyên gia nhấn mạnh hai nước cần mở đường bay thẳng.", "đường bay thẳng"),
    # goodwill with nothing concrete: the relationship, results already had, a standing participation
    (KENYA + "Hai bên cùng nhất trí duy trì quan hệ hữu nghị và hợp tác tốt đẹp.", "hữu nghị"),
    (CHILE + "Bộ trưởng Bùi Thanh Sơn cho biết thời gian tới Việt Nam và Chile sẽ thúc đẩy triển khai, cụ thể hóa "
             "những kết quả đạt được.", "kết quả đạt được"),
    (NORWAY + "Trong thời gian tới, Na Uy sẽ tiếp tục tham gia chủ động, tích cực vào hợp tác Liên hợp quốc.",
     "tham gia chủ động"),
    (NORWAY + "Chủ tịch nước mong muốn Bộ Ngoại giao Na Uy cùng Bộ Ngoại giao Việt Nam tiếp tục hợp tác chặt chẽ để "
              "triển khai hiệu quả các nội dung đã thỏa thuận.", "nội dung đã thỏa thuận"),
    (NORWAY + "Thủ tướng Na Uy bày tỏ sẵn sàng phối hợp tích cực với các quốc gia thành viên thúc đẩy hơn nữa vai trò "
              "của các nước đang phát triển trong xử lý các vấn đề toàn cầu.", "vấn đề toàn cầu"),
    (CHILE + "Hai bên trao đổi và thống nhất các biện pháp nhằm thúc đẩy và làm sâu sắc hơn quan hệ hợp tác song "
             "phương.", "làm sâu sắc"),
    (KENYA + "Tổng thống Kenya mong muốn các địa phương Kenya và Việt Nam tiếp tục hỗ trợ và bổ sung cho nhau trong "
             "quá trình phát triển quan hệ hợp tác.", "bổ sung cho nhau"),
    # a standing position: never doing something, or 'luôn' carried over a bare 'và'
    (NORWAY + "Thủ tướng Na Uy nhấn mạnh Na Uy sẽ không bao giờ tham gia vào bất cứ cuộc chạy đua vũ trang nào.",
     "chạy đua vũ trang"),
    (KENYA + "Tổng thống Kenya cho biết Quốc hội Kenya luôn mong muốn và sẵn sàng hợp tác với Quốc hội Việt Nam "
             "trong đào tạo chuyên gia lập pháp.", "Quốc hội Kenya luôn"),
    # a former office holder speaks for no side
    ("Thủ tướng Phạm Minh Chính tiếp cựu Thủ tướng Na Uy Kjell Bondevik ngày 3/5/2026. Ngài Kjell Bondevik đề xuất hai "
     "bên hợp tác đóng tàu cá.", "đóng tàu cá"),
    # a wish for both sides or a body to go on with a soft field only, or about how a body works
    (NORWAY + "Chủ tịch nước mong muốn thời gian tới hai bên tiếp tục đẩy mạnh giao lưu nhân dân.", "giao lưu nhân dân"),
    (NORWAY + "Chủ tịch nước bày tỏ mong muốn Quốc hội hai nước tăng cường trao đổi, đối thoại.", "đối thoại"),
    (KENYA + "Thủ tướng mong muốn, trong thời gian tới, tỉnh Nakuru tăng cường hơn nữa hợp tác cùng có lợi với các "
             "địa phương Việt Nam trên các lĩnh vực.", "cùng có lợi"),
    (KENYA + "Tổng thống Kenya mong muốn, thời gian tới, hạt Kisumu tiếp tục hợp tác với các tỉnh của Việt Nam.",
     "hạt Kisumu"),
    (CHILE + "Bộ trưởng mong muốn ủy ban hoạt động hiệu quả, thúc đẩy hợp tác giáo dục giữa hai nước.", "ủy ban"),
    # attention or regard asked for, with nothing to do
    (NORWAY + "Chủ tịch nước bày tỏ mong muốn Ban lãnh đạo Interpol tiếp tục dành sự quan tâm và hỗ trợ hơn nữa cho "
              "lực lượng Công an Việt Nam.", "sự quan tâm"),
    (KENYA + "Thủ tướng đề nghị tập đoàn Safaricom tiếp tục coi trọng thị trường Việt Nam.", "coi trọng"),
    # a call to the world, not to a side
    (CHILE + "Bộ trưởng đề nghị G20 và cộng đồng quốc tế nâng cao trách nhiệm, tăng cường hỗ trợ tài chính cho các "
             "nước đang phát triển.", "cộng đồng quốc tế"),
    (CHILE + "Ngoại trưởng Chile kêu gọi các nhà lãnh đạo APEC dỡ bỏ các rào cản thương mại.", "rào cản"),
    # a general affirmation: the relationship raised, outstanding issues handled, nothing concrete
    (KENYA + "Tổng thống Kenya khẳng định Kenya sẽ phối hợp chặt chẽ với Việt Nam phát huy những thành tựu đã đạt "
             "được, cùng nhau xử lý những tồn tại để đưa quan hệ hai nước đi vào chiều sâu.", "tồn tại"),
    (NORWAY + "Hai nhà lãnh đạo cùng khẳng định quyết tâm tăng cường quan hệ hai nước lên một tầm cao mới.",
     "tầm cao mới"),
    # a wish whose only concrete words tell the occasion
    (NORWAY + "Nhà Vua Na Uy mong muốn hai nước ngày càng thắt chặt quan hệ gắn bó, tăng cường giao lưu nhân dân, nhất "
              "là trong bối cảnh hai nước sẽ kỷ niệm 50 năm thiết lập quan hệ ngoại giao.", "thắt chặt"),
    # matters of common concern, opened on no field
    (CHILE + "Về các vấn đề quốc tế, Bộ trưởng Bùi Thanh Sơn đề nghị hai nước tăng cường phối hợp trong các vấn đề mà "
             "hai bên cùng quan tâm, đặc biệt là việc đóng góp giữ gìn hòa bình.", "cùng quan tâm"),
    (CHILE + "Về các vấn đề quốc tế và khu vực, Bộ trưởng Bùi Thanh Sơn đề nghị hai nước tăng cường phối hợp trong các "
             "vấn đề mà hai bên cùng quan tâm, đặc biệt là việc đóng góp giữ gìn hòa bình, ổn định trong khu vực châu Á "
             "– Thái Bình Dương.", "Thái Bình Dương"),
    # a cue word opening a place's name inside the sentence ('Cần …') is the name; 'sẽ trở thành' a forecast
    (KENYA + "Các cảng lớn như Mombasa, Lamu và Cần Giờ sẽ trở thành đầu mối trung chuyển của Đông Phi.", "Lamu"),
    # agreeing on views is no undertaking
    (KENYA + "Hai nhà lãnh đạo thống nhất quan điểm về vấn đề Biển Đông.", "Biển Đông"),
    # the sides' own actors and outstanding issues name nothing
    (NORWAY + "Thủ tướng Na Uy khẳng định Đảng, Nhà nước và nhân dân Na Uy sẽ phối hợp chặt chẽ với Nhà nước và nhân "
              "dân Việt Nam xử lý những tồn tại, góp phần to lớn vào sự nghiệp phát triển của mỗi nước.", "sự nghiệp"),
    # a standing welcome
    (KENYA + "Thủ tướng khẳng định Việt Nam hoan nghênh và sẵn sàng tạo điều kiện thuận lợi cho các nhà đầu tư "
             "Kenya.", "nhà đầu tư"),
    # going on, told with what was done lately
    (KENYA + "Đại sứ Kenya cho biết, tiếp tục đẩy mạnh hợp tác kinh tế, mới đây, 20 doanh nghiệp Kenya đã sang Việt "
             "Nam tìm hiểu thị trường.", "tìm hiểu thị trường"),
]


@pytest.mark.parametrize("text, marker", NOT_COMMITMENTS)
def test_not_commitments(text, marker):
    found = [k.statement for k in extract_article("t", text).commitments if marker in k.statement]
    assert found == []


BODIES = [
    (NORWAY + "Tổng Thư ký Interpol Valdecy Urquiza cam kết hỗ trợ Việt Nam đào tạo điều tra viên.", "interpol"),
    (KENYA + "Tổ chức Y tế Thế giới (WHO) sẽ hỗ trợ Kenya và Việt Nam ứng phó dịch bệnh.", "tổ chức y tế thế giới"),
]


@pytest.mark.parametrize("text, body", BODIES)
def test_an_international_body_commits_as_itself(text, body):
    """No country, but the body is the commitment's party (dk:party may be an organization)."""
    x = extract_article("t", text)
    (k,) = x.commitments
    assert k.parties == [] and [b.split("|")[0] for b in k.bodies] == [body]
    assert all(b in x.organizations for b in k.bodies)


PERU_HOST = "Thủ tướng Phạm Minh Chính tiếp Chủ tịch Hội Hữu nghị Peru - Việt Nam Luis Quispe ngày 3/4/2026. "
CIVIL = [
    # an association's officer, or the association, pledges for the association: its country is no party
    (PERU_HOST + "Chủ tịch Hội Hữu nghị Peru - Việt Nam Luis Quispe cam kết hội sẽ tiếp tục thúc đẩy hợp tác kinh tế "
                 "giữa các công ty thành viên với Việt Nam.", "hội hữu nghị peru", "PE"),
    (PERU_HOST + "Hội Hữu nghị Peru - Việt Nam sẽ tổ chức triển lãm ảnh về Việt Nam tại Lima.", "hội hữu nghị peru",
     "PE"),
    # a company the text gives no country: still itself, never the article's home side
    (KENYA + "Tập đoàn Safaricom sẽ đầu tư 200 triệu USD vào hạ tầng viễn thông tại Việt Nam.", "tập đoàn safaricom",
     None),
]


@pytest.mark.parametrize("text, body, country", CIVIL)
def test_a_civil_body_commits_as_itself(text, body, country):
    """An association or a company speaks for itself, not for its state; its node keeps its country, which is
    what a reader scoring parties by country sees."""
    x = extract_article("t", text)
    (k,) = [k for k in x.commitments if k.bodies or k.parties]
    assert k.parties == [] and len(k.bodies) == 1 and k.bodies[0].startswith(body)
    assert x.organizations[k.bodies[0]].country == country


@pytest.mark.parametrize("text, parties", [
    # a state's council or a minister speaks for the state
    (NORWAY + "Hội đồng Nhà nước Na Uy sẽ hỗ trợ Việt Nam xây dựng trạm điện gió.", ["NO"]),
    (PERU_HOST + "Bộ trưởng Ngoại giao Peru Elmer Schialer cam kết Peru sẽ mở văn phòng thương mại tại Hà Nội.",
     ["PE"]),
])
def test_a_state_body_commits_for_its_country(text, parties):
    (k,) = [k for k in extract_article("t", text).commitments if k.bodies or k.parties]
    assert k.parties == parties and k.bodies == []


def test_a_country_commitment_has_no_body():
    (k,) = extract_article("t", KENYA + "Kenya sẵn sàng tạo điều kiện cho doanh nghiệp Việt Nam.").commitments
    assert k.bodies == []


def test_a_further_target_in_the_same_sentence_belongs_to_the_pledge():
    x = extract_article("t", "Hai bên nhất trí đưa kim ngạch thương mại Việt Nam - Chile lên 3 tỷ USD; "
                             "xa hơn là mục tiêu 5 tỷ USD trước năm 2030.")
    assert [(q.value, q.year) for k in x.commitments for q in k.targets] == [(3e9, None), (5e9, 2030)]
    assert not x.observations
