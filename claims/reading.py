"""Reading a news article: who it names, what refers back to whom, and whom a figure is about.

A figure's claim is only comparable with another source's if it names the same
subject, so the suggester must read a sentence the way a fact-checker does:

- **Entities.** Runs of capitalised words are names ("Kestrel Labs", "Jensen
  Huang", "Banque centrale européenne"); the words around them give their type
  (a person after "chief executive" or with a first name, an organisation after
  "la start-up" or with "Inc", a product after "the model", a place from CLDR's
  country names, a news outlet from the list of the press). Short and full
  names are one entity ("Huang" after "Jensen Huang", "Kestrel" after "Kestrel
  Labs", "ECB" after "European Central Bank (ECB)"), and so are a country's
  names in both languages.
- **References back.** "The company", "la start-up", "le modèle", "il", "its",
  "son" stand for the most salient entity of a fitting type: the subject of the
  sentence before, else the last one named.
- **Whom a figure is about**, in order of how surely the text says it: the
  possessor of what is measured ("la fortune de Jensen Huang", "Falcon-S's
  parameters", "its revenue"), the name an apposition or a relative clause
  describes ("Kestrel Labs, the Lisbon start-up founded in 2019"), the thing a
  figure qualifies ("the 3.5 billion parameter model" → the model the text
  names), the object of a valuation ("values the company at"), then the
  clause's subject. Whoever is cited as the source ("selon Bloomberg",
  "according to the firm", "X said") is never chosen while anything else fits,
  and a name that only says where ("the Lisbon start-up", "à Nantes") or
  complements another word loses to one the clause is about.

Rules over words and punctuation, for French and English news in general: no
model is fetched and no rule names anything an article contains.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from claims import glossary
from claims import newswords as w
from claims.models import normalise_name
from claims.newswords import DISEASE, MEDIA, ORG, OTHER, PERSON, PLACE, PRODUCT, fold

# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|[^\W_]+(?:[-’'&.][^\W_]+)*"  # words, hyphenated names, 3.5, AT&T
    r"|\S"  # punctuation, one character at a time
)
_ELISION_RE = re.compile(r"(?i:jusqu|lorsqu|puisqu|qu|[ldjmnstc])['’](?=[^\W\d_])")
_POSSESSIVE_S_RE = re.compile(r"['’]s\Z")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str  # folded
    is_word: bool = False
    capitalised: bool = False

    def __post_init__(self) -> None:
        first = self.text[:1]
        self.is_word = first.isalnum()
        # "iPhone", "eBay", "xAI" are names; "outre-Atlantique" is not.
        self.capitalised = first.isupper() or (
            first.isalpha() and len(self.text) > 1 and self.text[1].isupper()
        )


def tokenize(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(text, start, end):
        s, word = match.start(), match.group()
        elision = _ELISION_RE.match(word)
        if elision:
            cut = elision.end()
            tokens.append(Token(s, s + cut, word[:cut], fold(word[:cut])))
            s, word = s + cut, word[cut:]
        possessive = _POSSESSIVE_S_RE.search(word)
        if possessive and len(word) > 2:
            cut = possessive.start()
            tokens.append(Token(s, s + cut, word[:cut], fold(word[:cut])))
            tokens.append(Token(s + cut, s + len(word), word[cut:], "'s"))
            continue
        tokens.append(Token(s, s + len(word), word, fold(word)))
    return tokens


# --------------------------------------------------------------------------
# Word classes
# --------------------------------------------------------------------------


def _set(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# Capitalised words that are not names: months and days (capitalised in
# English), acronyms of roles and common nouns, words that open sentences.
_NOT_NAMES = _set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "ceo cfo cto coo pdg dg drh gdp pib ipo ia ai api gpu gpus cpu tpu ev vat tva tv ok pme "
    "tpe eti ong ngo mp mps hiv aids sida covid cdi cdd rsa smic pc "
    "photo photos caption légende crédit credit source sources lire read video vidéo "
    "update mise à jour celsius fahrenheit"
)
_STARTERS = {
    "fr": _set(
        "le la les l un une des il elle ils elles on nous vous je ce cet cette ces c mais et or "
        "donc selon en au aux dans pour par sur depuis après avant cependant pourtant toutefois "
        "ainsi alors de du d son sa ses leur leurs quant si lors malgré face outre enfin "
        "aujourd d'après à l'issue entre sans avec contre plus moins près tous toutes tout "
        "chaque certains certaines plusieurs autre autres même seul seule cela ceci ça qui que "
        "quoi dont où comme parmi vers chez sous grâce hier demain désormais déjà encore "
        "aussi puis lorsque quand tandis alors pendant durant dès jusqu fin début mi "
        "premier première dernier dernière nouveau nouvelle"
    ),
    "en": _set(
        "the a an it he she they we i you this that these those but and or so in on at for by "
        "from after before however yet still its his her their our as if when while according "
        "meanwhile since although though there here what who with without about over under "
        "between during despite last next new first some many most more less all each every "
        "both other another such then now today yesterday only also even once because until "
        "unlike like than into onto upon among amid"
    ),
}
_PREPOSITIONS = {
    "fr": _set(
        "à au aux en dans de du des d' chez pour avec par sur vers contre depuis entre sous "
        "devant derrière face auprès envers parmi sans"
    ),
    "en": _set(
        "in at from to with by for than of into on onto over under between against toward "
        "towards among across behind beyond near via versus vs like including since until "
        "after before during despite throughout"
    ),
}
# "X, qui…", "X, which…": what follows describes X.
_RELATIVES = {"fr": _set("qui dont lequel laquelle"), "en": _set("which who whose")}
_DETERMINERS = {
    "fr": _set("le la l' les un une des ce cet cette ces son sa ses leur leurs notre votre"),
    "en": _set("the a an this that these those its his her their our your"),
}
# Verbs that follow a subject: a capitalised word before one of these is doing, not qualifying.
_AUXILIARIES = {
    "en": _set(
        "is are was were has have had will would can could should may might must does did "
        "said says told raised raises announced announces reported reports plans plans"
    ),
    "fr": _set("a ont est sont était étaient sera seront avait avaient fut va vont peut peuvent"),
}
# French institutions whose names go on in lower case ("Banque centrale européenne").
_INSTITUTION_HEADS = _set(
    "banque union organisation assemblée cour fonds agence conseil parti rassemblement front "
    "haute haut autorité institut office commission ministère direction caisse comité "
    "fédération confédération chambre académie école université centre observatoire "
    "agence mouvement syndicat sénat tribunal société compagnie régie"
)
# What an app or a chatbot is said to be, past the endings _ADJECTIVE_END_RE knows.
_PRODUCT_ADJECTIVES = _set("gratuit gratuite mobile nouvelle nouveau payante payant grand public")
# On folded words: "europeenne" for "européenne".
_ADJECTIVE_END_RE = re.compile(
    r"(?:al|ale|ales|aux|el|elle|elles|ien|ienne|iennes|een|eenne|eennes|ais|aise|aises|ique|"
    r"iques|aire|aires|if|ive|ives|ain|aine|aines|ois|oise|oises|iste|istes|ise|ate|nal|"
    r"nale|naux|ier|iere|ieres|eur|rice)$"
)
# A connector inside a name, after a word that names an institution ("Bank of America").
_NAME_CONNECTORS = _set("of for de du des d' la l' & and")
_CONNECTOR_AFTER = (
    _INSTITUTION_HEADS
    | w.ORG_SUFFIXES
    | _set(
        "bank ministry department court university institute agency council commission fund "
        "office bureau board chamber academy school centre center secretary league tribunal "
        "authority museum hospital port republic kingdom state states city county grand prix "
        "république royaume état ville musée hôpital crédit bourse exchange prix coupe cup "
        "championnat tour"
    )
)
_CLAUSE_OPENERS = {
    "fr": _set(
        "et mais que qu' car donc puis or où si lorsque quand puisque comme alors ainsi "
        "aujourd'hui désormais depuis enfin ensuite pourtant cependant toutefois néanmoins"
    ),
    "en": _set(
        "and but that because while when as so if although though since then where which "
        "now today yet still once until after before whereas unless"
    ),
}
# Nouns an English name qualifies when it stands before them: "the Tesla board".
_QUALIFIED_NOUNS = _set(
    "board shares stock stocks share index market markets economy data deal plant factory "
    "office offices headquarters branch unit division operations business sales revenue "
    "profits results figures numbers region area police army court case trial election "
    "campaign vote ballot parliament cabinet budget policy law strategy plan"
)
_ORDINALS = _set(
    "first second third fourth fifth sixth seventh eighth ninth tenth premier première "
    "deuxième second seconde troisième quatrième cinquième sixième septième huitième neuvième "
    "dixième"
)
_RANKINGS = _set(
    "classement classements palmarès liste indice index ranking rankings list leaderboard "
    "league table tableau chart charts"
)
# "selon X", "according to the firm's X": the words that introduce a cited source.
_INTRODUCED_RE = {
    lang: re.compile(
        r"(?:^| )(?:"
        # Tokens split after an apostrophe: "d'après" is read "d' après".
        + "|".join(
            re.escape(fold(p)).replace("'", "' ?").replace("’", "’ ?")
            for p in sorted(phrases, key=len, reverse=True)
        )
        + r")(?: [^\s,;:.]+){0,2}$"
    )
    for lang, phrases in w.SOURCE_INTRODUCERS.items()
}
_DISEASE_FIRST_WORDS = frozenset(name.split()[0] for name in w.DISEASES)
_PLACE_PREFIX_RE = re.compile(
    r"(?:Saint|Sainte|St|Ste|San|Santa|São|Port|Fort|Mont|Bourg|Villeneuve)-[A-Z]"
)
# Words that open sentences without naming anyone.
_OPENING_WORDS = _set(
    "little much many few most several both all none nothing everything everyone nobody "
    "somebody someone anyone whatever celle-ci celui-ci ceux-ci celles-ci cela ceci tout "
    "tous rien personne chacun chacune aucun aucune plusieurs certains certaines"
)


@functools.cache
def _measure_words(lang: str) -> frozenset[str]:
    """Single words that say what a figure measures ("turnout", "inflation", "revenue"):
    opening a sentence ("Turnout reached 64%"), they are the measure, not a name."""
    from claims.properties import VOCABULARY

    return frozenset(
        fold(cue)
        for spec in VOCABULARY
        for cue in spec.cues.get(lang, ())
        if re.fullmatch(r"[^\W\d_]{5,}", cue)
    )


_SUBORDINATORS = {
    lang: _set(
        "while whereas but although though because since as and when "
        "tandis alors mais bien car puisque lorsque quand et"
    )
    | relatives
    for lang, relatives in _RELATIVES.items()
}
_SMALL_WORDS = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "of",
        "the",
        "and",
        "et",
        "for",
        "pour",
        "&",
        "à",
        "a",
        "en",
    ]
)


def _stem(word: str) -> str:
    """An adjective without its gender and number (folded): "présidentielle",
    "présidentiels" and "présidentiel" read "presidentiel"."""
    word = fold(word).removesuffix("s").removesuffix("e")
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "ln":
        word = word[:-1]
    return word


def _initials(name: str) -> str:
    """ "Rassemblement national" -> "RN", "Organisation mondiale de la santé" -> "OMS"."""
    words = re.split(r"[\s\-’']+", name)
    return "".join(word[0].upper() for word in words if word and fold(word) not in _SMALL_WORDS)


# Verbs whose object is a model being trained ("trained it on 1.2 trillion tokens").
_TRAINING_VERBS = _set(
    "trained train trains training pre-trained pretrained fine-tuned "
    "entraine entrainee entraines entrainer entraînement preentraine"
)
# Adjectives of French institutions' names that end like no other adjective (folded).
_NAME_ADJECTIVES = _set(
    "vert verte verts vertes uni unie unis unies libre libres democrate democrates fort forte "
    "rouge rouges bleu bleue blanc blanche noir noire neuf neuve"
)
# Verbs that often follow a firm's or a person's name opening a sentence (folded).
_NEWS_VERBS = {
    "fr": _set(
        "prevoit annonce leve emploie compte affiche realise depasse recule progresse chute "
        "gagne perd investit rachete acquiert detient vend vaut pese revendique table vise "
        "entend ouvre ferme supprime embauche double triple devient reste lance presente "
        "publie signe obtient remporte conserve totalise enregistre atteint"
    ),
    "en": _set(
        "plans expects raised raises employs reported posted invests bought acquired sold "
        "owns holds lost gained fell rose will could would can may launched released "
        "unveiled signed won kept totals recorded reached became remains opened closed cut "
        "hired doubled tripled"
    ),
}
# Words that open a phrase naming what the sentence is about: "Pour Liverpool, …".
_TOPIC_OPENERS = {"fr": _set("pour chez quant"), "en": _set("for at")}
# Heads that would make any name a country: only the country names themselves are.
_NATION_HEADS = _set("country nation state economy bloc pays etat economie")
# Prepositions that say where a figure was counted: "across the bloc", "en France".
_WHERE_PREPOSITIONS = {
    "en": _set("in across throughout"),
    "fr": _set("en dans au aux a à"),
}
# Participles that say what an amount is spent on, and the words before what it is.
_SPENT = {
    "fr": _set(
        "engagé engagée engagés engagées dépensé dépensée dépensés dépensées consacré "
        "consacrée consacrés consacrées alloué allouée alloués allouées investi investis "
        "injecté injectés débloqué débloqués"
    ),
    "en": _set("spent invested allocated earmarked committed devoted"),
}
_SPENT_ON = {"fr": _set("dans pour à au aux"), "en": _set("on in into for to")}
_ARTICLES = {"fr": _set("le la l' les un une des"), "en": _set("the a an")}
# Prepositions after a participle that picks some of a plural name: "ralliés à".
_RALLIED_TO = _set("à au aux avec derrière to with behind")
# "le 1er septembre, dernier jour du mercato", "30 June, the last day of the year".
_BOUNDARY_DAYS = _set("dernier dernière premier première last first final opening closing")
_DAY_NOUNS = _set("jour journée day date")
# What a person promises or forecasts (not what they plan to do: "promet de", "expects to").
_FORECAST_VERBS = {
    "fr": _set("promet promis promettent espère espéré table misé mise parie parié"),
    "en": _set("promised promises pledged pledges vowed vows expects expected forecasts hopes"),
}
_FORECAST_VERBS_ON = _set("table mise misé parie parié")
# "chez les jeunes", "among children": the group a figure is counted in.
_AMONG = {"fr": _set("chez parmi"), "en": _set("among amongst")}
# Nouns between a price and what it is for: "a £35m move for …".
_DEAL_NOUNS = _set("move bid offer deal fee transfer offre transfert")
# Irregular English past participles that take an agent ("paid by", "spent by").
_IRREGULAR_PARTICIPLES = _set(
    "paid spent made held sold bought won set given taken raised lent built brought "
    "kept lost put quoted cut shown seen told"
)
# Verbs whose object is what a price buys.
_ACQUIRING_VERBS = _set(
    "sign signs signed signing buy buys bought buying acquire acquires acquired acquiring "
    "add adds added adding land lands landed recruit recruits recruited snap snapped "
    "signer signé recruter recruté recrute acheter acheté achète racheter racheté rachète "
    "acquérir acquis acquiert enrôler enrôlé"
)
# Verbs that say how a count moves: where "the number of strikers rose" ends its noun.
_COUNT_VERBS = _set(
    "rose rises rise fell falls fall grew grows grow hit hits reached reaches stood stands "
    "remains remain keeps keep tops topped doubled tripled jumped soared dropped "
    "climbs climb"
)
# English words in -ing that open a sentence as prepositions, not as a participle.
_NOT_GERUNDS = _set(
    "according during following including regarding concerning excluding considering "
    "notwithstanding pending barring bring king spring string thing nothing something "
    "anything everything morning evening"
)
# French past participles that do not end in "é": "Neymar, parti de Barcelone …".
_FRENCH_PARTICIPLES = _set(
    "parti partie partis parties venu venue venus revenu revenue élu élue élus élues "
    "promu promue acquis acquise acquises mis mise pris prise repris reprise sorti sortie "
    "sortis établi établie choisi choisie cédé vendu vendue vendus conclu conclue obtenu "
    "obtenue détenu détenue construit construite produit produite"
)
# Words opening an apposition that only says where: ", dans le centre du pays,".
_PLACE_APPOSITION_OPENERS = _set("dans en à au aux près in near at outside inside north south")
_OF_WORDS = _set("of de d' d’ du des")
# Nouns whose "de"/"of" complement is their own name: "la ville de Lisbonne", "the city of
# Lisbon", "le club de Montclair"; not "le parti de Marine Le Pen", which is hers.
_APPELLATION_HEADS = _set("club ville commune city town village")
_BEGAN = _set("began begun started start starts begins")
# Series of records, and the French nouns of their start ("le début des relevés").
_RECORD_NOUNS = _set("records statistics data measurements statistiques relevés données mesures")
_RECORDS_START = _set("début lancement création")
# People counted as members of a body: "500 soldiers from the unit".
_MEMBER_NOUNS = _set(
    "soldiers troops workers employees staff officers firefighters volunteers members players "
    "engineers researchers doctors nurses police agents "
    "soldats militaires salariés employés ouvriers pompiers volontaires membres joueurs "
    "ingénieurs chercheurs médecins infirmiers policiers gendarmes agents"
)
# Events a text names by a common noun, whose length and date are theirs.
_EVENT_NOUNS = _set(
    "heatwave heatwaves drought strike strikes blockade lockdown shutdown outage blackout "
    "ceasefire truce siege war campaign festival tournament summit trial storm flood floods "
    "blaze wildfire fire eruption epidemic outbreak recession crisis "
    "canicule sécheresse grève grèves blocage confinement panne trêve cessez-le-feu siège "
    "guerre campagne festival tournoi sommet procès tempête inondation incendie éruption "
    "épidémie récession crise"
)
# What opens a descriptive name ("a state pact", "un pacte d'État") and its complement
# ("on the climate emergency", "face à l'urgence climatique").
_INDEFINITE = {"en": _set("a an"), "fr": _set("un une")}
_NAME_COMPLEMENTS = {"en": _set("on for against"), "fr": _set("contre sur pour")}
# Verbs of wanting: "he wants the reform passed by June", "dont il souhaite poser les bases
# dès septembre": the date is when what is wanted should be done.
_WISH_VERBS = {
    "en": _set("want wants wanted hope hopes hoped expect expects expected"),
    "fr": _set(
        "souhaite souhaitent souhaitait souhaiterait veut veulent voulait voudrait espère "
        "espèrent espérait"
    ),
}
# The mark of an entity named by a common noun of policy (newswords.POLICY_HEADS).
POLICY = "policy"
# Nouns for buying a company: "a $8bn takeover of Paramount".
_ACQUIRING_NOUNS = _set("takeover acquisition purchase buyout bid rachat achat acquisition reprise")
# French words that open a sentence and end like a past participle but are not one.
_NOT_PARTICIPLES = _set(
    "côté aussi ainsi parmi depuis ici voici voilà lundi mardi mercredi jeudi vendredi "
    "samedi dimanche aujourd'hui aujourd’hui midi celui lui moi toi oui puis jadis "
    "mi-août mi-avril mi-juin mi-mai parmi"
)
_QUOTES_OPEN = '«“"‘('
_QUOTES_CLOSE = '»”"’)'
_HARD_BOUNDARIES = frozenset(';:—–()[]«»“”"')


# --------------------------------------------------------------------------
# Entities and mentions
# --------------------------------------------------------------------------


@dataclass(eq=False)
class Entity:
    name: str
    type: str
    keys: set[str] = field(default_factory=set)
    known: str = ""
    first: int = 0
    last: int = 0
    count: int = 0
    # Set when the type came from strong evidence (a title, a suffix, a head noun).
    sure: bool = False
    # What the text called it ("start-up", "fund"), by meaning: see newswords.HEAD_MEANING.
    heads: set[str] = field(default_factory=set)
    # Every way the text wrote its name ("Jensen Huang", "Huang"; "EFFIS").
    spellings: set[str] = field(default_factory=set)
    # A group named by a common noun ("triangulaires"): the subject of its own count,
    # never what the next sentences go on about.
    group: bool = False
    # The adjectives of the descriptions that named it ("présidentiel"), as ``_stem`` reads them.
    qualifiers: set[str] = field(default_factory=set)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Its other names: the text's other spellings, and for a country or an
        international body its names in the other language."""
        names = set(self.spellings)
        names.update(w.equivalents().get(fold(self.name).removeprefix("the "), ()))
        names.update(w.translated_names(self.name))  # "Wines & Spirits": "Vins et Spiritueux"
        names.update(w.product_names(self.name))  # "Halvex app": "application Halvex"
        subject = normalise_name(self.subject)
        return tuple(sorted({n for n in names if normalise_name(n) != subject}))

    @property
    def subject(self) -> str:
        return self.known or self.name

    def fits(self, types: Iterable[str]) -> bool:
        types = set(types)
        return self.type in types or (self.type == OTHER and PERSON not in types - {OTHER})


