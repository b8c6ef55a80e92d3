"""The demo's proposals at Ronna and for whole networks, and the people who write them.

Each :class:`Idea` is one proposal as its author wrote it, in the author's
language, with what happened to it afterwards: who argued for or against,
how the author reworded or withdrew it, and the office's public answers,
each in the proposal's language or in Swedish, as the staff who wrote them
would. :mod:`publicoffice.demo.dialogue` plays them through the dialogue
services. The other offices' proposals are in
:mod:`publicoffice.demo.dialogue_texts_south` and
:mod:`publicoffice.demo.dialogue_texts_north` (kept apart so that no
module grows past a readable length).

Moments are ``(days before now, hour of the day)``; supports and arguments
fall between the proposal's making and its first closing answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from publicoffice.dialogue.models import Kind, Side, State

#: (days before now, hour of the day, local time).
Moment = tuple[int, int]


@dataclass(frozen=True)
class Reply:
    """A public answer from the office's staff, and the state it moves the proposal to."""

    at: Moment
    state: str
    text: str
    forwarded_to: str = ""
    #: The key of the proposal this one repeats.
    duplicate_of: str = ""


@dataclass(frozen=True)
class Said:
    """An argument for or against; ``hidden`` is why staff hid it (one abusive one)."""

    who: str
    side: str
    text: str
    hidden: str = ""


@dataclass(frozen=True)
class Idea:
    """One proposal and its story. ``where``: an office slug, ``operator:<name>``
    or ``municipality:<code>``; ``author`` and every ``who``: an e-mail's local part."""

    key: str
    where: str
    author: str
    kind: str
    language: str
    made: Moment
    supporters: int
    title: str
    body: str
    #: Demo logins among the supporters (the rest are drawn from the neighbourhood).
    named: tuple[str, ...] = ()
    said: tuple[Said, ...] = ()
    replies: tuple[Reply, ...] = ()
    #: An answer staff have written but not published.
    draft: Reply | None = None
    #: The draft is to be published tomorrow at 09:00 (by the sweep).
    scheduled: bool = False
    #: (when, new title, new body): the author's rewording after the first supports.
    reworded: tuple[Moment, str, str] | None = None
    #: (when, why): the author takes it back.
    withdrawn: tuple[Moment, str] | None = None


#: People who write or argue and are neither demo logins nor the bookings'
#: crowd: local part -> (name, language). Nobody can log in as them.
PEOPLE: dict[str, tuple[str, str]] = {
    "semhar.tesfaye": ("Semhar Tesfaye", "ti"),
    "dawit.haile": ("Dawit Haile", "ti"),
    "huda.khalil": ("Huda Khalil", "ar"),
    "rami.haddad": ("Rami Haddad", "ar"),
    "samir.nasser": ("Samir Nasser", "ar"),
    "parisa.rahimi": ("Parisa Rahimi", "fa"),
    "shirin.ahmadi": ("Shirin Ahmadi", "fa"),
    "fadumo.mohamed": ("Fadumo Mohamed", "so"),
    "sahra.farah": ("Sahra Farah", "so"),
    "khadar.osman": ("Khadar Osman", "so"),
    "mahad.jama": ("Mahad Jama", "en"),
    "kerstin.lindqvist": ("Kerstin Lindqvist", "sv"),
    "gunnel.berg": ("Gunnel Berg", "sv"),
    "lars.nilsson": ("Lars Nilsson", "sv"),
    "mikael.berg": ("Mikael Berg", "sv"),
    "aino.virtanen": ("Aino Virtanen", "sv"),
}

RONNA_OPERATOR = "operator:Ronna Områdesföretag ekonomisk förening"
SODERTALJE = "municipality:0181"

