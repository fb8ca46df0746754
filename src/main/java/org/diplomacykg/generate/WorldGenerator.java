package org.diplomacykg.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.vocab.DKG;

/**
 * Makes a synthetic world of negotiations of about a given number of triples, in the project's
 * own vocabulary and named-graph layout, the same for the same seed:
 * <ul>
 * <li>the reference graph: states, their posts (head of state, head of foreign affairs), who
 *     held each post when, issues and negotiating positions ({@link Background});</li>
 * <li>one source graph per synthetic article ({@code .../graph/source/synthetic-s<seed>-NNNNNN}),
 *     in date order from 2000 to 2025: held meetings, statements that reaffirm or revise
 *     positions (some naming a baseline meeting), planned meetings and their cancellations,
 *     proposals and stances on them; every fact with a text quote of the article, whose text
 *     the graph holds as {@code dkg:text}.</li>
 * </ul>
 * Activity is skewed: states and positions are drawn from a Zipf law, and positions differ
 * in how often they are revised, so unchanged runs are long for some and short for others.
 * <p>
 * Quads are streamed: only one article and a few ints per state, post, person and position are
 * held, so memory does not grow with the number of articles. Alongside, the generator answers
 * a sample of reasoning questions from its own model ({@link ExpectedAnswer}), without the
 * reasoners, so that the two can be compared.
 */
public final class WorldGenerator {

    /** Roughly how many quads one article adds; sizes the timeline so it spans 2000 to 2025. */
    private static final double QUADS_PER_ARTICLE = 38;
    /** How many things of each kind the expected answers sample. */
    private static final int SAMPLE = 100;
    private static final int SAMPLED_OFFICIALS = 40;
    private static final int RING = 4;
    private static final int PROPOSAL_POOL = 8;
    private static final int PENDING_LIMIT = 50;

    private final long target;
    private final long seed;
    private final SplittableRandom random;
    private final SyntheticIds ids;
    private final Background background;
    private final Zipf stateZipf;
    private final Zipf[] positionZipf;
    private final PositionLedger positions;
    private final List<ExpectedAnswer> expected = new ArrayList<>();

    /** Per state, the last few meetings it held (ids and days), for statements to name as baselines. */
    private final int[][] recentMeetings;
    private final int[][] recentDays;
    private final int[] recentCount;
    private final Deque<Integer> plannedMeetings = new ArrayDeque<>();
    private final List<ProposalLedger> openProposals = new ArrayList<>();

    private int meetings, statements, cancellations, proposals, stances;
    private int sampledMeetings, sampledCancellations, sampledProposals;
    private int meetingStride = 1, cancellationStride = 1, proposalStride = 1;

    private WorldGenerator(long targetTriples, long seed) {
        if ( targetTriples < 1 )
            throw new IllegalArgumentException("The target number of triples must be positive, got " + targetTriples);
        this.target = targetTriples;
        this.seed = seed;
        this.ids = new SyntheticIds(seed);
        this.random = new SplittableRandom(seed);
        // Few states for small worlds, so that counterparts (every pair of states, per role) stay in proportion.
        int states = (int) Math.max(8, Math.min(60, Math.round(Math.pow(targetTriples, 0.25) / 1.5)));
        this.background = new Background(states, random);
        this.stateZipf = new Zipf(states, 1.0);
        this.positionZipf = new Zipf[16];
        for ( int n = 1; n < positionZipf.length; n++ )
            positionZipf[n] = new Zipf(n, 1.2);
        this.positions = new PositionLedger(background.positions());
        this.recentMeetings = new int[states][RING];
        this.recentDays = new int[states][RING];
        this.recentCount = new int[states];
    }

    /**
     * Streams a world of about {@code targetTriples} quads into {@code sink} (calling its
     * {@code start} and {@code finish}), and returns what was made with the expected answers.
     *
     * @param seed zero or positive; it is part of every synthetic slug
     */
    public static GeneratedWorld generate(long targetTriples, long seed, StreamRDF sink) {
        return new WorldGenerator(targetTriples, seed).run(sink);
    }

    private GeneratedWorld run(StreamRDF sink) {
        sink.start();
        prefixes(sink);
        Emitter out = new Emitter(sink);
        background.write(out, ids, seed);
        long articles = Math.max(1, Math.round((target - out.count()) / QUADS_PER_ARTICLE));
        meetingStride = stride(articles * 3 / 4);
        cancellationStride = stride(articles / 20);
        proposalStride = stride(articles / 20);
        int article = 0;
        do {
            int day = (int) Math.min(Days.END, Days.START + (long) article * (Days.END - Days.START) / articles);
            article(article++, day).writeTo(out);
        } while ( out.count() < target );
        openProposals.forEach(this::retire);
        openProposals.clear();
        sink.finish();
        continuityAnswers();
        counterpartAnswers();
        return new GeneratedWorld(seed, target, out.count(), article, background.states, background.persons(),
                                  background.positions(), meetings, statements, cancellations, proposals, stances,
                                  List.copyOf(expected));
    }

