"""Call pages through the client: who sees what, the officer's forms with bad
input, documents, following, and the lists' query counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from publicoffice.commissioning.models import Call, CallFollower, CallKind, CallStatus
from tests.commissioning.conftest import NOW, assign, make_application, make_call

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _frozen_time_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(NOW, tick=False):
        yield


def form_data(world: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "municipality": world.municipality.pk,
        "kind": "call",
        "title": "Kontor i Ronna",
        "summary": "Ett allmänt kontor nära hemmet.",
        "districts": [world.district.pk],
        "offices_wanted": "1",
        "min_hours_per_week": "20",
        "period_starts": "2027-07-01",
        "period_ends": "2029-06-30",
        "budget_sek": "500000",
        "deadline_day": "2027-03-28",
        "deadline_time": "23:59",
        "decision_days": "60",
        "contact_email": "",
        "area": "",
        "target_groups": "",
        "criteria": "",
    }
    data.update(changes)
    return data


def test_the_public_list_and_page(client, world, django_assert_max_num_queries):
    make_call(world, status=CallStatus.REVIEW, title="Granskas")
    make_call(world, status=CallStatus.DRAFT, title="Utkast")
    iop = make_call(world, kind=CallKind.IOP, title="Partnerskap")
    with django_assert_max_num_queries(6) as few:
        page = client.get(reverse("commissioning:calls")).content.decode()
    assert "Partnerskap" in page and "Granskas" in page and "Utkast" not in page
    assert page.index("Partnerskap") < page.index("Granskas")
    for n in range(12):
        make_call(world, title=f"Call {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("commissioning:calls")).status_code == 200

    page = client.get(reverse("commissioning:call", args=[iop.pk])).content.decode()
    assert "IOP" in page and "CEST" in page and "23:59" in page
    assert page.count("<tr>") >= 11  # the ten guidelines and the header
    assert "call_follow" not in page and "/follow/" not in page  # anonymous: no button
    apply_url = reverse("commissioning:apply", args=[iop.pk])
    assert apply_url not in page
    client.force_login(world.operator_admin)
    assert apply_url in client.get(reverse("commissioning:call", args=[iop.pk])).content.decode()
    client.logout()
    draft = Call.objects.get(title="Utkast")
    assert client.get(reverse("commissioning:call", args=[draft.pk])).status_code == 404
    client.force_login(world.other_officer)
    assert client.get(reverse("commissioning:call", args=[draft.pk])).status_code == 404
    client.force_login(world.officer)
    page = client.get(reverse("commissioning:call", args=[draft.pk])).content.decode()
    assert "noindex" in page and reverse("commissioning:call_publish", args=[draft.pk]) in page


def test_following(client, world):
    call = make_call(world)
    url = reverse("commissioning:call_follow", args=[call.pk])
    assert client.post(url).status_code == 302  # to log in
    assert not CallFollower.objects.exists()
    client.force_login(world.stranger)
    assert client.get(url).status_code == 405
    assert (
        'aria-pressed="false"'
        in client.get(reverse("commissioning:call", args=[call.pk])).content.decode()
    )
    client.post(url)
    assert CallFollower.objects.filter(call=call, user=world.stranger).exists()
    assert (
        'aria-pressed="true"'
        in client.get(reverse("commissioning:call", args=[call.pk])).content.decode()
    )
    client.post(url)
    assert not CallFollower.objects.exists()
    draft = make_call(world, status=CallStatus.DRAFT)
    assert client.post(reverse("commissioning:call_follow", args=[draft.pk])).status_code == 404


OFFICER_PAGES = ("call_edit", "call_rubric", "call_documents", "call_cancel")


def test_officer_pages_refuse_everyone_else(client, world):
    call = make_call(world, status=CallStatus.DRAFT)
    application = make_application(world, make_call(world))
    assign(application, world.reviewer, conflict=True)
    for user, status in (
        (world.other_officer, 404),
        (world.operator_admin, 403),
        (world.other_admin, 403),
        (world.reviewer, 403),
        (world.stranger, 403),
    ):
        client.force_login(user)
        for name in OFFICER_PAGES:
            assert (
                client.get(reverse(f"commissioning:{name}", args=[call.pk])).status_code == status
            )
        for name in ("call_publish", "call_close"):
            assert (
                client.post(reverse(f"commissioning:{name}", args=[call.pk])).status_code == status
            )
        if status == 403:
            assert client.get(reverse("commissioning:call_new")).status_code == 403
            assert client.get(reverse("commissioning:officer_calls")).status_code == 403
    call.refresh_from_db()
    assert call.status == CallStatus.DRAFT
    client.force_login(world.officer)
    for name in OFFICER_PAGES:
        assert client.get(reverse(f"commissioning:{name}", args=[call.pk])).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "", "summary": ""}, "id_title_error"),
        ({"title": "x" * 10_000}, "id_title_error"),
        ({"summary": "y" * 10_000}, "id_summary_error"),
        ({"deadline_day": "2027-03-28", "deadline_time": "02:30"}, "id_deadline_time_error"),
        ({"deadline_day": "2027-03-01"}, "id_deadline_day_error"),
        ({"deadline_day": "2027-07-02"}, "id_deadline_day_error"),
        ({"period_ends": "2027-06-01"}, "id_period_ends_error"),
        ({"budget_sek": "-5"}, "id_budget_sek_error"),
    ],
)
def test_bad_input_on_the_call_form_changes_nothing(client, world, changes, field):
    client.force_login(world.officer)
    response = client.post(reverse("commissioning:call_new"), form_data(world, **changes))
    assert response.status_code == 400
    assert f'id="{field}"' in response.content.decode()
    assert not Call.objects.exists()


def test_a_new_call_keeps_text_as_written_and_its_deadline_in_utc(client, world):
    client.force_login(world.officer)
    title = "<script>alert(1)</script> مكتب عام 🏢"
    response = client.post(reverse("commissioning:call_new"), form_data(world, title=title))
    call = Call.objects.get()
    assert response.status_code == 302 and call.title == title
    assert call.deadline == datetime(2027, 3, 28, 21, 59, tzinfo=UTC)  # summer time
    assert call.status == CallStatus.DRAFT and call.rubric.count() == 10
    page = client.get(reverse("commissioning:call", args=[call.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "مكتب عام 🏢" in page
    # Publish, then an open call's deadline may move later but not earlier.
    client.post(reverse("commissioning:call_publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN
    edit = reverse("commissioning:call_edit", args=[call.pk])
    response = client.post(edit, form_data(world, title="Nytt", deadline_day="2027-03-20"))
    assert response.status_code == 400 and 'id="id_deadline_day_error"' in response.content.decode()
    assert client.post(edit, form_data(world, deadline_day="2027-04-02")).status_code == 302
    call.refresh_from_db()
    assert call.deadline == datetime(2027, 4, 2, 21, 59, tzinfo=UTC)
    # Closing waits for the deadline; then editing is refused.
    close = reverse("commissioning:call_close", args=[call.pk])
    assert client.post(close).status_code == 302
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN
    with time_machine.travel(call.deadline + timedelta(seconds=1), tick=False):
        client.force_login(world.officer)
        assert client.get(edit).status_code == 409
        client.post(close)
    call.refresh_from_db()
    assert call.status == CallStatus.REVIEW


def test_documents_are_checked_and_served_only_with_a_visible_call(client, world):
    call = make_call(world, status=CallStatus.DRAFT)
    url = reverse("commissioning:call_documents", args=[call.pk])
    client.force_login(world.officer)
    bad = SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(url, {"title": "Underlag", "file": bad})
    assert response.status_code == 400 and 'id="id_file_error"' in response.content.decode()
    good = SimpleUploadedFile("underlag.pdf", PDF, content_type="application/pdf")
    assert client.post(url, {"title": "Underlag", "file": good}).status_code == 302
    document = call.documents.get()
    served = reverse("commissioning:call_document", args=[call.pk, document.pk])
    response = client.get(served)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    client.logout()
    assert client.get(served).status_code == 404  # a draft's document
    client.force_login(world.officer)
    client.post(url, {"action": "remove", "document": document.pk})
    assert not call.documents.exists()


def test_rubric_page_and_cancel(client, world):
    call = make_call(world, status=CallStatus.DRAFT)
    client.force_login(world.officer)
    url = reverse("commissioning:call_rubric", args=[call.pk])
    data = {"action": "rubric"}
    for line in call.rubric.all():
        data[f"weight_{line.guideline_id}"] = "3"
        data[f"good_{line.guideline_id}"] = "Konkreta exempel"
    first = call.rubric.values_list("guideline_id", flat=True)[0]
    assert client.post(url, {**data, f"weight_{first}": "11"}).status_code == 400
    assert client.post(url, data).status_code == 302
    assert set(call.rubric.values_list("weight", flat=True)) == {3}
    new = {"action": "criterion", "criterion-title": "", "criterion-weight": "2"}
    assert client.post(url, new).status_code == 400
    new["criterion-title"] = "Samarbete med skolan"
    assert client.post(url, new).status_code == 302
    assert call.extra_criteria.get().weight == 2
    cancel = reverse("commissioning:call_cancel", args=[call.pk])
    assert client.post(cancel, {"reason": ""}).status_code == 400
    assert client.post(cancel, {"reason": "Inga pengar"}).status_code == 302
    call.refresh_from_db()
    assert call.status == CallStatus.CANCELLED


def test_officer_calls_counts_and_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.officer)
    call = make_call(world, status=CallStatus.DRAFT)
    make_application(world, make_call(world), status="submitted")
    make_call(world, municipality=world.other_municipality, title="Botkyrkas")
    url = reverse("commissioning:officer_calls")
    with django_assert_max_num_queries(12) as few:
        page = client.get(url).content.decode()
    assert "Botkyrkas" not in page and reverse("commissioning:call", args=[call.pk]) in page
    for _ in range(10):
        make_application(world, make_call(world), status="submitted")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
