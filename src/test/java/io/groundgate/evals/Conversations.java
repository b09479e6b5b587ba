package io.groundgate.evals;

import static io.groundgate.evals.HeldOutSets.ambiguous;
import static io.groundgate.evals.HeldOutSets.labels;
import static io.groundgate.evals.QuestionSetGenerator.entities;
import static io.groundgate.evals.QuestionSetGenerator.exactNumber;
import static io.groundgate.evals.QuestionSetGenerator.number;
import static io.groundgate.evals.QuestionSetGenerator.unanswerable;
import static io.groundgate.evals.QuestionSetGenerator.yesNo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The multi-turn set: conversations of two or three turns whose follow-ups only make sense with the earlier turns
 * ("which of them", "and of silver?", "that city", "how much would 3 litres of it weigh", "is that higher than").
 * The category of a conversation is the kind of follow-up. Each turn's gold comes from its SPARQL, which states the
 * resolved question (the entities the follow-up refers to), so it is checked against the graph like any other question.
 */
final class Conversations {

    private final HeldOutSets.Builder b;
    private final List<ObjectNode> out = new ArrayList<>();

    private Conversations(HeldOutSets.Builder b) {
        this.b = b;
    }

    static List<ObjectNode> build(HeldOutSets.Builder b) {
        Conversations c = new Conversations(b);
        c.whichOfThem();
        c.ellipsis();
        c.sameEntity();
        c.thatEntity();
        c.arithmetic();
        c.comparison();
        c.counts();
        c.chains();
        c.unanswerableFollowUps();
        c.ambiguousFollowUps();
        return c.out;
    }

    private ObjectNode t(String question, ObjectNode template, String sparql) {
        return b.item(question, template, sparql);
    }

    private void conv(String kind, ObjectNode... turns) {
        long n = out.stream().filter(q -> q.path("category").asText().equals(kind)).count() + 1;
        ObjectNode c = Gold.JSON.createObjectNode();
        c.put("id", String.format(Locale.ROOT, "mt-%s-%02d", kind.replace('_', '-'), n)).put("category", kind);
        ArrayNode list = c.putArray("turns");
        for (ObjectNode turn : turns) {
            list.add(turn);
        }
        out.add(c);
    }

    private ObjectNode value(String question, String subject, String prop, ObjectNode template) {
        return t(question, template, "SELECT ?answer WHERE { " + subject + " " + prop + " ?answer }");
    }

    private ObjectNode list(String question, String scope) {
        return t(question, entities(true), labels(scope));
    }

    private void whichOfThem() {
        String k = "which_of_them";
        conv(k, list("Which countries border Germany?", "country:DEU gg:landBorder ?x ."),
                b.best("Which of them is the most populous?", "country:DEU gg:landBorder ?x .", "gg:population", "DESC"));
        conv(k, list("Which countries share a border with Brazil?", "country:BRA gg:landBorder ?x ."),
                b.best("And which of those is the largest by area?", "country:BRA gg:landBorder ?x .", "gg:area", "DESC"));
        conv(k, list("What countries border Austria?", "country:AUT gg:landBorder ?x ."),
                b.best("Which one of them has the smallest population?", "country:AUT gg:landBorder ?x .", "gg:population", "ASC"));
        conv(k, list("Which countries does India border?", "country:IND gg:landBorder ?x ."),
                b.best("Which of them had the most inhabitants in 2015?", "country:IND gg:landBorder ?x .", "gg:population", "DESC"));
        conv(k, list("Name the neighbours of Hungary.", "country:HUN gg:landBorder ?x ."),
                b.best("Which of these has the most people?", "country:HUN gg:landBorder ?x .", "gg:population", "DESC"));
    }

