"""Who each figure is about and what it measures, read from sentences written for these
tests (not from the corpus): one rule of the reader per case, in both languages."""

from __future__ import annotations

import pytest

from claims.suggestions import suggest


def reading_of(text: str, language: str, figure: str) -> tuple[str, str]:
    """The subject and property suggested for the figure whose words start with ``figure``."""
    at = text.index(figure)
    found = [s for s in suggest(text, language) if s.start <= at < s.end]
    assert found, f"{figure!r} was not suggested"
    return found[0].subject, found[0].property_code


CASES = [
    # The clause's subject, past a bracketed acronym.
    ("fr", "Dimanche, le Parti radical (PR) est arrivé en tête avec 41 sièges.", "41",
     "Parti radical", "seat-count"),
    # A name an acronym in brackets spells out whole.
    ("fr", "La Gauche unie (LGU) obtient 18 sièges, le Parti vert 7 et les Libéraux 5.", "18",
     "La Gauche unie", "seat-count"),
    # A list's bare numbers count what the first figure counts, each for its own name.
    ("fr", "La Gauche unie (LGU) obtient 18 sièges, le Parti vert 7 et les Libéraux 5.", "7",
     "Parti vert", "seat-count"),
    ("fr", "Côté majorité, Horizon Commun conserve 52 députés, le Centre 14 et Agir 6.", "52",
     "Horizon Commun", "seat-count"),
    # A firm named after a head noun and its complements.
    ("fr", "Le géant néerlandais des semi-conducteurs Halvex a chuté de 9 % en Bourse.", "9",
     "Halvex", "share-price-change"),
    # "prévoit de" plans, it does not cite; a list with its verb left out keeps its property.
    ("fr", "Orvane prévoit d'investir 12 milliards d'euros cette année, Telquist jusqu'à "
     "9 milliards.", "12", "Orvane", "investment"),
    ("fr", "Orvane prévoit d'investir 12 milliards d'euros cette année, Telquist jusqu'à "
     "9 milliards.", "jusqu", "Telquist", "investment"),
    # Money wiped off a value is its change; a day between the verb and the figure.
    ("en", "Shares in Halvex slid, a fall that wiped $41.2 billion off its market value.",
     "$41.2", "Halvex", "market-value-change"),
    ("fr", "L'action Halvex a dévissé mardi de 11,4 % à la Bourse d'Amsterdam.", "11,4",
     "Halvex", "share-price-change"),
    # An index moves by a growth rate; an adjective between the article and an elliptic name.
    ("fr", "Halvex a chuté de 9 % et le suédois Norrkap de 4 %, tandis que le CAC 40 cédait "
     "2 %.", "4 %", "Norrkap", "share-price-change"),
    ("fr", "Halvex a chuté de 9 % et le suédois Norrkap de 4 %, tandis que le CAC 40 cédait "
     "2 %.", "2 %", "CAC 40", "growth-rate"),
    # "&" and "and" join one name.
    ("en", "Coats & Textiles fared worst, with revenue down 8% to €2.1bn.", "8%",
     "Coats & Textiles", "revenue-change"),
    # A running cost per year is not a unit price.
    ("en", "The Balkan Flood Monitoring Network cost about $3 million a year to run.", "$3",
     "Balkan Flood Monitoring Network", "operating-cost"),
    # What a price buys: the object of the buying verb, the name after "move for".
    ("en", "Rovers signed the striker Tomas Brandt from Ajax for an initial £42m.", "£42m",
     "Tomas Brandt", "transfer-fee"),
    ("en", "Talks on a £18m move for Ajax defender Piet Hollander collapsed.", "£18m",
     "Piet Hollander", "transfer-fee"),
    # What a model was trained on belongs to the model.
    ("en", "Orvane released the Lynx-2 model in May. Its researchers trained it on 900 "
     "billion tokens using 1,024 GPUs.", "1,024", "Lynx-2", "gpu-count"),
    # An opening "Pour X," names what the sentence is about.
    ("fr", "Pour Rovers, l'opération porte les dépenses de l'été à 300 millions d'euros.",
     "300", "Rovers", "cost"),
    # The French press's "outre-Atlantique" is the United States; "l'impôt" is a cue.
    ("fr", "Outre-Atlantique, l'impôt sur les sociétés va descendre à 15 %.", "15",
     "États-Unis", "tax-rate"),
    # "d'après X" cites X, which is never the subject.
    ("fr", "Les feux ont brûlé 12 000 hectares en Grèce cet été, d'après l'EFFIS.", "12 000",
     "Grèce", "area"),
    # A passive participle's agent owns the figure, not the clause's subject.
    ("fr", "L'accès à l'API de Lynx-2 commence à 0,20 $ le million de jetons, comparé aux "
     "9,00 $ exigés par Orvane.", "9,00", "Orvane", "price-per-unit"),
    ("en", "Access to the Lynx-2 API starts at $0.20 per million tokens, against the $9.00 "
     "charged by Orvane.", "$9.00", "Orvane", "price-per-unit"),
    # A rise or a fall the sentence does not name again changes what it last measured.
    ("fr", "Le chiffre d'affaires de Norrkap a reculé de 4 %, à 2,3 milliards d'euros, même si, "
     "au second semestre, porté par ses usines allemandes, il affiche une hausse de 3 %.", "3 %",
     "Norrkap", "revenue-change"),
    # ... but a change on a constant basis is another measure, never compared with it.
    ("fr", "Le chiffre d'affaires de Norrkap a reculé de 4 %, à 2,3 milliards d'euros, même si, "
     "à périmètre constant, il progresse de 3 %.", "3 %", "Norrkap",
     "growth-rate"),
    ("en", "Like-for-like revenue at Halvex rose 3% in the quarter, to €2.1bn.", "3%", "Halvex",
     "growth-rate"),
    ("en", "Revenue at Halvex fell 4% to €2.1bn in the first half, although in the second "
     "quarter, helped by the plants it bought in the spring, it rose 1%.", "1%", "Halvex",
     "revenue-change"),
    # A participle's apposition holds its name's figures, whatever names its complements
    # give and wherever the name stands in the clause.
    ("fr", "Marco Vidal deviendrait le joueur le plus cher du club, devant Tomas Brandt, parti "
     "de Porto pour Rovers contre 90 millions d'euros en 2021.", "90", "Tomas Brandt",
     "transfer-fee"),
    ("fr", "Marco Vidal deviendrait le joueur le plus cher du club, devant Tomas Brandt, arrivé "
     "en juin de Porto pour 90 millions d'euros.", "90", "Tomas Brandt", "transfer-fee"),
    ("en", "Marco Vidal would become the club's most expensive player, ahead of Tomas Brandt, "
     "signed from Porto in June for £80m.", "£80m", "Tomas Brandt", "transfer-fee"),
    # A rate between the cue and an amount changes what the cue names; the amount is its
    # level, and the amounts listed after it go on about the same subject.
    ("en", "Halvex Systems, the Dutch chipmaker, reported its results on Tuesday. The company "
     "forecast that revenue from Halvex Cloud would grow 40% this year to $2bn, before rising "
     "to $3bn and $5bn in the years that follow.", "$2bn", "Halvex Cloud",
     "revenue"),
    ("en", "Halvex Systems, the Dutch chipmaker, reported its results on Tuesday. The company "
     "forecast that revenue from Halvex Cloud would grow 40% this year to $2bn, before rising "
     "to $3bn and $5bn in the years that follow.", "$5bn", "Halvex Cloud",
     "revenue"),
    ("fr", "Norrkap, le groupe suédois, a publié ses comptes mardi. Le groupe prévoit que le "
     "chiffre d'affaires de sa filiale Norrkap Cloud progressera de 40 % cette année, à "
     "2 milliards d'euros, puis à 3 milliards et 5 milliards d'euros les années suivantes.",
     "5 milliards", "Norrkap Cloud", "revenue"),
    # ", a indiqué l'ARS": a source past its article is still a source.
    ("fr", "L'épidémie de dengue progresse en Guadeloupe. Deux décès ont été attribués au virus, "
     "a indiqué l'ARS, qui a également recensé 12 cas graves.", "12", "Guadeloupe",
     "case-count"),
    # A name that goes on in lower case up to the acronym spelling it (in another order):
    # the acronym is that name, spelled whole.
    ("fr", "Les chiffres proviennent de l'Observatoire européen de la désertification agricole "
     "(EADO). Les relevés de l'EADO ne retiennent que les parcelles d'au moins 20 hectares.",
     "20", "Observatoire européen de la désertification agricole", "area"),
    # A group without a name that the sentence counts is the count's subject.
    ("fr", "Les syndicats ont durci le ton cette semaine, si bien que le nombre de grévistes est "
     "passé de 1 200 lundi à 3 400 jeudi.", "3 400", "grévistes", "other-count"),
    ("en", "The unions hardened their stance this week, and the number of strikers rose from "
     "1,200 on Monday to 3,400 on Thursday.", "3,400", "strikers", "other-count"),
    # The noun a count counts, when only one property counts it and names it: "85 morts".
    ("fr", "La province reste marquée par le séisme de Valdora, dans le nord du pays, qui avait "
     "fait 85 morts en 2019.", "85", "Valdora", "death-toll"),
    # An opening present participle's subject is the main clause's, past its complements.
    ("en", "Visiting the flooded town of Breda, in the south, on March 3, 2025, Belgium's prime "
     "minister, Anna de Vries, announced new aid.", "March 3", "Anna de Vries",
     "announcement-date"),
    # A clause whose subject opens with a possessive is about the possessor.
    ("en", "Marco Vidal made his fortune in shipping. His other assets include a stake in "
     "Rovers, the Portonovo jazz festival and 60% of the island of Serra.", "60%",
     "Marco Vidal", "share-of-total"),
    ("fr", "Marco Vidal a fait fortune dans le transport maritime. Ses autres actifs comprennent "
     "une part de Rovers, le festival de jazz de Portonovo et 60 % de l'île de Serra.", "60 %",
     "Marco Vidal", "share-of-total"),
    # ... unless a name stands with the possessive's noun.
    ("fr", "La société Valmont a été fondée en 2012. Son concurrent Orbis emploie 300 salariés.",
     "300", "Orbis", "employee-count"),
    # A bid is the bidder's; a takeover's price is the price of what it takes over.
    ("en", "Halvex has been courted for months. Last month its board turned down a $2bn bid "
     "from Orvane, and talks collapsed.", "$2bn", "Orvane", "other-amount"),
    ("en", "Larry Vidal is the richest man in Portugal. He also financed most of his son "
     "Marco's $8bn takeover of Orvane.", "$8bn", "Orvane", "acquisition-price"),
    # A plural noun opening a sentence is no name when the text writes it in lower case.
    ("en", "Storms have battered Norrkap Island all week, and 3,000 homes lost power. The storm "
     "is the third this winter.", "3,000", "Norrkap Island", "other-count"),
    # A relative clause skips the place its antecedent is set in.
    ("fr", "Le Portugal reste marqué par les inondations de Valdora, dans le sud du pays, qui "
     "avaient fait 40 morts en 2015.", "40", "Valdora", "death-toll"),
    ("en", "Portugal is still scarred by the floods of Valdora, in the south of the country, "
     "which killed 40 people in 2015.", "40", "Valdora", "death-toll"),
    # "la famille X", "the X family": the family, not the person the surname names.
    ("fr", "Le PDG, Marco Vidal, a salué des résultats solides. Une bonne nouvelle pour la "
     "famille Vidal, qui détient 52 % du capital du groupe.", "52", "famille Vidal",
     "share-of-total"),
    ("en", "The chief executive, Marco Vidal, hailed strong results. It is good news for the "
     "Vidal family, which owns 52% of the group's capital.", "52", "Vidal family",
     "share-of-total"),
    # A count of doses is of the vaccine the text names, and a count in its own units is
    # no energy capacity, whatever "capacity" says nearby.
    ("fr", "Les premières doses du vaccin Zorvax, mis au point par le laboratoire Orvane, sont "
     "arrivées lundi. Le ministre a promis l'arrivée de 20 000 doses supplémentaires, tout en "
     "reconnaissant que le principal obstacle restait la capacité du fabricant à produire.",
     "20 000", "Zorvax", "other-count"),
    ("en", "The first doses of the Zorvax vaccine, developed by the drugmaker Orvane, arrived "
     "on Monday. The minister promised another 20,000 doses by May, while admitting that the "
     "main obstacle remained the manufacturer's production capacity.", "20,000", "Zorvax",
     "other-count"),
    # The level a change reaches keeps the cue's possessor: "its sales drop 3% to €4bn".
    ("en", "Halvex reported its results on Tuesday. The Optics division, home to Lumio, Vista "
     "and Clarex, saw its sales drop 3% to €4bn.", "€4bn", "Optics", "revenue"),
    # "a dividend of €2.40 a share": the word before the rate names it, not "a share".
    ("en", "Halvex said it would pay a dividend of €2.40 a share and approached the year with "
     "confidence.", "€2.40", "Halvex", "dividend"),
    # A description naming a fund by its apposition (past a demonym: "Japanese bonds"), not
    # by the name its verb governs; and "it" after "…, which …, and" is that clause's subject.
    ("en", "In 2019 Anna Lind co-founded Vesper Capital, a hedge fund that trades Japanese bonds "
     "and manages about $3 billion. The fund backs Orla, which has raised no other money, and "
     "it had bought 4,000 Nvidia H100 chips before the ban.", "4,000", "Vesper Capital",
     "gpu-count"),
    # What a company released is the object of the verb, past "its" and the kind of product.
    ("en", "Halvex released its Orca-2 translation model on March 3, 2024, and said it matched "
     "rivals.", "March 3, 2024", "Orca-2", "release-date"),
    ("fr", "Halvex a lancé son modèle Orca-2 le 3 mars 2024.", "3 mars 2024", "Orca-2",
     "release-date"),
    # When records began is the start of the records of the body the article takes its
    # figures from, though it cites it as their source.
    ("en", "Floods have covered more farmland in Norvania this year than in any year since "
     "records began in 1961. By Monday, 40,000 hectares were under water, according to data "
     "from the Norvanian Hydrological Service (NHS). Rivers are still rising, NHS data show.",
     "1961", "Norvanian Hydrological Service", "start-date"),
    ("fr", "Jamais la Norvanie n'avait connu de telles crues. Selon le Service hydrologique "
     "norvanien (SHN), 40 000 hectares étaient sous les eaux lundi, un niveau inédit depuis le "
     "début des relevés en 1961. Les rivières montent encore, selon le SHN.", "1961",
     "Service hydrologique norvanien", "start-date"),
    # A business line after an article takes its adjective ("la Distribution exclusive").
    ("fr", "Chez Halvex, la Distribution exclusive, qui comprend les boutiques Orla, progresse "
     "de 4 %, à 2 milliards d'euros.", "4 %", "Distribution exclusive", "growth-rate"),
    # "cost" as a verb names nothing: what cost the amount does.
    ("en", "Rovers signed the striker Tomas Brandt, whose move from Lyon to Rovers cost €48m, "
     "for the new season.", "€48m", "Tomas Brandt", "transfer-fee"),
    ("fr", "Le transfert de l'attaquant Tomas Brandt de Rovers à Lyon a coûté 48 millions "
     "d'euros au club.", "48 millions d'euros", "Tomas Brandt", "transfer-fee"),
    ("fr", "L'entraînement du modèle Orca-2, le fleuron de Halvex, aurait coûté 40 millions de "
     "dollars.", "40 millions de dollars", "Orca-2", "training-cost"),
    ("en", "The new Halvex phone costs €899 in Europe.", "€899", "Halvex", "price-per-unit"),
    # The computing time a model took is what its training cost.
    ("en", "The Orca-2 model, which Halvex launched in May, was trained in two months on 500 "
     "chips. The computing time cost about $3 million.", "$3 million", "Orca-2",
     "training-cost"),
    ("fr", "Selon Halvex, le modèle Orca-2 n'aurait nécessité que 3 millions de dollars de "
     "puissance de calcul.", "3 millions de dollars", "Orca-2", "training-cost"),
    # Past the figure and another preposition, a name is no longer whose the cue is.
    ("en", "The Portuguese striker Tomas Brandt is due to sign a contract of five years with "
     "Rovers on Monday.", "five years", "Tomas Brandt", "contract-length"),
    # How long an event without a name lasted, and when, is the event's.
    ("en", "Farmers in Castile have counted their losses since a 12-day heatwave in July 2025 "
     "scorched the crops, the regional government said.", "12-day", "heatwave", "duration"),
    ("en", "Farmers in Castile have counted their losses since a 12-day heatwave in July 2025 "
     "scorched the crops, the regional government said.", "July", "heatwave", "other-date"),
    ("fr", "Les agriculteurs de Castille ont subi une canicule de 12 jours, qui a brûlé les "
     "récoltes, selon le gouvernement régional.", "12 jours", "canicule", "duration"),
    # A count of people from a body is the body's.
    ("en", "Anna de Vries visited the flooded town on Monday. She announced that 300 more "
     "soldiers from the Civil Protection Corps would join the rescue effort.", "300",
     "Civil Protection Corps", "other-count"),
    # The date something without a name began is its own start.
    ("en", "The drought is the worst since systematic rainfall measurement began in 1871, the "
     "weather office said.", "1871", "systematic rainfall measurement", "start-date"),
    # Past a preposition, a figure is no longer the possessor's noun's.
    ("en", "Marco Vidal is the richest man in Portugal. Vidal, often described as a mentor to "
     "younger tycoons, sat on Orvane's board from 2015 to 2020.", "2015", "Marco Vidal",
     "start-date"),
    # The date of a deal is the date of what the price was paid for.
    ("en", "The previous club record belonged to Rovers, who paid Porto £80m for Tomas Brandt "
     "in 2021, months after spending £60m on Marco Vidal.", "2021", "Tomas Brandt",
     "other-date"),
    # "put $2bn into" invests, whatever the money then buys.
    ("en", "Orvane is expanding fast. Last year the group put $2bn into its purchase of Halvex.",
     "$2bn", "Orvane", "investment"),
    # A toll counted over a list of places is none of them alone.
    ("fr", "La tempête a frappé toute l'Union européenne, avec 40 morts en Grèce, en Bulgarie et "
     "en Roumanie.", "40", "Union européenne", "death-toll"),
    # The group a figure is counted among ("chez", "among") is what it is about; a ranking
    # it stands among is not.
    ("fr", "La grippe a touché 2 000 personnes à Lyon, dont 300 chez les soignants de "
     "l'hôpital.", "300", "soignants", "patient-count"),
    ("en", "The dengue outbreak in Cuba has caused 30 deaths this year, 12 among young "
     "children.", "12", "young children", "death-toll"),
    # A person who promises or forecasts something tells it; the date is the thing's.
    ("fr", "Le vaccin Vaxor arrive en Guyane. La ministre Claire Dumas a promis la livraison de "
     "20 000 doses supplémentaires d'ici à la fin mai 2026.", "fin mai", "Vaxor",
     "target-date"),
    ("fr", "La dengue progresse en Martinique. L'épidémiologiste Pierre Martin table sur un pic "
     "à la mi-mars 2026.", "mi-mars", "dengue", "other-date"),
    ("en", "Orvane is building a battery plant near Dayton. Its chief executive, Ana Costa, "
     "promised full production by June 2026.", "June", "Orvane", "target-date"),
    # Whose the clause's subject is, past an opening phrase closed by a comma: Orvane's app,
    # a product of its own, as "the Orvane app" is.
    ("fr", "Telquist domine le marché. Cette semaine, l'application gratuite d'Orvane s'est "
     "hissée à la deuxième place des ventes, devant Telquist.", "deuxième",
     "application Orvane", "leaderboard-rank"),
    # A relative clause on an apposition's noun still describes the name before it.
    ("fr", "Le choc est venu d'un téléphone. Ce week-end, l'application gratuite de Halvex "
     "s'est hissée à la deuxième place des téléchargements, détrônant Orla, le robot "
     "conversationnel de Vesper qui avait lancé la mode en 2021.", "2021", "Orla",
     "release-date"),
    # A name joined to a group it does not name is one subject, named as the text names it.
    ("fr", "Au second tour, le Parti radical et ses alliés, donnés perdants, remportent 120 "
     "sièges.", "120", "Parti radical et ses alliés", "seat-count"),
    ("en", "The Liberal Party and its allies won 152 seats on Sunday.", "152",
     "Liberal Party and its allies", "seat-count"),
    # "le Portugais X": a nationality as a noun before a name makes it a person's.
    ("fr", "Rovers ont recruté Piet Hollander. Son transfert se hisserait au deuxième rang des "
     "transferts les plus chers, derrière le Portugais Brandão, parti de Porto pour Ajax contre "
     "95 millions d'euros, et Oskar Lind, recruté par le club néerlandais pour 80 millions "
     "d'euros.", "95", "Brandão", "transfer-fee"),
    # A description is not named by a name past the figure after it.
    ("fr", "La coalition présidentielle, Ensemble, sauve les meubles avec 162 députés. La "
     "coalition comptait 245 élus dans l'Assemblée sortante.", "245", "Ensemble", "seat-count"),
    # A list of amounts measures what its first one measures, whatever words follow it.
    ("en", "Halvex is booming. The company forecast that revenue from Halvex Cloud would grow "
     "50% this year to $10bn, before rising to $14bn, $19bn and $25bn in the years that follow, "
     "as developers such as Orvane rent more capacity to train their models.", "$25bn",
     "Halvex Cloud", "revenue"),
    # The bidder owns its bid, as the agent of a passive owns the figure.
    ("en", "Tomas Brandt joins Ajax for £95m\nAjax, a rival club, had long wanted the striker "
     "Tomas Brandt. Rovers, his club, refused to sell. Last month they turned down a £90m bid "
     "from Ajax, and Brandt went on strike to force the transfer.", "£90m", "Ajax",
     "transfer-fee"),
    # What an amount is spent on, by a participle after it, is what it is about; not what
    # a spender invests in.
    ("fr", "La dengue progresse à Mayotte. Le préfet a chiffré à 3 millions d'euros les sommes "
     "engagées depuis mars dans la démoustication.", "3 millions", "démoustication",
     "other-amount"),
    ("en", "Floods hit Valencia again. The region says the €40m spent on flood defences since "
     "2020 has saved lives.", "€40m", "flood defences", "cost"),
    ("fr", "Orvane a investi 2 milliards d'euros dans une usine.", "2 milliards", "Orvane",
     "investment"),
    # The period a date is the last day of: its end.
    ("fr", "Le joueur a signé chez Rovers le 31 janvier 2026, dernier jour du mercato hivernal.",
     "31 janvier", "mercato hivernal", "end-date"),
    ("en", "Orvane filed its accounts on 30 June 2025, the last day of the fiscal year.",
     "30 June", "fiscal year", "end-date"),
    # A policy named by a common noun, quoted or not, with its complement: "the pact" and
    # "la réforme" refer back to it, and a date it is wanted by is its target.
    ("en", 'The unions called for a new "social pact" on the minimum wage. Halvex said it '
     "wanted the terms of the pact agreed by March 2027.", "March", "social pact on the "
     "minimum wage", "target-date"),
    ("fr", "Les syndicats réclament un « pacte social » contre la pauvreté, dont le "
     "gouvernement souhaite fixer le cadre dès janvier 2027.", "janvier",
     "pacte social contre la pauvreté", "target-date"),
    ("en", "Ministers unveiled a pension reform on Monday. The cabinet wants the reform passed "
     "by June 2027.", "June", "pension reform", "target-date"),
    ("fr", "Le ministre a présenté une réforme des retraites lundi. Il souhaite voir la "
     "réforme votée dès octobre 2027.", "octobre", "réforme des retraites", "target-date"),
    # A day named for the period it ends: "deadline day" ends the transfer window.
    ("en", "Rovers signed Tomas Brandt on deadline day, 2 February 2026, for £30m.",
     "2 February", "transfer window", "end-date"),
    ("en", "Tomas Brandt joined Rovers on 2 February 2026, transfer deadline day.",
     "2 February", "transfer window", "end-date"),
    ("fr", "Rovers a officialisé l'arrivée de Tomas Brandt lors du deadline day, le 2 février "
     "2026.", "2 février", "mercato", "end-date"),
    # A participle right after a plural name picks some of them: they are the subject.
    ("fr", "Le Parti radical obtient 120 sièges, dont 14 pour les Libéraux alliés à Anna Berg.",
     "14", "Libéraux alliés à Anna Berg", "seat-count"),
    # A description's adjective ("présidentiel") names the one the text described with it.
    ("fr", "La coalition présidentielle, Renouveau, obtient 160 sièges. Le Parti radical en "
     "obtient 120. Le parti présidentiel comptait 245 élus dans l'Assemblée sortante.", "245",
     "Renouveau", "seat-count"),
    # An opening participle's subject is the main clause's: what the next sentence goes on
    # about.
    ("fr", "Arrivé en tête dimanche, devant Agir et Horizon Commun, le Parti radical pensait "
     "gagner. Il obtient finalement 120 sièges.", "120 sièges", "Parti radical", "seat-count"),
    # When an unnamed event happened is the place it happened in, past "le département de".
    ("fr", "En Grèce, 20 000 hectares ont brûlé, surtout lors de l'incendie qui s'est déclaré en "
     "juillet 2025 dans le département de l'Attique.", "juillet", "Attique", "other-date"),
    # A possessive before a noun of cost refers back to the policy named last, not to the
    # city that adopted it; the noun after "its" is what the whole costs, not a unit price.
    ("en", 'The town of Brenmoor voted through a "flood defence programme" on Friday. Officials '
     "put its cost at £12 million.", "£12", "flood defence programme", "cost"),
    ("fr", "La ville de Brenmoor a voté vendredi une « stratégie contre les crues ». Son coût "
     "atteint 12 millions d'euros.", "12", "stratégie contre les crues", "cost"),
    # "estimé à" estimates what the noun before it names: a cost, not a valuation.
    ("fr", "Le coût des travaux de la digue est estimé à 8 millions d'euros.", "8", "", "cost"),
    # ... and a policy's cost stays its own, estimated or not.
    ("fr", "Brenmoor a voté vendredi une « stratégie contre les crues ». Son montant est estimé "
     "à 12 millions d'euros.", "12", "stratégie contre les crues", "cost"),
    # A relative clause that wants a date wants it for the policy it hangs on, and a wished
    # start is a target.
    ("fr", "Brenmoor a voté une « stratégie contre les crues » pour la vallée, dont le préfet, "
     "Louis Arnaud, espère l'entrée en vigueur dès juin 2027.", "juin", "stratégie contre les "
     "crues", "target-date"),
    ("en", 'Brenmoor voted through a "flood defence programme" for the valley, which the prefect, '
     "Louis Arnaud, hopes to see in force from June 2027.", "June", "flood defence programme",
     "target-date"),
    # Money "adding" to a value is its change, as money "wiped off" it is.
    ("en", "Shares in Orvane climbed 6% on Tuesday, adding €3.4 billion to its market value.",
     "€3.4", "Orvane", "market-value-change"),
    ("fr", "L'action Orvane a grimpé de 6 % mardi, ajoutant 3,4 milliards d'euros à sa "
     "capitalisation.", "3,4", "Orvane", "market-value-change"),
    # "a budget of £1.8bn" names what the figure measures, not a policy of its own.
    ("en", "The city of Brenmoor approved a budget of £640 million for 2027 on Thursday.", "£640",
     "Brenmoor", "budget"),
    ("fr", "La ville de Brenmoor a adopté jeudi un budget de 640 millions d'euros pour 2027.",
     "640", "Brenmoor", "budget"),
    # The subject of a rate's clause names it, past its complement and its verb.
    ("fr", "Le dividende de Norrkap sera porté à 0,85 euro par action.", "0,85", "Norrkap",
     "dividend"),
    ("en", "The dividend paid by Norrkap will rise to €0.85 a share.", "€0.85", "Norrkap",
     "dividend"),
    # "le club de X" calls X a club: "le club" further on is X, not the player it signed.
    ("fr", "Le club de Rovers a recruté Tomas Brandt. Le club, qui a déjà dépensé 70 millions "
     "d'euros cet été, cherche un gardien.", "70", "Rovers", "cost"),
    # A bare count that is part of a whole counts what the whole counts.
    ("en", "The Liberal Union won 64 of the 120 seats in the assembly.", "64",
     "Liberal Union", "seat-count"),
    ("fr", "L'Union libérale a remporté 64 des 120 sièges de l'assemblée.", "64",
     "Union libérale", "seat-count"),
    # A comma that closes a participle's apposition opens the main clause: the agent inside
    # the apposition is not what the figure is about.
    ("en", "The Liberal Union, led by Marta Ivanic, won 64 seats in the assembly.", "64",
     "Liberal Union", "seat-count"),
    # A name in apposition to a possessive's noun is what the clause is about, not whose.
    ("en", "The Liberal Union came first. Its closest rival, the Green League, took 22% of the "
     "vote.", "22%", "Green League", "vote-share"),
    ("fr", "L'Union libérale est arrivée en tête. Son principal rival, le Parti vert, a obtenu "
     "22 % des voix.", "22", "Parti vert", "vote-share"),
    # A word that names a measure, opening a sentence, is the measure, not a name (French
    # puts an article before it: "La participation a atteint…").
    ("en", "Voters in Austria elected a new parliament on Sunday. Turnout reached 71%, the "
     "lowest since 2008.", "71%", "Austria", "turnout"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "figure", "subject", "property_code"), CASES)
