"""The final's big screen is pushed live like the ceremony: a score save or a stage change
publishes the state on commit, and the stream answers the current state."""

from django.urls import reverse

from events.contests import live
from events.contests.judging import advance_to_final, save_score, show_on_stage
from events.models import Contest, JudgeAssignment

from .test_views import staged  # noqa: F401 (fixture)
from .world import full_marks


def test_a_score_save_publishes_the_final_per_language(
    settings,
    monkeypatch,
    staged,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    settings.PUSHPIN_PUBLISH_URLS = ["http://127.0.0.1:9"]
    published = []
    monkeypatch.setattr(live, "publish", lambda items: published.extend(items) or True)
    contest, manager = staged["contest"], staged["manager"]
    with django_capture_on_commit_callbacks(execute=True):
        save_score(staged["sheet"], actor=staged["judges"][0], marks=full_marks(contest))
    assert published == []  # a preliminary score is not on the big screen
    with django_capture_on_commit_callbacks(execute=True):
        final = advance_to_final(contest, actor=manager)
    assert len(published) == 2  # the screen now waits for the final
    published.clear()
    first, second = staged["judges"][:2]
    with django_capture_on_commit_callbacks(execute=True):
        save_score(
            JudgeAssignment.objects.get(judge=first, round=final),
            actor=first,
            marks=full_marks(contest, 9),
        )
    assert published == []  # a score of a team not on stage does not change the screen
    with django_capture_on_commit_callbacks(execute=True):
        show_on_stage(final, staged["entry"], actor=manager)
    assert len(published) == 2
    published.clear()
    sheet = JudgeAssignment.objects.get(judge=second, round=final)
    with django_capture_on_commit_callbacks(execute=True):
        save_score(sheet, actor=second, marks=full_marks(contest, 9))
    assert [channel for channel, _id, _content in published] == [
        f"contest-{contest.pk}-screen-zh-hans",
        f"contest-{contest.pk}-screen-en",
    ]
    tag = live.state_tag(live.final_state(contest))
    assert {event_id for _channel, event_id, _content in published} == {tag}
    assert 'id="screen-progress"' in published[1][2]


def test_embedded_stream_sends_the_current_state(settings, staged, client):  # noqa: F811
    settings.LIVE_STREAM_SECONDS = 0
    contest, manager = staged["contest"], staged["manager"]
    final = advance_to_final(contest, actor=manager)
    show_on_stage(final, staged["entry"], actor=manager)
    url = reverse("events:contest_screen_stream", args=[contest.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/event-stream")
    body = b"".join(response.streaming_content).decode()
    tag = live.state_tag(live.final_state(contest))
    assert f"id: {tag}" in body
    assert "screen-progress" in body
    again = b"".join(client.get(url, HTTP_LAST_EVENT_ID=tag).streaming_content).decode()
    assert "event: state" not in again


def test_the_stream_of_a_private_contest_is_only_for_its_managers(settings, staged, client):  # noqa: F811
    settings.LIVE_STREAM_SECONDS = 0
    contest = staged["contest"]
    Contest.objects.filter(pk=contest.pk).update(is_public=False)
    url = reverse("events:contest_screen_stream", args=[contest.pk])
    assert client.get(url).status_code == 404
    client.force_login(staged["judges"][0])
    assert client.get(url).status_code == 404
    client.force_login(staged["manager"])
    assert client.get(url).status_code == 200
