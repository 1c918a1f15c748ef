"""A grammar of titles: persons with their posts, institutions and countries, read sentence by sentence.

Shapes it reads (all driven by the lexicons under kg/lexicons):
  TITLE[, TITLE]* [INSTITUTION] [COUNTRY] [tại COUNTRY] NAME      'Tổng Bí thư, Chủ tịch nước Lào X'
  RANK|HONORIFIC NAME[, TITLE[, TITLE]*]                          'Đại tướng X, Ủy viên Bộ Chính trị, …'
  TITLE [COUNTRY] (no name)                                       a bare title, resolved later
  INSTITUTION [COUNTRY]                                           an organisation on its own
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Mention, OrgMention, OrgRef, PersonMention, Post, RoleRef
from kg.text.normalize import clean
from kg.text.syllables import is_vietnamese_syllable
from kg.text.tokens import PhraseMatcher, RunMatcher, Token, tokenize

STOP_LOWER = {
    "cho", "của", "với", "tại", "để", "đã", "sẽ", "là", "có", "được", "do", "trong", "từ", "đến", "theo",
    "nhằm", "giữa", "tặng", "đón", "cùng", "và", "ở", "sang", "tới", "khi", "thì", "mà", "rằng", "nói",
    "làm", "đi", "ra", "vào", "lên", "dự", "thăm", "hội", "gặp", "tiếp", "trao", "chủ", "đồng", "tham",
    "ký", "nhân", "trên", "dưới", "qua", "bên", "như", "này", "đó", "các", "những", "một", "hai", "món",
    "dẫn",
}


def _joined(words: list[Token]) -> str:
    """Tokens as text, with no space before a comma ('Bộ Văn hóa, Thể thao …') nor round a dot or before digits
    the text wrote inside a word ('S.A.', 'Co., Ltd.', 'G42')."""
    text = "".join(t.text if n == 0 or (t.begin == words[n - 1].end and ("." in (t.text, words[n - 1].text)
                                                                         or t.text[0].isdigit()))
                   else " " + t.text for n, t in enumerate(words))
    return clean(text).replace(" ,", ",")


@dataclass
class SentenceActors:
    persons: list[PersonMention]
    roles: list[RoleRef]
    orgs: list[OrgMention]
    countries: list[tuple[str, Mention]]
    places: list[str] = field(default_factory=list)     # places read before a name after a provincial title


class ActorGrammar:
    """Compiled once from the lexicons; `read(sentence)` is a pure function of the sentence."""

    def __init__(self):
        hon = lexicons.load("honorifics")
        inst = lexicons.load("institutions")
        self.roles = PhraseMatcher([(form, (role, form)) for form, role in lexicons.role_forms()], cased=True)
        self.countries = PhraseMatcher(lexicons.country_forms(), cased=True)
        self.paired_countries = PhraseMatcher(lexicons.country_pair_forms(), cased=True)
        known = []
        self.short_orgs_list = []
        for entry in inst["known"]:
            for form in [entry["name"], *entry.get("aliases", [])]:
                known.append((form, entry))
            for form in entry.get("short", []):
                self.short_orgs_list.append((form, entry))
        self.known = PhraseMatcher(known, cased=True)
        self.short_orgs = PhraseMatcher(self.short_orgs_list, cased=True)
        self.heads = PhraseMatcher([(h, h) for h in inst["heads"]], cased=True)
        self.heads_any = PhraseMatcher([(h, h) for h in inst["heads"]])
        self.continuations = PhraseMatcher([(c, c) for c in inst["lowercase_continuations"]])
        self.generic_after_head = set(inst["generic_after_head"])
        self.inner_compounds = PhraseMatcher([(c, c) for c in inst["inner_compounds"]], cased=True)
        self.inner_kinds = {"parliament", "government", "ministry", "party-organ", "agency"}
        # legal forms are matched on their exact spelling: 'AG', 'Ltd' but not the syllables 'Ag', 'ltd'
        self.legal_prefixes = [tuple(t.text for t in tokenize(f)) for f in inst["legal_forms"]["prefix"]]
        self.legal_suffixes = sorted((tuple(t.text for t in tokenize(f)) for f in inst["legal_forms"]["suffix"]),
                                     key=len, reverse=True)
        # tried at every token: each list also under its first word, in the same order
        self.legal_prefixes_at = _by_first_word(self.legal_prefixes)
        self.legal_suffixes_at = _by_first_word(self.legal_suffixes)
        self.honorifics = RunMatcher([(h, "honorific") for h in hon["honorifics"]] +
                                     [(r, "rank") for r in hon["ranks"]], hon["honorific_runs"], stacked=True)
        self.pronouns = set(hon["pronouns"])
        self.surnames = set(hon["vietnamese_surnames"])
        self.suffixes = set(hon["name_suffixes"])
        self.not_name = set(hon["not_name_words"])
        self.breakers = PhraseMatcher([(b, b) for b in hon["name_breakers"]] +
                                      [(f, "country") for f, _ in lexicons.country_forms() if " " in f])
        self.plural_roles = PhraseMatcher(list(hon["plural_persons"].items()) +
                                          [(phrase, None) for phrase in hon["plural_leaders"]])
        self.side_markers = PhraseMatcher([(m, m) for m in hon["side_markers"]])
        self.foreign_forms = {clean(f) for f in hon["foreign_title_forms"]}
        self.not_titles = {clean(t.split()[-2] + " " + t.split()[-1]) for t in hon["not_titles"]}
        self.particles = {p.casefold() for p in hon["name_particles"]}
        self.former = set(hon["former_marks"])
        self.country_titles = PhraseMatcher([(form, code) for code, forms in hon["country_titles"].items()
                                             for form in forms], cased=True)
        # words of tenure that may stand before a title: once held ('nguyên'), held for now ('quyền')
        self.acting = set(hon["acting_marks"])
        self.home = lexicons.load("boilerplate")["publisher_country"]
        self.serving = set(hon["serving_nouns"])
        self.title_marks = self.former | self.acting
        self.tenure_words = set(hon["tenure_mark_words"])       # 'chính quyền', 'củng cố': no mark of tenure
        self.tense = PhraseMatcher([(f, f) for f in hon["tense_marks"]])
        self.not_in_bodies = set(hon["not_in_body_names"])
        self.given_names = lexicons.given_name_forms()
        self.counterparts = PhraseMatcher([(f, f) for f in hon["counterpart_nouns"]])
        self.taking_office = PhraseMatcher([(f, f) for f in hon["taking_office"]])
        self.capacity = PhraseMatcher([(f, f) for f in hon["capacity_marks"]])
        self.leader_nouns = PhraseMatcher([(f, f) for f in hon["leader_nouns"]])
        self.leader_bodies = PhraseMatcher([(f, f) for f in hon["leader_bodies"]], cased=True)
        self.place_prefixes = set(lexicons.load("places")["place_prefixes"])
        self.state_forms = PhraseMatcher([(f, f) for f in hon["state_forms"]], cased=True)
        self.country_nouns = set(hon["country_nouns"])      # lowercase: never the 'Nước' opening a sentence
        self.appositive_links = PhraseMatcher([(f, f) for f in hon["appositive_links"]])
        self.descriptions = PhraseMatcher([(f, f) for f in hon["title_descriptions"]])
        self.chain_joiners = set(hon["chain_joiners"])
        self.qualifiers = PhraseMatcher([(f, f) for f in hon["title_qualifiers"]])
        self.posted_links = PhraseMatcher([(f, f) for f in hon["posted_links"]])
        self.place_nouns = PhraseMatcher([(f, f) for f in hon["place_nouns"]])
        self.places = PhraseMatcher([(f, f) for f in lexicons.load("places")["vietnam_provinces"]], cased=True)
        self.regions = PhraseMatcher([(f, code) for code, forms in lexicons.load("places")["foreign_regions"].items()
                                      for f in forms], cased=True)
        self.open_quotes, self.close_quotes = set('“"‘«\''), set('”"’»\'')
        self.naming = PhraseMatcher([(f, False) for f in hon["naming_marks"]] +
                                    [(f, True) for f in hon["quoted_naming_marks"]])
        # titles of a province or city, after which the place may come unmarked before the holder's name
        self.place_titles = {r["notation"] for r in lexicons.load("roles")
                             if r.get("place_before_name") or r.get("place_follows")}

    # -- pieces ------------------------------------------------------------------------------------
    def _country(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        c = self._country_name(toks, i)
        return (self._bracketed(toks, c[0]), c[1]) if c else None

    def _country_name(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """A country's name, with the state form the press may put before it ('Nhà nước Kuwait')."""
        if i + 1 < len(toks) and toks[i].text in self.country_nouns:
            i += 1              # 'Tổng thống nước Cộng hòa Indonesia X'
        c = self.countries.match_at(toks, i)
        if c is None:
            form = self.state_forms.match_at(toks, i)
            c = self.countries.match_at(toks, form[0]) if form else None
            if c is None and form:          # 'nước Cộng hòa Indonesia': two forms before the name
                second = self.state_forms.match_at(toks, form[0])
                c = self.countries.match_at(toks, second[0]) if second else None
        return c

    @staticmethod
    def _bracketed(toks: list[Token], j: int) -> int:
        """'(UAE)', '(EC)', '(Interpol)' after a name is its short name: step over it."""
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].is_cap \
                and toks[j + 1].text.replace("-", "").isalpha():
            return j + 3
        return j

    def _org(self, toks: list[Token], i: int, after_title: bool) -> tuple[int, OrgRef] | None:
        """An institution starting at token i, with the country its name carries."""
        m = self.known.match_at(toks, i) or (self.short_orgs.match_at(toks, i) if after_title else None)
        if m is None:
            typed = self._typed_international(toks, i)
            if typed:
                return typed
        h = self.heads.match_at(toks, i) if m else None
        longer = self._generic_org(toks, i, h[0], after_title) if h else None
        if m and longer and longer[0] > self._known_end(toks, m[0]) and m[1].get("type") != "international" \
                and not any(self._is_party_name(toks, x) for x in range(m[0], longer[0])):
            # a known body named further ('Ủy ban nhân dân Thành phố X', 'Bộ Văn hóa, Thể thao, … và Y Z')
            ref = longer[1]
            return longer[0], OrgRef(ref.base, ref.surface, ref.country, m[1].get("type", ref.kind), ref.joint,
                                     ref.countries)
        if m:
            j, entry = m
            base = entry["name"]
            country = entry.get("country")
            c = self._country(toks, j)
            if c and entry.get("type") != "international":
                j, country = c[0], c[1]
            elif entry.get("needs_country"):
                return None
            surface = clean(" ".join(t.text for t in toks[i:j]))
            if toks[i].low != base.split()[0].casefold():   # a short form: name it in full
                surface = base if country is None or j == m[0] else f"{base} {surface.split()[-1]}"
            return self._bracketed(toks, j), OrgRef(base, surface, country, entry.get("type", "organization"),
                                                    bloc=entry.get("bloc"))
        h = self.heads.match_at(toks, i)
        if not h or self.countries.match_at(toks, i):
            return None         # 'Đài Loan' is a place, though 'Đài' heads a broadcaster's name
        return self._generic_org(toks, i, h[0], after_title)

    def _typed_international(self, toks: list[Token], i: int) -> tuple[int, OrgRef] | None:
        """'Tổ chức Interpol': an international body the lexicon knows, named after a type word, is that body,
        not a new one of the publisher's country; only when its known name closes the phrase."""
        h = self.heads.match_at(toks, i)
        m = self.known.match_at(toks, h[0]) if h else None
        if not m or m[1].get("type") != "international" or (m[0] < len(toks) and toks[m[0]].is_word
                                                             and toks[m[0]].is_cap):
            return None
        entry = m[1]
        return self._bracketed(toks, m[0]), OrgRef(entry["name"], entry["name"], entry.get("country"),
                                                   "international", bloc=entry.get("bloc"))

    def _generic_org(self, toks: list[Token], i: int, j: int, after_title: bool) -> tuple[int, OrgRef] | None:
        if j < len(toks) and toks[j].low in self.generic_after_head:
            return None
        k, lower_run, good = j, 0, j
        while k < len(toks):
            t = toks[k]
            legal = self._legal_form(toks, k, self.legal_suffixes_at) if k > j else None
            if legal:           # 'Công ty Andes Mining S.A.': a legal form closes the name
                k = good = legal
                lower_run = 0
                break
            if t.text in "-–" and k + 1 < len(toks) and toks[k + 1].is_cap and k > j:
                k += 1
                continue
            if t.text == "," and k > j and self._listed_in_name(toks, k):
                k += 1          # 'Bộ Văn hóa, Thể thao, Du lịch và Thanh niên': a list inside the name
                continue
            if t.text[0].isdigit() and k > j and t.begin == toks[k - 1].end and toks[k - 1].is_cap:
                k = good = k + 1    # 'Tập đoàn G42': digits written onto a capitalised word are part of it
                lower_run = 0
                continue
            if not t.is_word or (after_title and self.roles.match_at(toks, k)):
                break
            cont = self.continuations.match_at(toks, k)
            noun = self.place_nouns.match_at(toks, k)
            if noun and noun[0] < len(toks) and toks[noun[0]].is_cap:
                cont = noun             # 'Đảng bộ tỉnh Nghệ An', 'Ủy ban nhân dân thành phố Cần Thơ'
            if cont:
                k = good = cont[0]
                lower_run = 0
                continue
            c = self._country_name(toks, k) if k > j else None
            if c and self._ends_with_country(toks, self._bracketed(toks, c[0]), after_title):
                k = good = c[0]         # 'Bộ Quân đội Pháp về hợp tác …': the name ends with its country
                break
            if t.is_cap:
                inner = self.inner_compounds.match_at(toks, k) or self._inner_body(toks, k)
                k = good = inner[0] if inner else k + 1
                if not inner and self._word_goes_on(toks, j, k):
                    k = good = k + 1    # 'Ban Lãnh đạo', 'Học viện Quốc phòng': the capital opens a word
                lower_run = 0
                continue
            if t.low == "của" and k > j and lower_run <= 2 and k + 1 < len(toks) \
                    and (self.known.match_at(toks, k + 1) or self.heads.match_at(toks, k + 1)):
                outer = self._org(toks, k + 1, after_title)
                if outer:       # 'Ủy ban Đối ngoại của Quốc hội Kenya': the body of a body, named whole
                    k = good = outer[0]
                    break
            # ('Phòng Thương mại và Công nghiệp …': right after a head of two words or more, too)
            if t.low == "và" and (k > j or j - i >= 2) and k + 1 < len(toks) and toks[k - 1].is_word \
                    and (toks[k + 1].is_cap or lower_run or self.continuations.match_at(toks, k + 1)) \
                    and not self._starts_body(toks, k + 1):     # 'Viện X và Tập đoàn Y': two bodies
                lower_run += 1
                k += 1
                continue
            if lower_run >= 3 and t.low not in STOP_LOWER and self._joint_ahead(toks, k):
                lower_run = 0   # 'Ủy ban liên Chính phủ về hợp tác kinh tế và khoa học kỹ thuật Việt Nam - Cuba'
            if t.low in STOP_LOWER or lower_run >= 3 or k == j:
                break
            lower_run += 1
            k += 1
        # no trailing lowercase words ('Ủy ban … diễn ra'), unless the name clearly ends there, before a comma
        # or another body ('Viện Nghiên cứu biển và Tập đoàn …', 'Cục Hàng hải, Bộ …')
        boundary = k < len(toks) and (toks[k].text in ",;:()/" or (toks[k].low == "và" and self._starts_body(toks, k + 1)))
        stop, k = k, good
        if k == j:
            return None
        split = self._split_trailing_name(toks, j, k) if after_title else k
        if split < k:
            k = split
        elif boundary and stop > k and toks[stop - 1].is_word and lower_run <= 2 \
                and is_vietnamese_syllable(toks[k - 1].text.split("-")[-1]) \
                and self._trailing_country(toks[i:k]) is None:     # a name that ends with its country ends there
            k = stop
        words = toks[i:k]
        codes = self._codes(words)
        joint = len(set(codes)) > 1 and any(t.low in ("liên", "hỗn", "chung") for t in words)
        country = None if joint else (codes[0] if codes else None)
        surface = _joined(words)
        base = surface
        trail = self._trailing_country(words)
        if trail and not joint and len(set(codes)) == 1:
            base = _joined(words[:trail])
        return self._bracketed(toks, k), OrgRef(base, surface, country, "organization", joint,
                                                tuple(dict.fromkeys(codes)))

    def _inner_body(self, toks: list[Token], k: int) -> tuple[int, dict] | None:
        """A state body named inside another's name, which ends in lowercase: 'Ban Thường vụ Quốc hội'."""
        m = self.known.match_at(toks, k)
        return m if m and m[1].get("type") in self.inner_kinds else None

    def _word_goes_on(self, toks: list[Token], j: int, k: int) -> bool:
        """Whether the lowercase syllable at k ends the word whose capital opened at k - 1: a body's own name of
        one capitalised syllable is half a word ('Ban Lãnh đạo', 'Vụ Giáo dục', 'Tổ chức Đối tác'), where a
        proper name has two or more ('Công ty Hoa Sen xây dựng')."""
        return k == j + 1 and k < len(toks) and toks[k].is_word and not toks[k].is_cap \
            and toks[k].low not in STOP_LOWER and is_vietnamese_syllable(toks[k - 1].text) \
            and is_vietnamese_syllable(toks[k].text.split("-")[0]) and not self.continuations.match_at(toks, k)

    def _legal_form(self, toks: list[Token], k: int, forms: dict[str, list[tuple[str, ...]]]) -> int | None:
        """The end of a company's legal form spelled exactly so at k; not the full stop that ends a sentence."""
        if not 0 <= k < len(toks):
            return None
        for form in forms.get(toks[k].text, ()):
            e = k + len(form)
            if e <= len(toks) and tuple(t.text for t in toks[k:e]) == form:
                return e - 1 if e == len(toks) and len(form) > 1 and form[-1] == "." else e
        return None

    def _company(self, toks: list[Token], i: int) -> tuple[int, OrgRef] | None:
        """A company named by its legal form with no head word before it: 'PT Andes Nusantara Tbk', 'Fjord
        Seafood ASA', 'OOO Volga Trans'."""
        if i > 0 and toks[i - 1].is_word and toks[i - 1].is_cap:
            return None         # inside a capitalised run: the run's start decides
        pre = self._legal_form(toks, i, self.legal_prefixes_at)
        k = e = pre or i
        while e < len(toks) and e - k <= 6:
            end = self._legal_form(toks, e, self.legal_suffixes_at) if e > k else None
            if end:
                break
            if not (toks[e].is_word and toks[e].is_cap) or (e > k and self._starts_body(toks, e)):
                end = e if pre else None
                break
            e += 1
        else:
            end = e if pre else None
        if not end or end <= k:
            return None
        words = toks[i:end]
        surface = _joined(words)
        country = self._country_in_brackets(toks, end)      # 'Fjord Seafood ASA (Na Uy)'
        return (country[0] if country else self._bracketed(toks, end)), \
            OrgRef(surface, surface, country[1] if country else None, "organization")

    def _owner_country(self, toks: list[Token], k: int, ref: OrgRef) -> tuple[int, OrgRef]:
        """A body written without its country takes the one the text gives right after it: in brackets ('Tập
        đoàn X (Na Uy)'), its owner's ('Tập đoàn X của Peru'), or that of the ministry it belongs to ('Cục Y, Bộ
        Nội vụ Kenya')."""
        code = None
        bracketed = self._country_in_brackets(toks, k)
        if bracketed:
            k, code = bracketed
        elif k + 1 < len(toks) and toks[k].low == "của":
            c = self._country(toks, k + 1)
            if c and (c[0] >= len(toks) or not toks[c[0]].is_word or not toks[c[0]].is_cap):
                code = c[1]
        elif k + 1 < len(toks) and toks[k].text in ",/" and self.heads.match_at(toks, k + 1):
            owner = self._org(toks, k + 1, False)
            if owner and owner[1].country and not owner[1].joint and owner[1].kind in ("ministry", "government"):
                code = owner[1].country
        return k, (replace(ref, country=code, countries=(code,)) if code else ref)

    def _ends_with_country(self, toks: list[Token], k: int, after_title: bool) -> bool:
        """Whether a body's name ends with the country just read at toks[..k]: before a lowercase word, an
        honorific, or (after a title) the holder's name."""
        if k >= len(toks) or not toks[k].is_word:
            return False
        if not toks[k].is_cap:
            return not self.continuations.match_at(toks, k)
        return bool(self.honorifics.match_at(toks, k)) or (after_title and self._name(toks, k) is not None)

    def _is_party_name(self, toks: list[Token], k: int) -> bool:
        """A party opens at k: the organ before it belongs to it ('Ban Chấp hành Trung ương Đảng …')."""
        known = self.known.match_at(toks, k)
        return bool(known and known[1].get("type") == "party") or (toks[k].text == "Đảng" and k + 1 < len(toks)
                                                                   and toks[k + 1].is_cap)

    def _known_end(self, toks: list[Token], j: int) -> int:
        c = self._country(toks, j)
        return c[0] if c else j

    def _joint_ahead(self, toks: list[Token], k: int) -> bool:
        """Whether a pair of countries ('Việt Nam - Cuba') closes the lowercase words from k on: the description
        inside a joint body's name."""
        for m in range(k, min(k + 10, len(toks))):
            c = self.countries.match_at(toks, m)
            if c:
                return c[0] + 1 < len(toks) and toks[c[0]].text in "-–" and self.countries.match_at(toks, c[0] + 1) \
                    is not None
            if not toks[m].is_word or toks[m].is_cap or toks[m].low in STOP_LOWER - {"và"}:
                return False
        return False

    def _starts_body(self, toks: list[Token], k: int) -> bool:
        return bool(self.heads.match_at(toks, k) or self.known.match_at(toks, k) or self.roles.match_at(toks, k))

    def _listed_in_name(self, toks: list[Token], k: int) -> bool:
        """Whether the comma at k separates items of a list that a body's name holds, closed by 'và' within
        a few words: 'Bộ Văn hóa, Thể thao, Du lịch và Thanh niên …' but not 'Cục X, Bộ Y …'."""
        if k + 1 >= len(toks) or not toks[k + 1].is_cap or self._starts_body(toks, k + 1) \
                or self.countries.match_at(toks, k + 1):
            return False
        for m in range(k + 2, min(k + 9, len(toks) - 1)):
            if toks[m].low == "và":
                return toks[m + 1].is_cap and not self._starts_body(toks, m + 1)
            if not toks[m].is_word and toks[m].text != ",":
                return False
        return False

    def _paired(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """A country at i that a dash pairs with another ('Nhật' in 'Nhật - Việt', 'Việt Nam - Cuba'), short
        forms included."""
        m = self.paired_countries.match_at(toks, i)
        if m is None:
            return None
        after = m[0] + 1 < len(toks) and toks[m[0]].text in "-–" and self.paired_countries.match_at(toks, m[0] + 1)
        before = i >= 2 and toks[i - 1].text in "-–" and any(
            (p := self.paired_countries.match_at(toks, b)) and p[0] == i - 1 for b in range(max(0, i - 4), i - 1))
        return m if after or before else None

    def _codes(self, words: list[Token]) -> list[str]:
        """The countries a body's name holds, in order, short forms of a pair included."""
        codes, k = [], 0
        while k < len(words):
            m = self._paired(words, k) or self.countries.match_at(words, k) or self.regions.match_at(words, k)
            if m:
                codes.append(m[1])
                k = m[0]
            else:
                k += 1
        return codes

    def _trailing_country(self, words: list[Token]) -> int | None:
        """Where the country that ends a body's name starts, its longest form ('… Cộng hòa Slovakia')."""
        for start in range(1, len(words)):
            c = self._country_name(words, start)
            if c and c[0] == len(words):
                return start
        return None

    def _split_trailing_name(self, toks: list[Token], j: int, k: int) -> int:
        """In 'Ủy ban Hợp tác Chile - Peru Ana María Soto' the body stops where the person's name starts; not
        before its country in brackets ('Tập đoàn Andes Mining (Peru)')."""
        if self._country_in_brackets(toks, k):
            return k
        start = k
        while start > j and toks[start - 1].is_cap:
            start -= 1
        # skip countries (and the dash between them) at the start of the capitalised run
        s = start
        while s < k:
            c = self._country(toks, s) or self.regions.match_at(toks[:k], s)
            if c and c[0] <= k:
                s = c[0]
            elif toks[s].text in "-–":
                s += 1
            else:
                break
        place = self.regions.match_at(toks, s) or self.places.match_at(toks, s)
        if place and place[0] == k:
            return k            # 'Ban Tuyên truyền Tứ Xuyên': the body's region, not a name
        vietnamese = self._vietnamese_start(toks, s, k)
        if vietnamese is not None:
            return vietnamese if vietnamese > j else k
        if s == j and k - s >= 3:
            s += 1              # 'Tập đoàn Equinor Anders Opedal': the body keeps a name of its own
            region = self.regions.match_at(toks[:k], s)
            s = region[0] if region else s      # 'Tập đoàn Dầu khí Sharjah X': and the region after it
        if k - s >= 2 and toks[s].text not in self.not_name and self._looks_like_name(toks[s:k]):
            return s
        return k

    def _vietnamese_start(self, toks: list[Token], a: int, b: int) -> int | None:
        """Where a Vietnamese full name (a surname and one to three given syllables) ends the capitalised run
        toks[a:b]: 'Sovico Nguyễn Thanh Hùng', 'Cần Thơ Trần Văn Hiếu' (the leftmost start that leaves
        two to four syllables, so that a surname-like syllable inside the name does not cut it)."""
        for s in range(a, b - 1):
            if toks[s].text in self.surnames and 2 <= b - s <= 4 \
                    and all(t.is_word and t.is_cap and "-" not in t.text for t in toks[s:b]):
                return s
        return None

    def _looks_like_name(self, words: list[Token]) -> bool:
        return all(w.is_word and w.is_cap for w in words) and not self.heads.match_at(words, 0)

    def _name(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """A person's name from token i: capitalised words with the particles and initials of names
        ('Jan van der Berg', 'Faisal bin Farhan Al Saud', 'O. Bektenov'); a Vietnamese name keeps
        the syllables that are also country names ('Lê Thị Mỹ Anh')."""
        n = len(toks)
        if i < n and toks[i].low in self.particles and not toks[i].is_cap:
            start_ok = i + 1 < n and (toks[i + 1].is_cap or toks[i + 1].low in self.particles)
            if not start_ok:
                return None
        elif i >= n or not (toks[i].is_word and toks[i].is_cap):
            return None
        vietnamese = toks[i].text in self.surnames
        k = i
        while k < n and k - i < 8:
            t = toks[k]
            if t.is_word and t.is_cap:
                if k > i and self.breakers.match_at(toks, k) and not (vietnamese and self._country(toks, k)):
                    break
                if not vietnamese and k > i + 1:
                    country = self.countries.match_at(toks, k)
                    given = t.low in self.given_names and all(is_vietnamese_syllable(w.text) for w in toks[i:k])
                    if country and country[0] == k + 1 < n and not toks[k + 1].is_cap and not given:
                        break       # 'X Lào cho biết', but 'Quàng Văn Đức cho biết' is a name
                k += 1
            elif t.is_word and t.low in self.particles and k + 1 < n and toks[k + 1].is_word \
                    and (toks[k + 1].is_cap or toks[k + 1].low in self.particles):
                k += 1
            elif k > i and self._particle_joined(t):
                k += 1          # 'Omar al-Rashid', 'Amr el-Masry'
            elif k > i and not vietnamese and t.text in "-–" and k + 1 < n and toks[k + 1].is_word \
                    and toks[k + 1].is_cap and not self._starts_body(toks, k + 1) \
                    and not self.countries.match_at(toks, k + 1) and (k + 2 >= n or not toks[k + 2].is_cap):
                k += 1          # a double surname written with a spaced dash: 'Ana Pérez – Soto'
            elif t.text == "." and k > i and len(toks[k - 1].text) == 1 and toks[k - 1].is_cap \
                    and k + 1 < n and toks[k + 1].is_cap:
                k += 1          # an initial: 'O. Bektenov'
            else:
                break
        while k > i and not (toks[k - 1].is_cap or self._particle_joined(toks[k - 1])):
            k -= 1              # a name ends on a capitalised word, never on a particle
        if k < n and toks[k].text.rstrip(".") in self.suffixes and k > i:
            k += 1
        if k == i or toks[i].text in self.not_name or self.countries.match_at(toks, i) or self.known.match_at(toks, i):
            return None
        return k, clean(" ".join(t.text for t in toks[i:k]).replace(" .", "."))

    def _leader(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """'nhà lãnh đạo Cuba', 'người đứng đầu Nhà nước Việt Nam': a country's leader named by the noun."""
        noun = self.leader_nouns.match_at(toks, i)
        if noun is None:
            return None
        j = noun[0]
        body = self.leader_bodies.match_at(toks, j)
        c = self._country(toks, body[0] if body else j)
        return (c[0], c[1]) if c else None

    def _country_in_brackets(self, toks: list[Token], j: int) -> tuple[int, str] | None:
        """'(Trung Quốc)' after a place or a body: the end past ')' and the country."""
        if j < len(toks) and toks[j].text == "(":
            c = self._country_name(toks, j + 1)
            if c and c[0] < len(toks) and toks[c[0]].text == ")":
                return c[0] + 1, c[1]
        return None

    def _particle_joined(self, t: Token) -> bool:
        """A name word led by a particle and a hyphen ('al-Rashid', 'el-Masry')."""
        head, _, rest = t.text.partition("-")
        return t.is_word and head.casefold() in self.particles and rest[:1].isupper()

    def _place(self, toks: list[Token], j: int, after_noun: bool = False) -> int:
        """'tỉnh Nghệ An', 'TP Cần Thơ', 'tỉnh Luang Prabang' after a provincial title: the end of the place,
        which never takes the official's name that follows it."""
        noun = self.place_nouns.match_at(toks, j)
        if noun:
            j = noun[0]
        elif not after_noun:
            known = self.places.match_at(toks, j) or self.regions.match_at(toks, j)     # 'Bí thư Tỉnh ủy Hà Nam X'
            if known:
                return known[0]
            e = j
            while e < len(toks) and e - j < 3 and toks[e].is_word and toks[e].is_cap and not self._country(toks, e):
                e += 1
            # 'Bí thư Khu ủy Tân Cương (Trung Quốc) X': a place its country in brackets tells
            return e if e > j and self._country_in_brackets(toks, e) else j
        known = self.places.match_at(toks, j)
        if known:
            return known[0]
        e = j
        while e < len(toks) and toks[e].is_word and toks[e].is_cap:
            e += 1
        if e == j:
            return j
        vietnamese = self._vietnamese_start(toks, j, e)
        if vietnamese is not None:
            return vietnamese       # no place written ('Chủ tịch UBND tỉnh Nguyễn Văn A'), or one before the name
        # with no mark of where the name starts: place names of the region mostly have two syllables, and a
        # run of three is a one-word place and a two-word name ('thành phố Paris Anne Hidalgo')
        two = e - j >= 4 or toks[j].text.rstrip(".") in self.place_prefixes
        return j + 2 if two and e - j >= 3 else j + 1 if e - j == 3 else e

    def _chain(self, toks: list[Token], i: int) -> tuple[int, list[Post]]:
        j, posts, _ = self._chain_parts(toks, i)
        return j, posts

    def _title_at(self, toks: list[Token], j: int):
        """The title at j; one whose last words open a known body is the plain title of that body
        ('Chủ tịch Nghị viện châu Âu': the chair of the European Parliament, not of a national assembly)."""
        m = self.roles.match_at(toks, j)
        if m:
            for b in range(j + 1, m[0]):
                body = self.known.match_at(toks, b)
                if body and body[0] > m[0]:
                    return self.roles.match_at(toks[:b], j) or m
        return m

    def _chain_parts(self, toks: list[Token], i: int) -> tuple[int, list[Post], list[tuple[int, int]]]:
        """Titles joined by commas or 'kiêm', with their bodies, countries and places; also where the joins
        are, as (token index, titles before it)."""
        posts: list[Post] = []
        joints: list[tuple[int, int]] = []
        j = i
        held_before = False         # the title before 'kiêm' was once held: so is this one
        while True:
            m = self._title_at(toks, j)
            if not m and j + 1 < len(toks) and self._tenure(toks, j, self.title_marks):
                m = self._title_at(toks, j + 1)     # 'X, nguyên Đại sứ …', 'X, Quyền Bộ trưởng …'
                j = j + 1 if m else j
            if not m:
                break
            end, (role, form) = m
            if end < len(toks) and clean(f"{toks[end - 1].text} {toks[end].text}") in self.not_titles:
                break
            end = self._past_qualifier(toks, end)
            notation = role["notation"]
            if j > 0 and toks[j - 1].text == "Phó" and not form.startswith("Phó"):
                notation = None     # 'Phó' + a title is its deputy, a post the scheme does not name
            # 'Trợ lý Bộ trưởng', 'Phu nhân của Tổng thống': the holder's, not theirs
            holders_role, notation = (notation, None) if self._serving(toks, j) else (None, notation)
            former = held_before or self._tenure(toks, j - 1, self.former) or \
                (j > 1 and toks[j - 1].low == "là" and self._tenure(toks, j - 2, self.former))
            former_role, notation = (notation, None) if former else (None, notation)
            # 'cựu Ngoại trưởng Mỹ X': a post once held marks the country, not a post
            post = Post(notation, acting=self._tenure(toks, j - 1, self.acting), holders_role=holders_role,
                        former_role=former_role)
            org = None
            org_name = (role.get("form_orgs") or {}).get(form) or role.get("org")
            if org_name:
                kind = "ministry" if org_name.startswith("Bộ ") else "parliament"
                more = self._portfolio(toks, end) if (role.get("form_orgs") or {}).get(form) else end
                if more > end:      # 'Bộ trưởng Ngoại giao và Hợp tác quốc tế Morocco': the ministry goes on
                    org_name = f"{org_name} {_joined(toks[end:more])}"
                org = (more, OrgRef(org_name, org_name, None, kind))
            # 'Trưởng Ban Đối ngoại …': the title's last word already starts the institution's name
            # ('Chánh Văn phòng Trung ương Đảng': the last two words, when no body of its own follows the title, as
            # in 'Chánh Văn phòng Ủy ban X', which heads the office of that body)
            start = next((b for b in (end - 1, end - 2) if b > j and any(
                h and h[0] == end for h in (self.heads.match_at(toks, b), self.heads_any.match_at(toks, b)))), None)
            if start == end - 2 and self._org(toks, end, True):
                start = None
            if start is not None and role.get("org_starts_in_title"):
                # 'Trưởng ban Tuyên giáo Tỉnh ủy': the press often writes that word in lowercase
                org = self._org(toks, start, True) or self._generic_org(toks, start, end, True) or org
                if org and org[1].surface[:1].islower():     # one body, one name: 'Ban …' as it is usually written
                    ref = org[1]
                    org = (org[0], OrgRef(ref.base[:1].upper() + ref.base[1:], ref.surface[:1].upper() + ref.surface[1:],
                                          ref.country, ref.kind, ref.joint, ref.countries, ref.bloc))
            else:
                org = self._org(toks, end, True) or org
            if org:
                end, post.org = org
                post.country = post.org.country if not post.org.joint else None
                outer = self._org(toks, end, True)      # 'Ban Chấp hành Trung ương Đảng Cộng sản Cuba'
                if outer and outer[1].kind != "international":
                    end, post.parent = outer
                    post.country = post.country or outer[1].country
                if notation and role.get("in_party") and self._is_party(post.org, post.parent):
                    post.role = role["in_party"]
            if post.org is not None:
                end = self._gloss(toks, end)
            if org is None:
                named = self._body_before_country(toks, end)
                if named:                               # 'Phó Chủ tịch Chính hiệp Trung Quốc X'
                    end, post.org = named
                    org = named
            if org is None and self._acronym(toks, end) and end + 1 < len(toks) and toks[end + 1].is_cap \
                    and not self._country(toks, end) and not self.place_nouns.match_at(toks, end):
                post.org = OrgRef(toks[end].text, toks[end].text, None)    # 'Chủ tịch JETRO X'
                end += 1
            c = self._country(toks, end)
            if c and post.org is None and post.role and role.get("with_country"):
                post.role = role["with_country"]
            if c:
                code = c[1]
                if post.org and post.org.country is None and not post.org.joint and post.org.kind != "international":
                    named_to = self._country_name(toks, end)[0]       # not the short name in brackets after
                    surface = clean(" ".join([post.org.surface] + [t.text for t in toks[end:named_to]]))
                    post.org = OrgRef(post.org.base, surface, code, post.org.kind)
                end, post.country = c[0], code
            scope = (role.get("place_follows") and post.org is None and not c) or \
                (self.place_nouns.match_at(toks, end - 1) is not None and toks[end - 1].low in ("tỉnh", "thành phố"))
            placed, end = end, self._place(toks, end, after_noun=bool(scope))
            regions = [r[1] for r in (self.regions.match_at(toks[:end], b) for b in range(placed, end)) if r]
            if regions and post.country is None:
                post.country = regions[0]   # 'Tỉnh trưởng tỉnh Vân Nam': a region of a country names it
            bracket = self._country_in_brackets(toks, end)
            if bracket:
                end, post.country = bracket
            link = self.posted_links.match_at(toks, end)
            if link:
                c = self._country(toks, link[0])
                o = None if c else self._org(toks, link[0], True)
                if c:
                    end, post.posted_to = c
                elif o:
                    end = o[0]
                elif self._place(toks, link[0]) > link[0]:
                    end = self._place(toks, link[0])
                elif self._place(toks, link[0], after_noun=True) > link[0]:
                    end = self._place(toks, link[0], after_noun=True)   # 'Tổng Lãnh sự … tại Mombasa X Y'
            d = self.descriptions.match_at(toks, end)
            if d:                   # 'Quốc vụ khanh phụ trách ngoại thương X'
                e = d[0]
                while e < len(toks) and e - d[0] < 4 and toks[e].is_word and not toks[e].is_cap:
                    e += 1
                end = e
                c = self._country(toks, end)
                if c:
                    end, post.country = c
            marked = self.country_titles.match_at(toks, j)
            if marked and post.country is None and not (post.org and post.org.country):
                post.country = marked[1]    # 'Ủy viên Thường vụ Bộ Chính trị': a title only one country has
            post.span = (j, end)
            posts.append(post)
            j = end
            following = self._marked_title(toks, j + 1) if j + 1 < len(toks) and toks[j].low in self.chain_joiners \
                else None
            # 'cựu Thủ tướng kiêm Bộ trưởng Tài chính': 'kiêm' joins two posts held together, then as now
            held_before = former and j < len(toks) and toks[j].low == "kiêm"
            # 'Thủ tướng Oman, Thủ tướng X': the same title again starts another person
            if following and not any(p.role == following[1][0]["notation"] for p in posts if p.role):
                if toks[j].text == ",":
                    joints.append((j, len(posts)))
                j += 1
                continue
            break
        # 'Tổng Bí thư, Chủ tịch nước Lào': a country named after the last title holds for the whole chain
        last = next((p.country for p in reversed(posts) if p.country), None)
        for p in posts:
            if p.country is None and p.org is None:
                p.country = last
        return j, posts, joints

    def _gloss(self, toks: list[Token], j: int) -> int:
        """'Hội đồng Nhân dân Tối cao (Quốc hội) Kazakhstan X': a gloss in brackets between a body and its
        country or holder explains the title; reading goes on past it. A country alone in brackets is no gloss."""
        if j >= len(toks) or toks[j].text != "(" or self._country_in_brackets(toks, j):
            return j
        close = next((e for e in range(j + 1, min(j + 9, len(toks))) if toks[e].text == ")"), None)
        if close is None or close == j + 1 or not all(t.is_word for t in toks[j + 1:close]) \
                or close + 1 >= len(toks) or not (toks[close + 1].is_word and toks[close + 1].is_cap):
            return j
        return close + 1

    def _portfolio(self, toks: list[Token], k: int) -> int:
        """After a title that names its ministry ('Bộ trưởng Ngoại giao'), 'và' and more of the ministry's name
        up to the country: where that name ends, or k."""
        if k + 1 >= len(toks) or toks[k].low != "và" or not toks[k + 1].is_cap:
            return k
        e, lower = k + 1, 0
        while e < len(toks) and toks[e].is_word and not self._country(toks, e) and not self.roles.match_at(toks, e):
            lower = 0 if toks[e].is_cap else lower + 1
            if lower > 3 or toks[e].low in STOP_LOWER:
                return k
            e += 1
        return e if e > k + 1 and self._country(toks, e) else k

    def _set_off_name(self, toks: list[Token], j: int, posts: list[Post]):
        """A designation (a title with its country or body) set off by a comma or a dash from an honorific and
        a full name that has no titles of its own after it: (where the name starts, the name)."""
        if j + 2 >= len(toks) or toks[j].text not in (",", "-", "–") \
                or not any(p.country or p.org or p.posted_to for p in posts):
            return None
        h = self.honorifics.match_at(toks, j + 1)
        name = self._name(toks, h[0]) if h else None
        if not name or name[0] - h[0] < 2:
            return None
        e = name[0]
        if e + 1 < len(toks) and toks[e].text == "," and self._marked_title(toks, e + 1):
            return None         # 'Thủ tướng Peru, ông X, Bộ trưởng Kenya, …': X is someone else, with titles of his own
        if self.is_vietnamese_name(name[1]) and any(p.country and p.country != self.home for p in posts):
            return None         # 'Tiếp Đại sứ Kenya, ông Nguyễn Văn A cho biết': our official speaks after the clause
        return h[0], name

    def _serving(self, toks: list[Token], j: int) -> bool:
        """Whether the title at j follows a noun of someone serving or related to its holder ('Trợ lý',
        'Phu nhân của'), up to three words back, 'của' between them allowed."""
        end = j - 1 if j > 0 and toks[j - 1].low == "của" else j
        start = next((b for b in range(max(0, end - 3), end) if " ".join(t.low for t in toks[b:end]) in self.serving),
                     None)
        # 'Bà X - Phu nhân Tổng thống Y', 'Ông X, Cố vấn của Thủ tướng Y': the one serving is named before, so the
        # name after is the holder's
        named_before = start is not None and start >= 2 and toks[start - 1].text in (",", "-", "–") \
            and toks[start - 2].is_word and toks[start - 2].is_cap
        return start is not None and not named_before

    def _tenure(self, toks: list[Token], k: int, marks: set[str]) -> bool:
        """Whether the word at k is one of marks of tenure, and not the end of a word that marks none ('chính
        quyền Tổng thống X' is the president's administration)."""
        return k >= 0 and toks[k].low in marks and not (
            k > 0 and f"{toks[k - 1].low} {toks[k].low}" in self.tenure_words)

    def _marked_title(self, toks: list[Token], k: int):
        """The title at k, or after a mark of its tenure at k ('nguyên', 'cựu', 'quyền')."""
        m = self.roles.match_at(toks, k)
        if m is None and k + 1 < len(toks) and self._tenure(toks, k, self.title_marks):
            m = self.roles.match_at(toks, k + 1)
        return m

    def _past_qualifier(self, toks: list[Token], end: int) -> int:
        """'Tổng thống đắc cử Chile X', 'Thủ tướng mãn nhiệm của Peru X': a word of the term between a title
        and its country or holder qualifies the title; reading goes on past it (and a 'của' before a country)."""
        q = self.qualifiers.match_at(toks, end)
        if not q:
            return end
        k = q[0]
        if k < len(toks) and toks[k].low == "của" and self._country(toks, k + 1):
            k += 1
        return k if k < len(toks) and toks[k].is_word and toks[k].is_cap else end

    def _body_before_country(self, toks: list[Token], k: int) -> tuple[int, OrgRef] | None:
        """A body the lexicons do not know, named after a title by a capitalised word and lowercase ones and
        followed by its country: no person's name holds a lowercase word."""
        if k + 1 >= len(toks) or not (toks[k].is_word and toks[k].is_cap) or self._country(toks, k) \
                or self.place_nouns.match_at(toks, k) or not toks[k + 1].is_word or toks[k + 1].is_cap:
            return None         # a body's name goes on in lowercase after its first word; a person's does not
        for e in range(k + 2, min(k + 5, len(toks))):
            if not toks[e - 1].is_word or toks[e - 1].low in self.not_in_bodies:
                return None
            if self._country(toks, e) and any(not t.is_cap for t in toks[k + 1:e]):
                words = _joined(toks[k:e])
                return e, OrgRef(words, words, None)
        return None

    @staticmethod
    def _acronym(toks: list[Token], k: int) -> bool:
        return k < len(toks) and len(toks[k].text) >= 2 and toks[k].text.isalpha() and toks[k].text.isupper()

    @staticmethod
    def _is_party(*orgs) -> bool:
        return any(o is not None and (o.kind == "party" or o.base.startswith("Đảng")) for o in orgs)

    # -- a sentence ---------------------------------------------------------------------------------
    def _split_joined(self, toks: list[Token]) -> list[Token]:
        """'Việt Nam-Nhật Bản' is written without spaces round the dash, so 'Nam-Nhật' is one token: split a
        hyphenated token where a country's name ends or starts at the hyphen."""
        out: list[Token] = []
        for n, t in enumerate(toks):
            cut = t.text.find("-")
            if cut > 0 and t.is_word:
                left, right = t.text[:cut], t.text[cut + 1:]
                pieces = [Token(left, t.begin, t.begin + cut), Token("-", t.begin + cut, t.begin + cut + 1),
                          Token(right, t.begin + cut + 1, t.end)]
                before = out[-4:] + pieces[:1]         # a country's name has at most four words
                ends_country = any((m := self.paired_countries.match_at(before, b)) and m[0] == len(before)
                                   for b in range(max(0, len(before) - 4), len(before)))
                starts_country = self.paired_countries.match_at(pieces[2:] + toks[n + 1:n + 4], 0) is not None
                if (ends_country or starts_country) and right[:1].isupper():
                    out.extend(pieces)
                    continue
            out.append(t)
        return out

    def read(self, text: str, offset: int, sentence_index: int) -> SentenceActors:
        toks = self._split_joined(tokenize(text))
        out = SentenceActors([], [], [], [])

        def mention(a: int, b: int) -> Mention:
            return Mention(offset + toks[a].begin, offset + toks[b - 1].end, sentence_index)

        side = self._side(toks)
        last_person: PersonMention | None = None
        last_end = -1
        i = 0
        while i < len(toks):
            named = self.naming.match_at(toks, i)
            if named:           # 'Học viện mang tên “Đại tướng X”': the name is the body's, not someone's here
                i = self._body_naming(toks, named[0], quoted_only=named[1])
                continue
            p = self.plural_roles.match_at(toks, i)
            if p:
                out.roles.append(RoleRef(p[1], None, True, mention(i, p[0])))
                i = p[0]
                continue
            lead = self._leader(toks, i)
            if lead:
                out.roles.append(RoleRef(None, lead[1], False, mention(i, lead[0]), leader=True))
                i = lead[0]
                continue
            j, posts = self._chain(toks, i)
            if posts:
                self._post_orgs(posts, mention(i, j), out, mention)
                k = self._after_link(toks, j)
                name = self._name(toks, k)
                start = self._vietnamese_start(toks, k, name[0]) if name else None
                if start is not None and start > k and (name[0] - k > 4 or not all(
                        is_vietnamese_syllable(t.text) for t in toks[k:start])
                        or (posts[-1].role in self.place_titles and start - k >= 2)):
                    # 'Chủ tịch Sovico Nguyễn Thanh Hùng'; after a provincial title, a place of two or three
                    # syllables before a surname is the province, not part of the name ('Bí thư Tỉnh ủy X Y Lưu Z')
                    if posts[-1].role in self.place_titles:
                        out.places.append(_joined(toks[k:start]))
                        region = self.regions.match_at(toks[:start], k)
                        if region and posts[-1].country is None:
                            posts[-1].country = region[1]   # 'Bí thư Tỉnh ủy Vân Nam X': that country's
                    k, name = start, self._name(toks, start)

                if name and name[0] - k >= 2:
                    posts = self._nearest_country(toks, i, posts, out, mention)
                    last_person = self._person(name, posts, k, side, out, mention)
                    last_end = self._original(toks, name[0], last_person)
                    i = self._postposed(toks, last_end, last_person, out, mention)
                    continue
                if last_person is not None and i == last_end + 1 and toks[last_end].text == "," \
                        and self._own_titles(toks, j, last_person, posts):
                    last_person.posts.extend(posts)          # 'X, Ủy viên Bộ Chính trị, Bộ trưởng …'
                    i = last_end = j
                    continue
                if any(self.capacity.match_at(toks, b) and self.capacity.match_at(toks, b)[0] == i
                       for b in range(max(0, i - 3), i)):
                    i = j                   # 'trên cương vị Chủ tịch ASEAN': a capacity, not someone
                    continue
                named = self._set_off_name(toks, j, posts)
                if named:       # 'Đại sứ Peru tại Việt Nam, bà Ana Soto cho biết', 'Thủ tướng Peru - ông X'
                    last_person = self._person(named[1], posts, named[0], side, out, mention)
                    last_end = named[1][0]
                    i = self._postposed(toks, last_end, last_person, out, mention)
                    continue
                surname = name[1] if name and name[0] - k == 1 else None
                ref_country = next((p.country for p in posts if p.country), None)
                form = clean(" ".join(t.text for t in toks[i:j]))
                # with no name, a title after a serving noun still stands for its holder ('Cố vấn của Thủ tướng')
                out.roles.append(RoleRef(posts[0].role or posts[0].holders_role, ref_country, False,
                                         mention(i, name[0] if surname else j),
                                         surname, foreign=any(form.startswith(f) for f in self.foreign_forms)))
                i = name[0] if surname else j
                continue
            if toks[i].text in self.pronouns and i + 1 < len(toks) and toks[i + 1].is_word \
                    and not toks[i + 1].is_cap:
                out.roles.append(RoleRef(None, None, False, mention(i, i + 1), pronoun=True))
                i += 1
                continue
            counterpart = self.counterparts.match_at(toks, i)
            if counterpart:                 # 'người đồng cấp Peru Ana Soto': the other side's own
                c = self._country(toks, counterpart[0])
                k = c[0] if c else counterpart[0]
                name = self._name(toks, k)
                if name and name[0] - k >= 2:
                    marks = [Post(None, country=c[1])] if c else []
                    last_person = self._person(name, marks, k, side, out, mention)
                    last_end = name[0]
                    i = name[0]
                    continue
                if c and not name:
                    # 'Thủ tướng X và người đồng cấp Peru': the holder of the same title in that country
                    role = next((p.role for p in last_person.posts if p.role), None) if last_person else None
                    out.roles.append(RoleRef(role, c[1], False, mention(i, c[0]), leader=role is None))
                    out.countries.append((c[1], mention(counterpart[0], c[0])))
                    i = c[0]
                    continue
            h = self.honorifics.match_at(toks, i)
            if h:
                name = self._name(toks, h[0])
                if name and name[0] - h[0] >= 2:
                    last_person = self._person(name, [], h[0], side, out, mention)
                    last_end = self._original(toks, name[0], last_person)
                    i = self._postposed(toks, last_end, last_person, out, mention)
                    continue
                if name and not self._country(toks, h[0]):      # 'ông Ruto': a person named before
                    out.roles.append(RoleRef(None, None, False, mention(i, name[0]), name[1]))
                    i = name[0]
                    continue
            listed = self._listed_name(toks, i)
            if listed:      # '…; Ana Soto, Bộ trưởng Bộ Tài chính; …': a list of officials, each titled after
                last_person = self._person(listed, [], i, side, out, mention)
                last_end = listed[0]
                i = self._postposed(toks, last_end, last_person, out, mention)
                continue
            o = self._org(toks, i, False) or self._company(toks, i)
            if o and o[1].country is None and not o[1].joint:
                o = self._owner_country(toks, o[0], o[1])
            if o:
                out.orgs.append(OrgMention(o[1], mention(i, o[0])))
                i = o[0]
                continue
            c = self._country(toks, i) or self._paired(toks, i)
            if c:
                out.countries.append((c[1], mention(i, c[0])))
                i = c[0]
                continue
            i += 1
        return out

    def _listed_name(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        """A name opening an item of a list (after ';' or ':') with its titles after a comma: the press lists a
        delegation so, with no honorific before each name."""
        if i == 0 or toks[i - 1].text not in ";:":
            return None
        name = self._name(toks, i)
        if not name or name[0] - i < 2 or name[0] + 1 >= len(toks) or toks[name[0]].text != "," \
                or not self._looks_like_name(toks[i:name[0]]) or not self._marked_title(toks, name[0] + 1):
            return None
        return name

    def _body_naming(self, toks: list[Token], j: int, quoted_only: bool) -> int:
        """Where reading resumes after a mark that names a body ('mang tên', 'tên là'): past the quoted name
        that follows, or (after a mark that only names bodies) past an unquoted honorific and name."""
        if j < len(toks) and toks[j].text in self.open_quotes:
            close = next((e for e in range(j + 1, min(j + 16, len(toks))) if toks[e].text in self.close_quotes),
                         None)
            return close + 1 if close is not None else j
        if quoted_only:
            return j
        h = self.honorifics.match_at(toks, j)
        name = self._name(toks, h[0] if h else j)
        return name[0] if name and h else j

    def _nearest_country(self, toks, i, posts: list[Post], out: SentenceActors, mention) -> list[Post]:
        """'Tổng thống Kenya, Thủ tướng Peru X': titles of two countries before one name are two people; the
        name holds those nearest it, and the titles of the other country are a bare reference."""
        codes = [p.country for p in posts]
        last = codes[-1]
        cut = max((n for n, c in enumerate(codes) if c and last and c != last), default=None)
        if cut is None or posts[0].role is None or posts[cut].span is None:
            return posts
        head = posts[:cut + 1]
        out.roles.append(RoleRef(head[0].role, head[0].country, False, mention(i, head[-1].span[1])))
        return posts[cut + 1:]

    def _original(self, toks: list[Token], j: int, person: PersonMention) -> int:
        """'A-béc-tô van Cla-vê-ren (Alberto van Klaveren)': the name in brackets is the same person's own
        spelling."""
        if j < len(toks) and toks[j].text == "(":
            name = self._name(toks, j + 1)
            if name and name[0] - (j + 1) >= 2 and name[0] < len(toks) and toks[name[0]].text == ")":
                person.original = name[1]
                return name[0] + 1
        return j

    @staticmethod
    def _person(name, posts, start, side, out, mention) -> PersonMention:
        person = PersonMention(name[1], posts, mention(start, name[0]), side)
        out.persons.append(person)
        return person

    @staticmethod
    def _post_orgs(posts: list[Post], where: Mention, out: SentenceActors, mention=None) -> None:
        """The bodies the titles name, each mentioned where its own title names it."""
        for post in posts:
            span = mention(*post.span) if mention and post.span else where
            for org in (post.org, post.parent):
                if org:
                    out.orgs.append(OrgMention(org, span))

    def _after_link(self, toks: list[Token], j: int) -> int:
        """Where the name after a title starts: past a gloss in brackets ('Bộ trưởng Ngoại giao Kenya (Bộ trưởng
        Nội các) X'), 'khi đó là' ('Chủ tịch … khi đó là X') and an honorific."""
        j = self._gloss(toks, j)
        link = self.appositive_links.match_at(toks, j)
        if link and link[0] < len(toks) and toks[link[0]].is_cap:
            j = link[0]
        h = self.honorifics.match_at(toks, j)
        return h[0] if h else j

    def _postposed(self, toks, i, person, out, mention) -> int:
        """Titles after a name and a comma ('X, khi ấy là Bí thư Tỉnh ủy, …'), with no name of their own,
        belong to that name; so do those it takes up ('X đắc cử Tổng thống Pháp')."""
        tense = self.tense.match_at(toks, i)       # 'X vừa tái đắc cử Tổng thống …'
        office = self.taking_office.match_at(toks, tense[0] if tense else i)
        if office:
            j, posts = self._chain(toks, office[0])
            name = self._name(toks, self._after_link(toks, j)) if posts else None
            if posts and (not name or name[0] - j < 2):
                person.posts.extend(posts)
                self._post_orgs(posts, mention(office[0], j), out, mention)
                return j
        # 'X, Ủy viên …' and 'X - Ủy viên …': the press sets the titles off by a comma or a spaced dash
        if i + 1 < len(toks) and toks[i].text in (",", "-", "–") and (toks[i].text == "," or toks[i].begin > toks[i - 1].end):
            link = self.appositive_links.match_at(toks, i + 1)
            start = link[0] if link else i + 1
            j, posts, joints = self._chain_parts(toks, start)
            skipped = not posts and self._description(toks, start)
            if skipped:         # 'X, nhà ngoại giao kỳ cựu, Đại sứ Peru …': a description between name and titles
                j, posts, joints = self._chain_parts(toks, skipped)
            if posts:
                j = self._whose(toks, j, posts)
                k = self._after_link(toks, j)
                name = self._name(toks, k)
                if (not name or name[0] - k < 2) and self._own_titles(toks, j, person, posts):
                    person.posts.extend(posts)
                    self._post_orgs(posts, mention(i + 1, j), out, mention)
                    # 'X, Ủy viên …, nhà báo, Trưởng ban …': the apposition goes on after another comma
                    return self._postposed(toks, j, person, out, mention) if j < len(toks) and toks[j].text == "," \
                        else j
                if skipped:
                    return i
                if name and joints and not person.posts and any(
                        p.country or p.org for p in posts[:joints[-1][1]]):
                    # 'Thượng tướng X, Ủy viên …, Phó Chủ tịch … Trung Quốc, Chủ tịch nước Y nói': a person named
                    # by rank alone takes the titles before the last join, complete with their body or country;
                    # the last one opens Y ('Chủ tịch nước X, Phó Thủ tướng, Bộ trưởng Y' stays Y's)
                    end, count = joints[-1]
                    mine = posts[:count]
                    person.posts.extend(mine)
                    self._post_orgs(mine, mention(i + 1, end), out, mention)
                    return end + 1
        return i

    def _description(self, toks: list[Token], start: int) -> int | None:
        """After 'X,': a short phrase that is no title, no name and no one else ('nhà ngoại giao kỳ cựu',
        'Ủy viên Thường vụ Tỉnh ủy') closed by a comma with a title after it; where that title starts."""
        if self.honorifics.match_at(toks, start) or self.pronouns & {toks[start].text}:
            return None
        name = self._name(toks, start)
        if name and name[0] - start >= 2:
            return None
        for e in range(start + 1, min(start + 8, len(toks) - 1)):
            if toks[e].text == ",":
                return e + 1 if self._title_at(toks, e + 1) else None
            if not toks[e].is_word or self._title_at(toks, e) or self.countries.match_at(toks, e):
                return None
        return None

    def _whose(self, toks: list[Token], j: int, posts: list[Post]) -> int:
        """'Đặc phái viên của Thủ tướng Na Uy': a title held in the service of another, whose country it
        takes; reading goes on past the other's title, which names no one present."""
        if j + 1 >= len(toks) or toks[j].low != "của" or posts[-1].country:
            return j
        end, inner = self._chain(toks, j + 1)
        code = next((p.country for p in inner if p.country), None)
        if code is None:
            c = self._country(toks, j + 1)
            end, code = c if c else (j, None)
        if code is None or (end < len(toks) and toks[end].is_word and toks[end].is_cap):
            return j            # 'Cố vấn của Thủ tướng Na Uy Jonas Berg': the other is named, and reads so
        posts[-1].country = code
        return end

    @staticmethod
    def _own_titles(toks: list[Token], j: int, person: PersonMention, posts: list[Post]) -> bool:
        """Whether titles after 'X,' (read up to j, with no name of their own) are X's: they close on
        punctuation, or run into the verb as a designation ('X, Thứ trưởng Bộ Công an dẫn đầu');
        a title X already holds names someone else ('Thủ tướng X, Thủ tướng Lào cho biết')."""
        if any(p.role and p.role == q.role for p in posts for q in person.posts):
            return False
        if j >= len(toks) or not toks[j].is_word:
            return True
        # run into the verb: only a designation with its body or country ('Thứ trưởng Bộ Công an dẫn đầu',
        # 'Đại sứ Peru tại Việt Nam đến trình Quốc thư'); a bare title before a verb is the next sentence's
        # subject ('X, Thủ tướng gửi lời …')
        return not toks[j].is_cap and (any(p.org or p.country or p.posted_to for p in posts) or len(posts) > 1)

    def _side(self, toks: list[Token]) -> str | None:
        """'Về phía Việt Nam có …', 'Phía Lào có …': the side a list of officials belongs to."""
        m = self.side_markers.match_at(toks, 0)
        c = self._country(toks, m[0]) if m else None
        return c[1] if c else None

    def native_name(self, name: str) -> bool:
        """Whether a body's name past its head word is written in Vietnamese ('Công ty Hoa Sen'), not in a
        foreign tongue ('Tập đoàn Andes Mining', 'PT Nusantara Tbk')."""
        toks = tokenize(name)
        h = self.heads.match_at(toks, 0)
        own = [t for t in toks[h[0] if h else 0:] if t.is_word and t.is_cap]
        return all(is_vietnamese_syllable(t.text.split("-")[0]) for t in own)

    def is_vietnamese_name(self, name: str) -> bool:
        first = name.split()[0]
        return first in self.surnames and len(name.split()) >= 2


def _by_first_word(forms: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        if form:
            index.setdefault(form[0], []).append(form)
    return index


@lru_cache(maxsize=1)
def grammar() -> ActorGrammar:
    return ActorGrammar()
