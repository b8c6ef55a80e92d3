"""Demo planning: a synthetic grid, candidate sites and two scenarios already run.

So that an officer who logs in (``officer.sodertalje@`` or
``officer.botkyrka@``) finds answers at once, each of Södertälje and Botkyrka
gets, through the planning services as an officer would make them:

1. a synthetic population grid around its offices
   (:func:`publicoffice.planning.synthetic.generate_grid`, a fixed seed, so
   every load gives the same residents; marked synthetic, never real people);
2. its open and planned offices as sites, three addresses an officer typed,
   and a short imported list of the municipality's premises with capacities;
3. two scenarios, "two new offices within a 15-minute walk" (maximal
   covering, the offices kept open) and the same with three, each run once.

The grids are small (250 m cells a few kilometres around the offices) and
the runs are answered inline, so this adds a couple of seconds to a load.
On every load the demo municipalities' scenarios, sites and synthetic grids
are deleted and made again (:func:`clear_planning`); another municipality's
planning is left alone.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from publicoffice.accounts.models import User
from publicoffice.core import csv_safe
from publicoffice.demo import people
from publicoffice.places.models import Municipality
from publicoffice.planning import synthetic
from publicoffice.planning.models import (
    Candidate,
    DemandKind,
    DemandSource,
    PlanningModel,
    ReachKind,
    Run,
    RunStatus,
    Scenario,
)
from publicoffice.planning.services import candidates as candidate_services
from publicoffice.planning.services import runs as run_services
from publicoffice.planning.services import scenarios as scenario_services

#: The seed of every demo grid: the same residents on every load.
SEED = 17

#: (name, address, latitude, longitude) of the addresses the officer typed.
PROPOSED: dict[str, list[tuple[str, str, str, str]]] = {
    "0181": [
        ("Södertälje centrum", "Storgatan 20, Södertälje", "59.196000", "17.627000"),
        ("Brunnsäng", "Brunnsängstorget 3, Södertälje", "59.183000", "17.619000"),
        ("Fornhöjden", "Fornhöjdsvägen 10, Södertälje", "59.179000", "17.601000"),
    ],
    "0127": [
        ("Norsborg", "Eriksbergsplan 2, Norsborg", "59.244000", "17.833000"),
        ("Tullinge", "Tullinge torg 1, Tullinge", "59.205000", "17.903000"),
        ("Storvreten", "Storvretstorget 5, Tumba", "59.188000", "17.824000"),
    ],
}

#: The imported list of premises: its name and (id, name, address, lat, lon, capacity) rows.
PREMISES: dict[str, tuple[str, list[tuple[str, str, str, str, str, int]]]] = {
    "0181": (
        "Kommunens lokaler 2026",
        [
            (
                "STJ-101",
                "Västergårds skola, paviljong",
                "Västergård",
                "59.192500",
                "17.597500",
                120,
            ),
            ("STJ-102", "Saltskogs fritidsgård", "Saltskog", "59.206000", "17.632000", 80),
            ("STJ-103", "Pershagens bibliotek", "Pershagen", "59.156500", "17.656000", 150),
            ("STJ-104", "Blombackas kvarterslokal", "Blombacka", "59.180000", "17.588000", 60),
        ],
    ),
    "0127": (
        "Kommunens lokaler 2026",
        [
            ("BOT-201", "Hallunda folkets hus, sal 2", "Hallunda", "59.243500", "17.826500", 100),
            ("BOT-202", "Alby bibliotek, studierum", "Alby", "59.238500", "17.848000", 60),
            ("BOT-203", "Vårsta fritidsgård", "Vårsta", "59.170000", "17.800000", 80),
        ],
    ),
}

#: (new sites, name, description) of the scenarios, all within a 15-minute walk.
SCENARIOS = [
    (
        2,
        "Två nya kontor inom 15 minuters promenad",
        "Var når två nya kontor flest invånare inom en kvarts promenad, "
        "när de kontor vi har finns kvar?",
    ),
    (
        3,
        "Tre nya kontor inom 15 minuters promenad",
        "Samma fråga med tre nya kontor: hur många fler når det tredje?",
    ),
]


@dataclass
class PlanningResult:
    """What the demo planning wrote, for the totals ``publicoffice demo`` prints."""

    counts: Counter[str] = field(default_factory=Counter)

    def totals(self) -> dict[str, int]:
        return {f"planning: {label}": n for label, n in self.counts.items()}


def officer_of(code: str) -> User:
    """The demo's officer of the municipality with this code."""
    email = next(
        str(spec["email"])
        for spec in people.USERS
        if any(
            role["role"] == "municipal_officer" and role.get("municipality") == code
            for role in spec["roles"]  # type: ignore[attr-defined]
        )
    )
    return User.objects.get(email=email)


