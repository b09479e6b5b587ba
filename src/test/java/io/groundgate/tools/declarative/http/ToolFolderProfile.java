package io.groundgate.tools.declarative.http;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway over a private copy of {@code tools/}, with an admin key. */
public class ToolFolderProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ToolFolderResource.class));
    }
}
