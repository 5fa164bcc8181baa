package dev.steward.selfservice.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for the suite (GreenMail) on a free port of 127.0.0.1, shared by every integration test of the
 * PostgreSQL context: the service under test mails its notifications there. Tests tell their mails apart by the
 * recipients, whose addresses are unique per test. {@link #stop()} and {@link #start()} let a test take the server
 * away and bring it back on the same port.
 */
public final class TestMailServer {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    private TestMailServer() {
    }

    /** Points the service at the server, with short retries so that a test sees one. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("steward.selfservice.notifications.retry-interval", () -> "300ms");
        registry.add("steward.selfservice.notifications.mail-poll-interval", () -> "200ms");
    }

    public static int port() {
        return PORT;
    }

    /** The mails received so far for {@code address}. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(mail -> isTo(mail, address)).toList();
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void start() {
        server = started();
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
