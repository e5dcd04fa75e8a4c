"""A posting belongs to the office it is submitted to (empty on rows from before offices)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0008_recompute_run_drop_moved_columns"),
        ("talentbridge", "0003_offices_members_invitations"),
    ]

    operations = [
        migrations.AddField(
            model_name="challenge",
            name="office",
            field=models.ForeignKey(
                blank=True,
                help_text="The office that reviews and publishes it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="talentbridge.office",
                verbose_name="office",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="office",
            field=models.ForeignKey(
                blank=True,
                help_text="The office that reviews and publishes it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="%(class)ss",
                to="talentbridge.office",
                verbose_name="office",
            ),
        ),
    ]
