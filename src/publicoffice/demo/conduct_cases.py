"""What happened at the demo's offices under the house rules, and what staff decided.

People are named by the local part of their demo e-mail (``tariq`` is
``tariq@demo.publicoffice.example``); moments are ``(days ago, hour)``.
Staff write in Swedish (Ronna's host adds Arabic for Tariq); visitors
report in their own language.
"""

from __future__ import annotations

from dataclasses import dataclass

Moment = tuple[int, int]


@dataclass(frozen=True)
class Case:
    """An incident: recorded by ``staff``, else reported by ``reporter`` (``None``: anonymous)."""

    key: str
    office: str
    category: str
    at: Moment
    description: str
    severity: int = 1
    staff: str | None = None
    member: str | None = None
    person: str = ""
    reporter: str | None = None
    contact: str = ""
    language: str = "sv"
    #: (when, who, what staff did, severity as judged then or None)
    handled: tuple[Moment, str, str, int | None] | None = None


@dataclass(frozen=True)
class Appealed:
    at: Moment
    text: str
    #: (when, who, outcome, reasons, days from the start to the new end or None)
    answer: tuple[Moment, str, str, str, int | None] | None = None


@dataclass(frozen=True)
class Decision:
    key: str
    member: str
    office: str
    staff: str
    kind: str
    scope: str
    at: Moment
    facts: str
    grounds: str
    cases: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    days: int | None = None
    review_days: int | None = None
    appeal: Appealed | None = None


#: (publisher, days ago published, days ago in force) of each version.
NETWORK_V1_AT = ("admin", 712, 700)
NETWORK_V2_AT = ("admin", 38, 24)
OPERATOR_ADDITION_AT = ("operator.ronna", 214, 200, "Ronna Områdesföretag ekonomisk förening")
OFFICE_ADDITION_AT = ("host.fittja", 95, 90, "fittja")

#: People only this story knows (``@conduct.demo.publicoffice.example``, no password):
#: their restriction of registration and their ban would refuse them in the other
#: stories, which draw from every ``@demo.publicoffice.example`` member.
OWN_PEOPLE = {"jonas.ek": ("Jonas Ek", "sv"), "peter.lund": ("Peter Lund", "sv")}

#: Who has not accepted version 2 yet (they still accepted version 1).
PENDING = ("selam",)