RONNA: list[Idea] = [
    Idea(
        "ronna-door-opener",
        "ronna",
        "omar",
        Kind.ACCESSIBILITY,
        "ar",
        (70, 18),
        41,
        "باب أوتوماتيكي عند المدخل",
        "الباب الرئيسي ثقيل جداً. من يأتي بكرسي متحرك أو بعربة أطفال أو بعكاز يحتاج دائماً "
        "إلى من يفتح له الباب.\n\nنقترح تركيب زر لفتح الباب تلقائياً، على ارتفاع يصل إليه الجميع.",
        named=("nour",),
        replies=(
            Reply(
                (63, 11),
                State.CONSIDERING,
                "شكراً يا عمر. طلبنا من مالك المبنى عرض سعر لفتّاحة باب كهربائية. سنخبركم هنا "
                "عندما نعرف التكلفة والموعد.",
            ),
            Reply(
                (6, 15),
                State.DONE,
                "تم تركيب زر فتح الباب، وهو على ارتفاع 90 سنتيمتراً بجانب المدخل. شكراً لكل من "
                "دعم الاقتراح، فقد ساعدنا دعمكم في إقناع مالك المبنى.",
            ),
        ),
    ),
    Idea(
        "ronna-tigrinya-homework",
        "ronna",
        "yonas",
        Kind.ACTIVITY,
        "ti",
        (45, 20),
        22,
        "ሓገዝ ናይ ገዛ ዕዮ ብትግርኛ ንቆልዑ",
        "ብዙሓት ቆልዑ ኣብ ሮና ትግርኛ ይዛረቡ፣ ወለዲ ግን ናይ ሽወደን ቤት ትምህርቲ ገዛ ዕዮ ክሕግዙ "
        "ኣይክእሉን እዮም። ቀዳመ ሰንበት ንግሆ ክልተ ሰዓት ሓገዝ ገዛ ዕዮ ብትግርኛን ሽወደንኛን ክህሉ "
        "ንሓትት። ኣነ ከም ወለንታዊ ክሕግዝ ድሉው እየ።",
        replies=(
            Reply(
                (41, 10),
                State.CONSIDERING,
                "Tack Yonas! Vi har pratat med Ronnaskolan och två volontärer som talar "
                "tigrinja. Vi återkommer när vi vet vilket rum som är ledigt på lördagar.",
            ),
            Reply(
                (12, 14),
                State.PLANNED,
                "Läxhjälpen på tigrinja och svenska börjar om två lördagar, kl. 10–12 i "
                "studierummet. Yonas och två volontärer från Ronnaskolan håller i den.",
            ),
        ),
    ),
    Idea(
        "ronna-homework-again",
        "ronna",
        "semhar.tesfaye",
        Kind.ACTIVITY,
        "ti",
        (38, 21),
        3,
        "ቀዳመ ሰንበት ሓገዝ ትምህርቲ ብትግርኛ",
        "ደቀይ ኣብ ሒሳብን ሽወደንኛን ሓገዝ የድልዮም። ቀዳመ ሰንበት ኣብ ቤት ጽሕፈት ሮና ሓገዝ ትምህርቲ ብትግርኛ ክህሉ ደስ ምበለኒ።",
        replies=(
            Reply(
                (36, 9),
                State.DUPLICATE,
                "Tack Semhar! Samma förslag finns redan (läxhjälp på tigrinja) och vi arbetar "
                "med det. Stöd gärna det i stället, så samlas rösterna på ett ställe.",
                duplicate_of="ronna-tigrinya-homework",
            ),
        ),
    ),
    Idea(
        "ronna-path-lighting",
        "ronna",
        "huda.khalil",
        Kind.IMPROVEMENT,
        "ar",
        (30, 21),
        27,
        "إنارة أفضل على الممر المؤدي إلى المكتب",
        "الممر بين موقف الحافلات والمكتب مظلم جداً في المساء، خاصة في الشتاء. كثير من النساء "
        "وكبار السن لا يأتون إلى الأنشطة المسائية بسبب ذلك. نقترح إضافة مصابيح على طول الممر.",
        replies=(
            Reply(
                (26, 10),
                State.FORWARDED,
                "شكراً يا هدى. الممر وإنارته ليسا من مسؤولية المكتب، بل من مسؤولية قسم الحدائق "
                "في بلدية سودرتاليه. أرسلنا اقتراحكم إليهم مع عدد الداعمين، وسنكتب هنا إذا "
                "وصلنا ردّهم.",
                forwarded_to="Södertälje kommun, parkavdelningen",
            ),
        ),
    ),
    Idea(
        "ronna-saturdays",
        "ronna",
        "sofia",
        Kind.OPENING_HOURS,
        "sv",
        (20, 19),
        34,
        "Öppet på lördagar",
        "Många av oss jobbar vardagar och hinner aldrig till kontoret när det är öppet. Kan ni "
        "ha öppet lördagar 10–14, åtminstone varannan vecka?\n\nDå kan man skriva ut papper, få "
        "hjälp med blanketter och låna datorn utan att ta ledigt från jobbet.",
        named=("amina", "johan"),
        said=(
            Said(
                "nils",
                Side.FOR,
                "Jag pendlar till Stockholm och kommer hem efter sju. Lördag är enda chansen.",
            ),
            Said(
                "lars.nilsson",
                Side.AGAINST,
                "Bra tanke, men personalen behöver också vila. Hellre en kväll i veckan till "
                "kl. 20?",
            ),
        ),
    ),
    Idea(
        "ronna-quiet-hour",
        "ronna",
        "karin",
        Kind.HOUSE_RULES,
        "en",
        (12, 21),
        15,
        "A quiet hour in the computer room",
        "In the mornings the computer room is so loud that it is hard to write an application "
        "or follow an online course. Could we have one quiet hour every day, for example 9–10, "
        "with phone calls and talking in the café instead?",
        said=(
            Said(
                "kerstin.lindqvist",
                Side.FOR,
                "Ja tack! Jag studerar till undersköterska och behöver lugn på förmiddagarna.",
            ),
            Said(
                "mahad.jama",
                Side.AGAINST,
                "The office is a meeting place: people come here to talk. Could the small room "
                "be the quiet one instead?",
            ),
            Said(
                "mikael.berg",
                Side.AGAINST,
                "Sluta gnälla. Folk som du borde hålla käften och stanna hemma.",
                hidden="Personangrepp. Husreglerna ber alla att skriva om förslaget, inte om "
                "personen som skrev det.",
            ),
        ),
        draft=Reply(
            (1, 16),
            State.PLANNED,
            "Thank you, Karin, and everyone who wrote for and against. From Monday we "
            "try a quiet hour in the computer room every weekday, 9–10; talking and phone "
            "calls are welcome in the café meanwhile. In a month we will ask you how it "
            "works.",
        ),
        scheduled=True,
    ),
    Idea(
        "ronna-printer",
        "ronna",
        "hodan",
        Kind.EQUIPMENT,
        "so",
        (9, 20),
        12,
        "Daabace cusub",
        "Daabacaha xafiiska had iyo jeer wuu jabnaa. Waxaan u baahannahay daabace cusub.",
        named=("amina",),
        reworded=(
            (2, 21),
            "Daabace cusub iyo iskaanar la isticmaali karo taleefanka",
            "Daabacaha xafiiska inta badan wuu jaban yahay, dad badanna waxay u baahan yihiin "
            "inay daabacaan warqadaha Migrationsverket iyo Försäkringskassan.\n\nWaxaan soo "
            "jeedinayaa daabace cusub oo leh iskaanar, kaas oo warqadaha si toos ah ugu diri "
            "kara taleefankaaga ama e-mailkaaga.",
        ),
    ),
    Idea(
        "traffpunkt-chair-exercise",
        "ronna-traffpunkt",
        "kerstin.lindqvist",
        Kind.ACTIVITY,
        "sv",
        (55, 10),
        20,
        "Sittgympa för seniorer",
        "Vi är flera äldre i området som vill röra på oss men inte klarar ett vanligt gym. Kan "
        "träffpunkten ha sittgympa en förmiddag i veckan? Jag kan leda passen; jag har gått en "
        "kurs för ledare.",
        replies=(
            Reply(
                (50, 13),
                State.PLANNED,
                "Vilken bra idé, Kerstin! Du får använda samlingssalen tisdagar 10–11. Vi köper "
                "in tio gummiband och ställer fram stolar.",
            ),
            Reply(
                (27, 11),
                State.DONE,
                "Sittgympan är igång varje tisdag kl. 10. Förra veckan kom fjorton personer. "
                "Välkomna!",
            ),
        ),
    ),
    Idea(
        "ronna-shared-calendar",
        RONNA_OPERATOR,
        "omar",
        Kind.OTHER,
        "ar",
        (18, 21),
        12,
        "تقويم مشترك لمكاني رونا",
        "في رونا مكانان، المكتب العام ونقطة اللقاء، ولكل منهما لوحة إعلانات خاصة، ولا نعرف ما "
        "يحدث في المكان الآخر. نقترح تقويماً واحداً لنشاطات المكانين، على الإنترنت وعلى لوحة "
        "في كل مكان.",
        replies=(
            Reply(
                (11, 10),
                State.CONSIDERING,
                "Tack Omar! Vi vill också ha en gemensam kalender för Allmänna kontoret och "
                "Träffpunkten. Vi provar att samla båda ställenas aktiviteter på en sida och "
                "återkommer här.",
            ),
        ),
    ),
    Idea(
        "sodertalje-signs",
        SODERTALJE,
        "sofia",
        Kind.IMPROVEMENT,
        "sv",
        (48, 20),
        58,
        "Skyltar till Allmänna kontoren från stationerna",
        "Många hittar inte till Allmänna kontoren i Ronna och Hovsjö. Från Södertälje centrum "
        "och Södertälje syd finns inga skyltar alls.\n\nKan kommunen sätta upp skyltar från "
        "stationerna och busshållplatserna, med symboler som alla förstår och text på flera "
        "språk?",
        named=("johan",),
        said=(
            Said(
                "nils",
                Side.FOR,
                "Jag letade själv en halvtimme efter kontoret i Hovsjö. Skyltar behövs!",
            ),
            Said(
                "lars.nilsson",
                Side.AGAINST,
                "Skyltar kostar. Lägg hellre pengarna på att hålla kontoren öppna längre.",
            ),
        ),
        replies=(
            Reply(
                (40, 10),
                State.CONSIDERING,
                "Tack för förslaget och för alla stöd. Samhällsbyggnadskontoret ser över "
                "skyltningen i Ronna och Hovsjö i vår, och vi tar med förslaget dit.",
            ),
            Reply(
                (9, 14),
                State.PLANNED,
                "Kommunen sätter upp skyltar från Södertälje centrum, Södertälje syd och de "
                "största busshållplatserna till Allmänna kontoren i Ronna och Hovsjö. "
                "Skyltarna har en symbol och text på svenska och engelska; en QR-kod leder "
                "till kontorens sidor på alla sex språk.",
            ),
        ),
    ),
]