def test_the_reader_names_the_subject_and_the_property(
    language: str, text: str, figure: str, subject: str, property_code: str
) -> None:
    assert reading_of(text, language, figure) == (subject, property_code)


def test_a_pause_after_a_preposition_does_not_end_the_sentence() -> None:
    text = (
        "Arrivé en 2022, il a inscrit 40 buts, dont celui de la finale face à… Rovers. "
        "La saison dernière, il a marqué 21 buts."
    )
    subject, _ = reading_of("Tomas Brandt a rejoint Ajax. " + text, "fr", "21")
    assert subject == "Tomas Brandt"


def test_a_headline_figure_takes_the_property_the_body_gives_it() -> None:
    text = (
        "Halvex loses $41bn in a day\n\n"
        "Shares in Halvex slid 12%, a fall that wiped $41.2 billion off its market value.\n"
    )
    assert reading_of(text, "en", "$41bn") == ("Halvex", "market-value-change")


def test_a_caption_repeating_a_figure_is_offered_once_whatever_its_words() -> None:
    text = (
        "Rovers agreed a fee of £120m with Ajax for Tomas Brandt on Monday.\n\n"
        "Photo: Tomas Brandt, 24, is set to leave Ajax for £120m.\n"
    )
    found = [s for s in suggest(text, "en") if "£120m" in text[s.start : s.end]]
    assert len(found) == 1 and found[0].start < text.index("Photo")


