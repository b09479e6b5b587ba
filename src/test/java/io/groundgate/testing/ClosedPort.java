package io.groundgate.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port with nothing listening: connections to it are refused. */
public final class ClosedPort {

    private ClosedPort() {
    }

    public static int find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
