package dev.steward.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

    @Test
    void theCorrelationIdIsTheClientsIdOrElseTheRequestId() {
        MockHttpServletRequest sent = new MockHttpServletRequest();
        sent.addHeader(RequestIdFilter.CLIENT_REQUEST_ID, "my-client-id");
        RequestIdFilter.assignIds(sent, new MockHttpServletResponse());
        MockHttpServletRequest notSent = new MockHttpServletRequest();
        RequestIdFilter.assignIds(notSent, new MockHttpServletResponse());

        assertThat(RequestIdFilter.correlationId(sent)).isEqualTo("my-client-id");
        assertThat(RequestIdFilter.correlationId(notSent)).isEqualTo(notSent.getAttribute(RequestIdFilter.REQUEST_ID));
        assertThat(RequestIdFilter.correlationId(new MockHttpServletRequest())).isNull();
    }
}
