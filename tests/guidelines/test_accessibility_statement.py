"""The accessibility statement the Swedish DOS law asks for, and its report form.

The page must be findable from every page (the footer), readable in all six
languages, and the form must bring every report to the platform admins:
kept in the database first, then e-mailed in each admin's own language.
Bad input is refused with words the person can act on, and nothing is kept
then; no IP address is ever kept.
"""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

from publicoffice.accounts.models import Role
from publicoffice.core.errors import DomainError
from publicoffice.guidelines.models import AccessibilityReport
from publicoffice.guidelines.notifications import send_accessibility_report
from publicoffice.guidelines.selectors import accessibility_report_recipients
from publicoffice.guidelines.services import accessibility_report_submit
from publicoffice.guidelines.views import ACCESSIBILITY_REPORTS
from publicoffice.staff.services import role_assign
from tests.factories import OfficeFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DIGG = "https://www.digg.se/tdosanmalan"


def url(language: str = "sv") -> str:
    return f"/{language}/accessibility/"


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"


@pytest.fixture
def platform_admin(db):
    admin = UserFactory(email="admin@example.org", preferred_language="ar")
    role_assign(user=admin, role=Role.PLATFORM_ADMIN)
    return admin


def post(client: Client, language: str = "sv", **data: str):
    fields = {"description": "", "page_address": "", "email": "", **data}
    return client.post(url(language), fields, REMOTE_ADDR="203.0.113.7")


