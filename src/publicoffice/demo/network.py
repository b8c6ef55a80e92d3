"""The demo network as plain data: municipalities, operators and offices.

Municipality codes and districts are real, and the streets and coordinates
are close to the real district centres (house numbers are invented).
Operators, organisation numbers, e-mail addresses and phone numbers are made
up. Phone numbers come from the series the Swedish Post and Telecom
Authority (PTS) sets aside for fiction (08-465 004 xx). Organisation numbers
are given without their last digit: the loader adds a valid check digit.

Exceptions to opening hours are given relative to the day the demo is
loaded: ``("open_day", n)`` is the first Monday to Friday on or after
``today + n`` on which the office's weekly pattern has hours and which is no
public holiday (so the exception changes something); ``("holiday", n)`` is
the first Swedish public holiday on or after ``today + n``.
"""

from __future__ import annotations

from publicoffice.demo.offices_north import NORTH
from publicoffice.demo.offices_south import SOUTH

# code -> name, districts
MUNICIPALITIES: dict[str, tuple[str, list[str]]] = {
    "0181": ("Södertälje", ["Ronna", "Hovsjö", "Geneta"]),
    "0127": ("Botkyrka", ["Fittja", "Alby", "Hallunda", "Tumba"]),
    "0180": ("Stockholm", ["Rinkeby", "Tensta", "Husby", "Skärholmen"]),
    "0126": ("Huddinge", ["Flemingsberg", "Vårby"]),
}

# Operators, by name (the natural key). ``org_number`` lacks its check digit.
OPERATORS: list[dict[str, str]] = [
    {
        "name": "Ronna Områdesföretag ekonomisk förening",
        "kind": "area_company",
        "org_number": "769641-203",
        "contact_email": "info@ronna-omradesforetag.example.org",
        "contact_phone": "08-465 004 01",
        "website": "https://ronna-omradesforetag.example.org",
    },
    {
        "name": "Hovsjö Kvartersförening",
        "kind": "association",
        "org_number": "802538-117",
        "contact_email": "styrelsen@hovsjo-kvarter.example.org",
        "contact_phone": "08-465 004 02",
    },
    {
        "name": "Kooperativet Arbetsbänken i Fittja ekonomisk förening",
        "kind": "cooperative",
        "org_number": "769633-518",
        "contact_email": "hej@arbetsbanken.example.org",
        "contact_phone": "08-465 004 03",
        "website": "https://arbetsbanken.example.org",
    },
    {
        "name": "Kvarnbackens Bostäder AB",
        "kind": "housing_company",
        "org_number": "556871-402",
        "contact_email": "kundtjanst@kvarnbacken-bostader.example.org",
        "contact_phone": "08-465 004 04",
    },
    {
        "name": "Järva Folkbibliotek",
        "kind": "library",
        "org_number": "802477-319",
        "contact_email": "bibliotek@jarva-folkbibliotek.example.org",
        "contact_phone": "08-465 004 05",
    },
    {
        "name": "Föreningen Rinkeby Företagarhus",
        "kind": "association",
        "org_number": "802519-884",
        "contact_email": "kontakt@rinkeby-foretagarhus.example.org",
        "contact_phone": "08-465 004 06",
    },
    {
        "name": "Skärholmens stadsdelsförvaltning (demo)",
        "kind": "municipality",
        "org_number": "212000-990",
        "contact_email": "allmannakontoret@skarholmen.example.org",
        "contact_phone": "08-465 004 07",
    },
    {
        "name": "Flemingsberg Arbetsplats AB",
        "kind": "business",
        "org_number": "559402-761",
        "contact_email": "info@flemingsberg-arbetsplats.example.org",
        "contact_phone": "08-465 004 08",
    },
    {
        "name": "Stiftelsen Mötesplats Vårby",
        "kind": "other",
        "org_number": "802490-652",
        "contact_email": "info@motesplats-varby.example.org",
        "contact_phone": "08-465 004 09",
    },
]

#: Offices and other meeting places, by slug (the natural key).
OFFICES: list[dict[str, object]] = [*SOUTH, *NORTH]
