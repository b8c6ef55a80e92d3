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


def _t(sv: str, en: str, ar: str) -> dict[str, str]:
    return {"sv": sv, "en": en, "ar": ar}


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

# Spaces: (kind, capacity, bookable, names sv/en/ar). Names are unique per office.
OPEN_AREA = "open_desk_area"
DESK = "desk"
MEETING = "meeting_room"
QUIET = "quiet_room"
WORKSHOP = "workshop"
HALL = "hall"

_OPEN_AREA = _t("Öppna arbetsytan", "Open work area", "مساحة العمل المفتوحة")
_MEETING = _t("Mötesrummet", "Meeting room", "غرفة الاجتماعات")
_SMALL_MEETING = _t("Lilla mötesrummet", "Small meeting room", "غرفة الاجتماعات الصغيرة")
_BIG_MEETING = _t("Stora mötesrummet", "Large meeting room", "غرفة الاجتماعات الكبيرة")
_QUIET = _t("Tysta rummet", "Quiet room", "الغرفة الهادئة")
_WORKSHOP = _t("Verkstaden", "Workshop", "الورشة")
_HALL = _t("Samlingssalen", "Assembly hall", "قاعة التجمع")
_KITCHEN_TABLE = _t("Köksbordet", "Kitchen table", "طاولة المطبخ")


def _desk(number: int) -> dict[str, str]:
    return _t(f"Skrivbord {number}", f"Desk {number}", f"مكتب رقم {number}")


_CLOSED_TRAINING = {
    "closed": True,
    "reason": _t("Personalen utbildar sig", "Staff training day", "يوم تدريب للموظفين"),
}

