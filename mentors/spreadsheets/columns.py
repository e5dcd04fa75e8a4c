"""The columns of the import template, per kind of record, with bilingual headers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool = False

    @property
    def header(self) -> str:
        """The bilingual header written into templates and exports: “姓名 / Name”."""
        return f"{self.zh} / {self.en}"


MENTOR_COLUMNS = (
    Column("name", "姓名", "Name", required=True),
    Column("title", "职称职务", "Title"),
    Column("affiliation", "工作单位", "Affiliation"),
    Column("honours", "荣誉称号", "Honours"),
    Column("fields", "领域", "Fields"),
    Column("research_fields", "研究方向", "Research fields"),
    Column("phone", "手机", "Mobile phone"),
    Column("email", "电子邮箱", "E-mail"),
    Column("wechat", "微信", "WeChat"),
    Column("province", "籍贯省份", "Hometown province"),
    Column("city", "籍贯城市", "Hometown city"),
    Column("county", "籍贯区县", "Hometown county"),
    Column("current_city", "现居城市", "Current city"),
    Column("country", "所在国家", "Country"),
    Column("languages", "语言", "Languages"),
    Column("capacity", "可带徒弟数", "Capacity"),
    Column("bio", "个人简介", "Biography"),
    Column("achievements", "论文专利成果", "Achievements"),
)

MENTEE_COLUMNS = (
    Column("name", "姓名或团队", "Name or team", required=True),
    Column("kind", "类别", "Kind", required=True),
    Column("organization", "单位", "Organisation"),
    Column("fields", "领域", "Fields"),
    Column("needs", "需求", "Needs"),
    Column("phone", "手机", "Mobile phone"),
    Column("email", "电子邮箱", "E-mail"),
    Column("wechat", "微信", "WeChat"),
    Column("province", "所在省份", "Province"),
    Column("city", "所在城市", "City"),
    Column("county", "所在区县", "County"),
    Column("bio", "简介", "Introduction"),
)

ORGANIZATION_COLUMNS = (
    Column("name", "单位名称", "Name", required=True),
    Column("kind", "单位类型", "Kind", required=True),
    Column("fields", "领域", "Fields"),
    Column("size", "规模", "Size"),
    Column("province", "省份", "Province"),
    Column("city", "城市", "City"),
    Column("county", "区县", "County"),
    Column("country", "国家", "Country"),
    Column("description", "简介", "Description"),
)

COLUMNS = {
    "mentors": MENTOR_COLUMNS,
    "mentees": MENTEE_COLUMNS,
    "organizations": ORGANIZATION_COLUMNS,
}

# Separators accepted between several honours, fields or languages in one cell.
LIST_SEPARATORS = ";；,，、/|\n"


def header_aliases(column: Column) -> set[str]:
    """Every spelling of a header that names ``column`` (compared after normalising)."""
    return {
        normalize_header(text)
        for text in (column.key, column.zh, column.en, column.header, f"{column.zh}{column.en}")
    }


def normalize_header(text: str) -> str:
    return "".join(ch for ch in str(text).lower() if ch.isalnum())


def split_list(text: str) -> list[str]:
    """Split a cell holding several values (“院士；国家级人才”) into its items."""
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [item.strip() for item in text.split(LIST_SEPARATORS[0]) if item.strip()]
