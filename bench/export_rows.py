"""Exporting 100,000 rows on a throwaway PostgreSQL: registrations as CSV and .xlsx, and
experts (with their honours and fields, two prefetches per chunk) as .xlsx.

Each export runs the same code as a background export job (``write_export``): rows are read
in chunks of 2,000 and written with openpyxl in write-only mode. Prints rows, seconds, rows/s
and file size. Run: .venv/bin/python bench/export_rows.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import services as test_services  # noqa: E402

ROWS = 100_000
BATCH = 5_000
LIMIT_SECONDS = 60


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_data():
    """One event with 100,000 registrations, and 100,000 experts with honours and fields."""
    from django.utils import timezone

    from events.models import AttendeeCategory, Event, Registration
    from mentors.models import Honour, IndustryChain, Mentor
    from talentbridge.models import User

    now = timezone.now()
    event = Event.objects.create(
        title="导出基准大会", starts_at=now, ends_at=now, venue="福州海峡会展中心", city="福州市"
    )
    category = AttendeeCategory.objects.create(event=event, name="嘉宾", capacity=ROWS)
    honours = [
        Honour.objects.create(slug=f"h{i}", name_zh=f"称号{i}", name_en=f"Honour {i}", level=i)
        for i in range(1, 4)
    ]
    fields = [
        IndustryChain.objects.create(slug=f"f{i}", name_zh=f"领域{i}", name_en=f"Field {i}")
        for i in range(6)
    ]
    Honours = Mentor.honours.through
    Fields = Mentor.fields.through
    for start in range(0, ROWS, BATCH):
        users = User.objects.bulk_create(
            User(
                email=f"bench{i}@example.cn",
                name=f"参会者{i}",
                password="!",  # noqa: S106 - an unusable password
                phone=f"139{i:08d}",
            )
            for i in range(start, start + BATCH)
        )
        Registration.objects.bulk_create(
            Registration(
                event=event,
                category=category,
                user=user,
                status="checked_in" if i % 2 else "confirmed",
                organization_name=f"福州第{i % 500}科技有限公司",
                checked_in_at=now if i % 2 else None,
            )
            for i, user in enumerate(users)
        )
        mentors = Mentor.objects.bulk_create(
            Mentor(
                name=f"专家{i}",
                title="教授",
                province="福建省",
                city="福州市",
                county="晋安区",
                current_city="福州",
                phone=f"138{i:08d}",
                email=f"expert{i}@example.cn",
            )
            for i in range(start, start + BATCH)
        )
        Honours.objects.bulk_create(
            Honours(mentor=m, honour=honours[i % 3]) for i, m in enumerate(mentors)
        )
        Fields.objects.bulk_create(
            Fields(mentor=m, industrychain=fields[j])
            for i, m in enumerate(mentors)
            for j in (i % 6, (i + 1) % 6)
        )
    return event


def run(name: str, request) -> float:
    from django.utils import translation

    from events.exports import write_export

    with translation.override("zh-hans"), tempfile.TemporaryFile() as target:
        started = time.perf_counter()
        write_export(request, target)
        seconds = time.perf_counter() - started
        size = target.tell()
    rows = request.row_count()
    print(
        f"{name:<32} {rows:>8,} rows  {seconds:6.1f} s  {rows / seconds:>8,.0f} rows/s  "
        f"{size / 1e6:6.1f} MB"
    )
    return seconds


def main() -> None:
    with test_services.postgres() as url:
        setup_django(url)
        from events.exports import ExportRequest
        from events.statistics import Scope

        started = time.perf_counter()
        event = make_data()
        elapsed = time.perf_counter() - started
        print(f"data: {ROWS:,} registrations and {ROWS:,} experts in {elapsed:.1f} s")
        scope = Scope(event=event)
        results = [
            run("registrations .csv", ExportRequest("registrations", "csv", scope, True)),
            run("registrations .xlsx", ExportRequest("registrations", "xlsx", scope, True)),
            run("experts (across events) .xlsx", ExportRequest("mentors", "xlsx", Scope(), True)),
        ]
        from django.db import connections

        connections.close_all()
    worst = max(results)
    verdict = "OK" if worst < LIMIT_SECONDS else "TOO SLOW"
    print(f"slowest: {worst:.1f} s (limit {LIMIT_SECONDS} s): {verdict}")
    assert worst < LIMIT_SECONDS


if __name__ == "__main__":
    main()
