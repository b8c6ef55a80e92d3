"""The demo directory as plain data: the story's profiles and what the rest are made of.

Two sorts of profiles:

* :data:`STORY`: written by hand for the demo logins and the crowd members,
  so that logging in shows something worth seeing: Nour, a newcomer who
  writes Arabic and looks for bookkeeping, finds Karim's bookkeeping firm in
  Rinkeby among her suggestions; organisations run by two or three demo
  members; presentations in Swedish, Arabic, English, Somali and Persian.
* the rest of the directory, drawn by :mod:`publicoffice.demo.community` from
  the names, trades, organisations and presentation templates below, so the
  directory is lively without anyone writing a hundred presentations.

Offers and needs are curated word codes
(:mod:`publicoffice.community.curated_vocabulary`); a word that is not a code
is typed text, which the profile service resolves like a member's typing (it
becomes a free word unless the vocabulary knows it). Phone numbers are from
the series the Swedish Post and Telecom Authority sets aside for fiction
(070-174 06 05 to 99).
"""

from __future__ import annotations

from typing import Any

from publicoffice.demo.people import DEMO_DOMAIN


def _email(name: str) -> str:
    return f"{name}@{DEMO_DOMAIN}"


#: Profiles written by hand. ``key`` names a profile within the demo (for
#: contact requests and "here today"); ``owner`` is its first admin and
#: ``admins`` the others, all demo accounts (logins or the bookings crowd).
STORY: list[dict[str, Any]] = [
    {
        "key": "nour",
        "owner": _email("nour"),
        "kind": "person",
        "name": "Nour Al-Khatib",
        "presentation_language": "ar",
        "presentation": (
            "وصلت إلى السويد قبل ستة أشهر من حلب. كنت أدير مطعماً صغيراً للمأكولات الشامية، "
            "وأريد أن أبدأ شركة لتقديم الطعام هنا في رينكبي. أبحث عن شخص يساعدني في مسك "
            "الدفاتر والضرائب، وأحب أن أمارس اللغة السويدية مع الآخرين."
        ),
        "offers": ["cooking", "catering", "arabic-lessons"],
        "needs": ["bookkeeping", "starting-a-business", "swedish-practice", "tax-return-help"],
        "languages": ["ar", "en"],
        "offices": ["rinkeby", "tensta-bibliotek"],
        "new_in_town": True,
        "visibility": "members",
        "contact_email": _email("nour"),
        "contact_phone": "070-174 06 12",
    },
    {
        "key": "mansour",
        "owner": _email("karim"),
        "admins": [_email("omar")],
        "kind": "business",
        "name": "Mansour Redovisning",
        "presentation_language": "sv",
        "presentation": (
            "Redovisningsbyrå i Rinkeby sedan 2015. Vi hjälper små företag och föreningar med "
            "bokföring, bokslut och deklaration, på svenska, arabiska och engelska. Du hittar "
            "oss på Allmänna kontoret Rinkeby på tisdagar och torsdagar."
        ),
        "offers": ["bookkeeping", "tax-return-help", "accounting-software", "starting-a-business"],
        "needs": ["web-design", "marketing"],
        "languages": ["sv", "ar", "en"],
        "offices": ["rinkeby", "tensta-bibliotek"],
        "visibility": "public",
        "contact_email": "hej@mansour-redovisning.example.org",
        "contact_phone": "070-174 06 21",
        "links": [("https://mansour-redovisning.example.org", "Mansour Redovisning")],
    },
    {
        "key": "karim",
        "owner": _email("karim"),
        "kind": "person",
        "name": "Karim Mansour",
        "presentation_language": "sv",
        "presentation": (
            "Redovisningskonsult och pappa till tre. Jag coachar gärna den som vill starta "
            "eget, och jag spelar fotboll med Rinkeby IF:s veteraner."
        ),
        "offers": ["bookkeeping", "mentoring", "sports-coaching"],
        "needs": ["graphic-design"],
        "languages": ["sv", "ar"],
        "offices": ["rinkeby"],
        "visibility": "members",
        "contact_email": _email("karim"),
    },
    {
        "key": "amina",
        "owner": _email("amina"),
        "kind": "person",
        "name": "Amina Yusuf",
        "presentation_language": "so",
        "presentation": (
            "Waxaan ahay turjumaan iyo ganacsato ku nool Ronna. Waxaan caawiyaa qoysaska "
            "cusub ee yimid Södertälje, gaar ahaan waraaqaha dowladda iyo dugsiyada. "
            "Waxaan raadinayaa meel aan ku qabsado kulamada ururkayaga."
        ),
        "offers": ["somali-interpreting", "help-with-authorities", "sewing"],
        "needs": ["funding-applications", "meeting-room-partner"],
        "languages": ["so", "sv", "en"],
        "offices": ["ronna", "alby"],
        "visibility": "public",
        "contact_email": _email("amina"),
        "contact_phone": "070-174 06 33",
    },
    {
        "key": "hiil",
        "owner": _email("amina"),
        "admins": [_email("hodan"), _email("ayaan")],
        "kind": "association",
        "name": "Somaliska kvinnoföreningen Hiil",
        "presentation_language": "sv",
        "presentation": (
            "Vi är ett femtiotal kvinnor i Ronna och Hovsjö som träffas varje vecka: vi syr, "
            "lagar mat, hjälper varandra med myndigheter och ordnar läxhjälp för barnen. "
            "Alla är välkomna, oavsett språk."
        ),
        "offers": ["somali-interpreting", "sewing", "cooking", "volunteering"],
        "needs": ["funding-applications", "meeting-room-partner", "web-design"],
        "languages": ["so", "sv"],
        "offices": ["ronna", "hovsjo"],
        "visibility": "public",
        "contact_email": "hiil@forening.example.org",
    },
    {
        "key": "johan",
        "owner": _email("johan"),
        "kind": "person",
        "name": "Johan Karlsson",
        "presentation_language": "sv",
        "presentation": (
            "Frilansande webbutvecklare. Jag jobbar från Allmänna kontoret i Fittja de flesta "
            "dagar och bygger enkla, tillgängliga webbplatser åt småföretag och föreningar."
        ),
        "offers": ["web-design", "it-support", "social-media"],
        "needs": ["bookkeeping", "collaboration-partner", "Arabic lessons"],
        "languages": ["sv", "en"],
        "offices": ["fittja", "flemingsberg"],
        "visibility": "public",
        "contact_email": _email("johan"),
        "links": [("https://johan-karlsson.example.org", "Portfolio")],
    },
    {
        "key": "webbkollektiv",
        "owner": _email("johan"),
        "admins": [_email("sofia"), _email("nils")],
        "kind": "informal_group",
        "name": "Fittja Webbkollektiv",
        "presentation_language": "sv",
        "presentation": (
            "Tre frilansare som delar kunder, kunskap och ett skrivbord i Fittja. Vi gör "
            "webbplatser, foton och sociala medier åt föreningar i södra Stockholm."
        ),
        "offers": ["web-design", "photography", "social-media"],
        "needs": ["meeting-room-partner", "collaboration-partner"],
        "languages": ["sv", "en"],
        "offices": ["fittja"],
        "visibility": "members",
    },
    {
        "key": "laxhjalpen",
        "owner": _email("karin"),
        "admins": [_email("leyla")],
        "kind": "ngo",
        "name": "Läxhjälpen Rinkeby",
        "presentation_language": "sv",
        "presentation": (
            "Ideell läxhjälp för barn och unga i årskurs 4–9, måndag till torsdag efter skolan. "
            "Vi söker fler volontärer som kan matte, svenska eller engelska."
        ),
        "offers": ["homework-help", "maths-tutoring", "swedish-practice"],
        "needs": ["volunteering", "meeting-room-partner"],
        "languages": ["sv", "ar", "so", "en"],
        "offices": ["rinkeby", "tensta-bibliotek"],
        "visibility": "public",
        "contact_email": "info@laxhjalpen-rinkeby.example.org",
    },
    {
        "key": "sprakcafe",
        "owner": _email("karin"),
        "admins": [_email("yonas")],
        "kind": "informal_group",
        "name": "Språkcafé Tensta",
        "presentation_language": "en",
        "presentation": (
            "A relaxed language café: come and practise Swedish or English over coffee, "
            "every week at Tensta library. No sign-up, all levels, children welcome."
        ),
        "offers": ["swedish-practice", "english-practice", "newcomer-guidance"],
        "needs": ["volunteering"],
        "languages": ["sv", "en", "ar", "ti"],
        "offices": ["tensta-bibliotek"],
        "visibility": "public",
    },
    {
        "key": "hodan",
        "owner": _email("hodan"),
        "kind": "person",
        "name": "Hodan Abdi",
        "presentation_language": "so",
        "presentation": (
            "Waxaan ahay hooyo laba carruur ah. Waxaan jeclahay karinta iyo daryeelka "
            "carruurta. Waxaan rabaa inaan qoro CV-gayga oo aan bilaabo shaqo."
        ),
        "offers": ["childcare", "cooking"],
        "needs": ["cv-help", "driving-theory"],
        "languages": ["so", "sv"],
        "offices": ["hovsjo"],
        "visibility": "members",
    },
    {
        "key": "yonas",
        "owner": _email("yonas"),
        "kind": "person",
        "name": "Yonas Gebremedhin",
        "presentation_language": "en",
        "presentation": (
            "I came from Asmara two years ago. I am a trained electrician and I repair bikes "
            "for friends and neighbours. I am looking for help with my CV and for people to "
            "practise Swedish with."
        ),
        "offers": ["tigrinya-interpreting", "bike-repair"],
        "needs": ["cv-help", "swedish-practice", "driving-theory"],
        "languages": ["ti", "en", "sv"],
        "offices": ["husby", "rinkeby"],
        "new_in_town": True,
        "visibility": "members",
    },
    {
        "key": "leyla",
        "owner": _email("leyla"),
        "kind": "person",
        "name": "Leyla Karimi",
        "presentation_language": "fa",
        "presentation": (
            "من لیلا هستم، گرافیست و عکاس. پنج سال است که در تنستا زندگی می‌کنم. "
            "برای انجمن‌ها و کسب‌وکارهای کوچک لوگو و پوستر طراحی می‌کنم و دنبال همکار "
            "برای پروژه‌های تازه هستم."
        ),
        "offers": ["graphic-design", "photography", "persian-interpreting"],
        "needs": ["collaboration-partner", "funding-applications"],
        "languages": ["fa", "sv", "en"],
        "offices": ["tensta-bibliotek"],
        "visibility": "public",
        "links": [("https://leyla-karimi.example.org", "")],
    },
    {
        "key": "omar",
        "owner": _email("omar"),
        "kind": "person",
        "name": "Omar Haddad",
        "presentation_language": "ar",
        "presentation": ("مدرّس لغة عربية ومترجم. أعمل على ملفي الشخصي قبل أن أنشره للجميع."),
        "offers": ["arabic-lessons", "translation"],
        "needs": ["it-support"],
        "languages": ["ar", "sv"],
        "offices": ["rinkeby"],
        "visibility": "hidden",
    },
    {
        "key": "sofia",
        "owner": _email("sofia"),
        "kind": "cultural_worker",
        "name": "Sofia Andersson",
        "presentation_language": "sv",
        "presentation": (
            "Dansare och koreograf. Jag leder dansgrupper för unga i Fittja och Alby och söker "
            "en lokal att repetera i och någon som kan filma våra föreställningar."
        ),
        "offers": ["dance", "event-planning"],
        "needs": ["meeting-room-partner", "film-and-video"],
        "languages": ["sv", "en", "es"],
        "offices": ["fittja", "alby"],
        "visibility": "public",
    },
    {
        "key": "nils",
        "owner": _email("nils"),
        "kind": "person",
        "name": "Nils Ek",
        "presentation_language": "sv",
        "presentation": (
            "Pensionerad snickare. Lagar gärna en stol eller en cykel, och lär gärna ut. "
            "Vill bli bättre på engelska för att prata med barnbarnen."
        ),
        "offers": ["carpentry", "bike-repair", "mentoring"],
        "needs": ["english-practice"],
        "languages": ["sv", "fi"],
        "offices": ["flemingsberg"],
        "visibility": "members",
    },
    {
        "key": "ayaan",
        "owner": _email("ayaan"),
        "kind": "person",
        "name": "Ayaan Warsame",
        "presentation_language": "so",
        "presentation": (
            "Waxaan imid Alby sannadkan. Waxaan baranayaa luqadda iswiidhishka, waxaanan "
            "raadinayaa shaqo iyo saaxiibo cusub."
        ),
        "offers": ["somali-interpreting", "childcare"],
        "needs": ["swedish-practice", "cv-help", "newcomer-guidance"],
        "languages": ["so", "ar"],
        "offices": ["alby"],
        "new_in_town": True,
        "visibility": "members",
    },
    {
        "key": "karin",
        "owner": _email("karin"),
        "kind": "person",
        "name": "Karin Holm",
        "presentation_language": "en",
        "presentation": (
            "English teacher, born in Edinburgh, twenty years in Stockholm. I mentor young "
            "people looking for their first job, and I would love to learn some Arabic."
        ),
        "offers": ["english-practice", "mentoring", "cv-help"],
        "needs": ["arabic-lessons"],
        "languages": ["en", "sv"],
        "offices": ["tensta-bibliotek", "husby"],
        "visibility": "public",
    },
    {
        "key": "syjunta",
        "owner": f"host.ronna@{DEMO_DOMAIN}",
        "admins": [_email("hodan")],
        "kind": "informal_group",
        "name": "Syjuntan i Ronna",
        "presentation_language": "ar",
        "presentation": (
            "نلتقي كل يوم خميس في نقطة لقاء رونا للخياطة وتبادل الأقمشة والأفكار. "
            "نبحث عن ماكينات خياطة مستعملة."
        ),
        "offers": ["sewing", "volunteering"],
        "needs": ["symaskiner"],
        "languages": ["ar", "so", "sv"],
        "offices": ["ronna-traffpunkt"],
        "visibility": "public",
    },
]

