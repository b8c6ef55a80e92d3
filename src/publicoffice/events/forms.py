"""Forms of the event pages.

They check only the shape of the input and turn a day and wall-clock times
in Stockholm into aware datetimes, the way the booking forms do. Whether a
room is free, whether the seats fit the room, whether the time is in the
future: all of that is the service's to decide (it says why in words, and
the page shows its answer next to the field it concerns).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from publicoffice.core.forms import DateInput, TimeInput
from publicoffice.core.time_format import local_moment, missing_time_message
from publicoffice.events import selectors
from publicoffice.events.models import (
    LONGEST_EVENT_DAYS,
    MOST_ATTENDANCE,
    Audience,
    Event,
    EventStatus,
)
from publicoffice.places.models import Language, Office, Space

#: The largest number of seats typed in before it must be a typo.
MAX_SEATS = 10_000
#: Time steps offered by the time inputs: events start on the quarter hour.
STEP_MINUTES = 15


class RoomChoiceField(forms.ModelChoiceField[Space]):
    """Rooms named with their size, so the host sees how many seats fit."""

    def label_from_instance(self, obj: Space) -> str:
        return ngettext("%(name)s (%(seats)d seat)", "%(name)s (%(seats)d seats)", obj.capacity) % {
            "name": obj.name,
            "seats": obj.capacity,
        }


class LanguageChoiceField(forms.ModelMultipleChoiceField):
    """Languages by their own name: a speaker of Tigrinya finds ትግርኛ."""

    def label_from_instance(self, obj: Language) -> str:
        return str(obj.endonym or obj.name)


class EventForm(forms.Form):
    """What a host fills in to create or change an event."""

    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happens, who it is for, what to bring. Any language is fine."),
    )
    day = forms.DateField(label=_("Day"), widget=DateInput())
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput(STEP_MINUTES))
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput(STEP_MINUTES))
    end_day = forms.DateField(
        label=_("Ends on another day"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty when the event ends the same day."),
    )
    space = RoomChoiceField(
        label=_("Room"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("No room (somewhere else in the office)"),
        help_text=_("The room is booked for the event, so nobody else can book it then."),
    )
    capacity = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        max_value=MAX_SEATS,
        required=False,
        help_text=_("Leave empty when anyone can come. At most as many as the room holds."),
    )
    languages = LanguageChoiceField(
        label=_("Languages spoken at the event"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.ChoiceField(
        label=_("For whom"), choices=Audience.choices, initial=Audience.EVERYONE
    )
    accessibility_notes = forms.CharField(
        label=_("Accessibility"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: sign language interpreter, hearing loop, step-free room."),
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        space = self.fields["space"]
        assert isinstance(space, forms.ModelChoiceField)
        space.queryset = selectors.event_rooms(office)
        languages = self.fields["languages"]
        assert isinstance(languages, forms.ModelMultipleChoiceField)
        languages.queryset = selectors.languages()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            end_day: date = data.get("end_day") or day
            missing = {"start": missing_time_message(day, start)}
            missing["end"] = missing_time_message(end_day, end)
            for name, message in missing.items():
                if message:
                    self.add_error(name, message)
            if any(missing.values()):
                return data
            starts_at = local_moment(day, start)
            ends_at = local_moment(end_day, end)
            if ends_at <= starts_at:
                self.add_error("end", _("The end must come after the start."))
            elif ends_at - starts_at > timedelta(days=LONGEST_EVENT_DAYS):
                self.add_error(
                    "end_day",
                    _("An event can last at most %(days)d days. Make a series of events instead.")
                    % {"days": LONGEST_EVENT_DAYS},
                )
            else:
                data["starts_at"] = starts_at
                data["ends_at"] = ends_at
        return data

    def event_fields(self) -> dict[str, Any]:
        """The cleaned input as the keyword arguments the services take."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "space": data.get("space"),
            "capacity": data.get("capacity"),
            "languages": list(data["languages"]),
            "audience": data["audience"],
            "accessibility_notes": data["accessibility_notes"],
        }

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        """The form filled in from an event, in Stockholm wall-clock time."""
        start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        return {
            "title": event.title,
            "description": event.description,
            "day": start.date(),
            "start": _minute(start),
            "end": _minute(end),
            "end_day": end.date() if end.date() != start.date() else None,
            "space": event.space_id,
            "capacity": event.capacity,
            "languages": [language.code for language in event.languages.all()],
            "audience": event.audience,
            "accessibility_notes": event.accessibility_notes,
        }


def _minute(moment: datetime) -> time:
    return moment.time().replace(second=0, microsecond=0)


class EventChangeForm(EventForm):
    """A host changes a published event: the same fields and a note for those registered."""

    note = forms.CharField(
        label=_("What changed?"),
        max_length=300,
        required=False,
        help_text=_(
            "Sent to everyone registered and shown on the event page when the time or room "
            "changes, for example “Moved to the hall: more room”."
        ),
    )

    def event_fields(self) -> dict[str, Any]:
        fields = super().event_fields()
        if self.cleaned_data.get("note"):
            fields["note"] = self.cleaned_data["note"]
        return fields


class StatusForm(forms.Form):
    """Cancel, postpone or move an event, and say why or where to."""

    status = forms.ChoiceField(
        label=_("What happens to the event?"),
        choices=EventStatus.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("About the change"),
        max_length=300,
        required=False,
        help_text=_("Why it was cancelled, or where and when it happens now. Everyone sees this."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        status = data.get("status")
        if status in (EventStatus.MOVED, EventStatus.POSTPONED) and not data.get("note"):
            self.add_error(
                "note", _("Say where or when the event happens now, so people can find it.")
            )
        return data


class AttendanceForm(forms.Form):
    """How many came: one whole number, checked here so a typo never reaches the service.

    Digits of any script Python reads (Arabic-Indic, Persian) are accepted;
    the limits are checked here rather than by ``min_value``/``max_value``
    so the message names the range in words every language has.
    """

    attendance = forms.IntegerField(
        label=_("How many came?"),
        help_text=_(
            "Count everyone who took part. You can correct it later: the last number counts."
        ),
        widget=forms.NumberInput(attrs={"min": 0, "max": MOST_ATTENDANCE, "inputmode": "numeric"}),
        error_messages={
            "required": _("Say how many came: 0 if nobody did."),
            "invalid": _("Give the number of people as a whole number."),
        },
    )

    def clean_attendance(self) -> int:
        value = int(self.cleaned_data["attendance"])
        if value < 0 or value > MOST_ATTENDANCE:
            raise forms.ValidationError(
                gettext("Give a number from 0 to %(count)d.") % {"count": MOST_ATTENDANCE},
                code="out_of_range",
            )
        return value


class EventFilterForm(forms.Form):
    """The filters of the event list. An unknown value is reported and ignored."""

    office: forms.ModelChoiceField[Office] = forms.ModelChoiceField(
        label=_("Office"),
        queryset=Office.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All offices"),
    )
    audience = forms.ChoiceField(
        label=_("For whom"), choices=[("", _("All groups"))], required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any language"))], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = self.fields["office"]
        assert isinstance(office, forms.ModelChoiceField)
        office.queryset = selectors.offices_public()
        audience = self.fields["audience"]
        assert isinstance(audience, forms.ChoiceField)
        audience.choices = [("", _("All groups")), *Audience.choices]
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [("", _("Any language"))] + [
            (row.code, row.endonym or row.name) for row in selectors.languages()
        ]

    def filters(self) -> dict[str, Any]:
        """The valid filters as selector arguments; invalid ones are dropped."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}
