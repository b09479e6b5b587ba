package io.groundgate.kg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.jboss.logging.Logger;

import io.groundgate.kg.validation.Position;
import io.groundgate.kg.validation.ShaclMessages;
import io.groundgate.kg.validation.SourceGraph;

/**
 * SHACL validation of a whole version; violations reject it, warnings and infos are only logged. Each violation names
 * the file and line of the focus node's triple, the shape, and says in plain words what to fix.
 */
final class ShaclCheck {

    private static final Logger LOG = Logger.getLogger(ShaclCheck.class);
    private static final int MAX_PROBLEMS = 50;
    private static final int MAX_LOGGED = 20;

    private ShaclCheck() {
    }

    /**
     * @param shapes the shapes
     * @param shapesGraph the shapes as triples, to name blank property shapes by their node shape
     * @param data the union of all graphs (with entailments)
     * @param files each file's graph and triple positions, to say where a focus node is described
     * @param compact renders IRIs with the files' prefixes
     */
    static List<LoadProblem> validate(Shapes shapes, Graph shapesGraph, Graph data, List<SourceGraph> files,
            UnaryOperator<String> compact) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        ShaclMessages messages = new ShaclMessages(shapesGraph, compact);
        List<LoadProblem> problems = new ArrayList<>();
        int violations = 0;
        for (ReportEntry entry : report.getEntries()) {
            if (entry.severity() != Severity.Violation) {
                LOG.infof("SHACL %s at %s: %s", entry.severity().level().getLocalName(), entry.focusNode(),
                        entry.message());
                continue;
            }
            if (violations++ >= MAX_PROBLEMS) {
                continue;
            }
            Node focus = entry.focusNode();
            Node predicate = entry.resultPath() instanceof P_Link link ? link.getNode() : null;
            SourceGraph file = fileOf(focus, files);
            Position at = file == null ? null : file.positions().of(focus, predicate);
            String message = messages.message(entry) + " (shape `" + messages.shapeName(entry) + "`)";
            LoadProblem problem = new LoadProblem(file == null ? null : file.file(), at == null ? -1 : at.line(),
                    at == null ? -1 : at.column(), message, text(focus),
                    entry.resultPath() == null ? null : entry.resultPath().toString());
            problems.add(problem);
            if (violations <= MAX_LOGGED) {
                LOG.warnf("SHACL violation %s", problem.describe());
            }
        }
        if (violations > MAX_PROBLEMS) {
            problems.add(LoadProblem.of(null, "… and " + (violations - MAX_PROBLEMS) + " more SHACL violations."));
        }
        if (violations > MAX_LOGGED) {
            LOG.warnf("… and %d more SHACL violations (see GET /admin/kg)", violations - MAX_LOGGED);
        }
        return problems;
    }

    private static SourceGraph fileOf(Node focus, List<SourceGraph> files) {
        for (SourceGraph f : files) {
            if (f.graph().contains(focus, Node.ANY, Node.ANY)) {
                return f;
            }
        }
        for (SourceGraph f : files) {
            if (f.graph().contains(Node.ANY, Node.ANY, focus)) {
                return f;
            }
        }
        return null;
    }

    private static String text(Node node) {
        return node.isURI() ? node.getURI() : EntityDescription.Fact.text(node);
    }
}
