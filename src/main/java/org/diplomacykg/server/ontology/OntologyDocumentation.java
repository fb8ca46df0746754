package org.diplomacykg.server.ontology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.vocab.DKG;

/**
 * The model of the ontology's documentation page ({@code ontology.ftlh}): the header (title,
 * version, licence), a class tree, and every class, property (object, datatype, annotation) and
 * named individual with its English and Indonesian labels, definition and place in the
 * hierarchy. A term of the ontology's namespace is anchored by its local name, so that
 * {@code https://w3id.org/diplomacy-kg/ontology#Summit} maps onto {@code /ontology#Summit};
 * other terms by their prefixed name ({@code #oa:exact}).
 */
public final class OntologyDocumentation {

    /** A reference to a term: its prefixed name, where it is documented (or null), its English label. */
    public record Link(String text, String href, String title) {}

    /** A text in a language, e.g. a definition. */
    public record Text(String lang, String value) {}

    /** A note on a term: {@code kind} is "comment", "editorial note" or "example". */
    public record Note(String kind, String lang, String value) {}

    /** One line of facts about a term, e.g. "Sub-class of" and its super-classes. */
    public record Row(String label, List<Link> links, String separator) {}

    /**
     * A documented term. {@code kind} is the CSS class, {@code kindLabel} what the page says;
     * {@code borrowed} marks a term of another vocabulary declared locally (e.g. {@code skos:definition}).
     */
    public record Term(String anchor, String iri, String name, String kind, String kindLabel, boolean borrowed,
                       String labelEn, String labelId, List<Text> definitions, List<Note> notes, boolean deprecated,
                       List<Row> rows) {}

    /** A class in the class tree with its sub-classes. */
    public record TreeNode(Link link, List<TreeNode> children) {}

    /** The ontology header. */
    public record Header(String iri, String versionIri, String versionInfo, List<Text> titles, List<Text> descriptions,
                  List<Text> comments, Link license, String created, String preferredPrefix,
                  String preferredNamespace, List<Link> imports) {}

    private static final Node VANN_PREFIX = NodeFactory.createURI("http://purl.org/vocab/vann/preferredNamespacePrefix");
    private static final Node VANN_NAMESPACE = NodeFactory.createURI("http://purl.org/vocab/vann/preferredNamespaceUri");
    private static final Node OWL_CLASS = OWL2.Class.asNode();
    private static final Node SUBCLASS = RDFS.Nodes.subClassOf;
    private static final Node SUBPROPERTY = RDFS.Nodes.subPropertyOf;
    private static final Map<Node, String> CHARACTERISTICS = characteristics();

    private final Graph graph;
    private final PrefixMapping prefixes;
    private final Set<Node> classes;
    private final Set<Node> objectProperties;
    private final Set<Node> datatypeProperties;
    private final Set<Node> annotationProperties;
    private final Set<Node> individuals;
    private final Set<Node> documented = new HashSet<>();

    private OntologyDocumentation(Graph graph, PrefixMapping prefixes) {
        this.graph = graph;
        this.prefixes = prefixes;
        this.classes = typed(OWL_CLASS);
        this.objectProperties = typed(OWL2.ObjectProperty.asNode());
        this.datatypeProperties = typed(OWL2.DatatypeProperty.asNode());
        this.annotationProperties = typed(OWL2.AnnotationProperty.asNode());
        this.individuals = individuals();
        documented.addAll(classes);
        documented.addAll(objectProperties);
        documented.addAll(datatypeProperties);
        documented.addAll(annotationProperties);
        documented.addAll(individuals);
    }

    /** The page model for {@code ontology.ftlh}; {@code base} is the public base URL of links. */
    static Map<String, Object> model(Graph ontology, PrefixMapping prefixes, String base) {
        OntologyDocumentation doc = new OntologyDocumentation(ontology, prefixes);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", base);
        model.put("header", doc.header());
        model.put("classTree", doc.classTree());
        model.put("classes", doc.terms(doc.classes, "class", "class"));
        model.put("objectProperties", doc.terms(doc.objectProperties, "object-property", "object property"));
        model.put("datatypeProperties", doc.terms(doc.datatypeProperties, "datatype-property", "datatype property"));
        model.put("annotationProperties", doc.terms(doc.annotationProperties, "annotation-property", "annotation property"));
        model.put("individuals", doc.terms(doc.individuals, "individual", "named individual"));
        model.put("disjointGroups", doc.groups(OWL2.AllDisjointClasses.asNode(), OWL2.disjointWith.asNode()));
        model.put("differentGroups", doc.groups(OWL2.AllDifferent.asNode(), OWL2.differentFrom.asNode()));
        model.put("formats", formats(base));
        return model;
    }

