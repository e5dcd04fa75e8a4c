"""Technology commissioners: dispatches, service records and their files, demand drafts,
firms' requests for a commissioner, whistle requests and each office's response deadlines."""

import django.db.models.deletion
import django.utils.timezone
import projects.commissioners.models.records
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('mentors', '0003_trigram_search_indexes'),
        ('projects', '0009_posting_office'),
        ('talentbridge', '0003_offices_members_invitations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Dispatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key_project', models.CharField(blank=True, max_length=200, verbose_name='key project')),
                ('starts_on', models.DateField(verbose_name='from')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='until')),
                ('status', models.CharField(choices=[('active', 'Serving'), ('ended', 'Ended')], default='active', max_length=10, verbose_name='status')),
                ('source', models.CharField(choices=[('manual', 'Chosen by the office'), ('suggested', 'From the suggestions'), ('requested', "At the firm's request")], default='manual', max_length=10, verbose_name='chosen')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dispatched')),
                ('ended_at', models.DateTimeField(blank=True, null=True, verbose_name='ended')),
                ('commissioner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dispatches', to=settings.AUTH_USER_MODEL, verbose_name='commissioner')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dispatched by')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dispatches', to='talentbridge.office', verbose_name='office')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dispatches', to='mentors.organization', verbose_name='firm')),
            ],
            options={
                'verbose_name': 'dispatch',
                'verbose_name_plural': 'dispatches',
                'ordering': ['-starts_on', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CommissionerRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('message', models.TextField(verbose_name='what the firm needs')),
                ('status', models.CharField(choices=[('pending', 'Awaiting the office'), ('accepted', 'Commissioner dispatched'), ('declined', 'Declined')], default='pending', max_length=10, verbose_name='status')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('decision_message', models.TextField(blank=True, verbose_name='answer')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested')),
                ('commissioner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='commissioner asked for')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commissioner_requests', to='talentbridge.office', verbose_name='office')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commissioner_requests', to='mentors.organization', verbose_name='firm')),
                ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                ('dispatch', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='projects.dispatch')),
            ],
            options={
                'verbose_name': 'request for a commissioner',
                'verbose_name_plural': 'requests for a commissioner',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ServiceRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('visit', 'Visit'), ('call', 'Call')], default='visit', max_length=10, verbose_name='kind')),
                ('mode', models.CharField(choices=[('on_site', 'On site'), ('online', 'Online')], default='on_site', max_length=10, verbose_name='where')),
                ('served_on', models.DateField(verbose_name='date')),
                ('duration_minutes', models.PositiveIntegerField(verbose_name='duration (minutes)')),
                ('participants', models.CharField(blank=True, max_length=500, verbose_name='who took part')),
                ('findings', models.TextField(verbose_name='what was found')),
                ('actions', models.TextField(blank=True, verbose_name='what was done')),
                ('status', models.CharField(choices=[('submitted', "Awaiting the firm's confirmation"), ('confirmed', 'Confirmed by the firm'), ('disputed', 'Disputed by the firm')], default='submitted', max_length=10, verbose_name='status')),
                ('response', models.TextField(blank=True, verbose_name="the firm's comment")),
                ('responded_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='logged')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('commissioner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='service_records', to=settings.AUTH_USER_MODEL, verbose_name='commissioner')),
                ('dispatch', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='records', to='projects.dispatch', verbose_name='dispatch')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='service_records', to='talentbridge.office', verbose_name='office')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='service_records', to='mentors.organization', verbose_name='firm')),
                ('responded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='answered by')),
            ],
            options={
                'verbose_name': 'service record',
                'verbose_name_plural': 'service records',
                'ordering': ['-served_on', '-id'],
            },
        ),
        migrations.CreateModel(
            name='RecordFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to=projects.commissioners.models.records.record_file_upload_to, verbose_name='file')),
                ('name', models.CharField(max_length=200, verbose_name='file name')),
                ('size', models.PositiveIntegerField(verbose_name='size (bytes)')),
                ('content_type', models.CharField(max_length=100, verbose_name='type')),
                ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('record', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='projects.servicerecord', verbose_name='service record')),
            ],
            options={
                'verbose_name': 'service record file',
                'verbose_name_plural': 'service record files',
                'ordering': ['uploaded_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='DemandDraft',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('summary', models.TextField(verbose_name='summary')),
                ('details', models.TextField(blank=True, verbose_name='details')),
                ('problem_kind', models.CharField(choices=[('bottleneck', 'Bottleneck technology'), ('startup', 'Start-up problem'), ('management', 'Management'), ('other', 'Other')], default='bottleneck', max_length=20, verbose_name='kind of problem')),
                ('required_expertise', models.CharField(blank=True, max_length=300, verbose_name='required expertise')),
                ('status', models.CharField(choices=[('draft', 'Awaiting the firm'), ('submitted', 'Submitted as a demand'), ('declined', 'Declined by the firm')], default='draft', max_length=10, verbose_name='status')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('decline_reason', models.TextField(blank=True, verbose_name='why the firm declined')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='drafted')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('challenge', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='commissioner_draft', to='projects.challenge', verbose_name='demand')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('drafted_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='drafted by')),
                ('fields', models.ManyToManyField(blank=True, related_name='+', to='mentors.industrychain', verbose_name='fields')),
                ('record', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='demand_draft', to='projects.servicerecord', verbose_name='service record')),
            ],
            options={
                'verbose_name': 'demand draft',
                'verbose_name_plural': 'demand drafts',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='WhistlePolicy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('acknowledge_hours', models.PositiveSmallIntegerField(default=24, verbose_name='hours to acknowledge')),
                ('close_hours', models.PositiveSmallIntegerField(default=120, verbose_name='hours to close')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('office', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='whistle_policy', to='talentbridge.office', verbose_name='office')),
            ],
            options={
                'verbose_name': 'response deadlines',
                'verbose_name_plural': 'response deadlines',
            },
        ),
        migrations.CreateModel(
            name='WhistleRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key_project', models.CharField(blank=True, max_length=200, verbose_name='key project')),
                ('title', models.CharField(max_length=200, verbose_name='what is needed')),
                ('details', models.TextField(blank=True, verbose_name='details')),
                ('urgency', models.CharField(choices=[('normal', 'Normal'), ('urgent', 'Urgent')], default='normal', max_length=10, verbose_name='urgency')),
                ('raised_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='raised')),
                ('acknowledge_by', models.DateTimeField(verbose_name='acknowledge by')),
                ('close_by', models.DateTimeField(verbose_name='close by')),
                ('status', models.CharField(choices=[('open', 'Awaiting acknowledgement'), ('acknowledged', 'Being handled'), ('closed', 'Closed')], default='open', max_length=15, verbose_name='status')),
                ('acknowledged_at', models.DateTimeField(blank=True, null=True, verbose_name='acknowledged')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('resolution', models.TextField(blank=True, verbose_name='what was done')),
                ('acknowledge_escalated_at', models.DateTimeField(blank=True, null=True)),
                ('close_escalated_at', models.DateTimeField(blank=True, null=True)),
                ('commissioner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='whistles', to=settings.AUTH_USER_MODEL, verbose_name='commissioner')),
                ('office', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='whistles', to='talentbridge.office', verbose_name='office')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='whistles', to='mentors.organization', verbose_name='firm')),
                ('raised_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='raised by')),
            ],
            options={
                'verbose_name': 'whistle request',
                'verbose_name_plural': 'whistle requests',
                'ordering': ['-raised_at', '-id'],
            },
        ),
        migrations.AddField(
            model_name='servicerecord',
            name='whistle',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='records', to='projects.whistlerequest', verbose_name='answers the whistle request'),
        ),
        migrations.AddIndex(
            model_name='dispatch',
            index=models.Index(fields=['organization', 'status'], name='dispatch_firm'),
        ),
        migrations.AddIndex(
            model_name='dispatch',
            index=models.Index(fields=['commissioner', 'status'], name='dispatch_commissioner'),
        ),
        migrations.AddConstraint(
            model_name='dispatch',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'active')), fields=('office', 'commissioner', 'organization'), name='dispatch_one_active_per_firm'),
        ),
        migrations.AddConstraint(
            model_name='dispatch',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='dispatch_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='commissionerrequest',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'pending')), fields=('office', 'organization', 'commissioner'), name='commissionerrequest_one_pending'),
        ),
        migrations.AddConstraint(
            model_name='whistlepolicy',
            constraint=models.CheckConstraint(condition=models.Q(('acknowledge_hours__gte', 1), ('close_hours__gte', models.F('acknowledge_hours'))), name='whistlepolicy_sane_hours'),
        ),
        migrations.AddIndex(
            model_name='whistlerequest',
            index=models.Index(fields=['status', 'acknowledge_by'], name='whistle_ack_due'),
        ),
        migrations.AddIndex(
            model_name='whistlerequest',
            index=models.Index(fields=['status', 'close_by'], name='whistle_close_due'),
        ),
        migrations.AddIndex(
            model_name='whistlerequest',
            index=models.Index(fields=['office', '-raised_at'], name='whistle_office'),
        ),
        migrations.AddConstraint(
            model_name='whistlerequest',
            constraint=models.CheckConstraint(condition=models.Q(('close_by__gte', models.F('acknowledge_by'))), name='whistle_deadline_order'),
        ),
        migrations.AddIndex(
            model_name='servicerecord',
            index=models.Index(fields=['office', 'served_on'], name='record_office'),
        ),
        migrations.AddIndex(
            model_name='servicerecord',
            index=models.Index(fields=['organization', '-served_on'], name='record_firm'),
        ),
        migrations.AddIndex(
            model_name='servicerecord',
            index=models.Index(fields=['commissioner', '-served_on'], name='record_commissioner'),
        ),
        migrations.AddConstraint(
            model_name='servicerecord',
            constraint=models.CheckConstraint(condition=models.Q(('duration_minutes__gte', 1), ('duration_minutes__lte', 1440)), name='servicerecord_sane_duration'),
        ),
    ]
