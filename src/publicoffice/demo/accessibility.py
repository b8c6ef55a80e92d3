"""Accessibility facts of the demo offices, by profile, in the six languages.

Plain data; :mod:`publicoffice.demo.loader` writes the profile named in each
office's ``accessibility``. Each category is a status and what the office
says about it, like the ``AccessibilityFacts`` form in the admin; a category
left "unknown" has no text in any language.
"""

from __future__ import annotations

from publicoffice.demo.vocabulary import t

_EMPTY = t("", "", "", "", "", "")

# profile name -> the facts. Each category is (status, texts).
ACCESSIBILITY: dict[str, dict[str, object]] = {
    "street_level": {
        "moving": (
            "yes",
            t(
                "Entré i gatuplan med automatisk dörr. Alla rum ligger på samma plan.",
                "Street-level entrance with an automatic door. All rooms are on one floor.",
                "مدخل على مستوى الشارع بباب أوتوماتيكي. جميع الغرف في طابق واحد.",
                "ورودی هم‌سطح خیابان با در خودکار. همه‌ی اتاق‌ها در یک طبقه‌اند.",
                "Albaabka laga soo galo wuxuu la siman yahay waddada, waana albaab iskiis u "
                "furma. Dhammaan qolalku waxay ku yaalliin hal dabaq.",
                "መእተዊ ምስ ጎደና ማዕረ እዩ፡ ብባዕሉ ዝኽፈት ማዕጾ ድማ ኣለዎ። ኩሎም ክፍልታት ኣብ ሓደ ደርቢ እዮም።",
            ),
        ),
        "seeing": (
            "partly",
            t(
                "Kontrastmarkerad entré och skyltar med stor text, men ingen punktskrift.",
                "Entrance marked in contrasting colours and signs in large print, but no braille.",
                "مدخل مُعلَّم بألوان متباينة ولافتات بخط كبير، لكن لا توجد كتابة برايل.",
                "ورودی با رنگ‌های متضاد مشخص شده و تابلوها با حروف درشت‌اند، اما خط بریل نیست.",
                "Albaabka waxaa lagu calaamadeeyey midabo kala muuqda, calaamaduhuna waa far "
                "waaweyn, laakiin ma jiro qoraalka braille.",
                "መእተዊ ብዝፈላለዩ ሕብርታት ዝተመልከተ እዩ፡ ምልክታት ድማ ብዓበይቲ ፊደላት እዮም፡ ግን ጽሑፍ ብሬል የለን።",
            ),
        ),
        "hearing": (
            "yes",
            t(
                "Hörslinga vid receptionen och i mötesrummet.",
                "Hearing loop at the reception and in the meeting room.",
                "حلقة سمعية عند الاستقبال وفي غرفة الاجتماعات.",
                "حلقه‌ی القایی برای سمعک در پذیرش و در اتاق جلسه.",
                "Qalabka maqalka (hearing loop) ayaa yaal meesha soo-dhaweynta iyo qolka shirka.",
                "ኣብ መቐበሊ ኣጋይሽን ኣብ ክፍሊ ኣኼባን ሉፕ ንመሳርሒ ምስማዕ ኣሎ።",
            ),
        ),
        "substances": (
            "partly",
            t(
                "Personalen använder inga parfymer. Det finns gröna växter i lokalen.",
                "Staff wear no perfume. There are green plants in the premises.",
                "لا يستخدم الموظفون العطور. توجد نباتات خضراء في المكان.",
                "کارکنان عطر نمی‌زنند. در محل گیاهان سبز هست.",
                "Shaqaaluhu ma isticmaalaan cadar. Goobta waxaa yaal dhir cagaaran.",
                "ሰራሕተኛታት ሽቶ ኣይጥቀሙን። ኣብቲ ቦታ ቀጠልያ ኣትክልቲ ኣለዋ።",
            ),
        ),
        "information": (
            "yes",
            t(
                "Tydliga bildskyltar, och personal som hjälper till på flera språk.",
                "Clear picture signs, and staff who help in several languages.",
                "لافتات واضحة بالصور، وموظفون يساعدون بعدة لغات.",
                "تابلوهای تصویری روشن، و کارکنانی که به چند زبان کمک می‌کنند.",
                "Calaamado sawir leh oo cad, iyo shaqaale ku caawiya luqado badan.",
                "ንጹራት ምልክታት ብስእሊ፡ ብብዙሕ ቋንቋታት ዝሕግዙ ሰራሕተኛታት ድማ ኣለዉ።",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "yes",
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "upstairs_with_lift": {
        "moving": (
            "partly",
            t(
                "Lokalen ligger en trappa upp. Hiss från torget; hissdörren är 80 cm bred.",
                "The premises are one floor up. Lift from the square; the lift door is 80 cm wide.",
                "يقع المكان في الطابق الأول. يوجد مصعد من الساحة؛ عرض باب المصعد 80 سم.",
                "محل در طبقه‌ی اول است. از میدان آسانسور هست؛ عرض در آسانسور 80 سانتی‌متر است.",
                "Goobtu waxay ku taal dabaqa koowaad. Wiish ayaa laga raacaa fagaaraha; "
                "albaabka wiishku waa 80 cm ballac.",
                "እቲ ቦታ ኣብ ቀዳማይ ደርቢ እዩ። ካብ ጎልጎል ሊፍት ኣሎ፤ ስፍሓት ማዕጾ ሊፍት 80 ሰ.ሜ እዩ።",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": (
            "no",
            t(
                "Ingen hörslinga ännu.",
                "No hearing loop yet.",
                "لا توجد حلقة سمعية بعد.",
                "هنوز حلقه‌ی القایی برای سمعک نیست.",
                "Weli ma jiro qalabka maqalka (hearing loop).",
                "ክሳብ ሕጂ ሉፕ ንመሳርሒ ምስማዕ የለን።",
            ),
        ),
        "substances": (
            "yes",
            t(
                "Inga mattor eller växter. Lokalen städas varje dag.",
                "No carpets or plants. The premises are cleaned every day.",
                "لا سجاد ولا نباتات. يُنظَّف المكان كل يوم.",
                "نه فرش هست و نه گیاه. محل هر روز تمیز می‌شود.",
                "Ma jiraan roogag iyo dhir. Goobta maalin kasta waa la nadiifiyaa.",
                "ምንጻፍ ወይ ኣትክልቲ የለን። እቲ ቦታ መዓልታዊ ይጸሪ።",
            ),
        ),
        "information": (
            "partly",
            t(
                "Skyltar på svenska och engelska. Fråga personalen om du behöver hjälp.",
                "Signs in Swedish and English. Ask the staff if you need help.",
                "اللافتات بالسويدية والإنجليزية. اسأل الموظفين إذا احتجت إلى مساعدة.",
                "تابلوها به سوئدی و انگلیسی‌اند. اگر کمک لازم دارید، از کارکنان بپرسید.",
                "Calaamaduhu waa Iswiidhish iyo Ingiriisi. Weydii shaqaalaha haddii aad "
                "caawimaad u baahato.",
                "ምልክታት ብሽወደንኛን እንግሊዝኛን እዮም። ሓገዝ እንተድሊኹም ንሰራሕተኛታት ሕተቱ።",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "limited",
        "accessible_toilet": True,
        "hearing_loop": False,
    },
    "library_building": {
        "moving": (
            "yes",
            t(
                "Stegfri entré från torget och breda gångar mellan hyllorna.",
                "Step-free entrance from the square and wide aisles between the shelves.",
                "مدخل بلا درجات من الساحة وممرات واسعة بين الرفوف.",
                "ورودی بدون پله از میدان و راهروهای پهن میان قفسه‌ها.",
                "Albaab aan jaranjaro lahayn oo laga galo fagaaraha, iyo marin ballaaran oo "
                "u dhexeeya kabadaha buugaagta.",
                "ካብ ጎልጎል ብዘይ መሳልል ዝኣቱ መእተዊ፡ ኣብ መንጎ መደርደሪታት ድማ ሰፊሕ መሕለፊ ኣሎ።",
            ),
        ),
        "seeing": (
            "yes",
            t(
                "Talböcker, förstoringsskärm och ledstråk från entrén till informationsdisken.",
                "Audiobooks, a magnifying screen and a tactile path from the entrance to the desk.",
                "كتب مسموعة وشاشة تكبير وممر إرشادي ملموس من المدخل إلى مكتب المعلومات.",
                "کتاب صوتی، صفحه‌ی بزرگ‌نمایی و مسیر لمسی از ورودی تا میز اطلاعات.",
                "Buugaag maqal ah, shaashad wax weynaysa iyo waddo la dareemi karo oo ka "
                "bilaabata albaabka ilaa miiska macluumaadka.",
                "መጻሕፍቲ ብድምጺ፡ ዘዕቢ ስክሪን፡ ካብ መእተዊ ክሳብ ጣውላ ሓበሬታ ድማ ብበትሪ ዝፍለጥ መንገዲ ኣሎ።",
            ),
        ),
        "hearing": (
            "yes",
            t(
                "Hörslinga vid informationsdisken och i hörsalen.",
                "Hearing loop at the information desk and in the auditorium.",
                "حلقة سمعية عند مكتب المعلومات وفي القاعة.",
                "حلقه‌ی القایی برای سمعک در میز اطلاعات و در سالن.",
                "Qalabka maqalka (hearing loop) ayaa yaal miiska macluumaadka iyo hoolka.",
                "ኣብ ጣውላ ሓበሬታን ኣብ ኣዳራሽን ሉፕ ንመሳርሒ ምስማዕ ኣሎ።",
            ),
        ),
        "substances": (
            "partly",
            t(
                "Blommande växter vid fönstren under våren.",
                "Flowering plants by the windows in spring.",
                "نباتات مزهرة بجانب النوافذ في فصل الربيع.",
                "در بهار کنار پنجره‌ها گیاهان گل‌دار هست.",
                "Xilliga gu'ga waxaa daaqadaha agtooda yaal dhir ubax leh.",
                "ብግዜ ጽድያ ኣብ ጥቓ መሳኹቲ ዘዕምብባ ኣትክልቲ ኣለዋ።",
            ),
        ),
        "information": (
            "yes",
            t(
                "Lättläst information och bildstöd vid entrén.",
                "Easy-to-read information and picture support at the entrance.",
                "معلومات سهلة القراءة ودعم بالصور عند المدخل.",
                "اطلاعات به زبان ساده و راهنمای تصویری کنار ورودی.",
                "Macluumaad si fudud loo akhriyi karo iyo taageero sawir ah oo yaal albaabka.",
                "ኣብ መእተዊ ቀሊል ንምንባብ ዝኾነ ሓበሬታን ብስእሊ ዝተደገፈ መምርሒን ኣሎ።",
            ),
        ),
        "step_free_entrance": True,
        "wheelchair": "yes",
        "accessible_toilet": True,
        "hearing_loop": True,
    },
    "steps_at_entrance": {
        "moving": (
            "no",
            t(
                "Tre trappsteg vid entrén och ingen ramp. Personalen hjälper gärna till att "
                "boka ett tillgängligt rum i närheten.",
                "Three steps at the entrance and no ramp. The staff gladly help you book an "
                "accessible room nearby.",
                "ثلاث درجات عند المدخل ولا يوجد منحدر. يسعد الموظفون بمساعدتك في حجز غرفة "
                "مناسبة قريبة.",
                "سه پله در ورودی هست و سطح شیب‌دار نیست. کارکنان با کمال میل کمک می‌کنند یک "
                "اتاق دسترس‌پذیر در همین نزدیکی رزرو کنید.",
                "Saddex jaranjaro ayaa albaabka ku yaal, mana jiro meel janjeera (ramp). "
                "Shaqaaluhu si farxad leh ayay kuu caawinayaan inaad qabsato qol la geli "
                "karo oo u dhow.",
                "ኣብ መእተዊ ሰለስተ መሳልል ኣለዉ፡ ራምፕ የለን። ሰራሕተኛታት ኣብ ቀረባ ዝርከብ ምቹእ ክፍሊ ክትሕዙ ብሓጎስ ይሕግዙኹም።",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": ("unknown", _EMPTY),
        "substances": (
            "no",
            t(
                "Vi lagar mat tillsammans i lokalen flera gånger i veckan.",
                "We cook together in the premises several times a week.",
                "نطبخ معاً في المكان عدة مرات في الأسبوع.",
                "چند بار در هفته در این محل با هم آشپزی می‌کنیم.",
                "Toddobaadkii dhowr jeer ayaan goobta cunto ku wada karinnaa.",
                "ኣብ ሰሙን ብዙሕ ግዜ ኣብዚ ቦታ ብሓባር መግቢ ንሰርሕ።",
            ),
        ),
        "information": (
            "partly",
            t(
                "Skyltar på fem språk, men ingen lättläst information ännu.",
                "Signs in five languages, but no easy-to-read information yet.",
                "لافتات بخمس لغات، لكن لا توجد معلومات سهلة القراءة بعد.",
                "تابلوها به پنج زبان‌اند، اما هنوز اطلاعات به زبان ساده نیست.",
                "Calaamaduhu waa shan luqadood, laakiin weli ma jiro macluumaad si fudud loo "
                "akhriyi karo.",
                "ምልክታት ብሓሙሽተ ቋንቋታት ኣለዉ፡ ቀሊል ንምንባብ ዝኾነ ሓበሬታ ግን ገና የለን።",
            ),
        ),
        "step_free_entrance": False,
        "wheelchair": "no",
        "accessible_toilet": False,
        "hearing_loop": None,
    },
    "being_rebuilt": {
        "moving": (
            "unknown",
            t(
                "Lokalen byggs om. Planen är stegfri entré och en tillgänglig toalett.",
                "The premises are being rebuilt. The plan is a step-free entrance and an "
                "accessible toilet.",
                "يجري تجديد المكان. الخطة هي مدخل بلا درجات ومرحاض مجهز لذوي الإعاقة.",
                "محل در حال بازسازی است. برنامه این است که ورودی بدون پله و یک توالت "
                "دسترس‌پذیر داشته باشد.",
                "Goobta dib ayaa loo dhisayaa. Qorshuhu waa albaab aan jaranjaro lahayn iyo "
                "musqul loogu talagalay dadka naafada ah.",
                "እቲ ቦታ ይሕደስ ኣሎ። መደብ፡ ብዘይ መሳልል ዝኣቱ መእተዊን ንዊልቸር ዝምችው ሽቓቕን እዩ።",
            ),
        ),
        "seeing": ("unknown", _EMPTY),
        "hearing": ("unknown", _EMPTY),
        "substances": ("unknown", _EMPTY),
        "information": ("unknown", _EMPTY),
        "step_free_entrance": None,
        "wheelchair": "",
        "accessible_toilet": None,
        "hearing_loop": None,
    },
}
