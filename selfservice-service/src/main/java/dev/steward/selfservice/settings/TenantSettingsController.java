package dev.steward.selfservice.settings;

import dev.steward.platform.security.Callers;
import dev.steward.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET} and {@code PATCH /mygroups/settings}: the tenant's My Groups settings, for administrators. */
@RestController
@RequestMapping(path = "/mygroups/settings", produces = MediaType.APPLICATION_JSON_VALUE)
class TenantSettingsController {

    private final TenantSettingsService service;

    TenantSettingsController(TenantSettingsService service) {
        this.service = service;
    }

    @GetMapping
    TenantSettings read() {
        return service.read(Callers.current());
    }

    @PatchMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    TenantSettings change(@RequestBody TenantSettingsChange body, HttpServletRequest http) {
        return service.change(Callers.current(), body, RequestIdFilter.correlationId(http));
    }
}
