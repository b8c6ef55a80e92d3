"""Demo offices in Södertälje and Botkyrka.

Plain data; see :mod:`publicoffice.demo.network` for what the fields mean.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import (
    BIG_MEETING_NAME,
    CLOSED_FOR_TRAINING,
    DESK,
    HALL,
    HALL_NAME,
    KITCHEN_TABLE_NAME,
    MEETING,
    MEETING_NAME,
    OPEN_AREA,
    OPEN_AREA_NAME,
    QUIET,
    QUIET_NAME,
    SMALL_MEETING_NAME,
    WORKSHOP,
    WORKSHOP_NAME,
    desk_name,
    t,
)

SOUTH: list[dict[str, object]] = [
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
        "name": t("Allmänna kontoret Ronna", "Ronna Public Office", "المكتب العام في رونا"),
        "description": t(
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
        "exceptions": [{"when": ("open_day", 9), **CLOSED_FOR_TRAINING}],
        "spaces": [
            (OPEN_AREA, 24, False, OPEN_AREA_NAME),
            (DESK, 1, True, desk_name(1)),
            (DESK, 1, True, desk_name(2)),
            (MEETING, 8, True, MEETING_NAME),
            (QUIET, 4, False, QUIET_NAME),
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
        "name": t("Träffpunkt Ronna", "Ronna Meeting Point", "ملتقى رونا"),
        "description": t(
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
            (HALL, 30, True, HALL_NAME),
            (WORKSHOP, 12, True, KITCHEN_TABLE_NAME),
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
        "name": t("Allmänna kontoret Hovsjö", "Hovsjö Public Office", "المكتب العام في هوفشو"),
        "description": t(
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
                "reason": t(
                    "Föreningsstämma på eftermiddagen",
                    "Annual meeting of the association in the afternoon",
                    "الاجتماع السنوي للجمعية بعد الظهر",
                ),
            },
            {
                "when": ("open_day", 16),
                "closed": True,
                "reason": t("Golvet slipas", "The floor is being sanded", "يجري صقل الأرضية"),
            },
        ],
        "spaces": [
            (OPEN_AREA, 14, False, OPEN_AREA_NAME),
            (MEETING, 6, True, MEETING_NAME),
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
        "name": t("Allmänna kontoret Geneta", "Geneta Public Office", "المكتب العام في يينيتا"),
        "description": t(
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
        "spaces": [(OPEN_AREA, 20, False, OPEN_AREA_NAME)],
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
        "name": t("Allmänna kontoret Fittja", "Fittja Public Office", "المكتب العام في فيتيا"),
        "description": t(
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
                "reason": t(
                    "Kortare dag: brandövning på förmiddagen",
                    "Shorter day: fire drill in the morning",
                    "يوم أقصر: تدريب على الإخلاء في حالة الحريق صباحاً",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 30, False, OPEN_AREA_NAME),
            (DESK, 1, True, desk_name(1)),
            (DESK, 1, True, desk_name(2)),
            (DESK, 1, True, desk_name(3)),
            (MEETING, 4, True, SMALL_MEETING_NAME),
            (MEETING, 12, True, BIG_MEETING_NAME),
            (WORKSHOP, 10, True, WORKSHOP_NAME),
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
        "name": t("Allmänna kontoret Alby", "Alby Public Office", "المكتب العام في ألبي"),
        "description": t(
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
                "reason": t(
                    "Öppet på helgdagen, med fika för alla grannar",
                    "Open on the public holiday, with coffee for all neighbours",
                    "مفتوح في يوم العطلة الرسمية، مع قهوة لجميع الجيران",
                ),
            }
        ],
        "spaces": [
            (OPEN_AREA, 20, False, OPEN_AREA_NAME),
            (QUIET, 6, False, QUIET_NAME),
            (MEETING, 8, True, MEETING_NAME),
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
        "name": t("Mötesplats Hallunda", "Hallunda Meeting Place", "ملتقى هالوندا"),
        "description": t(
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
            (HALL, 25, True, HALL_NAME),
            (MEETING, 8, True, MEETING_NAME),
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
        "name": t("Allmänna kontoret Tumba", "Tumba Public Office", "المكتب العام في تومبا"),
        "description": t(
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
            (OPEN_AREA, 12, False, OPEN_AREA_NAME),
            (MEETING, 6, True, MEETING_NAME),
        ],
        "accessibility": "being_rebuilt",
    },
]
