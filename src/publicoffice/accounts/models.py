"""People with accounts, and the scoped roles they hold.

Every active account is a *member*. Staff roles are rows of
:class:`RoleAssignment`, each scoped to exactly one office, operator or
municipality (a platform admin has no scope), so a host of office A has no
rights in office B. Exceptions to the rules for staff are *named
permissions* granted on an assignment, never a blanket ``is_staff``.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.languages import LANGUAGES
from publicoffice.core.models import TimeStampedModel
from publicoffice.core.text import one_line


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra["is_superuser"] = True
        user = self._create(email, password, **extra)
        assignment = RoleAssignment(user=user, role=Role.PLATFORM_ADMIN)
        assignment.full_clean()
        assignment.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        # Logins are case-insensitive: "Amina@Example.se" is amina@example.se.
        return self.get(email__iexact=username or "")


#: Where :meth:`User.role_assignments_cached` keeps the rows it loaded.
ROLES_CACHE_ATTRIBUTE = "_publicoffice_roles"


class User(AbstractBaseUser, PermissionsMixin, TimeStampedModel):
    """An account, identified by e-mail. No usernames, no identity numbers."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name to show"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=LANGUAGES, default="sv"
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []  # e-mail and password only

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = type(self).objects.normalize_email(self.email).lower()
        # As profile names: no bidi overrides that turn the page's sentence around.
        self.display_name = one_line(self.display_name)

    @property
    def is_staff(self) -> bool:
        """Admin-site access follows the roles: any staff role, or superuser."""
        return self.is_active and (self.is_superuser or bool(self.role_assignments_cached()))

    def role_assignments_cached(self) -> list[RoleAssignment]:
        """The user's role assignments, loaded once and kept on this object.

        Policies ask many questions about one user per request; the answers all
        come from these few rows. :func:`publicoffice.accounts.roles.forget_roles`
        drops the copy after a change.
        """
        cached: list[RoleAssignment] | None = getattr(self, ROLES_CACHE_ATTRIBUTE, None)
        if cached is None:
            cached = list(
                RoleAssignment.objects.filter(user_id=self.pk).select_related("office", "operator")
            )
            setattr(self, ROLES_CACHE_ATTRIBUTE, cached)
        return cached


class Role(models.TextChoices):
    HOST = "host", _("Host")
    OPERATOR_ADMIN = "operator_admin", _("Operator admin")
    MUNICIPAL_OFFICER = "municipal_officer", _("Municipal officer")
    #: Municipal staff who review the applications they are assigned to, nothing else.
    MUNICIPAL_REVIEWER = "municipal_reviewer", _("Municipal reviewer")
    PLATFORM_ADMIN = "platform_admin", _("Platform admin")


#: Which scope each role needs; exactly that one must be set.
ROLE_SCOPE = {
    Role.HOST: "office",
    Role.OPERATOR_ADMIN: "operator",
    Role.MUNICIPAL_OFFICER: "municipality",
    Role.MUNICIPAL_REVIEWER: "municipality",
    Role.PLATFORM_ADMIN: None,
}


class NamedPermission(models.TextChoices):
    """Exceptions to the rules that staff may be granted one by one."""

    BOOK_OUTSIDE_OPENING_HOURS = "book_outside_opening_hours", _("May book outside opening hours")
    BOOK_ON_BEHALF = "book_on_behalf", _("May book on behalf of a visitor")
    OVERRIDE_BOOKING_RULES = "override_booking_rules", _("May override a booking rule")
    EDIT_OPENING_HOURS = "edit_opening_hours", _("May edit opening hours")
    MANAGE_SPACES = "manage_spaces", _("May add and change spaces")


def _scope_q(role: str, scope: str | None) -> models.Q:
    fields = ("office", "operator", "municipality")
    condition = models.Q(role=role)
    for name in fields:
        condition &= models.Q(**{f"{name}__isnull": name != scope})
    return condition


class RoleAssignment(TimeStampedModel):
    """One role held by one user within one scope."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    office = models.ForeignKey(
        "places.Office",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("office"),
    )
    operator = models.ForeignKey(
        "places.Operator",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("operator"),
    )
    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("municipality"),
    )
    permissions = models.JSONField(
        _("named permissions"),
        default=list,
        blank=True,
        help_text=_("Exceptions to the rules granted to this person in this scope."),
    )

    class Meta:
        ordering = ["user", "role"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    _scope_q(Role.HOST, "office")
                    | _scope_q(Role.OPERATOR_ADMIN, "operator")
                    | _scope_q(Role.MUNICIPAL_OFFICER, "municipality")
                    | _scope_q(Role.MUNICIPAL_REVIEWER, "municipality")
                    | _scope_q(Role.PLATFORM_ADMIN, None)
                ),
                name="role_assignment_scope_matches_role",
            ),
            models.UniqueConstraint(
                fields=["user", "office"],
                condition=models.Q(role=Role.HOST),
                name="role_unique_host_per_office",
            ),
            models.UniqueConstraint(
                fields=["user", "operator"],
                condition=models.Q(role=Role.OPERATOR_ADMIN),
                name="role_unique_admin_per_operator",
            ),
            models.UniqueConstraint(
                fields=["user", "municipality"],
                condition=models.Q(role=Role.MUNICIPAL_OFFICER),
                name="role_unique_officer_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(role=Role.PLATFORM_ADMIN),
                name="role_unique_platform_admin",
            ),
        ]

    def __str__(self) -> str:
        scope = self.office or self.operator or self.municipality
        label = self.get_role_display()
        return f"{self.user}: {label}" + (f" ({scope})" if scope else "")

    def clean(self) -> None:
        needed = ROLE_SCOPE.get(Role(self.role)) if self.role in Role.values else None
        scopes = {
            "office": self.office_id,
            "operator": self.operator_id,
            "municipality": self.municipality_id,
        }
        errors: dict[str, str] = {}
        for name, value in scopes.items():
            if name == needed and value is None:
                errors[name] = str(_("This role needs a %(scope)s.") % {"scope": name})
            if name != needed and value is not None:
                errors[name] = str(_("This role is not scoped to a %(scope)s.") % {"scope": name})
        unknown = [p for p in self.permissions or [] if p not in NamedPermission.values]
        if unknown:
            errors["permissions"] = str(_("Unknown permission: %(name)s") % {"name": unknown[0]})
        if errors:
            raise ValidationError(errors)


class ApiToken(models.Model):
    """A personal key for the API, for members' own scripts and apps.

    Only its SHA-256 is kept; the key is shown once when it is made.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return self.name
