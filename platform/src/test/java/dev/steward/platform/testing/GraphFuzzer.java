package dev.steward.platform.testing;

import dev.steward.platform.security.DirectoryRoles;
import dev.steward.platform.security.Permissions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every endpoint of a running service with bad input and checks each answer: never a 5xx, and either a Graph
 * error body ({@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}} as
 * {@code application/json}) or a successful answer whose body, if any, is JSON.
 *
 * <p>Endpoints are discovered from the Spring context itself (every {@link RequestMappingInfoHandlerMapping}: the
 * controllers and actuator), with their paths, methods and path variables. Each is walked with a corpus of bad ids,
 * query options, bodies, headers and encodings, once with the given token and once without one. Every probe goes
 * over a raw socket, so request lines with invalid percent-encoding or raw non-ASCII bytes reach Tomcat as sent.
 *
 * <p>Probes never carry a valid body and only delete random ids, so walking a service does not change its data; a
 * write (POST, PUT, PATCH, DELETE) answered with a 2xx is therefore a failure too (a body silently accepted). Where an
 * endpoint's body is optional ({@code @RequestBody(required = false)}), no empty-body probe is sent.
 */
public final class GraphFuzzer {

    /**
     * The formats a success may answer in besides JSON: Prometheus' exposition formats, the OpenAPI description as
     * YAML and CSV exports (JSON Lines exports are checked line by line).
     */
    private static final List<String> NON_JSON_SUCCESS_TYPES = List.of("text/plain;version=0.0.4",
            "text/plain; version=0.0.4", "application/openmetrics-text", "application/vnd.oai.openapi", "text/csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}|\\*\\*|\\*");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final int MAX_FAILURES_REPORTED = 40;

    private final ApplicationContext context;
    private final String host;
    private final int port;
    private final String token;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new LinkedHashMap<>();
    private int probes;
    private int serverErrors;

