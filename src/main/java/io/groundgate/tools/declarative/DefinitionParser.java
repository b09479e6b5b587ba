package io.groundgate.tools.declarative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.tools.kg.Terms;
import io.groundgate.tools.schema.JsonSchema;

/**
 * Reads and validates one tool file: YAML or JSON syntax, the fields, a well-formed argument schema, a SPARQL query that
 * parses and is a SELECT or ASK, slots that bind declared arguments to variables of the query, and placeholders that
 * name something that exists. Every problem is reported with its line and column.
 */
final class DefinitionParser {

    static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FIELDS = Set.of("name", "description", "parameters", "slots", "sparql", "result",
            "calculate");
    private static final Set<String> SLOT_FIELDS = Set.of("kind", "variable", "class", "match", "datatype", "lang");
    private static final Set<String> RESULT_FIELDS = Set.of("shape", "value", "template", "empty", "limit");
    private static final Set<String> JSON_TYPES = Set.of("string", "integer", "number", "boolean");
    private static final int MAX_ROWS = 1000;

    private final ObjectMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Whether a file name is a tool file. */
    static boolean isToolFile(String fileName) {
        String n = fileName.toLowerCase();
        return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }

    ToolDefinition parse(String file, String text) {
        ObjectMapper mapper = file.toLowerCase().endsWith(".json") ? json : yaml;
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DefinitionException((mapper == yaml ? "YAML" : "JSON") + " syntax error: "
                    + e.getOriginalMessage(), syntaxErrorAt(e));
        }
        if (root == null || !root.isObject()) {
            throw new DefinitionException("The file must hold one object with name, description, parameters, slots, "
                    + "sparql and result.", 1, 1);
        }
        return new Reader(file, (ObjectNode) root, SourceLocations.of(mapper.getFactory(), text)).read();
    }

    /**
     * Where a syntax error is, 1-based. For YAML, the place SnakeYAML found the problem, as its message names it
     * ("found … in 'reader', line 3, column 1"): Jackson's own location is where its parser stood, e.g. after the
     * last key, which the message does not mention. Else, or without that mark, the place the message starts from.
     */
    static DefinitionException.Location syntaxErrorAt(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            if (mark != null) {
                return new DefinitionException.Location(mark.getLine() + 1, mark.getColumn() + 1);
            }
        }
        var l = e.getLocation();
        return l == null ? null : new DefinitionException.Location(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    /** Validates one parsed file. */
    private static final class Reader {
        private final String file;
        private final ObjectNode root;
        private final SourceLocations at;

        Reader(String file, ObjectNode root, SourceLocations at) {
            this.file = file;
            this.root = root;
            this.at = at;
        }

        ToolDefinition read() {
            unknownFields(root, "", FIELDS);
            String name = text("/name");
            if (!TOOL_NAME.matcher(name).matches()) {
                throw fail("/name", "The name '" + name + "' is not a valid tool name: use 1 to 64 letters, digits, "
                        + "'_' or '-'.");
            }
            String description = text("/description");
            ObjectNode parameters = parameters();
            String sparql = text("/sparql");
            Query query = query(sparql);
            Set<String> queryVars = variablesIn(sparql);
            List<Slot> slots = slots(parameters, query, queryVars);
            Set<String> resultVars = new LinkedHashSet<>();
            query.getProjectVars().forEach(v -> resultVars.add(v.getVarName()));
            List<Calculation> calculations = calculations(parameters, resultVars);
            ResultSpec result = result(parameters, query, resultVars, calculations);
            unusedParameters(parameters, slots, result, calculations);
            return new ToolDefinition(file, name, description, parameters, slots, sparql, query, result, calculations);
        }

        private ObjectNode parameters() {
            JsonNode p = root.get("parameters");
            if (p == null || !p.isObject()) {
                throw fail("/parameters", "'parameters' must be a JSON Schema object: type: object, properties, "
                        + "required.");
            }
            ObjectNode schema = ((ObjectNode) p).deepCopy();
            if (!"object".equals(schema.path("type").asText())) {
                throw fail("/parameters/type", "'parameters' must have type: object.");
            }
            JsonNode props = schema.path("properties");
            if (!props.isObject()) {
                throw fail("/parameters", "'parameters' needs 'properties' (an object, one entry per argument).");
            }
            Iterator<Map.Entry<String, JsonNode>> it = props.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String ptr = "/parameters/properties/" + e.getKey();
                if (!IDENTIFIER.matcher(e.getKey()).matches()) {
                    throw failKey(ptr, "The argument name '" + e.getKey() + "' must be a letter or '_' followed by "
                            + "letters, digits or '_'.");
                }
                JsonNode prop = e.getValue();
                if (!prop.isObject() || !JSON_TYPES.contains(prop.path("type").asText())) {
                    throw fail(ptr, "Argument '" + e.getKey() + "' needs a type: string, integer, number or boolean.");
                }
                if (!prop.path("description").isTextual() || prop.path("description").asText().isBlank()) {
                    throw fail(ptr, "Argument '" + e.getKey() + "' needs a description (models read it).");
                }
                if (prop.has("pattern")) {
                    try {
                        Pattern.compile(prop.path("pattern").asText());
                    } catch (PatternSyntaxException x) {
                        throw fail(ptr + "/pattern", "The pattern is not a valid regular expression: "
                                + x.getDescription() + ".");
                    }
                }
                if (prop.has("enum") && !prop.get("enum").isArray()) {
                    throw fail(ptr + "/enum", "'enum' must be a list.");
                }
            }
            JsonNode required = schema.path("required");
            if (!required.isMissingNode()) {
                if (!required.isArray()) {
                    throw fail("/parameters/required", "'required' must be a list of argument names.");
                }
                for (int i = 0; i < required.size(); i++) {
                    if (!props.has(required.get(i).asText())) {
                        throw fail("/parameters/required/" + i, "Required argument '" + required.get(i).asText()
                                + "' is not declared under properties.");
                    }
                }
            } else {
                schema.putArray("required");
            }
            if (schema.has("additionalProperties") && !schema.get("additionalProperties").equals(
                    BooleanNode.FALSE)) {
                throw fail("/parameters/additionalProperties", "additionalProperties must be false (or left out): "
                        + "a tool takes exactly the arguments it declares.");
            }
            schema.put("additionalProperties", false);
            try {
                JsonSchema.compile(schema);
            } catch (IllegalArgumentException x) {
                throw fail("/parameters", "The parameters schema is malformed: " + x.getMessage() + ".");
            }
            return schema;
        }

        private Query query(String sparql) {
            try {
                Query q = SparqlGuard.parse(sparql);
                if (!q.isSelectType() && !q.isAskType()) {
                    throw fail("/sparql", "The query must be a SELECT or an ASK.");
                }
                return q;
            } catch (SparqlException e) {
                if (e.kind() == SparqlException.Kind.SYNTAX) {
                    DefinitionException.Location l = at.inside("/sparql", e.line(), e.column());
                    throw new DefinitionException(e.getMessage().replaceFirst("^SPARQL syntax error at line (\\d+), "
                            + "column (\\d+)", "SPARQL syntax error at line $1, column $2 of the query"), l);
                }
                throw fail("/sparql", e.getMessage());
            }
        }

        private List<Slot> slots(ObjectNode parameters, Query query, Set<String> queryVars) {
            JsonNode slots = root.path("slots");
            if (slots.isMissingNode() || slots.isNull()) {
                return List.of();
            }
            if (!slots.isObject()) {
                throw fail("/slots", "'slots' must map argument names to how they bind query variables.");
            }
            Map<String, String> prefixes = query.getPrefixMapping().getNsPrefixMap();
            List<Slot> list = new ArrayList<>();
            Set<String> boundVars = new HashSet<>();
            Iterator<Map.Entry<String, JsonNode>> it = slots.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String param = e.getKey();
                String ptr = "/slots/" + param;
                if (!parameters.path("properties").has(param)) {
                    throw failKey(ptr, "Slot '" + param + "' does not name an argument declared under "
                            + "parameters.properties.");
                }
                JsonNode s = e.getValue();
                if (!s.isObject()) {
                    throw fail(ptr, "Slot '" + param + "' must be an object with at least 'kind' (iri or literal).");
                }
                unknownFields((ObjectNode) s, ptr, SLOT_FIELDS);
                String var = s.path("variable").asText(param);
                if (var.startsWith("?") || var.startsWith("$")) {
                    var = var.substring(1);
                }
                if (!IDENTIFIER.matcher(var).matches() || !queryVars.contains(var)) {
                    throw fail(s.has("variable") ? ptr + "/variable" : ptr, "Slot '" + param + "' binds ?" + var
                            + ", which the query does not use.");
                }
                if (!boundVars.add(var)) {
                    throw fail(ptr, "?" + var + " is bound by two slots.");
                }
                String kind = s.path("kind").asText("");
                list.add(switch (kind) {
                    case "iri" -> iriSlot(param, var, (ObjectNode) s, ptr, prefixes);
                    case "literal" -> literalSlot(param, var, (ObjectNode) s, ptr, prefixes);
                    default -> throw fail(ptr + "/kind", "Slot '" + param + "' needs kind: iri (an entity found by "
                            + "name or IRI) or literal (a typed value).");
                });
            }
            return list;
        }

        private Slot iriSlot(String param, String var, ObjectNode s, String ptr, Map<String, String> prefixes) {
            List<String> classes = new ArrayList<>();
            JsonNode cls = s.path("class");
            List<JsonNode> named = new ArrayList<>();
            if (cls.isArray()) {
                cls.forEach(named::add);
            } else if (!cls.isMissingNode()) {
                named.add(cls);
            }
            for (JsonNode c : named) {
                classes.add(Terms.iri(c.asText(), prefixes).orElseThrow(() -> fail(ptr + "/class", "'class' must be "
                        + "an IRI or a prefixed name declared in the query's PREFIXes (or a list of them).")));
            }
            List<String> match = new ArrayList<>();
            JsonNode m = s.path("match");
            if (!m.isMissingNode()) {
                if (!m.isArray()) {
                    throw fail(ptr + "/match", "'match' must be a list of properties.");
                }
                for (int i = 0; i < m.size(); i++) {
                    int index = i;
                    match.add(Terms.iri(m.get(i).asText(), prefixes).orElseThrow(() -> fail(ptr + "/match/" + index,
                            "'" + m.get(index).asText() + "' is not an IRI or a prefixed name declared in the query.")));
                }
            }
            if (s.has("datatype") || s.has("lang")) {
                throw fail(ptr, "'datatype' and 'lang' belong to literal slots.");
            }
            return new Slot(param, Var.alloc(var), Slot.Kind.IRI, classes, match, null, null);
        }

        private Slot literalSlot(String param, String var, ObjectNode s, String ptr, Map<String, String> prefixes) {
            RDFDatatype datatype = null;
            if (s.has("datatype")) {
                String iri = Terms.iri(s.path("datatype").asText(), prefixes).or(() -> Terms.iri(s.path("datatype")
                        .asText(), Map.of("xsd", "http://www.w3.org/2001/XMLSchema#"))).orElse(null);
                datatype = iri == null ? null : TypeMapper.getInstance().getTypeByName(iri);
                if (datatype == null) {
                    throw fail(ptr + "/datatype", "Unknown datatype '" + s.path("datatype").asText()
                            + "'; use an XSD datatype such as xsd:decimal, xsd:integer, xsd:string, xsd:date.");
                }
            }
            if (s.has("class") || s.has("match")) {
                throw fail(ptr, "'class' and 'match' belong to iri slots.");
            }
            String lang = s.has("lang") ? s.path("lang").asText() : null;
            if (lang != null && datatype != null) {
                throw fail(ptr + "/lang", "A literal has either a datatype or a language tag, not both.");
            }
            return new Slot(param, Var.alloc(var), Slot.Kind.LITERAL, List.of(), List.of(), datatype, lang);
        }

        private List<Calculation> calculations(ObjectNode parameters, Set<String> resultVars) {
            JsonNode c = root.path("calculate");
            if (c.isMissingNode() || c.isNull()) {
                return List.of();
            }
            if (!c.isArray()) {
                throw fail("/calculate", "'calculate' must be a list of {name, expression}.");
            }
            List<Calculation> list = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < c.size(); i++) {
                String ptr = "/calculate/" + i;
                JsonNode step = c.get(i);
                if (!step.isObject()) {
                    throw fail(ptr, "Each calculation is an object with name and expression.");
                }
                unknownFields((ObjectNode) step, ptr, Set.of("name", "expression"));
                String name = text(ptr + "/name");
                if (!IDENTIFIER.matcher(name).matches() || !names.add(name) || resultVars.contains(name)) {
                    throw fail(ptr + "/name", "Calculation name '" + name + "' must be an identifier different from "
                            + "the other calculations and the query's variables.");
                }
                String expression = text(ptr + "/expression");
                for (String ref : Templates.names(expression)) {
                    if (!resultVars.contains(ref) && !parameters.path("properties").has(ref)) {
                        throw fail(ptr + "/expression", "{" + ref + "} is neither a variable the query returns nor "
                                + "an argument.");
                    }
                }
                list.add(new Calculation(name, expression));
            }
            return list;
        }

        private ResultSpec result(ObjectNode parameters, Query query, Set<String> resultVars,
                List<Calculation> calculations) {
            JsonNode r = root.path("result");
            if (r.isMissingNode() || r.isNull()) {
                return new ResultSpec(ResultSpec.Shape.ROWS, null, null, null, 100);
            }
            if (!r.isObject()) {
                throw fail("/result", "'result' must be an object with a shape: rows, single or template.");
            }
            unknownFields((ObjectNode) r, "/result", RESULT_FIELDS);
            ResultSpec.Shape shape = switch (r.path("shape").asText("rows")) {
                case "rows" -> ResultSpec.Shape.ROWS;
                case "single" -> ResultSpec.Shape.SINGLE;
                case "template" -> ResultSpec.Shape.TEMPLATE;
                default -> throw fail("/result/shape", "shape must be rows, single or template.");
            };
            if (query.isAskType() && shape != ResultSpec.Shape.SINGLE) {
                throw fail("/result/shape", "An ASK query answers a single boolean: use shape: single.");
            }
            String value = r.has("value") ? r.get("value").asText() : null;
            if (value != null && !resultVars.contains(value)) {
                throw fail("/result/value", "'value' must be a variable the query returns; it returns "
                        + resultVars + ".");
            }
            String template = r.has("template") ? r.get("template").asText() : null;
            if (shape == ResultSpec.Shape.TEMPLATE && (template == null || template.isBlank())) {
                throw fail("/result", "shape: template needs a 'template'.");
            }
            Set<String> known = new HashSet<>(resultVars);
            parameters.path("properties").fieldNames().forEachRemaining(known::add);
            calculations.forEach(c -> known.add(c.name()));
            for (String ref : Templates.names(template)) {
                if (!known.contains(ref)) {
                    throw fail("/result/template", "{" + ref + "} is neither a returned variable, an argument nor a "
                            + "calculation.");
                }
            }
            String empty = r.has("empty") ? r.get("empty").asText() : null;
            for (String ref : Templates.names(empty)) {
                if (!parameters.path("properties").has(ref)) {
                    throw fail("/result/empty", "{" + ref + "} in 'empty' must be an argument.");
                }
            }
            int limit = r.path("limit").asInt(100);
            if (limit < 1 || limit > MAX_ROWS) {
                throw fail("/result/limit", "limit must be from 1 to " + MAX_ROWS + ".");
            }
            return new ResultSpec(shape, value, template, empty, limit);
        }

        private void unusedParameters(ObjectNode parameters, List<Slot> slots, ResultSpec result,
                List<Calculation> calculations) {
            Set<String> used = new HashSet<>();
            slots.forEach(s -> used.add(s.parameter()));
            used.addAll(Templates.names(result.template()));
            used.addAll(Templates.names(result.empty()));
            calculations.forEach(c -> used.addAll(Templates.names(c.expression())));
            Iterator<String> names = parameters.path("properties").fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!used.contains(n)) {
                    throw failKey("/parameters/properties/" + n, "Argument '" + n + "' is declared but never used: "
                            + "give it a slot, or use {" + n + "} in a template or a calculation.");
                }
            }
        }

        private void unknownFields(ObjectNode node, String ptr, Set<String> allowed) {
            node.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw failKey(ptr + "/" + f, "Unknown field '" + f + "'; expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + ".");
                }
            });
        }

        private String text(String ptr) {
            JsonNode n = root.at(ptr);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw fail(ptr, "'" + ptr.substring(ptr.lastIndexOf('/') + 1) + "' is required and must be text.");
            }
            return n.asText();
        }

        private DefinitionException fail(String ptr, String message) {
            return new DefinitionException(message, at.of(ptr));
        }

        private DefinitionException failKey(String ptr, String message) {
            return new DefinitionException(message, at.keyOf(ptr));
        }
    }

    /** The variables a query text mentions ({@code ?x} or {@code $x}), anywhere. */
    static Set<String> variablesIn(String sparql) {
        Set<String> vars = new HashSet<>();
        Matcher m = Pattern.compile("[?$]([A-Za-z_][A-Za-z0-9_]*)").matcher(sparql);
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }
}
