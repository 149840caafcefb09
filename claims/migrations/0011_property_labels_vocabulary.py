"""Property labels in French and English, and the news vocabulary.

Labels become data (an English and a French label per property) instead of
English strings the interface could not translate. The vocabulary grows from
the first case's 24 properties to what news figures measure in economy,
politics, health, climate, sport and technology (claims.properties, frozen
here as it stood). The generic "other-*" properties are not compared.
Existing rows keep their codes; their labels are brought up to date.
"""

from django.db import migrations, models

# The codes migration 0002 added: they stay when this one is reversed.
FIRST_VOCABULARY = (
    "founding-date", "founder", "headquarters", "origin", "release-date", "price-per-unit",
    "training-cost", "operating-cost", "revenue", "valuation", "funding",
    "market-value-change", "parameter-count", "gpu-count", "hardware-requirement",
    "user-count", "employee-count", "download-ranking", "leaderboard-rank",
    "benchmark-standing", "training-duration", "data-location", "licence",
    "statement-attributed",
)

VOCABULARY = [
    # code, English label, French label, expected value kind, compared
    ('founding-date', 'founding date', 'date de création', 'date', True),
    ('release-date', 'launch date', 'date de lancement', 'date', True),
    ('announcement-date', 'announcement date', "date d'annonce", 'date', True),
    ('election-date', 'election date', "date de l'élection", 'date', True),
    ('start-date', 'start date', 'date de début', 'date', True),
    ('end-date', 'end date', 'date de fin', 'date', True),
    ('target-date', 'target date', 'date visée', 'date', True),
    ('birth-date', 'date of birth', 'date de naissance', 'date', True),
    ('death-date', 'date of death', 'date de décès', 'date', True),
    ('funding', 'funding raised', 'fonds levés', 'money', True),
    ('valuation', 'valuation', 'valorisation', 'money', True),
    ('revenue', 'revenue', "chiffre d'affaires", 'money', True),
    ('revenue-change', 'revenue growth', "évolution du chiffre d'affaires", 'percentage', True),
    ('profit', 'profit', 'bénéfice', 'money', True),
    ('profit-change', 'profit change', 'évolution du bénéfice', 'percentage', True),
    ('operating-margin', 'operating margin', 'marge opérationnelle', 'percentage', True),
    ('dividend', 'dividend', 'dividende', 'money', True),
    ('assets-under-management', 'assets under management', 'actifs sous gestion', 'money', True),
    ('loss', 'loss', 'perte', 'money', True),
    ('net-worth', 'net worth', 'fortune', 'money', True),
    ('net-worth-change', 'change in net worth', 'variation de la fortune', '', True),
    ('market-value', 'market value', 'capitalisation boursière', 'money', True),
    ('market-value-change', 'change in market value', 'variation de la capitalisation', '', True),
    ('share-price', 'share price', "cours de l'action", 'money', True),
    ('share-price-change', 'share price change', "variation du cours de l'action", 'percentage', True),
    ('price-per-unit', 'price', 'prix', 'money', True),
    ('price-change', 'price change', 'variation de prix', 'percentage', True),
    ('cost', 'cost', 'coût', 'money', True),
    ('training-cost', 'training cost', "coût d'entraînement", 'money', True),
    ('operating-cost', 'operating cost', "coûts d'exploitation", '', True),
    ('investment', 'investment', 'investissement', 'money', True),
    ('acquisition-price', 'acquisition price', "prix d'acquisition", 'money', True),
    ('budget', 'budget', 'budget', 'money', True),
    ('salary', 'pay', 'rémunération', 'money', True),
    ('fine', 'fine or penalty', 'amende', 'money', True),
    ('gdp', 'GDP', 'PIB', 'money', True),
    ('gdp-growth', 'GDP growth', 'croissance du PIB', 'percentage', True),
    ('inflation-rate', 'inflation rate', "taux d'inflation", 'percentage', True),
    ('unemployment-rate', 'unemployment rate', 'taux de chômage', 'percentage', True),
    ('interest-rate', 'interest rate', "taux d'intérêt", 'percentage', True),
    ('public-debt', 'public debt', 'dette publique', '', True),
    ('budget-deficit', 'budget deficit', 'déficit public', '', True),
    ('trade-balance', 'trade balance', 'balance commerciale', 'money', True),
    ('exports', 'exports', 'exportations', '', True),
    ('tariff-rate', 'tariff rate', 'droits de douane', 'percentage', True),
    ('tax-rate', 'tax rate', "taux d'imposition", 'percentage', True),
    ('tax-revenue', 'tax revenue', 'recettes fiscales', 'money', True),
    ('aid-amount', 'aid or pledge', 'aide ou promesse de financement', 'money', True),
    ('employee-count', 'number of employees', 'nombre de salariés', 'quantity', True),
    ('job-cuts', 'job cuts', "suppressions d'emplois", 'quantity', True),
    ('jobs-created', 'jobs created', 'emplois créés', 'quantity', True),
    ('user-count', 'number of users', "nombre d'utilisateurs", 'quantity', True),
    ('download-count', 'number of downloads', 'nombre de téléchargements', 'quantity', True),
    ('parameter-count', 'number of parameters', 'nombre de paramètres', 'quantity', True),
    ('training-tokens', 'training data (tokens)', "données d'entraînement (jetons)", 'quantity', True),
    ('gpu-count', 'number of GPUs', 'nombre de GPU', 'quantity', True),
    ('population', 'population', 'population', 'quantity', True),
    ('participant-count', 'number of participants', 'nombre de participants', 'quantity', True),
    ('visitor-count', 'number of visitors', 'nombre de visiteurs', 'quantity', True),
    ('vote-share', 'share of the vote', 'part des voix', 'percentage', True),
    ('vote-count', 'number of votes', 'nombre de voix', 'quantity', True),
    ('seat-count', 'number of seats', 'nombre de sièges', 'quantity', True),
    ('turnout', 'turnout', 'taux de participation', 'percentage', True),
    ('poll-rating', 'poll rating', 'intentions de vote', 'percentage', True),
    ('age', 'age', 'âge', '', True),
    ('tenure', 'time in office', 'durée du mandat', 'duration', True),
    ('prison-sentence', 'prison sentence', 'peine de prison', 'duration', True),
    ('case-count', 'number of cases', 'nombre de cas', 'quantity', True),
    ('death-toll', 'number of deaths', 'nombre de morts', 'quantity', True),
    ('injury-count', 'number of injured', 'nombre de blessés', 'quantity', True),
    ('hospitalisations', 'hospitalisations', 'hospitalisations', 'quantity', True),
    ('patient-count', 'number of patients', 'nombre de patients', 'quantity', True),
    ('vaccination-rate', 'vaccination rate', 'taux de vaccination', 'percentage', True),
    ('efficacy', 'efficacy', 'efficacité', 'percentage', True),
    ('prevalence', 'prevalence', 'prévalence', 'percentage', True),
    ('life-expectancy', 'life expectancy', 'espérance de vie', '', True),
    ('risk-change', 'change in risk', 'variation du risque', 'percentage', True),
    ('temperature', 'temperature', 'température', 'quantity', True),
    ('warming', 'global warming', 'réchauffement', 'quantity', True),
    ('emissions', 'greenhouse gas emissions', 'émissions de gaz à effet de serre', 'quantity', True),
    ('emissions-change', 'change in emissions', 'variation des émissions', 'percentage', True),
    ('area', 'area', 'superficie', 'quantity', True),
    ('energy-share', 'share of energy', "part de l'énergie", 'percentage', True),
    ('energy-capacity', 'energy capacity', 'capacité énergétique', 'quantity', True),
    ('rainfall', 'rainfall', 'précipitations', 'quantity', True),
    ('sea-level-rise', 'sea level rise', 'hausse du niveau de la mer', 'quantity', True),
    ('goals-scored', 'goals scored', 'buts marqués', 'quantity', True),
    ('titles-won', 'titles won', 'titres remportés', 'quantity', True),
    ('appearance-count', 'matches played', 'matchs joués', 'quantity', True),
    ('transfer-fee', 'transfer fee', 'indemnité de transfert', 'money', True),
    ('contract-value', 'contract value', 'montant du contrat', 'money', True),
    ('contract-length', 'contract length', 'durée du contrat', 'duration', True),
    ('record-time', 'time', 'temps', 'duration', True),
    ('distance', 'distance', 'distance', 'quantity', True),
    ('leaderboard-rank', 'rank', 'rang dans un classement', 'rank', True),
    ('download-ranking', 'app store ranking', 'classement des téléchargements', 'rank', True),
    ('market-share', 'market share', 'part de marché', 'percentage', True),
    ('share-of-total', 'share of a total', "part d'un total", 'percentage', True),
    ('growth-rate', 'change', 'variation', 'percentage', False),
    ('training-duration', 'training duration', "durée d'entraînement", 'duration', True),
    ('duration', 'duration', 'durée', 'duration', False),
    ('founder', 'founder', 'fondateur', 'text', True),
    ('headquarters', 'headquarters', 'siège', 'text', True),
    ('origin', 'origin', 'origine', 'text', True),
    ('hardware-requirement', 'hardware requirement', 'matériel nécessaire', 'text', True),
    ('benchmark-standing', 'benchmark standing', 'résultats aux tests de référence', '', True),
    ('comparison', 'comparison', 'comparaison', '', False),
    ('data-location', 'data location', 'lieu de stockage des données', 'text', True),
    ('licence', 'licence', 'licence', 'text', True),
    ('statement-attributed', 'statement attributed', 'propos rapportés', '', False),
    ('other-amount', 'other amount', 'autre montant', 'money', False),
    ('other-count', 'other count', 'autre nombre', 'quantity', False),
    ('other-percentage', 'other percentage', 'autre pourcentage', 'percentage', False),
    ('other-date', 'other date', 'autre date', 'date', False),
    ('other-duration', 'other duration', 'autre durée', 'duration', False),
    ('other-rank', 'other rank', 'autre rang', 'rank', False),
]


