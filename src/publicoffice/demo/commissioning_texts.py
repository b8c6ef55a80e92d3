"""The commissioning story's texts, in Swedish as a municipality and its operators write them.

Södertälje asked for a Public Office in Hovsjö: three operators applied,
two reviewers scored them against the ten guidelines and two criteria of
the call's own, and the winner, Hovsjö Kvartersförening with Ronna
Områdesföretag, opened what is now *Allmänna kontoret Hovsjö*. Botkyrka
runs Fittja under a commission entered when the platform came, and has
opened a call for Tumba, whose office is paused. Plans per guideline are
indexed by guideline number minus one.
"""

from __future__ import annotations

from typing import Any

#: (commitment, plan) per guideline, ten of them.
Plans = list[tuple[str, str]]

CALL_TITLE = "Allmänt kontor i Hovsjö {first}–{last}"
CALL_SUMMARY = (
    "Södertälje kommun söker en operatör som driver ett allmänt kontor i Hovsjö: en "
    "kostnadsfri plats nära hemmet där boende kan arbeta, studera, söka jobb, träffas och "
    "ordna egna aktiviteter. Kontoret ska vara öppet minst 25 timmar i veckan, även "
    "kvällstid, och drivas i nära dialog med föreningslivet i Hovsjö."
)
CALL_AREA = "Hovsjö, med gångavstånd från Hovsjö centrum"
CALL_TARGET_GROUPS = (
    "Boende i Hovsjö som arbetar på distans eller pendlar långt, unga vuxna som söker "
    "arbete eller studerar, nyanlända, småföretagare och föreningar utan egen lokal."
)
CALL_CRITERIA = (
    "Ansökan bedöms mot de tio riktlinjerna för allmänna kontor och mot två egna kriterier: "
    "lokal förankring och en rimlig, tydlig budget. Kommunen kan ställa villkor vid beslut."
)

#: What a good answer shows, per guideline.
GOOD_ANSWERS = [
    "Hur ni ser till att ingen diskrimineras och att alla får samma möjligheter.",
    "Att det är gratis utan undantag, och hur ni når dem som inte brukar komma.",
    "Ordningsregler som är lätta att förstå, och hur de följs upp med respekt.",
    "Konkreta sätt för föreningar, företag och besökare att påverka verksamheten.",
    "Värdar med rätt kompetens, språk och tid, och hur de utvecklas.",
    "Tillgänglighetsfakta för lokalen, och vad som åtgärdas före start.",
    "Att behoven i Hovsjö är kända, och hur verksamheten formas efter dem.",
    "Lokaler, inköp och resor med hänsyn till miljö och lång sikt.",
    "Mångfald i personal och styrelse, med mål och uppföljning.",
    "Hur besökare möter och hjälper varandra, och lånar lokalen för egna idéer.",
]
#: Weights of the ten guidelines in the rubric (0–10).
WEIGHTS = [8, 10, 6, 8, 7, 9, 8, 4, 5, 7]
CRITERIA = [
    (
        "Lokal förankring",
        "Sökanden finns redan i Hovsjö eller har avtal med dem som gör det.",
        8,
    ),
    (
        "Rimlig och tydlig budget",
        "Kostnaderna är rimliga för uppdraget och redovisas per post.",
        6,
    ),
]


