package dev.attest.monitoring.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;

/**
 * The values a result shows as its "why": the fields read, long lists and texts shortened. A read-only
 * view over the resource's fields, built when it is read (stored or shown), since most results of a run
 * are only counted.
 */
@RequiredArgsConstructor
final class ObservedFields extends AbstractMap<String, Object> {

    private final List<String> read;
    private final FieldLayout layout;
    private final Object[] fields;
    private Set<Entry<String, Object>> entries;

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (entries == null) {
            entries = Collections.unmodifiableMap(layout.observed(read, fields)).entrySet();
        }
        return entries;
    }

    /** A value as a result shows it: texts over 200 characters and lists over 20 items cut short. */
    static Object shorten(Object value) {
        if (value instanceof String s && s.length() > 200) {
            return s.substring(0, 200) + "…";
        }
        if (value instanceof List<?> list && list.size() > 20) {
            List<Object> head = new ArrayList<>(list.subList(0, 20));
            head.add("… " + (list.size() - 20) + " more");
            return head;
        }
        return value;
    }
}
