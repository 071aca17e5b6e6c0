import type { Sector } from "./types";

/**
 * Data tables of the demo generator. Names are common in France across generations (people born
 * 1960 to 2002), accents included, so that front ends meet real-looking data from the start.
 */
export const FEMALE_FIRST_NAMES: readonly string[] = [
  "Zoé", "Hélène", "Gaëlle", "Chloé", "Léa", "Maëlle", "Anaïs", "Océane", "Élodie", "Mélanie",
  "Cécile", "Séverine", "Agnès", "Béatrice", "Noémie", "Clémence", "Émilie", "Inès", "Aurélie", "Valérie",
  "Sophie", "Nathalie", "Isabelle", "Sandrine", "Stéphanie", "Julie", "Camille", "Laura", "Marion", "Manon",
  "Pauline", "Sarah", "Claire", "Lucie", "Amandine", "Caroline", "Virginie", "Céline", "Karine", "Christine",
  "Sylvie", "Catherine", "Martine", "Anne", "Marie", "Françoise", "Laëtitia", "Gwénaëlle", "Maïwenn", "Solène",
  "Margaux", "Justine", "Fanny", "Audrey", "Myriam", "Fatima", "Yasmine", "Nadia", "Aïcha", "Leïla",
];

export const MALE_FIRST_NAMES: readonly string[] = [
  "Loïc", "Jérôme", "Sébastien", "Frédéric", "Stéphane", "Grégory", "Jérémy", "Aurélien", "Clément", "Théo",
  "Benoît", "François", "Hervé", "Gaël", "Joël", "Noël", "Raphaël", "Mathéo", "Élie", "Rémi",
  "Nicolas", "Julien", "Thomas", "Pierre", "Laurent", "Olivier", "Christophe", "David", "Philippe", "Éric",
  "Vincent", "Guillaume", "Antoine", "Maxime", "Alexandre", "Romain", "Mathieu", "Damien", "Yannick", "Erwan",
  "Ronan", "Gwenaël", "Thierry", "Patrick", "Pascal", "Bruno", "Didier", "Alain", "Hugo", "Lucas",
  "Baptiste", "Quentin", "Florian", "Kévin", "Mehdi", "Karim", "Youssef", "Samir", "Jean-Marc", "Jean-Baptiste",
];

/** For people who say OTHER or do not disclose a gender. */
export const EPICENE_FIRST_NAMES: readonly string[] = [
  "Camille", "Dominique", "Claude", "Sacha", "Alix", "Charlie", "Morgan", "Lou", "Eden", "Noa", "Andréa", "Maxence",
];

export const LAST_NAMES: readonly string[] = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Lebrun", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
  "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Müller", "Henry", "Roussel", "Nicolas",
  "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
  "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
  "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
  "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
  "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
  "Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis",
  "Le Gall", "Le Goff", "Le Bihan", "Kerbrat", "Tanguy", "Riou", "Cazals", "Escande", "Bousquet", "Vialatte",
  "Favre", "Jacquier", "Rey", "Buisson", "Chauvet", "Benoît", "Bensaïd", "Haddad", "Benali", "Da Silva",
];

/** Small activities that CAEs really host, by sector. */
export const ACTIVITY_LABELS: Readonly<Record<Sector, readonly string[]>> = {
  SERVICES: [
    "Traduction technique", "Graphisme et illustration", "Développement web", "Photographie", "Rédaction web",
    "Conseil en communication", "Community management", "Secrétariat indépendant", "Conseil en RSE",
    "Coaching professionnel", "Sophrologie", "Diététique et nutrition", "Organisation d'événements",
    "Architecture d'intérieur", "Montage vidéo", "Conseil en ergonomie", "Interprétariat LSF", "Assistance informatique",
  ],
  CRAFTS: [
    "Céramique", "Ébénisterie", "Couture et retouches", "Bijouterie artisanale", "Maroquinerie", "Tapisserie d'ameublement",
    "Reliure", "Vitrail", "Savonnerie artisanale", "Luthérie", "Restauration de meubles", "Sérigraphie",
  ],
  MOBILE_TRADE: [
    "Food truck crêpes", "Food truck burgers", "Épicerie ambulante", "Librairie itinérante", "Café ambulant",
    "Pizzas au feu de bois", "Vente de fromages sur les marchés", "Fleurs sur les marchés",
  ],
  TRAINING: [
    "Formation bureautique", "Cours de français langue étrangère", "Formation au management", "Cours d'anglais",
    "Formation premiers secours", "Formation au numérique", "Ateliers d'écriture", "Formation à la prise de parole",
  ],
  BUILDING: [
    "Plomberie", "Peinture en bâtiment", "Électricité générale", "Menuiserie", "Carrelage", "Plâtrerie",
    "Rénovation énergétique", "Maçonnerie", "Couverture et zinguerie", "Paysagisme",
  ],
  AGRICULTURE: [
    "Maraîchage bio", "Apiculture", "Plantes aromatiques et médicinales", "Arboriculture", "Élevage de chèvres",
    "Champignons de Paris", "Petits fruits rouges",
  ],
  OTHER: [
    "Spectacle vivant", "Musique et animation", "Toilettage canin", "Aide au déménagement", "Cours de yoga",
    "Visites guidées", "Réparation de vélos",
  ],
};
