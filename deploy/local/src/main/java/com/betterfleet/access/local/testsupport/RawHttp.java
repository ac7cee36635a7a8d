package com.betterfleet.access.local.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Requests REST Assured cannot make: it always sends a body's length, so a body sent chunked
 * (HTTP/1.1 without Content-Length) or over HTTP/2 needs the JDK's own client.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A JSON body of unknown length, sent chunked over HTTP/1.1. */
    public static HttpResponse<String> chunked(String method, String url, String bearerToken, byte[] body) {
        return send(HttpClient.Version.HTTP_1_1, method, url, bearerToken,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    /** A JSON body with its length, over HTTP/2 (cleartext upgrade). */
    public static HttpResponse<String> http2(String method, String url, String bearerToken, byte[] body) {
        return send(HttpClient.Version.HTTP_2, method, url, bearerToken, BodyPublishers.ofByteArray(body));
    }

    private static HttpResponse<String> send(HttpClient.Version version, String method, String url, String bearerToken,
            BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearerToken).header("Content-Type", "application/json")
                .method(method, body).timeout(Duration.ofSeconds(30)).build();
        try {
            return HttpClient.newBuilder().version(version).build().send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + method + " " + url, e);
        }
    }
}
