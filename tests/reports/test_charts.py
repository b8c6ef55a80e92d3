"""The report charts: drawings, tables and summaries that say the same, in every language."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.reports.charts import hour_bars, office_map, trend_chart, week_heatmap
from publicoffice.reports.charts.heatmap import level
from publicoffice.reports.charts.svg import LRI, PDI, nice_ticks

SMALL = Figure(None, Flag.SMALL)
SECONDARY = Figure(None, Flag.SECONDARY)


def fig(value: int) -> Figure:
    return Figure(value)


def texts(chart) -> list[list[str]]:
    return [[cell.text for cell in row] for row in chart.table.rows]


def bar_xs(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'class="report-chart-bar" x="([\d.]+)"', svg)]


def render(chart) -> str:
    return render_to_string("reports/_chart.html", {"chart": chart})


# --- The trend line -------------------------------------------------------------------------


def test_trend_draws_a_dot_per_shown_figure_and_breaks_the_line_at_a_hidden_one():
    chart = trend_chart(
        [("Jan", fig(10)), ("Feb", SMALL), ("Mar", fig(20)), ("Apr", fig(30))], title="Visits"
    )
    assert chart.svg.count('class="report-chart-point"') == 3
    assert chart.svg.count("<path") == 1  # Jan stands alone; Mar–Apr are joined
    assert texts(chart)[1] == ["Feb", pgettext("report figures", "fewer than 5")]
    assert "0" not in texts(chart)[1][1]


def test_trend_compares_with_a_dashed_line_and_hollow_dots():
    chart = trend_chart(
        [("Feb", fig(10)), ("Mar", fig(20))],
        title="Visits",
        comparison=[("Feb 2025", fig(8)), ("Mar 2025", SECONDARY)],
        comparison_label="Same months last year",
    )
    assert 'stroke-dasharray="7 5"' in chart.svg
    assert chart.svg.count('fill="#ffffff" stroke="#8a5a00"') == 1  # one shown comparison dot
    assert [c.text for c in chart.table.headers][2] == "Same months last year"
    assert texts(chart)[1][2] == pgettext("report figures", "hidden (protects a small figure)")
    assert "Same months last year" in chart.svg  # the legend


def test_trend_summary_says_the_change_and_the_highest():
    with translation.override("en"):
        rose = trend_chart([("February", fig(1240)), ("March", fig(1510))], title="Visits")
        fell = trend_chart(
            [("Jan", fig(30)), ("Feb", fig(50)), ("Mar", fig(20)), ("Apr", SMALL)], title="V"
        )
        hidden = gettext("Some figures are hidden to protect small numbers; the table says which.")
    assert rose.summary == "Rose from 1,240 in February to 1,510 in March."
    assert fell.summary.startswith("Fell from 30 in Jan to 20 in Mar. The highest was 50 in Feb.")
    assert fell.summary.endswith(hidden)


@pytest.mark.parametrize("language", ["sv", "en", "ar", "fa", "so", "ti"])
def test_numbers_are_written_as_the_language_writes_them(language):
    with translation.override(language):
        chart = trend_chart([("a", fig(1240)), ("b", fig(1510))], title="Visits")
        expected = number_format(1240, force_grouping=True)
        assert expected in chart.summary
        assert texts(chart)[0][1] == expected
        assert (
            number_format(Decimal("12.5"))
            in texts(trend_chart([("a", Figure(Decimal("12.5")))], title="Median"))[0][1]
        )
    if language == "sv":
        assert expected == "1\xa0240"


def test_many_x_labels_are_thinned():
    points = [(f"{day:02d}", fig(day)) for day in range(1, 61)]
    chart = trend_chart(points, title="Visits per day")
    labels = re.findall(r'y="278.0"[^>]*>(\d\d)</text>', chart.svg)
    assert 2 <= len(labels) <= 12
    assert len(chart.table.rows) == 60  # the table keeps every day


def test_ticks_are_round():
    assert nice_ticks(1510) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(0) == [0, 1]


# --- Bars by hour ---------------------------------------------------------------------------


def test_hour_bars_leave_a_gap_for_a_hidden_hour_and_say_why_in_the_table():
    chart = hour_bars({8: fig(12), 9: SMALL, 10: fig(40), 12: fig(7)}, title="Arrivals")
    assert len(bar_xs(chart.svg)) == 3  # 8, 10 and 12; 9 is hidden, 11 had nobody
    rows = texts(chart)
    assert [row[0] for row in rows] == ["08–09", "09–10", "10–11", "11–12", "12–13"]
    assert rows[1][1] == pgettext("report figures", "fewer than 5")
    assert rows[3][1] == "0"
    assert all(row[0].ltr for row in chart.table.rows)


def test_hour_bars_summary_names_the_busiest_hour():
    with translation.override("en"):
        chart = hour_bars({9: fig(12), 10: fig(40), 11: SMALL}, title="Arrivals")
    assert chart.summary.startswith("The busiest hour is 10–11, with 40.")
    assert "hidden" in chart.summary


def test_right_to_left_the_first_hour_is_at_the_right():
    values = {8: fig(10), 9: fig(20), 10: fig(30)}
    left_to_right = bar_xs(hour_bars(values, title="t").svg)
    with translation.override("ar"):
        right_to_left = bar_xs(hour_bars(values, title="t").svg)
        summary = hour_bars(values, title="t").summary
    assert left_to_right == sorted(left_to_right)
    assert right_to_left == sorted(right_to_left, reverse=True)
    assert right_to_left[0] > 320 > left_to_right[0]
    assert f"{LRI}10–11{PDI}" in summary  # the hour stays "10–11" in an Arabic sentence


def test_right_to_left_the_trend_runs_from_the_right():
    points = [("a", fig(1)), ("b", fig(2))]
    with translation.override("fa"):
        xs = [
            float(x)
            for x in re.findall(r'<circle[^>]* cx="([\d.]+)"', trend_chart(points, title="t").svg)
        ]
    assert xs[0] > xs[1]


# --- The week heat map ----------------------------------------------------------------------


def test_heatmap_has_seven_rows_of_the_hours_with_data():
    cells = {(0, 9): fig(50), (2, 14): SMALL, (6, 11): fig(0), (4, 10): SECONDARY}
    chart = week_heatmap(cells, title="Visits in the week")
    span = 14 - 9 + 1
    assert chart.svg.count("report-chart-cell ") == 7 * span
    assert chart.svg.count("report-chart-cell-hidden") == 2
    assert 'fill="url(#hatch-' in chart.svg
    assert pgettext("report charts", "hidden to protect small numbers") in chart.svg
    rows = texts(chart)
    assert [row[0] for row in rows] == [str(WEEKDAYS[day]) for day in range(7)]
    assert [h.text for h in chart.table.headers][1:] == [
        f"{h:02d}–{h + 1:02d}" for h in range(9, 15)
    ]
    assert rows[2][6] == pgettext("report figures", "fewer than 5")
    assert rows[4][2] == pgettext("report figures", "hidden (protects a small figure)")
    assert rows[1][1] == "0"


def test_heatmap_shades_in_five_steps_and_names_them_in_the_legend():
    assert [level(v, 100) for v in (0, 1, 20, 21, 40, 60, 80, 100)] == [0, 1, 1, 2, 2, 3, 4, 5]
    chart = week_heatmap({(0, h): fig(h * 10) for h in range(8, 13)}, title="t")
    for shade in ("#f3f1ec", "#cfe6df", "#9fcdbf", "#5fa892", "#2b7a64", "#0b4a3c"):
        assert shade in chart.svg


def test_heatmap_weekdays_are_translated_and_hours_mirrored_right_to_left():
    cells = {(0, 6): fig(10), (0, 7): fig(20)}
    with translation.override("fa"):
        chart = week_heatmap(cells, title="t")
        monday = str(WEEKDAYS[0])
    assert monday in chart.svg
    assert texts(chart)[0][0] == monday
    hours = {
        h: float(x) for x, h in re.findall(r'x="([\d.]+)" y="14.0"[^>]*>(\d\d)</text>', chart.svg)
    }
    assert hours["06"] > hours["07"]


def test_heatmap_summary_names_the_busiest_time():
    with translation.override("en"):
        chart = week_heatmap({(1, 10): fig(40), (3, 15): fig(12)}, title="t")
    assert chart.summary == "The busiest time is Tuesday 10–11, with 40."


# --- The office map -------------------------------------------------------------------------

OFFICES = [
    ("Rinkeby", 59.388, 17.926, fig(400)),
    ("Tensta", 59.394, 17.901, fig(100)),
    ("Fittja", 59.247, 17.861, SMALL),
]


def radii(svg: str) -> list[float]:
    return [float(r) for r in re.findall(r'r="([\d.]+)"', svg)]


def test_map_sizes_circles_by_area_and_draws_a_hidden_figure_hollow():
    chart = office_map(OFFICES, title="Visits by office")
    assert chart.svg.count("<circle") == 3
    assert chart.svg.count("report-chart-office-hidden") == 1
    big, small, _hollow = radii(chart.svg)  # drawn largest first
    assert big == pytest.approx(2 * small, abs=0.1)  # 4 times the visits, twice the radius
    assert texts(chart) == [
        ["Rinkeby", number_format(400, force_grouping=True)],
        ["Tensta", "100"],
        ["Fittja", pgettext("report figures", "fewer than 5")],
    ]
    assert all(name in chart.svg for name, *_ in OFFICES)
    assert chart.note


def test_map_of_offices_without_visits_says_so():
    chart = office_map([("Rinkeby", 59.388, 17.926, fig(0))], title="t")
    assert chart.summary == gettext("Every figure is 0 in this period.")
    assert chart.svg.count("<circle") == 1


def test_map_is_never_mirrored():
    left_to_right = office_map(OFFICES, title="t").svg
    with translation.override("ar"):
        assert office_map(OFFICES, title="t").svg == left_to_right


def test_map_of_many_offices_leaves_the_names_to_the_table():
    many = [(f"Office {i}", 59 + i / 100, 18 + i / 100, fig(10 * i)) for i in range(20)]
    chart = office_map(many, title="t")
    assert "Office 3" not in chart.svg
    assert len(chart.table.rows) == 20


def test_every_text_is_escaped():
    hostile = "<script>alert(1)</script>"
    charts = [
        office_map([(hostile, 59.3, 18.0, fig(10))], title=hostile),
        trend_chart(
            [(hostile, fig(10))],
            title=hostile,
            comparison_label=hostile,
            comparison=[(hostile, fig(5))],
        ),
        hour_bars({9: fig(10)}, title=hostile),
        week_heatmap({(0, 9): fig(10)}, title=hostile),
    ]
    for chart in charts:
        page = render(chart)
        assert "<script>" not in chart.svg
        assert "<script>" not in page
        assert "&lt;script&gt;" in page


# --- Empty data and the partial -------------------------------------------------------------


@pytest.mark.parametrize(
    "chart",
    [
        lambda: trend_chart([], title="t"),
        lambda: hour_bars({}, title="t"),
        lambda: week_heatmap({}, title="t"),
        lambda: office_map([], title="t"),
    ],
)
def test_no_data_says_so_and_draws_nothing(chart):
    with translation.override("ar"):
        made = chart()
        assert made.summary == gettext("No figures for this period.")
        page = render(made)
    assert made.svg == ""
    assert "<svg" not in page and "<table" not in page
    assert made.summary in page


def test_the_partial_pairs_the_drawing_with_its_table():
    page = render(hour_bars({9: fig(10), 10: SMALL}, title="Arrivals by hour"))
    assert re.search(r"<figure[^>]*>\s*<figcaption>", page)
    assert 'aria-hidden="true"' in page and 'focusable="false"' in page
    assert "<details" in page and "<caption>Arrivals by hour</caption>" in page
    assert page.count('<th scope="col">') == 2
    assert page.count('<th scope="row"><span dir="ltr">') == 2
    assert pgettext("report figures", "fewer than 5") in page
