package org.coloc.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code Json.createXxx()} searches the class path with a ServiceLoader on
 * every call, which cost the intake a third of its time per mail.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
