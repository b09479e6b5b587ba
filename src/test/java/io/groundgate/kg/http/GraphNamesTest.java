package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Graph names on {@code /admin/graphs}: one grammar (letters, digits, '.', '_', '-', starting with a letter or digit,
 * '/' between folders, an RDF extension), so that every graph created can be read and deleted by the same name; and
 * new files take the folder's permissions instead of a temporary file's 0600.
 */
@QuarkusTest
@TestProfile(KgFixtureProfile.class)
class GraphNamesTest {

    static final String TRIPLE = "<https://example.org/widgets#named> <http://www.w3.org/2000/01/rdf-schema#label> \"N\" .";

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KgFixtureResource.ADMIN_KEY);
    }

    private static Path folder() {
        return KgFixtureResource.folder;
    }

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { " leading.ttl", "trailing.ttl ", "~home.ttl", "../escape.ttl", "a/../b.ttl", "..ttl",
            "a%20b.ttl", "a b.ttl", "tab\there.ttl", "new\nline.ttl", "nul\u0000.ttl", "/abs.ttl", "a//b.ttl",
            ".hidden.ttl", "-dash.ttl", "shapes/s.ttl", "x.txt", "noext", "caf\u00e9.ttl", "a\\b.ttl", "q?.ttl",
            "urn:groundgate:graph:a%20b.ttl", "urn:groundgate:graph:%7Ex.ttl" })
    void namesOutsideTheGrammarAreRefusedAndWriteNothing(String name) throws Exception {
        long before = filesIn(folder());
        admin().contentType("application/n-triples").body(TRIPLE.getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", name).put("/admin/graphs").then().statusCode(400)
                .body("error.code", equalTo("invalid_graph_name"))
                .body("error.message", containsString("letters, digits"));
        assertThat(filesIn(folder())).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = { "simple.ttl", "Under_score-1.2.nt", "sub/folder/deep.ttl", "9lives.jsonld" })
    void namesInTheGrammarRoundTripCreateGetDelete(String name) {
        String body = name.endsWith(".jsonld")
                ? "{\"@id\":\"https://example.org/widgets#named\",\"http://www.w3.org/2000/01/rdf-schema#label\":\"N\"}"
                : TRIPLE;
        String type = name.endsWith(".jsonld") ? "application/ld+json" : "application/n-triples";
        admin().contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).queryParam("graph", name)
                .put("/admin/graphs").then().statusCode(201).body("file", equalTo(name));
        assertThat(Files.exists(folder().resolve(name))).isTrue();
        admin().accept("application/n-triples").queryParam("graph", name).get("/admin/graphs").then().statusCode(200)
                .body(containsString("named"));
        admin().accept("application/n-triples").queryParam("graph", "urn:groundgate:graph:" + name)
                .get("/admin/graphs").then().statusCode(200);
        admin().queryParam("graph", name).delete("/admin/graphs").then().statusCode(200);
        assertThat(Files.exists(folder().resolve(name))).isFalse();
    }

    @Test
    void newGraphFilesFollowTheFolderAndReplacedFilesKeepTheirMode() throws Exception {
        Path dir = folder().resolve("perm");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        try {
            admin().contentType("application/n-triples").body(TRIPLE.getBytes(StandardCharsets.UTF_8))
                    .queryParam("graph", "perm/new.nt").put("/admin/graphs").then().statusCode(201);
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir.resolve("new.nt"));
            assertThat(PosixFilePermissions.toString(mode)).isEqualTo("rw-r-----");

            Files.setPosixFilePermissions(dir.resolve("new.nt"), PosixFilePermissions.fromString("rw-rw-r--"));
            admin().contentType("application/n-triples").body(TRIPLE.getBytes(StandardCharsets.UTF_8))
                    .queryParam("graph", "perm/new.nt").post("/admin/graphs").then().statusCode(200);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new.nt"))))
                    .isEqualTo("rw-rw-r--");
        } finally {
            admin().queryParam("graph", "perm/new.nt").delete("/admin/graphs");
            Files.deleteIfExists(dir);
        }
    }
}
