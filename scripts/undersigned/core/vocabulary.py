"""The words the archive recognizes, in one place: titles of Members of Congress, offices a
letter is addressed to, words that make a name an organization's, places, countries, and the
particles of family names. The converter, name matching and pages build their patterns from
these lists; a word is here because it is a word of the language of letters, never because of
one document."""

from __future__ import annotations

# ---- Members of Congress -------------------------------------------------------------------

# words before or around a Member's name that are not the name: 'Rep.', 'The Honorable'
NAME_TITLES = frozenset({"rep", "reps", "representative", "sen", "senator", "congressman", "congresswoman",
    "congressmember", "delegate", "del", "the", "honorable", "hon", "dr", "mr", "mrs", "ms",
    "resident", "commissioner", "chairman", "chairwoman", "chair", "ranking", "member",
})

# the title rows and headings of congressional signature blocks (regex alternatives, longest
# first): 'Member of Congress', 'United States Senator', 'Resident Commissioner'
CONGRESS_TITLES = (r"members? of congress", r"united states senators?", r"u\.?\s?s\.? senators?",
                   r"united states senate", r"u\.?\s?s\.? senate",
                   r"senators?", r"united states representatives?",
                   r"u\.?\s?s\.? representatives?", r"representatives?",
                   r"members? of parliament", r"delegates? to congress", r"resident commissioner")

# titles before Members named in running text (English and Spanish)
PROSE_TITLES = (r"Congressm[ae]n", r"Congresswom[ae]n", r"Congressmembers?", r"Representatives?",
                r"Reps?\.", r"Senators?", r"Sens?\.", r"[Ss]enador(?:a|es|as)?",
                r"[Rr]epresentantes?", r"[Cc]ongresistas?")

# a role printed with a signer that says they sit in Congress
CONGRESS_ROLES = (r"members? of (?:the )?congress", r"congress(?:wo)?man", r"congressmember",
                  r"representative", r"senator", r"senate", r"house", r"caucus", r"committee",
                  r"subcommittee", r"ranking member", r"majority", r"minority", r"whip",
                  r"speaker", r"delegate", r"resident commissioner",
                  r"[dri]-[a-z]+",  # party and state or seat: 'R-Indiana', 'D-CA', 'D-CA-12'
                  r"democrat(?:ic)?", r"republican", r"[a-z]{2}-\d{1,2}", r"at-large")

# ---- offices ---------------------------------------------------------------------------------

# offices a letter is addressed to, printed before the name: 'Secretary Mayorkas'
OFFICES = ("president", "vice president", "secretary", "administrator", "ambassador",
           "governor", "mayor", "commissioner", "director", "attorney general", "speaker",
           "leader", "chairman", "chairwoman", "chair")
OFFICES_ES = ("presidente", "presidenta", "secretario", "secretaria", "embajador", "embajadora",
              "gobernador", "gobernadora", "fiscal general", "canciller", "ministro", "ministra",
              "directora?", "comisionad[oa]", "alcalde", "alcaldesa")
# offices an address block prints after the addressee's name, as a scrape without punctuation
# has them ('The Honorable Alberto Gonzales Attorney General …'), longest first
ADDRESS_OFFICES = ("Acting Secretary", "Deputy Secretary", "Under Secretary", "Assistant Secretary",
                   "Secretary", "Attorney General", "Majority Leader", "Minority Leader",
                   "Democratic Leader", "Republican Leader", "Speaker", "Director",
                   "Administrator", "Ambassador", "Commissioner", "Chairman", "Chairwoman",
                   "Co-Chairman", "Co-Chairwoman", "Co-Chair", "Vice Chairman", "Vice Chair",
                   "Ranking Member", "Chair",
                   "President", "Governor", "Acting Administrator", "Acting Director")
# offices whose holder a salutation names by family name: 'Dear Secretary Mayorkas'
SALUTATION_OFFICES = ("Secretary", "Administrator", "Ambassador", "Attorney General", "Director",
                      "Commissioner", "Governor", "Mayor", "Chairman", "Chairwoman", "Chair",
                      "Leader", "Speaker", "Deputy Secretary", "Under Secretary",
                      "Assistant Secretary")

# ---- organizations and places ----------------------------------------------------------------

