"""Plain records that extraction produces and the RDF layer turns into statements."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """Where a fact was read: a character span of the article and the index of its sentence."""
    begin: int
    end: int
    sentence: int


@dataclass(frozen=True)
class OrgRef:
    base: str               # the name without a trailing country ('Bộ Ngoại giao')
    surface: str            # as written ('Bộ Ngoại giao Lào')
    country: str | None     # ISO code read in the name, if any
    kind: str = "organization"
    joint: bool = False     # a body of two or more countries ('Ủy ban liên Chính phủ Việt Nam - Lào')
    countries: tuple[str, ...] = ()
    bloc: str | None = None   # a union whose officers the press names as its own ('EU' for EU institutions)


@dataclass
class Post:
    role: str
    org: OrgRef | None = None
    country: str | None = None      # the country the title names ('Thủ tướng Lào')
    posted_to: str | None = None    # 'Đại sứ Lào tại Việt Nam': the host country
    org_key: str | None = None      # set once the organisation has its identity
    parent: OrgRef | None = None    # the body the post's organ belongs to ('… Trung ương Đảng Cộng sản Cuba')
    span: tuple[int, int] | None = None   # the title and its body, as token positions in the sentence
    acting: bool = False            # 'quyền Bộ trưởng': held for now, until someone is appointed
    holders_role: str | None = None  # 'Trợ lý Bộ trưởng X': the title's role, held by someone else than X
    former_role: str | None = None   # 'cựu Thủ tướng X', 'cố Tổng thống X': the role X once held, not a post now
    former: bool = False            # told at a date years before the article's: held then, not necessarily now


@dataclass
class PersonMention:
    name: str
    posts: list[Post]
    mention: Mention
    side: str | None = None          # 'Về phía Việt Nam có …'
    original: str | None = None      # the name in its own spelling, in brackets after a transliteration


@dataclass
class RoleRef:
    """A bare title standing for a person: 'Thủ tướng Lào', 'hai Thủ tướng', 'Tổng thống Marcos'."""
    role: str | None
    country: str | None
    plural: bool
    mention: Mention
    surname: str | None = None
    pronoun: bool = False            # 'Ông', 'Bà' opening a sentence: the person last mentioned
    foreign: bool = False            # 'Tổng thống': Vietnamese press never titles its own president so
    leader: bool = False             # 'nhà lãnh đạo Cuba', 'người đứng đầu Nhà nước Việt Nam': the top one


@dataclass
class OrgMention:
    org: OrgRef
    mention: Mention


@dataclass
class Person:
    key: str
    name: str
    country: str | None = None
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    marked: bool = False             # the country was read in the text (a title, a body, a side), not guessed
    # (number of mentions, their sorted starts): a cache for 'who was named last before here'
    sorted_starts: tuple[int, list[int]] | None = field(default=None, repr=False, compare=False)


@dataclass
class Organization:
    key: str
    name: str
    names: set[str] = field(default_factory=set)
    country: str | None = None
    kind: str = "organization"
    mentions: list[Mention] = field(default_factory=list)
    label: str | None = None
    bloc: str | None = None          # the union an international body belongs to ('EU'): a side, not a country


@dataclass(frozen=True)
class DateValue:
    """A calendar date as far as the text gives it; year None means it could not be known."""
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        if self.year and self.month and self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month and self.day:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.year and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year:
            return f"{self.year:04d}"
        return None


@dataclass
class Event:
    key: str
    type: str
    name: str
    attendees: list[str] = field(default_factory=list)   # person or organization keys
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)
    start: DateValue | None = None
    end: DateValue | None = None
    place: str | None = None
    ordinal: int | None = None
    organizer: str | None = None    # organization key
    status: str = "held"
    super_event: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    family: str = ""                # trigger family that keeps a welcome apart from other meetings
    kind: str = ""                  # what sort of ceremony ('khánh thành', 'đón'): part of its identity
    ongoing: bool = False           # told as going on ('đang có chuyến thăm'): the article's own, not history
    counterpart: str = ""           # the words naming a pair event's other side ('Bộ trưởng Ngoại giao Kenya …')


@dataclass
class Quantity:
    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str = ""
    measure: str | None = None
    year: int | None = None
    baseline: int | None = None     # 'tăng 10-15% so với năm 2025'
    text: str = ""


@dataclass
class Commitment:
    statement: str
    status: str
    parties: list[str]              # country codes
    topic: str
    mention: Mention
    targets: list[Quantity] = field(default_factory=list)
    made_at: str | None = None      # event key
    speaker: str | None = None      # person key
    id: str = ""                    # stable within the corpus: article, offset, statement
    reaffirms: str | None = None    # id of the earliest commitment with the same target
    bodies: list[str] = field(default_factory=list)   # an international body committing: its org (or officer) key


@dataclass
class Observation:
    quantity: Quantity
    period: str | None
    mention: Mention
    parties: list[str] = field(default_factory=list)


@dataclass
class NamedThing:
    kind: str                       # project | agreement
    name: str
    period: str | None
    mention: Mention


@dataclass
class Extraction:
    article_id: str
    text: str
    published: str | None
    publisher: str | None
    sentences: list = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    named: list[NamedThing] = field(default_factory=list)
    observed: str | None = None     # when the article speaks: published, else its earliest dated event
    notes: list[str] = field(default_factory=list)   # how the text was read where it was not read whole