#: Contact requests between story profiles: (sender's e-mail, sender profile
#: key, recipient key, message, hours ago, outcome, hours later answered).
CONTACTS: list[tuple[str, str, str, str, int, str, int]] = [
    (
        _email("amina"),
        "hiil",
        "webbkollektiv",
        "Hej! Föreningen behöver en enkel hemsida på svenska och somaliska. Kan vi ses i Fittja?",
        96,
        "accepted",
        20,
    ),
    (
        _email("johan"),
        "johan",
        "mansour",
        "Hej Karim, jag behöver hjälp med bokslutet för min enskilda firma. Har du tid i vår?",
        150,
        "accepted",
        6,
    ),
    (
        _email("nour"),
        "nour",
        "sprakcafe",
        "مرحباً، أريد أن أمارس السويدية. هل يمكنني أن آتي إلى المقهى اللغوي هذا الأسبوع؟",
        40,
        "accepted",
        3,
    ),
    (
        _email("leyla"),
        "leyla",
        "johan",
        "Hi Johan, I design logos and you build websites: shall we work together?",
        5,
        "pending",
        0,
    ),
    (
        _email("ayaan"),
        "ayaan",
        "amina",
        "Salaan Amina, ma i caawin kartaa warqadaha Migrationsverket?",
        3,
        "pending",
        0,
    ),
    (
        _email("yonas"),
        "yonas",
        "mansour",
        "Hello, I want to start a small bike repair business. Can you help me with the papers?",
        26,
        "pending",
        0,
    ),
    (
        _email("hodan"),
        "hodan",
        "laxhjalpen",
        "Hej, mina barn behöver läxhjälp i matte. Finns det plats på tisdagar?",
        30,
        "declined",
        8,
    ),
]

