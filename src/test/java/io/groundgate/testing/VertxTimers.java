package io.groundgate.testing;

import java.lang.reflect.Field;
import java.util.Map;

import io.vertx.core.Vertx;

/** Counts the timers a Vert.x instance holds (set and neither fired nor cancelled): a leak detector for tests. */
public final class VertxTimers {

    private VertxTimers() {
    }

    public static int live(Vertx vertx) {
        try {
            Field timeouts = io.vertx.core.impl.VertxImpl.class.getDeclaredField("timeouts");
            timeouts.setAccessible(true);
            return ((Map<?, ?>) timeouts.get(vertx)).size();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Vert.x version keeps its timers elsewhere", e);
        }
    }
}