# a word that makes a signer an organization (English and Spanish; folded when used)
ORGANIZATION_WORDS = """
    asociación asociacion association centro center centre red network colectivo colectiva
    collective comisión comision commission comité comite committee fundación fundacion
    foundation instituto institute grupo group mesa federación federacion federation programa
    program programme plan pastoral servicios services sínodo sinodo synod sector
    equipo team foro forum coalición coalicion coalition alianza alliance council consejo
    universidad university college colegio church iglesia congregación congregacion
    franciscanos comunidades communities mujeres women organization organisation
    organizations organización organizacion project proyecto projet fund fondo union unión
    witness amnesty watch society sociedad initiative iniciativa clinic clínica office oficina
    consultora consultores inc llc ltd ac iap a.c. ngo jpic provincia province
    capacitación capacitacion formación formacion hermanas sisters brothers
    hermanos misioneros missionaries caritas cáritas rights derechos defensa defense
    affairs bureau department departamento ministry ministerio agency agencia
    """

# the legal forms an organization's name may end with after a comma ('Movilidades Libres y
# Elegidas, A.C.'): what follows that comma is part of the name, never a role (folded, without
# points)
LEGAL_FORMS = frozenset({"ac", "sc", "iap", "abp", "inc", "llc", "ltd", "lp", "pc", "sa",
                         "sl", "gmbh", "asbl", "ong"})

# places that make a line an address or an organization's, not a person (folded when used)
PLACES = """guatemala|honduras|méxico|el salvador|america|americas|
    america latina|latin america|caribe|caribbean|costa rica|dominicana|québec|tijuana|chiapas|
    border"""

# particles of family names ('de la Cruz', 'van Hollen', 'dos Santos'): lowercase words a name
# may hold, filed with the family name (core/sorting.py) -- the one list of them
PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di",
                       "du", "van", "von", "der", "den", "le", "st", "bin", "al"})

# the countries of the region, as codes in `countries:`, with the words that name them
COUNTRY_PATTERNS = {
    "MX": r"mexic|méxic", "GT": r"guatemal", "HN": r"hondur", "SV": r"el salvador|salvadoran",
    "NI": r"nicaragu", "CR": r"costa ric", "PA": r"panam", "BZ": r"beliz", "CU": r"\bcuba",
    "HT": r"haiti", "VE": r"venezuel", "CO": r"colombi",
}

# ---- press releases ----------------------------------------------------------------------------

# a release's line that introduces the letter it reproduces: the release's words, never the
# letter's ('[The text of Cantwell's letter follows below]', '-Below is the full text of …',
# '* Below is the text of the letter:', 'Letter Follows Below', 'TEXT OF LETTER')
LETTER_LEAD_IN = (
    r"[\W_]{0,3}+(?:(?:below|here|attached|following)\s(?:is|are)\s(?:a\s|the\s|(?:[\w.]+\s)"
    r"{0,2}[\w.]+['’]s\s)?(?:full\s|"
    r"complete\s)?(?:text|copy|letter)\b|(?:the\s)?following\sis\b|(?:the\s)?(?:full\s|"
    r"complete\s)?text\sof\b.{0,80}\b(?:letters?|below|follows?)\b|(?:the\s)?(?:full\s)?"
    r"letters?\s(?:follows?|is\sbelow|reads|can\sbe|is\savailable)|\[[^\]]{0,120}\bletters?\b"
    r"[^\]]{0,120}\]$)")

# ---- signature blocks --------------------------------------------------------------------------

# lines that end a signature block: a press contact, copies, attachments, what follows the
# letter in a release (regex alternatives, matched at the start of a line before a colon)
SIGNATURE_STOPS = (r"contacts?", r"press contacts?", r"media contacts?", r"press", r"media",
                   r"cc", r"bcc", r"copies", r"copy", r"enclosures?", r"attachments?",
                   r"background", r"reminder", r"note", r"nota", r"contacto", r"prensa",
                   r"related issues", r"related topics", r"issues", r"tags", r"source",
                   r"fuente", r"for more information", r"más información", r"mas informacion",
                   r"contactos? de prensa", r"contactos? para medios", r"contacto de medios",
                   r"for more information,? (?:please )?contact", r"media inquiries",
                   r"press inquiries", r"para más información,? (?:contacte|comuníquese con)")

# the column heads of a printed list of signers: 'Name, Organization', 'Nombre, organización',
# 'Name / Title / Organization' (folded words; a line of these only is never a signer)
COLUMN_HEAD_WORDS = frozenset({
    "name", "names", "title", "organization", "organisation", "affiliation", "institution",
    "country", "role", "position", "signature", "nombre", "nombres", "cargo", "titulo",
    "organizacion", "afiliacion", "institucion", "pais", "firma",
})

