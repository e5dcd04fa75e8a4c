"""Offices hold people (imported, created, invited, registered); invitations to claim a profile."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mentors", "0003_trigram_search_indexes"),
        ("talentbridge", "0003_offices_members_invitations"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Holding",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("imported", "Imported from a spreadsheet"),
                            ("created", "Profile created by the office"),
                            ("invited", "Invited by the office"),
                            ("registered", "Registered at the office's event"),
                        ],
                        max_length=20,
                        verbose_name="how",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="since"),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "mentee",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holdings",
                        to="mentors.mentee",
                        verbose_name="mentee",
                    ),
                ),
                (
                    "mentor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holdings",
                        to="mentors.mentor",
                        verbose_name="expert",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holdings",
                        to="talentbridge.office",
                        verbose_name="office",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="holdings",
                        to="mentors.organization",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "person held by an office",
                "verbose_name_plural": "people held by offices",
                "ordering": ["office", "-created_at", "-id"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("mentee__isnull", True),
                                ("mentor__isnull", False),
                                ("organization__isnull", True),
                            ),
                            models.Q(
                                ("mentee__isnull", False),
                                ("mentor__isnull", True),
                                ("organization__isnull", True),
                            ),
                            models.Q(
                                ("mentee__isnull", True),
                                ("mentor__isnull", True),
                                ("organization__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="holding_one_held",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("mentor__isnull", False)),
                        fields=("office", "mentor"),
                        name="holding_unique_mentor",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("mentee__isnull", False)),
                        fields=("office", "mentee"),
                        name="holding_unique_mentee",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("organization__isnull", False)),
                        fields=("office", "organization"),
                        name="holding_unique_organization",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ProfileInvitation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="Empty when the link was handed out only.",
                        max_length=254,
                        verbose_name="e-mail address",
                    ),
                ),
                ("key", models.CharField(max_length=40)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Invited"),
                            ("accepted", "Joined"),
                            ("revoked", "Replaced"),
                            ("bounced", "Bounced"),
                        ],
                        default="pending",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="issued"),
                ),
                (
                    "email_requested_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="e-mail requested"),
                ),
                (
                    "emailed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="e-mailed"),
                ),
                ("expires_at", models.DateTimeField(verbose_name="expires")),
                ("opened_at", models.DateTimeField(blank=True, null=True, verbose_name="opened")),
                (
                    "accepted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="accepted"),
                ),
                (
                    "accepted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "mentor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="invitations",
                        to="mentors.mentor",
                        verbose_name="expert",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="profile_invitations",
                        to="talentbridge.office",
                        verbose_name="office",
                    ),
                ),
                (
                    "sent_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="invited by",
                    ),
                ),
            ],
            options={
                "verbose_name": "profile invitation",
                "verbose_name_plural": "profile invitations",
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(
                        fields=["office", "mentor", "-created_at"], name="profile_invitation_latest"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status", "pending")),
                        fields=("office", "mentor"),
                        name="profile_invitation_one_pending",
                    )
                ],
            },
        ),
    ]
