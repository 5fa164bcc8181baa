package dev.steward.launcher.stack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.launcher.LauncherException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void failsClearlyWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("LDAP (--ldap-port)", Ports.free());
            ports.put("directory-service (--directory-port)", taken.getLocalPort());

            assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", ports))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .hasMessageContaining("directory-service (--directory-port)")
                    .hasMessageNotContaining("LDAP");
        }
    }

    @Test
    void refusesOnePortForTwoProcesses() {
        int port = Ports.free();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", port);
        ports.put("sync-service (--sync-port)", port);

        assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", ports))
                .hasMessageContaining("port " + port + " is given to both Kafka (--kafka-port) and sync-service");
    }

    @Test
    void acceptsFreePorts() {
        assertThatCode(() -> Ports.requireFree("127.0.0.1", Map.of("LDAP (--ldap-port)", Ports.free())))
                .doesNotThrowAnyException();
    }
}
