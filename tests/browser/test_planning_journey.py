"""Planning from a population grid to the answer, in a real browser.

Södertälje's officer, reading Swedish, asks "with two more offices, where do
we reach the most residents within a 15-minute walk?". She uploads a small
grid as CSV (four clusters of residents 3 km apart, see
``planning_fixtures``), proposes three addresses by their latitude and
longitude, adds the existing office, saves and runs a two-site maximal
covering scenario, copies it as a three-site one and runs that, compares
the two and reads who gains access. The figures on the pages are checked
against what the grid says they must be, not only that they show. A run
left in the queue is cancelled from its progress page.

Every text is looked up with ``gettext`` in the page's language, so the test
speaks the translation, whatever it says. Tasks run at once (the import is a
background task), as the request that queues them ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from publicoffice.planning.models import (
    Candidate,
    CandidateKind,
    DemandSource,
    ImportStatus,
    Run,
    RunStatus,
    Scenario,
)
from tests.browser.conftest import assert_page_healthy
from tests.browser.planning_fixtures import (
    CELLS_PER_CLUSTER,
    CLUSTERS,
    IMMEDIATE_TASKS,
    SITES,
    Planning,
    PlanningWorld,
    cells_of,
    cluster_cells,
    district_of,
    latlon_at,
    residents_of,
    site_offset,
)
from tests.browser.planning_fixtures import (
    planning_people_only as planning_people_only,  # the fixture
)
from tests.browser.planning_fixtures import planning_world as planning_world  # the fixture
from tests.planning.conftest import centre

GRID_NAME = "Befolkning Södertälje 250 m"
TWO, THREE = "Två nya kontor inom en kvarts promenad", "Tre nya kontor inom en kvarts promenad"
PROPOSED = ("Västra torget", "Östra torget", "Norra skolan")


def _(message: str, language: str = "sv") -> str:
    """A message as the pages show it in ``language``."""
    with translation.override(language):
        return gettext(message)


def _label(choice: Any, language: str = "sv") -> str:
    with translation.override(language):
        return str(choice.label)


def _number(value: int, language: str = "sv") -> str:
    """A count as the result pages write it (``floatformat:"0g"``: grouped digits)."""
    with translation.override(language):
        return str(floatformat(value, "0g"))


def _grid_csv(folder: Path) -> Path:
    """The clusters as an officer's CSV: cell id, SWEREF 99 TM centre, residents, age bands."""
    x0, y0 = centre()
    lines = ["id;x;y;population;district;age_0_64;age_65_plus"]
    for index, (dx, dy, residents) in enumerate(cluster_cells()):
        older = residents // 4
        district = district_of(dx)
        lines.append(
            f"c{index};{x0 + dx};{y0 + dy};{residents};{district};{residents - older};{older}"
        )
    path = folder / "befolkning.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _imports_the_grid(page: Any, base: str, folder: Path) -> DemandSource:
    page.goto(f"{base}/sv/planning/population/")
    page.get_by_role("link", name=_("Import a population grid")).click()
    page.locator("#id_name").fill(GRID_NAME)
    page.locator("#id_kind").select_option("csv")
    page.locator("#id_file").set_input_files(str(_grid_csv(folder)))
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Import"), exact=True).click()
    # The task ran as the upload's request committed: the source's page shows it ready.
    expect(page.locator("h1")).to_have_text(GRID_NAME)
    expect(page.locator("main dl").first).to_contain_text(_label(ImportStatus.READY))
    expect(page.locator("main")).to_contain_text(_number(residents_of(*CLUSTERS)))
    source = DemandSource.objects.get(name=GRID_NAME)
    source.refresh_from_db()
    assert source.status == ImportStatus.READY, (source.error_code, source.error_message)
    assert source.cell_count == len(CLUSTERS) * CELLS_PER_CLUSTER
    assert source.population == residents_of(*CLUSTERS)
    assert [group["key"] for group in source.groups] == ["age_0_64", "age_65_plus"]
    return source


