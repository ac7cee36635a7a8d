package com.betterfleet.access.authorisation.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The message contracts of docs/contracts/, read from the repository (../docs/contracts/). */
public final class Schemas {
    private static final Path CONTRACTS = Path.of("..", "docs", "contracts");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTRACT_IDS = "https://contracts.betterfleet.example/charger-access/";

    public static final JsonSchema EVENTS = load("events.schema.json");
    public static final JsonSchema IDENTIFIER_ITEM = load("identifier-item.schema.json");
    /** Its items refer to events.schema.json by $id: resolved from the same folder. */
    public static final JsonSchema EVENTS_BATCH = load("events-batch.schema.json");

    private Schemas() {
    }

    /** The validation messages of {@code json} against {@code schema}; empty when valid. */
    public static Set<ValidationMessage> violations(JsonSchema schema, String json) {
        try {
            return schema.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> violations(JsonSchema schema, JsonNode json) {
        return schema.validate(json);
    }

    private static JsonSchema load(String file) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(CONTRACT_IDS,
                        CONTRACTS.toAbsolutePath().normalize().toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(CONTRACTS.resolve(file))) {
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
