package io.groundgate.tools.declarative;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlResult;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;
import io.groundgate.tools.calculator.CalcException;
import io.groundgate.tools.calculator.CalcValue;
import io.groundgate.tools.calculator.Calculator;
import io.groundgate.tools.kg.KgToolErrors;
import io.groundgate.tools.kg.QueryFacts;
import io.groundgate.tools.kg.Terms;
import io.groundgate.tools.schema.JsonSchema;

/** A tool defined by a file: bind the arguments, run the query, shape the result, optionally calculate. */
final class DeclarativeTool implements Tool {

    /** What may stand for a placeholder in a calculator expression: a number, a unit, or a number and a unit. */
    private static final Pattern QUANTITY = Pattern.compile(
            "(-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?)?( ?[A-Za-zµ°%]+(\\^-?\\d+)?([/·*][A-Za-zµ°%]+(\\^-?\\d+)?)*)?");
    private static final int MAX_FACTS = 50;

    private final ToolDefinition definition;
    private final KnowledgeGraph kg;
    private final Calculator calculator;
    private final QueryFacts facts;
    private final ToolSpec spec;
    private final JsonSchema schema;

    DeclarativeTool(ToolDefinition definition, KnowledgeGraph kg, Calculator calculator) {
        this.definition = definition;
        this.kg = kg;
        this.calculator = calculator;
        this.facts = new QueryFacts(definition.query());
        this.spec = new ToolSpec(definition.name(), definition.description(), definition.parameters());
        this.schema = JsonSchema.compile(definition.parameters());
    }