def _proposes(page: Any, base: str) -> None:
    for name in PROPOSED:
        page.goto(f"{base}/sv/planning/sites/new/")
        expect(page.locator("h1")).to_have_text(_("Propose an address"))
        latitude, longitude = latlon_at(*site_offset(name))
        page.locator("#id_name").fill(name)
        page.locator("#id_address").fill(SITES[name][0])
        page.locator("#id_latitude").fill(str(latitude))
        page.locator("#id_longitude").fill(str(longitude))
        page.locator("main form[novalidate] button[type=submit]").click()
        expect(page.locator("main table th[scope=row]", has_text=name)).to_be_visible()
    page.get_by_role("button", name=_("Add existing offices")).click()
    row = page.locator("main table tbody tr", has_text="Ronna kontor")
    expect(row).to_contain_text(_label(CandidateKind.EXISTING))
    assert_page_healthy(page)
    kinds = dict(Candidate.objects.values_list("name", "kind"))
    assert kinds == {**dict.fromkeys(PROPOSED, CandidateKind.PROPOSED), "Ronna kontor": "existing"}


def _result_figures(page: Any, new: list[str], reached: int) -> None:
    """The result page: the new sites, and who gains access, in words and per district.

    The sites open at the centre of the clusters they serve; Hovsjö gains
    the east cluster and the eastern column of the north one.
    """
    expect(page.locator("h1")).to_contain_text(_("Result: %(name)s") % {"name": ""})
    sites = page.locator("section[aria-labelledby=sites-heading] tbody tr")
    expect(sites).to_have_count(len(new) + 1)  # and the office kept open
    for name in new:
        expect(sites.filter(has_text=name)).to_contain_text(_("new"))
    gained = reached - residents_of("centre")
    gains = page.locator("section[aria-labelledby=gains-heading]")
    expect(gains).to_contain_text(_number(gained))
    expect(gains.locator("tbody tr")).to_have_count(CELLS_PER_CLUSTER * len(new))
    served = [cluster for name in new if (cluster := SITES[name][1])]
    hovsjo = sum(r for c in served for dx, _dy, r in cells_of(c) if district_of(dx) == "Hovsjö")
    districts = page.locator("section[aria-labelledby=districts-heading] tbody tr")
    expect(districts.filter(has_text="Hovsjö").locator("td").last).to_have_text(_number(hovsjo))
    expect(page.locator("#result-map .leaflet-marker-icon")).to_have_count(len(new) + 1)


