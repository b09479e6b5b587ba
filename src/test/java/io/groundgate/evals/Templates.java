package io.groundgate.evals;

import static io.groundgate.evals.QuestionSetGenerator.allOf;
import static io.groundgate.evals.QuestionSetGenerator.choice;
import static io.groundgate.evals.QuestionSetGenerator.dec;
import static io.groundgate.evals.QuestionSetGenerator.div;
import static io.groundgate.evals.QuestionSetGenerator.entities;
import static io.groundgate.evals.QuestionSetGenerator.exactNumber;
import static io.groundgate.evals.QuestionSetGenerator.number;
import static io.groundgate.evals.QuestionSetGenerator.params;
import static io.groundgate.evals.QuestionSetGenerator.root;
import static io.groundgate.evals.QuestionSetGenerator.sqrt;
import static io.groundgate.evals.QuestionSetGenerator.text;
import static io.groundgate.evals.QuestionSetGenerator.tuples;
import static io.groundgate.evals.QuestionSetGenerator.unanswerable;
import static io.groundgate.evals.QuestionSetGenerator.yesNo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.evals.QuestionSetGenerator.Item;
import io.groundgate.evals.QuestionSetGenerator.P;

/** The question families, by category. Gold answers come from each item's SPARQL; nothing here states an answer. */
final class Templates {

    private static final String PARAPHRASE = "paraphrase";
    private static final String SYNONYM = "synonym";
    private static final String TYPO = "typo";
    private static final String MULTI = "multi_part";

    private Templates() {
    }

    private static P p(String text, String... tags) {
        return new P(text, tags);
    }

    static void register(QuestionSetGenerator g) {
        Kb kb = g.kb();
        Supplier<List<Map<String, String>>> countries = () -> kb.select(
                "SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l } ORDER BY ?x");
        Supplier<List<Map<String, String>>> oneCapital = () -> kb.select("""
                SELECT ?x (STR(?l) AS ?c) (STR(SAMPLE(?cl)) AS ?cap) WHERE { ?x a gg:Country ; rdfs:label ?l ; gg:capital ?cc .
                ?cc rdfs:label ?cl } GROUP BY ?x ?l HAVING (COUNT(?cc) = 1) ORDER BY ?x""");
        Supplier<List<Map<String, String>>> elements = () -> kb.select(
                "SELECT ?x (STR(?l) AS ?e) ?sym WHERE { ?x a gg:ChemicalElement ; rdfs:label ?l ; gg:symbol ?sym } ORDER BY ?x");
        Supplier<List<Map<String, String>>> materials = () -> kb.select(
                "SELECT ?x (STR(?l) AS ?m) ?d WHERE { ?x a ?t ; rdfs:label ?l ; gg:density ?d . ?t rdfs:subClassOf* gg:Material } ORDER BY ?x");

        lookups(g, kb, countries, oneCapital, elements, materials);
        multiHop(g, kb, oneCapital);
        comparisons(g, kb);
        superlatives(g, kb);
        counts(g, kb, countries);
        arithmetic(g);
        arithmeticOverFacts(g, kb, materials);
        unanswerables(g, kb);
    }

    /** Luxembourg, Singapore, Djibouti ...: asking for the capital would put the answer in the question. */
    private static boolean sameName(Map<String, String> r) {
        return r.get("cap").startsWith(r.get("c"));
    }

    private static Supplier<List<Map<String, String>>> withValue(Kb kb, String cls, String var, String prop, String extra) {
        return () -> kb.select("SELECT ?x (STR(?l) AS ?" + var + ") ?v (GROUP_CONCAT(DISTINCT STR(?a); SEPARATOR=\"|\") AS ?aliases) "
                + "WHERE { ?x a gg:" + cls + " ; rdfs:label ?l ; gg:" + prop + " ?v . " + extra
                + " OPTIONAL { ?x skos:altLabel ?a FILTER(LANG(?a) = \"en\") } } GROUP BY ?x ?l ?v ORDER BY ?x");
    }

    // ---- lookup --------------------------------------------------------------------------------------------------------

