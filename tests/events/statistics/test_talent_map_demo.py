"""The demo gives the talent map something to show: Qingdao's office sees its Shandong firms
and experts by city, Fujian's office its own people, the platform counts are built — and a
second run changes no figure."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum

from events.models import TalentCount
from events.statistics.talent_map import MapScope, counts_by_region
from talentbridge.models import Office, Region

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_offices_see_their_regions(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())
    shandong = Region.objects.get(code="37")
    qingdao = MapScope(Office.objects.get(name="青岛市科技局"))
    assert counts_by_region("organizations", qingdao, shandong)["3702"] >= 50
    assert counts_by_region("demands", qingdao, shandong)["3702"] >= 5
    assert counts_by_region("experts", qingdao, shandong)["3708"] >= 5
    fujian = MapScope(Office.objects.get(name="福建省引进人才服务中心"))
    assert counts_by_region("experts", fujian, None)["35"] >= 20
    counted = TalentCount.objects.aggregate(total=Sum("count"))["total"]
    assert counted > 0
    call_command("seed_demo", stdout=io.StringIO())
    assert TalentCount.objects.aggregate(total=Sum("count"))["total"] == counted
