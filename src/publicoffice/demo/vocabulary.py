"""Shared vocabulary of the demo network: amenities, staff languages, weekly
opening-hour patterns, space names and the helpers that write texts.

Plain data only; :mod:`publicoffice.demo.loader` writes it. Every text is
given in all six interface languages (Swedish, English, Arabic, Persian,
Somali, Tigrinya) through :func:`t`, as an office that has had its texts
translated would enter them. Exactly one piece of the demo is deliberately
left untranslated in Persian, Somali and Tigrinya, to show the visible
fallback: see :func:`not_yet_translated`. The accessibility facts are in
:mod:`publicoffice.demo.accessibility`.

The Persian, Somali and Tigrinya texts are the team's drafts, written with
the glossaries in ``docs/translation/``.
"""

from __future__ import annotations

#: The languages every demo text is written in, in the order :func:`t` takes them.
TEXT_LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")


def t(sv: str, en: str, ar: str, fa: str, so: str, ti: str) -> dict[str, str]:
    """A text in all six interface languages."""
    return {"sv": sv, "en": en, "ar": ar, "fa": fa, "so": so, "ti": ti}


def not_yet_translated(sv: str, en: str, ar: str) -> dict[str, str]:
    """A text its operator has written only in Swedish, English and Arabic.

    Used once on purpose, for the demo's deliberate gap: the description of
    Hallunda Meeting Place (``offices_south_texts.HALLUNDA_DESCRIPTION``) and
    the description of the association evening, an event held in Swedish
    only (``events_texts.ASSOCIATION_EVENING_DESCRIPTION``). A Persian,
    Somali or Tigrinya reader sees them in English, marked as a fallback,
    while everything around them is in their language.
    """
    return {"sv": sv, "en": en, "ar": ar, "fa": "", "so": "", "ti": ""}


# code -> names in the six languages
AMENITIES: dict[str, dict[str, str]] = {
    "wifi": t("Wifi", "Wi-Fi", "واي فاي", "وای‌فای", "Wi-Fi", "ዋይፋይ"),
    "printer": t("Skrivare", "Printer", "طابعة", "چاپگر", "Mashiinka daabacaadda", "ፕሪንተር"),
    "coffee": t(
        "Kaffe och te", "Coffee and tea", "قهوة وشاي", "قهوه و چای", "Kafee iyo shaah", "ቡንን ሻሂን"
    ),
    "kitchen": t("Pentry", "Kitchenette", "مطبخ صغير", "آشپزخانه‌ی کوچک", "Jikada yar", "ንእሽቶ ክሽነ"),
    "lockers": t(
        "Förvaringsskåp",
        "Lockers",
        "خزائن للأغراض",
        "کمد برای وسایل",
        "Armaajooyin alaabta",
        "መቐመጢ ንብረት",
    ),
    "projector": t("Projektor", "Projector", "جهاز عرض", "ویدئو پروژکتور", "Borojektar", "ፕሮጀክተር"),
    "quiet-zone": t("Tyst zon", "Quiet zone", "منطقة هادئة", "فضای ساکت", "Meel aamusan", "ህዱእ ቦታ"),
    "baby-changing": t(
        "Skötbord",
        "Baby changing table",
        "طاولة لتغيير الحفاضات",
        "میز تعویض پوشک",
        "Miiska xafaayadda ilmaha",
        "ጣውላ ምቕያር ዳይፐር",
    ),
    "charging": t(
        "Laddning för mobil och dator",
        "Charging for phones and laptops",
        "شحن للهواتف والحواسيب",
        "شارژ موبایل و لپ‌تاپ",
        "Dallacaadda taleefannada iyo laptop-yada",
        "ቻርጅ ንተሌፎንን ላፕቶፕን",
    ),
    "bicycle-parking": t(
        "Cykelparkering",
        "Bicycle parking",
        "موقف للدراجات",
        "پارکینگ دوچرخه",
        "Baarkinka baaskiilada",
        "መቐመጢ ብሽክለታታት",
    ),
}

