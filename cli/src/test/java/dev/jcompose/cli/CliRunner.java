package dev.jcompose.cli;

import dev.jcompose.api.TargetFactory;
import dev.jcompose.api.local.LocalTarget;
import dev.jcompose.planner.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in-process with captured output, a working directory and an environment. */
final class CliRunner {

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path dir;
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private TargetFactory targets = TargetFactory.local();
    private java.util.function.Supplier<java.io.InputStream> stdin =
            () -> new ByteArrayInputStream(new byte[0]);

    CliRunner(Path dir) {
        this.dir = dir;
        env.remove("COMPOSE_PROJECT_NAME");
        env.remove("COMPOSE_FILE");
        env.remove("COMPOSE_PROFILES");
    }

    /** What the runs read on standard input (default: nothing). */
    CliRunner stdin(byte[] bytes) {
        byte[] copy = bytes.clone();
        stdin = () -> new ByteArrayInputStream(copy);
        return this;
    }

    /** What the next run reads on standard input (a stream that may pause, as a user does). */
    CliRunner stdin(java.io.InputStream in) {
        stdin = () -> in;
        return this;
    }

    CliRunner env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Runs the commands on {@code engine} (an in-memory one) instead of Docker. */
    CliRunner on(Engine engine) {
        targets = (docker, environment) -> LocalTarget.on(engine, environment);
        return this;
    }

    /** The environment runs get (the process's, less the compose variables, plus env()). */
    Map<String, String> environment() {
        return env;
    }

    /** A run in the background whose output can be read while it runs. */
    record Running(CompletableFuture<Result> result, StringWriter out, StringWriter err) {

        /** Waits until stdout contains the text; false after the timeout or when the run ended. */
        boolean awaitOut(String text, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!out.toString().contains(text)) {
                if (result.isDone() || System.nanoTime() > deadline) {
                    return out.toString().contains(text);
                }
                Thread.sleep(20);
            }
            return true;
        }
    }

    Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                stdin.get(), env, dir, false, false);
        return new Running(CompletableFuture.supplyAsync(() -> {
            int code = Main.run(console, targets, args);
            return new Result(code, out.toString(), err.toString());
        }), out, err);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                stdin.get(), env, dir, false, false);
        int code = Main.run(console, targets, args);
        return new Result(code, out.toString(), err.toString());
    }
}
