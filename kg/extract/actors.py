"""A grammar of titles: persons with their posts, institutions and countries, read sentence by sentence.

Shapes it reads (all driven by the lexicons under kg/lexicons):
  TITLE[, TITLE]* [INSTITUTION] [COUNTRY] [tại COUNTRY] NAME      'Tổng Bí thư, Chủ tịch nước Lào X'
  RANK|HONORIFIC NAME[, TITLE[, TITLE]*]                          'Đại tướng X, Ủy viên Bộ Chính trị, …'
  TITLE [COUNTRY] (no name)                                       a bare title, resolved later
  INSTITUTION [COUNTRY]                                           an organisation on its own
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg import lexicons
from kg.extract.model import Mention, OrgMention, OrgRef, PersonMention, Post, RoleRef
from kg.text.normalize import clean
from kg.text.tokens import PhraseMatcher, Token, tokenize

STOP_LOWER = {
    "cho", "của", "với", "tại", "để", "đã", "sẽ", "là", "có", "được", "do", "trong", "từ", "đến", "theo",
    "nhằm", "giữa", "tặng", "đón", "cùng", "và", "ở", "sang", "tới", "khi", "thì", "mà", "rằng", "nói",
    "làm", "đi", "ra", "vào", "lên", "dự", "thăm", "hội", "gặp", "tiếp", "trao", "chủ", "đồng", "tham",
    "ký", "nhân", "trên", "dưới", "qua", "bên", "như", "này", "đó", "các", "những", "một", "hai", "món",
}


@dataclass
class SentenceActors:
    persons: list[PersonMention]
    roles: list[RoleRef]
    orgs: list[OrgMention]
    countries: list[tuple[str, Mention]]


class ActorGrammar:
    """Compiled once from the lexicons; `read(sentence)` is a pure function of the sentence."""

    def __init__(self):
        hon = lexicons.load("honorifics")
        inst = lexicons.load("institutions")
        self.roles = PhraseMatcher(lexicons.role_forms(), cased=True)
        self.countries = PhraseMatcher(lexicons.country_forms(), cased=True)
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
        self.continuations = PhraseMatcher([(c, c) for c in inst["lowercase_continuations"]])
        self.generic_after_head = set(inst["generic_after_head"])
        self.honorifics = PhraseMatcher([(h, "honorific") for h in hon["honorifics"]] +
                                        [(r, "rank") for r in hon["ranks"]])
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

    # -- pieces ------------------------------------------------------------------------------------
    def _country(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        return self.countries.match_at(toks, i)

    def _org(self, toks: list[Token], i: int, after_title: bool) -> tuple[int, OrgRef] | None:
        """An institution starting at token i, with the country its name carries."""
        m = self.known.match_at(toks, i) or (self.short_orgs.match_at(toks, i) if after_title else None)
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
            return j, OrgRef(base, surface, country, entry.get("type", "organization"))
        h = self.heads.match_at(toks, i)
        if not h:
            return None
        return self._generic_org(toks, i, h[0], after_title)

    def _generic_org(self, toks: list[Token], i: int, j: int, after_title: bool) -> tuple[int, OrgRef] | None:
        if j < len(toks) and toks[j].low in self.generic_after_head:
            return None
        k, lower_run, good = j, 0, j
        while k < len(toks):
            t = toks[k]
            if t.text in "-–" and k + 1 < len(toks) and toks[k + 1].is_cap and k > j:
                k += 1
                continue
            if not t.is_word or (after_title and self.roles.match_at(toks, k)):
                break
            cont = self.continuations.match_at(toks, k)
            if cont:
                k = good = cont[0]
                lower_run = 0
                continue
            if t.is_cap:
                k = good = k + 1
                lower_run = 0
                continue
            if t.low == "và" and k > j and k + 1 < len(toks) and toks[k - 1].is_word:
                lower_run += 1
                k += 1
                continue
            if t.low in STOP_LOWER or lower_run >= 3 or k == j:
                break
            lower_run += 1
            k += 1
        k = good   # no trailing lowercase words
        if k == j:
            return None
        if after_title:
            k = self._split_trailing_name(toks, j, k)
        words = toks[i:k]
        codes = [c for _, _, c in self.countries.find_all(words)]
        joint = len(set(codes)) > 1 and any(t.low in ("liên", "hỗn", "chung") for t in words)
        country = None if joint else (codes[0] if codes else None)
        surface = clean(" ".join(t.text for t in words))
        base = surface
        trail = self._trailing_country(words)
        if trail and not joint and len(set(codes)) == 1:
            base = clean(" ".join(t.text for t in words[:trail]))
        return k, OrgRef(base, surface, country, "organization", joint, tuple(dict.fromkeys(codes)))

    def _trailing_country(self, words: list[Token]) -> int | None:
        for start in range(len(words) - 1, 0, -1):
            c = self.countries.match_at(words, start)
            if c and c[0] == len(words):
                return start
        return None

    def _split_trailing_name(self, toks: list[Token], j: int, k: int) -> int:
        """In 'Ủy ban Hợp tác Lào - Việt Nam Viengsan Chantha' the org stops where the person's name starts."""
        start = k
        while start > j and toks[start - 1].is_cap:
            start -= 1
        # skip countries (and the dash between them) at the start of the capitalised run
        s = start
        while s < k:
            c = self._country(toks, s)
            if c and c[0] <= k:
                s = c[0]
            elif toks[s].text in "-–":
                s += 1
            else:
                break
        if k - s >= 2 and toks[s].text not in self.not_name and self._looks_like_name(toks[s:k]):
            return s
        return k

    def _looks_like_name(self, words: list[Token]) -> bool:
        return all(w.is_word and w.is_cap for w in words) and not self.heads.match_at(words, 0)

    def _name(self, toks: list[Token], i: int) -> tuple[int, str] | None:
        k = i
        while k < len(toks) and k - i < 6:
            t = toks[k]
            if not (t.is_word and t.is_cap):
                break
            if k > i and self.breakers.match_at(toks, k):
                break
            country = self._country(toks, k) if k > i + 1 else None
            if country and country[0] == k + 1 < len(toks) and not toks[k + 1].is_cap:
                break
            k += 1
        if k < len(toks) and toks[k].text.rstrip(".") in self.suffixes and k > i:
            k += 1
        if k == i or toks[i].text in self.not_name or self._country(toks, i) or self.known.match_at(toks, i):
            return None
        return k, clean(" ".join(t.text for t in toks[i:k]))

    def _chain(self, toks: list[Token], i: int) -> tuple[int, list[Post]]:
        posts: list[Post] = []
        j = i
        while True:
            m = self.roles.match_at(toks, j)
            if not m:
                break
            end, role = m
            if end < len(toks) and clean(f"{toks[end - 1].text} {toks[end].text}") in self.not_titles:
                break
            post = Post(role["notation"])
            org = None
            if role.get("org"):
                org = (end, OrgRef(role["org"], role["org"], None, "parliament"))
            # 'Trưởng Ban Đối ngoại …': the title's last word already starts the institution's name
            head = self.heads.match_at(toks, end - 1)
            if head and head[0] == end and role.get("org_starts_in_title"):
                org = self._org(toks, end - 1, True) or org
            else:
                org = self._org(toks, end, True) or org
            if org:
                end, post.org = org
                post.country = post.org.country if not post.org.joint else None
            c = self._country(toks, end)
            if c:
                code = c[1]
                if post.org and post.org.country is None and not post.org.joint and post.org.kind != "international":
                    surface = clean(" ".join([post.org.surface] + [t.text for t in toks[end:c[0]]]))
                    post.org = OrgRef(post.org.base, surface, code, post.org.kind)
                end, post.country = c[0], code
            if end + 1 < len(toks) and toks[end].low == "tại":
                c = self._country(toks, end + 1)
                if c:
                    end, post.posted_to = c
            posts.append(post)
            j = end
            if j + 1 < len(toks) and toks[j].low in (",", "kiêm") and self.roles.match_at(toks, j + 1):
                j += 1
                continue
            break
        # 'Tổng Bí thư, Chủ tịch nước Lào': a country named after the last title holds for the whole chain
        last = next((p.country for p in reversed(posts) if p.country), None)
        for p in posts:
            if p.country is None and p.org is None:
                p.country = last
        return j, posts

    # -- a sentence ---------------------------------------------------------------------------------
    def read(self, text: str, offset: int, sentence_index: int) -> SentenceActors:
        toks = tokenize(text)
        out = SentenceActors([], [], [], [])

        def mention(a: int, b: int) -> Mention:
            return Mention(offset + toks[a].begin, offset + toks[b - 1].end, sentence_index)

        side = self._side(toks)
        last_person: PersonMention | None = None
        last_end = -1
        i = 0
        while i < len(toks):
            p = self.plural_roles.match_at(toks, i)
            if p:
                out.roles.append(RoleRef(p[1], None, True, mention(i, p[0])))
                i = p[0]
                continue
            j, posts = self._chain(toks, i)
            if posts:
                self._post_orgs(posts, mention(i, j), out)
                k = j
                h = self.honorifics.match_at(toks, k)
                if h:
                    k = h[0]
                name = self._name(toks, k)
                if name and name[0] - k >= 2:
                    last_person = self._person(name, posts, k, side, out, mention)
                    last_end = name[0]
                    i = self._postposed(toks, last_end, last_person, out, mention)
                    continue
                if last_person is not None and i == last_end + 1 and toks[last_end].text == "," \
                        and self._clause_ends(toks, j):
                    last_person.posts.extend(posts)          # 'X, Ủy viên Bộ Chính trị, Bộ trưởng …'
                    i = last_end = j
                    continue
                surname = name[1] if name and name[0] - k == 1 else None
                ref_country = next((p.country for p in posts if p.country), None)
                form = clean(" ".join(t.text for t in toks[i:j]))
                out.roles.append(RoleRef(posts[0].role, ref_country, False, mention(i, name[0] if surname else j),
                                         surname, foreign=any(form.startswith(f) for f in self.foreign_forms)))
                i = name[0] if surname else j
                continue
            if toks[i].text in self.pronouns and i + 1 < len(toks) and toks[i + 1].is_word \
                    and not toks[i + 1].is_cap:
                out.roles.append(RoleRef(None, None, False, mention(i, i + 1), pronoun=True))
                i += 1
                continue
            h = self.honorifics.match_at(toks, i)
            if h:
                name = self._name(toks, h[0])
                if name and name[0] - h[0] >= 2:
                    last_person = self._person(name, [], h[0], side, out, mention)
                    last_end = name[0]
                    i = self._postposed(toks, last_end, last_person, out, mention)
                    continue
            o = self._org(toks, i, False)
            if o:
                out.orgs.append(OrgMention(o[1], mention(i, o[0])))
                i = o[0]
                continue
            c = self._country(toks, i)
            if c:
                out.countries.append((c[1], mention(i, c[0])))
                i = c[0]
                continue
            i += 1
        return out

    @staticmethod
    def _person(name, posts, start, side, out, mention) -> PersonMention:
        person = PersonMention(name[1], posts, mention(start, name[0]), side)
        out.persons.append(person)
        return person

    @staticmethod
    def _post_orgs(posts: list[Post], where: Mention, out: SentenceActors) -> None:
        for post in posts:
            if post.org:
                out.orgs.append(OrgMention(post.org, where))

    def _postposed(self, toks, i, person, out, mention) -> int:
        """Titles after a name and a comma, with no name of their own, belong to that name."""
        if i + 1 < len(toks) and toks[i].text == ",":
            j, posts = self._chain(toks, i + 1)
            if posts:
                k = j
                h = self.honorifics.match_at(toks, k)
                name = self._name(toks, h[0] if h else k)
                if (not name or name[0] - (h[0] if h else k) < 2) and self._clause_ends(toks, j):
                    person.posts.extend(posts)
                    self._post_orgs(posts, mention(i + 1, j), out)
                    return j
        return i

    @staticmethod
    def _clause_ends(toks: list[Token], j: int) -> bool:
        return j >= len(toks) or not toks[j].is_word

    def _side(self, toks: list[Token]) -> str | None:
        """'Về phía Việt Nam có …', 'Phía Lào có …': the side a list of officials belongs to."""
        m = self.side_markers.match_at(toks, 0)
        c = self._country(toks, m[0]) if m else None
        return c[1] if c else None

    def is_vietnamese_name(self, name: str) -> bool:
        first = name.split()[0]
        return first in self.surnames and len(name.split()) >= 2


@lru_cache(maxsize=1)
def grammar() -> ActorGrammar:
    return ActorGrammar()
