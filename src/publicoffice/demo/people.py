"""Demo accounts: one or more for every role, all with the same password.

The password is printed by ``publicoffice demo`` and is for demos only:
never load the demo into a database that real people use.
"""

from __future__ import annotations

DEMO_PASSWORD = "demo-public-office"
DEMO_DOMAIN = "demo.publicoffice.example"

# Each role: (role, scope key) where the scope key is an office slug, an
# operator name or a municipality code, as the role needs; plus permissions.
USERS: list[dict[str, object]] = [
    {
        "email": f"admin@{DEMO_DOMAIN}",
        "display_name": "Plattformsadmin (demo)",
        "language": "sv",
        "superuser": True,
        "roles": [{"role": "platform_admin"}],
    },
    {
        "email": f"operator.ronna@{DEMO_DOMAIN}",
        "display_name": "Sara Lind",
        "language": "sv",
        "roles": [
            {"role": "operator_admin", "operator": "Ronna Områdesföretag ekonomisk förening"}
        ],
    },
    {
        "email": f"operator.fittja@{DEMO_DOMAIN}",
        "display_name": "Mehmet Yıldız",
        "language": "sv",
        "roles": [
            {
                "role": "operator_admin",
                "operator": "Kooperativet Arbetsbänken i Fittja ekonomisk förening",
            }
        ],
    },
    {
        "email": f"host.ronna@{DEMO_DOMAIN}",
        "display_name": "Fatima Hassan",
        "language": "ar",
        "roles": [
            {
                "role": "host",
                "office": "ronna",
                "permissions": [
                    "book_on_behalf",
                    "book_outside_opening_hours",
                    "edit_opening_hours",
                    "manage_spaces",
                    "override_booking_rules",
                ],
            }
        ],
    },
    {
        "email": f"host.fittja@{DEMO_DOMAIN}",
        "display_name": "Daniel Tesfay",
        "language": "sv",
        "roles": [
            {
                "role": "host",
                "office": "fittja",
                "permissions": ["book_on_behalf", "override_booking_rules"],
            },
            {
                "role": "host",
                "office": "hallunda",
                "permissions": ["book_on_behalf", "override_booking_rules"],
            },
        ],
    },
    {
        "email": f"officer.sodertalje@{DEMO_DOMAIN}",
        "display_name": "Eva Berg",
        "language": "sv",
        "roles": [{"role": "municipal_officer", "municipality": "0181"}],
    },
    # Commissioning (publicoffice.demo.commissioning): an officer for every
    # municipality, two reviewers in Södertälje (the second declared a conflict
    # with one application) and the admins of the operators that applied.
    {
        "email": f"officer.botkyrka@{DEMO_DOMAIN}",
        "display_name": "Karin Sjöberg",
        "language": "sv",
        "roles": [{"role": "municipal_officer", "municipality": "0127"}],
    },
    {
        "email": f"officer.stockholm@{DEMO_DOMAIN}",
        "display_name": "Hanna Lundqvist",
        "language": "sv",
        "roles": [{"role": "municipal_officer", "municipality": "0180"}],
    },
    {
        "email": f"officer.huddinge@{DEMO_DOMAIN}",
        "display_name": "Per Olsson",
        "language": "sv",
        "roles": [{"role": "municipal_officer", "municipality": "0126"}],
    },
    {
        "email": f"reviewer.sodertalje@{DEMO_DOMAIN}",
        "display_name": "Anders Holm",
        "language": "sv",
        "roles": [{"role": "municipal_reviewer", "municipality": "0181"}],
    },
    {
        "email": f"reviewer2.sodertalje@{DEMO_DOMAIN}",
        "display_name": "Nadia Rahimi",
        "language": "fa",
        "roles": [{"role": "municipal_reviewer", "municipality": "0181"}],
    },
    {
        "email": f"operator.hovsjo@{DEMO_DOMAIN}",
        "display_name": "Zeynep Kaya",
        "language": "sv",
        "roles": [{"role": "operator_admin", "operator": "Hovsjö Kvartersförening"}],
    },
    {
        "email": f"operator.kvarnbacken@{DEMO_DOMAIN}",
        "display_name": "Magnus Ström",
        "language": "sv",
        "roles": [{"role": "operator_admin", "operator": "Kvarnbackens Bostäder AB"}],
    },
    {
        "email": f"operator.flemingsberg@{DEMO_DOMAIN}",
        "display_name": "Lina Ek",
        "language": "en",
        "roles": [{"role": "operator_admin", "operator": "Flemingsberg Arbetsplats AB"}],
    },
    {
        "email": f"amina@{DEMO_DOMAIN}",
        "display_name": "Amina Yusuf",
        "language": "so",
        "roles": [],
    },
    {
        "email": f"johan@{DEMO_DOMAIN}",
        "display_name": "Johan Karlsson",
        "language": "sv",
        "roles": [],
    },
    # The meeting place's story (publicoffice.demo.community): a newcomer who
    # writes Arabic and looks for bookkeeping, and a bookkeeper in Rinkeby.
    {
        "email": f"nour@{DEMO_DOMAIN}",
        "display_name": "Nour Al-Khatib",
        "language": "ar",
        "roles": [],
    },
    {
        "email": f"karim@{DEMO_DOMAIN}",
        "display_name": "Karim Mansour",
        "language": "sv",
        "roles": [],
    },
    # The house rules' story (publicoffice.demo.conduct): a member restricted from
    # booking at Ronna who has appealed, and one who has not accepted the new rules
    # (outside the demo domain's members, whom the events story registers: the rules
    # she has not accepted would refuse her when that story is loaded again).
    {
        "email": f"tariq@{DEMO_DOMAIN}",
        "display_name": "Tariq Saleh",
        "language": "ar",
        "roles": [],
    },
    {
        "email": f"selam@conduct.{DEMO_DOMAIN}",
        "display_name": "Selam Berhane",
        "language": "ti",
        "roles": [],
    },
]
