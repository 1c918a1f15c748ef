"""Extraction time against input size on hostile text: each kind of cue word repeated to 250 KB and 1 MB in
one article, timed through the whole extraction (kg.extract.pipeline.extract_article). Linear extraction
takes about four times as long for four times the text; the square of its length would take sixteen.

    python benchmarks/linear.py [--sizes 250000 1000000]
"""
from __future__ import annotations

import argparse
import sys
import time

from kg.extract.pipeline import extract_article

# one unit per step that once rescanned a sentence or the article per match
UNITS = {
    "session ordinals": "Kỳ họp lần thứ ",
    "meeting cues": "hội đàm ",
    "commitment sentences": "Hai bên nhất trí hợp tác. ",
    "titles and names": "Thủ tướng Lào Sonexay, ",
    "agreement heads": "Hiệp định Thương mại tự do ",
    "amounts": "5 tỷ USD, ",
    "pronouns": "Thủ tướng Nguyễn Văn An nói. Ông nói. ",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000])
    args = parser.parse_args()
    print("| input | " + " | ".join(f"{n / 1000:,.0f} KB (s)" for n in args.sizes) + " | ratio |")
    print("|---|" + "---:|" * (len(args.sizes) + 1))
    for label, unit in UNITS.items():
        times = []
        for size in args.sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            extract_article("linear", text)
            times.append(time.perf_counter() - start)
            print(f"{label}: {size:,} characters in {times[-1]:.1f} s", file=sys.stderr)
        ratio = times[-1] / times[0] if times[0] else float("nan")
        print(f"| {label} | " + " | ".join(f"{t:.1f}" for t in times) + f" | {ratio:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
