package io.spinekit.testkit;

import com.unboundid.ldap.sdk.Entry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the SDS fixtures share ({@link MhsFixture}, {@link AccreditedSystemFixture},
 * {@link OrganisationFixture}): attributes in order, names in any case, any value (even malformed:
 * values are strings on purpose). Not thread-safe.
 *
 * @param <F> the fixture type
 */
abstract class EntryFixture<F extends EntryFixture<F>> {
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();

    abstract F self();

    /** The entry to add, with its DN. */
    abstract Entry entry();

    /**
     * Sets an attribute to the given values, replacing earlier ones; no values removes it.
     *
     * @param name the attribute name (any case)
     * @param values the values, stored as given
     * @return this
     */
    public F attribute(String name, String... values) {
        String key = name.toLowerCase(Locale.ROOT);
        attributes.keySet().removeIf(k -> k.equalsIgnoreCase(key));
        attributes.remove(key);
        if (values.length > 0) {
            attributes.put(name, List.of(values));
        }
        return self();
    }

    /**
     * Removes an attribute.
     *
     * @param name the attribute name (any case)
     * @return this
     */
    public F without(String name) {
        return attribute(name);
    }

    String value(String name) {
        for (Map.Entry<String, List<String>> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    Entry toEntry(String dn) {
        Entry e = new Entry(dn);
        attributes.forEach((k, v) -> e.addAttribute(k, v.toArray(new String[0])));
        return e;
    }
}
