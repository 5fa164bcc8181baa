package dev.steward.selfservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

class NotificationMailSenderTest {

    private final NotificationMails mails = mock(NotificationMails.class);
    private final JavaMailSender smtp = mock(JavaMailSender.class);
    private final NotificationMailSender sender = new NotificationMailSender(mails, smtp,
            new NotificationProperties(Duration.ofDays(1), "My Groups <no-reply@steward.invalid>", "", 5,
                    Duration.ofMinutes(1)),
            Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC),
            org.mockito.Mockito.mock(org.springframework.transaction.PlatformTransactionManager.class));
    private final List<NotificationMails.QueuedMail> due = List.of(
            new NotificationMails.QueuedMail("m1", "alice@corp.example.test", "One", "text 1", 0),
            new NotificationMails.QueuedMail("m2", "bob@corp.example.test", "Two", "text 2", 0),
            new NotificationMails.QueuedMail("m3", "carol@corp.example.test", "Three", "text 3", 0));

    @Test
    void sendsTheDueMailsOverOneSmtpConnection() {
        when(mails.claimDue(any(), anyInt())).thenReturn(due, List.of());

        sender.sendDue();

        ArgumentCaptor<SimpleMailMessage[]> sent = ArgumentCaptor.forClass(SimpleMailMessage[].class);
        verify(smtp).send(sent.capture());
        assertThat(sent.getValue()).extracting(SimpleMailMessage::getSubject).containsExactly("One", "Two", "Three");
        verify(mails).markSent(eq("m1"), any());
        verify(mails).markSent(eq("m2"), any());
        verify(mails).markSent(eq("m3"), any());
    }

    @Test
    void retriesOnlyTheMailsTheServerRefused() {
        when(mails.claimDue(any(), anyInt())).thenReturn(due, List.of());
        org.mockito.Mockito.doAnswer(call -> {
            Object[] messages = call.getArguments();
            Map<Object, Exception> failed = new LinkedHashMap<>();
            failed.put(messages[1], new jakarta.mail.MessagingException("550 mailbox unavailable"));
            throw new MailSendException(failed);
        }).when(smtp).send(any(SimpleMailMessage[].class));

        sender.sendDue();

        verify(mails).markSent(eq("m1"), any());
        verify(mails).markSent(eq("m3"), any());
        verify(mails, never()).markSent(eq("m2"), any());
        verify(mails).markRetry(eq("m2"), eq(Instant.parse("2026-01-01T10:01:00Z")), anyString());
    }

    @Test
    void retriesEveryMailWhenTheServerCannotBeReached() {
        when(mails.claimDue(any(), anyInt())).thenReturn(due, List.of());
        org.mockito.Mockito.doAnswer(call -> {
            Object[] messages = call.getArguments();
            Map<Object, Exception> failed = new LinkedHashMap<>();
            for (Object message : messages) {
                failed.put(message, new jakarta.mail.MessagingException("Couldn't connect to host"));
            }
            throw new MailSendException(failed);
        }).when(smtp).send(any(SimpleMailMessage[].class));

        sender.sendDue();

        verify(mails, never()).markSent(any(), any());
        for (String id : List.of("m1", "m2", "m3")) {
            verify(mails).markRetry(eq(id), any(), org.mockito.ArgumentMatchers.contains("connect"));
        }
    }
}
