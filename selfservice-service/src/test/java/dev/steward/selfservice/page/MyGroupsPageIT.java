package dev.steward.selfservice.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.AddMembers;
import dev.steward.contracts.command.CommandResult;
import dev.steward.contracts.command.RemoveMembers;
import dev.steward.platform.security.DevTokens;
import dev.steward.platform.testing.HeadlessChromium;
import dev.steward.platform.testing.TestTokens;
import dev.steward.selfservice.support.GroupFixture;
import dev.steward.selfservice.support.Http.Response;
import dev.steward.selfservice.support.SelfServiceTestBase;
import dev.steward.selfservice.support.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The My Groups page in a real headless Chromium against the running service: users sign in with tokens of the
 * configured issuer, and everything the page shows comes from the /mygroups API. The directory's side is played by
 * the test, as in the other end-to-end tests: it answers the AddMembers command the approval sends.
 */
class MyGroupsPageIT extends SelfServiceTestBase {

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void requesterAsksToJoinOwnerApprovesInTheInboxAndRequesterSeesItCompleted() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser carol = given(TestUser.named("carol"));
        String name = "Page Engineering " + UUID.randomUUID().toString().substring(0, 8);
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named(name).ownedBy(alice.id()));

        openPage();
        signIn(carol.token());
        browser.findElement(By.id("group-filter")).sendKeys(name);
        joinButton(group).click();
        browser.findElement(By.id("justification")).sendKeys("I build the release pipeline");
        browser.findElement(By.id("join-submit")).click();
        awaitStatus("Your request to join " + name + " was sent to its owners.");
        assertThat(requestStatus(group)).isEqualTo("Pending");
        assertThat(browser.findElement(By.cssSelector("#group-list li[data-group-id='" + group.id() + "']"))
                .findElements(By.cssSelector("button.join"))).as("no second request").isEmpty();

        signOut();
        signIn(alice.token());
        await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            WebElement inboxItem = inboxItemFor(carol);
            assertThat(inboxItem).isNotNull();
            assertThat(inboxItem.getText()).contains(carol.userPrincipalName() + " asks to join " + name)
                    .contains("I build the release pipeline");
            inboxItem.findElement(By.xpath(".//button[text()='Approve']")).click();
        });
        awaitStatus("You approved " + carol.userPrincipalName() + " joining " + name + ".");
        // The page announces the decision, then reloads its lists.
        await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(inboxItemFor(carol)).as("decided requests leave the inbox").isNull());

        AddMembers add = (AddMembers) awaitAddMembers(group).value();
        assertThat(add.memberIds()).containsExactly(carol.id());
        kafka.publish(Topics.DIRECTORY_COMMAND_RESULTS, CommandResult.succeeded(new CommandResult.ContractCommandRef(
                add.metadata().commandId(), "directory.AddMembers", add.metadata().correlationId(), group.id()),
                Instant.now()));

        signOut();
        signIn(carol.token());
        await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            browser.findElement(By.id("refresh-requests")).click();
            assertThat(requestStatus(group)).isEqualTo("Completed");
        });
    }

    @Test
    void aKeyboardUserTabsToTheJoinButtonAndSendsTheRequestWithEnter() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser dave = given(TestUser.named("dave"));
        String name = "Keyboard " + UUID.randomUUID().toString().substring(0, 8);
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named(name).ownedBy(alice.id()));

        openPage();
        WebElement token = browser.findElement(By.id("token"));
        assertThat(browser.switchTo().activeElement()).isNotEqualTo(token);
        token.sendKeys(dave.token());
        token.sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Sign in");
        focused().sendKeys(Keys.ENTER);
        await().atMost(TIMEOUT).until(() -> browser.findElement(By.id("app")).isDisplayed());
        assertThat(focused().getAttribute("id")).as("focus moves to the group filter").isEqualTo("group-filter");

        focused().sendKeys(name);
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAccessibleName()).isEqualTo("Request to join " + name);
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getAttribute("id")).isEqualTo("justification");
        focused().sendKeys("Keyboard only");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Send request");
        focused().sendKeys(Keys.ENTER);

        awaitStatus("Your request to join " + name + " was sent to its owners.");
        Response mine = http.get("/mygroups/requests", dave.token());
        assertThat(mine.json().get("value")).anySatisfy(request -> {
            assertThat(request.get("groupId").asString()).isEqualTo(group.id());
            assertThat(request.get("justification").asString()).isEqualTo("Keyboard only");
        });
    }

    @Test
    void everyInputAndButtonHasAnAccessibleNameAndThePageHasLandmarksAndALiveRegion() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser erin = given(TestUser.named("erin"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()).withMembers(alice.id()));
        http.post("/mygroups/requests", erin.token(), "{\"groupId\":\"" + group.id() + "\"}");

        openPage();
        assertAccessibleNames("signed out");
        signIn(alice.token());
        await().atMost(TIMEOUT).until(() -> inboxItemFor(erin) != null);
        await().atMost(TIMEOUT).until(() -> !browser.findElements(
                By.cssSelector("#member-of-list li[data-group-id='" + group.id() + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#approval-list input"))).isNotEmpty();
        assertAccessibleNames("signed in, with an inbox");

        assertThat(browser.findElements(By.tagName("main"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("nav"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My Groups");
        assertThat(browser.findElement(By.id("status")).getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElement(By.id("error")).getAttribute("role")).isEqualTo("alert");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void anOwnerManagesTheMembersOfTheirGroupByKeyboardAndEachChangeIsADirectoryCommand() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser carol = given(TestUser.named("carol"));
        TestUser dave = given(TestUser.named("dave"));
        String name = "Owned " + UUID.randomUUID().toString().substring(0, 8);
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().named(name).ownedBy(alice.id())
                .withMembers(carol.id()));
        String carolName = carol.userPrincipalName().substring(0, carol.userPrincipalName().indexOf('@'));

        openPage();
        signIn(alice.token());
        WebElement manage = await().atMost(TIMEOUT).until(() -> browser.findElements(
                By.cssSelector("#owned-list li[data-group-id='" + group.id() + "'] button.manage")),
                buttons -> !buttons.isEmpty()).get(0);
        assertThat(manage.getAccessibleName()).isEqualTo("Manage members of " + name);
        manage.sendKeys(Keys.ENTER);
        assertThat(focused().getAttribute("id")).as("focus moves to the add form").isEqualTo("new-member-id");
        assertThat(focused().getAccessibleName()).isEqualTo("User id of the member to add to " + name);
        WebElement remove = await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).until(() ->
                browser.findElements(By.cssSelector("#member-list li[data-member-id='" + carol.id() + "'] button")),
                buttons -> !buttons.isEmpty()).get(0);
        assertThat(browser.findElement(By.cssSelector("#member-list li[data-member-id='" + carol.id() + "']"))
                .getText()).contains(carolName).contains(carol.userPrincipalName());
        assertAccessibleNames("an owner's members");

        WebElement memberId = focused();
        memberId.sendKeys("not-a-user");
        memberId.sendKeys(Keys.ENTER);
        assertThat(errorText()).contains("'not-a-user' does not exist").endsWith("(Request_ResourceNotFound)");
        await().atMost(TIMEOUT).until(() -> "new-member-id".equals(focused().getAttribute("id")));
        memberId.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        memberId.sendKeys(dave.id());
        assertThat(memberId.getAttribute("value")).isEqualTo(dave.id());
        memberId.sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Add member");
        focused().sendKeys(Keys.ENTER);
        awaitStatus("Adding " + dave.id() + " to " + name + ": the directory adds them shortly.");
        AddMembers add = (AddMembers) await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.DIRECTORY_COMMANDS)
                .stream().filter(record -> record.value() instanceof AddMembers && record.key().equals(group.id()))
                .toList(), records -> !records.isEmpty()).get(0).value();
        assertThat(add.memberIds()).containsExactly(dave.id());

        remove = browser.findElement(By.cssSelector("#member-list li[data-member-id='" + carol.id() + "'] button"));
        assertThat(remove.getAccessibleName()).isEqualTo("Remove " + carolName + " from " + name);
        remove.sendKeys(Keys.ENTER);
        awaitStatus("Removing " + carolName + " from " + name + ": the directory removes them shortly.");
        RemoveMembers removal = (RemoveMembers) await().atMost(TIMEOUT).until(() -> kafka.readAll(
                Topics.DIRECTORY_COMMANDS).stream().filter(record -> record.value() instanceof RemoveMembers
                && record.key().equals(group.id())).toList(), records -> !records.isEmpty()).get(0).value();
        assertThat(removal.memberIds()).containsExactly(carol.id());
        assertThat(browser.findElement(By.cssSelector("#member-list li[data-member-id='" + carol.id() + "']"))
                .getText()).contains("Removal requested");

        focused().sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("members-panel")).isDisplayed()).isFalse();
        assertThat(focused().getAccessibleName()).as("focus returns to the group").isEqualTo("Manage members of " + name);
    }

    @Test
    void errorsOfTheApiAreShownAndARejectionNeedsAReason() {
        TestUser alice = given(TestUser.named("alice"));
        TestUser frank = given(TestUser.named("frank"));
        GroupFixture group = given(GroupFixture.cloudSecurityGroup().ownedBy(alice.id()));
        http.post("/mygroups/requests", frank.token(), "{\"groupId\":\"" + group.id() + "\"}");
        var claims = DevTokens.Claims.user(alice.id(), alice.userPrincipalName(), "Alice", TestUser.USER_SCOPES,
                List.of());

        openPage();
        signInExpectingFailure(TestTokens.expired(claims));
        assertThat(errorText()).isEqualTo("Access token validation failure. (InvalidAuthenticationToken)");

        signIn(alice.token());
        await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            WebElement item = inboxItemFor(frank);
            assertThat(item).isNotNull();
            item.findElement(By.xpath(".//button[text()='Reject']")).click();
        });
        assertThat(errorText()).isEqualTo("Enter a reason to reject the request of " + frank.userPrincipalName() + ".");
        WebElement reason = focused();
        assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
        reason.sendKeys("Only the platform team");
        inboxItemFor(frank).findElement(By.xpath(".//button[text()='Reject']")).click();
        awaitStatus("You rejected the request of " + frank.userPrincipalName() + ".");

        Response seen = http.get("/mygroups/requests", frank.token());
        assertThat(seen.json().get("value")).anySatisfy(request -> {
            assertThat(request.get("groupId").asString()).isEqualTo(group.id());
            assertThat(request.get("status").asString()).isEqualTo("Rejected");
            assertThat(request.get("rejectionReason").asString()).isEqualTo("Only the platform team");
        });
    }

    @Test
    void onlyThePageFilesAnswerWithoutATokenAndThePageCarriesAStrictContentSecurityPolicy() {
        HttpResponse<String> page = fetch("/ui/mygroups/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(MyGroupsPage.CONTENT_SECURITY_POLICY);
        assertThat(MyGroupsPage.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=").doesNotContain(" onclick");
        assertThat(fetch("/ui/mygroups/mygroups.js").statusCode()).isEqualTo(200);
        assertThat(fetch("/ui/mygroups/mygroups.css").statusCode()).isEqualTo(200);
        HttpResponse<String> folder = fetch("/ui/mygroups/");
        assertThat(folder.statusCode()).isEqualTo(302);
        assertThat(folder.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/ui/mygroups/index.html"));

        assertThat(http.get("/mygroups/groups", null).status()).as("the API still needs a token").isEqualTo(401);
        assertThat(http.post("/ui/mygroups/index.html", null, "{}").status()).as("only GET is open").isEqualTo(401);
        assertThat(http.get("/ui/other.html", null).status()).as("only the page's folder is open").isEqualTo(401);
    }

    private HttpResponse<String> fetch(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void openPage() {
        browser.get("http://127.0.0.1:" + port + "/ui/mygroups/");
        assertThat(browser.getTitle()).isEqualTo("My Groups · Steward");
    }

    private void signIn(String token) {
        signInExpectingFailure(token);
        await().atMost(TIMEOUT).until(() -> browser.findElement(By.id("app")).isDisplayed());
    }

    private void signInExpectingFailure(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        await().atMost(TIMEOUT).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
    }

    private WebElement joinButton(GroupFixture group) {
        return await().atMost(TIMEOUT).until(() -> browser.findElements(
                By.cssSelector("#group-list li[data-group-id='" + group.id() + "'] button.join")),
                buttons -> !buttons.isEmpty()).get(0);
    }

    private String requestStatus(GroupFixture group) {
        return await().atMost(TIMEOUT).ignoreException(StaleElementReferenceException.class).until(() ->
                browser.findElements(By.cssSelector("#request-list li[data-request-id]")).stream()
                        .filter(item -> item.getText().contains(group.displayName()))
                        .map(item -> item.findElement(By.cssSelector(".request-status")).getText())
                        .findFirst().orElse(""), status -> !status.isEmpty());
    }

    /** The inbox entry of the requester's request, or null; the list is re-rendered on every refresh. */
    private WebElement inboxItemFor(TestUser requester) {
        try {
            return browser.findElements(By.cssSelector("#approval-list li[data-request-id]")).stream()
                    .filter(item -> item.getText().contains(requester.userPrincipalName())).findFirst().orElse(null);
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    private void awaitStatus(String expected) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(browser.findElement(By.id("status")).getText())
                .as("status (error region: '%s')", browser.findElement(By.id("error")).getText())
                .isEqualTo(expected));
    }

    private String errorText() {
        return await().atMost(TIMEOUT).until(() -> browser.findElement(By.id("error")).getText(),
                text -> !text.isEmpty());
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Every visible input, text area and button: a non-empty accessible name, and inputs a label element. */
    private void assertAccessibleNames(String when) {
        List<WebElement> controls = browser.findElements(By.cssSelector("input, textarea, select, button"));
        assertThat(controls).as(when).isNotEmpty();
        for (WebElement control : controls) {
            if (!control.isDisplayed()) {
                continue;
            }
            String describe = when + ": <" + control.getTagName() + " id=" + control.getAttribute("id") + ">";
            assertThat(control.getAccessibleName()).as(describe).isNotBlank();
            if (!control.getTagName().equals("button")) {
                Object labels = browser.executeScript("return arguments[0].labels.length", control);
                assertThat(((Number) labels).intValue()).as(describe + " has a <label>").isGreaterThan(0);
            }
        }
    }

    private ConsumerRecord<String, ContractMessage> awaitAddMembers(GroupFixture group) {
        return await().atMost(TIMEOUT).until(() -> kafka.readAll(Topics.DIRECTORY_COMMANDS).stream()
                        .filter(record -> record.value() instanceof AddMembers && record.key().equals(group.id()))
                        .toList(), records -> !records.isEmpty()).get(0);
    }
}
