"""Seed the emission factors of the commuting estimate, with their sources.

Grams CO₂e per passenger-km. Car figures are grams per vehicle-km divided by
the number of people in the car: 1.0 (driving alone, the high end), 1.45
(Trafikanalys 2022, via Miljöbarometern: 29 % of five seats, the central
value) and 1.7 (Trafikanalys 2017, before the change of method: 34 % of five
seats, the low end). Platform admins change these in the admin.
"""

from decimal import Decimal

from django.db import migrations

RESKLIMAT = (
    "Resklimat.se (Chalmers tekniska högskola, Jörgen Larsson m.fl.): "
    "Beräkningsmetod – Transportmedel, tabell gram CO₂ per fordonskm"
)
RESKLIMAT_URL = "https://klimatresa.se/data"
KLIMATSMART = (
    "Klimatsmart semester (Chalmers tekniska högskola): Så har vi räknat – tåg och buss"
)
KLIMATSMART_URL = "https://klimatsmartsemester.se/sa-har-vi-raknat-tag"
OCCUPANCY = (
    "Occupancy: Miljöbarometern, Genomsnittligt antal personer i varje personbil "
    "(data: Trafikanalys, Transportarbete och Trafikarbete på svenska vägar), "
    "https://2030.miljobarometern.se/nationella-indikatorer/beteendet/"
    "genomsnittligt-antal-personer-i-varje-fordon-b3e/personbil/"
)

FACTORS = [
    {
        "mode": "car",
        "variant": "average car, petrol or diesel",
        "low": "80.59",
        "central": "104.83",
        "high": "167.00",
        "share": "1",
        "source": f"{RESKLIMAT}. {OCCUPANCY}",
        "source_url": RESKLIMAT_URL,
        "year": 2022,
        "note": (
            "Mid-size car: diesel 137 and petrol 167 g CO₂ per vehicle-km (Resklimat). "
            "Low: diesel 137 / 1.7 people (Trafikanalys 2017). Central: the mean of petrol "
            "and diesel, 152 / 1.45 people (Trafikanalys 2022). High: petrol 167 / 1 person "
            "(driving alone, common on the way to work). The year is that of the occupancy; "
            "the Resklimat page gives no year. Biofuel blending and electric cars in the "
            "fleet are not in this variant: give the electric car a share when a fleet mix "
            "is known."
        ),
    },
    {
        "mode": "car",
        "variant": "electric car, Nordic electricity",
        "low": "8.24",
        "central": "9.66",
        "high": "14.00",
        "share": "0",
        "source": f"{RESKLIMAT}. {OCCUPANCY}",
        "source_url": RESKLIMAT_URL,
        "year": 2022,
        "note": (
            "Mid-size electric car, 14 g CO₂ per vehicle-km with Nordic electricity "
            "(Resklimat), divided by 1.7, 1.45 and 1 people as for the average car. Share 0: "
            "no fleet mix of commuters' cars was found; set the shares of the car variants "
            "together when one is known."
        ),
    },
    {
        "mode": "public_transport",
        "variant": "bus",
        "low": "14.00",
        "central": "14.00",
        "high": "27.00",
        "share": "0.5",
        "source": KLIMATSMART,
        "source_url": "https://klimatsmartsemester.se/sa-har-vi-raknat-buss",
        "year": None,
        "note": (
            "Bus at 60 % occupancy: 14 g CO₂ per passenger-km on renewable diesel (HVO or "
            "FAME), 27 g on fossil diesel (Klimatsmart semester). Most Swedish regional buses "
            "run on renewable fuel, so the central value is the renewable one and fossil "
            "diesel is the high end. The figures are for long-distance buses; a local bus "
            "may be fuller or emptier. The share 0.5 is an assumption (no source found for "
            "how commuters split between bus and train): set a local one if known."
        ),
    },
    {
        "mode": "public_transport",
        "variant": "train",
        "low": "7.00",
        "central": "10.00",
        "high": "10.00",
        "share": "0.5",
        "source": f"{KLIMATSMART}; {RESKLIMAT}",
        "source_url": KLIMATSMART_URL,
        "year": None,
        "note": (
            "Swedish electric trains are near zero per passenger-km: 10 g CO₂ for train "
            "travel in Sweden (Klimatsmart semester), 7 g for electric trains in the Nordic "
            "countries except Denmark (Resklimat). Underground and tram are counted as "
            "train. The share 0.5 is an assumption, as for the bus."
        ),
    },
    {
        "mode": "walk",
        "variant": "walking",
        "low": "0",
        "central": "0",
        "high": "0",
        "share": "1",
        "source": "No fuel is burnt (by definition of this estimate).",
        "source_url": "",
        "year": None,
        "note": "Food and shoes are not counted.",
    },
    {
        "mode": "bike",
        "variant": "bike",
        "low": "0",
        "central": "0",
        "high": "0",
        "share": "1",
        "source": "No fuel is burnt (by definition of this estimate).",
        "source_url": "",
        "year": None,
        "note": "Making the bike and electric assistance are not counted.",
    },
]


def seed(apps, schema_editor):
    factor = apps.get_model("reports", "EmissionFactor")
    for row in FACTORS:
        values = {
            **row,
            **{key: Decimal(row[key]) for key in ("low", "central", "high", "share")},
        }
        factor.objects.update_or_create(
            mode=row["mode"], variant=row["variant"], defaults=values
        )


def unseed(apps, schema_editor):
    factor = apps.get_model("reports", "EmissionFactor")
    for row in FACTORS:
        factor.objects.filter(mode=row["mode"], variant=row["variant"]).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_emission_factors")]

    operations = [migrations.RunPython(seed, unseed)]
