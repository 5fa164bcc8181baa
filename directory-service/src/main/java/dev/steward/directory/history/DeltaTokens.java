package dev.steward.directory.history;

import dev.steward.directory.common.DirectoryErrorCode;
import dev.steward.directory.common.DirectoryException;
import dev.steward.directory.history.DeltaCursor.Phase;
import dev.steward.directory.history.DeltaCursor.Resource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque {@code $skiptoken} and {@code $deltatoken} of delta queries: a {@link DeltaCursor} as text,
 * base64url, a dot, and the first 16 bytes of its HMAC-SHA256 under the service's token key, base64url. A token
 * the service did not write (another service's, altered, truncated, for the other collection or the wrong phase)
 * is a 400 {@code Request_BadRequest}, never a 500.
 *
 * <p>The signature keeps callers from moving a cursor by hand; it hides nothing (a cursor holds positions, ids and
 * property names the caller already knows). Instances that share tokens must share the key.
 */
public final class DeltaTokens {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "|";
    private static final int MAC_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public DeltaTokens(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the delta token key must not be empty");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(DeltaCursor cursor) {
        String text = String.join(SEPARATOR, VERSION, cursor.resource().code, cursor.phase().code,
                Long.toString(cursor.position()), Long.toString(cursor.end()), Integer.toString(cursor.top()),
                String.join(",", cursor.select()), orEmpty(cursor.afterId()), orEmpty(cursor.resumeMembersAfter()));
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The cursor of a token written by {@link #encode} for {@code resource}, in one of {@code phases}.
     *
     * @throws DirectoryException 400 for anything else
     */
    public DeltaCursor decode(String token, Resource resource, Set<Phase> phases) {
        DeltaCursor cursor = read(token);
        if (cursor == null || cursor.resource() != resource || !phases.contains(cursor.phase())) {
            throw invalid();
        }
        return cursor;
    }

    private DeltaCursor read(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return null;
            }
            return parse(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Strict even for a well-signed token: a key shared by mistake must not turn into a 500. */
    private static DeltaCursor parse(String text) {
        String[] fields = text.split("\\|", -1);
        if (fields.length != 9 || !VERSION.equals(fields[0])) {
            return null;
        }
        Resource resource = Arrays.stream(Resource.values()).filter(r -> r.code.equals(fields[1])).findFirst()
                .orElse(null);
        Phase phase = Arrays.stream(Phase.values()).filter(p -> p.code.equals(fields[2])).findFirst().orElse(null);
        long position = Long.parseLong(fields[3]);
        long end = Long.parseLong(fields[4]);
        int top = Integer.parseInt(fields[5]);
        List<String> select = fields[6].isEmpty() ? List.of() : List.of(fields[6].split(",", -1));
        if (resource == null || phase == null || position < 0 || end < 0 || top < 1 || top > 999
                || !select.stream().allMatch(name -> NAME.matcher(name).matches())
                || !optionalId(fields[7]) || !optionalId(fields[8])) {
            return null;
        }
        return new DeltaCursor(resource, phase, position, end, top, select, emptyToNull(fields[7]),
                emptyToNull(fields[8]));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static DirectoryException invalid() {
        return new DirectoryException(DirectoryErrorCode.BAD_REQUEST,
                "The delta or skip token is not valid for this request.");
    }

    private static boolean optionalId(String field) {
        return field.isEmpty() || ID.matcher(field).matches();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