CASES: tuple[Case, ...] = (
    Case(
        "ronna-headphones",
        "ronna",
        "damage",
        (432, 15),
        "Tog med sig två av studierummets hörlurar hem utan att fråga. Lämnade tillbaka "
        "dem en vecka senare.",
        severity=2,
        staff="host.ronna",
        member="tariq",
        handled=((432, 16), "host.ronna", "Hörlurarna är tillbaka. Bokningsbegränsning.", None),
    ),
    Case(
        "ronna-music",
        "ronna",
        "disturbance",
        (41, 14),
        "Spelade hög musik i läsrummet och sänkte inte när andra bad om det.",
        staff="host.ronna",
        member="nils",
        handled=((41, 15), "host.ronna", "Pratade med honom; han stängde av musiken.", None),
    ),
    Case(
        "fittja-beer",
        "fittja",
        "drugs_alcohol",
        (34, 18),
        "Drack öl i kafédelen under en kvällsaktivitet och blev högljudd mot andra deltagare.",
        severity=3,
        staff="host.fittja",
        member="jonas.ek",
        handled=((34, 19), "host.fittja", "Bad honom gå hem för kvällen.", None),
    ),
    Case(
        "hallunda-selling",
        "hallunda",
        "meeting_place",
        (19, 11),
        "Sålde hudkrämer till andra besökare vid kaffebordet, flera gånger under förmiddagen.",
        severity=2,
        staff="host.fittja",
        member="sofia",
        handled=((19, 12), "host.fittja", "Förklarade regel 7: boka rummet för en visning.", None),
    ),
    Case(
        "traffpunkt-stranger",
        "ronna-traffpunkt",
        "disturbance",
        (17, 19),
        "En man som inte är medlem ropade åt besökarna vid datorerna och ville inte gå.",
        staff="operator.ronna",
        person="Man i 40-årsåldern, grön jacka, inte medlem",
        handled=((17, 20), "operator.ronna", "Han gick när vi bad honom en andra gång.", None),
    ),
    Case(
        "rinkeby-window",
        "rinkeby",
        "discrimination",
        (15, 12),
        "En besökare sa till min mamma att hon inte fick sitta vid fönsterbordet för att hon "
        "bär slöja.",
        contact="dotter.rinkeby@example.org",
        handled=(
            (13, 10),
            "admin",
            "Vi har talat med de inblandade och påmint om regel 2. Värden följer upp.",
            2,
        ),
    ),
    Case(
        "traffpunkt-requests",
        "ronna-traffpunkt",
        "harassment",
        (12, 13),
        "رجل يرسل لي طلبات تواصل كل يوم في الدليل، وقال لي هنا في الملتقى إن عليّ أن أرد. "
        "قلت له لا.",
        reporter="huda.khalil",
        language="ar",
        handled=((11, 10), "operator.ronna", "Vi har talat med honom och tagit ett beslut.", 2),
    ),
    Case(
        "fittja-push",
        "fittja",
        "violence",
        (9, 15),
        "Knuffade en annan besökare i entrén så att hon föll, efter ett gräl om kön till "
        "skrivaren. Personalen fick gå emellan.",
        severity=3,
        staff="host.fittja",
        member="peter.lund",
        handled=((9, 17), "operator.fittja", "Den som föll är oskadd. Avstängning.", None),
    ),
    Case(
        "ronna-study-room",
        "ronna",
        "damage",
        (6, 16),
        "Lämnade studierummet med spilld läsk över tangentbordet och en sönderriven "
        "stolsklädsel efter sin bokning, tredje gången i höst.",
        severity=2,
        staff="host.ronna",
        member="tariq",
        handled=((5, 10), "host.ronna", "Tangentbordet byttes.", None),
    ),
    Case(
        "ronna-sticky",
        "ronna",
        "damage",
        (6, 17),
        "Qolka waxbarashadu wuu wasakh ahaa, kiiboodhkuna wuu dhegdhegayay markii aan "
        "imid ballantayda.",
        reporter="amina",
        language="so",
        handled=((5, 10), "host.ronna", "Mahadsanid! Qolka waa la nadiifiyay.", None),
    ),
    Case(
        "hallunda-noise",
        "hallunda",
        "disturbance",
        (3, 17),
        "Koox dhallinyaro ah ayaa ku qeylinayay qolka shaqada galabnimadii; cidna ma "
        "shaqeyn karin.",
        reporter="sahra.farah",
        language="so",
    ),
    Case(
        "ronna-threat",
        "ronna",
        "threat",
        (2, 11),
        "Hotade värden med att ”komma tillbaka och ta hand om” henne när han blev ombedd att "
        "lämna läsrummet. Två besökare hörde det.",
        severity=3,
        staff="host.ronna",
        member="nils",
    ),
    Case(
        "alby-kitchen",
        "alby",
        "other",
        (1, 15),
        "Någon har lämnat disk och matrester i köket i flera dagar.",
    ),
)

_TARIQ_FACTS = (
    "Efter din bokning den senaste veckan var tangentbordet i studierummet förstört av "
    "läsk och en stolsklädsel sönderriven. Det har hänt tre gånger i höst.\n"
    "بعد حجزك في الأسبوع الماضي وُجدت لوحة المفاتيح في غرفة الدراسة تالفة بسبب "
    "المشروب، وغطاء كرسي ممزقًا. حدث ذلك ثلاث مرات هذا الخريف."
)
_TARIQ_GROUNDS = (
    "Regel 6: håll ordning. Vi har pratat om det två gånger förut. Du får inte boka på "
    "Ronna i 30 dagar; du är välkommen att komma hit ändå.\n"
    "القاعدة 6: حافظ على ترتيب المكان. تحدثنا عن هذا مرتين من قبل. لا يمكنك الحجز في "
    "رونا لمدة 30 يومًا، لكنك مرحب بك في المكتب."
)

