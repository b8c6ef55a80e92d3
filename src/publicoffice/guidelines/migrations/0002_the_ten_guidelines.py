"""Load the ten guidelines (seeds/003, our translations) in sv, en and ar.

Persian, Somali and Tigrinya fall back to English until translated.
"""

from django.db import migrations

GUIDELINES = [
    (
        ("Mänskliga rättigheter", "Verksamheten ska respektera mänskliga rättigheter, samt eftersträva jämlika möjligheter för alla användargrupper och individer."),
        ("Human rights", "Respect human rights and strive for equal opportunities for all user groups and individuals."),
        ("حقوق الإنسان", "تحترم المؤسسة حقوق الإنسان وتسعى إلى تكافؤ الفرص لجميع فئات المستخدمين والأفراد."),
    ),
    (
        ("Kostnadsfritt och öppet för alla", "Verksamheten ska vara kostnadsfri, öppen för allmänheten och inte avgränsas till enskilda grupperingar."),
        ("Free and open to all", "Free of charge, open to the public and not reserved for particular groups."),
        ("مجاني ومفتوح للجميع", "الخدمة مجانية ومفتوحة للعموم وغير مقتصرة على فئات بعينها."),
    ),
    (
        ("Tydliga ordningsregler", "Platsens öppenhet regleras, i likhet med bibliotek, med tydliggöranden kring vilka beteenden som ska iakttas för att få bruka platsen, t.ex. respektfullt bemötande, förbud mot diskriminering, våld, hot, droger och alkohol."),
        ("Clear rules of conduct", "Openness is regulated like a library's, with clear rules on how to behave to use the place: respectful treatment, and no discrimination, violence, threats, drugs or alcohol."),
        ("قواعد سلوك واضحة", "يُنظَّم الانفتاح كما في المكتبات، بقواعد واضحة للسلوك المطلوب لاستخدام المكان: المعاملة باحترام، ومنع التمييز والعنف والتهديد والمخدرات والكحول."),
    ),
    (
        ("Dialog med lokalsamhället", "Verksamheten ska bedrivas i nära dialog med lokalt civilsamhälle, näringsliv och kulturliv, och platsens brukare ska erbjudas möjligheter att komma med förslag till verksamheten."),
        ("Dialogue with the local community", "Run in close dialogue with local civil society, business and cultural life; users can propose things for the office."),
        ("الحوار مع المجتمع المحلي", "تُدار بحوار وثيق مع المجتمع المدني المحلي وقطاع الأعمال والحياة الثقافية، ويُتاح للمستخدمين تقديم اقتراحات للنشاط."),
    ),
    (
        ("Kompetent personal", "Verksamheten ska ha personal som har kapacitet och kompetens att välkomna och assistera brukarna, samt kunna utvärdera och utveckla den dagliga driften och verksamhetens form."),
        ("Capable staff", "Staff able to welcome and assist users, and to evaluate and develop the daily operation and the form of the office."),
        ("طاقم عمل مؤهَّل", "يعمل فيه طاقم قادر على الترحيب بالمستخدمين ومساعدتهم، وعلى تقييم العمل اليومي وتطويره."),
    ),
    (
        ("Tillgängliga lokaler", "Lokalen ska vara anpassad för personer med funktionsnedsättning."),
        ("Accessible premises", "The premises are adapted for people with disabilities."),
        ("مكان مهيّأ للجميع", "المكان مهيّأ للأشخاص ذوي الإعاقة."),
    ),
    (
        ("Utformat efter lokala behov", "Verksamheten ska utformas efter lokala behov och möjligheter, och bedriva särskilda insatser för att säkerställa såväl tillgänglighet och utbyte som en god arbetsmiljö."),
        ("Shaped by local needs", "Shaped by local needs and possibilities, with special efforts for accessibility, exchange and a good work environment."),
        ("مصمَّم وفق الاحتياجات المحلية", "يُصمَّم النشاط وفق الاحتياجات والإمكانات المحلية، مع جهود خاصة لضمان إمكانية الوصول والتبادل وبيئة عمل جيدة."),
    ),
    (
        ("Hållbarhet", "Verksamheten ska i varje led ta aspekter av hållbar utveckling och långsiktig resursanvändning i beaktan."),
        ("Sustainability", "Sustainable development and long-term use of resources are considered at every step."),
        ("الاستدامة", "تُراعى التنمية المستدامة والاستخدام طويل الأمد للموارد في كل خطوة."),
    ),
    (
        ("Mångfald", "Mångfald i personal och beslutsfattande instanser, avseende kön, könsidentitet eller könsuttryck, etnisk tillhörighet, religion eller annan trosuppfattning, kultur, funktionalitet, sexuell orientering och ålder, ska eftersträvas."),
        ("Diversity", "Diversity is sought in staff and decision-making bodies: gender, gender identity or expression, ethnicity, religion or belief, culture, functionality, sexual orientation and age."),
        ("التنوع", "يُسعى إلى التنوع في الطاقم وهيئات اتخاذ القرار من حيث الجنس والهوية أو التعبير الجنسي والانتماء العرقي والدين أو المعتقد والثقافة والقدرات الوظيفية والتوجه الجنسي والعمر."),
    ),
    (
        ("Att mötas och stödja varandra", "Verksamheten ska underlätta för alla brukare att mötas, stödja varandra och möjliggöra för andra brukare att använda platsen och dess funktioner."),
        ("Meeting and supporting each other", "Make it easy for all users to meet, support each other, and let others use the place and its functions."),
        ("اللقاء والدعم المتبادل", "يسهّل على جميع المستخدمين أن يلتقوا ويدعم بعضهم بعضاً، وأن يتيحوا للآخرين استخدام المكان ومرافقه."),
    ),
]


def load(apps, schema_editor):
    Guideline = apps.get_model("guidelines", "Guideline")
    for number, ((sv_title, sv_text), (en_title, en_text), (ar_title, ar_text)) in enumerate(
        GUIDELINES, start=1
    ):
        Guideline.objects.update_or_create(
            number=number,
            defaults={
                "title": sv_title,
                "text": sv_text,
                "title_sv": sv_title,
                "text_sv": sv_text,
                "title_en": en_title,
                "text_en": en_text,
                "title_ar": ar_title,
                "text_ar": ar_text,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("guidelines", "Guideline").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("guidelines", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
