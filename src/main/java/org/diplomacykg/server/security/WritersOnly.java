package org.diplomacykg.server.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.http.Responses;

/**
 * Lets through to the servlet behind it only the users who may write: on a server with readers
 * ({@code --read-passwd}), a reader who reaches a write servlet past the login gets 403. Mapped
 * on the servlet's own path, so it sees every request the servlet would.
 */
public final class WritersOnly implements Filter {

    private final Set<String> writers;

    public WritersOnly(Set<String> writers) {
        this.writers = Set.copyOf(writers);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String user = ((HttpServletRequest) request).getRemoteUser();
        if ( user != null && writers.contains(user) ) {
            chain.doFilter(request, response);
            return;
        }
        Responses.text((HttpServletResponse) response, HttpServletResponse.SC_FORBIDDEN,
                       user == null ? "Writing needs a login" : "User '" + user + "' may read but not write");
    }
}
