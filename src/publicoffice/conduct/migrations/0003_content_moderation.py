"""Content moderation: reports, cases and appeals about content.

Also moves the reports kept until now, the meeting place's abuse reports
(profiles, contact requests) and dialogue's content reports (proposals,
arguments, problem reports), into flags and cases, so staff find them in
the moderation queue. A report without a reporter (the account was
deleted, or a visitor's) is left where it is: only members' reports count.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def _case(apps, kind, key, *, office, operator_id, author_id, title, hidden_at, reason, at):
    ContentCase = apps.get_model("conduct", "ContentCase")
    case = ContentCase.objects.filter(kind=kind, key=key).first()
    if case is None:
        case = ContentCase.objects.create(
            kind=kind,
            key=key,
            office=office,
            operator_id=office.operator_id if office is not None else operator_id,
            author_id=author_id,
            title=(title or "")[:200],
            opened_at=at,
            state="hidden" if hidden_at else "open",
            reason=(reason or "")[:500],
            decided_at=hidden_at,
        )
    elif at < case.opened_at:
        case.opened_at = at
        case.save(update_fields=["opened_at"])
    return case


def _flag(apps, case, reporter_id, reason, created_at, handled_at):
    ContentFlag = apps.get_model("conduct", "ContentFlag")
    if not ContentFlag.objects.filter(case=case, reporter_id=reporter_id).exists():
        ContentFlag.objects.create(
            case=case,
            reporter_id=reporter_id,
            reason=(reason or "-")[:1000],
            created_at=created_at,
            handled_at=handled_at,
        )


def _first_office(profile):
    return profile.home_offices.order_by("pk").first()


def _dialogue_target(report):
    if report.proposal_id:
        item = report.proposal
        office = item.office
        operator_id = item.operator_id
        return "proposal", str(item.public_id), item, office, operator_id, item.author_id, item.title
    if report.argument_id:
        item = report.argument
        proposal = item.proposal
        return (
            "argument", str(item.pk), item, proposal.office, proposal.operator_id,
            item.member_id, item.text,
        )
    item = report.problem
    return "problem", str(item.public_id), item, item.office, None, item.reporter_id, item.title


def _community_target(apps, report):
    ProfileAdmin = apps.get_model("community", "ProfileAdmin")
    if report.contact_request_id:
        item = report.contact_request
        title = f"{item.sender_profile.name} → {item.recipient.name}: {item.message[:120]}"
        office = _first_office(item.recipient)
        return "contact", str(item.pk), item, office, item.sender_id, title
    item = report.profile
    author_id = (
        ProfileAdmin.objects.filter(profile=item)
        .order_by("added_at", "id")
        .values_list("user_id", flat=True)
        .first()
    )
    return "profile", str(item.public_id), item, _first_office(item), author_id, item.name


def move_reports(apps, schema_editor):
    ContentReport = apps.get_model("dialogue", "ContentReport")
    AbuseReport = apps.get_model("community", "AbuseReport")
    ContentFlag = apps.get_model("conduct", "ContentFlag")
    ContentCase = apps.get_model("conduct", "ContentCase")
    for report in ContentReport.objects.filter(reporter__isnull=False).order_by("created_at", "id"):
        kind, key, item, office, operator_id, author_id, title = _dialogue_target(report)
        case = _case(
            apps, kind, key, office=office, operator_id=operator_id, author_id=author_id,
            title=title, hidden_at=item.hidden_at, reason=item.hidden_reason,
            at=report.created_at,
        )
        _flag(apps, case, report.reporter_id, report.reason, report.created_at, report.handled_at)
    reports = AbuseReport.objects.filter(reporter__isnull=False).exclude(
        contact_request__isnull=True, profile__isnull=True
    )
    for report in reports.order_by("created_at", "id"):
        kind, key, item, office, author_id, title = _community_target(apps, report)
        case = _case(
            apps, kind, key, office=office, operator_id=None, author_id=author_id, title=title,
            hidden_at=item.hidden_at, reason=item.hidden_reason, at=report.created_at,
        )
        _flag(apps, case, report.reporter_id, report.reason, report.created_at, report.handled_at)
    # A case whose every report staff already handled, and whose item is shown, was dismissed.
    for case in ContentCase.objects.filter(state="open"):
        if not ContentFlag.objects.filter(case=case, handled_at__isnull=True).exists():
            case.state = "dismissed"
            case.save(update_fields=["state"])


class Migration(migrations.Migration):

    dependencies = [
        ('conduct', '0002_sanction_review_noticed_at'),
        ('community', '0005_moderation_hidden'),
        ('dialogue', '0007_co_host'),
        ('places', '0003_operator_answer_within_days'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.CharField(choices=[('incident_recorded', 'Incident recorded'), ('incident_reported', 'Incident reported'), ('incident_handled', 'Incident handled'), ('incident_erased', 'Incident details erased'), ('sanction_decided', 'Decision taken'), ('sanction_approved', 'Ban approved'), ('sanction_lifted', 'Decision lifted'), ('appeal_made', 'Appeal made'), ('appeal_decided', 'Appeal answered'), ('rules_changed', 'House rules changed'), ('content_reported', 'Content reported'), ('content_hidden', 'Content hidden'), ('content_restored', 'Content shown again'), ('content_dismissed', 'Reports dismissed')], max_length=20, verbose_name='what'),
        ),
        migrations.CreateModel(
            name='ContentCase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(max_length=20)),
                ('key', models.CharField(max_length=64)),
                ('title', models.CharField(blank=True, max_length=200)),
                ('state', models.CharField(choices=[('open', 'Waiting for review'), ('hidden', 'Hidden'), ('restored', 'Shown again'), ('dismissed', 'Reports dismissed')], default='open', max_length=10)),
                ('automated', models.BooleanField(default=False, verbose_name='decided automatically')),
                ('reason', models.CharField(blank=True, max_length=500, verbose_name='reason given to the author')),
                ('opened_at', models.DateTimeField()),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='content_cases', to=settings.AUTH_USER_MODEL)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='places.office')),
                ('operator', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='places.operator')),
            ],
            options={
                'verbose_name': 'moderation case',
                'verbose_name_plural': 'moderation cases',
                'ordering': ['opened_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ContentAppeal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('public_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('text', models.TextField(max_length=3000, verbose_name='the appeal')),
                ('submitted_at', models.DateTimeField(verbose_name='appealed')),
                ('outcome', models.CharField(choices=[('pending', 'Waiting for a decision'), ('kept', 'Kept hidden'), ('restored', 'Shown again')], default='pending', max_length=10)),
                ('reply', models.TextField(blank=True, max_length=3000, verbose_name='reasons for the answer')),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='appeal', to='conduct.contentcase')),
            ],
            options={
                'ordering': ['submitted_at'],
            },
        ),
        migrations.CreateModel(
            name='ContentFlag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.CharField(max_length=1000, verbose_name='what is wrong')),
                ('created_at', models.DateTimeField()),
                ('handled_at', models.DateTimeField(blank=True, null=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='flags', to='conduct.contentcase')),
                ('reporter', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.AddIndex(
            model_name='contentcase',
            index=models.Index(fields=['state', 'opened_at'], name='conduct_con_state_2dff5f_idx'),
        ),
        migrations.AddConstraint(
            model_name='contentcase',
            constraint=models.UniqueConstraint(fields=('kind', 'key'), name='content_case_once'),
        ),
        migrations.AddConstraint(
            model_name='contentflag',
            constraint=models.UniqueConstraint(fields=('case', 'reporter'), name='content_flag_once'),
        ),
        migrations.RunPython(move_reports, migrations.RunPython.noop),
    ]
