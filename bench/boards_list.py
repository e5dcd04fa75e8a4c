"""Board list pages with 100,000 postings on each board, on a throwaway PostgreSQL.

Prints the median and 95th-percentile time of the demand and achievement board pages (default
view, Chinese and English search, filters, a deep page) and checks that the number of SQL
queries does not depend on the number of rows. Run: .venv/bin/python bench/boards_list.py
"""

import os
import random
import time

from pagetiming import django_on_postgres, measure

POSTINGS = int(os.environ.get("BENCH_POSTINGS", "100000"))
BATCH = 5000
WORDS_ZH = [
    "闸泵站",
    "故障诊断",
    "铝合金",
    "绿色制备",
    "水域监管",
    "机器学习",
    "再生医学",
    "无人机",
    "储能",
    "锂电",
    "冷链物流",
    "跨境电商",
    "数字孪生",
    "海洋牧场",
    "光电检测",
    "精细化工",
]
WORDS_EN = [
    "pump",
    "diagnosis",
    "aluminium",
    "water",
    "learning",
    "drone",
    "battery",
    "logistics",
    "twin",
    "marine",
    "optics",
    "chemicals",
    "robot",
    "vision",
    "medical",
    "export",
]


def populate(rng: random.Random) -> None:
    from django.utils import timezone

    from mentors.models import IndustryChain, Organization
    from projects.models import Challenge, Project, Status
    from talentbridge.models import User

    owner = User.objects.create_user(email="bench@example.cn", name="bench")
    organization = Organization.objects.create(name="基准测试企业", kind="enterprise")
    fields = [
        IndustryChain.objects.create(slug=f"f{i}", name_zh=f"领域{i}", name_en=f"Field {i}")
        for i in range(24)
    ]
    now = timezone.now()
    today = timezone.localdate()
    statuses = [Status.PUBLISHED] * 6 + [Status.CLAIMED, Status.IN_PROGRESS, Status.CLOSED]
    for model in (Challenge, Project):
        through = model.fields.through
        fk = f"{model.__name__.lower()}_id"
        for start in range(0, POSTINGS, BATCH):
            rows = []
            for i in range(start, min(start + BATCH, POSTINGS)):
                zh = rng.sample(WORDS_ZH, 3)
                en = rng.sample(WORDS_EN, 2)
                title = f"{zh[0]}{zh[1]} {en[0]} #{i}"
                summary = f"{zh[2]}相关需求 {en[1]} project"
                extra = (
                    {"reward_max": rng.randrange(1, 500) * 10_000}
                    if model is Challenge
                    else {"intended_investment": rng.randrange(1, 500) * 100_000}
                )
                rows.append(
                    model(
                        title=title,
                        summary=summary,
                        owner=owner,
                        poster_organization=organization,
                        province=rng.choice(["福建省", "山东省", "广东省", "浙江省"]),
                        status=rng.choice(statuses),
                        published_at=now - timezone.timedelta(minutes=i),
                        deadline=today + timezone.timedelta(days=rng.randrange(-30, 120)),
                        search_text=f"{title} {summary} 基准测试企业".casefold(),
                        **extra,
                    )
                )
            created = model.objects.bulk_create(rows)
            through.objects.bulk_create(
                [
                    through(**{fk: posting.pk, "industrychain_id": field.pk})
                    for posting in created
                    for field in rng.sample(fields, 2)
                ]
            )


def main() -> None:
    with django_on_postgres():
        from django.db import connection
        from django.test import Client

        started = time.perf_counter()
        populate(random.Random(2026))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"inserted {POSTINGS:,} demands and {POSTINGS:,} projects "
            f"in {time.perf_counter() - started:.1f} s"
        )
        client = Client(HTTP_HOST="localhost")
        cases = [
            ("demand board, default", "/boards/challenges/"),
            ("demand board, search 泵站", "/boards/challenges/?q=泵站"),
            ("demand board, search 'pump diagnosis'", "/boards/challenges/?q=pump+diagnosis"),
            (
                "demand board, field + region + reward",
                "/boards/challenges/?field=f3&province=福建&min_amount=100",
            ),
            (
                "demand board, deadline 7 days, sorted by reward",
                "/boards/challenges/?deadline=7&sort=reward",
            ),
            ("demand board, page 200", "/boards/challenges/?page=200"),
            ("achievement board, default", "/boards/projects/"),
            (
                "achievement board, search 铝合金 + sort investment",
                "/boards/projects/?q=铝合金&sort=investment",
            ),
        ]
        print(f"{'case':<52} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        medians = []
        for label, path in cases:
            median, p95, queries = measure(client, path)
            medians.append(median)
            print(f"{label:<52} {median:>10.1f} {p95:>8.1f} {queries:>8}")
        # Same page with a single matching row: the query count must not change.
        _, _, one = measure(client, "/boards/challenges/?q=%23123")
        _, _, many = measure(client, "/boards/challenges/")
        print(f"queries with 1 row: {one}, with 20 rows: {many}")
        assert one == many, "query count depends on the number of rows"
        assert max(medians) < 150, f"a board page took {max(medians):.1f} ms (median)"
        connection.close()


if __name__ == "__main__":
    main()
