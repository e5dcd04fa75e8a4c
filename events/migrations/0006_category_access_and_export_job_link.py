import django.db.models.deletion
import events.models.exports
import events.models.registration
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_export_unguessable_names'),
        ('talentbridge', '0002_audit_trail_and_jobs'),
    ]

    operations = [
        migrations.AddField(
            model_name='attendeecategory',
            name='access',
            field=models.CharField(choices=[('open', 'Open registration'), ('approval', 'Requires approval'), ('invitation', 'By invitation only')], default='open', help_text='Approval: an organizer approves each registration before it takes a seat. Invitation: the category is not offered on the registration form.', max_length=20, verbose_name='access'),
        ),
        migrations.AddField(
            model_name='exportjob',
            name='job',
            field=models.OneToOneField(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='export_job', to='talentbridge.job'),
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='log',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='export_job', to='events.exportlog'),
        ),
        migrations.AlterField(
            model_name='exportjob',
            name='token',
            field=models.CharField(default=events.models.exports.new_job_token, editable=False, max_length=40, unique=True),
        ),
        migrations.AlterField(
            model_name='registration',
            name='code',
            field=models.CharField(default=events.models.registration.new_registration_code, max_length=12, unique=True, verbose_name='check-in code'),
        ),
    ]
