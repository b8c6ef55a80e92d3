"""The commuting estimate: the worked example of the docs, its limits, and its factors."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from publicoffice.core.errors import DomainError
from publicoffice.reports.commuting import FactorData, Range, estimate, mode_factors
from publicoffice.reports.commuting_selectors import factors_in_force
from publicoffice.reports.commuting_services import emission_factor_save
from publicoffice.reports.models import EmissionFactor
from publicoffice.staff.services import role_assign
from tests.factories import OperatorFactory, UserFactory

#: The worked example of docs/reports.md ("Commuting avoided"): 52 answers.
EXAMPLE = {
    "workplace|bike|5-10|car": 12,
    "workplace|walk|2-5|public_transport": 10,
    "workplace|public_transport|10-20|car": 6,
    "workplace|walk|0-2|bike": 4,
    "workplace|walk|20-50|": 3,
    "workplace||none|": 2,
    "home|walk||": 9,
    "cafe_library|bike||": 5,
    "other|||": 1,
}


def factor(mode: str, variant: str, low: str, high: str, share: str = "1") -> FactorData:
    return FactorData(mode, variant, D(low), D(low), D(high), D(share))


#: The seeded factors, as the docs' table gives them.
SEEDED = [
    factor("car", "average car, petrol or diesel", "80.59", "167.00"),
    factor("car", "electric car, Nordic electricity", "8.24", "14.00", share="0"),
    factor("public_transport", "bus", "14", "27", share="0.5"),
    factor("public_transport", "train", "7", "10", share="0.5"),
    factor("walk", "walking", "0", "0"),
    factor("bike", "bike", "0", "0"),
]


class TestWorkedExample:
    def test_step_by_step_as_in_the_docs(self):
        result = estimate(EXAMPLE, SEEDED, working_days=20)
        assert (result.answers, result.commuters) == (52, 32)
        assert (result.without_usual_mode, result.without_distance) == (3, 2)
        assert (result.home, result.third_places, result.elsewhere) == (9, 5, 1)
        # Weighted factors: the car's electric variant has share 0; bus and train half each.
        assert mode_factors(SEEDED)["public_transport"] == Range(D("10.5"), D("18.5"))
        # Car: 12 × 2 × 5..10 km + 6 × 2 × 10..20 km; bus/train 10 × 2 × 2..5; bike 4 × 2 × 0.5..2.
        assert result.pkm == {
            "car": Range(D(240), D(480)),
            "public_transport": Range(D(40), D(100)),
            "bike": Range(D(4), D(16)),
        }
        # Low 240 × 80.59 + 40 × 10.5 g; high 480 × 167 + 100 × 18.5 g.
        assert result.co2_kg == Range(D("19.7616"), D("82.01"))
        assert result.co2_kg_rounded == Range(D(19), D(83))
        assert result.per_working_day_kg == Range(D("0.98"), D("4.2"))
        assert result.too_few is False
        assert result.modes_without_factor == ()

    def test_ranges_are_ordered_low_to_high(self):
        result = estimate(EXAMPLE, SEEDED)
        spans = [result.co2_kg, result.co2_kg_rounded, *result.pkm.values()]
        spans += result.pkm_rounded.values()
        assert all(span.low <= span.high for span in spans)
        assert result.co2_kg_rounded.low <= result.co2_kg.low
        assert result.co2_kg_rounded.high >= result.co2_kg.high


def test_too_few_answers_are_marked(settings):
    small = {"workplace|walk|5-10|car": 29, "home|walk||": 100}
    assert estimate(small, SEEDED).too_few is True
    settings.REPORTS_COMMUTING_MIN_ANSWERS = 10
    assert estimate(small, SEEDED).too_few is False


def test_third_places_and_elsewhere_are_not_avoided_commuting():
    result = estimate({"cafe_library|car|20-50|car": 40, "other|car|50+|car": 7}, SEEDED)
    assert (result.third_places, result.elsewhere, result.commuters) == (40, 7, 0)
    assert result.pkm == {}
    assert result.co2_kg == Range(D(0), D(0))


def test_a_mode_without_factor_adds_distance_but_no_co2():
    result = estimate({"workplace|walk|50+|other": 1}, SEEDED)
    assert result.pkm == {"other": Range(D(100), D(200))}  # 50+ is capped at 100 km one way
    assert result.modes_without_factor == ("other",)
    assert result.co2_kg == Range(D(0), D(0))


def test_assumptions_are_sentences_in_the_active_language():
    with translation.override("ar"):
        sentences = estimate(EXAMPLE, SEEDED).assumptions
        expected = gettext(
            "Published figures are rounded to two significant figures, the low end down "
            "and the high end up."
        )
    assert expected in sentences
    assert len(sentences) == 7


@pytest.mark.django_db
class TestFactors:
    def test_the_migration_seeds_swedish_factors_with_sources(self):
        factors = factors_in_force()
        modes = {f.mode for f in factors}
        assert {"car", "public_transport", "walk", "bike"} <= modes
        for item in factors:
            assert item.source and item.low <= item.central <= item.high
            if item.high > 0:
                assert item.source_url.startswith("https://") and item.note
        for mode in modes:
            assert sum(f.share for f in factors if f.mode == mode) == 1
        train = next(f for f in factors if f.variant == "train")
        assert train.high <= 10  # Swedish electric trains are near zero per passenger-km
        seeded = {(f.mode, f.variant, f.low, f.high, f.share) for f in SEEDED}
        assert seeded == {(f.mode, f.variant, f.low, f.high, f.share) for f in factors}

    def test_the_service_records_who_changed_a_factor_and_refuses_others(self):
        admin_user, host = UserFactory(), UserFactory()
        role_assign(user=admin_user, role=Role.PLATFORM_ADMIN)
        bus = EmissionFactor.objects.get(variant="bus")
        bus.high = D(30)
        emission_factor_save(factor=bus, by=admin_user)
        bus.refresh_from_db()
        assert (bus.high, bus.updated_by) == (D(30), admin_user)
        with pytest.raises(DomainError) as error:
            emission_factor_save(factor=bus, by=host)
        assert error.value.code == "report_not_allowed"
        bus.low = D(40)
        with pytest.raises(DomainError) as error:
            emission_factor_save(factor=bus, by=admin_user)
        assert error.value.code == "emission_factor_invalid"


ADMIN = "/sv/admin/reports/emissionfactor/"


def factor_form(**values: object) -> dict[str, object]:
    form: dict[str, object] = {
        "mode": "car",
        "variant": "petrol car, alone",
        "low": "100",
        "central": "150",
        "high": "170",
        "share": "0",
        "source": "Resklimat.se",
        "source_url": "https://klimatresa.se/data",
        "year": "",
        "note": "",
    }
    return {**form, **values}


def log_in(client: Client, role: Role, **scope: object):
    user = UserFactory()
    role_assign(user=user, role=role, **scope)
    client.force_login(user)
    return user


@pytest.mark.django_db
class TestAdmin:
    def test_platform_admin_adds_a_factor_and_is_recorded(self, client):
        user = log_in(client, Role.PLATFORM_ADMIN)
        response = client.post(f"{ADMIN}add/", factor_form())
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert EmissionFactor.objects.get(variant="petrol car, alone").updated_by == user

    @pytest.mark.parametrize(
        ("values", "field"),
        [
            ({"low": "200", "high": "100"}, None),
            ({"low": "-1"}, "low"),
            ({"central": "مئة"}, "central"),
            ({"high": "🚗"}, "high"),
            ({"share": "0.5"}, "share"),  # the car's shares would add up to 1.5
        ],
    )
    def test_invalid_factors_are_refused_on_the_form(self, client, values, field):
        log_in(client, Role.PLATFORM_ADMIN)
        response = client.post(f"{ADMIN}add/", factor_form(**values))
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert (field or "__all__") in errors
        assert not EmissionFactor.objects.filter(variant="petrol car, alone").exists()

    def test_arabic_indic_digits_are_read_as_numbers(self, client):
        log_in(client, Role.PLATFORM_ADMIN)
        response = client.post(f"{ADMIN}add/", factor_form(low="١٠٠", central="١٥٠"))
        assert response.status_code == 302
        saved = EmissionFactor.objects.get(variant="petrol car, alone")
        assert (saved.low, saved.central) == (D(100), D(150))

    def test_an_operator_admin_may_read_but_not_change(self, client):
        log_in(client, Role.OPERATOR_ADMIN, operator=OperatorFactory())
        bus = EmissionFactor.objects.get(variant="bus")
        assert client.get(ADMIN).status_code == 200
        assert client.get(f"{ADMIN}add/").status_code == 403
        changed = client.post(f"{ADMIN}{bus.pk}/change/", factor_form(mode="public_transport"))
        assert changed.status_code == 403
        assert client.post(f"{ADMIN}{bus.pk}/delete/", {"post": "yes"}).status_code == 403
        bus.refresh_from_db()
        assert bus.high == D(27)