    private void ellipsis() {
        String k = "ellipsis";
        conv(k, value("What is the density of gold?", "element:Au", "gg:density", number("g/cm^3", 0.01)),
                value("And of silver?", "element:Ag", "gg:density", number("g/cm^3", 0.01)));
        conv(k, list("What is the capital of Kenya?", "country:KEN gg:capital ?x ."),
                list("And of Uganda?", "country:UGA gg:capital ?x ."));
        conv(k, value("What was the population of Japan in 2015?", "country:JPN", "gg:population", number(null, 0.01)),
                value("What about South Korea?", "country:KOR", "gg:population", number(null, 0.01)));
        conv(k, value("What is the melting point of iron in kelvin?", "element:Fe", "gg:meltingPoint", number("K", 0.01)),
                value("And copper?", "element:Cu", "gg:meltingPoint", number("K", 0.01)));
        conv(k, list("What currency does Thailand use?", "country:THA gg:currency ?x ."),
                list("And Vietnam?", "country:VNM gg:currency ?x ."));
        conv(k, value("What is the atomic number of tin?", "element:Sn", "gg:atomicNumber", exactNumber(null, 0)),
                value("And lead?", "element:Pb", "gg:atomicNumber", exactNumber(null, 0)),
                value("What about gold?", "element:Au", "gg:atomicNumber", exactNumber(null, 0)));
    }

    private void sameEntity() {
        String k = "same_entity";
        conv(k, list("What is the capital of Peru?", "country:PER gg:capital ?x ."),
                list("And its currency?", "country:PER gg:currency ?x ."));
        conv(k, value("What is the atomic weight of sodium?", "element:Na", "gg:standardAtomicWeight", number(null, 0.001)),
                value("What is its melting point?", "element:Na", "gg:meltingPoint", number("K", 0.01)));
        conv(k, value("How dense is titanium?", "element:Ti", "gg:density", number("g/cm^3", 0.01)),
                value("And what's its boiling point?", "element:Ti", "gg:boilingPoint", number("K", 0.01)));
        conv(k, list("Which continent is Mongolia in?", "country:MNG gg:continent ?x ."),
                list("What are its official languages?", "country:MNG gg:officialLanguage ?x ."),
                t("How many countries border it?", exactNumber(null, 0),
                        "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:MNG gg:landBorder ?n }"));
    }

    private void thatEntity() {
        String k = "that_entity";
        conv(k, list("Which country's capital is Nairobi?", "?x gg:capital city:KEN-Nairobi ."),
                list("What currency does that country use?", "country:KEN gg:currency ?x ."));
        conv(k, list("Which element has the symbol W?", "?x gg:symbol \"W\" ."),
                value("What is its melting point?", "element:W", "gg:meltingPoint", number("K", 0.01)));
        conv(k, b.best("Which is the largest country in South America by area?", "?x gg:continent continent:SouthAmerica .",
                "gg:area", "DESC"),
                t("How many countries border it?", exactNumber(null, 0),
                        "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:BRA gg:landBorder ?n }"));
        conv(k, list("Which element has atomic number 29?", "?x gg:atomicNumber 29 ."),
                t("Is it denser than zinc?", yesNo(), "ASK { element:Cu gg:density ?a . element:Zn gg:density ?b FILTER(?a > ?b) }"));
        conv(k, list("Which country has Canberra as its capital?", "?x gg:capital ?c . ?c rdfs:label \"Canberra\"@en ."),
                list("Which continent is that country on?", "country:AUS gg:continent ?x ."));
    }

    private void arithmetic() {
        String k = "arithmetic";
        conv(k, value("What is the density of mercury?", "element:Hg", "gg:density", number("g/cm^3", 0.01)),
                t("How much would 3 litres of it weigh?", number("kg", 0.01), "SELECT ((?d * 3) AS ?answer) WHERE { element:Hg gg:density ?d }"));
        conv(k, value("What is the density of water?", "material:Water", "gg:density", number("g/cm^3", 0.01)),
                t("How many kilograms do 20 litres of it weigh?", number("kg", 0.01),
                        "SELECT ((?d * 20) AS ?answer) WHERE { material:Water gg:density ?d }"));
        conv(k, value("What is the atomic weight of carbon?", "element:C", "gg:standardAtomicWeight", number(null, 0.001)),
                t("What's that times 12?", number(null, 0.001), "SELECT ((?w * 12) AS ?answer) WHERE { element:C gg:standardAtomicWeight ?w }"));
        conv(k, value("What was the population of Canada in 2015?", "country:CAN", "gg:population", number(null, 0.01)),
                t("How many people is that per square kilometre of its total area?", number(null, 0.01),
                        "SELECT ((?p / ?a) AS ?answer) WHERE { country:CAN gg:population ?p ; gg:area ?a }"));
        conv(k, value("What is the melting point of lead in kelvin?", "element:Pb", "gg:meltingPoint", number("K", 0.01)),
                t("What is that in degrees Celsius?", exactNumber("°C", 1),
                        "SELECT ((?m - 273.15) AS ?answer) WHERE { element:Pb gg:meltingPoint ?m }"));
        conv(k, value("What is the density of sterling silver?", "material:SterlingSilver", "gg:density", number("g/cm^3", 0.01)),
                t("How many grams would a 50 cm³ bar of it weigh?", number("g", 0.01),
                        "SELECT ((?d * 50) AS ?answer) WHERE { material:SterlingSilver gg:density ?d }"));
    }

