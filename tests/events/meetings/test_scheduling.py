"""The meeting scheduler on its own: no double booking, availability, caps, priority, locks."""

from events.meetings.scheduling import (
    BUSY,
    CAP,
    NO_COMMON_SLOT,
    TABLES_FULL,
    Problem,
    Request,
    double_bookings,
    greedy_schedule,
    place_late,
    solve_schedule,
)


def _people_in_slot(problem, schedule):
    by_id = {r.id: r for r in problem.requests}
    seen = {}
    for request_id, (slot, _table) in schedule.placed.items():
        for person in (by_id[request_id].a, by_id[request_id].b):
            seen.setdefault((person, slot), []).append(request_id)
    return seen


def test_schedule_never_double_books_people_or_tables():
    requests = [
        Request(f"r{i}", f"p{i % 7}", f"p{(i * 3 + 1) % 7}", order=i)
        for i in range(30)
        if i % 7 != (i * 3 + 1) % 7
    ]
    problem = Problem(["s1", "s2", "s3"], ["t1", "t2"], requests)
    schedule = solve_schedule(problem)
    assert double_bookings(problem, schedule) == 0
    assert len(schedule.placed) == 6  # 3 slots × 2 tables, all filled
    assert all(len(v) == 1 for v in _people_in_slot(problem, schedule).values())
    assert set(schedule.placed) | set(schedule.unplaced) == {r.id for r in requests}


def test_schedule_respects_unavailability():
    problem = Problem(
        ["s1", "s2"],
        ["t1"],
        [Request("r1", "a", "b"), Request("r2", "c", "d")],
        unavailable={"a": {"s1"}, "c": {"s1", "s2"}},
    )
    schedule = solve_schedule(problem)
    assert schedule.placed == {"r1": ("s2", "t1")}
    assert schedule.unplaced == {"r2": NO_COMMON_SLOT}


def test_schedule_respects_caps():
    problem = Problem(
        ["s1", "s2", "s3"],
        ["t1", "t2"],
        [Request("r1", "a", "b"), Request("r2", "a", "c"), Request("r3", "a", "d")],
        caps={"a": 2},
    )
    schedule = solve_schedule(problem)
    assert len(schedule.placed) == 2
    assert list(schedule.unplaced.values()) == [CAP]


def test_priority_requests_win_the_last_table():
    problem = Problem(
        ["s1"],
        ["t1"],
        [Request("r1", "a", "b", order=0), Request("r2", "c", "d", priority=True, order=1)],
    )
    schedule = solve_schedule(problem)
    assert schedule.placed == {"r2": ("s1", "t1")}
    assert schedule.unplaced == {"r1": TABLES_FULL}
    # First come, first served would have given the table to the earlier request.
    assert greedy_schedule(problem).placed == {"r1": ("s1", "t1")}


def test_global_schedule_places_more_than_first_come_first_served():
    # a–b comes first and takes s1; then a–c and b–d (both only free in s1) are lost.
    problem = Problem(
        ["s1", "s2"],
        ["t1", "t2"],
        [
            Request("r1", "a", "b", order=0),
            Request("r2", "a", "c", order=1),
            Request("r3", "b", "d", order=2),
        ],
        unavailable={"c": {"s2"}, "d": {"s2"}},
    )
    greedy = greedy_schedule(problem)
    best = solve_schedule(problem)
    assert len(greedy.placed) == 1
    assert greedy.unplaced == {"r2": BUSY, "r3": BUSY}
    assert len(best.placed) == 3
    assert best.placed["r1"][0] == "s2"


def test_locked_meetings_stay_on_rerun():
    requests = [Request("r1", "a", "b"), Request("r2", "c", "d"), Request("r3", "a", "c")]
    problem = Problem(["s1", "s2"], ["t1", "t2"], requests, locked={"r3": ("s2", "t2")})
    schedule = solve_schedule(problem)
    assert schedule.placed["r3"] == ("s2", "t2")
    assert double_bookings(problem, schedule) == 0
    assert len(schedule.placed) == 3


def test_rerun_keeps_previous_tables_where_it_can():
    requests = [Request("r1", "a", "b"), Request("r2", "c", "d")]
    previous = {"r1": ("s1", "t2"), "r2": ("s1", "t1")}
    schedule = solve_schedule(Problem(["s1"], ["t1", "t2"], requests, previous=previous))
    assert schedule.placed == previous


def test_late_request_goes_into_the_first_free_slot_to_come():
    problem = Problem(
        ["s1", "s2", "s3"],
        ["t1"],
        [Request("r1", "a", "b"), Request("r2", "a", "c")],
        locked={"r1": ("s2", "t1")},
    )
    assert place_late(problem, Request("r2", "a", "c"), from_slot=1) == ("s3", "t1")
    assert place_late(problem, Request("r2", "a", "c"), from_slot=0) == ("s1", "t1")


def test_empty_day_places_nothing():
    problem = Problem([], [], [Request("r1", "a", "b")])
    schedule = solve_schedule(problem)
    assert schedule.placed == {}
    assert schedule.unplaced == {"r1": NO_COMMON_SLOT}
