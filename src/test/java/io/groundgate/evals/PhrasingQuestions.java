package io.groundgate.evals;

import static io.groundgate.evals.HeldOutSets.labels;
import static io.groundgate.evals.QuestionSetGenerator.allOf;
import static io.groundgate.evals.QuestionSetGenerator.entities;
import static io.groundgate.evals.QuestionSetGenerator.exactNumber;
import static io.groundgate.evals.QuestionSetGenerator.number;
import static io.groundgate.evals.QuestionSetGenerator.text;
import static io.groundgate.evals.QuestionSetGenerator.unanswerable;
import static io.groundgate.evals.QuestionSetGenerator.yesNo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The phrasing-held-out split: question shapes and phrasing families the dev templates never use (yes/no, unit
 * conversions, a fact plus arithmetic, two-part comparisons, imperatives, noun phrase first, "how many X does Y have",
 * per/each, negation, top-k, several fields, unanswerables). Written the way users ask, without looking at the planner.
 * The category of a question is its family. Gold answers come from the SPARQL; nothing here states an answer.
 */
final class PhrasingQuestions {

    private final HeldOutSets.Builder b;
    private final List<ObjectNode> out = new ArrayList<>();

    private PhrasingQuestions(HeldOutSets.Builder b) {
        this.b = b;
    }

    static List<ObjectNode> build(HeldOutSets.Builder b) {
        PhrasingQuestions p = new PhrasingQuestions(b);
        p.yesNoFamily();
        p.unitConversions();
        p.factArithmetic();
        p.twoPart();
        p.imperative();
        p.nounFirst();
        p.howManyHave();
        p.groupEach();
        p.negation();
        p.topK();
        p.multiField();
        p.unanswerables();
        return p.out;
    }

    private void add(String family, String question, ObjectNode template, String sparql) {
        add(family, b.item(question, template, sparql));
    }

    private void add(String family, ObjectNode item) {
        long n = out.stream().filter(q -> q.path("category").asText().equals(family)).count() + 1;
        ObjectNode q = Gold.JSON.createObjectNode();
        q.put("id", String.format(Locale.ROOT, "ph-%s-%02d", family.replace('_', '-'), n)).put("category", family);
        q.setAll(item);
        out.add(q);
    }

    /** A sub-query binding {@code as} to the number of distinct {@code var} the pattern matches. */
    private static String count(String pattern, String var, String as) {
        return "{ SELECT (COUNT(DISTINCT " + var + ") AS " + as + ") WHERE { " + pattern + " } }";
    }

    private void yesNoFamily() {
        String f = "yes_no";
        add(f, "Does France border Spain?", yesNo(), "ASK { country:FRA gg:landBorder country:ESP }");
        add(f, "Is iron heavier than lead?", yesNo(),
                "ASK { element:Fe gg:density ?a . element:Pb gg:density ?b FILTER(?a > ?b) }");
        add(f, "Is Sydney the capital of Australia?", yesNo(), "ASK { country:AUS gg:capital ?c . ?c rdfs:label \"Sydney\"@en }");
        add(f, "Does Brazil share a border with Chile?", yesNo(), "ASK { country:BRA gg:landBorder country:CHL }");
        add(f, "Is mercury a liquid?", yesNo(), "ASK { element:Hg gg:phase phase:Liquid }");
        add(f, "Is Spanish one of the official languages of Peru?", yesNo(), "ASK { country:PER gg:officialLanguage language:spa }");
        add(f, "Does Switzerland use the euro?", yesNo(), "ASK { country:CHE gg:currency currency:EUR }");
        add(f, "Is Mongolia in Asia?", yesNo(), "ASK { country:MNG gg:continent continent:Asia }");
        add(f, "Is gold a noble gas?", yesNo(), "ASK { element:Au gg:category category:noble-gas }");
        add(f, "Is helium lighter than neon?", yesNo(),
                "ASK { element:He gg:density ?a . element:Ne gg:density ?b FILTER(?a < ?b) }");
        add(f, "Does tungsten melt above 3000 kelvin?", yesNo(), "ASK { element:W gg:meltingPoint ?m FILTER(?m > 3000) }");
        add(f, "Did Australia have more than 20 million people in 2015?", yesNo(),
                "ASK { country:AUS gg:population ?p ; gg:populationYear 2015 FILTER(?p > 20000000) }");
        add(f, "Is Lima Peru's capital?", yesNo(), "ASK { country:PER gg:capital ?c . ?c rdfs:label \"Lima\"@en }");
        add(f, "Are there more than 50 UN member states in Africa?", yesNo(),
                "ASK { " + count("?c a gg:Country ; gg:continent continent:Africa", "?c", "?n") + " FILTER(?n > 50) }");
    }

