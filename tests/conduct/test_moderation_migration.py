"""Migration ``conduct.0003`` moves the reports kept before moderation into flags and cases.

The migration's function runs on today's models, as it would on an older
database with the same columns.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils import timezone

from publicoffice.community.models import AbuseReport, ContactRequest
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct.models import CaseState, ContentCase, ContentFlag
from publicoffice.dialogue.models import Argument, ContentReport
from tests.dialogue.factories import person, propose

migration = import_module("publicoffice.conduct.migrations.0003_content_moderation")


def test_existing_reports_become_flags_and_cases(office: Any, member: Any, other_member: Any):
    proposal = propose(member, office=office)
    argument = Argument.objects.create(proposal=proposal, member=member, side="for", text="Ja")
    earlier = timezone.now()
    argument.hidden_at, argument.hidden_reason = earlier, "Hot."
    argument.save()
    third = person("Third")
    ContentReport.objects.create(proposal=proposal, reporter=other_member, reason="Reklam.")
    ContentReport.objects.create(proposal=proposal, reporter=third, reason="Reklam igen.")
    ContentReport.objects.create(proposal=proposal, reporter=third, reason="Tredje gången.")
    ContentReport.objects.create(proposal=proposal, reporter=None, reason="En besökare.")
    ContentReport.objects.create(
        argument=argument, reporter=other_member, reason="Hot.", handled_at=earlier
    )
    profile = profile_create(
        owner=member, kind="person", name="Amina", visibility="public", home_offices=[office]
    )
    sender = profile_create(owner=other_member, kind="person", name="Johan", visibility="members")
    contact = ContactRequest.objects.create(
        sender=other_member, sender_profile=sender, recipient=profile, message="Otrevligt"
    )
    AbuseReport.objects.create(reporter=third, profile=profile, reason="Falskt.")
    AbuseReport.objects.create(
        reporter=member,
        reported=other_member,
        contact_request=contact,
        profile=sender,
        reason="Otrevligt.",
        handled_at=earlier,
    )

    migration.move_reports(apps, None)
    migration.move_reports(apps, None)  # running twice adds nothing

    cases = {case.kind: case for case in ContentCase.objects.all()}
    assert set(cases) == {"proposal", "argument", "profile", "contact"}
    assert ContentFlag.objects.filter(case=cases["proposal"]).count() == 2
    assert cases["proposal"].state == CaseState.OPEN
    assert (cases["proposal"].office, cases["proposal"].author) == (office, member)
    assert (cases["argument"].state, cases["argument"].reason) == (CaseState.HIDDEN, "Hot.")
    assert cases["profile"].key == str(profile.public_id)
    assert cases["profile"].author == member
    assert cases["contact"].key == str(contact.pk)
    assert cases["contact"].author == other_member
    assert cases["contact"].state == CaseState.DISMISSED
