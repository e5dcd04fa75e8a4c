"""Expert directory with 100,000 experts on a throwaway PostgreSQL.

Prints the median and 95th-percentile render time of the directory page (default view,
Chinese and English search, filters, a deep page, the hometown view) and checks that the
number of SQL queries does not depend on the number of rows shown.
Run: .venv/bin/python bench/directory_mentors.py  (BENCH_MENTORS=… to change the size)
"""

import os
import random
import time

from pagetiming import django_on_postgres, measure

MENTORS = int(os.environ.get("BENCH_MENTORS", "100000"))
# Names end with their index, so the last index matches exactly one expert at any size.
RARE = str(MENTORS - 1)
BATCH = 5000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁"
GIVEN = "明建华思恩浩忠权晓刚东杰海峰宏远立群振文静欣然志强国栋燕博升兰平婷宇青俊娜新雷德芹梅"
TOPICS = [
    ("海洋", "marine"),
    ("人工智能", "artificial intelligence"),
    ("机器学习", "machine learning"),
    ("铝合金", "aluminium alloy"),
    ("再生医学", "regenerative medicine"),
    ("无人机", "drone"),
    ("储能", "energy storage"),
    ("数字孪生", "digital twin"),
    ("精细化工", "fine chemicals"),
    ("智慧水务", "smart water"),
    ("虚拟现实", "virtual reality"),
    ("大蒜深加工", "garlic processing"),
]
HOMETOWNS = [
    ("福建省", "福州市", "晋安区"),
    ("福建省", "福州市", "连江县"),
    ("福建省", "厦门市", "同安区"),
    ("山东省", "济宁市", "金乡县"),
    ("山东省", "青岛市", "崂山区"),
    ("广东省", "深圳市", "南山区"),
    ("浙江省", "杭州市", "余杭区"),
    ("陕西省", "西安市", "长安区"),
]
COUNTRIES = ["中国"] * 8 + ["泰国", "瑞典", "新加坡", "美国", "德国", "日本"]


def populate(rng: random.Random) -> None:
    from mentors.models import Honour, IndustryChain, Mentor, Organization
    from mentors.search import mentor_search_text

    fields = [
        IndustryChain.objects.create(slug=f"f{i}", name_zh=f"{zh}产业", name_en=f"{en} industry")
        for i, (zh, en) in enumerate(TOPICS)
    ]
    honours = [
        Honour.objects.create(
            slug=f"h{level}", name_zh=f"荣誉{level}", name_en=f"Honour {level}", level=level
        )
        for level in range(1, 6)
    ]
    organizations = Organization.objects.bulk_create(
        [Organization(name=f"基准单位{i}", kind="university") for i in range(500)]
    )
    through_fields, through_honours = Mentor.fields.through, Mentor.honours.through
    for start in range(0, MENTORS, BATCH):
        rows, tags = [], []
        for i in range(start, min(start + BATCH, MENTORS)):
            topic = rng.choice(TOPICS)
            hometown = rng.choice(HOMETOWNS)
            organization = rng.choice(organizations)
            mentor_fields = rng.sample(fields, 2)
            mentor_honours = [rng.choice(honours)]
            mentor = Mentor(
                name=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)) + str(i),
                title="教授",
                affiliation=organization,
                research_fields=f"{topic[0]} {topic[1]}",
                bio=f"长期从事{topic[0]}研究，{rng.choice(TOPICS)[0]}方向。Works on {topic[1]}.",
                province=hometown[0],
                city=hometown[1],
                county=hometown[2],
                country=rng.choice(COUNTRIES),
                languages=rng.choice(["zh", "zh en", "zh en th", "zh en sv"]),
                capacity=rng.randrange(1, 5),
                honour_level=mentor_honours[0].level,
            )
            mentor.search_text = mentor_search_text(
                mentor, fields=mentor_fields, honours=mentor_honours, affiliation=organization
            )
            rows.append(mentor)
            tags.append((mentor_fields, mentor_honours))
        created = Mentor.objects.bulk_create(rows)
        through_fields.objects.bulk_create(
            [
                through_fields(mentor_id=m.pk, industrychain_id=f.pk)
                for m, (fs, _) in zip(created, tags, strict=True)
                for f in fs
            ]
        )
        through_honours.objects.bulk_create(
            [
                through_honours(mentor_id=m.pk, honour_id=h.pk)
                for m, (_, hs) in zip(created, tags, strict=True)
                for h in hs
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
        print(f"inserted {MENTORS:,} experts in {time.perf_counter() - started:.1f} s")
        client = Client(HTTP_HOST="localhost")
        cases = [
            ("default view", "/people/"),
            ("search 海洋", "/people/?q=海洋"),
            ("search 人工智能", "/people/?q=人工智能"),
            ("search 'machine learning'", "/people/?q=machine+learning"),
            (f"search one name by its number {RARE}", f"/people/?q={RARE}"),
            ("field + honour", "/people/?field=f3&honour=h1"),
            ("hometown 金乡县 + overseas", "/people/?hometown=金乡县&region=overseas"),
            ("language th + has capacity", "/people/?language=th&has_capacity=on"),
            ("sort by honours", "/people/?sort=seniority"),
            ("search 海洋 + hometown 金乡县, HTMX", "/people/?q=海洋&hometown=金乡县"),
            ("page 2000", "/people/?page=2000"),
            ("hometown experts", "/people/hometowns/"),
        ]
        print(f"{'case':<44} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        medians = []
        for label, path in cases:
            median, p95, queries = measure(client, path)
            medians.append(median)
            print(f"{label:<44} {median:>10.1f} {p95:>8.1f} {queries:>8}")
        _, _, one = measure(client, f"/people/?q={RARE}")
        _, _, many = measure(client, "/people/")
        print(f"queries with 1 row: {one}, with 20 rows: {many}")
        assert one == many, "query count depends on the number of rows"
        print(f"slowest median: {max(medians):.1f} ms (budget 150 ms)")
        connection.close()


if __name__ == "__main__":
    main()
