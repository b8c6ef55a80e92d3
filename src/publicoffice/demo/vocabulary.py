"""Shared vocabulary of the demo network: amenities, staff languages, weekly
opening-hour patterns and accessibility profiles.

Plain data only; :mod:`publicoffice.demo.loader` writes it. Texts are given
in Swedish, English and Arabic; Persian, Somali and Tigrinya are left empty
so the interface shows its fallback.
"""

from __future__ import annotations

# code -> names (sv, en, ar)
AMENITIES: dict[str, dict[str, str]] = {
    "wifi": {"sv": "Wifi", "en": "Wi-Fi", "ar": "واي فاي"},
    "printer": {"sv": "Skrivare", "en": "Printer", "ar": "طابعة"},
    "coffee": {"sv": "Kaffe och te", "en": "Coffee and tea", "ar": "قهوة وشاي"},
    "kitchen": {"sv": "Pentry", "en": "Kitchenette", "ar": "مطبخ صغير"},
    "lockers": {"sv": "Förvaringsskåp", "en": "Lockers", "ar": "خزائن للأغراض"},
    "projector": {"sv": "Projektor", "en": "Projector", "ar": "جهاز عرض"},
    "quiet-zone": {"sv": "Tyst zon", "en": "Quiet zone", "ar": "منطقة هادئة"},
    "baby-changing": {"sv": "Skötbord", "en": "Baby changing table", "ar": "طاولة لتغيير الحفاضات"},
    "charging": {
        "sv": "Laddning för mobil och dator",
        "en": "Charging for phones and laptops",
        "ar": "شحن للهواتف والحواسيب",
    },
    "bicycle-parking": {"sv": "Cykelparkering", "en": "Bicycle parking", "ar": "موقف للدراجات"},
}

# code -> (endonym, names sv/en/ar)
LANGUAGES: dict[str, tuple[str, dict[str, str]]] = {
    "sv": ("svenska", {"sv": "svenska", "en": "Swedish", "ar": "السويدية"}),
    "en": ("English", {"sv": "engelska", "en": "English", "ar": "الإنجليزية"}),
    "ar": ("العربية", {"sv": "arabiska", "en": "Arabic", "ar": "العربية"}),
    "fa": ("فارسی", {"sv": "persiska", "en": "Persian", "ar": "الفارسية"}),
    "so": ("Soomaali", {"sv": "somaliska", "en": "Somali", "ar": "الصومالية"}),
    "ti": ("ትግርኛ", {"sv": "tigrinska", "en": "Tigrinya", "ar": "التغرينية"}),
    "ku": ("Kurdî", {"sv": "kurdiska", "en": "Kurdish", "ar": "الكردية"}),
    "tr": ("Türkçe", {"sv": "turkiska", "en": "Turkish", "ar": "التركية"}),
    "pl": ("polski", {"sv": "polska", "en": "Polish", "ar": "البولندية"}),
    "es": ("español", {"sv": "spanska", "en": "Spanish", "ar": "الإسبانية"}),
    "fi": ("suomi", {"sv": "finska", "en": "Finnish", "ar": "الفنلندية"}),
}

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = (MON, TUE, WED, THU, FRI)


def _days(days: tuple[int, ...], *intervals: tuple[str, str]) -> dict[int, list[tuple[str, str]]]:
    return {day: list(intervals) for day in days}


# pattern name -> weekday (0 = Monday) -> intervals ("HH:MM", "HH:MM")
HOURS: dict[str, dict[int, list[tuple[str, str]]]] = {
    # Weekdays all day, short Saturday.
    "weekdays_and_saturday": {
        **_days(WEEKDAYS, ("08:00", "18:00")),
        SAT: [("10:00", "14:00")],
    },
    # Lunch break: two intervals a day.
    "lunch_break": _days(WEEKDAYS, ("09:00", "12:00"), ("13:00", "16:00")),
    "lunch_break_afternoon": _days(WEEKDAYS, ("10:00", "12:00"), ("13:00", "17:00")),
    # Evenings until 21:00 and Saturdays.
    "evenings": {
        **_days((MON, TUE, WED, THU), ("09:00", "21:00")),
        FRI: [("09:00", "17:00")],
        SAT: [("10:00", "15:00")],
    },
    # Lunch break, evenings until 20:00 and Saturday.
    "lunch_and_evenings": {
        **_days(WEEKDAYS, ("09:00", "11:30"), ("12:30", "20:00")),
        SAT: [("10:00", "14:00")],
    },
    # Self-service with a key tag, every day of the week.
    "every_day": _days((MON, TUE, WED, THU, FRI, SAT, SUN), ("08:00", "22:00")),
    "office_day": _days(WEEKDAYS, ("09:00", "17:00")),
    "early_and_late": _days(WEEKDAYS, ("07:30", "19:00")),
    "library": {
        **_days((MON, TUE, WED, THU), ("10:00", "19:00")),
        FRI: [("10:00", "18:00")],
        SAT: [("12:00", "16:00")],
        SUN: [("12:00", "16:00")],
    },
    # A meeting place: afternoons and evenings, plus Saturday.
    "meeting_evenings": {
        **_days((TUE, WED, THU), ("15:00", "20:00")),
        SAT: [("11:00", "16:00")],
    },
}


