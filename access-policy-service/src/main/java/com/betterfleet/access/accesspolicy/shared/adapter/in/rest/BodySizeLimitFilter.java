package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before the body is read (Vert.x alone would answer with an empty 413), and a
 * chunked body with the same once it passes the limit.
 */
@Singleton
public class BodySizeLimitFilter {
    private final long maxBodySize;
    private final byte[] body;
    private final BodyHandler chunkedBodies;

    public BodySizeLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) throws JsonProcessingException {
        this.maxBodySize = maxBodySize.asLongValue();
        this.body = mapper.writeValueAsBytes(ProblemExceptionMapper.payloadTooLarge());
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && exceeds(length)) {
                tooLarge(ctx);
                return;
            }
            if (length == null && ctx.request().version() != HttpVersion.HTTP_2
                    && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // A chunked body is measured only as it is read, and RESTEasy's own reader answers an
                // empty 413 when it passes the limit: read it here instead (RESTEasy then uses what
                // was read). Not over HTTP/2, where RESTEasy cannot take a body read before it.
                chunkedBodies.handle(ctx);
                return;
            }
            ctx.next();
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            // the unread body would follow on this connection; HTTP/2 forbids the header (RFC 9113 8.2.2)
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(Buffer.buffer(body));
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