#: Who shows a profile as here today when their office is open at loading
#: time: (owner's e-mail, profile key, office slug).
HERE_TODAY: list[tuple[str, str, str]] = [
    (_email("karim"), "mansour", "rinkeby"),
    (_email("leyla"), "leyla", "tensta-bibliotek"),
    (_email("sofia"), "sofia", "alby"),
    (_email("nils"), "nils", "flemingsberg"),
    (_email("yonas"), "yonas", "husby"),
    (_email("hodan"), "hodan", "hovsjo"),
]

# -- what the rest of the directory is drawn from ------------------------------------

#: (background, first names, surnames, languages spoken, presentation languages).
BACKGROUNDS: list[tuple[str, list[str], list[str], list[str], list[str]]] = [
    (
        "somali",
        ["Abdirahman", "Fadumo", "Khadar", "Sahra", "Mahad", "Ifrah", "Liban", "Hamdi", "Nasra"],
        ["Mohamed", "Abdullahi", "Farah", "Osman", "Nur", "Hussein", "Jama"],
        ["so", "sv", "en"],
        ["so", "sv"],
    ),
    (
        "arabic",
        ["Rami", "Lina", "Yousef", "Rana", "Ahmad", "Dima", "Bilal", "Huda", "Samir", "Zainab"],
        ["Al-Sayed", "Haddad", "Khalil", "Nasser", "Saleh", "Ibrahim", "Darwish"],
        ["ar", "sv", "en"],
        ["ar", "sv"],
    ),
    (
        "eritrean",
        ["Semhar", "Dawit", "Helen", "Tesfalem", "Mebrat", "Senait", "Filmon"],
        ["Tesfaye", "Gebremariam", "Haile", "Berhane", "Kidane"],
        ["ti", "sv", "en"],
        ["en", "sv"],
    ),
    (
        "persian",
        ["Parisa", "Dariush", "Shirin", "Farid", "Mahsa", "Nasrin", "Omid", "Zohra"],
        ["Rahimi", "Ahmadi", "Hosseini", "Sadeghi", "Moradi", "Karimi"],
        ["fa", "sv", "en"],
        ["fa", "sv"],
    ),
    (
        "kurdish-turkish",
        ["Aylin", "Emre", "Rojda", "Berfin", "Serkan", "Zeynep", "Dilan", "Baran"],
        ["Yılmaz", "Demir", "Kaya", "Aydın", "Şahin"],
        ["tr", "ku", "sv"],
        ["sv", "en"],
    ),
    (
        "swedish-finnish",
        ["Anna", "Erik", "Maja", "Lars", "Elin", "Oskar", "Kerstin", "Mikael", "Aino", "Jukka"],
        ["Johansson", "Nilsson", "Lindqvist", "Berg", "Virtanen", "Korhonen", "Holm"],
        ["sv", "fi", "en"],
        ["sv", "sv", "en"],
    ),
    (
        "latin-polish-balkan",
        ["Camila", "Diego", "Valentina", "Marta", "Piotr", "Agnieszka", "Amra", "Edin"],
        ["Rodríguez", "González", "Kowalski", "Nowak", "Hodžić", "Petrović"],
        ["es", "pl", "sv", "en"],
        ["sv", "en"],
    ),
]