    private static int stride(long expectedCount) {
        return (int) Math.max(1, expectedCount / SAMPLE);
    }

    private static void prefixes(StreamRDF sink) {
        sink.prefix("dkg", DKG.NS);
        sink.prefix("id", DKG.ID_BASE);
        sink.prefix("oa", Terms.OA);
        sink.prefix("rdf", RDF.getURI());
        sink.prefix("rdfs", RDFS.getURI());
        sink.prefix("xsd", XSD.getURI());
        sink.prefix("dcterms", DCTerms.getURI());
    }

    private ArticleBuilder article(int number, int day) {
        ArticleBuilder a = new ArticleBuilder(ids, seed, number, day);
        int host = stateZipf.sample(random);
        int guest = otherState(host);
        Meeting meeting = random.nextDouble() < 0.75 ? heldMeeting(a, host, guest) : null;
        int count = 1 + random.nextInt(3);
        for ( int i = 0; i < count; i++ ) {
            double pick = random.nextDouble();
            int state = pick < 0.35 ? host : pick < 0.6 ? guest : stateZipf.sample(random);
            statement(a, state, meeting);
        }
        if ( random.nextDouble() < 0.08 )
            plannedMeeting(a, host, guest);
        if ( !plannedMeetings.isEmpty() && random.nextDouble() < 0.05 )
            cancellation(a);
        if ( random.nextDouble() < 0.4 )
            proposalActivity(a, host);
        return a;
    }

    private int otherState(int state) {
        int other = stateZipf.sample(random);
        return other != state ? other : (state + 1 + random.nextInt(background.states - 1)) % background.states;
    }

    private record Meeting(Node node, int[] participants) {
        boolean hasParticipant(int person) {
            for ( int p : participants )
                if ( p == person )
                    return true;
            return false;
        }
    }

    private Meeting heldMeeting(ArticleBuilder a, int host, int guest) {
        int kind = random.nextInt(10);
        int day = a.day() - random.nextInt(3);
        TreeSet<Integer> states = new TreeSet<>(List.of(host));
        if ( kind != 7 && kind != 8 )
            states.add(guest);
        if ( kind == 9 )
            for ( int extra = 1 + random.nextInt(2); extra > 0; extra-- )
                states.add(stateZipf.sample(random));
        int role = kind <= 2 ? Background.HEAD_OF_STATE : Background.HEAD_OF_FOREIGN_AFFAIRS;
        Node type = kind <= 2 ? Terms.Summit : kind <= 6 ? Terms.PhoneCall : kind <= 8 ? Terms.PressConference : Terms.Meeting;
        String what = kind <= 2 ? "synthetic summit" : kind <= 6 ? "synthetic phone call"
                    : kind <= 8 ? "synthetic press conference" : "synthetic meeting";
        int m = meetings++;
        Node node = ids.meeting(m);
        int[] participants = states.stream().mapToInt(s -> background.holderAt(s, role, day)).toArray();
        a.add(node, Terms.TYPE, type);
        a.add(node, Terms.LABEL, Terms.en(capitalised(what) + " " + m + ", " + Days.words(day)));
        a.add(node, DKG.Nodes.date, Days.literal(day));
        a.add(node, DKG.Nodes.status, Terms.Held);
        StringBuilder who = new StringBuilder();
        for ( int i = 0; i < participants.length; i++ ) {
            a.add(node, DKG.Nodes.participant, ids.person(participants[i]));
            if ( i > 0 )
                who.append(i == participants.length - 1 ? " and " : ", ");
            who.append(Background.personName(participants[i])).append(" (synthetic state ")
               .append(background.stateOfPerson(participants[i])).append(')');
        }
        a.evidence(node, "On " + Days.words(day) + ", " + who + (participants.length == 1 ? " gave " : " held ")
                         + what + " " + m + ".");
        for ( int s : states )
            remember(s, m, day);
        if ( m % meetingStride == 0 && sampledMeetings < SAMPLE ) {
            sampledMeetings++;
            for ( int s : states )
                expected.add(new ExpectedAnswer("involves-state", node, DKG.Nodes.involvesState, ids.state(s)));
        }
        return new Meeting(node, participants);
    }

