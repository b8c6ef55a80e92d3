"""The demo directory's story: the profiles written by hand.

Written for the demo logins and the crowd members, so that logging in shows
something worth seeing: Nour, a newcomer who writes Arabic and looks for
bookkeeping, finds Karim's bookkeeping firm in Rinkeby among her
suggestions; organisations run by two or three demo members; presentations
in Swedish, Arabic, English, Somali and Persian. Kept apart from
:mod:`publicoffice.demo.community_people` (which shows them as
``STORY``, with what the rest of the directory is drawn from) so neither
module grows past a readable length.

Offers and needs are curated word codes
(:mod:`publicoffice.community.curated_vocabulary`); a word that is not a code
is typed text, which the profile service resolves like a member's typing.
Phone numbers are from the series the Swedish Post and Telecom Authority
sets aside for fiction (070-174 06 05 to 99).
"""

from __future__ import annotations

from typing import Any

from publicoffice.demo.people import DEMO_DOMAIN


def email_of(name: str) -> str:
    """A demo account's e-mail address from its local part."""
    return f"{name}@{DEMO_DOMAIN}"


#: Profiles written by hand. ``key`` names a profile within the demo (for
#: contact requests and "here today"); ``owner`` is its first admin and
#: ``admins`` the others, all demo accounts (logins or the bookings crowd).
STORY: list[dict[str, Any]] = [
    {
        "key": "nour",
        "owner": email_of("nour"),
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
        "contact_email": email_of("nour"),
        "contact_phone": "070-174 06 12",
    },
    {
        "key": "mansour",
        "owner": email_of("karim"),
        "admins": [email_of("omar")],
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
        "owner": email_of("karim"),
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
        "contact_email": email_of("karim"),
    },
    {
        "key": "amina",
        "owner": email_of("amina"),
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
        "contact_email": email_of("amina"),
        "contact_phone": "070-174 06 33",
    },
    {
        "key": "hiil",
        "owner": email_of("amina"),
        "admins": [email_of("hodan"), email_of("ayaan")],
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
        "owner": email_of("johan"),
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
        "contact_email": email_of("johan"),
        "links": [("https://johan-karlsson.example.org", "Portfolio")],
    },
    {
        "key": "webbkollektiv",
        "owner": email_of("johan"),
        "admins": [email_of("sofia"), email_of("nils")],
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
        "owner": email_of("karin"),
        "admins": [email_of("leyla")],
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
        "owner": email_of("karin"),
        "admins": [email_of("yonas")],
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
        "owner": email_of("hodan"),
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
        "owner": email_of("yonas"),
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
        "owner": email_of("leyla"),
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
        "owner": email_of("omar"),
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
        "owner": email_of("sofia"),
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
        "owner": email_of("nils"),
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
        "owner": email_of("ayaan"),
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
        "owner": email_of("karin"),
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
        "admins": [email_of("hodan")],
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
