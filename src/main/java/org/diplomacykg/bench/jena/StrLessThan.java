package org.diplomacykg.bench.jena;

import org.apache.jena.graph.Node;
import org.apache.jena.reasoner.rulesys.RuleContext;
import org.apache.jena.reasoner.rulesys.builtins.BaseBuiltin;

/**
 * {@code strLessThan(?a, ?b)}: true when both are literals and the lexical form of the first
 * sorts before the second's, as Java's {@link String#compareTo} sorts them. Jena's own
 * {@code lessThan} compares only numbers and date-times; the incompatibility rule needs this to
 * name the node of two positions from their slugs in sorted order, as the Java rule does.
 */
final class StrLessThan extends BaseBuiltin {

    @Override
    public String getName() {
        return "strLessThan";
    }

    @Override
    public int getArgLength() {
        return 2;
    }

    @Override
    public boolean bodyCall(Node[] args, int length, RuleContext context) {
        checkArgs(length, context);
        Node a = getArg(0, args, context);
        Node b = getArg(1, args, context);
        return a.isLiteral() && b.isLiteral() && a.getLiteralLexicalForm().compareTo(b.getLiteralLexicalForm()) < 0;
    }
}