    private void remember(int state, int meeting, int day) {
        int slot = recentCount[state]++ % RING;
        recentMeetings[state][slot] = meeting;
        recentDays[state][slot] = day;
    }

    private void statement(ArticleBuilder a, int state, Meeting meeting) {
        int k = positionZipf[background.positionsOf(state)].sample(random);
        int position = background.position(state, k);
        int role = random.nextDouble() < 0.7 ? Background.HEAD_OF_FOREIGN_AFFAIRS : Background.HEAD_OF_STATE;
        int speaker = background.holderAt(state, role, a.day());
        boolean revision = random.nextDouble() < background.volatility(position);
        int n = statements++;
        Node node = ids.statement(n);
        a.add(node, Terms.TYPE, Terms.Statement);
        a.add(node, Terms.LABEL, Terms.en("Synthetic statement " + n));
        a.add(node, Terms.attributedTo, ids.person(speaker));
        a.add(node, Terms.onBehalfOf, ids.state(state));
        a.add(node, DKG.Nodes.date, Days.literal(a.day()));
        a.add(node, revision ? DKG.Nodes.revises : DKG.Nodes.reaffirms, ids.position(state, k));
        if ( meeting != null && meeting.hasParticipant(speaker) )
            a.add(node, Terms.occasion, meeting.node());
        String says = Background.personName(speaker) + ", speaking for synthetic state " + state + ", said that its position "
                      + k + " on synthetic issue " + background.issueOf(state, k);
        if ( revision ) {
            positions.revise(position, a.day());
            a.evidence(node, says + " has been revised (synthetic statement " + n + ").");
            return;
        }
        int baseline = Days.NONE;
        if ( recentCount[state] > 0 && random.nextDouble() < 0.35 ) {
            int slot = random.nextInt(Math.min(RING, recentCount[state]));
            baseline = recentDays[state][slot];
            a.add(node, DKG.Nodes.comparedWith, ids.meeting(recentMeetings[state][slot]));
            says += " is unchanged compared with synthetic meeting " + recentMeetings[state][slot];
        } else {
            says += " is unchanged";
        }
        positions.reaffirm(position, a.day(), baseline);
        a.evidence(node, says + " (synthetic statement " + n + ").");
    }

    private void plannedMeeting(ArticleBuilder a, int host, int guest) {
        int m = meetings++;
        Node node = ids.meeting(m);
        a.add(node, Terms.TYPE, Terms.Summit);
        a.add(node, Terms.LABEL, Terms.en("Synthetic summit " + m + " (planned)"));
        a.add(node, DKG.Nodes.status, Terms.Planned);
        a.add(node, Terms.plannedParticipant, ids.person(background.holderAt(host, Background.HEAD_OF_STATE, a.day())));
        a.add(node, Terms.plannedParticipant, ids.person(background.holderAt(guest, Background.HEAD_OF_STATE, a.day())));
        a.evidence(node, "Synthetic state " + host + " and synthetic state " + guest + " announced a planned synthetic summit "
                         + m + ".");
        plannedMeetings.addLast(m);
        // Some plans are never called off; the oldest stays planned for good.
        if ( plannedMeetings.size() > PENDING_LIMIT )
            plannedMeetings.removeFirst();
    }

    private void cancellation(ArticleBuilder a) {
        int m = plannedMeetings.removeFirst();
        int c = cancellations++;
        Node node = ids.cancellation(c);
        a.add(node, Terms.TYPE, Terms.Cancellation);
        a.add(node, Terms.LABEL, Terms.en("Cancellation of synthetic summit " + m));
        a.add(node, DKG.Nodes.cancelledEvent, ids.meeting(m));
        a.add(node, DKG.Nodes.date, Days.literal(a.day()));
        a.evidence(node, "The planned synthetic summit " + m + " has been called off (synthetic cancellation " + c + ").");
        if ( c % cancellationStride == 0 && sampledCancellations < SAMPLE ) {
            sampledCancellations++;
            expected.add(new ExpectedAnswer("cancelled", ids.meeting(m), DKG.Nodes.status, DKG.Nodes.Cancelled));
        }
    }

