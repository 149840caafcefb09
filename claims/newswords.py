"""Word lists for reading French and English news: who is who, and what refers back to whom.

General knowledge of the two languages and of the press, never of one article:
titles and roles that announce a person, words that announce an organisation
or a product, the referring words ("the company", "la start-up", "il"), the
verbs that cite a source, common first names, the press and news agencies
(cited as sources, rarely what a figure is about), and the names of countries
and international bodies in both languages (from babel's CLDR data, plus the
usual short forms), so that "Allemagne" and "Germany" are one subject.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from babel import Locale

PERSON = "person"
ORG = "org"
PRODUCT = "product"
PLACE = "place"
MEDIA = "media"
OTHER = "other"
DISEASE = "disease"


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, straight apostrophes, no accents: the form every list is looked up by."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _set(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(fold(p.strip()) for p in text.split("|") if p.strip())


# --- people --------------------------------------------------------------------------

# Titles written right before a name.
TITLES = _set(
    "mr mrs ms miss dr prof sir dame lord lady m mme mlle me pr mgr st saint sen rep gov gen "
    "president presidente président présidente pope"
)
# Roles that announce a person ("chief executive Ana Costa", "le ministre Bruno Le Maire").
PERSON_ROLES = _phrases(
    "chief executive|chief executive officer|ceo|cfo|cto|coo|founder|co-founder|cofounder|"
    "chairman|chairwoman|chair|president|vice-president|vice president|prime minister|minister|"
    "secretary|chancellor|senator|governor|mayor|lawmaker|mp|deputy|spokesman|spokeswoman|"
    "spokesperson|analyst|economist|strategist|researcher|scientist|professor|doctor|physician|"
    "epidemiologist|director|head|boss|manager|coach|striker|forward|midfielder|defender|"
    "goalkeeper|player|captain|driver|rider|runner|swimmer|sprinter|champion|athlete|billionaire|"
    "investor|entrepreneur|executive|chief|leader|candidate|judge|prosecutor|lawyer|author|"
    "journalist|editor|engineer|developer|king|queen|prince|princess|star|singer|actor|actress|"
    "pdg|dg|directeur|directrice|directeur général|directrice générale|fondateur|fondatrice|"
    "cofondateur|cofondatrice|co-fondateur|président|présidente|ministre|première ministre|"
    "premier ministre|secrétaire|chancelier|chancelière|sénateur|sénatrice|député|députée|maire|"
    "gouverneur|porte-parole|analyste|économiste|stratège|chercheur|chercheuse|scientifique|"
    "professeur|professeure|médecin|docteur|épidémiologiste|infectiologue|patron|patronne|"
    "responsable|dirigeant|dirigeante|entraîneur|entraîneuse|sélectionneur|attaquant|attaquante|"
    "milieu|défenseur|gardien|joueur|joueuse|capitaine|pilote|coureur|coureuse|nageur|nageuse|"
    "sprinteur|champion|championne|athlète|milliardaire|investisseur|investisseuse|"
    "entrepreneur|entrepreneuse|candidat|candidate|juge|procureur|procureure|avocat|avocate|"
    "auteur|autrice|journaliste|ingénieur|ingénieure|roi|reine|prince|princesse|chanteur|"
    "chanteuse|acteur|actrice|cheffe|chef|directeur exécutif|haut-commissaire|commissaire|"
    "rapporteur|rapporteure|ambassadeur|ambassadrice|numéro deux|international|"
    "internationale|buteur|buteuse|meneur|ailier|arrière|demi|sprinteuse|recrue|"
    "sélectionneuse|star|vedette|prodige|milliardaire|magnat|héritier|tennisman|"
    "tenniswoman|footballeur|footballeuse|cycliste|skieur|skieuse|perchiste"
)
# Common given names, so that two capitalised words after "said" read as a person.
FIRST_NAMES = _set(
    "aaron adam adrian adriana agnès ahmed aisha alain alan albert alberto alejandro alessandro "
    "alex alexander alexandra alexandre alexis alfred ali alice alicia alison amanda amandine "
    "amelia amélie amy ana anastasia andré andrea andreas andrew andy angela angelina anna "
    "anne annie anthony antoine antonio arnaud arthur astrid aurélie aurélien axel barack "
    "barbara bart baptiste beatrice ben benjamin benoît bernard bertrand bill bob boris brad "
    "brian bruce bruno caroline carlos carmen catherine cécile cédric céline charles charlie "
    "charlotte chloé chris christian christina christine christophe christopher claire clara "
    "claude claudia clément colin cristiano daniel daniela daniele danielle dario david denis "
    "diana didier diego dimitri dominique donald elena eliane elisabeth elizabeth elon emilie "
    "émilie emily emma emmanuel emmanuelle enzo eric éric erik erwan esther étienne eva fabien "
    "fabienne fabrice fatima federico felix fernando florence florian francesca francesco "
    "francis francisco françois françoise frank franz frédéric frédérique gabriel gabriela "
    "gaël gareth george georges gérald gérard gilles giorgia giovanni giulia giuseppe grace "
    "grégoire grégory guillaume gustavo hannah hans harry hélène henri henry hervé hugo ian "
    "ibrahim inès ingrid irène isaac isabel isabelle ivan jack jacob jacques james jamie jan "
    "jane janet jason javier jean jean-claude jean-luc jean-marc jean-michel jean-pierre "
    "jeanne jeff jeffrey jennifer jens jensen jeremy jérôme jessica jim joan joanna joe johan "
    "johann john johnny jonathan jordan jorge josé joseph josh joshua juan judith jules julia "
    "julian julie julien justin karen karim karl kate katherine kathryn keir kelly ken kevin "
    "kim kylian lara larry laura laurence laurent léa lena léo leo leon léon leonardo lionel "
    "lisa liz louis louise luc luca lucas lucie lucy luis lukas maria marc marcel marco "
    "margaret marguerite maria marianne marie marina mario marion mark marta martin martina "
    "mary mathieu mathilde matt matteo matthew matthias maurice max maxime mehdi melanie "
    "mélanie michael michel michelle miguel mike mohamed mohammed muhammad nadia natalia "
    "natalie nathalie nathan neil nicolas nicole nina noah noël nora oliver olivia olivier "
    "omar oscar pablo pamela pascal patricia patrick paul paula pauline pedro peter philip "
    "philippe pierre pietro rachel rachida rafael ralph raphaël raymond rebecca remi rémi "
    "renaud richard rishi rob robert roberto robin roger roland romain ronald rosa ruth ryan "
    "sabine sacha sadiq salma sam samantha samuel sandra sara sarah satya sébastien sergei "
    "sergey sergio simon simone sophie stefan stéphane stéphanie steve steven sundar susan "
    "sylvain sylvie tanguy teresa théo thierry thomas tim timothée tom tony ursula valérie "
    "valentin vanessa vera véronique victor victoria vincent virginie vladimir walter wei "
    "william xavier xi yann yannick yasmine yves yvonne zoé "
    "liang wang zhang li chen liu yang huang zhao wu zhou sam sundar satya mustafa demis "
    "dario arthur gabriel olaf friedrich giorgia viktor volodymyr narendra shinzo fumio "
    "justin kamala joe donald hillary bernie nancy mitch marine jordan manuel édouard "
    "gabriel élisabeth michel lula jair javier"
)
# Name particles that stay inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES = _set("van von der den de du da di le la bin al el ben")

# Nationalities and other capitalised adjectives (English capitalises them): "the Chinese
# start-up", "Californian company" name no one.
DEMONYMS = _set(
    "american british english scottish welsh irish french german italian spanish portuguese "
    "dutch belgian swiss austrian swedish norwegian danish finnish icelandic polish czech "
    "slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian serbian "
    "croatian bosnian albanian estonian latvian lithuanian european african asian arab arabic "
    "chinese japanese korean taiwanese vietnamese thai indonesian malaysian filipino "
    "singaporean indian pakistani bangladeshi afghan iranian iraqi syrian lebanese israeli "
    "palestinian jordanian saudi emirati qatari kuwaiti egyptian libyan tunisian algerian "
    "moroccan nigerian kenyan ethiopian ghanaian senegalese malian ivorian cameroonian "
    "congolese south-african canadian mexican brazilian argentine argentinian chilean "
    "colombian peruvian venezuelan cuban australian kiwi new-zealand californian texan "
    "parisian londoner bavarian catalan basque corsican breton iberian nordic scandinavian "
    "balkan baltic latin western eastern northern southern central "
    "republican democratic democrat conservative labour liberal socialist communist green "
    "catholic protestant muslim jewish christian buddhist hindu sunni shia orthodox "
    "olympic paralympic "
    "francais americain allemand britannique anglais espagnol italien portugais chinois "
    "japonais suedois norvegien danois finlandais russe ukrainien belge suisse canadien "
    "bresilien argentin mexicain colombien chilien perouvien venezuelien cubain marocain "
    "algerien tunisien senegalais ivoirien camerounais nigerian egyptien turc grec polonais "
    "neerlandais irlandais ecossais gallois australien indien pakistanais iranien irakien "
    "israelien palestinien saoudien qatari emirati coreen vietnamien thailandais indonesien "
    "taiwanais europeen africain asiatique lisboete parisien lyonnais marseillais bordelais "
    "londonien new-yorkais californien bavarois catalan basque corse breton iberique "
    "tricolore bleu"
)


def is_demonym(word: str) -> bool:
    """ "Suédoise", "Brésiliens", "Français": a nationality, whatever its gender and number."""
    folded = fold(word)
    for ending in ("", "e", "s", "es", "ne", "nes"):
        stem = folded[: -len(ending)] if ending and folded.endswith(ending) else folded
        if stem in DEMONYMS:
            return True
    return False


# --- organisations and products --------------------------------------------------------

# Words that end an organisation's name ("Kestrel Labs", "Acme Inc").
ORG_SUFFIXES = _set(
    "inc inc. corp corporation co company ltd plc llc lp sa sas sarl se ag gmbh nv bv spa "
    "labs lab group groupe holding holdings technologies technology tech systems solutions "
    "software network networks laboratory laboratories bank banque capital partners ventures "
    "motors airlines airways pharma "
    "pharmaceuticals therapeutics biotech energy énergie energies power industries industrie "
    "international foods media studios games entertainment fund fonds foundation fondation "
    "university université institute institut agency agence ministry ministère council "
    "conseil commission party parti club fc sc ac united city rovers athletic sporting "
    "association federation fédération union league ligue society société services insurance "
    "assurances investments securities exchange authority autorité office organisation "
    "organization committee comité court cour tribunal administration department département "
    "board bureau service ai robotics aerospace automotive electric electronics semiconductor "
    "semiconductors chemicals motors mobility health santé telecom télécom airlines"
)
# Words that open an organisation's name in French ("Parti socialiste", "Banque de France",
# "Rassemblement national") and in English ("Bank of England", "Party of Regions").
ORG_LEADS = _set(
    "parti front rassemblement mouvement union alliance coalition banque caisse crédit groupe "
    "fédération confédération ligue association société compagnie syndicat conseil comité "
    "commission agence autorité institut fondation ministère office régie collectif "
    "assemblée parlement sénat congrès cour tribunal chambre "
    "assembly parliament senate congress court chamber "
    "bank party movement federation league association society council committee agency "
    "ministry foundation institute"
)
# Qualifiers before such a word: "Nouveau Front populaire", "New Labour".
NEW_WORDS = _set("nouveau nouvelle nouvel new grand grande great")
# Heads of noun phrases that refer to an organisation ("the company", "la start-up").
ORG_HEADS = _phrases(
    "company|firm|start-up|startup|upstart|group|business|bank|lender|insurer|carmaker|automaker|"
    "chipmaker|chip maker|chip designer|retailer|airline|operator|developer|manufacturer|maker|"
    "giant|conglomerate|fund|club|team|side|party|agency|ministry|regulator|laboratory|lab|"
    "drugmaker|utility|supplier|publisher|broadcaster|platform|unicorn|outfit|organisation|"
    "organization|institution|government|administration|government agency|watchdog|charity|"
    "union|federation|league|university|school|hospital|court|parliament|assembly|council|"
    "commission|authority|office|department|board|committee|alliance|coalition|network|"
    "brand|chain|miner|producer|exporter|importer|investor|owner|parent|subsidiary|rival|"
    "competitor|challenger|newcomer|pioneer|specialist|leader|incumbent|company's|firm's|"
    "entreprise|société|groupe|start-up|startup|jeune pousse|firme|géant|banque|constructeur|"
    "éditeur|fabricant|opérateur|laboratoire|assureur|distributeur|compagnie|club|équipe|"
    "formation|parti|agence|ministère|fonds|plateforme|licorne|spécialiste|leader|numéro un|"
    "industriel|énergéticien|pétrolier|champion|enseigne|marque|gouvernement|administration|"
    "organisation|institution|régulateur|autorité|gendarme|association|fédération|ligue|"
    "université|école|hôpital|tribunal|cour|parlement|assemblée|conseil|commission|office|"
    "syndicat|coalition|alliance|réseau|chaîne|producteur|exportateur|importateur|"
    "investisseur|propriétaire|maison mère|filiale|rival|concurrent|challenger|pionnier|"
    "acteur|éditeur de logiciels|développeur|conglomérat|mastodonte|poids lourd|"
    "concepteur|fournisseur|prestataire|division|unit|segment|arm|branche|pôle|métier"
)
# Heads of noun phrases that refer to a product ("the model", "le vaccin").
PRODUCT_HEADS = _phrases(
    "model|chatbot|assistant|app|application|system|software|program|programme|chip|processor|"
    "vaccine|drug|medicine|treatment|therapy|jab|pill|phone|smartphone|handset|device|car|"
    "vehicle|aircraft|plane|jet|rocket|satellite|spacecraft|game|console|tool|engine|robot|"
    "service|product|version|release|update|platform|network|reactor|plant|factory|mine|"
    "project|scheme|plan|bill|law|reform|budget|policy|tablet|laptop|computer|"
    "supercomputer|battery|truck|train|ship|missile|weapon|film|movie|series|album|book|"
    "modèle|chatbot|assistant|appli|application|système|logiciel|programme|puce|processeur|"
    "vaccin|médicament|traitement|thérapie|pilule|téléphone|smartphone|appareil|voiture|"
    "véhicule|avion|fusée|satellite|jeu|console|outil|moteur|robot|service|produit|version|"
    "mise à jour|réacteur|centrale|usine|mine|projet|plan|projet de loi|loi|réforme|budget|"
    "tablette|ordinateur|supercalculateur|batterie|camion|train|navire|missile|arme|"
    "film|série|album|livre|dispositif|offre|formule|abonnement|campaign|campagne|initiative|"
    # "50 000 doses supplémentaires": doses of the vaccine the text names.
    "dose|doses"
)
PLACE_HEADS = _phrases(
    "country|nation|state|city|town|region|province|county|capital|island|territory|"
    "continent|bloc|economy|district|area|village|port|"
    "pays|nation|état|ville|région|province|département|capitale|île|territoire|continent|"
    "commune|zone|bloc|économie|métropole|agglomération|village|port|canton"
)
PERSON_HEADS = PERSON_ROLES | _phrases(
    "man|woman|boy|girl|person|child|official|leader|politician|tycoon|magnate|mogul|"
    "homme|femme|garçon|fille|personne|enfant|responsable|élu|élue|dirigeant|dirigeante|"
    "magnat|héritier|héritière|patron|patronne"
)

# Diseases, written in lower case, that a health story is about ("measles deaths fell").
DISEASES = _phrases(
    "measles|rougeole|chikungunya|dengue|covid|covid-19|coronavirus|malaria|paludisme|"
    "cholera|choléra|mpox|monkeypox|variole du singe|variole|smallpox|flu|influenza|grippe|"
    "bird flu|avian flu|avian influenza|grippe aviaire|ebola|zika|polio|poliomyélite|"
    "tuberculosis|tuberculose|hiv|vih|aids|sida|diabetes|diabète|obesity|obésité|"
    "hepatitis|hépatite|meningitis|méningite|whooping cough|coqueluche|bronchiolitis|"
    "bronchiolite|salmonella|salmonellose|listeria|listériose|legionella|légionellose|"
    "rsv|vrs|typhoid|typhoïde|yellow fever|fièvre jaune|rabies|scarlet fever|scarlatine|"
    "mumps|oreillons|rubella|rubéole|chickenpox|varicelle|norovirus|gastro-enteritis|"
    "gastro-entérite|syphilis|gonorrhoea|gonorrhée|diphtheria|diphtérie|tetanus|tétanos|"
    "lyme disease|maladie de lyme|west nile virus|virus du nil occidental|cancer|"
    "alzheimer|parkinson|anthrax|plague|peste|leprosy|lèpre|sars|mers|h5n1"
)

# Heads that say what kind of organisation or product a name is, by meaning in either
# language: "la start-up" refers back to the name once called "une jeune pousse", not
# to the company called "the chipmaker". Heads that any firm is called ("the company",
# "le groupe") are left out: they tell firms apart from nothing.
_HEAD_MEANINGS = {
    "start-up": "start-up|startup|jeune pousse|upstart|licorne|unicorn|newcomer|challenger",
    "fund": "fund|fonds|hedge fund|fonds spéculatif|investment fund|fonds d'investissement",
    "bank": "bank|banque|lender|banque centrale|central bank",
    "chipmaker": "chipmaker|chip maker|chip designer|fabricant de puces|concepteur de puces",
    "carmaker": "carmaker|automaker|constructeur|constructeur automobile",
    "club": "club|side",
    "party": "party|parti|formation",
    "agency": "agency|agence|watchdog|regulator|régulateur|gendarme",
    "laboratory": "laboratory|lab|laboratoire|drugmaker|labo",
    "airline": "airline|compagnie aérienne|compagnie",
    "insurer": "insurer|assureur",
    "retailer": "retailer|distributeur|enseigne|chain|chaîne",
    "model": "model|modèle",
    "app": "app|application|appli",
    "vaccine": "vaccine|vaccin|jab|shot",
    "chatbot": "chatbot|assistant|agent conversationnel",
    "phone": "phone|smartphone|handset|téléphone",
    "index": "index|indice",
    "ministry": "ministry|ministère|department",
    "university": "university|université|school|école",
    "country": "country|nation|pays",
    "bloc": "bloc|union|the 27|les vingt-sept|les 27",
}
HEAD_MEANING = {
    fold(head): meaning for meaning, heads in _HEAD_MEANINGS.items() for head in heads.split("|")
}

# What governments, parties, unions and firms propose, sign, pass or call: a story names
# one by a common noun ("a state pact", "la réforme des retraites") and refers back to it
# by its head ("the pact", "ce plan").
POLICY_HEADS = _set(
    "pact plan deal agreement accord treaty reform law bill budget ceasefire truce summit "
    "strategy programme program initiative tax levy strike referendum scheme package "
    "roadmap charter convention protocol framework "
    "pacte plan accord traité réforme loi budget trêve cessez-le-feu sommet stratégie "
    "programme initiative taxe impôt grève référendum dispositif charte convention protocole"
)

# What an undertaking (a plan, a reform, a programme) costs, as a noun after "its"/"son":
# singular, since "its costs"/"ses coûts" are a firm's running costs.
UNDERTAKING_COSTS = {
    "en": _set("cost bill budget funding financing"),
    "fr": _set("coût montant budget financement facture enveloppe"),
}

# Days the press names without naming the period they end: "on deadline day" is the last
# day of the football transfer window (the French press says "deadline day" too).
PERIOD_OF_DAY = {
    "en": {"deadline day": "transfer window", "transfer deadline day": "transfer window"},
    "fr": {"deadline day": "mercato"},
}

# --- referring back --------------------------------------------------------------------

# Subject pronouns, by language: what each may stand for.
PRONOUNS = {
    "en": {"he": {PERSON}, "she": {PERSON}, "it": {ORG, PRODUCT, PLACE, OTHER},
           "they": {ORG, PERSON, OTHER}},
    "fr": {"il": {PERSON, ORG, PRODUCT, PLACE, OTHER}, "elle": {PERSON, ORG, PRODUCT, PLACE, OTHER},
           "ils": {ORG, PERSON, OTHER}, "elles": {ORG, PERSON, OTHER}},
}  # fmt: skip
POSSESSIVES = {
    "en": {"its": {ORG, PRODUCT, PLACE, OTHER}, "his": {PERSON}, "her": {PERSON},
           "their": {ORG, PERSON, OTHER}},
    "fr": {"son": {PERSON, ORG, PRODUCT, PLACE, OTHER}, "sa": {PERSON, ORG, PRODUCT, PLACE, OTHER},
           "ses": {PERSON, ORG, PRODUCT, PLACE, OTHER}, "leur": {ORG, PERSON, OTHER},
           "leurs": {ORG, PERSON, OTHER}},
}  # fmt: skip
# Determiners before a referring noun phrase ("the company", "cette start-up").
DEFINITE = {
    "en": _set("the this that these those"),
    "fr": _set("le la l' les ce cet cette ces du des au aux"),
}

# --- sources and speech ------------------------------------------------------------------

# Verbs that cite a source: "X said", "a déclaré X".
SPEECH_VERBS = {
    "en": _set(
        "puts put pegs pegged said says say told tells stated states added adds noted notes "
        "explained explains "
        "announced announces reported reports estimated estimates wrote writes argued argues "
        "claimed claims insisted insists warned warns acknowledged acknowledges confirmed "
        "confirms according predicted predicts forecast forecasts calculated calculates "
        "revealed reveals disclosed discloses indicated indicates showed shows found finds "
        "suggested suggests believes believed thinks thought"
    ),
    "fr": _set(
        "déclare déclaré a_déclaré affirme affirmé assure assuré indique indiqué précise "
        "précisé explique expliqué annonce annoncé estime estimé rapporte rapporté souligne "
        "souligné ajoute ajouté rappelle rappelé note noté confie confié prévient prévenu "
        "avance avancé calcule calculé révèle révélé montre montré juge jugé insiste insisté "
        "reconnaît reconnu confirme confirmé selon écrit prévoit prévu détaille détaillé "
        "observe observé relève relevé constate constaté"
    ),
}
# "according to X", "selon X", "d'après X", "X said": X is who says it, not what it is about.
SOURCE_INTRODUCERS = {
    "en": ("according to", "as reported by", "reported by", "cited by", "data from",
           "figures from", "estimates from", "a report by", "a study by", "a survey by",
           "sources told", "told"),
    "fr": ("selon", "d'après", "d’après", "aux yeux de", "de l'avis de", "citée par", "cité par",
           "rapporte", "données de", "chiffres de", "estimations de", "une étude de",
           "un rapport de", "une enquête de", "un sondage"),
}  # fmt: skip

# Stock market indices: what "cédait 3 %" says of them is a change of level, not of a
# share price. Folded, as in running text ("S&P 500", "CAC 40").
INDEX_NAMES = _phrases(
    "nasdaq|nasdaq composite|nasdaq 100|s&p 500|s&p|standard & poor's 500|dow jones|"
    "dow jones industrial average|dow|cac 40|cac|sbf 120|ftse 100|ftse 250|ftse|dax|dax 40|"
    "nikkei|nikkei 225|topix|hang seng|shanghai composite|csi 300|kospi|sensex|nifty 50|"
    "euro stoxx 50|stoxx 600|stoxx europe 600|msci world|ibex 35|ftse mib|aex|bel 20|smi|"
    "russell 2000|asx 200|tsx|bovespa|ipc"
)
# The press and the agencies whose figures articles cite: sources, rarely subjects.
MEDIA_NAMES = _phrases(
    "bloomberg|reuters|afp|agence france-presse|associated press|ap|dow jones newswires|"
    "financial times|ft|the financial times|wall street journal|wsj|the wall street journal|"
    "new york times|the new york times|nyt|washington post|the washington post|the guardian|"
    "guardian|bbc|cnn|cnbc|forbes|fortune|the economist|economist|the information|techcrunch|"
    "the verge|wired|politico|axios|nikkei|les echos|le monde|le figaro|libération|"
    "le parisien|l'équipe|ouest-france|franceinfo|france info|bfm|bfmtv|bfm business|"
    "challenges|la tribune|le point|l'express|l'obs|mediapart|sud ouest|le journal du dimanche|"
    "jdd|france 24|rfi|tf1|france 2|lci|europe 1|rtl|radio france|les décodeurs|"
    "the times|the telegraph|daily mail|the independent|sky news|al jazeera|xinhua|"
    "south china morning post|scmp|handelsblatt|der spiegel|el país|corriere della sera|"
    "la repubblica|the atlantic|vox|business insider|insider|yahoo finance|marketwatch|"
    "barron's|morningstar|s&p global|moody's|fitch|pitchbook|crunchbase|dealroom|"
    "statista|similarweb|sensor tower|appfigures|data.ai|ifop|ipsos|elabe|odoxa|harris "
    "interactive|opinionway|yougov|gallup|pew research center|morning consult|"
    "bloomberg billionaires index|forbes real-time billionaires|l'agence france-presse"
)

# --- countries and international bodies, in both languages ---------------------------------

# Short forms and second names the CLDR data leaves out.
_PLACE_VARIANTS = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "the United States", "the US",
           "the U.S.", "États-Unis d'Amérique", "Etats-Unis", "Outre-Atlantique"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "the UK", "Grande-Bretagne",
           "Angleterre", "England", "Outre-Manche"),
    # The French press's names for neighbours: "outre-Rhin" is Germany, "outre-Quiévrain"
    # Belgium, "outre-Atlantique" the United States, "outre-Manche" Britain.
    "DE": ("Outre-Rhin",),
    "BE": ("Outre-Quiévrain",),
    "NL": ("Holland", "the Netherlands", "Hollande"),
    "CN": ("mainland China",),
    "KR": ("Korea",),
    "RU": ("Russian Federation",),
    "CD": ("Democratic Republic of the Congo", "DRC", "RDC", "RD Congo",
           "République démocratique du Congo"),
    "CZ": ("Czech Republic", "République tchèque"),
    "AE": ("UAE", "EAU", "Emirates"),
    "EU": ("EU", "E.U.", "UE", "the EU", "the European Union", "l'UE", "Union européenne"),
    "EZ": ("eurozone", "euro zone", "euro area", "the euro area", "zone euro", "Eurozone"),
    "UN": ("UN", "U.N.", "ONU", "the UN", "Organisation des Nations unies", "Nations unies"),
}  # fmt: skip
# International bodies: one key, their names and acronyms in both languages.
_BODIES = {
    "IMF": ("IMF", "International Monetary Fund", "FMI", "Fonds monétaire international"),
    "WHO": ("WHO", "World Health Organization", "World Health Organisation", "OMS",
            "Organisation mondiale de la santé"),
    "ECB": ("ECB", "European Central Bank", "BCE", "Banque centrale européenne"),
    "FED": ("Fed", "Federal Reserve", "US Federal Reserve", "Réserve fédérale",
            "Réserve fédérale américaine"),
    "OECD": ("OECD", "Organisation for Economic Co-operation and Development",
             "Organization for Economic Cooperation and Development", "OCDE",
             "Organisation de coopération et de développement économiques"),
    "WTO": ("WTO", "World Trade Organization", "OMC", "Organisation mondiale du commerce"),
    "NATO": ("NATO", "OTAN", "North Atlantic Treaty Organization",
             "Organisation du traité de l'Atlantique nord"),
    "WB": ("World Bank", "Banque mondiale"),
    "EC": ("European Commission", "Commission européenne"),
    "EP": ("European Parliament", "Parlement européen"),
    "IEA": ("IEA", "International Energy Agency", "AIE", "Agence internationale de l'énergie"),
    "IPCC": ("IPCC", "Intergovernmental Panel on Climate Change", "GIEC",
             "Groupe d'experts intergouvernemental sur l'évolution du climat"),
    "ILO": ("ILO", "International Labour Organization", "OIT",
            "Organisation internationale du travail"),
    "WMO": ("WMO", "World Meteorological Organization", "OMM",
            "Organisation météorologique mondiale"),
    "UNICEF": ("UNICEF", "Unicef"),
    "FIFA": ("FIFA", "Fifa"),
    "UEFA": ("UEFA", "Uefa"),
    "IOC": ("IOC", "International Olympic Committee", "CIO", "Comité international olympique"),
    "OPEC": ("OPEC", "Organization of the Petroleum Exporting Countries", "OPEP",
             "Organisation des pays exportateurs de pétrole"),
}  # fmt: skip
_REGIONS = ("002", "142", "150", "019", "009", "419", "021", "005", "145", "154", "155", "039")


@functools.cache
def equivalents() -> dict[str, tuple[str, ...]]:
    """Folded place or body name -> every name it is known by, English name first."""
    english, french = Locale("en").territories, Locale("fr").territories
    groups: list[tuple[str, ...]] = []
    for code, name in english.items():
        if not (len(code) == 2 and code.isalpha()) and code not in _REGIONS:
            continue
        names = [name, french.get(code, name), *_PLACE_VARIANTS.get(code, ())]
        groups.append(tuple(dict.fromkeys(names)))
    groups += [tuple(names) for names in _BODIES.values()]
    table: dict[str, tuple[str, ...]] = {}
    for names in groups:
        for name in names:
            table.setdefault(fold(name).removeprefix("the "), names)
    return table


@functools.cache
def place_names() -> frozenset[str]:
    """Folded names of countries and world regions (not bodies): what "the country" refers to."""
    english, french = Locale("en").territories, Locale("fr").territories
    names = set()
    for code, name in english.items():
        if (len(code) == 2 and code.isalpha()) or code in _REGIONS:
            names |= {fold(name), fold(french.get(code, name))}
            names |= {fold(v).removeprefix("the ") for v in _PLACE_VARIANTS.get(code, ())}
    return frozenset(names)


@functools.cache
def body_names() -> frozenset[str]:
    return frozenset(fold(name) for names in _BODIES.values() for name in names)


@functools.cache
def place_kinds() -> dict[str, str]:
    """Folded place name -> "country", "bloc" (the EU, the euro area, the UN) or "region"
    (continents): what "the country" or "the bloc" may refer back to."""
    english, french = Locale("en").territories, Locale("fr").territories
    kinds: dict[str, str] = {}
    for code, name in english.items():
        if len(code) == 2 and code.isalpha():
            kind = "bloc" if code in ("EU", "EZ", "UN") else "country"
        elif code in _REGIONS:
            kind = "region"
        else:
            continue
        for variant in (name, french.get(code, name), *_PLACE_VARIANTS.get(code, ())):
            kinds[fold(variant).removeprefix("the ")] = kind
    return kinds


# Business lines and sectors in both languages: how a group's divisions are named in
# English and in French (a "Wines & Spirits" division is "Vins et Spiritueux"), so that one
# division is one subject in either language.
_SECTORS = """
fashion|mode; leather goods|maroquinerie; wines|vins; spirits|spiritueux; watches|montres;
jewelry|joaillerie; jewellery|joaillerie; perfumes|parfums; cosmetics|cosmétiques;
retail|distribution; retailing|distribution; beauty|beauté; luxury|luxe;
banking|banque; retail banking|banque de détail; investment banking|banque d'investissement;
corporate banking|banque de financement; insurance|assurance; asset management|gestion d'actifs;
wealth management|gestion de fortune; energy|énergie; renewables|renouvelables;
aerospace|aéronautique; defence|défense; defense|défense; space|espace;
automotive|automobile; pharmaceuticals|pharmacie; vaccines|vaccins;
consumer health|santé grand public; medical devices|dispositifs médicaux; media|médias;
telecoms|télécoms; software|logiciels; hardware|matériel; advertising|publicité;
hotels|hôtels; food|alimentation; beverages|boissons; dairy|produits laitiers; waters|eaux;
nutrition|nutrition; chemicals|chimie; materials|matériaux; steel|acier; mining|mines;
logistics|logistique; tourism|tourisme; music|musique; publishing|édition;
household products|produits ménagers; personal care|soins personnels; tyres|pneumatiques;
tires|pneumatiques; construction|construction; concessions|concessions; services|services
"""


@functools.cache
def _sector_table() -> dict[str, dict[str, tuple[str, ...]]]:
    """Folded sector name -> its names in the other language, per language of the name."""
    table: dict[str, dict[str, tuple[str, ...]]] = {"en": {}, "fr": {}}
    for pair in _SECTORS.split(";"):
        english, french = (part.strip() for part in pair.split("|"))
        table["en"][fold(english)] = (*table["en"].get(fold(english), ()), french)
        table["fr"][fold(french)] = (*table["fr"].get(fold(french), ()), english)
    return table


def is_sector(word: str, lang: str) -> bool:
    """Whether ``word`` names a business line in ``lang`` ("Distribution", "Retail")."""
    return fold(word) in _sector_table().get(lang, {})


def _qualified_sector(part: str, source: str) -> tuple[str, ...]:
    """A sector with one adjective, in the other language's order: "exclusive retailing" ->
    "distribution exclusive", "distribution exclusive" -> "exclusive retailing". The
    adjective is kept as written, so the name only meets a cognate in the other text."""
    words = part.split()
    if len(words) != 2:
        return ()
    table = _sector_table()[source]
    if source == "en" and words[1] in table and words[0] not in table:
        return tuple(f"{noun} {words[0]}" for noun in table[words[1]])
    if source == "fr" and words[0] in table and words[1] not in table:
        return tuple(f"{words[1]} {noun}" for noun in table[words[0]])
    return ()


# Kinds of product a company makes one of, so that "Halvex's app" is a product of its own,
# in English and in French.
_ONE_PRODUCT = (("app", ("application", "appli")), ("chatbot", ("chatbot",)))
ONE_PRODUCT_HEADS = frozenset(
    {english for english, _french in _ONE_PRODUCT}
    | {name for _english, french in _ONE_PRODUCT for name in french}
)


def product_names(name: str) -> tuple[str, ...]:
    """A company's product named by its kind, in the other language's order: "Halvex app"
    -> "application Halvex", "appli Halvex"; "application Halvex" -> "Halvex app"."""
    words = name.split()
    if len(words) < 2:
        return ()
    for english, french in _ONE_PRODUCT:
        if fold(words[-1]) == english:
            return tuple(f"{kind} {' '.join(words[:-1])}" for kind in french)
        if fold(words[0]) in french:
            return (f"{' '.join(words[1:])} {english}",)
    return ()


def translated_names(name: str) -> tuple[str, ...]:
    """A division named by sectors, in the other language: "Wines & Spirits" ->
    "Vins et Spiritueux", "Exclusive Retailing" -> "Distribution exclusive"; empty when a
    word of the name is no sector's."""
    parts = [p for p in re.split(r"\s*(?:&|,|\band\b|\bet\b)\s*", fold(name)) if p]
    if not parts:
        return ()
    for source, joiners in (("en", (" et ",)), ("fr", (" & ", " and "))):
        table = dict(_sector_table()[source])
        for part in parts:
            if part not in table and _qualified_sector(part, source):
                table[part] = _qualified_sector(part, source)
        if all(part in table for part in parts):
            names = []
            for joiner in joiners:
                for choice in itertools.product(*(table[part] for part in parts)):
                    joined = joiner.join(choice)
                    names.append(joined[:1].upper() + joined[1:])
            return tuple(dict.fromkeys(names))
    return ()