    private static List<Map<String, String>> formats(String base) {
        List<Map<String, String>> formats = new ArrayList<>();
        for ( ResponseFormat f : OntologyServlet.FORMATS.offers() ) {
            if ( f.isRdf() )
                formats.add(Map.of("name", f.label(), "mediaType", f.mediaType(),
                                   "href", base + "/ontology?format=" + f.parameterName()));
        }
        return formats;
    }

    // ---- header

    private Header header() {
        Node ontology = ontologyNode();
        if ( ontology == null )
            return new Header(DKG.ONTOLOGY_IRI, null, null, List.of(), List.of(), List.of(), null, null, null, null, List.of());
        Node version = first(ontology, OWL2.versionIRI.asNode());
        Node license = first(ontology, DCTerms.license.asNode());
        return new Header(ontology.getURI(),
                          version == null ? null : version.getURI(),
                          lexical(first(ontology, OWL2.versionInfo.asNode())),
                          texts(ontology, DCTerms.title.asNode()),
                          texts(ontology, DCTerms.description.asNode()),
                          texts(ontology, RDFS.Nodes.comment),
                          license == null ? null : link(license),
                          lexical(first(ontology, DCTerms.created.asNode())),
                          lexical(first(ontology, VANN_PREFIX)),
                          lexical(first(ontology, VANN_NAMESPACE)),
                          links(objects(ontology, OWL2.imports.asNode())));
    }

    private Node ontologyNode() {
        Set<Node> ontologies = subjects(RDF.Nodes.type, OWL2.Ontology.asNode());
        if ( ontologies.contains(DKG.Nodes.ONTOLOGY) )
            return DKG.Nodes.ONTOLOGY;
        return ontologies.stream().filter(Node::isURI).findFirst().orElse(null);
    }

    // ---- the class tree

    private List<TreeNode> classTree() {
        List<TreeNode> roots = new ArrayList<>();
        for ( Node c : sorted(classes) ) {
            boolean hasSuper = objects(c, SUBCLASS).stream().anyMatch(s -> !s.equals(c) && classes.contains(s));
            if ( !hasSuper )
                roots.add(treeNode(c, new HashSet<>()));
        }
        return roots;
    }

    private TreeNode treeNode(Node c, Set<Node> path) {
        path.add(c);
        List<TreeNode> children = new ArrayList<>();
        for ( Node sub : sorted(subjects(SUBCLASS, c)) ) {
            if ( classes.contains(sub) && !path.contains(sub) )
                children.add(treeNode(sub, path));
        }
        path.remove(c);
        return new TreeNode(link(c), children);
    }

    // ---- terms

    private List<Term> terms(Set<Node> nodes, String kind, String kindLabel) {
        List<Term> terms = new ArrayList<>();
        for ( Node n : sorted(nodes) ) {
            List<Row> rows = switch ( kind ) {
                case "class" -> classRows(n);
                case "individual" -> individualRows(n);
                default -> propertyRows(n);
            };
            terms.add(new Term(anchor(n), n.getURI(), name(n), kind, kindLabel, !n.getURI().startsWith(DKG.NS),
                               label(n, "en"), label(n, "id"),
                               texts(n, SKOS.definition.asNode()), notes(n),
                               isTrue(first(n, OWL2.deprecated.asNode())), rows));
        }
        return terms;
    }

    private List<Row> classRows(Node c) {
        List<Row> rows = new ArrayList<>();
        row(rows, "Sub-class of", objects(c, SUBCLASS));
        row(rows, "Super-class of", named(subjects(SUBCLASS, c)));
        row(rows, "Equivalent to", both(c, OWL2.equivalentClass.asNode()));
        row(rows, "Disjoint with", disjointWith(c));
        row(rows, "In the domain of", named(subjects(RDFS.Nodes.domain, c)));
        row(rows, "In the range of", named(subjects(RDFS.Nodes.range, c)));
        row(rows, "Instances", named(subjects(RDF.Nodes.type, c)));
        return rows;
    }

