"""The problem report pages through the HTTP client: for visitors, members, the office's
people, a second member and a host of another office."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publicoffice.dialogue.models import ContentReport, ProblemReport
from publicoffice.dialogue.moderation import hide
from tests.dialogue.factories import host_of, person
from tests.dialogue.problem_makers import barrier, report, update

pytestmark = pytest.mark.django_db

FORM = {
    "category": "equipment",
    "title": "Skrivaren är trasig",
    "description": "Den drar inte in papper.",
    "language": "sv",
}


def _page(public_id) -> str:
    return f"/en/problems/{public_id}/"


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


class TestOfficeList:
    def test_open_first_then_fixed_then_closed(self, client, office, host):
        fixed, closed = report(office, title="Trasig stol"), report(office, title="Smutsig matta")
        report(office, title="Kallt i rummet")
        update(host, fixed, "fixed")
        update(host, closed, "not_a_problem", text="Det är så det ska vara.")
        html = client.get("/en/offices/ronna/problems/").content.decode()
        assert html.index("Kallt i rummet") < html.index("Recently fixed")
        assert html.index("Recently fixed") < html.index("Trasig stol")
        assert html.index("Closed without a fix") < html.index("Smutsig matta")

    def test_hidden_reports_are_not_listed(self, client, office, host):
        hide(staff=host, item=report(office, title="Reklam för skor"), reason="Reklam")
        assert "Reklam för skor" not in client.get("/en/offices/ronna/problems/").content.decode()

    def test_an_unknown_office_is_404(self, client):
        assert client.get("/en/offices/nowhere/problems/").status_code == 404

    def test_queries_do_not_grow_with_the_rows(self, client, office, host):
        first = report(office)
        few = count_queries(client, "/en/offices/ronna/problems/")
        for number in range(25):
            made = report(office, title=f"Problem {number}", reporter=person(f"P{number}"))
            if number % 3 == 0:
                update(host, made, "fixed")
            elif number % 3 == 1:
                update(host, made, "duplicate", duplicate_of=first)
        assert count_queries(client, "/en/offices/ronna/problems/") == few

    def test_odd_pages_fall_back(self, client, office):
        report(office)
        for query in ("?page=-1", "?page=abc", "?page=" + "9" * 500):
            assert client.get(f"/en/offices/ronna/problems/{query}").status_code == 200


class TestReporting:
    def test_a_visitor_sees_the_address_field_and_reports(self, client, office):
        html = client.get("/en/offices/ronna/problems/report/").content.decode()
        assert 'name="contact_email"' in html and 'enctype="multipart/form-data"' in html
        response = client.post(
            "/en/offices/ronna/problems/report/", {**FORM, "contact_email": "gast@example.org"}
        )
        problem = ProblemReport.objects.get()
        assert (
            response.status_code == 302
            and response["Location"] == f"/en/problems/{problem.public_id}/"
        )
        assert (problem.reporter, problem.contact_email) == (None, "gast@example.org")
        page = client.get(_page(problem.public_id)).content.decode()
        assert "Skrivaren är trasig" in page and "gast@example.org" not in page

    def test_a_member_reports_in_their_name_without_the_address_field(self, client, office, author):
        client.force_login(author)
        assert (
            'name="contact_email"'
            not in client.get("/en/offices/ronna/problems/report/").content.decode()
        )
        client.post("/en/offices/ronna/problems/report/", {**FORM, "contact_email": "x@y.se"})
        problem = ProblemReport.objects.get()
        assert (problem.reporter, problem.contact_email) == (author, "")

    def test_empty_input_shows_the_error_summary(self, client, office):
        response = client.post("/en/offices/ronna/problems/report/", {})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Please correct the following" in html and 'href="#id_title"' in html
        assert not ProblemReport.objects.exists()

    def test_a_huge_text_is_refused_at_its_field(self, client, office):
        response = client.post(
            "/en/offices/ronna/problems/report/", {**FORM, "description": "ord " * 1900}
        )
        assert response.status_code == 400
        assert "Keep it under 4000 characters" in response.content.decode()

    def test_a_bad_address_is_refused_at_its_field(self, client, office):
        response = client.post(
            "/en/offices/ronna/problems/report/", {**FORM, "contact_email": "inte-en-adress"}
        )
        assert response.status_code == 400
        assert 'id="id_contact_email_error"' in response.content.decode()

    def test_arabic_emoji_and_markup_are_shown_as_text(self, client, office):
        title = "المصعد معطل 🛗 <script>alert(1)</script>"
        client.post(
            "/ar/offices/ronna/problems/report/", {**FORM, "title": title, "language": "ar"}
        )
        problem = ProblemReport.objects.get()
        html = client.get(f"/ar/problems/{problem.public_id}/").content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "المصعد معطل 🛗 &lt;script&gt;" in html and 'lang="ar" dir="auto"' in html

    def test_visitors_are_limited_per_device(self, client, office):
        for _ in range(10):
            assert client.post("/en/offices/ronna/problems/report/", FORM).status_code == 302
        assert client.post("/en/offices/ronna/problems/report/", FORM).status_code == 429
        assert ProblemReport.objects.count() == 10

    def test_no_reports_at_a_planned_office(self, client, office):
        office.status = "planned"
        office.save()
        assert client.post("/en/offices/ronna/problems/report/", FORM).status_code == 400


class TestReportPage:
    def test_updates_are_shown_with_their_state(self, client, office, host):
        problem = report(office)
        update(host, problem, "in_progress", text="Delen är beställd.")
        html = client.get(_page(problem.public_id)).content.decode()
        assert "Being fixed" in html and "Delen är beställd." in html

    def test_hidden_is_404_to_others_but_seen_by_the_reporter(self, client, office, host, author):
        problem = report(office, reporter=author)
        hide(staff=host, item=problem, reason="Personuppgifter")
        assert client.get(_page(problem.public_id)).status_code == 404
        client.force_login(author)
        html = client.get(_page(problem.public_id)).content.decode()
        assert "Personuppgifter" in html

    def test_unknown_ids_are_404(self, client):
        assert client.get("/en/problems/00000000-0000-0000-0000-000000000000/").status_code == 404
        assert client.get("/en/problems/not-a-uuid/").status_code == 404


class TestUpdating:
    def test_the_host_updates(self, client, office, host):
        problem = report(office)
        client.force_login(host)
        assert 'name="update-state"' in client.get(_page(problem.public_id)).content.decode()
        response = client.post(
            f"/en/problems/{problem.public_id}/update/",
            {"update-state": "fixed", "update-text": "Lagad."},
        )
        assert response.status_code == 302
        problem.refresh_from_db()
        assert problem.state == "fixed"

    @pytest.mark.parametrize("who", ["member", "other_host"])
    def test_others_are_refused(self, client, office, other_office, who):
        problem = report(office)
        client.force_login(person("Second") if who == "member" else host_of(other_office, "H2"))
        assert 'name="update-state"' not in client.get(_page(problem.public_id)).content.decode()
        response = client.post(
            f"/en/problems/{problem.public_id}/update/",
            {"update-state": "fixed", "update-text": "Lagad."},
        )
        assert response.status_code == 403
        assert (
            client.post(f"/en/problems/{problem.public_id}/hide/", {"hide-reason": "x"}).status_code
            == 403
        )
        problem.refresh_from_db()
        assert (problem.state, problem.hidden_at) == ("new", None)

    def test_a_visitor_is_sent_to_log_in(self, client, office):
        problem = report(office)
        response = client.post(f"/en/problems/{problem.public_id}/update/", {})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_a_refused_update_is_shown_at_its_field(self, client, office, host):
        problem = report(office)
        client.force_login(host)
        response = client.post(
            f"/en/problems/{problem.public_id}/update/",
            {"update-state": "forwarded", "update-text": "Skickat vidare."},
        )
        assert response.status_code == 400
        assert 'id="id_update-forwarded_to_error"' in response.content.decode()

    def test_a_duplicate_must_be_of_the_same_office(self, client, office, other_office, host):
        problem, elsewhere = report(office), report(other_office)
        client.force_login(host)
        response = client.post(
            f"/en/problems/{problem.public_id}/update/",
            {
                "update-state": "duplicate",
                "update-text": "Samma sak.",
                "update-duplicate_of": str(elsewhere.public_id),
            },
        )
        assert response.status_code == 404
        problem.refresh_from_db()
        assert problem.state == "new"


class TestReopening:
    def test_a_member_reopens_within_the_window(self, client, office, host, stranger):
        problem = barrier(office, now=timezone.now() - timedelta(days=3))
        update(host, problem, "fixed", now=timezone.now() - timedelta(days=1))
        client.force_login(stranger)
        assert 'name="reopen-reason"' in client.get(_page(problem.public_id)).content.decode()
        response = client.post(
            f"/en/problems/{problem.public_id}/reopen/", {"reopen-reason": "Hissen står still"}
        )
        assert response.status_code == 302
        problem.refresh_from_db()
        assert (problem.state, problem.reopened_count) == ("acknowledged", 1)
        html = client.get(_page(problem.public_id)).content.decode()
        assert "Reopened: not fixed" in html and "Hissen står still" in html

    def test_a_late_reopening_is_refused_on_the_page(self, client, office, host, stranger):
        problem = report(office, now=timezone.now() - timedelta(days=20))
        update(host, problem, "fixed", now=timezone.now() - timedelta(days=15))
        client.force_login(stranger)
        assert 'name="reopen-reason"' not in client.get(_page(problem.public_id)).content.decode()
        response = client.post(
            f"/en/problems/{problem.public_id}/reopen/", {"reopen-reason": "Trasig igen"}
        )
        assert response.status_code == 409
        assert "cannot be reopened" in response.content.decode()
        problem.refresh_from_db()
        assert problem.state == "fixed"

    def test_an_open_report_is_not_reopened(self, client, office, stranger):
        problem = report(office)
        client.force_login(stranger)
        response = client.post(f"/en/problems/{problem.public_id}/reopen/", {"reopen-reason": "x"})
        assert response.status_code == 409

    def test_a_visitor_is_asked_to_log_in(self, client, office, host):
        problem = report(office, now=timezone.now() - timedelta(days=2))
        update(host, problem, "fixed", now=timezone.now() - timedelta(days=1))
        html = client.get(_page(problem.public_id)).content.decode()
        assert "Log in to say it is not fixed" in html
        response = client.post(f"/en/problems/{problem.public_id}/reopen/", {"reopen-reason": "x"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


class TestFlagging:
    def test_a_member_flags_and_the_host_hides(self, client, office, host, stranger):
        problem = report(office)
        client.force_login(stranger)
        response = client.post(
            f"/en/problems/{problem.public_id}/flag/", {"flag-reason": "Ett namn står där"}
        )
        assert response.status_code == 302
        assert ContentReport.objects.get().problem == problem
        client.force_login(host)
        assert "1 person says this report" in client.get(_page(problem.public_id)).content.decode()
        client.post(f"/en/problems/{problem.public_id}/hide/", {"hide-reason": "Personuppgifter"})
        problem.refresh_from_db()
        assert problem.hidden_reason == "Personuppgifter"
        client.logout()
        assert client.get(_page(problem.public_id)).status_code == 404
