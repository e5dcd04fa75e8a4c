import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0005_attachment_unguessable_names'),
        ('talentbridge', '0002_audit_trail_and_jobs'),
    ]

    operations = [
        migrations.AddField(
            model_name='recomputerun',
            name='job',
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='recompute_run', to='talentbridge.job', verbose_name='job'),
        ),
    ]
