"""The ten guidelines in Persian, Somali and Tigrinya.

``0002`` loaded them in Swedish, English and Arabic; until now Persian,
Somali and Tigrinya readers saw the English text. These are the team's
drafts, translated from the Swedish original and our English, with the
terms of the glossaries in ``docs/translation/`` (guideline: «رهنمود»,
*tilmaan*, «መምርሒ»). Like the rest of those translations they await a
native speaker's review.

A title or text is filled in only where it is empty, so a platform admin's
own wording (in the admin) is never overwritten. Migrating back is a no-op:
the texts are as right in the older schema as in this one.
"""

from django.db import migrations

# number -> ((fa title, fa text), (so title, so text), (ti title, ti text))
GUIDELINES = {
    1: (
        ("حقوق بشر", "دفتر عمومی حقوق بشر را محترم می‌شمارد و برای همه‌ی گروه‌های کاربران و همه‌ی افراد در پی فرصت‌های برابر است."),
        ("Xuquuqda aadanaha", "Xafiisku wuxuu ixtiraamaa xuquuqda aadanaha, wuxuuna u dadaalaa fursado siman oo ay helaan dhammaan kooxaha isticmaala iyo qof kasta."),
        ("ሰብኣዊ መሰላት", "ቤት ጽሕፈት ሰብኣዊ መሰላት የኽብር፡ ንኹሎም ጉጅለታት ተጠቀምትን ንነፍሲ ወከፍ ሰብን ማዕረ ዕድል ክህሉ ድማ ይጽዕር።"),
    ),
    2: (
        ("رایگان و باز برای همه", "رایگان است، به روی همه‌ی مردم باز است و به گروه‌های خاصی محدود نمی‌شود."),
        ("Bilaash oo u furan qof walba", "Xafiisku waa bilaash, wuxuu u furan yahay dadweynaha, mana aha mid loogu talagalay kooxo gaar ah oo keliya."),
        ("ብነጻን ንኹሉ ክፉትን", "ብነጻ እዩ፡ ንህዝቢ ክፉት እዩ፡ ንፍሉያት ጉጅለታት ጥራይ ዝተወሰነ ድማ ኣይኮነን።"),
    ),
    3: (
        ("قوانین رفتاری روشن", "این مکان مانند کتابخانه به روی همه باز است و قوانین روشنی دارد درباره‌ی رفتاری که برای استفاده از آن لازم است: رفتار محترمانه، و منع تبعیض، خشونت، تهدید، مواد مخدر و الکل."),
        ("Xeerar anshax oo cad", "Sida maktabadda, goobtu way u furan tahay qof walba, waxayna leedahay xeerar cad oo sheegaya sida loo dhaqmo si loo isticmaalo: in qof walba xushmad loola dhaqmo, lagana mamnuucay takoorka, rabshadda, hanjabaadda, daroogada iyo khamriga."),
        ("ንጹራት ሕግታት ጠባይ", "ከም ቤት መጻሕፍቲ እዚ ቦታ ንኹሉ ክፉት እዩ፡ ንምጥቃሙ ግን ንጹራት ሕግታት ጠባይ ኣለዉ። ንኹሉ ብኽብሪ ምሕዛእ የድሊ፡ ኣድልዎ፡ ዓመጽ፡ ምፍርራሕ፡ ዕጸ-ፋርስን መስተን ድማ ክልኩላት እዮም።"),
    ),
    4: (
        ("گفت‌وگو با جامعه‌ی محلی", "دفتر در گفت‌وگوی نزدیک با جامعه‌ی مدنی، کسب‌وکارها و زندگی فرهنگی محله اداره می‌شود، و کسانی که از آن استفاده می‌کنند می‌توانند برای کارهای آن پیشنهاد بدهند."),
        ("Wadahadal lala yeesho bulshada deegaanka", "Xafiiska waxaa lagu maamulaa wadahadal dhow oo lala yeesho bulshada rayidka ah, ganacsiga iyo nolosha dhaqanka ee deegaanka; dadka isticmaala waxay soo jeedin karaan waxa xafiisku qabto."),
        ("ዘተ ምስ ከባቢያዊ ሕብረተሰብ", "ቤት ጽሕፈት ምስ ሲቪላዊ ሕብረተሰብ፡ ንግድን ባህላዊ ህይወትን ናይቲ ከባቢ ብጥቡቕ ዘተ ይካየድ፤ ተጠቀምቲ ድማ ንስራሕ ቤት ጽሕፈት ሓሳባት ከቕርቡ ይኽእሉ።"),
    ),
    5: (
        ("کارکنان توانا", "دفتر کارکنانی دارد که می‌توانند از مراجعه‌کنندگان استقبال کنند و به آن‌ها کمک کنند، و کار روزانه و شکل دفتر را ارزیابی کنند و بهتر کنند."),
        ("Shaqaale karti leh", "Xafiisku wuxuu leeyahay shaqaale awood u leh inay soo dhoweeyaan oo caawiyaan dadka isticmaala, isla markaana qiimeeyaan oo horumariyaan shaqada maalinlaha ah iyo qaabka xafiiska."),
        ("ብቑዓት ሰራሕተኛታት", "ቤት ጽሕፈት ንተጠቀምቲ ክቕበሉን ክሕግዙን፡ ዕለታዊ ስራሕን ቅርጺ ቤት ጽሕፈትን ክግምግሙን ከማዕብሉን ዝኽእሉ ሰራሕተኛታት ኣለውዎ።"),
    ),
    6: (
        ("مکانی دسترس‌پذیر برای همه", "محل دفتر برای افراد دارای معلولیت مناسب‌سازی شده است."),
        ("Goob qof walba geli karo", "Goobta waxaa loo habeeyey dadka naafonimada qaba."),
        ("ንኹሉ ምቹእ ቦታ", "እቲ ቦታ ንሰባት ምስ ኣካል ጉድኣት ዝተመቻችአ እዩ።"),
    ),
    7: (
        ("متناسب با نیازهای محلی", "کارهای دفتر بر اساس نیازها و امکانات محله شکل می‌گیرد، با تلاش ویژه برای دسترسی‌پذیری، تبادل و محیط کار خوب."),
        ("Loo qaabeeyey baahiyaha deegaanka", "Hawsha xafiiska waxaa loo qaabeeyaa baahiyaha iyo fursadaha deegaanka, iyadoo dadaal gaar ah loo galo gelitaanka, is-weydaarsiga iyo jawi shaqo oo wanaagsan."),
        ("ብመሰረት ከባቢያዊ ድሌታት", "ስራሕ ቤት ጽሕፈት ብመሰረት ድሌታትን ዕድላትን ናይቲ ከባቢ ይቕረጽ፤ ንምቹእነት፡ ንምልውዋጥን ንጽቡቕ ሃዋሁ ስራሕን ድማ ፍሉይ ጻዕሪ ይግበር።"),
    ),
    8: (
        ("پایداری", "توسعه‌ی پایدار و استفاده‌ی بلندمدت از منابع در هر مرحله در نظر گرفته می‌شود."),
        ("Joogteyn", "Tallaabo kasta waxaa lagu tixgeliyaa horumarka waara iyo isticmaalka muddada dheer ee kheyraadka."),
        ("ዘላቕነት", "ኣብ ነፍሲ ወከፍ ስጉምቲ ዘላቒ ምዕባለን ንነዊሕ እዋን ዝሓስብ ኣጠቓቕማ ጸጋታትን ኣብ ግምት ይኣቱ።"),
    ),
    9: (
        ("تنوع", "در میان کارکنان و در نهادهای تصمیم‌گیری به دنبال تنوع هستیم، از نظر جنسیت، هویت یا بیان جنسیتی، تبار قومی، دین یا باور، فرهنگ، توانایی‌های جسمی و ذهنی، گرایش جنسی و سن."),
        ("Kala duwanaansho", "Kala duwanaansho ayaa laga raadiyaa shaqaalaha iyo hay'adaha go'aan-qaadashada, xagga jinsiga, aqoonsiga ama muujinta jinsiga, qowmiyadda, diinta ama caqiidada, dhaqanka, awoodda jidhka iyo maskaxda, jihaynta galmada iyo da'da."),
        ("ብዙሕነት", "ኣብ ሰራሕተኛታትን ውሳነ ኣብ ዝውሰነሉ ኣካላትን ብዙሕነት ይድለ፡ ብወገን ጾታ፡ ጾታዊ መንነት ወይ ኣገላልጻ፡ ብሄር፡ ሃይማኖት ወይ እምነት፡ ባህሊ፡ ኣካላዊ ዓቕሚ፡ ጾታዊ ዝንባለን ዕድመን።"),
    ),
    10: (
        ("دیدار و پشتیبانی از یکدیگر", "دفتر کاری می‌کند که همه‌ی کاربران به‌آسانی با هم دیدار کنند، از یکدیگر پشتیبانی کنند و به دیگران هم امکان بدهند از این مکان و امکاناتش استفاده کنند."),
        ("Kulan iyo is-taageero", "Xafiisku wuxuu u fududeeyaa dhammaan dadka isticmaala inay kulmaan, is taageeraan, una suuragaliyaan kuwa kale inay isticmaalaan goobta iyo waxa ay bixiso."),
        ("ምርኻብን ምትሕግጋዝን", "ቤት ጽሕፈት ንኹሎም ተጠቀምቲ ክራኸቡ፡ ክተሓጋገዙን ንኻልኦት እውን ነቲ ቦታን ኣገልግሎታቱን ክጥቀሙሉ ዕድል ክህቡን የቃልለሎም።"),
    ),
}


def fill_in(apps, schema_editor):
    Guideline = apps.get_model("guidelines", "Guideline")
    for guideline in Guideline.objects.filter(number__in=list(GUIDELINES)):
        changed = []
        for code, (title, text) in zip(("fa", "so", "ti"), GUIDELINES[guideline.number]):
            for field, value in ((f"title_{code}", title), (f"text_{code}", text)):
                if not (getattr(guideline, field) or "").strip():
                    setattr(guideline, field, value)
                    changed.append(field)
        if changed:
            guideline.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("guidelines", "0003_accessibility_report")]
    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
