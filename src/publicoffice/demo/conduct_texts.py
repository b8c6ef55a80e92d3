"""The demo's house rules in all six languages: the network's two versions and two additions.

Short, plain words, from guideline 3 (respectful treatment; no
discrimination, violence, threats, drugs or alcohol). Version 2 of the
network's rules adds "keep the space tidy" and "the meeting place is for
meeting, not selling", and says a decision can hold at more than one
office: a material change every member accepts again. Each text is a dict
``{language: text}``; the loader spreads them over ``summary_sv``,
``full_text_ar``... Persian keeps Western digits.
"""

from __future__ import annotations

Texts = dict[str, str]

_RESPECT: Texts = {
    "sv": "1. Behandla alla med respekt: besökare, värdar och grannar.\n"
    "2. Ingen får diskrimineras, till exempel för sitt ursprung, sin religion, sitt kön, "
    "sin funktionsnedsättning eller sin ålder.\n"
    "3. Inget våld och inga hot, varken i lokalen eller på mötesplatsen på nätet.\n"
    "4. Inga droger och ingen alkohol i lokalen.",
    "en": "1. Treat everyone with respect: visitors, hosts and neighbours.\n"
    "2. Nobody may be discriminated against, for example for their origin, religion, gender, "
    "disability or age.\n"
    "3. No violence and no threats, neither in the office nor in the meeting place online.\n"
    "4. No drugs and no alcohol on the premises.",
    "ar": "1. عامِل الجميع باحترام: الزوار والمضيفين والجيران.\n"
    "2. لا يجوز التمييز ضد أحد، مثلاً بسبب أصله أو دينه أو جنسه أو إعاقته أو عمره.\n"
    "3. لا عنف ولا تهديد، لا في المكتب ولا في الملتقى على الإنترنت.\n"
    "4. لا مخدرات ولا كحول في المكان.",
    "fa": "1. با همه با احترام رفتار کنید: بازدیدکنندگان، میزبانان و همسایه‌ها.\n"
    "2. هیچ‌کس نباید مورد تبعیض قرار گیرد، برای مثال به خاطر اصل و نسب، دین، جنسیت، "
    "معلولیت یا سن.\n"
    "3. هیچ خشونت و تهدیدی نه در دفتر و نه در محل دیدار آنلاین.\n"
    "4. مواد مخدر و الکل در دفتر ممنوع است.",
    "so": "1. Qof walba si ixtiraam leh ula dhaqan: booqdayaasha, martigeliyayaasha iyo deriska.\n"
    "2. Qofna lama takoori karo, tusaale ahaan asalkiisa, diintiisa, jinsigiisa, "
    "naafonimadiisa ama da'diisa awgeed.\n"
    "3. Rabshad iyo hanjabaad midna ma jiro, xafiiska gudihiisa iyo goobta kulanka ee "
    "internetka midna.\n"
    "4. Daroogo iyo khamri midna lagama isticmaali karo xafiiska.",
    "ti": "1. ንኹሉ ሰብ ብኽብሪ ተሓሓዝ፡ በጻሕቲ፡ ኣቀባበልቲን ጎረባብትን።\n"
    "2. ሓደ እኳ ክኣድለ የብሉን፡ ንኣብነት ብሰንኪ መበቆሉ፡ ሃይማኖቱ፡ ጾታኡ፡ ስንክልንኡ ወይ ዕድሚኡ።\n"
    "3. ዓመጽን ምፍርራሕን የለን፡ ኣብ ቤት ጽሕፈት ይኹን ኣብ ቦታ ርክብ ኣብ ኢንተርነት።\n"
    "4. ኣደንዛዚ ዕጸን ኣልኮልን ኣብ ቤት ጽሕፈት ኣይፍቀድን።",
}