def test_a_named_source_is_never_the_subject_but_a_company_tells_its_own_figures() -> None:
    subject, property_code = reading_of(
        "D’après l’Insee, le taux de chômage est passé de 7,1 % à 7,4 % au troisième trimestre.",
        "fr",
        "7,4",
    )
    assert (subject, property_code) == ("", "unemployment-rate")
    text = (
        "Orvane a publié ses comptes mardi. Son chiffre d'affaires a reculé de 2 %, à "
        "8,1 milliards d'euros, a précisé le groupe."
    )
    assert reading_of(text, "fr", "8,1") == ("Orvane", "revenue")


def test_a_bare_scale_word_after_money_is_money_in_the_same_currency() -> None:
    text = (
        "Orvane a dégagé un bénéfice net de 4,2 milliards d'euros, alors que les analystes "
        "attendaient 4,6 milliards."
    )
    at = text.index("4,6")
    (found,) = [s for s in suggest(text, "fr") if s.start <= at < s.end]
    assert (found.property_code, found.value.currency) == ("profit", "EUR")
    assert found.value.number == 4_600_000_000


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        (
            "en",
            "Revenue at Halvex fell 4% last year. Its optics division grew 2% to €900m.",
            "€900m",
        ),
        (
            "fr",
            "Le chiffre d'affaires de Norrkap a reculé de 4 % l'an dernier. Sa division Optique "
            "progresse de 2 %, à 900 millions d'euros.",
            "900",
        ),
    ],
)
def test_the_amount_a_change_reaches_is_the_level_of_what_it_changes(
    language: str, text: str, figure: str
) -> None:
    assert reading_of(text, language, figure)[1] == "revenue"


