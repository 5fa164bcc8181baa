package dev.steward.platform.kafka.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * How a Steward broker authenticates and authorises, for the local stack's broker process and the tests' in-JVM
 * broker alike: clients authenticate with SASL/SCRAM-SHA-512, one SCRAM user per {@link KafkaPrincipal}; the
 * {@link TopicAccess} table becomes ACLs enforced by KRaft's {@code StandardAuthorizer}; the super user
 * {@value #ADMIN} (the broker itself, and whoever provisions users and ACLs) authenticates with SASL/PLAIN against
 * the password in the broker's own configuration, so no credential has to exist before the broker starts.
 * On a network, use {@code SASL_SSL} listeners instead of {@code SASL_PLAINTEXT}: PLAIN and SCRAM both need TLS to
 * keep the password and the session private.
 */
public final class BrokerSecurity {

    public static final String ADMIN = "admin";
    /** The Spring properties a service reads its own broker credentials from (see {@code KafkaCredentials}). */
    public static final String USERNAME_PROPERTY = "steward.kafka.username";
    public static final String PASSWORD_PROPERTY = "steward.kafka.password";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN_MECHANISM = "PLAIN";
    public static final String SASL_PLAINTEXT = "SASL_PLAINTEXT";
    private static final int SCRAM_ITERATIONS = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerSecurity() {
    }

    /**
     * Broker settings for a node with a client listener and a controller listener, both {@code SASL_PLAINTEXT}.
     * The caller adds {@code listeners} and {@code advertised.listeners}.
     */
    public static Map<String, String> brokerProperties(String clientListener, String controllerListener,
                                                       String adminPassword) {
        return brokerProperties(clientListener, controllerListener, adminPassword, Map.of());
    }

    /**
     * The same, with more SASL/PLAIN users on the client listener (user name to password): for clients whose SCRAM
     * does not work with Kafka 4 (librdkafka before 2.6.1, such as Debian 12's {@code kcat}). Their principal and
     * ACLs are the same as with SCRAM; PLAIN sends the password itself, so only over TLS or loopback.
     */
    public static Map<String, String> brokerProperties(String clientListener, String controllerListener,
                                                       String adminPassword, Map<String, String> plainUsers) {
        String client = clientListener.toLowerCase(Locale.ROOT);
        String controller = controllerListener.toLowerCase(Locale.ROOT);
        String adminJaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                + quote(ADMIN) + " password=" + quote(adminPassword) + " user_" + ADMIN + "=" + quote(adminPassword) + ";";
        StringBuilder clientJaas = new StringBuilder(adminJaas.substring(0, adminJaas.length() - 1));
        plainUsers.forEach((user, password) -> clientJaas.append(" user_").append(user).append('=').append(quote(password)));
        clientJaas.append(';');
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", clientListener + ":" + SASL_PLAINTEXT + "," + controllerListener + ":"
                + SASL_PLAINTEXT);
        p.put("inter.broker.listener.name", clientListener);
        p.put("controller.listener.names", controllerListener);
        p.put("sasl.enabled.mechanisms", SCRAM_MECHANISM + "," + ADMIN_MECHANISM);
        p.put("listener.name." + client + ".sasl.enabled.mechanisms", SCRAM_MECHANISM + "," + ADMIN_MECHANISM);
        p.put("listener.name." + controller + ".sasl.enabled.mechanisms", ADMIN_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", ADMIN_MECHANISM);
        p.put("sasl.mechanism.controller.protocol", ADMIN_MECHANISM);
        p.put("listener.name." + client + ".plain.sasl.jaas.config", clientJaas.toString());
        p.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name." + controller + ".plain.sasl.jaas.config", adminJaas);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** Client settings of a SCRAM user (a service or a command sender). */
    public static Map<String, Object> clientProperties(String userName, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SASL_PLAINTEXT);
        p.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(userName, password));
        return p;
    }

    /** Client settings of the super user. */
    public static Map<String, Object> adminClientProperties(String adminPassword) {
        return plainClientProperties(ADMIN, adminPassword);
    }

    /** Client settings of a SASL/PLAIN user (the super user, or a PLAIN user of {@link #brokerProperties}). */
    public static Map<String, Object> plainClientProperties(String userName, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SASL_PLAINTEXT);
        p.put(SaslConfigs.SASL_MECHANISM, ADMIN_MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                + quote(userName) + " password=" + quote(password) + ";");
        return p;
    }

    public static String scramJaasConfig(String userName, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=" + quote(userName)
                + " password=" + quote(password) + ";";
    }

    /** A new random password (32 URL-safe characters, 192 bits). */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Creates (or resets) the SCRAM user of every principal with its password and makes the broker's ACLs exactly
     * {@link TopicAccess#aclBindings()} for these principals (stale ones are deleted), then waits until the broker
     * enforces them.
     *
     * @param admin an admin client of the super user
     */
    public static void provision(Admin admin, Map<KafkaPrincipal, String> passwords, long timeoutSeconds) {
        try {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            passwords.forEach((principal, password) -> users.add(new UserScramCredentialUpsertion(principal.userName(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
            admin.alterUserScramCredentials(users).all().get(timeoutSeconds, TimeUnit.SECONDS);

            List<AclBinding> wanted = TopicAccess.aclBindings();
            Set<String> ours = new HashSet<>();
            for (KafkaPrincipal principal : KafkaPrincipal.values()) {
                ours.add("User:" + principal.userName());
            }
            List<AclBindingFilter> stale = admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(timeoutSeconds, TimeUnit.SECONDS).stream()
                    .filter(binding -> ours.contains(binding.entry().principal()) && !wanted.contains(binding))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(timeoutSeconds, TimeUnit.SECONDS);
            }
            admin.createAcls(wanted).all().get(timeoutSeconds, TimeUnit.SECONDS);
            awaitEnforced(admin, passwords.keySet(), wanted, timeoutSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning Kafka users and ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not provision Kafka users and ACLs: " + e.getMessage(), e);
        }
    }

    /** The controller commits users and ACLs; the broker applies them a moment later. */
    private static void awaitEnforced(Admin admin, Set<KafkaPrincipal> principals, List<AclBinding> wanted,
                                      long timeoutSeconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> users = principals.stream().map(KafkaPrincipal::userName).toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            boolean usersKnown;
            try {
                usersKnown = admin.describeUserScramCredentials(users).all().get(timeoutSeconds, TimeUnit.SECONDS)
                        .size() == users.size();
            } catch (ExecutionException notYet) {
                usersKnown = false;
            }
            boolean aclsKnown = admin.describeAcls(AclBindingFilter.ANY).values().get(timeoutSeconds, TimeUnit.SECONDS)
                    .containsAll(wanted);
            if (usersKnown && aclsKnown) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the broker did not apply the users and ACLs within " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /** A JAAS option value in double quotes. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