# notes printed in a list of signers that are not signers: 'Affiliations for identification
# purposes only', 'Partial list, in alphabetical order', 'Las firmas continúan'
SIGNATURE_NOTES = (r"(?:union |institutional )?(?:affiliations?|organi[sz]ations?|institutions?|"
                   r"titles?)\s++(?:are\s++)?(?:listed\s++)?for\s++identification",
                   r"for\s++identification\s++(?:purposes\s++)?only", r"partial list",
                   r"in alphabetical order", r"in order of signing", r"list in formation",
                   r"(?:more|additional|other) signatures", r"signatures? (?:continue|follow)",
                   r"instituciones? (?:solo |sólo )?para identificaci[oó]n",
                   r"(?:las )?firmas contin[uú]an", r"lista parcial", r"por orden alfab[eé]tico",
                   r"en orden de firma")

# a role printed with a signer, at the start of its line: 'Chair', 'Special Envoy', 'Former
# Member of Congress', 'Professor of History', 'Executive Director', 'Directora'
ROLE_STARTS = (r"chair(?:man|woman|person)?", r"co-?chair(?:man|woman|person)?",
               r"vice[- ]chair(?:man|woman|person)?", r"ranking member", r"majority", r"minority",
               r"democratic", r"republican", r"speaker", r"whip", r"leader", r"president",
               r"vice[- ]president", r"executive", r"director", r"secretary", r"member,",
               r"member of the", r"professor", r"associate professor", r"assistant professor",
               r"dean", r"former", r"special", r"senior", r"chief", r"general", r"national",
               r"founder", r"co-?founder", r"coordinator", r"organizer", r"editor", r"author",
               r"ceo", r"board", r"treasurer", r"staff", r"pastor", r"bishop", r"rev(?:erend)?",
               r"subcommittee on", r"committee on", r"caucus", r"envoy", r"ambassador",
               r"researcher", r"lecturer", r"fellow", r"attorney", r"counsel", r"manager",
               r"program", r"policy", r"advocacy", r"legal", r"shop steward", r"steward",
               r"profesora?", r"investigadora?", r"directora?", r"coordinadora?",
               r"presidenta?", r"secretaria?", r"fundadora?", r"integrante", r"miembro",
               r"representante", r"diputada?", r"senadora?", r"abogada?", r"defensora?",
               r"activista", r"periodista", r"académica?", r"academica?", r"ex[- ]",
               r"assistant", r"deputy", r"acting", r"under secretary", r"associate",
               r"administrator", r"commissioner", r"inspector general")

# the countries of the world as printed after a signer's affiliation ('Name, University,
# Country'), English and Spanish (folded when used)
WORLD_COUNTRIES = frozenset(x.strip() for x in """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
    azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
    bolivia, bosnia and herzegovina, botswana, brazil, brunei, bulgaria, burkina faso, burundi,
    cambodia, cameroon, canada, cape verde, chad, chile, china, colombia, comoros, congo,
    costa rica, croatia, cuba, cyprus, czech republic, czechia, denmark, djibouti, dominica,
    dominican republic, ecuador, egypt, el salvador, eritrea, estonia, eswatini, ethiopia, fiji,
    finland, france, gabon, gambia, georgia, germany, ghana, greece, grenada, guatemala, guinea,
    guyana, haiti, honduras, hungary, iceland, india, indonesia, iran, iraq, ireland, israel,
    italy, jamaica, japan, jordan, kazakhstan, kenya, korea, south korea, kosovo, kuwait,
    kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, lithuania, luxembourg,
    madagascar, malawi, malaysia, mali, malta, mauritania, mauritius, mexico, moldova, mongolia,
    montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands, new zealand,
    nicaragua, niger, nigeria, north macedonia, norway, oman, pakistan, palestine, panama,
    papua new guinea, paraguay, peru, philippines, poland, portugal, puerto rico, qatar,
    romania, russia, rwanda, saudi arabia, senegal, serbia, sierra leone, singapore, slovakia,
    slovenia, somalia, south africa, south sudan, spain, sri lanka, sudan, suriname, sweden,
    switzerland, syria, taiwan, tajikistan, tanzania, thailand, togo, trinidad and tobago,
    tunisia, turkey, türkiye, turkiye, uganda, ukraine, united arab emirates, united kingdom, uk,
    united states, usa, u.s., us, uruguay, uzbekistan, venezuela, vietnam, yemen, zambia,
    zimbabwe, scotland, wales, england, northern ireland, hong kong, western sahara,
    alemania, brasil, canadá, españa, estados unidos, eeuu, ee.uu., francia, inglaterra,
    italia, japón, méxico, panamá, perú, reino unido, república dominicana, suecia, suiza,
    bélgica, países bajos, haití, belice
    """.split(","))

