/**
 * Small hand-written vocabularies for a fictional moving company ("Kranich & Roda Relocations")
 * with offices in Munich, Vienna and Zagreb. Deliberately tiny and local: no faker, so output is
 * stable across dependency upgrades.
 */

/** Languages our customers write in: the company's three, plus those of its neighbours and expats. */
export const LANGS = ['en', 'de', 'hr', 'sr', 'sl', 'it', 'fr', 'es', 'pl', 'cs', 'hu', 'nl'] as const;
export type Lang = (typeof LANGS)[number];
/** The languages the company's own reps write in (notes, emails). */
export type RepLang = 'en' | 'de' | 'hr';

export const FIRST_NAMES: Record<Lang, readonly string[]> = {
  en: ['Emma', 'James', 'Olivia', 'Liam', 'Sophie', 'Daniel', 'Chloe', 'Ryan', 'Aoife', 'Sean', 'Priya', 'Arjun',
    'Maria', 'Lucas', 'Elena', 'Marco', 'Sara', 'David', 'Hannah', 'Tom', 'Nina', 'Pieter', 'Ines', 'Kofi'],
  de: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Marie', 'Maximilian', 'Sophie', 'Paul', 'Laura', 'Tobias',
    'Katharina', 'Florian', 'Julia', 'Stefan', 'Sabine', 'Matthias', 'Verena', 'Andreas', 'Birgit', 'Jürgen', 'Ayşe'],
  hr: ['Ana', 'Ivan', 'Marija', 'Luka', 'Petra', 'Marko', 'Ivana', 'Josip', 'Lucija', 'Tomislav', 'Katarina',
    'Filip', 'Maja', 'Stjepan', 'Nikolina', 'Dario', 'Martina', 'Goran', 'Iva', 'Željko', 'Mateja', 'Hrvoje'],
  sr: ['Nikola', 'Jelena', 'Milan', 'Milica', 'Stefan', 'Jovana', 'Aleksandar', 'Dragana', 'Nemanja', 'Emir', 'Amra',
    'Adnan', 'Lejla', 'Dženana', 'Haris', 'Vesna', 'Zoran', 'Selma'],
  sl: ['Luka', 'Nina', 'Jure', 'Maja', 'Matej', 'Eva', 'Tadej', 'Špela', 'Rok', 'Urška', 'Gregor', 'Mojca', 'Nejc', 'Tjaša'],
  it: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Elena', 'Davide', 'Federica', 'Lorenzo'],
  fr: ['Camille', 'Julien', 'Léa', 'Thomas', 'Manon', 'Nicolas', 'Chloé', 'Antoine', 'Inès', 'Mathieu', 'Élodie', 'Hugo'],
  es: ['Lucía', 'Javier', 'María', 'Carlos', 'Sofía', 'Pablo', 'Marta', 'Alejandro', 'Laura', 'Diego', 'Carmen', 'Sergio'],
  pl: ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Agnieszka', 'Michał', 'Magdalena', 'Paweł', 'Joanna', 'Krzysztof', 'Małgorzata', 'Łukasz'],
  cs: ['Jan', 'Petra', 'Tomáš', 'Lucie', 'Martin', 'Tereza', 'Jakub', 'Kateřina', 'Ondřej', 'Veronika', 'Lukáš', 'Barbora'],
  hu: ['László', 'Eszter', 'Gábor', 'Katalin', 'Zoltán', 'Anna', 'Péter', 'Réka', 'Balázs', 'Zsófia', 'Attila', 'Dóra'],
  nl: ['Daan', 'Sanne', 'Lars', 'Emma', 'Bram', 'Lotte', 'Thijs', 'Femke', 'Ruben', 'Anouk', 'Jeroen', 'Sophie'],
};

export const LAST_NAMES: Record<Lang, readonly string[]> = {
  en: ['Smith', 'Murphy', 'Walsh', 'Brown', 'Taylor', 'Patel', 'Rossi', 'Garcia', 'Jansen', 'Dubois', 'Kowalski',
    "O'Brien", 'Nguyen', 'Silva', 'Andersson', 'Fischer', 'Moreau', 'Byrne', 'Mensah', 'Costa'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer',
    'Koch', 'Bauer', 'Richter', 'Gruber', 'Huber', 'Steiner', 'Wimmer', 'Yılmaz', 'Lehmann', 'Krämer'],
  hr: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Kovačić', 'Knežević', 'Vuković', 'Marković',
    'Petrović', 'Matić', 'Tomić', 'Pavlović', 'Božić', 'Blažević', 'Grgić', 'Pavić', 'Radić', 'Šarić'],
  sr: ['Jovanović', 'Petrović', 'Nikolić', 'Đorđević', 'Ilić', 'Stojanović', 'Hodžić', 'Begić', 'Hadžić', 'Delić',
    'Mitrović', 'Popović', 'Savić', 'Mehmedović'],
  sl: ['Novak', 'Horvat', 'Krajnc', 'Kovačič', 'Zupan', 'Potočnik', 'Mlakar', 'Kos', 'Vidmar', 'Golob', 'Turk', 'Zupančič'],
  it: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'De Luca', 'Moretti'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fournier'],
  es: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Moreno', 'Muñoz'],
  pl: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak'],
  cs: ['Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Pokorný'],
  hu: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp'],
  nl: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'],
};