# -- the page ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statement_in_every_language(client: Client, language: str):
    response = client.get(url(language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert f"<h1>{gettext('Accessibility statement for Public Office')}</h1>" in html
        for heading in (
            "How accessible is the service?",
            "Report a problem with the accessibility of the service",
            "Supervision",
            "Technical information about the service's accessibility",
        ):
            assert gettext(heading) in unescape(html), heading
    assert f'href="{DIGG}"' in html
    assert '<span lang="sv">Myndigheten för digital förvaltning</span>' in html
    assert 'aria-current="page">' in html  # the footer link says where you are
    assert html.count("<h1") == 1


def test_the_provider_dates_and_answer_time_come_from_settings(client: Client, settings):
    settings.ACCESSIBILITY_PROVIDER = "Botkyrka kommun"
    settings.ACCESSIBILITY_ASSESSED_ON = "2027-01-15"
    settings.ACCESSIBILITY_REVIEWED_ON = "2027-03-01"
    settings.ACCESSIBILITY_REPLY_DAYS = 5
    html = client.get(url("en")).content.decode()
    assert "Botkyrka kommun" in html
    with translation.override("en"):
        for day in (date(2027, 1, 15), date(2027, 3, 1)):
            assert formats.date_format(day, "DATE_FORMAT") in html
        assert "within 5 working days" in html


def test_without_a_provider_the_municipality_is_named_in_words(client: Client, settings):
    settings.ACCESSIBILITY_PROVIDER = ""
    html = client.get(url("so")).content.decode()
    with translation.override("so"):
        assert gettext("the municipality that runs this service") in html


def test_the_answer_time_agrees_in_number(client: Client, settings):
    settings.ACCESSIBILITY_REPLY_DAYS = 1
    html = client.get(url("en")).content.decode()
    assert "within 1 working day." in html


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_footer_links_the_statement_on_the_home_and_office_pages(client: Client, language):
    office = OfficeFactory(slug="ronna")
    for path in (f"/{language}/", f"/{language}/offices/{office.slug}/", f"/{language}/about/"):
        html = client.get(path).content.decode()
        footer = html.split('<footer class="site-footer">', 1)[1]
        assert f'<a href="{url(language)}"' in footer, path
        with translation.override(language):
            assert gettext("Accessibility statement") in footer


def test_the_form_works_without_javascript_and_labels_every_field(client: Client):
    html = client.get(url()).content.decode()
    form = html.split('<form method="post" action="/sv/accessibility/"', 1)[1].split("</form>")[0]
    assert "<script" not in form
    for field in ("description", "page_address", "email"):
        assert f'<label for="id_{field}">' in form
        assert f'aria-describedby="id_{field}_helptext"' in form
    assert "maxlength" not in form  # a browser would cut a pasted text silently


# -- the form: a report is kept and reaches the platform admins --------------------


def test_a_report_is_kept_and_mailed_to_the_platform_admins_in_their_language(
    client: Client, platform_admin, django_capture_on_commit_callbacks
):
    UserFactory(email="root@example.org", is_superuser=True, preferred_language="en")
    UserFactory(email="closed@example.org", is_superuser=True, is_active=False)
    host = UserFactory(email="host@example.org")
    role_assign(user=host, role=Role.HOST, office=OfficeFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            "fa",
            description="کارت رزرو با صفحه‌خوان خوانده نمی‌شود 🙁",
            page_address="https://kontor.example/fa/bookings/",
            email="Reader@Example.org",
        )
    assert response.status_code == 302
    assert response["Location"] == url("fa")
    (report,) = AccessibilityReport.objects.all()
    assert report.description == "کارت رزرو با صفحه‌خوان خوانده نمی‌شود 🙁"
    assert report.language == "fa"
    assert report.email == "Reader@Example.org"

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"admin@example.org", "root@example.org"}
    for address, language in (("admin@example.org", "ar"), ("root@example.org", "en")):
        message = by_address[address]
        assert message.extra_headers["Content-Language"] == language
        assert message.reply_to == ["Reader@Example.org"]
        with translation.override(language):
            assert message.subject == gettext("Accessibility report from Public Office")
        assert report.description in message.body
        assert f"https://kontor.example/{language}/admin/guidelines/accessibilityreport/" in (
            message.body
        )
    assert 'dir="rtl"' in by_address["admin@example.org"].alternatives[0][0]


def test_the_page_thanks_the_person_after_the_redirect(client: Client, platform_admin):
    response = post(client, "ar", description="الخريطة لا تعمل", email="a@example.org")
    page = client.get(response["Location"]).content.decode()
    with translation.override("ar"):
        assert gettext("Thank you. Your report has reached the team that runs the service.") in page
        assert gettext("We will answer you by e-mail.") in page


def test_without_an_address_the_mail_says_nobody_can_be_answered(
    client: Client, platform_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, description="The map does not work")
    (message,) = mail.outbox
    assert message.reply_to == []
    with translation.override("ar"):
        assert gettext("They gave no e-mail address, so they cannot be answered directly.") in (
            message.body
        )


def test_html_in_a_report_is_kept_as_text_and_never_runs(
    client: Client, platform_admin, django_capture_on_commit_callbacks
):
    text = "<script>alert('x')</script> <b>knappen</b>"
    with django_capture_on_commit_callbacks(execute=True):
        post(client, description=text, page_address="<img src=x onerror=alert(1)>")
    (report,) = AccessibilityReport.objects.all()
    assert report.description == text
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "<script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_control_characters_go_and_line_breaks_stay(client: Client, platform_admin):
    post(client, description="Rad ett\x07\x1b\r\nRad två\u202e")
    (report,) = AccessibilityReport.objects.all()
    assert report.description == "Rad ett\nRad två"


def test_the_subject_cannot_be_broken_by_what_was_written(
    client: Client, platform_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, description="Hej\nBcc: x@example.org", page_address="a\r\nBcc: y@example.org")
    (message,) = mail.outbox
    assert "\n" not in message.subject
    assert message.bcc == []


def test_a_report_is_kept_even_without_any_platform_admin(client: Client):
    response = post(client, description="Kartan fungerar inte")
    assert response.status_code == 302
    assert AccessibilityReport.objects.count() == 1
    assert mail.outbox == []


def test_a_report_deleted_before_the_worker_runs_sends_nothing(platform_admin):
    report = AccessibilityReport.objects.create(description="x", language="sv")
    report_id = report.pk
    report.delete()
    assert send_accessibility_report(report_id=report_id) == "skipped: report gone"
    assert mail.outbox == []


def test_the_recipients_are_the_active_platform_admins(platform_admin):
    root = UserFactory(is_superuser=True)
    UserFactory(is_superuser=True, is_active=False)
    UserFactory()
    assert accessibility_report_recipients() == [platform_admin, root]


# -- bad input: a clear error at the field, and nothing kept -----------------------


TOO_LONG = "Keep it under %(limit)s characters; now it is %(length)s."


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"description": ""}, "description", ("Write a few words first.", {})),
        ({"description": "  \n\t "}, "description", ("Write a few words first.", {})),
        ({"description": "\x07\x1b"}, "description", ("Write a few words first.", {})),
        ({"description": "x" * 2001}, "description", (TOO_LONG, {"limit": 2000, "length": 2001})),
        (
            {"description": "🙂" * 5000},
            "description",
            (TOO_LONG, {"limit": 2000, "length": 5000}),
        ),
        (
            {"description": "ok", "page_address": "ص" * 301},
            "page_address",
            (TOO_LONG, {"limit": 300, "length": 301}),
        ),
        (
            {"description": "ok", "email": "<script>@x"},
            "email",
            ("Write the e-mail address like name@example.se.", {}),
        ),
        (
            {"description": "ok", "email": "مستخدم@مثال.سو"},
            "email",
            ("Write the e-mail address like name@example.se.", {}),
        ),
        (
            {"description": "ok", "email": "🙂@example.org"},
            "email",
            ("Write the e-mail address like name@example.se.", {}),
        ),
    ],
    ids=[
        "empty",
        "blank",
        "control-characters",
        "too-long",
        "huge-emoji",
        "page-too-long",
        "script-email",
        "arabic-email",
        "emoji-email",
    ],
)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_bad_input_is_refused_at_its_field_and_nothing_is_kept(
    client: Client, platform_admin, data, field, message, language
):
    response = post(client, language, **data)
    assert response.status_code == 400
    html = response.content.decode()
    text, values = message
    with translation.override(language):
        expected = gettext(text) % values if values else gettext(text)
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{expected}</li></ul>' in html
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert f'href="#id_{field}"' in html  # the summary leads to the field
    assert AccessibilityReport.objects.count() == 0
    assert mail.outbox == []


