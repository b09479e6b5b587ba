package io.groundgate.evals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;

/** The demo knowledge base ({@code ontologies/*.ttl}, without the SHACL shapes) loaded into memory for SPARQL. */
final class Kb {

    /** Prefixes the question set's queries may use; each query declares only those it uses. */
    static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        PREFIXES.put("skos", "http://www.w3.org/2004/02/skos/core#");
        PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        PREFIXES.put("math", "http://www.w3.org/2005/xpath-functions/math#");
        PREFIXES.put("gg", "https://w3id.org/groundgate/ontology#");
        PREFIXES.put("element", "https://w3id.org/groundgate/resource/element/");
        PREFIXES.put("category", "https://w3id.org/groundgate/resource/category/");
        PREFIXES.put("phase", "https://w3id.org/groundgate/resource/phase/");
        PREFIXES.put("material", "https://w3id.org/groundgate/resource/material/");
        PREFIXES.put("country", "https://w3id.org/groundgate/resource/country/");
        PREFIXES.put("city", "https://w3id.org/groundgate/resource/city/");
        PREFIXES.put("continent", "https://w3id.org/groundgate/resource/continent/");
        PREFIXES.put("currency", "https://w3id.org/groundgate/resource/currency/");
        PREFIXES.put("language", "https://w3id.org/groundgate/resource/language/");
    }

    private final Model model;
    private final PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PREFIXES);

    private Kb(Model model) {
        this.model = model;
    }

    static Kb load(Path ontologies) {
        Model model = ModelFactory.createDefaultModel();
        try (Stream<Path> files = Files.list(ontologies)) {
            files.filter(f -> f.toString().endsWith(".ttl")).sorted().forEach(f -> RDFDataMgr.read(model, f.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Kb(model);
    }

    /** Prepends the PREFIX lines the body uses. */
    static String withPrefixes(String body) {
        StringBuilder sb = new StringBuilder();
        PREFIXES.forEach((p, ns) -> {
            if (body.matches("(?s).*(?<![\\w/#])" + p + ":.*")) {
                sb.append("PREFIX ").append(p).append(": <").append(ns).append("> ");
            }
        });
        return sb.append(body).toString();
    }

    /** Runs a SELECT; every value as its lexical form (literals) or prefixed name (IRIs). */
    List<Map<String, String>> select(String sparql) {
        Query query = QueryFactory.create(sparql.contains("PREFIX ") ? sparql : withPrefixes(sparql));
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(query, model)) {
            ResultSet results = exec.execSelect();
            List<String> vars = results.getResultVars();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                Map<String, String> values = new LinkedHashMap<>();
                for (String var : vars) {
                    RDFNode node = row.get(var);
                    if (node != null) {
                        values.put(var, node.isLiteral() ? node.asLiteral().getLexicalForm()
                                : node.isURIResource() ? prefixes.shortForm(node.asResource().getURI()) : node.toString());
                    }
                }
                rows.add(values);
            }
        }
        return rows;
    }

    boolean ask(String sparql) {
        Query query = QueryFactory.create(sparql.contains("PREFIX ") ? sparql : withPrefixes(sparql));
        try (QueryExecution exec = QueryExecution.create(query, model)) {
            return exec.execAsk();
        }
    }

    static boolean isAsk(String sparql) {
        return QueryFactory.create(sparql).isAskType();
    }
}