    private List<Row> propertyRows(Node p) {
        List<Row> rows = new ArrayList<>();
        List<Link> characteristics = new ArrayList<>();
        for ( Map.Entry<Node, String> e : CHARACTERISTICS.entrySet() ) {
            if ( graph.contains(p, RDF.Nodes.type, e.getKey()) )
                characteristics.add(new Link(e.getValue(), null, null));
        }
        if ( !characteristics.isEmpty() )
            rows.add(new Row("Characteristics", characteristics, ", "));
        row(rows, "Sub-property of", objects(p, SUBPROPERTY));
        row(rows, "Super-property of", named(subjects(SUBPROPERTY, p)));
        row(rows, "Inverse of", both(p, OWL2.inverseOf.asNode()));
        row(rows, "Equivalent to", both(p, OWL2.equivalentProperty.asNode()));
        for ( Node chain : objects(p, OWL2.propertyChainAxiom.asNode()) )
            rows.add(new Row("Property chain", links(ClassExpressions.list(graph, chain)), " ∘ "));
        row(rows, "Domain", objects(p, RDFS.Nodes.domain));
        row(rows, "Range", objects(p, RDFS.Nodes.range));
        return rows;
    }

    private List<Row> individualRows(Node i) {
        List<Row> rows = new ArrayList<>();
        Set<Node> types = objects(i, RDF.Nodes.type);
        types.remove(OWL2.NamedIndividual.asNode());
        row(rows, "Type", types);
        Set<Node> different = new LinkedHashSet<>(both(i, OWL2.differentFrom.asNode()));
        for ( List<Node> group : groupMembers(OWL2.AllDifferent.asNode()) ) {
            if ( group.contains(i) )
                group.stream().filter(m -> !m.equals(i)).forEach(different::add);
        }
        row(rows, "Different from", different);
        row(rows, "Same as", both(i, OWL2.sameAs.asNode()));
        return rows;
    }

    private Set<Node> disjointWith(Node c) {
        Set<Node> disjoint = new LinkedHashSet<>(both(c, OWL2.disjointWith.asNode()));
        for ( List<Node> group : groupMembers(OWL2.AllDisjointClasses.asNode()) ) {
            if ( group.contains(c) )
                group.stream().filter(m -> !m.equals(c)).forEach(disjoint::add);
        }
        return disjoint;
    }

    /** The groups of an n-ary axiom ({@code owl:AllDisjointClasses}) and the pairs of its binary form. */
    private List<List<Link>> groups(Node nary, Node binary) {
        List<List<Link>> groups = new ArrayList<>();
        for ( List<Node> group : groupMembers(nary) )
            groups.add(links(group));
        for ( Triple t : find(Node.ANY, binary, Node.ANY) )
            groups.add(List.of(link(t.getSubject()), link(t.getObject())));
        groups.sort(Comparator.comparing(g -> g.isEmpty() ? "" : g.get(0).text().toLowerCase(Locale.ROOT)));
        return groups;
    }

    /** The member lists of the n-ary axioms of {@code type}: {@code owl:members} or {@code owl:distinctMembers}. */
    private List<List<Node>> groupMembers(Node type) {
        List<List<Node>> groups = new ArrayList<>();
        for ( Node axiom : sorted(subjects(RDF.Nodes.type, type)) ) {
            for ( Node members : objects(axiom, OWL2.members.asNode()) )
                groups.add(ClassExpressions.list(graph, members));
            for ( Node members : objects(axiom, OWL2.distinctMembers.asNode()) )
                groups.add(ClassExpressions.list(graph, members));
        }
        return groups;
    }

    private void row(List<Row> rows, String label, Set<Node> nodes) {
        if ( !nodes.isEmpty() )
            rows.add(new Row(label, links(nodes), ", "));
    }

    private List<Note> notes(Node n) {
        List<Note> notes = new ArrayList<>();
        texts(n, RDFS.Nodes.comment).forEach(t -> notes.add(new Note("comment", t.lang(), t.value())));
        texts(n, SKOS.editorialNote.asNode()).forEach(t -> notes.add(new Note("editorial note", t.lang(), t.value())));
        texts(n, SKOS.example.asNode()).forEach(t -> notes.add(new Note("example", t.lang(), t.value())));
        return notes;
    }

    // ---- links and names

    private List<Link> links(Iterable<Node> nodes) {
        List<Link> links = new ArrayList<>();
        nodes.forEach(n -> links.add(link(n)));
        return links;
    }

