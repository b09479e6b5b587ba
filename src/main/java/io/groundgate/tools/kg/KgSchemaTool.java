package io.groundgate.tools.kg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.SchemaSummary;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/** {@code kg_schema}: the classes and properties of the graph, what a model needs to write SPARQL. */
@ApplicationScoped
public class KgSchemaTool implements Tool {

    public static final String NAME = "kg_schema";

    private final KnowledgeGraph kg;
    private final ToolSpec spec = new ToolSpec(NAME, """
            Show what the knowledge graph holds, learned from its data: PREFIX lines, classes (with instance counts and \
            superclasses) and under each the properties its instances really use (share of instances, kind of value: \
            number, date, name, identifier, category values, resource class; units; examples; value-node paths such \
            as ex:price/ex:amount), and paths between classes. Read it before writing a sparql_query. Pass 'class' \
            to see one class in full: all its properties with examples, what points at it, and its paths.""", ObjectSchema.object()
            .string("class", "Only this class: its IRI, prefixed name (gg:Country) or label ('country').", 300)
            .build());

    public KgSchemaTool(KnowledgeGraph kg) {
        this.kg = kg;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult execute(ObjectNode arguments, ToolContext context) {
        Calls call = new Calls(NAME, arguments);
        GraphSnapshot snapshot = kg.snapshot();
        SchemaSummary schema = snapshot.schema();
        try {
            Args.noOthers(arguments, Set.of("class"));
            String cls = Args.optionalText(arguments, "class");
            if (cls == null) {
                ObjectNode result = JsonNodeFactory.instance.objectNode();
                result.put("classes", schema.classes().size());
                result.put("properties", schema.properties().size());
                result.put("text", snapshot.profile().classes().isEmpty() ? schema.text() : snapshot.profile().text());
                return ToolResult.success(result, call.provenance("schema summary", snapshot.version(), List.of(),
                        List.of()));
            }
            String iri = EntityResolver.classIri(snapshot, cls).orElse(null);
            if (iri == null) {
                return ToolResult.failure(new ToolError("not_found", "No class '" + cls
                        + "' in the knowledge graph. Call kg_schema without 'class' to list the classes.", "/class"),
                        call.provenance("schema summary", snapshot.version(), List.of(), List.of()));
            }
            ObjectNode view = classView(schema, iri);
            String text = snapshot.profile().text(iri);
            if (!text.isEmpty()) {
                view.put("text", text);
            }
            return ToolResult.success(view, call.provenance("schema summary of class <" + iri + ">",
                    snapshot.version(), List.of(), List.of()));
        } catch (Args.Invalid e) {
            return ToolResult.failure(KgToolErrors.invalid(e), call.provenance("schema summary", snapshot.version(),
                    List.of(), List.of()));
        }
    }

    private static ObjectNode classView(SchemaSummary schema, String iri) {
        SchemaSummary.ClassInfo info = schema.classInfo(iri).orElseThrow();
        Set<String> lineage = superClasses(schema, iri);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode prefixes = o.putObject("prefixes");
        new TreeMap<>(schema.prefixes()).forEach(prefixes::put);
        ObjectNode c = o.putObject("class");
        c.put("iri", info.iri());
        putIfSet(c, "label", info.label());
        putIfSet(c, "comment", info.comment());
        c.put("instances", info.instances());
        strings(c.putArray("superclasses"), lineage.stream().filter(s -> !s.equals(iri)).toList());
        strings(c.putArray("subclasses"), schema.classes().stream().filter(x -> x.superClasses().contains(iri))
                .map(SchemaSummary.ClassInfo::iri).toList());
        ArrayNode props = o.putArray("properties");
        for (SchemaSummary.PropertyInfo p : schema.properties()) {
            boolean asDomain = p.domains().stream().anyMatch(lineage::contains);
            boolean asRange = p.ranges().contains(iri);
            if (!asDomain && !asRange) {
                continue;
            }
            ObjectNode prop = props.addObject();
            prop.put("iri", p.iri());
            putIfSet(prop, "label", p.label());
            prop.put("kind", p.kind() == SchemaSummary.PropertyKind.DATATYPE ? "datatype" : "object");
            prop.put("role", asDomain ? "domain" : "range");
            strings(prop.putArray("domains"), p.domains());
            strings(prop.putArray("ranges"), p.ranges());
            putIfSet(prop, "unit", p.unit());
            if (!p.altLabels().isEmpty()) {
                strings(prop.putArray("alt_labels"), p.altLabels());
            }
            putIfSet(prop, "comment", p.comment());
            prop.put("uses", p.uses());
        }
        return o;
    }

    /** The class and all its named superclasses. */
    private static Set<String> superClasses(SchemaSummary schema, String iri) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(iri));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                schema.classInfo(next).ifPresent(c -> todo.addAll(c.superClasses()));
            }
        }
        return seen;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