    private void unitConversions() {
        String f = "unit_conversion";
        add(f, "How many seconds are in 3.5 hours?", number(null, 0.001), "SELECT ((3.5 * 3600) AS ?answer) WHERE {}");
        add(f, "How many minutes are there in 2 days?", number(null, 0.001), "SELECT ((2 * 24 * 60) AS ?answer) WHERE {}");
        add(f, "How many metres is 6 feet?", number("m", 0.002), "SELECT ((6 * 0.3048) AS ?answer) WHERE {}");
        add(f, "How many grams are in 12 ounces?", number("g", 0.002), "SELECT ((12 * 28.349523125) AS ?answer) WHERE {}");
        add(f, "What is 65 miles per hour in km/h?", number("km/h", 0.002), "SELECT ((65 * 1.609344) AS ?answer) WHERE {}");
        add(f, "How many millilitres are in 2.75 litres?", number("mL", 0.001), "SELECT ((2.75 * 1000) AS ?answer) WHERE {}");
        add(f, "Convert 30 °C to Fahrenheit.", exactNumber(null, 0.1), "SELECT ((30 * 9 / 5 + 32) AS ?answer) WHERE {}");
        add(f, "How many square kilometres are 10 square miles?", number("km^2", 0.002),
                "SELECT ((10 * 2.589988110336) AS ?answer) WHERE {}");
        add(f, "How many kilograms are in 3.2 tonnes?", number("kg", 0.001), "SELECT ((3.2 * 1000) AS ?answer) WHERE {}");
        add(f, "How many hours are in a week?", exactNumber(null, 0), "SELECT ((7 * 24) AS ?answer) WHERE {}");
        add(f, "What is 250 metres in kilometres?", number("km", 0.001), "SELECT ((250 / 1000) AS ?answer) WHERE {}");
    }

    private void factArithmetic() {
        String f = "fact_arithmetic";
        add(f, "What is the atomic weight of carbon times 12?", number(null, 0.001),
                "SELECT ((?w * 12) AS ?answer) WHERE { element:C gg:standardAtomicWeight ?w }");
        add(f, "What's twice the density of iron?", number("g/cm^3", 0.01),
                "SELECT ((?d * 2) AS ?answer) WHERE { element:Fe gg:density ?d }");
        add(f, "What is half of Canada's 2015 population?", number(null, 0.01),
                "SELECT ((?p / 2) AS ?answer) WHERE { country:CAN gg:population ?p ; gg:populationYear 2015 }");
        add(f, "What is the melting point of tungsten minus 1000 K?", number("K", 0.005),
                "SELECT ((?m - 1000) AS ?answer) WHERE { element:W gg:meltingPoint ?m }");
        add(f, "What is the atomic number of gold squared?", exactNumber(null, 0),
                "SELECT ((?z * ?z) AS ?answer) WHERE { element:Au gg:atomicNumber ?z }");
        add(f, "Add the densities of lead and tin together.", number("g/cm^3", 0.01),
                "SELECT ((?a + ?b) AS ?answer) WHERE { element:Pb gg:density ?a . element:Sn gg:density ?b }");
        add(f, "What is the area of France divided by the area of Portugal?", number(null, 0.01),
                "SELECT ((?a / ?b) AS ?answer) WHERE { country:FRA gg:area ?a . country:PRT gg:area ?b }");
        add(f, "If you multiply the atomic weight of oxygen by 2 and add the atomic weight of carbon, what do you get?",
                number(null, 0.001), "SELECT ((?o * 2 + ?c) AS ?answer) WHERE { element:O gg:standardAtomicWeight ?o . "
                        + "element:C gg:standardAtomicWeight ?c }");
        add(f, "What is the boiling point of mercury plus 100 kelvin?", number("K", 0.005),
                "SELECT ((?t + 100) AS ?answer) WHERE { element:Hg gg:boilingPoint ?t }");
    }

