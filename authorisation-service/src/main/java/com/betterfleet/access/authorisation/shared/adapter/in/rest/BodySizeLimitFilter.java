package com.betterfleet.access.authorisation.shared.adapter.in.rest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Two edge rules on the main HTTP router, before RESTEasy: a request whose declared Content-Length
 * exceeds {@code quarkus.http.limits.max-body-size} gets a 413 problem before its body is read
 * (Vert.x alone would answer with an empty 413); and a percent-encoded colon in the path
 * ({@code identifiers%3Abatch}, as some HTTP clients send it) is routed like the literal colon.
 */
@Singleton
public class BodySizeLimitFilter {
    private final long maxBodySize;
    private final byte[] body;

    public BodySizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.body = mapper.writeValueAsBytes(ProblemExceptionMapper.payloadTooLarge());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = ctx.request().path();
            if (path != null && path.indexOf('%') >= 0 && (path.contains("%3A") || path.contains("%3a"))) {
                String query = ctx.request().query();
                ctx.reroute(path.replace("%3A", ":").replace("%3a", ":") + (query == null ? "" : "?" + query));
                return;
            }
            if (length != null && exceeds(length)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(body));
                return;
            }
            ctx.next();
        });
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
