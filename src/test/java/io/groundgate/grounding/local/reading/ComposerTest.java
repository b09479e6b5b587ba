package io.groundgate.grounding.local.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.local.reading.Finding.Row;
import io.groundgate.grounding.local.reading.Finding.Value;
import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.grounding.local.reading.Reading.Attribute;
import io.groundgate.kg.profile.ClassPath.Step;
import io.groundgate.kg.profile.NameText;

/** English from a reading's structure, on findings built by hand. */
class ComposerTest {

    static final String EX = "https://example.org/t#";
    final Composer composer = new Composer(iri -> String.join(" ", NameText.words(NameText.localName(iri))));

    static Candidate entity(String name) {
        return new Candidate(EX + name.replace(" ", ""), name, List.of(EX + "Thing"));
    }

    static Value number(String n) {
        return new Value(null, n, new BigDecimal(n), 0);
    }

    @Test
    void yesNoAnswersStartWithYesOrNo() {
        Reading.Ask ask = new Reading.Ask(entity("Tom Brant"),
                new Reading.LinksTo(List.of(new Step(EX + "worksIn", false)), entity("Logistics"), false));
        assertThat(composer.compose(new Finding(ask, List.of(), 1, true, null, null, List.of())).text())
                .isEqualTo("Yes, Tom Brant works in Logistics.");
        assertThat(composer.compose(new Finding(ask, List.of(), 1, false, null, null, List.of())).text())
                .isEqualTo("No, the knowledge graph does not say that Tom Brant works in Logistics.");
        Reading.Ask flag = new Reading.Ask(entity("Karen Brant"),
                new Reading.HasValue(List.of(new Step(EX + "isRemote", false)), "true", EX + "isRemote", false));
        assertThat(composer.compose(new Finding(flag, List.of(), 1, false, null, null, List.of())).text())
                .isEqualTo("No, Karen Brant is not remote.");
    }

