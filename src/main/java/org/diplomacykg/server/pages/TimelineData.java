package org.diplomacykg.server.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Gathers what the timeline of a negotiating position or a state shows, with SPARQL over the
 * dataset (its default graph is the union of the asserted and inferred graphs), all in one read transaction so
 * the events and the derived bands come from the same commit. Texts are picked in the
 * requested language where they exist, else English, else any.
 */
public final class TimelineData {

    /** What a timeline can be drawn for. */
    public enum Kind { POSITION, STATE }

    /**
     * Why an event is on a timeline, most telling first: an event with several roles (a
     * statement on a state's behalf that reaffirms its position) shows the first.
     */
    public enum Role {
        REAFFIRMS(1), REVISES(1), BASELINE(0), REJECTION(2), SUPPORT(2), DISAGREEMENT(3), STATEMENT(1), MEETING(0), PLANNED(0);

        /** Order within one day: meetings, then what was said at them, then stances, then what follows. */
        final int dayOrder;

        Role(int dayOrder) {
            this.dayOrder = dayOrder;
        }
    }

    /**
     * One event. {@code typeLabel} is the label of its most specific class ("phone call");
     * {@code text} is its quote (original wording, {@code quoted}) or else its reported content,
     * in language {@code textLang}; {@code gloss} the reported content beside a quote in another
     * language; {@code when} the source's words for an undated time; {@code inferred} marks
     * events the reasoners created.
     */
    public record Event(String iri, LocalDate date, Role role, String typeLabel, String label,
                        String text, String textLang, boolean quoted, String gloss, String when, boolean inferred) {}

    /**
     * The span a position has been reported unchanged, from the inferred graph, with what it
     * means: one assessment per baseline the reaffirming statements compare it with.
     */
    public record Band(String positionIri, String positionLabel, LocalDate since, LocalDate lastReaffirmed,
                       List<Assessment> assessments) {}

    /**
     * A derived continuity assessment: unchanged compared with a baseline (dated when it is an
     * event), as of a date, according to some agents, with the hedges every statement carried.
     */
    public record Assessment(String baselineIri, String baselineLabel, LocalDate baselineDate, LocalDate asOf,
                             List<String> accordingTo, List<String> hedges) {}

    /** A thing to link to; {@code hasTimeline} when it is a position or a state. */
    public record Link(String iri, String label, boolean hasTimeline) {}

    /** A thing a timeline exists for. */
    public record Entry(String iri, String label, Kind kind) {}

    /**
     * The timeline of {@code iri}: dated events in date order, undated ones apart, the bands,
     * and related things (a position's holders and issues; a state's positions).
     */
    public record Timeline(String iri, Kind kind, String label, List<Link> holders, List<Link> issues,
                           List<Link> positions, List<Event> dated, List<Event> undated, List<Band> bands) {}

    /** The outcome of looking a thing up. */
    public sealed interface Result permits Found, NotApplicable, Unknown {}

    /** The thing has a timeline. */
    public record Found(Timeline timeline) implements Result {}

    /** The thing is known but is neither a position nor a state; {@code types} are its class labels. */
    public record NotApplicable(String iri, String label, List<String> types) implements Result {}

    /** Nothing is known about the thing. */
    public record Unknown(String iri) implements Result {}