export const CITIES: Record<Lang, readonly string[]> = {
  en: ['Munich', 'Vienna', 'Zagreb', 'Dublin', 'Amsterdam', 'Berlin', 'Frankfurt', 'Zurich', 'Milan', 'Ljubljana',
    'Graz', 'Salzburg', 'Split', 'Rotterdam', 'Hamburg', 'London', 'Brussels', 'Prague'],
  de: ['München', 'Wien', 'Graz', 'Salzburg', 'Augsburg', 'Regensburg', 'Linz', 'Innsbruck', 'Nürnberg', 'Stuttgart',
    'Rosenheim', 'Ingolstadt', 'Berlin', 'Hamburg', 'Zagreb', 'Zürich', 'Klagenfurt', 'Freising'],
  hr: ['Zagreb', 'Split', 'Rijeka', 'Osijek', 'Zadar', 'Pula', 'Varaždin', 'Karlovac', 'Dubrovnik', 'Šibenik',
    'Velika Gorica', 'Samobor', 'Slavonski Brod', 'München', 'Beč', 'Ljubljana', 'Graz'],
  sr: ['Beograd', 'Novi Sad', 'Sarajevo', 'Banja Luka', 'Niš', 'Tuzla', 'Mostar', 'Zagreb', 'München', 'Beč', 'Ljubljana'],
  sl: ['Ljubljana', 'Maribor', 'Celje', 'Kranj', 'Koper', 'Novo mesto', 'Zagreb', 'Gradec', 'Celovec', 'München', 'Dunaj'],
  it: ['Milano', 'Trieste', 'Udine', 'Bolzano', 'Verona', 'Venezia', 'Torino', 'Monaco di Baviera', 'Vienna', 'Zagabria'],
  fr: ['Paris', 'Lyon', 'Strasbourg', 'Genève', 'Bruxelles', 'Munich', 'Vienne', 'Zagreb', 'Lille'],
  es: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Múnich', 'Viena', 'Zagreb'],
  pl: ['Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Monachium', 'Wiedeń', 'Berlin'],
  cs: ['Praha', 'Brno', 'Ostrava', 'Plzeň', 'České Budějovice', 'Mnichov', 'Vídeň', 'Linec'],
  hu: ['Budapest', 'Győr', 'Debrecen', 'Szeged', 'Pécs', 'Sopron', 'Bécs', 'München', 'Graz'],
  nl: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen', 'München', 'Wenen'],
};

/** Some cities are written inconsistently in real CRMs; used as noise on origin/destination. */
export const CITY_SPELLINGS: Record<string, readonly string[]> = {
  Munich: ['munich', 'München', 'Munchen', 'MUC'],
  München: ['Muenchen', 'muenchen', 'München-Schwabing', 'M\u00fcnchen '],
  Vienna: ['Wien', 'vienna', 'Vienna 1030'],
  Wien: ['wien', 'Wien 10.', '1100 Wien'],
  Zagreb: ['zagreb', 'ZG', 'Zagreb - Trešnjevka', 'Zagreb, Novi Zagreb'],
};

/** Sales reps and the language they write their own notes in. */
export const REP_LANG: Record<string, RepLang> = {
  jonas: 'de', lena: 'de', stefan: 'de', marko: 'hr', ivana: 'hr', tomislav: 'hr', sarah: 'en', daniel: 'en',
};
export const REPS_BY_LANG: Record<Lang, readonly string[]> = {
  de: ['jonas', 'lena', 'stefan', 'sarah'],
  hr: ['marko', 'ivana', 'tomislav', 'daniel'],
  en: ['sarah', 'daniel', 'jonas', 'marko', 'lena', 'ivana'],
  sr: ['marko', 'ivana', 'tomislav'],
  sl: ['ivana', 'marko', 'lena', 'sarah'],
  it: ['sarah', 'daniel', 'lena', 'stefan'],
  fr: ['sarah', 'daniel', 'jonas'],
  es: ['sarah', 'daniel', 'lena'],
  pl: ['sarah', 'daniel', 'stefan', 'jonas'],
  cs: ['stefan', 'lena', 'sarah'],
  hu: ['stefan', 'sarah', 'tomislav'],
  nl: ['daniel', 'sarah', 'jonas'],
};

