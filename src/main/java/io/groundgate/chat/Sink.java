package io.groundgate.chat;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a streamed answer goes, item by item: an engine's chat completion chunks, the Responses events made from them,
 * or the bytes of either on the wire. Every layer passes the same two signals along: keep-alives while tools run, and
 * whether the client has gone. A layer that only changes the items is {@link #mapping}, one that only watches them
 * {@link #peeking}, so that it writes nothing else. Implementations are safe to call from a worker thread.
 */
public interface Sink<T> {

    void send(T item);

    /** Sends bytes the client ignores, so that it does not time out while tools run. */
    void keepAlive();

    /** True once the client has gone away: stop working and return. */
    boolean cancelled();

    /** A sink of {@code S} that sends each item here as {@code translate} makes it; the two signals pass through. */
    default <S> Sink<S> mapping(Function<? super S, ? extends T> translate) {
        Sink<T> target = this;
        return new Sink<>() {
            @Override
            public void send(S item) {
                target.send(translate.apply(item));
            }

            @Override
            public void keepAlive() {
                target.keepAlive();
            }

            @Override
            public boolean cancelled() {
                return target.cancelled();
            }
        };
    }

    /** This sink, with {@code watch} shown each item before it is sent. */
    default Sink<T> peeking(Consumer<? super T> watch) {
        return mapping(item -> {
            watch.accept(item);
            return item;
        });
    }
}