#: How many profiles of each kind the drawn part of the directory has.
DRAWN_KINDS: dict[str, int] = {
    "person": 76,
    "business": 18,
    "association": 12,
    "cultural_worker": 10,
    "ngo": 7,
    "informal_group": 8,
}

#: What each kind tends to offer: curated codes, most likely first.
KIND_OFFERS: dict[str, list[str]] = {
    "person": [
        "swedish-practice",
        "cooking",
        "translation",
        "childcare",
        "homework-help",
        "it-support",
        "english-practice",
        "arabic-lessons",
        "sewing",
        "bike-repair",
        "gardening",
        "maths-tutoring",
        "driving-theory",
        "mentoring",
        "hairdressing",
        "somali-interpreting",
        "persian-interpreting",
        "tigrinya-interpreting",
        "elderly-care",
        "volunteering",
    ],
    "business": [
        "bookkeeping",
        "web-design",
        "catering",
        "cleaning-business",
        "hairdressing",
        "carpentry",
        "graphic-design",
        "translation",
        "it-support",
        "legal-advice",
        "marketing",
        "photography",
    ],
    "association": [
        "volunteering",
        "newcomer-guidance",
        "homework-help",
        "sports-coaching",
        "event-planning",
        "swedish-practice",
        "elderly-care",
        "cooking",
    ],
    "cultural_worker": ["music", "dance", "photography", "film-and-video", "event-planning"],
    "ngo": [
        "help-with-authorities",
        "newcomer-guidance",
        "cv-help",
        "homework-help",
        "legal-advice",
        "volunteering",
    ],
    "informal_group": ["gardening", "sewing", "sports-coaching", "cooking", "swedish-practice"],
}

