package dev.steward.launcher.auth;

import dev.steward.launcher.LauncherException;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a user in at the authorization server the way a browser would, and exchanges the code for a token: the OAuth2
 * authorization code grant with PKCE (S256) for the public client of {@code ./steward token}. The steps: ask
 * {@code /oauth2/authorize}, which sends to {@code /login}; post the user's name and password with the form's CSRF
 * token; follow back to {@code /oauth2/authorize}, which redirects to the CLI's redirect URI with the code (read from
 * the {@code Location} header; nothing listens there); post the code and the PKCE verifier to {@code /oauth2/token}.
 */
public final class AuthorizationCodeLogin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;
    private final HttpClient http;

    public AuthorizationCodeLogin(String issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param scope            space-separated delegated permissions to ask for (empty: none)
     * @param extraParameters  further authorization request parameters (the local stack's development overrides)
     * @return the access token
     */
    public String login(String userPrincipalName, String password, String scope, Map<String, String> extraParameters) {
        String verifier = random();
        String state = random();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", AuthServer.CLI_APP_ID);
        authorize.put("redirect_uri", AuthServer.CLI_REDIRECT_URI);
        if (!scope.isBlank()) {
            authorize.put("scope", scope);
        }
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        authorize.putAll(extraParameters);

        HttpResponse<String> toLogin = send(get(issuer + "/oauth2/authorize?" + form(authorize)));
        String loginPage = location(toLogin, "the authorization endpoint");
        HttpResponse<String> page = send(get(absolute(loginPage)));
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new LauncherException("the authorization server's sign-in page answered HTTP " + page.statusCode()
                    + " without a sign-in form");
        }
        HttpResponse<String> signedIn = send(post(absolute(loginPage.replaceFirst("\\?.*$", "")), form(Map.of(
                "username", userPrincipalName, "password", password, "_csrf", csrf.group(1)))));
        String back = location(signedIn, "the sign-in");
        if (back.contains("/login?error") || back.endsWith("/login")) {
            throw new LauncherException("the authorization server refused the sign-in of " + userPrincipalName);
        }
        HttpResponse<String> redirect = send(get(absolute(back)));
        String callback = location(redirect, "the authorization endpoint after sign-in");
        Map<String, String> answer = query(callback);
        if (answer.containsKey("error")) {
            throw new LauncherException("the authorization server refused the request: " + answer.get("error")
                    + (answer.containsKey("error_description") ? " (" + answer.get("error_description") + ")" : ""));
        }
        if (!callback.startsWith(AuthServer.CLI_REDIRECT_URI) || !state.equals(answer.get("state"))
                || !answer.containsKey("code")) {
            throw new LauncherException("the authorization server redirected to " + callback
                    + " instead of answering with a code");
        }
        HttpResponse<String> token = send(post(issuer + "/oauth2/token", form(Map.of(
                "grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", AuthServer.CLI_REDIRECT_URI, "client_id", AuthServer.CLI_APP_ID,
                "code_verifier", verifier))));
        return accessToken(token);
    }

    private static String accessToken(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 200 && body.path("access_token").isString()) {
                return body.path("access_token").asString();
            }
            throw new LauncherException("the token endpoint answered HTTP " + response.statusCode() + ": "
                    + response.body());
        } catch (JacksonException e) {
            throw new LauncherException("the token endpoint answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LauncherException("cannot reach the authorization server at " + issuer + " (" + e
                    + "): is the stack running? Start it with ./steward up.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while signing in", e);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String location(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw new LauncherException(step + " answered HTTP " + response.statusCode() + " instead of a redirect: "
                    + abbreviate(response.body()));
        }
        return response.headers().firstValue("Location").orElseThrow(() ->
                new LauncherException(step + " redirected without a Location"));
    }

    private String absolute(String location) {
        return location.startsWith("/") ? issuer + location : location;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start < 0) {
            return parameters;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
