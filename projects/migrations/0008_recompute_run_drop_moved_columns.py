import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0007_recompute_progress_to_job'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='recomputerun',
            options={'ordering': ['-id'], 'verbose_name': 'recompute run', 'verbose_name_plural': 'recompute runs'},
        ),
        migrations.RemoveField(model_name='recomputerun', name='status'),
        migrations.RemoveField(model_name='recomputerun', name='total'),
        migrations.RemoveField(model_name='recomputerun', name='done'),
        migrations.RemoveField(model_name='recomputerun', name='started_by'),
        migrations.RemoveField(model_name='recomputerun', name='started_at'),
        migrations.RemoveField(model_name='recomputerun', name='finished_at'),
        migrations.AlterField(
            model_name='recomputerun',
            name='job',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='recompute_run', to='talentbridge.job', verbose_name='job'),
        ),
    ]
