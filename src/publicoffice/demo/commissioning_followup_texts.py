"""The commissioning story's follow-up and open call, in Swedish.

Two commissions report on their targets: Hovsjö (from the decided call;
the latest report waits for the officer) and Fittja (entered for an office
that ran before the platform; its latest report is overdue). Each accepted
report has the operator's narrative and self-assessment per guideline, and
the municipality's own assessment beside it. Botkyrka's open call for Tumba
has a follower and a draft application. Ratings: ``met``, ``partly``,
``not_met``; lists are per guideline, by number minus one.
"""

from __future__ import annotations

from typing import Any

#: (rating, evidence, actions) per guideline, ten of them.
Assessments = list[tuple[str, str, str]]

HOVSJO_TARGETS = [
    ("visits_per_week", "at_least", "45"),
    ("hours_per_week", "at_least", "25"),
    ("answered_on_time", "at_least", "80"),
    ("events_per_month", "at_least", "2"),
    ("accessibility_complete", "at_least", "100"),
    ("incidents_handled", "at_least", "90"),
]
FITTJA_TARGETS = [
    ("visits_per_week", "at_least", "150"),
    ("hours_per_week", "at_least", "30"),
    ("answered_on_time", "at_least", "85"),
    ("events_per_month", "at_least", "4"),
    ("occupancy", "at_least", "15"),
    ("incidents_handled", "at_least", "90"),
]

FITTJA_TITLE = "Allmänna kontoret Fittja {first}–{last}"
FITTJA_CONDITIONS = (
    "Uppdraget fanns före plattformen och fördes in med samma villkor: öppet minst 30 timmar "
    "i veckan varav två kvällar, kostnadsfritt för alla, rapport varje kvartal."
)
FITTJA_FUNDING = 1_800_000
#: The amendment: one more evening a week, and the funding for it.
FITTJA_MORE_FUNDING = 150_000
FITTJA_AMENDMENT = "Kvällsöppet en dag till i veckan, från tre till fyra kvällar."

HOVSJO_NARRATIVES = [
    "Kontoret öppnade med en invigning där över hundra grannar kom. De första veckorna var "
    "det mest nyfikna besökare; mot slutet av perioden satt samma personer här flera dagar "
    "i veckan. Språkcaféet på torsdagar blev snabbt fullt.",
    "Besöken har ökat varje månad. Två föreningar har flyttat sina styrelsemöten hit, och "
    "CV-kvällarna har hjälpt ett tjugotal personer att söka jobb. Sommaren var lugn, som "
    "väntat, men kvällsöppet höll hela perioden.",
    "Hösten har varit den livligaste perioden hittills. Vi har fått in förslag via "
    "plattformen och svarat på dem i tid, och husmötena har nu ett fast antal deltagare.",
]
HOVSJO_PRIVATE = "Den ena värden har varit sjukskriven i tre veckor; Ronna har täckt upp."
HOVSJO_OPERATOR: Assessments = [
    ("met", "Inga anmälningar om diskriminering; utbildning genomförd.", ""),
    ("met", "Inga avgifter, inget krav på medlemskap.", ""),
    ("met", "Husreglerna finns på fem språk vid entrén.", ""),
    ("met", "Husmöte varje månad, förslag besvaras i plattformen.", ""),
    ("partly", "En värd sjukskriven en period.", "Ronna täcker upp; vikarielista byggs."),
    ("partly", "Hörselslingan kom på plats sex veckor efter start.", "Klart nu."),
    ("met", "Kvällsöppet tisdag och torsdag som utlovat.", ""),
    ("met", "Möblerna kommer från kommunens återbruk.", ""),
    (
        "partly",
        "Två av tre värdar är kvinnor; styrelsen saknar unga.",
        "Valberedningen tillfrågad.",
    ),
    ("met", "Språkcafé och läxhjälp hålls av besökarna själva.", ""),
]
HOVSJO_MUNICIPALITY: Assessments = [
    ("met", "Stämmer med vårt besök i september.", ""),
    ("met", "Bekräftat vid besök.", ""),
    ("met", "", ""),
    ("met", "Svaren på förslagen är publicerade i tid.", ""),
    ("partly", "Bemanningen är sårbar.", "Redovisa vikarielösning i nästa rapport."),
    ("not_met", "Villkoret om hörselslinga före öppning uppfylldes inte.", "Följs upp vid besök."),
    ("met", "", ""),
    ("met", "", ""),
    ("partly", "", "Redovisa styrelsens sammansättning i årsrapporten."),
    ("met", "Besökarnas egna aktiviteter är uppdragets styrka.", ""),
]
HOVSJO_COMMENTS = [
    "Tack för en tydlig rapport. Hörselslingan skulle ha funnits från start; vi noterar att "
    "den är på plats nu.",
    "Godkänd. Fint att se att föreningarna hittat hit.",
]
HOVSJO_SUBMITTED = (
    "Perioden präglades av hösten: fler besökare på förmiddagarna och fullt i mötesrummet "
    "på kvällarna. Vikarielistan är klar och används."
)

