"""Follow-up pages over HTTP: who sees what, writing, submitting, assessing, bad input."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from publicoffice.commissioning.models import (
    Assessment,
    Party,
    Report,
    ReportAttachment,
    ReportKind,
    ReportStatus,
)
from publicoffice.core.error_specs import ERRORS
from publicoffice.core.errors import ErrorCode
from publicoffice.guidelines.models import Guideline
from tests.commissioning.conftest import NOW, make_commission

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.MEDIA_ROOT = str(tmp_path)
    with time_machine.travel(NOW, tick=False):
        yield


def first_quarter(commission) -> Report:
    return commission.reports.get(kind=ReportKind.QUARTERLY, period_starts=date(2026, 7, 1))


def message(code: ErrorCode) -> str:
    return str(ERRORS[code].message)


def complete(report: Report) -> dict[str, str]:
    """A form that submits: a narrative and every guideline assessed."""
    data = {"narrative": "Vi öppnade i juli.", "private_narrative": "En värd slutade."}
    for guideline in Guideline.objects.all():
        data[f"rating_{guideline.pk}"] = "met"
        data[f"evidence_{guideline.pk}"] = "Se besöken."
    return data


def test_who_may_open_each_page(client, world):
    commission = make_commission(world)
    report = first_quarter(commission)
    ReportAttachment.objects.create(
        report=report, title="Plan", file="x.pdf", content_type="application/pdf", size=3
    )
    attachment = report.attachments.get()
    pages = [
        reverse("commissioning:report", args=[report.pk]),
        reverse("commissioning:report_edit", args=[report.pk]),
        reverse("commissioning:report_attachments", args=[report.pk]),
        reverse("commissioning:report_assess", args=[report.pk]),
        reverse("commissioning:report_attachment", args=[report.pk, attachment.pk]),
    ]
    for user in (world.other_admin, world.other_officer, world.reviewer, world.stranger):
        client.force_login(user)
        for page in pages:
            assert client.get(page).status_code == 404, (user, page)
        assert (
            client.post(reverse("commissioning:report_submit", args=[report.pk])).status_code == 404
        )
    client.logout()
    assert client.get(pages[0]).status_code == 302
    assert client.get(pages[-1]).status_code == 404  # not public: not accepted
    client.force_login(world.reviewer)
    assert client.get(reverse("commissioning:reports_due")).status_code == 403
    client.force_login(world.other_officer)
    listing = client.get(reverse("commissioning:reports_due"))
    assert listing.status_code == 200 and commission.title not in listing.content.decode()
    # the officer reads but does not write; the operator writes but does not assess
    client.force_login(world.officer)
    assert client.get(pages[0]).status_code == 200
    assert client.get(pages[1]).status_code == 403
    assert client.get(pages[3]).status_code == 409  # not submitted yet
    client.force_login(world.operator_admin)
    assert client.get(pages[0]).status_code == 200
    assert client.get(pages[1]).status_code == 200
    assert client.get(pages[3]).status_code == 403


def test_the_table_puts_very_late_first_filters_and_keeps_its_queries(
    client, world, django_assert_max_num_queries
):
    commission = make_commission(world)
    client.force_login(world.officer)
    url = reverse("commissioning:reports_due")
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    words = [row.words for row in page_rows(client, url)]
    with translation.override("sv"):
        assert words[0] == gettext("very late")
        overdue = ngettext("overdue by %(n)s day", "overdue by %(n)s days", 9) % {"n": 9}
        assert overdue in words
    assert "noindex" in page
    for _ in range(3):
        make_commission(world)
    with django_assert_max_num_queries(12):
        client.get(url)
    late = page_rows(client, url + "?state=very_late")
    assert late and all(row.state == "very_late" for row in late)
    assert len(page_rows(client, url + "?state=accepted")) == 0
    client.force_login(world.operator_admin)
    assert len(page_rows(client, url)) == 4 * commission.reports.count()
    client.force_login(world.other_admin)
    assert page_rows(client, url) == []


def page_rows(client, url):
    return client.get(url).context["rows"]


def test_write_submit_ask_for_changes_and_accept(client, world, django_capture_on_commit_callbacks):
    report = first_quarter(make_commission(world))
    client.force_login(world.operator_admin)
    edit = reverse("commissioning:report_edit", args=[report.pk])
    submit = reverse("commissioning:report_submit", args=[report.pk])
    data = complete(report)
    data["narrative"] = "مرحبا 👋 <script>alert(1)</script>"
    assert client.post(edit, data).status_code == 302
    report.refresh_from_db()
    assert report.narrative == "مرحبا 👋 <script>alert(1)</script>"
    page = client.get(reverse("commissioning:report", args=[report.pk])).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page and "👋" in page
    # nothing is submitted without a narrative, and nothing typed is kept either
    empty = {**data, "narrative": "  ", "private_narrative": "ändrad"}
    refused = client.post(submit, empty)
    assert refused.status_code == 400
    assert gettext("Write what happened in the period.") in refused.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DUE and report.private_narrative == "En värd slutade."
    huge = client.post(edit, {**data, "narrative": "x" * 9000})
    assert huge.status_code == 400 and 'id="id_narrative_error"' in huge.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(submit, complete(report)).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and "visits_per_week" in report.figures
    assert {m.to[0] for m in mail.outbox} == {world.officer.email}
    # after submission the operator can change nothing
    refused = client.post(edit, complete(report))
    assert refused.status_code == 409
    assert message(ErrorCode.COMMISSION_REPORT_NOT_EDITABLE) in refused.content.decode()
    client.force_login(world.officer)
    assess = reverse("commissioning:report_assess", args=[report.pk])
    guideline = Guideline.objects.first()
    no_comment = client.post(assess, {"decision": "changes", f"rating_{guideline.pk}": "partly"})
    assert no_comment.status_code == 400
    assert not Assessment.objects.filter(party=Party.MUNICIPALITY).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            assess,
            {"decision": "changes", "comment": "Fler siffror.", f"rating_{guideline.pk}": "partly"},
        )
    assert asked.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.CHANGES_REQUESTED
    assert [m.to[0] for m in mail.outbox] == [world.operator_admin.email]
    assert "Fler siffror." in mail.outbox[0].body
    client.force_login(world.operator_admin)
    assert client.post(edit, complete(report)).status_code == 302
    assert client.post(submit, complete(report)).status_code == 302
    client.force_login(world.officer)
    accept = {"decision": "accept", "comment": "Bra nu.", f"rating_{guideline.pk}": "partly"}
    assert client.post(assess, accept).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    page = client.get(reverse("commissioning:report", args=[report.pk])).content.decode()
    with translation.override("sv"):
        assert gettext("Partly met") in page and "Bra nu." in page


def test_attachments_only_documents_and_served_to_the_right_people(client, world):
    report = first_quarter(make_commission(world))
    client.force_login(world.operator_admin)
    url = reverse("commissioning:report_attachments", args=[report.pk])
    bad = client.post(
        url, {"title": "Virus", "file": SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf")}
    )
    assert bad.status_code == 400 and message(ErrorCode.DOCUMENT_INVALID) in bad.content.decode()
    no_title = client.post(url, {"title": "", "file": SimpleUploadedFile("a.pdf", PDF)})
    assert no_title.status_code == 400
    assert not ReportAttachment.objects.exists()
    for title, public in (("Verksamhetsplan", "on"), ("Lönelista", "")):
        file = SimpleUploadedFile("a.pdf", PDF)
        response = client.post(url, {"title": title, "file": file, "public": public})
        assert response.status_code == 302
    shown, private = report.attachments.order_by("pk")
    served = client.get(reverse("commissioning:report_attachment", args=[report.pk, shown.pk]))
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    client.force_login(world.stranger)
    link = reverse("commissioning:report_attachment", args=[report.pk, shown.pk])
    assert client.get(link).status_code == 404
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.ACCEPTED)
    client.logout()
    assert client.get(link).status_code == 200
    hidden = reverse("commissioning:report_attachment", args=[report.pk, private.pk])
    assert client.get(hidden).status_code == 404
    client.force_login(world.operator_admin)
    assert client.get(hidden).status_code == 200
    # accepted: nothing can be removed any more
    assert client.post(url, {"delete": str(private.pk)}).status_code == 409
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DUE)
    assert client.post(url, {"delete": str(private.pk)}).status_code == 302
    assert list(report.attachments.all()) == [shown]
