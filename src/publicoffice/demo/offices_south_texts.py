"""Texts of the demo offices in Södertälje and Botkyrka, in the six languages.

Names, descriptions and the reasons of exceptions to opening hours, as the
operators enter them (:mod:`publicoffice.demo.offices_south` says which
office has which). Kept apart from the offices' facts so that neither
module grows too long to read, and so translators find the texts in one
place.

One text is left untranslated on purpose: the description of Hallunda
Meeting Place (:data:`HALLUNDA_DESCRIPTION`) is written only in Swedish,
English and Arabic, as a small operator whose staff speak Swedish, Spanish
and Finnish would leave it. Persian, Somali and Tigrinya readers see it in
English, marked as a fallback, which is what the demo wants to show.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import not_yet_translated, t

RONNA_NAME = t(
    "Allmänna kontoret Ronna",
    "Ronna Public Office",
    "المكتب العام في رونا",
    "دفتر عمومی رونا",
    "Xafiiska Dadweynaha Ronna",
    "ህዝባዊ ቤት ጽሕፈት ሮና",
)

RONNA_DESCRIPTION = t(
    "Ett gratis och öppet kontor mitt i Ronna centrum. Kom hit och jobba, plugga "
    "eller träffa andra som driver företag och föreningar i området. Personalen "
    "hjälper dig att komma igång.",
    "A free, open office in the middle of Ronna centre. Come here to work, study "
    "or meet others who run businesses and associations in the area. The staff "
    "help you get started.",
    "مكتب مجاني ومفتوح للجميع في وسط مركز رونا. تعال للعمل أو الدراسة أو للقاء "
    "آخرين يديرون شركات وجمعيات في الحي. يساعدك الموظفون على البدء.",
    "دفتری رایگان و باز در وسط مرکز رونا. بیایید اینجا کار کنید، درس بخوانید یا "
    "با کسانی آشنا شوید که در محله کسب‌وکار و انجمن دارند. کارکنان کمکتان "
    "می‌کنند شروع کنید.",
    "Xafiis bilaash ah oo furan, kuna yaal bartamaha Ronna. Halkan u imow si aad "
    "uga shaqeyso, wax u barato ama ula kulanto dad kale oo xaafadda ku maamula "
    "ganacsiyo iyo ururo. Shaqaaluhu way kaa caawinayaan inaad bilowdo.",
    "ኣብ ማእከል ሮና ብነጻ ዝኽፈት ክፉት ቤት ጽሕፈት። ክትሰርሑ፡ ክትመሃሩ ወይ ኣብቲ ከባቢ ንግድን ማሕበራትን ዘካይዱ "
    "ካልኦት ክትረኽቡ ናብዚ ንዑ። ሰራሕተኛታት ክትጅምሩ ይሕግዙኹም።",
)

RONNA_MEETING_POINT_NAME = t(
    "Träffpunkt Ronna",
    "Ronna Meeting Point",
    "ملتقى رونا",
    "محل دیدار رونا",
    "Barta kulanka Ronna",
    "ቦታ ርክብ ሮና",
)

RONNA_MEETING_POINT_DESCRIPTION = t(
    "En mötesplats för grannar, föreningar och läxhjälp på eftermiddagar och "
    "kvällar. Här lagar vi mat tillsammans och planerar aktiviteter i området.",
    "A meeting place for neighbours, associations and homework help in the "
    "afternoons and evenings. We cook together here and plan activities in the "
    "area.",
    "ملتقى للجيران والجمعيات والمساعدة في الواجبات المدرسية بعد الظهر وفي "
    "المساء. نطبخ هنا معاً ونخطط لأنشطة في الحي.",
    "محل دیداری برای همسایه‌ها، انجمن‌ها و کمک در تکالیف مدرسه، بعدازظهرها و "
    "شب‌ها. اینجا با هم آشپزی می‌کنیم و برای فعالیت‌های محله برنامه می‌ریزیم.",
    "Goob kulan oo loogu talagalay deriska, ururada iyo caawimaadda shaqada "
    "guriga, galabta iyo fiidka. Halkan cunto ayaan ku wada karinnaa, waxaana ku "
    "qorsheynaa hawlaha xaafadda.",
    "ንጎረባብቲ፡ ንማሕበራትን ንሓገዝ ዕዮ ገዛን ድሕሪ ቀትርን ምሸትን ዝኸውን ቦታ ርክብ። ኣብዚ ብሓባር መግቢ ንሰርሕ፡ ንንጥፈታት ከባቢ ድማ ንውጥን።",
)

HOVSJO_NAME = t(
    "Allmänna kontoret Hovsjö",
    "Hovsjö Public Office",
    "المكتب العام في هوفشو",
    "دفتر عمومی هوفشو",
    "Xafiiska Dadweynaha Hovsjö",
    "ህዝባዊ ቤት ጽሕፈት ሆቭሾ",
)

HOVSJO_DESCRIPTION = t(
    "Ett litet och lugnt kontor som kvartersföreningen driver. Stängt vid lunch, "
    "då föreningens volontärer äter tillsammans.",
    "A small, calm office run by the neighbourhood association. Closed at "
    "lunchtime, when the association's volunteers eat together.",
    "مكتب صغير وهادئ تديره جمعية الحي. يُغلق وقت الغداء، حين يتناول متطوعو الجمعية الطعام معاً.",
    "دفتری کوچک و آرام که انجمن محله آن را می‌گرداند. وقت ناهار بسته است، چون "
    "داوطلبان انجمن با هم ناهار می‌خورند.",
    "Xafiis yar oo deggan oo ay maamusho ururka xaafaddu. Waa xiran yahay "
    "waqtiga qadada, marka tabarrucayaasha ururku ay wada cunaan.",
    "ብማሕበር ከባቢ ዝካየድ ንእሽቶን ህዱእን ቤት ጽሕፈት። ወለንተኛታት ማሕበር ብሓባር ምሳሕ ክበልዑ ከለዉ፡ ኣብ ግዜ ምሳሕ ዕጹው እዩ።",
)

HOVSJO_ANNUAL_MEETING = t(
    "Föreningsstämma på eftermiddagen",
    "Annual meeting of the association in the afternoon",
    "الاجتماع السنوي للجمعية بعد الظهر",
    "مجمع سالانه‌ی انجمن در بعدازظهر",
    "Shirka sannadlaha ah ee ururka, galabta",
    "ዓመታዊ ኣኼባ ማሕበር ድሕሪ ቀትሪ",
)

HOVSJO_FLOOR_SANDED = t(
    "Golvet slipas",
    "The floor is being sanded",
    "يجري صقل الأرضية",
    "کف زمین سنباده زده می‌شود",
    "Sagxadda ayaa la sifeynayaa",
    "እቲ ምድሪ ቤት ይልሓጽ ኣሎ",
)

GENETA_NAME = t(
    "Allmänna kontoret Geneta",
    "Geneta Public Office",
    "المكتب العام في يينيتا",
    "دفتر عمومی یِنِتا",
    "Xafiiska Dadweynaha Geneta",
    "ህዝባዊ ቤት ጽሕፈት የነታ",
)

GENETA_DESCRIPTION = t(
    "Planeras att öppna i en före detta butikslokal. Säg vad du vill att "
    "kontoret ska erbjuda: vi samlar förslag fram till öppningen.",
    "Planned to open in a former shop. Tell us what you want the office to "
    "offer: we collect suggestions until the opening.",
    "من المخطط افتتاحه في محل تجاري سابق. أخبرنا بما تريد أن يقدمه المكتب: نجمع "
    "الاقتراحات حتى موعد الافتتاح.",
    "قرار است در جایی که قبلاً مغازه بود باز شود. به ما بگویید دوست دارید دفتر "
    "چه چیزهایی داشته باشد: تا روز افتتاح پیشنهادها را جمع می‌کنیم.",
    "Waxaa la qorsheeyey in laga furo meel hore dukaan u ahaan jirtay. Noo sheeg "
    "waxa aad rabto in xafiisku bixiyo: waxaan ururinaynaa soo-jeedinta ilaa "
    "furitaanka.",
    "ኣብ ቀደም ድኳን ዝነበረ ቦታ ክኽፈት መደብ ኣሎ። ቤት ጽሕፈት እንታይ ከቕርብ ከም እትደልዩ ንገሩና፡ ክሳብ መኽፈቲ ሓሳባት ንእክብ ኣለና።",
)

FITTJA_NAME = t(
    "Allmänna kontoret Fittja",
    "Fittja Public Office",
    "المكتب العام في فيتيا",
    "دفتر عمومی فیتیا",
    "Xafiiska Dadweynaha Fittja",
    "ህዝባዊ ቤት ጽሕፈት ፊትያ",
)

FITTJA_DESCRIPTION = t(
    "Kooperativets kontor vid Fittja torg, öppet till klockan 21 måndag till "
    "torsdag. Verkstaden har symaskiner och verktyg som alla får använda.",
    "The cooperative's office at Fittja square, open until 9 pm Monday to "
    "Thursday. The workshop has sewing machines and tools that everyone may use.",
    "مكتب التعاونية في ساحة فيتيا، مفتوح حتى الساعة التاسعة مساءً من الاثنين إلى "
    "الخميس. في الورشة ماكينات خياطة وأدوات يمكن للجميع استخدامها.",
    "دفتر تعاونی در میدان فیتیا، دوشنبه تا پنجشنبه تا ساعت 21 باز است. در کارگاه "
    "چرخ خیاطی و ابزارهایی هست که همه می‌توانند از آن‌ها استفاده کنند.",
    "Xafiiska iskaashatada ee fagaaraha Fittja, wuxuu furan yahay ilaa 21:00 "
    "Isniin ilaa Khamiis. Qolka farsamada waxaa yaal mashiinno tolid iyo qalab "
    "uu qof walba isticmaali karo.",
    "ቤት ጽሕፈት ናይቲ ኮፐራቲቭ ኣብ ጎልጎል ፊትያ፡ ካብ ሰኑይ ክሳብ ሓሙስ ክሳብ ሰዓት 21:00 ክፉት እዩ። ኣብ ቤት "
    "ዕዮ ኩሉ ሰብ ክጥቀመሉ ዝኽእል መኪናታት ስፌትን መሳርሒታትን ኣሎ።",
)

FITTJA_FIRE_DRILL = t(
    "Kortare dag: brandövning på förmiddagen",
    "Shorter day: fire drill in the morning",
    "يوم أقصر: تدريب على الإخلاء في حالة الحريق صباحاً",
    "روز کوتاه‌تر: صبح تمرین آتش‌نشانی است",
    "Maalin gaaban: subaxda tababar dab-demis ayaa jira",
    "ሓጺር መዓልቲ፡ ንግሆ ልምምድ ሓዊ ምጥፋእ",
)

ALBY_NAME = t(
    "Allmänna kontoret Alby",
    "Alby Public Office",
    "المكتب العام في ألبي",
    "دفتر عمومی آلبی",
    "Xafiiska Dadweynaha Alby",
    "ህዝባዊ ቤት ጽሕፈት ኣልቢ",
)

ALBY_DESCRIPTION = t(
    "Öppet alla dagar 08–22 för alla med en nyckelbricka från receptionen. "
    "Personal finns på plats vardagar 10–16.",
    "Open every day 8 am to 10 pm for everyone with a key tag from the "
    "reception. Staff are there on weekdays from 10 am to 4 pm.",
    "مفتوح كل يوم من الساعة 8 صباحاً حتى 10 مساءً لكل من لديه بطاقة مفتاح من "
    "الاستقبال. يتواجد الموظفون أيام الأسبوع من الساعة 10 صباحاً حتى 4 بعد "
    "الظهر.",
    "هر روز از ساعت 8 تا 22 برای همه‌ی کسانی که از پذیرش کارت کلید گرفته‌اند باز "
    "است. کارکنان روزهای کاری از ساعت 10 تا 16 اینجا هستند.",
    "Wuxuu furan yahay maalin kasta 08:00 ilaa 22:00 qof kasta oo haysta kaarka "
    "furaha ee laga helo soo-dhaweynta. Shaqaaluhu waxay joogaan maalmaha "
    "shaqada 10:00 ilaa 16:00.",
    "ካብ መቐበሊ ኣጋይሽ ካርድ መፍትሕ ንዘለዎ ኩሉ ሰብ መዓልታዊ ካብ 08:00 ክሳብ 22:00 ክፉት እዩ። ሰራሕተኛታት "
    "ኣብ መዓልትታት ስራሕ ካብ 10:00 ክሳብ 16:00 ኣለዉ።",
)

ALBY_HOLIDAY_COFFEE = t(
    "Öppet på helgdagen, med fika för alla grannar",
    "Open on the public holiday, with coffee for all neighbours",
    "مفتوح في يوم العطلة الرسمية، مع قهوة لجميع الجيران",
    "در روز تعطیل رسمی باز است، با قهوه برای همه‌ی همسایه‌ها",
    "Waa furan yahay maalinta fasaxa, waxaana jira kafee loogu talagalay dhammaan deriska",
    "ኣብ በዓል ክፉት እዩ፡ ንኹሎም ጎረባብቲ ቡን ኣሎ",
)

HALLUNDA_NAME = t(
    "Mötesplats Hallunda",
    "Hallunda Meeting Place",
    "ملتقى هالوندا",
    "محل دیدار هالوندا",
    "Goobta kulanka Hallunda",
    "ቦታ ርክብ ሃሉንዳ",
)

HALLUNDA_DESCRIPTION = not_yet_translated(
    "En mötesplats vid tunnelbanan där föreningar kan låna rum och hålla kurser.",
    "A meeting place by the metro station where associations can borrow rooms and hold courses.",
    "ملتقى بجانب محطة المترو حيث يمكن للجمعيات استعارة الغرف وتنظيم الدورات.",
)

TUMBA_NAME = t(
    "Allmänna kontoret Tumba",
    "Tumba Public Office",
    "المكتب العام في تومبا",
    "دفتر عمومی تومبا",
    "Xafiiska Dadweynaha Tumba",
    "ህዝባዊ ቤት ጽሕፈት ቱምባ",
)

TUMBA_DESCRIPTION = t(
    "Pausat medan huset renoveras. Vi öppnar igen i samma lokal så snart renoveringen är klar.",
    "Paused while the building is renovated. We will reopen in the same premises "
    "as soon as the renovation is done.",
    "متوقف مؤقتاً أثناء تجديد المبنى. سنعيد الافتتاح في المكان نفسه فور انتهاء التجديد.",
    "تا وقتی ساختمان بازسازی می‌شود، موقتاً بسته است. به‌محض تمام شدن بازسازی، "
    "در همین محل دوباره باز می‌کنیم.",
    "Waa la hakiyey inta dhismaha dib loo habaynayo. Isla goobtan ayaan dib uga "
    "furi doonnaa marka dib-u-habaynta la dhammeeyo.",
    "እቲ ህንጻ ክሳብ ዝሕደስ ንግዚኡ ደው ኢሉ ኣሎ። ምሕዳስ ምስ ተወድአ ኣብቲ ዝነበረ ቦታ ደጊምና ክንከፍት ኢና።",
)
