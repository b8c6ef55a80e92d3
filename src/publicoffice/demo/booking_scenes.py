"""The demo's booking story: what the demo logins find when they look.

amina@ and johan@ (members) have bookings they went to, one amina missed
(a no-show), one johan cancelled, coming ones this week and next, a hall
booking of johan's waiting for approval and one of amina's turned down.
Both wait for a taken meeting room at Ronna, and a freed room at Fittja is
offered to amina. The Ronna host has booked for a visitor and, overriding
the opening hours with a reason, for amina after closing time; the Fittja
host approved a hall booking and has a visitor coming.

Each scene finds the first day near its wanted offset on which the office is
open for the wanted hours, so the story works whatever day the demo is
loaded. A scene whose office or space is missing is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from publicoffice.accounts.models import User
from publicoffice.bookings import waitlist
from publicoffice.bookings.rules import Rules
from publicoffice.demo.booking_calendar import (
    MINUTE,
    Calendar,
    Plan,
    is_open,
    open_periods,
    wall,
)
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.places.models import Space, SpaceKind

Clock = tuple[int, int]


class Scenes:
    def __init__(
        self,
        calendar: Calendar,
        spaces: list[Space],
        rules: dict[int, Rules],
        approvers: dict[int, list[User]],
        today: date,
    ) -> None:
        self.calendar = calendar
        self.now = calendar.now
        self.spaces = spaces
        self.rules = rules
        self.approvers = approvers
        self.today = today
        emails = [f"{name}@{DEMO_DOMAIN}" for name in ("amina", "johan", "host.ronna")]
        emails.append(f"host.fittja@{DEMO_DOMAIN}")
        users = {u.email: u for u in User.objects.filter(email__in=emails)}
        self.amina = users.get(emails[0])
        self.johan = users.get(emails[1])
        self.host_ronna = users.get(emails[2])
        self.host_fittja = users.get(emails[3])

    # -- finding places and times ---------------------------------------------------

    def space(self, slug: str, kind: str, index: int = 0) -> Space | None:
        found = [s for s in self.spaces if s.office.slug == slug and s.kind == kind]
        return found[index] if index < len(found) else None

    def day(self, space: Space, offsets: Iterable[int], start: Clock, end: Clock) -> date | None:
        """The first day at one of ``offsets`` from today when the hours are open and free."""
        for offset in offsets:
            day = self.today + timedelta(days=offset)
            starts_at, ends_at = wall(day, *start), wall(day, *end)
            held = ends_at + self.rules[space.pk].buffer_minutes * MINUTE
            if is_open(space.office, starts_at, ends_at) and self.calendar.is_free(
                space, starts_at, held
            ):
                return day
        return None

    def plan(
        self,
        space: Space | None,
        offsets: Iterable[int],
        start: Clock,
        end: Clock,
        *,
        member: User | None,
        booked: timedelta,
        actor: User | None = None,
        visitor_name: str = "",
        attendees: int = 1,
        purpose: str = "",
    ) -> Plan | None:
        """Book ``space`` on the first fitting day, ``booked`` before the start (or now)."""
        if space is None or (member is None and actor is None):
            return None
        day = self.day(space, offsets, start, end)
        if day is None:
            return None
        starts_at, ends_at = wall(day, *start), wall(day, *end)
        made = min(starts_at - booked, self.now - 5 * MINUTE)
        plan = Plan(
            space,
            starts_at,
            ends_at,
            made,
            [member],
            actor=actor,
            visitor_name=visitor_name,
            attendees=attendees,
            purpose=purpose,
        )
        return self.calendar.book(plan, self.rules[space.pk])

    # -- the story ---------------------------------------------------------------

    def play(self) -> None:
        self.history()
        self.coming()
        self.halls()
        self.waitlists()
        self.hosts()

    def history(self) -> None:
        past = range(-2, -11, -1)
        calendar, amina, johan = self.calendar, self.amina, self.johan
        desk = self.space("ronna", SpaceKind.DESK)
        went = self.plan(desk, past, (9, 0), (13, 0), member=amina, booked=timedelta(days=2))
        if went:
            calendar.check_in(went, -5)
        # Booked, and then never came: released as a no-show.
        room = self.space("ronna", SpaceKind.MEETING_ROOM)
        self.plan(
            room, range(-3, -11, -1), (14, 0), (15, 0), member=amina, booked=timedelta(hours=20)
        )
        alby = self.space("alby", SpaceKind.MEETING_ROOM)
        went = self.plan(
            alby,
            range(-6, -13, -1),
            (17, 0),
            (19, 0),
            member=amina,
            booked=timedelta(days=1),
            attendees=5,
            purpose="Läxhjälp för grannarnas barn",
        )
        if went:
            calendar.check_in(went, 2)
        big = self.space("fittja", SpaceKind.MEETING_ROOM, 1)
        went = self.plan(
            big,
            past,
            (18, 0),
            (20, 0),
            member=johan,
            booked=timedelta(days=3),
            attendees=7,
            purpose="Styrelsemöte i kooperativet",
        )
        if went:
            calendar.check_in(went, -10)
        desk = self.space("flemingsberg", SpaceKind.DESK)
        dropped = self.plan(
            desk, range(-4, -11, -1), (8, 0), (16, 0), member=johan, booked=timedelta(days=3)
        )
        if dropped:
            calendar.cancel(dropped, dropped.starts_at - timedelta(hours=15))

    def coming(self) -> None:
        desk = self.space("ronna", SpaceKind.DESK, 1)
        self.plan(desk, range(1, 7), (9, 0), (12, 0), member=self.amina, booked=timedelta(days=2))
        desk = self.space("fittja", SpaceKind.DESK)
        self.plan(
            desk,
            range(7, 14),
            (10, 0),
            (16, 0),
            member=self.johan,
            booked=timedelta(days=8),
            purpose="Skriver affärsplan",
        )

    def halls(self) -> None:
        calendar = self.calendar
        # Approved last week by the Fittja host, and attended.
        hall = self.space("hallunda", SpaceKind.HALL)
        if hall is not None and self.host_fittja is not None:
            went = self.plan(
                hall,
                range(-3, -12, -1),
                (13, 0),
                (16, 0),
                member=self.johan,
                booked=timedelta(days=8),
                attendees=18,
                purpose="Föreningens årsmöte",
            )
            if went:
                calendar.decide(
                    went, went.booked_at + timedelta(hours=20), self.host_fittja, approve=True
                )
                calendar.check_in(went, -5)
        # Waiting for the Ronna operator to approve it.
        hall = self.space("ronna-traffpunkt", SpaceKind.HALL)
        self.plan(
            hall,
            range(4, 21),
            (16, 0),
            (19, 0),
            member=self.johan,
            booked=timedelta(days=5),
            attendees=25,
            purpose="Kulturkväll med grannarna",
        )
        # Turned down, with a reason.
        hall = self.space("varby-gard", SpaceKind.HALL)
        approvers = self.approvers.get(hall.office_id, []) if hall is not None else []
        refused = self.plan(
            hall,
            range(5, 21),
            (16, 0),
            (19, 0),
            member=self.amina,
            booked=timedelta(days=12),
            attendees=30,
            purpose="Somaliska föreningens fest",
        )
        if refused and approvers:
            thought = min(timedelta(hours=22), (self.now - refused.booked_at) / 2)
            calendar.decide(
                refused,
                refused.booked_at + thought,
                approvers[0],
                approve=False,
                reason="Salen är redan lovad till Vårby gårds höstmarknad den dagen.",
            )

    def waitlists(self) -> None:
        calendar, amina, johan = self.calendar, self.amina, self.johan
        # A taken room: the Ronna host booked it for a visitor; amina and johan wait.
        room = self.space("ronna", SpaceKind.MEETING_ROOM)
        taken = self.plan(
            room,
            range(5, 13),
            (13, 0),
            (15, 0),
            member=None,
            actor=self.host_ronna,
            visitor_name="Abdi",
            booked=timedelta(days=6),
            purpose="Möte med Arbetsförmedlingen",
        )
        if taken is not None:
            for member, hours in ((amina, 50), (johan, 26)):
                if member is not None:
                    self.wait(taken, member, self.now - timedelta(hours=hours))
        # A freed room: johan cancels, and amina, first in line, is offered it.
        small = self.space("fittja", SpaceKind.MEETING_ROOM)
        freed = self.plan(
            small, range(2, 11), (10, 0), (11, 0), member=johan, booked=timedelta(days=5)
        )
        if freed is not None and amina is not None:
            self.wait(freed, amina, self.now - timedelta(days=3))
            calendar.cancel(freed, self.now - 20 * MINUTE)

    def wait(self, plan: Plan, member: User, at: datetime) -> None:
        def act(when: datetime) -> None:
            waitlist.waitlist_join(
                space=plan.space,
                member=member,
                starts_at=plan.starts_at,
                ends_at=plan.ends_at,
                at=when,
            )

        self.calendar.on(max(at, plan.booked_at + MINUTE), act)

    def hosts(self) -> None:
        calendar = self.calendar
        # After closing time, for amina: the host overrides the opening hours.
        room = self.space("ronna", SpaceKind.MEETING_ROOM)
        if room is not None and self.host_ronna is not None:
            for offset in range(1, 14):
                day = self.today + timedelta(days=offset)
                periods = open_periods(room.office, day)
                if not periods:
                    continue
                closes = periods[-1][1]
                start, end = closes - 60 * MINUTE, closes + 60 * MINUTE
                if calendar.is_free(room, start, end):
                    plan = Plan(
                        room,
                        start,
                        end,
                        self.now - timedelta(hours=20),
                        [self.amina],
                        actor=self.host_ronna,
                        attendees=6,
                        purpose="Läxhjälp",
                        override_reason="Läxhjälp som personalen håller i efter stängning",
                    )
                    calendar.book(plan, self.rules[room.pk])
                    break
        # A visitor coming to the Fittja workshop.
        workshop = self.space("fittja", SpaceKind.WORKSHOP)
        self.plan(
            workshop,
            range(1, 7),
            (18, 0),
            (20, 0),
            member=None,
            actor=self.host_fittja,
            visitor_name="Reza",
            booked=timedelta(hours=5),
            attendees=3,
            purpose="Syr gardiner till föreningslokalen",
        )
        self.here_now()

    def here_now(self) -> None:
        """A visitor at a Ronna desk right now, checked in by the host."""
        desk = self.space("ronna", SpaceKind.DESK)
        if desk is None or self.host_ronna is None:
            return
        for opens, closes in open_periods(desk.office, self.today):
            if not opens <= self.now < closes:
                continue
            local = self.now.astimezone(opens.tzinfo)
            slot = local.replace(minute=local.minute - local.minute % 30, second=0, microsecond=0)
            start = max(opens, slot - 60 * MINUTE)
            end = min(closes, start + 180 * MINUTE)
            if end - start < 60 * MINUTE or not self.calendar.is_free(desk, start, end):
                return
            plan = Plan(
                desk,
                start,
                end,
                start - timedelta(hours=2),
                [None],
                actor=self.host_ronna,
                visitor_name="Maryam",
                purpose="Jobbsökning",
            )
            self.calendar.book(plan, self.rules[desk.pk])
            self.calendar.check_in(plan, 5)