def _scenario_runs(page: Any, source: DemandSource) -> Run:
    """Run the scenario on its page; small, it is answered while the page waits."""
    page.get_by_role("button", name=_("Run"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/sv/planning/runs/\d+/$"))
    run = Run.objects.order_by("-pk").first()
    assert run is not None and run.status == RunStatus.DONE, run and run.error_code
    assert run.scenario.demand_id == source.pk
    return run


def _creates_and_runs(page: Any, base: str, source: DemandSource) -> Run:
    page.goto(f"{base}/sv/planning/scenarios/new/")
    page.locator("#id_name").fill(TWO)
    page.locator("#id_demand").select_option(str(source.pk))
    # The form starts with the question asked here: two new sites, a walk, the office kept.
    expect(page.locator("input[name=model][value=max_cover]")).to_be_checked()
    expect(page.locator("#id_sites")).to_have_value("2")
    expect(page.locator("input[name=reach_choice][value=walk]")).to_be_checked()
    office = Candidate.objects.get(kind=CandidateKind.EXISTING)
    expect(page.locator(f"input[name=fixed][value='{office.pk}']")).to_be_checked()
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Save the scenario")).click()
    expect(page.locator("h1")).to_have_text(TWO)
    run = _scenario_runs(page, source)
    assert run.objective == residents_of("centre", "west", "east")
    assert run.gap == 0
    _result_figures(page, ["Västra torget", "Östra torget"], residents_of("centre", "west", "east"))
    return run


def _copies_with_three_sites(page: Any, base: str, two: Run, source: DemandSource) -> Run:
    page.goto(f"{base}/sv/planning/scenarios/{two.scenario_id}/")
    page.get_by_role("button", name=_("Copy the scenario")).click()
    expect(page.locator("#id_name")).to_be_visible()
    page.locator("#id_name").fill(THREE)
    page.locator("#id_sites").fill("3")
    page.get_by_role("button", name=_("Save the scenario")).click()
    expect(page.locator("h1")).to_have_text(THREE)
    three = Scenario.objects.get(name=THREE)
    assert three.sites == 3 and three.preset == "walk"
    run = _scenario_runs(page, source)
    assert run.objective == residents_of(*CLUSTERS)
    _result_figures(page, list(PROPOSED), residents_of(*CLUSTERS))
    return run


def _compares(page: Any, base: str, two: Run, three: Run) -> None:
    page.goto(f"{base}/sv/planning/compare/")
    page.locator(f"#run-{two.pk}").check()
    page.locator(f"#run-{three.pk}").check()
    page.get_by_role("button", name=_("Compare"), exact=True).click()
    table = page.locator("section[aria-labelledby=compare-heading] table").first
    expect(table.locator("thead th")).to_have_count(3)
    # One column a run, in the order the form listed them (the latest first).
    headers = table.locator("thead th").all_inner_texts()[1:]
    columns = [THREE in header for header in headers]
    assert sorted(columns) == [False, True], headers
    gained = {False: residents_of("west", "east"), True: residents_of("west", "east", "north")}
    new_row = table.locator("tbody tr", has_text=_("Newly reached residents"))
    expect(new_row.locator("td")).to_have_text([_number(gained[c]) for c in columns])
    sites_row = table.locator("tbody tr", has_text=_("New sites")).first
    for index, has_three in enumerate(columns):
        cell = sites_row.locator("td").nth(index)
        expect(cell).to_contain_text("Östra torget")
        if has_three:
            expect(cell).to_contain_text("Norra skolan")
        else:
            expect(cell).not_to_contain_text("Norra skolan")
    assert_page_healthy(page)


def test_an_officer_finds_where_two_more_offices_reach_most_residents(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    planning_people_only: Planning,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.TASKS = IMMEDIATE_TASKS
    base = live_server.url
    page = new_page(locale="sv")
    log_in(page, planning_people_only.officer)
    source = _imports_the_grid(page, base, tmp_path)
    _proposes(page, base)
    two = _creates_and_runs(page, base, source)
    three = _copies_with_three_sites(page, base, two, source)
    _compares(page, base, two, three)
    assert_page_healthy(page)


def test_a_queued_run_is_cancelled_from_its_progress_page(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    planning_world: PlanningWorld,
) -> None:
    queued = planning_world.queued
    page = new_page(locale="sv")
    log_in(page, planning_world.people.officer)
    page.goto(f"{live_server.url}/sv/planning/runs/{queued.pk}/progress/")
    expect(page.locator("[role=status]")).to_contain_text(_label(RunStatus.QUEUED))
    page.get_by_role("button", name=_("Cancel the run")).click()
    expect(page.locator("main")).to_contain_text(
        _("The run is being stopped; the best answer so far is kept.")
    )
    queued.refresh_from_db()
    assert queued.status == RunStatus.CANCELLED and queued.cancel_requested
    expect(page.get_by_role("button", name=_("Cancel the run"))).to_have_count(0)
    assert_page_healthy(page)


def test_the_progress_page_follows_a_run_without_reloading_itself(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    planning_world: PlanningWorld,
) -> None:
    """No meta refresh (WCAG 2.2.1): a script fetches the status region, then the page once done."""
    run = planning_world.queued
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=10, stage="bound")
    page = new_page(locale="sv")
    log_in(page, planning_world.people.officer)
    page.goto(f"{live_server.url}/sv/planning/runs/{run.pk}/progress/")
    expect(page.locator("main progress")).to_have_attribute("value", "10")
    page.evaluate("window.notReloaded = true")
    Run.objects.filter(pk=run.pk).update(progress=60)
    expect(page.locator("main progress")).to_have_attribute("value", "60", timeout=10_000)
    assert page.evaluate("window.notReloaded") is True  # updated in place
    Run.objects.filter(pk=run.pk).update(status=RunStatus.FAILED, error_code="internal")
    expect(page.locator("main [role=alert]")).to_be_visible(timeout=10_000)
    expect(page.locator("main progress")).to_have_count(0)
    assert_page_healthy(page)
