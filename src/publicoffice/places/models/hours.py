"""Opening hours as data: a weekly pattern plus dated exceptions.

Swedish public holidays are not stored: they come from the ``holidays``
package, and an office is closed on them unless a dated exception says
otherwise. The calculations live in :mod:`publicoffice.places.opening_hours`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models.offices import Office


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WeeklyHours(models.Model):
    """One opening interval on a weekday; a day may have several (lunch break)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="weekly_hours", verbose_name=_("office")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["office", "weekday", "opens"]
        verbose_name = _("weekly opening hours")
        verbose_name_plural = _("weekly opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="weekly_hours_closes_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError(
                {"closes": _("Closing time must be after opening time.")}, code="hours_order"
            )


class HoursException(TimeStampedModel):
    """A dated change to the weekly pattern: closed, or special hours.

    Several rows on one date give several special intervals. A row that says
    closed wins over special hours on the same date.
    """

    office = models.ForeignKey(
        Office,
        on_delete=models.CASCADE,
        related_name="hours_exceptions",
        verbose_name=_("office"),
    )
    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["office", "date", "opens"]
        verbose_name = _("exception to opening hours")
        verbose_name_plural = _("exceptions to opening hours")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(is_closed=True, opens__isnull=True, closes__isnull=True)
                    | models.Q(
                        is_closed=False,
                        opens__isnull=False,
                        closes__isnull=False,
                        closes__gt=models.F("opens"),
                    )
                ),
                name="hours_exception_closed_or_interval",
            ),
        ]

    def __str__(self) -> str:
        if self.is_closed:
            return f"{self.date}: {_('closed')}"
        return f"{self.date}: {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.is_closed:
            if self.opens or self.closes:
                raise ValidationError(
                    _("A closed day has no opening or closing time."), code="exception_closed"
                )
            return
        if self.opens is None or self.closes is None:
            raise ValidationError(
                _("Give both opening and closing time, or mark the day as closed."),
                code="exception_incomplete",
            )
        if self.closes <= self.opens:
            raise ValidationError(
                {"closes": _("Closing time must be after opening time.")}, code="hours_order"
            )
