from django.urls import include, path, register_converter

from talentbridge.parsing import parse_id

from .views import (
    attachments,
    boards,
    claims,
    followups,
    for_you,
    landings,
    postings,
    recompute,
    suggestions,
)

app_name = "projects"


class WordsConverter:
    """A path segment that must be one of a fixed set of words."""

    words: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.regex = "|".join(cls.words)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class KindConverter(WordsConverter):
    words = ("challenges", "projects")


class PostingActionConverter(WordsConverter):
    words = tuple(postings.POSTING_ACTIONS)


class ClaimActionConverter(WordsConverter):
    words = tuple(claims.CLAIM_ACTIONS)


class IdConverter:
    """A row id: digits the database can hold, else no match (404), never an overflow."""

    regex = "[0-9]{1,20}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(KindConverter, "kind")
register_converter(PostingActionConverter, "posting_action")
register_converter(ClaimActionConverter, "claim_action")
register_converter(IdConverter, "id")

urlpatterns = [
    path("", boards.board_index, name="index"),
    path("mine/", postings.my_postings, name="my_postings"),
    path("my-claims/", claims.my_claims, name="my_claims"),
    path("review/", postings.review_queue, name="review_queue"),
    path("onsite/", boards.onsite_board, name="onsite"),
    path("attachments/<id:pk>/", attachments.attachment_download, name="attachment"),
    path("claims/<id:pk>/<claim_action:action>/", claims.claim_action, name="claim_action"),
    path("<kind:kind>/", boards.board, name="board"),
    path("<kind:kind>/new/", postings.posting_create, name="posting_create"),
    path("<kind:kind>/<id:pk>/", postings.posting_detail, name="posting"),
    path("<kind:kind>/<id:pk>/edit/", postings.posting_edit, name="posting_edit"),
    path("<kind:kind>/<id:pk>/claim/", claims.claim_create, name="claim_create"),
    path("<kind:kind>/<id:pk>/send-back/", postings.posting_send_back, name="posting_send_back"),
    path("<kind:kind>/<id:pk>/landing/", landings.posting_landing, name="posting_landing"),
    path("<kind:kind>/<id:pk>/follow-up/", followups.landing_followup, name="landing_followup"),
    path(
        "<kind:kind>/<id:pk>/<posting_action:action>/",
        postings.posting_action,
        name="posting_action",
    ),
]

# Match suggestions (智能推荐).
urlpatterns += [
    path("for-you/", for_you.for_you, name="for_you"),
    path(
        "for-you/<kind:kind>/<id:pk>/feedback/",
        for_you.for_you_feedback,
        name="for_you_feedback",
    ),
    path("suggestions/feedback/", suggestions.feedback_report, name="suggestion_feedback_report"),
    path("suggestions/recompute/", recompute.recompute, name="recompute"),
    path("suggestions/runs/<id:pk>/", recompute.recompute_progress, name="recompute_progress"),
    path("suggestions/runs/<id:pk>/retry/", recompute.recompute_retry, name="recompute_retry"),
    path("suggestions/runs/<id:pk>/stream/", recompute.recompute_stream, name="recompute_stream"),
    path("suggestions/<id:pk>/invite/", suggestions.suggestion_invite, name="suggestion_invite"),
    path(
        "suggestions/<id:pk>/feedback/",
        suggestions.suggestion_feedback,
        name="suggestion_feedback",
    ),
    path("<kind:kind>/<id:pk>/suggestions/", suggestions.posting_suggestions, name="suggestions"),
]

# Technology commissioners (科技专员): a feature package with its own URLs.
urlpatterns += [path("commissioners/", include("projects.commissioners.urls"))]

# Firms' suggested experts and county matchmaking: a feature package with its own URLs.
urlpatterns += [path("firms/", include("projects.firms.urls"))]
