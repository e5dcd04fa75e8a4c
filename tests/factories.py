"""factory_boy factories for the whole suite."""

import factory

from talentbridge.models import User

PASSWORD = "Qinglan-relay-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.cn")
    name = factory.Sequence(lambda n: f"用户{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


# --- projects: boards and claims ------------------------------------------------------------

from django.utils import timezone  # noqa: E402

from mentors.models import IndustryChain, Mentee, Mentor, Organization  # noqa: E402
from projects.models import Challenge, Project, Status  # noqa: E402


class IndustryChainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndustryChain
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"field-{n}")
    name_zh = factory.Sequence(lambda n: f"领域{n}")
    name_en = factory.Sequence(lambda n: f"Field {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"福州第{n}科技有限公司")
    kind = Organization.Kind.ENTERPRISE
    province = "福建省"
    city = "福州市"


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentor

    user = factory.SubFactory(UserFactory, is_mentor=True)
    name = factory.SelfAttribute("user.name")
    phone = factory.Sequence(lambda n: f"1380000{n:04d}")
    email = factory.SelfAttribute("user.email")
    wechat = factory.Sequence(lambda n: f"expert_wx_{n}")


class MenteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mentee

    user = factory.SubFactory(UserFactory, is_mentee=True)
    name = factory.SelfAttribute("user.name")
    kind = Mentee.Kind.FOUNDER
    phone = factory.Sequence(lambda n: f"1390000{n:04d}")
    email = factory.SelfAttribute("user.email")


class ChallengeFactory(factory.django.DjangoModelFactory):
    """A demand posted by an organisation, published unless told otherwise."""

    class Meta:
        model = Challenge

    title = factory.Sequence(lambda n: f"闸泵站故障智能诊断需求 {n}")
    summary = "泵站设备故障频发，需要智能诊断技术。"
    details = "现有数据：十年运行日志。"
    owner = factory.SubFactory(UserFactory, is_enterprise=True)
    poster_organization = factory.SubFactory(OrganizationFactory)
    province = "福建省"
    city = "福州市"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    reward_min = 300_000
    reward_max = 500_000


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project posted by an expert, published unless told otherwise."""

    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"铝合金绿色制备及数智技术 {n}")
    summary = "轻合金绿色制备技术，寻求落地与合伙人。"
    details = "中试线已建成。"
    owner = factory.SubFactory(UserFactory, is_mentor=True)
    poster_mentor = factory.SubFactory(MentorFactory, user=factory.SelfAttribute("..owner"))
    province = "福建省"
    city = "福州市"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    seeks_cofounder = True
    intended_investment = 20_000_000


# --- events: events, categories, registrations, pairings -----------------------------------

from datetime import timedelta  # noqa: E402

from events.models import (  # noqa: E402
    AttendeeCategory,
    Event,
    EventMember,
    EventRole,
    Registration,
)
from mentors.models import Pairing  # noqa: E402


class EventFactory(factory.django.DjangoModelFactory):
    """A summit with registration open, a month from now."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"青蓝接力主题会 {n}")
    kind = Event.Kind.SUMMIT
    status = Event.Status.REGISTRATION_OPEN
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=8))
    venue = "福州海峡会展中心"
    city = "福州市"

    @factory.post_generation
    def organizers(obj, create, extracted, **kwargs):
        """``organizers=[user, …]``: each becomes a co-organizer on the event's team."""
        if create and extracted:
            EventMember.objects.bulk_create(
                EventMember(event=obj, user=user, role=EventRole.CO_ORGANIZER) for user in extracted
            )


class AttendeeCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendeeCategory

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"嘉宾{n}")
    kind = AttendeeCategory.Kind.GUEST
    capacity = 50


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration (set ``status`` for others)."""

    class Meta:
        model = Registration

    category = factory.SubFactory(AttendeeCategoryFactory)
    event = factory.SelfAttribute("category.event")
    user = factory.SubFactory(UserFactory)
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class PairingFactory(factory.django.DjangoModelFactory):
    """An accepted mentor–mentee pairing, ready for a ceremony."""

    class Meta:
        model = Pairing

    mentor = factory.SubFactory(MentorFactory)
    mentee = factory.SubFactory(MenteeFactory)
    status = Pairing.Status.ACCEPTED
    accepted_at = factory.LazyFunction(timezone.now)


# --- mentors: honours -------------------------------------------------------------------------

from mentors.models import Honour  # noqa: E402


class HonourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Honour
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"honour-{n}")
    name_zh = factory.Sequence(lambda n: f"荣誉{n}")
    name_en = factory.Sequence(lambda n: f"Honour {n}")
    level = 4


# --- projects: technology commissioners -------------------------------------------------------

from projects.commissioners.models import (  # noqa: E402
    Dispatch,
    ServiceRecord,
    WhistleRequest,
)
from talentbridge.models import Office  # noqa: E402


class CommissionerOfficeFactory(factory.django.DjangoModelFactory):
    """An office that dispatches technology commissioners."""

    class Meta:
        model = Office
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"青岛市第{n}科技局")
    kind = Office.Kind.GOVERNMENT
    region = "山东省青岛市"


class DispatchFactory(factory.django.DjangoModelFactory):
    """A commissioner serving a firm since two months ago (rows only: no role is granted)."""

    class Meta:
        model = Dispatch

    office = factory.SubFactory(CommissionerOfficeFactory)
    commissioner = factory.SubFactory(UserFactory, is_mentor=True)
    organization = factory.SubFactory(OrganizationFactory, city="青岛市", county="崂山区")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))


class ServiceRecordFactory(factory.django.DjangoModelFactory):
    """A confirmed on-site visit of the dispatch's commissioner to its firm."""

    class Meta:
        model = ServiceRecord

    dispatch = factory.SubFactory(DispatchFactory)
    office = factory.SelfAttribute("dispatch.office")
    commissioner = factory.SelfAttribute("dispatch.commissioner")
    organization = factory.SelfAttribute("dispatch.organization")
    served_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    duration_minutes = 90
    findings = "注塑件良品率低，模具寿命短。"
    status = ServiceRecord.Status.CONFIRMED


class WhistleRequestFactory(factory.django.DjangoModelFactory):
    """A request raised a week ago to the dispatch's commissioner, deadlines 24 h and 120 h."""

    class Meta:
        model = WhistleRequest
        exclude = ("dispatch",)

    dispatch = factory.SubFactory(DispatchFactory)
    office = factory.SelfAttribute("dispatch.office")
    organization = factory.SelfAttribute("dispatch.organization")
    commissioner = factory.SelfAttribute("dispatch.commissioner")
    raised_by = factory.SubFactory(UserFactory, is_enterprise=True)
    title = factory.Sequence(lambda n: f"产线故障急需专家 {n}")
    raised_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    acknowledge_by = factory.LazyAttribute(lambda o: o.raised_at + timedelta(hours=24))
    close_by = factory.LazyAttribute(lambda o: o.raised_at + timedelta(hours=120))


# --- offices: the people they hold, the postings submitted to them ----------------------------

from talentbridge.models import Membership, Office, OfficeRole  # noqa: E402


class OfficeFactory(factory.django.DjangoModelFactory):
    """An office that holds people and reviews the postings submitted to it."""

    class Meta:
        model = Office
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"福建省第{n}人才服务中心")
    kind = Office.Kind.TALENT_CENTRE
    region = "福建省福州市"


def member_of(office: Office, role: str = OfficeRole.MANAGER, **user_fields):
    """A new account holding ``role`` in ``office``."""
    user = UserFactory(**user_fields)
    Membership.objects.create(office=office, user=user, role=role)
    return user