#: What people look for, most asked for first (shared by every kind).
NEEDS: list[str] = [
    "swedish-practice",
    "cv-help",
    "bookkeeping",
    "funding-applications",
    "meeting-room-partner",
    "starting-a-business",
    "help-with-authorities",
    "web-design",
    "driving-theory",
    "collaboration-partner",
    "english-practice",
    "marketing",
    "social-media",
    "volunteering",
    "tax-return-help",
    "co-working-company",
    "legal-advice",
    "graphic-design",
    "it-support",
    "childcare",
]

#: Words members type that the vocabulary does not have (free words).
FREE_WORDS: list[str] = [
    "hennamålning",
    "kalligrafi",
    "3D-utskrift",
    "drönarfoto",
    "kaffeceremoni",
    "sambusa",
    "injera",
    "schack",
    "podcast",
    "brädspel",
]

#: A business's name after its owner's surname: trade word by its first offer.
TRADES: dict[str, str] = {
    "bookkeeping": "Redovisning",
    "web-design": "Webbstudio",
    "catering": "Catering",
    "cleaning-business": "Städservice",
    "hairdressing": "Frisörsalong",
    "carpentry": "Snickeri",
    "graphic-design": "Design",
    "translation": "Översättningar",
    "it-support": "IT-hjälp",
    "legal-advice": "Juridik",
    "marketing": "Marknadsföring",
    "photography": "Foto",
}

