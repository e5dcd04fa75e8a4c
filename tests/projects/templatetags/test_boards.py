"""Template helpers of the boards: amounts of money in the reader's language."""

import pytest
from django.utils import translation

from projects.templatetags.boards import money


@pytest.mark.parametrize(
    ("amount", "chinese", "english"),
    [
        (92_000_000, "9,200万元", "¥92,000,000"),
        (3_500_000_000, "35亿元", "¥3,500,000,000"),
        (150_000_000, "1.5亿元", "¥150,000,000"),
        (12_345, "1.23万元", "¥12,345"),
        (3_000, "3,000元", "¥3,000"),
        (10**16, "100,000,000亿元", "¥10,000,000,000,000,000"),
    ],
)
def test_money_groups_thousands_in_both_languages(amount, chinese, english):
    with translation.override("zh-hans"):
        assert money(amount) == chinese
    with translation.override("en"):
        assert money(amount) == english


def test_money_of_nothing_is_empty():
    assert money(None) == ""