def test_a_word_of_a_name_is_no_cue() -> None:
    # "Marché" names a store here, not a public contract ("marché public").
    text = "La filiale qui exploite Le Grand Marché a réalisé 900 millions d'euros l'an dernier."
    assert reading_of(text, "fr", "900")[1] == "other-amount"


@pytest.mark.parametrize(
    ("language", "text", "figure", "subject"),
    [
        (
            "fr",
            "Les inondations frappent l'Union européenne\n\nLes crues ont touché l'Union "
            "européenne tout l'automne. L'Union européenne a débloqué une aide d'urgence et "
            "promis de reconstruire les digues.\n\nAilleurs, la Pologne a décrété l'état de "
            "catastrophe naturelle. La Pologne déplore trois morts.\n\nLe bilan matériel est "
            "tout aussi lourd. Depuis septembre, les crues ont détruit 4 000 habitations.",
            "4 000",
            "Union européenne",
        ),
        (
            "en",
            "Floods batter the European Union\n\nFloods have hit the European Union all "
            "autumn. The European Union has released emergency aid and pledged to rebuild "
            "dykes.\n\nElsewhere, Poland declared a state of natural disaster. Poland has "
            "counted three deaths.\n\nThe material toll is just as heavy. Since September, the "
            "floods have destroyed 4,000 homes.",
            "4,000",
            "European Union",
        ),
    ],
)
def test_a_new_paragraph_returns_to_what_the_article_is_about(
    language: str, text: str, figure: str, subject: str
) -> None:
    # The last paragraph's subject is not carried over the break when the sentence does
    # not name it again.
    assert reading_of(text, language, figure)[0] == subject


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Le Parti du progrès remporte les législatives portugaises\n\nLe Parti du progrès a "
            "obtenu 95 sièges dimanche et gouvernera seul. Le Parti du progrès promet des "
            "baisses d'impôts.\n\nLa participation s'est établie à 71 % au Portugal. Seules 12 "
            "circonscriptions restaient encore à pourvoir au second tour.",
        ),
        (
            "en",
            "The Progress Party wins Portugal's election\n\nThe Progress Party won 95 seats on "
            "Sunday and will govern alone. The Progress Party has promised tax cuts.\n\nTurnout "
            "reached 71% in Portugal. Only 12 constituencies were still undecided after the "
            "first round.",
        ),
    ],
)
def test_a_figure_whose_sentence_names_nobody_goes_on_about_the_figure_before(
    language: str, text: str
) -> None:
    # Not about the party the article is mostly about: the paragraph is the country's vote.
    assert reading_of(text, language, "12")[0] == "Portugal"


