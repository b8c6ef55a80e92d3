"""The demo's events as plain data: the kinds of event the offices hold, and the proposals.

Texts are given in Swedish, English and Arabic, as a host and a translator
would enter them. The Swedish text goes through the event services (the
default language, which every other language falls back to); the English
and Arabic ones are added afterwards, as translations are added in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventKind:
    """One kind of event an office holds again and again."""

    key: str
    title: dict[str, str]
    description: dict[str, str]
    minutes: int
    #: Seats, never more than the room takes; None: anyone can come.
    capacity: int | None
    languages: tuple[str, ...]
    audience: str
    #: Hours (local) the event likes to start at, best first.
    hours: tuple[int, ...]
    #: Share of an office's events that are of this kind.
    weight: float
    accessibility: str = ""


KINDS: tuple[EventKind, ...] = (
    EventKind(
        key="language-cafe",
        title={"sv": "Språkcafé", "en": "Language café", "ar": "مقهى اللغة"},
        description={
            "sv": "Öva svenska över en kopp kaffe. Alla nivåer är välkomna, och du behöver "
            "inte anmäla dig.",
            "en": "Practise Swedish over a cup of coffee. All levels are welcome, and you do "
            "not need to sign up.",
            "ar": "مارس اللغة السويدية مع فنجان قهوة. جميع المستويات مرحب بها، ولا حاجة للتسجيل.",
        },
        minutes=120,
        capacity=None,
        languages=("sv", "ar", "so", "en"),
        audience="everyone",
        hours=(17, 13, 10),
        weight=0.24,
        accessibility="Vi pratar långsamt och tydligt. Barn får följa med.",
    ),
    EventKind(
        key="cv-workshop",
        title={"sv": "CV-verkstad", "en": "CV workshop", "ar": "ورشة السيرة الذاتية"},
        description={
            "sv": "Ta med ditt CV eller börja från början. Vi hjälper dig att skriva det och "
            "ett personligt brev, på svenska eller engelska.",
            "en": "Bring your CV or start from scratch. We help you write it and a cover "
            "letter, in Swedish or English.",
            "ar": "أحضر سيرتك الذاتية أو ابدأ من الصفر. نساعدك في كتابتها وكتابة رسالة "
            "تعريفية بالسويدية أو الإنجليزية.",
        },
        minutes=120,
        capacity=8,
        languages=("sv", "en", "ar"),
        audience="adults",
        hours=(10, 13, 17),
        weight=0.16,
    ),
    EventKind(
        key="homework-help",
        title={"sv": "Läxhjälp", "en": "Homework help", "ar": "المساعدة في الواجبات المدرسية"},
        description={
            "sv": "Volontärer hjälper barn och unga i årskurs 4–9 med matte, svenska och "
            "engelska. Föräldrar är välkomna att sitta med.",
            "en": "Volunteers help children and young people in years 4–9 with maths, Swedish "
            "and English. Parents are welcome to join.",
            "ar": "يساعد متطوعون الأطفال والشباب من الصف الرابع حتى التاسع في الرياضيات "
            "والسويدية والإنجليزية. أولياء الأمور مرحب بهم.",
        },
        minutes=90,
        capacity=12,
        languages=("sv", "ar", "so"),
        audience="children",
        hours=(15, 16, 17),
        weight=0.16,
    ),
    EventKind(
        key="association-evening",
        title={
            "sv": "Föreningskväll: söka bidrag",
            "en": "Association evening: applying for funding",
            "ar": "أمسية الجمعيات: التقدّم بطلبات التمويل",
        },
        description={
            "sv": "För styrelser och eldsjälar: vilka bidrag finns, hur skriver man en "
            "ansökan, och hur redovisar man efteråt?",
            "en": "For boards and volunteers: which grants exist, how to write an "
            "application, and how to report afterwards.",
            "ar": "لمجالس الإدارة والمتطوعين: ما المنح المتاحة، وكيف تُكتب الطلبات، وكيف "
            "تُقدَّم التقارير بعد ذلك.",
        },
        minutes=120,
        capacity=20,
        languages=("sv",),
        audience="associations",
        hours=(18, 17, 14),
        weight=0.1,
    ),
    EventKind(
        key="startup-advice",
        title={
            "sv": "Starta eget – rådgivning",
            "en": "Starting a business: advice",
            "ar": "استشارات لبدء مشروع تجاري",
        },
        description={
            "sv": "Har du en affärsidé? En rådgivare går igenom företagsform, F-skatt, "
            "bokföring och de första kunderna med dig.",
            "en": "Have a business idea? An adviser goes through company forms, tax "
            "registration, bookkeeping and your first customers with you.",
            "ar": "هل لديك فكرة مشروع؟ يشرح لك مستشار أشكال الشركات والتسجيل الضريبي ومسك "
            "الدفاتر والعملاء الأوائل.",
        },
        minutes=90,
        capacity=6,
        languages=("sv", "ar", "en"),
        audience="entrepreneurs",
        hours=(13, 10, 17),
        weight=0.12,
    ),
    EventKind(
        key="sewing-cafe",
        title={"sv": "Sykafé", "en": "Sewing café", "ar": "مقهى الخياطة"},
        description={
            "sv": "Laga, sy om och sy nytt tillsammans. Symaskiner finns, ta gärna med eget tyg.",
            "en": "Mend, alter and sew something new together. Sewing machines are here; "
            "bring your own fabric if you like.",
            "ar": "نصلح ونعدّل ونخيط أشياء جديدة معاً. ماكينات الخياطة متوفرة، ويمكنك إحضار قماشك.",
        },
        minutes=120,
        capacity=10,
        languages=("sv", "ar", "so"),
        audience="women",
        hours=(13, 17, 10),
        weight=0.1,
        accessibility="Sittplatser med ryggstöd. Säg till om du behöver hjälp med maskinen.",
    ),
    EventKind(
        key="digital-help",
        title={
            "sv": "Digitalhjälp: BankID och e-tjänster",
            "en": "Digital help: BankID and e-services",
            "ar": "مساعدة رقمية: BankID والخدمات الإلكترونية",
        },
        description={
            "sv": "Få hjälp med mobilt BankID, 1177, Försäkringskassan och andra e-tjänster. "
            "Ta med telefon och legitimation.",
            "en": "Get help with Mobile BankID, 1177, the Social Insurance Agency and other "
            "e-services. Bring your phone and ID.",
            "ar": "احصل على المساعدة في BankID على الهاتف و1177 ومصلحة التأمينات وخدمات "
            "إلكترونية أخرى. أحضر هاتفك وبطاقة الهوية.",
        },
        minutes=90,
        capacity=8,
        languages=("sv", "ar", "fa"),
        audience="seniors",
        hours=(10, 13, 14),
        weight=0.07,
    ),
    EventKind(
        key="newcomer-info",
        title={
            "sv": "Ny i Sverige: frågestund",
            "en": "New in Sweden: questions and answers",
            "ar": "جديد في السويد: أسئلة وأجوبة",
        },
        description={
            "sv": "Vägledare svarar på frågor om skola, bostad, vård och jobb. Tolkar finns "
            "på arabiska, somaliska, tigrinja och persiska.",
            "en": "Guides answer questions about school, housing, health care and work. "
            "Interpreters for Arabic, Somali, Tigrinya and Persian are here.",
            "ar": "يجيب مرشدون عن أسئلة حول المدرسة والسكن والرعاية الصحية والعمل. يتوفر "
            "مترجمون للعربية والصومالية والتغرينية والفارسية.",
        },
        minutes=90,
        capacity=None,
        languages=("sv", "ar", "so", "ti", "fa"),
        audience="newcomers",
        hours=(14, 17, 10),
        weight=0.05,
    ),
)

#: Members' proposals: (e-mail local part, office slug, days ahead, hour,
#: language written in, title, description, what the host does).
PROPOSALS: tuple[tuple[str, str, int, int, str, str, str, str], ...] = (
    (
        "nour",
        "rinkeby",
        9,
        13,
        "ar",
        "تذوق المطبخ الشامي",
        "أطبخ أطباقاً من حلب وأشرح الوصفات. مفتوح للجميع، ونتحدث العربية والسويدية.",
        "waiting",
    ),
    (
        "yonas",
        "husby",
        12,
        13,
        "en",
        "Bike repair for everyone",
        "Bring your bike: we fix brakes, chains and lights together and you learn how.",
        "waiting",
    ),
    (
        "leyla",
        "tensta-bibliotek",
        8,
        13,
        "sv",
        "Porträttfoto för CV:t",
        "Jag tar enkla porträtt som du kan använda i ditt CV och på LinkedIn.",
        "waiting",
    ),
    (
        "sofia",
        "fittja",
        10,
        17,
        "sv",
        "Dansworkshop för unga",
        "Vi lär oss en kort koreografi tillsammans. Inga förkunskaper behövs.",
        "approved",
    ),
    (
        "hodan",
        "ronna",
        6,
        10,
        "sv",
        "Somalisk matlagning",
        "Vi lagar sambusa och pratar om mat från Somalia.",
        "declined",
    ),
)

#: Kinds of event that get more registrations than seats (a waitlist), at two offices.
FILLED_KINDS: tuple[str, ...] = ("cv-workshop", "startup-advice")

#: What the demo logins (e-mail local part) register for: kinds, in turn, in
#: coming events that still have room.
LOGIN_REGISTRATIONS: dict[str, tuple[str, ...]] = {
    "nour": ("language-cafe", "startup-advice"),
    "amina": ("sewing-cafe", "association-evening"),
    "johan": ("startup-advice",),
    "karim": ("association-evening",),
}

#: Why the host said no to the declined proposal.
DECLINE_REASON = "Mötesrummet har inget kök. Prova Köksbordet på Ronna Träffpunkt i stället!"
CANCEL_NOTE = "Ledaren är sjuk. Vi hör av oss med ett nytt datum."
POSTPONE_NOTE = "Nytt datum kommer snart, vi meddelar alla som anmält sig."
#: Where a moved event is now: ``%(day)s``, ``%(time)s`` and ``%(room)s``.
MOVE_NOTE = "Flyttad till %(day)s kl. %(time)s i %(room)s."
