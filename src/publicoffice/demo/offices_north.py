"""Demo offices in Stockholm and Huddinge.

Plain data; see :mod:`publicoffice.demo.network` for what the fields mean.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import (
    BIG_MEETING_NAME,
    DESK,
    HALL,
    HALL_NAME,
    MEETING,
    MEETING_NAME,
    OPEN_AREA,
    OPEN_AREA_NAME,
    QUIET,
    QUIET_NAME,
    SMALL_MEETING_NAME,
    WORKSHOP,
    desk_name,
    t,
)

NORTH: list[dict[str, object]] = [
    {
        "slug": "rinkeby",
        "kind": "public_office",
        "status": "open",
        "operator": "Föreningen Rinkeby Företagarhus",
        "municipality": "0180",
        "district": "Rinkeby",
        "street_address": "Rinkebytorget 5",
        "postal_code": "163 71",
        "city": "Spånga",
        "latitude": "59.388000",
        "longitude": "17.928000",
        "capacity": 45,
        "email": "kontoret@rinkeby-foretagarhus.example.org",
        "phone": "08-465 004 14",
        "name": t("Allmänna kontoret Rinkeby", "Rinkeby Public Office", "المكتب العام في رينكبي"),
        "description": t(
            "Här arbetar småföretagare, föreningar och kulturarbetare sida vid sida. Varje "
            "torsdag finns rådgivning om att starta företag.",
            "Small business owners, associations and cultural workers work side by side here. "
            "Every Thursday there is advice on starting a business.",
            "يعمل هنا أصحاب الأعمال الصغيرة والجمعيات والعاملون في الثقافة جنباً إلى جنب. "
            "كل يوم خميس تُقدَّم استشارات حول تأسيس الشركات.",
        ),
        "amenities": ["wifi", "printer", "coffee", "projector", "lockers", "quiet-zone"],
        "languages": ["sv", "en", "so", "ar", "ti"],
        "hours": "lunch_and_evenings",
        "exceptions": [
            {
                "when": ("open_day", 11),
                "hours": [("09:00", "11:30"), ("16:00", "21:00")],
                "reason": t(
                    "Företagarmässa på torget: stängt mitt på dagen, öppet längre på kvällen",
                    "Business fair on the square: closed at midday, open later in the evening",
                    "معرض للأعمال في الساحة: مغلق في منتصف النهار ومفتوح لوقت أطول في المساء",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 28, False, OPEN_AREA_NAME),
            (DESK, 1, True, desk_name(1)),
            (DESK, 1, True, desk_name(2)),
            (MEETING, 10, True, MEETING_NAME),
            (QUIET, 3, False, QUIET_NAME),
        ],
        "accessibility": "street_level",
    },
    {
        "slug": "tensta-bibliotek",
        "kind": "public_office",
        "status": "open",
        "operator": "Järva Folkbibliotek",
        "municipality": "0180",
        "district": "Tensta",
        "street_address": "Tensta allé 6",
        "postal_code": "163 64",
        "city": "Spånga",
        "latitude": "59.394500",
        "longitude": "17.901000",
        "capacity": 30,
        "email": "tensta@jarva-folkbibliotek.example.org",
        "name": t(
            "Allmänna kontoret i Tensta bibliotek",
            "Public Office at Tensta Library",
            "المكتب العام في مكتبة تنستا",
        ),
        "description": t(
            "En del av biblioteket är ett allmänt kontor med skrivbord, grupprum och hjälp med "
            "digitala tjänster. Öppet även söndagar.",
            "Part of the library is a public office with desks, group rooms and help with "
            "digital services. Also open on Sundays.",
            "جزء من المكتبة مكتب عام فيه مكاتب وغرف للمجموعات ومساعدة في الخدمات الرقمية. "
            "مفتوح أيضاً أيام الأحد.",
        ),
        "amenities": ["wifi", "printer", "quiet-zone", "baby-changing", "charging"],
        "languages": ["sv", "en", "ar", "so", "fa", "ku"],
        "hours": "library",
        "exceptions": [
            {
                "when": ("open_day", 13),
                "closed": True,
                "reason": t("Inventering", "Stocktaking", "جرد"),
            }
        ],
        "spaces": [
            (OPEN_AREA, 16, False, OPEN_AREA_NAME),
            (MEETING, 6, True, t("Grupprum 1", "Group room 1", "غرفة المجموعات 1")),
            (MEETING, 6, True, t("Grupprum 2", "Group room 2", "غرفة المجموعات 2")),
            (QUIET, 8, False, t("Läsesalen", "Reading room", "قاعة القراءة")),
        ],
        "accessibility": "library_building",
    },
    {
        "slug": "husby",
        "kind": "public_office",
        "status": "open",
        "operator": "Järva Folkbibliotek",
        "municipality": "0180",
        "district": "Husby",
        "street_address": "Trondheimsgatan 7",
        "postal_code": "164 30",
        "city": "Kista",
        "latitude": "59.409000",
        "longitude": "17.926000",
        "capacity": 24,
        "email": "husby@jarva-folkbibliotek.example.org",
        "name": t("Allmänna kontoret Husby", "Husby Public Office", "المكتب العام في هوسبي"),
        "description": t(
            "Ett kontor i Husby centrum med verkstad för unga kreatörer: ljudstudio, "
            "3D-skrivare och symaskiner.",
            "An office in Husby centre with a workshop for young creators: sound studio, "
            "3D printer and sewing machines.",
            "مكتب في مركز هوسبي مع ورشة للمبدعين الشباب: استوديو صوت وطابعة ثلاثية الأبعاد "
            "وماكينات خياطة.",
        ),
        "amenities": ["wifi", "printer", "projector", "charging", "bicycle-parking"],
        "languages": ["sv", "en", "so", "ti", "ar"],
        "hours": "library",
        "exceptions": [],
        "spaces": [
            (OPEN_AREA, 14, False, OPEN_AREA_NAME),
            (WORKSHOP, 8, True, t("Ljudstudion", "Sound studio", "استوديو الصوت")),
            (MEETING, 6, True, MEETING_NAME),
        ],
        "accessibility": "library_building",
    },
    {
        "slug": "skarholmen",
        "kind": "public_office",
        "status": "open",
        "operator": "Skärholmens stadsdelsförvaltning (demo)",
        "municipality": "0180",
        "district": "Skärholmen",
        "street_address": "Skärholmstorget 3",
        "postal_code": "127 48",
        "city": "Skärholmen",
        "latitude": "59.277000",
        "longitude": "17.907000",
        "capacity": 28,
        "email": "allmannakontoret@skarholmen.example.org",
        "phone": "08-465 004 15",
        "name": t(
            "Allmänna kontoret Skärholmen", "Skärholmen Public Office", "المكتب العام في شيرهولمن"
        ),
        "description": t(
            "Stadsdelens eget allmänna kontor, en trappa upp ovanför torget. Här finns också "
            "medborgarvägledning och hjälp med blanketter.",
            "The district's own public office, one floor up above the square. Citizen guidance "
            "and help with forms are also available here.",
            "المكتب العام التابع للمنطقة، في الطابق الأول فوق الساحة. تتوفر هنا أيضاً إرشادات "
            "للمواطنين ومساعدة في ملء الاستمارات.",
        ),
        "amenities": ["wifi", "printer", "coffee", "quiet-zone"],
        "languages": ["sv", "en", "ar", "fa", "pl", "es", "fi"],
        "hours": "office_day",
        "exceptions": [],
        "spaces": [
            (OPEN_AREA, 18, False, OPEN_AREA_NAME),
            (MEETING, 8, True, MEETING_NAME),
            (QUIET, 2, False, QUIET_NAME),
        ],
        "accessibility": "upstairs_with_lift",
    },
    {
        "slug": "flemingsberg",
        "kind": "public_office",
        "status": "open",
        "operator": "Flemingsberg Arbetsplats AB",
        "municipality": "0126",
        "district": "Flemingsberg",
        "street_address": "Hälsovägen 7",
        "postal_code": "141 57",
        "city": "Huddinge",
        "latitude": "59.219500",
        "longitude": "17.946500",
        "capacity": 60,
        "email": "flemingsberg@flemingsberg-arbetsplats.example.org",
        "phone": "08-465 004 16",
        "name": t(
            "Allmänna kontoret Flemingsberg",
            "Flemingsberg Public Office",
            "المكتب العام في فليمينغسبيري",
        ),
        "description": t(
            "Nära pendeltåget och universitetet. Öppet tidigt och sent för den som pendlar "
            "mindre och arbetar nära hemmet.",
            "Close to the commuter train and the university. Open early and late for those "
            "who commute less and work close to home.",
            "قريب من قطار الضواحي والجامعة. يفتح مبكراً ويغلق متأخراً لمن يريد التنقل أقل "
            "والعمل بالقرب من منزله.",
        ),
        "amenities": ["wifi", "printer", "coffee", "kitchen", "lockers", "projector", "charging"],
        "languages": ["sv", "en", "fa", "tr"],
        "hours": "early_and_late",
        "exceptions": [],
        "spaces": [
            (OPEN_AREA, 40, False, OPEN_AREA_NAME),
            (DESK, 1, True, desk_name(1)),
            (DESK, 1, True, desk_name(2)),
            (MEETING, 6, True, SMALL_MEETING_NAME),
            (MEETING, 14, True, BIG_MEETING_NAME),
            (QUIET, 4, False, QUIET_NAME),
        ],
        "accessibility": "street_level",
    },
    {
        "slug": "varby-gard",
        "kind": "meeting_place",
        "status": "open",
        "operator": "Stiftelsen Mötesplats Vårby",
        "municipality": "0126",
        "district": "Vårby",
        "street_address": "Vårby allé 26",
        "postal_code": "143 40",
        "city": "Vårby",
        "latitude": "59.265000",
        "longitude": "17.884000",
        "capacity": 40,
        "name": t("Mötesplats Vårby gård", "Vårby gård Meeting Place", "ملتقى فوربي غورد"),
        "description": t(
            "Stiftelsens mötesplats med samlingssal för fester, kurser och föreningsmöten.",
            "The foundation's meeting place with an assembly hall for parties, courses and "
            "association meetings.",
            "ملتقى المؤسسة مع قاعة للحفلات والدورات واجتماعات الجمعيات.",
        ),
        "amenities": ["wifi", "kitchen", "projector", "baby-changing"],
        "languages": ["sv", "ar", "so", "pl"],
        "hours": "meeting_evenings",
        "exceptions": [
            {
                "when": ("open_day", 6),
                "closed": True,
                "reason": t(
                    "Samlingssalen är uthyrd till en bröllopsfest",
                    "The hall is let for a wedding party",
                    "القاعة مؤجرة لحفل زفاف",
                ),
            }
        ],
        "spaces": [
            (HALL, 40, True, HALL_NAME),
            (MEETING, 10, True, MEETING_NAME),
        ],
        "accessibility": "upstairs_with_lift",
    },
]