def test_a_bare_scale_word_measures_what_the_amount_before_it_measures() -> None:
    text = (
        "Orvane a dégagé un bénéfice net de 4,2 milliards d'euros, en hausse de 8 %, alors que "
        "le consensus des analystes tablait sur 4,6 milliards."
    )
    assert reading_of(text, "fr", "4,6") == ("Orvane", "profit")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Depuis janvier, les incendies ont rejeté 20 mégatonnes de dioxyde de carbone dans 14 "
            "des 27 pays membres, selon l'observatoire. Le record annuel, qui date de 2017, "
            "s'élève à 25 mégatonnes.",
        ),
        (
            "en",
            "Since January, the fires have released 20 megatonnes of carbon dioxide in 14 of the "
            "27 member states, the observatory said. The annual record, set in 2017, stands at "
            "25 megatonnes.",
        ),
    ],
)
def test_a_figure_goes_on_measuring_what_the_last_one_in_its_unit_measured(
    language: str, text: str
) -> None:
    # Not what the member states counted just before it measured.
    assert reading_of(text, language, "25")[1] == "emissions"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "Depuis janvier, les incendies ont rejeté 20 mégatonnes de dioxyde de carbone dans 14 "
            "des 27 pays membres.",
        ),
        (
            "en",
            "Since January, the fires have released 20 megatonnes of carbon dioxide in 14 of the "
            "27 member countries.",
        ),
    ],
)
@pytest.mark.parametrize("figure", ["14", "27"])
def test_a_count_of_countries_counts_no_emissions_nor_members(
    language: str, text: str, figure: str
) -> None:
    assert reading_of(text, language, figure)[1] == "other-count"