    private GraphFuzzer(ApplicationContext context, String host, int port, String token) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.token = token;
    }

    /** A fuzzer for the service of {@code context} listening on {@code 127.0.0.1:port}; {@code token} is an administrator's. */
    public static GraphFuzzer of(ApplicationContext context, int port, String token) {
        return new GraphFuzzer(context, "127.0.0.1", port, token);
    }

    /** A Global Administrator with every delegated permission Steward knows: the token the walks use. */
    public static String administrator() {
        return TestTokens.user(TestTokens.ADMIN_ID, "admin@corp.example.test", List.of(Permissions.GROUP_READ_ALL,
                Permissions.GROUP_READWRITE_ALL, Permissions.GROUP_MEMBER_READ_ALL, Permissions.GROUP_MEMBER_READWRITE_ALL,
                Permissions.DIRECTORY_READ_ALL, Permissions.DIRECTORY_READWRITE_ALL,
                Permissions.ON_PREMISES_SYNC_BEHAVIOR_READWRITE_ALL, Permissions.SYNCHRONIZATION_READ_ALL,
                Permissions.SYNCHRONIZATION_READWRITE_ALL, Permissions.AUDIT_LOG_READ_ALL, Permissions.GROUP_CREATE,
                "User.Read.All", Permissions.USER_READWRITE_ALL, Permissions.POLICY_READ_ALL,
                Permissions.POLICY_READWRITE_AUTHORIZATION), List.of(DirectoryRoles.GLOBAL_ADMINISTRATOR,
                DirectoryRoles.GROUPS_ADMINISTRATOR, DirectoryRoles.HYBRID_IDENTITY_ADMINISTRATOR));
    }

    /** Walks every endpoint and prints {@code probes tried N, 5xx M}. */
    public Report run() {
        List<Endpoint> endpoints = endpoints();
        for (Endpoint endpoint : endpoints) {
            for (String authorization : new String[] {"Bearer " + token, null}) {
                walk(endpoint, authorization);
            }
        }
        requestLines("Bearer " + token);
        requestLines(null);
        Report report = new Report(endpoints, probes, serverErrors, List.copyOf(failures), Map.copyOf(statuses));
        System.out.println("GraphFuzzer: " + report.summary());
        return report;
    }

    /** What a walk found. */
    public record Report(List<Endpoint> endpoints, int probes, int serverErrors, List<String> failures,
                         Map<Integer, Integer> statuses) {

        public String summary() {
            return "probes tried " + probes + ", 5xx " + serverErrors + ", other failures "
                    + (failures.size() - serverErrors) + " (" + endpoints.size() + " endpoints; statuses "
                    + new java.util.TreeMap<>(statuses) + ")";
        }

        /** Fails with the first failures when any answer was a 5xx or not in Graph's shape. */
        public void assertClean() {
            if (!failures.isEmpty()) {
                StringBuilder message = new StringBuilder(summary()).append('\n');
                failures.stream().limit(MAX_FAILURES_REPORTED).forEach(f -> message.append(f).append('\n'));
                throw new AssertionError(message.toString());
            }
        }
    }

    /** One method on one path pattern, e.g. {@code PATCH /v1.0/groups/{id}}. */
    public record Endpoint(String method, String pattern, boolean bodyOptional) {

        String path(String variableValue) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(variableValue == null ? UUID.randomUUID().toString()
                        : variableValue));
            }
            m.appendTail(path);
            return path.toString();
        }

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    // ---- discovery

    List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new TreeSet<>((a, b) -> (a.pattern + " " + a.method).compareTo(b.pattern + " " + b.method));
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = handler.getKey();
                boolean bodyOptional = Arrays.stream(handler.getValue().getMethodParameters())
                        .map(parameter -> parameter.getParameterAnnotation(RequestBody.class))
                        .anyMatch(body -> body != null && !body.required());
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.addAll(List.of("GET", "POST", "PATCH", "PUT", "DELETE"));
                }
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        if (!method.equals("HEAD") && !method.equals("OPTIONS") && !method.equals("TRACE")) {
                            endpoints.add(new Endpoint(method, pattern, bodyOptional));
                        }
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    // ---- corpus

    private void walk(Endpoint endpoint, String authorization) {
        boolean body = BODY_METHODS.contains(endpoint.method());
        if (endpoint.method().equals("DELETE") && !endpoint.hasVariables()) {
            return; // nothing random to delete: a probe could remove real data
        }
        if (endpoint.hasVariables()) {
            for (String id : IDS) {
                send(endpoint.method(), endpoint.path(id), headers(authorization, body), body ? BAD_BODY : null);
            }
        }
        String path = endpoint.path(null);
        for (String query : QUERIES) {
            send(endpoint.method(), path + "?" + query, headers(authorization, body), body ? BAD_BODY : null);
        }
        for (Map.Entry<String, byte[]> probe : BODIES.entrySet()) {
            if (!body && authorization == null) {
                break;
            }
            if (endpoint.bodyOptional() && probe.getValue().length == 0) {
                continue; // no body is a valid request there
            }
            List<String> headers = new ArrayList<>(headers(authorization, false));
            headers.add("Content-Type: application/json");
            send(endpoint.method(), path, headers, probe.getValue());
        }
        for (String contentType : CONTENT_TYPES) {
            List<String> headers = new ArrayList<>(headers(authorization, false));
            if (contentType != null) {
                headers.add("Content-Type: " + contentType);
            }
            send(endpoint.method(), path, headers, "{\"zzUnknown\":".getBytes(StandardCharsets.UTF_8));
        }
        for (List<String> extra : HEADERS) {
            List<String> headers = new ArrayList<>(headers(authorization, body));
            headers.addAll(extra);
            send(endpoint.method(), path, headers, body ? BAD_BODY : null);
        }
        for (List<String> extra : AUTHORIZATIONS) {
            List<String> headers = new ArrayList<>(headers(null, body));
            headers.addAll(extra);
            send(endpoint.method(), path, headers, body ? BAD_BODY : null);
        }
        for (String framing : FRAMINGS) {
            List<String> headers = new ArrayList<>(headers(authorization, false));
            headers.add("Content-Type: application/json");
            sendRaw(endpoint.method(), path, headers, framing.getBytes(StandardCharsets.ISO_8859_1));
        }
        // raw bytes and bad percent-encoding in the path and query of this endpoint
        for (byte[] target : rawTargets(path)) {
            sendLine(endpoint.method(), target, headers(authorization, body), body ? BAD_BODY : null);
        }
        send("HEAD", path, headers(authorization, false), null);
        send("OPTIONS", path, headers(authorization, false), null);
        send("PROPFIND", path, headers(authorization, false), null);
        if (!endpoint.method().equals("PUT")) {
            send("PUT", path, headers(authorization, false), BAD_BODY);
        }
    }

    private static List<String> headers(String authorization, boolean jsonBody) {
        List<String> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add("Authorization: " + authorization);
        }
        if (jsonBody) {
            headers.add("Content-Type: application/json");
        }
        return headers;
    }

    /** Malformed JSON: refused by every endpoint that reads a body, so no probe ever writes. */
    private static final byte[] BAD_BODY = "{\"displayName\":".getBytes(StandardCharsets.UTF_8);

    private static final List<String> IDS = List.of(
            "not-a-guid", "00000000-0000-0000-0000-00000000000", "0000000g-0000-0000-0000-000000000000",
            "12345678-1234-1234-1234-1234567890123", "x".repeat(5000), "..", "%2e%2e", "%2F..%2F..%2Fetc%2Fpasswd",
            "a%2Fb", "%00", "a%00b", "%C3%28", "%FF%FE", "%E2%80%A8", "%F0%9F%98%80", "%ED%A0%80", "%0D%0AX-Injected:%201",
            "'%20or%201=1--", "%27", "a;b=c", "%5C", "9".repeat(40), "-1", "%20", "%7B%7D", "$ref", "$value",
            "%24count", "null", "undefined", "%25", "%2525", "A".repeat(300) + "%00");

    private static final List<String> QUERIES = List.of(
            "$filter=%ZZ", "$filter=%", "$filter=%C3%28", "$filter=%FF", "$filter=displayName%20eq%20%27a%00b%27",
            "$filter=" + "(".repeat(3000), "$filter=" + "not%20".repeat(3000) + "true",
            "$filter=displayName%20eq%20%27" + "x".repeat(20000) + "%27",
            "$filter=id%20in%20(" + "%27a%27,".repeat(2000) + "%27a%27)",
            "$filter=startswith(displayName,%27" + "%25".repeat(200) + "%27)", "$filter=a/any(" + "b/any(".repeat(500),
            "$filter=activityDateTime%20ge%2099999-99-99T99:99:99Z", "$filter=x%20eq%201e99999",
            "$filter=x%20eq%20" + "9".repeat(500), "$filter=%27%27%27", "$filter=eq%20eq%20eq",
            "$select=%00", "$select=" + ",".repeat(5000), "$select=a%2Cb%2C%ED%A0%80", "$select=" + "a".repeat(10000),
            "$orderby=%00%20desc", "$orderby=displayName%20sideways", "$orderby=" + "a,".repeat(3000),
            "$top=-1", "$top=0", "$top=99999999999999999999", "$top=abc", "$top=1e3", "$top=%00", "$top=1&$top=2",
            "$skiptoken=!!!", "$skiptoken=%00", "$skiptoken=" + b64("\u0000|\u0000|x"), "$skiptoken=" + b64("9999999999999999999999|x"),
            "$skiptoken=" + b64("-1|-1|-1|-1"), "$skiptoken=" + b64("a".repeat(5000)), "$skiptoken=" + "A".repeat(20000),
            "$count=maybe", "$count=%00", "$asOf=garbage", "$asOf=99999-01-01T00:00:00Z", "$asOf=-999999999-01-01T00:00:00Z",
            "$asOf=2026-13-45T25:61:61Z", "$search=%22unbalanced", "$search=%22a%22%20OR%20" + "(".repeat(1000),
            "$search=%00", "$expand=members($expand=members)", "$format=xml", "$deltatoken=garbage",
            "$deltatoken=" + b64("\u0000"), "$skip=5", "$apply=x", "policyType=%FF", "id=%00",
            "%24filter=%27", "$filter", "=&&==&", "a[]=1&a[b]=2", "%=%", "$top=" + "1".repeat(5000),
            paramFlood(2500));

    private static final Map<String, byte[]> BODIES = new LinkedHashMap<>();

    static {
        BODIES.put("empty", new byte[0]);
        BODIES.put("open brace", "{".getBytes(StandardCharsets.UTF_8));
        BODIES.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        BODIES.put("null", "null".getBytes(StandardCharsets.UTF_8));
        BODIES.put("string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        BODIES.put("number", "42".getBytes(StandardCharsets.UTF_8));
        BODIES.put("trailing garbage", "{\"zzUnknown\":1} x".getBytes(StandardCharsets.UTF_8));
        BODIES.put("two documents", "{\"zzUnknown\":1}{\"zzUnknown\":2}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("duplicate keys", "{\"zzUnknown\":1,\"zzUnknown\":2}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("duplicate known keys", ("{\"displayName\":\"a\",\"displayName\":\"b\",\"groupId\":\"x\",\"groupId\":\"y\","
                + "\"policyType\":\"Delta\",\"policyType\":\"Initial\",\"isCloudManaged\":true,\"isCloudManaged\":false}")
                .getBytes(StandardCharsets.UTF_8));
        BODIES.put("unknown property", "{\"zzUnknown\":true}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("annotation and unknown", "{\"@odata.type\":\"#microsoft.graph.group\",\"zzUnknown\":1}"
                .getBytes(StandardCharsets.UTF_8));
        BODIES.put("wrong types", ("{\"displayName\":[1],\"mailNickname\":{},\"groupTypes\":\"Unified\",\"groupId\":5,"
                + "\"policyType\":[],\"isCloudManaged\":\"yes\",\"@odata.id\":7,\"members@odata.bind\":\"x\","
                + "\"justification\":{},\"requesterId\":false,\"values\":3,\"zzUnknown\":1}").getBytes(StandardCharsets.UTF_8));
        BODIES.put("odata.id garbage", "{\"@odata.id\":\"https://x/v1.0/directoryObjects/%00/../..\",\"zzUnknown\":1}"
                .getBytes(StandardCharsets.UTF_8));
        BODIES.put("huge number", ("{\"zzUnknown\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        BODIES.put("huge exponent", "{\"zzUnknown\":1e999999999}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("deep arrays", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        BODIES.put("deep objects", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
        BODIES.put("huge string", ("{\"displayName\":\"" + "x".repeat(2_000_000) + "\",\"zzUnknown\":1}")
                .getBytes(StandardCharsets.UTF_8));
        BODIES.put("many properties", manyProperties(20_000));
        BODIES.put("nul escape", "{\"displayName\":\"a\\u0000b\",\"zzUnknown\":1}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("raw control characters", "{\"displayName\":\"a\u0001\u0007b\",\"zzUnknown\":1}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("lone surrogate", "{\"displayName\":\"\\ud800\",\"zzUnknown\":1}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("invalid utf-8", concat("{\"displayName\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28},
                "\",\"zzUnknown\":1}"));
        BODIES.put("overlong utf-8", concat("{\"displayName\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"));
        BODIES.put("utf-8 bom", concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"zzUnknown\":1}"));
        BODIES.put("utf-16", "{\"zzUnknown\":1}".getBytes(StandardCharsets.UTF_16));
        BODIES.put("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0x7F});
        BODIES.put("comments", "/* c */ {\"zzUnknown\":1} // c".getBytes(StandardCharsets.UTF_8));
        BODIES.put("single quotes", "{'zzUnknown':1}".getBytes(StandardCharsets.UTF_8));
        BODIES.put("NaN", "{\"zzUnknown\":NaN}".getBytes(StandardCharsets.UTF_8));
    }

    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic", "application/json; charset=utf-16", "application/json; charset=%00",
            "garbage", "application/json, text/plain", "*/*", "application/*", ";;;", "application/json; q=x",
            "application/octet-stream", "text/html; charset=utf-8", "application/merge-patch+json");

    private static final List<List<String>> HEADERS = List.of(
            List.of("Accept: application/xml"), List.of("Accept: text/html"), List.of("Accept: text/plain"),
            List.of("Accept: garbage///"), List.of("Accept: */*;q=abc"), List.of("Accept: application/json;q=0"),
            List.of("Accept: image/png, application/xml;q=0.9"), List.of("Accept: " + "a/b,".repeat(1500) + "c/d"),
            List.of("Accept-Charset: ebcdic"), List.of("Accept-Language: %00;q=x"), List.of("Accept-Encoding: gzip;q=x"),
            List.of("ConsistencyLevel: junk"), List.of("ConsistencyLevel: eventual%00"),
            List.of("ConsistencyLevel: " + "e".repeat(4000)), List.of("Prefer: odata.maxpagesize=-1"),
            List.of("Prefer: return=" + "x".repeat(3000)), List.of("client-request-id: " + "c".repeat(5000)),
            List.of("client-request-id: <script>alert(1)</script>"), List.of("client-request-id:"),
            List.of("If-None-Match: junk"), List.of("If-Match: *, junk"), List.of("Range: bytes=junk"),
            List.of("X-HTTP-Method-Override: DELETE"), List.of("X-Forwarded-Host: evil.example%00"),
            List.of("X-Forwarded-Proto: gopher"), List.of("X-Forwarded-Port: 99999999"), List.of("X-Forwarded-Prefix: /../x"),
            List.of("Forwarded: for=%00;proto=junk"), List.of("X-Big: " + "b".repeat(20_000)),
            manyHeaders(150), List.of("Origin: http://evil.example", "Access-Control-Request-Method: DELETE"),
            List.of("Expect: 100-continue-junk"), List.of("Content-Encoding: gzip"), List.of("Cookie: JSESSIONID=%00"));

    private static final List<List<String>> AUTHORIZATIONS = List.of(
            List.of("Authorization: Bearer"), List.of("Authorization: Bearer "), List.of("Authorization: Bearer x.y.z"),
            List.of("Authorization: Bearer " + "a".repeat(6000)), List.of("Authorization: Basic Zm9vOmJhcg=="),
            List.of("Authorization: Negotiate abc"), List.of("Authorization: bearer%00"),
            List.of("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
            List.of("Authorization: Bearer " + b64("{\"alg\":\"RS256\"}") + "." + b64("{\"exp\":1e999}") + ".AAAA"),
            List.of("Authorization: Bearer a", "Authorization: Bearer b"));

    /** Bodies with broken framing (chunked encoding, lengths), sent as they are; their content is never valid JSON. */
    private static final List<String> FRAMINGS = List.of(
            "Transfer-Encoding: chunked\r\n\r\nzz\r\n[{\r\n0\r\n\r\n",
            "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n[{\r\n0\r\n\r\n",
            "Transfer-Encoding: chunked\r\n\r\n2;" + "x".repeat(10_000) + "\r\n[{\r\n0\r\n\r\n",
            "Transfer-Encoding: chunked\r\n\r\n5\r\n[{\r\n",
            "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n[{\r\n0\r\n\r\n",
            "Transfer-Encoding: junk\r\n\r\n[{",
            "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n[{\r\n0\r\n\r\n",
            "Content-Length: abc\r\n\r\n[{",
            "Content-Length: -1\r\n\r\n[{",
            "Content-Length: 2\r\nContent-Length: 3\r\n\r\n[{x",
            "Content-Length: 99999999999999999999\r\n\r\n[{");

    private List<byte[]> rawTargets(String path) {
        String first = path.contains("?") ? path + "&" : path + "?";
        return List.of(
                bytes(path + "\u00FF"), concat(path, new byte[] {(byte) 0xC3, 0x28}, ""),
                concat(first + "$filter=", new byte[] {(byte) 0xFF, (byte) 0xFE}, ""),
                concat(first + "$filter=displayName eq '", new byte[] {(byte) 0xE2, (byte) 0x82}, "'"),
                bytes(first + "$filter=displayName eq 'a'"), bytes(first + "$filter=a|b{c}^`\\"),
                bytes(path + "/%"), bytes(path + "%zz"), bytes(path + "/%00"), bytes(path + "/../../../etc/passwd"),
                bytes(path + "/..;/x"), bytes(path + ";jsessionid=x"), bytes(path + "//"), bytes(path + "/%2e%2e/%2e%2e/x"),
                bytes(path + "#fragment"), bytes(path + "\t"), bytes(path.toUpperCase(Locale.ROOT)));
    }

    /** Whole request lines and protocol-level oddities, once per service. */
    private void requestLines(String authorization) {
        List<String> headers = headers(authorization, false);
        for (String line : List.of("GET * HTTP/1.1", "OPTIONS * HTTP/1.1", "GET / HTTP/1.1", "GET /%%% HTTP/1.1",
                "GET //// HTTP/1.1", "GET /../../etc/passwd HTTP/1.1", "GET /..%2f..%2fetc HTTP/1.1",
                "GET http://evil.example/v1.0/groups HTTP/1.1", "GET /v1.0/groups HTTP/9.9", "GET /v1.0/groups HTTP/1.1 x",
                "get /v1.0/groups HTTP/1.1", "BREW /v1.0/groups HTTP/1.1", "TRACE / HTTP/1.1", "CONNECT 127.0.0.1:1 HTTP/1.1",
                "GET /v1.0/groups", "GET  /v1.0/groups  HTTP/1.1", "GET /" + "a".repeat(100_000) + " HTTP/1.1",
                "GET /?" + "a=b&".repeat(20_000) + " HTTP/1.1", "GET /actuator HTTP/1.1", "GET /actuator/nothing HTTP/1.1",
                "GET /actuator/health/%00 HTTP/1.1", "GET /actuator/health/nothing HTTP/1.1",
                "POST /actuator/health HTTP/1.1", "DELETE /actuator/health HTTP/1.1", "GET /error HTTP/1.1",
                "POST /error HTTP/1.1", "GET /error?javax.servlet.error.status_code=500 HTTP/1.1",
                "GET /v1.0/$metadata HTTP/1.1", "GET /v1.0/$batch HTTP/1.1", "GET /favicon.ico HTTP/1.1",
                "GET /WEB-INF/web.xml HTTP/1.1", "GET /META-INF/MANIFEST.MF HTTP/1.1", "GET /index.html HTTP/1.1")) {
            sendRawLine(line.getBytes(StandardCharsets.ISO_8859_1), headers, true, null);
        }
        sendRawLine(concat("GET /v1.0/gr", new byte[] {(byte) 0xFF, (byte) 0x80}, "oups HTTP/1.1"), headers, true, null);
        sendRawLine(concat("GET /v1.0/groups?x=", new byte[] {0x01, 0x7F}, " HTTP/1.1"), headers, true, null);
        // no Host header, HTTP/1.0, two Host headers, header line without a colon, obsolete line folding
        sendRawLine(bytes("GET /v1.0/groups HTTP/1.1"), headers, false, null);
        sendRawLine(bytes("GET /v1.0/groups HTTP/1.0"), headers, false, null);
        List<String> odd = new ArrayList<>(headers);
        odd.add("Host: a");
        sendRawLine(bytes("GET /v1.0/groups HTTP/1.1"), odd, true, null);
        for (String header : List.of("NoColonHere", "X-Folded: a\r\n b", "X-Ctl: a\u0001b", "X-Raw: \u00FF\u00FE",
                ": empty-name", "X Space: a", "Host: " + "h".repeat(300))) {
            List<String> with = new ArrayList<>(headers);
            with.add(header);
            sendRawLine(bytes("GET /v1.0/groups HTTP/1.1"), with, true, null);
        }
    }

    // ---- sending and checking

    private void send(String method, String target, List<String> headers, byte[] body) {
        sendLine(method, bytes(target), headers, body);
    }

    private void sendLine(String method, byte[] target, List<String> headers, byte[] body) {
        byte[] line = concat(method + " ", target, " HTTP/1.1");
        List<String> all = new ArrayList<>(headers);
        if (body != null) {
            all.add("Content-Length: " + body.length);
        }
        sendRawLine(line, all, true, body);
    }

    private void sendRaw(String method, String target, List<String> headers, byte[] framedRest) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        exchange(method + " " + target + headerLabel(headers) + " framing " + abbreviate(preview(framedRest)),
                concat(head.toString(), framedRest, ""), method);
    }

    private void sendRawLine(byte[] requestLine, List<String> headers, boolean withHost, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(requestLine);
        out.writeBytes(bytes("\r\n"));
        if (withHost) {
            out.writeBytes(bytes("Host: " + host + ":" + port + "\r\n"));
        }
        out.writeBytes(bytes("Connection: close\r\n"));
        for (String h : headers) {
            out.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("\r\n"));
        if (body != null) {
            out.writeBytes(body);
        }
        String label = new String(requestLine, StandardCharsets.ISO_8859_1);
        String method = label.contains(" ") ? label.substring(0, label.indexOf(' ')) : label;
        exchange((label.length() > 160 ? label.substring(0, 160) + "..." : label) + headerLabel(headers)
                + (body == null ? "" : " body " + preview(body)), out.toByteArray(), method);
    }

    private static String headerLabel(List<String> headers) {
        List<String> shown = headers.stream().filter(h -> !h.startsWith("Authorization: Bearer ey"))
                .map(h -> h.length() > 60 ? h.substring(0, 60) + "..." : h).toList();
        return shown.isEmpty() ? "" : " " + shown;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 60), StandardCharsets.ISO_8859_1);
        return body.length > 60 ? text + "...(" + body.length + " bytes)" : text;
    }

    private void exchange(String label, byte[] request, String method) {
        probes++;
        byte[] response;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (e.g. a request line too long)
            }
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                // already closed by the server
            }
            response = readAll(socket.getInputStream());
        } catch (IOException e) {
            failures.add(label + " -> no answer: " + e);
            return;
        }
        check(label, method, response);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // connection reset after the answer was written
        }
        return out.toByteArray();
    }

    private void check(String label, String method, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!label.contains(" HTTP/") && text.startsWith("{")) {
            // an HTTP/0.9 request line (no version) is answered with a bare body
            String problem = graphErrorProblem("application/json", raw);
            if (problem != null) {
                failures.add(label + " -> HTTP/0.9 answer " + problem + ": '" + abbreviate(text) + "'");
            }
            return;
        }
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            failures.add(label + " -> no HTTP answer: '" + abbreviate(text) + "'");
            return;
        }
        int status = Integer.parseInt(text.substring(9, 12));
        statuses.merge(status, 1, Integer::sum);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.substring(0, headEnd).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body = decodeBody(raw, headEnd + 4, headers);
        if (status >= 500) {
            serverErrors++;
            failures.add(label + " -> " + status + " " + abbreviate(new String(body, StandardCharsets.UTF_8)));
            return;
        }
        if (method.equals("HEAD")) {
            return;
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (status >= 400) {
            String problem = graphErrorProblem(contentType, body);
            if (problem == null && status == 401 && !headers.containsKey("www-authenticate")) {
                problem = "no WWW-Authenticate header";
            }
            if (problem != null) {
                failures.add(label + " -> " + status + " " + problem + ": " + contentType + " '"
                        + abbreviate(new String(body, StandardCharsets.UTF_8)) + "'");
            }
        } else if (status >= 300) {
            failures.add(label + " -> unexpected redirect " + status);
        } else if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
            failures.add(label + " -> " + status + ": a write was accepted although no probe carries a valid body");
        } else if (body.length > 0) {
            try {
                if (contentType.startsWith("application/jsonl")) {
                    new String(body, StandardCharsets.UTF_8).lines().filter(line -> !line.isEmpty())
                            .forEach(JSON::readTree);
                    return;
                }
                if (NON_JSON_SUCCESS_TYPES.stream().anyMatch(contentType::startsWith)) {
                    return;
                }
                if (!contentType.startsWith("application/json") && !contentType.startsWith("application/vnd.spring-boot")) {
                    throw new IllegalStateException("content type " + contentType);
                }
                JSON.readTree(body);
            } catch (RuntimeException e) {
                failures.add(label + " -> " + status + " body is not JSON: '" + abbreviate(new String(body, StandardCharsets.UTF_8)) + "'");
            }
        }
    }

    /** Null when {@code body} is a Graph error body, otherwise what is wrong with it. */
    static String graphErrorProblem(String contentType, byte[] body) {
        if (!contentType.startsWith("application/json")) {
            return "not application/json";
        }
        try {
            JsonNode error = JSON.readTree(body).get("error");
            if (error == null || !error.isObject()) {
                return "no error object";
            }
            if (!error.path("code").isString() || error.path("code").asString().isBlank()
                    || !error.path("message").isString()) {
                return "no error code or message";
            }
            JsonNode inner = error.path("innerError");
            for (String field : List.of("date", "request-id", "client-request-id")) {
                if (!inner.path(field).isString() || inner.path(field).asString().isBlank()) {
                    return "no innerError." + field;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "not JSON";
        }
    }

    private static byte[] decodeBody(byte[] raw, int start, Map<String, String> headers) {
        byte[] rest = Arrays.copyOfRange(raw, Math.min(start, raw.length), raw.length);
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return rest;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < rest.length) {
            int lineEnd = indexOf(rest, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(rest, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0) {
                break;
            }
            int from = lineEnd + 2;
            out.write(rest, from, Math.min(length, rest.length - from));
            i = from + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String paramFlood(int count) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? "" : "&").append("p").append(i).append("=1");
        }
        return query.toString();
    }

    private static byte[] manyProperties(int count) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":1");
        }
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> manyHeaders(int count) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            headers.add("X-Many-" + i + ": " + i);
        }
        return headers;
    }
}
