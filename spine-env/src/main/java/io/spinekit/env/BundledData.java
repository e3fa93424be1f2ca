package io.spinekit.env;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spinekit.core.Text;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled catalog ({@value #RESOURCE}), read once per class loader with Jackson's streaming
 * parser and checked strictly against the key schema.
 */
final class BundledData {
    static final String RESOURCE = "io/spinekit/env/environments.json";
    private static final String WHERE = "bundled catalog " + RESOURCE;

    final LocalDate edition;
    final Map<SpineEnvironment, Map<String, Fact>> facts;

    private BundledData(LocalDate edition, Map<SpineEnvironment, Map<String, Fact>> facts) {
        this.edition = edition;
        this.facts = facts;
    }

    /** Lazily read on first use, then shared: the data is immutable. */
    private static final class Holder {
        static final BundledData INSTANCE = read();
    }

    static BundledData get() {
        return Holder.INSTANCE;
    }

    static BundledData read() {
        try (InputStream in = BundledData.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogException(WHERE + " is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new CatalogException("Cannot read " + WHERE + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks catalog data in the bundled format. */
    static BundledData read(InputStream in) {
        Object root;
        try {
            try (JsonParser p = new JsonFactory().createParser(in)) {
                p.nextToken();
                root = value(p);
                if (p.nextToken() != null) {
                    throw new CatalogException(WHERE + ": trailing content after the JSON object");
                }
            }
        } catch (IOException e) {
            throw new CatalogException(WHERE + " is not valid JSON: " + e.getMessage(), e);
        }
        Map<String, Object> top = object(root, "top level");
        LocalDate edition;
        try {
            edition = LocalDate.parse(string(top.get("edition"), "edition"));
        } catch (DateTimeParseException e) {
            throw new CatalogException(WHERE + ": 'edition' is not an ISO date: " + top.get("edition"), e);
        }
        Map<String, Object> sources = object(top.get("sources"), "sources");
        Map<String, Object> envs = object(top.get("environments"), "environments");
        Map<SpineEnvironment, Map<String, Fact>> out = new EnumMap<>(SpineEnvironment.class);
        for (Map.Entry<String, Object> env : envs.entrySet()) {
            SpineEnvironment e = standard(env.getKey());
            Map<String, Fact> facts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> f : object(env.getValue(), env.getKey()).entrySet()) {
                facts.put(f.getKey(), fact(env.getKey(), f.getKey(), object(f.getValue(), env.getKey() + "." + f.getKey()), sources));
            }
            out.put(e, Collections.unmodifiableMap(facts));
        }
        for (SpineEnvironment e : SpineEnvironment.values()) {
            if (!out.containsKey(e)) {
                throw new CatalogException(WHERE + ": environment " + Text.quote(e.key()) + " is missing");
            }
        }
        return new BundledData(edition, Collections.unmodifiableMap(out));
    }

    private static SpineEnvironment standard(String name) {
        for (SpineEnvironment e : SpineEnvironment.values()) {
            if (e.key().equals(name)) {
                return e;
            }
        }
        throw new CatalogException(WHERE + ": unknown environment " + Text.quote(name) + ": expected development, integration, deployment or live");
    }

    private static Fact fact(String env, String key, Map<String, Object> json, Map<String, Object> sources) {
        String where = WHERE + ", environment " + Text.quote(env) + ", key " + Text.quote(key);
        Keys.Def def = Keys.find(key).orElseThrow(() -> new CatalogException(where + ": not a catalog key"));
        for (String field : json.keySet()) {
            if (!List.of("value", "provenance", "source", "note").contains(field)) {
                throw new CatalogException(where + ": unknown field " + Text.quote(field) + ": expected value, provenance, source, note");
            }
        }
        String value = string(json.get("value"), where + " value");
        Optional<String> problem = def.type().check(value);
        if (problem.isPresent()) {
            throw new CatalogException(where + ": invalid value " + Text.quote(value) + ": " + problem.get());
        }
        Provenance provenance;
        try {
            provenance = Provenance.valueOf(string(json.get("provenance"), where + " provenance"));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": provenance must be SEED, PUBLIC or INFERRED: " + json.get("provenance"), e);
        }
        if (provenance == Provenance.OVERRIDE) {
            throw new CatalogException(where + ": bundled data cannot have provenance OVERRIDE");
        }
        String sourceId = string(json.get("source"), where + " source");
        Object source = sources.get(sourceId);
        if (!(source instanceof String)) {
            throw new CatalogException(where + ": source " + Text.quote(sourceId) + " is not defined under 'sources'");
        }
        Object note = json.get("note");
        String text = note == null ? (String) source : source + "; " + string(note, where + " note");
        if (!def.type().normalise(value).equals(value)) {
            throw new CatalogException(where + ": value " + Text.quote(value) + " is not in canonical form " + Text.quote(def.type().normalise(value)) + "");
        }
        return new Fact(key, value, provenance, text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new CatalogException(WHERE + ": " + what + " must be a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static String string(Object o, String what) {
        if (!(o instanceof String s) || s.isBlank()) {
            throw new CatalogException(WHERE + ": " + what + " must be a non-blank string, got " + o);
        }
        return s;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (map.put(name, value(p)) != null) {
                    throw new CatalogException(WHERE + ": duplicate field " + Text.quote(name) + " at " + p.currentLocation());
                }
            }
            return map;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(p));
            }
            return list;
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw new CatalogException(WHERE + ": unexpected " + t + " at " + p.currentLocation() + ": only objects and strings are used");
    }
}