    private void comparison() {
        String k = "comparison";
        conv(k, value("What is the melting point of aluminium?", "element:Al", "gg:meltingPoint", number("K", 0.01)),
                t("Is that higher than the melting point of zinc?", yesNo(),
                        "ASK { element:Al gg:meltingPoint ?a . element:Zn gg:meltingPoint ?b FILTER(?a > ?b) }"));
        conv(k, value("What was the population of Australia in 2015?", "country:AUS", "gg:population", number(null, 0.01)),
                t("Is that more than the population of the Netherlands?", yesNo(),
                        "ASK { country:AUS gg:population ?a . country:NLD gg:population ?b FILTER(?a > ?b) }"));
        conv(k, value("How dense is lead?", "element:Pb", "gg:density", number("g/cm^3", 0.01)),
                t("Is that more than twice the density of aluminium?", yesNo(),
                        "ASK { element:Pb gg:density ?a . element:Al gg:density ?b FILTER(?a > 2 * ?b) }"));
        conv(k, value("What is the total area of Germany?", "country:DEU", "gg:area", number("km^2", 0.01)),
                t("Is Poland bigger than that?", yesNo(), "ASK { country:POL gg:area ?a . country:DEU gg:area ?b FILTER(?a > ?b) }"));
        conv(k, value("What is the electronegativity of oxygen?", "element:O", "gg:electronegativity", exactNumber(null, 0.005)),
                t("Is that higher than fluorine's?", yesNo(),
                        "ASK { element:O gg:electronegativity ?a . element:F gg:electronegativity ?b FILTER(?a > ?b) }"));
    }

    private void counts() {
        String k = "count";
        conv(k, list("Which countries border Spain?", "country:ESP gg:landBorder ?x ."),
                t("How many are there?", exactNumber(null, 0), "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:ESP gg:landBorder ?n }"));
        conv(k, list("Which elements are alkali metals?", "?x gg:category category:alkali-metal ."),
                t("How many is that?", exactNumber(null, 0),
                        "SELECT (COUNT(DISTINCT ?e) AS ?answer) WHERE { ?e gg:category category:alkali-metal }"));
        conv(k, list("Which countries border Poland?", "country:POL gg:landBorder ?x ."),
                t("How many of them use the euro?", exactNumber(null, 0),
                        "SELECT (COUNT(DISTINCT ?n) AS ?answer) WHERE { country:POL gg:landBorder ?n . ?n gg:currency currency:EUR }"));
    }

    private void chains() {
        String k = "chain";
        conv(k, list("Which country has Hanoi as its capital?", "?x gg:capital ?c . ?c rdfs:label \"Hanoi\"@en ."),
                list("Which countries border it?", "country:VNM gg:landBorder ?x ."),
                b.best("Which of those has the largest area?", "country:VNM gg:landBorder ?x .", "gg:area", "DESC"));
        conv(k, list("What is the capital of Egypt?", "country:EGY gg:capital ?x ."),
                list("Which continent is that country on?", "country:EGY gg:continent ?x ."),
                t("How many UN member states are on that continent?", exactNumber(null, 0),
                        "SELECT (COUNT(DISTINCT ?c) AS ?answer) WHERE { country:EGY gg:continent ?k . ?c a gg:Country ; gg:continent ?k }"));
        conv(k, list("Which element has the symbol Hg?", "?x gg:symbol \"Hg\" ."),
                value("What is its density?", "element:Hg", "gg:density", number("g/cm^3", 0.01)),
                t("How much would half a litre of it weigh?", number("kg", 0.01),
                        "SELECT ((?d * 0.5) AS ?answer) WHERE { element:Hg gg:density ?d }"));
        conv(k, list("Which countries border Sweden?", "country:SWE gg:landBorder ?x ."),
                list("What are their capitals?", "country:SWE gg:landBorder ?n . ?n gg:capital ?x ."),
                b.best("Which of those countries was the most populous in 2015?", "country:SWE gg:landBorder ?x .", "gg:population", "DESC"));
        conv(k, value("What is the density of gold?", "element:Au", "gg:density", number("g/cm^3", 0.01)),
                value("And of lead?", "element:Pb", "gg:density", number("g/cm^3", 0.01)),
                t("How many times denser is the first than the second?", number(null, 0.01),
                        "SELECT ((?a / ?b) AS ?answer) WHERE { element:Au gg:density ?a . element:Pb gg:density ?b }"));
        conv(k, list("Which countries border Argentina?", "country:ARG gg:landBorder ?x ."),
                b.best("Which of them is the smallest by area?", "country:ARG gg:landBorder ?x .", "gg:area", "ASC"),
                list("What is its capital?", "country:URY gg:capital ?x ."));
    }

