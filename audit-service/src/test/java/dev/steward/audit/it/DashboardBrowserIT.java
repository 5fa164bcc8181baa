package dev.steward.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.TestEvents;
import dev.steward.contracts.Topics;
import dev.steward.contracts.event.GroupCreated;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.platform.testing.HeadlessChromium;
import dev.steward.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the service on PostgreSQL and Kafka: events published on the
 * topics show in the page, live, filtered, in the Source of Authority panel and in the chart.
 */
class DashboardBrowserIT extends PostgresAndKafkaTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openDashboard() {
        wait = new WebDriverWait(browser, WITHIN);
        browser.get(api.url("/dashboard"));
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys(TestTokens.groupsAdmin());
        token.sendKeys(Keys.TAB, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Signed in; live updates on"));
    }

    @Test
    void showsEntriesPublishedOnTheTopicsInTheRecentList() {
        String prefix = "Recent " + UUID.randomUUID();
        GroupCreated first = created(prefix + " one", Instant.now());
        GroupCreated second = created(prefix + " two", Instant.now());
        producer.publish(Topics.DIRECTORY_EVENTS, first, second);

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(row(second.messageId())));

        assertThat(row.getText()).contains("Add group", "success", "admin@corp.example.test", prefix + " two");
        assertThat(browser.findElement(row(first.messageId())).getText()).contains(prefix + " one");
    }

    @Test
    void addsANewEntryLiveWithoutReload() {
        browser.executeScript("window.stewardSamePage = true");
        GroupCreated created = created("Live " + UUID.randomUUID(), Instant.now());

        producer.publish(Topics.DIRECTORY_EVENTS, created);

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(row(created.messageId())));
        assertThat(row.getText()).contains(created.group().displayName());
        assertThat(row.getAttribute("class")).isEqualTo("fresh");
        assertThat(browser.executeScript("return window.stewardSamePage === true")).isEqualTo(true);
    }

    @Test
    void narrowsTheListWithATargetFilter() {
        String prefix = "Filtered " + UUID.randomUUID();
        GroupCreated kept = created(prefix + " kept", Instant.now());
        GroupCreated other = created("Other " + UUID.randomUUID(), Instant.now());
        producer.publish(Topics.DIRECTORY_EVENTS, kept, other);
        wait.until(ExpectedConditions.visibilityOfElementLocated(row(other.messageId())));

        browser.findElement(By.id("filter-target")).sendKeys(prefix);
        browser.findElement(By.id("filter-activity")).sendKeys("Add group", Keys.ENTER);

        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(other.messageId())));
        List<WebElement> rows = browser.findElements(By.cssSelector("#recent tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-id")).containsExactly(kept.messageId());
        assertThat(browser.findElement(By.id("recent-caption")).getText()).contains("1 entries");
    }

    @Test
    void showsAConvertedGroupInTheSourceOfAuthorityPanel() {
        String groupId = UUID.randomUUID().toString();
        String name = "Converted " + UUID.randomUUID();
        String rolledBackId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        producer.publish(Topics.DIRECTORY_EVENTS,
                switched(groupId, name, true, now.minusSeconds(60)),
                switched(rolledBackId, "Rolled back " + name, true, now.minusSeconds(50)),
                switched(rolledBackId, "Rolled back " + name, false, now.minusSeconds(40)));

        WebElement converted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#soa-cloud-managed li[data-group-id='" + groupId + "']")));
        assertThat(converted.getText()).startsWith(name);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("soa-timeline"),
                "rolled back: Rolled back " + name));
        assertThat(browser.findElements(By.cssSelector("#soa-cloud-managed li[data-group-id='" + rolledBackId + "']")))
                .isEmpty();
        assertThat(browser.findElement(By.id("soa-timeline")).getText()).contains("switched to cloud: " + name);
    }

    @Test
    void drawsABarForTheHourOfTheEntries() {
        String prefix = "Charted " + UUID.randomUUID();
        Instant now = Instant.now();
        producer.publish(Topics.DIRECTORY_EVENTS, created(prefix + " 1", now), created(prefix + " 2", now));
        String hour = now.truncatedTo(ChronoUnit.HOURS).toString();

        browser.findElement(By.id("filter-target")).sendKeys(prefix, Keys.ENTER);

        By bar = By.cssSelector("#chart rect.bar[data-activity='Add group'][data-hour='" + hour + "'][data-count='2']");
        // the live feed redraws the chart: a bar found before a redraw is stale, so it is found and read in one step
        String height = wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(bar).getAttribute("height"));
        assertThat(Double.parseDouble(height)).isPositive();
        wait.until(ExpectedConditions.textToBe(By.id("chart-legend"), "Add group"));
    }

    private static By row(String entryId) {
        return By.cssSelector("#recent tbody tr[data-id='" + entryId + "']");
    }

    private static GroupCreated created(String name, Instant at) {
        String id = UUID.randomUUID().toString();
        return TestEvents.groupCreated(TestEvents.metadata(id, UUID.randomUUID().toString(), at, TestEvents.ADMIN),
                TestEvents.syncedSecurityGroup(id, name));
    }

    private static SourceOfAuthorityChanged switched(String groupId, String name, boolean toCloud, Instant at) {
        return TestEvents.sourceOfAuthority(TestEvents.metadata(groupId, UUID.randomUUID().toString(), at,
                TestEvents.ADMIN), groupId, name, toCloud);
    }
}
