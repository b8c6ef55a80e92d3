"""Texts of the demo offices in Stockholm and Huddinge, in the six languages.

Names, descriptions, space names and the reasons of exceptions to opening
hours, as the operators enter them (:mod:`publicoffice.demo.offices_north`
says which office has which). Kept apart from the offices' facts so that
neither module grows too long to read, and so translators find the texts in
one place.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import t

RINKEBY_NAME = t(
    "Allmänna kontoret Rinkeby",
    "Rinkeby Public Office",
    "المكتب العام في رينكبي",
    "دفتر عمومی رینکبی",
    "Xafiiska Dadweynaha Rinkeby",
    "ህዝባዊ ቤት ጽሕፈት ሪንከቢ",
)

RINKEBY_DESCRIPTION = t(
    "Här arbetar småföretagare, föreningar och kulturarbetare sida vid sida. "
    "Varje torsdag finns rådgivning om att starta företag.",
    "Small business owners, associations and cultural workers work side by side "
    "here. Every Thursday there is advice on starting a business.",
    "يعمل هنا أصحاب الأعمال الصغيرة والجمعيات والعاملون في الثقافة جنباً إلى "
    "جنب. كل يوم خميس تُقدَّم استشارات حول تأسيس الشركات.",
    "اینجا صاحبان کسب‌وکارهای کوچک، انجمن‌ها و فعالان فرهنگی کنار هم کار "
    "می‌کنند. هر پنجشنبه مشاوره برای راه‌اندازی کسب‌وکار هست.",
    "Halkan waxaa dhinac-dhinac uga shaqeeya ganacsato yaryar, ururo iyo dad ka "
    "shaqeeya dhaqanka. Khamiis kasta waxaa jira talo-bixin ku saabsan "
    "bilaabidda ganacsi.",
    "ኣብዚ ወነንቲ ንኣሽቱ ንግድታት፡ ማሕበራትን ሰራሕተኛታት ባህልን ጎኒ ንጎኒ ይሰርሑ። ኩሉ ሓሙስ ብዛዕባ ምጅማር ንግዲ ምኽሪ ይወሃብ።",
)

RINKEBY_BUSINESS_FAIR = t(
    "Företagarmässa på torget: stängt mitt på dagen, öppet längre på kvällen",
    "Business fair on the square: closed at midday, open later in the evening",
    "معرض للأعمال في الساحة: مغلق في منتصف النهار ومفتوح لوقت أطول في المساء",
    "نمایشگاه کسب‌وکار در میدان: ظهر بسته است و عصر تا دیرتر باز است",
    "Bandhig ganacsi oo fagaaraha ka dhacaya: duhurka waa xiran yahay, fiidkana "
    "wuu sii furnaanayaa",
    "ኣብ ጎልጎል ምርኢት ንግዲ፡ ፍርቂ መዓልቲ ዕጹው፡ ምሸት ድማ ንነዊሕ ግዜ ክፉት",
)

TENSTA_NAME = t(
    "Allmänna kontoret i Tensta bibliotek",
    "Public Office at Tensta Library",
    "المكتب العام في مكتبة تنستا",
    "دفتر عمومی در کتابخانه‌ی تنستا",
    "Xafiiska Dadweynaha ee Maktabadda Tensta",
    "ህዝባዊ ቤት ጽሕፈት ኣብ ቤት መጻሕፍቲ ተንስታ",
)

TENSTA_DESCRIPTION = t(
    "En del av biblioteket är ett allmänt kontor med skrivbord, grupprum och "
    "hjälp med digitala tjänster. Öppet även söndagar.",
    "Part of the library is a public office with desks, group rooms and help "
    "with digital services. Also open on Sundays.",
    "جزء من المكتبة مكتب عام فيه مكاتب وغرف للمجموعات ومساعدة في الخدمات "
    "الرقمية. مفتوح أيضاً أيام الأحد.",
    "بخشی از کتابخانه یک دفتر عمومی است با میز کار، اتاق‌های گروهی و کمک برای "
    "خدمات دیجیتال. یکشنبه‌ها هم باز است.",
    "Qayb ka mid ah maktabadda waa xafiis dadweyne oo leh miisas shaqo, qolal "
    "kooxeed iyo caawimaad xagga adeegyada dijitaalka ah. Axadahana waa furan "
    "yahay.",
    "ክፋል ናይቲ ቤት መጻሕፍቲ ጣውላታት ስራሕ፡ ክፍልታት ጉጅለን ኣብ ዲጂታላዊ ኣገልግሎታት ሓገዝን ዘለዎ ህዝባዊ ቤት "
    "ጽሕፈት እዩ። ሰንበት እውን ክፉት እዩ።",
)

TENSTA_STOCKTAKING = t(
    "Inventering",
    "Stocktaking",
    "جرد",
    "انبارگردانی",
    "Tirinta alaabta",
    "ምቑጻር ንብረት",
)

TENSTA_GROUP_ROOM_1 = t(
    "Grupprum 1",
    "Group room 1",
    "غرفة المجموعات 1",
    "اتاق گروهی 1",
    "Qolka kooxda 1",
    "ክፍሊ ጉጅለ 1",
)

TENSTA_GROUP_ROOM_2 = t(
    "Grupprum 2",
    "Group room 2",
    "غرفة المجموعات 2",
    "اتاق گروهی 2",
    "Qolka kooxda 2",
    "ክፍሊ ጉጅለ 2",
)

TENSTA_READING_ROOM = t(
    "Läsesalen",
    "Reading room",
    "قاعة القراءة",
    "سالن مطالعه",
    "Qolka akhriska",
    "ክፍሊ ንባብ",
)

HUSBY_NAME = t(
    "Allmänna kontoret Husby",
    "Husby Public Office",
    "المكتب العام في هوسبي",
    "دفتر عمومی هوسبی",
    "Xafiiska Dadweynaha Husby",
    "ህዝባዊ ቤት ጽሕፈት ሁስቢ",
)

HUSBY_DESCRIPTION = t(
    "Ett kontor i Husby centrum med verkstad för unga kreatörer: ljudstudio, "
    "3D-skrivare och symaskiner.",
    "An office in Husby centre with a workshop for young creators: sound studio, "
    "3D printer and sewing machines.",
    "مكتب في مركز هوسبي مع ورشة للمبدعين الشباب: استوديو صوت وطابعة ثلاثية الأبعاد وماكينات خياطة.",
    "دفتری در مرکز هوسبی با کارگاهی برای جوانان خلاق: استودیوی صدا، چاپگر سه‌بعدی و چرخ خیاطی.",
    "Xafiis ku yaal bartamaha Husby oo leh qol farsamo oo loogu talagalay "
    "dhallinyarada hal-abuurka leh: istuudiyaha codka, daabacaha 3D iyo "
    "mashiinnada tolidda.",
    "ኣብ ማእከል ሁስቢ ዝርከብ ቤት ጽሕፈት ንመንእሰያት ፈጠርቲ ቤት ዕዮ ኣለዎ፡ ስቱድዮ ድምጺ፡ 3D ፕሪንተርን መኪናታት ስፌትን።",
)

HUSBY_SOUND_STUDIO = t(
    "Ljudstudion",
    "Sound studio",
    "استوديو الصوت",
    "استودیوی صدا",
    "Istuudiyaha codka",
    "ስቱድዮ ድምጺ",
)

SKARHOLMEN_NAME = t(
    "Allmänna kontoret Skärholmen",
    "Skärholmen Public Office",
    "المكتب العام في شيرهولمن",
    "دفتر عمومی شرهولمن",
    "Xafiiska Dadweynaha Skärholmen",
    "ህዝባዊ ቤት ጽሕፈት ሸርሆልመን",
)

SKARHOLMEN_DESCRIPTION = t(
    "Stadsdelens eget allmänna kontor, en trappa upp ovanför torget. Här finns "
    "också medborgarvägledning och hjälp med blanketter.",
    "The district's own public office, one floor up above the square. Citizen "
    "guidance and help with forms are also available here.",
    "المكتب العام التابع للمنطقة، في الطابق الأول فوق الساحة. تتوفر هنا أيضاً "
    "إرشادات للمواطنين ومساعدة في ملء الاستمارات.",
    "دفتر عمومی خود محله، یک طبقه بالاتر از میدان. اینجا راهنمایی شهروندی و کمک "
    "برای پر کردن فرم‌ها هم هست.",
    "Xafiiska dadweynaha ee xaafadda laftigeeda, oo ku yaal dabaqa koowaad ee "
    "fagaaraha korkiisa. Halkan waxaa sidoo kale laga helaa hagidda "
    "muwaadiniinta iyo caawimaad xagga foomamka.",
    "ናይቲ ከባቢ ባዕሉ ህዝባዊ ቤት ጽሕፈት፡ ኣብ ልዕሊ ጎልጎል ኣብ ቀዳማይ ደርቢ። ኣብዚ ንነበርቲ ምኽርን ቅጥዕታት ንምምላእ ሓገዝን እውን ኣሎ።",
)

FLEMINGSBERG_NAME = t(
    "Allmänna kontoret Flemingsberg",
    "Flemingsberg Public Office",
    "المكتب العام في فليمينغسبيري",
    "دفتر عمومی فلمینگزبری",
    "Xafiiska Dadweynaha Flemingsberg",
    "ህዝባዊ ቤት ጽሕፈት ፍለሚንግስበሪ",
)

FLEMINGSBERG_DESCRIPTION = t(
    "Nära pendeltåget och universitetet. Öppet tidigt och sent för den som "
    "pendlar mindre och arbetar nära hemmet.",
    "Close to the commuter train and the university. Open early and late for "
    "those who commute less and work close to home.",
    "قريب من قطار الضواحي والجامعة. يفتح مبكراً ويغلق متأخراً لمن يريد التنقل "
    "أقل والعمل بالقرب من منزله.",
    "نزدیک قطار حومه و دانشگاه. صبح زود و تا دیروقت باز است، برای کسانی که "
    "می‌خواهند کمتر رفت‌وآمد کنند و نزدیک خانه کار کنند.",
    "Wuxuu u dhow yahay tareenka magaalada iyo jaamacadda. Wuxuu furmaa goor "
    "hore, wuxuuna xirmaa goor dambe, si ay uga faa'iidaystaan dadka doonaya "
    "inay safar yar galaan oo guriga u dhow ka shaqeeyaan.",
    "ኣብ ጥቓ ባቡር ከተማን ዩኒቨርሲቲን። ነቶም ውሑድ ክጓዓዙን ኣብ ጥቓ ገዛኦም ክሰርሑን ዝደልዩ ኣንጊሁ ይኽፈት፡ ኣምሲዩ ድማ ይዕጾ።",
)

VARBY_NAME = t(
    "Mötesplats Vårby gård",
    "Vårby gård Meeting Place",
    "ملتقى فوربي غورد",
    "محل دیدار وُربی گورد",
    "Goobta kulanka Vårby gård",
    "ቦታ ርክብ ቮርቢ ጎርድ",
)

VARBY_DESCRIPTION = t(
    "Stiftelsens mötesplats med samlingssal för fester, kurser och föreningsmöten.",
    "The foundation's meeting place with an assembly hall for parties, courses "
    "and association meetings.",
    "ملتقى المؤسسة مع قاعة للحفلات والدورات واجتماعات الجمعيات.",
    "محل دیدار بنیاد، با سالن اجتماعات برای جشن‌ها، کلاس‌ها و جلسه‌های انجمن‌ها.",
    "Goobta kulanka ee hay'adda, oo leh hool loogu talagalay xafladaha, "
    "koorsooyinka iyo shirarka ururada.",
    "ናይቲ ትካል ቦታ ርክብ፡ ንበዓላት፡ ኮርሳትን ኣኼባታት ማሕበራትን ዝኸውን ኣዳራሽ ኣለዎ።",
)

VARBY_WEDDING = t(
    "Samlingssalen är uthyrd till en bröllopsfest",
    "The hall is let for a wedding party",
    "القاعة مؤجرة لحفل زفاف",
    "سالن برای جشن عروسی اجاره داده شده است",
    "Hoolka waxaa loo kireeyey aroos",
    "እቲ ኣዳራሽ ንመርዓ ተኻርዩ ኣሎ",
)