_DECISIONS_V1: Texts = {
    "sv": "5. Om någon bryter mot reglerna kan värden ge en anteckning, en varning eller en "
    "begränsning. Du får alltid veta varför och kan överklaga.",
    "en": "5. If someone breaks the rules, the host can give a note, a warning or a "
    "restriction. You are always told why and can appeal.",
    "ar": "5. إذا خالف أحد القواعد، يمكن للمضيف أن يعطي ملاحظة أو إنذارًا أو تقييدًا. "
    "ستعرف دائمًا السبب ويمكنك الاعتراض.",
    "fa": "5. اگر کسی قوانین را زیر پا بگذارد، میزبان می‌تواند یک یادداشت، یک اخطار یا یک "
    "محدودیت بدهد. همیشه دلیل آن را می‌دانید و می‌توانید اعتراض کنید.",
    "so": "5. Haddii qof jebiyo xeerarka, martigeliyuhu wuxuu bixin karaa qoraal, digniin ama "
    "xaddidaad. Had iyo jeer waa laguu sheegayaa sababta, waadna racfaan qaadan kartaa.",
    "ti": "5. ሓደ ሰብ ነዞም ሕግታት እንተጠሓሰ፡ ኣቀባባሊ መዘኻኸሪ፡ መጠንቀቕታ ወይ ገደብ ክህብ ይኽእል። "
    "ምኽንያቱ ኩሉ ግዜ ክንገረካ እዩ፡ ይግባይ ክትብል ድማ ትኽእል።",
}

_DECISIONS_V2: Texts = {
    "sv": "5. Om någon bryter mot reglerna kan personalen ge en anteckning, en varning, en "
    "begränsning eller en avstängning, på ett kontor eller flera. Du får alltid veta varför "
    "och kan överklaga.\n"
    "6. Håll ordning: lämna platsen som du själv vill hitta den.\n"
    "7. Mötesplatsen är till för att mötas, inte för att sälja. Visa gärna vad du gör, men "
    "sälj inte till andra besökare utan lov.",
    "en": "5. If someone breaks the rules, staff can give a note, a warning, a restriction or "
    "a ban, at one office or more. You are always told why and can appeal.\n"
    "6. Keep the space tidy: leave it as you would like to find it.\n"
    "7. The meeting place is for meeting, not selling. Show what you do, but do not sell to "
    "other visitors without permission.",
    "ar": "5. إذا خالف أحد القواعد، يمكن للعاملين أن يعطوا ملاحظة أو إنذارًا أو تقييدًا أو "
    "منعًا، في مكتب واحد أو أكثر. ستعرف دائمًا السبب ويمكنك الاعتراض.\n"
    "6. حافظ على ترتيب المكان: اتركه كما تحب أن تجده.\n"
    "7. الملتقى للقاء، لا للبيع. اعرض ما تعمله، لكن لا تبع للزوار الآخرين دون إذن.",
    "fa": "5. اگر کسی قوانین را زیر پا بگذارد، کارکنان می‌توانند یک یادداشت، یک اخطار، یک "
    "محدودیت یا یک منع بدهند، در یک دفتر یا چند دفتر. همیشه دلیل آن را می‌دانید و "
    "می‌توانید اعتراض کنید.\n"
    "6. فضا را مرتب نگه دارید: آن را همان‌طور ترک کنید که دوست دارید پیدایش کنید.\n"
    "7. محل دیدار برای دیدار است، نه برای فروش. کار خود را نشان دهید، اما بدون اجازه به "
    "بازدیدکنندگان دیگر چیزی نفروشید.",
    "so": "5. Haddii qof jebiyo xeerarka, shaqaaluhu waxay bixin karaan qoraal, digniin, "
    "xaddidaad ama mamnuucid, hal xafiis ama dhowr xafiis. Had iyo jeer waa laguu "
    "sheegayaa sababta, waadna racfaan qaadan kartaa.\n"
    "6. Goobta habsami ku hay: uga tag sidii aad jeclaan lahayd inaad u hesho.\n"
    "7. Goobta kulanku waa meel la isugu yimaado, ma aha meel wax lagu iibiyo. Tus waxaad "
    "qabato, laakiin wax ha ka iibin booqdayaasha kale adigoon ogolaansho haysan.",
    "ti": "5. ሓደ ሰብ ነዞም ሕግታት እንተጠሓሰ፡ ሰራሕተኛታት መዘኻኸሪ፡ መጠንቀቕታ፡ ገደብ ወይ እገዳ "
    "ክህቡ ይኽእሉ፡ ኣብ ሓደ ቤት ጽሕፈት ወይ ኣብ ብዙሓት። ምኽንያቱ ኩሉ ግዜ ክንገረካ እዩ፡ "
    "ይግባይ ክትብል ድማ ትኽእል።\n"
    "6. ቦታ ስሩዕ ሓዝ፡ ክትረኽቦ ከም እትደሊ ገዲፍካዮ ኺድ።\n"
    "7. ቦታ ርክብ ንምርኻብ እዩ፡ ንምሻጥ ኣይኮነን። ትገብሮ ዘለኻ ኣርኢ፡ ግን ብዘይ ፍቓድ ንኻልኦት "
    "በጻሕቲ ኣይትሸጥ።",
}

