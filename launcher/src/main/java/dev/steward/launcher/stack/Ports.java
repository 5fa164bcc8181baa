package dev.steward.launcher.stack;

import dev.steward.launcher.LauncherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Port checks before anything starts, so that a taken port fails at once with its name and flag. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(String bindAddress, Map<String, Integer> ports) {
        Map<Integer, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            String other = seen.putIfAbsent(port.getValue(), port.getKey());
            if (other != null) {
                problems.add("port " + port.getValue() + " is given to both " + other + " and " + port.getKey());
            } else if (!isFree(bindAddress, port.getValue())) {
                problems.add("port " + port.getValue() + " on " + bindAddress + " is in use; it is the port of "
                        + port.getKey());
            }
        }
        if (!problems.isEmpty()) {
            throw new LauncherException("Cannot start Steward:\n  - " + String.join("\n  - ", problems)
                    + "\nStop what uses the port (./steward down stops a detached stack) or choose another port "
                    + "with the flag shown.");
        }
    }

    public static boolean isFree(String bindAddress, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago on the loopback address (for tests). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
