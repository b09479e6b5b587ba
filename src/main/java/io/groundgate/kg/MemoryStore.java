package io.groundgate.kg;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Each version is a fresh in-memory dataset: the parsed file graphs as named graphs, the entailments as
 * {@code urn:groundgate:graph:entailed}, and their union as the default graph (a copy, so queries on it are as fast as
 * on one graph).
 */
final class MemoryStore implements GraphStore {

    @Override
    public SparqlBackend publish(GraphLoader.Loaded loaded) {
        return new DatasetBackend(dataset(loaded), false);
    }

    static DatasetGraph dataset(GraphLoader.Loaded loaded) {
        DatasetGraph dataset = DatasetGraphFactory.create(loaded.union());
        for (GraphLoader.ParsedFile f : loaded.files()) {
            dataset.addGraph(NodeFactory.createURI(f.file().graph()), f.graph());
        }
        if (!loaded.entailed().isEmpty()) {
            dataset.addGraph(NodeFactory.createURI(GraphSnapshot.ENTAILED_GRAPH), loaded.entailed());
        }
        return dataset;
    }
}