NETWORK_V1: dict[str, Texts] = {
    "summary": {
        "sv": "Vi behandlar varandra med respekt. Ingen diskriminering, inget våld, inga hot, "
        "inga droger eller alkohol.",
        "en": "We treat each other with respect. No discrimination, no violence, no threats, "
        "no drugs or alcohol.",
        "ar": "نعامل بعضنا باحترام. لا تمييز ولا عنف ولا تهديد ولا مخدرات ولا كحول.",
        "fa": "با یکدیگر با احترام رفتار می‌کنیم. تبعیض، خشونت، تهدید، مواد مخدر و الکل جایی ندارد.",
        "so": "Waxaan isula dhaqannaa ixtiraam. Takoor, rabshad, hanjabaad, daroogo iyo "
        "khamri midna ma jiraan.",
        "ti": "ንሓድሕድና ብኽብሪ ንተሓሓዝ። ኣድልዎ፡ ዓመጽ፡ ምፍርራሕ፡ ኣደንዛዚ ዕጸ ወይ ኣልኮል የለን።",
    },
    "full_text": {code: f"{_RESPECT[code]}\n{_DECISIONS_V1[code]}" for code in _RESPECT},
    "changes": {},
}

NETWORK_V2: dict[str, Texts] = {
    "summary": {
        "sv": "Vi behandlar varandra med respekt. Ingen diskriminering, inget våld, inga hot, "
        "inga droger eller alkohol. Håll ordning. Mötesplatsen är till för att mötas, inte "
        "för att sälja.",
        "en": "We treat each other with respect. No discrimination, violence, threats, drugs "
        "or alcohol. Keep the space tidy. The meeting place is for meeting, not selling.",
        "ar": "نعامل بعضنا باحترام. لا تمييز ولا عنف ولا تهديد ولا مخدرات ولا كحول. حافظ على "
        "ترتيب المكان. الملتقى للقاء، لا للبيع.",
        "fa": "با یکدیگر با احترام رفتار می‌کنیم. تبعیض، خشونت، تهدید، مواد مخدر و الکل "
        "جایی ندارد. فضا را مرتب نگه دارید. محل دیدار برای دیدار است، نه برای فروش.",
        "so": "Waxaan isula dhaqannaa ixtiraam. Takoor, rabshad, hanjabaad, daroogo iyo "
        "khamri midna ma jiraan. Goobta habsami ku hay. Goobta kulanku waa kulan, ma aha iib.",
        "ti": "ንሓድሕድና ብኽብሪ ንተሓሓዝ። ኣድልዎ፡ ዓመጽ፡ ምፍርራሕ፡ ኣደንዛዚ ዕጸ ወይ ኣልኮል የለን። "
        "ቦታ ስሩዕ ሓዝ። ቦታ ርክብ ንምርኻብ እዩ፡ ንምሻጥ ኣይኮነን።",
    },
    "full_text": {code: f"{_RESPECT[code]}\n{_DECISIONS_V2[code]}" for code in _RESPECT},
    "changes": {
        "sv": "Två nya regler: håll ordning i lokalen, och mötesplatsen är till för att mötas, "
        "inte för att sälja. Regel 5 säger nu också att ett beslut kan gälla på flera kontor.",
        "en": "Two new rules: keep the space tidy, and the meeting place is for meeting, not "
        "selling. Rule 5 now also says that a decision can hold at more than one office.",
        "ar": "قاعدتان جديدتان: حافظ على ترتيب المكان، والملتقى للقاء لا للبيع. وتقول القاعدة "
        "5 الآن أيضًا إن القرار قد يسري في أكثر من مكتب.",
        "fa": "دو قانون تازه: فضا را مرتب نگه دارید، و محل دیدار برای دیدار است، نه برای فروش. "
        "قانون 5 اکنون همچنین می‌گوید که یک تصمیم می‌تواند در بیش از یک دفتر اعتبار داشته باشد.",
        "so": "Laba xeer oo cusub: goobta habsami ku hay, goobta kulankuna waa meel la isugu "
        "yimaado, ma aha meel wax lagu iibiyo. Xeerka 5aad hadda wuxuu kale oo sheegayaa in "
        "go'aan uu khusayn karo in ka badan hal xafiis.",
        "ti": "ክልተ ሓደስቲ ሕግታት፡ ቦታ ስሩዕ ሓዝ፡ ቦታ ርክብ ድማ ንምርኻብ እዩ፡ ንምሻጥ ኣይኮነን። "
        "ሕጊ 5 ሕጂ ውሳነ ኣብ ልዕሊ ሓደ ቤት ጽሕፈት ክሰርሕ ከም ዝኽእል እውን ይብል።",
    },
}

