"""Demo of the talent map: places written by the bulk-loaded demo rows point to the region
tree, Qingdao's office holds the Shandong firms and experts it works with, and the platform's
counts are rebuilt. Idempotent: linking and holding twice changes nothing more."""

from mentors.models import Holding, Mentee, Mentor, Organization
from mentors.regions import link_regions
from mentors.services import hold_people
from projects.models import Challenge
from talentbridge.models import Office

from ..services.talent_map import refresh_talent_counts

QINGDAO_OFFICE = "青岛市科技局"
SHANDONG = "37"


def seed() -> None:
    for model in (Mentor, Mentee, Organization, Challenge):
        unlinked = model.objects.filter(region__isnull=True).exclude(province="", city="")
        link_regions(model, unlinked.values_list("pk", flat=True))
    office = Office.objects.filter(name=QINGDAO_OFFICE).first()
    if office is not None:
        for model in (Mentor, Organization):
            shandong = model.objects.filter(region__code__startswith=SHANDONG)
            hold_people(
                office,
                model,
                shandong.values_list("pk", flat=True),
                source=Holding.Source.IMPORTED,
                actor=None,
            )
    refresh_talent_counts()
