package io.groundgate.webui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
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
        if (!keysEntered) {
            // First visit, no keys yet: the page's calls are refused (401) like any client's, until the keys are typed in.
            browser.driver.get(root.toString());
            await().atMost(WAIT).until(() -> find("main").getText().contains("Enter the API key"));
            enterKeysByKeyboard();
            keysEntered = true;
            assertThat(browser.severeConsoleEntries()).allSatisfy(e -> assertThat(e.getMessage())
                    .contains("the server responded with a status of 401"));
            // the keys live in this tab's session storage only: not in local storage, cookies or the address
            assertThat(browser.js("return [sessionStorage.getItem('groundgate.apiKey'), sessionStorage.getItem('groundgate.adminKey'),"
                    + " localStorage.length, document.cookie, location.href]"))
                    .isEqualTo(List.of(WorkbenchProfile.API_KEY, WorkbenchProfile.ADMIN_KEY, 0L, "", root.toString()));
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
        newConversationWith("groundgate-local");
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
    void aGroundedModelIsOfferedAndItsTraceShowsEveryKindOfStep() {
        String goldIri = sparqlValue("SELECT ?e WHERE { ?e <" + RDFS + "label> \"Gold\"@en ; <" + GG + "density> ?d }");
        String density = sparqlValue("SELECT ?d WHERE { <" + goldIri + "> <" + GG + "density> ?d }");
        String query = "PREFIX gg: <" + GG + ">\nSELECT ?d WHERE { <" + goldIri + "> gg:density ?d }";
        String expression = "19.3 g/cm^3 * 2 L in kg";
        // what each tool reports about the same call, from the gateway's own API
        JsonPath describe = invoke("kg_describe", Map.of("iri", goldIri));
        JsonPath sparql = invoke("sparql_query", Map.of("query", query));
        JsonPath calculator = invoke("calculator", Map.of("expression", expression));
        FakeOpenAiServer fake = FakeUpstreamResource.server();
        fake.reset();
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("c1", "kg_describe", json(Map.of("iri", goldIri))),
                new Call("c2", "sparql_query", json(Map.of("query", query)))),
                FakeOpenAiServer.toolCalls(new Call("c3", "calculator", json(Map.of("expression", expression)))),
                FakeOpenAiServer.completion("Two litres of gold weigh about 38.6 kg."));
        go("#/ask");
        newConversationWith("grounded/fake-model");
        ask("How much do two litres of gold weigh?");
        WebElement trace = waitFor(".turn .trace");
        assertThat(find(".turn .answer-text").getText()).isEqualTo("Two litres of gold weigh about 38.6 kg.");
        assertThat(fake.requests()).hasSize(3);
        assertThat(fake.requests().get(0).json().path("model").asText()).isEqualTo("fake-model");

        List<WebElement> steps = trace.findElements(By.cssSelector("details.step"));
        assertThat(steps).hasSize(3);
        for (WebElement step : steps) {
            assertThat(step.findElement(By.cssSelector("summary .dur")).getText()).matches("\\d+(\\.\\d+)? ms");
            assertThat(step.findElements(By.cssSelector("details.result"))).hasSize(1);
        }
        // kg_describe: its arguments, its lookup as the gateway words it, and the same facts as SPARQL in the editor
        assertThat(steps.get(0).findElement(By.tagName("summary")).getText()).contains("kg_describe");
        assertThat(steps.get(0).findElements(By.tagName("h5")).stream().map(e -> e.getAttribute("textContent")))
                .containsExactly("Arguments", "Evaluated");
        assertThat(steps.get(0).findElement(By.cssSelector("pre")).getText()).contains(goldIri);
        assertThat(steps.get(0).findElement(By.cssSelector(".query h5")).getAttribute("textContent")).isEqualTo("Evaluated");
        assertThat(steps.get(0).findElement(By.cssSelector(".query pre")).getText()).isEqualTo(describe.getString("provenance.query"));
        String describeLink = steps.get(0).findElement(By.linkText("Open in SPARQL editor")).getDomAttribute("href");
        assertThat(URLDecoder.decode(describeLink.substring("#/sparql?query=".length()), StandardCharsets.UTF_8))
                .isEqualTo("DESCRIBE <" + goldIri + ">");
        assertThat(steps.get(0).findElement(By.cssSelector(".query a.iri")).getDomAttribute("href")).isEqualTo(entityHref(goldIri));
        // sparql_query: the query the gateway ran, with the editor link and the value in its result
        assertThat(steps.get(1).findElement(By.cssSelector(".query h5")).getAttribute("textContent")).isEqualTo("SPARQL");
        assertThat(steps.get(1).findElement(By.cssSelector(".query pre")).getText()).isEqualTo(sparql.getString("provenance.query"));
        assertThat(steps.get(1).findElement(By.cssSelector("details.result pre")).getAttribute("textContent")).contains(density);
        assertThat(steps.get(1).findElements(By.linkText("Open in SPARQL editor"))).hasSize(1);
        // calculator: the expression as evaluated, its result, and no editor link (it is not SPARQL)
        assertThat(steps.get(2).findElement(By.cssSelector(".query h5")).getAttribute("textContent")).isEqualTo("Evaluated");
        assertThat(steps.get(2).findElement(By.cssSelector(".query pre")).getText()).isEqualTo(calculator.getString("provenance.query"));
        assertThat(steps.get(2).findElement(By.cssSelector("details.result pre")).getAttribute("textContent"))
                .contains(calculator.getString("result.text"));
        assertThat(steps.get(2).findElements(By.linkText("Open in SPARQL editor"))).isEmpty();
        assertThat(trace.findElements(By.cssSelector("ul.facts a.iri")).stream().map(a -> a.getDomAttribute("href")))
                .contains(entityHref(goldIri));
        // the density was used by two steps, and is listed once
        List<String> facts = trace.findElements(By.cssSelector("ul.facts li")).stream().map(WebElement::getText).toList();
        assertThat(facts).doesNotHaveDuplicates().filteredOn(f -> f.contains("gg:density")).hasSize(1);
        assertThat(trace.findElements(By.cssSelector("ul.sources li"))).isNotEmpty();
        browser.screenshot("ask-grounded", Browser.LAPTOP);

        steps.get(0).findElement(By.linkText("Open in SPARQL editor")).click();
        await().atMost(WAIT).until(() -> find("#sparql-status").getText().contains("statements"));
        // DESCRIBE answers Turtle, with the graph's prefixes: element:Au gg:density 19.3; …
        assertThat(find("#sparql-results").getText()).contains(":" + goldIri.substring(goldIri.lastIndexOf('/') + 1) + " ")
                .contains("gg:density").contains(density);
        go("#/ask");
        newConversationWith("groundgate-local");
    }

    @Test
    void whatCouldNotBeGroundedIsListedAsUnresolved() {
        String question = "What is the capital of Atlantis?";
        List<String> unresolved = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY)
                .contentType("application/json").body(json(Map.of("model", "groundgate-local",
                        "messages", List.of(Map.of("role", "user", "content", question)))))
                .post("/v1/chat/completions").then().statusCode(200).extract().path("grounding.unresolved");
        assertThat(unresolved).isNotEmpty();
        go("#/ask");
        newConversationWith("groundgate-local");
        // what the page asks the gateway for, and what comes back: a stream of server-sent events
        browser.js("window.__chats = []; const send = window.fetch;"
                + "window.fetch = async (url, init) => { const r = await send(url, init);"
                + "  if (String(url).endsWith('/v1/chat/completions')) window.__chats.push([JSON.parse(init.body).stream, r.headers.get('Content-Type')]);"
                + "  return r; };");
        ask(question);
        WebElement trace = waitFor(".turn .trace");
        assertThat(trace.findElements(By.cssSelector(".unresolved li")).stream().map(WebElement::getText))
                .containsExactlyElementsOf(unresolved);
        @SuppressWarnings("unchecked")
        List<List<Object>> chats = (List<List<Object>>) browser.js("return window.__chats");
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).get(0)).isEqualTo(true);
        assertThat((String) chats.get(0).get(1)).startsWith("text/event-stream");
    }

    @Test
    void theCopiedCurlAndSdkCodeRunAsShown() throws Exception {
        String density = sparqlValue("SELECT ?d WHERE { ?e <" + RDFS + "label> \"Gold\"@en ; <" + GG + "density> ?d }");
        go("#/ask");
        newConversationWith("groundgate-local");
        ask("What is the density of gold?");
        waitFor(".turn .trace");
        // what the buttons hand the clipboard
        browser.js("window.__copied = [];"
                + "navigator.clipboard.writeText = (text) => { window.__copied.push(text); return Promise.resolve(); };");
        find(".turn details.code-copy summary").click();
        for (String label : List.of("Copy as curl", "Copy as OpenAI SDK (Python)", "Copy as OpenAI SDK (Node.js)")) {
            browser.driver.findElement(By.xpath("//button[text()='" + label + "']")).click();
        }
        @SuppressWarnings("unchecked")
        List<String> copied = await().atMost(WAIT).until(() -> (List<String>) browser.js("return window.__copied"), c -> c.size() == 3);
        assertThat(copied).containsExactly(find(".turn pre.curl").getAttribute("textContent"),
                find(".turn pre.sdk-python").getAttribute("textContent"), find(".turn pre.sdk-node").getAttribute("textContent"));
        assertThat(String.join("\n", copied)).contains("GROUNDGATE_API_KEY").doesNotContain(WorkbenchProfile.API_KEY);

        // the curl command, run as copied, gets the same answer with its grounding
        JsonPath curl = new JsonPath(run(List.of("bash", "-c", copied.get(0)), null, Path.of(".")));
        assertThat(curl.getString("choices[0].message.content")).contains(density);
        assertThat(curl.getList("grounding.steps")).isNotEmpty();
        // the Python code is valid Python (the Python SDK is not installed here; the Node SDK runs below)
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            run(List.of("python3", "-c", "import ast, sys; ast.parse(sys.stdin.read())"), copied.get(1), Path.of("."));
        }
        // the Node.js code, run with the official OpenAI SDK of src/test/node
        Path sdk = Path.of("src/test/node/node_modules/openai/package.json");
        if (!Files.isRegularFile(sdk)) {
            Assertions.assertNotEquals("true", System.getenv("CI"), "the OpenAI Node SDK is not installed (npm ci in src/test/node)");
            System.err.println("Skipping the Node SDK snippet: run (cd src/test/node && npm ci)");
            return;
        }
        Path dir = Files.createTempDirectory("gg-snippet");
        try {
            Files.createSymbolicLink(dir.resolve("node_modules"), Path.of("src/test/node/node_modules").toAbsolutePath());
            Files.writeString(dir.resolve("snippet.mjs"), copied.get(2));
            String[] lines = run(List.of("node", "snippet.mjs"), null, dir).strip().split("\n");
            assertThat(lines[0]).contains(density);
            assertThat(new JsonPath(lines[lines.length - 1]).getList("steps")).isNotEmpty();
        } finally {
            Files.deleteIfExists(dir.resolve("snippet.mjs"));
            Files.deleteIfExists(dir.resolve("node_modules"));
            Files.delete(dir);
        }
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
        assertThat(browser.driver.findElements(By.id("sparql-truncated"))).isEmpty();
        // syntax highlighting: keywords, variables and IRIs are coloured apart from the plain text
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) browser.js("const s = document.querySelector('.editor').shadowRoot;"
                + "const colour = (text) => { const span = [...s.querySelectorAll('.cm-line span')].find(e => e.textContent === text);"
                + "  return span ? getComputedStyle(span).color : 'none'; };"
                + "return [colour('SELECT'), colour('?symbol'), colour('<" + GG + ">'), getComputedStyle(s.querySelector('.cm-line')).color];");
        assertThat(colours.subList(0, 3)).doesNotContain("none").doesNotContain(colours.get(3));
        browser.screenshot("sparql", Browser.LAPTOP);
        browser.screenshot("sparql-phone", Browser.PHONE);

        // more rows than the server's row cap: the answer says it was cut there
        go("#/sparql?query=" + URLEncoder.encode("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", StandardCharsets.UTF_8).replace("+", "%20"));
        WebElement truncated = waitFor("#sparql-truncated");
        assertThat(truncated.getText()).contains("truncated").contains(Integer.toString(WorkbenchProfile.MAX_ROWS));
        assertThat(find("#sparql-table").findElements(By.cssSelector("tbody tr"))).hasSize(WorkbenchProfile.MAX_ROWS);

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
        // the class's properties as the graph profile observed them, in its order
        JsonPath profile = admin().accept("application/json").get("/admin/kg/profile").then().statusCode(200).extract().jsonPath();
        List<String> uses = profile.getList("classes.find { it.name == 'country' }.properties.property");
        assertThat(uses).isNotEmpty();
        List<String> names = uses.stream().map(iri -> profile.getString("properties.find { it.iri == '" + iri + "' }.name")).toList();
        WebElement properties = waitFor("#class-properties");
        assertThat(find("#class-origin").getText()).contains("graph profile");
        assertThat(properties.findElements(By.cssSelector("tbody tr td:first-child")).stream().map(WebElement::getText))
                .containsExactlyElementsOf(names).contains("capital");
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
        assertThat(find(".labels").getText()).contains("Gold");
        browser.screenshot("entity", Browser.LAPTOP);
        browser.screenshot("entity-phone", Browser.PHONE);

        // incoming facts: a capital city is referred to by its country, from the country's graph file
        String city = sparqlValue("SELECT ?city WHERE { ?c <" + GG + "capital> ?city } ORDER BY ?city LIMIT 1");
        String country = sparqlValue("SELECT ?c WHERE { ?c <" + GG + "capital> <" + city + "> } LIMIT 1");
        String countryGraph = sparqlValue("SELECT ?g WHERE { GRAPH ?g { ?c <" + GG + "capital> <" + city + "> } } LIMIT 1");
        go(entityHref(city));
        WebElement incoming = waitFor("#incoming-facts");
        WebElement capitalRow = incoming.findElement(By.xpath(".//tr[td[2][normalize-space()='capital']]"));
        assertThat(capitalRow.findElement(By.cssSelector("td a.iri")).getDomAttribute("href")).isEqualTo(entityHref(country));
        assertThat(capitalRow.findElement(By.cssSelector("td.graph")).getText())
                .isEqualTo(countryGraph.substring(countryGraph.lastIndexOf(':') + 1));
    }

    @Test
    void aGraphUploadIsDryRunFirstAndServedOnlyFromTheServeButton() throws Exception {
        String before = admin().get("/admin/kg").then().statusCode(200).extract().path("version");
        String message = admin().contentType("text/turtle").body(BROKEN_TURTLE.getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", "broken.ttl").put("/admin/graphs").then().statusCode(400).extract()
                .path("error.message");
        Matcher where = Pattern.compile(":(\\d+):(\\d+):").matcher(message);
        assertThat(where.find()).as(message).isTrue();

        go("#/graphs");
        WebElement graphs = waitFor("#graph-table");
        assertThat(graphs.getText()).contains("elements.ttl");
        find("#edit-graph").sendKeys("broken.ttl");
        find("#edit-body").sendKeys(BROKEN_TURTLE);
        find("#edit-submit").click();
        // the dry run finds the problem the real call refuses with, at the same place; there is nothing to serve
        WebElement error = waitFor("#edit-error .problem .where");
        assertThat(error.getText()).contains("broken.ttl").endsWith(":" + where.group(1) + ":" + where.group(2));
        assertThat(find("#edit-error").getText()).contains("nothing was changed");
        assertThat(find("#edit-error .outcome").getText()).startsWith("refused");
        assertThat(browser.driver.findElements(By.id("edit-serve"))).isEmpty();
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("broken.ttl"))).isFalse();
        assertThat((String) admin().get("/admin/kg").then().extract().path("version")).isEqualTo(before);
        browser.screenshot("graphs", Browser.LAPTOP);
        browser.screenshot("graphs-phone", Browser.PHONE);

        // a valid graph is served, listed with its triples, then deleted from its row
        find("#edit-graph").clear();
        find("#edit-graph").sendKeys("workbench-note.ttl");
        find("#edit-body").clear();
        // (with a misspelt property: served, with a warning at its place)
        find("#edit-body").sendKeys("@prefix ex: <https://example.org/> .\n@prefix gg: <" + GG + "> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\nex:note rdfs:label \"Workbench note\"@en ;\n  gg:densty 1.5 .\n");
        find("#edit-submit").click();
        // first its dry run: valid, with the warning and the change it would make, and nothing served yet
        WebElement dryRun = waitFor("#edit-dry-run");
        assertThat(dryRun.findElement(By.cssSelector(".outcome")).getText()).startsWith("valid");
        assertThat(dryRun.getText()).contains("Nothing is served yet").contains("workbench-note.ttl added (0 → 2 triples)");
        List<String> dryRunWarnings = dryRun.findElements(By.cssSelector(".problem.warning .where")).stream()
                .map(WebElement::getText).toList();
        assertThat(dryRunWarnings).anySatisfy(w -> assertThat(w).startsWith("workbench-note.ttl:5:"));
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).isFalse();
        assertThat((String) admin().get("/admin/kg").then().extract().path("version")).isEqualTo(before);
        assertThat(browser.driver.findElements(By.cssSelector("#graph-table tr[data-file='workbench-note.ttl']"))).isEmpty();
        browser.screenshot("graphs-dry-run", Browser.LAPTOP);
        find("#edit-serve").click();
        WebElement row = waitFor("#graph-table tr[data-file='workbench-note.ttl']");
        assertThat(row.findElement(By.cssSelector("td.num")).getText()).isEqualTo("2");
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).isTrue();
        assertThat(find("#edit-result").getText()).contains("now serving version");
        List<Map<String, Object>> warnings = admin().get("/admin/kg").then().extract().path("warnings");
        assertThat(warnings).anySatisfy(w -> assertThat(w.get("file")).isEqualTo("workbench-note.ttl"));
        List<String> located = warnings.stream().map(w -> w.get("file") + ":" + w.get("line") + ":" + w.get("column")).toList();
        // before it is served, in the edit's validation result; and with the served version's status
        assertThat(find("#edit-result").findElements(By.cssSelector(".problem.warning .where")).stream().map(WebElement::getText))
                .contains(located.get(located.size() - 1));
        assertThat(dryRunWarnings).contains(located.get(located.size() - 1));
        WebElement served = waitFor("#kg-warnings");
        assertThat(served.findElements(By.cssSelector(".problem.warning .where")).stream().map(WebElement::getText))
                .containsExactlyElementsOf(located);
        assertThat(served.getText()).contains((String) warnings.get(warnings.size() - 1).get("message"));
        browser.screenshot("graphs-warning", Browser.LAPTOP);

        // replaced from its row: "Edit" loads the served graph into the form, the edited text replaces it
        row.findElement(By.xpath(".//button[text()='Edit']")).click();
        await().atMost(WAIT).until(() -> find("#edit-body").getDomProperty("value").contains("Workbench note"));
        assertThat(find("#edit-graph").getDomProperty("value")).isEqualTo("workbench-note.ttl");
        find("#edit-body").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "@prefix ex: <https://example.org/> .\n"
                + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "ex:note rdfs:label \"Workbench note\"@en , \"Notiz\"@de ; rdfs:comment \"replaced\"@en .\n");
        find("#edit-submit").click();
        assertThat(waitFor("#edit-dry-run").getText()).contains("workbench-note.ttl changed (2 → 3 triples)");
        assertThat(Files.readString(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).doesNotContain("replaced");
        find("#edit-serve").click();
        await().atMost(WAIT).ignoreExceptions().until(() -> find("#edit-result").getText().contains("Saved workbench-note.ttl"));
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> find("#graph-table tr[data-file='workbench-note.ttl'] td.num").getText().equals("3"));
        assertThat(Files.readString(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).contains("replaced");
        row = find("#graph-table tr[data-file='workbench-note.ttl']");
        WebElement delete = row.findElement(By.cssSelector("button.danger"));
        delete.click();
        assertThat(delete.getText()).startsWith("Confirm delete");
        delete.click();
        await().atMost(WAIT).until(() -> browser.driver
                .findElements(By.cssSelector("#graph-table tr[data-file='workbench-note.ttl']")).isEmpty());
        assertThat(Files.exists(WorkbenchProfile.Graph.folder.resolve("workbench-note.ttl"))).isFalse();
    }

    @Test
    void theGraphsViewShowsEachFileAndARefusedReloadWithItsLocatedProblem() throws Exception {
        JsonPath kg = admin().get("/admin/kg").then().statusCode(200).extract().jsonPath();
        go("#/graphs");
        WebElement table = waitFor("#graph-table");
        List<Map<String, Object>> graphs = kg.getList("graphs");
        assertThat(graphs).isNotEmpty();
        for (Map<String, Object> g : graphs) {
            List<WebElement> cells = table.findElement(By.cssSelector("tr[data-file='" + g.get("file") + "']"))
                    .findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo(String.format(Locale.ENGLISH, "%,d", ((Number) g.get("triples")).longValue()));
            assertThat(cells.get(2).getText()).isEqualTo(g.get("version_hash"));
            assertThat(cells.get(3).getText()).isNotBlank(); // loaded at, in the reader's time zone
        }
        assertThat(find("#kg-status .meta").getText()).contains(kg.getString("version"))
                .contains(String.format(Locale.ENGLISH, "%,d", kg.getLong("triples")));

        // a file on disk that does not parse: the reload is refused, the problem named at file:line:column
        Path broken = WorkbenchProfile.Graph.folder.resolve("zz-broken-on-disk.ttl");
        Files.writeString(broken, BROKEN_TURTLE);
        try {
            browser.driver.findElement(By.xpath("//button[text()='Reload from disk']")).click();
            WebElement problem = waitFor("#edit-result .problem");
            JsonPath refused = admin().post("/admin/kg/reload").then().statusCode(200).extract().jsonPath();
            assertThat(refused.getString("outcome")).isEqualTo("rejected");
            String where = refused.getString("errors[0].file") + ":" + refused.getInt("errors[0].line") + ":"
                    + refused.getInt("errors[0].column");
            assertThat(where).startsWith("zz-broken-on-disk.ttl:");
            assertThat(problem.findElement(By.cssSelector(".where")).getText()).isEqualTo(where);
            assertThat(problem.getText()).contains(refused.getString("errors[0].message"));
            assertThat(find("#edit-result .outcome").getText()).startsWith("refused");
            // kept as the last reload in the status, and the last good version still serves
            await().atMost(WAIT).ignoreExceptions().until(() -> find("#last-reload .problem .where").getText().equals(where));
            assertThat(find("#kg-status .meta").getText()).contains(kg.getString("version"));
            browser.screenshot("graphs-reload", Browser.LAPTOP);
        } finally {
            Files.delete(broken);
            admin().post("/admin/kg/reload").then().statusCode(200);
        }
    }

    @Test
    void aToolIsInvokedFromItsFormWithResultAndProvenance() throws Exception {
        String expected = given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).contentType("application/json")
                .body("{\"expression\":\"19.3 g/cm^3 * 2 L in kg\"}").post("/v1/tools/calculator/invoke").then()
                .statusCode(200).extract().path("result.text");
        go("#/tools");
        waitFor("[data-tool='calculator']").click();
        // its JSON Schema, as GET /v1/tools gives it
        find("#tool-detail details summary").click();
        assertThat(find("#tool-detail details pre").getText()).contains("\"expression\"").contains("\"required\"");
        find("#arg-expression").sendKeys("19.3 g/cm^3 * 2 L in kg");
        find("#tool-invoke").click();
        WebElement result = waitFor("#tool-result-json");
        assertThat(result.getText()).contains(expected);
        assertThat(find("#tool-result").getText()).contains("Provenance").contains("19.3");
        // the declarative tools from tools/: listed with the others, and each file with its reload status
        JsonPath status = admin().get("/admin/tools").then().statusCode(200).extract().jsonPath();
        List<String> declared = status.getList("tools");
        assertThat(declared).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("[data-tool]")).stream().map(b -> b.getDomAttribute("data-tool")))
                .containsAll(declared);
        waitFor("#declarative-table");
        for (Map<String, Object> f : status.<Map<String, Object>>getList("files")) {
            String row = "#declarative-table tr[data-file='" + f.get("file") + "']";
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(find(row).getText())
                    .contains((String) f.get("status")).contains((String) f.get("tool")));
        }
        browser.screenshot("tools", Browser.LAPTOP);
        browser.screenshot("tools-phone", Browser.PHONE);

        // a broken tool file: "Reload tools/ now" shows it refused, its problem at file:line:column
        Path broken = WorkbenchProfile.Graph.tools.resolve("zz_broken.yaml");
        try {
            Files.writeString(broken, "name: zz_broken\ndescription: \"never closed\n");
            find("#declarative-reload").click();
            await().atMost(WAIT).ignoreExceptions().until(() -> find("#declarative-table").getText().contains("zz_broken.yaml"));
            Map<String, Object> file = admin().get("/admin/tools").then().statusCode(200).extract().jsonPath()
                    .getMap("files.find { it.file.endsWith('zz_broken.yaml') }");
            assertThat(file.get("status")).isEqualTo("refused");
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = (Map<String, Object>) file.get("problem");
            assertThat(problem.get("line")).as("a located problem: %s", problem).isNotNull();
            WebElement row = find("#declarative-table tr[data-file='" + file.get("file") + "']");
            assertThat(row.getText()).contains("refused");
            // the parser's message as it is, its caret line included
            assertThat(row.findElement(By.cssSelector(".problem .message")).getAttribute("textContent")).isEqualTo(problem.get("message"));
            assertThat(row.findElement(By.cssSelector(".problem .where")).getText())
                    .isEqualTo(problem.get("file") + ":" + problem.get("line") + (problem.get("column") == null ? "" : ":" + problem.get("column")));
        } finally {
            Files.deleteIfExists(broken);
            admin().post("/admin/tools/reload").then().statusCode(200);
        }
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
        // on to the first linked name in the results, and into its entity page
        tabUntil("#sparql-table a.iri", 30);
        String href = (String) browser.js("return document.activeElement.getAttribute('href')");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().endsWith(href));
        assertThat(waitFor("#entity-title").getText()).isNotBlank();
    }

    // --- helpers

    /** Starts a new conversation with the given model chosen. */
    private void newConversationWith(String model) {
        await().atMost(WAIT).until(() -> find("#ask-model").findElements(By.cssSelector("option[value='" + model + "']")).size() == 1);
        // chosen from the keyboard: typing an option's name in the focused list selects it
        find("#ask-model").sendKeys(model);
        await().atMost(WAIT).until(() -> model.equals(browser.js("return document.getElementById('ask-model').value")));
        browser.driver.findElement(By.xpath("//button[text()='New conversation']")).click();
        assertThat(browser.driver.findElements(By.cssSelector(".turn"))).isEmpty();
    }

    /** Types a question and sends it with Ctrl+Enter. */
    private void ask(String question) {
        WebElement input = find("#ask-input");
        input.sendKeys(question, Keys.chord(Keys.CONTROL, Keys.ENTER));
    }

    private static String entityHref(String iri) {
        return "#/entity/" + URLEncoder.encode(iri, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tool call through the gateway's own POST /v1/tools/{name}/invoke. */
    private static JsonPath invoke(String tool, Map<String, Object> arguments) {
        return given().header("Authorization", "Bearer " + WorkbenchProfile.API_KEY).contentType("application/json")
                .body(json(arguments)).post("/v1/tools/" + tool + "/invoke").then().statusCode(200).extract().jsonPath();
    }

    /** Runs a command (with the API key in GROUNDGATE_API_KEY, as the copied code expects); its output, or a failure. */
    private static String run(List<String> command, String stdin, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("GROUNDGATE_API_KEY", WorkbenchProfile.API_KEY);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s exit: %s", command.get(0), output).isZero();
        return output;
    }

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
