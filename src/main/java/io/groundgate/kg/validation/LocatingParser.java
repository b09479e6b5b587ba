package io.groundgate.kg.validation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.RiotParsers;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDFStd;
import org.apache.jena.riot.system.ParserProfileStd;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.jboss.logging.Logger;

/**
 * Parses one file into a graph and records where each triple was written, so later checks (undeclared terms, ranges,
 * SHACL) can say file:line. Literals whose text does not fit their datatype ({@code "twenty-eight"^^xsd:integer}) are
 * collected as located errors: Jena accepts them with a warning, but such a value would silently drop out of every
 * numeric comparison. Turtle, N-Triples, TriG and N-Quads get positions; RDF/XML and JSON-LD name the file only.
 */
public final class LocatingParser {

    private static final Logger LOG = Logger.getLogger(LocatingParser.class);
    /** Ill-typed literals reported per file; more are counted, not listed. */
    static final int MAX_PER_FILE = 50;

    /**
     * A parsed file.
     *
     * @param graph its triples (TriG and N-Quads flattened)
     * @param prefixes its prefix declarations
     * @param positions where each triple was written
     * @param illTyped the literals that do not fit their datatype, located
     */
    public record Result(Graph graph, Map<String, String> prefixes, Positions positions, List<Finding> illTyped) {
    }

    private LocatingParser() {
    }

    /**
     * @throws RiotParseException on a syntax error, with its line and column
     */
    public static Result parse(String name, Lang lang, byte[] content) {
        Graph graph = GraphFactory.createDefaultGraph();
        Map<String, String> prefixes = new LinkedHashMap<>();
        List<Finding> illTyped = new ArrayList<>();
        String base = "file:///" + name.replace(" ", "%20");
        StreamRDFBase sink = new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                graph.add(triple);
            }

            @Override
            public void quad(Quad quad) {
                graph.add(quad.asTriple());
            }

            @Override
            public void prefix(String prefix, String iri) {
                prefixes.putIfAbsent(prefix, iri);
            }
        };
        ReaderRIOTFactory factory = tokenised(lang);
        if (factory != null) {
            Positions positions = Positions.recording();
            Profile profile = new Profile(base, positions, name, illTyped);
            factory.create(lang, profile).read(new ByteArrayInputStream(content), base, null, sink,
                    RIOT.getContext().copy());
            return new Result(graph, prefixes, positions, capped(name, illTyped));
        }
        RDFParser.source(new ByteArrayInputStream(content)).lang(lang).base(base).errorHandler(THROWING).parse(sink);
        graph.find().forEach(t -> {
            Node o = t.getObject();
            if (o.isLiteral() && o.getLiteralDatatype() instanceof XSDDatatype dt && !dt.isValid(o.getLiteralLexicalForm())) {
                illTyped.add(new Finding(name, -1, -1, illTypedMessage(o.getLiteralLexicalForm(), dt)));
            }
        });
        return new Result(graph, prefixes, Positions.none(), capped(name, illTyped));
    }

    private static List<Finding> capped(String name, List<Finding> all) {
        if (all.size() <= MAX_PER_FILE) {
            return List.copyOf(all);
        }
        List<Finding> shown = new ArrayList<>(all.subList(0, MAX_PER_FILE));
        shown.add(new Finding(name, -1, -1, "… and " + (all.size() - MAX_PER_FILE) + " more ill-typed literals."));
        return List.copyOf(shown);
    }

    private static ReaderRIOTFactory tokenised(Lang lang) {
        if (Lang.TURTLE.equals(lang)) {
            return RiotParsers.factoryTTL;
        }
        if (Lang.NTRIPLES.equals(lang)) {
            return RiotParsers.factoryNT;
        }
        if (Lang.TRIG.equals(lang)) {
            return RiotParsers.factoryTRIG;
        }
        if (Lang.NQUADS.equals(lang)) {
            return RiotParsers.factoryNQ;
        }
        return null;
    }

    /** A message an expert can act on, e.g. {@code "twenty-eight" is not a valid xsd:integer; write digits only, e.g. 42}. */
    static String illTypedMessage(String lexical, RDFDatatype datatype) {
        String local = datatype.getURI().substring(datatype.getURI().lastIndexOf('#') + 1);
        return "Ill-typed literal: \"" + lexical + "\" is not a valid xsd:" + local + hint(local) + ".";
    }

    private static String hint(String xsdLocal) {
        return switch (xsdLocal) {
            case "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                    "unsignedByte" -> "; write digits only, e.g. 42";
            case "decimal" -> "; write digits with an optional decimal point, e.g. 3.5";
            case "double", "float" -> "; write a number such as 3.5 or 1.2E3";
            case "date" -> "; write YYYY-MM-DD, e.g. 2024-05-31";
            case "dateTime" -> "; write YYYY-MM-DDThh:mm:ss, e.g. 2024-05-31T12:00:00";
            case "gYear" -> "; write a year such as 2024";
            case "boolean" -> "; write true or false";
            default -> "";
        };
    }

    /** Turns every parser error into an exception carrying line and column; warnings are logged. */
    public static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
            LOG.debugf("RDF warning at %d:%d: %s", line, col, message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotParseException(message, line, col);
        }
    };

    /** The standard profile, recording each triple's position and each ill-typed literal. */
    private static final class Profile extends ParserProfileStd {

        private final Positions positions;
        private final String file;
        private final List<Finding> illTyped;

        Profile(String base, Positions positions, String file, List<Finding> illTyped) {
            super(new FactoryRDFStd(), THROWING, IRIxResolver.create(base).build(), PrefixMapFactory.create(),
                    RIOT.getContext().copy(), true, false);
            this.positions = positions;
            this.file = file;
            this.illTyped = illTyped;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            Triple t = super.createTriple(subject, predicate, object, line, col);
            positions.record(t, line, col);
            return t;
        }

        @Override
        public Quad createQuad(Node graph, Node subject, Node predicate, Node object, long line, long col) {
            Quad q = super.createQuad(graph, subject, predicate, object, line, col);
            positions.record(q.asTriple(), line, col);
            return q;
        }

        @Override
        public Node createTypedLiteral(String lexical, RDFDatatype datatype, long line, long col) {
            Node n = super.createTypedLiteral(lexical, datatype, line, col);
            if (datatype instanceof XSDDatatype && !datatype.isValid(lexical)) {
                illTyped.add(new Finding(file, line, col, illTypedMessage(lexical, datatype)));
            }
            return n;
        }
    }
}