# code -> (endonym, names in the six languages)
LANGUAGES: dict[str, tuple[str, dict[str, str]]] = {
    "sv": ("svenska", t("svenska", "Swedish", "السويدية", "سوئدی", "Iswiidhish", "ሽወደንኛ")),
    "en": ("English", t("engelska", "English", "الإنجليزية", "انگلیسی", "Ingiriisi", "እንግሊዝኛ")),
    "ar": ("العربية", t("arabiska", "Arabic", "العربية", "عربی", "Carabi", "ዓረብኛ")),
    "fa": ("فارسی", t("persiska", "Persian", "الفارسية", "فارسی", "Faarisi", "ፋርስኛ")),
    "so": ("Soomaali", t("somaliska", "Somali", "الصومالية", "سومالیایی", "Soomaali", "ሶማልኛ")),
    "ti": ("ትግርኛ", t("tigrinska", "Tigrinya", "التغرينية", "تیگرینیا", "Tigrinya", "ትግርኛ")),
    "ku": ("Kurdî", t("kurdiska", "Kurdish", "الكردية", "کردی", "Kurdi", "ኩርድኛ")),
    "tr": ("Türkçe", t("turkiska", "Turkish", "التركية", "ترکی", "Turki", "ቱርክኛ")),
    "pl": ("polski", t("polska", "Polish", "البولندية", "لهستانی", "Boolish", "ፖላንድኛ")),
    "es": ("español", t("spanska", "Spanish", "الإسبانية", "اسپانیایی", "Isbaanish", "ስጳንኛ")),
    "fi": ("suomi", t("finska", "Finnish", "الفنلندية", "فنلاندی", "Finlandees", "ፊንላንድኛ")),
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


# Spaces: (kind, capacity, bookable, names). Names are unique per office.
OPEN_AREA = "open_desk_area"
DESK = "desk"
MEETING = "meeting_room"
QUIET = "quiet_room"
WORKSHOP = "workshop"
HALL = "hall"

OPEN_AREA_NAME = t(
    "Öppna arbetsytan",
    "Open work area",
    "مساحة العمل المفتوحة",
    "فضای کار باز",
    "Meesha shaqada ee furan",
    "ክፉት ቦታ ስራሕ",
)
MEETING_NAME = t(
    "Mötesrummet", "Meeting room", "غرفة الاجتماعات", "اتاق جلسه", "Qolka shirka", "ክፍሊ ኣኼባ"
)
SMALL_MEETING_NAME = t(
    "Lilla mötesrummet",
    "Small meeting room",
    "غرفة الاجتماعات الصغيرة",
    "اتاق جلسه‌ی کوچک",
    "Qolka shirka ee yar",
    "ንእሽቶ ክፍሊ ኣኼባ",
)
BIG_MEETING_NAME = t(
    "Stora mötesrummet",
    "Large meeting room",
    "غرفة الاجتماعات الكبيرة",
    "اتاق جلسه‌ی بزرگ",
    "Qolka shirka ee weyn",
    "ዓቢ ክፍሊ ኣኼባ",
)
QUIET_NAME = t(
    "Tysta rummet", "Quiet room", "الغرفة الهادئة", "اتاق سکوت", "Qolka aamusan", "ህዱእ ክፍሊ"
)
WORKSHOP_NAME = t("Verkstaden", "Workshop", "الورشة", "کارگاه", "Qolka farsamada", "ቤት ዕዮ")
HALL_NAME = t(
    "Samlingssalen", "Assembly hall", "قاعة التجمع", "سالن اجتماعات", "Hoolka kulanka", "ኣዳራሽ ኣኼባ"
)
KITCHEN_TABLE_NAME = t(
    "Köksbordet", "Kitchen table", "طاولة المطبخ", "میز آشپزخانه", "Miiska jikada", "ጣውላ ክሽነ"
)


def desk_name(number: int) -> dict[str, str]:
    return t(
        f"Skrivbord {number}",
        f"Desk {number}",
        f"مكتب رقم {number}",
        f"میز کار {number}",
        f"Miis shaqo {number}",
        f"ጣውላ ስራሕ {number}",
    )


CLOSED_FOR_TRAINING = {
    "closed": True,
    "reason": t(
        "Personalen utbildar sig",
        "Staff training day",
        "يوم تدريب للموظفين",
        "روز آموزش کارکنان",
        "Maalinta tababarka shaqaalaha",
        "መዓልቲ ስልጠና ሰራሕተኛታት",
    ),
}
