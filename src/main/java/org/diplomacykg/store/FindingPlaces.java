package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.NodeFactory;

/**
 * Where {@link BundleCheck}'s findings are in the files: each placed at the file, line and
 * column of its thing (its IRI, else a span's words) where the facts as written show it.
 */
final class FindingPlaces {

    private FindingPlaces() {}

    /** See {@link BundleCheck#place}. */
    static List<Finding> place(List<Finding> findings, List<FactsSource> sources) {
        List<Finding> out = new ArrayList<>();
        for ( Finding f : findings ) {
            Finding p = place(f, sources);
            if ( !out.contains(p) )
                out.add(p);
        }
        return out;
    }

    private static Finding place(Finding f, List<FactsSource> sources) {
        if ( f.file() != null || sources.isEmpty() )
            return f;
        for ( FactsSource source : sources ) {
            Optional<long[]> at = f.focus() == null ? Optional.empty() : source.positionOf(NodeFactory.createURI(f.focus()));
            if ( at.isEmpty() && f.label() != null && f.label().length() > 0 && (Finding.SPAN.equals(f.check()) || f.focus() == null) )
                at = source.positionOfQuote(f.label());
            if ( at.isPresent() )
                return f.at(source.file(), at.get()[0], at.get()[1]);
        }
        return sources.size() == 1 ? f.at(sources.get(0).file(), -1, -1) : f;
    }
}