# the states and territories of the United States, as printed after a Member's name ('Russ
# Feingold of Wisconsin') (folded when used)
US_STATES = frozenset(x.strip() for x in """
    alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida,
    georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine,
    maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, nebraska,
    nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota, ohio,
    oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas,
    utah, vermont, virginia, washington, west virginia, wisconsin, wyoming, puerto rico, guam,
    american samoa, the virgin islands, the northern mariana islands, the district of columbia
    """.split(","))

# the words a congressional title line is made of ('Member of Congress', 'Member United States
# House', 'U.S. Senator'): a line of these words only is a title, never a signer, also when
# one is misprinted by a letter or two ('Member of Congres')
TITLE_LINE_WORDS = frozenset({
    "member", "members", "of", "the", "congress", "united", "states", "u.s", "us", "house",
    "senate", "senator", "senators", "representative", "representatives", "congressman",
    "congresswoman", "congressmember", "delegate", "resident", "commissioner", "in", "to",
    "u", "s",
})

# what a count counts ('27 Senators', 'fourteen Members', 'veintiséis organizaciones'), and the
# words that may stand between the number and it ('27 other House Members')
COUNT_NOUNS = frozenset({
    "member", "members", "senators", "representatives", "lawmakers", "legislators",
    "colleagues", "signatories", "signers", "organizations", "groups", "congressmembers",
    "congresspeople", "organizaciones", "miembros", "senadores", "representantes",
    "congresistas", "firmantes", "colegas"})

COUNT_MODIFIERS = frozenset({"other", "fellow", "additional", "more", "bipartisan", "democratic",
                       "republican", "house", "senate", "u", "s", "us"})

SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "md", "phd", "esq"}

# words that open a printed name without being part of it ('Secretary Mayorkas')
OFFICE_NAME_TITLES = frozenset("""secretary president vice ambassador acting attorney general
    commissioner director chairman chairwoman chair administrator deputy assistant under special
    envoy senior coordinator senator sen rep mr mrs ms miss dr hon honorable the madam excellency
    his her governor minister""".split())

# words a printed office may carry or drop without naming another office
OFFICE_STOP_WORDS = frozenset({"the", "of", "for", "and", "department", "a", "an", "acting"})

# titles that name an office only with what follows them ('Secretary of State')
BARE_TITLES = frozenset({"secretary", "administrator", "director", "commissioner",
                         "ambassador", "chair", "chairman", "chairwoman", "deputy secretary",
                         "under secretary", "assistant secretary"})

SENDER_TITLES = {"sen", "sen.", "senator", "rep", "rep.", "representative", "congressman",
                 "congresswoman", "congressmember", "u.s.", "del.", "delegate"}

CITEKEY_SKIP = frozenset("""a an and the to of on in for from at by with about re letter letters
    press release statement secretary president congressman congresswoman representative rep reps
    senator sen members member congress urge urges urged call calls ask asks""".split())

MONTH_ABBREVIATIONS = ("jan feb mar apr may jun jul aug sep oct nov dec").split()

MONTH_NAMES = ("January February March April May June July August September October November "
               "December").split()

# the post-nominals of religious orders, as printed (with SUFFIXES: what may follow a name)
ORDER_POSTNOMINALS = frozenset({"op", "sj", "mscs", "ofm", "osb", "cssr", "csj", "rscj",
                                     "ssnd", "osf", "cp", "mm", "sc", "ibvm", "rsm", "fsc"})
