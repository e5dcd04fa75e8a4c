"""Projects and demands in a spreadsheet: the template's columns, and the dry run of a file
of new postings (through the people import's pipeline, ``mentors.spreadsheets``)."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from mentors.models import IndustryChain, Organization
from mentors.spreadsheets.columns import Column
from mentors.spreadsheets.reading import Sheet
from mentors.spreadsheets.rows import ERROR, ImportPlan, RowCleaner, choice_index, plan_rows
from mentors.spreadsheets.writing import choice_notes, list_notes, workbook_template
from talentbridge.forms import TEXT_LIMIT
from talentbridge.parsing import is_sane_date
from talentbridge.regions import region_lineage
from talentbridge.regions.forms import RegionField

from .models import Challenge, Project

# A call collects tens of postings, a province's a few thousand over years: one file of a
# thousand is plenty, and keeps the all-or-nothing commit short.
MAX_POSTING_ROWS = 1000
MAX_SLOTS = 50
MAX_AMOUNT = 10**13  # ten trillion yuan: beyond any reward or investment

COMMON_COLUMNS = (
    Column("title", "标题", "Title", required=True),
    Column("summary", "简介", "Summary", required=True),
    Column("organization", "发布单位", "Posted by", required=True),
    Column("details", "详细说明", "Details"),
    Column("fields", "领域", "Fields"),
    Column("region", "落地地区", "Landing region"),
    Column("deadline", "截止日期", "Deadline"),
    Column("slots", "可接受揭榜数", "Slots"),
)
PROJECT_COLUMNS = (
    *COMMON_COLUMNS,
    Column("stage", "阶段", "Stage"),
    Column("seeks_cofounder", "寻求合伙人", "Seeks a co-founder"),
    Column("seeks_investment", "寻求投资", "Seeks investment"),
    Column("seeks_landing", "寻求落地", "Seeks a landing site"),
    Column("intended_investment", "意向投资（元）", "Intended investment (yuan)"),
)
CHALLENGE_COLUMNS = (
    *COMMON_COLUMNS,
    Column("problem_kind", "需求类型", "Kind of problem"),
    Column("required_expertise", "所需专长", "Required expertise"),
    Column("reward_min", "悬赏下限（元）", "Reward from (yuan)"),
    Column("reward_max", "悬赏上限（元）", "Reward up to (yuan)"),
    Column("reward_negotiable", "悬赏面议", "Reward negotiable"),
)
POSTING_COLUMNS = {"projects": PROJECT_COLUMNS, "challenges": CHALLENGE_COLUMNS}
POSTING_MODELS = {"projects": Project, "challenges": Challenge}
SHEET_TITLES = {"projects": "项目 Projects", "challenges": "需求 Demands"}

YES = {"是", "有", "需要", "y", "yes", "true", "1", "✓", "√"}
NO = {"否", "无", "不需要", "n", "no", "false", "0", ""}
DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
AMOUNT_CHARS = re.compile(r"[,，\s元¥￥]")
BOOLEAN_KEYS = ("seeks_cofounder", "seeks_investment", "seeks_landing", "reward_negotiable")
AMOUNT_KEYS = ("intended_investment", "reward_min", "reward_max")


class PostingCleaner(RowCleaner):
    """The cells of a project's or demand's row."""

    def __init__(self, kind: str, *, taken_titles: set[str]):
        super().__init__(POSTING_COLUMNS[kind], POSTING_MODELS[kind])
        self.fields = {}
        for chain in IndustryChain.objects.all():
            for name in (chain.slug, chain.name_zh, chain.name_en):
                self.fields[name.strip().lower()] = chain
        model = POSTING_MODELS[kind]
        self.stages = choice_index(Project.Stage) if model is Project else {}
        self.problem_kinds = choice_index(Challenge.ProblemKind) if model is Challenge else {}
        self.taken_titles = taken_titles
        self.regions = RegionField(required=False)
        self.region_parts: dict[str, dict] = {}
        text_limit = Organization._meta.get_field("name").max_length
        self.limits.update(organization=text_limit, summary=TEXT_LIMIT, details=TEXT_LIMIT)

    def clean_value(self, key: str, text: str):
        if key in BOOLEAN_KEYS:
            return self.clean_boolean(key, text)
        if key in AMOUNT_KEYS and text:
            return self.clean_amount(key, text)
        return super().clean_value(key, text)

    def clean_title(self, text: str) -> str:
        if len(text) < 4:
            raise ValueError(_("Give a title of at least 4 characters."))
        if text.casefold() in self.taken_titles:
            raise ValueError(_("“%(title)s” is already in this call.") % {"title": text})
        return text

    def clean_fields(self, text: str) -> list:
        return self.lookup_list(text, self.fields, _("Unknown field: %(names)s."))

    def clean_region(self, text: str) -> dict:
        # A file names a handful of regions over and over: resolve each once.
        if text not in self.region_parts:
            self.region_parts[text] = self._region_parts(text)
        return self.region_parts[text]

    def _region_parts(self, text: str) -> dict:
        try:
            region = self.regions.clean(text)
        except forms.ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None
        lineage = region_lineage(region)
        names = [r.name for r in lineage if r.level <= 3]
        return dict(zip(("province", "city", "county"), names + ["", ""], strict=False))

    def clean_deadline(self, text: str) -> datetime.date:
        match = DATE.match(text)
        try:
            deadline = datetime.date(*(int(part) for part in match.groups())) if match else None
        except ValueError:
            deadline = None
        if deadline is None or not is_sane_date(deadline):
            raise ValueError(
                _("“%(text)s” is not a date: write it as 2026-05-31.") % {"text": text}
            )
        if deadline < timezone.localdate():
            raise ValueError(_("The deadline cannot be in the past."))
        return deadline

    def clean_slots(self, text: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= MAX_SLOTS:
            raise ValueError(_("Between 1 and 50 claims can be accepted."))
        return int(text)

    def clean_stage(self, text: str) -> str:
        message = _("Unknown stage “%(text)s”.") % {"text": text}
        return self.lookup_choice(text, self.stages, message)

    def clean_problem_kind(self, text: str) -> str:
        message = _("Unknown kind of problem “%(text)s”.") % {"text": text}
        return self.lookup_choice(text, self.problem_kinds, message)

    def clean_boolean(self, key: str, text: str) -> bool:
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        raise ValueError(
            _("%(column)s: write 是 or 否 (yes or no), not “%(text)s”.")
            % {"column": self.labels[key], "text": text}
        )

    def clean_amount(self, key: str, text: str) -> int:
        digits = AMOUNT_CHARS.sub("", text)
        if not digits.isdigit() or int(digits) > MAX_AMOUNT:
            raise ValueError(
                _("%(column)s must be an amount in yuan, such as 500000, not “%(text)s”.")
                % {"column": self.labels[key], "text": text}
            )
        return int(digits)


def plan_postings(kind: str, sheet: Sheet, *, taken_titles: set[str]) -> ImportPlan:
    """The dry run of a file of new projects or demands: every row is a new posting or an
    error. ``taken_titles`` (case-folded) are the titles already in the call."""
    plan = ImportPlan(kind=kind)
    cleaner = PostingCleaner(kind, taken_titles=taken_titles)
    plan_rows(
        plan,
        sheet,
        POSTING_COLUMNS[kind],
        cleaner,
        lambda values: [("title", values["title"].casefold())] if values.get("title") else [],
        max_rows=MAX_POSTING_ROWS,
    )
    for row in plan.rows:
        low, high = row.values.get("reward_min"), row.values.get("reward_max")
        if isinstance(low, int) and isinstance(high, int) and high < low:
            row.errors.append(_("The upper bound is below the lower bound."))
            row.action = ERROR
    return plan


def posting_template(kind: str) -> bytes:
    """The empty template of projects or demands."""
    return workbook_template(SHEET_TITLES[kind], POSTING_COLUMNS[kind], _column_notes)


def _column_notes(column: Column) -> str:
    if column.key == "fields":
        return list_notes(IndustryChain.objects.all())
    if column.key == "stage":
        return choice_notes(Project.Stage)
    if column.key == "problem_kind":
        return choice_notes(Challenge.ProblemKind)
    if column.key in BOOLEAN_KEYS:
        return "是 / 否 (yes / no)"
    if column.key in AMOUNT_KEYS:
        return "整数，单位元 A whole number of yuan"
    return {
        "title": "至少 4 个字；同一征集内不可重复 At least 4 characters; unique in the call",
        "organization": "企业、高校等单位名称；新单位会自动建立 Created if new",
        "region": "省、市或区县，如 福建省福州市晋安区 Province, city or county",
        "deadline": "如 For example: 2026-05-31",
        "slots": "1–50，空白为 1 Blank means 1",
    }.get(column.key, "")
