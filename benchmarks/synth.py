"""Writes N realistic, varied Vietnamese diplomatic news articles for scale runs.

Everything comes from kg's own lexicons (countries, roles) plus syllable lists for names, and a fixed
random seed: the same N and seed give the same files, so nothing large is committed.

    python benchmarks/synth.py OUT_DIR [-n 10000] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

LEXICONS = Path(__file__).resolve().parent.parent / "kg" / "lexicons"

VI_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
VI_MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Hữu", "Quốc", "Mạnh", "Xuân", "Hồng"]
VI_GIVEN = ["Hùng", "Dũng", "Sơn", "Long", "Hải", "Nam", "Bình", "Cường", "Tâm", "Lan", "Hà", "Phúc", "Thắng", "Trung"]
FOREIGN_SYLLABLES = ["ka", "ri", "so", "na", "vong", "phan", "sit", "tha", "lo", "mi", "ra", "don", "chai", "pra",
                     "sen", "bu", "ton", "ha", "ki", "mo", "yu", "to", "ar", "de", "win", "bert", "lan", "ong"]

VISIT = ["Nhân lời mời của {host_title} {host}, {guest_title} {guest} thăm chính thức {host_country} từ ngày {d1} đến ngày {d2}.",
         "{guest_title} {guest} đã có chuyến thăm làm việc tại {host_country} trong hai ngày {day1} và {day2}/{month}.",
         "Sáng {dd}, tại {capital}, {host_title} {host} đã chủ trì lễ đón chính thức {guest_title} {guest}."]
TALKS = ["Ngay sau lễ đón, {host_title} {host} đã hội đàm với {guest_title} {guest}.",
         "Chiều cùng ngày, {host_title} {host} tiếp {guest_title} {guest}.",
         "Trong khuôn khổ chuyến thăm, {guest_title} {guest} đã hội kiến {other_title} {other}."]
SESSION = ["Hai {host_title2} đồng chủ trì Kỳ họp lần thứ {n} Ủy ban hợp tác {host_country} - {guest_country}.",
           "{host_title} {host} và {guest_title} {guest} cùng dự Diễn đàn Doanh nghiệp {host_country} - {guest_country}."]
COMMIT = ["Hai bên nhất trí phấn đấu nâng kim ngạch thương mại song phương lên {amount} tỷ USD vào năm {year}.",
          "{host_country} cam kết hỗ trợ {count} suất học bổng cho sinh viên {guest_country} trong năm {year}.",
          "Hai nhà lãnh đạo nhất trí tăng cường hợp tác trong các lĩnh vực quốc phòng, an ninh, giáo dục và năng lượng.",
          "Hai bên đã ký kết {count} văn kiện hợp tác, trong đó có Hiệp định về hợp tác đầu tư.",
          "{guest_title} {guest} đề nghị hai bên sớm hoàn thành dự án đường cao tốc nối hai thủ đô."]
FIGURE = ["Trong {months} tháng đầu năm {prev}, kim ngạch thương mại hai chiều đạt {figure} tỷ USD, tăng {pct}%.",
          "Năm {prev}, vốn đầu tư của {guest_country} vào {host_country} đạt {figure} tỷ USD."]
FILLER = ["Hai bên đánh giá cao những kết quả hợp tác đạt được thời gian qua.",
          "Quan hệ hữu nghị truyền thống giữa hai nước không ngừng được củng cố và phát triển.",
          "Các bộ, ngành liên quan của hai nước sẽ phối hợp chặt chẽ để triển khai các thỏa thuận đã đạt được."]


def load(name):
    return json.loads((LEXICONS / f"{name}.json").read_text(encoding="utf-8"))


class Leaders:
    """A stable cast: each (country, post) has one holder for the whole corpus."""

    def __init__(self, rng: random.Random, countries: list[dict]):
        self.rng, self.names = rng, {}
        self.countries = {c["code"]: c for c in countries}

    def name(self, code: str, post: str) -> str:
        key = (code, post)
        if key not in self.names:
            if code == "VN":
                r = self.rng
                self.names[key] = f"{r.choice(VI_SURNAMES)} {r.choice(VI_MIDDLE)} {r.choice(VI_GIVEN)}"
            else:
                word = lambda: "".join(self.rng.choice(FOREIGN_SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()  # noqa: E731
                self.names[key] = f"{word()} {word()}"
        return self.names[key]


def article(rng: random.Random, i: int, countries: list[dict], leaders: Leaders) -> tuple[str, str]:
    home = countries[0]
    guest_c = rng.choice(countries[1:])
    host_c, guest_c = (home, guest_c) if rng.random() < 0.6 else (guest_c, home)
    posts = [("Thủ tướng", "pm"), ("Chủ tịch nước", "president"), ("Bộ trưởng Ngoại giao", "fm"), ("Chủ tịch Quốc hội", "speaker")]
    title, post = rng.choice(posts)
    other_title, other_post = rng.choice([p for p in posts if p[1] != post])
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 3 * 365))
    end = day + timedelta(days=rng.randint(1, 3))
    values = {
        "host_title": title, "guest_title": title, "host_title2": title, "other_title": other_title,
        "host": leaders.name(host_c["code"], post), "guest": leaders.name(guest_c["code"], post),
        "other": leaders.name(host_c["code"], other_post),
        "host_country": host_c["vi"], "guest_country": guest_c["vi"], "capital": host_c.get("capital") or host_c["vi"],
        "d1": f"{day.day}/{day.month}", "d2": f"{end.day}/{end.month}/{end.year}", "day1": day.day, "day2": end.day,
        "month": day.month, "dd": f"{day.day}/{day.month}", "n": rng.randint(2, 50),
        "amount": rng.choice([1, 2, 3, 5, 10, 15, 20]), "year": day.year + rng.randint(1, 5), "count": rng.randint(2, 30),
        "months": rng.randint(3, 11), "prev": day.year - 1, "figure": f"{rng.randint(1, 9)},{rng.randint(1, 9)}",
        "pct": rng.randint(2, 40),
    }
    lines = [f"{values['guest_title']} {values['guest']} thăm chính thức {values['host_country']}",
             f"Cập nhật: {day.day:02d}/{day.month:02d}/{day.year} 10:{rng.randint(10, 59)}"]
    body = [rng.choice(VISIT), rng.choice(TALKS)]
    body += rng.sample(SESSION, rng.randint(0, 2)) + rng.sample(COMMIT, rng.randint(1, 4))
    body += rng.sample(FIGURE, rng.randint(0, 2)) + rng.sample(FILLER, rng.randint(1, 3))
    lines += [s.format(**values) for s in body]
    return f"{i:06d}_synth", "\n\n".join(lines) + "\n"


def write(out: Path, n: int = 10_000, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    countries = [c for c in load("countries")["countries"] if c["forms"]]   # not the blocs (EU): no forms
    countries.sort(key=lambda c: c["code"] != "VN")   # the publisher's country first
    leaders = Leaders(rng, countries)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, text = article(rng, i, countries, leaders)
        path = out / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
