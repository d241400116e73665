package com.shopops.api;

import java.util.function.Consumer;

/**
 * The host's in-process event bus. Events are records, e.g. those in {@link CoreEvents}. A listener
 * that throws is logged and does not stop delivery to the others.
 *
 * @since 1.0.0
 */
public interface Events {

    /** Calls {@code listener} for every published event of {@code type} (or a subtype). */
    <E> void subscribe(Class<E> type, Consumer<? super E> listener);

    /** Delivers {@code event} to every subscriber, in the caller's thread. */
    void publish(Object event);
}