def test_several_errors_are_shown_at_once(client: Client):
    html = post(client, description="", email="not-an-address").content.decode()
    assert 'id="id_description_error"' in html
    assert 'id="id_email_error"' in html


def test_a_bad_email_given_to_the_service_directly_is_refused():
    with pytest.raises(DomainError) as refused:
        accessibility_report_submit(description="ok", email="a@@b", language="sv")
    assert refused.value.code == "bad_email"
    assert refused.value.details == {"field": "email"}
    assert AccessibilityReport.objects.count() == 0


def test_an_unknown_language_is_kept_as_the_default():
    report = accessibility_report_submit(description="ok", language="xx")
    assert report.language == "sv"


# -- abuse and privacy -------------------------------------------------------------


def test_reports_are_rate_limited_per_address(client: Client, platform_admin):
    allowed = ACCESSIBILITY_REPORTS.allowed()
    for n in range(allowed):
        assert post(client, description=f"report {n}").status_code == 302
    refused = post(client, "ar", description="one too many")
    assert refused.status_code == 429
    with translation.override("ar"):
        assert gettext("Too many attempts. Wait a few minutes and try again.") in (
            refused.content.decode()
        )
    assert AccessibilityReport.objects.count() == allowed
    # Another address is not held back by the first one.
    other = client.post(url(), {"description": "x"}, REMOTE_ADDR="198.51.100.1")
    assert other.status_code == 302


def test_no_ip_address_is_kept(client: Client, platform_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, description="Kartan", email="a@example.org")
    report = AccessibilityReport.objects.get()
    names = {field.name for field in AccessibilityReport._meta.get_fields()}
    assert names.isdisjoint({"ip", "ip_address", "remote_addr", "address", "user"})
    assert "203.0.113.7" not in repr(
        [getattr(report, field.attname) for field in AccessibilityReport._meta.concrete_fields]
    )
    (message,) = mail.outbox
    assert "203.0.113.7" not in message.body


def test_get_never_writes(client: Client):
    assert client.get(url(), {"description": "x"}).status_code == 200
    assert client.head(url()).status_code == 200
    assert client.put(url()).status_code == 405
    assert AccessibilityReport.objects.count() == 0


# -- the staff admin: the platform admins read, nobody edits -----------------------


def test_the_platform_admin_reads_reports_in_the_admin(client: Client, platform_admin):
    report = accessibility_report_submit(description="Kartan", language="so")
    client.force_login(platform_admin)
    listing = client.get("/sv/admin/guidelines/accessibilityreport/")
    assert listing.status_code == 200
    assert "Kartan" in listing.content.decode()
    change = f"/sv/admin/guidelines/accessibilityreport/{report.pk}/change/"
    page = client.get(change)
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert client.post(change, {"description": "changed"}).status_code == 403
    assert client.get("/sv/admin/guidelines/accessibilityreport/add/").status_code == 403
    report.refresh_from_db()
    assert report.description == "Kartan"


def test_other_staff_do_not_see_reports(client: Client):
    report = accessibility_report_submit(description="Kartan", language="sv")
    host = UserFactory()
    role_assign(user=host, role=Role.HOST, office=OfficeFactory())
    client.force_login(host)
    assert client.get("/sv/admin/guidelines/accessibilityreport/").status_code == 403
    change = f"/sv/admin/guidelines/accessibilityreport/{report.pk}/change/"
    assert client.get(change).status_code in (302, 403, 404)
    assert "accessibilityreport" not in client.get("/sv/admin/").content.decode()


def test_the_plural_of_working_days_is_translated(client: Client, settings):
    settings.ACCESSIBILITY_REPLY_DAYS = 3
    html = client.get(url("ar")).content.decode()
    with translation.override("ar"):
        sentence = ngettext(
            "If you need information from the service in another form, for example as plain "
            "text or by telephone, tell us with the form below. If you give us your e-mail "
            "address, we answer within %(days)s working day.",
            "If you need information from the service in another form, for example as plain "
            "text or by telephone, tell us with the form below. If you give us your e-mail "
            "address, we answer within %(days)s working days.",
            3,
        ) % {"days": 3}
    assert sentence in html
