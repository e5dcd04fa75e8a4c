"""A suggestion's reasons in the reader's language."""

import pytest
from django.utils import translation

from projects.suggestions.reasons import explain_reasons

pytestmark = pytest.mark.django_db


def test_reasons_are_shown_in_the_users_language(water):
    reasons = ["terms:泵站,sensor", "concepts:machine_learning", "tags:水利", "language:zh,en"]
    with translation.override("en"):
        assert explain_reasons(reasons) == [
            ("Shared terms", "泵站, sensor"),
            ("Shared topics", "machine learning"),
            ("Shared fields", "Water conservancy"),
            ("Speaks", "Chinese, English"),
        ]
    with translation.override("zh-hans"):
        assert explain_reasons(reasons) == [
            ("共同关键词", "泵站、sensor"),
            ("共同主题", "机器学习"),
            ("共同领域", "水利"),
            ("会说", "中文、英语"),
        ]
