"""Give the curated words their Persian, Somali and Tigrinya names.

``0002`` installed the curated vocabulary with names in Swedish, English and
Arabic (and a few in Persian and Somali). The list now names every word in
all six interface languages and has more Persian, Somali and Tigrinya
synonyms. A database migrated before that gets them here, carefully:

* a name is filled in only where the word has none in that language, so a
  platform admin's own name is never replaced;
* a synonym is added only if the word does not know it yet (compared
  folded, as the search compares), and the admin's synonyms stay;
* the word's search terms, and the search columns of every profile that
  offers or needs it, are computed again, so the directory finds those
  profiles by the new names at once.

On a fresh database ``0002`` has already loaded the whole list and this
changes nothing. Migrating back leaves the names (a no-op): they are
correct in any version.
"""

from django.db import migrations
from django.db.models import Q

NEW_LANGUAGES = ("fa", "so", "ti")
SEARCH_COLUMNS = ["search_name", "search_tags", "search_text"]


def _completed(tag, word, fold) -> bool:
    """Fill ``tag``'s empty names and missing synonyms from ``word``; say if it changed."""
    changed = False
    for code in NEW_LANGUAGES:
        field = f"name_{code}"
        if word.get(code) and not (getattr(tag, field) or "").strip():
            setattr(tag, field, word[code])
            changed = True
    synonyms = [line for line in (tag.synonyms or "").split("\n") if line.strip()]
    known = {fold(line) for line in synonyms}
    for synonym in word.get("synonyms", []):
        if fold(synonym) not in known:
            known.add(fold(synonym))
            synonyms.append(synonym)
            changed = True
    tag.synonyms = "\n".join(synonyms)
    return changed


def complete_names(apps, schema_editor):
    # app loading: the vocabulary module imports the real models, which are
    # only ready once the migration runs.
    from publicoffice.community.curated_vocabulary import CURATED_WORDS
    from publicoffice.community.vocabulary import fold, join_terms, profile_search_columns, terms_of

    Tag = apps.get_model("community", "Tag")
    Profile = apps.get_model("community", "Profile")
    words = {word["slug"]: word for word in CURATED_WORDS}
    changed_ids = []
    for tag in Tag.objects.filter(slug__in=list(words)).order_by("pk"):
        if not _completed(tag, words[tag.slug], fold):
            continue
        tag.search_terms = join_terms(terms_of(tag))
        tag.save(update_fields=["name_fa", "name_so", "name_ti", "synonyms", "search_terms"])
        changed_ids.append(tag.pk)
    if not changed_ids:
        return
    profiles = (
        Profile.objects.filter(Q(offers__in=changed_ids) | Q(needs__in=changed_ids))
        .distinct()
        .order_by("pk")
        .prefetch_related("offers", "needs")
    )
    batch = []
    for profile in profiles:
        for column, value in profile_search_columns(profile).items():
            setattr(profile, column, value)
        batch.append(profile)
    Profile.objects.bulk_update(batch, SEARCH_COLUMNS, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("community", "0003_profile_search_trigram")]

    operations = [migrations.RunPython(complete_names, migrations.RunPython.noop)]
