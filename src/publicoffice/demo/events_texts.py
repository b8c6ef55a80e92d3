"""Texts of the demo's events in the six languages: kinds of event and hosts' notes.

A host writes the Swedish text through the event services (the default
language, which every other language falls back to), and the translations
are added afterwards, as a translator adds them in the admin
(:meth:`publicoffice.demo.events._Loader.translate`). :mod:`publicoffice.demo.events_data`
says which kind of event has which text.

One text is left untranslated on purpose: the description of the
association evening (:data:`ASSOCIATION_EVENING_DESCRIPTION`), an event
held in Swedish only, whose host wrote the description in Swedish and had
it put into English and Arabic. Persian, Somali and Tigrinya readers see
it in English, marked as a fallback, under a title in their own language.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import not_yet_translated, t

LANGUAGE_CAFE_TITLE = t(
    "Språkcafé",
    "Language café",
    "مقهى اللغة",
    "کافه‌ی زبان",
    "Kafeega luqadda",
    "ካፈ ቋንቋ",
)

LANGUAGE_CAFE_DESCRIPTION = t(
    "Öva svenska över en kopp kaffe. Alla nivåer är välkomna, och du behöver inte anmäla dig.",
    "Practise Swedish over a cup of coffee. All levels are welcome, and you do "
    "not need to sign up.",
    "مارس اللغة السويدية مع فنجان قهوة. جميع المستويات مرحب بها، ولا حاجة للتسجيل.",
    "با یک فنجان قهوه سوئدی تمرین کنید. همه‌ی سطح‌ها خوش آمدند و لازم نیست ثبت‌نام کنید.",
    "Ku celceli Iswiidhishka adigoo cabbaya koob kafee ah. Heer kasta waa lagu "
    "soo dhoweynayaa, mana aha inaad is-qorto.",
    "ምስ ኩባያ ቡን ሽወደንኛ ተለማመዱ። ኩሉ ደረጃ እንቋዕ ብደሓን መጻእኩም፡ ምምዝጋብ ኣየድልን።",
)

CV_WORKSHOP_TITLE = t(
    "CV-verkstad",
    "CV workshop",
    "ورشة السيرة الذاتية",
    "کارگاه رزومه",
    "Aqoon-is-weydaarsi CV",
    "ዓውደ ስራሕ CV",
)

CV_WORKSHOP_DESCRIPTION = t(
    "Ta med ditt CV eller börja från början. Vi hjälper dig att skriva det och "
    "ett personligt brev, på svenska eller engelska.",
    "Bring your CV or start from scratch. We help you write it and a cover "
    "letter, in Swedish or English.",
    "أحضر سيرتك الذاتية أو ابدأ من الصفر. نساعدك في كتابتها وكتابة رسالة تعريفية "
    "بالسويدية أو الإنجليزية.",
    "رزومه‌تان را بیاورید یا از صفر شروع کنید. کمکتان می‌کنیم آن را و یک نامه‌ی "
    "همراه (personligt brev) به سوئدی یا انگلیسی بنویسید.",
    "Keen CV-gaaga ama eber ka bilow. Waxaan kaa caawinaynaa inaad qorto isaga "
    "iyo warqad codsi (personligt brev), Iswiidhish ama Ingiriisi.",
    "CV ኹም ኣምጽኡ ወይ ካብ ባዶ ጀምሩ። ንዕኡን ደብዳቤ መመልከቲ (personligt brev)ን ብሽወደንኛ ወይ ብእንግሊዝኛ ክትጽሕፉ ንሕግዘኩም።",
)

HOMEWORK_HELP_TITLE = t(
    "Läxhjälp",
    "Homework help",
    "المساعدة في الواجبات المدرسية",
    "کمک در تکالیف مدرسه",
    "Caawimaadda shaqada guriga",
    "ሓገዝ ዕዮ ገዛ",
)

HOMEWORK_HELP_DESCRIPTION = t(
    "Volontärer hjälper barn och unga i årskurs 4–9 med matte, svenska och "
    "engelska. Föräldrar är välkomna att sitta med.",
    "Volunteers help children and young people in years 4–9 with maths, Swedish "
    "and English. Parents are welcome to join.",
    "يساعد متطوعون الأطفال والشباب من الصف الرابع حتى التاسع في الرياضيات "
    "والسويدية والإنجليزية. أولياء الأمور مرحب بهم.",
    "داوطلبان به کودکان و نوجوانان کلاس 4 تا 9 در ریاضی، سوئدی و انگلیسی کمک "
    "می‌کنند. پدر و مادرها هم می‌توانند کنارشان بنشینند.",
    "Tabarrucayaal ayaa caawiya carruurta iyo dhallinyarada fasallada 4–9 xagga "
    "xisaabta, Iswiidhishka iyo Ingiriisiga. Waalidiintu way la fadhiisan "
    "karaan.",
    "ወለንተኛታት ንቆልዑን መንእሰያትን ካብ 4ይ ክሳብ 9ይ ክፍሊ ኣብ ሒሳብ፡ ሽወደንኛን እንግሊዝኛን ይሕግዙ። ወለዲ እውን "
    "ምሳታቶም ኮፍ ክብሉ ይኽእሉ።",
)

ASSOCIATION_EVENING_TITLE = t(
    "Föreningskväll: söka bidrag",
    "Association evening: applying for funding",
    "أمسية الجمعيات: التقدّم بطلبات التمويل",
    "شب انجمن‌ها: درخواست کمک مالی",
    "Habeenka ururada: codsashada deeqaha",
    "ምሸት ማሕበራት፡ ምሕታት ሓገዝ ገንዘብ",
)

ASSOCIATION_EVENING_DESCRIPTION = not_yet_translated(
    "För styrelser och eldsjälar: vilka bidrag finns, hur skriver man en "
    "ansökan, och hur redovisar man efteråt?",
    "For boards and volunteers: which grants exist, how to write an application, "
    "and how to report afterwards.",
    "لمجالس الإدارة والمتطوعين: ما المنح المتاحة، وكيف تُكتب الطلبات، وكيف تُقدَّم التقارير بعد ذلك.",
)

STARTUP_ADVICE_TITLE = t(
    "Starta eget – rådgivning",
    "Starting a business: advice",
    "استشارات لبدء مشروع تجاري",
    "مشاوره برای راه‌اندازی کسب‌وکار",
    "Talo-bixin: bilaabidda ganacsi",
    "ምኽሪ ንምጅማር ንግዲ",
)

STARTUP_ADVICE_DESCRIPTION = t(
    "Har du en affärsidé? En rådgivare går igenom företagsform, F-skatt, "
    "bokföring och de första kunderna med dig.",
    "Have a business idea? An adviser goes through company forms, tax "
    "registration, bookkeeping and your first customers with you.",
    "هل لديك فكرة مشروع؟ يشرح لك مستشار أشكال الشركات والتسجيل الضريبي ومسك "
    "الدفاتر والعملاء الأوائل.",
    "ایده‌ی کسب‌وکار دارید؟ یک مشاور نوع شرکت، ثبت مالیاتی (F-skatt)، حسابداری و "
    "اولین مشتری‌هایتان را با شما مرور می‌کند.",
    "Ma leedahay fikrad ganacsi? La-taliye ayaa kula eegaya qaababka shirkadaha, "
    "diiwaangelinta cashuurta (F-skatt), xisaab-haynta iyo macaamiishaada ugu "
    "horreeya.",
    "ሓሳብ ንግዲ ኣለኩም ድዩ? ሓደ ኣማኻሪ ብዛዕባ ዓይነት ትካል፡ ምዝገባ ግብሪ (F-skatt)፡ ምሓዝ ሕሳብን ቀዳሞት ዓማዊልኩምን ምሳኹም ይርኢ።",
)

SEWING_CAFE_TITLE = t(
    "Sykafé",
    "Sewing café",
    "مقهى الخياطة",
    "کافه‌ی خیاطی",
    "Kafeega tolidda",
    "ካፈ ስፌት",
)

SEWING_CAFE_DESCRIPTION = t(
    "Laga, sy om och sy nytt tillsammans. Symaskiner finns, ta gärna med eget tyg.",
    "Mend, alter and sew something new together. Sewing machines are here; bring "
    "your own fabric if you like.",
    "نصلح ونعدّل ونخيط أشياء جديدة معاً. ماكينات الخياطة متوفرة، ويمكنك إحضار قماشك.",
    "با هم لباس‌ها را تعمیر کنید، تغییر بدهید و چیز تازه بدوزید. چرخ خیاطی اینجا "
    "هست؛ اگر دوست دارید پارچه‌ی خودتان را بیاورید.",
    "Wada dayactira, wax ka beddela oo tola wax cusub. Mashiinnada tolidda "
    "halkan ayay yaalliin; haddii aad rabto keen maradaada.",
    "ብሓባር ጠግኑ፡ ቀይሩን ሓድሽ ነገር ስፍዩን። መኪናታት ስፌት ኣብዚ ኣለዉ፤ እንተደሊኹም ናይ ገዛእ ርእስኹም ጨርቂ ኣምጽኡ።",
)

DIGITAL_HELP_TITLE = t(
    "Digitalhjälp: BankID och e-tjänster",
    "Digital help: BankID and e-services",
    "مساعدة رقمية: BankID والخدمات الإلكترونية",
    "کمک دیجیتال: BankID و خدمات آنلاین",
    "Caawimaad dijitaal ah: BankID iyo adeegyada internetka",
    "ዲጂታላዊ ሓገዝ፡ BankID ከምኡ'ውን ኣገልግሎታት ኢንተርነት",
)

DIGITAL_HELP_DESCRIPTION = t(
    "Få hjälp med mobilt BankID, 1177, Försäkringskassan och andra e-tjänster. "
    "Ta med telefon och legitimation.",
    "Get help with Mobile BankID, 1177, the Social Insurance Agency and other "
    "e-services. Bring your phone and ID.",
    "احصل على المساعدة في BankID على الهاتف و1177 ومصلحة التأمينات وخدمات "
    "إلكترونية أخرى. أحضر هاتفك وبطاقة الهوية.",
    "برای BankID موبایل، 1177، اداره‌ی بیمه‌ی اجتماعی (Försäkringskassan) و دیگر "
    "خدمات آنلاین کمک بگیرید. موبایل و کارت شناسایی‌تان را بیاورید.",
    "Ka hel caawimaad Mobilt BankID, 1177, Försäkringskassan iyo adeegyo kale oo "
    "internetka ah. Keen taleefankaaga iyo aqoonsigaaga.",
    "ኣብ Mobilt BankID፡ 1177፡ Försäkringskassan ከምኡ'ውን ካልኦት ኣገልግሎታት ኢንተርነት ሓገዝ "
    "ርኸቡ። ተሌፎንኩምን ወረቐት መንነትኩምን ኣምጽኡ።",
)

NEWCOMER_INFO_TITLE = t(
    "Ny i Sverige: frågestund",
    "New in Sweden: questions and answers",
    "جديد في السويد: أسئلة وأجوبة",
    "تازه در سوئد: پرسش و پاسخ",
    "Ku cusub Iswiidhan: su'aalo iyo jawaabo",
    "ሓደስቲ ኣብ ሽወደን፡ ሕቶታትን መልስታትን",
)

NEWCOMER_INFO_DESCRIPTION = t(
    "Vägledare svarar på frågor om skola, bostad, vård och jobb. Tolkar finns på "
    "arabiska, somaliska, tigrinja och persiska.",
    "Guides answer questions about school, housing, health care and work. "
    "Interpreters for Arabic, Somali, Tigrinya and Persian are here.",
    "يجيب مرشدون عن أسئلة حول المدرسة والسكن والرعاية الصحية والعمل. يتوفر "
    "مترجمون للعربية والصومالية والتغرينية والفارسية.",
    "راهنماها به پرسش‌ها درباره‌ی مدرسه، مسکن، درمان و کار پاسخ می‌دهند. مترجم "
    "عربی، سومالیایی، تیگرینیا و فارسی هم هست.",
    "Hagayaal ayaa ka jawaabaya su'aalaha ku saabsan dugsiga, guryaha, daryeelka "
    "caafimaadka iyo shaqada. Waxaa jooga turjumaano Carabi, Soomaali, Tigrinya "
    "iyo Faarisi ah.",
    "መራሕቲ ብዛዕባ ቤት ትምህርቲ፡ መንበሪ ገዛ፡ ክንክን ጥዕናን ስራሕን ንዘለኩም ሕቶታት ይምልሱ። ናይ ዓረብኛ፡ ሶማልኛ፡ "
    "ትግርኛን ፋርስኛን ተርጎምቲ ኣለዉ።",
)

# What the event's page says about access, for two kinds of event.

LANGUAGE_CAFE_ACCESSIBILITY = t(
    "Vi pratar långsamt och tydligt. Barn får följa med.",
    "We speak slowly and clearly. Children are welcome to come along.",
    "نتحدث ببطء ووضوح. يمكن للأطفال الحضور معكم.",
    "آهسته و واضح حرف می‌زنیم. بچه‌ها هم می‌توانند همراهتان بیایند.",
    "Si tartiib ah oo cad ayaan u hadalnaa. Carruurtu way ku soo raaci karaan.",
    "ቀስ ኢልናን ብንጹርን ንዛረብ። ቆልዑ ምሳኹም ክመጹ ይኽእሉ።",
)

SEWING_CAFE_ACCESSIBILITY = t(
    "Sittplatser med ryggstöd. Säg till om du behöver hjälp med maskinen.",
    "Seats with back support. Tell us if you need help with the machine.",
    "مقاعد بمساند للظهر. أخبرنا إذا احتجت إلى مساعدة في استخدام الماكينة.",
    "صندلی با پشتی. اگر برای کار با چرخ خیاطی کمک لازم دارید، به ما بگویید.",
    "Kuraas dhabar-ku-tiirsi leh. Noo sheeg haddii aad caawimaad ugu baahato mashiinka.",
    "መጸግዒ ዘለዎም መናብር። ብመኪና ስፌት ንምስራሕ ሓገዝ እንተድሊኹም ንገሩና።",
)

# Hosts' notes when they cancel, postpone or move an event.

CANCEL_NOTE = t(
    "Ledaren är sjuk. Vi hör av oss med ett nytt datum.",
    "The leader is ill. We will be in touch with a new date.",
    "المسؤول عن النشاط مريض. سنتواصل معكم بموعد جديد.",
    "مسئول برنامه بیمار است. برای تاریخ تازه با شما تماس می‌گیریم.",
    "Hoggaamiyaha ayaa jiran. Waxaan kula soo xiriiri doonnaa taariikh cusub.",
    "እቲ መራሒ ሓሚሙ ኣሎ። ሓድሽ ዕለት ሒዝና ክንረኽበኩም ኢና።",
)

POSTPONE_NOTE = t(
    "Nytt datum kommer snart, vi meddelar alla som anmält sig.",
    "A new date is coming soon; we will tell everyone who has registered.",
    "سيُحدَّد موعد جديد قريباً، وسنُبلغ جميع المسجلين.",
    "تاریخ تازه به‌زودی اعلام می‌شود؛ به همه‌ی کسانی که ثبت‌نام کرده‌اند خبر می‌دهیم.",
    "Taariikh cusub ayaa dhowaan la soo sheegi doonaa; waxaan u sheegi doonnaa "
    "qof kasta oo is-qoray.",
    "ሓድሽ ዕለት ቀልጢፉ ክፍለጥ እዩ፤ ንኹሎም ዝተመዝገቡ ክንሕብር ኢና።",
)

#: Where a moved event is now: ``%(day)s``, ``%(time)s`` and ``%(room)s``.

MOVE_NOTE = t(
    "Flyttad till %(day)s kl. %(time)s i %(room)s.",
    "Moved to %(day)s at %(time)s in %(room)s.",
    "نُقل إلى %(day)s الساعة %(time)s في %(room)s.",
    "به %(day)s ساعت %(time)s در %(room)s منتقل شد.",
    "Waxaa loo raray %(day)s saacadda %(time)s, goobta: %(room)s.",
    "ናብ %(day)s ሰዓት %(time)s ኣብ %(room)s ተቐይሩ።",
)
