"""Planning: the population pages (sources of residents, imported or synthetic)."""

from django.urls import URLPattern, path

from publicoffice.planning.views import demand

urlpatterns: list[URLPattern] = [
    path("planning/population/", demand.demand_list, name="demand_list"),
    path("planning/population/import/", demand.demand_upload, name="demand_upload"),
    path("planning/population/<int:pk>/", demand.demand_detail, name="demand_detail"),
    path("planning/population/<int:pk>/delete/", demand.demand_delete, name="demand_delete"),
]