HOVSJO: dict[str, Any] = {
    "title": "Allmänna kontoret Hovsjö – öppet för alla, nära hemmet",
    "residents": (
        "Hovsjö har drygt 7 000 invånare, många unga och många barnfamiljer. Ungefär hälften "
        "pendlar till Stockholm; många jobbar deltid eller på distans i trånga lägenheter. "
        "Vi har pratat med 140 boende vid tvättstugor och på torget under hösten."
    ),
    "existing": (
        "Fritidsgården, biblioteksfilialen (öppen två dagar i veckan) och föreningslokalen "
        "på Kaxbergsgatan, som vi redan hyr. Det finns inga lugna arbetsplatser att låna."
    ),
    "missing": (
        "En plats med wifi, skrivare och lugn där man kan sitta en hel dag gratis, och ett "
        "mötesrum som föreningar och småföretagare kan boka utan att betala."
    ),
    "staffing": (
        "Två värdar på 75 procent, varav en med arabiska och en med turkiska och kurdiska. "
        "Ronna Områdesföretag lånar ut en erfaren värd de första tre månaderna."
    ),
    "partnerships": (
        "Ronna Områdesföretag (medsökande, introduktion av värdar och gemensamma rutiner), "
        "biblioteket, fritidsgården och bostadsbolagets lokala kontor."
    ),
    "budget": (
        "Hyra 210 000 kr om året, värdar 980 000 kr, möbler och teknik 120 000 kr första "
        "året, aktiviteter 60 000 kr. Föreningen bidrar med 40 000 kr i ideellt arbete."
    ),
    "budget_sek": 1_350_000,
    "contact_email": "styrelsen@hovsjo-kvarter.example.org",
    "co_role": "Introduktion och handledning av värdarna, gemensamma rutiner med Ronna",
}
HOVSJO_PLANS: Plans = [
    ("Ingen ska behöva förklara sig.", "Värdarna går en utbildning i bemötande och normkritik."),
    ("Gratis, utan medlemskap.", "Inga avgifter; medlemskap i föreningen krävs aldrig."),
    ("Husregler på fem språk.", "Reglerna sitter vid entrén och tas upp på husmöten."),
    ("Husmöte varje månad.", "Förslag tas emot på plats och i plattformen, svar inom två veckor."),
    ("Två värdar med språk som talas här.", "Handledning från Ronna de första månaderna."),
    ("Hiss och ramp finns.", "Hörselslinga köps in före start; tillgänglighetsfakta fylls i."),
    ("Byggt på 140 samtal.", "Kvällsöppet tisdag och torsdag, som boende bad om."),
    ("Begagnade möbler.", "Möbler från kommunens återbruk, grön el via hyresvärden."),
    ("Blandad styrelse.", "Mål: minst 40 procent av varje kön bland värdarna och i styrelsen."),
    ("Boende lär boende.", "Läxhjälp, CV-kvällar och språkcafé som besökarna själva håller."),
]

KVARNBACKEN: dict[str, Any] = {
    "title": "Kvarnbackens kontorshotell Hovsjö",
    "residents": (
        "Våra hyresgäster i Hovsjö, cirka 1 200 hushåll, efterfrågar arbetsplatser nära hemmet."
    ),
    "existing": "Vi har en kundmottagning i Hovsjö centrum som står tom på eftermiddagarna.",
    "missing": "Arbetsplatser och mötesrum för boende och lokala företag.",
    "staffing": "Kundmottagningens personal bemannar kontoret under sina ordinarie tider.",
    "partnerships": "Inga ännu; vi planerar samarbete med arbetsförmedlingen.",
    "budget": (
        "Ombyggnad 400 000 kr, personal 520 000 kr om året (del av tjänster), internhyra "
        "enligt bilaga. Priset per arbetsplats bygger på vår kalkyl för kontorshotell."
    ),
    "budget_sek": 1_100_000,
    "contact_email": "kundtjanst@kvarnbacken-bostader.example.org",
}
KVARNBACKEN_PLANS: Plans = [
    ("Alla hyresgäster välkomnas.", "Vi följer bolagets värdegrund."),
    ("Gratis för våra hyresgäster.", "Andra besökare kan köpa dagkort."),
    ("Bolagets ordningsregler gäller.", "Personalen påminner vid behov."),
    ("Hyresgästenkät varje år.", "Resultatet redovisas i bolagets årsredovisning."),
    ("Erfaren kundtjänstpersonal.", "Intern utbildning i kundbemötande."),
    ("Lokalen byggs om.", "Tillgänglighetsanpassning ingår i ombyggnaden."),
    ("Efterfrågan från hyresgäster.", "Öppettider efter kundmottagningens tider."),
    ("Miljöcertifierade fastigheter.", "Bolagets miljöplan gäller."),
    ("Bolagets mångfaldspolicy.", "Redovisas i hållbarhetsrapporten."),
    ("Mötesrum att boka.", "Bokning via bolagets kundportal."),
]