    private void twoPart() {
        String f = "two_part";
        add(f, b.best("Which weighs more, a litre of water or a litre of sterling silver?",
                "VALUES ?x { material:Water material:SterlingSilver }", "gg:density", "DESC"));
        add(f, b.best("Which is heavier per litre, ice or water?", "VALUES ?x { material:Ice material:Water }", "gg:density", "DESC"));
        String iceWater = "VALUES ?x { material:Ice material:Water }";
        add(f, "Which is denser, ice or water, and by how much?", allOf(b.options(iceWater), number("g/cm^3", 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { { SELECT (STR(?l) AS ?answer1) WHERE { " + iceWater + " ?x gg:density ?v ; rdfs:label ?l } "
                        + "ORDER BY DESC(?v) LIMIT 1 } material:Water gg:density ?w . material:Ice gg:density ?i BIND(ABS(?w - ?i) AS ?answer2) }");
        String kenUga = "VALUES ?x { country:KEN country:UGA }";
        add(f, "Which had more people in 2015, Kenya or Uganda, and how many did each have?",
                allOf(b.options(kenUga), number(null, 0.01), number(null, 0.01)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { { SELECT (STR(?l) AS ?answer1) WHERE { " + kenUga
                        + " ?x gg:population ?v ; rdfs:label ?l } ORDER BY DESC(?v) LIMIT 1 } "
                        + "country:KEN gg:population ?answer2 . country:UGA gg:population ?answer3 }");
        String perCol = "VALUES ?x { country:PER country:COL }";
        add(f, "Which is larger by area, Peru or Colombia, and by how many square kilometres?",
                allOf(b.options(perCol), number("km^2", 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { { SELECT (STR(?l) AS ?answer1) WHERE { " + perCol
                        + " ?x gg:area ?v ; rdfs:label ?l } ORDER BY DESC(?v) LIMIT 1 } "
                        + "country:PER gg:area ?p . country:COL gg:area ?c BIND(ABS(?p - ?c) AS ?answer2) }");
        String tiAl = "VALUES ?x { element:Ti element:Al }";
        add(f, "Which is denser, titanium or aluminium, and what is each one's density?",
                allOf(b.options(tiAl), number("g/cm^3", 0.01), number("g/cm^3", 0.01)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { { SELECT (STR(?l) AS ?answer1) WHERE { " + tiAl
                        + " ?x gg:density ?v ; rdfs:label ?l } ORDER BY DESC(?v) LIMIT 1 } "
                        + "element:Ti gg:density ?answer2 . element:Al gg:density ?answer3 }");
        String auPt = "VALUES ?x { element:Au element:Pt }";
        add(f, "Between gold and platinum, which has the higher melting point, and what is that melting point?",
                allOf(b.options(auPt), number("K", 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { { SELECT (STR(?l) AS ?answer1) (?v AS ?answer2) WHERE { " + auPt
                        + " ?x gg:meltingPoint ?v ; rdfs:label ?l } ORDER BY DESC(?v) LIMIT 1 } }");
    }

    private void imperative() {
        String f = "imperative";
        add(f, "List the countries that border Austria.", entities(true), labels("country:AUT gg:landBorder ?x ."));
        add(f, "Give me the official languages of Switzerland.", entities(true), labels("country:CHE gg:officialLanguage ?x ."));
        add(f, "Show me all UN member states in South America.", entities(true),
                labels("?x a gg:Country ; gg:continent continent:SouthAmerica ."));
        add(f, "Tell me which continent Mongolia is on.", entities(true), labels("country:MNG gg:continent ?x ."));
        add(f, "Find the element whose symbol is W.", entities(true), labels("?x gg:symbol \"W\" ."));
        add(f, "Look up the currency of Thailand for me.", entities(true), labels("country:THA gg:currency ?x ."));
        add(f, "Name every country that uses the Swiss franc.", entities(true), labels("?x gg:currency currency:CHF ."));
        add(f, "I'd like to know the boiling point of bromine in kelvin.", number("K", 0.01),
                "SELECT ?answer WHERE { element:Br gg:boilingPoint ?answer }");
        add(f, "Please list the elements in group 18.", entities(true), labels("?x gg:group 18 ."));
        add(f, "Give me the capitals of the countries that border Vietnam.", entities(true),
                labels("country:VNM gg:landBorder ?n . ?n gg:capital ?x ."));
    }

    private void nounFirst() {
        String f = "noun_first";
        add(f, "Germany's capital?", entities(true), labels("country:DEU gg:capital ?x ."));
        add(f, "Official languages of Canada?", entities(true), labels("country:CAN gg:officialLanguage ?x ."));
        add(f, "Tungsten, melting point?", number("K", 0.01), "SELECT ?answer WHERE { element:W gg:meltingPoint ?answer }");
        add(f, "Norway's currency, please.", entities(true), labels("country:NOR gg:currency ?x ."));
        add(f, "The neighbours of Portugal?", entities(true), labels("country:PRT gg:landBorder ?x ."));
        add(f, "Chile — which continent?", entities(true), labels("country:CHL gg:continent ?x ."));
        add(f, "Atomic weight of uranium?", number(null, 0.001), "SELECT ?answer WHERE { element:U gg:standardAtomicWeight ?answer }");
        add(f, "Number of countries bordering China?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:CHN gg:landBorder ?n }");
        add(f, "The chemical symbol for potassium?", text(true), "SELECT ?answer WHERE { element:K gg:symbol ?answer }");
    }

    private void howManyHave() {
        String f = "how_many_have";
        add(f, "How many capitals does South Africa have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { country:ZAF gg:capital ?c }");
        add(f, "How many currencies does Zimbabwe have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { country:ZWE gg:currency ?c }");
        add(f, "How many different elements does Inconel 625 have in its composition?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { material:Inconel625 gg:hasComponent ?k . ?k gg:componentElement ?e }");
        add(f, "How many UN member states does Oceania have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { ?c a gg:Country ; gg:continent continent:Oceania }");
        add(f, "How many neighbours does China have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:CHN gg:landBorder ?n }");
        add(f, "How many alkali metals does the periodic table have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:category category:alkali-metal }");
        add(f, "How many land borders with other UN members does Germany have?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:DEU gg:landBorder ?n }");
    }

    private void groupEach() {
        String f = "group_each";
        add(f, "What is the capital of each country that borders Spain?", entities(true),
                labels("country:ESP gg:landBorder ?n . ?n gg:capital ?x ."));
        String[] continents = {"Africa", "Asia", "Europe", "NorthAmerica", "Oceania", "SouthAmerica"};
        StringBuilder perContinent = new StringBuilder("SELECT ?answer1 ?answer2 ?answer3 ?answer4 ?answer5 ?answer6 WHERE { ");
        ObjectNode[] parts = new ObjectNode[continents.length];
        for (int i = 0; i < continents.length; i++) {
            perContinent.append("{ SELECT (COUNT(DISTINCT ?c").append(i).append(") AS ?answer").append(i + 1).append(") WHERE { ?c").append(i)
                    .append(" a gg:Country ; gg:continent continent:").append(continents[i]).append(" } } ");
            parts[i] = exactNumber(null, 0);
        }
        add(f, "How many UN member states are there per continent?", allOf(parts), perContinent.append("}").toString());
        ObjectNode most = b.options("?x a gg:Continent .");
        add(f, "Which continent has the most UN member states?", most,
                "SELECT (STR(?l) AS ?answer) WHERE { ?x a gg:Continent ; rdfs:label ?l . ?c gg:continent ?x } GROUP BY ?l "
                        + "ORDER BY DESC(COUNT(?c)) LIMIT 1");
        add(f, "What is the density of each of iron, copper and zinc?",
                allOf(number("g/cm^3", 0.01), number("g/cm^3", 0.01), number("g/cm^3", 0.01)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { element:Fe gg:density ?answer1 . element:Cu gg:density ?answer2 . "
                        + "element:Zn gg:density ?answer3 }");
        add(f, "For each of Switzerland, Belgium and Canada, how many official languages are there?",
                allOf(exactNumber(null, 0), exactNumber(null, 0), exactNumber(null, 0)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { " + count("country:CHE gg:officialLanguage ?a", "?a", "?answer1")
                        + " " + count("country:BEL gg:officialLanguage ?b", "?b", "?answer2") + " "
                        + count("country:CAN gg:officialLanguage ?k", "?k", "?answer3") + " }");
        add(f, "What currency does each of Norway, Sweden and Denmark use?", entities(true),
                labels("VALUES ?c { country:NOR country:SWE country:DNK } ?c gg:currency ?x ."));
        add(f, "How many elements are there per phase: solid, liquid and gas?",
                allOf(exactNumber(null, 0), exactNumber(null, 0), exactNumber(null, 0)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { " + count("?s gg:phase phase:Solid", "?s", "?answer1") + " "
                        + count("?l gg:phase phase:Liquid", "?l", "?answer2") + " "
                        + count("?g gg:phase phase:Gas", "?g", "?answer3") + " }");
    }

    private void negation() {
        String f = "negation";
        add(f, "Which countries bordering Germany do not use the euro?", entities(true),
                labels("country:DEU gg:landBorder ?x . FILTER NOT EXISTS { ?x gg:currency currency:EUR }"));
        add(f, "Which South American countries don't have Spanish as an official language?", entities(true),
                labels("?x a gg:Country ; gg:continent continent:SouthAmerica . FILTER NOT EXISTS { ?x gg:officialLanguage language:spa }"));
        add(f, "Which of Spain's neighbours is not in Europe?", entities(true),
                labels("country:ESP gg:landBorder ?x . FILTER NOT EXISTS { ?x gg:continent continent:Europe }"));
        add(f, "Which alloys don't contain any iron?", entities(true),
                labels("?x a gg:Alloy . FILTER NOT EXISTS { ?x gg:hasComponent ?k . ?k gg:componentElement element:Fe }"));
        add(f, "How many elements in period 2 are not gases?", exactNumber(null, 0),
                "SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:period 2 ; gg:phase ?p FILTER(?p != phase:Gas) }");
        add(f, "Which countries bordering Hungary do not use the euro?", entities(true),
                labels("country:HUN gg:landBorder ?x . FILTER NOT EXISTS { ?x gg:currency currency:EUR }"));
        add(f, "Which element in group 1 is not an alkali metal?", entities(true),
                labels("?x gg:group 1 . FILTER NOT EXISTS { ?x gg:category category:alkali-metal }"));
    }

    private void topK() {
        String f = "top_k";
        add(f, "What are the three most populous countries in Africa?", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:continent continent:Africa ; gg:population ?p } ORDER BY DESC(?p) LIMIT 3 }"));
        add(f, "Name the three largest countries in Europe by area.", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:continent continent:Europe ; gg:area ?a } ORDER BY DESC(?a) LIMIT 3 }"));
        add(f, "Which 3 South American countries had the most inhabitants in 2015?", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:continent continent:SouthAmerica ; gg:population ?p } ORDER BY DESC(?p) LIMIT 3 }"));
        add(f, "What are the two biggest countries in Oceania?", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:continent continent:Oceania ; gg:area ?a } ORDER BY DESC(?a) LIMIT 2 }"));
        add(f, "List the four lightest elements by atomic weight.", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:standardAtomicWeight ?w } ORDER BY ?w LIMIT 4 }"));
        add(f, "What are the three smallest UN member states in Oceania by area?", entities(true),
                labels("{ SELECT ?x WHERE { ?x gg:continent continent:Oceania ; gg:area ?a } ORDER BY ?a LIMIT 3 }"));
    }

    private void multiField() {
        String f = "multi_field";
        add(f, "What are the symbol, atomic number and melting point of tungsten?",
                allOf(text(true), exactNumber(null, 0), number("K", 0.01)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { element:W gg:symbol ?answer1 ; gg:atomicNumber ?answer2 ; gg:meltingPoint ?answer3 }");
        add(f, "Give me the capital, currency and continent of Peru.", allOf(entities(true), entities(true), entities(true)),
                "SELECT (STR(?a) AS ?answer1) (STR(?b) AS ?answer2) (STR(?c) AS ?answer3) WHERE { country:PER gg:capital ?x ; "
                        + "gg:currency ?y ; gg:continent ?z . ?x rdfs:label ?a . ?y rdfs:label ?b . ?z rdfs:label ?c }");
        add(f, "What were Japan's population in 2015 and its total area?", allOf(number(null, 0.01), number("km^2", 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { country:JPN gg:population ?answer1 ; gg:populationYear 2015 ; gg:area ?answer2 }");
        add(f, "Tell me the atomic number, atomic weight and density of silver.",
                allOf(exactNumber(null, 0), number(null, 0.001), number("g/cm^3", 0.01)),
                "SELECT ?answer1 ?answer2 ?answer3 WHERE { element:Ag gg:atomicNumber ?answer1 ; gg:standardAtomicWeight ?answer2 ; "
                        + "gg:density ?answer3 }");
        add(f, "What are Egypt's three-letter ISO code and its capital?", allOf(text(true), entities(true)),
                "SELECT ?answer1 (STR(?c) AS ?answer2) WHERE { country:EGY gg:isoAlpha3 ?answer1 ; gg:capital ?x . ?x rdfs:label ?c }");
        add(f, "What are the boiling point and the phase of bromine?", allOf(number("K", 0.01), text(false)),
                "SELECT ?answer1 (STR(?p) AS ?answer2) WHERE { element:Br gg:boilingPoint ?answer1 ; gg:phase ?x . ?x rdfs:label ?p }");
    }

    private void unanswerables() {
        String f = "unanswerable";
        add(f, "What is the GDP per capita of Norway?", unanswerable(), Templates.propertyAsk("gdp"));
        add(f, "Which weighs more, a litre of water or a litre of ethanol?", unanswerable(), Templates.labelAsk("ethanol"));
        add(f, "What is the boiling point of acetone?", unanswerable(), Templates.labelAsk("acetone"));
        add(f, "Does Atlantis border Greece?", unanswerable(), Templates.labelAsk("atlantis"));
        add(f, "How many people live in Nairobi?", unanswerable(), "ASK { city:KEN-Nairobi gg:population ?p }");
        add(f, "What is the melting point of Inconel 625?", unanswerable(), "ASK { material:Inconel625 gg:meltingPoint ?m }");
        add(f, "How dense is platinum?", unanswerable(), "ASK { element:Pt gg:density ?d }");
        add(f, "Nauru's capital?", unanswerable(), "ASK { country:NRU gg:capital ?c }");
        add(f, "Tell me the electronegativity of lead.", unanswerable(), "ASK { element:Pb gg:electronegativity ?e }");
        add(f, "Is the boiling point of barium above 2000 K?", unanswerable(), "ASK { element:Ba gg:boilingPoint ?b }");
        add(f, "Who is the prime minister of Canada?", unanswerable(), Templates.propertyAsk("minister"));
        add(f, "What is the official religion of Nepal?", unanswerable(), Templates.propertyAsk("religion"));
        add(f, "What is the capital of Narnia?", unanswerable(), Templates.labelAsk("narnia"));
        add(f, "How many people lived in Somalia in 2015?", unanswerable(), "ASK { country:SOM gg:population ?p }");
        add(f, "What's the density of carbon?", unanswerable(), "ASK { element:C gg:density ?d }");
        add(f, "What is the tensile strength of stainless steel 304?", unanswerable(), Templates.propertyAsk("tensile"));
    }
}
