"""The exportable lists themselves: headers a reader can tell apart, in either language."""

import pytest
from django.utils import translation

from events.exports import DATASETS


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("key", list(DATASETS))
def test_no_list_repeats_a_header(key, language):
    with translation.override(language):
        headers = DATASETS[key].headers(with_contacts=True)
    assert len(headers) == len(set(headers)), headers


def test_claims_and_landings_name_the_board_and_the_posting_apart():
    with translation.override("zh-hans"):
        assert DATASETS["claims"].headers(with_contacts=False)[:2] == ["榜单", "项目或需求名称"]
        assert DATASETS["landings"].headers(with_contacts=False)[:2] == ["榜单", "项目或需求名称"]


def test_people_lists_hold_back_contact_columns_without_the_right():
    headers = DATASETS["mentees"].headers(with_contacts=False)
    assert headers[:3] == ["姓名或团队 / Name or team", "类别 / Kind", "单位 / Organisation"]
    assert not {"手机 / Mobile phone", "电子邮箱 / E-mail", "微信 / WeChat"} & set(headers)