#: Ronna's operator adds rules for its two offices.
OPERATOR_ADDITION: dict[str, Texts] = {
    "summary": {
        "sv": "Barn under 12 år kommer med en vuxen. Ta telefonsamtal utanför läsrummet.",
        "en": "Children under 12 come with an adult. Take phone calls outside the quiet room.",
        "ar": "الأطفال دون 12 سنة يأتون مع شخص بالغ. أجرِ المكالمات الهاتفية خارج غرفة الهدوء.",
        "fa": "کودکان زیر 12 سال همراه یک بزرگسال می‌آیند. تماس تلفنی را بیرون از اتاق "
        "مطالعه بگیرید.",
        "so": "Carruurta ka yar 12 sano waxay la yimaadaan qof weyn. Taleefanka kula hadal "
        "meel ka baxsan qolka aamusnaanta.",
        "ti": "ቆልዑ ትሕቲ 12 ዓመት ምስ ዓቢ ሰብ ይመጹ። ናይ ተሌፎን ዝርርብ ካብ ክፍሊ ህድኣት ወጻኢ ግበሩ።",
    },
    "full_text": {
        "sv": "1. Barn under 12 år är välkomna tillsammans med en vuxen.\n"
        "2. Ta telefonsamtal utanför läsrummet, så att andra kan arbeta i lugn och ro.\n"
        "3. Säg till en värd om något går sönder, så lagar vi det.",
        "en": "1. Children under 12 are welcome together with an adult.\n"
        "2. Take phone calls outside the quiet room, so others can work in peace.\n"
        "3. Tell a host if something breaks, so we can fix it.",
        "ar": "1. الأطفال دون 12 سنة مرحب بهم مع شخص بالغ.\n"
        "2. أجرِ المكالمات الهاتفية خارج غرفة الهدوء، ليعمل الآخرون بهدوء.\n"
        "3. أخبر المضيف إذا تعطل شيء، لكي نصلحه.",
        "fa": "1. کودکان زیر 12 سال همراه یک بزرگسال خوش آمدند.\n"
        "2. تماس تلفنی را بیرون از اتاق مطالعه بگیرید تا دیگران در آرامش کار کنند.\n"
        "3. اگر چیزی خراب شد به میزبان بگویید تا آن را درست کنیم.",
        "so": "1. Carruurta ka yar 12 sano waa soo dhaweyn yihiin marka ay la socdaan qof weyn.\n"
        "2. Taleefanka kula hadal meel ka baxsan qolka aamusnaanta, si kuwa kale ugu "
        "shaqeeyaan nabad.\n"
        "3. U sheeg martigeliyaha haddii wax jabaan, si aan u hagaajinno.",
        "ti": "1. ቆልዑ ትሕቲ 12 ዓመት ምስ ዓቢ ሰብ እንተመጺኦም እንቋዕ ብደሓን መጹ።\n"
        "2. ካልኦት ብህድኣት ክሰርሑ፡ ናይ ተሌፎን ዝርርብ ካብ ክፍሊ ህድኣት ወጻኢ ግበሩ።\n"
        "3. ገለ ነገር እንተተሰይሩ ንኣቀባባሊ ንገሩ፡ ክንጽግኖ ኢና።",
    },
    "changes": {},
}

