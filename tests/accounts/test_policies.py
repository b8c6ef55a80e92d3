"""Scoped roles: every policy per role, with a second user who is refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from publicoffice.accounts import policies as account_policies
from publicoffice.accounts.models import NamedPermission, Role, RoleAssignment
from publicoffice.accounts.roles import is_member, is_platform_admin
from publicoffice.places import policies
from publicoffice.staff.services import role_assign
from tests.factories import MunicipalityFactory, OfficeFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    municipality = MunicipalityFactory(code="0181")
    other_municipality = MunicipalityFactory(code="0127")
    operator = OperatorFactory()
    other_operator = OperatorFactory()
    office = OfficeFactory(operator=operator, municipality=municipality)
    sibling = OfficeFactory(operator=operator, municipality=municipality)
    foreign = OfficeFactory(operator=other_operator, municipality=other_municipality)
    return {
        "municipality": municipality,
        "operator": operator,
        "other_operator": other_operator,
        "office": office,
        "sibling": sibling,
        "foreign": foreign,
    }


def test_every_account_is_a_member_and_nothing_more(world):
    member = UserFactory()
    assert is_member(member)
    assert not member.is_staff
    assert not policies.can_manage_office(member, world["office"])
    assert list(policies.offices_visible_in_admin(member)) == []


def test_host_manages_only_their_office(world):
    host = UserFactory()
    role_assign(user=host, role=Role.HOST, office=world["office"])
    other_host = UserFactory()
    role_assign(user=other_host, role=Role.HOST, office=world["foreign"])
    assert host.is_staff
    assert policies.can_manage_office(host, world["office"])
    assert not policies.can_manage_office(host, world["sibling"])
    assert not policies.can_manage_office(other_host, world["office"])
    assert set(policies.offices_visible_in_admin(host)) == {world["office"]}
    assert not policies.can_create_office(host)
    assert not policies.can_delete_office(host, world["office"])
    assert not policies.can_manage_operator(host, world["operator"])


def test_operator_admin_manages_the_operators_offices_only(world):
    admin = UserFactory()
    role_assign(user=admin, role=Role.OPERATOR_ADMIN, operator=world["operator"])
    assert policies.can_manage_office(admin, world["office"])
    assert policies.can_manage_office(admin, world["sibling"])
    assert not policies.can_manage_office(admin, world["foreign"])
    assert policies.can_manage_operator(admin, world["operator"])
    assert not policies.can_manage_operator(admin, world["other_operator"])
    assert policies.can_create_office(admin, world["operator"])
    assert not policies.can_create_office(admin, world["other_operator"])
    assert set(policies.offices_manageable(admin)) == {world["office"], world["sibling"]}


def test_municipal_officer_reads_but_does_not_change(world):
    officer = UserFactory()
    role_assign(user=officer, role=Role.MUNICIPAL_OFFICER, municipality=world["municipality"])
    assert world["office"] in policies.offices_visible_in_admin(officer)
    assert world["foreign"] not in policies.offices_visible_in_admin(officer)
    assert not policies.can_manage_office(officer, world["office"])
    assert not policies.can_manage_municipality(officer, world["municipality"])
    assert set(policies.offices_visible_in_admin(officer)) == {world["office"], world["sibling"]}
    assert list(policies.offices_manageable(officer)) == []


def test_platform_admin_may_do_everything(world):
    root = UserFactory()
    role_assign(user=root, role=Role.PLATFORM_ADMIN)
    assert is_platform_admin(root)
    assert policies.can_manage_office(root, world["foreign"])
    assert policies.can_delete_office(root, world["foreign"])
    assert policies.can_manage_municipality(root, world["municipality"])
    assert policies.has_named_permission(root, NamedPermission.BOOK_ON_BEHALF, world["office"])


def test_inactive_accounts_lose_their_roles(world):
    host = UserFactory()
    role_assign(user=host, role=Role.HOST, office=world["office"])
    host.is_active = False
    assert not policies.can_manage_office(host, world["office"])
    assert not host.is_staff


def test_a_user_may_hold_several_roles(world):
    person = UserFactory()
    role_assign(user=person, role=Role.HOST, office=world["foreign"])
    role_assign(user=person, role=Role.MUNICIPAL_OFFICER, municipality=world["municipality"])
    assert policies.can_manage_office(person, world["foreign"])
    assert world["office"] in policies.offices_visible_in_admin(person)
    assert not policies.can_manage_office(person, world["office"])


def test_named_permissions_are_scoped(world):
    host = UserFactory()
    role_assign(
        user=host,
        role=Role.HOST,
        office=world["office"],
        permissions=[NamedPermission.BOOK_OUTSIDE_OPENING_HOURS],
    )
    plain_host = UserFactory()
    role_assign(user=plain_host, role=Role.HOST, office=world["office"])
    allowed = NamedPermission.BOOK_OUTSIDE_OPENING_HOURS
    assert policies.has_named_permission(host, allowed, world["office"])
    assert not policies.has_named_permission(host, allowed, world["sibling"])
    assert not policies.has_named_permission(host, NamedPermission.BOOK_ON_BEHALF, world["office"])
    assert not policies.has_named_permission(plain_host, allowed, world["office"])


def test_operator_admin_permissions_cover_their_offices(world):
    admin = UserFactory()
    role_assign(
        user=admin,
        role=Role.OPERATOR_ADMIN,
        operator=world["operator"],
        permissions=[NamedPermission.EDIT_OPENING_HOURS],
    )
    edit = NamedPermission.EDIT_OPENING_HOURS
    assert policies.has_named_permission(admin, edit, world["sibling"])
    assert not policies.has_named_permission(admin, edit, world["foreign"])


class TestRoleAssignment:
    def test_scope_must_match_role(self, world):
        user = UserFactory()
        with pytest.raises(ValidationError):
            role_assign(user=user, role=Role.HOST)  # no office
        with pytest.raises(ValidationError):
            role_assign(
                user=user, role=Role.HOST, office=world["office"], operator=world["operator"]
            )
        with pytest.raises(ValidationError):
            role_assign(user=user, role=Role.PLATFORM_ADMIN, municipality=world["municipality"])
        assert not RoleAssignment.objects.filter(user=user).exists()

    def test_unknown_permission_is_refused(self, world):
        with pytest.raises(ValidationError):
            role_assign(
                user=UserFactory(), role=Role.HOST, office=world["office"], permissions=["fly"]
            )

    def test_assigning_twice_keeps_one_row(self, world):
        user = UserFactory()
        role_assign(user=user, role=Role.HOST, office=world["office"])
        role_assign(user=user, role=Role.HOST, office=world["office"])
        assert RoleAssignment.objects.filter(user=user).count() == 1

    def test_database_refuses_a_host_without_office(self, world):
        from django.db import IntegrityError, transaction

        with pytest.raises(IntegrityError), transaction.atomic():
            RoleAssignment.objects.create(user=UserFactory(), role=Role.HOST)


class TestAccountPolicies:
    def test_operator_admin_appoints_hosts_of_own_offices_only(self, world):
        admin = UserFactory()
        role_assign(user=admin, role=Role.OPERATOR_ADMIN, operator=world["operator"])
        mine = RoleAssignment(user=UserFactory(), role=Role.HOST, office=world["office"])
        theirs = RoleAssignment(user=UserFactory(), role=Role.HOST, office=world["foreign"])
        promotion = RoleAssignment(user=UserFactory(), role=Role.PLATFORM_ADMIN)
        assert account_policies.can_assign_role(admin, mine)
        assert not account_policies.can_assign_role(admin, theirs)
        assert not account_policies.can_assign_role(admin, promotion)

    def test_users_see_only_themselves_and_their_staff(self, world):
        admin = UserFactory()
        role_assign(user=admin, role=Role.OPERATOR_ADMIN, operator=world["operator"])
        staff = UserFactory()
        role_assign(user=staff, role=Role.HOST, office=world["sibling"])
        stranger = UserFactory()
        assert set(account_policies.users_visible(admin)) == {admin, staff}
        assert staff in account_policies.users_visible(admin)
        assert stranger not in account_policies.users_visible(admin)
        assert staff not in account_policies.users_visible(stranger)
        assert not account_policies.can_edit_user(admin, staff)
