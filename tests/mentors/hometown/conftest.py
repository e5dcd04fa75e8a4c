"""A county's 顾问之家 with a manager and a liaison, and two natives working elsewhere."""

import pytest

from talentbridge.models import Office, OfficeRole
from tests.factories import MentorFactory, OfficeFactory, member_of


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def county_office(db):
    return OfficeFactory(
        name="金乡县顾问之家", kind=Office.Kind.HOMETOWN, region="山东省济宁市金乡县"
    )


@pytest.fixture
def manager(county_office):
    return member_of(county_office, OfficeRole.MANAGER, name="刘冬梅")


@pytest.fixture
def liaison(county_office):
    return member_of(county_office, OfficeRole.LIAISON, name="联络员 张华")


@pytest.fixture
def native(db):
    return MentorFactory(
        name="胡晓惠",
        province="山东省",
        city="济宁市",
        county="金乡县",
        current_city="北京",
        title="首席科学家",
    )


@pytest.fixture
def other_native(db):
    return MentorFactory(
        name="王立新", province="山东省", city="济宁市", county="金乡县", current_city="上海"
    )
