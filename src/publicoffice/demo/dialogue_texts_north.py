"""The demo's proposals in Rinkeby, Tensta and Husby.

The same kind of stories as :mod:`publicoffice.demo.dialogue_texts` (which
says how they are read). Rinkeby's operator promises an answer within ten
days rather than the usual fourteen, so its clock runs shorter; Nour's
sewing café is waiting for its first answer there.
"""

from __future__ import annotations

from publicoffice.demo.dialogue_texts import Idea, Reply, Said
from publicoffice.dialogue.models import Kind, Side, State

NORTH: list[Idea] = [
    Idea(
        "rinkeby-changing-table",
        "rinkeby",
        "rami.haddad",
        Kind.IMPROVEMENT,
        "ar",
        (80, 15),
        21,
        "طاولة لتغيير الحفاضات في الحمّام",
        "أنا أب لطفلين صغيرين وآتي كثيراً إلى المكتب. لا توجد طاولة لتغيير الحفاضات، فأضطر إلى "
        "تغيير الحفاض على الأرض. نرجو تركيب طاولة في الحمّام الذي يصل إليه الجميع، للآباء "
        "والأمهات معاً.",
        replies=(
            Reply(
                (65, 10),
                State.PLANNED,
                "نعتذر عن تأخر الرد. اشترينا طاولة قابلة للطي، وسنركّبها في الحمّام المتاح للجميع "
                "خلال الشهر القادم.",
            ),
            Reply(
                (40, 14),
                State.DONE,
                "تم تركيب طاولة تغيير الحفاضات في الحمّام المتاح للجميع بجانب المدخل. شكراً يا "
                "رامي على الاقتراح.",
            ),
        ),
    ),
    Idea(
        "rinkeby-laptops",
        "rinkeby",
        "fadumo.mohamed",
        Kind.EQUIPMENT,
        "so",
        (50, 17),
        37,
        "Kombiyuutarro la amaahan karo",
        "Dad badan oo Rinkeby deggan ma haystaan kombiyuutar guriga. Carruurtu waxay ugu "
        "baahan yihiin shaqada dugsiga, waalidiintuna si ay u qoraan CV ama u dalbadaan "
        "shaqo.\n\nWaxaan soo jeedinayaa in xafiisku haysto kombiyuutarro la amaahan karo "
        "hal toddobaad.",
        named=("nour",),
        replies=(
            Reply(
                (44, 11),
                State.CONSIDERING,
                "Tack Fadumo! Vi har sökt pengar från stadens föreningsstöd till sex bärbara "
                "datorer att låna ut. Beslutet kommer i början av nästa månad; vi skriver här då.",
            ),
        ),
    ),
    Idea(
        "rinkeby-business-breakfast",
        "rinkeby",
        "karim",
        Kind.ACTIVITY,
        "sv",
        (40, 8),
        19,
        "Företagarfrukost en gång i månaden",
        "Vi är många småföretagare i Rinkeby som sitter ensamma med bokföring, moms och kunder. "
        "En frukost en fredag i månaden, med en kort dragning om något praktiskt (moms, "
        "F-skatt, offerter), skulle hjälpa oss att lära av varandra.\n\nJag håller gärna i den "
        "första, om bokföring.",
        named=("johan",),
        replies=(
            Reply(
                (33, 13),
                State.PLANNED,
                "Tack Karim! Den första företagarfrukosten blir första fredagen nästa månad, "
                "kl. 8–9.30 i stora rummet. Företagarhuset bjuder på kaffe; anmäl dig gärna så "
                "att vi vet hur mycket bröd vi ska köpa.",
            ),
        ),
    ),
    Idea(
        "rinkeby-children-study-room",
        "rinkeby",
        "semhar.tesfaye",
        Kind.HOUSE_RULES,
        "ti",
        (35, 16),
        9,
        "ቆልዑ ድሕሪ ቐትሪ ናብ ክፍሊ መጽናዕቲ ክኣትዉ ይፍቐደሎም",
        "ድሕሪ ቤት ትምህርቲ ደቀይ ምሳይ ናብ ቤት ጽሕፈት ይመጹ። ኣብ ክፍሊ መጽናዕቲ ግን ቆልዑ "
        "ኣይፍቀዱን እዮም። ብህድኣት ገዛ ዕዮኦም ክሰርሑ ምእንቲ፡ ምስ ዓቢ ሰብ እንተ ኾይኖም ክኣትዉ "
        "ክፍቀደሎም ንሓትት።",
        replies=(
            Reply(
                (30, 12),
                State.DECLINED,
                "Tack Semhar. Vi säger nej till barn i studierummet på eftermiddagarna: där "
                "sitter många som pluggar inför prov, och rummet är för litet för båda. "
                "Läxhjälpen på biblioteket är öppen för barn måndag till torsdag 15–18, och barn "
                "är alltid välkomna i caféet tillsammans med en vuxen.",
            ),
        ),
    ),
    Idea(
        "rinkeby-sewing-cafe",
        "rinkeby",
        "nour",
        Kind.ACTIVITY,
        "ar",
        (6, 21),
        24,
        "مقهى الخياطة للنساء: بالعربية والفارسية",
        "أقترح لقاءً أسبوعياً للخياطة في مكتب رينكيبي، مساء الأربعاء، للنساء اللواتي يتحدثن "
        "العربية أو الفارسية. نصلح الملابس معاً، ونتعلم الخياطة، ونتعرف على جاراتنا ونمارس "
        "السويدية أثناء العمل.\n\nنحتاج إلى ثلاث أو أربع ماكينات خياطة وطاولة كبيرة. أستطيع أن "
        "أحضر ماكينتي، وجارتي خيّاطة وتتكلم الفارسية.",
        named=("amina", "karim"),
        said=(
            Said(
                "parisa.rahimi",
                Side.FOR,
                "عالی است! من در ایران خیاط بودم و می‌توانم به بقیه یاد بدهم. لطفاً به فارسی "
                "هم باشد.",
            ),
            Said(
                "huda.khalil",
                Side.FOR,
                "فكرة رائعة. كثير من الجارات عندهن ماكينات خياطة في البيت ولا يعرفن كيف يستعملنها.",
            ),
            Said(
                "nils",
                Side.AGAINST,
                "Bra idé, men inte i stora rummet varje onsdag kväll: där har vi schack sedan "
                "länge. Finns det ett annat rum?",
            ),
        ),
    ),
    Idea(
        "tensta-persian-papers",
        "tensta-bibliotek",
        "shirin.ahmadi",
        Kind.EQUIPMENT,
        "fa",
        (35, 14),
        26,
        "روزنامه و کتاب فارسی بیشتر",
        "در تنستا خیلی‌ها فارسی یا دری می‌خوانند، اما کتابخانه فقط چند کتاب فارسی قدیمی دارد و "
        "هیچ روزنامه‌ای ندارد. پیشنهاد می‌کنم چند روزنامه‌ی فارسی‌زبان و کتاب‌های تازه برای "
        "بزرگسالان و کودکان بخرید.",
        replies=(
            Reply(
                (30, 11),
                State.PLANNED,
                "ممنون شیرین. از ماه آینده مشترک دو روزنامه‌ی فارسی می‌شویم و قفسه‌ی کتاب‌های "
                "فارسی را بزرگ‌تر می‌کنیم.",
            ),
            Reply(
                (12, 10),
                State.DONE,
                "روزنامه‌ها رسیده‌اند و قفسه‌ی فارسی حالا کنار پنجره است، با 60 کتاب تازه برای "
                "بزرگسالان و کودکان.",
            ),
        ),
    ),
    Idea(
        "tensta-screen-reader",
        "tensta-bibliotek",
        "mahad.jama",
        Kind.ACCESSIBILITY,
        "en",
        (14, 15),
        9,
        "A screen reader on the public computers",
        "I am partially sighted and cannot use the library's public computers without a screen "
        "reader. NVDA is free. Please install it on at least two computers and put headphones "
        "next to them.",
        replies=(
            Reply(
                (10, 16),
                State.CONSIDERING,
                "Thank you, Mahad. We are trying NVDA on one of the public computers next week. "
                "Would you help us test it? Ask for Maria at the desk.",
            ),
        ),
    ),
    Idea(
        "husby-coffee-evening",
        "husby",
        "semhar.tesfaye",
        Kind.ACTIVITY,
        "ti",
        (1, 20),
        0,
        "ምሸት ቡን ንጎረባብቲ",
        "ኣብ ሑስቢ ካብ ብዙሓት ሃገራት ዝመጹ ጎረባብቲ ኣለዉና፡ ግን ኣይንፋለጥን ኢና። ኣብ ወርሒ ሓደ "
        "ግዜ ብባህሊ ኤርትራ ቡን ክንገብር ንሓትት፤ ነፍሲ ወከፍ ካብ ሃገሩ ሓደ መግቢ ከምጽእ ይኽእል።",
    ),
]