@pytest.mark.parametrize(
    ("language", "text", "figure", "subject", "alias"),
    [
        (
            "fr",
            "Chez Norrkap, les Vins et Spiritueux reculent de 4 %, à 2 milliards d'euros.",
            "2 milliards",
            "Vins et Spiritueux",
            "Wines & spirits",
        ),
        (
            "en",
            "Halvex reported on Tuesday. The Perfumes & Cosmetics division, home to Lumio and "
            "Vista, saw its sales rise 3% to €1.2bn.",
            "€1.2bn",
            "Perfumes & Cosmetics",
            "Parfums et cosmétiques",
        ),
        # A business line with an adjective, in the other language's word order: the
        # adjective as written, which a cognate in the other text meets.
        (
            "en",
            "At Halvex, Exclusive Retailing, which includes the Orla shops, grew 4% to €2bn.",
            "€2bn",
            "Exclusive Retailing",
            "Distribution exclusive",
        ),
        (
            "fr",
            "Chez Halvex, la Distribution exclusive, qui comprend les boutiques Orla, progresse "
            "de 4 %, à 2 milliards d'euros.",
            "2 milliards",
            "Distribution exclusive",
            "Exclusive retailing",
        ),
        # A company's app is named in the other language's order.
        (
            "fr",
            "Le choc est venu d'un téléphone. Ce week-end, l'application gratuite de Halvex "
            "s'est hissée à la deuxième place des téléchargements.",
            "deuxième place",
            "application Halvex",
            "Halvex app",
        ),
    ],
)
def test_a_division_named_by_its_sectors_is_known_by_its_name_in_the_other_language(
    language: str, text: str, figure: str, subject: str, alias: str
) -> None:
    at = text.index(figure)
    (found,) = [s for s in suggest(text, language) if s.start <= at < s.end]
    assert found.subject == subject
    assert alias in found.subject_aliases


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        (
            "fr",
            "Confrontée à une crise du logement, la ministre Anna de Vries a proposé le 3 mars "
            "2025, depuis Utrecht, un plan de construction.",
            "3 mars",
        ),
        (
            "en",
            "Facing a housing crisis, the Dutch prime minister, Anna de Vries, proposed on "
            "3 March 2025 a building plan for the whole country.",
            "3 March",
        ),
    ],
)
def test_the_day_a_plan_is_proposed_is_its_announcement(
    language: str, text: str, figure: str
) -> None:
    assert reading_of(text, language, figure)[1] == "announcement-date"


def test_a_thing_introduced_after_a_policy_takes_the_possessive_of_its_cost() -> None:
    """ "its cost" after "a new sea wall" is the wall's, not the budget's named before."""
    text = (
        "The city of Brenmoor passed a budget of £90 million on Friday. It funds a new sea "
        "wall, and the council put its cost at £6 million."
    )
    subject, property_code = reading_of(text, "en", "£6")
    assert subject != "budget"
    assert property_code == "cost"