def t(sv: str, en: str, ar: str) -> dict[str, str]:
    return {"sv": sv, "en": en, "ar": ar}


_EMPTY = t("", "", "")

# profile name -> the facts. Each category is (status, texts).
ACCESSIBILITY: dict[str, dict[str, object]] = {
    "street_level": {
        "moving": (
            "yes",
            t(
                "Entré i gatuplan med automatisk dörr. Alla rum ligger på samma plan.",
                "Street-level entrance with an automatic door. All rooms are on one floor.",
                "مدخل على مستوى الشارع بباب أوتوماتيكي. جميع الغرف في طابق واحد.",
            ),
        ),
        "seeing": (
            "partly",
            t(
                "Kontrastmarkerad entré och skyltar med stor text, men ingen punktskrift.",
                "Entrance marked in contrasting colours and signs in large print, but no braille.",
                "مدخل مُعلَّم بألوان متباينة ولافتات بخط كبير، لكن لا توجد كتابة برايل.",
            ),
        ),
        "hearing": (
            "yes",
            t(
                "Hörslinga vid receptionen och i mötesrummet.",
                "Hearing loop at the reception and in the meeting room.",
                "حلقة سمعية عند الاستقبال وفي غرفة الاجتماعات.",
            ),
        ),
        "substances": (
            "partly",
            t(
                "Personalen använder inga parfymer. Det finns gröna växter i lokalen.",
                "Staff wear no perfume. There are green plants in the premises.",
                "لا يستخدم الموظفون العطور. توجد نباتات خضراء في المكان.",
            ),
        ),
        "information": (
            "yes",
            t(
                "Tydliga bildskyltar, och personal som hjälper till på flera språk.",
                "Clear picture signs, and staff who help in several languages.",
                "لافتات واضحة بالصور، وموظفون يساعدون بعدة لغات.",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "yes",
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "upstairs_with_lift": {
        "moving": (
            "partly",
            t(
                "Lokalen ligger en trappa upp. Hiss från torget; hissdörren är 80 cm bred.",
                "The premises are one floor up. Lift from the square; the lift door is 80 cm wide.",
                "يقع المكان في الطابق الأول. يوجد مصعد من الساحة؛ عرض باب المصعد 80 سم.",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": (
            "no",
            t("Ingen hörslinga ännu.", "No hearing loop yet.", "لا توجد حلقة سمعية بعد."),
        ),
        "substances": (
            "yes",
            t(
                "Inga mattor eller växter. Lokalen städas varje dag.",
                "No carpets or plants. The premises are cleaned every day.",
                "لا سجاد ولا نباتات. يُنظَّف المكان كل يوم.",
            ),
        ),
        "information": (
            "partly",
            t(
                "Skyltar på svenska och engelska. Fråga personalen om du behöver hjälp.",
                "Signs in Swedish and English. Ask the staff if you need help.",
                "اللافتات بالسويدية والإنجليزية. اسأل الموظفين إذا احتجت إلى مساعدة.",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "limited",
        "accessible_toilet": True,
        "hearing_loop": False,
    },
    "library_building": {
        "moving": (
            "yes",
            t(
                "Stegfri entré från torget och breda gångar mellan hyllorna.",
                "Step-free entrance from the square and wide aisles between the shelves.",
                "مدخل بلا درجات من الساحة وممرات واسعة بين الرفوف.",
            ),
        ),
        "seeing": (
            "yes",
            t(
                "Talböcker, förstoringsskärm och ledstråk från entrén till informationsdisken.",
                "Audiobooks, a magnifying screen and a tactile path from the entrance to the desk.",
                "كتب مسموعة وشاشة تكبير وممر إرشادي ملموس من المدخل إلى مكتب المعلومات.",
            ),
        ),
        "hearing": (
            "yes",
            t(
                "Hörslinga vid informationsdisken och i hörsalen.",
                "Hearing loop at the information desk and in the auditorium.",
                "حلقة سمعية عند مكتب المعلومات وفي القاعة.",
            ),
        ),
        "substances": (
            "partly",
            t(
                "Blommande växter vid fönstren under våren.",
                "Flowering plants by the windows in spring.",
                "نباتات مزهرة بجانب النوافذ في فصل الربيع.",
            ),
        ),
        "information": (
            "yes",
            t(
                "Lättläst information och bildstöd vid entrén.",
                "Easy-to-read information and picture support at the entrance.",
                "معلومات سهلة القراءة ودعم بالصور عند المدخل.",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "yes",
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "steps_at_entrance": {
        "moving": (
            "no",
            t(
                "Tre trappsteg vid entrén och ingen ramp. Personalen hjälper gärna till att "
                "boka ett tillgängligt rum i närheten.",
                "Three steps at the entrance and no ramp. The staff gladly help you book an "
                "accessible room nearby.",
                "ثلاث درجات عند المدخل ولا يوجد منحدر. يسعد الموظفون بمساعدتك في حجز غرفة "
                "مناسبة قريبة.",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": ("unknown", _EMPTY),
        "substances": (
            "no",
            t(
                "Vi lagar mat tillsammans i lokalen flera gånger i veckan.",
                "We cook together in the premises several times a week.",
                "نطبخ معاً في المكان عدة مرات في الأسبوع.",
            ),
        ),
        "information": (
            "partly",
            t(
                "Skyltar på fem språk, men ingen lättläst information ännu.",
                "Signs in five languages, but no easy-to-read information yet.",
                "لافتات بخمس لغات، لكن لا توجد معلومات سهلة القراءة بعد.",
            ),
        ),
        "step_free_entrance": False,
        "wheelchair": "no",
        "accessible_toilet": False,
        "hearing_loop": None,
    },
    "being_rebuilt": {
        "moving": (
            "unknown",
            t(
                "Lokalen byggs om. Planen är stegfri entré och en tillgänglig toalett.",
                "The premises are being rebuilt. The plan is a step-free entrance and an "
                "accessible toilet.",
                "يجري تجديد المكان. الخطة هي مدخل بلا درجات ومرحاض مجهز لذوي الإعاقة.",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": ("unknown", _EMPTY),
        "substances": ("unknown", _EMPTY),
        "information": ("unknown", _EMPTY),
        "step_free_entrance": None,
        "wheelchair": "",
        "accessible_toilet": None,
        "hearing_loop": None,
    },
}

# Spaces: (kind, capacity, bookable, names sv/en/ar). Names are unique per office.
OPEN_AREA = "open_desk_area"
DESK = "desk"
MEETING = "meeting_room"
QUIET = "quiet_room"
WORKSHOP = "workshop"
HALL = "hall"

OPEN_AREA_NAME = t("Öppna arbetsytan", "Open work area", "مساحة العمل المفتوحة")
MEETING_NAME = t("Mötesrummet", "Meeting room", "غرفة الاجتماعات")
SMALL_MEETING_NAME = t("Lilla mötesrummet", "Small meeting room", "غرفة الاجتماعات الصغيرة")
BIG_MEETING_NAME = t("Stora mötesrummet", "Large meeting room", "غرفة الاجتماعات الكبيرة")
QUIET_NAME = t("Tysta rummet", "Quiet room", "الغرفة الهادئة")
WORKSHOP_NAME = t("Verkstaden", "Workshop", "الورشة")
HALL_NAME = t("Samlingssalen", "Assembly hall", "قاعة التجمع")
KITCHEN_TABLE_NAME = t("Köksbordet", "Kitchen table", "طاولة المطبخ")


def desk_name(number: int) -> dict[str, str]:
    return t(f"Skrivbord {number}", f"Desk {number}", f"مكتب رقم {number}")


CLOSED_FOR_TRAINING = {
    "closed": True,
    "reason": t("Personalen utbildar sig", "Staff training day", "يوم تدريب للموظفين"),
}
