package io.groundgate.kg.http;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway over a private copy of the {@code kg/basic} fixture, with an admin key and a 1 s query timeout. */
public class KgFixtureProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KgFixtureResource.class));
    }
}
