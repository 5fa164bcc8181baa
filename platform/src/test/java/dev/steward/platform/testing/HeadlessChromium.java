package dev.steward.platform.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}, which {@code .ci/run} does),
 * headless, for browser tests of the pages the services serve. Without them the test is skipped on a developer's
 * machine and fails in CI ({@link RequiredInCi}).
 */
public final class HeadlessChromium {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {
    }

    /** A new browser with an empty profile; the caller quits it. Skips (or fails in CI) when none is installed. */
    public static ChromeDriver start() {
        String chromium = firstExisting(CHROMIUM);
        String driver = firstExisting(DRIVER);
        RequiredInCi.require(chromium != null && driver != null,
                "browser test skipped: Debian's chromium and chromium-driver are not installed "
                        + "(apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("steward-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            // As root in a sandbox with a closed network: no sandbox, no background connections that would be refused.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driver))
                    .usingAnyFreePort()
                    .withLogOutput(new java.io.FileOutputStream(profile.resolve("chromedriver.log").toFile()))
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return browser;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not create a browser profile directory", e);
        }
    }

    private static String firstExisting(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }
}