DECISIONS: tuple[Decision, ...] = (
    Decision(
        "old-headphones",
        "tariq",
        "ronna",
        "host.ronna",
        "restriction",
        "office",
        (431, 10),
        "Du tog med dig två hörlurar från studierummet hem utan att fråga.",
        "Saker i lokalen är till för alla. Du får inte boka på Ronna i 30 dagar.",
        cases=("ronna-headphones",),
        actions=("book",),
        days=30,
    ),
    Decision(
        "note-music",
        "nils",
        "ronna",
        "host.ronna",
        "note",
        "office",
        (41, 15),
        "Hög musik i läsrummet; du sänkte inte när andra bad om det.",
        "Regel 1: visa hänsyn. Vi antecknar det, utan att något begränsas.",
        cases=("ronna-music",),
    ),
    Decision(
        "register-beer",
        "jonas.ek",
        "fittja",
        "host.fittja",
        "restriction",
        "operator",
        (33, 10),
        "Du drack öl i kafédelen under kvällsaktiviteten och blev högljudd mot andra.",
        "Regel 4: ingen alkohol i lokalen. Du får inte anmäla dig till evenemang på "
        "Arbetsbänkens kontor i 90 dagar.",
        cases=("fittja-beer",),
        actions=("register",),
        days=90,
        appeal=Appealed(
            (30, 12),
            "Jag ber om ursäkt, det händer inte igen. 90 dagar är länge: jag vill följa med "
            "min son till läxhjälpen på torsdagar.",
            (
                (25, 9),
                "operator.fittja",
                "shortened",
                "Du har bett om ursäkt och det har inte hänt förut. Beslutet står kvar men "
                "förkortas till 45 dagar, så att du kan komma till läxhjälpen igen.",
                45,
            ),
        ),
    ),
    Decision(
        "warning-selling",
        "sofia",
        "hallunda",
        "host.fittja",
        "warning",
        "office",
        (19, 12),
        "Du sålde hudkrämer till andra besökare vid kaffebordet.",
        "Regel 7: mötesplatsen är till för att mötas, inte för att sälja. Nästa gång "
        "kan det bli en begränsning.",
        cases=("hallunda-selling",),
    ),
    Decision(
        "contact-requests",
        "mahad.jama",
        "ronna-traffpunkt",
        "operator.ronna",
        "restriction",
        "municipality",
        (11, 10),
        "You sent a member contact requests every day after she had said no, and told her "
        "at the meeting place that she had to answer.",
        "Rule 1 and rule 3: treat everyone with respect, no pressure. You may not send "
        "contact requests at any office in Södertälje for 45 days.",
        cases=("traffpunkt-requests",),
        actions=("contact",),
        days=45,
    ),
    Decision(
        "ban-push",
        "peter.lund",
        "fittja",
        "operator.fittja",
        "ban",
        "network",
        (8, 10),
        "Du knuffade en besökare i entrén så att hon föll.",
        "Regel 3: inget våld. Du är avstängd från alla kontor i nätverket i 90 dagar.",
        cases=("fittja-push",),
        days=90,
    ),
    Decision(
        "ban-threat",
        "nils",
        "ronna",
        "host.ronna",
        "ban",
        "office",
        (2, 12),
        "Du hotade värden när du blev ombedd att lämna läsrummet. Två besökare hörde det.",
        "Regel 3: inga hot. Efter den tidigare anteckningen är det allvarligt: avstängning från "
        "Ronna tills vidare, prövas igen om ett halvår.",
        cases=("ronna-threat",),
        review_days=180,
    ),
    Decision(
        "booking-study-room",
        "tariq",
        "ronna",
        "host.ronna",
        "restriction",
        "office",
        (5, 10),
        _TARIQ_FACTS,
        _TARIQ_GROUNDS,
        cases=("ronna-study-room", "ronna-sticky"),
        actions=("book",),
        days=30,
        appeal=Appealed(
            (3, 19),
            "لم أكن آخر من استخدم الغرفة في ذلك اليوم؛ كان هناك شخص بعدي. أرجو أن تتحققوا "
            "من الحجوزات. أحتاج الغرفة لدراستي.",
        ),
    ),
)
