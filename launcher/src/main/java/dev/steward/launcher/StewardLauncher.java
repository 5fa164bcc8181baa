package dev.steward.launcher;

import dev.steward.launcher.stack.DownCommand;
import dev.steward.launcher.stack.LocalStack;
import dev.steward.launcher.stack.RestartCommand;
import dev.steward.launcher.stack.StackOptions;
import dev.steward.launcher.stack.StatusCommand;
import dev.steward.launcher.token.TokenCommand;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code ./steward up | down | status | token}: the local stack's command line. */
public final class StewardLauncher {

    private static final String USAGE = """
            Usage: ./steward <command> [options]
              up [--detach] [--fresh]   start Kafka, the LDAP directory and the four services; Ctrl-C stops them
              down                      stop a stack started with --detach
              status                    what runs, whether it answers, resident memory
              restart <service>         restart one service of the running stack (directory, selfservice, sync,
                                        audit) and wait until it is up again
              token --user <upn> [--scp "a b"] [--roles "x y"] [--wids "id1 id2"] [--lifetime PT8H]
                                        print a bearer token for a user of the directory
            Options of up: --bind-address, --data-dir, --kafka-port, --kafka-controller-port, --ldap-port,
              --directory-port, --selfservice-port, --sync-port, --audit-port, --postgres=<jdbc base url>,
              --db-user, --db-password, --db-prefix, --sync-interval=<ISO duration>, --ready-timeout=<seconds>,
              --java-opts="<JVM options of the services>", --kafka-log-level=<warn|info|debug>
            """;

    private StewardLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || Set.of("help", "--help", "-h").contains(args.get(0))) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> options = args.subList(1, args.size());
        try {
            switch (args.get(0)) {
                case "up" -> up(options, out, err);
                case "down" -> DownCommand.run(StackOptions.layout(Arguments.parse(options, Set.of("data-dir",
                        "repo-root"), Set.of())), out);
                case "status" -> {
                    return StatusCommand.run(StackOptions.layout(Arguments.parse(options, Set.of("data-dir",
                            "repo-root"), Set.of())), out);
                }
                case "restart" -> {
                    if (options.isEmpty() || options.get(0).startsWith("--")) {
                        throw LauncherException.usage("restart needs a service: directory, selfservice, sync or audit");
                    }
                    return RestartCommand.run(StackOptions.layout(Arguments.parse(options.subList(1, options.size()),
                            Set.of("data-dir", "repo-root"), Set.of())), options.get(0), Duration.ofMinutes(5), out);
                }
                case "token" -> out.println(TokenCommand.run(options));
                default -> throw LauncherException.usage("unknown command '" + args.get(0) + "'");
            }
            return 0;
        } catch (LauncherException e) {
            if (!e.getMessage().isEmpty()) {
                err.println(e.getMessage());
            }
            if (e.exitCode() == 2) {
                err.print(USAGE);
            }
            return e.exitCode();
        }
    }

    private static void up(List<String> args, PrintStream out, PrintStream err) {
        StackOptions options = StackOptions.fromArguments(Arguments.parse(args, StackOptions.VALUED_FLAGS,
                StackOptions.SWITCHES));
        LocalStack stack = new LocalStack(options, out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "steward-shutdown"));
        try {
            stack.start(invokedAt(), Boolean.getBoolean("steward.detached"));
        } catch (RuntimeException e) {
            if (stack.isClosing()) {
                // stopped during start-up (Ctrl-C, ./steward down): the processes it stopped are not failures
                throw new LauncherException("", 130, e);
            }
            LauncherException failure = e instanceof LauncherException known ? known
                    : new LauncherException("Steward failed to start: " + e, e);
            err.println(failure.getMessage());
            stack.close();
            throw new LauncherException("", failure.exitCode(), failure);
        }
        try {
            stack.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** When {@code ./steward up} ran (the script passes it), else when this JVM started. */
    private static long invokedAt() {
        String invoked = System.getProperty("steward.invoked-at");
        if (invoked != null && invoked.matches("\\d{13}")) {
            return Long.parseLong(invoked);
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
