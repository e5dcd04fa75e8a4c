import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_fill_category_access_and_export_jobs'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='attendeecategory',
            name='requires_approval',
        ),
        migrations.AlterModelOptions(
            name='exportjob',
            options={'ordering': ['-id'], 'verbose_name': 'export job', 'verbose_name_plural': 'export jobs'},
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='created_at',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='done_rows',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='error',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='finished_at',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='status',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='total_rows',
        ),
        migrations.RemoveField(
            model_name='exportjob',
            name='user',
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='job',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='export_job', to='talentbridge.job'),
        ),
    ]
