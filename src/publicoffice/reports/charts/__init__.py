"""The charts of the reports: SVG drawn on the server, each with its table and summary.

Render any of them with ``{% include "reports/_chart.html" with chart=chart %}``.
"""

from publicoffice.reports.charts.heatmap import week_heatmap
from publicoffice.reports.charts.hours import hour_bars
from publicoffice.reports.charts.office_map import office_map
from publicoffice.reports.charts.svg import Cell, Chart, Table
from publicoffice.reports.charts.trend import trend_chart

__all__ = ["Cell", "Chart", "Table", "hour_bars", "office_map", "trend_chart", "week_heatmap"]
