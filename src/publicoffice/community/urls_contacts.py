"""Contact requests, blocks, reports, here today and who to meet."""

from django.urls import URLPattern, path

from publicoffice.community.views import contacts, presence, suggestions

urlpatterns: list[URLPattern] = [
    path("profiles/<uuid:public_id>/contact/", contacts.contact_new, name="contact_new"),
    path("me/contacts/", contacts.contacts, name="contacts"),
    path("me/contacts/<int:pk>/answer/", contacts.contact_answer, name="contact_answer"),
    path("me/contacts/<int:pk>/withdraw/", contacts.contact_withdraw, name="contact_withdraw"),
    path("me/contacts/<int:pk>/block/", contacts.contact_block, name="contact_block"),
    path("me/contacts/<int:pk>/report/", contacts.contact_report, name="contact_report"),
    path("me/who-to-meet/", suggestions.suggestions, name="suggestions"),
    path(
        "me/who-to-meet/<uuid:public_id>/hide/",
        suggestions.suggestion_hide_view,
        name="suggestion_hide",
    ),
    path("offices/<slug:slug>/here-today/", presence.here_today_page, name="here_today"),
    path("visits/<uuid:public_id>/here-today/", presence.presence, name="presence"),
]
