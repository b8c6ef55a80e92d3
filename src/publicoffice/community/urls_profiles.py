"""Directory, profile pages and profile editing."""

from django.urls import URLPattern, path

from publicoffice.community.views import directory, profiles

urlpatterns: list[URLPattern] = [
    path("directory/", directory.directory, name="directory"),
    path("offices/<slug:slug>/directory/", directory.office_directory, name="office_directory"),
    path("profiles/<uuid:public_id>/", profiles.profile_detail, name="profile"),
    path("profiles/<uuid:public_id>/edit/", profiles.profile_edit, name="profile_edit"),
    path("profiles/<uuid:public_id>/delete/", profiles.profile_delete, name="profile_delete"),
    path(
        "profiles/<uuid:public_id>/admins/add/",
        profiles.profile_admin_add,
        name="profile_admin_add",
    ),
    path(
        "profiles/<uuid:public_id>/admins/<int:link_id>/remove/",
        profiles.profile_admin_remove,
        name="profile_admin_remove",
    ),
    path("me/profiles/new/", profiles.profile_create, name="profile_create"),
    path("me/meeting-place/", profiles.mine, name="mine"),
]