    ToolDefinition definition() {
        return definition;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult execute(ObjectNode arguments, ToolContext context) {
        long start = System.nanoTime();
        GraphSnapshot snapshot = kg.snapshot();
        ObjectNode args = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
        StringBuilder query = new StringBuilder(definition.sparql().strip());
        List<Provenance.Fact> used = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        try {
            ArgumentCheck.check(schema, args);
            args = ArgumentCheck.withDefaults(definition.parameters(), args);
            SlotBinder.Bound bound = SlotBinder.bind(definition.slots(), args, snapshot);
            if (!bound.notes().isEmpty()) {
                query.append("\n# bound: ").append(String.join(", ", bound.notes()));
            }
            Duration budget = context == null ? null : context.timeBudget();
            SparqlResult result = snapshot.query(definition.query(), bound.bindings(),
                    QueryLimits.of(budget, definition.result().limit()));
            Set<String> datasetSources = new LinkedHashSet<>();
            for (Triple t : facts.facts(snapshot, bound.bindings(), result.rows(), MAX_FACTS)) {
                used.add(new Provenance.Fact(Terms.text(t.getSubject()), Terms.text(t.getPredicate()),
                        Terms.text(t.getObject())));
                datasetSources.addAll(snapshot.sources(t));
            }
            // an entity that cites its own source (a material's data sheet) is better cited by it than by the dataset
            sources.addAll(EntitySources.of(snapshot, bound.bindings().values()));
            if (sources.isEmpty()) {
                sources.addAll(datasetSources);
            }
            ObjectNode out = shape(result, bound, args, snapshot, query);
            return ToolResult.success(out, provenance(args, query, snapshot, used, sources, start));
        } catch (ToolFailure e) {
            return ToolResult.failure(e.error, provenance(args, query, snapshot, used, sources, start));
        } catch (SparqlException e) {
            return ToolResult.failure(KgToolErrors.of(e), provenance(args, query, snapshot, used, sources, start));
        }
    }

    private ObjectNode shape(SparqlResult result, SlotBinder.Bound bound, ObjectNode args, GraphSnapshot snapshot,
            StringBuilder query) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!bound.resolved().isEmpty()) {
            out.set("resolved", bound.resolved());
        }
        ResultSpec spec = definition.result();
        if (result.form() == SparqlResult.Form.ASK) {
            out.put("value", result.ask());
            return out;
        }
        if (result.rows().isEmpty() || allUnbound(result.rows().get(0), result.vars())) {
            String message = spec.empty() == null ? "The knowledge graph has no answer for these arguments."
                    : Templates.render(spec.empty(), name -> args.path(name).asText());
            if (spec.shape() == ResultSpec.Shape.SINGLE) {
                throw new ToolFailure("not_found", message, null);
            }
            out.putArray("rows");
            out.put("message", message);
            return out;
        }
        List<Map<String, String>> texts = new ArrayList<>();
        for (Binding b : result.rows()) {
            Map<String, String> row = new HashMap<>();
            for (Var v : result.vars()) {
                row.put(v.getVarName(), RowJson.text(b.get(v), snapshot.labels()));
            }
            texts.add(row);
        }
        Map<String, CalcValue> calculated = calculate(texts.get(0), args, query);
        if (!calculated.isEmpty()) {
            ObjectNode calcs = out.putObject("calculations");
            calculated.forEach((name, v) -> calcs.putObject(name).put("expression", v.expression())
                    .put("value", v.formattedValue()).put("unit", v.unit()).put("text", v.text())
                    .put("exact", v.exact()));
        }
        switch (spec.shape()) {
            case SINGLE -> {
                ObjectNode row = RowJson.row(result.rows().get(0), result.vars(), snapshot.labels());
                if (spec.value() != null) {
                    out.set("value", row.path(spec.value()));
                }
                out.set("values", row);
                if (spec.template() != null) {
                    out.put("text", render(spec.template(), lookup(texts.get(0), args, calculated)));
                }
            }
            case ROWS -> {
                ArrayNode rows = out.putArray("rows");
                result.rows().forEach(b -> rows.add(RowJson.row(b, result.vars(), snapshot.labels())));
                out.put("truncated", result.truncated());
                if (spec.template() != null) {
                    out.put("text", String.join("\n", texts.stream()
                            .map(row -> render(spec.template(), lookup(row, args, calculated))).toList()));
                }
            }
            case TEMPLATE -> {
                List<String> lines = new ArrayList<>();
                for (Map<String, String> row : texts) {
                    lines.add(render(spec.template(), lookup(row, args, calculated)));
                }
                out.put("text", String.join("\n", lines));
                ArrayNode rows = out.putArray("rows");
                result.rows().forEach(b -> rows.add(RowJson.row(b, result.vars(), snapshot.labels())));
                out.put("truncated", result.truncated());
            }
        }
        return out;
    }

    private Map<String, CalcValue> calculate(Map<String, String> row, ObjectNode args, StringBuilder query) {
        Map<String, CalcValue> results = new LinkedHashMap<>();
        for (Calculation c : definition.calculations()) {
            String expression = Templates.render(c.expression(), name -> {
                String v = row.containsKey(name) ? row.get(name) : args.path(name).asText("");
                if (!QUANTITY.matcher(v.strip()).matches()) {
                    throw new ToolFailure("invalid_arguments", "'" + name + "' must be a number and/or a unit (e.g. "
                            + "'2 L', 'kg') to be calculated with; got '" + v + "'.",
                            row.containsKey(name) ? null : "/" + name);
                }
                return v.strip();
            });
            query.append("\n# calculator ").append(c.name()).append(": ").append(expression);
            try {
                results.put(c.name(), calculator.evaluate(expression));
            } catch (CalcException e) {
                throw new ToolFailure(e.code(), "Calculation '" + c.name() + "' (" + expression + ") failed: "
                        + e.getMessage(), null);
            }
        }
        return results;
    }

    private static String render(String template, Function<String, String> values) {
        // an optional value left empty must not leave a stray space before punctuation
        return Templates.render(template, values).replaceAll(" +([,;.)])", "$1").replaceAll("  +", " ").strip();
    }

    private static Function<String, String> lookup(Map<String, String> row, JsonNode args,
            Map<String, CalcValue> calculated) {
        return name -> {
            if (calculated.containsKey(name)) {
                return calculated.get(name).text();
            }
            if (row.containsKey(name)) {
                return row.get(name);
            }
            return args.path(name).asText("");
        };
    }

    private static boolean allUnbound(Binding b, List<Var> vars) {
        // an aggregate over no rows still returns one row, with nothing bound
        return vars.stream().allMatch(v -> b.get(v) == null);
    }

    private Provenance provenance(ObjectNode args, StringBuilder query, GraphSnapshot snapshot,
            List<Provenance.Fact> facts, Set<String> sources, long start) {
        return new Provenance(definition.name(), args, query.toString(), snapshot.version(), facts,
                List.copyOf(sources), Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0);
    }
}