    private void unanswerableFollowUps() {
        String k = "unanswerable";
        conv(k, list("What is the capital of Kenya?", "country:KEN gg:capital ?x ."),
                t("What is the population of that city?", unanswerable(), "ASK { city:KEN-Nairobi gg:population ?p }"));
        conv(k, list("What is the capital of Japan?", "country:JPN gg:capital ?x ."),
                t("How many people live there?", unanswerable(), "ASK { ?c gg:population ?p ; a gg:City }"));
        conv(k, value("What is the density of Inconel 625?", "material:Inconel625", "gg:density", number("g/cm^3", 0.01)),
                t("And its melting point?", unanswerable(), "ASK { material:Inconel625 gg:meltingPoint ?m }"));
        conv(k, list("Which countries border Italy?", "country:ITA gg:landBorder ?x ."),
                t("Which of them has the lowest GDP?", unanswerable(), Templates.propertyAsk("gdp")));
        conv(k, value("What is the melting point of barium?", "element:Ba", "gg:meltingPoint", number("K", 0.01)),
                t("And its boiling point?", unanswerable(), "ASK { element:Ba gg:boilingPoint ?b }"));
    }

    private void ambiguousFollowUps() {
        String k = "ambiguous";
        conv(k, t("What are the densities of gold and silver?", QuestionSetGenerator.allOf(number("g/cm^3", 0.01), number("g/cm^3", 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { element:Au gg:density ?answer1 . element:Ag gg:density ?answer2 }"),
                t("What is its melting point?", ambiguous(number("K", 0.01), number("K", 0.01)),
                        "SELECT ?answer1 ?answer2 WHERE { element:Au gg:meltingPoint ?answer1 . element:Ag gg:meltingPoint ?answer2 }"));
        conv(k, t("Tell me the capitals of Chile and Argentina.", entities(true), labels("VALUES ?c { country:CHL country:ARG } ?c gg:capital ?x .")),
                t("What was the population of that country in 2015?", ambiguous(number(null, 0.01), number(null, 0.01)),
                        "SELECT ?answer1 ?answer2 WHERE { country:CHL gg:population ?answer1 . country:ARG gg:population ?answer2 }"));
        conv(k, t("What are the atomic numbers of iron and cobalt?", QuestionSetGenerator.allOf(exactNumber(null, 0), exactNumber(null, 0)),
                "SELECT ?answer1 ?answer2 WHERE { element:Fe gg:atomicNumber ?answer1 . element:Co gg:atomicNumber ?answer2 }"),
                t("How dense is it?", ambiguous(number("g/cm^3", 0.01), number("g/cm^3", 0.01)),
                        "SELECT ?answer1 ?answer2 WHERE { element:Fe gg:density ?answer1 . element:Co gg:density ?answer2 }"));
        conv(k, t("What were the populations of Kenya and Tanzania in 2015?", QuestionSetGenerator.allOf(number(null, 0.01), number(null, 0.01)),
                "SELECT ?answer1 ?answer2 WHERE { country:KEN gg:population ?answer1 . country:TZA gg:population ?answer2 }"),
                t("And what is the area of the country?", ambiguous(number("km^2", 0.01), number("km^2", 0.01)),
                        "SELECT ?answer1 ?answer2 WHERE { country:KEN gg:area ?answer1 . country:TZA gg:area ?answer2 }"));
    }
}
