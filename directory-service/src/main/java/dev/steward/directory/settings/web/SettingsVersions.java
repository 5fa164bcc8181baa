package dev.steward.directory.settings.web;

import jakarta.servlet.http.HttpServletRequest;

/** The Graph version a request was made under, for {@code @odata.context}. */
final class SettingsVersions {

    private SettingsVersions() {
    }

    static String of(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/beta/")
                ? "beta" : "v1.0";
    }
}
