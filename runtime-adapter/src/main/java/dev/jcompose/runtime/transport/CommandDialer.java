package dev.jcompose.runtime.transport;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Connections made of a command's standard input and output, as the docker CLI's
 * {@code commandconn}: {@code ssh ... docker system dial-stdio} for {@code ssh://} engines. The
 * command is found on the {@code PATH} of the environment given, runs with that environment,
 * and in a session of its own ({@code setsid}), so a Ctrl-C at the terminal reaches jcompose
 * (which then stops containers through it) and not the connection.
 */
public final class CommandDialer implements Dialer {

    private static final int STDERR_KEPT = 4096;

    private final List<String> command;
    private final Map<String, String> env;

    CommandDialer(List<String> command, Map<String, String> env) {
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
    }

    /** The command, as shown in messages. */
    public List<String> command() {
        return command;
    }

    @Override
    public Link dial() throws IOException {
        List<String> argv = new ArrayList<>();
        Path setsid = find("setsid", env);
        if (setsid != null) {
            argv.add(setsid.toString());
        }
        Path program = find(command.get(0), env);
        if (program == null) {
            throw new IOException(command.get(0) + " not found on PATH (needed to reach "
                    + "the engine through " + String.join(" ", command) + ")");
        }
        argv.add(program.toString());
        argv.addAll(command.subList(1, command.size()));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread drain = Thread.ofPlatform().daemon().name("jcompose-dial-stderr").start(() -> {
            byte[] buf = new byte[1024];
            try (InputStream err = p.getErrorStream()) {
                for (int n; (n = err.read(buf)) > 0;) {
                    synchronized (stderr) {
                        if (stderr.size() < STDERR_KEPT) {
                            stderr.write(buf, 0, Math.min(n, STDERR_KEPT - stderr.size()));
                        }
                    }
                }
            } catch (IOException e) {
                // the command ended
            }
        });
        return new ProcessLink(p, stderr, drain);
    }

    /** {@code name} on the {@code PATH} of {@code env}, or null; a path is taken as it is. */
    static Path find(String name, Map<String, String> env) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin")
                .split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private final class ProcessLink implements Link {
        private final Process process;
        private final ByteArrayOutputStream stderr;
        /** Reads the command's error output; it ends once the command has ended. */
        private final Thread drain;

        ProcessLink(Process process, ByteArrayOutputStream stderr, Thread drain) {
            this.process = process;
            this.stderr = stderr;
            this.drain = drain;
        }

        @Override
        public InputStream in() {
            return process.getInputStream();
        }

        @Override
        public OutputStream out() {
            return process.getOutputStream();
        }

        @Override
        public void closeWrite() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // the command has ended
            }
        }

        @Override
        public String failure() {
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS) || process.exitValue() == 0) {
                    return null;
                }
                // what it said last (ssh's reason) may still be on its way through the pipe
                drain.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            String err;
            synchronized (stderr) {
                err = stderr.toString(StandardCharsets.UTF_8).strip().replace('\n', ' ');
            }
            return "command [" + String.join(" ", command) + "] exited with status "
                    + process.exitValue() + (err.isEmpty() ? "" : ": " + err);
        }

        @Override
        public void close() {
            closeWrite();
            process.destroy();
        }
    }
}
