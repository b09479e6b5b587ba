package io.groundgate.tools.declarative;

/** Tool files for tests in other packages. */
public final class DeclarativeToolFixtures {

    private DeclarativeToolFixtures() {
    }

    public static String symbolTool(String name, String description) {
        return DeclarativeToolProviderTest.symbolTool(name, description);
    }
}