#: Fittja's own addition.
OFFICE_ADDITION: dict[str, Texts] = {
    "summary": {
        "sv": "Ät bara i köket och kafédelen. Lämna mötesrummet när din bokade tid är slut.",
        "en": "Eat only in the kitchen and the café corner. Leave the meeting room when your "
        "booked time ends.",
        "ar": "كُل فقط في المطبخ وركن المقهى. اترك غرفة الاجتماعات عندما ينتهي وقت حجزك.",
        "fa": "فقط در آشپزخانه و گوشهٔ کافه غذا بخورید. وقتی زمان رزرو شما تمام شد، اتاق "
        "جلسه را ترک کنید.",
        "so": "Wax ku cun jikada iyo geeska kafeega oo keliya. Ka bax qolka shirka marka "
        "waqtiga ballantaadu dhammaado.",
        "ti": "ኣብ ክሽነን ኣብ ኩርናዕ ካፈን ጥራይ ብልዑ። ግዜ ዝሓዝኩምዎ ቦታ ምስ ወድአ ክፍሊ ኣኼባ ግደፉ።",
    },
    "full_text": {
        "sv": "1. Ät bara i köket och kafédelen.\n"
        "2. Lämna mötesrummet när din bokade tid är slut; nästa grupp väntar.\n"
        "3. Cyklar står ute i cykelstället.",
        "en": "1. Eat only in the kitchen and the café corner.\n"
        "2. Leave the meeting room when your booked time ends; the next group is waiting.\n"
        "3. Bicycles stay outside, in the bike rack.",
        "ar": "1. كُل فقط في المطبخ وركن المقهى.\n"
        "2. اترك غرفة الاجتماعات عندما ينتهي وقت حجزك؛ المجموعة التالية تنتظر.\n"
        "3. الدراجات تبقى في الخارج، في موقف الدراجات.",
        "fa": "1. فقط در آشپزخانه و گوشهٔ کافه غذا بخورید.\n"
        "2. وقتی زمان رزرو شما تمام شد، اتاق جلسه را ترک کنید؛ گروه بعدی منتظر است.\n"
        "3. دوچرخه‌ها بیرون، در جای دوچرخه، می‌مانند.",
        "so": "1. Wax ku cun jikada iyo geeska kafeega oo keliya.\n"
        "2. Ka bax qolka shirka marka waqtiga ballantaadu dhammaado; kooxda xigta ayaa sugaysa.\n"
        "3. Baaskiilada waxay joogaan bannaanka, meesha baaskiilada.",
        "ti": "1. ኣብ ክሽነን ኣብ ኩርናዕ ካፈን ጥራይ ብልዑ።\n"
        "2. ግዜ ዝሓዝኩምዎ ቦታ ምስ ወድአ ክፍሊ ኣኼባ ግደፉ፡ ዝቕጽል ጉጅለ ይጽበ ኣሎ።\n"
        "3. ብሽክለታት ኣብ ደገ፡ ኣብ መቐመጢ ብሽክለታ ይጸንሓ።",
    },
    "changes": {},
}
