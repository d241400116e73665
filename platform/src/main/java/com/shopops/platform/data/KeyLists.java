package com.shopops.platform.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keys split for {@code IN (<keys>)} lists of {@link #SIZE}, the last one filled up with repeats of its last key
 * (which match nothing more). So every list has the same length, the SQL Jdbi renders for it is always the same
 * text, and Jdbi parses it once instead of once per list.
 */
final class KeyLists {

    /** Keys per list: well under SQLite's 32,766 and PostgreSQL's 32,767 bound parameters. */
    static final int SIZE = 500;

    private KeyLists() {
    }

    /** {@code all} in lists of {@link #SIZE} keys. */
    static <T> List<List<T>> of(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += SIZE) {
            List<T> chunk = new ArrayList<>(list.subList(i, Math.min(list.size(), i + SIZE)));
            T last = chunk.get(chunk.size() - 1);
            while (chunk.size() < SIZE) {
                chunk.add(last);
            }
            out.add(chunk);
        }
        return out;
    }
}