def clear_planning(municipality: Municipality) -> None:
    """Delete the municipality's scenarios (with their runs), sites and synthetic grids."""
    Scenario.objects.filter(municipality=municipality).delete()
    Candidate.objects.filter(municipality=municipality).delete()
    DemandSource.objects.filter(municipality=municipality, kind=DemandKind.SYNTHETIC).delete()


def _premises_file(folder: str, rows: list[tuple[str, str, str, str, str, int]]) -> Path:
    path = Path(folder) / "premises.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_safe.writer(handle)
        writer.writerow(["id", "name", "address", "latitude", "longitude", "capacity"])
        writer.writerows(rows)
    return path


def _sites(municipality: Municipality, officer: User) -> tuple[list[Candidate], list[Candidate]]:
    """The offices (kept open) and the pool: typed addresses and imported premises."""
    kept = candidate_services.candidates_from_offices(municipality, by=officer)
    pool = [
        candidate_services.candidate_propose(
            municipality=municipality,
            name=name,
            address=address,
            latitude=latitude,
            longitude=longitude,
            by=officer,
        )
        for name, address, latitude, longitude in PROPOSED[municipality.code]
    ]
    batch, rows = PREMISES[municipality.code]
    with tempfile.TemporaryDirectory() as folder:
        pool += candidate_services.candidates_import(
            municipality=municipality, batch=batch, path=_premises_file(folder, rows), by=officer
        )
    return kept, pool


def _run(scenario: Scenario, officer: User) -> Run:
    """A run answered now: inline when small, else executed here rather than by the worker."""
    run = run_services.run_start(scenario=scenario, by=officer)
    if run.status == RunStatus.QUEUED:
        run_services.run_execute(run.pk)
        run.refresh_from_db()
    return run


def load_municipality(municipality: Municipality, result: PlanningResult) -> list[Scenario]:
    """One municipality's grid, sites and scenarios, made again from scratch."""
    officer = officer_of(municipality.code)
    clear_planning(municipality)
    source = synthetic.generate_grid(municipality, seed=SEED, by=officer)
    kept, pool = _sites(municipality, officer)
    result.counts["grid cells"] += source.cell_count
    result.counts["candidate sites"] += len(kept) + len(pool)
    scenarios = []
    for sites, name, description in SCENARIOS:
        scenario = scenario_services.scenario_save(
            by=officer,
            municipality=municipality,
            name=name,
            description=description,
            model=PlanningModel.MAX_COVER,
            demand=source,
            sites=sites,
            reach=ReachKind.STRAIGHT,
            preset="walk",
            candidates=pool,
            fixed=kept,
        )
        run = _run(scenario, officer)
        result.counts["scenarios"] += 1
        result.counts[f"runs {run.status}"] += 1
        scenarios.append(scenario)
    return scenarios


def load_planning() -> PlanningResult:
    """The demo's planning for every municipality that has one in :data:`PROPOSED`."""
    result = PlanningResult()
    for municipality in Municipality.objects.filter(code__in=PROPOSED).order_by("code"):
        load_municipality(municipality, result)
    return result
