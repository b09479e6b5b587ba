package io.groundgate.kg.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names of unlabelled IRIs as shown: split where words begin, case kept where it carries meaning. */
class NameTextTest {

    @Test
    void showsLocalNamesWithTheirCaseWhereItMeansSomething() {
        assertThat(NameText.display("NorthAmerica")).isEqualTo("North America");
        assertThat(NameText.display("USA")).isEqualTo("USA");
        assertThat(NameText.display("Ines_Karro")).isEqualTo("Ines Karro");
        assertThat(NameText.display("Sales%20Operations")).isEqualTo("Sales Operations");
        assertThat(NameText.display("ResearchAndDevelopment")).isEqualTo("Research and Development");
        // camelCase: the capitals only mark where words begin
        assertThat(NameText.display("heightInMeters")).isEqualTo("height in meters");
        assertThat(NameText.display("customer_support")).isEqualTo("customer support");
        assertThat(NameText.display("isoCodeISO3")).isEqualTo("iso code ISO 3");
        // the words for matching stay folded
        assertThat(NameText.words("NorthAmerica")).containsExactly("north", "america");
    }
}
