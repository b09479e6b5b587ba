package io.groundgate.kg.http;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway over a private copy of the {@code kg/rail} fixture (ontology, data, shapes), reloading only on request. */
public class RailFixtureProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KgFixtureResource.class, Map.of("fixture", "rail", "watch", "false")));
    }
}
