package dev.jcompose.cli.plugin;

import dev.jcompose.api.DockerCliConfig;
import dev.jcompose.api.DockerCliOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line as the docker CLI hands it to its compose plugin, or as a user types it: the
 * docker CLI's global options ({@code --context/-c}, {@code -H/--host}, {@code --tls},
 * {@code --tlsverify}, {@code --tlscacert}, {@code --tlscert}, {@code --tlskey},
 * {@code -D/--debug}, {@code -l/--log-level}, {@code --config}), read with its flag syntax
 * wherever they stand before the command, and the rest for jcompose's own parser. As a plugin
 * ({@code DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND} set) the command line is
 * {@code [docker options] compose [compose arguments]}: the word {@code compose} is dropped.
 *
 * @param options     the engine options, for the target ({@code TargetFactory})
 * @param composeArgs what jcompose parses ({@code --verbose} first for {@code -D})
 * @param env         the environment, with {@code --config} applied
 * @param plugin      run by the docker CLI as its plugin
 */
public record DockerCliArgs(DockerCliOptions options, List<String> composeArgs,
        Map<String, String> env, boolean plugin) {

    /** The variable the docker CLI sets for the plugins it runs. */
    public static final String PLUGIN_ENV = "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND";

    /**
     * The options that take a value, in every spelling, as the launcher skips their values to
     * find the command.
     */
    public static final List<String> VALUED_OPTIONS = List.of("-c", "--context", "-H", "--host",
            "-l", "--log-level", "--config", "--tlscacert", "--tlscert", "--tlskey");

    private static final Set<String> VALUED = Set.copyOf(VALUED_OPTIONS.stream()
            .filter(o -> o.startsWith("--")).toList());
    private static final Set<String> BOOLEAN = Set.of("--debug", "--tls", "--tlsverify");
    private static final Map<Character, String> SHORT = Map.of('c', "--context", 'H', "--host",
            'l', "--log-level", 'D', "--debug");
    private static final Set<String> LOG_LEVELS = Set.of("panic", "fatal", "error", "warn",
            "warning", "info", "debug", "trace");

    public DockerCliArgs {
        composeArgs = List.copyOf(composeArgs);
        env = Map.copyOf(env);
    }

    /**
     * Reads {@code args}; {@code composeValued} are jcompose's root options that take a value,
     * so that theirs are not mistaken for the command.
     *
     * @throws IllegalArgumentException for a docker option without its value or with a bad one
     */
    public static DockerCliArgs parse(String[] args, Map<String, String> env,
            Collection<String> composeValued) {
        boolean plugin = !env.getOrDefault(PLUGIN_ENV, "").isEmpty();
        Parsed p = new Parsed();
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--") || !a.startsWith("-") || a.equals("-")) {
                if (plugin && a.equals("compose")) {
                    i++;
                }
                break;
            }
            int used = p.option(args, i);
            if (used == 0) {
                rest.add(a);
                if (a.indexOf('=') < 0 && composeValued.contains(a) && i + 1 < args.length) {
                    rest.add(args[++i]);
                }
                used = 1;
            }
            i += used;
        }
        List<String> compose = new ArrayList<>();
        if (p.debug) {
            compose.add("--verbose");
        }
        compose.addAll(rest);
        compose.addAll(List.of(args).subList(i, args.length));
        Map<String, String> newEnv = env;
        if (p.configDir != null) {
            newEnv = new HashMap<>(env);
            // the docker CLI finds the default TLS files where config.json was before --config
            if (env.getOrDefault("DOCKER_CERT_PATH", "").isEmpty()) {
                newEnv.put("DOCKER_CERT_PATH", DockerCliConfig.directory(env).toString());
            }
            newEnv.put("DOCKER_CONFIG", p.configDir);
        }
        DockerCliOptions options = new DockerCliOptions(p.context, p.hosts, p.tls,
                p.tlsVerify, p.tlsCaCert, p.tlsCert, p.tlsKey, null);
        return new DockerCliArgs(options, compose, newEnv, plugin);
    }

    /** The options as they accumulate. */
    private static final class Parsed {
        String context;
        List<String> hosts = new ArrayList<>();
        Boolean tls;
        Boolean tlsVerify;
        String tlsCaCert;
        String tlsCert;
        String tlsKey;
        String configDir;
        boolean debug;

        /** Reads the docker option at {@code args[i]}; the words used, 0 when it is not one. */
        int option(String[] args, int i) {
            String a = args[i];
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (VALUED.contains(name)) {
                    if (eq >= 0) {
                        set(name, a.substring(eq + 1));
                        return 1;
                    }
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("flag needs an argument: " + name);
                    }
                    set(name, args[i + 1]);
                    return 2;
                }
                if (BOOLEAN.contains(name)) {
                    set(name, eq < 0 ? "true" : a.substring(eq + 1));
                    return 1;
                }
                return 0;
            }
            // a cluster of short options (-D, -c NAME, -cNAME, -c=NAME, -Dc NAME), all docker's;
            // the first that takes a value takes the rest of the word, or the next word
            if (a.length() < 2 || !SHORT.containsKey(a.charAt(1))) {
                return 0;
            }
            for (int k = 1; k < a.length(); k++) {
                String name = SHORT.get(a.charAt(k));
                if (name == null) {
                    throw new IllegalArgumentException("unknown shorthand flag: '" + a.charAt(k)
                            + "' in " + a);
                }
                if (BOOLEAN.contains(name)) {
                    set(name, "true");
                    continue;
                }
                String value = a.substring(k + 1);
                if (value.startsWith("=")) {
                    value = value.substring(1);
                }
                if (!value.isEmpty()) {
                    set(name, value);
                    return 1;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("flag needs an argument: '" + a.charAt(k)
                            + "' in -" + a.charAt(k));
                }
                set(name, args[i + 1]);
                return 2;
            }
            return 1;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--config" -> configDir = value;
                case "--context" -> context = value;
                case "--host" -> hosts.add(value);
                case "--tlscacert" -> tlsCaCert = value;
                case "--tlscert" -> tlsCert = value;
                case "--tlskey" -> tlsKey = value;
                case "--tls" -> tls = bool(name, value);
                case "--tlsverify" -> tlsVerify = bool(name, value);
                case "--debug" -> debug |= bool(name, value);
                case "--log-level" -> {
                    if (!LOG_LEVELS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                        throw new IllegalArgumentException("Unable to parse logging level: "
                                + value);
                    }
                    debug |= value.equalsIgnoreCase("debug") || value.equalsIgnoreCase("trace");
                }
                default -> throw new IllegalStateException(name);
            }
        }

        /** Go's {@code strconv.ParseBool}. */
        private static boolean bool(String name, String value) {
            return switch (value) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw new IllegalArgumentException("invalid argument \"" + value
                        + "\" for \"" + name + "\" flag: parse error");
            };
        }
    }
}