# second given names of compound first names (María José, Clara Marina, Manuel Ángel, Luis
# Carlos): a three-word name whose middle word is one of these is Given Given Family
SECOND_GIVEN_NAMES = frozenset("""
    Adriana Alberto Alejandra Alejandro Alicia Amparo Ana Andrea Andrés Ángel Ángela Antonia
    Antonio Arturo Beatriz Camila Carlos Carmen Carolina Catalina Cecilia Clara Concepción
    Cristina Cristóbal Daniel Daniela David Diego Dolores Eduardo Elena Elisa Elizabeth Emilio
    Enrique Ernesto Esperanza Esteban Esther Eugenia Eva Felipe Fernanda Fernando Francisco
    Gabriel Gabriela Guadalupe Guillermo Gustavo Ignacio Inés Isabel Javier Jesús Joaquín Jorge
    José Josefina Juan Juana Julia Julián Julio Laura Leticia Lorena Lourdes Lucía Luis Luisa
    Luz Manuel Marcela Margarita María Mariana Marina Mario Marta Mercedes Miguel Mónica Noemí
    Pablo Patricia Paula Pedro Pilar Rafael Ramón Raquel Raúl Ricardo Roberto Rocío Rosa Rosario
    Santiago Sergio Silvia Socorro Sofía Soledad Susana Teresa Tomás Valentina Verónica Vicente
    Victoria Virginia Yolanda
    Anne Beth Ellen Jane Jean Lee Lynn Marie Mary Paul Ray Sue""".split())  # (folded where used)

# common English given-name forms, one family a row (a printed 'Richie Neal' is Richard E. Neal,
# 'Chuck Grassley' is Charles E. Grassley)
GIVEN_NAME_FORMS = (
    "richard rich richie rick ricky dick", "robert rob robbie bob bobby bert",
    "william will bill billy willie liam", "james jim jimmy jamie", "john jack johnny",
    "joseph joe joey", "thomas tom tommy", "charles charlie chuck chip", "michael mike mick",
    "christopher chris", "daniel dan danny", "david dave", "edward ed eddie ted ned",
    "elizabeth liz beth betty", "katherine kathy kate katie", "catherine cathy kate",
    "margaret maggie peggy meg", "patricia pat patty trish", "jennifer jen jenny",
    "deborah debbie deb", "susan sue susie", "gerald gerry jerry", "gregory greg",
    "kenneth ken kenny", "lawrence larry", "leonard len lenny", "matthew matt",
    "nicholas nick", "patrick pat", "peter pete", "raymond ray", "ronald ron ronnie",
    "samuel sam", "stephen steve", "steven steve", "timothy tim", "anthony tony",
    "andrew andy drew", "benjamin ben", "donald don donnie", "douglas doug",
    "frederick fred", "henry hank harry", "jeffrey jeff", "jonathan jon", "joshua josh",
    "kathleen kathy", "madeleine maddie", "melvin mel", "mitchell mitch", "nancy nan",
    "rebecca becky", "russell russ", "theodore ted teddy", "vincent vince", "zachary zach",
    # (and the forms officials are addressed by: 'Tony Blinken', 'Ash Carter')
    "anthony antonio antony tony",
    "edmund ed",
    "ashton ash",
    "albert al",
    "alberto al",
    "alexander alex",
    "alejandro alex",
    "elizabeth liz betsy",
    "martin marty",
    "steven stephen steve",
    "jefferson jeff",
    "francis frank",
    "jacob jack",
    "pamela pam",
    "malcolm mac",
)
NICKNAMES: dict[str, set[str]] = {}
for _row in GIVEN_NAME_FORMS:
    _names = _row.split()
    for _name in _names:
        NICKNAMES.setdefault(_name, set()).update(n for n in _names if n != _name)

# capitalized words after a Member's name that are an office, not another Member: 'Eliot L.
# Engel (D-NY), Ranking Member of the House Committee on Foreign Affairs'
RELEASE_NOT_A_NAME = {"The", "In", "Ranking", "Chairman", "Chairwoman", "Chair", "Member", "Members",
                      "Vice", "Co-Chair", "Committee", "Leader", "Whip", "Speaker", "Majority",
                      "Minority", "Democratic", "Republican", "Senate", "House", "Congress", "Los",
                      "Las", "El", "La", "Deputy", "Secretary", "Department", "Trade", "Assistant",
                      "Senior", "Former", "U.S.", "Jr.", "Sr.", "M.D.", "Co-Chairs"}

HEADLINE_VERBS = {"Sends", "Urges", "Leads", "Letter", "Calls", "Joins", "Demands"}

# words up to which a captured run is titles and offices, not the name: 'U.S. Reps. Suzan
# DelBene', 'Oversight Committee Chairwoman Carolyn Maloney', 'Colorado U.S. Representatives
# Diana DeGette'
BEFORE_SENDER_NAME = {"today", "representative", "representatives", "rep.", "reps.", "congressman",
                      "congressmen", "congresswoman", "congresswomen", "congressmember", "senator",
                      "senators", "sen.", "sens.", "chairman", "chairwoman", "chair", "member",
                      "members", "delegate", "ranking", "committee", "subcommittee", "caucus", "u.s.",
                      "leader", "whip"}