FLEMINGSBERG: dict[str, Any] = {
    "title": "Flexkontor Hovsjö centrum",
    "residents": (
        "Hovsjö har många som pendlar till Flemingsberg och Stockholm och som skulle kunna "
        "arbeta nära hemmet två dagar i veckan om det fanns en bra plats."
    ),
    "existing": "Inga flexkontor i Södertälje söder om centrum.",
    "missing": "Professionella arbetsplatser med snabbt nät, mötesrum och fika.",
    "staffing": "En platschef på heltid och vår centrala bokningsservice.",
    "partnerships": "Vi samarbetar med tre arbetsgivare i Flemingsberg om distansdagar.",
    "budget": (
        "Hyra 380 000 kr, platschef 620 000 kr, inredning 450 000 kr, marknadsföring "
        "150 000 kr om året. Totalt 1,6 miljoner kronor om året."
    ),
    "budget_sek": 1_600_000,
    "contact_email": "info@flemingsberg-arbetsplats.example.org",
}
FLEMINGSBERG_PLANS: Plans = [
    ("Likabehandlingsplan finns.", "Följs upp årligen av ledningen."),
    ("Öppet för alla.", "Fasta platser kan hyras; drop-in är gratis."),
    ("Tydliga regler.", "Som på våra andra kontor."),
    ("Kundundersökning.", "Kvartalsvis, digital."),
    ("Platschef med erfarenhet.", "Från vårt kontor i Flemingsberg."),
    ("Lokal i gatuplan.", "Fullt tillgänglig."),
    ("Pendlarnas behov.", "Öppet 7–18 vardagar."),
    ("Energieffektiv drift.", "Vi mäter energi per arbetsplats."),
    ("Mångfald eftersträvas.", "Rekrytering via bred annonsering."),
    ("Nätverksfrukostar.", "En gång i månaden för medlemmar."),
]

INFO_QUESTION = (
    "Ni skriver att ni redan hyr lokalen på Kaxbergsgatan. Gäller hyresavtalet hela "
    "uppdragsperioden, och får lokalen användas som allmänt kontor med kvällsöppet?"
)
INFO_ANSWER = (
    "Ja. Hyresavtalet löper i tre år med möjlighet till förlängning, och hyresvärden har "
    "skriftligen godkänt verksamheten och öppettider till klockan 21. Intyget bifogas."
)
CONFLICT_NOTE = "Min sambo är delägare i Flemingsberg Arbetsplats AB."

#: Each reviewer's comment on some lines: (guideline number or criterion title, text, shared).
REVIEW_COMMENTS = {
    "hovsjo": [
        (7, "Behovsanalysen med 140 samtal är den starkaste i omgången.", True),
        (6, "Hörselslingan bör vara på plats från dag ett.", True),
        ("Lokal förankring", "Föreningen finns redan i huset.", False),
    ],
    "kvarnbacken": [
        (2, "Dagkort för andra än hyresgäster strider mot riktlinjen.", True),
        (4, "Ingen dialog utöver en enkät.", False),
        ("Rimlig och tydlig budget", "Internhyran redovisas inte.", True),
    ],
    "flemingsberg": [
        (2, "Fasta platser mot betalning tränger undan drop-in.", True),
        ("Lokal förankring", "Ingen närvaro i Hovsjö i dag.", False),
    ],
}

DECISIONS = {
    "hovsjo": (
        "Ansökan har högst poäng i elva av tolv bedömningspunkter. Behovsanalysen bygger på "
        "samtal med boende, lokalen finns och hyresvärden har godkänt verksamheten, och "
        "samarbetet med Ronna Områdesföretag ger erfarenhet från start.",
        "Hörselslinga i mötesrummet före öppning. Tillgänglighetsfakta ifyllda i plattformen "
        "senast en månad efter start. Kvällsöppet minst två dagar i veckan.",
    ),
    "kvarnbacken": (
        "Verksamheten är inte kostnadsfri för alla (dagkort för andra än hyresgäster) och "
        "öppettiderna följer kundmottagningens, under de 25 timmar i veckan som efterfrågas.",
        "",
    ),
    "flemingsberg": (
        "Fasta platser mot betalning gör att kontoret inte blir öppet för alla på lika villkor, "
        "och ansökan visar ingen förankring i Hovsjö. Kostnaden är också högst i omgången.",
        "",
    ),
}
PRIVATE_NOTE = "Kvarnbacken har hört av sig muntligt; svara att beslutet går att överklaga."