export const EMAIL_DOMAINS: Record<Lang, readonly string[]> = {
  en: ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com', 'example.org'],
  de: ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'gmx.at', 'aon.at', 'example.org'],
  hr: ['gmail.com', 'net.hr', 't-com.hr', 'yahoo.com', 'hotmail.com', 'example.org'],
  sr: ['gmail.com', 'yahoo.com', 'hotmail.com', 'mts.rs', 'bih.net.ba', 'example.org'],
  sl: ['gmail.com', 'siol.net', 't-2.net', 'amis.net', 'example.org'],
  it: ['gmail.com', 'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it'],
  fr: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr'],
  es: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
  pl: ['gmail.com', 'wp.pl', 'onet.pl', 'o2.pl', 'interia.pl'],
  cs: ['gmail.com', 'seznam.cz', 'email.cz', 'centrum.cz'],
  hu: ['gmail.com', 'freemail.hu', 'citromail.hu', 't-online.hu'],
  nl: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.nl', 'outlook.com'],
};

/** Typo'd domains for contacts that bounce. */
export const BAD_EMAIL_DOMAINS = ['gmial.com', 'gmai.com', 'outlok.com', 'gmx.dee', 'yahoo.con', 'hotmial.com', 'netr.hr'];

export const PHONE_PREFIXES: Record<Lang, readonly string[]> = {
  en: ['+353 87', '+44 7700', '+31 6', '+49 176', '+43 664'],
  de: ['+49 151', '+49 160', '+49 176', '+43 664', '+43 699', '0151', '0176', '0664'],
  hr: ['+385 91', '+385 98', '+385 95', '+385 99', '091', '098', '095'],
  sr: ['+381 64', '+381 63', '+387 61', '+387 62', '064'],
  sl: ['+386 41', '+386 31', '+386 40', '041'],
  it: ['+39 333', '+39 347', '+39 340', '333'],
  fr: ['+33 6', '+33 7', '06'],
  es: ['+34 612', '+34 655', '+34 699'],
  pl: ['+48 501', '+48 600', '+48 790'],
  cs: ['+420 602', '+420 731', '+420 777'],
  hu: ['+36 30', '+36 20', '+36 70', '06 30'],
  nl: ['+31 6', '06'],
};

export const SOURCES: readonly (readonly [string | null, number])[] = [
  ['web_form', 48], ['phone', 12], ['google_ads', 10], ['referral', 8], ['email', 7], ['partner:relocation-agency', 4],
  ['facebook', 4], ['trade_fair', 1], [null, 6],
];

export interface ServiceProfile {
  type: string;
  size: string;
  /** Typical volume; the rendered value is jittered. */
  volume: number;
  /** Price anchor in EUR before distance. */
  base: number;
}

export const SERVICE_PROFILES: Record<string, readonly ServiceProfile[]> = {
  moving: [
    { type: 'moving', size: 'studio', volume: 14, base: 650 },
    { type: 'moving', size: '1-bedroom apartment', volume: 22, base: 900 },
    { type: 'moving', size: '2-bedroom apartment', volume: 35, base: 1400 },
    { type: 'moving', size: '3-bedroom apartment', volume: 48, base: 1900 },
    { type: 'moving', size: 'house, 4 rooms', volume: 65, base: 2600 },
    { type: 'moving', size: 'shared flat room', volume: 9, base: 420 },
  ],
  office_moving: [
    { type: 'office_moving', size: 'office, 8 desks', volume: 40, base: 2400 },
    { type: 'office_moving', size: 'office, 25 desks', volume: 110, base: 6800 },
    { type: 'office_moving', size: 'medical practice', volume: 70, base: 5200 },
  ],
  storage: [
    { type: 'storage', size: 'storage unit 5 m2', volume: 12, base: 95 },
    { type: 'storage', size: 'storage unit 10 m2', volume: 25, base: 180 },
  ],
  cleaning: [
    { type: 'cleaning', size: 'end-of-tenancy cleaning, 2 rooms', volume: 0, base: 290 },
    { type: 'cleaning', size: 'end-of-tenancy cleaning, 4 rooms', volume: 0, base: 480 },
  ],
};

/** Tiny jobs that are not worth a salesperson's time. */
export const LOW_VALUE_JOBS: readonly ServiceProfile[] = [
  { type: 'moving', size: 'single item: washing machine', volume: 1, base: 120 },
  { type: 'moving', size: 'single item: sofa', volume: 3, base: 160 },
  { type: 'moving', size: 'a few boxes', volume: 2, base: 110 },
  { type: 'storage', size: 'storage box, 1 month', volume: 2, base: 45 },
  { type: 'cleaning', size: 'window cleaning, studio', volume: 0, base: 90 },
];

export const COMPETITORS = ['Umzüge Huber', 'Selidbe Brzi', 'MoveFast', 'Blitz-Umzug', 'Transport Kovač', 'EuroRelo',
  'a local guy with a van', 'Zügelmann GmbH', 'TwoMenAndATruck'];

export const TAGS = ['website', 'expat', 'b2b', 'repeat-inquiry', 'needs-survey', 'piano', 'parking-permit', 'assembly',
  'packing-service', 'international', 'vip', 'storage-upsell'];
