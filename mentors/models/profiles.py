"""Profiles: experts (师傅), mentees (徒弟), organisations and the controlled lists (fields,
honours) they are tagged with."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..languages import language_names


class BilingualName(models.Model):
    """A controlled-vocabulary entry with a Chinese and an English name."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh


class IndustryChain(BilingualName):
    """A field or industry chain (领域 / 产业链) that people and postings are tagged with."""

    class Meta(BilingualName.Meta):
        verbose_name = _("field / industry chain")
        verbose_name_plural = _("fields / industry chains")


class Honour(BilingualName):
    """A title an expert holds (academician, national talent programme…); organizers extend it.

    ``level`` orders honours for statistics: 1 is the highest.
    """

    level = models.PositiveSmallIntegerField(_("level"), default=5)

    class Meta(BilingualName.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")


class ContactDetails(models.Model):
    """Private contact details: visible only to the managers of an office that holds the person,
    the person, and the parties of an accepted claim or pairing (see
    ``mentors.rules.can_see_contact``)."""

    phone = models.CharField(_("mobile phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    wechat = models.CharField(_("WeChat ID"), max_length=60, blank=True)

    class Meta:
        abstract = True


class Region(models.Model):
    """Where something is: province / city / county (district) as written, and the division
    of the region tree that text names (``region``; empty when it names none or several),
    kept current from the text by ``mentors.regions.link_region`` on every save."""

    province = models.CharField(_("province"), max_length=40, blank=True)
    city = models.CharField(_("city"), max_length=40, blank=True)
    county = models.CharField(_("county / district"), max_length=40, blank=True)
    region = models.ForeignKey(
        "talentbridge.Region",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def region_label(self) -> str:
        return "".join(part for part in (self.province, self.city, self.county) if part)


class Organization(Region):
    """An enterprise, university, institute, hospital, venture firm, government body…"""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        UNIVERSITY = "university", _("University")
        INSTITUTE = "institute", _("Research institute")
        HOSPITAL = "hospital", _("Hospital")
        VENTURE = "venture", _("Venture firm")
        GOVERNMENT = "government", _("Government body")
        ASSOCIATION = "association", _("Association")

    class Size(models.TextChoices):
        MICRO = "micro", _("Fewer than 20 people")
        SMALL = "small", _("20–99 people")
        MEDIUM = "medium", _("100–999 people")
        LARGE = "large", _("1,000 people or more")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(pgettext_lazy("of a thing", "name"), max_length=200)
    country = models.CharField(_("country"), max_length=60, default="中国")
    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="organizations"
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representatives"),
        blank=True,
        related_name="organizations",
        help_text=_("Accounts that may edit this organisation's profile."),
    )
    description = models.TextField(_("description"), blank=True)
    # Lower-cased name, kind, region, fields and description in both languages, kept current
    # by mentors.services; substring search on it serves Chinese and English queries alike.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["name"], name="organization_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mentors:organization_detail", args=[self.pk])


class Mentor(Region, ContactDetails):
    """An expert (师傅 / 专家). ``user`` is empty for experts an organizer keeps on file.

    The inherited province/city/county (and ``region``) is the expert's **hometown** (籍贯) —
    what the "hometown expert" programmes match on; ``current_city``/``current_region``/
    ``country`` say where they live and work.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_profile",
    )
    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(_("title / position"), max_length=200, blank=True)
    affiliation = models.ForeignKey(
        Organization,
        verbose_name=_("affiliation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentors",
    )
    honours = models.ManyToManyField(
        Honour, verbose_name=_("honours"), blank=True, related_name="mentors"
    )
    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="mentors"
    )
    research_fields = models.CharField(_("research fields"), max_length=300, blank=True)
    declared_conflicts = models.CharField(
        _("declared conflicts of interest"),
        max_length=500,
        blank=True,
        help_text=_(
            "Organisations this expert must not be matched with (a former employer, a family "
            "firm), separated by commas or semicolons."
        ),
    )
    bio = models.TextField(_("biography"), blank=True)
    achievements = models.TextField(_("publications, patents and achievements"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        help_text=_("Language codes separated by spaces, e.g. “zh en”."),
    )
    current_city = models.CharField(_("current city"), max_length=60, blank=True)
    current_region = models.ForeignKey(
        "talentbridge.Region",
        verbose_name=_("division where the expert works"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.CharField(_("country of residence"), max_length=60, default="中国")
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=3, help_text=_("How many mentees at once.")
    )
    available = models.BooleanField(_("available for new mentees"), default=True)
    # Denormalised for search and sorting, kept current by mentors.services.save_mentor:
    # the searchable text of the whole profile (lower case, both languages) and the level of
    # the highest honour held (1 is highest; 99 when none).
    search_text = models.TextField(editable=False, default="")
    honour_level = models.PositiveSmallIntegerField(editable=False, default=99)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["name"], name="mentor_name"),
            models.Index(fields=["province", "city", "county"], name="mentor_hometown"),
            models.Index(fields=["county"], name="mentor_county"),
            models.Index(fields=["city"], name="mentor_city"),
            models.Index(fields=["honour_level", "name"], name="mentor_seniority"),
            models.Index(fields=["-created_at"], name="mentor_newest"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mentors:mentor_detail", args=[self.pk])

    @property
    def is_overseas(self) -> bool:
        return self.country not in ("", "中国", "China", "CN")

    @property
    def language_names(self) -> str:
        """The languages the expert speaks, named in the active language."""
        return language_names(self.languages)


class Mentee(Region, ContactDetails):
    """A mentee (徒弟): a founder, young entrepreneur, returning youth, rural talent… or a team.

    The inherited province/city/county is where the mentee works.
    """

    class Kind(models.TextChoices):
        FOUNDER = "founder", _("Start-up founder")
        YOUNG_ENTREPRENEUR = "young_entrepreneur", _("Young entrepreneur")
        RETURNING_YOUTH = "returning_youth", _("Returning youth")
        RURAL_TALENT = "rural_talent", _("Rural talent")
        TECHNICIAN = "technician", _("Enterprise technician")
        MEDICAL = "medical", _("Medical staff")
        TEAM = "team", _("Team")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentee_profile",
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentees",
    )
    fields = models.ManyToManyField(
        IndustryChain, verbose_name=_("fields"), blank=True, related_name="mentees"
    )
    needs = models.TextField(_("what I need"), blank=True)
    bio = models.TextField(_("introduction"), blank=True)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["name"], name="mentee_name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("mentors:mentee_detail", args=[self.pk])
