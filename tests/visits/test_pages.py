"""Visits pages and the occupancy API through the HTTP client."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from publicoffice.staff.services import role_assign
from publicoffice.visits import services
from publicoffice.visits.models import KioskDevice, Source, Visit, VisitCorrection
from publicoffice.visits.tokens import DEVICE_COOKIE, day_token
from publicoffice.visits.views import kiosk as kiosk_views
from tests.factories import OfficeFactory, UserFactory, WeeklyHoursFactory
from tests.visits.conftest import MORNING, STOCKHOLM

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)

MAP = "/api/v1/offices.map.geojson"


def checkin_url(office, day=TODAY, lang="sv"):
    return f"/{lang}/offices/{office.slug}/checkin/{day_token(office.pk, day)}/"


class TestQrCheckIn:
    def test_one_tap_without_account_or_javascript(self, client: Client, office, morning):
        page = client.get(checkin_url(office))
        assert page.status_code == 200
        assert '<form method="post" class="checkin-form">' in page.content.decode()
        response = client.post(checkin_url(office))
        assert response.status_code == 302
        visit = Visit.objects.get()
        assert (visit.source, visit.member, visit.device_hash != "") == ("qr", None, True)
        assert response["Location"] == f"/sv/visits/{visit.public_id}/"
        assert DEVICE_COOKIE in response.cookies
        assert response.cookies[DEVICE_COOKIE]["httponly"]

    def test_tapping_again_counts_once(self, client: Client, office, morning):
        client.post(checkin_url(office))
        again = client.post(checkin_url(office), follow=True)
        assert Visit.objects.count() == 1
        assert "counted once" in again.content.decode() or "en gång" in again.content.decode()

    def test_nothing_about_the_client_is_stored(self, client: Client, office, morning):
        client.post(checkin_url(office), REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Nokia 3310")
        row = Visit.objects.values().get()
        text = json.dumps(row, default=str)
        assert "203.0.113.7" not in text and "Nokia" not in text
        assert client.cookies[DEVICE_COOKIE].value not in text

    def test_check_ins_from_one_address_are_limited(self, office, morning, settings):
        settings.VISITS_CHECKINS_PER_ADDRESS = 2
        statuses = [Client().post(checkin_url(office)).status_code for _ in range(3)]
        assert statuses == [302, 302, 429]
        assert Visit.objects.count() == 2

    def test_old_token_is_explained_and_not_counted(self, client: Client, office, morning):
        response = client.post(checkin_url(office, TODAY - timedelta(days=7)))
        assert response.status_code == 410
        assert 'role="alert"' in response.content.decode()
        with translation.override("sv"):
            why = gettext(
                "This QR code is from %(day)s. Check-in codes change every day, so only "
                "today's code at the entrance counts."
            ) % {"day": date_format(TODAY - timedelta(days=7), "j F")}
        assert f'<p role="alert">{escape(why)}</p>' in response.content.decode()
        assert Visit.objects.count() == 0

    @pytest.mark.parametrize("token", ["forged", "20261125-0000000000", "<script>", "٢٠٢٦"])
    def test_forged_token_is_refused(self, client: Client, office, morning, token):
        response = client.post(f"/sv/offices/{office.slug}/checkin/{token}/")
        assert response.status_code == 404
        assert Visit.objects.count() == 0

    def test_another_offices_token_is_refused(self, client: Client, office, morning):
        other = OfficeFactory()
        response = client.post(f"/sv/offices/{other.slug}/checkin/{day_token(office.pk, TODAY)}/")
        assert response.status_code == 404
        assert Visit.objects.count() == 0

    def test_closed_office_says_so_in_the_visitors_language(self, client: Client, office):
        import time_machine

        with time_machine.travel(datetime(2026, 11, 25, 20, tzinfo=STOCKHOLM), tick=False):
            response = client.post(checkin_url(office, lang="ar"))
        assert response.status_code == 400
        assert 'lang="ar"' in response.content.decode()
        assert Visit.objects.count() == 0
        with translation.override("ar"):
            closed = gettext("The office is closed now. Check in when it is open.")
        assert closed == "المكتب مغلق الآن. سجّل حضورك عندما يكون مفتوحًا."  # really Arabic
        assert f'<p role="alert">{closed}</p>' in response.content.decode()


class TestThanksSurveyCheckout:
    def test_survey_and_checkout_by_the_same_device(self, client: Client, office, morning):
        client.post(checkin_url(office))
        visit = Visit.objects.get()
        thanks = client.get(f"/sv/visits/{visit.public_id}/")
        assert thanks.status_code == 200
        assert 'type="radio"' in thanks.content.decode()
        response = client.post(
            f"/sv/visits/{visit.public_id}/survey/",
            {
                "would_otherwise": "workplace",
                "travel_mode": "public_transport",
                "commute_band": "10-20",
                "usual_mode": "car",
            },
        )
        assert response.status_code == 302
        visit.refresh_from_db()
        assert (
            visit.would_otherwise,
            visit.travel_mode,
            visit.commute_band,
            visit.usual_mode,
        ) == ("workplace", "public_transport", "10-20", "car")
        assert client.post(f"/sv/visits/{visit.public_id}/checkout/").status_code == 302
        visit.refresh_from_db()
        assert visit.checked_out_at == MORNING

    def test_skipping_every_question_is_fine_and_not_asked_again(
        self, client: Client, office, morning
    ):
        client.post(checkin_url(office))
        visit = Visit.objects.get()
        assert client.post(f"/sv/visits/{visit.public_id}/survey/", {}).status_code == 302
        assert client.get(f"/sv/visits/{visit.public_id}/").context["survey"] is None
        visit.refresh_from_db()
        assert visit.survey_done and not visit.travel_mode

    def test_survey_after_the_window_is_explained_on_the_office_page(
        self, client: Client, office, morning
    ):
        client.post(checkin_url(office))
        visit = Visit.objects.get()
        morning.shift(timedelta(hours=3))
        response = client.post(f"/en/visits/{visit.public_id}/survey/", {"travel_mode": "car"})
        assert response.status_code == 400
        assert "visits/error.html" in [t.name for t in response.templates]
        assert "The questions can only be answered at check-in." in response.content.decode()
        assert f'href="/en/offices/{office.slug}/"' in response.content.decode()
        visit.refresh_from_db()
        assert visit.travel_mode == ""

    def test_check_in_link_takes_only_get_and_post(self, client: Client, office, morning):
        assert client.put(checkin_url(office)).status_code == 405
        assert client.delete(checkin_url(office)).status_code == 405

    def test_bad_answers_change_nothing(self, client: Client, office, morning):
        client.post(checkin_url(office))
        visit = Visit.objects.get()
        response = client.post(
            f"/sv/visits/{visit.public_id}/survey/", {"travel_mode": "<script>alert(1)</script>"}
        )
        assert response.status_code == 400
        assert "<script>alert(1)</script>" not in response.content.decode()
        visit.refresh_from_db()
        assert visit.travel_mode == ""

    def test_another_device_cannot_see_or_touch_the_visit(self, client: Client, office, morning):
        client.post(checkin_url(office))
        visit = Visit.objects.get()
        stranger = Client()
        stranger.post(checkin_url(office))  # has its own device cookie
        assert stranger.get(f"/sv/visits/{visit.public_id}/").status_code == 404
        assert stranger.post(f"/sv/visits/{visit.public_id}/checkout/").status_code == 404
        survey = stranger.post(f"/sv/visits/{visit.public_id}/survey/", {"travel_mode": "car"})
        assert survey.status_code == 404
        visit.refresh_from_db()
        assert (visit.checked_out_at, visit.travel_mode) == (None, "")


class TestMemberCheckIn:
    def test_member_checks_in_from_the_office_page(self, client: Client, office, morning):
        member = UserFactory()
        client.force_login(member)
        page = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert f'action="/sv/offices/{office.slug}/check-in/"' in page
        response = client.post(f"/sv/offices/{office.slug}/check-in/")
        visit = Visit.objects.get()
        assert (visit.member, visit.source) == (member, "member")
        assert response["Location"] == f"/sv/visits/{visit.public_id}/"
        page = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert f'action="/sv/visits/{visit.public_id}/checkout/"' in page

    def test_member_scanning_the_poster_is_checked_in_as_themselves(
        self, client: Client, office, morning
    ):
        member = UserFactory()
        client.force_login(member)
        client.post(checkin_url(office))
        client.post(f"/sv/offices/{office.slug}/check-in/")
        visit = Visit.objects.get()
        assert (visit.member, visit.source, visit.device_hash) == (member, "qr", "")

    def test_anonymous_visitor_is_sent_to_log_in(self, client: Client, office, morning):
        response = client.post(f"/sv/offices/{office.slug}/check-in/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert Visit.objects.count() == 0

    def test_check_in_is_post_only(self, client: Client, office, morning):
        client.force_login(UserFactory())
        assert client.get(f"/sv/offices/{office.slug}/check-in/").status_code == 405

    def test_history_and_downloads_show_only_own_visits(self, client: Client, office, morning):
        member, other = UserFactory(), UserFactory()
        services.visit_check_in(office=office, source=Source.MEMBER, member=member, at=MORNING)
        services.visit_check_in(office=office, source=Source.MEMBER, member=other, at=MORNING)
        client.force_login(member)
        page = client.get("/sv/me/visits/")
        assert len(page.context["visits"]) == 1
        rows = list(
            csv.DictReader(io.StringIO(client.get("/sv/me/visits.csv").content.decode("utf-8-sig")))
        )
        assert len(rows) == 1 and rows[0]["office"] == "Ronna kontor"
        data = json.loads(client.get("/sv/me/visits.json").content)
        assert len(data["visits"]) == 1
        assert client.get("/sv/me/visits.xml").status_code == 404
        other_visit = Visit.objects.get(member=other)
        assert client.get(f"/sv/visits/{other_visit.public_id}/").status_code == 404

    def test_history_needs_an_account(self, client: Client):
        response = client.get("/sv/me/visits/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


class TestHostDesk:
    def test_host_sees_the_desk(self, client: Client, office, host, morning):
        services.visit_check_in(office=office, source=Source.QR, at=MORNING, device_hash="x")
        client.force_login(host)
        response = client.get(f"/sv/host/{office.slug}/")
        assert response.status_code == 200
        assert response.context["arrived_today"] == 1
        assert "<svg" in response.content.decode()

    @pytest.mark.parametrize("who", ["anonymous", "member", "other_host"])
    def test_others_get_404_and_visitors_are_asked_to_log_in(
        self, client: Client, office, morning, who
    ):
        if who == "member":
            client.force_login(UserFactory())
        elif who == "other_host":
            stranger = UserFactory()
            role_assign(user=stranger, role=Role.HOST, office=OfficeFactory())
            client.force_login(stranger)
        responses = [client.get(f"/sv/host/{office.slug}/")]
        responses.append(client.get(f"/sv/host/{office.slug}/poster/"))
        responses.append(client.post(f"/sv/host/{office.slug}/headcount/", {"people": 5}))
        for response in responses:
            if who == "anonymous":
                assert response.status_code == 302
                assert "/accounts/login/" in response["Location"]
            else:
                assert response.status_code == 404
        assert Visit.objects.count() == 0

    def test_headcount_and_correction(self, client: Client, office, host, morning):
        client.force_login(host)
        assert client.post(f"/sv/host/{office.slug}/headcount/", {"people": 3}).status_code == 302
        visit = Visit.objects.get()
        response = client.post(
            f"/sv/host/{office.slug}/headcount/{visit.pk}/correct/", {"people": 2, "reason": "Fel"}
        )
        assert response.status_code == 302
        visit.refresh_from_db()
        assert visit.people == 2
        assert VisitCorrection.objects.get().changed_by == host

    def test_arabic_indic_digits_are_understood(self, client: Client, office, host, morning):
        client.force_login(host)
        client.post(f"/ar/host/{office.slug}/headcount/", {"people": "٣"})
        assert Visit.objects.get().people == 3

    @pytest.mark.parametrize("people", ["", "0", "-3", "1000", "tre", "3.5", "<b>", "😀"])
    def test_bad_headcount_is_refused(self, client: Client, office, host, morning, people):
        client.force_login(host)
        response = client.post(f"/sv/host/{office.slug}/headcount/", {"people": people})
        assert response.status_code == 400
        assert Visit.objects.count() == 0

    def test_refused_correction_goes_back_to_the_desk_with_the_reason(
        self, client: Client, office, host, morning
    ):
        client.force_login(host)
        visit = services.headcount_add(office=office, people=3, by=host, at=MORNING)
        url = f"/en/host/{office.slug}/headcount/{visit.pk}/correct/"
        response = client.post(url, {"people": 1, "reason": "\x01\x02"})
        assert (response.status_code, response["Location"]) == (302, f"/en/host/{office.slug}/")
        page = client.get(response["Location"]).content.decode()
        assert "Say why the count is corrected." in page
        visit.refresh_from_db()
        assert visit.people == 3

    def test_refused_kiosk_name_is_shown_at_the_field(self, client: Client, office, host, morning):
        client.force_login(host)
        response = client.post(f"/en/host/{office.slug}/kiosks/", {"name": "\x07"})
        assert response.status_code == 400
        assert response.context["kiosk_form"].errors["name"]
        shown = escape(" ".join(response.context["kiosk_form"].errors["name"]))
        html = response.content.decode()
        field = html.index('<label for="id_name">')
        assert f'<p class="errorlist" role="alert">{shown}</p>' in html[field : field + 600]
        assert not KioskDevice.objects.exists()

    def test_unknown_office_is_404(self, client: Client, host, morning):
        client.force_login(host)
        assert client.get("/sv/host/nowhere/").status_code == 404
        assert (
            client.post(checkin_url(OfficeFactory.build(slug="nowhere", pk=1))).status_code == 404
        )
        assert client.post("/sv/offices/nowhere/check-in/").status_code == 404

    def test_correction_without_reason_changes_nothing(self, client: Client, office, host, morning):
        client.force_login(host)
        visit = services.headcount_add(office=office, people=3, by=host, at=MORNING)
        client.post(f"/sv/host/{office.slug}/headcount/{visit.pk}/correct/", {"people": 1})
        visit.refresh_from_db()
        assert visit.people == 3

    def test_other_offices_entries_cannot_be_corrected(self, client: Client, office, host, morning):
        other = OfficeFactory()
        visit = services.headcount_add(office=other, people=3, by=host, at=MORNING)
        client.force_login(host)
        response = client.post(
            f"/sv/host/{office.slug}/headcount/{visit.pk}/correct/", {"people": 1, "reason": "x"}
        )
        assert response.status_code == 404
        visit.refresh_from_db()
        assert visit.people == 3
        assert not VisitCorrection.objects.exists()

    def test_poster_has_todays_qr_code(self, client: Client, office, host, morning):
        client.force_login(host)
        html = client.get(f"/sv/host/{office.slug}/poster/?size=a5").content.decode()
        assert "<svg" in html and "size: A5" in html
        assert day_token(office.pk, TODAY) in html

    def test_the_posters_link_opens_in_the_phones_own_language(
        self, client: Client, office, host, morning
    ):
        """A Swedish poster carries no language: each phone gets its own."""
        client.force_login(host)
        html = client.get(f"/sv/host/{office.slug}/poster/").content.decode()
        path = f"/offices/{office.slug}/checkin/{day_token(office.pk, TODAY)}/"
        assert f"http://testserver{path}<" in html  # the address printed under the code
        for asks, opens in [("ti", "ti"), ("so,en;q=0.5", "so"), ("ar-SE,ar", "ar"), ("de", "sv")]:
            phone = Client(HTTP_ACCEPT_LANGUAGE=asks)
            response = phone.get(path)
            assert response.status_code == 302
            assert response["Location"] == f"/{opens}{path}"
            page = phone.get(response["Location"])
            assert page.status_code == 200
            assert f'<html lang="{opens}"' in page.content.decode()

    def test_a_language_chosen_here_before_wins_over_the_phones(self, office, morning):
        """Somebody who picked Somali here before gets Somali on a Swedish phone."""
        phone = Client(HTTP_ACCEPT_LANGUAGE="sv")
        phone.cookies[settings.LANGUAGE_COOKIE_NAME] = "so"
        path = f"/offices/{office.slug}/checkin/{day_token(office.pk, TODAY)}/"
        assert phone.get(path)["Location"] == f"/so{path}"


class TestKiosk:
    def unlock(self, host, office) -> tuple[Client, KioskDevice]:
        device, key = services.kiosk_create(office=office, name="Entré", by=host)
        tablet = Client()
        assert tablet.get(f"/ar/kiosk/unlock/?key={key}").status_code == 200
        assert tablet.post("/ar/kiosk/unlock/", {"key": key}).status_code == 302
        return tablet, device

    def test_the_kiosks_code_carries_no_language(self, office, host, morning, monkeypatch):
        """The tablet shows Arabic; a phone scanning its code opens its own language."""
        encoded: list[str] = []
        real_qr = kiosk_views.qr_svg
        monkeypatch.setattr(
            kiosk_views, "qr_svg", lambda url, **kw: encoded.append(url) or real_qr(url, **kw)
        )
        tablet, _device = self.unlock(host, office)
        assert tablet.get("/ar/kiosk/").status_code == 200
        token = day_token(office.pk, TODAY)
        assert encoded == [f"http://testserver/offices/{office.slug}/checkin/{token}/"]

    def test_kiosk_checks_people_in(self, office, host, morning):
        tablet, _device = self.unlock(host, office)
        page = tablet.get("/ar/kiosk/")
        assert page.status_code == 200
        html = page.content.decode()
        assert 'dir="rtl"' in html and "<svg" in html
        assert tablet.post("/ar/kiosk/check-in/")["Location"] == "/ar/kiosk/thanks/"
        assert tablet.post("/ar/kiosk/check-in/").status_code == 302
        assert Visit.objects.filter(source="kiosk").count() == 2  # two people, one tablet
        thanks = tablet.get("/ar/kiosk/thanks/").content.decode()
        assert 'http-equiv="refresh"' in thanks

    def test_kiosk_taps_are_rate_limited(self, office, host, morning):
        tablet, _device = self.unlock(host, office)
        for _ in range(20):
            assert tablet.post("/sv/kiosk/check-in/").status_code == 302
        response = tablet.post("/sv/kiosk/check-in/")
        assert response.status_code == 429
        assert 'role="alert"' in response.content.decode()
        assert Visit.objects.count() == 20

    def test_revoked_key_locks_the_kiosk(self, office, host, morning):
        tablet, device = self.unlock(host, office)
        services.kiosk_revoke(device=device)
        assert tablet.get("/sv/kiosk/").status_code == 403
        assert tablet.post("/sv/kiosk/check-in/").status_code == 403
        assert Visit.objects.count() == 0

    def test_unlock_key_never_spreads_into_other_links(self, client: Client):
        html = client.get("/sv/kiosk/unlock/?key=secret-kiosk-key").content.decode()
        assert 'value="secret-kiosk-key"' in html  # prefilled in the form only
        assert html.count("secret-kiosk-key") == 1

    def test_kiosk_page_renews_itself_for_the_new_day(self, office, host, morning):
        tablet, _device = self.unlock(host, office)
        html = tablet.get("/sv/kiosk/").content.decode()
        assert 'hx-trigger="every 600s"' in html

    def test_wrong_key_is_refused(self, client: Client):
        response = client.post("/sv/kiosk/unlock/", {"key": "guess"})
        assert response.status_code == 200
        assert response.context["form"].errors
        assert client.get("/sv/kiosk/").status_code == 403

    def test_host_creates_and_revokes_kiosks_on_the_desk(
        self, client: Client, office, host, morning
    ):
        client.force_login(host)
        response = client.post(f"/sv/host/{office.slug}/kiosks/", {"name": "Entré"})
        key = re.search(r"/sv/kiosk/unlock/\?key=([\w-]+)", response.content.decode()).group(1)
        device = KioskDevice.objects.get()
        assert services.kiosk_for_key(key) == device
        client.post(f"/sv/host/{office.slug}/kiosks/{device.pk}/revoke/")
        assert services.kiosk_for_key(key) is None

    def test_other_hosts_cannot_revoke(self, client: Client, office, host, morning):
        device, _key = services.kiosk_create(office=office, name="Entré", by=host)
        stranger = UserFactory()
        other = OfficeFactory()
        role_assign(user=stranger, role=Role.HOST, office=other)
        client.force_login(stranger)
        assert client.post(f"/sv/host/{office.slug}/kiosks/{device.pk}/revoke/").status_code == 404
        assert client.post(f"/sv/host/{other.slug}/kiosks/{device.pk}/revoke/").status_code == 404
        device.refresh_from_db()
        assert device.revoked_at is None


class TestOccupancyEverywhere:
    def test_office_page_home_list_partial_and_api_agree(
        self, client: Client, office, host, morning
    ):
        services.headcount_add(office=office, people=6, by=host, at=MORNING)
        page = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert 'hx-get="/sv/offices/ronna/occupancy/"' in page
        home = client.get("/sv/").content.decode()
        assert "occupancy-fairly_busy" in home
        partial = client.get(f"/sv/offices/{office.slug}/occupancy/").content.decode()
        assert "<html" not in partial and "occupancy-fairly_busy" in partial
        api = client.get(f"/api/v1/offices/{office.slug}/occupancy").json()
        assert (api["current"], api["capacity"], api["level"], api["open_now"]) == (
            6,
            10,
            "fairly_busy",
            True,
        )

    def test_api_occupancy_of_unknown_office_is_404(self, client: Client):
        response = client.get("/api/v1/offices/999999/occupancy")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        response = client.get("/api/v1/offices/nowhere/occupancy")
        assert response.status_code == 404
        assert response.json()["code"] == "office_not_found"

    def test_api_occupancy_by_number_redirects_to_the_slug(self, client: Client, office, morning):
        response = client.get(f"/api/v1/offices/{office.pk}/occupancy?lang=en")
        assert response.status_code == 308
        assert response["Location"] == "/api/v1/offices/ronna/occupancy?lang=en"
        followed = client.get(response["Location"]).json()
        assert (followed["office_id"], followed["slug"], followed["label"]) == (
            office.pk,
            "ronna",
            "Quiet",
        )

    def test_home_query_count_does_not_grow_with_occupancy(
        self, client: Client, office, host, morning
    ):
        from datetime import time

        def more(n):
            for _ in range(n):
                extra = OfficeFactory()
                for weekday in range(5):
                    WeeklyHoursFactory(
                        office=extra, weekday=weekday, opens=time(9), closes=time(17)
                    )
                services.headcount_add(office=extra, people=2, by=host, at=MORNING)

        more(1)
        with CaptureQueriesContext(connection) as few:
            client.get("/sv/")
        more(6)
        with CaptureQueriesContext(connection) as many:
            client.get("/sv/")
        assert len(many) == len(few)

    def test_privacy_page_in_every_language(self, client: Client):
        for lang in ["sv", "en", "ar", "fa", "so", "ti"]:
            response = client.get(f"/{lang}/privacy/")
            assert response.status_code == 200
            assert "90" in response.content.decode()
            html = response.content.decode()
            assert f'<html lang="{lang}"' in html
            with translation.override(lang):
                kept = gettext(
                    "After %(retention_days)s days every single visit is deleted. Only totals "
                    'per office and hour remain, for example "14 people arrived between 10 and 11".'
                ) % {"retention_days": 90}
            assert kept in html


def test_map_pop_ups_say_how_full_the_office_is(client: Client, office, host, morning):
    services.headcount_add(office=office, people=10, by=host, at=MORNING)
    html = client.get("/en/").content.decode()
    # The map reads its pop-ups from the map endpoint; each office alone at a street's zoom.
    map_query = {"bbox": "10,55,25,69", "zoom": "17", "lang": "en"}
    data = [f["properties"] for f in client.get(MAP, map_query).json()["features"]]
    assert data[0]["notes"] == ["Full: 10 of 10 places taken"]
    assert "Full: 10 of 10 places taken" in html


class TestOfficeNameInAnotherLanguage:
    def test_check_in_marks_the_name_with_its_language(self, client: Client, office, morning):
        office.name_en, office.name_so, office.name_ar = "Ronna office", "", ""
        office.save()
        html = client.get(checkin_url(office, lang="so")).content.decode()
        with translation.override("so"):
            welcome = gettext("Welcome to %(office)s") % {
                "office": '<span lang="en">Ronna office</span>'
            }
        assert f"<h1>{welcome}</h1>" in html
        html = client.get(checkin_url(office, lang="ar")).content.decode()
        assert '<span lang="en" dir="ltr">Ronna office</span>' in html