    private void proposalActivity(ArticleBuilder a, int host) {
        if ( openProposals.isEmpty() || (openProposals.size() < PROPOSAL_POOL && random.nextDouble() < 0.2) ) {
            int p = proposals++;
            Node node = ids.proposal(p);
            a.add(node, Terms.TYPE, Terms.Proposal);
            a.add(node, Terms.LABEL, Terms.en("Synthetic proposal " + p));
            a.add(node, Terms.proposedBy, ids.state(host));
            a.evidence(node, "Synthetic state " + host + " put forward synthetic proposal " + p + ".");
            boolean sampled = p % proposalStride == 0 && sampledProposals < SAMPLE;
            if ( sampled )
                sampledProposals++;
            openProposals.add(new ProposalLedger(p, sampled, 2 + random.nextInt(12)));
            return;
        }
        ProposalLedger proposal = openProposals.get(random.nextInt(openProposals.size()));
        int state = random.nextDouble() < 0.5 ? host : stateZipf.sample(random);
        boolean byOfficial = random.nextDouble() < 0.5;
        boolean rejects = random.nextDouble() < 0.4;
        int s = stances++;
        Node node = ids.stance(s);
        Node holder = byOfficial ? ids.person(background.holderAt(state, Background.HEAD_OF_FOREIGN_AFFAIRS, a.day()))
                                 : ids.state(state);
        String who = byOfficial
            ? Background.personName(background.holderAt(state, Background.HEAD_OF_FOREIGN_AFFAIRS, a.day()))
              + " of synthetic state " + state
            : "Synthetic state " + state;
        a.add(node, Terms.TYPE, rejects ? DKG.Nodes.Rejection : DKG.Nodes.Support);
        a.add(node, Terms.LABEL, Terms.en((rejects ? "Rejection" : "Support") + " of synthetic proposal " + proposal.proposal));
        a.add(node, DKG.Nodes.stanceHolder, holder);
        a.add(node, DKG.Nodes.stanceOn, ids.proposal(proposal.proposal));
        a.add(node, DKG.Nodes.date, Days.literal(a.day()));
        a.evidence(node, who + (rejects ? " rejected" : " backed") + " synthetic proposal " + proposal.proposal
                         + " (synthetic stance " + s + ").");
        if ( rejects )
            proposal.reject(state, a.day());
        else
            proposal.support(state);
        if ( proposal.spent() ) {
            openProposals.remove(proposal);
            retire(proposal);
        }
    }

    private void retire(ProposalLedger proposal) {
        if ( !proposal.sampled )
            return;
        Node on = ids.proposal(proposal.proposal);
        proposal.forEachDisagreement((rejecting, supporting, day) -> {
            Node node = ids.disagreement(rejecting, supporting, proposal.proposal);
            expected.add(new ExpectedAnswer("disagreement", node, RDF.Nodes.type, DKG.Nodes.Disagreement));
            expected.add(new ExpectedAnswer("disagreement", node, DKG.Nodes.disagreementOn, on));
            expected.add(new ExpectedAnswer("disagreement", node, DKG.Nodes.disagreeingParty, ids.state(rejecting)));
            expected.add(new ExpectedAnswer("disagreement", node, DKG.Nodes.disagreeingParty, ids.state(supporting)));
            expected.add(new ExpectedAnswer("disagreement", node, DKG.Nodes.disagreementDate, Days.literal(day)));
        });
    }

    private void continuityAnswers() {
        int stride = Math.max(1, background.positions() / SAMPLE);
        for ( int p = 0; p < background.positions(); p += stride ) {
            int state = background.stateOfPosition(p);
            Node position = ids.position(state, p - background.position(state, 0));
            if ( positions.unchangedSince(p) != Days.NONE )
                expected.add(new ExpectedAnswer("unchanged-since", position, DKG.Nodes.unchangedSince,
                                                Days.literal(positions.unchangedSince(p))));
            if ( positions.lastReaffirmed(p) != Days.NONE )
                expected.add(new ExpectedAnswer("last-reaffirmed", position, DKG.Nodes.lastReaffirmed,
                                                Days.literal(positions.lastReaffirmed(p))));
        }
    }

    /** Counterparts: same role, another state, tenures sharing at least one day (both ends inclusive). */
    private void counterpartAnswers() {
        int stride = Math.max(1, background.persons() / SAMPLED_OFFICIALS);
        for ( int p = 0; p < background.persons(); p += stride ) {
            for ( int q : background.personsInRole(background.roleOfPerson(p)) ) {
                if ( background.stateOfPerson(q) != background.stateOfPerson(p) && overlap(p, q) )
                    expected.add(new ExpectedAnswer("counterpart", ids.person(p), DKG.Nodes.counterpart, ids.person(q)));
            }
        }
    }

    private boolean overlap(int p, int q) {
        int endP = background.end(p), endQ = background.end(q);
        return (endP == Days.NONE || background.start(q) <= endP) && (endQ == Days.NONE || background.start(p) <= endQ);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
