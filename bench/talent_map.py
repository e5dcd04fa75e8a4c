"""The talent map and the gap table with 3 M people and 300 k organisations on a throwaway
PostgreSQL, spread over the region tree (written with generate_series, not the ORM).

Prints the median and 95th-percentile render time of the map at every level (China, a
province, a city, a county) for the platform (rollup) and for one office (live, 30 k held
experts), of the gap table, the same live GROUP BY for the platform without the rollup, the
rollup's rebuild time, and the number of SQL queries (the same at every level).
Run: .venv/bin/python bench/talent_map.py  (BENCH_PEOPLE=…, BENCH_ORGS=… to change the size)
"""

# ruff: noqa: S608 - every statement is built from this file's own constants and ids

import os
import time

from pagetiming import django_on_postgres, measure

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "3000000"))
ORGS = int(os.environ.get("BENCH_ORGS", "300000"))
DEMANDS = int(os.environ.get("BENCH_DEMANDS", "100000"))
HELD = int(os.environ.get("BENCH_HELD", "30000"))
FIELDS = 30
LIVE_RUNS = 5

SLOTS = 10000
# Rows take the region of slot ``g % SLOTS``: one slot in 100 names nothing, one in 50 a
# province only, one in 20 a city only, the rest a county, spread over every county
# (multiplying by a prime scatters neighbours). A join on the slot keeps the inserts fast.
SLOTS_SQL = f"""CREATE TEMP TABLE slot AS
  WITH p AS (SELECT array_agg(id ORDER BY code) ids FROM talentbridge_region WHERE level=1),
    c AS (SELECT array_agg(id ORDER BY code) ids FROM talentbridge_region WHERE level=2),
    k AS (SELECT array_agg(id ORDER BY code) ids FROM talentbridge_region WHERE level=3)
  SELECT s AS n, CASE WHEN s % 100 = 0 THEN NULL
    WHEN s % 50 = 0 THEN p.ids[1 + (s * 7) % array_length(p.ids, 1)]
    WHEN s % 20 = 0 THEN c.ids[1 + (s * 13) % array_length(c.ids, 1)]
    ELSE k.ids[1 + (s * 7919) % array_length(k.ids, 1)] END AS region_id
  FROM generate_series(0, {SLOTS - 1}) s, p, c, k;
  CREATE UNIQUE INDEX ON slot (n); ANALYZE slot"""
REGION = "slot.region_id"
FROM = f"FROM generate_series(1, {{count}}) g JOIN slot ON slot.n = g % {SLOTS}"


def _insert(cursor, label: str, sql: str) -> None:
    start = time.perf_counter()
    cursor.execute(sql)
    print(f"  {label}: {cursor.rowcount:,} rows in {time.perf_counter() - start:.0f} s", flush=True)


