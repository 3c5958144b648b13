"""Files of a new site, written by `edcal init` (see edcal.commands.init)."""

#: The person and account `edcal init` writes in calendar.yaml as examples (each skeleton's language):
#: `edcal check` reports them left as they are (placeholder-name).
PLACEHOLDER_PEOPLE = frozenset({"Prénom Nom", "First Last"})
PLACEHOLDER_ACCOUNTS = frozenset({"@mon_entreprise@exemple.social", "@my_company@example.social"})

#: The first paragraph `edcal new` writes, by language, for the writer to replace: it becomes the
#: article's summary (and its posts' text), so `edcal check` reports it left as it is.
NEW_ARTICLE_BODY = {
    "fr": "Le premier paragraphe sert de résumé : une ou deux phrases qui donnent envie de lire.",
    "en": "The first paragraph is the summary: one or two sentences that make people read on.",
}
