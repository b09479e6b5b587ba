package io.groundgate.webui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The workbench in a real browser (Debian's headless Chromium through WebDriver) against the running gateway, with API
 * and admin keys configured, so the page works only with the keys typed into its key form. Expected values come from
 * the gateway's own API, not from the test. Each view is saved to docs/screenshots at laptop and phone widths.
 */
@QuarkusTest
@TestProfile(WorkbenchProfile.class)
class WorkbenchBrowserTest {

    static final String GG = "https://w3id.org/groundgate/ontology#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String BROKEN_TURTLE = "@prefix ex: <https://example.org/> .\nex:a ex:b ex:c ;\n  ex:d \"unterminated\n";

    static Browser browser;
    static boolean keysEntered;

    @TestHTTPResource("/")
    URL root;

    /** Console errors a test provoked on purpose (a refused query, a refused upload): the network line of that 4xx. */
    private final List<String> expectedErrors = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        String missing = Browser.missing();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openWithKeys() {
        // The profile feature-probe (GET /admin/kg/profile) answers 404 until a gateway serves the graph profile.
        expectedErrors.add("/admin/kg/profile - Failed to load resource: the server responded with a status of 404");
        if (!keysEntered) {
            // First visit, no keys yet: the page's calls are refused (401) like any client's, until the keys are typed in.
            browser.driver.get(root.toString());
            await().atMost(WAIT).until(() -> find("main").getText().contains("Enter the API key"));
            enterKeysByKeyboard();
            keysEntered = true;
            assertThat(browser.severeConsoleEntries()).allSatisfy(e -> assertThat(e.getMessage())
                    .containsAnyOf("the server responded with a status of 401", expectedErrors.get(0)));
        }
    }

    @AfterEach
    void noConsoleErrors() {
        List<LogEntry> unexpected = browser.severeConsoleEntries().stream()
                .filter(e -> expectedErrors.stream().noneMatch(e.getMessage()::contains)).toList();
        assertThat(unexpected).as("console errors").isEmpty();
    }

    @Test
    void askStreamsAnAnswerWithItsTraceAndOpensAStepInTheSparqlEditor() {
        String density = sparqlValue("SELECT ?d WHERE { ?e <" + RDFS + "label> \"Gold\"@en ; <" + GG + "density> ?d }");
        String goldIri = sparqlValue("SELECT ?e WHERE { ?e <" + RDFS + "label> \"Gold\"@en ; <" + GG + "density> ?d }");
        go("#/ask");
        await().atMost(WAIT).until(() -> "groundgate-local".equals(find("#ask-model").getAttribute("value")));
        // the models were reloaded with the typed-in key: no leftover "no API key" error from the first visit
        await().atMost(WAIT).until(() -> !find(".ask-form").getText().contains("API key"));
        WebElement input = find("#ask-input");
        input.click();
        input.sendKeys("What is the density of gold?");
        input.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement trace = waitFor(".turn .trace");
        String answer = find(".turn .answer-text").getText();
        assertThat(answer).contains(density);
        assertThat(trace.findElements(By.cssSelector("details.step")).stream().map(WebElement::getText))
                .anySatisfy(step -> assertThat(step).contains("sparql_query").contains("SELECT"));
        assertThat(trace.findElements(By.cssSelector("ul.facts a.iri")).stream().map(a -> a.getDomAttribute("href")))
                .contains("#/entity/" + URLEncoder.encode(goldIri, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(trace.findElements(By.cssSelector("ul.sources a"))).isNotEmpty();
        assertThat(find(".turn pre.curl").getAttribute("textContent")).contains("/v1/chat/completions")
                .contains("What is the density of gold?").doesNotContain(WorkbenchProfile.API_KEY);

        // multi-turn: the next question goes with the conversation so far
        input.sendKeys("What is the melting point of gold?", Keys.chord(Keys.CONTROL, Keys.ENTER));
        await().atMost(WAIT).until(() -> browser.driver.findElements(By.cssSelector(".turn .trace")).size() == 2);
        List<WebElement> requests = browser.driver.findElements(By.cssSelector(".turn pre.curl"));
        assertThat(requests.get(1).getAttribute("textContent")).contains("What is the density of gold?")
                .contains("\"role\": \"assistant\"").contains("What is the melting point of gold?");
        browser.screenshot("ask", Browser.LAPTOP);
        browser.screenshot("ask-phone", Browser.PHONE);

        List<WebElement> editorLinks = trace.findElements(By.linkText("Open in SPARQL editor"));
        editorLinks.get(editorLinks.size() - 1).click();
        WebElement table = waitFor("#sparql-table");
        assertThat(table.getText()).contains(density);
    }

    @Test
    void sparqlShowsATableOfCompactLinksWithTheServerLimitsAndMarksErrorsWhereTheyAre() {
        String query = "PREFIX gg: <" + GG + ">\nSELECT ?e ?symbol ?density WHERE { ?e gg:symbol ?symbol ; gg:density ?density }"
                + "\nORDER BY DESC(?density) LIMIT 3";
        go("#/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        WebElement table = waitFor("#sparql-table");
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(3);
        WebElement link = table.findElement(By.cssSelector("tbody td a.iri"));
        assertThat(link.getText()).doesNotStartWith("http").contains(":");
        assertThat(link.getDomAttribute("href")).startsWith("#/entity/");
        assertThat(find("#sparql-limits").getText()).contains(Integer.toString(WorkbenchProfile.MAX_ROWS)).contains("10 s");
        browser.screenshot("sparql", Browser.LAPTOP);
        browser.screenshot("sparql-phone", Browser.PHONE);

        expectedErrors.add("/sparql - Failed to load resource: the server responded with a status of 400");
        String broken = "SELECT ?s\nWHERE { ?s ?p }";
        String message = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY)
                .queryParam("query", broken).get("/sparql").then().statusCode(400).extract().path("error.message");
        Matcher where = Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
        assertThat(where.find()).isTrue();
        go("#/sparql?query=" + URLEncoder.encode(broken, StandardCharsets.UTF_8).replace("+", "%20"));
        WebElement error = waitFor("#sparql-error");
        assertThat(error.getText()).contains("line " + where.group(1) + ", column " + where.group(2));
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(browser.js(
                "return !!document.querySelector('.editor').shadowRoot.querySelector('.cm-lintRange-error')")));
        Object markedLine = browser.js("const v = document.querySelector('.editor').shadowRoot;"
                + "const lines = [...v.querySelectorAll('.cm-line')];"
                + "return lines.findIndex(l => l.querySelector('.cm-lintRange-error')) + 1;");
        assertThat(((Number) markedLine).intValue()).isEqualTo(Integer.parseInt(where.group(1)));
        browser.screenshot("sparql-error", Browser.LAPTOP);
    }

    @Test
    void prefixCompletionOffersTheLoadedGraphsTermsAndDeclaresTheirPrefix() {
        go("#/sparql");
        waitFor(".editor");
        WebElement content = await().atMost(WAIT).ignoreExceptions().until(() -> (WebElement) browser.js(
                "return document.querySelector('.editor').shadowRoot.querySelector('.cm-content')"), e -> e != null);
        // real key presses into the focused editor, as a user types them
        new Actions(browser.driver).click(content).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE).sendKeys("SELECT ?d WHERE { ?e gg:dens").perform();
        await().atMost(WAIT).until(() -> editorText().contains("gg:dens"));
        // typing opens the list; Ctrl+Space asks for it explicitly in case the vocabulary arrived after the keystrokes
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.SPACE).keyUp(Keys.CONTROL).perform();
        @SuppressWarnings("unchecked")
        List<String> options = await().atMost(WAIT).alias("completions for: " + editorText()).until(() -> (List<String>) browser.js(
                "const s = document.querySelector('.editor').shadowRoot;"
                        + "return [...s.querySelectorAll('.cm-tooltip-autocomplete li')].map(li => li.textContent);"),
                o -> o != null && o.contains("gg:density"));
        // only terms of the loaded graph with that prefix and start, e.g. not gg:symbol
        assertThat(options).allSatisfy(o -> assertThat(o).startsWith("gg:dens"));
        browser.screenshot("sparql-completion", Browser.LAPTOP);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        await().atMost(WAIT).until(() -> editorText().startsWith("PREFIX"));
        assertThat(editorText()).startsWith("PREFIX gg: <" + GG + ">\n").contains("?e gg:density");
    }

    @Test
    void theCsvAndJsonDownloadsHoldTheResults() {
        String query = "PREFIX gg: <" + GG + ">\nSELECT ?e ?symbol ?density WHERE { ?e gg:symbol ?symbol ; gg:density ?density }"
                + "\nORDER BY DESC(?density) LIMIT 3";
        List<List<String>> expected = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY)
                .accept("application/sparql-results+json").queryParam("query", query).get("/sparql").then().statusCode(200)
                .extract().path("results.bindings.collect { [it.e.value, it.symbol.value, it.density.value] }");
        assertThat(expected).hasSize(3);
        go("#/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        waitFor("#sparql-table");
        // what the page hands the browser to save: the file name and the Blob behind the link it clicks
        browser.js("window.__saved = [];"
                + "const create = URL.createObjectURL.bind(URL);"
                + "URL.createObjectURL = (blob) => { const url = create(blob); window.__saved.push({ url, blob }); return url; };"
                + "const click = HTMLAnchorElement.prototype.click;"
                + "HTMLAnchorElement.prototype.click = function () {"
                + "  const s = window.__saved.find(x => x.url === this.href); if (s) s.name = this.download;"
                + "  if (!s) click.call(this); };"); // saved ones are not written to disk
        browser.driver.findElement(By.xpath("//button[text()='Download CSV']")).click();
        browser.driver.findElement(By.xpath("//button[text()='Download JSON']")).click();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> saved = (List<Map<String, String>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "Promise.all(window.__saved.map(async s => ({ name: s.name, type: s.blob.type, text: await s.blob.text() })))"
                        + ".then(done);");
        assertThat(saved).extracting(m -> m.get("name")).containsExactly("results.csv", "results.json");

        String[] csv = saved.get(0).get("text").strip().split("\\r?\\n");
        assertThat(csv).hasSize(4);
        assertThat(csv[0]).isEqualTo("e,symbol,density");
        for (int i = 0; i < 3; i++) {
            assertThat(csv[i + 1]).contains(expected.get(i).get(0)).contains(expected.get(i).get(1))
                    .contains(expected.get(i).get(2));
        }
        JsonPath json = new JsonPath(saved.get(1).get("text"));
        assertThat(json.getList("head.vars")).containsExactly("e", "symbol", "density");
        assertThat(json.getList("results.bindings.e.value")).containsExactlyElementsOf(expected.stream().map(r -> r.get(0)).toList());
        assertThat(json.getList("results.bindings.density.value")).containsExactlyElementsOf(expected.stream().map(r -> r.get(2)).toList());
        assertThat(saved.get(1).get("type")).isEqualTo("application/sparql-results+json");
    }

    @Test
    void browseFindsAnEntityAndItsPageShowsFactsUnitsAndTheirGraph() {
        String goldIri = sparqlValue("SELECT ?e WHERE { ?e <" + RDFS + "label> \"Gold\"@en ; <" + GG + "density> ?d }");
        String graph = sparqlValue("SELECT ?g WHERE { GRAPH ?g { <" + goldIri + "> <" + GG + "density> ?d } }");
        go("#/browse");
        WebElement classes = waitFor("#class-table");
        assertThat(classes.getText()).contains("country").contains("chemical element");
        classes.findElement(By.xpath(".//button[normalize-space()='country']")).click();
        assertThat(waitFor("#class-detail table").getText()).contains("capital");
        WebElement search = find("#search-input");
        search.sendKeys("gold", Keys.ENTER);
        WebElement hit = waitFor("#search-results a.iri");
        browser.screenshot("browse", Browser.LAPTOP);
        browser.screenshot("browse-phone", Browser.PHONE);
        assertThat(hit.getText()).isEqualTo("Gold");
        hit.click();
        WebElement facts = waitFor("#outgoing-facts");
        assertThat(find("#entity-title").getText()).isEqualTo("Gold");
        WebElement densityRow = facts.findElement(By.xpath(".//tr[td[1][normalize-space()='density']]"));
        List<WebElement> cells = densityRow.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).contains(sparqlValue(
                "SELECT ?d WHERE { <" + goldIri + "> <" + GG + "density> ?d }"));
        assertThat(cells.get(2).getText()).isNotBlank(); // the unit
        assertThat(cells.get(3).getText()).isEqualTo(graph.substring(graph.lastIndexOf(':') + 1));
        browser.screenshot("entity", Browser.LAPTOP);
        browser.screenshot("entity-phone", Browser.PHONE);
    }

    @Test
    void aBrokenGraphUploadIsRefusedWithItsLocatedErrorAndNothingChanges() throws Exception {
        String before = admin().get("/admin/kg").then().statusCode(200).extract().path("version");
        String message = admin().contentType("text/turtle").body(BROKEN_TURTLE.getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", "broken.ttl").put("/admin/graphs").then().statusCode(400).extract()
                .path("error.message");
        Matcher where = Pattern.compile(":(\\d+):(\\d+):").matcher(message);
        assertThat(where.find()).as(message).isTrue();

        expectedErrors.add("/admin/graphs?graph=broken.ttl - Failed to load resource: the server responded with a status of 400");
        go("#/graphs");
        WebElement graphs = waitFor("#graph-table");
        assertThat(graphs.getText()).contains("elements.ttl");
        find("#edit-graph").sendKeys("broken.ttl");
        find("#edit-body").sendKeys(BROKEN_TURTLE);
        find("#edit-submit").click();
        WebElement error = waitFor("#edit-error .problem .where");
        assertThat(error.getText()).contains("broken.ttl").endsWith(":" + where.group(1) + ":" + where.group(2));
        assertThat(find("#edit-error").getText()).contains("nothing was changed");
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("broken.ttl"))).isFalse();
        assertThat((String) admin().get("/admin/kg").then().extract().path("version")).isEqualTo(before);
        browser.screenshot("graphs", Browser.LAPTOP);
        browser.screenshot("graphs-phone", Browser.PHONE);

        // a valid graph is served, listed with its triples, then deleted from its row
        find("#edit-graph").clear();
        find("#edit-graph").sendKeys("workbench-note.ttl");
        find("#edit-body").clear();
        find("#edit-body").sendKeys("@prefix ex: <https://example.org/> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\nex:note rdfs:label \"Workbench note\"@en .\n");
        find("#edit-submit").click();
        WebElement row = waitFor("#graph-table tr[data-file='workbench-note.ttl']");
        assertThat(row.findElement(By.cssSelector("td.num")).getText()).isEqualTo("1");
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).isTrue();
        WebElement delete = row.findElement(By.cssSelector("button.danger"));
        delete.click();
        assertThat(delete.getText()).startsWith("Confirm delete");
        delete.click();
        await().atMost(WAIT).until(() -> browser.driver
                .findElements(By.cssSelector("#graph-table tr[data-file='workbench-note.ttl']")).isEmpty());
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).isFalse();
    }

    @Test
    void aToolIsInvokedFromItsFormWithResultAndProvenance() {
        String expected = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).contentType("application/json")
                .body("{\"expression\":\"19.3 g/cm^3 * 2 L in kg\"}").post("/v1/tools/calculator/invoke").then()
                .statusCode(200).extract().path("result.text");
        go("#/tools");
        waitFor("[data-tool='calculator']").click();
        find("#arg-expression").sendKeys("19.3 g/cm^3 * 2 L in kg");
        find("#tool-invoke").click();
        WebElement result = waitFor("#tool-result-json");
        assertThat(result.getText()).contains(expected);
        assertThat(find("#tool-result").getText()).contains("Provenance").contains("19.3");
        assertThat(waitFor("#declarative-table").getText()).contains("loaded");
        browser.screenshot("tools", Browser.LAPTOP);
        browser.screenshot("tools-phone", Browser.PHONE);
    }

    @Test
    void theViewsWorkWithTheKeyboardAlone() {
        go("#/ask");
        browser.driver.navigate().refresh(); // a fresh page: keyboard focus starts at the top
        waitFor("#ask-input");
        tabUntil("a[data-view='sparql']", 20);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        waitFor("#sparql-run");
        tabUntil("#sparql-run", 30);
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertThat(waitFor("#sparql-table").findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    }

    // --- helpers

    private void enterKeysByKeyboard() {
        WebElement keys = find("#keys summary");
        keys.click();
        find("#api-key").sendKeys(WorkbenchProfile.API_KEY);
        find("#admin-key").sendKeys(WorkbenchProfile.ADMIN_KEY, Keys.ENTER);
        await().atMost(WAIT).until(() -> find("#keys-status").getText().contains("Saved"));
        keys.click();
    }

    /** The SPARQL editor's text, line by line. */
    private String editorText() {
        return (String) browser.js("const s = document.querySelector('.editor').shadowRoot;"
                + "return [...s.querySelectorAll('.cm-line')].map(l => l.textContent).join('\\n');");
    }

    private void go(String hash) {
        browser.driver.get(root.toString() + hash);
    }

    private WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private WebElement waitFor(String css) {
        return await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.driver.findElement(By.cssSelector(css)), e -> e != null && e.isDisplayed());
    }

    /** Presses Tab until the element matching css has the focus (at most `max` times). */
    private void tabUntil(String css, int max) {
        for (int i = 0; i < max; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(browser.js("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        Assertions.fail("Tab never reached " + css);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + WorkbenchProfile.ADMIN_KEY);
    }

    /** The first value of the first row of a SELECT, asked over the gateway's own /sparql. */
    private static String sparqlValue(String query) {
        List<String> values = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY)
                .accept("application/sparql-results+json").queryParam("query", query).get("/sparql").then()
                .statusCode(200).extract().path("results.bindings.collect { it.values().first().value }");
        assertThat(values).as(query).isNotEmpty();
        return values.get(0);
    }
}
