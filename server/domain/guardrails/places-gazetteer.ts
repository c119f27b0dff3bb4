/**
 * A small gazetteer of European places with their en/de/hr names, so that a draft naming a
 * city the record never mentions is spotted, and "München" or "Germany" is accepted for a
 * record that says "Munich". Not exhaustive: unknown places are still caught when they follow
 * a preposition ("to Velika Gorica"), see extract-places.ts.
 */

/** [country code, ...names]; the first name is canonical. */
const COUNTRIES: string[][] = [
  ['HR', 'Croatia', 'Kroatien', 'Hrvatska', 'Hrvatsku', 'Hrvatskoj'],
  ['DE', 'Germany', 'Deutschland', 'Njemačka', 'Njemačku', 'Njemačkoj'],
  ['AT', 'Austria', 'Österreich', 'Austrija', 'Austriju', 'Austriji'],
  ['SI', 'Slovenia', 'Slowenien', 'Slovenija', 'Sloveniju', 'Sloveniji'],
  ['CH', 'Switzerland', 'Schweiz', 'Švicarska', 'Švicarsku', 'Švicarskoj'],
  ['IT', 'Italy', 'Italien', 'Italija', 'Italiju', 'Italiji'],
  ['FR', 'France', 'Frankreich', 'Francuska', 'Francusku', 'Francuskoj'],
  ['NL', 'Netherlands', 'Holland', 'Niederlande', 'Nizozemska', 'Nizozemsku'],
  ['BE', 'Belgium', 'Belgien', 'Belgija'],
  ['GB', 'United Kingdom', 'UK', 'England', 'Großbritannien', 'Engleska', 'Britain'],
  ['IE', 'Ireland', 'Irland', 'Irska'],
  ['ES', 'Spain', 'Spanien', 'Španjolska', 'Španjolsku'],
  ['PT', 'Portugal', 'Portugalu'],
  ['PL', 'Poland', 'Polen', 'Poljska', 'Poljsku'],
  ['CZ', 'Czech Republic', 'Czechia', 'Tschechien', 'Češka', 'Češku'],
  ['SK', 'Slovakia', 'Slowakei', 'Slovačka'],
  ['HU', 'Hungary', 'Ungarn', 'Mađarska', 'Mađarsku'],
  ['RS', 'Serbia', 'Serbien', 'Srbija', 'Srbiju'],
  ['BA', 'Bosnia', 'Bosnien', 'Bosna', 'BiH'],
  ['ME', 'Montenegro', 'Crna Gora'],
  ['DK', 'Denmark', 'Dänemark', 'Danska'],
  ['SE', 'Sweden', 'Schweden', 'Švedska'],
  ['NO', 'Norway', 'Norwegen', 'Norveška'],
  ['FI', 'Finland', 'Finnland', 'Finska'],
  ['GR', 'Greece', 'Griechenland', 'Grčka'],
  ['RO', 'Romania', 'Rumänien', 'Rumunjska'],
  ['BG', 'Bulgaria', 'Bulgarien', 'Bugarska'],
  ['LU', 'Luxembourg', 'Luxemburg'],
];

