"""``publicoffice demo``: load the demo network and print the demo logins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from publicoffice.demo.loader import DEMO_PASSWORD, load_demo, login_rows
from publicoffice.places.holidays_se import holiday_name


class Command(BaseCommand):
    help = (
        "Load a demo network of municipalities, operators and Public Offices, with demo "
        "accounts for every role, a few weeks of visits, bookings and waitlists, two kiosks, a "
        "directory of local people and organisations, a month of events, and members' "
        "proposals with their supports and public answers, a year of history with the reports' "
        "figures and public tables built from it. Safe to run again: it updates the "
        "same rows and generates the demo visits, bookings, profiles, events and proposals "
        "anew."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load even when PUBLICOFFICE_ENV=production (creates a superuser with a "
            "published password).",
        )
        parser.add_argument(
            "--without-visits",
            action="store_true",
            help="No visit history, figures or kiosks.",
        )
        parser.add_argument(
            "--without-bookings",
            action="store_true",
            help="No booking rules, bookings or waitlists.",
        )
        parser.add_argument(
            "--without-community",
            action="store_true",
            help="No directory profiles, contact requests or here-today presences.",
        )
        parser.add_argument(
            "--without-events",
            action="store_true",
            help="No events, event registrations or proposals.",
        )
        parser.add_argument(
            "--without-dialogue",
            action="store_true",
            help="No proposals, supports, arguments or public answers.",
        )
        parser.add_argument(
            "--without-history",
            action="store_true",
            help="No year of past facts, and no report figures or public tables built.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "PRODUCTION", False) and not options["allow_production"]:
            raise CommandError(
                "Refusing to load the demo into production: it creates accounts with a "
                "published password. Pass --allow-production if you really mean it."
            )
        result = load_demo(
            visits=not options["without_visits"],
            bookings=not options["without_bookings"],
            community=not options["without_community"],
            events=not options["without_events"],
            dialogue=not options["without_dialogue"],
            history=not options["without_history"],
        )

        self.stdout.write(
            self.style.SUCCESS(f"Demo network loaded (dates relative to {result.today}).")
        )
        for label, count in result.totals.items():
            self.stdout.write(f"  {count:>4}  {label}")
        self.stdout.write(
            f"  Rows created: {sum(result.created.values())}, "
            f"updated: {sum(result.updated.values())} "
            "(opening hours, their exceptions, the demo visits and bookings are replaced on "
            "every run)."
        )
        for office, day in result.holiday_specials:
            name = holiday_name(day) or ""
            self.stdout.write(f"  Special hours on {name} {day}: {office}.")
        if result.kiosk_links:
            self.stdout.write("")
            self.stdout.write(self.style.WARNING("Kiosk unlock links (demo only):"))
            for office, path in result.kiosk_links:
                self.stdout.write(f"  {office}: {path}")
        self.stdout.write("")
        self.stdout.write(self.style.WARNING(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        self.stdout.write(self.style.WARNING("These are for demos only. Never use them for real."))
        header = ("E-mail", "Password", "Role(s)", "Scope")
        rows = [(email, DEMO_PASSWORD, roles, scope) for email, roles, scope in login_rows()]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for index, row in enumerate([header, *rows]):
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
