package org.diplomacykg.bench.jena;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Rule;
import org.diplomacykg.reasoning.PatternRule;
import org.diplomacykg.reasoning.PatternRule.Clause;

/**
 * The service's pattern rules ({@link PatternRule}: every OWL rule, and the domain rules
 * declared as joins) written as Jena rules from their own clauses, so that a pattern rule has
 * no second copy to keep in step: one Jena rule per clause, in stratum 0 (they are monotone),
 * named after the Java rule. The Java rule's guard against literal subjects becomes
 * {@code notLiteral} on each head subject that no body pattern binds as a subject; the other
 * guard, no conclusion among its own premises, changes nothing a forward engine derives.
 */
final class PatternJenaRules {

    private PatternJenaRules() {}

    /** The clauses of the pattern rules among {@code rules}, as Jena rules. */
    static List<Rule> of(List<org.diplomacykg.reasoning.Rule> rules) {
        List<String> text = new ArrayList<>();
        for ( org.diplomacykg.reasoning.Rule rule : rules ) {
            if ( !(rule instanceof PatternRule pattern) )
                continue;
            String name = rule.iri().substring(org.diplomacykg.reasoning.Rule.RULE_BASE.length());
            int n = 0;
            for ( Clause clause : pattern.clauses() )
                text.add(rule(name + "-" + ++n, clause));
        }
        return Rule.parseRules(String.join("\n", text));
    }

    private static String rule(String name, Clause clause) {
        List<String> body = new ArrayList<>();
        Set<Node> subjects = new LinkedHashSet<>();
        for ( Triple pattern : clause.body() ) {
            body.add(pattern(pattern));
            subjects.add(pattern.getSubject());
        }
        Set<Node> guarded = new LinkedHashSet<>();
        for ( Triple head : clause.head() ) {
            if ( head.getSubject().isVariable() && !subjects.contains(head.getSubject()) )
                guarded.add(head.getSubject());
        }
        guarded.forEach(v -> body.add("notLiteral(" + term(v) + ")"));
        List<String> head = clause.head().stream().map(PatternJenaRules::pattern).toList();
        return "[s0-" + name + ": " + String.join(", ", body) + " -> " + String.join(", ", head) + "]";
    }

    private static String pattern(Triple t) {
        return "(" + term(t.getSubject()) + " " + term(t.getPredicate()) + " " + term(t.getObject()) + ")";
    }

    private static String term(Node node) {
        if ( node.isVariable() )
            return "?" + node.getName();
        if ( node.isURI() )
            return "<" + node.getURI() + ">";
        throw new IllegalArgumentException("Only variables and IRIs are written as Jena rule terms: " + node);
    }
}