def add_vocabulary(apps, schema_editor):
    Property = apps.get_model("claims", "Property")
    for code, label, label_fr, kind, compared in VOCABULARY:
        Property.objects.update_or_create(
            code=code,
            defaults={
                "label": label,
                "label_fr": label_fr,
                "value_kind": kind,
                "compared": compared,
            },
        )


def remove_vocabulary(apps, schema_editor):
    # The first vocabulary (0002) stays; what this one added goes if unused.
    Property = apps.get_model("claims", "Property")
    Property.objects.exclude(code__in=FIRST_VOCABULARY).filter(
        code__in=[row[0] for row in VOCABULARY], claims__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_list_date_indexes")]

    operations = [
        migrations.AddField(
            model_name="property",
            name="compared",
            field=models.BooleanField(
                default=True,
                help_text="Claims about one subject with this property are compared with each other.",
                verbose_name="compared",
            ),
        ),
        migrations.AddField(
            model_name="property",
            name="label_fr",
            field=models.CharField(
                blank=True,
                help_text="Shown in the French interface; the English label when empty.",
                max_length=200,
                verbose_name="French label",
            ),
        ),
        migrations.AlterField(
            model_name="property",
            name="label",
            field=models.CharField(max_length=200, verbose_name="English label"),
        ),
        migrations.RunPython(add_vocabulary, remove_vocabulary),
    ]