FITTJA_NARRATIVES = [
    "Kooperativet har haft fullt i ateljén och mötesrummen. Kvällsöppet måndag och onsdag "
    "lockar många som jobbar dagtid. Vi har haft två tillfällen med oro i entrén, båda "
    "hanterade samma vecka.",
    "Vårens evenemang – företagarfrukostar, digital hjälp för äldre, sykväll – drog nya "
    "besökare. Hissen var ur funktion i två veckor, vilket vi meddelade i plattformen.",
    "En lugnare sommar, men kvällsöppet höll. Vi har börjat svara på förslag inom tio dagar.",
]
FITTJA_PRIVATE = "Hyresvärden har aviserat en hyreshöjning på åtta procent från årsskiftet."
FITTJA_OPERATOR: Assessments = [
    ("met", "Bemötandeutbildning för alla värdar.", ""),
    ("met", "Kostnadsfritt; kooperativets medlemmar har inga förtur.", ""),
    ("met", "Husreglerna uppdaterade och godkända av besökarna.", ""),
    ("partly", "Förslag har ibland besvarats sent.", "Svarstiden är nu tio dagar."),
    ("met", "Tre värdar, fem språk.", ""),
    ("partly", "Hissen stod still i två veckor.", "Serviceavtal med kortare inställelsetid."),
    ("met", "Kvällsöppet efter önskemål från besökarna.", ""),
    ("partly", "Ingen mätning av energi ännu.", "Mätare beställd."),
    ("met", "Styrelsen speglar medlemmarna.", ""),
    ("met", "Ateljén lånas ut till besökare som vill hålla kurser.", ""),
]
FITTJA_MUNICIPALITY: Assessments = [
    ("met", "", ""),
    ("met", "", ""),
    ("met", "", ""),
    (
        "not_met",
        "Flera förslag besvarades efter utsatt tid under perioden.",
        "Följ upp nästa kvartal.",
    ),
    ("met", "", ""),
    ("partly", "Hisstoppet meddelades tydligt, men varade länge.", ""),
    ("met", "", ""),
    ("partly", "", "Redovisa energimätning i årsrapporten."),
    ("met", "", ""),
    ("met", "Ateljén är en förebild för andra kontor.", ""),
]
FITTJA_COMMENTS = [
    "Godkänd. Svarstiderna på förslag behöver bli bättre.",
    "Godkänd med tack för den tydliga redovisningen av hisstoppet.",
]

OPEN_CALL_TITLE = "Allmänt kontor i Tumba {first}–{last}"
OPEN_CALL_SUMMARY = (
    "Kontoret vid Tumba torg har varit pausat sedan förra operatören lämnade. Botkyrka "
    "kommun söker nu en operatör som öppnar det igen: ett kostnadsfritt allmänt kontor för "
    "alla i Tumba, med arbetsplatser, mötesrum och plats för lokala initiativ."
)
OPEN_CALL_AREA = "Tumba centrum och Tumba bruk"
OPEN_CALL_TARGET_GROUPS = (
    "Distansarbetande, studenter, arbetssökande, föreningar och äldre som vill ha hjälp "
    "med det digitala."
)
OPEN_CALL_CRITERIA = "De tio riktlinjerna, lika viktade, och en egen: samverkan med biblioteket."
OPEN_CALL_CRITERION = (
    "Samverkan med Tumba bibliotek",
    "Hur kontoret och biblioteket kompletterar varandra i öppettider och aktiviteter.",
    5,
)

DRAFT: dict[str, Any] = {
    "title": "Arbetsbänken i Tumba",
    "residents": (
        "Tumba har många som pendlar in till stan och många äldre. Vi har börjat prata med "
        "pensionärsföreningen och gymnasiet om vad de saknar."
    ),
    "existing": "Biblioteket, som är fullt på eftermiddagarna, och en fritidsgård.",
    "contact_email": "hej@arbetsbanken.example.org",
    "budget_sek": 1_250_000,
}
DRAFT_PLANS = [
    (2, "Gratis för alla, som i Fittja.", ""),
    (6, "Lokalen är i gatuplan.", "Tillgänglighetsfakta från förra operatören ses över."),
    (10, "Ateljémodellen från Fittja.", "Att skriva: hur vi bjuder in Tumbas föreningar."),
]

#: From the second report on, the hearing loop is in place: guideline 6, (operator, municipality).
HOVSJO_LATER = (
    ("met", "Hörselslingan finns nu i mötesrummet.", ""),
    ("met", "Kontrollerat vid besök.", ""),
)
