"""User journeys in headless Chromium: import, directory search, accepting a pairing,
claiming a profile from an invitation link."""

import csv
import io

import pytest
from playwright.sync_api import expect

from mentors.models import Mentor, Pairing
from mentors.services import invitation_path, invite_to_claim_profile
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = ["姓名 / Name", "工作单位 / Affiliation", "荣誉称号 / Honours", "手机 / Mobile phone"]


def _csv(path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("gb18030"))
    return str(path)


def test_organizer_imports_a_file_with_errors_then_the_fixed_one(
    login_page, live_server, taxonomy, tmp_path, organizer, home_office
):
    page = login_page(organizer)
    broken = _csv(
        tmp_path / "broken.csv",
        [
            ["左明健", "四创科技有限公司", "院士", "13900001001"],
            ["王浩", "泰国清迈大学创新学院", "诺贝尔奖", "12345"],
        ],
    )
    fixed = _csv(
        tmp_path / "fixed.csv",
        [
            ["左明健", "四创科技有限公司", "院士", "13900001001"],
            ["王浩", "泰国清迈大学创新学院", "", "+66812345678"],
        ],
    )

    page.goto(live_server.url + "/people/import/")
    page.select_option("select[name=kind]", "mentors")
    page.set_input_files("input[name=file]", broken)
    page.get_by_role("button", name="检查文件").click()

    expect(page.locator(".import-row.action-error")).to_have_count(1)
    assert "诺贝尔奖" in page.locator(".row-errors").inner_text()
    assert page.get_by_role("button", name="立即导入").count() == 0
    assert Mentor.objects.count() == 0

    page.locator(".import-again select[name=kind]").select_option("mentors")
    page.locator(".import-again input[name=file]").set_input_files(fixed)
    page.locator(".import-again").get_by_role("button", name="检查文件").click()
    expect(page.locator(".import-row.action-create")).to_have_count(2)
    page.get_by_role("button", name="立即导入").click()

    page.wait_for_url("**/people/")
    assert "新建 2 条" in page.locator(".messages").inner_text()
    assert sorted(Mentor.objects.values_list("name", flat=True)) == ["左明健", "王浩"]
    assert Mentor.objects.filter(holdings__office=home_office).count() == 2


def test_visitor_searches_in_chinese_and_filters_by_hometown(
    page, live_server, make_mentor, taxonomy
):
    marine = taxonomy["fields"]["marine_economy"]
    make_mentor(name="林海峰", fields=[marine], province="福建省", city="福州市", county="连江县")
    make_mentor(name="冯晓梅", fields=[marine], province="山东省", city="济宁市", county="金乡县")
    make_mentor(name="胡晓惠", province="山东省", city="济宁市", county="金乡县")

    page.goto(live_server.url + "/people/")
    page.fill("input[name=q]", "海洋")
    page.wait_for_url("**q=%E6%B5%B7%E6%B4%8B**")
    cards = page.locator(".person-card .person-name")
    cards.first.wait_for()
    assert sorted(cards.all_inner_texts()) == ["冯晓梅", "林海峰"]

    page.fill("input[name=hometown]", "金乡县")
    page.wait_for_url("**hometown=**")
    expect(page.locator(".person-card")).to_have_count(1)
    assert cards.all_inner_texts() == ["冯晓梅"]

    page.go_back()
    expect(page.locator(".person-card")).to_have_count(2)


def test_mentor_accepts_a_pairing(login_page, live_server, make_mentor, make_mentee):
    mentor_account = UserFactory(is_mentor=True)
    mentee_account = UserFactory(is_mentee=True)
    mentor = make_mentor(user=mentor_account, name="左明健", capacity=1)
    mentee = make_mentee(user=mentee_account, name="陈晓青")
    Pairing.objects.create(mentor=mentor, mentee=mentee, proposed_by=mentee_account)

    page = login_page(mentor_account)
    page.goto(live_server.url + "/people/pairings/")
    row = page.locator("tr", has_text="陈晓青")
    assert "已提议" in row.inner_text()
    row.get_by_role("button", name="接受").click()

    page.wait_for_selector(".message-success")
    assert "已结对" in page.locator("tr", has_text="陈晓青").inner_text()
    assert Pairing.objects.get().status == Pairing.Status.ACCEPTED


def test_visitor_pages_through_the_results_in_place(page, live_server, make_mentor):
    for n in range(21):
        make_mentor(name=f"专家{n:02d}")

    page.goto(live_server.url + "/people/?q=专家")
    page.locator(".pagination a[rel=next]").click()

    expect(page.locator(".person-card")).to_have_count(1)
    assert page.locator(".person-card .person-name").inner_text() == "专家20"
    expect(page.locator("form.directory-filters")).to_have_count(1)
    expect(page.locator("#mentor-results")).to_have_count(1)
    page.wait_for_url("**page=2**")


def test_mentee_proposes_a_pairing_and_sees_it_pending(
    login_page, live_server, make_mentor, make_mentee
):
    mentee_account = UserFactory(is_mentee=True)
    mentor = make_mentor(user=UserFactory(is_mentor=True), name="左明健")
    make_mentee(user=mentee_account, name="陈晓青")

    page = login_page(mentee_account)
    page.goto(live_server.url + f"/people/experts/{mentor.pk}/")
    page.get_by_role("button", name="发起结对").click()

    page.wait_for_selector(".message-success")
    assert page.url.endswith(f"/people/experts/{mentor.pk}/")
    assert "结对提议正在等待对方答复。" in page.locator(".open-pairing").inner_text()
    expect(page.get_by_role("button", name="发起结对")).to_have_count(0)


def test_an_imported_expert_claims_their_profile_from_the_invitation_link(
    page, live_server, make_mentor, organizer, home_office
):
    expert = make_mentor(name="林海峰", email="lin@example.cn", title="院士", phone="13900001001")
    invitation = invite_to_claim_profile(home_office, expert, actor=organizer, send=False)

    page.goto(live_server.url + invitation_path(invitation))
    expect(page.locator("h1")).to_contain_text("林海峰")
    page.fill("input[name=password1]", "Qinglan-relay-2026")
    page.fill("input[name=password2]", "Qinglan-relay-2026")
    page.get_by_role("button", name="认领我的资料").click()

    page.wait_for_url(f"**/people/experts/{expert.pk}/")
    expect(page.locator(".message-success")).to_contain_text("林海峰")
    assert page.locator("h1").inner_text().startswith("林海峰")
    expect(page.get_by_role("link", name="编辑资料")).to_have_count(1)
    expect(page.locator(".contact-card")).to_contain_text("13900001001")
    assert Mentor.objects.count() == 1
    assert Mentor.objects.get(pk=expert.pk).user.email == "lin@example.cn"