def populate() -> tuple[int, int]:
    from django.db import connection

    from mentors.models import IndustryChain
    from talentbridge.models import Office, User

    for n in range(FIELDS):
        IndustryChain.objects.create(slug=f"chain-{n}", name_zh=f"产业链{n}", name_en=f"Chain {n}")
    office = Office.objects.create(name="青岛市人才办")
    owner = User.objects.create_user(email="owner@example.cn", password="!", name="发布人")  # noqa: S106 - unusable
    experts = PEOPLE // 2
    mentees = PEOPLE - experts
    now = "now()"
    first_field = IndustryChain.objects.order_by("pk").first().pk
    with connection.cursor() as cursor:
        cursor.execute(SLOTS_SQL)
        _insert(
            cursor,
            "experts",
            f"""
            INSERT INTO mentors_mentor (phone, email, wechat, province, city, county, name, title,
              research_fields, declared_conflicts, bio, achievements, languages, current_city,
              country, capacity, available, search_text, honour_level, created_at, updated_at,
              region_id)
            SELECT '', '', '', '', '', '', '专家' || g, '', '', '', '', '', 'zh', '', '中国', 3,
              true, '', 99, {now}, {now}, {REGION} {FROM.format(count=experts)}""",
        )
        _insert(
            cursor,
            "mentees",
            f"""
            INSERT INTO mentors_mentee (phone, email, wechat, province, city, county, name, kind,
              needs, bio, search_text, created_at, updated_at, region_id)
            SELECT '', '', '', '', '', '', '学员' || g, 'founder', '', '', '', {now}, {now},
              {REGION} {FROM.format(count=mentees)}""",
        )
        _insert(
            cursor,
            "organisations",
            f"""
            INSERT INTO mentors_organization (province, city, county, kind, name, country, size,
              description, search_text, created_at, updated_at, region_id)
            SELECT '', '', '', 'enterprise', '企业' || g, '中国', '', '', '', {now}, {now},
              {REGION} {FROM.format(count=ORGS)}""",
        )
        _insert(
            cursor,
            "open demands",
            f"""
            INSERT INTO projects_challenge (province, city, county, title, summary, details,
              confidential, owner_id, slots, status, search_text, created_at, updated_at,
              problem_kind, required_expertise, reward_negotiable, region_id, office_id,
              poster_organization_id)
            SELECT '', '', '', '需求' || g, '', '', false, {owner.pk}, 1, 'published', '',
              {now}, {now}, 'bottleneck', '', false, {REGION},
              CASE WHEN g % 10 = 0 THEN {office.pk} END,
              (SELECT min(id) FROM mentors_organization) + g % {ORGS}
            {FROM.format(count=DEMANDS)}""",
        )
        for table, column in (
            ("mentors_mentor", "mentor_id"),
            ("mentors_mentee", "mentee_id"),
            ("mentors_organization", "organization_id"),
            ("projects_challenge", "challenge_id"),
        ):
            _insert(
                cursor,
                f"{table} fields",
                f"""
                INSERT INTO {table}_fields ({column}, industrychain_id)
                SELECT id, {first_field} + (id * 31) % {FIELDS} FROM {table}
                UNION ALL
                SELECT id, {first_field} + ((id + 7) * 31) % {FIELDS} FROM {table}
                WHERE id % 3 = 0
                ON CONFLICT DO NOTHING""",
            )
        _insert(
            cursor,
            "holdings",
            f"""
            INSERT INTO mentors_holding (office_id, mentor_id, source, created_at)
            SELECT {office.pk}, id, 'imported', now() FROM mentors_mentor
            WHERE id % {max(1, experts // HELD)} = 0""",
        )
        cursor.execute("ANALYZE")
    return office.pk, owner.pk


def main() -> None:
    with django_on_postgres():
        from django.conf import settings
        from django.test import Client

        from events.services.talent_map import refresh_talent_counts
        from talentbridge.models import Region, User

        print(f"Populating {PEOPLE:,} people, {ORGS:,} organisations, {DEMANDS:,} demands…")
        office, _owner = populate()
        start = time.perf_counter()
        rows = refresh_talent_counts()
        print(f"Rollup rebuilt: {rows:,} counts in {time.perf_counter() - start:.1f} s\n")
        settings.ALLOWED_HOSTS = ["testserver"]
        admin = User.objects.create_user(email="admin@example.cn", is_admin=True)
        client = Client()
        client.force_login(admin)
        qingdao = Region.objects.get(code="3702")
        laoshan = Region.objects.get(code="370212")
        levels = [("China", ""), ("province 山东", "37"), ("city 青岛", qingdao.code)]
        levels.append(("county 崂山", laoshan.code))
        print(f"{'page':<44} {'median':>8} {'p95':>8} {'queries':>8}")
        for who, office_key, runs in (("platform", "all", 30), ("office", str(office), 30)):
            for label, code in levels:
                path = f"/events/stats/map/?office={office_key}&kind=experts&region={code}"
                median, p95, queries = measure(client, path, runs)
                print(f"map {who:<9} {label:<30} {median:8.1f} {p95:8.1f} {queries:8}")
            for label, code in levels[:3]:
                path = f"/events/stats/gaps/?office={office_key}&region={code}"
                median, p95, queries = measure(client, path, runs)
                print(f"gaps {who:<8} {label:<30} {median:8.1f} {p95:8.1f} {queries:8}")
        settings.TALENT_MAP_ROLLUP = False
        for label, code in levels[:2]:
            path = f"/events/stats/map/?office=all&kind=experts&region={code}"
            median, p95, queries = measure(client, path, LIVE_RUNS)
            print(f"map live GROUP BY {label:<26} {median:8.1f} {p95:8.1f} {queries:8}")
        median, p95, queries = measure(client, "/events/stats/gaps/?office=all", LIVE_RUNS)
        print(f"gaps live GROUP BY {'China':<25} {median:8.1f} {p95:8.1f} {queries:8}")


if __name__ == "__main__":
    main()
