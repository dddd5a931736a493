package org.rnnexplorer.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells one part of the window what a user asked for in another, without either knowing the other: a part publishes
 * an event (a record, e.g. the Training tab's {@code ModelChosen}), and whoever subscribed to its type handles it. For
 * requests only; what the window shows is shared as observable state in the view models. Events are handled at once,
 * on the thread that publishes them (the JavaFX thread), in the order the handlers subscribed.
 */
public final class EventBus {
    private final Map<Class<?>, List<Consumer<Object>>> handlers = new LinkedHashMap<>();

    /** Calls {@code handler} with every event of {@code type} published from now on. */
    public <E> void subscribe(Class<E> type, Consumer<? super E> handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(e -> handler.accept(type.cast(e)));
    }

    /** Hands {@code event} to the handlers of its class. */
    public void publish(Object event) {
        for (Consumer<Object> h : List.copyOf(handlers.getOrDefault(event.getClass(), List.of()))) h.accept(event);
    }
}
