package dev.steward.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

class HeadlessChromiumIT {

    @Test
    void rendersAPageServedOnLoopbackAndRunsItsScript() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = """
                <!doctype html><html lang="en"><title>probe</title>
                <p id="out">static</p><script>document.getElementById('out').textContent = 'scripted';</script>
                """.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertThat(browser.getTitle()).isEqualTo("probe");
            assertThat(browser.findElement(By.id("out")).getText()).isEqualTo("scripted");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }
}