    private static void lookups(QuestionSetGenerator g, Kb kb, Supplier<List<Map<String, String>>> countries,
            Supplier<List<Map<String, String>>> oneCapital, Supplier<List<Map<String, String>>> elements,
            Supplier<List<Map<String, String>>> materials) {
        g.add("capital", "lookup", 4, List.of(
                p("What is the capital of {c}?"),
                p("Which city is the capital of {c}?", PARAPHRASE),
                p("~what's the capital city of {c}", PARAPHRASE),
                p("What is the capital of {c}?", TYPO),
                p("Could you tell me the seat of government of {c}, please?", PARAPHRASE, SYNONYM),
                p("{c} has its capital in which city?", PARAPHRASE)),
                oneCapital, r -> sameName(r) ? null
                        : new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x") + " gg:capital ?c . ?c rdfs:label ?l }",
                                entities(true)), "c");
        g.add("continent", "lookup", 3, List.of(
                p("On which continent is {c}?"),
                p("~which continent is {c} located on?", PARAPHRASE),
                p("{c} lies on what continent?", PARAPHRASE),
                p("On which continent is {c}?", TYPO)),
                countries, r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x") + " gg:continent ?k . ?k rdfs:label ?l }",
                        entities(true)), "c");
        g.add("currency", "lookup", 3, List.of(
                p("What currency is used in {c}?"),
                p("What is the legal tender of {c}?", SYNONYM),
                p("Which money do people pay with in {c}?", PARAPHRASE),
                p("Name the official currency of {c}.", PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l ; gg:currency ?k }
                        GROUP BY ?x ?l HAVING (COUNT(?k) = 1) ORDER BY ?x"""),
                r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x") + " gg:currency ?k . ?k rdfs:label ?l }",
                        entities(true)), "c");
        g.add("population", "lookup", 3, List.of(
                p("What was the population of {c} in 2015?"),
                p("What was the number of inhabitants of {c} in 2015?", SYNONYM),
                p("How many people lived in {c} according to the 2015 estimate?", PARAPHRASE),
                p("~{c} population 2015?", PARAPHRASE),
                p("What was the population of {c} in 2015?", TYPO)),
                withValue(kb, "Country", "c", "population", "?x gg:populationYear 2015 ."),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:population ?answer ; gg:populationYear 2015 }",
                        number(null, 0.01)), "c");
        g.add("area", "lookup", 2, List.of(
                p("What is the total area of {c} in square kilometres?"),
                p("How big is {c}, in km²?", PARAPHRASE, SYNONYM),
                p("What is the surface area of {c} (km^2)?", SYNONYM)),
                withValue(kb, "Country", "c", "area", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:area ?answer }", number("km^2", 0.01)), "c");
        g.add("atomic-number", "lookup", 3, List.of(
                p("What is the atomic number of {e}?"),
                p("How many protons does an atom of {e} have?", SYNONYM),
                p("~what's the proton number of {e}?", SYNONYM),
                p("What is the atomic number of {e}?", TYPO),
                p("{e}: which atomic number?", PARAPHRASE)),
                elements, r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:atomicNumber ?answer }", exactNumber(null, 0)),
                "e");
        g.add("symbol", "lookup", 2, List.of(
                p("What is the chemical symbol of {e}?"),
                p("Which chemical symbol does {e} have?", PARAPHRASE),
                p("Give me the atomic symbol for {e}.", SYNONYM)),
                elements, r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:symbol ?answer }", text(true)), "e");
        g.add("element-by-symbol", "lookup", 2, List.of(
                p("Which element has the symbol {sym}?"),
                p("What element does the symbol \"{sym}\" stand for?", PARAPHRASE),
                p("~which chemical element is {sym}?", PARAPHRASE)),
                elements, r -> r.get("sym").length() < 2 ? null
                        : new Item("SELECT (STR(?l) AS ?answer) (STR(?a) AS ?alias) WHERE { " + r.get("x")
                                + " rdfs:label ?l OPTIONAL { " + r.get("x") + " skos:altLabel ?a } }", entities(true)), "e");
        g.add("element-density", "lookup", 2, List.of(
                p("What is the density of {e}?"),
                p("How dense is {e} in g/cm³?", PARAPHRASE),
                p("What is the mass density of {e}?", SYNONYM),
                p("What is the density of {e}?", TYPO)),
                withValue(kb, "ChemicalElement", "e", "density", "?x gg:phase ?ph . FILTER(?ph != phase:Gas)"),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:density ?answer }", number("g/cm^3", 0.01)), "e");
        g.add("melting-point", "lookup", 2, List.of(
                p("What is the melting point of {e} in kelvin?"),
                p("At what temperature in K does {e} melt?", PARAPHRASE),
                p("What is the melting temperature of {e} (K)?", SYNONYM)),
                withValue(kb, "ChemicalElement", "e", "meltingPoint", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:meltingPoint ?answer }", number("K", 0.01)), "e");
        g.add("boiling-point", "lookup", 2, List.of(
                p("What is the boiling point of {e} in kelvin?"),
                p("~at how many kelvin does {e} boil?", PARAPHRASE),
                p("What is the boiling temperature of {e}, in K?", SYNONYM)),
                withValue(kb, "ChemicalElement", "e", "boilingPoint", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:boilingPoint ?answer }", number("K", 0.01)), "e");
        g.add("electronegativity", "lookup", 1, List.of(
                p("What is the Pauling electronegativity of {e}?"),
                p("How electronegative is {e} on the Pauling scale?", PARAPHRASE)),
                withValue(kb, "ChemicalElement", "e", "electronegativity", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:electronegativity ?answer }", exactNumber(null, 0.005)),
                "e");
        g.add("atomic-weight", "lookup", 2, List.of(
                p("What is the standard atomic weight of {e}?"),
                p("What is the relative atomic mass of {e}?", SYNONYM),
                p("Tell me the atomic weight of {e}.", PARAPHRASE)),
                withValue(kb, "ChemicalElement", "e", "standardAtomicWeight", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:standardAtomicWeight ?answer }", number(null, 0.001)),
                "e");
        g.add("discovery-year", "lookup", 1, List.of(
                p("In which year was {e} discovered?"),
                p("When was {e} discovered?", PARAPHRASE)),
                withValue(kb, "ChemicalElement", "e", "yearDiscovered", ""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:yearDiscovered ?answer }", exactNumber(null, 0)), "e");
        g.add("element-category", "lookup", 1, List.of(
                p("What category of element is {e}?"),
                p("What type of element is {e}?", SYNONYM)),
                withValue(kb, "ChemicalElement", "e", "category", ""),
                r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x") + " gg:category ?k . ?k rdfs:label ?l }",
                        text(false)), "e");
        g.add("material-density", "lookup", 2, List.of(
                p("What is the density of {m}?"),
                p("How dense is {m}? Answer in g/cm^3.", PARAPHRASE)),
                materials, r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:density ?answer }", number("g/cm^3", 0.01)),
                "m");
        g.add("material-density-alias", "lookup", 1, List.of(
                p("What is the specific mass of {alt}?", SYNONYM),
                p("What is the density of the material known as {alt}?", SYNONYM)),
                () -> kb.select("""
                        SELECT ?x (STR(SAMPLE(?a)) AS ?alt) WHERE { ?x gg:density ?d ; skos:altLabel ?a . ?x a ?t .
                        ?t rdfs:subClassOf* gg:Material FILTER(STRLEN(?a) > 4) } GROUP BY ?x ORDER BY ?x"""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:density ?answer }", number("g/cm^3", 0.01)), "alt");
        g.add("country-alias-capital", "lookup", 1, List.of(
                p("What is the capital of {alt}?", SYNONYM),
                p("Which city is the capital of {alt}?", SYNONYM, PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?x (STR(SAMPLE(?a)) AS ?alt) WHERE { ?x a gg:Country ; gg:capital ?cap ; skos:altLabel ?a ; rdfs:label ?l .
                        FILTER(LANG(?a) = "en" && STRLEN(?a) > 5 && REGEX(?a, "^[A-Za-z ]+$") && !CONTAINS(LCASE(?a), LCASE(STR(?l))))
                        } GROUP BY ?x HAVING (COUNT(DISTINCT ?cap) = 1) ORDER BY ?x"""),
                r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x") + " gg:capital ?c . ?c rdfs:label ?l }",
                        entities(true)), "alt");
        g.add("iso3", "lookup", 1, List.of(
                p("What is the ISO 3166-1 alpha-3 code of {c}?"),
                p("What's the three-letter country code for {c}?", SYNONYM)),
                countries, r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:isoAlpha3 ?answer }", text(true)), "c");
        g.add("capitals-two", "lookup", 2, List.of(
                p("What are the capitals of {a_c} and {b_c}?", MULTI),
                p("Name the capital cities of {a_c} and of {b_c}.", MULTI, PARAPHRASE)),
                () -> tuples(oneCapital.get(), 2, 40, 11), r -> r.get("a_cap").startsWith(r.get("a_c"))
                        || r.get("b_cap").startsWith(r.get("b_c")) ? null : new Item("SELECT (STR(?l) AS ?answer) WHERE { VALUES ?x { "
                        + r.get("a_x") + " " + r.get("b_x") + " } ?x gg:capital ?c . ?c rdfs:label ?l }", entities(true)), "a_c");
        g.add("atomic-numbers-two", "lookup", 2, List.of(
                p("What are the atomic numbers of {a_e} and {b_e}?", MULTI),
                p("How many protons do {a_e} and {b_e} have, respectively?", MULTI, SYNONYM)),
                () -> tuples(elements.get(), 2, 40, 12), r -> new Item("SELECT ?answer1 ?answer2 WHERE { " + r.get("a_x")
                        + " gg:atomicNumber ?answer1 . " + r.get("b_x") + " gg:atomicNumber ?answer2 }",
                        allOf(exactNumber(null, 0), exactNumber(null, 0))), "a_e");
        g.add("density-and-melting", "lookup", 1, List.of(
                p("What are the density and the melting point of {e}?", MULTI),
                p("Give me {e}'s density and its melting point in kelvin.", MULTI, PARAPHRASE)),
                withValue(kb, "ChemicalElement", "e", "density", "?x gg:meltingPoint ?mp ; gg:phase phase:Solid ."),
                r -> new Item("SELECT ?answer1 ?answer2 WHERE { " + r.get("x") + " gg:density ?answer1 ; gg:meltingPoint ?answer2 }",
                        allOf(number("g/cm^3", 0.01), number("K", 0.01))), "e");
    }

    // ---- multi_hop -------------------------------------------------------------------------------------------------------

    private static void multiHop(QuestionSetGenerator g, Kb kb, Supplier<List<Map<String, String>>> oneCapital) {
        g.add("currency-by-capital", "multi_hop", 4, List.of(
                p("What currency is used in the country whose capital is {cap}?"),
                p("Which currency do they use in the country that has {cap} as its capital?", PARAPHRASE),
                p("~{cap} is a capital city. what's the money of that country?", PARAPHRASE, SYNONYM),
                p("What currency is used in the country whose capital is {cap}?", TYPO)),
                () -> kb.select("""
                        SELECT ?x (STR(SAMPLE(?cl)) AS ?cap) WHERE { ?x gg:capital ?cc ; gg:currency ?k . ?cc rdfs:label ?cl }
                        GROUP BY ?x HAVING (COUNT(DISTINCT ?cc) = 1 && COUNT(DISTINCT ?k) = 1) ORDER BY ?x"""),
                r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { ?c gg:capital ?cc . ?cc rdfs:label \"" + r.get("cap")
                        + "\"@en . ?c gg:currency ?k . ?k rdfs:label ?l }", entities(true)), "cap");
        g.add("population-by-capital", "multi_hop", 3, List.of(
                p("What was the 2015 population of the country whose capital is {cap}?"),
                p("How many inhabitants did the country with the capital {cap} have in 2015?", SYNONYM, PARAPHRASE),
                p("The capital of a country is {cap}. What was that country's population in 2015?", PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?x (STR(SAMPLE(?cl)) AS ?cap) WHERE { ?x gg:capital ?cc ; gg:population ?p ; gg:populationYear 2015 . ?cc rdfs:label ?cl }
                        GROUP BY ?x HAVING (COUNT(DISTINCT ?cc) = 1) ORDER BY ?x"""),
                r -> new Item("SELECT ?answer WHERE { ?c gg:capital ?cc . ?cc rdfs:label \"" + r.get("cap")
                        + "\"@en . ?c gg:population ?answer ; gg:populationYear 2015 }", number(null, 0.01)), "cap");
        g.add("continent-by-capital", "multi_hop", 3, List.of(
                p("On which continent is the country whose capital is {cap}?"),
                p("{cap} is the capital of a country on which continent?", PARAPHRASE),
                p("On which continent is the country whose capital is {cap}?", TYPO)),
                oneCapital, r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { ?c gg:capital ?cc . ?cc rdfs:label \"" + r.get("cap")
                        + "\"@en . ?c gg:continent ?k . ?k rdfs:label ?l }", entities(true)), "cap");
        Supplier<List<Map<String, String>>> oneNeighbour = () -> kb.select("""
                SELECT ?x (STR(?l) AS ?c) (SAMPLE(?n) AS ?nb) WHERE { ?x a gg:Country ; rdfs:label ?l ; gg:landBorder ?n }
                GROUP BY ?x ?l HAVING (COUNT(DISTINCT ?n) = 1) ORDER BY ?x""");
        g.add("capital-of-only-neighbour", "multi_hop", 3, List.of(
                p("What is the capital of the only country that shares a land border with {c}?"),
                p("{c} has exactly one neighbouring country. What is its capital?", PARAPHRASE),
                p("~capital of the country bordering {c}?", PARAPHRASE)),
                oneNeighbour, r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x")
                        + " gg:landBorder ?n . ?n gg:capital ?cc . ?cc rdfs:label ?l }", entities(false)), "c");
        g.add("continent-of-neighbour", "multi_hop", 2, List.of(
                p("On which continent is the country bordering {c}?"),
                p("Which continent is {c}'s only land neighbour on?", PARAPHRASE, SYNONYM)),
                oneNeighbour, r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { " + r.get("x")
                        + " gg:landBorder ?n . ?n gg:continent ?k . ?k rdfs:label ?l }", entities(true)), "c");
        g.add("melting-by-number", "multi_hop", 3, List.of(
                p("What is the melting point, in kelvin, of the element with atomic number {z}?"),
                p("The element with {z} protons melts at what temperature (K)?", SYNONYM, PARAPHRASE),
                p("~element number {z}: melting point in k?", PARAPHRASE)),
                () -> kb.select("SELECT ?x ?z WHERE { ?x gg:atomicNumber ?z ; gg:meltingPoint ?m } ORDER BY ?x"),
                r -> new Item("SELECT ?answer WHERE { ?e gg:atomicNumber " + r.get("z") + " ; gg:meltingPoint ?answer }",
                        number("K", 0.01)), "z");
        g.add("density-of-balance", "multi_hop", 2, List.of(
                p("What is the density of the element that makes up the balance of {m}?"),
                p("{m} is mostly one element (the balance). How dense is that element?", PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?x (STR(?l) AS ?m) WHERE { ?x rdfs:label ?l ; gg:hasComponent ?k . ?k gg:isBalance true ;
                        gg:componentElement ?e . ?e gg:density ?d } ORDER BY ?x"""),
                r -> new Item("SELECT ?answer WHERE { " + r.get("x") + " gg:hasComponent ?k . ?k gg:isBalance true ; "
                        + "gg:componentElement ?e . ?e gg:density ?answer }", number("g/cm^3", 0.01)), "m");
        g.add("language-by-capital", "multi_hop", 2, List.of(
                p("What is an official language of the country whose capital is {cap}?"),
                p("Which language is official in the country governed from {cap}?", PARAPHRASE)),
                oneCapital, r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { ?c gg:capital ?cc . ?cc rdfs:label \"" + r.get("cap")
                        + "\"@en . ?c gg:officialLanguage ?k . ?k rdfs:label ?l }", entities(false)), "cap");
        g.add("capital-by-currency", "multi_hop", 2, List.of(
                p("What is the capital of the country that uses the {cur}?"),
                p("The {cur} is the currency of which country's capital? Name the city.", PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?k (STR(?kl) AS ?cur) WHERE { ?c gg:currency ?k ; gg:capital ?cc . ?k rdfs:label ?kl }
                        GROUP BY ?k ?kl HAVING (COUNT(DISTINCT ?c) = 1 && COUNT(DISTINCT ?cc) = 1) ORDER BY ?k"""),
                r -> new Item("SELECT (STR(?l) AS ?answer) WHERE { ?c gg:currency " + r.get("k")
                        + " ; gg:capital ?cc . ?cc rdfs:label ?l }", entities(true)), "cur");
    }

    // ---- comparison ------------------------------------------------------------------------------------------------------

    /** A pair is usable when the two values differ by at least 3 %, so rounding cannot flip the answer. */
    private static boolean distinct(Map<String, String> r) {
        double a = Double.parseDouble(r.get("a_v"));
        double b = Double.parseDouble(r.get("b_v"));
        return Math.abs(a - b) >= 0.03 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Item ask(Map<String, String> r, String prop, String op) {
        return new Item("ASK { " + r.get("a_x") + " gg:" + prop + " ?a . " + r.get("b_x") + " gg:" + prop + " ?b . FILTER(?a "
                + op + " ?b) }", yesNo());
    }

    private static Item pick(Map<String, String> r, String prop, String order, String var, int n) {
        StringBuilder values = new StringBuilder();
        ObjectNode gold = choice();
        ArrayNode options = (ArrayNode) gold.get("options");
        for (int i = 0; i < n; i++) {
            String k = String.valueOf((char) ('a' + i));
            values.append(r.get(k + "_x")).append(' ');
            String aliases = r.getOrDefault(k + "_aliases", "");
            if (aliases.isEmpty()) {
                options.add(r.get(k + "_" + var));
            } else {
                // the label first, then its English altLabels ("Aluminium", "Aluminum"), so either spelling picks it
                ArrayNode option = options.addArray().add(r.get(k + "_" + var));
                for (String a : new TreeSet<>(List.of(aliases.split("\\|")))) { // GROUP_CONCAT order is not defined
                    option.add(a);
                }
            }
        }
        return new Item("SELECT (STR(?l) AS ?answer) WHERE { VALUES ?x { " + values + "} ?x gg:" + prop
                + " ?v ; rdfs:label ?l } ORDER BY " + order + "(?v) LIMIT 1", gold);
    }

    private static boolean spread(Map<String, String> r, int n) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(Double.parseDouble(r.get((char) ('a' + i) + "_v")));
        }
        v.sort(Double::compare);
        for (int i = 1; i < n; i++) {
            if (v.get(i) - v.get(i - 1) < 0.03 * Math.abs(v.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void comparisons(QuestionSetGenerator g, Kb kb) {
        Supplier<List<Map<String, String>>> dense = withValue(kb, "ChemicalElement", "e", "density", "?x gg:phase ?ph . FILTER(?ph != phase:Gas)");
        g.add("denser-element", "comparison", 3, List.of(
                p("Is {a_e} denser than {b_e}?"),
                p("Does {a_e} have a higher density than {b_e}?", PARAPHRASE),
                p("~is {a_e} heavier per volume than {b_e}?", PARAPHRASE, SYNONYM),
                p("Is {a_e} denser than {b_e}?", TYPO)),
                () -> tuples(dense.get(), 2, 60, 21), r -> distinct(r) ? ask(r, "density", ">") : null, "a_e");
        g.add("higher-melting", "comparison", 3, List.of(
                p("Which has the higher melting point, {a_e} or {b_e}?"),
                p("{a_e} or {b_e}: which one melts at a higher temperature?", PARAPHRASE),
                p("Between {a_e} and {b_e}, which has the higher melting temperature?", SYNONYM)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "meltingPoint", "").get(), 2, 60, 22),
                r -> distinct(r) ? pick(r, "meltingPoint", "DESC", "e", 2) : null, "a_e");
        Supplier<List<Map<String, String>>> populous = withValue(kb, "Country", "c", "population", "?x gg:populationYear 2015 .");
        g.add("more-populous", "comparison", 3, List.of(
                p("Did {a_c} have more inhabitants than {b_c} in 2015?", SYNONYM),
                p("Was the 2015 population of {a_c} larger than that of {b_c}?"),
                p("~in 2015, were there more people in {a_c} than in {b_c}?", PARAPHRASE)),
                () -> tuples(populous.get(), 2, 60, 23), r -> distinct(r) ? ask(r, "population", ">") : null, "a_c");
        g.add("larger-area", "comparison", 3, List.of(
                p("Which country is larger by total area, {a_c} or {b_c}?"),
                p("Which is bigger, {a_c} or {b_c}?", PARAPHRASE, SYNONYM),
                p("Which is larger by total area, {a_c} or {b_c}?", TYPO)),
                () -> tuples(withValue(kb, "Country", "c", "area", "").get(), 2, 60, 24),
                r -> distinct(r) ? pick(r, "area", "DESC", "c", 2) : null, "a_c");
        g.add("more-electronegative", "comparison", 2, List.of(
                p("Which is more electronegative, {a_e} or {b_e}?"),
                p("Of {a_e} and {b_e}, which has the higher Pauling electronegativity?", PARAPHRASE)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "electronegativity", "").get(), 2, 60, 25),
                r -> distinct(r) ? pick(r, "electronegativity", "DESC", "e", 2) : null, "a_e");
        g.add("discovered-earlier", "comparison", 2, List.of(
                p("Was {a_e} discovered before {b_e}?"),
                p("~did the discovery of {a_e} come earlier than that of {b_e}?", PARAPHRASE)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "yearDiscovered", "").get(), 2, 60, 26),
                r -> Math.abs(Integer.parseInt(r.get("a_v")) - Integer.parseInt(r.get("b_v"))) >= 5 ? ask(r, "yearDiscovered", "<")
                        : null, "a_e");
        g.add("denser-material", "comparison", 2, List.of(
                p("Which is denser, {a_m} or {b_m}?"),
                p("Which weighs more per cubic centimetre: {a_m} or {b_m}?", PARAPHRASE)),
                () -> tuples(kb.select("SELECT ?x (STR(?l) AS ?m) ?v WHERE { ?x gg:density ?v ; rdfs:label ?l ; a ?t . "
                        + "?t rdfs:subClassOf* gg:Material } ORDER BY ?x"), 2, 60, 27),
                r -> distinct(r) ? pick(r, "density", "DESC", "m", 2) : null, "a_m");
        g.add("lower-boiling", "comparison", 2, List.of(
                p("Does {a_e} boil at a lower temperature than {b_e}?"),
                p("Is the boiling point of {a_e} lower than that of {b_e}?", PARAPHRASE)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "boilingPoint", "").get(), 2, 60, 28),
                r -> distinct(r) ? ask(r, "boilingPoint", "<") : null, "a_e");
    }

    // ---- superlative -----------------------------------------------------------------------------------------------------

    private static Item scopePick(Kb kb, String scopePattern, String prop, String order) {
        List<Map<String, String>> members = kb.select("SELECT ?x (STR(?l) AS ?n) ?v (GROUP_CONCAT(DISTINCT STR(?a); SEPARATOR=\"|\") AS ?aliases) "
                + "WHERE { " + scopePattern + " ?x rdfs:label ?l . OPTIONAL { ?x gg:" + prop + " ?v "
                + (prop.equals("population") ? "; gg:populationYear 2015 " : "")
                + "} OPTIONAL { ?x skos:altLabel ?a FILTER(LANG(?a) = \"en\") } } GROUP BY ?x ?l ?v ORDER BY ?x");
        if (members.size() < 3 || members.stream().anyMatch(m -> m.get("v") == null)) {
            return null; // the superlative is only asked where every member of the scope has the value
        }
        List<Double> values = members.stream().map(m -> Double.parseDouble(m.get("v"))).sorted().toList();
        double top = order.equals("DESC") ? values.get(values.size() - 1) : values.get(0);
        double next = order.equals("DESC") ? values.get(values.size() - 2) : values.get(1);
        if (Math.abs(top - next) < 0.03 * Math.abs(top)) {
            return null;
        }
        ObjectNode gold = choice();
        ArrayNode options = (ArrayNode) gold.get("options");
        for (Map<String, String> m : members) {
            String aliases = m.getOrDefault("aliases", "");
            if (aliases.isEmpty()) {
                options.add(m.get("n"));
            } else {
                ArrayNode option = options.addArray().add(m.get("n"));
                for (String a : new TreeSet<>(List.of(aliases.split("\\|")))) { // GROUP_CONCAT order is not defined
                    option.add(a);
                }
            }
        }
        return new Item("SELECT (STR(?l) AS ?answer) WHERE { " + scopePattern + " ?x gg:" + prop
                + " ?v ; rdfs:label ?l } ORDER BY " + order + "(?v) LIMIT 1", gold);
    }

    private static void superlatives(QuestionSetGenerator g, Kb kb) {
        Supplier<List<Map<String, String>>> countries = () -> kb.select(
                "SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l } ORDER BY ?x");
        g.add("most-populous-neighbour", "superlative", 3, List.of(
                p("Which country bordering {c} had the largest population in 2015?"),
                p("Of {c}'s neighbours, which had the most inhabitants in 2015?", SYNONYM, PARAPHRASE),
                p("~which neighbour of {c} was the most populous in 2015?", PARAPHRASE)),
                countries, r -> scopePick(kb, r.get("x") + " gg:landBorder ?x .", "population", "DESC"), "c");
        g.add("largest-neighbour", "superlative", 3, List.of(
                p("Which of the countries that border {c} has the largest total area?"),
                p("What is the biggest neighbouring country of {c} by area?", SYNONYM, PARAPHRASE),
                p("Which of the countries that border {c} has the largest total area?", TYPO)),
                countries, r -> scopePick(kb, r.get("x") + " gg:landBorder ?x .", "area", "DESC"), "c");
        g.add("smallest-neighbour", "superlative", 1, List.of(
                p("Which country bordering {c} has the smallest area?"),
                p("Among the land neighbours of {c}, which is the smallest by total area?", PARAPHRASE)),
                countries, r -> scopePick(kb, r.get("x") + " gg:landBorder ?x .", "area", "ASC"), "c");
        g.add("continent-largest", "superlative", 1, List.of(
                p("Which UN member state in {k} has the largest total area?"),
                p("What is the largest country in {k} by area?", PARAPHRASE)),
                () -> kb.select("SELECT ?k0 (STR(?l) AS ?k) WHERE { ?k0 a gg:Continent ; rdfs:label ?l } ORDER BY ?k0"),
                r -> scopePick(kb, "?x gg:continent " + r.get("k0") + " .", "area", "DESC"), "k");
        Supplier<List<Map<String, String>>> dense = withValue(kb, "ChemicalElement", "e", "density", "?x gg:phase phase:Solid .");
        g.add("densest-of", "superlative", 3, List.of(
                p("Which of these is the densest: {a_e}, {b_e} or {c_e}?"),
                p("Of {a_e}, {b_e} and {c_e}, which element has the highest density?", PARAPHRASE),
                p("~{a_e}, {b_e}, {c_e} - which one is the densest?", PARAPHRASE)),
                () -> tuples(dense.get(), 3, 60, 31), r -> spread(r, 3) ? pick(r, "density", "DESC", "e", 3) : null, "a_e");
        g.add("least-dense-of", "superlative", 1, List.of(
                p("~{a_e}, {b_e}, {c_e} - which one is the least dense?", PARAPHRASE),
                p("Which has the lowest density: {a_e}, {b_e} or {c_e}?")),
                () -> tuples(dense.get(), 3, 60, 36), r -> spread(r, 3) ? pick(r, "density", "ASC", "e", 3) : null, "a_e");
        g.add("highest-melting-of", "superlative", 3, List.of(
                p("Which has the highest melting point: {a_e}, {b_e}, {c_e} or {d_e}?"),
                p("Among {a_e}, {b_e}, {c_e} and {d_e}, which melts at the highest temperature?", PARAPHRASE),
                p("Which has the highest melting point: {a_e}, {b_e}, {c_e} or {d_e}?", TYPO)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "meltingPoint", "").get(), 4, 60, 32),
                r -> spread(r, 4) ? pick(r, "meltingPoint", "DESC", "e", 4) : null, "b_e");
        g.add("heaviest-atom-of", "superlative", 2, List.of(
                p("Which of {a_e}, {b_e} and {c_e} has the largest standard atomic weight?"),
                p("Which has the highest relative atomic mass: {a_e}, {b_e} or {c_e}?", SYNONYM)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "standardAtomicWeight", "").get(), 3, 60, 33),
                r -> spread(r, 3) ? pick(r, "standardAtomicWeight", "DESC", "e", 3) : null, "a_e");
        Supplier<List<Map<String, String>>> pop = withValue(kb, "Country", "c", "population", "?x gg:populationYear 2015 .");
        g.add("most-populous-of", "superlative", 2, List.of(
                p("Which of {a_c}, {b_c} and {c_c} had the largest population in 2015?"),
                p("~in 2015, which was the most populous: {a_c}, {b_c} or {c_c}?", PARAPHRASE)),
                () -> tuples(pop.get(), 3, 60, 34), r -> spread(r, 3) ? pick(r, "population", "DESC", "c", 3) : null, "a_c");
        g.add("fewest-people-of", "superlative", 1, List.of(
                p("~in 2015, which had the fewest people: {a_c}, {b_c} or {c_c}?", PARAPHRASE),
                p("Which of {a_c}, {b_c} and {c_c} had the smallest population in 2015?")),
                () -> tuples(pop.get(), 3, 60, 37), r -> spread(r, 3) ? pick(r, "population", "ASC", "c", 3) : null, "a_c");
        g.add("smallest-of", "superlative", 2, List.of(
                p("Which is the smallest by total area: {a_c}, {b_c} or {c_c}?"),
                p("Among {a_c}, {b_c} and {c_c}, which country covers the least area?", PARAPHRASE)),
                () -> tuples(withValue(kb, "Country", "c", "area", "").get(), 3, 60, 35),
                r -> spread(r, 3) ? pick(r, "area", "ASC", "c", 3) : null, "a_c");
    }

    // ---- count -----------------------------------------------------------------------------------------------------------

    private static void counts(QuestionSetGenerator g, Kb kb, Supplier<List<Map<String, String>>> countries) {
        g.add("neighbour-count", "count", 4, List.of(
                p("How many UN member states share a land border with {c}?"),
                p("With how many member states does {c} have a land border?", PARAPHRASE),
                p("~how many neighbouring countries does {c} have (UN members only)?", SYNONYM),
                p("How many UN member states share a land border with {c}?", TYPO)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l ; gg:landBorder ?n } "
                        + "GROUP BY ?x ?l ORDER BY ?x"),
                r -> new Item("SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { " + r.get("x") + " gg:landBorder ?n }",
                        exactNumber(null, 0)), "c");
        g.add("continent-count", "count", 2, List.of(
                p("How many UN member states are in {k}?"),
                p("How many sovereign states (UN members) lie in {k}?", SYNONYM),
                p("~count the un member countries located on {k}.", PARAPHRASE)),
                () -> kb.select("SELECT ?k0 (STR(?l) AS ?k) WHERE { ?k0 a gg:Continent ; rdfs:label ?l . ?c gg:continent ?k0 } "
                        + "GROUP BY ?k0 ?l ORDER BY ?k0"),
                r -> new Item("SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { ?c a gg:Country ; gg:continent " + r.get("k0") + " }",
                        exactNumber(null, 0)), "k");
        g.add("period-count", "count", 2, List.of(
                p("How many elements are in period {n} of the periodic table?"),
                p("How many chemical elements does row {n} of the periodic table contain?", SYNONYM)),
                () -> kb.select("SELECT DISTINCT ?n WHERE { ?e gg:period ?n } ORDER BY ?n"),
                r -> new Item("SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:period " + r.get("n") + " }",
                        exactNumber(null, 0)), "n");
        g.add("group-count", "count", 2, List.of(
                p("How many elements are in group {n}?"),
                p("How many elements belong to group {n} of the periodic table?", PARAPHRASE)),
                () -> kb.select("SELECT DISTINCT ?n WHERE { ?e gg:group ?n } ORDER BY ?n"),
                r -> new Item("SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:group " + r.get("n") + " }",
                        exactNumber(null, 0)), "n");
        g.add("category-count", "count", 2, List.of(
                p("How many elements are classified as {cat}s?"),
                p("~how many {cat} elements are there?", PARAPHRASE)),
                () -> kb.select("SELECT ?k (STR(?l) AS ?cat) WHERE { ?k a gg:ElementCategory ; rdfs:label ?l . "
                        + "FILTER(!STRENDS(STR(?l), \"s\") && !CONTAINS(STR(?l), \"unknown\")) } ORDER BY ?k"),
                r -> new Item("SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:category " + r.get("k") + " }",
                        exactNumber(null, 0)), "cat");
        g.add("currency-users", "count", 2, List.of(
                p("How many UN member states use the {cur} as their currency?"),
                p("In how many countries is the {cur} legal tender?", SYNONYM)),
                () -> kb.select("SELECT ?k (STR(?l) AS ?cur) WHERE { ?c gg:currency ?k . ?k rdfs:label ?l } GROUP BY ?k ?l "
                        + "HAVING (COUNT(DISTINCT ?c) > 1) ORDER BY ?k"),
                r -> new Item("SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { ?c gg:currency " + r.get("k") + " }",
                        exactNumber(null, 0)), "cur");
        g.add("language-users", "count", 2, List.of(
                p("In how many UN member states is {lang} an official language?"),
                p("How many countries have {lang} as an official language?", PARAPHRASE)),
                () -> kb.select("SELECT ?k (STR(?l) AS ?lang) WHERE { ?c gg:officialLanguage ?k . ?k rdfs:label ?l } GROUP BY ?k ?l "
                        + "HAVING (COUNT(DISTINCT ?c) > 2) ORDER BY ?k"),
                r -> new Item("SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { ?c gg:officialLanguage " + r.get("k") + " }",
                        exactNumber(null, 0)), "lang");
        g.add("language-count", "count", 2, List.of(
                p("How many official languages does {c} have?"),
                p("~number of official languages in {c}?", PARAPHRASE)),
                countries, r -> new Item("SELECT (COUNT(DISTINCT ?k) AS ?answer) WHERE { " + r.get("x") + " gg:officialLanguage ?k }",
                        exactNumber(null, 0)), "c");
    }

    // ---- arithmetic (calculator only) -----------------------------------------------------------------------------------

    private static Item calc(String sparqlExpression, BigDecimal exact, ObjectNodeHolder gold) {
        return new Item("SELECT ((" + sparqlExpression + ") AS ?answer) WHERE {}", gold.node, exact, Map.of());
    }

    private record ObjectNodeHolder(ObjectNode node) {
    }

    private static ObjectNodeHolder rel(String unit, double tol) {
        return new ObjectNodeHolder(number(unit, tol));
    }

    private static String pickOf(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static void arithmetic(QuestionSetGenerator g) {
        g.add("percent-of", "arithmetic", 4, List.of(
                p("What is {p}% of {x}?"),
                p("Calculate {p} percent of {x}.", PARAPHRASE),
                p("~how much is {p}% of {x}?", PARAPHRASE),
                p("If a price of {x} is reduced by {p}%, how much is the reduction?", PARAPHRASE)),
                () -> params(20, 41, r -> Map.of("p", pickOf(r, "5", "12.5", "15", "17.5", "20", "2.5", "8.25", "33", "45", "72"),
                        "x", String.valueOf(40 + r.nextInt(9000)))),
                r -> calc(r.get("p") + " * " + r.get("x") + " / 100", dec(r.get("p")).multiply(dec(r.get("x"))).movePointLeft(2),
                        rel(null, 0.001)), null);
        g.add("power", "arithmetic", 3, List.of(
                p("What is {b} to the power of {n}?"),
                p("Compute {b}^{n}.", PARAPHRASE),
                p("~what does {b} raised to the {n}th power equal?", PARAPHRASE)),
                () -> params(20, 42, r -> Map.of("b", pickOf(r, "2", "3", "7", "1.05", "1.5", "11", "0.9", "2.5"),
                        "n", String.valueOf(4 + r.nextInt(9)))),
                r -> calc("math:pow(" + r.get("b") + ", " + r.get("n") + ")", dec(r.get("b")).pow(Integer.parseInt(r.get("n"))),
                        rel(null, 0.001)), null);
        g.add("square-root", "arithmetic", 2, List.of(
                p("What is the square root of {x}?"),
                p("~sqrt({x}) = ?", PARAPHRASE)),
                () -> params(20, 43, r -> Map.of("x", String.valueOf(2 + r.nextInt(5000)))),
                r -> calc("math:sqrt(" + r.get("x") + ")", sqrt(dec(r.get("x"))), rel(null, 0.001)), null);
        g.add("cube-root", "arithmetic", 1, List.of(
                p("What is the cube root of {x}?"),
                p("Which number cubed gives {x}?", PARAPHRASE)),
                () -> params(20, 44, r -> Map.of("x", String.valueOf(10 + r.nextInt(100000)))),
                r -> calc("math:pow(" + r.get("x") + ", 1.0e0 / 3)", root(dec(r.get("x")), 3), rel(null, 0.001)), null);
        g.add("km-to-miles", "arithmetic", 2, List.of(
                p("How many miles are {x} kilometres?"),
                p("Convert {x} km to miles.", PARAPHRASE)),
                () -> params(20, 45, r -> Map.of("x", String.valueOf(5 + r.nextInt(2000)))),
                r -> calc(r.get("x") + " / 1.609344", div(dec(r.get("x")), dec("1.609344")), rel("mi", 0.002)), null);
        g.add("pounds-to-kg", "arithmetic", 2, List.of(
                p("How many kilograms is {x} pounds?"),
                p("~convert {x} lb to kg", PARAPHRASE)),
                () -> params(20, 46, r -> Map.of("x", String.valueOf(1 + r.nextInt(400)))),
                r -> calc(r.get("x") + " * 0.45359237", dec(r.get("x")).multiply(dec("0.45359237")), rel("kg", 0.002)), null);
        g.add("fahrenheit-to-celsius", "arithmetic", 2, List.of(
                p("What is {x} °F in degrees Celsius?"),
                p("Convert {x} degrees Fahrenheit to Celsius.", PARAPHRASE)),
                () -> params(20, 47, r -> Map.of("x", String.valueOf(-40 + r.nextInt(500)))),
                r -> {
                    BigDecimal c = div(dec(r.get("x")).subtract(dec("32")).multiply(dec("5")), dec("9"));
                    return c.abs().compareTo(dec("5")) < 0 ? null
                            : new Item("SELECT (((" + r.get("x") + " - 32) * 5 / 9) AS ?answer) WHERE {}",
                                    exactNumber("°C", 0.1), c, Map.of());
                }, null);
        g.add("inches-to-cm", "arithmetic", 1, List.of(
                p("How many centimetres are in {x} inches?"),
                p("{x} in = ? cm", PARAPHRASE)),
                () -> params(20, 48, r -> Map.of("x", String.valueOf(1 + r.nextInt(300)))),
                r -> calc(r.get("x") + " * 2.54", dec(r.get("x")).multiply(dec("2.54")), rel("cm", 0.002)), null);
        g.add("kmh-to-ms", "arithmetic", 1, List.of(
                p("What is {x} km/h in metres per second?"),
                p("Convert a speed of {x} kilometres per hour to m/s.", PARAPHRASE)),
                () -> params(20, 49, r -> Map.of("x", String.valueOf(10 + r.nextInt(990)))),
                r -> calc(r.get("x") + " * 1000 / 3600", div(dec(r.get("x")).multiply(dec("1000")), dec("3600")), rel("m/s", 0.002)),
                null);
        g.add("percent-change", "arithmetic", 2, List.of(
                p("By what percentage does a value change when it goes from {a} to {b}?"),
                p("A price rises from {a} to {b}. What is the percentage increase?", PARAPHRASE)),
                () -> params(20, 50, r -> {
                    int a = 20 + r.nextInt(900);
                    return Map.of("a", String.valueOf(a), "b", String.valueOf(a + 1 + r.nextInt(600)));
                }),
                r -> calc("(" + r.get("b") + " - " + r.get("a") + ") * 100 / " + r.get("a"),
                        div(dec(r.get("b")).subtract(dec(r.get("a"))).multiply(dec("100")), dec(r.get("a"))), rel("%", 0.002)),
                null);
        g.add("expression", "arithmetic", 2, List.of(
                p("What is ({a} + {b}) × {c} − {d}?"),
                p("~compute ({a}+{b})*{c}-{d}", PARAPHRASE)),
                () -> params(20, 51, r -> Map.of("a", String.valueOf(r.nextInt(500)) + "." + r.nextInt(10),
                        "b", String.valueOf(1 + r.nextInt(99)), "c", String.valueOf(2 + r.nextInt(40)),
                        "d", String.valueOf(r.nextInt(1000)))),
                r -> calc("(" + r.get("a") + " + " + r.get("b") + ") * " + r.get("c") + " - " + r.get("d"),
                        dec(r.get("a")).add(dec(r.get("b"))).multiply(dec(r.get("c"))).subtract(dec(r.get("d"))), rel(null, 0.0005)),
                null);
        g.add("kelvin-to-celsius", "arithmetic", 1, List.of(
                p("What is {x} K in degrees Celsius?"),
                p("Convert {x} kelvin to °C.", PARAPHRASE)),
                () -> params(20, 52, r -> Map.of("x", String.valueOf(300 + r.nextInt(3000)))),
                r -> new Item("SELECT ((" + r.get("x") + " - 273.15) AS ?answer) WHERE {}", exactNumber("°C", 0.1),
                        dec(r.get("x")).subtract(dec("273.15")), Map.of()), null);
    }

    // ---- arithmetic over facts -------------------------------------------------------------------------------------------

    private static void arithmeticOverFacts(QuestionSetGenerator g, Kb kb, Supplier<List<Map<String, String>>> materials) {
        Supplier<List<Map<String, String>>> dense = () -> kb.select("""
                SELECT ?x (STR(?l) AS ?e) ?v WHERE { ?x a gg:ChemicalElement ; rdfs:label ?l ; gg:density ?v ; gg:phase ?ph .
                FILTER(?ph != phase:Gas) } ORDER BY ?x""");
        String[] litres = {"2", "0.5", "3", "1.5", "10", "0.25", "4"};
        g.add("mass-of-litres", "arithmetic_over_facts", 4, List.of(
                p("What is the mass of {vol} litres of {e}?"),
                p("How many kilograms do {vol} L of {e} weigh?", PARAPHRASE),
                p("~how heavy is {vol} litres of {e} in kg?", PARAPHRASE),
                p("What is the mass of {vol} litres of {e}?", TYPO)),
                dense, r -> {
                    String vol = litres[Math.abs(r.get("x").hashCode()) % litres.length];
                    return new Item("SELECT ((?d * " + vol + ") AS ?answer) WHERE { " + r.get("x") + " gg:density ?d }",
                            number("kg", 0.01), null, Map.of("vol", vol));
                }, "e");
        g.add("mass-of-material", "arithmetic_over_facts", 2, List.of(
                p("What is the mass in grams of {vol} cm³ of {m}?"),
                p("How many grams does a {vol} cubic centimetre block of {m} weigh?", PARAPHRASE)),
                materials, r -> {
                    String vol = String.valueOf(10 + Math.abs(r.get("x").hashCode()) % 490);
                    return new Item("SELECT ((?d * " + vol + ") AS ?answer) WHERE { " + r.get("x") + " gg:density ?d }",
                            number("g", 0.01), null, Map.of("vol", vol));
                }, "m");
        g.add("volume-of-mass", "arithmetic_over_facts", 1, List.of(
                p("What volume in litres does {kg} kg of {e} occupy?"),
                p("How many litres is {kg} kilograms of {e}?", PARAPHRASE)),
                dense, r -> {
                    String kg = String.valueOf(1 + Math.abs(r.get("x").hashCode()) % 50);
                    return new Item("SELECT ((" + kg + " / ?d) AS ?answer) WHERE { " + r.get("x") + " gg:density ?d }",
                            number("L", 0.01), null, Map.of("kg", kg));
                }, "e");
        g.add("population-density", "arithmetic_over_facts", 3, List.of(
                p("What was the population density of {c} in 2015, in people per km²?"),
                p("How many inhabitants per square kilometre did {c} have in 2015 (total area)?", SYNONYM),
                p("~population density of {c} (2015 population / total area)?", PARAPHRASE),
                p("What was the population density of {c} in 2015, in people per km²?", TYPO)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x rdfs:label ?l ; gg:population ?p ; gg:populationYear 2015 ; gg:area ?a } ORDER BY ?x"),
                r -> new Item("SELECT ((?p / ?a) AS ?answer) WHERE { " + r.get("x") + " gg:population ?p ; gg:area ?a }",
                        number(null, 0.01)), "c");
        Supplier<List<Map<String, String>>> melting = withValue(kb, "ChemicalElement", "e", "meltingPoint", "");
        g.add("melting-difference", "arithmetic_over_facts", 3, List.of(
                p("What is the difference between the melting points of {a_e} and {b_e}?"),
                p("How many kelvin apart are the melting points of {a_e} and {b_e}?", PARAPHRASE),
                p("~by how much does the melting point of {a_e} differ from that of {b_e}?", PARAPHRASE)),
                () -> tuples(melting.get(), 2, 60, 61), r -> Math.abs(Double.parseDouble(r.get("a_v")) - Double.parseDouble(r.get("b_v"))) < 50
                        ? null
                        : new Item("SELECT (ABS(?a - ?b) AS ?answer) WHERE { " + r.get("a_x") + " gg:meltingPoint ?a . " + r.get("b_x")
                                + " gg:meltingPoint ?b }", number("K", 0.01)), "a_e");
        g.add("boiling-difference", "arithmetic_over_facts", 2, List.of(
                p("How much higher is the boiling point of {a_e} than that of {b_e}, in kelvin?"),
                p("Subtract the boiling point of {b_e} from that of {a_e}. What do you get (K)?", PARAPHRASE)),
                () -> tuples(withValue(kb, "ChemicalElement", "e", "boilingPoint", "").get(), 2, 60, 62),
                r -> Double.parseDouble(r.get("a_v")) - Double.parseDouble(r.get("b_v")) < 50 ? null
                        : new Item("SELECT ((?a - ?b) AS ?answer) WHERE { " + r.get("a_x") + " gg:boilingPoint ?a . " + r.get("b_x")
                                + " gg:boilingPoint ?b }", number("K", 0.01)), "a_e");
        g.add("melting-celsius", "arithmetic_over_facts", 2, List.of(
                p("What is the melting point of {e} in degrees Celsius?"),
                p("At how many °C does {e} melt?", PARAPHRASE)),
                melting, r -> Math.abs(Double.parseDouble(r.get("v")) - 273.15) < 20 ? null
                        : new Item("SELECT ((?m - 273.15) AS ?answer) WHERE { " + r.get("x") + " gg:meltingPoint ?m }",
                                exactNumber("°C", 1)), "e");
        g.add("mass-of-moles", "arithmetic_over_facts", 2, List.of(
                p("What is the mass in grams of {n} moles of {e}?"),
                p("How many grams do {n} mol of {e} weigh (use the standard atomic weight)?", PARAPHRASE)),
                withValue(kb, "ChemicalElement", "e", "standardAtomicWeight", ""), r -> {
                    String n = String.valueOf(2 + Math.abs(r.get("x").hashCode()) % 9);
                    return new Item("SELECT ((?w * " + n + ") AS ?answer) WHERE { " + r.get("x") + " gg:standardAtomicWeight ?w }",
                            number("g", 0.002), null, Map.of("n", n));
                }, "e");
        Supplier<List<Map<String, String>>> pop = withValue(kb, "Country", "c", "population", "?x gg:populationYear 2015 .");
        g.add("combined-population", "arithmetic_over_facts", 2, List.of(
                p("What was the combined population of {a_c} and {b_c} in 2015?"),
                p("~in 2015, how many people lived in {a_c} and {b_c} together?", PARAPHRASE)),
                () -> tuples(pop.get(), 2, 60, 63),
                r -> new Item("SELECT ((?a + ?b) AS ?answer) WHERE { " + r.get("a_x") + " gg:population ?a . " + r.get("b_x")
                        + " gg:population ?b }", number(null, 0.01)), "a_c");
        g.add("component-mass", "arithmetic_over_facts", 2, List.of(
                p("How many kilograms of {el} are in {kg} kg of {m}, using the nominal composition?"),
                p("{m} is {kg} kg. What mass of {el} does it contain (nominal mass fraction), in kg?", PARAPHRASE)),
                () -> kb.select("""
                        SELECT ?x (STR(?ml) AS ?m) ?e (STR(?el0) AS ?el) WHERE { ?x rdfs:label ?ml ; gg:hasComponent ?k .
                        ?k gg:componentElement ?e ; gg:massFraction ?f . ?e rdfs:label ?el0 FILTER(?f >= 0.05) } ORDER BY ?x ?e"""),
                r -> {
                    String kg = String.valueOf(2 + Math.abs((r.get("x") + r.get("e")).hashCode()) % 98);
                    return new Item("SELECT ((?f * " + kg + ") AS ?answer) WHERE { " + r.get("x")
                            + " gg:hasComponent ?k . ?k gg:componentElement " + r.get("e") + " ; gg:massFraction ?f }",
                            number("kg", 0.01), null, Map.of("kg", kg));
                }, "m");
        g.add("density-ratio", "arithmetic_over_facts", 2, List.of(
                p("How many times denser is {a_e} than {b_e}?"),
                p("What is the ratio of the density of {a_e} to that of {b_e}?", PARAPHRASE)),
                () -> tuples(dense.get(), 2, 60, 64), r -> Double.parseDouble(r.get("a_v")) < 1.2 * Double.parseDouble(r.get("b_v"))
                        ? null
                        : new Item("SELECT ((?a / ?b) AS ?answer) WHERE { " + r.get("a_x") + " gg:density ?a . " + r.get("b_x")
                                + " gg:density ?b }", number(null, 0.01)), "a_e");
        g.add("area-square-miles", "arithmetic_over_facts", 1, List.of(
                p("What is the total area of {c} in square miles?"),
                p("How many square miles does {c} cover?", PARAPHRASE)),
                withValue(kb, "Country", "c", "area", ""),
                r -> new Item("SELECT ((?a / 2.589988110336) AS ?answer) WHERE { " + r.get("x") + " gg:area ?a }",
                        number("mi^2", 0.01)), "c");
        g.add("water-share", "arithmetic_over_facts", 1, List.of(
                p("What percentage of the total area of {c} is not land (inland water)?"),
                p("Using total and land area, what share of {c}'s area is water, in percent?", PARAPHRASE)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x rdfs:label ?l ; gg:area ?a ; gg:landArea ?la FILTER(?la < 0.9 * ?a) } ORDER BY ?x"),
                r -> new Item("SELECT (((?a - ?la) * 100 / ?a) AS ?answer) WHERE { " + r.get("x") + " gg:area ?a ; gg:landArea ?la }",
                        number("%", 0.01)), "c");
    }

    // ---- unanswerable ----------------------------------------------------------------------------------------------------

    /** ASK: something in the graph is called that (label or altLabel, any case). */
    static String labelAsk(String name) {
        return "ASK { ?x rdfs:label|skos:altLabel ?l . FILTER(LCASE(STR(?l)) = \"" + name.toLowerCase() + "\") }";
    }

    /** ASK: a property of the ontology has the word in its label or an altLabel. */
    static String propertyAsk(String word) {
        return "ASK { ?p a ?t . VALUES ?t { <http://www.w3.org/2002/07/owl#DatatypeProperty> <http://www.w3.org/2002/07/owl#ObjectProperty> } "
                + "?p rdfs:label|skos:altLabel ?l . FILTER(CONTAINS(LCASE(STR(?l)), \"" + word + "\")) }";
    }

    private static List<Map<String, String>> rows(String key, String... values) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String v : values) {
            out.add(Map.of(key, v));
        }
        return out;
    }

    private static void unanswerables(QuestionSetGenerator g, Kb kb) {
        g.add("missing-country-property", "unanswerable", 4, List.of(
                p("What is the {what} of {c}?"),
                p("~tell me the {what} of {c}", PARAPHRASE)),
                () -> {
                    List<Map<String, String>> out = new ArrayList<>();
                    String[][] props = {{"GDP", "gdp"}, {"life expectancy", "life expectancy"}, {"head of state", "head of state"},
                        {"national anthem", "anthem"}, {"time zone", "time zone"}, {"international dialling code", "dialling"},
                        {"highest mountain", "mountain"}, {"unemployment rate", "unemployment"}};
                    List<Map<String, String>> cs = kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l } ORDER BY ?x");
                    for (int i = 0; i < props.length * 2; i++) {
                        Map<String, String> c = cs.get((i * 37) % cs.size());
                        out.add(Map.of("c", c.get("c"), "what", props[i % props.length][0], "word", props[i % props.length][1]));
                    }
                    return out;
                },
                r -> new Item(propertyAsk(r.get("word")), unanswerable()), "c");
        g.add("missing-element-property", "unanswerable", 2, List.of(
                p("What is the {what} of {e}?"),
                p("Can you tell me the {what} of {e}?", PARAPHRASE)),
                () -> {
                    List<Map<String, String>> out = new ArrayList<>();
                    String[][] props = {{"half-life", "half-life"}, {"thermal conductivity", "conductivity"},
                        {"price per kilogram", "price"}, {"abundance in the Earth's crust", "abundance"}};
                    List<Map<String, String>> es = kb.select("SELECT (STR(?l) AS ?e) WHERE { ?x a gg:ChemicalElement ; rdfs:label ?l ; gg:phase phase:Solid } ORDER BY ?x");
                    for (int i = 0; i < props.length * 2; i++) {
                        out.add(Map.of("e", es.get((i * 13) % es.size()).get("e"), "what", props[i % props.length][0],
                                "word", props[i % props.length][1]));
                    }
                    return out;
                },
                r -> new Item(propertyAsk(r.get("word")), unanswerable()), "e");
        g.add("unknown-country", "unanswerable", 3, List.of(
                p("What is the capital of {name}?"),
                p("What was the population of {name} in 2015?"),
                p("~which currency is used in {name}?", PARAPHRASE)),
                // fictional, or not a UN member state (so not in the knowledge base)
                () -> rows("name", "Wakanda", "Genovia", "Elbonia", "Freedonia", "Latveria", "Zubrowka", "Sokovia", "Ruritania",
                        "Syldavia", "Vatican City", "Kosovo", "Taiwan"),
                r -> new Item(labelAsk(r.get("name")), unanswerable()), null);
        g.add("unknown-element", "unanswerable", 3, List.of(
                p("What is the atomic number of {name}?"),
                p("What is the density of {name}?"),
                p("~what's the melting point of {name} in kelvin", PARAPHRASE)),
                () -> rows("name", "Vibranium", "Unobtainium", "Adamantium", "Kryptonite", "Mithril", "Dilithium", "Naquadah",
                        "Tiberium", "Administratium", "Octiron"),
                r -> new Item(labelAsk(r.get("name")), unanswerable()), null);
        g.add("capital-left-out", "unanswerable", 1, List.of(
                p("What is the capital of {c}?"),
                p("Which city is the capital of {c}?", PARAPHRASE)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l FILTER NOT EXISTS { ?x gg:capital ?cc } "
                        + "} ORDER BY ?x").stream().flatMap(r -> Stream.of(r, r)).toList(),
                r -> new Item("ASK { " + r.get("x") + " gg:capital ?c }", unanswerable()), null);
        g.add("population-left-out", "unanswerable", 3, List.of(
                p("What was the population of {c} in 2015?"),
                p("How many inhabitants did {c} have in 2015?", SYNONYM),
                p("~{c} population in 2015?", PARAPHRASE)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l FILTER NOT EXISTS { ?x gg:population ?p } "
                        + "} ORDER BY ?x"),
                r -> new Item("ASK { " + r.get("x") + " gg:population ?p }", unanswerable()), null);
        g.add("area-left-out", "unanswerable", 1, List.of(
                p("What is the total area of {c} in km²?"),
                p("How large is {c} in square kilometres?", PARAPHRASE)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l FILTER NOT EXISTS { ?x gg:area ?p } "
                        + "} ORDER BY ?x"),
                r -> new Item("ASK { " + r.get("x") + " gg:area ?p }", unanswerable()), null);
        g.add("element-value-left-out", "unanswerable", 3, List.of(
                p("What is the {what} of {e}?"),
                p("~give me the {what} of {e}", PARAPHRASE)),
                () -> {
                    List<Map<String, String>> out = new ArrayList<>();
                    String[][] props = {{"density", "density"}, {"melting point", "meltingPoint"}, {"boiling point", "boilingPoint"},
                        {"Pauling electronegativity", "electronegativity"}, {"standard atomic weight", "standardAtomicWeight"}};
                    for (String[] prop : props) {
                        // elements of the first 86 (not the superheavies, whose values nobody expects) without the value
                        out.addAll(kb.select("SELECT ?x (STR(?l) AS ?e) (\"" + prop[0] + "\" AS ?what) (\"" + prop[1] + "\" AS ?prop) WHERE { "
                                + "?x a gg:ChemicalElement ; rdfs:label ?l ; gg:atomicNumber ?z FILTER(?z <= 86) "
                                + "FILTER NOT EXISTS { ?x gg:" + prop[1] + " ?v } } ORDER BY ?x"));
                    }
                    return out;
                },
                r -> new Item("ASK { " + r.get("x") + " gg:" + r.get("prop") + " ?v }", unanswerable()), null);
        g.add("currency-left-out", "unanswerable", 1, List.of(
                p("What currency is used in {c}?"),
                p("What is the official currency of {c}?", PARAPHRASE)),
                () -> kb.select("SELECT ?x (STR(?l) AS ?c) WHERE { ?x a gg:Country ; rdfs:label ?l FILTER NOT EXISTS { ?x gg:currency ?p } "
                        + "} ORDER BY ?x").stream().flatMap(r -> Stream.of(r, r)).toList(),
                r -> new Item("ASK { " + r.get("x") + " gg:currency ?p }", unanswerable()), null);
    }
}
