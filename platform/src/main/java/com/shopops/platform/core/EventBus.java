package com.shopops.platform.core;

import com.shopops.api.Events;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's in-process event bus; each plugin sees it through {@link #forPlugin}. */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private record Subscription(String owner, Class<?> type, Consumer<Object> listener) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Delivers {@code event} to each subscriber of its type; a failing listener is logged and skipped. */
    public void publish(Object event) {
        for (Subscription s : subscriptions) {
            if (s.type().isInstance(event)) {
                try {
                    s.listener().accept(event);
                } catch (RuntimeException | LinkageError e) {
                    log.error("event listener of {} failed on {}", s.owner(), event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** The bus as the plugin {@code owner} sees it: its subscriptions are dropped by {@link #release}. */
    public Events forPlugin(String owner) {
        return new Events() {
            @Override
            @SuppressWarnings("unchecked")
            public <E> void subscribe(Class<E> type, Consumer<? super E> listener) {
                subscriptions.add(new Subscription(owner, type, e -> listener.accept((E) e)));
            }

            @Override
            public void publish(Object event) {
                EventBus.this.publish(event);
            }
        };
    }

    /** Drops every subscription of {@code owner}. */
    public void release(String owner) {
        subscriptions.removeIf(s -> s.owner().equals(owner));
    }
}