OFFICES: list[dict[str, object]] = [
    {
        "slug": "ronna",
        "kind": "public_office",
        "status": "open",
        "operator": "Ronna Områdesföretag ekonomisk förening",
        "municipality": "0181",
        "district": "Ronna",
        "street_address": "Ronnavägen 12",
        "postal_code": "151 52",
        "city": "Södertälje",
        "latitude": "59.200300",
        "longitude": "17.604500",
        "capacity": 40,
        "email": "ronna@ronna-omradesforetag.example.org",
        "phone": "08-465 004 10",
        "name": _t("Allmänna kontoret Ronna", "Ronna Public Office", "المكتب العام في رونا"),
        "description": _t(
            "Ett gratis och öppet kontor mitt i Ronna centrum. Kom hit och jobba, plugga eller "
            "träffa andra som driver företag och föreningar i området. Personalen hjälper dig "
            "att komma igång.",
            "A free, open office in the middle of Ronna centre. Come here to work, study or "
            "meet others who run businesses and associations in the area. The staff help you "
            "get started.",
            "مكتب مجاني ومفتوح للجميع في وسط مركز رونا. تعال للعمل أو الدراسة أو للقاء آخرين "
            "يديرون شركات وجمعيات في الحي. يساعدك الموظفون على البدء.",
        ),
        "amenities": ["wifi", "printer", "coffee", "kitchen", "lockers", "quiet-zone", "charging"],
        "languages": ["sv", "en", "ar", "ti", "so"],
        "hours": "weekdays_and_saturday",
        "exceptions": [{"when": ("open_day", 9), **_CLOSED_TRAINING}],
        "spaces": [
            (OPEN_AREA, 24, False, _OPEN_AREA),
            (DESK, 1, True, _desk(1)),
            (DESK, 1, True, _desk(2)),
            (MEETING, 8, True, _MEETING),
            (QUIET, 4, False, _QUIET),
        ],
        "accessibility": "street_level",
    },
    {
        "slug": "ronna-traffpunkt",
        "kind": "meeting_place",
        "status": "open",
        "operator": "Ronna Områdesföretag ekonomisk förening",
        "municipality": "0181",
        "district": "Ronna",
        "street_address": "Grusåsgränd 4",
        "postal_code": "151 52",
        "city": "Södertälje",
        "latitude": "59.201500",
        "longitude": "17.601000",
        "capacity": 30,
        "phone": "08-465 004 11",
        "name": _t("Träffpunkt Ronna", "Ronna Meeting Point", "ملتقى رونا"),
        "description": _t(
            "En mötesplats för grannar, föreningar och läxhjälp på eftermiddagar och kvällar. "
            "Här lagar vi mat tillsammans och planerar aktiviteter i området.",
            "A meeting place for neighbours, associations and homework help in the afternoons "
            "and evenings. We cook together here and plan activities in the area.",
            "ملتقى للجيران والجمعيات والمساعدة في الواجبات المدرسية بعد الظهر وفي المساء. "
            "نطبخ هنا معاً ونخطط لأنشطة في الحي.",
        ),
        "amenities": ["wifi", "coffee", "kitchen", "baby-changing"],
        "languages": ["sv", "ar", "ti", "ku"],
        "hours": "meeting_evenings",
        "exceptions": [],
        "spaces": [
            (HALL, 30, True, _HALL),
            (WORKSHOP, 12, True, _KITCHEN_TABLE),
        ],
        "accessibility": "steps_at_entrance",
    },
    {
        "slug": "hovsjo",
        "kind": "public_office",
        "status": "open",
        "operator": "Hovsjö Kvartersförening",
        "municipality": "0181",
        "district": "Hovsjö",
        "street_address": "Kaxbergsgatan 9",
        "postal_code": "151 48",
        "city": "Södertälje",
        "latitude": "59.185800",
        "longitude": "17.583700",
        "capacity": 20,
        "email": "kontoret@hovsjo-kvarter.example.org",
        "name": _t("Allmänna kontoret Hovsjö", "Hovsjö Public Office", "المكتب العام في هوفشو"),
        "description": _t(
            "Ett litet och lugnt kontor som kvartersföreningen driver. Stängt vid lunch, då "
            "föreningens volontärer äter tillsammans.",
            "A small, calm office run by the neighbourhood association. Closed at lunchtime, "
            "when the association's volunteers eat together.",
            "مكتب صغير وهادئ تديره جمعية الحي. يُغلق وقت الغداء، حين يتناول متطوعو الجمعية "
            "الطعام معاً.",
        ),
        "amenities": ["wifi", "coffee", "printer", "bicycle-parking"],
        "languages": ["sv", "ar", "tr", "ku"],
        "hours": "lunch_break",
        "exceptions": [
            {
                "when": ("open_day", 3),
                "hours": [("09:00", "13:00")],
                "reason": _t(
                    "Föreningsstämma på eftermiddagen",
                    "Annual meeting of the association in the afternoon",
                    "الاجتماع السنوي للجمعية بعد الظهر",
                ),
            },
            {
                "when": ("open_day", 16),
                "closed": True,
                "reason": _t("Golvet slipas", "The floor is being sanded", "يجري صقل الأرضية"),
            },
        ],
        "spaces": [
            (OPEN_AREA, 14, False, _OPEN_AREA),
            (MEETING, 6, True, _MEETING),
        ],
        "accessibility": "upstairs_with_lift",
    },
    {
        "slug": "geneta",
        "kind": "public_office",
        "status": "planned",
        "operator": "Hovsjö Kvartersförening",
        "municipality": "0181",
        "district": "Geneta",
        "street_address": "Genetaleden 31",
        "postal_code": "151 53",
        "city": "Södertälje",
        "latitude": "59.193500",
        "longitude": "17.590500",
        "capacity": 25,
        "name": _t("Allmänna kontoret Geneta", "Geneta Public Office", "المكتب العام في يينيتا"),
        "description": _t(
            "Planeras att öppna i en före detta butikslokal. Säg vad du vill att kontoret ska "
            "erbjuda: vi samlar förslag fram till öppningen.",
            "Planned to open in a former shop. Tell us what you want the office to offer: we "
            "collect suggestions until the opening.",
            "من المخطط افتتاحه في محل تجاري سابق. أخبرنا بما تريد أن يقدمه المكتب: نجمع "
            "الاقتراحات حتى موعد الافتتاح.",
        ),
        "amenities": ["wifi"],
        "languages": ["sv", "ar"],
        "hours": None,
        "exceptions": [],
        "spaces": [(OPEN_AREA, 20, False, _OPEN_AREA)],
        "accessibility": "being_rebuilt",
    },
    {
        "slug": "fittja",
        "kind": "public_office",
        "status": "open",
        "operator": "Kooperativet Arbetsbänken i Fittja ekonomisk förening",
        "municipality": "0127",
        "district": "Fittja",
        "street_address": "Fittja torg 7",
        "postal_code": "145 51",
        "city": "Norsborg",
        "latitude": "59.247500",
        "longitude": "17.861200",
        "capacity": 50,
        "email": "fittja@arbetsbanken.example.org",
        "phone": "08-465 004 12",
        "name": _t("Allmänna kontoret Fittja", "Fittja Public Office", "المكتب العام في فيتيا"),
        "description": _t(
            "Kooperativets kontor vid Fittja torg, öppet till klockan 21 måndag till torsdag. "
            "Verkstaden har symaskiner och verktyg som alla får använda.",
            "The cooperative's office at Fittja square, open until 9 pm Monday to Thursday. The "
            "workshop has sewing machines and tools that everyone may use.",
            "مكتب التعاونية في ساحة فيتيا، مفتوح حتى الساعة التاسعة مساءً من الاثنين إلى "
            "الخميس. في الورشة ماكينات خياطة وأدوات يمكن للجميع استخدامها.",
        ),
        "amenities": ["wifi", "printer", "coffee", "kitchen", "projector", "charging", "lockers"],
        "languages": ["sv", "en", "tr", "ar", "fa", "es"],
        "hours": "evenings",
        "exceptions": [
            {
                "when": ("open_day", 5),
                "hours": [("12:00", "16:00")],
                "reason": _t(
                    "Kortare dag: brandövning på förmiddagen",
                    "Shorter day: fire drill in the morning",
                    "يوم أقصر: تدريب على الإخلاء في حالة الحريق صباحاً",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 30, False, _OPEN_AREA),
            (DESK, 1, True, _desk(1)),
            (DESK, 1, True, _desk(2)),
            (DESK, 1, True, _desk(3)),
            (MEETING, 4, True, _SMALL_MEETING),
            (MEETING, 12, True, _BIG_MEETING),
            (WORKSHOP, 10, True, _WORKSHOP),
        ],
        "accessibility": "street_level",
    },
    {
        "slug": "alby",
        "kind": "public_office",
        "status": "open",
        "operator": "Kvarnbackens Bostäder AB",
        "municipality": "0127",
        "district": "Alby",
        "street_address": "Alby torg 4",
        "postal_code": "145 59",
        "city": "Norsborg",
        "latitude": "59.239000",
        "longitude": "17.845500",
        "capacity": 35,
        "email": "alby@kvarnbacken-bostader.example.org",
        "phone": "08-465 004 13",
        "name": _t("Allmänna kontoret Alby", "Alby Public Office", "المكتب العام في ألبي"),
        "description": _t(
            "Öppet alla dagar 08–22 för alla med en nyckelbricka från receptionen. Personal "
            "finns på plats vardagar 10–16.",
            "Open every day 8 am to 10 pm for everyone with a key tag from the reception. Staff "
            "are there on weekdays from 10 am to 4 pm.",
            "مفتوح كل يوم من الساعة 8 صباحاً حتى 10 مساءً لكل من لديه بطاقة مفتاح من الاستقبال. "
            "يتواجد الموظفون أيام الأسبوع من الساعة 10 صباحاً حتى 4 بعد الظهر.",
        ),
        "amenities": ["wifi", "coffee", "kitchen", "lockers", "charging", "bicycle-parking"],
        "languages": ["sv", "en", "ar", "so", "ti"],
        "hours": "every_day",
        "exceptions": [
            {
                "when": ("holiday", 1),
                "hours": [("10:00", "16:00")],
                "reason": _t(
                    "Öppet på helgdagen, med fika för alla grannar",
                    "Open on the public holiday, with coffee for all neighbours",
                    "مفتوح في يوم العطلة الرسمية، مع قهوة لجميع الجيران",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 20, False, _OPEN_AREA),
            (QUIET, 6, False, _QUIET),
            (MEETING, 8, True, _MEETING),
        ],
        "accessibility": "street_level",
    },
    {
        "slug": "hallunda",
        "kind": "meeting_place",
        "status": "open",
        "operator": "Kooperativet Arbetsbänken i Fittja ekonomisk förening",
        "municipality": "0127",
        "district": "Hallunda",
        "street_address": "Hallunda torg 2",
        "postal_code": "145 68",
        "city": "Norsborg",
        "latitude": "59.243200",
        "longitude": "17.825000",
        "capacity": 25,
        "name": _t("Mötesplats Hallunda", "Hallunda Meeting Place", "ملتقى هالوندا"),
        "description": _t(
            "En mötesplats vid tunnelbanan där föreningar kan låna rum och hålla kurser.",
            "A meeting place by the metro station where associations can borrow rooms and "
            "hold courses.",
            "ملتقى بجانب محطة المترو حيث يمكن للجمعيات استعارة الغرف وتنظيم الدورات.",
        ),
        "amenities": ["wifi", "projector", "coffee"],
        "languages": ["sv", "es", "fi"],
        "hours": "lunch_break_afternoon",
        "exceptions": [],
        "spaces": [
            (HALL, 25, True, _HALL),
            (MEETING, 8, True, _MEETING),
        ],
        # No accessibility facts: the office page shows "not described yet".
        "accessibility": None,
    },
    {
        "slug": "tumba",
        "kind": "public_office",
        "status": "paused",
        "operator": "Kvarnbackens Bostäder AB",
        "municipality": "0127",
        "district": "Tumba",
        "street_address": "Tumba torg 11",
        "postal_code": "147 30",
        "city": "Tumba",
        "latitude": "59.199400",
        "longitude": "17.833500",
        "capacity": 18,
        "email": "tumba@kvarnbacken-bostader.example.org",
        "name": _t("Allmänna kontoret Tumba", "Tumba Public Office", "المكتب العام في تومبا"),
        "description": _t(
            "Pausat medan huset renoveras. Vi öppnar igen i samma lokal så snart "
            "renoveringen är klar.",
            "Paused while the building is renovated. We will reopen in the same premises as "
            "soon as the renovation is done.",
            "متوقف مؤقتاً أثناء تجديد المبنى. سنعيد الافتتاح في المكان نفسه فور انتهاء التجديد.",
        ),
        "amenities": ["wifi", "printer"],
        "languages": ["sv", "fi", "pl"],
        "hours": "office_day",
        "exceptions": [],
        "spaces": [
            (OPEN_AREA, 12, False, _OPEN_AREA),
            (MEETING, 6, True, _MEETING),
        ],
        "accessibility": "being_rebuilt",
    },
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
        "name": _t("Allmänna kontoret Rinkeby", "Rinkeby Public Office", "المكتب العام في رينكبي"),
        "description": _t(
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
                "reason": _t(
                    "Företagarmässa på torget: stängt mitt på dagen, öppet längre på kvällen",
                    "Business fair on the square: closed at midday, open later in the evening",
                    "معرض للأعمال في الساحة: مغلق في منتصف النهار ومفتوح لوقت أطول في المساء",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 28, False, _OPEN_AREA),
            (DESK, 1, True, _desk(1)),
            (DESK, 1, True, _desk(2)),
            (MEETING, 10, True, _MEETING),
            (QUIET, 3, False, _QUIET),
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
        "name": _t(
            "Allmänna kontoret i Tensta bibliotek",
            "Public Office at Tensta Library",
            "المكتب العام في مكتبة تنستا",
        ),
        "description": _t(
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
                "reason": _t("Inventering", "Stocktaking", "جرد"),
            }
        ],
        "spaces": [
            (OPEN_AREA, 16, False, _OPEN_AREA),
            (MEETING, 6, True, _t("Grupprum 1", "Group room 1", "غرفة المجموعات 1")),
            (MEETING, 6, True, _t("Grupprum 2", "Group room 2", "غرفة المجموعات 2")),
            (QUIET, 8, False, _t("Läsesalen", "Reading room", "قاعة القراءة")),
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
        "name": _t("Allmänna kontoret Husby", "Husby Public Office", "المكتب العام في هوسبي"),
        "description": _t(
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
            (OPEN_AREA, 14, False, _OPEN_AREA),
            (WORKSHOP, 8, True, _t("Ljudstudion", "Sound studio", "استوديو الصوت")),
            (MEETING, 6, True, _MEETING),
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
        "name": _t(
            "Allmänna kontoret Skärholmen", "Skärholmen Public Office", "المكتب العام في شيرهولمن"
        ),
        "description": _t(
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
            (OPEN_AREA, 18, False, _OPEN_AREA),
            (MEETING, 8, True, _MEETING),
            (QUIET, 2, False, _QUIET),
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
        "name": _t(
            "Allmänna kontoret Flemingsberg",
            "Flemingsberg Public Office",
            "المكتب العام في فليمينغسبيري",
        ),
        "description": _t(
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
            (OPEN_AREA, 40, False, _OPEN_AREA),
            (DESK, 1, True, _desk(1)),
            (DESK, 1, True, _desk(2)),
            (MEETING, 6, True, _SMALL_MEETING),
            (MEETING, 14, True, _BIG_MEETING),
            (QUIET, 4, False, _QUIET),
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
        "name": _t("Mötesplats Vårby gård", "Vårby gård Meeting Place", "ملتقى فوربي غورد"),
        "description": _t(
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
                "reason": _t(
                    "Samlingssalen är uthyrd till en bröllopsfest",
                    "The hall is let for a wedding party",
                    "القاعة مؤجرة لحفل زفاف",
                ),
            }
        ],
        "spaces": [
            (HALL, 40, True, _HALL),
            (MEETING, 10, True, _MEETING),
        ],
        "accessibility": "upstairs_with_lift",
    },
]
