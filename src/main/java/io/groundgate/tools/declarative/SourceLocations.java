package io.groundgate.tools.declarative;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Where each value of a YAML or JSON document starts, by JSON pointer, so that a problem found in the tree can still
 * be reported with a line and column. Field names are recorded under {@code pointer + "#key"}.
 */
final class SourceLocations {

    private final Map<String, DefinitionException.Location> locations;
    private final String[] lines;

    private SourceLocations(Map<String, DefinitionException.Location> locations, String text) {
        this.locations = locations;
        this.lines = text.split("\r?\n", -1);
    }

    /** Reads the locations; the text is assumed to parse (it is parsed into a tree first). */
    static SourceLocations of(JsonFactory factory, String text) {
        Map<String, DefinitionException.Location> map = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != null) {
                visit(p, "", map);
            }
        } catch (IOException e) {
            // the tree parse already reported syntax errors; positions are a convenience
        }
        return new SourceLocations(map, text);
    }

    private static void visit(JsonParser p, String path, Map<String, DefinitionException.Location> map)
            throws IOException {
        map.put(path, at(p.currentTokenLocation()));
        if (p.currentToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path + "/" + p.currentName().replace("~", "~0").replace("/", "~1");
                map.put(child + "#key", at(p.currentTokenLocation()));
                p.nextToken();
                visit(p, child, map);
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                visit(p, path + "/" + i++, map);
            }
        }
    }

    private static DefinitionException.Location at(JsonLocation l) {
        return new DefinitionException.Location(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    /** Where the value at a pointer starts; falls back to its parent, then to nothing. */
    DefinitionException.Location of(String pointer) {
        String p = pointer;
        while (true) {
            DefinitionException.Location l = locations.get(p);
            if (l != null || p.isEmpty()) {
                return l;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Where a field's name is written (for unknown or misspelt fields). */
    DefinitionException.Location keyOf(String pointer) {
        DefinitionException.Location l = locations.get(pointer + "#key");
        return l != null ? l : of(pointer);
    }

    /**
     * The file position of a position inside a multi-line string value: exact for a YAML block scalar ({@code |} or
     * {@code >}), whose text starts on the next line; else the position of the value itself.
     */
    DefinitionException.Location inside(String pointer, int line, int column) {
        DefinitionException.Location start = of(pointer);
        if (start == null || line < 1) {
            return start;
        }
        String first = start.line() - 1 < lines.length ? lines[start.line() - 1] : "";
        String rest = start.column() - 1 < first.length() ? first.substring(Math.max(0, start.column() - 1)).strip() : "";
        if (!(rest.startsWith("|") || rest.startsWith(">"))) {
            return start;
        }
        int fileLine = start.line() + line;
        if (fileLine - 1 >= lines.length) {
            return start;
        }
        // the block's indentation is set by its first line and stripped from every line of the value
        String firstContent = lines[start.line()];
        int indent = firstContent.length() - firstContent.stripLeading().length();
        return new DefinitionException.Location(fileLine, indent + Math.max(1, column));
    }
}
