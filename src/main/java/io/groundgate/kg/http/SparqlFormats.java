package io.groundgate.kg.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.resultset.ResultSetWriterRegistry;
import org.apache.jena.sparql.resultset.ResultsWriter;

import io.groundgate.kg.SparqlResult;

/** Content negotiation and serialisation for {@code /sparql} results. */
final class SparqlFormats {

    /** A media type we can produce, and the Jena language that writes it. */
    record Format(String mediaType, Lang lang) {
    }

    static final List<Format> RESULTS = List.of(
            new Format("application/sparql-results+json", ResultSetLang.RS_JSON),
            new Format("application/sparql-results+xml", ResultSetLang.RS_XML),
            new Format("text/csv", ResultSetLang.RS_CSV),
            new Format("text/tab-separated-values", ResultSetLang.RS_TSV),
            new Format("application/json", ResultSetLang.RS_JSON),
            new Format("application/xml", ResultSetLang.RS_XML));

    static final List<Format> GRAPHS = List.of(
            new Format("text/turtle", Lang.TURTLE),
            new Format("application/n-triples", Lang.NTRIPLES),
            new Format("application/ld+json", Lang.JSONLD),
            new Format("application/rdf+xml", Lang.RDFXML),
            new Format("text/plain", Lang.NTRIPLES),
            new Format("application/json", Lang.JSONLD));

    static {
        ResultSetWriterRegistry.init();
    }

    private SparqlFormats() {
    }

    /** The best format for an Accept header, or null when none is acceptable. */
    static Format negotiate(String accept, List<Format> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        record Range(String type, double q, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] params = parts[i].split(";");
            String type = params[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int j = 1; j < params.length; j++) {
                String p = params[j].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !type.isEmpty()) {
                ranges.add(new Range(type, q, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        for (Range r : ranges) {
            for (Format f : offered) {
                if (r.type().equals(f.mediaType())) {
                    return f;
                }
            }
            if (r.type().equals("*/*")) {
                return offered.get(0);
            }
            if (r.type().endsWith("/*")) {
                String major = r.type().substring(0, r.type().length() - 1);
                for (Format f : offered) {
                    if (f.mediaType().startsWith(major)) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    static byte[] write(SparqlResult result, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (result.form()) {
            case SELECT -> ResultsWriter.create().lang(format.lang()).build().write(out, result.rowSet());
            case ASK -> ResultsWriter.create().lang(format.lang()).build().write(out, result.ask());
            default -> {
                if (format.lang().equals(Lang.TURTLE)) {
                    RDFWriter.source(result.graph()).format(RDFFormat.TURTLE_BLOCKS).output(out);
                } else {
                    RDFWriter.source(result.graph()).lang(format.lang()).output(out);
                }
            }
        }
        return out.toByteArray();
    }

    static String contentType(Format format) {
        return format.mediaType().startsWith("text/") ? format.mediaType() + "; charset=utf-8" : format.mediaType();
    }
}