    private static final String PREFIXES = """
        PREFIX dkg:  <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    /** Statements that reaffirm or revise the positions ?pos, and the baseline events they name. */
    private static final String POSITION_EVENTS = """
          { ?e dkg:reaffirms ?pos BIND("REAFFIRMS" AS ?role) }
          UNION { ?e dkg:revises ?pos BIND("REVISES" AS ?role) }
          UNION { ?s dkg:reaffirms|dkg:revises ?pos ; dkg:comparedWith ?e BIND("BASELINE" AS ?role) }
        """;

    private static final String EVENTS_OF_POSITION = PREFIXES + """
        SELECT DISTINCT ?e ?role WHERE {
          BIND(?x AS ?pos)
        """ + POSITION_EVENTS + """
          FILTER(isIRI(?e))
        }
        """;

    /**
     * A state's meetings (derived dkg:involvesState; for undated meetings, the posts of its
     * participants), statements on its behalf, its positions' events, its stances and the
     * disagreements it is party to.
     */
    private static final String EVENTS_OF_STATE = PREFIXES + """
        SELECT DISTINCT ?e ?role WHERE {
          { ?e dkg:involvesState|dkg:participant ?x BIND("MEETING" AS ?role) }
          UNION { ?e dkg:plannedParticipant ?x BIND("PLANNED" AS ?role) }
          UNION { ?e dkg:participant ?agent FILTER NOT EXISTS { ?e dkg:date ?d }
                  ?tenure dkg:holder ?agent ; dkg:post/dkg:postIn ?x BIND("MEETING" AS ?role) }
          UNION { ?e dkg:plannedParticipant ?agent FILTER NOT EXISTS { ?e dkg:date ?d }
                  ?tenure dkg:holder ?agent ; dkg:post/dkg:postIn ?x BIND("PLANNED" AS ?role) }
          UNION { ?e a dkg:Statement ; dkg:onBehalfOf|dkg:attributedTo ?x BIND("STATEMENT" AS ?role) }
          UNION { ?e dkg:stanceHolder|dkg:onBehalfOf ?x ; a dkg:Rejection BIND("REJECTION" AS ?role) }
          UNION { ?e dkg:stanceHolder|dkg:onBehalfOf ?x ; a dkg:Support BIND("SUPPORT" AS ?role) }
          UNION { ?e a dkg:Disagreement ; dkg:disagreeingParty ?x BIND("DISAGREEMENT" AS ?role) }
          UNION { ?pos dkg:positionHolder ?x .
        """ + POSITION_EVENTS + """
                }
          FILTER(isIRI(?e))
        }
        """;

    private static final String SUBJECT = PREFIXES + """
        SELECT ?type ?label WHERE { { ?x a ?type } UNION { ?x rdfs:label ?label } }
        """;

    private static final String DETAILS = PREFIXES + """
        SELECT ?e ?p ?o WHERE {
          VALUES ?e { %s }
          {
            VALUES ?p { dkg:date dkg:disagreementDate rdfs:label dkg:quote dkg:content dkg:temporalExpression
                        dkg:disagreementOn dkg:disagreeingParty }
            ?e ?p ?o
          } UNION {
            # A time the article gives only relatively is an interval with the article's words for it.
            ?e dkg:during/dkg:temporalExpression ?o
            BIND (dkg:temporalExpression AS ?p)
          }
        }
        """;

    /** The labels of the most specific ontology classes of each thing. */
    private static final String TYPES = PREFIXES + """
        SELECT ?e ?type ?label WHERE {
          VALUES ?e { %s }
          ?e a ?type .
          FILTER(STRSTARTS(STR(?type), STR(dkg:)))
          FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?type . FILTER(?sub != ?type) }
          ?type rdfs:label ?label
        }
        """;

    /** Which of the things have a type outside the derived graphs. */
    private static final String ASSERTED = PREFIXES + """
        SELECT DISTINCT ?e WHERE {
          VALUES ?e { %s }
          GRAPH ?g { ?e a ?type }
          FILTER(?g NOT IN (<%s>, <%s>))
        }
        """.formatted("%s", Graphs.INFERRED, Graphs.EXPLANATIONS);

    private static final String LABELS = PREFIXES + """
        SELECT ?e ?label WHERE { VALUES ?e { %s } ?e rdfs:label ?label }
        """;

    private static final String POSITION_CONTEXT = PREFIXES + """
        SELECT ?p ?o ?isState WHERE {
          VALUES ?p { dkg:positionHolder dkg:onIssue } ?x ?p ?o FILTER(isIRI(?o))
          BIND(EXISTS { ?o a dkg:State } AS ?isState)
        }
        """;

    private static final String POSITIONS_OF_STATE = PREFIXES + """
        SELECT DISTINCT ?pos WHERE { ?pos dkg:positionHolder ?x FILTER(isIRI(?pos)) }
        """;

    private static final String BANDS = PREFIXES + """
        SELECT ?pos ?since ?last WHERE {
          VALUES ?pos { %s }
          GRAPH <%s> { ?pos dkg:unchangedSince ?since OPTIONAL { ?pos dkg:lastReaffirmed ?last } }
        }
        """.formatted("%s", Graphs.INFERRED);

    private static final String ASSESSMENTS = PREFIXES + """
        SELECT ?pos ?a ?baseline ?baselineDate ?asOf ?who ?hedge WHERE {
          VALUES ?pos { %s }
          GRAPH <%s> { ?pos dkg:continuityAssessment ?a . ?a dkg:comparedWith ?baseline ; dkg:asOf ?asOf
                       OPTIONAL { ?a dkg:accordingTo ?who } OPTIONAL { ?a dkg:modality ?hedge } }
          OPTIONAL { ?baseline dkg:date ?baselineDate }
        }
        """.formatted("%s", Graphs.INFERRED);

    private static final String AVAILABLE = PREFIXES + """
        SELECT DISTINCT ?e ?kind WHERE {
          { ?e a dkg:NegotiatingPosition BIND("POSITION" AS ?kind) } UNION { ?e a dkg:State BIND("STATE" AS ?kind) }
          FILTER(isIRI(?e) && STRSTARTS(STR(?e), "%s"))
        }
        """.formatted(DKG.ID_BASE);

    private static final Node NEGOTIATING_POSITION = NodeFactory.createURI(DKG.NS + "NegotiatingPosition");
    private static final Node POSITION_HOLDER = NodeFactory.createURI(DKG.NS + "positionHolder");

    private final DatasetGraph dataset;
    private final String lang;

    private TimelineData(DatasetGraph dataset, String lang) {
        this.dataset = dataset;
        this.lang = lang;
    }

    /** Looks up the timeline of {@code iri}, with texts in {@code lang} ("en", "id") where they exist. */
    public static Result load(DatasetGraph dataset, String iri, String lang) {
        TimelineData data = new TimelineData(dataset, lang);
        return Txn.calculateRead(dataset, () -> data.lookup(NodeFactory.createURI(iri)));
    }

    /** The positions and states that have timelines, positions first, each by label. */
    public static List<Entry> available(DatasetGraph dataset, String lang) {
        TimelineData data = new TimelineData(dataset, lang);
        return Txn.calculateRead(dataset, data::entries);
    }

    private List<Entry> entries() {
        Map<Node, Kind> kinds = new LinkedHashMap<>();
        select(AVAILABLE, null, row -> kinds.putIfAbsent(row.get("e"), Kind.valueOf(row.get("kind").getLiteralLexicalForm())));
        Map<Node, String> labels = labels(kinds.keySet());
        return kinds.entrySet().stream()
            .map(e -> new Entry(e.getKey().getURI(), labels.get(e.getKey()), e.getValue()))
            .sorted(Comparator.comparing(Entry::kind).thenComparing(Entry::label, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

    private Result lookup(Node subject) {
        Set<Node> types = new HashSet<>();
        List<Node> labelLiterals = new ArrayList<>();
        select(SUBJECT, subject, row -> {
            if ( row.get("type") != null )
                types.add(row.get("type"));
            if ( row.get("label") != null )
                labelLiterals.add(row.get("label"));
        });
        if ( types.isEmpty() && labelLiterals.isEmpty() )
            return new Unknown(subject.getURI());
        String label = pick(labelLiterals, subject);
        Kind kind = types.contains(DKG.Nodes.State) ? Kind.STATE
                  : types.contains(NEGOTIATING_POSITION) ? Kind.POSITION
                  : null;
        if ( kind == null ) {
            List<String> typeLabels = typeLabels(List.of(subject)).getOrDefault(subject, List.of());
            return new NotApplicable(subject.getURI(), label, typeLabels);
        }
        return new Found(timeline(subject, kind, label));
    }

    private Timeline timeline(Node subject, Kind kind, String label) {
        Map<Node, Role> roles = new LinkedHashMap<>();
        select(kind == Kind.STATE ? EVENTS_OF_STATE : EVENTS_OF_POSITION, subject, row -> {
            Role role = Role.valueOf(row.get("role").getLiteralLexicalForm());
            roles.merge(row.get("e"), role, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });

        List<Node> holders = new ArrayList<>();
        List<Node> issues = new ArrayList<>();
        List<Node> positions = new ArrayList<>();
        Set<Node> states = new HashSet<>();
        if ( kind == Kind.POSITION ) {
            positions.add(subject);
            select(POSITION_CONTEXT, subject, row -> {
                (POSITION_HOLDER.equals(row.get("p")) ? holders : issues).add(row.get("o"));
                if ( "true".equals(row.get("isState").getLiteralLexicalForm()) )
                    states.add(row.get("o"));
            });
        } else {
            select(POSITIONS_OF_STATE, subject, row -> positions.add(row.get("pos")));
        }

        List<Event> events = events(roles);
        List<Event> dated = events.stream().filter(e -> e.date() != null)
            .sorted(Comparator.comparing(Event::date)
                .thenComparing(e -> e.role().dayOrder)
                .thenComparing(Event::label, String.CASE_INSENSITIVE_ORDER))
            .toList();
        List<Event> undated = events.stream().filter(e -> e.date() == null)
            .sorted(Comparator.comparing((Event e) -> e.role().dayOrder).thenComparing(Event::label, String.CASE_INSENSITIVE_ORDER))
            .toList();

        Set<Node> linked = new HashSet<>(holders);
        linked.addAll(issues);
        linked.addAll(positions);
        Map<Node, String> labels = labels(linked);
        List<Link> positionLinks = links(kind == Kind.STATE ? positions : List.of(), labels, n -> true);
        return new Timeline(subject.getURI(), kind, label, links(holders, labels, states::contains),
                            links(issues, labels, n -> false), positionLinks, dated, undated, bands(positions, labels));
    }

    private List<Event> events(Map<Node, Role> roles) {
        if ( roles.isEmpty() )
            return List.of();
        String values = values(roles.keySet());
        Map<Node, Map<String, List<Node>>> props = new HashMap<>();
        select(DETAILS.formatted(values), null, row ->
            props.computeIfAbsent(row.get("e"), k -> new HashMap<>())
                 .computeIfAbsent(row.get("p").getLocalName(), k -> new ArrayList<>())
                 .add(row.get("o")));
        Map<Node, List<String>> types = typeLabels(roles.keySet());
        Set<Node> asserted = new HashSet<>();
        select(ASSERTED.formatted(values), null, row -> asserted.add(row.get("e")));
        // Derived disagreements have no label of their own: they are named by parties and issue.
        Set<Node> named = new HashSet<>();
        props.values().forEach(p -> {
            named.addAll(p.getOrDefault("disagreementOn", List.of()));
            named.addAll(p.getOrDefault("disagreeingParty", List.of()));
        });
        named.removeIf(n -> !n.isURI());
        Map<Node, String> names = labels(named);

        List<Event> events = new ArrayList<>();
        roles.forEach((node, role) -> {
            Map<String, List<Node>> p = props.getOrDefault(node, Map.of());
            LocalDate date = earliestDate(p.getOrDefault("date", p.getOrDefault("disagreementDate", List.of())));
            List<Node> quotes = p.getOrDefault("quote", List.of());
            List<Node> contents = p.getOrDefault("content", List.of());
            Node text = quotes.isEmpty() ? pickLiteral(contents) : pickLiteral(quotes);
            String gloss = null;
            if ( !quotes.isEmpty() ) {
                Node content = pickLiteral(contents);
                if ( content != null && !content.getLiteralLanguage().equalsIgnoreCase(text.getLiteralLanguage()) )
                    gloss = content.getLiteralLexicalForm();
            }
            Node when = pickLiteral(p.getOrDefault("temporalExpression", List.of()));
            List<String> typeLabels = types.getOrDefault(node, List.of());
            String typeLabel = typeLabels.isEmpty() ? null : typeLabels.get(0);
            String label = p.containsKey("label") || !p.containsKey("disagreementOn")
                ? pick(p.getOrDefault("label", List.of()), node)
                : disagreementLabel(typeLabel, p, names);
            events.add(new Event(node.getURI(), date, role, typeLabel, label,
                                 text == null ? null : text.getLiteralLexicalForm(),
                                 text == null ? null : text.getLiteralLanguage(),
                                 !quotes.isEmpty(),
                                 gloss,
                                 when == null ? null : when.getLiteralLexicalForm(),
                                 !asserted.contains(node)));
        });
        return events;
    }

    /** "disagreement (Russia, United States): end hostilities along the current front line". */
    private static String disagreementLabel(String typeLabel, Map<String, List<Node>> props, Map<Node, String> names) {
        String parties = props.getOrDefault("disagreeingParty", List.of()).stream()
            .map(n -> names.getOrDefault(n, n.toString())).sorted().collect(Collectors.joining(", "));
        String on = props.get("disagreementOn").stream()
            .map(n -> names.getOrDefault(n, n.toString())).sorted().collect(Collectors.joining(", "));
        return (typeLabel == null ? "" : typeLabel + " ") + (parties.isEmpty() ? "" : "(" + parties + ")") + ": " + on;
    }

    private List<Band> bands(List<Node> positions, Map<Node, String> labels) {
        if ( positions.isEmpty() )
            return List.of();
        Map<Node, List<Assessment>> assessments = assessments(positions);
        List<Band> bands = new ArrayList<>();
        select(BANDS.formatted(values(positions)), null, row -> {
            LocalDate since = day(row.get("since"));
            if ( since == null )
                return;
            Node pos = row.get("pos");
            bands.add(new Band(pos.getURI(), labels.get(pos), since, day(row.get("last")),
                               assessments.getOrDefault(pos, List.of())));
        });
        bands.sort(Comparator.comparing(Band::since).thenComparing(Band::positionIri));
        return bands;
    }

    /** The continuity assessments of each position, by baseline IRI. */
    private Map<Node, List<Assessment>> assessments(List<Node> positions) {
        record Row(Node pos, Node baseline, LocalDate baselineDate, LocalDate asOf, Set<Node> who, Set<Node> hedges) {}
        Map<Node, Row> rows = new LinkedHashMap<>();
        select(ASSESSMENTS.formatted(values(positions)), null, b -> {
            Row row = rows.computeIfAbsent(b.get("a"), a -> new Row(b.get("pos"), b.get("baseline"), day(b.get("baselineDate")),
                                                                   day(b.get("asOf")), new TreeSet<>(Comparator.comparing(Node::toString)),
                                                                   new TreeSet<>(Comparator.comparing(Node::toString))));
            if ( b.get("who") != null )
                row.who().add(b.get("who"));
            if ( b.get("hedge") != null )
                row.hedges().add(b.get("hedge"));
        });
        Set<Node> named = new LinkedHashSet<>();
        rows.values().forEach(r -> { named.add(r.baseline()); named.addAll(r.who()); named.addAll(r.hedges()); });
        Map<Node, String> names = labels(named);
        Map<Node, List<Assessment>> byPosition = new HashMap<>();
        for ( Row r : rows.values() )
            byPosition.computeIfAbsent(r.pos(), k -> new ArrayList<>())
                      .add(new Assessment(r.baseline().getURI(), names.get(r.baseline()), r.baselineDate(), r.asOf(),
                                          r.who().stream().map(names::get).toList(), r.hedges().stream().map(names::get).toList()));
        byPosition.values().forEach(list -> list.sort(Comparator.comparing(Assessment::baselineIri)));
        return byPosition;
    }

    /** The labels, in the language, of the most specific classes of each thing. */
    private Map<Node, List<String>> typeLabels(Collection<Node> things) {
        Map<Node, Map<Node, List<Node>>> byType = new HashMap<>();
        select(TYPES.formatted(values(things)), null, row ->
            byType.computeIfAbsent(row.get("e"), k -> new LinkedHashMap<>())
                  .computeIfAbsent(row.get("type"), k -> new ArrayList<>()).add(row.get("label")));
        Map<Node, List<String>> result = new HashMap<>();
        byType.forEach((thing, types) -> result.put(thing, types.entrySet().stream()
            .map(t -> pick(t.getValue(), t.getKey()))
            .sorted()
            .toList()));
        return result;
    }

    private Map<Node, String> labels(Collection<Node> things) {
        if ( things.isEmpty() )
            return Map.of();
        Map<Node, List<Node>> literals = new HashMap<>();
        select(LABELS.formatted(values(things)), null, row ->
            literals.computeIfAbsent(row.get("e"), k -> new ArrayList<>()).add(row.get("label")));
        Map<Node, String> labels = new HashMap<>();
        for ( Node thing : things )
            labels.put(thing, pick(literals.getOrDefault(thing, List.of()), thing));
        return labels;
    }

    private static List<Link> links(List<Node> nodes, Map<Node, String> labels, Predicate<Node> hasTimeline) {
        return nodes.stream().distinct()
            .map(n -> new Link(n.getURI(), labels.get(n), hasTimeline.test(n)))
            .sorted(Comparator.comparing(Link::label, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

    /** Runs a query, with ?x bound to {@code subject} unless it is null, and hands each row on. */
    private void select(String query, Node subject, Consumer<Binding> rows) {
        var builder = QueryExec.dataset(dataset).query(query);
        if ( subject != null )
            builder = builder.substitution("x", subject);
        builder.select().forEachRemaining(rows);
    }

    /** A VALUES block body for the IRIs, written so that any IRI is safe in the query text. */
    private static String values(Collection<Node> nodes) {
        return nodes.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(" "));
    }

    /** The lexical form of the literal {@link #pickLiteral} picks, or the last segment of the IRI. */
    private String pick(List<Node> literals, Node thing) {
        Node literal = pickLiteral(literals);
        if ( literal != null )
            return literal.getLiteralLexicalForm();
        String iri = thing.isURI() ? thing.getURI() : thing.toString();
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    /** The literal in the language, else in English, else without a language, else the first in order. */
    private Node pickLiteral(List<Node> literals) {
        List<Node> candidates = literals.stream().filter(Node::isLiteral)
            .sorted(Comparator.comparing(Node::getLiteralLexicalForm)).toList();
        for ( String wanted : new String[] {lang, "en", ""} )
            for ( Node literal : candidates )
                if ( primaryLanguage(literal).equals(wanted) )
                    return literal;
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String primaryLanguage(Node literal) {
        String tag = literal.getLiteralLanguage().toLowerCase(Locale.ROOT);
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private static LocalDate earliestDate(List<Node> literals) {
        return literals.stream().map(TimelineData::day).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    /** The day of an xsd:dateTime, xsd:dateTimeStamp or xsd:date literal, as the source wrote it; else null. */
    static LocalDate day(Node literal) {
        if ( literal == null || !literal.isLiteral() )
            return null;
        String datatype = literal.getLiteralDatatypeURI();
        if ( !(XSDDatatype.XSDdateTime.getURI().equals(datatype) || XSDDatatype.XSDdateTimeStamp.getURI().equals(datatype)
               || XSDDatatype.XSDdate.getURI().equals(datatype)) )
            return null;
        String lexical = literal.getLiteralLexicalForm().strip();
        if ( lexical.length() < 10 )
            return null;
        try {
            return LocalDate.parse(lexical.substring(0, 10));
        } catch (DateTimeParseException ex) {
            return null;
        }
    }
}
