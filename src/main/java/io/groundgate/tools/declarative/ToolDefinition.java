package io.groundgate.tools.declarative;

import java.util.List;

import org.apache.jena.query.Query;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validated tool file.
 *
 * @param file the file it came from
 * @param name the tool's name
 * @param description what it does, for a model
 * @param parameters the JSON Schema of its arguments
 * @param slots how arguments bind query variables
 * @param sparql the SPARQL text as written
 * @param query the parsed query
 * @param result what it returns
 * @param calculations calculator steps after the query
 */
record ToolDefinition(String file, String name, String description, ObjectNode parameters, List<Slot> slots,
        String sparql, Query query, ResultSpec result, List<Calculation> calculations) {

    ToolDefinition {
        slots = List.copyOf(slots);
        calculations = List.copyOf(calculations);
    }
}
