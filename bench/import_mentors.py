"""Import 10,000 experts from a spreadsheet: dry run, then the all-or-nothing commit.

Runs on a throwaway PostgreSQL (BENCH_DB=sqlite for the embedded SQLite mode), for a .csv
(GB18030) and an .xlsx file, first into an empty directory, then again over the same rows
(every row matched and unchanged). The budget is 60 s per import.
Run: .venv/bin/python bench/import_mentors.py  (BENCH_ROWS=… to change the size)
"""

import contextlib
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import services  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))
FIELDS = [
    ("marine_economy", "海洋经济"),
    ("artificial_intelligence", "人工智能"),
    ("biomedicine", "生物医药"),
]
HONOURS = [("academician", "院士", 1), ("leading-talent", "领军人才", 4)]


def rows(rng: random.Random) -> list[list[str]]:
    return [
        [
            f"专家{i}",
            "教授",
            f"基准大学{i % 300}",
            rng.choice(["院士", "领军人才", ""]),
            "；".join(name for _, name in rng.sample(FIELDS, 2)),
            "海洋观测 marine sensing",
            f"139{i:08d}",
            f"expert{i}@example.cn",
            "",
            "福建省",
            "福州市",
            rng.choice(["晋安区", "连江县", "金乡县"]),
            "福州",
            "中国",
            "zh en",
            str(rng.randrange(1, 5)),
            "长期从事海洋与人工智能交叉研究。",
            "",
        ]
        for i in range(ROWS)
    ]


def csv_file(data: list[list[str]], header: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(data)
    return buffer.getvalue().encode("gb18030")


def xlsx_file(data: list[list[str]], header: list[str]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    for row in data:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def database():
    if os.environ.get("BENCH_DB") == "sqlite":
        folder = tempfile.mkdtemp(prefix="tb-import-")
        return contextlib.nullcontext(f"sqlite:///{folder}/bench.sqlite3")
    return services.postgres()


def start_django(url: str) -> None:
    """Set Django up on the throwaway database at ``url``, migrated, with the fields."""
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from mentors.models import IndustryChain

    call_command("migrate", verbosity=0)
    for slug, name in FIELDS:
        IndustryChain.objects.create(slug=slug, name_zh=name, name_en=slug)


def main() -> None:
    with database() as url:
        start_django(url)
        from django.db import connection

        from mentors.models import Honour, Mentor
        from mentors.services import import_spreadsheet, preview_import
        from mentors.spreadsheets.columns import MENTOR_COLUMNS
        from talentbridge.models import User

        for slug, name, level in HONOURS:
            Honour.objects.create(slug=slug, name_zh=name, name_en=slug, level=level)
        actor = User.objects.create_user(email="bench@example.cn", name="bench")
        header = [column.header for column in MENTOR_COLUMNS]
        data = rows(random.Random(2026))
        changed = [[*row[:11], "鼓楼区", *row[12:]] for row in data]
        print(f"{connection.vendor}, {ROWS:,} rows per file")
        print(f"{'file':<28} {'dry run s':>10} {'import s':>10}  outcome")
        worst = 0.0
        for label, filename, content in [
            ("csv (GB18030), new", "experts.csv", csv_file(data, header)),
            ("csv (GB18030), again", "experts.csv", csv_file(data, header)),
            ("xlsx, again", "experts.xlsx", xlsx_file(data, header)),
            ("xlsx, every row changed", "experts.xlsx", xlsx_file(changed, header)),
        ]:
            start = time.perf_counter()
            plan = preview_import("mentors", filename, content)
            dry = time.perf_counter() - start
            start = time.perf_counter()
            plan = import_spreadsheet("mentors", filename, content, actor=actor)
            commit = time.perf_counter() - start
            worst = max(worst, commit)
            counts = ", ".join(f"{k} {v}" for k, v in plan.counts.items() if v)
            print(f"{label:<28} {dry:>10.1f} {commit:>10.1f}  {counts}")
        assert Mentor.objects.count() == ROWS
        print(f"slowest import (dry run included): {worst:.1f} s (budget 60 s)")
        connection.close()


if __name__ == "__main__":
    main()
