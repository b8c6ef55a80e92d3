"""The demo directory as plain data: the story's profiles and what the rest are made of.

Two sorts of profiles:

* :data:`STORY`: written by hand for the demo logins and the crowd members
  (kept in :mod:`publicoffice.demo.community_story`, shown here too);
* the rest of the directory, drawn by :mod:`publicoffice.demo.community` from
  the names, trades, organisations and presentation templates below, so the
  directory is lively without anyone writing a hundred presentations.

Offers and needs are curated word codes
(:mod:`publicoffice.community.curated_vocabulary`); a word that is not a code
is typed text, which the profile service resolves like a member's typing (it
becomes a free word unless the vocabulary knows it).
"""

from __future__ import annotations

# STORY is shown here too: the demo loader reads every list from this module.
from publicoffice.demo.community_story import STORY as STORY
from publicoffice.demo.community_story import email_of

#: Contact requests between story profiles: (sender's e-mail, sender profile
#: key, recipient key, message, hours ago, outcome, hours later answered).
CONTACTS: list[tuple[str, str, str, str, int, str, int]] = [
    (
        email_of("amina"),
        "hiil",
        "webbkollektiv",
        "Hej! Föreningen behöver en enkel hemsida på svenska och somaliska. Kan vi ses i Fittja?",
        96,
        "accepted",
        20,
    ),
    (
        email_of("johan"),
        "johan",
        "mansour",
        "Hej Karim, jag behöver hjälp med bokslutet för min enskilda firma. Har du tid i vår?",
        150,
        "accepted",
        6,
    ),
    (
        email_of("nour"),
        "nour",
        "sprakcafe",
        "مرحباً، أريد أن أمارس السويدية. هل يمكنني أن آتي إلى المقهى اللغوي هذا الأسبوع؟",
        40,
        "accepted",
        3,
    ),
    (
        email_of("leyla"),
        "leyla",
        "johan",
        "Hi Johan, I design logos and you build websites: shall we work together?",
        5,
        "pending",
        0,
    ),
    (
        email_of("ayaan"),
        "ayaan",
        "amina",
        "Salaan Amina, ma i caawin kartaa warqadaha Migrationsverket?",
        3,
        "pending",
        0,
    ),
    (
        email_of("yonas"),
        "yonas",
        "mansour",
        "Hello, I want to start a small bike repair business. Can you help me with the papers?",
        26,
        "pending",
        0,
    ),
    (
        email_of("hodan"),
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
    (email_of("karim"), "mansour", "rinkeby"),
    (email_of("leyla"), "leyla", "tensta-bibliotek"),
    (email_of("sofia"), "sofia", "alby"),
    (email_of("nils"), "nils", "flemingsberg"),
    (email_of("yonas"), "yonas", "husby"),
    (email_of("hodan"), "hodan", "hovsjo"),
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
#: ``{offers}`` and ``{needs}`` (tag names in that language). The Somali and
#: Persian templates name no tags: they predate the vocabulary's names in
#: those languages, and naming tags would change every drawn presentation.
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
