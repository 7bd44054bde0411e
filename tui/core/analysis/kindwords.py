"""The English words that say what a dictionary's proper noun names: the last word of
the name itself (District, University, Dynasty), or a word of the definition that describes
it (city, company, poet, novel), and the countries and regions a bare name may be."""

from __future__ import annotations

__all__ = [
    "ORGANISATION_HEADS",
    "ORGANISATION_WORDS",
    "OTHER_HEADS",
    "OTHER_WORDS",
    "PERSON_WORDS",
    "PLACE_FIRST_WORDS",
    "PLACE_HEADS",
    "PLACE_WORDS",
    "REGIONS",
    "WEAK_HEADS",
]

#: Last words (or words before "of") of names of places, organisations, and other things.
PLACE_HEADS = frozenset(
    """District County City Province Prefecture Township Town Village Municipality Region
    Island Islands Isle Isles Mountain Mountains Mount Mt Mt. Peak Range River Lake Sea Ocean
    Bay Gulf Strait Straits Peninsula Desert Plateau Basin Valley Gorge Canyon Plain Plains
    Delta Coast Cape Harbor Harbour Port Canal Falls Pass Archipelago Forest Reservoir Street
    Road Avenue Square Park Palace Temple Mausoleum Tomb Bridge Dam Tower Castle Garden
    Gardens Airport Station Stadium Territory Territories States Kingdom Republic Emirates
    Continent Hill Hills Oasis Glacier Volcano Wall Gate Quarter Borough Banner Zone Area
    Commandery Prefectures Counties Districts Grotto Grottoes Caves Cave Lakes Rivers Pagoda
    Sound Beach Shrine Monastery Cemetery Empire Dominion Sultanate Emirate
    Principality Duchy Colony Federation""".split()
)
ORGANISATION_HEADS = frozenset(
    """University College Academy Institute Institution School Company Corporation Corp
    Corp. Inc Inc. Ltd Ltd. Co. Group Holdings Bank Ministry Department Bureau Office Agency
    Administration Commission Committee Council Congress Assembly Parliament Senate Party
    Association Society Union League Alliance Foundation Organization Organisation Court
    Army Navy Force Forces Guard Police Press House Times Daily News Post Herald Journal
    Gazette Tribune Magazine Weekly Television TV Radio Network Airlines Airways Motors
    Hospital Museum Library Club Team Service Authority Exchange Fund Cabinet Secretariat
    Government Front Brigade Division Corps Fleet Regiment Tribunal Consortium Studio
    Studios Entertainment Pictures Records Laboratory Laboratories Labs Center Centre
    Federation Nations Commandos Ministries Agencies Reserve Conservatory Seminary Cooperative
    Headquarters""".split()
)
OTHER_HEADS = frozenset(
    """Dynasty Dynasties War Wars Period Era Age Revolution Rebellion Uprising Incident
    Movement Treaty Reign Expedition Massacre Battle Campaign Olympics Games Cup Festival Day
    Calendar Crisis Restoration Reform Reforms Conference Summit Accord Agreement Pact
    Declaration Act Law Constitution Doctrine Plan Project Program Programme Prize Award
    Book Gospel Sutra Classic Classics Scrolls Language Languages Script Mandarin Dialect
    Syndrome Disease Principle Theorem Effect Equation Conjecture Theory Sect Kingdoms
    States Epistle Chronicles Annals Sutras Stone Bible Testament Eve Night Manifesto""".split()
)
#: Heads that name a building as often as an institution: the description decides first.
WEAK_HEADS = frozenset({"Center", "Centre", "House", "Tower", "Building", "Hall"})
#: Words in a description that say a name is of another sort of thing.
OTHER_WORDS = frozenset(
    """novel novella poem book film movie song opera painting story play drama anthology
    constellation star planet comet language dialect dish tea wine liquor festival dynasty
    era period culture religion sect epic treatise classic sutra manifesto ethnic tribe
    people character deity god goddess demon spirit mythical legendary creature animal
    breed species plant software game series symphony ballet album""".split()
)
PLACE_FIRST_WORDS = frozenset(
    {"Mt", "Mt.", "Mount", "Lake", "Cape", "Port", "Fort", "Gulf", "Isle"}
)
#: Words in a description that say what a name names.
PLACE_WORDS = frozenset(
    """city cities county district capital town township village province prefecture
    prefecture-level county-level municipality region country state island islands river
    mountain mountains lake sea port suburb neighborhood neighbourhood area banner peninsula
    desert bay strait archipelago valley oasis canal reservoir harbor harbour airport
    station street road square park temple palace mausoleum bridge dam gorge pass plateau
    basin volcano peak kingdom emirate territory colony borough commune commandery
    metropolis seaport resort coast cape gulf ocean waterfall nation republic subdivision
    township-level county-town region-level island-nation landmark monastery pagoda
    grotto grottoes skyscraper building plain grassland prairie""".split()
)
ORGANISATION_WORDS = frozenset(
    """company companies corporation firm brand manufacturer maker bank newspaper magazine
    journal website airline carrier university college school academy institute party
    organization organisation association agency network channel broadcaster studio
    retailer chain conglomerate publisher team club union alliance federation society
    foundation ministry department bureau commission committee council government
    administration army navy militia hospital museum library exchange consortium operator
    automaker carmaker portal app e-commerce developer supermarket restaurant hotel
    newspapers periodical tabloid daily weekly airlines group think-tank band orchestra
    choir troupe institution""".split()
)
PERSON_WORDS = frozenset(
    """politician author poet writer president novelist philosopher minister leader founder
    emperor empress actor singer actress diplomat historian mathematician scholar warlord
    director player physicist journalist painter composer dramatist playwright calligrapher
    governor king queen scientist revolutionary statesman translator laureate astronomer
    commander businessman businesswoman economist chemist biologist inventor explorer
    engineer artist sculptor architect musician pianist conductor dictator sociologist
    psychologist theologian astronaut cosmonaut athlete champion footballer chancellor
    premier entrepreneur prophet saint apostle pope mystic reformer thinker critic
    geographer physician doctor surgeon naturalist sinologist missionary admiral marshal
    soldier designer comedian cartoonist filmmaker film-maker producer magnate tycoon
    activist dissident lawyer judge linguist anthropologist archaeologist geologist botanist
    zoologist educator teacher professor priest rapper guitarist violinist tenor soprano
    dancer essayist theorist pioneer khan ruler sultan tsar czar pharaoh consort concubine
    wife husband son daughter mother father brother sister disciple prince princess regent
    shogun eunuch courtier strategist official general chairman ceo mayor senator spy
    assassin rebel hero heroine beauty swimmer boxer gymnast coach sprinter skater
    cyclist cricketer golfer striker goalkeeper host presenter anchor celebrity
    songwriter lyricist novelist poetess monk nun lama abbot bishop cardinal martyr
    chieftain chief master specialist alchemist physician-scholar herbalist courtesan""".split()
)
#: Countries and regions whose capitals CC-CEDICT names ("Muscat, capital of Oman"), with
#: the forms a definition uses for a few that have none: a bare "Oman" is a place.
REGIONS = frozenset(
    region.strip()
    for region in """Afghanistan;Alaska;Albania;Alberta;Algeria;American Samoa;Andorra;
    Angola;Anguilla;Argentina;Arizona;Armenia;Aruba;Australia;Austria;Azerbaijan;Bahrain;
    Bangladesh;Barbados;
    Bavaria;Belarus;Belgium;Belize;Bermuda;Bhutan;Bolivia;Bosnia and Herzegovina;Botswana;
    Brazil;Brunei;Bulgaria;Burkina Faso;Burundi;Cambodia;Cameroon;Canada;Cape Verde;
    Central African Republic;Chad;Chile;China;Colombia;Comoros;Congo;Cook Islands;Croatia;
    Cuba;Cyprus;Czech Republic;Denmark;Dominica;Dominican Republic;East Timor;Ecuador;Egypt;
    El Salvador;Equatorial Guinea;Eritrea;Estonia;Eswatini;Ethiopia;Faroe Islands;Fiji;Finland;
    Florida;France;French Guiana;French Polynesia;Fujian;Gabon;Gambia;Gansu;Georgia;Germany;
    Ghana;Greece;Greenland;Guangdong;Guinea;Guinea-Bissau;Guizhou;Haiti;Hawaii;Hebei;
    Heilongjiang;Henan;Holy See;Honduras;Hubei;Hunan;Hungary;Iceland;India;Indonesia;
    Inner Mongolia;Iran;Iraq;Ireland;Italy;Ivory Coast;Jamaica;Japan;Jiangsu;Jiangxi;Jilin;
    Jordan;Kazakhstan;Kenya;Kiribati;Korea;Kosovo;Kyrgyzstan;Laos;Latvia;Lebanon;Lesotho;
    Liaoning;Liberia;Libya;Liechtenstein;Lithuania;Madagascar;Malawi;Malaysia;Maldives;Mali;
    Malta;Marshall Islands;Mauritania;Mauritius;Mexico;Moldova;Mongolia;Montenegro;Morocco;
    Mozambique;Myanmar;Namibia;Nauru;Nepal;Netherlands;New Caledonia;New Zealand;Nicaragua;
    Niger;Nigeria;North Korea;North Macedonia;Northern Ireland;Norway;Oman;Pakistan;
    Papua New Guinea;Paraguay;People's Republic of China;Peru;Philippines;Poland;Portugal;
    Puerto Rico;Punjab;Qatar;Qinghai;Quebec;Romania;Russia;Rwanda;Saudi Arabia;Scotland;
    Senegal;Serbia;Seychelles;Shaanxi;Shandong;Shanxi;Sichuan;Sierra Leone;Slovakia;
    Slovenia;Solomon Islands;Somalia;South Africa;South Korea;Spain;Sri Lanka;Sudan;Suriname;
    Sweden;Switzerland;Syria;Taiwan;Tajikistan;Tanzania;Tasmania;Thailand;The Bahamas;Tibet;
    Togo;Tonga;Trinidad and Tobago;Tunisia;Turkey;Turkmenistan;Tuvalu;Uganda;Ukraine;
    United Arab Emirates;United Kingdom;Uruguay;Uzbekistan;Vanuatu;Venezuela;Vietnam;
    Yemen;Yunnan;Zambia;Zhejiang;Zimbabwe;Hong Kong;Macao;Macau;United States;USA;US;UK;
    Britain;Great Britain;England;Wales;Europe;Asia;Africa;Oceania;Antarctica;
    North America;South America;Latin America;Middle East;Xinjiang;Hainan;Anhui;Guangxi;
    Ningxia;Beijing;Shanghai;Tianjin;Chongqing;Singapore;Israel;Palestine;Kuwait;Monaco;
    San Marino;Luxembourg;Samoa;Palau;Micronesia;Grenada;Guatemala;Costa Rica;Panama;
    Djibouti;Benin;South Sudan;Western Sahara;Vatican;Alabama;Arkansas;California;
    Colorado;Connecticut;Delaware;Idaho;Illinois;Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;
    Maryland;Massachusetts;Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;
    New Hampshire;New Jersey;New Mexico;New York;North Carolina;North Dakota;Ohio;Oklahoma;
    Oregon;Pennsylvania;Rhode Island;South Carolina;South Dakota;Tennessee;Texas;Utah;
    Vermont;Virginia;West Virginia;Wisconsin;Wyoming""".split(";")
)