    private Link link(Node n) {
        if ( n.isURI() ) {
            String href = documented.contains(n) ? "#" + anchor(n)
                        : n.getURI().startsWith("http") ? n.getURI() : null;
            return new Link(name(n), href, label(n, "en"));
        }
        return new Link(n.isBlank() ? ClassExpressions.render(graph, n, this::name) : n.getLiteralLexicalForm(), null, null);
    }

    /** The anchor on the page: the local name in the ontology's namespace, else the prefixed name. */
    private String anchor(Node n) {
        String iri = n.getURI();
        return iri.startsWith(DKG.NS) ? iri.substring(DKG.NS.length()) : name(n);
    }

    /** The prefixed name of an IRI ({@code dkg:Summit}), or the IRI when no prefix fits. */
    private String name(Node n) {
        return prefixes.shortForm(n.getURI());
    }

    // ---- reading the graph

    private Set<Node> typed(Node type) {
        return subjects(RDF.Nodes.type, type).stream().filter(Node::isURI).collect(Collectors.toCollection(HashSet::new));
    }

    /** IRIs declared {@code owl:NamedIndividual} or typed with a class of the ontology. */
    private Set<Node> individuals() {
        Set<Node> result = new HashSet<>(typed(OWL2.NamedIndividual.asNode()));
        for ( Node c : classes )
            result.addAll(typed(c));
        result.removeAll(classes);
        return result;
    }

    private String label(Node n, String lang) {
        List<Text> labels = texts(n, RDFS.Nodes.label);
        for ( Text t : labels ) {
            if ( t.lang().equals(lang) || t.lang().startsWith(lang + "-") )
                return t.value();
        }
        if ( "en".equals(lang) )
            return labels.stream().filter(t -> t.lang().isEmpty()).map(Text::value).findFirst().orElse(null);
        return null;
    }

    /** The literal values of {@code (n p ?)}, English first, then by language and text. */
    private List<Text> texts(Node n, Node p) {
        List<Text> texts = new ArrayList<>();
        for ( Node o : objects(n, p) ) {
            if ( o.isLiteral() )
                texts.add(new Text(o.getLiteralLanguage().toLowerCase(Locale.ROOT), o.getLiteralLexicalForm()));
        }
        texts.sort(Comparator.comparing((Text t) -> !t.lang().startsWith("en"))
            .thenComparing(Text::lang).thenComparing(Text::value));
        return texts;
    }

    private Node first(Node s, Node p) {
        return objects(s, p).stream().findFirst().orElse(null);
    }

    private static String lexical(Node n) {
        if ( n == null )
            return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : null;
    }

    private static boolean isTrue(Node n) {
        return n != null && n.isLiteral() && "true".equals(n.getLiteralLexicalForm());
    }

    private Set<Node> objects(Node s, Node p) {
        return find(s, p, Node.ANY).stream().map(Triple::getObject)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<Node> subjects(Node p, Node o) {
        return find(Node.ANY, p, o).stream().map(Triple::getSubject)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Objects and subjects of a symmetric relation, without {@code n} itself. */
    private Set<Node> both(Node n, Node p) {
        Set<Node> nodes = objects(n, p);
        nodes.addAll(subjects(p, n));
        nodes.remove(n);
        return nodes;
    }

    private static Set<Node> named(Set<Node> nodes) {
        return nodes.stream().filter(Node::isURI).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<Triple> find(Node s, Node p, Node o) {
        return Iter.toList(graph.find(s, p, o));
    }

    private List<Node> sorted(Set<Node> nodes) {
        List<Node> list = new ArrayList<>(nodes);
        list.sort(Comparator.comparing((Node n) -> n.isURI() ? localName(n).toLowerCase(Locale.ROOT) : "~")
            .thenComparing(n -> n.isURI() ? n.getURI() : n.toString()));
        return list;
    }

    private static String localName(Node n) {
        String iri = n.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')));
        return iri.substring(cut + 1);
    }

    private static Map<Node, String> characteristics() {
        Map<Node, String> map = new LinkedHashMap<>();
        map.put(OWL2.FunctionalProperty.asNode(), "functional");
        map.put(OWL2.InverseFunctionalProperty.asNode(), "inverse functional");
        map.put(OWL2.TransitiveProperty.asNode(), "transitive");
        map.put(OWL2.SymmetricProperty.asNode(), "symmetric");
        map.put(OWL2.AsymmetricProperty.asNode(), "asymmetric");
        map.put(OWL2.ReflexiveProperty.asNode(), "reflexive");
        map.put(OWL2.IrreflexiveProperty.asNode(), "irreflexive");
        return map;
    }
}