@dataclass(eq=False)
class Mention:
    start: int
    end: int
    entity: Entity
    how: str  # name | pronoun | possessive | description
    first_token: int
    last_token: int
    complement: bool = False  # after a preposition: says where, or complements a word
    source: bool = False  # cited as the source of what the sentence says
    modifier: bool = False  # "the Lisbon start-up": a name qualifying a noun


@dataclass
class SentenceReading:
    start: int
    end: int
    tokens: list[Token]
    mentions: list[Mention]
    subject: Entity | None = None


# --------------------------------------------------------------------------
# The reader
# --------------------------------------------------------------------------

KnownLookup = Callable[[set[str]], Mapping[str, str]]


class Reader:
    """One article, read once: its entities, and per sentence the mentions of them.

    ``known`` maps folded names (``normalise_name``) to the workbench's subjects;
    it is called once with every candidate spelling in the text.
    """

    def __init__(
        self,
        text: str,
        sentences: Iterable[tuple[int, int]],
        lang: str,
        *,
        known: KnownLookup | None = None,
        figures: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        # Words inside a figure ("US$593.7 billion") are not names.
        self._in_figures: set[int] = set()
        spans = sorted(figures)
        self._figure_starts = [start for start, _end in spans]
        self._figure_ends = [end for _start, end in spans]
        self.lang = lang
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        sentence_spans = list(sentences)
        token_lists = [tokenize(text, start, end) for start, end in sentence_spans]
        starts = [start for start, _end in spans]
        for tokens in token_lists:
            for token in tokens:
                k = bisect.bisect_right(starts, token.start) - 1
                if k >= 0 and spans[k][0] <= token.start < spans[k][1]:
                    self._in_figures.add(token.start)
        spans = sentence_spans
        self._capitalised_inside = self._names_inside(token_lists)
        # Words the text writes in lower case somewhere: not names where they open a sentence.
        self._lower_words = {t.low for tokens in token_lists for t in tokens if t.text.islower()}
        self.sentences: list[SentenceReading] = []
        # The headline: the first line, where the article names what it is about.
        first_line = text.find("\n")
        self._headline_end = first_line if first_line > 0 else 0
        # The head noun the last typing or description read (see HEAD_MEANING).
        self._last_head = ""
        raw_names = [self._name_runs(tokens) for tokens in token_lists]
        self._resolved = self._lookup_known(raw_names, token_lists, known)
        previous: Entity | None = None
        for (start, end), tokens, runs in zip(spans, token_lists, raw_names, strict=True):
            reading = SentenceReading(start, end, tokens, [])
            self._read_names(reading, runs)
            self._read_coordinated(reading)
            self._read_diseases(reading)
            self._read_counted_groups(reading)
            self._read_groups_among(reading)
            self._read_spent_on(reading)
            self._read_day_of(reading)
            self._read_policies(reading)
            self._read_references(reading, previous)
            self._mark_roles(reading)
            reading.subject = self._sentence_subject(reading)
            if reading.subject is not None:
                previous = reading.subject
            self.sentences.append(reading)

    # --- names -----------------------------------------------------------------------

    def _names_inside(self, token_lists: list[list[Token]]) -> set[str]:
        """Words written with a capital somewhere other than at a sentence's start."""
        inside = set()
        for tokens in token_lists:
            words = [t for t in tokens if t.is_word]
            for previous, token in itertools.pairwise(words):
                if token.capitalised and previous.text not in ":":
                    inside.add(token.text)
        return inside

    def _is_name_token(self, tokens: list[Token], i: int) -> bool:
        token = tokens[i]
        if not token.is_word or not token.capitalised or token.text[-1:] in "'’":
            return False  # "L'" of "L'Espagne" is an article
        if token.low in _NOT_NAMES or (token.low in w.PERSON_ROLES and token.text.isupper()):
            return False
        if token.start in self._in_figures and (
            any(c.isdigit() for c in token.text) or (token.text.isupper() and len(token.text) <= 3)
        ):
            # "US$593.7 billion"; but a rank's "premier parti de France" still names France.
            return False
        if (
            w.is_demonym(token.text)
            and token.low not in w.place_names()
            and not (i + 1 < len(tokens) and tokens[i + 1].capitalised and tokens[i + 1].is_word)
        ):
            return False
        if w.is_demonym(token.text) and i > 0 and tokens[i - 1].low in ("le", "la", "les", "l'"):
            return False  # "le Brésilien Neymar": a nationality before the name
        if token.text.isdigit():
            return False
        first_word = next((j for j, t in enumerate(tokens) if t.is_word), None)
        opens = i == first_word or (
            i > 0 and tokens[i - 1].text in _QUOTES_OPEN + "–—-:" and i - 1 <= (first_word or 0) + 1
        )
        if opens:
            if token.low in _STARTERS[self.lang] or (token.low in w.TITLES and len(token.text) > 2):
                return token.low in w.TITLES and i + 1 < len(tokens) and tokens[i + 1].capitalised
            if self._common_word(token) and token.text not in self._capitalised_inside:
                # "Neighbouring Portugal", "Firefighters declared…": a word that only
                # opens the sentence.
                return False
            looks_like_name = (
                token.text in self._capitalised_inside
                or re.match(r".+[A-Z0-9]|.*[0-9]", token.text) is not None
                or token.low in w.FIRST_NAMES
                or (i + 1 < len(tokens) and tokens[i + 1].capitalised and tokens[i + 1].is_word)
                or token.low in w.place_names()
                or token.low in w.body_names()
                or token.low in w.MEDIA_NAMES
                # "Orbis a levé…", "Orbis raised…": the sentence's subject, then its verb.
                or (i + 1 < len(tokens) and tokens[i + 1].low in _AUXILIARIES[self.lang])
                # "Orvane prévoit d'investir…", "Orvane plans to…": then a verb of the news.
                or (
                    i + 1 < len(tokens)
                    and tokens[i + 1].text.islower()
                    and (
                        tokens[i + 1].low in _NEWS_VERBS[self.lang]
                        or tokens[i + 1].low in w.SPEECH_VERBS[self.lang]
                    )
                )
            )
            return looks_like_name
        return True

    def _common_word(self, token: Token) -> bool:
        """Whether a capitalised word opening a sentence reads as an ordinary word: it is
        written in lower case elsewhere in the text, or ends the way adjectives,
        participles and plural nouns of the language do."""
        if token.low in self._lower_words:
            return True
        if token.low in w.FIRST_NAMES or token.low in w.place_names():
            return False
        # "Wildfires have scorched…" where the text writes "wildfire" elsewhere: the same
        # noun, in the plural or the singular.
        low = token.low
        if {low[:-1], low + "s", low + "x", low[:-1] + "es"} & self._lower_words and len(low) > 3:
            return True
        if token.low in _OPENING_WORDS or low in _measure_words(self.lang):
            return True
        if self.lang == "en":
            # Plural nouns of people the press opens with: "Officials put…", "Analysts
            # expect…", "Residents fled…".
            return (
                re.search(
                    r"(?:ing|ed|ly|ers|ists|ians|ous|ive|ful|less|tion|sion|ity|ness|ment|ance|"
                    r"ence|ism|cials|ysts|dents)$",
                    token.low,
                )
                is not None
            )
        return token.text.endswith(
            ("é", "ée", "és", "ées", "tion", "tions", "sion", "ment", "ments", "ité", "ités",
             "isme", "ance", "ence", "eurs", "euses", "istes", "iques", "ives", "ants")
        )  # fmt: skip

    def _name_runs(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """(first, last) token indexes of each run of capitalised words, connectors inside."""
        runs: list[tuple[int, int]] = []
        i = 0
        n = len(tokens)
        while i < n:
            ampersand = (
                # "Wines & Spirits fared worst": a capitalised word joined by "&" to a name
                # is part of it, even where a sentence's first word would not be.
                i + 2 < n
                and tokens[i].capitalised
                and tokens[i].is_word
                and tokens[i + 1].text == "&"
                and self._is_name_token(tokens, i + 2)
            )
            if not (ampersand or self._is_name_token(tokens, i)) or (
                tokens[i].low in w.TITLES
                and (i + 1 < n and tokens[i + 1].capitalised and tokens[i + 1].is_word)
            ):
                i += 1
                continue
            j = i
            while True:
                k = j + 1
                if (
                    k < n
                    and tokens[k].start - tokens[j].end <= 1
                    and self._is_name_token(tokens, k)
                ):
                    j = k
                    continue
                # "Bank of America", "Banque de France", "Ursula von der Leyen"
                gap = k
                while (
                    gap < n
                    and gap - k < 2
                    and (tokens[gap].low in _NAME_CONNECTORS or tokens[gap].low in w.NAME_PARTICLES)
                ):
                    gap += 1
                if (
                    gap > k
                    and gap < n
                    and self._is_name_token(tokens, gap)
                    and (
                        tokens[j].low in _CONNECTOR_AFTER
                        # "Charles de Gaulle", "Ursula von der Leyen"; not "H800 de Nvidia"
                        or (
                            tokens[k].low in w.NAME_PARTICLES
                            and tokens[k].low not in ("la", "le")
                            and tokens[i].low in w.FIRST_NAMES
                        )
                        or tokens[k].low == "&"
                        # "CHU de La Réunion", "SNCF de …": an acronym's "de"
                        or (
                            tokens[j].text.isupper()
                            and tokens[j].text.isalpha()
                            and 2 <= len(tokens[j].text) <= 5
                            and tokens[k].low in ("de", "du", "d'")
                        )
                    )
                ):
                    j = gap
                    continue
                # "Mode et Maroquinerie", "Wines and Spirits": one name after an article or a
                # word such as "division"; never inside a list ("Dior, Celine et Fendi").
                if (
                    k + 1 < n
                    and tokens[k].low in ("et", "and")
                    and self._is_name_token(tokens, k + 1)
                    and i > 0
                    and (
                        tokens[i - 1].low in _DETERMINERS[self.lang]
                        or tokens[i - 1].low in w.ORG_HEADS
                    )
                    and fold(tokens[i].text) not in w.place_names()
                    and fold(tokens[k + 1].text) not in w.place_names()
                    and tokens[i].low not in w.FIRST_NAMES
                ):
                    end = k + 1
                    while end + 1 < n and self._is_name_token(tokens, end + 1):
                        end += 1
                    # "The Global Measles and Rubella Laboratory Network": a longer name
                    # after "and" when it ends as an organisation's name does.
                    if end == k + 1 or tokens[end].low in w.ORG_SUFFIXES:
                        j = end
                        break
                # "Banque centrale européenne", "Organisation mondiale de la santé"; a
                # business line after an article, "la Distribution sélective"
                if self.lang == "fr" and (
                    tokens[i].low in _INSTITUTION_HEADS
                    or tokens[j].low in _INSTITUTION_HEADS
                    or (
                        i == j
                        and i > 0
                        and tokens[i - 1].low in _DETERMINERS[self.lang]
                        and w.is_sector(tokens[i].text, "fr")
                    )
                ):
                    end = self._institution_tail(tokens, j + 1)
                    if end > j:
                        j = end
                        break
                break
            i, j = self._spelled_out(tokens, i, j)
            if (
                i > 1
                and tokens[i - 1].text in ("L'", "L’")
                and tokens[i - 1].end == tokens[i].start
            ):
                i -= 1  # "Hermès 0,71 % et L'Oréal 2,63 %": a capital "L'" within a sentence
            if (
                j + 1 < n
                and tokens[j + 1].text.isdigit()
                and fold(self.text[tokens[i].start : tokens[j + 1].end]) in w.INDEX_NAMES
            ):
                j += 1  # "S&P 500", "CAC 40"
            runs.append((i, j))
            i = j + 1
        return runs

    def _spelled_out(self, tokens: list[Token], i: int, j: int) -> tuple[int, int]:
        """The run's first and last tokens, taking in the lower-case words and the article
        that the acronym in brackets right after spells: "La France insoumise (LFI)",
        "La Gauche unie (LGU)", "Parti des travailleurs (PT)"."""
        n = len(tokens)
        starts = [i]
        if i > 0 and tokens[i - 1].capitalised and tokens[i - 1].low in _DETERMINERS[self.lang]:
            starts.append(i - 1)
        for extra in (0, 1, 2, 3):
            close = j + extra + 1
            if close + 2 >= n or tokens[close].text != "(" or tokens[close + 2].text != ")":
                continue
            words = tokens[j + 1 : close]
            if not all(t.is_word and t.text.islower() for t in words):
                break
            acronym = tokens[close + 1].text
            if not (acronym.isupper() and len(acronym) >= 2):
                break
            for start in starts:
                name = self.text[tokens[start].start : tokens[close - 1].end]
                every = "".join(word[0].upper() for word in re.split(r"[\s\-’']+", name) if word)
                if acronym in (_initials(name), every):
                    return start, close - 1
        return i, j

    def _institution_tail(self, tokens: list[Token], k: int) -> int:
        """The last token of lower-case words that go on a French institution's name."""
        last = k - 1
        n = len(tokens)
        adjectives = 0
        while k < n:
            token = tokens[k]
            if token.text.islower() and (
                (_ADJECTIVE_END_RE.search(token.low) and len(token.low) > 3)
                or token.low in _NAME_ADJECTIVES
            ):
                last, k, adjectives = k, k + 1, adjectives + 1
                continue
            # "de la santé", "des comptes", "d'assurance maladie"
            if token.low in ("de", "du", "des", "d'") and k + 1 < n:
                step = 2 if tokens[k + 1].low in ("la", "l'") and k + 2 < n else 1
                noun = tokens[k + step]
                if noun.text.islower() and noun.is_word and len(noun.low) > 3:
                    last, k = k + step, k + step + 1
                    continue
            break
        candidate = " ".join(t.text for t in tokens[: last + 1])
        return last if adjectives or fold(candidate) else k - 1

    # --- known subjects ------------------------------------------------------------------

    def _spellings(self, tokens: list[Token], first: int, last: int) -> list[str]:
        """Folded spellings a name may be known by, most specific first: with up to two
        words around it ("X researchers", "the X team"), then the name alone."""
        name = self.text[tokens[first].start : tokens[last].end]
        spellings = []
        for after in (2, 1):
            if last + after < len(tokens) and all(
                t.is_word for t in tokens[last + 1 : last + after + 1]
            ):
                spellings.append(self.text[tokens[first].start : tokens[last + after].end])
        for before in (3, 2, 1):
            if first - before >= 0 and all(t.is_word for t in tokens[first - before : first]):
                spellings.append(self.text[tokens[first - before].start : tokens[last].end])
        spellings.append(name)
        keys = []
        for spelling in spellings:
            key = normalise_name(spelling)
            if key and key not in keys:
                keys.append(key)
        for equivalent in w.equivalents().get(fold(name).removeprefix("the "), ()):
            key = normalise_name(equivalent)
            if key not in keys:
                keys.append(key)
        return keys

    def _lookup_known(
        self,
        runs: list[list[tuple[int, int]]],
        token_lists: list[list[Token]],
        known: KnownLookup | None,
    ) -> dict[str, str]:
        if known is None:
            return {}
        keys = set()
        for tokens, found in zip(token_lists, runs, strict=True):
            for first, last in found:
                keys.update(self._spellings(tokens, first, last))
        return dict(known(keys)) if keys else {}

    # --- typing and linking names ----------------------------------------------------------

    def _type_of(self, tokens: list[Token], first: int, last: int) -> tuple[str, bool]:
        """The name's type from its own words and its neighbours, and whether that is sure."""
        name_tokens = tokens[first : last + 1]
        name = fold(self.text[tokens[first].start : tokens[last].end])
        bare = name.removeprefix("the ")
        if bare in w.place_names():
            return PLACE, True
        if bare in w.body_names():
            return ORG, True
        if bare in w.INDEX_NAMES or (first > 0 and tokens[first - 1].low in ("indice", "index")):
            self._last_head = "index"  # "le S&P 500", "l'indice Nasdaq": a market's level
            return OTHER, True
        if bare in w.MEDIA_NAMES:
            return MEDIA, True
        if bare in w.DISEASES:
            return DISEASE, True
        if name_tokens[-1].low in w.ORG_SUFFIXES and len(name_tokens) > 1:
            return ORG, True
        leading = [t.low for t in name_tokens if t.is_word]
        if leading and leading[0] in w.NEW_WORDS and len(leading) > 2:
            leading = leading[1:]  # "Nouveau Front populaire", "New Democratic Party"
        if len(leading) > 1 and leading[0] in w.ORG_LEADS:
            return ORG, True  # "Rassemblement national", "Banque de France", "Parti socialiste"
        if _PLACE_PREFIX_RE.match(self.text, tokens[first].start):
            return PLACE, True  # "Saint-Paul", "Port-Louis", "Mont-de-Marsan"
        before = [t.low for t in tokens[max(0, first - 4) : first] if t.is_word]
        before_text = " ".join(before)
        # "chief executive Ana Costa", "M. Dupont", "le ministre Bruno Le Maire"
        if before and (before[-1] in w.TITLES or before[-1].rstrip(".") in w.TITLES):
            return PERSON, True
        # "le Brésilien Neymar", "l'Américain Elon Musk": a nationality as a noun, then a name.
        if (
            self.lang == "fr"
            and first >= 2
            and tokens[first - 1].capitalised
            and w.is_demonym(tokens[first - 1].text)
            and tokens[first - 2].low in ("le", "la", "l'", "l’")
        ):
            return PERSON, True
        head = self._head_before(tokens, first)
        if head is not None:
            type_, phrase = head
            self._last_head = phrase
            # "la région X" names a region; "le pays X" is no proof X is a country.
            if type_ != PLACE or bare in w.place_names() or phrase not in _NATION_HEADS:
                return type_, True
        after = tokens[last + 1 : last + 4]
        after_words = [t.low for t in after if t.is_word]
        # "Falcon-S model", "the Nvidia chips": a name before a noun names what the noun is.
        if after_words and after[0].is_word and after[0].text.islower():
            head = after_words[0]
            two = " ".join(after_words[:2])
            if head in w.PRODUCT_HEADS or two in w.PRODUCT_HEADS:
                return PRODUCT, False
        # "X, a start-up…", "X, 62, …", "X (62)"; but in "les puces H800 de Nvidia, une
        # version bridée", the apposition describes the chips, not Nvidia.
        appos = self._apposition_head(tokens, last)
        if appos is not None and first > 0 and tokens[first - 1].low in _PREPOSITIONS[self.lang]:
            # The noun the name complements may be what the apposition describes.
            nouns = {t.low for t in tokens[max(0, first - 4) : first - 1]}
            heads = {PRODUCT: w.PRODUCT_HEADS, ORG: w.ORG_HEADS, PERSON: w.PERSON_HEADS}
            if nouns & heads.get(appos, frozenset()) or any(
                t.capitalised for t in tokens[max(0, first - 3) : first - 1]
            ):
                appos = None
        if appos is not None:
            return appos, True
        if len(name_tokens) >= 2 and name_tokens[0].low in w.FIRST_NAMES:
            return PERSON, True
        surface = self.text[tokens[first].start : tokens[last].end]
        if any(c.isdigit() for c in name) or re.search(r"-[A-Z0-9]{1,3}[a-z]?$", surface):
            return PRODUCT, False  # "GPT-4o", "Falcon-S", "A320"
        if (
            before_text.endswith(("in", "en", "à", "au", "aux", "from", "de"))
            and len(name_tokens) == 1
        ):
            return OTHER, False
        return OTHER, False

    def _head_before(
        self, tokens: list[Token], first: int, *, depth: int = 0
    ) -> tuple[str, str] | None:
        """The noun before a name that says what it is: "la start-up Mistral", "chief
        executive Ana Costa", "une jeune pousse chinoise, DeepSeek"; adjectives may stand
        between, a preposition may not ("le patron de Nvidia" says nothing of Nvidia)
        unless a noun of its own stands before the name ("le champion américain des puces
        d'IA Nvidia", "le fabricant de puces Nvidia")."""
        words: list[str] = []
        k = first - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        # "le département de l'Aude", "the city of Valencia": the place the head names.
        j = k - 1 if k >= 0 and tokens[k].low in ("l'", "l’", "la", "le") else k
        if (
            j >= 1
            and tokens[j].low in ("de", "d'", "d’", "of")
            and (tokens[j - 1].low in w.PLACE_HEADS)
        ):
            return PLACE, tokens[j - 1].low
        while k >= 0 and len(words) < 5 and tokens[k].is_word:
            if tokens[k].low in _PREPOSITIONS[self.lang] or tokens[k].low in ("of", "'s"):
                if (
                    self.lang == "fr"
                    and depth < 2
                    and words
                    and tokens[k].low in ("de", "des", "du", "d'")
                    and not any(t.capitalised for t in tokens[k + 1 : first - 1])
                ):
                    outer = self._head_before(tokens, k, depth=depth + 1)
                    if outer is not None and outer[0] != PERSON:
                        return outer
                break
            words.insert(0, tokens[k].low)
            k -= 1
        for end in range(len(words), 0, -1):
            for size in (3, 2, 1):
                if end - size < 0:
                    continue
                phrase = " ".join(words[end - size : end])
                for heads, type_ in (
                    (w.PERSON_ROLES, PERSON),
                    (w.ORG_HEADS, ORG),
                    (w.PRODUCT_HEADS, PRODUCT),
                    (w.PLACE_HEADS, PLACE),
                ):
                    # "le patron des ventes X" is rare; "le champion des puces X" is a firm.
                    if phrase in heads and not (depth and type_ == PERSON):
                        # Only adjectives may follow the head: "jeune pousse chinoise".
                        rest = words[end:]
                        if all(_ADJECTIVE_END_RE.search(r) or r in w.DEMONYMS for r in rest):
                            return type_, phrase
        return None

    def _apposition_head(self, tokens: list[Token], last: int) -> str | None:
        """The type an apposition right after a name gives it: ", a start-up", ", 62,"."""
        n = len(tokens)
        k = last + 1
        if k >= n or tokens[k].text not in ",(":
            return None
        k += 1
        if (
            k < n
            and tokens[k].text.isdecimal()  # "²" is a digit, not a number int() reads
            and int(tokens[k].text) < 120
            and k + 1 < n
            and tokens[k + 1].text in ",)"
        ):
            return PERSON  # "Jensen Huang, 62,"; but "Saint-Denis (750)" is a count
        words = []
        while k < n and len(words) < 7 and tokens[k].text not in ",;.)":
            if tokens[k].is_word:
                words.append(tokens[k].low)
            k += 1
        openers = _DETERMINERS[self.lang] | {"its", "son", "sa", "leur"}
        if not words or (words[0] not in openers and words[0] not in w.PERSON_ROLES):
            return None
        # "…, la société Valmont a levé": a description naming someone else opens a clause.
        j = last + 2
        while j < n and tokens[j].text not in ",;.)":
            if (
                tokens[j].capitalised
                and tokens[j].is_word
                and j > last + 2
                and not w.is_demonym(tokens[j].text)  # "…, a fund that trades Chinese shares"
            ):
                return None
            j += 1
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i : i + size])
                if phrase in w.PERSON_ROLES or phrase in w.PERSON_HEADS:
                    self._last_head = phrase
                    return PERSON
                if phrase in w.ORG_HEADS:
                    self._last_head = phrase
                    return ORG
                if phrase in w.PRODUCT_HEADS:
                    self._last_head = phrase
                    return PRODUCT
        return None

    def _link(self, name: str, type_: str, sure: bool, keys: list[str], at: int) -> Entity:
        """The entity this name belongs to, made if new; the fullest name wins."""
        key = keys[0] if keys else normalise_name(name)
        entity = next((self._by_key[k] for k in keys if k in self._by_key), None)
        words = key.split()
        if entity is None and len(words) == 1:
            entity = self._short_form_of(key, type_)
        if entity is None:
            entity = self._longer_form_of(key, type_)
        if entity is None and name.isupper() and 2 <= len(name) <= 6:
            entity = self._acronym_of(name)
        if entity is None and len(words) == 1:
            entity = self._place_of_people(name)
        if entity is None and not name.isupper() and " " in name:
            entity = self._expansion_of(name)
        if entity is None:
            entity = Entity(name=name, type=type_, first=at, sure=sure)
            self.entities.append(entity)
        elif (
            len(key) > len(normalise_name(entity.name))
            and not name.isupper()
            and (normalise_name(entity.name) in key or entity.type in (OTHER, type_))
        ):
            entity.name = name
        if sure and (not entity.sure or entity.type == OTHER):
            entity.type, entity.sure = type_, True
        elif entity.type == OTHER and type_ != OTHER:
            entity.type = type_
        for k in keys:
            entity.keys.add(k)
            self._by_key.setdefault(k, entity)
        entity.keys.add(key)
        self._by_key.setdefault(key, entity)
        entity.spellings.add(name)
        entity.last = at
        entity.count += 1
        return entity

    def _short_form_of(self, key: str, type_: str) -> Entity | None:
        """ "Huang" after "Jensen Huang"; "Kestrel" after "Kestrel Labs"."""
        matches = []
        for entity in self.entities:
            words = normalise_name(entity.name).split()
            if len(words) < 2:
                continue
            if entity.type in (PERSON, OTHER) and words[-1] == key and type_ in (PERSON, OTHER):
                matches.append(entity)
            elif (
                entity.type != PERSON
                and words[0] == key
                and type_ != PERSON
                and all(word in w.ORG_SUFFIXES for word in words[1:])
            ):
                # "Kestrel" after "Kestrel Labs"; but "DeepSeek" after "DeepSeek-R1" is the
                # company, not its model.
                matches.append(entity)
        return matches[-1] if len({id(m) for m in matches}) == 1 else None

    def _longer_form_of(self, key: str, type_: str) -> Entity | None:
        """ "Jensen Huang" after a bare "Huang": the earlier short form grows."""
        words = key.split()
        if len(words) < 2:
            return None
        for entity in self.entities:
            short = normalise_name(entity.name)
            if " " in short:
                continue
            if (
                words[-1] == short and type_ in (PERSON, OTHER) and entity.type in (PERSON, OTHER)
            ) or (
                words[0] == short
                and entity.type not in (PERSON, PLACE)
                and type_ != PERSON
                and all(word in w.ORG_SUFFIXES for word in words[1:])
            ):
                return entity
        return None

    def _place_of_people(self, name: str) -> Entity | None:
        """ "70 000 Réunionnais", "les Espagnols": the people of a place the text names are
        counted as the place's figures."""
        folded = fold(name)
        if not re.search(
            r"(?:ais|aise|aises|ois|oise|oises|ien|iens|ienne|iennes|ans|ols|ens)$", folded
        ):
            return None
        for entity in self.entities:
            place = fold(entity.name).removeprefix("la ").removeprefix("le ").removeprefix("l'")
            if entity.type == PLACE and len(place) >= 5 and folded[:5] == place[:5]:
                return entity
        return None

    def _acronym_of(self, acronym: str) -> Entity | None:
        """The entity an acronym abbreviates: "RN" for "Rassemblement national"."""
        for entity in reversed(self.entities):
            if _initials(entity.name) == acronym.upper() and len(acronym) >= 2:
                return entity
        return None

    def _expansion_of(self, name: str) -> Entity | None:
        """The acronym entity a full name expands: "Rassemblement national" after "RN"."""
        initials = _initials(name)
        if len(initials) < 2:
            return None
        for entity in reversed(self.entities):
            if entity.name.isupper() and entity.name == initials:
                return entity
        return None

    def _read_diseases(self, reading: SentenceReading) -> None:
        """Diseases are named in lower case; a health story is about one all along."""
        tokens = reading.tokens
        taken = {k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)}
        for i, token in enumerate(tokens):
            if token.low not in _DISEASE_FIRST_WORDS or i in taken:
                continue
            if token.start in self._in_figures:
                continue
            for size in (3, 2, 1):
                phrase = " ".join(t.low for t in tokens[i : i + size])
                if len(tokens[i : i + size]) == size and phrase in w.DISEASES:
                    last = i + size - 1
                    name = self.text[token.start : tokens[last].end]
                    entity = self._link(
                        name if name.isupper() else name.lower(),
                        DISEASE,
                        True,
                        [normalise_name(name)],
                        token.start,
                    )
                    reading.mentions.append(
                        Mention(token.start, tokens[last].end, entity, "name", i, last)
                    )
                    break
        reading.mentions.sort(key=lambda m: m.start)

    def _read_counted_groups(self, reading: SentenceReading) -> None:
        """ "le nombre de triangulaires est tombé de 306 à 89", "the number of measles
        cases rose to 1,800": a group without a name that a sentence counts is what the
        count is about, named as the text names it; only where no name opens the
        sentence, which would be what it counts."""
        tokens = reading.tokens
        taken = {k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)}
        for i in range(len(tokens) - 2):
            if tokens[i].low != "nombre" and not (
                tokens[i].low == "number" and i > 0 and tokens[i - 1].low == "the"
            ):
                continue
            if tokens[i + 1].low not in ("de", "d'", "d’", "des", "of"):
                continue
            if any(m.how == "name" and m.first_token < i for m in reading.mentions):
                return
            first = k = i + 2
            stop = _AUXILIARIES[self.lang] | _PREPOSITIONS[self.lang] | _CLAUSE_OPENERS[self.lang]
            while (
                k < len(tokens)
                and k < first + 3
                and k not in taken
                and tokens[k].is_word
                and tokens[k].text.islower()
                and not tokens[k].text[:1].isdigit()
                and tokens[k].low not in stop
                and tokens[k].low not in _DETERMINERS[self.lang]
                and tokens[k].low not in _COUNT_VERBS
                and not (self.lang == "en" and tokens[k].low.endswith("ed"))
            ):
                k += 1
            if k == first:
                return
            name = self.text[tokens[first].start : tokens[k - 1].end]
            entity = self._link(name, OTHER, False, [normalise_name(name)], tokens[first].start)
            entity.group = True
            # The mention spans "nombre de …": the count's words stand where a subject
            # stands, not as a complement.
            reading.mentions.append(
                Mention(tokens[i].start, tokens[k - 1].end, entity, "name", i, k - 1)
            )
            reading.mentions.sort(key=lambda m: m.start)
            return

    def _read_groups_among(self, reading: SentenceReading) -> None:
        """ "31 cas graves, dont une quinzaine chez des nourrissons", "unemployment rose to
        12% among young people": the group a figure is counted among, named by a common
        noun, is what it is about (see ``_among``)."""
        tokens = reading.tokens
        taken = {k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)}
        stop = (
            _AUXILIARIES[self.lang]
            | _PREPOSITIONS[self.lang]
            | _CLAUSE_OPENERS[self.lang]
            | _RELATIVES[self.lang]
            | set(w.PRONOUNS[self.lang])
        )
        for i, token in enumerate(tokens):
            if token.low not in _AMONG[self.lang] or i == 0 or i + 1 >= len(tokens):
                continue
            # Right after a figure, or its noun: "une quinzaine chez", "5 % chez", "cases among".
            figure = next(
                (
                    k
                    for k in range(i - 1, max(-1, i - 4), -1)
                    if tokens[k].start in self._in_figures
                ),
                None,
            )
            if figure is None or not all(t.is_word for t in tokens[figure + 1 : i]):
                continue
            first = i + 1
            if tokens[first].low in _DETERMINERS[self.lang]:
                first += 1
            k = first
            while (
                k < len(tokens)
                and k < first + 3
                and k not in taken
                and tokens[k].is_word
                and tokens[k].text.islower()
                and tokens[k].low not in stop
                and tokens[k].low not in _DETERMINERS[self.lang]
                and tokens[k].low not in _STARTERS[self.lang]
                and tokens[k].start not in self._in_figures
                and not (k + 1 < len(tokens) and tokens[k + 1].low in ("'s", "’s"))
            ):
                k += 1
            if k == first:
                continue
            self._add_group(reading, first, k - 1)
        reading.mentions.sort(key=lambda m: m.start)

    def _add_group(self, reading: SentenceReading, first: int, last: int) -> None:
        """A group named by a common noun (tokens ``first`` to ``last``): a complement of
        the sentence, not a name the text gives."""
        tokens = reading.tokens
        name = self.text[tokens[first].start : tokens[last].end]
        entity = self._link(name, OTHER, False, [normalise_name(name)], tokens[first].start)
        entity.group = True
        reading.mentions.append(
            Mention(
                tokens[first].start, tokens[last].end, entity, "name", first, last, complement=True
            )
        )

    def _add_unmentioned_groups(
        self, reading: SentenceReading, spans: Iterable[tuple[int, int] | None]
    ) -> None:
        """Each span as a group (``_add_group``), unless a mention already covers part of it."""
        for span in spans:
            if span is None:
                continue
            first, last = span
            if any(m.first_token <= last and first <= m.last_token for m in reading.mentions):
                continue
            self._add_group(reading, first, last)
        reading.mentions.sort(key=lambda m: m.start)

    def _read_coordinated(self, reading: SentenceReading) -> None:
        """ "le Rassemblement national et ses alliés … 143 élus", "Les Républicains et les
        divers droite totalisent 67 sièges", "Labour and its allies won 300 seats": a name
        joined to a group it does not name is one subject, named as the text names it."""
        tokens = reading.tokens
        ends = (
            _AUXILIARIES[self.lang]
            | _NEWS_VERBS[self.lang]
            | _RELATIVES[self.lang]
            | {"que", "qu'", "that"}
        )
        for mention in list(reading.mentions):
            k = mention.last_token + 1
            if (
                mention.how != "name"
                or mention.entity.type == PLACE
                or k + 2 >= len(tokens)
                or tokens[k].low not in ("et", "and")
                or tokens[k + 1].low not in _DETERMINERS[self.lang]
            ):
                continue
            first = j = k + 2
            while (
                j < len(tokens)
                and j < first + 3
                and tokens[j].is_word
                and tokens[j].text.islower()
                and tokens[j].low not in ends
                and tokens[j].low not in _PREPOSITIONS[self.lang]
                and tokens[j].start not in self._in_figures
            ):
                j += 1
            if j == first or j >= len(tokens):
                continue
            if tokens[j].text != "," and tokens[j].low not in ends:
                continue
            name = self.text[mention.start : tokens[j - 1].end]
            entity = self._link(
                name, mention.entity.type, False, [normalise_name(name)], mention.start
            )
            mention.entity, mention.end, mention.last_token = entity, tokens[j - 1].end, j - 1
        for mention in list(reading.mentions):
            # "les Républicains ralliés à Éric Ciotti", "the Democrats loyal to X": a
            # participle right after a plural name, with no comma, picks some of them.
            k = mention.last_token + 1
            i = mention.first_token
            if (
                mention.how != "name"
                or i == 0
                or tokens[i - 1].low not in ("les", "the")
                or k + 2 >= len(tokens)
                or not self._plural_participle(tokens[k])
                or tokens[k + 1].low not in _RALLIED_TO
            ):
                continue
            other = self._mention_after_determiner(reading, k + 2)
            if other is None or other.how != "name" or other.entity is mention.entity:
                continue
            name = self.text[mention.start : other.end]
            entity = self._link(
                name, mention.entity.type, False, [normalise_name(name)], mention.start
            )
            entity.group = True
            mention.entity, mention.end, mention.last_token = entity, other.end, other.last_token
            reading.mentions.remove(other)

    def _plural_participle(self, token: Token) -> bool:
        low = token.low
        if not token.is_word or not token.text.islower():
            return False
        if self.lang == "fr":
            # Folded: "ralliés" reads "rallies"; "partis", "élus" are irregular.
            return low.endswith("es") or (low.endswith("s") and low in _FRENCH_PARTICIPLES)
        return low.endswith("ed") or low in _IRREGULAR_PARTICIPLES

    def _read_spent_on(self, reading: SentenceReading) -> None:
        """ "15 millions d'euros, les sommes engagées depuis janvier dans la lutte
        antivectorielle", "$3bn spent on flood defences": what an amount is spent on,
        named by a common noun, is a group of its own (see ``_spent_on``)."""
        tokens = reading.tokens
        self._add_unmentioned_groups(
            reading,
            (
                self._spent_object(tokens, verb)
                for verb, token in enumerate(tokens)
                if token.low in _SPENT[self.lang]
            ),
        )

    def _spent_object(self, tokens: list[Token], verb: int) -> tuple[int, int] | None:
        """The noun phrase after "spent on", "engagées … dans": its first and last tokens."""
        k = verb + 1
        end = min(len(tokens), verb + 10)
        while k < end and tokens[k].is_word and tokens[k].start not in self._in_figures:
            if tokens[k].low in _SPENT_ON[self.lang]:
                break
            k += 1
        else:
            return None
        if k >= end or tokens[k].low not in _SPENT_ON[self.lang]:
            return None
        first = k + 1
        if first < len(tokens) and tokens[first].low in _ARTICLES[self.lang]:
            first += 1
        last = first
        stop = _PREPOSITIONS[self.lang] | _RELATIVES[self.lang] | _CLAUSE_OPENERS[self.lang]
        while (
            last < len(tokens)
            and last < first + 3
            and tokens[last].is_word
            and tokens[last].text.islower()
            and tokens[last].low not in stop
            and tokens[last].low not in _DETERMINERS[self.lang]
            and tokens[last].start not in self._in_figures
        ):
            last += 1
        return (first, last - 1) if last > first else None

    def _spent_on(self, reading: SentenceReading, last: int) -> Mention | None:
        """The group an amount is spent on, by a participle after it: "15 millions d'euros
        les sommes engagées dans la lutte…", "$3bn spent on flood defences"; but not
        "X a investi 2 milliards dans ses usines", where X spends."""
        tokens = reading.tokens
        for k in range(last + 1, min(last + 6, len(tokens))):
            if tokens[k].start in self._in_figures or tokens[k].text in _HARD_BOUNDARIES:
                return None
            if tokens[k].low in _SPENT[self.lang]:
                found = self._spent_object(tokens, k)
                if found is None:
                    return None
                mention = self._mention_at(reading, found[0])
                return mention if mention is not None and mention.entity.group else None
        return None

    def _read_day_of(self, reading: SentenceReading) -> None:
        """ "le 1er septembre, dernier jour du mercato anglais", "on 30 June, the last day
        of the fiscal year": the period a date ends or opens, named by a common noun, is
        a group of its own (see ``_day_of``)."""
        tokens = reading.tokens
        self._add_unmentioned_groups(
            reading, (self._day_of_span(tokens, k) for k in range(len(tokens)))
        )
        for k in range(len(tokens)):
            span = self._named_day_span(tokens, k)
            if span is None or any(
                m.first_token <= span[1] and span[0] <= m.last_token for m in reading.mentions
            ):
                continue
            # "on deadline day, 1 September": the period is named by the lexicon, not
            # by the text; the mention stands on the day's words.
            day = " ".join(t.low for t in tokens[span[0] : span[1] + 1])
            name = w.PERIOD_OF_DAY[self.lang][day]
            entity = self._link(name, OTHER, False, [normalise_name(name)], tokens[span[0]].start)
            entity.group = True
            reading.mentions.append(
                Mention(
                    tokens[span[0]].start,
                    tokens[span[1]].end,
                    entity,
                    "description",
                    span[0],
                    span[1],
                    complement=True,
                )
            )
        reading.mentions.sort(key=lambda m: m.start)

    def _named_day_span(self, tokens: list[Token], k: int) -> tuple[int, int] | None:
        """The tokens of a day named for the period it ends ("deadline day",
        newswords.PERIOD_OF_DAY) starting at ``k``, when a date stands beside it: "on
        deadline day, 1 September", "1 September, deadline day"."""
        for day in w.PERIOD_OF_DAY[self.lang]:
            words = day.split()
            end = k + len(words) - 1
            if end >= len(tokens) or [t.low for t in tokens[k : end + 1]] != words:
                continue
            if k > 0 and tokens[k - 1].low in ("transfer",) and len(words) == 2:
                continue  # "transfer deadline day" is read whole
            date = end + 2
            if date < len(tokens) and tokens[date].low in _ARTICLES[self.lang]:
                date += 1  # "lors du deadline day, le 2 février"
            after = date < len(tokens) and tokens[end + 1].text == ","
            before = k >= 2 and tokens[k - 1].text == ","
            if (after and tokens[date].start in self._in_figures) or (
                before and tokens[k - 2].start in self._in_figures
            ):
                return k, end
        return None

    def _day_of_span(self, tokens: list[Token], comma: int) -> tuple[int, int] | None:
        """After a figure and a comma, "[le] dernier jour du X", "the last day of the X":
        the first and last tokens of X."""
        if (
            tokens[comma].text != ","
            or comma == 0
            or tokens[comma - 1].start not in self._in_figures
        ):
            return None
        k = comma + 1
        if k < len(tokens) and tokens[k].low in _ARTICLES[self.lang]:
            k += 1
        if k + 2 >= len(tokens) or tokens[k].low not in _BOUNDARY_DAYS:
            return None
        if tokens[k + 1].low not in _DAY_NOUNS or tokens[k + 2].low not in _OF_WORDS:
            return None
        first = k + 3
        if first < len(tokens) and tokens[first].low in _ARTICLES[self.lang]:
            first += 1
        last = first
        stop = _PREPOSITIONS[self.lang] | _RELATIVES[self.lang] | _CLAUSE_OPENERS[self.lang]
        while (
            last < len(tokens)
            and last < first + 3
            and tokens[last].is_word
            and tokens[last].text.islower()
            and tokens[last].low not in stop
            and tokens[last].start not in self._in_figures
        ):
            last += 1
        return (first, last - 1) if last > first else None

    def _day_of(self, reading: SentenceReading, last: int) -> Mention | None:
        """The period the date right before ", dernier jour du X" ends: X; or the period of
        the day named right before or after it ("on deadline day, 1 September")."""
        tokens = reading.tokens
        before = next(
            (k for k in range(last, -1, -1) if tokens[k].start not in self._in_figures), -1
        )
        for k in (before - 4, before - 3, before - 2, last + 2):
            if 0 <= k < len(tokens) and self._named_day_span(tokens, k) is not None:
                mention = self._mention_at(reading, k)
                if mention is not None and mention.entity.group:
                    return mention
        k = last + 1
        if k >= len(tokens) or self._day_of_span(tokens, k) is None:
            return None
        first, _end = self._day_of_span(tokens, k)
        mention = self._mention_at(reading, first)
        return mention if mention is not None and mention.entity.group else None

    def _read_policies(self, reading: SentenceReading) -> None:
        """'called for a cross-party "state pact" on the climate emergency', "un « pacte
        d'État » face à l'urgence climatique", "a new pension reform": what a story names by
        a common noun of policy is an entity of its own, by the fullest name the text gives
        it (the head with its complement, without the adjectives before it), that "the
        pact" or "ce plan" refers back to (``_policy_referred``)."""
        tokens = reading.tokens
        covered = {k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)}
        for i, token in enumerate(tokens):
            if token.low not in _INDEFINITE[self.lang]:
                continue
            found = self._policy_named(tokens, i)
            if found is None:
                continue
            first, last, name, head = found
            if tokens[first].text in _QUOTES_OPEN:
                # "un « pacte d'État »": a capitalised word inside the quoted name is a word
                # of the name, not a name of its own.
                close = next(
                    k for k in range(first + 1, last + 1) if tokens[k].text in _QUOTES_CLOSE
                )
                inside = [
                    m for m in reading.mentions if first < m.first_token and m.last_token < close
                ]
                reading.mentions = [m for m in reading.mentions if m not in inside]
                covered = {
                    k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)
                }
            if any(k in covered for k in range(first, last + 1)):
                continue
            entity = self._link(name, OTHER, False, [normalise_name(name)], tokens[first].start)
            entity.group = True
            entity.heads |= {POLICY, glossary.concept_of(head) or head}
            reading.mentions.append(
                Mention(tokens[first].start, tokens[last].end, entity, "name", first, last)
            )
            covered.update(range(first, last + 1))
        reading.mentions.sort(key=lambda m: m.start)

    def _policy_named(self, tokens: list[Token], i: int) -> tuple[int, int, str, str] | None:
        """After the indefinite article at ``i``: the first and last tokens of a policy's
        name with its complement, the name, and its head noun."""
        k = i + 1
        # Up to two adjectives before the name: "a cross-party", "un nouveau", "a new"; but
        # a noun of the news before the head is the name's ("a fiscal pact").
        while k < min(i + 3, len(tokens)) and self._adjective_before_policy(tokens, k):
            k += 1
        if k >= len(tokens):
            return None
        if tokens[k].text in _QUOTES_OPEN:
            close = next(
                (
                    q
                    for q in range(k + 1, min(k + 7, len(tokens)))
                    if tokens[q].text in _QUOTES_CLOSE
                ),
                None,
            )
            if close is None or close == k + 1:
                return None
            inner = tokens[k + 1 : close]
            head = next((t.low for t in inner if self._policy_head(t)), None)
            if head is None or not all(t.is_word for t in inner):
                return None
            first, name_end, after = k, close - 1, close + 1
        else:
            span = self._policy_words(tokens, k)
            if span is None:
                return None
            name_end, head = span
            first, after = k, name_end + 1
        name_start = first + 1 if tokens[first].text in _QUOTES_OPEN else first
        if (
            name_start == name_end
            and after + 1 < len(tokens)
            and tokens[after].low in _OF_WORDS
            and tokens[after + 1].start in self._in_figures
        ):
            # "a budget of £1.8bn", "un plan de 40 millions": the noun is what the figure
            # measures, not a policy the story names.
            return None
        name = self.text[tokens[name_start].start : tokens[name_end].end]
        last = after - 1
        complement = self._policy_complement(tokens, after)
        if complement is not None:
            opener, last = complement
            name += " " + self.text[tokens[opener].start : tokens[last].end]
        return first, last, name, head

    def _adjective_before_policy(self, tokens: list[Token], k: int) -> bool:
        token = tokens[k]
        if not (token.is_word and token.text.islower()) or self._policy_head(token):
            return False
        if "-" in token.text:
            return True  # "cross-party", "long-awaited"
        if (
            k + 1 < len(tokens)
            and self._policy_head(tokens[k + 1])
            and glossary.is_news_word(token.low)
        ):
            return False
        return bool(_ADJECTIVE_END_RE.search(token.low)) or token.low in w.NEW_WORDS

    def _policy_head(self, token: Token) -> bool:
        return token.low in w.POLICY_HEADS or token.low.rstrip("sx") in w.POLICY_HEADS

    def _policy_words(self, tokens: list[Token], k: int) -> tuple[int, str] | None:
        """An unquoted name: "pension reform", "state pact" in English (one noun before the
        head); "réforme des retraites", "pacte budgétaire" in French (the head, then "de"
        and a noun, or an adjective). The last token and the head."""

        def news(at: int) -> bool:
            return (
                at < len(tokens)
                and tokens[at].is_word
                and tokens[at].text.islower()
                and glossary.is_news_word(tokens[at].low)
            )

        if self.lang == "en":
            if news(k) and k + 1 < len(tokens) and self._policy_head(tokens[k + 1]):
                return k + 1, tokens[k + 1].low
            if self._policy_head(tokens[k]) and tokens[k].text.islower():
                return k, tokens[k].low
            return None
        if not (self._policy_head(tokens[k]) and tokens[k].text.islower()):
            return None
        end = k
        if k + 2 < len(tokens) and tokens[k + 1].low in _OF_WORDS and news(k + 2):
            end = k + 2
        elif news(k + 1) and _ADJECTIVE_END_RE.search(tokens[k + 1].low):
            end = k + 1
        return end, tokens[k].low

    def _policy_complement(self, tokens: list[Token], k: int) -> tuple[int, int] | None:
        """ "on the climate emergency", "face à l'urgence climatique", "contre la
        sécheresse": the opener and the last token of a complement made of news words."""
        if k >= len(tokens):
            return None
        opener = k
        if self.lang == "fr" and tokens[k].low == "face" and k + 1 < len(tokens):
            if tokens[k + 1].low not in ("à", "a", "aux", "au"):
                return None
            k += 1 if tokens[k + 1].low in ("à", "a") else 0
        elif tokens[k].low not in _NAME_COMPLEMENTS[self.lang]:
            return None
        k += 1
        if k < len(tokens) and tokens[k].low in _ARTICLES[self.lang]:
            k += 1
        last = None
        while (
            k < len(tokens)
            and tokens[k].is_word
            and tokens[k].text.islower()
            and glossary.is_news_word(tokens[k].low)
            and (last is None or k - opener <= 5)
        ):
            last = k
            k += 1
        return (opener, last) if last is not None else None

    def _policy_referred(self, tokens: list[Token], i: int) -> Entity | None:
        """ "the pact", "ce plan", "l'accord": the last policy the text named with that head
        (or a head of the same meaning: "the agreement" for "un accord")."""
        if i + 1 >= len(tokens) or not self._policy_head(tokens[i + 1]):
            return None
        if not tokens[i + 1].text.islower():
            return None
        concept = glossary.concept_of(tokens[i + 1].low) or tokens[i + 1].low
        at = tokens[i].start
        named = [
            e for e in self.entities if POLICY in e.heads and concept in e.heads and e.first < at
        ]
        return max(named, key=lambda e: e.last) if named else None

    def _undertaking_of(self, reading: SentenceReading, i: int, types: set[str]) -> Entity | None:
        """ "The city adopted a clean air plan. Its cost…", "Son coût est estimé à…": what
        an undertaking costs is the undertaking's, so a possessive before a noun of its cost
        refers back to the policy named last (in this sentence or the one before), unless
        a firm or a product was named after it. A person or a place has no such cost: one
        named after the policy ("dans le centre de Lisbonne") does not stand in the way."""
        tokens = reading.tokens
        if (
            OTHER not in types
            or i + 1 >= len(tokens)
            or tokens[i + 1].low not in w.UNDERTAKING_COSTS[self.lang]
        ):
            return None
        at = tokens[i].start
        since = self.sentences[-1].start if self.sentences else reading.start
        mentions = [
            m
            for r in (*self.sentences[-1:], reading)
            for m in r.mentions
            if since <= m.start < at and m.how == "name"
        ]
        policy = next((m for m in reversed(mentions) if POLICY in m.entity.heads), None)
        if policy is None:
            return None
        if any(m.start > policy.start and m.entity.type not in (PERSON, PLACE) for m in mentions):
            return None  # "un plan … Vernaux a précisé que son coût…": the firm's
        # "a budget of £1.8bn … The centrepiece is a new tram line; its cost…": a thing
        # introduced by an indefinite article after the policy is what "its" goes on about.
        named = {
            t.start
            for r in (*self.sentences[-1:], reading)
            for m in r.mentions
            for t in r.tokens[m.first_token : m.last_token + 1]
        }
        if any(
            policy.end <= t.start < at
            and t.low in _INDEFINITE[self.lang]
            and t.start not in named
            and t.start not in self._in_figures
            for r in (*self.sentences[-1:], reading)
            for t in r.tokens
        ):
            return None
        return policy.entity

    def _wished(self, reading: SentenceReading, first: int) -> Mention | None:
        """ "he wanted the foundations of the pact in place by September": after a verb of
        wanting, the policy named between it and the figure is what the figure's date is
        for."""
        tokens = reading.tokens
        verb = next(
            (
                k
                for k in range(first - 1, -1, -1)
                if tokens[k].low in _WISH_VERBS[self.lang] or tokens[k].text in ";:."
            ),
            None,
        )
        if verb is None or tokens[verb].text in ";:.":
            return None
        policies = [
            m
            for m in reading.mentions
            if POLICY in m.entity.heads and verb < m.first_token and m.last_token < first
        ]
        if policies:
            return policies[-1]
        # "un « plan » pour le centre, dont la maire souhaite l'entrée en vigueur dès mars",
        # "a plan, which the mayor wants in force by March": a relative clause whose verb
        # wants something it does not name wants the policy the clause hangs on.
        before = [m for m in reading.mentions if POLICY in m.entity.heads and m.last_token < verb]
        if not before:
            return None
        between = tokens[before[-1].last_token + 1 : verb]
        if len(between) <= 15 and any(t.low in _RELATIVES[self.lang] for t in between):
            return before[-1]
        return None

    def _among(self, reading: SentenceReading, last: int) -> Mention | None:
        """The group named right after the figure by "chez" or "among"."""
        tokens = reading.tokens
        for k in range(last + 1, min(last + 4, len(tokens))):
            if tokens[k].low in _AMONG[self.lang] and not any(
                t.low in _ORDINALS or t.low in _RANKINGS
                for t in tokens[: k + 1]
                if t.start in self._in_figures
            ):
                # But "third place among the world's most valuable companies" is a ranking.
                mention = self._mention_after_determiner(reading, k + 1)
                return mention if mention is not None and mention.entity.group else None
            if not tokens[k].is_word:
                return None
        return None

    def _family_around(self, tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
        """The span of "famille X" or "the X family" around the name, if it names one."""
        if self.lang == "fr" and first > 0 and tokens[first - 1].low in ("famille", "clan"):
            return first - 1, last
        if self.lang == "en" and last + 1 < len(tokens) and tokens[last + 1].low == "family":
            return first, last + 1
        return None

    def _spelled_by_acronym(self, tokens: list[Token], first: int, last: int) -> int:
        """Where a name ends that goes on in lower case up to the acronym spelling it:
        "Système européen d'information sur les feux de forêt (EFFIS)", whose initials
        are the acronym's letters in another order (the acronym is the English name's).
        """
        k = last + 1
        while k < len(tokens) and k <= last + 9 and tokens[k].is_word and tokens[k].text.islower():
            k += 1
        if k == last + 1 or k + 2 >= len(tokens) or tokens[k].text != "(":
            return last
        acronym = tokens[k + 1].text
        if tokens[k + 2].text != ")" or not (acronym.isupper() and 3 <= len(acronym) <= 8):
            return last
        initials = Counter(_initials(self.text[tokens[first].start : tokens[k - 1].end]))
        # Every letter of the acronym, and at most one initial more (a preposition: "sur").
        if not Counter(acronym) - initials and initials.total() - len(acronym) <= 1:
            return k - 1
        return last

    def _read_names(self, reading: SentenceReading, runs: list[tuple[int, int]]) -> None:
        tokens = reading.tokens
        for first, last in runs:
            last = self._spelled_by_acronym(tokens, first, last)
            start, end = tokens[first].start, tokens[last].end
            name = self.text[start:end]
            keys = self._spellings(tokens, first, last)
            self._last_head = ""
            type_, sure = self._type_of(tokens, first, last)
            head = self._last_head
            # Linked by the name and its other-language names only: the words around
            # it help find a known subject, never join two entities of the text.
            own = [normalise_name(name)] + [
                normalise_name(e) for e in w.equivalents().get(fold(name).removeprefix("the "), ())
            ]
            if fold(name).startswith("outre-") and fold(name) in w.equivalents():
                # "Outre-Atlantique" is how the text says it, "États-Unis" who it is.
                name = w.equivalents()[fold(name)][1 if self.lang == "fr" else 0]
            family = self._family_around(tokens, first, last)
            if family is not None:
                # "la famille Arnault", "the Murdoch family": the family, not the person
                # the surname would otherwise join.
                first, last = family
                start, end = tokens[first].start, tokens[last].end
                name = self.text[start:end]
                own, keys, type_ = [normalise_name(name)], [normalise_name(name)], OTHER
            entity = self._link(name, type_, sure, list(dict.fromkeys(own)), start)
            for key in keys:
                if key in self._resolved and not entity.known:
                    entity.known = self._resolved[key]
            if head and fold(head) in w.HEAD_MEANING:
                entity.heads.add(w.HEAD_MEANING[fold(head)])
            if entity.type == PLACE:
                kind = w.place_kinds().get(fold(name).removeprefix("the "))
                if kind:
                    entity.heads.add(kind)
            # "European Central Bank (ECB)": the acronym is the same entity.
            if (
                last + 3 < len(tokens)
                and tokens[last + 1].text == "("
                and tokens[last + 3].text == ")"
            ):
                acronym = tokens[last + 2].text
                if acronym.isupper() and 2 <= len(acronym) <= 8:
                    entity.keys.add(normalise_name(acronym))
                    entity.spellings.add(acronym)
                    self._by_key.setdefault(normalise_name(acronym), entity)
            reading.mentions.append(Mention(start, end, entity, "name", first, last))

    # --- references back -------------------------------------------------------------------

    def _read_references(self, reading: SentenceReading, previous: Entity | None) -> None:
        tokens = reading.tokens
        named = {m.first_token for m in reading.mentions}
        inside_names = {k for m in reading.mentions for k in range(m.first_token, m.last_token + 1)}
        found: list[Mention] = []
        pronouns = w.PRONOUNS[self.lang]
        possessives = w.POSSESSIVES[self.lang]
        definite = w.DEFINITE[self.lang]
        i = 0
        while i < len(tokens):
            token = tokens[i]
            low = token.low
            if i in named:
                i += 1
                continue
            referred = self._policy_referred(tokens, i) if low in definite else None
            if referred is not None and i + 1 not in named:
                found.append(
                    Mention(token.start, tokens[i + 1].end, referred, "description", i, i + 1)
                )
                i += 2
                continue
            if (
                low in definite
                and i + 1 < len(tokens)
                and tokens[i + 1].capitalised
                and w.is_demonym(tokens[i + 1].text)
                and i + 1 not in named
                and not (i + 2 < len(tokens) and i + 2 in named)
            ):
                # "le Suédois", "l'Américaine": a person, by nationality.
                entity = self._resolve({PERSON}, reading, token.start, previous, found)
                if entity is not None:
                    found.append(
                        Mention(token.start, tokens[i + 1].end, entity, "description", i, i + 1)
                    )
                i += 2
                continue
            if low in pronouns and self._pronoun_is_subject(tokens, i):
                entity = self._resolve(pronouns[low], reading, token.start, previous, found)
                if entity is not None:
                    found.append(Mention(token.start, token.end, entity, "pronoun", i, i))
            elif low in possessives and i + 1 < len(tokens) and tokens[i + 1].is_word:
                if not (self.lang == "en" and low == "her" and not self._possessive_her(tokens, i)):
                    entity = self._undertaking_of(reading, i, possessives[low]) or self._resolve(
                        possessives[low], reading, token.start, previous, found
                    )
                    if entity is not None:
                        found.append(Mention(token.start, token.end, entity, "possessive", i, i))
            elif low in definite or low in ("l'",):
                head = self._description_head(tokens, i)
                if head is not None and head[0] in inside_names:
                    head = None  # "La Banque centrale européenne": the head is in a name
                if head is not None and (
                    low in ("les", "des", "ces", "aux", "these", "those")
                    or any(t.text.isdigit() for t in tokens[i + 1 : head[0] + 1])
                ):
                    head = None  # "des 27 pays membres", "les pays": many, not one
                if head is not None:
                    last, types = head
                    following = last + 1
                    names_it = following < len(tokens) and following in named
                    # "Le champion américain des puces d'IA Nvidia": the name ends the phrase.
                    for k in range(following, min(following + 6, len(tokens))):
                        if k in named:
                            if self.lang == "en" and k > following:
                                # "The fund bankrolls DeepSeek": in English the name comes
                                # right after the noun it names ("the chipmaker Nvidia").
                                break
                            # but "le parti de Marine Le Pen": a name after "de" is whose.
                            before = tokens[k - 1].low
                            names_it = names_it or not (
                                before in _PREPOSITIONS[self.lang] or before in ("of", "'s")
                            )
                            # "le club de Montclair", "la commune de Lagrasse": after a noun
                            # of appellation, "de" gives the name itself.
                            if (
                                k == following + 1
                                and before in _OF_WORDS
                                and tokens[last].low in _APPELLATION_HEADS
                            ):
                                names_it = True
                                self._called(reading, k, tokens[last].low, types)
                            break
                        if (
                            not tokens[k].is_word
                            or tokens[k].low in _AUXILIARIES[self.lang]
                            # "la coalition comptait 245 élus dans l'Assemblée": past a
                            # figure, the name is another phrase's.
                            or tokens[k].start in self._in_figures
                        ):
                            break
                    # "La coalition présidentielle, Ensemble, …": adjectives, then the name.
                    comma = following
                    while (
                        comma < min(following + 2, len(tokens))
                        and tokens[comma].is_word
                        and tokens[comma].text.islower()
                        and (
                            _ADJECTIVE_END_RE.search(tokens[comma].low)
                            or w.is_demonym(tokens[comma].low)
                        )
                    ):
                        comma += 1
                    comma_name = (
                        comma + 1 < len(tokens)
                        and tokens[comma].text == ","
                        and comma + 1 in named
                        and self._is_apposition_name(tokens, comma + 1)
                    )
                    # "la coalition présidentielle", "le parti présidentiel": the adjectives
                    # that say which one, matched with those the text gave a name before.
                    qualifiers = {
                        _stem(t.low)
                        for t in tokens[i + 1 : comma]
                        if t.is_word
                        and t.text.islower()
                        and (_ADJECTIVE_END_RE.search(t.low) or w.is_demonym(t.low))
                    }
                    if comma_name:
                        appositive = self._mention_at(reading, comma + 1)
                        if appositive is not None:
                            appositive.entity.qualifiers |= qualifiers
                    inner = [m for m in reading.mentions if i < m.first_token < last]
                    maker = self._maker_after(reading, last) if types == {PRODUCT} else None
                    if inner and types == {PRODUCT}:
                        self._product_named(reading, inner[0], tokens, last)
                    elif maker is not None:
                        self._product_of(maker, tokens, last)
                    elif (
                        not names_it and not comma_name and not self._names_before(tokens, i, named)
                    ):
                        meaning = w.HEAD_MEANING.get(fold(self._last_head), "")
                        entity = self._resolve(
                            types,
                            reading,
                            token.start,
                            previous,
                            found,
                            meaning=meaning,
                            how="description",
                            qualifiers=qualifiers,
                        )
                        if entity is not None and meaning and not qualifiers & entity.qualifiers:
                            # Found by its adjective ("le parti présidentiel" for "la coalition
                            # présidentielle"), it is no proof of what the noun calls it.
                            entity.heads.add(meaning)
                        if (
                            entity is not None
                            and entity.type == OTHER
                            and not entity.sure
                            and types in ({ORG}, {PERSON})
                        ):
                            # "the chipmaker" says what an unknown name is.
                            entity.type = next(iter(types))
                        if entity is not None:
                            found.append(
                                Mention(
                                    tokens[i].start,
                                    tokens[last].end,
                                    entity,
                                    "description",
                                    i,
                                    last,
                                )
                            )
                    i = last + 1
                    continue
            i += 1
        reading.mentions = sorted(reading.mentions + found, key=lambda m: m.start)
        for mention in reading.mentions:
            mention.entity.last = max(mention.entity.last, mention.start)
        for mention in found:
            # "the bloc", "la start-up", "it": what the text keeps referring to is what it
            # is about, as much as what it keeps naming.
            mention.entity.count += 1

    def _called(self, reading: SentenceReading, k: int, head: str, types: set[str]) -> None:
        """ "le club de Montclair": the name at ``k`` is what the head calls it, so that "le
        club" further on refers back to it."""
        mention = self._mention_at(reading, k)
        if mention is None:
            return
        entity = mention.entity
        entity.heads.add(w.HEAD_MEANING.get(fold(head), head))
        if entity.type == OTHER and not entity.sure and types in ({ORG}, {PLACE}):
            entity.type = next(iter(types))

    def _product_named(
        self, reading: SentenceReading, inner: Mention, tokens: list[Token], last: int
    ) -> None:
        """ "the Falcon-S model" is the model Falcon-S; "the DeepSeek app", where DeepSeek
        is a company, is a product of its own: "DeepSeek app"."""
        entity = inner.entity
        if entity.type not in (ORG, PLACE, PERSON, MEDIA):
            entity.type = PRODUCT
            return
        name = self.text[tokens[inner.first_token].start : tokens[last].end]
        product = self._link(name, PRODUCT, True, [normalise_name(name)], inner.start)
        inner.entity = product
        inner.last_token = last
        inner.end = tokens[last].end
        inner.modifier = False

    def _maker_after(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "l'application gratuite de Halvex": the company named after "de" past the
        head's adjectives, when the head is a product a company makes one of (an app, a
        chatbot); "le modèle de Halvex" may be any of its models."""
        tokens = reading.tokens
        if self.lang != "fr" or tokens[last].low not in w.ONE_PRODUCT_HEADS:
            return None
        k = last + 1
        while (
            k < len(tokens)
            and tokens[k].is_word
            and tokens[k].text.islower()
            and (
                _ADJECTIVE_END_RE.search(fold(tokens[k].low))
                or tokens[k].low in _PRODUCT_ADJECTIVES
            )
        ):
            k += 1
        if k + 1 >= len(tokens) or tokens[k].low not in ("de", "d'"):
            return None
        mention = self._mention_at(reading, k + 1)
        if mention is None or mention.how != "name" or mention.entity.type not in (ORG, OTHER):
            return None
        return mention

    def _product_of(self, maker: Mention, tokens: list[Token], head: int) -> None:
        """ "l'application gratuite de Halvex" is Halvex's app, a product of its own named
        as French names it: "application Halvex"."""
        name = f"{tokens[head].low} {maker.entity.name}"
        product = self._link(name, PRODUCT, True, [normalise_name(name)], tokens[head].start)
        maker.entity = product
        maker.first_token = head
        maker.start = tokens[head].start

    def _apposition_of_possessed(self, tokens: list[Token], possessive: int, name: Mention) -> bool:
        """ "Its main rival, the National Front, …", "Son concurrent, Orbis, …": the name set
        in apposition (after a comma, maybe an article) to the possessive's noun phrase of
        at most three words."""
        comma = next(
            (
                j
                for j in range(possessive + 2, min(possessive + 5, len(tokens)))
                if not tokens[j].is_word
            ),
            None,
        )
        if comma is None or tokens[comma].text != ",":
            return False
        k = comma + 1
        if k < len(tokens) and tokens[k].low in _DETERMINERS[self.lang]:
            k += 1
        return name.first_token == k and self._is_apposition_name(tokens, k)

    def _is_apposition_name(self, tokens: list[Token], k: int) -> bool:
        """ ", Falcon-S," after "the model": the name the description stands for."""
        j = k
        while j + 1 < len(tokens) and tokens[j + 1].is_word and tokens[j + 1].capitalised:
            j += 1
        return j + 1 >= len(tokens) or tokens[j + 1].text in ",.;)" or tokens[j + 1].text.islower()

    def _names_before(self, tokens: list[Token], i: int, named: set[int]) -> bool:
        """ "Kestrel Labs, the Lisbon start-up": in apposition to a name just before."""
        return i >= 2 and tokens[i - 1].text == "," and any(t in named for t in range(i - 4, i - 1))

    def _possessive_her(self, tokens: list[Token], i: int) -> bool:
        """ "her fortune" (possessive) rather than "told her" (object)."""
        return i == 0 or tokens[i - 1].low not in _set("told tell asked ask gave give to for with")

    def _pronoun_is_subject(self, tokens: list[Token], i: int) -> bool:
        """ "Il emploie…", "it raised…": a subject pronoun, not an impersonal one."""
        following = [t.low for t in tokens[i + 1 : i + 3]]
        # A subject pronoun opens its clause: "Il emploie…", "…, and it raised…"; not
        # "s'effrite elle aussi" or "bought it".
        if (
            i > 0
            and tokens[i - 1].is_word
            and tokens[i - 1].low not in _CLAUSE_OPENERS[self.lang]
            and tokens[i - 1].low not in w.SPEECH_VERBS[self.lang]
        ):
            return False
        if self.lang == "fr":
            impersonal = (
                following[:1] in (["y"], ["faut"], ["s'"]) and (following[:2] != ["s'", "est"])
            ) or following[:2] in (["s'", "agit"], ["n'", "y"], ["est", "possible"])
            return not impersonal
        if following[:1] in (["is"], ["was"], ["'s"]) and len(tokens) > i + 3:
            nxt = tokens[i + 2].low
            if nxt in _set(
                "likely unlikely unclear clear possible impossible expected estimated "
                "thought believed hard difficult easy important worth time true not"
            ):
                return False
        return True

    def _description_head(self, tokens: list[Token], i: int) -> tuple[int, set[str]] | None:
        """For "the (Lisbon) start-up", "la jeune pousse", "le modèle": the head's last
        token and the entity types it may stand for. Up to two words (adjectives, or a
        capitalised modifier) may stand between the article and the head."""
        for skip in (0, 1, 2):
            for size in (3, 2, 1):
                first = i + 1 + skip
                last = first + size - 1
                if last >= len(tokens):
                    continue
                between = tokens[i + 1 : first]
                if any(
                    not t.is_word
                    or t.low in _DETERMINERS[self.lang]
                    or t.low in _PREPOSITIONS[self.lang]
                    for t in between
                ):
                    continue
                head = tokens[first : last + 1]
                if not all(t.text.islower() and t.is_word for t in head):
                    continue
                phrase = " ".join(t.low for t in head)
                for heads, types in (
                    (w.ORG_HEADS, {ORG}),
                    (w.PRODUCT_HEADS, {PRODUCT}),
                    (w.PLACE_HEADS, {PLACE}),
                    (w.PERSON_HEADS, {PERSON}),
                ):
                    if phrase in heads:
                        self._last_head = phrase
                        return last, types
        return None

    def _after_preposition(self, tokens: list[Token], i: int) -> bool:
        before = tokens[i - 1].low if i > 0 else ""
        if before in _PREPOSITIONS[self.lang]:
            return True
        return (
            i > 1
            and before in _DETERMINERS[self.lang]
            and tokens[i - 2].low in _PREPOSITIONS[self.lang]
        )

    def _resolve(
        self,
        types: set[str],
        reading: SentenceReading,
        at: int,
        previous: Entity | None,
        found: list[Mention] | None = None,
        meaning: str = "",
        how: str = "pronoun",
        qualifiers: set[str] = frozenset(),
    ) -> Entity | None:
        """The most salient entity that fits: named earlier in this sentence, else the
        subject of the sentence before, else the last one named."""
        # Centring: what the sentence is about so far, else what the last one was about.
        mentions = [*reading.mentions, *(found or ())]
        here = [
            m.entity
            # In the text's order: "The fund bankrolls DeepSeek, … and it had" is the fund;
            # but a description around a name ("The Optics division") is left to the name.
            for m in sorted(mentions, key=lambda m: m.start)
            if m.start < at
            and not (
                m.how == "description"
                and any(n.how == "name" and m.start < n.start < m.end for n in mentions)
            )
            and m.how != "possessive"
            and m.entity.type != MEDIA
            and not m.entity.group
            and m.entity.fits(types)
            and not self._after_preposition(reading.tokens, m.first_token)
        ]
        if here:
            return here[0]
        # A place is only ever a place the text named as one ("the country" is not a firm).
        # A place or a product is only one the text named as such ("the country" is not
        # a firm, "the app" not a company).
        strict = types in ({PLACE}, {PRODUCT})
        candidates = [
            e
            for e in self.entities
            if e.first < at
            and e.type != MEDIA
            and not e.group
            and (e.type in types or (not strict and e.fits(types)))
            # "the country" is a country, "the bloc" the EU: not a continent or a city.
            and not (meaning in ("country", "bloc") and meaning not in e.heads)
        ]
        if not candidates:
            return None
        if qualifiers and any(qualifiers & e.qualifiers for e in candidates):
            # "le parti présidentiel" is the one the text called "la coalition
            # présidentielle", whatever it called the others.
            candidates = [e for e in candidates if qualifiers & e.qualifiers]
        elif meaning and any(meaning in e.heads for e in candidates):
            # "ce fonds" is the one the text called a fund.
            candidates = [e for e in candidates if meaning in e.heads]

        latest = max(e.last for e in candidates)

        def salience(entity: Entity) -> float:
            # What the sentence before was about, what the article keeps naming (its
            # headline above all), what was named last; a sure type beats a guess.
            # A generic description ("the company", "le numéro un mondial du luxe") more
            # often names the story's protagonist than a firm the last sentence cited;
            # a pronoun follows the last sentence's subject.
            headline = entity.first < self._headline_end
            if how == "description" and not meaning:
                score = min(entity.count, 6) * 0.6 + (4 if headline else 0)
                score += 2 if entity is previous else 0
            else:
                score = min(entity.count, 6) * 0.5 + (2 if headline else 0)
                score += 3 if entity is previous else 0
            score += 1.5 if entity.type in types else 0
            score += 1 if entity.last == latest else 0
            # "la start-up" is the one the text called a start-up before.
            score += 3 if meaning and meaning in entity.heads else 0
            return score

        return max(candidates, key=lambda e: (salience(e), e.last))

    # --- roles in the sentence ---------------------------------------------------------------

    def _mark_roles(self, reading: SentenceReading) -> None:
        tokens = reading.tokens
        lowers = [t.low for t in tokens]
        prepositions = _PREPOSITIONS[self.lang]
        for mention in reading.mentions:
            i, j = mention.first_token, mention.last_token
            before = lowers[i - 1] if i > 0 else ""
            if mention.how == "name":
                if (
                    before in prepositions
                    or (before.endswith("'") and before in ("d'", "qu'"))
                    or (
                        i > 1
                        and before in _DETERMINERS[self.lang]
                        and lowers[i - 2] in prepositions
                    )
                ):
                    mention.complement = True
                if mention.entity.type == MEDIA:
                    mention.source = True
                # "the Lisbon start-up", "a Paris court": a name qualifying the noun after
                # it; but "the Falcon-S model" is the model called Falcon-S.
                after = tokens[j + 1] if j + 1 < len(tokens) else None
                if (
                    self.lang == "en"
                    and after is not None
                    and after.is_word
                    and after.text.islower()
                    and before in _DETERMINERS[self.lang] | {"'s"}
                    and after.low not in w.PRODUCT_HEADS
                    and (
                        after.low in w.ORG_HEADS
                        or after.low in w.PLACE_HEADS
                        or after.low in w.PERSON_HEADS
                        or after.low in _QUALIFIED_NOUNS
                    )
                ):
                    mention.modifier = True
            elif mention.how in ("description", "pronoun") and (
                before in prepositions or lowers[i] in ("du", "des", "au", "aux")
            ):
                # "le chef du gouvernement": "du" is "de le", the description complements.
                mention.complement = True
            # "Its chief executive, Ana Costa, promised…": the name in apposition
            # promises past its closing comma.
            said = j + 1 if i > 0 and lowers[i - 1] == "," and lowers[j + 1 : j + 2] == [","] else j
            if self._cited_as_source(tokens, lowers, i, j) or (
                mention.entity.type == PERSON and self._forecasts(lowers, said)
            ):
                mention.source = True
            elif (
                i >= 2
                and tokens[i - 1].text == "("
                and any(m.source and m.last_token == i - 2 for m in reading.mentions)
            ):
                mention.source = True  # "… the European Forest Fire Information System (EFFIS)"
            if (
                j + 2 < len(tokens)
                and tokens[j + 1].low in ("'s", "’s")
                and any(m.first_token == j + 2 and m.how == "name" for m in reading.mentions)
            ):
                # "The agency's Big Catch-Up campaign has vaccinated…": the name after the
                # possessor is what the clause is about.
                mention.modifier = True
            if i >= 2 and tokens[i - 1].text == "(":
                # "le directeur de l'Agence régionale de santé (ARS)": the acronym stands
                # where its name stands.
                named = next((m for m in reading.mentions if m.last_token == i - 2), None)
                if named is not None and named.entity is mention.entity:
                    mention.complement = mention.complement or named.complement
                    mention.modifier = mention.modifier or named.modifier
        # "Selon un décompte de l'AFP établi à partir des estimations du … (EFFIS), 1 015 731
        # hectares…": everything the opening source phrase names, up to its comma, cites.
        opening = " ".join(lowers[:3])
        if re.match(r"(?:selon|d' ?apres|according to)\b", opening):
            depth, comma = 0, None
            for k, token in enumerate(tokens):
                depth += token.text == "("
                depth -= token.text == ")"
                if token.text == "," and depth <= 0:
                    comma = k
                    break
            if comma is not None:
                for mention in reading.mentions:
                    if mention.last_token < comma and mention.how == "name":
                        mention.source = True

    def _cited_as_source(self, tokens: list[Token], lowers: list[str], i: int, j: int) -> bool:
        window = " ".join(lowers[max(0, i - 5) : i])
        # "according to the firm's filing" still cites the firm; a comma ends the phrase.
        if _INTRODUCED_RE[self.lang].search(window):
            return True
        verbs = w.SPEECH_VERBS[self.lang]
        # "X said", "X a déclaré", "X told Reuters", "X, qui a précisé"
        nxt = lowers[j + 1 : j + 4]
        if nxt[:1] and nxt[0] in verbs:
            return self._says_something(lowers, j + 1)
        if (
            self.lang == "fr"
            and nxt[:1] in (["a"], ["ont"], ["avait"])
            and len(nxt) > 1
            and nxt[1] in verbs
        ):
            return self._says_something(lowers, j + 2)
        # ", said X", ", a indiqué X", "« … », explique X"; past an article: ", a indiqué
        # l'ARS", ", said the WHO".
        if i >= 3 and lowers[i - 1] in _DETERMINERS[self.lang] and lowers[i - 2] in verbs:
            i -= 1
        if i >= 2 and lowers[i - 1] in verbs:
            # The verb comes right after a comma or a closing quote, perhaps with "a":
            # ", said X", ", a indiqué X", "« … », explique X".
            k = i - 2
            if k >= 0 and lowers[k] in ("a", "ont", "avait"):
                k -= 1
            return k >= 0 and lowers[k] in (",", "»", "”", '"', "’")
        # "chief executive Ana Costa said": the role before the name does not change it.
        return False

    def _forecasts(self, lowers: list[str], j: int) -> bool:
        """ "Le ministre a promis l'arrivée de 50 000 doses d'ici à la fin avril", "X table
        sur un pic à la mi-avril", "she expects a peak in May": a person who promises or
        forecasts something tells what it will be; the figure is the thing's. But "X a
        promis de verser 2 millions", "X expects to hire 300": what X plans to do is X's."""
        k = j + 1
        if k < len(lowers) and self.lang == "fr" and lowers[k] in ("a", "ont", "avait"):
            k += 1
        if k + 1 >= len(lowers) or lowers[k] not in _FORECAST_VERBS[self.lang]:
            return False
        after = lowers[k + 1]
        if lowers[k] in _FORECAST_VERBS_ON:
            return after == "sur"  # "table sur", "mise sur": but "la table", "la mise"
        return after not in ("de", "d'", "d’", "to", "that", "que", "qu'")

    def _says_something(self, lowers: list[str], verb: int) -> bool:
        """ "X said …" cites X, whatever it says (what it says about X is read by
        pronouns); but "Microsoft prévoit d'investir", "X expects to spend" say what X
        plans to do: X is what the figure is about."""
        after = lowers[verb + 1] if verb + 1 < len(lowers) else ""
        return after not in ("de", "d'", "d’", "to")

    def _sentence_subject(self, reading: SentenceReading) -> Entity | None:
        """What the sentence is about: its first mention that is neither a source, nor a
        complement, nor a modifier; known subjects first."""
        candidates = [
            m
            for m in reading.mentions
            if not (m.source or m.complement or m.modifier or m.entity.group)
        ]
        tokens = reading.tokens
        opening = " ".join(t.low for t in tokens[:3])
        if _INTRODUCED_RE[self.lang].match(opening) or re.match(
            r"(?:d' ?apres|selon|according to)\b", opening
        ):
            # "D'après un article publié par ses chercheurs, le modèle X…": the source's
            # phrase says who tells, the clause after it what the sentence is about.
            comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
            if comma is not None:
                candidates = [m for m in candidates if m.first_token > comma] or candidates
        elif self._opens_with_participle(tokens):
            # "Arrivé en tête le 30 juin, devant le NFP et Ensemble, le RN pensait…": the
            # opening participle's subject is the main clause's.
            intro = self._intro_end(tokens)
            candidates = [m for m in candidates if m.first_token > intro] or candidates
        if not candidates:
            return None
        return candidates[0].entity

    # --- questions the suggester asks -------------------------------------------------------

    def sentence_index(self, position: int) -> int:
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= position:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def carried(self, index: int) -> Entity | None:
        """The subject of the nearest sentence before this one that has one."""
        for reading in reversed(self.sentences[:index]):
            if reading.subject is not None:
                return reading.subject
        return None

    def _paragraph_break_since(self, entity: Entity | None, index: int) -> bool:
        """Whether a paragraph ends between the last sentence the entity was the subject
        of, before sentence ``index``, and that sentence."""
        for reading in reversed(self.sentences[:index]):
            if reading.subject is entity:
                return "\n" in self.text[reading.end : self.sentences[index].start]
        return False

    def main_entity(self, type_: str = "") -> Entity | None:
        """What the article is mostly about: the most mentioned entity that is not a source."""
        candidates = [
            e
            for e in self.entities
            if e.type != MEDIA and e.type == (type_ or e.type) and not e.group
        ]
        if not candidates:
            return None
        return max(
            candidates,
            key=lambda e: (e.count + (3 if e.first < self._headline_end else 0), -e.first),
        )

    # --- whom a figure is about ------------------------------------------------------------

    def subject_of(
        self,
        start: int,
        end: int,
        *,
        cue: tuple[int, int] | None = None,
        types: frozenset[str] = frozenset(),
        other_cues: Iterable[tuple[int, int]] = (),
        continuing: Entity | None = None,
        explain: list | None = None,
    ) -> Entity | None:
        """Whom the figure at [start, end) is about (see the module's docstring).

        ``cue`` is the span of the words that say what the figure measures (their
        possessor is the surest answer); ``types`` the kinds of entity the property
        applies to, which break ties between readings that are equally likely.
        """
        index = self.sentence_index(start)
        if index >= len(self.sentences):
            return None
        reading = self.sentences[index]
        tokens = reading.tokens
        first = next((k for k, t in enumerate(tokens) if t.end > start), len(tokens))
        last = max(
            first, next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].start < end), first)
        )
        scored: list[tuple[float, int, Entity]] = []
        # Named as the source ("d'après l'Insee"); but "a précisé le groupe", "selon le
        # communiqué du groupe" is the story's company telling its own figures.
        # A person cited by a description ("le ministre a promis") is still who tells.
        cited = {
            m.entity
            for m in reading.mentions
            if m.source and (m.how == "name" or m.entity.type == PERSON)
        }

        def offer(entity: Entity | None, score: float, mention: Mention | None = None) -> None:
            if entity is None or entity.type == MEDIA:
                return
            if mention is None and entity in cited:
                score -= 8  # what the sentence cites, offered again as the story's subject
            if mention is not None:
                if mention.source:
                    score -= 8
                if mention.complement and entity.type not in (types & {PLACE, DISEASE}):
                    score -= 3
                if mention.modifier:
                    score -= 3
            if types:
                if entity.type in types:
                    score += 3
                elif entity.type != OTHER:
                    score -= 4
            scored.append((score, -len(scored), entity))

        if (
            cue is not None
            and self._figure_between(cue, (start, end))
            and not (
                # "revenue from its cloud unit would grow 77% to $18bn": the rate between
                # changes what the cue names, and the amount is its level.
                not self._is_share(start, end) and self._only_shares_between(cue, (start, end))
            )
        ):
            cue = None  # "his fortune at $384.2bn, against $383.2bn for Ellison"
        if cue is not None:
            for mention in self._possessors(reading, cue):
                offer(mention.entity, 10, mention)
        for other in other_cues:
            # "le transfert d'Alexander Isak, … une indemnité de 136 millions": whose the
            # transfer is, the fee is, unless another figure stands between.
            if not self._figure_between(other, (start, end)):
                for mention in self._possessors(reading, other):
                    offer(mention.entity, 9, mention)
        # "the 3.5 billion parameters of Falcon-S", "86% in the Eastern Mediterranean"; but
        # "41% of the group" is a share of the group, held by the clause's subject.
        for mention in self._possessors(reading, (start, end), share=self._is_share(start, end)):
            if mention.entity.type != PLACE or not self._opens_list_of_places(reading, mention):
                offer(mention.entity, 9, mention)
        relative = self._relative_after(reading, last)
        if relative is not None:
            offer(relative.entity, 8, relative)  # "the $80 billion that Microsoft intends to spend"
        if first >= 2 and tokens[first - 1].low in ("de", "d'", "d’", "of", "with", "avec"):
            # "une Assemblée nationale de 577 députés", "a workforce of …": the name the
            # figure completes.
            owner = next((m for m in reading.mentions if m.last_token == first - 2), None)
            if owner is not None and owner.how in ("name", "description") and not owner.source:
                offer(owner.entity, 7)
        elliptic = self._elliptic(reading, first)
        if elliptic is not None:
            # "devant le NFP (28 %)": the figure is that name's, whatever stands before it.
            offer(
                elliptic.entity, 9.5 if elliptic.source else 9.5 - (1 if elliptic.modifier else 0)
            )
        among = self._among(reading, last)
        if among is not None:
            offer(among.entity, 9)  # "une quinzaine chez des nourrissons"
        day_of = self._day_of(reading, last)
        if day_of is not None:
            offer(day_of.entity, 9)  # "le 1er septembre, dernier jour du mercato"
        wished = self._wished(reading, first)
        if wished is not None:
            offer(wished.entity, 9)  # "he wanted the foundations of the pact in place by…"
        spent_on = self._spent_on(reading, last)
        if spent_on is not None:
            offer(spent_on.entity, 8.5)  # "15 millions d'euros engagés dans la lutte…"
        agent = self._agent_after(reading, last) or self._bidder(reading, last)
        if agent is not None:
            offer(agent.entity, 9)
        beneficiary = self._figure_for(reading, last)
        if beneficiary is not None:
            offer(beneficiary.entity, 8.5)
        if PLACE in types or not types:
            # "1,016,000 hectares across the bloc", "35 600 hectares en France": where. And
            # when an unnamed event happened: "l'incendie qui s'est déclaré début août
            # dans le département de l'Aude" is the Aude's, unless the clause names whose.
            for k in range(last + 1, min(last + 4, len(tokens) - 1)):
                if tokens[k].low in _WHERE_PREPOSITIONS[self.lang]:
                    where = self._place_after(reading, k + 1)
                    if (
                        where is not None
                        and where.entity.type == PLACE
                        and not where.source
                        and not self._opens_list_of_places(reading, where)
                    ):
                        offer(where.entity, 6 if PLACE in types else 4.5)
                    break
                if not tokens[k].is_word:
                    break
        bought = self._acquired(reading, first)
        if bought is not None:
            offer(bought.entity, 8.5)
        taken_over = self._taken_over(reading, last)
        if taken_over is not None:
            # Ahead of the buyer who owns the price: "David's $8bn takeover of Paramount".
            offer(taken_over.entity, 9.5)
        trained = self._trained(index, first)
        if trained is not None:
            offer(trained, 8.5)
        if self._opens_with_participle(tokens) and first < self._intro_end(tokens):
            # "Arrivé en tête le 30 juin avec 33,15 %, …, le RN pensait…": the opening
            # participle's subject is the main clause's.
            main = next(
                (
                    m
                    for m in reading.mentions
                    if m.first_token > self._intro_end(tokens)
                    and not (m.source or m.complement or m.modifier or m.entity.group)
                    and m.how != "possessive"
                ),
                None,
            )
            if main is not None:
                offer(main.entity, 7, main)
        if cue is not None:
            acted_on = self._object_of(reading, cue)
            if acted_on is not None:
                offer(acted_on.entity, 8.5, acted_on)
        described = self._described(reading, first, last)
        if described is not None:
            after = described.last_token + 2
            if after < len(tokens) and self._is_participle(tokens[after]):
                # What a participle's apposition says is its name's, wherever the name
                # stands in the clause ("devant Tomas Brandt, arrivé de Porto pour 90
                # millions").
                offer(described.entity, 9)
            else:
                offer(described.entity, 9, described)
        qualified = self._qualified(reading, first, last)
        if qualified is not None:
            offer(qualified, 8)
        event = self._event_lasting(reading, first, last)
        if event is not None:
            offer(event, 9)
        unit = self._members_of(reading, last)
        if unit is not None:
            offer(unit.entity, 8)
        if self._records_begun(reading, first):
            # Whose records they are is who keeps them: the body the article takes its
            # figures from, though cited as their source.
            keeper = self._data_keeper()
            if keeper is not None:
                offer(keeper, 20)
        begun = self._what_began(reading, first)
        if begun is not None:
            offer(begun, 8)
        valued = self._object_of_valuation(reading, first)
        if valued is not None:
            offer(valued.entity, 9, valued)
        clause_start = self._clause_start(reading, first)
        subject_found = False
        for mention in reading.mentions:
            if mention.how == "possessive" and mention.first_token == clause_start < first:
                # "His other assets include … 98% of the island": the clause is about
                # whose its subject is; but "Son concurrent Orbis emploie 300 salariés"
                # is about the name the possessive's noun stands with.
                named = any(
                    m.how == "name"
                    and not m.complement
                    and (
                        mention.first_token < m.first_token <= mention.first_token + 3
                        # "Its main rival, the National Front, took 29%": the noun's
                        # apposition names it, past a comma and an article.
                        or self._apposition_of_possessed(tokens, mention.first_token, m)
                    )
                    for m in reading.mentions
                )
                if not subject_found and not mention.source and not named:
                    offer(mention.entity, 6, mention)
                    subject_found = True
                continue
            if mention.how == "possessive" or mention.last_token >= first:
                continue
            if mention.entity.group and mention.complement:
                continue  # "chez des nourrissons" is only the subject of its own figure
            inside = mention.first_token >= clause_start
            if (
                inside
                and not subject_found
                and mention.complement
                and self._owns_clause_subject(tokens, clause_start, mention, first)
            ):
                # "les coûts opérationnels de DeepSeek sont…": whose the subject is.
                offer(mention.entity, 6)
                subject_found = True
            elif (
                inside
                and not subject_found
                and not (mention.source or mention.complement or mention.modifier)
            ):
                offer(mention.entity, 6, mention)
                subject_found = True
            else:
                offer(mention.entity, 3 if inside else 2, mention)
        for mention in reading.mentions:
            if (
                mention.first_token > last
                and mention.how != "possessive"
                and not (mention.entity.group and mention.complement)
            ):
                offer(mention.entity, 1.5, mention)
        topic = self._topic(reading)
        if topic is not None and topic.last_token < first:
            offer(topic.entity, 5)  # "Pour Liverpool, l'opération porte les dépenses à…"
        carried = self.carried(index)
        offer(reading.subject if reading.subject is not carried else None, 2.5)
        # A new paragraph turns to a new topic: a subject carried over the break weighs
        # less than what the article is about ("Chypre déplore deux morts.¶ Le bilan
        # climatique est lourd : les feux ont rejeté 35 mégatonnes…" is the bloc's).
        # Unless the sentence names it again ("Shares in the Californian company…").
        offer(
            carried,
            1.5
            if self._paragraph_break_since(carried, index)
            and not any(m.entity is carried for m in reading.mentions)
            else 2,
        )
        # The subject of the paragraph's figure before: "La participation s'est établie à
        # 66,63 %. Le ministère avait enregistré 3,2 millions de procurations": still the
        # country's vote, when the sentence names nobody it is about.
        offer(continuing, 2.2)
        offer(self.main_entity(), 1.8)
        if PLACE in types:
            # A count of cases or a turnout is the place's, when the story is about one.
            offer(self.main_entity(PLACE), 1.9)
        if explain is not None:
            explain.extend((score, entity.name, entity.type) for score, _order, entity in scored)
        if not scored:
            return None
        best = max(scored, key=lambda item: (item[0], item[1]))
        if best[0] < 0 and any(m.source and m.entity is best[2] for m in reading.mentions):
            # "D'après l'Insee, le taux de chômage…": whom the sentence only cites is
            # not what its figure is about; better no subject than the source.
            return None
        return best[2]

    def _place_after(self, reading: SentenceReading, k: int) -> Mention | None:
        """The name at token k, past an article, or past "le département de", "the city
        of": the place a preposition introduces."""
        tokens = reading.tokens
        mention = self._mention_at(reading, k) or self._mention_at(reading, k + 1)
        if mention is not None:
            return mention  # "en France", "across the bloc", "dans l'Aude"
        if k < len(tokens) and tokens[k].low in _ARTICLES[self.lang]:
            k += 1
        if (
            k + 1 < len(tokens)
            and tokens[k].low in w.PLACE_HEADS
            and tokens[k + 1].low in _OF_WORDS
        ):
            k += 2
            if k < len(tokens) and tokens[k].low in _ARTICLES[self.lang]:
                k += 1
        return self._mention_at(reading, k)

    def _opens_list_of_places(self, reading: SentenceReading, mention: Mention) -> bool:
        """ "200 morts au Portugal, en Italie et en Espagne", "deaths in Greece, Turkey and
        Cyprus": a figure counted over several places is none of them alone."""
        tokens = reading.tokens
        k = mention.last_token + 1
        if k >= len(tokens) or tokens[k].low not in (",", "et", "and", "ou", "or"):
            return False
        for j in range(k + 1, min(k + 4, len(tokens))):
            other = self._mention_at(reading, j)
            if other is not None:
                return other.entity.type == PLACE and other.entity is not mention.entity
            if tokens[j].low not in _WHERE_PREPOSITIONS[self.lang] | _DETERMINERS[self.lang]:
                return False
        return False

    def _owns_clause_subject(
        self, tokens: list[Token], clause_start: int, mention: Mention, figure: int
    ) -> bool:
        """Whether the mention completes the noun phrase opening the clause:
        "[Les coûts opérationnels de] DeepSeek", "[The market value of] Nvidia"."""
        i = mention.first_token
        if i == 0 or tokens[i - 1].low not in ("of", "de", "d'", "du", "des"):
            return False
        # "Ce week-end, l'application gratuite de DeepSeek s'est hissée à la première
        # place": past an opening phrase closed by a comma, when no other comma stands
        # between the subject and the figure.
        opening = next(
            (k for k in range(i - 2, clause_start - 1, -1) if tokens[k].text == ","), None
        )
        if (
            opening is not None
            and opening > clause_start
            and not any(t.text == "," for t in tokens[mention.last_token : figure])
        ):
            clause_start = opening + 1
        before = tokens[clause_start : i - 1]
        if not before or len(before) > 5:
            return False
        return all(
            t.is_word
            and t.text.islower()
            and t.low not in _AUXILIARIES[self.lang]
            and t.low not in _PREPOSITIONS[self.lang] | {"of"}
            for t in before
        )

    def _is_share(self, start: int, end: int) -> bool:
        return re.search(r"%|(?i:per\s*cent|pour\s*cent)", self.text[start:end]) is not None

    def _relative_after(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "the $80 billion that Microsoft intends to spend", "les 3 milliards que l'État
        versera": the subject of the relative clause after the figure."""
        tokens = reading.tokens
        k = last + 1
        if k >= len(tokens) or tokens[k].low not in ("that", "which", "que", "qu'"):
            return None
        mention = self._mention_after_determiner(reading, k + 1)
        return mention if mention is not None and mention.how in ("name", "description") else None

    def _figure_between(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether another figure stands between the spans a and b."""
        low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
        k = bisect.bisect_left(self._figure_starts, low)
        return k < len(self._figure_starts) and self._figure_starts[k] < high

    def _only_shares_between(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether every figure between the spans a and b is a percentage."""
        low, high = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
        k = bisect.bisect_left(self._figure_starts, low)
        while k < len(self._figure_starts) and self._figure_starts[k] < high:
            if not self._is_share(self._figure_starts[k], self._figure_ends[k]):
                return False
            k += 1
        return True

    def _agent_after(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "comparé aux 7,50 $ exigés par OpenAI", "the $80 billion spent by Microsoft":
        a figure that a passive participle gives to its agent is the agent's."""
        tokens = reading.tokens
        k = last + 1
        if k + 2 >= len(tokens) or not tokens[k].is_word:
            return None
        participle = tokens[k].low  # folded: "exigés" reads "exiges"
        if self.lang == "fr":
            looks_passive = participle.endswith(("e", "es", "is", "ise", "ises", "us", "ues"))
        else:
            looks_passive = participle.endswith("ed") or participle in _IRREGULAR_PARTICIPLES
        if not looks_passive or tokens[k + 1].low not in ("par", "by"):
            return None
        mention = self._mention_after_determiner(reading, k + 2)
        return mention if mention is not None and mention.how == "name" else None

    def _bidder(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "a £110m bid from Rovers": who makes the offer owns its amount, as the agent of
        a passive does ("a bid made by Rovers")."""
        tokens = reading.tokens
        k = last + 1
        if k + 2 >= len(tokens) or tokens[k].low not in _DEAL_NOUNS:
            return None
        if tokens[k + 1].low not in ("from", "by"):
            return None
        mention = self._mention_after_determiner(reading, k + 2)
        return mention if mention is not None and mention.how == "name" else None

    def _figure_for(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "6,3 millions pour Ensemble", "£50m for Yoane Wissa", "£107m on Enzo Fernández":
        a figure for a name is that name's figure."""
        tokens = reading.tokens
        k = last + 1
        if k < len(tokens) and tokens[k].low in _DEAL_NOUNS:
            k += 1  # "a £35m move for Marc Guéhi", "une offre de 110 millions pour Isak"
            if k + 1 < len(tokens) and tokens[k].low in ("from", "by"):
                return None  # "a £110m bid from Rovers": the bidder's (see _bidder)
        if k >= len(tokens) or tokens[k].low not in ("for", "pour", "on", "to"):
            return None
        mention = self._mention_after_determiner(reading, k + 1)
        if mention is None or mention.how not in ("name", "description"):
            return None
        # "for Crystal Palace defender Marc Guéhi": the player, not his club.
        after = mention.last_token + 1
        if after < len(tokens) and tokens[after].low in w.PERSON_ROLES:
            person = self._mention_at(reading, after + 1)
            if person is not None and person.how == "name":
                return person
        return mention

    def _trained(self, index: int, first: int) -> Entity | None:
        """ "Its engineers trained it on 1.2 trillion tokens using 4,096 GPUs": what was
        trained is what the tokens and the chips were for: the object of the verb, and
        "it" there is the last product the text named."""
        reading = self.sentences[index]
        tokens = reading.tokens
        verb = next((k for k in range(first - 1, -1, -1) if tokens[k].low in _TRAINING_VERBS), None)
        if verb is None or verb + 1 >= first:
            return None
        mention = self._mention_at(reading, verb + 1)
        if mention is not None and mention.how in ("name", "description"):
            return mention.entity
        # "It was trained on…", "Il a été entraîné sur…": the pronoun is the model.
        passive = next(
            (m for m in reading.mentions if m.how == "pronoun" and m.last_token < verb), None
        )
        if passive is None and tokens[verb + 1].low not in ("it", "them"):
            return None
        at = tokens[passive.first_token if passive else verb + 1].start
        if index > 0:
            before = self.sentences[index - 1].subject
            if before is not None and before.type == PRODUCT:
                return before  # what the sentence before was about, if it was a model
        for earlier in range(index, -1, -1):
            for named in reversed(self.sentences[earlier].mentions):
                if named.start < at and named.entity.type == PRODUCT:
                    return named.entity
        return None

    def _topic(self, reading: SentenceReading) -> Mention | None:
        """ "Pour Liverpool, …", "For Nvidia, …", "Chez LVMH, …": the name an opening
        phrase sets as what the sentence is about."""
        tokens = reading.tokens
        if len(tokens) < 3 or tokens[0].low not in _TOPIC_OPENERS[self.lang]:
            return None
        mention = self._mention_at(reading, 1) or self._mention_at(reading, 2)
        if mention is None or mention.how != "name":
            return None
        after = mention.last_token + 1
        return mention if after < len(tokens) and tokens[after].text == "," else None

    def _acquired(self, reading: SentenceReading, first: int) -> Mention | None:
        """ "to sign Nick Woltemade from Stuttgart for an initial £69m", "a racheté X pour
        2 milliards": what a price is paid for is the object of the buying verb."""
        tokens = reading.tokens
        k = first - 1
        while k >= 0 and (
            tokens[k].low in _DETERMINERS[self.lang]
            or tokens[k].low in ("initial", "around", "about", "some", "environ", "quelque")
        ):
            k -= 1
        if k < 1 or tokens[k].low not in ("for", "pour", "contre"):
            return None
        for verb in range(k - 1, max(-1, k - 9), -1):
            if tokens[verb].text in ",;:":
                return None
            if tokens[verb].low in _ACQUIRING_VERBS:
                mention = self._mention_at(reading, verb + 1) or self._mention_at(reading, verb + 2)
                if mention is not None and mention.how == "name":
                    return mention
                # "the island of Lanai, which he bought in 2012 for $300m"
                relative = next(
                    (
                        r
                        for r in range(verb - 1, max(-1, verb - 4), -1)
                        if tokens[r].low in ("which", "that", "que", "qu'", "qu’")
                    ),
                    None,
                )
                if relative is not None:
                    antecedent = [
                        m for m in reading.mentions if m.last_token < relative and m.how == "name"
                    ]
                    if antecedent and relative - antecedent[-1].last_token <= 2:
                        return antecedent[-1]
                return None
        return None

    def _taken_over(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "David's $8bn takeover of Paramount": what a price right before a takeover
        noun buys is the name the noun takes."""
        tokens = reading.tokens
        k = last + 1
        if k + 2 >= len(tokens) or tokens[k].low not in _ACQUIRING_NOUNS:
            return None
        if tokens[k + 1].low not in ("of", "de", "d'", "d’", "du"):
            return None
        mention = self._mention_after_determiner(reading, k + 2)
        return mention if mention is not None and mention.how == "name" else None

    def _opens_with_participle(self, tokens: list[Token]) -> bool:
        """ "Arrivé en tête…", "Fondée en 2019…", "Founded in 2019…", "Valued at…"."""
        first = next((t for t in tokens if t.is_word), None)
        if first is None or not first.capitalised:
            return False
        if self.lang == "fr":
            return (
                first.low not in _NOT_PARTICIPLES
                and len(first.low) > 3
                and first.text.endswith(("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue"))
            )
        # "Visiting the fire centre on August 17, the prime minister announced…"; but
        # "According to", "During", "Following" open no clause of their own.
        return (
            first.low.endswith("ed")
            or first.low in ("born", "built", "hit", "set", "made")
            or (first.low.endswith("ing") and first.low not in _NOT_GERUNDS)
        )

    def _intro_end(self, tokens: list[Token]) -> int:
        """The last comma before the main clause: where the opening phrase ends."""
        commas = [k for k, t in enumerate(tokens) if t.text == ","]
        for k in reversed(commas):
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and (nxt.low in _DETERMINERS[self.lang] or nxt.capitalised):
                return k
        return commas[0] if commas else len(tokens)

    def continues_list(self, start: int) -> bool:
        """Whether the figure at ``start`` goes on a list with its verb left out: "Meta
        jusqu'à 65 milliards", "Hermès 0,71 %": it measures what the figure before did."""
        index = self.sentence_index(start)
        if index >= len(self.sentences):
            return False
        reading = self.sentences[index]
        first = next((k for k, t in enumerate(reading.tokens) if t.end > start), None)
        if first is None:
            return False
        k = first
        while k > 0 and reading.tokens[k - 1].low in (
            "jusqu'à",
            "jusqu’à",
            "à",
            "up",
            "to",
            "some",
        ):
            k -= 1
        return self._elliptic(reading, k) is not None

    def _elliptic(self, reading: SentenceReading, first: int) -> Mention | None:
        """ "Kering a perdu 6,51 %, Hermès 0,71 % et L'Oréal 2,63 %": a name right before a
        figure, after a comma or "and", with the verb left out, is that figure's subject."""
        tokens = reading.tokens
        # "Saint-Denis (750)": the figure in brackets after a name; "TSMC de 13 %".
        bracket = first >= 2 and tokens[first - 1].text == "("
        linked = first >= 2 and tokens[first - 1].low in ("de", "d'", "by", "of", "avec", "with")
        before = first - (2 if bracket or linked else 1)
        mention = next((m for m in reading.mentions if m.last_token == before), None)
        if (
            mention is None
            and not bracket
            and before > 0
            and tokens[before].text.islower()
            and tokens[before].is_word
        ):
            # "le Parti vert 7": an adjective the name did not take in.
            mention = next((m for m in reading.mentions if m.last_token == before - 1), None)
        if mention is None or mention.how != "name":
            return None
        if bracket:
            return mention
        if mention.first_token == 0:
            return None
        k = mention.first_token - 1
        # ", le Parti socialiste 64", "et le taïwanais TSMC de 13 %"
        for _ in range(2):
            if (
                k > 0
                and tokens[k].text.islower()
                and (w.is_demonym(tokens[k].low) or _ADJECTIVE_END_RE.search(tokens[k].low))
            ):
                k -= 1
        if k > 0 and tokens[k].low in _DETERMINERS[self.lang]:
            k -= 1
        return mention if tokens[k].low in (",", "et", "and", ";") else None

    def _object_of(self, reading: SentenceReading, cue: tuple[int, int]) -> Mention | None:
        """ "he co-founded High-Flyer in 2015", "Apple launched the iPhone in 2007": the
        object of the verb that names the property is what the figure is about."""
        tokens = reading.tokens
        after = next((k for k, t in enumerate(tokens) if t.start >= cue[1]), None)
        if after is None:
            return None
        verb = self.text[cue[0] : cue[1]].casefold()
        if not re.search(r"(?:ed|é|ée|és|ées|a|it|é\s+par)$|^(?:set\s+up|built|bought)", verb):
            return None
        for k in range(after, min(after + 3, len(tokens))):
            mention = self._mention_at(reading, k)
            if mention is not None and mention.how == "possessive":
                mention = None  # "released its R1 model": whose it is, then what
            if mention is not None:
                return mention if mention.how in ("name", "description") else None
            if tokens[k].low in w.PRODUCT_HEADS and k + 1 < len(tokens):
                continue  # "a lancé son modèle Orca-2": the name after the kind of product
            if tokens[k].low not in _DETERMINERS[self.lang] and tokens[k].low not in (
                "its",
                "their",
                "son",
                "sa",
                "ses",
                "leur",
                "new",
                "nouveau",
                "nouvelle",
                "first",
                "premier",
                "première",
            ):
                return None
        return None

    def _mention_at(self, reading: SentenceReading, k: int) -> Mention | None:
        return next((m for m in reading.mentions if m.first_token == k), None)

    def _mention_after_determiner(self, reading: SentenceReading, k: int) -> Mention | None:
        """The mention that starts at token k, or at k + 1 past a determiner ("by the
        State", "pour l'État")."""
        mention = self._mention_at(reading, k)
        if mention is not None or k >= len(reading.tokens):
            return mention
        if reading.tokens[k].low not in _DETERMINERS[self.lang]:
            return None
        return self._mention_at(reading, k + 1)

    def _possessors(
        self, reading: SentenceReading, span: tuple[int, int], *, share: bool = False
    ) -> list[Mention]:
        """Whose the words at ``span`` are: "X's cue", "its cue", "cue of X", "cue de X"."""
        tokens = reading.tokens
        ci = next((k for k, t in enumerate(tokens) if t.end > span[0]), None)
        if ci is None:
            return []
        cj = max(
            ci, next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].start < span[1]), ci)
        )
        found = []
        # Before: "Jensen Huang's net worth", "its revenue", "sa fortune", "X’s total"
        k = ci - 1
        while (
            k >= 0
            and tokens[k].is_word
            and tokens[k].text.islower()
            and tokens[k].low not in w.POSSESSIVES[self.lang]
            and k > ci - 3
            and tokens[k].low not in _DETERMINERS[self.lang]
            # "Tesla's board from 2018": past a preposition, the figure is not the board's.
            and tokens[k].low not in _PREPOSITIONS[self.lang] - _OF_WORDS
        ):
            k -= 1  # adjectives: "its annual revenue"
        if k >= 0:
            if tokens[k].low == "'s" and k > 0:
                owner = next((m for m in reading.mentions if m.last_token == k - 1), None)
                if owner is not None:
                    found.append(owner)
            else:
                owner = next(
                    (m for m in reading.mentions if m.first_token == k and m.how == "possessive"),
                    None,
                )
                if owner is not None:
                    found.append(owner)
        # After: "la fortune de Jensen Huang", "the valuation of Kestrel", "du groupe"
        k = cj + 1
        linkers = (
            ("in", "en", "dans")
            if share
            else ("of", "de", "d'", "du", "des", "in", "en", "dans", "from")
        )
        if k < len(tokens) and tokens[k].low in linkers:
            # "de X", "de la division X", "in the Californian company", "du groupe"
            for j in range(k, min(k + 5, len(tokens))):
                owner = self._mention_at(reading, j)
                if owner is not None:
                    if owner.how != "possessive":
                        found.append(owner)
                    break
                if j > k and not (tokens[j].is_word and tokens[j].text.islower()):
                    break
                if j > k and (
                    tokens[j].start in self._in_figures
                    or tokens[j].low in _PREPOSITIONS[self.lang] - _OF_WORDS
                ):
                    # "un contrat de six ans avec le champion": past a figure or another
                    # preposition, the name is no longer whose the cue is.
                    break
                if tokens[j].low in _RANKINGS:
                    # "la troisième place du classement X": X ranks, it is not ranked.
                    break
        return found

    def _described(self, reading: SentenceReading, first: int, last: int) -> Mention | None:
        """The name an apposition or a relative clause holding the figure describes:
        "Kestrel Labs, the Lisbon start-up founded in 2019, …", "X, qui emploie 140 personnes"."""
        tokens = reading.tokens
        k = first - 1
        while k >= 0 and tokens[k].text not in ",(" and tokens[k].text not in _HARD_BOUNDARIES:
            k -= 1
        if k <= 0 or tokens[k].text not in ",(":
            return None
        opener = k
        nxt = tokens[opener + 1] if opener + 1 < len(tokens) else None
        if nxt is None:
            return None
        previous_comma = next(
            (
                j
                for j in range(opener - 1, -1, -1)
                if tokens[j].text == "," or tokens[j].text in _HARD_BOUNDARIES
            ),
            None,
        )
        if (
            previous_comma is not None
            and tokens[previous_comma].text == ","
            and previous_comma + 1 < opener
            and self._is_participle(tokens[previous_comma + 1])
        ):
            # "The party, led by Ana Kostel, won 71 seats": this comma closes the
            # participle's apposition; what follows is the main clause's verb, not another
            # apposition on the name the first one ended with.
            return None
        relative = nxt.low in _RELATIVES[self.lang]
        appositive = (
            nxt.low in _DETERMINERS[self.lang]
            or nxt.low in w.PERSON_ROLES
            or nxt.low in _ORDINALS
            or nxt.text.isdigit()
            # "Kestrel Labs, founded in 2019,", "Mistral AI, fondée en 2023,"
            or self._is_participle(nxt)
        )
        if not (relative or appositive):
            return None
        # Between the comma and the figure, no other clause's verb: no second comma, no
        # auxiliary, no other name ("à Lyon, la société Valmont a levé …" is a clause);
        # but a participle's complements may name places and clubs: "Neymar, parti de
        # Barcelone pour le PSG contre 222 millions d'euros", "Tomas Brandt, signed from
        # Ajax for £42m".
        between = tokens[opener + 1 : first]
        if any(t.text == "," for t in between):
            return None
        participle = self._is_participle(nxt)
        # "ChatGPT, le robot d'OpenAI qui avait lancé la course fin 2022": a relative clause
        # on the apposition's noun still describes the name; its verb is the relative's.
        inner = next(
            (
                opener + 1 + n
                for n, t in enumerate(between)
                if t.low in _RELATIVES[self.lang] and n > 1
            ),
            None,
        )
        if inner is not None and appositive and not participle:
            verbs_until, names_after = inner, inner
        else:
            verbs_until, names_after = first, opener
        if not relative and (
            any(t.low in _AUXILIARIES[self.lang] for t in tokens[opener + 1 : verbs_until])
            or any(
                m.how == "name"
                and opener < m.first_token < first
                and not ((participle or m.first_token < names_after) and m.complement)
                for m in reading.mentions
            )
        ):
            return None
        antecedent_end = opener - 1
        if relative:
            # "les incendies de Pedrógão Grande, dans le centre du pays, qui avaient fait
            # 119 morts": a relative clause skips the place its antecedent is set in.
            where = next(
                (k for k in range(opener - 1, max(0, opener - 9), -1) if tokens[k].text == ","),
                None,
            )
            if (
                where is not None
                and where + 1 < opener
                and tokens[where + 1].low in _PLACE_APPOSITION_OPENERS
                and not any(
                    m.how == "name" and m.last_token == opener - 1 and not m.complement
                    for m in reading.mentions
                )
            ):
                antecedent_end = where - 1
        owner = next(
            (
                m
                for m in reversed(reading.mentions)
                if m.last_token == antecedent_end and m.how != "possessive"
            ),
            None,
        )
        if owner is None or owner.source:
            return None
        return owner

    def _is_participle(self, token: Token) -> bool:
        """A past participle opening an apposition: "founded", "fondée", "parti", "sold"."""
        if not token.text.islower() or token.low in _NOT_PARTICIPLES:
            return False
        if self.lang == "en":
            return token.low.endswith("ed") or token.low in _IRREGULAR_PARTICIPLES
        # Folded: "fondée" reads "fondee"; "parti", "venu", "acquis" end otherwise.
        return token.text.endswith(("é", "ée", "és", "ées")) or token.low in _FRENCH_PARTICIPLES

    def _qualified(self, reading: SentenceReading, first: int, last: int) -> Entity | None:
        """What a figure qualifies: "the 3.5 billion parameter model" (the model the text
        names), "un modèle de 3,5 milliards de paramètres", "a 140-strong team"."""
        tokens = reading.tokens
        head: tuple[int, set[str]] | None = None
        # The figure's own noun first: "50 000 doses" (the doses of the vaccine named).
        own = (last,) if last > first and tokens[last].text.isalpha() else ()
        for k in (*own, last + 1, last + 2):
            if k < len(tokens) and tokens[k].is_word and tokens[k].text.islower():
                phrase = tokens[k].low
                if phrase in w.PRODUCT_HEADS:
                    head = (k, {PRODUCT})
                elif phrase in w.ORG_HEADS:
                    head = (k, {ORG})
                if head:
                    break
                if tokens[k].low not in ("-strong", "strong"):
                    continue
        if head is None:
            # "a model with 3.5 billion parameters", "un modèle de 3,5 milliards de paramètres"
            k = first - 1
            if k >= 1 and tokens[k].low in ("with", "of", "de", "d'", "à", "featuring", "doté"):
                noun = tokens[k - 1]
                if noun.low in w.PRODUCT_HEADS and noun.text.islower():
                    head = (k - 1, {PRODUCT})
        if head is None:
            return None
        k, types = head
        # A name right after the head, or after a comma, "called", "baptisé": that one.
        for j in range(k + 1, min(k + 4, len(tokens))):
            mention = self._mention_at(reading, j)
            if mention is not None and mention.how == "name" and mention.entity.fits(types):
                return mention.entity
            if tokens[j].low not in (
                ",",
                "called",
                "named",
                "dubbed",
                "baptisé",
                "baptisée",
                "nommé",
                "appelé",
                "«",
                "“",
                '"',
            ):
                break
        # A name the noun phrase is in apposition with, before it.
        np_start = k
        while np_start > 0 and tokens[np_start - 1].text not in ",;(":
            np_start -= 1
        if np_start >= 2 and tokens[np_start - 1].text == ",":
            owner = next(
                (m for m in reading.mentions if m.last_token == np_start - 2 and m.how == "name"),
                None,
            )
            if owner is not None and owner.entity.fits(types):
                return owner.entity
        # Else the last entity of that kind: "the model" is the model the text is about.
        candidates = [e for e in self.entities if e.type in types and e.first <= tokens[k].start]
        if candidates:
            return max(candidates, key=lambda e: e.last if e.last <= tokens[k].start else e.first)
        return None

    def _records_begun(self, reading: SentenceReading, first: int) -> bool:
        """ "since comparable records began in 2006", "depuis le lancement de ces
        statistiques comparables en 2006": the figure is when a series of records began."""
        lows = [t.low for t in reading.tokens[max(0, first - 7) : first]]
        if lows and lows[-1] in ("in", "en"):
            lows.pop()
        if self.lang == "en":
            return len(lows) >= 2 and lows[-1] in _BEGAN and bool(_RECORD_NOUNS & set(lows[-3:-1]))
        starts = [k for k, low in enumerate(lows) if low in _RECORDS_START]
        return bool(starts) and bool(_RECORD_NOUNS & set(lows[starts[-1] + 1 : starts[-1] + 4]))

    def _data_keeper(self) -> Entity | None:
        """The body the article cites for its figures at least twice, most often: whose
        records "records began" speaks of."""
        cited = Counter(
            m.entity
            for reading in self.sentences
            for m in reading.mentions
            if m.source and m.entity.type not in (MEDIA, PERSON)
        )
        if not cited:
            return None
        entity, count = cited.most_common(1)[0]
        return entity if count >= 2 else None

    def _what_began(self, reading: SentenceReading, first: int) -> Entity | None:
        """ "since satellite monitoring of fire emissions began in 2003": the date something
        without a name began is its own start, named as the text names it."""
        tokens = reading.tokens
        k = first - 1
        if k >= 0 and tokens[k].low in ("in", "en"):
            k -= 1
        if k < 1 or tokens[k].low not in _BEGAN:
            return None
        opener = next(
            (j for j in range(k - 1, max(-1, k - 9), -1) if tokens[j].low in ("since", "when")),
            None,
        )
        if opener is None or opener + 1 >= k:
            return None
        words = tokens[opener + 1 : k]
        if not all(t.is_word and t.text.islower() for t in words) or any(
            t.low in _DETERMINERS[self.lang] for t in words[:1]
        ):
            return None  # a name, or "since the records began": left to the names
        name = self.text[words[0].start : words[-1].end]
        entity = self._by_key.get(normalise_name(name))
        if entity is None:
            entity = self._link(name, OTHER, False, [normalise_name(name)], words[0].start)
            entity.group = True
        return entity

    def _members_of(self, reading: SentenceReading, last: int) -> Mention | None:
        """ "500 more soldiers from the Military Emergency Unit", "300 salariés de l'usine
        Orvane": a count of people from a body is the body's; not a place's ("500 migrants
        from Syria" says where they come from)."""
        tokens = reading.tokens
        k = last + 1
        if k < len(tokens) and tokens[k].low in ("more", "new", "additional", "extra"):
            k += 1
        if k < len(tokens) and tokens[k].text.islower() and tokens[k].low in _MEMBER_NOUNS:
            k += 1
        elif not (tokens[last].text.islower() and tokens[last].low in _MEMBER_NOUNS):
            return None
        if k >= len(tokens) or tokens[k].low not in ("from", "of", "de", "du", "des", "d'"):
            return None
        mention = self._mention_after_determiner(reading, k + 1)
        if mention is None or mention.how != "name" or mention.entity.type in (PLACE, PERSON):
            return None
        return mention

    def _event_lasting(self, reading: SentenceReading, first: int, last: int) -> Entity | None:
        """ "a 16-day heatwave in August", "une grève de trois semaines": how long an
        event without a name lasted, and when, is the event's, named as the text names it."""
        tokens = reading.tokens
        noun: int | None = None
        if (
            self.lang == "en"
            and last + 1 < len(tokens)
            and re.search(r"\d-(?:day|week|month|year|hour)$", tokens[last].text)
            and tokens[last + 1].low in _EVENT_NOUNS
        ):
            noun = last + 1  # "a 16-day heatwave"
        elif (
            first >= 2
            and tokens[first - 1].low in ("de", "d'", "d’", "of")
            and tokens[first - 2].low in _EVENT_NOUNS
            # A length, not a date: "l'épidémie de 2005" is dated, not measured.
            and re.search(
                r"(?:jours?|semaines?|mois|ans|années?|heures?|days?|weeks?|months?|years?|"
                r"hours?)$",
                self.text[tokens[first].start : tokens[last].end],
            )
        ):
            noun = first - 2  # "une canicule de 16 jours", "a strike of three weeks"
        elif first >= 2 and tokens[first - 1].low in ("in", "en"):
            # "… heatwave in August": the date of the event just named, lasting a while.
            k = first - 2
            if (
                k >= 1
                and tokens[k].low in _EVENT_NOUNS
                and re.search(r"\d-(?:day|week|month|year|hour)$", tokens[k - 1].text)
            ):
                noun = k
        if noun is None:
            return None
        name = tokens[noun].text
        entity = self._by_key.get(normalise_name(name))
        if entity is None:
            entity = self._link(name, OTHER, False, [normalise_name(name)], tokens[noun].start)
            entity.group = True
        return entity

    def _object_of_valuation(self, reading: SentenceReading, first: int) -> Mention | None:
        """ "values the company at €1.1 billion", "valorise la start-up à 2 milliards"."""
        tokens = reading.tokens
        if first < 2 or tokens[first - 1].low not in ("at", "à"):
            return None
        for k in range(first - 2, max(-1, first - 8), -1):
            if re.match(r"valu(?:e|es|ed|ing)$|valoris\w*$|pric(?:e|es|ed|ing)$", tokens[k].low):
                between = [m for m in reading.mentions if k < m.first_token < first - 1]
                return between[0] if between else None
        return None

    def _clause_start(self, reading: SentenceReading, first: int) -> int:
        """The first token of the clause holding the figure: after a hard boundary, a
        speech verb ("X said that …"), or a comma before a subordinating word."""
        tokens = reading.tokens
        verbs = w.SPEECH_VERBS[self.lang]
        subordinators = _SUBORDINATORS[self.lang]
        # Relative clauses closed before the figure ("the United States, which had declared
        # the disease eliminated, has logged…"): nothing inside them bounds the main clause.
        inside_relative: set[int] = set()
        for opening in range(first - 1):
            if tokens[opening].text == "," and tokens[opening + 1].low in _RELATIVES[self.lang]:
                closing = next(
                    (j for j in range(opening + 2, first) if tokens[j].text == ","), None
                )
                if closing is not None:
                    inside_relative.update(range(opening + 1, closing))
        k = first
        while k > 0:
            k -= 1
            token = tokens[k]
            if k in inside_relative:
                continue
            if token.text == ")":
                # "le Nouveau Front populaire (NFP) est arrivé…": a bracket inside the clause.
                opening = next((j for j in range(k - 1, -1, -1) if tokens[j].text == "("), None)
                if opening is not None and k - opening <= 6:
                    k = opening
                    continue
            if token.text in _HARD_BOUNDARIES:
                return k + 1
            if (
                token.low in verbs
                and not token.capitalised  # "the United States", not "he states"
                # "across 43 states", "the reports": a noun, not a verb
                and not (
                    k > 0
                    and (
                        tokens[k - 1].text[:1].isdigit()
                        or tokens[k - 1].low in _DETERMINERS[self.lang]
                    )
                )
                and k + 1 < first
                and tokens[k + 1].low not in ("de", "d'", "d’", "to")  # "prévoit d'investir"
            ):
                return k + 1
            if token.low in ("that", "que", "qu'") and k > 0 and tokens[k - 1].low in verbs:
                return k + 1
            if token.text == "," and k + 1 < first and tokens[k + 1].low in subordinators:
                closed = any(t.text == "," for t in tokens[k + 2 : first])
                if tokens[k + 1].low in _RELATIVES[self.lang] and closed:
                    # "the United States, which had declared…, has logged 1,800 cases": the
                    # relative clause closed before the figure; the main clause goes on.
                    continue
                return k + 1
        return 0
