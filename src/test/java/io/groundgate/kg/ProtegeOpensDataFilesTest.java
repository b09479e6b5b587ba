package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAnnotationAssertionAxiom;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyIRIMapper;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * "Protégé opens it": each data file of {@code ontologies/}, loaded alone with OWL API (Protégé's parser) and the
 * folder's {@code catalog-v001.xml}, imports the ontology offline, and its facts are typed individuals with data and
 * object property assertions, not annotations.
 */
class ProtegeOpensDataFilesTest {

    static final Path FOLDER = Path.of("ontologies");
    static final String GG = "https://w3id.org/groundgate/ontology#";

    /** The catalog's {@code <uri name=… uri=…/>} entries as OWL API IRI mappers, the way Protégé reads it. */
    static List<OWLOntologyIRIMapper> catalog() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(FOLDER.resolve("catalog-v001.xml").toFile());
        NodeList uris = doc.getElementsByTagNameNS("urn:oasis:names:tc:entity:xmlns:xml:catalog", "uri");
        List<OWLOntologyIRIMapper> mappers = new ArrayList<>();
        for (int i = 0; i < uris.getLength(); i++) {
            Element e = (Element) uris.item(i);
            File local = FOLDER.resolve(e.getAttribute("uri")).toFile();
            assertThat(local).as("catalog entry %s", e.getAttribute("name")).isFile();
            mappers.add(new SimpleIRIMapper(IRI.create(e.getAttribute("name")), IRI.create(local)));
        }
        return mappers;
    }

    static OWLOntology open(String file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().add(catalog().toArray(OWLOntologyIRIMapper[]::new));
        // a missing import fails the test instead of leaving the facts untyped; nothing may be fetched
        manager.setOntologyConfigurator(manager.getOntologyConfigurator()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION));
        return manager.loadOntologyFromOntologyDocument(FOLDER.resolve(file).toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"elements.ttl", "countries.ttl", "materials.ttl"})
    void eachDataFileOpensAloneWithTheOntologyImportedThroughTheCatalog(String file) throws Exception {
        OWLOntology data = open(file);
        assertThat(data.imports()).extracting(o -> o.getOntologyID().getOntologyIRI().map(IRI::toString).orElse(""))
                .containsExactly("https://w3id.org/groundgate/ontology");

        // facts are class and property assertions on typed individuals
        assertThat(data.getAxiomCount(org.semanticweb.owlapi.model.AxiomType.CLASS_ASSERTION)).isPositive();
        assertThat(data.getAxiomCount(org.semanticweb.owlapi.model.AxiomType.DATA_PROPERTY_ASSERTION)).isPositive();
        assertThat(data.getAxiomCount(org.semanticweb.owlapi.model.AxiomType.OBJECT_PROPERTY_ASSERTION)).isPositive();
        // every individual this file describes is typed (individuals of other files it points to are typed there)
        assertThat(data.individualsInSignature().filter(i -> data.dataPropertyAssertionAxioms(i).findAny().isPresent()))
                .isNotEmpty().allSatisfy(i -> assertThat(data.classAssertionAxioms(i)).as("%s is typed", i)
                        .isNotEmpty());

        // no gg: fact is read as an annotation: every gg: annotation property is one the ontology declares as such
        Set<String> annotationsUsed = data.axioms(org.semanticweb.owlapi.model.AxiomType.ANNOTATION_ASSERTION)
                .map(OWLAnnotationAssertionAxiom::getProperty).map(p -> p.getIRI().toString())
                .filter(iri -> iri.startsWith(GG)).collect(Collectors.toSet());
        OWLOntology vocabulary = data.imports().findFirst().orElseThrow();
        assertThat(annotationsUsed).allSatisfy(iri -> assertThat(vocabulary.containsAnnotationPropertyInSignature(
                IRI.create(iri), Imports.EXCLUDED)).as("%s is declared as an annotation property", iri).isTrue());
        // every gg: term is declared (as some kind of entity: gg:nativeName, a data property below the annotation
        // property skos:altLabel, is punned by OWL API into an annotation property too)
        Set<IRI> declared = data.axioms(org.semanticweb.owlapi.model.AxiomType.DECLARATION, Imports.INCLUDED)
                .map(d -> d.getEntity().getIRI()).collect(Collectors.toSet());
        List<OWLAxiom> undeclared = data.axioms(Imports.INCLUDED)
                .filter(a -> a.signature().anyMatch(e -> e.getIRI().toString().startsWith(GG)
                        && !declared.contains(e.getIRI())))
                .limit(5).toList();
        assertThat(undeclared).as("axioms using gg: terms the ontology does not declare").isEmpty();
    }

    @Test
    void gatewayIgnoresTheCatalogAndNeverFollowsImports() {
        assertThat(RdfFiles.scan(FOLDER, List.of(FOLDER.resolve("shapes").toAbsolutePath()), true))
                .extracting(SourceFile::name).doesNotContain("catalog-v001.xml")
                .contains("elements.ttl", "countries.ttl", "materials.ttl", "groundgate.ttl");
        // the imports are plain triples to the gateway: loading the folder reads exactly its files, offline
        GraphLoader loader = new GraphLoader(List.of(FOLDER), List.of(FOLDER.resolve("shapes")), false);
        GraphLoader.Loaded loaded = loader.parse(loader.read());
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.files()).extracting(f -> f.file().name())
                .containsExactlyInAnyOrder("elements.ttl", "countries.ttl", "materials.ttl", "groundgate.ttl");
        assertThat(loaded.union().contains(org.apache.jena.graph.NodeFactory.createURI(
                "https://w3id.org/groundgate/data/elements"), org.apache.jena.vocabulary.OWL2.imports.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/groundgate/ontology"))).isTrue();
    }
}
