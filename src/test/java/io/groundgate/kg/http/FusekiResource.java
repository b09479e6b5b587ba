package io.groundgate.kg.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import io.groundgate.kg.TestConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real Fuseki on 127.0.0.1 and a dynamic port, with the gateway in remote mode pushing the fixture to it. */
public class FusekiResource implements QuarkusTestResourceLifecycleManager {

    static volatile DatasetGraph dataset;
    static volatile Path folder;
    private FusekiServer server;

    @Override
    public Map<String, String> start() {
        dataset = DatasetGraphFactory.createTxnMem();
        server = FusekiServer.create().loopback(true).port(0).add("/ds", dataset).build().start();
        try {
            folder = Files.createTempDirectory("gg-kg-remote");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestConfig.copyFixture("basic", folder);
        String ds = "http://127.0.0.1:" + server.getPort() + "/ds";
        return Map.of("groundgate.kg.store", "remote",
                "groundgate.kg.remote.query-url", ds + "/query",
                "groundgate.kg.remote.gsp-url", ds + "/data",
                "groundgate.kg.paths", folder.toString(),
                "groundgate.kg.shapes-paths", folder.resolve("shapes").toString(),
                "groundgate.security.admin-key", KgFixtureResource.ADMIN_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        KgFixtureResource.delete(folder);
    }
}
