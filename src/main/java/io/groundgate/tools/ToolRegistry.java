package io.groundgate.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.groundgate.tools.schema.JsonSchema;
import io.groundgate.tools.schema.SchemaViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every tool GroundGate offers: the {@link Tool} beans, fixed at start-up, and the tools of every {@link ToolProvider}
 * bean, asked afresh on each lookup. Names must be unique and OpenAI-valid ({@code [a-zA-Z0-9_-]{1,64}}); a bad
 * start-up tool stops the application, a bad or clashing dynamic tool is left out with a warning (start-up tools win).
 * <p>
 * {@link #execute} validates the arguments against the tool's JSON Schema before running it, times the call, records
 * metrics ({@code groundgate.tool.calls{tool,outcome}} with outcome ok, error, invalid_arguments or internal_error;
 * {@code groundgate.tool.duration{tool}}) and never throws: an
 * unknown tool, invalid arguments or an exception inside the tool all come back as a failed {@link ToolResult}.
 * Tools served by a provider must not also be {@link Tool} beans.
 */
@ApplicationScoped
public class ToolRegistry {

    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    /** The tool name is not registered. */
    public static final String TOOL_NOT_FOUND = "tool_not_found";
    /** The arguments do not match the tool's schema; {@link ToolError#where()} is the JSON Pointer. */
    public static final String INVALID_ARGUMENTS = "invalid_arguments";
    /** The tool threw; the exception is logged, not shown. */
    public static final String INTERNAL_ERROR = "internal_error";

    private static final Logger LOG = Logger.getLogger(ToolRegistry.class);
    private static final int MAX_CACHED_SCHEMAS = 1024;

    private final Map<String, Entry> fixed;
    private final List<ToolProvider> providers;
    private final Set<String> disabled;
    private final MeterRegistry meters;
    private final Map<ToolSpec, Object> dynamicSchemas = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile Listed listed;

    /** A tool with the spec and compiled schema it was registered with. */
    private record Entry(Tool tool, ToolSpec spec, JsonSchema schema) {
    }

    @Inject
    public ToolRegistry(@Any Instance<Tool> tools, @Any Instance<ToolProvider> providers, ToolsConfig config,
            MeterRegistry meters) {
        this(tools.stream().toList(), providers.stream().toList(), config.disabled().orElse(Set.of()), meters);
    }

    /** For use without CDI (tests, tools): the same checks as at start-up. */
    public ToolRegistry(Collection<? extends Tool> tools, Collection<? extends ToolProvider> providers,
            Set<String> disabled, MeterRegistry meters) {
        this.disabled = Set.copyOf(disabled);
        this.providers = List.copyOf(providers);
        this.meters = meters;
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Tool tool : tools) {
            ToolSpec spec = tool.spec();
            String problem = problem(spec);
            if (problem != null) {
                throw new IllegalStateException("Tool " + tool.getClass().getName() + " cannot be registered: " + problem);
            }
            JsonSchema schema;
            try {
                schema = JsonSchema.compile(spec.parameters());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Tool '" + spec.name() + "' has an " + e.getMessage(), e);
            }
            Entry previous = byName.put(spec.name(), new Entry(tool, spec, schema));
            if (previous != null) {
                throw new IllegalStateException("Two tools are named '" + spec.name() + "': "
                        + previous.tool().getClass().getName() + " and " + tool.getClass().getName());
            }
        }
        byName.keySet().removeAll(this.disabled);
        this.fixed = Map.copyOf(byName);
    }

    /** Every tool, sorted by name: the start-up tools and what the providers serve now. */
    public List<Tool> all() {
        return entries().stream().map(Entry::tool).toList();
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(entry(name)).map(Entry::tool);
    }

    /** The first way {@code arguments} break the named tool's schema; empty when they fit or the tool is unknown. */
    public Optional<SchemaViolation> validate(String name, ObjectNode arguments) {
        Entry e = entry(name);
        return e == null ? Optional.empty() : e.schema().validate(arguments == null ? emptyObject() : arguments);
    }

    /** Runs a tool; never throws. Null arguments count as {@code {}}, a null context as a default one. */
    public ToolResult execute(String name, ObjectNode arguments, ToolContext context) {
        long start = System.nanoTime();
        ObjectNode args = arguments == null ? emptyObject() : arguments;
        Entry e = entry(name);
        if (e == null) {
            return ToolResult.failure(ToolError.at(TOOL_NOT_FOUND, "There is no tool named '" + shorten(name)
                    + "'. Available tools: " + String.join(", ", names()) + ".", null), Provenance.of(name, args));
        }
        Optional<SchemaViolation> violation = e.schema().validate(args);
        if (violation.isPresent()) {
            SchemaViolation v = violation.get();
            String where = v.pointer().isEmpty() ? "/" : v.pointer();
            return finish(e, args, start, ToolResult.failure(ToolError.at(INVALID_ARGUMENTS,
                    "Invalid arguments for " + e.spec().name() + ": " + where + " " + v.message() + ".", v.pointer()),
                    null), INVALID_ARGUMENTS);
        }
        ToolResult result;
        String outcome = null;
        try {
            result = e.tool().execute(args, context == null ? ToolContext.of("internal") : context);
        } catch (VirtualMachineError fatal) {
            if (!(fatal instanceof StackOverflowError)) {
                throw fatal;
            }
            result = crashed(e, fatal);
            outcome = INTERNAL_ERROR;
        } catch (Exception | LinkageError | AssertionError failure) {
            result = crashed(e, failure);
            outcome = INTERNAL_ERROR;
        }
        if (result == null) {
            result = crashed(e, new IllegalStateException("the tool returned no result"));
            outcome = INTERNAL_ERROR;
        }
        if (outcome == null) {
            outcome = result.ok() ? "ok" : "error";
        }
        return finish(e, args, start, result, outcome);
    }

    /** The tools as OpenAI's request field {@code tools}: {@code [{"type":"function","function":{…}}]}. */
    public ArrayNode toOpenAiTools() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Entry e : entries()) {
            ObjectNode function = out.addObject().put("type", "function").putObject("function");
            function.put("name", e.spec().name());
            function.put("description", e.spec().description());
            function.set("parameters", e.spec().parameters().deepCopy());
        }
        return out;
    }

    /** The tools as LangChain4j tool specifications, with hand-built object schemas. */
    public List<ToolSpecification> toToolSpecifications() {
        return entries().stream().map(e -> LangChain4jSchemas.toToolSpecification(e.spec())).toList();
    }

    private ToolResult crashed(Entry e, Throwable failure) {
        LOG.errorf(failure, "Tool '%s' failed", e.spec().name());
        return ToolResult.failure(ToolError.of(INTERNAL_ERROR, "The tool " + e.spec().name()
                + " failed unexpectedly; the failure is logged."), null);
    }

    /**
     * Counts one tool call in {@code groundgate.tool.calls}: every call made through {@link #execute}, and the steps the
     * embedded planner runs on the graph and the calculator directly.
     */
    public void countCall(String tool, String outcome) {
        counters.computeIfAbsent(tool + '\n' + outcome, k -> Counter.builder("groundgate.tool.calls")
                .description("Tool calls by tool and outcome: /v1/tools invocations, grounded-route tool calls and the "
                        + "embedded planner's steps").tag("tool", tool).tag("outcome", outcome).register(meters))
                .increment();
    }

    private ToolResult finish(Entry e, ObjectNode args, long start, ToolResult result, String outcome) {
        long nanos = System.nanoTime() - start;
        String tool = e.spec().name();
        timers.computeIfAbsent(tool, t -> Timer.builder("groundgate.tool.duration").description("Tool call duration")
                .tag("tool", t).register(meters)).record(nanos, TimeUnit.NANOSECONDS);
        countCall(tool, outcome);
        Provenance p = result.provenance();
        if (p == null) {
            p = Provenance.of(tool, args);
        }
        p = p.withDuration(nanos / 1_000_000.0);
        return new ToolResult(result.ok(), result.result(), result.error(), p);
    }

    private Entry entry(String name) {
        if (name == null || disabled.contains(name)) {
            return null;
        }
        Entry e = fixed.get(name);
        if (e != null || providers.isEmpty()) {
            return e;
        }
        for (ToolProvider provider : providers) {
            for (Tool tool : provider.tools()) {
                ToolSpec spec = tool.spec();
                if (spec != null && name.equals(spec.name())) {
                    return dynamic(tool);
                }
            }
        }
        return null;
    }

    /**
     * Every entry, sorted by name; rebuilt only when a provider serves other tool instances than the last time (a
     * reload), not on every request that lists the tools.
     */
    private List<Entry> entries() {
        List<Tool> served = new ArrayList<>();
        for (ToolProvider provider : providers) {
            served.addAll(provider.tools());
        }
        Listed cached = listed;
        if (cached != null && sameInstances(cached.served(), served)) {
            return cached.entries();
        }
        Map<String, Entry> all = new LinkedHashMap<>(fixed);
        for (Tool tool : served) {
            ToolSpec spec = tool.spec();
            if (spec != null && !disabled.contains(spec.name()) && !all.containsKey(spec.name())) {
                Entry e = dynamic(tool);
                if (e != null) {
                    all.put(spec.name(), e);
                }
            } else if (spec != null && all.containsKey(spec.name()) && all.get(spec.name()).tool() != tool) {
                warnOnce(spec.name(), "Dynamic tool '" + spec.name() + "' clashes with another tool of that name; "
                        + "it is left out");
            }
        }
        List<Entry> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(e -> e.spec().name()));
        List<Entry> entries = List.copyOf(sorted);
        listed = new Listed(served, entries);
        return entries;
    }

    /** The providers' tools at the last listing, and the entries made of them. */
    private record Listed(List<Tool> served, List<Entry> entries) {
    }

    /** Whether two tool lists hold the very same instances in the same order (a reload makes new instances). */
    public static boolean sameInstances(List<Tool> a, List<Tool> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** A provider's tool with its compiled schema (cached), or null when it is invalid or clashes with a fixed tool. */
    private Entry dynamic(Tool tool) {
        ToolSpec spec = tool.spec();
        String problem = problem(spec);
        if (problem != null) {
            warnOnce(String.valueOf(spec == null ? tool.getClass().getName() : spec.name()),
                    "Dynamic tool " + tool.getClass().getName() + " is left out: " + problem);
            return null;
        }
        if (fixed.containsKey(spec.name())) {
            warnOnce(spec.name(), "Dynamic tool '" + spec.name() + "' clashes with a built-in tool; it is left out");
            return null;
        }
        if (dynamicSchemas.size() > MAX_CACHED_SCHEMAS) {
            dynamicSchemas.clear();
        }
        Object compiled = dynamicSchemas.computeIfAbsent(spec, s -> {
            try {
                return JsonSchema.compile(s.parameters());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        if (compiled instanceof String error) {
            warnOnce(spec.name(), "Dynamic tool '" + spec.name() + "' is left out: it has an " + error);
            return null;
        }
        return new Entry(tool, spec, (JsonSchema) compiled);
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.warn(message);
        }
    }

    private List<String> names() {
        return entries().stream().map(e -> e.spec().name()).toList();
    }

    private static String problem(ToolSpec spec) {
        if (spec == null || spec.name() == null) {
            return "it has no spec or no name";
        }
        if (!NAME.matcher(spec.name()).matches()) {
            return "its name '" + shorten(spec.name()) + "' is not 1 to 64 characters of a-z, A-Z, 0-9, '_' and '-'";
        }
        if (spec.description() == null || spec.description().isBlank()) {
            return "'" + spec.name() + "' has no description";
        }
        if (spec.parameters() == null) {
            return "'" + spec.name() + "' has no parameters schema";
        }
        if (spec.parameters().has("type") && !"object".equals(spec.parameters().path("type").asText())) {
            return "'" + spec.name() + "' parameters schema must be of type object";
        }
        return null;
    }

    private static String shorten(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