#: Organisation names; ``{district}`` is the district of its home office.
ORGANISATIONS: dict[str, list[str]] = {
    "association": [
        "Eritreanska föreningen i {district}",
        "{district} Idrottsförening",
        "Föräldranätverket {district}",
        "Kulturföreningen Sagal",
        "Syriska föreningen Yasmin",
        "Afghanska ungdomsföreningen",
        "Pensionärsföreningen {district}",
        "Hyresgästföreningen {district}",
        "Kurdiska kulturföreningen",
        "Föreningen Latinoamérica {district}",
        "Somaliska föräldraföreningen",
        "Schackklubben {district}",
    ],
    "ngo": [
        "Nätverket Nyanlända {district}",
        "Stödcentrum {district}",
        "Jobbspåret {district}",
        "Kvinnojouren Linnea",
        "Rättighetsbyrån {district}",
        "Mentorprogrammet Bro",
        "Digitalhjälpen {district}",
    ],
    "informal_group": [
        "Stadsodlarna i {district}",
        "Löpargruppen {district}",
        "Stickcafé {district}",
        "Pappagruppen {district}",
        "Matlaget {district}",
        "Cykelköket {district}",
        "Brädspelskvällarna {district}",
        "Promenadgruppen {district}",
    ],
}

#: Presentation templates by language: ``{first}``, ``{district}``,
#: ``{offers}`` and ``{needs}`` (tag names in that language; Somali and
#: Persian templates name no tags, the vocabulary has no names in them yet).
PERSON_TEMPLATES: dict[str, list[str]] = {
    "sv": [
        "Jag heter {first} och bor i {district}. Jag kan hjälpa till med {offers}. "
        "Just nu söker jag {needs}.",
        "Hej! {first} här. Jag jobbar ofta på kontoret i {district}, erbjuder {offers} "
        "och letar efter {needs}.",
        "Uppvuxen i {district}. Jag delar gärna med mig av {offers} och tar tacksamt emot "
        "tips om {needs}.",
    ],
    "en": [
        "I'm {first} and I live in {district}. I can help with {offers}, and I'm looking "
        "for {needs}.",
        "Hi, {first} here! You'll often find me working in {district}. I offer {offers} "
        "and would like to find {needs}.",
    ],
    "ar": [
        "اسمي {first} وأسكن في {district}. أستطيع المساعدة في {offers}، وأبحث عن {needs}.",
        "مرحباً، أنا {first}. أعمل كثيراً من المكتب العام في {district}. أقدّم {offers} "
        "وأبحث عن {needs}.",
    ],
    "so": [
        "Magacaygu waa {first}, waxaan ku noolahay {district}. Waxaan jeclahay inaan "
        "caawiyo dadka kale, waxaanan raadinayaa dad aan wax la qabsado.",
        "Salaan! Waxaan ahay {first}. Inta badan waxaan ka shaqeeyaa xafiiska {district}.",
    ],
    "fa": [
        "من {first} هستم و در {district} زندگی می‌کنم. خوشحال می‌شوم کمک کنم و دنبال "
        "همکاری تازه هستم.",
        "سلام! {first} هستم. بیشتر روزها در دفتر عمومی {district} کار می‌کنم.",
    ],
}

ORGANISATION_TEMPLATES: dict[str, list[str]] = {
    "sv": [
        "{name} finns i {district}. Vi erbjuder {offers} och söker {needs}.",
        "Vi är {name}. Hör av dig om du vill ha {offers}, eller om du kan hjälpa oss med {needs}.",
    ],
    "en": ["{name} works in {district}. We offer {offers} and we are looking for {needs}."],
    "ar": ["{name} في {district}. نقدّم {offers} ونبحث عن {needs}."],
}
