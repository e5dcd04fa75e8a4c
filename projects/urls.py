from django.urls import path, register_converter

from . import views, views_suggestions

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
    words = tuple(views.POSTING_ACTIONS)


class ClaimActionConverter(WordsConverter):
    words = tuple(views.CLAIM_ACTIONS)


register_converter(KindConverter, "kind")
register_converter(PostingActionConverter, "posting_action")
register_converter(ClaimActionConverter, "claim_action")

urlpatterns = [
    path("", views.board_index, name="index"),
    path("mine/", views.my_postings, name="my_postings"),
    path("my-claims/", views.my_claims, name="my_claims"),
    path("review/", views.review_queue, name="review_queue"),
    path("onsite/", views.onsite_board, name="onsite"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("claims/<int:pk>/<claim_action:action>/", views.claim_action, name="claim_action"),
    path("<kind:kind>/", views.board, name="board"),
    path("<kind:kind>/new/", views.posting_create, name="posting_create"),
    path("<kind:kind>/<int:pk>/", views.posting_detail, name="posting"),
    path("<kind:kind>/<int:pk>/edit/", views.posting_edit, name="posting_edit"),
    path("<kind:kind>/<int:pk>/claim/", views.claim_create, name="claim_create"),
    path("<kind:kind>/<int:pk>/send-back/", views.posting_send_back, name="posting_send_back"),
    path("<kind:kind>/<int:pk>/landing/", views.posting_landing, name="posting_landing"),
    path(
        "<kind:kind>/<int:pk>/<posting_action:action>/",
        views.posting_action,
        name="posting_action",
    ),
]

# Match suggestions (智能推荐).
urlpatterns += [
    path("for-you/", views_suggestions.for_you, name="for_you"),
    path("suggestions/recompute/", views_suggestions.recompute, name="recompute"),
    path(
        "suggestions/runs/<int:pk>/",
        views_suggestions.recompute_progress,
        name="recompute_progress",
    ),
    path(
        "suggestions/<int:pk>/invite/",
        views_suggestions.suggestion_invite,
        name="suggestion_invite",
    ),
    path(
        "suggestions/<int:pk>/feedback/",
        views_suggestions.suggestion_feedback,
        name="suggestion_feedback",
    ),
    path(
        "<kind:kind>/<int:pk>/suggestions/",
        views_suggestions.posting_suggestions,
        name="suggestions",
    ),
]
