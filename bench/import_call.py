"""Import 1,000 projects (the most one file takes) into an event's call: dry run, then the
all-or-nothing commit that creates, submits and audits every posting.

Runs on a throwaway PostgreSQL (BENCH_DB=sqlite for the embedded SQLite mode). The budget is
30 s per import.
Run: .venv/bin/python bench/import_call.py
"""

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.import_mentors import FIELDS, database, start_django, xlsx_file  # noqa: E402

REGIONS = ["福州市晋安区", "金乡县", "青岛市崂山区", "福建省", "济宁市"]


def rows(count: int, rng: random.Random) -> list[list[str]]:
    deadline = (date.today() + timedelta(days=90)).isoformat()
    return [
        [
            f"基准项目{i:04d}",
            "海上风电运维机器人，已在两个风场试用。",
            f"基准企业{i % 200}",
            "；".join(name for _, name in rng.sample(FIELDS, 2)),
            rng.choice(REGIONS),
            deadline,
            "成熟产业项目",
            rng.choice(["是", "否"]),
            str(rng.randrange(1, 100) * 100_000),
        ]
        for i in range(count)
    ]


def main() -> None:
    with database() as url:
        start_django(url)
        from django.db import connection
        from django.utils import timezone

        from events.models import Event, EventPosting
        from events.services.call import call_import_plan, import_to_call
        from projects.spreadsheets import MAX_POSTING_ROWS, PROJECT_COLUMNS
        from talentbridge.models import Office, User

        actor = User.objects.create_user(email="bench@example.cn", name="bench", is_staff=True)
        now = timezone.now()
        event = Event.objects.create(
            title="基准大会",
            office=Office.objects.create(name="基准工作机构"),
            starts_at=now + timedelta(days=30),
            ends_at=now + timedelta(days=31),
            call_opens_at=now - timedelta(days=1),
            call_closes_at=now + timedelta(days=9),
        )
        keys = ["title", "summary", "organization", "fields", "region", "deadline", "stage"]
        keys += ["seeks_investment", "intended_investment"]
        by_key = {column.key: column for column in PROJECT_COLUMNS}
        header = [by_key[key].header for key in keys]
        content = xlsx_file(rows(MAX_POSTING_ROWS, random.Random(2026)), header)
        start = time.perf_counter()
        plan = call_import_plan(event, "projects", "projects.xlsx", content)
        dry = time.perf_counter() - start
        assert plan.is_valid, plan.file_errors or [r.errors for r in plan.rows if r.errors][:3]
        start = time.perf_counter()
        import_to_call(event, "projects", "projects.xlsx", content, actor=actor)
        commit = time.perf_counter() - start
        assert EventPosting.objects.filter(event=event).count() == MAX_POSTING_ROWS
        print(f"{connection.vendor}, {MAX_POSTING_ROWS:,} projects in one .xlsx")
        print(f"dry run {dry:.1f} s, import (dry run again inside) {commit:.1f} s (budget 30 s)")
        connection.close()


if __name__ == "__main__":
    main()
