package io.groundgate.webui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The workbench page as HTTP sees it: served from the jar at "/", with its security headers, and no auth bypass. */
@QuarkusTest
@TestProfile(WorkbenchProfile.class)
class WorkbenchPageTest {

    @Test
    void thePageIsPublicAndCarriesItsSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("style-src-attr")))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("script-src 'self' 'unsafe")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .body(containsString("GroundGate workbench"));
    }

    @Test
    void thePageRunsNoInlineScriptOrStyleAndLoadsNothingFromElsewhere() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"assets/");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void theBundledAssetsShipInTheJar() {
        given().get("/assets/app.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("X-Content-Type-Options", equalTo("nosniff")).body(containsString("groundgate"));
        given().get("/assets/app-style.css").then().statusCode(200).contentType(containsString("css"));
        given().get("/assets/favicon.svg").then().statusCode(200);
    }

    @Test
    void theApiStillNeedsTheKeysThePageAsksFor() {
        given().get("/v1/models").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        given().get("/admin/kg").then().statusCode(401);
        given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).get("/v1/models").then().statusCode(200);
        given().header("Authorization", "Bearer " + WorkbenchProfile.ADMIN_KEY).get("/admin/kg").then().statusCode(200);
        // the page's own headers stay on the page: the API is not given a page policy
        given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).get("/v1/models").then()
                .header("Content-Security-Policy", (String) null);
    }

    @Test
    void sparqlAnswersNameTheServerLimits() {
        given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).accept("application/sparql-results+json")
                .queryParam("query", "SELECT ?s WHERE { ?s ?p ?o }").get("/sparql").then().statusCode(200)
                .header("X-GroundGate-Row-Limit", equalTo(Integer.toString(WorkbenchProfile.MAX_ROWS)))
                .header("X-GroundGate-Timeout-Ms", equalTo("10000"))
                .header("X-GroundGate-Truncated", equalTo("true"));
    }
}
