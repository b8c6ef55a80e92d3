"""The demo's proposals in Hovsjö, Fittja, Hallunda and Alby.

The same kind of stories as :mod:`publicoffice.demo.dialogue_texts` (which
says how they are read), kept apart so that neither module grows past a
readable length.
"""

from __future__ import annotations

from publicoffice.demo.dialogue_texts import Idea, Reply, Said
from publicoffice.dialogue.models import Kind, Side, State

SOUTH: list[Idea] = [
    Idea(
        "hovsjo-swimming",
        "hovsjo",
        "sahra.farah",
        Kind.ACTIVITY,
        "so",
        (28, 20),
        45,
        "Barashada dabaasha ee haweenka",
        "Haween badan oo Hovsjö deggan ma yaqaannaan dabaasha, mana jiraan waqtiyo dabaal oo "
        "haweenka oo keliya loogu talagalay. Waxaan soo jeedinaynaa koorso dabaal oo haween ah, "
        "oo leh tababarayaal dumar ah, hal mar toddobaadkii.",
        named=("amina",),
        replies=(
            Reply(
                (21, 10),
                State.FORWARDED,
                "Mahadsanid Sahra. Xafiisku ma laha barkad, sidaas darteed soo jeedintaada "
                "waxaan u gudbinay waaxda dhaqanka iyo madadaalada ee degmada Södertälje, oo "
                "maamusha barkadda. Waxaan u sheegnay inta qof ee taageertay.",
                forwarded_to="Södertälje kommun, kultur- och fritidsförvaltningen",
            ),
        ),
    ),
    Idea(
        "hovsjo-swedish-seniors",
        "hovsjo",
        "samir.nasser",
        Kind.ACTIVITY,
        "ar",
        (15, 18),
        14,
        "مجموعة محادثة بالسويدية لكبار السن",
        "كثير من كبار السن في هوفشو يعيشون هنا منذ سنوات ولا يزالون لا يتكلمون السويدية، لأن "
        "الدورات سريعة ومصممة للشباب. نقترح مجموعة محادثة هادئة مرة في الأسبوع، مع القهوة، "
        "نتكلم فيها عن الحياة اليومية بسويدية بسيطة.",
        replies=(
            Reply(
                (11, 14),
                State.CONSIDERING,
                "شكراً يا سمير. نبحث عن متطوعين من جمعية المتقاعدين في هوفشو. سنكتب هنا "
                "عندما نجد من يقود المجموعة.",
            ),
        ),
    ),
    Idea(
        "hovsjo-sewing-machines",
        "hovsjo",
        "nils",
        Kind.EQUIPMENT,
        "sv",
        (22, 13),
        0,
        "Symaskiner att låna",
        "Jag lagar gärna mina egna kläder men har ingen symaskin. Kunde kontoret ha två enkla "
        "symaskiner som man får använda på plats?",
    ),
    Idea(
        "hovsjo-monday-evenings",
        "hovsjo",
        "khadar.osman",
        Kind.OPENING_HOURS,
        "so",
        (5, 21),
        31,
        "Xafiiska ha furnaado ilaa 19 Isniinta",
        "Waalidiin badan ayaa shaqeeya ilaa 17, markaa xafiisku wuu xiran yahay marka ay "
        "yimaadaan. Haddii xafiisku furnaado ilaa 19 Isniinta, waxaan heli lahayn caawimaad "
        "warqadaha iyo kombiyuutarka kadib shaqada.",
        named=("amina",),
    ),
    Idea(
        "fittja-bike-cafe",
        "fittja",
        "dawit.haile",
        Kind.ACTIVITY,
        "en",
        (90, 19),
        52,
        "A bike repair café on Saturdays",
        "Lots of children and adults in Fittja have bikes with flat tyres or broken brakes and "
        "nowhere to fix them. I repaired bikes for ten years in Asmara.\n\nWith a few tools and "
        "a corner of the workshop, we could help each other fix bikes every other Saturday, "
        "for free.",
        named=("amina",),
        replies=(
            Reply(
                (84, 10),
                State.CONSIDERING,
                "Tack Dawit! Cykelköket i Alby har lovat att låna ut verktyg. Nu letar vi efter "
                "en plats där det får bli smutsigt.",
            ),
            Reply(
                (79, 14),
                State.PLANNED,
                "We have found the place: the workshop, every other Saturday 11–15. The tools "
                "come from the bike kitchen in Alby. The first date will be on the notice board.",
            ),
            Reply(
                (20, 16),
                State.DONE,
                "The repair café is up and running: the first three Saturdays fixed 41 bikes. "
                "It continues every other Saturday 11–15 in the workshop. Thank you, Dawit, "
                "and all the volunteers!",
            ),
        ),
    ),
    Idea(
        "fittja-3d-printer",
        "fittja",
        "johan",
        Kind.EQUIPMENT,
        "sv",
        (60, 22),
        18,
        "En 3D-skrivare i verkstaden",
        "Flera av oss som driver små företag vill kunna skriva ut prototyper och reservdelar. "
        "En enkel 3D-skrivare kostar runt 5 000 kronor. Jag kan hjälpa till att sätta upp den "
        "och hålla en introduktion för andra medlemmar.",
        said=(
            Said(
                "leyla",
                Side.FOR,
                "برای ساختن نمونه‌ی محصول خیلی به درد می‌خورد. من هم حاضرم به دیگران یاد بدهم.",
            ),
            Said(
                "lars.nilsson",
                Side.AGAINST,
                "Dyrt i inköp och i material. Lägg pengarna på fler datorer i stället.",
            ),
        ),
        replies=(
            Reply(
                (51, 15),
                State.DECLINED,
                "Tack Johan, och tack till alla som stödde förslaget. Vi säger nej i år: "
                "pengarna till utrustning går till nya datorer och en hörslinga, och ingen av "
                "oss kan ansvara för skrivaren och materialet. Fittja bibliotek har en "
                "3D-skrivare som alla får boka. Vi tar upp frågan igen i nästa års budget.",
            ),
        ),
    ),
    Idea(
        "fittja-food-study-room",
        "fittja",
        "lars.nilsson",
        Kind.HOUSE_RULES,
        "sv",
        (33, 12),
        4,
        "Tillåt att äta i studierummet",
        "Många sitter i studierummet hela dagen och måste gå ut för att äta en macka. Kan vi få "
        "äta enkel mat vid borden, om vi torkar efter oss?",
        withdrawn=(
            (29, 18),
            "Jag drar tillbaka förslaget: vi har kommit överens om att äta i köket, och det "
            "fungerar bra.",
        ),
    ),
    Idea(
        "fittja-thursday-evenings",
        "fittja",
        "leyla",
        Kind.OPENING_HOURS,
        "fa",
        (25, 20),
        29,
        "باز بودن تا ساعت 20 در پنجشنبه‌ها",
        "بسیاری از ما روزها کار می‌کنیم یا کلاس زبان داریم و وقتی به دفتر می‌رسیم بسته است. "
        "پیشنهاد می‌کنم دفتر پنجشنبه‌ها تا ساعت 20 باز باشد تا بتوانیم از کامپیوترها استفاده "
        "کنیم و با همسایه‌ها کار کنیم.",
        named=("johan",),
        said=(
            Said(
                "lars.nilsson",
                Side.AGAINST,
                "Vem ska jobba då? Jag vill inte att personalen sliter ut sig.",
            ),
        ),
        replies=(
            Reply(
                (16, 9),
                State.PLANNED,
                "ممنون لیلا! از ماه آینده پنجشنبه‌ها تا ساعت 20 باز هستیم، به‌صورت آزمایشی تا "
                "تابستان. در این ساعت‌ها اعضای تعاونی در دفتر هستند.",
            ),
        ),
    ),
    Idea(
        "fittja-prams",
        "fittja",
        "amina",
        Kind.IMPROVEMENT,
        "so",
        (16, 20),
        11,
        "Meel lagu dhigo gaadhiga carruurta",
        "Hooyooyin badan ayaa xafiiska u yimaada iyagoo wata gaadhiga carruurta, laakiin meel "
        "lagu dhigo ma jirto. Gaadhiyadu waxay xiraan marinka, taasina waa khatar haddii dab "
        "kaco.\n\nWaxaan soo jeedinayaa meel gaar ah oo gudaha ah oo loogu talagalay gaadhiyada "
        "carruurta.",
        said=(
            Said(
                "hodan",
                Side.FOR,
                "Haa! Maalin kasta ayaan gaadhiga banaanka uga tagaa xitaa marka roob da'ayo.",
            ),
        ),
    ),
    Idea(
        "fittja-hearing-loop",
        "fittja",
        "gunnel.berg",
        Kind.ACCESSIBILITY,
        "sv",
        (8, 11),
        6,
        "Hörslinga i stora rummet",
        "Jag har hörapparat och hör nästan ingenting på informationsmötena i stora rummet när "
        "det är många där. En hörslinga skulle göra att jag och andra med nedsatt hörsel kan "
        "vara med på riktigt. Skylta gärna också att den finns.",
        named=("johan",),
        draft=Reply(
            (1, 15),
            State.CONSIDERING,
            "Tack Gunnel. Vi har bett Hörselskadades riksförbund om råd och väntar på en "
            "offert för en hörslinga i stora rummet. Vi svarar här när vi vet mer.",
        ),
    ),
    Idea(
        "hallunda-monday-mornings",
        "hallunda",
        "aino.virtanen",
        Kind.OPENING_HOURS,
        "sv",
        (118, 10),
        0,
        "Öppna tidigare på måndagar",
        "Det vore bra om mötesplatsen öppnade kl. 8 på måndagar, så att man hinner skriva ut "
        "saker innan jobbet.",
    ),
    Idea(
        "alby-play-corner",
        "alby",
        "ayaan",
        Kind.IMPROVEMENT,
        "so",
        (19, 19),
        16,
        "Geeska ciyaarta carruurta",
        "Waalidiinta la yimaada carruur yaryar ma helaan meel ay carruurtu ku ciyaaraan inta ay "
        "sugayaan. Geeska yar oo leh roog, buugaag iyo alaab ciyaareed ayaa caawin lahaa "
        "waalidiinta iyo shaqaalahaba.",
        replies=(
            Reply(
                (13, 9),
                State.PLANNED,
                "Tack Ayaan! Vi gör en lekhörna vid fönstret i caféet, med en matta, en "
                "bokhylla med bilderböcker på flera språk och några leksaker. Den är klar inom "
                "en månad.",
            ),
        ),
    ),
    Idea(
        "alby-interpreter-day",
        "alby",
        "dawit.haile",
        Kind.OTHER,
        "ti",
        (2, 20),
        1,
        "መዓልቲ ተርጓሚ ኣብ ወርሒ ሓደ ግዜ",
        "ብዙሓት ሰባት ካብ ቤት ጽሕፈት ስራሕ፡ ሚግራሲዮን ወይ ሆስፒታል ዝመጾም ደብዳቤታት ክርድኦም "
        "ኣይክእሉን። ኣብ ወርሒ ሓደ ግዜ ተርጓሚ ትግርኛን ኣምሓርኛን ንክልተ ሰዓት ኣብዚ ቤት ጽሕፈት "
        "እንተ ዝህሉ ብዙሕ ምሓገዘ።",
    ),
]