    @Test
    void listsGiveTheirCountAndSayWhenTheyAreCut() {
        Reading.Members m = new Reading.Members(EX + "Supplier", "Supplier", List.of(), false);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(new Row(EX + "s" + i, "S" + i, List.of(), null));
        }
        String text = composer.compose(new Finding(m, rows, 90, null, null, null, List.of())).text();
        assertThat(text).startsWith("90 suppliers: S1, S2").endsWith("S10 and 80 more.");
        Reading.Members one = new Reading.Members(EX + "City", "City",
                List.of(new Reading.LinksTo(List.of(new Step(EX + "capital", true)), entity("Chad"), false)), false);
        assertThat(composer.compose(new Finding(one, rows.subList(0, 1), 1, null, null, null, List.of())).text())
                .isEqualTo("The only city that is the capital of Chad is S1.");
        Reading.Members none = new Reading.Members(EX + "Category", "Category", List.of(), true);
        assertThat(composer.compose(new Finding(none, List.of(), 0, null, BigDecimal.ZERO, null, List.of())).text())
                .isEqualTo("There are no categories.");
    }

    @Test
    void unitsAsPeopleWriteThemAndComputedNumbersRounded() {
        Attribute area = new Attribute(List.of(new Step(EX + "area", false)), "total area", "km^2", true);
        Reading.Lookup l = new Reading.Lookup(entity("Chad"), List.of(area), false, null);
        Row chad = new Row(EX + "Chad", "Chad", List.of(number("1284000")), null);
        assertThat(composer.compose(new Finding(l, List.of(chad), 1, null, null, null, List.of())).text())
                .isEqualTo("The total area of Chad is 1,284,000 km².");
        Reading.Convert c = new Reading.Convert(new BigDecimal("243"), "km", "miles");
        assertThat(composer.compose(new Finding(c, List.of(), 0, null, new BigDecimal("150.99319971367"), "243 km to miles",
                List.of())).text()).isEqualTo("243 km is about 150.99 miles.");
    }

    @Test
    void aDifferenceSaysWhichIsHigherAndAnExpressionIsSaidAsWritten() {
        Attribute melting = new Attribute(List.of(new Step(EX + "meltingPoint", false)), "melting point", "K", true);
        Reading.Compare c = new Reading.Compare(entity("Tin"), entity("Gold"), melting, true, false,
                Reading.Compare.DIFFERENCE, null);
        assertThat(composer.compose(new Finding(c, List.of(new Row(EX + "Tin", "Tin", List.of(number("505.08")), null),
                new Row(EX + "Gold", "Gold", List.of(number("1337.33")), null)), 2, null, new BigDecimal("832.25"),
                "abs(505.08 - 1337.33) K", List.of())).text())
                .isEqualTo("The melting point of Gold is 832.25 K higher than that of Tin (1337.33 K against 505.08 K).");
        Reading.Expression e = new Reading.Expression("sqrt(2)", null);
        assertThat(composer.compose(new Finding(e, List.of(), 0, null, new BigDecimal("1.41421356"), "sqrt(2)",
                List.of())).text()).isEqualTo("sqrt(2) = about 1.41.");
        Attribute area = new Attribute(List.of(new Step(EX + "area", false)), "total area", "km^2", true);
        Reading.Lookup inMiles = new Reading.Lookup(entity("Malta"), List.of(area), false, "mi^2");
        assertThat(composer.compose(new Finding(inMiles, List.of(new Row(EX + "Malta", "Malta", List.of(number("316")),
                null)), 1, null, new BigDecimal("122.0085"), "316 km^2 to mi^2", List.of())).text())
                .isEqualTo("The total area of Malta is 122.0085 mi² (316 km²).");
    }

    @Test
    void somethingNotFoundSaysWhatIsMissing() {
        Attribute capital = new Attribute(List.of(new Step(EX + "capital", false)), "capital", null, false);
        var part = composer.nothing(new Reading.Lookup(entity("Nauru"), List.of(capital), false, null));
        assertThat(part.text()).isEqualTo("I could not find the capital of Nauru in the knowledge graph.");
        assertThat(part.grounded()).isFalse();
    }

    @Test
    void pluralsAndArticles() {
        assertThat(Composer.regularPlural("Country")).isEqualTo("countries");
        assertThat(Composer.regularPlural("Employee")).isEqualTo("employees");
        assertThat(Composer.regularPlural("Bus")).isEqualTo("buses");
        assertThat(Composer.regularPlural("UN")).isEqualTo("UNs");
        assertThat(Composer.list(List.of("A", "B", "C"), 3)).isEqualTo("A, B and C");
    }

    @Test
    void partialAnswersSayExactlyWhatIsMissing() {
        Attribute weight = new Attribute(List.of(new Step(EX + "weight", false)), "weight", "kg", true);
        Reading.Compare c = new Reading.Compare(entity("Shelf Rail"), entity("Parts Bin"), weight, true, false, false);
        var part = composer.compose(new Finding(c, List.of(new Row(EX + "a", "Shelf Rail", List.of(number("2.5")), null),
                new Row(EX + "b", "Parts Bin", List.of(), null)), 2, null, null, null, List.of()));
        assertThat(part.text()).isEqualTo("The weight of Shelf Rail is 2.5 kg, but I could not find the weight of Parts "
                + "Bin in the knowledge graph, so I cannot compare them.");
        assertThat(part.unresolved()).containsExactly("the weight of Parts Bin");
        Reading.Several each = new Reading.Several(List.of(entity("A"), entity("B"), entity("C")), weight, null);
        var listed = composer.compose(new Finding(each, List.of(new Row(EX + "A", "A", List.of(number("1")), null),
                new Row(EX + "B", "B", List.of(), null), new Row(EX + "C", "C", List.of(number("3")), null)), 3, null,
                null, null, List.of()));
        assertThat(listed.text()).isEqualTo("The weight of A is 1 kg and the weight of C is 3 kg. I could not find the "
                + "weight of B in the knowledge graph.");
        Reading.Several choose = new Reading.Several(List.of(entity("A"), entity("B"), entity("C")), weight, false);
        assertThat(composer.compose(new Finding(choose, List.of(new Row(EX + "A", "A", List.of(number("1")), null),
                new Row(EX + "C", "C", List.of(number("1")), null), new Row(EX + "B", "B", List.of(number("3")), null)),
                3, null, null, null, List.of())).text())
                .isEqualTo("A and C share the lowest weight (1 kg, against 3 kg for B).");
        Reading.Several two = new Reading.Several(List.of(entity("A"), entity("B")), weight, true);
        assertThat(composer.compose(new Finding(two, List.of(new Row(EX + "B", "B", List.of(number("3")), null),
                new Row(EX + "A", "A", List.of(number("1")), null)), 2, null, null, null, List.of())).text())
                .isEqualTo("B has the higher weight (3 kg, against 1 kg for A).");
    }

    @Test
    void namesOfTheSchemaKeepAcronymsInsideSentences() {
        assertThat(Composer.common("Annual Salary")).isEqualTo("annual salary");
        assertThat(Composer.common("GDP per capita")).isEqualTo("GDP per capita");
        assertThat(Composer.common("ISO Code")).isEqualTo("ISO code");
        assertThat(Composer.regularPlural("ISO Country")).isEqualTo("ISO countries");
        // irregular plurals only where the graph's own names write them
        Composer learned = new Composer(iri -> NameText.localName(iri), java.util.Set.of("people", "analyses")::contains);
        assertThat(learned.plural("Person")).isEqualTo("people");
        assertThat(learned.plural("Blood Analysis")).isEqualTo("blood analyses");
        assertThat(learned.plural("Station")).isEqualTo("stations");
        assertThat(composer.plural("Person")).isEqualTo("persons");
    }
}