/** [country code, ...names] */
const CITIES: string[][] = [
  ['HR', 'Zagreb'], ['HR', 'Split'], ['HR', 'Rijeka'], ['HR', 'Osijek'], ['HR', 'Zadar'], ['HR', 'Pula'],
  ['HR', 'Dubrovnik'], ['HR', 'Varaždin'], ['HR', 'Šibenik'], ['HR', 'Karlovac'], ['HR', 'Sisak'],
  ['HR', 'Slavonski Brod'], ['HR', 'Velika Gorica'], ['HR', 'Samobor'], ['HR', 'Koprivnica'],
  ['HR', 'Čakovec'], ['HR', 'Vukovar'], ['HR', 'Makarska'], ['HR', 'Poreč'], ['HR', 'Rovinj'], ['HR', 'Opatija'],
  ['DE', 'Munich', 'München', 'Minhen'], ['DE', 'Berlin'], ['DE', 'Hamburg'], ['DE', 'Frankfurt'],
  ['DE', 'Cologne', 'Köln', 'Keln'], ['DE', 'Stuttgart'], ['DE', 'Düsseldorf'], ['DE', 'Dortmund'],
  ['DE', 'Essen'], ['DE', 'Leipzig'], ['DE', 'Bremen'], ['DE', 'Dresden'], ['DE', 'Hanover', 'Hannover'],
  ['DE', 'Nuremberg', 'Nürnberg'], ['DE', 'Augsburg'], ['DE', 'Regensburg'], ['DE', 'Ingolstadt'],
  ['DE', 'Mannheim'], ['DE', 'Karlsruhe'], ['DE', 'Bonn'], ['DE', 'Freiburg'], ['DE', 'Heidelberg'],
  ['DE', 'Wiesbaden'], ['DE', 'Mainz'], ['DE', 'Ulm'], ['DE', 'Rosenheim'], ['DE', 'Passau'],
  ['AT', 'Vienna', 'Wien', 'Beč'], ['AT', 'Graz'], ['AT', 'Linz'], ['AT', 'Salzburg'], ['AT', 'Innsbruck'],
  ['AT', 'Klagenfurt'], ['AT', 'Villach'],
  ['SI', 'Ljubljana'], ['SI', 'Maribor'], ['SI', 'Celje'], ['SI', 'Koper'],
  ['CH', 'Zurich', 'Zürich'], ['CH', 'Geneva', 'Genf', 'Ženeva', 'Genève'], ['CH', 'Basel'], ['CH', 'Bern'],
  ['CH', 'Lausanne'], ['CH', 'Lucerne', 'Luzern'],
  ['IT', 'Milan', 'Mailand', 'Milano'], ['IT', 'Rome', 'Rom', 'Rim', 'Roma'], ['IT', 'Venice', 'Venedig', 'Venecija'],
  ['IT', 'Trieste', 'Triest', 'Trst'], ['IT', 'Turin', 'Torino'], ['IT', 'Bologna'], ['IT', 'Florence', 'Florenz', 'Firenca'],
  ['IT', 'Naples', 'Neapel', 'Napulj'], ['IT', 'Verona'], ['IT', 'Padua', 'Padova'],
  ['FR', 'Paris', 'Pariz'], ['FR', 'Lyon'], ['FR', 'Marseille'], ['FR', 'Nice', 'Nizza'], ['FR', 'Strasbourg', 'Straßburg'],
  ['NL', 'Amsterdam'], ['NL', 'Rotterdam'], ['NL', 'The Hague', 'Den Haag'], ['NL', 'Utrecht'], ['NL', 'Eindhoven'],
  ['BE', 'Brussels', 'Brüssel', 'Bruxelles', 'Bruxelles'], ['BE', 'Antwerp', 'Antwerpen'],
  ['GB', 'London', 'London', 'London'], ['GB', 'Manchester'], ['GB', 'Birmingham'], ['GB', 'Edinburgh'],
  ['IE', 'Dublin'], ['ES', 'Madrid'], ['ES', 'Barcelona'], ['ES', 'Valencia'], ['ES', 'Seville', 'Sevilla'],
  ['PT', 'Lisbon', 'Lissabon', 'Lisabon', 'Lisboa'], ['PT', 'Porto'],
  ['PL', 'Warsaw', 'Warschau', 'Varšava', 'Warszawa'], ['PL', 'Krakow', 'Kraków', 'Krakau'], ['PL', 'Wroclaw', 'Wrocław', 'Breslau'],
  ['CZ', 'Prague', 'Prag', 'Praha'], ['CZ', 'Brno'], ['SK', 'Bratislava', 'Pressburg'], ['SK', 'Košice'],
  ['HU', 'Budapest', 'Budimpešta'], ['HU', 'Debrecen'], ['HU', 'Pécs'],
  ['RS', 'Belgrade', 'Belgrad', 'Beograd'], ['RS', 'Novi Sad'], ['BA', 'Sarajevo'], ['BA', 'Mostar'], ['BA', 'Banja Luka'],
  ['ME', 'Podgorica'], ['ME', 'Kotor'],
  ['DK', 'Copenhagen', 'Kopenhagen', 'København', 'Kopenhagen'], ['SE', 'Stockholm'], ['SE', 'Gothenburg', 'Göteborg'],
  ['NO', 'Oslo'], ['FI', 'Helsinki'], ['GR', 'Athens', 'Athen', 'Atena'], ['GR', 'Thessaloniki'],
  ['RO', 'Bucharest', 'Bukarest', 'Bukurešt'], ['BG', 'Sofia', 'Sofija'], ['LU', 'Luxembourg City'],
];

export interface GazetteerPlace {
  /** All names of the place; the first is canonical. */
  names: string[];
  country: string;
  isCountry: boolean;
}

export const GAZETTEER: GazetteerPlace[] = [
  ...COUNTRIES.map(([country, ...names]) => ({ names, country, isCountry: true })),
  ...CITIES.map(([country, ...names]) => ({ names, country, isCountry: false })),
];
