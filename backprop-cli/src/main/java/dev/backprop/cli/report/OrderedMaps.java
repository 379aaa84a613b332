package dev.backprop.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the report records that keep the caller's order (the page shows that order). */
final class OrderedMaps {

    private OrderedMaps() {
    }

    /**
     * An unmodifiable copy in iteration order of {@code map}.
     *
     * @throws NullPointerException naming {@code what} if the map, a key or a value is null
     */
    static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        Objects.requireNonNull(map, what);
        LinkedHashMap<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, () -> what + ": null key"),
                Objects.requireNonNull(value, () -> what + ": null value for " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
