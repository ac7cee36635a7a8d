package com.betterfleet.access.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Registers identifiers through the real registry API (POST /api/v1/identifiers:batch, as Core's
 * identifier sync does), in batches, a few batches in flight at once. Every item must come back
 * created or updated, or seeding fails: a benchmark on a half-seeded registry would measure nothing.
 */
final class IdentifierSeeder {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String url;
    private final String token;
    private final int batchSize;
    private final int inFlight;

    IdentifierSeeder(String serviceUrl, String syncToken, int batchSize, int inFlight) {
        this.url = serviceUrl + "/api/v1/identifiers:batch";
        this.token = syncToken;
        this.batchSize = batchSize;
        this.inFlight = inFlight;
    }

    /** Registers items 0..count-1; {@code item} gives each one's JSON object. */
    void seed(int count, IntFunction<String> item) throws Exception {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int from = 0; from < count; from += batchSize) {
            if (running.size() == inFlight) {
                running.remove(0).get(120, TimeUnit.SECONDS);
            }
            StringBuilder items = new StringBuilder("[");
            int to = Math.min(count, from + batchSize);
            for (int i = from; i < to; i++) {
                items.append(i == from ? "" : ",").append(item.apply(i));
            }
            String body = items.append(']').toString();
            int expected = to - from;
            running.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> check(response, expected)));
        }
        for (CompletableFuture<Void> batch : running) {
            batch.get(120, TimeUnit.SECONDS);
        }
    }

    private static void check(HttpResponse<String> response, int expected) {
        String body = response.body();
        int accepted = occurrences(body, "\"status\":\"created\"") + occurrences(body, "\"status\":\"updated\"");
        if (response.statusCode() != 200 || accepted != expected) {
            throw new IllegalStateException("seeding identifiers failed: HTTP " + response.statusCode() + ", "
                    + accepted + " of " + expected + " accepted: "
                    + body.substring(0, Math.min(400, body.length())));
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
