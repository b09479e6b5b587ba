package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSummaryTest {

    static final String EX = "https://example.org/widgets#";

    @TempDir
    static Path dir;
    static KnowledgeGraph kg;
    static SchemaSummary schema;

    @BeforeAll
    static void load() {
        TestConfig.copyFixture("basic", dir);
        kg = TestConfig.started(TestConfig.memory(dir));
        schema = kg.snapshot().schema();
    }

    @AfterAll
    static void stop() {
        kg.stop();
    }

    @Test
    void classesHaveLabelsCommentsDirectSuperclassesAndInstanceCounts() {
        assertThat(schema.classInfo(EX + "Widget")).hasValueSatisfying(c -> {
            assertThat(c.label()).isEqualTo("widget");
            assertThat(c.comment()).isEqualTo("A fictional thing used in tests.");
            assertThat(c.instances()).isEqualTo(5);
        });
        assertThat(schema.classInfo(EX + "Gizmo")).hasValueSatisfying(c -> {
            assertThat(c.superClasses()).containsExactly(EX + "Gadget");
            assertThat(c.instances()).isEqualTo(1);
        });
        assertThat(schema.classes()).extracting(SchemaSummary.ClassInfo::iri)
                .noneMatch(i -> i.startsWith("http://www.w3.org/2002/07/owl#"));
    }

    @Test
    void propertiesHaveKindDomainRangeUnitAndAltLabels() {
        assertThat(schema.property(EX + "mass")).hasValueSatisfying(p -> {
            assertThat(p.label()).isEqualTo("mass");
            assertThat(p.altLabels()).containsExactly("weight");
            assertThat(p.comment()).isEqualTo("How heavy the widget is.");
            assertThat(p.domains()).containsExactly(EX + "Widget");
            assertThat(p.ranges()).containsExactly("http://www.w3.org/2001/XMLSchema#decimal");
            assertThat(p.kind()).isEqualTo(SchemaSummary.PropertyKind.DATATYPE);
            assertThat(p.unit()).isEqualTo("kg");
            assertThat(p.uses()).isEqualTo(2);
        });
        assertThat(schema.property(EX + "madeIn")).hasValueSatisfying(
                p -> assertThat(p.kind()).isEqualTo(SchemaSummary.PropertyKind.OBJECT));
        assertThat(schema.property("http://www.w3.org/2000/01/rdf-schema#label")).isEmpty();
        assertThat(schema.property("https://w3id.org/groundgate/ontology#unit")).isEmpty();
    }

    @Test
    void textIsCompactWithPrefixesForWritingSparql() {
        assertThat(schema.text())
                .contains("PREFIX ex: <" + EX + ">")
                .contains("ex:Widget \"widget\" [5]")
                .contains("ex:Gizmo \"gizmo\" [1] subClassOf ex:Gadget")
                .contains("ex:mass \"mass\" (datatype) ex:Widget -> xsd:decimal unit kg aka \"weight\"")
                .hasSizeLessThan(8_000);
    }
}