# the words of a title, an office or a party and state printed between the names of a
# signature block that lost its punctuation ('Harry M Reid Richard Durbin Democratic Leader
# Assistant Democratic Leader', 'Jim DeMint R South Carolina', 'U S Senate')
FLAT_TITLE_WORDS = frozenset({
    "senator", "senators", "united", "states", "u", "s", "us", "senate", "representative",
    "representatives", "rep", "sen", "member", "members", "of", "congress", "chairman",
    "chairwoman", "chair", "ranking", "democratic", "republican", "leader", "assistant",
    "majority", "minority", "whip", "house", "and", "vice", "congressman", "congresswoman",
    "dr", "hon", "honorable",
})
# of those, the words of a generic title ('United States Senator'), no office; and the last
# word of an office ('Democratic Leader', 'Chairman', 'Ranking Member')
FLAT_OFFICE_HEADS = frozenset({"leader", "whip", "chairman", "chairwoman", "chair"})
FLAT_GENERIC_TITLE_WORDS = FLAT_TITLE_WORDS - FLAT_OFFICE_HEADS - {
    "ranking", "democratic", "republican", "assistant", "majority", "minority", "vice"}
# degrees printed after a name in such a scrape, their points lost ('Dr Tom Coburn M D')
FLAT_DEGREES = frozenset({("m", "d"), ("md",), ("ph", "d"), ("phd",), ("j", "d"), ("d", "d", "s")})
# the courtesy titles and offices of a salutation in such a scrape ('Dear Chairman Cochran and
# Ranking Member Byrd', 'Dear Mr President', 'Dear Assistant Secretary Meyers')
FLAT_SALUTATION_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "madam", "madame", "dr", "sir", "secretary", "senator",
    "senators", "chairman", "chairwoman", "chair", "ranking", "member", "president", "director",
    "assistant", "attorney", "general", "majority", "minority", "leader", "speaker",
    "ambassador", "administrator", "commissioner", "governor", "comptroller", "acting",
    "deputy", "under", "vice", "prime", "minister", "committee", "colleague", "colleagues",
    "representative", "congressman", "congresswoman", "judge", "and",
})
# words that open a sentence, never part of a name after 'Dear' ('Dear Secretary Chertoff As
# you know', 'Dear Mr Abdelaziz I write')
SENTENCE_OPENERS = frozenset({
    "i", "we", "as", "on", "in", "the", "this", "thank", "it", "our", "with", "earlier",
    "recently", "please", "today", "yesterday", "at", "for", "since", "while", "my", "your",
    "because", "after", "during", "following", "given", "last", "over", "these", "there",
})
# the small words of a headline or a sentence, never of a Member's name ('of' is one: 'Russ
# Feingold of Wisconsin')
FUNCTION_WORDS = frozenset({"on", "the", "for", "and", "to", "in", "from", "with", "our"})

# the two-letter postal codes of the states and territories, as a release prints them after a
# Member's name ('Andy Biggs (AZ)')
POSTAL_CODES = frozenset("""
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
    NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP
    """.split())
# the postal and older abbreviations of the states as scrapes print them after a party
# ('R Kan', 'D Conn', 'R N H'), folded
STATE_ABBREVIATIONS = frozenset("""
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex vt va wash wis wyo wva n h j m y c d r i s w
    """.split())

# the first words of page furniture after a scrape's signatures ('January 2005 Press Releases
# Browse by Current record', '20510 Contact Sitemap', 'Cc Julie Myers'), never a name
FLAT_FURNITURE_WORDS = frozenset({"press", "releases", "news", "browse", "contact", "sitemap",
                                  "cc", "current", "record", "washington", "home", "print",
                                  "email"})
# the party letters printed before a state in a scrape ('R AZ', 'ID Conn')
PARTY_LETTERS = frozenset({"R", "D", "I", "ID"})

# the words between the names of a roster printed on one line ('Sincerely, [Signed] U.S.
# Senators Maria Cantwell (D-WA), Larry Craig (R-ID), … and Representatives …')
ROSTER_WORDS = TITLE_LINE_WORDS | {"and", "signed", "sens", "sen", "reps", "rep", "s", "u"}

# small words a title-case name leaves lower ('To the Members of the …:'); 'Chicago, IL, USA'
TITLE_CASE_SMALL_WORDS = frozenset("of the and for on in at to de del la las los y".split())
USA_NAMES = frozenset({"usa", "u.s.a.", "united states", "us", "u.s."})
