"""Contest judging at scale, on a throwaway PostgreSQL: 1,000 entries in three tracks, 60
judges (20 per track, half with an expert profile), conflicts by organisation and declared.

Prints the time to compute and store the assignment (3 judges per entry, at most 60 entries per
judge) and the ranking page's time and SQL queries with 1,000 and with 20 scored entries (the
counts must be equal). Run: .venv/bin/python bench/contest_assignment.py
"""

import os
import random
import time
from datetime import timedelta

from pagetiming import django_on_postgres, measure

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "1000"))
JUDGES = 60
TOPICS = ["大模型 机器视觉", "虚拟现实 头显 光学", "创新药 基因 细胞", "工业质检 算法", "数字孪生"]


def contest_with(office, manager, entries: int, judges: list, rng: random.Random, tag: str):
    from django.utils import timezone

    from events.contests.services import create_contest, set_track_judges
    from events.models import Conflict, Entry
    from talentbridge.models import User

    contest = create_contest(
        office,
        actor=manager,
        title=f"bench {tag}",
        deadline=timezone.now() + timedelta(days=1),
        tracks=["人工智能", "虚拟现实", "生物医药"],
        criteria=[("技术创新性", 30, 10), ("市场前景", 25, 10), ("团队", 25, 10), ("落地", 20, 10)],
        entries_per_judge=60,
    )
    tracks = list(contest.tracks.order_by("position"))
    per = len(judges) // 3
    for i, track in enumerate(tracks):
        set_track_judges(track, judges[i * per : (i + 1) * per], actor=manager)
    owners = User.objects.bulk_create(
        [User(email=f"{tag}-team{i}@bench.cn", name=f"队{i}") for i in range(entries)]
    )
    rows = Entry.objects.bulk_create(
        [
            Entry(
                contest=contest,
                track=tracks[i % 3],
                owner=owners[i],
                team_name=f"团队{i}",
                # Every 25th entry comes from a judge's own organisation: a conflict.
                organisation=f"评委单位{i % JUDGES}" if i % 25 == 0 else f"企业{i}",
                project_title=f"{rng.choice(TOPICS)} 项目{i}",
                summary=rng.choice(TOPICS),
                status=Entry.Status.SUBMITTED,
            )
            for i in range(entries)
        ]
    )
    Conflict.objects.bulk_create(
        [Conflict(entry=e, judge=judges[(e.pk * 7) % len(judges)]) for e in rows[::10]],
        ignore_conflicts=True,
    )
    return contest


def main() -> None:
    rng = random.Random(15)
    with django_on_postgres():
        from django.test import Client

        from events.contests.judging import apply_assignment
        from events.contests.ranking import weighted_total
        from events.models import JudgeAssignment, Round, Score
        from mentors.models import Mentor, Organization
        from talentbridge.models import Membership, Office, OfficeRole, User

        office = Office.objects.create(name="崂山区委组织部 bench")
        manager = User.objects.create(email="mgr@bench.cn", name="管理员")
        Membership.objects.create(office=office, user=manager, role=OfficeRole.MANAGER)
        judges = User.objects.bulk_create(
            [User(email=f"judge{i}@bench.cn", name=f"评委{i}") for i in range(JUDGES)]
        )
        Membership.objects.bulk_create(
            [Membership(office=office, user=j, role=OfficeRole.JUDGE) for j in judges]
        )
        orgs = Organization.objects.bulk_create(
            [Organization(name=f"评委单位{i}", kind="university") for i in range(JUDGES)]
        )
        Mentor.objects.bulk_create(
            [
                Mentor(user=j, name=j.name, bio=TOPICS[i % 5], affiliation=orgs[i])
                for i, j in enumerate(judges)
                if i % 2 == 0
            ]
        )
        big = contest_with(office, manager, ENTRIES, judges, rng, "big")
        small = contest_with(office, manager, 20, judges, rng, "small")
        timings = []
        for contest in (big, small):
            round_ = Round.objects.get(contest=contest)
            start = time.perf_counter()
            stored = apply_assignment(round_, actor=manager)
            timings.append(time.perf_counter() - start)
            criteria = list(contest.criteria.all())
            scores = []
            for sheet in JudgeAssignment.objects.filter(round=round_):
                marks = {str(c.pk): rng.randint(3, 10) for c in criteria}
                scores.append(
                    Score(assignment=sheet, marks=marks, total=weighted_total(marks, criteria))
                )
            Score.objects.bulk_create(scores)
            print(f"{contest.title}: {stored} sheets for {contest.entries.count()} entries")
        print(f"assignment of {ENTRIES} entries × 3 judges from {JUDGES}: {timings[0]:.2f} s")
        client = Client(HTTP_HOST="localhost")
        client.force_login(manager)
        for contest in (big, small):
            path = f"/events/contests/{contest.pk}/manage/preliminary/ranking/"
            median, p95, queries = measure(client, path)
            print(
                f"ranking page, {contest.title}: median {median:.0f} ms, "
                f"p95 {p95:.0f} ms, {queries} queries"
            )


if __name__ == "__main__":
    main()
