package io.groundgate.kg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.jboss.logging.Logger;

/** SHACL validation of a whole version; violations reject it, warnings and infos are only logged. */
final class ShaclCheck {

    private static final Logger LOG = Logger.getLogger(ShaclCheck.class);
    private static final int MAX_PROBLEMS = 50;

    private ShaclCheck() {
    }

    /**
     * @param shapes the shapes
     * @param data the union of all graphs (with entailments)
     * @param files each file's graph by file name, to say where a focus node is described
     */
    static List<LoadProblem> validate(Shapes shapes, Graph data, Map<String, Graph> files) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<LoadProblem> problems = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            if (entry.severity() != Severity.Violation) {
                LOG.infof("SHACL %s at %s: %s", entry.severity().level().getLocalName(), entry.focusNode(),
                        entry.message());
                continue;
            }
            if (problems.size() == MAX_PROBLEMS) {
                break;
            }
            Node focus = entry.focusNode();
            String message = entry.message() == null ? "constraint violated" : entry.message();
            if (entry.value() != null && !message.contains(String.valueOf(entry.value()))) {
                message += " (value " + text(entry.value()) + ")";
            }
            problems.add(new LoadProblem(fileOf(focus, files), -1, -1, message, text(focus),
                    entry.resultPath() == null ? null : entry.resultPath().toString()));
        }
        return problems;
    }

    private static String fileOf(Node focus, Map<String, Graph> files) {
        for (Map.Entry<String, Graph> f : files.entrySet()) {
            if (f.getValue().contains(focus, Node.ANY, Node.ANY)) {
                return f.getKey();
            }
        }
        for (Map.Entry<String, Graph> f : files.entrySet()) {
            if (f.getValue().contains(Node.ANY, Node.ANY, focus)) {
                return f.getKey();
            }
        }
        return null;
    }

    private static String text(Node node) {
        return node.isURI() ? node.getURI() : EntityDescription.Fact.text(node);
    }
}
