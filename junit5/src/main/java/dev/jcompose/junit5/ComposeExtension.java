package dev.jcompose.junit5;

import dev.jcompose.api.ComposeProject;
import dev.jcompose.api.Endpoint;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ComposeStack}; it registers itself through that annotation,
 * so tests need not name it.
 *
 * <ul>
 *   <li>Before a class's first test (or before the first class of a shared {@code key}), it
 *       starts the stack under a random project name and waits until it is ready.</li>
 *   <li>After the class's tests (or, for a shared stack, at the end of the test run) it removes
 *       the stack, whatever the tests' outcome; a shutdown hook does it if the JVM exits
 *       first.</li>
 *   <li>When a test fails, or the stack fails to start, it writes each container's log under
 *       the annotation's {@code logsDirectory} and publishes the directory as a report entry
 *       ({@code jcompose.logs}).</li>
 *   <li>It resolves parameters of type {@link ComposeProject} (the stack) and parameters
 *       annotated with {@link ServiceEndpoint}.</li>
 * </ul>
 *
 * <p>Stacks are kept in JUnit's extension store, which closes them; this needs JUnit 5.13 or
 * later (closing of {@link AutoCloseable} store values, on by default).
 */
public final class ComposeExtension
        implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ComposeExtension.class);

    /** Creates the extension; JUnit does, through {@link ComposeStack}. */
    public ComposeExtension() {
    }

    /** Where the annotation was found: on the test class, a superclass, or an enclosing class. */
    private record Located(ComposeStack annotation, Class<?> owner, StackConfig config) { }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            find(context).ifPresent(s -> writeLogs(context, s, testDirectory(context)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Optional<Located> located = locate(context);
        if (located.isEmpty()) {
            return;
        }
        Optional<RunningStack> stack = find(context);
        if (context.getExecutionException().isPresent()) {
            stack.ifPresent(s -> writeLogs(context, s,
                    classDirectory(located.get().config(), context).resolve("afterAll")));
        }
        Located l = located.get();
        if (!l.config().shared() && context.getRequiredTestClass() == l.owner()) {
            RunningStack s = ownerStore(context, l).remove(l.owner(), RunningStack.class);
            if (s != null) {
                s.close();
            }
        }
    }

    // --- parameters -------------------------------------------------------------------------------

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (locate(context).isEmpty()) {
            return false;
        }
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(ServiceEndpoint.class)) {
            return type == Endpoint.class || type == String.class || type == int.class
                    || type == Integer.class || type == URI.class;
        }
        return type == ComposeProject.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ComposeProject project = stack(context).project();
        Optional<ServiceEndpoint> annotation = parameter.findAnnotation(ServiceEndpoint.class);
        if (annotation.isEmpty()) {
            return project;
        }
        ServiceEndpoint se = annotation.get();
        Endpoint endpoint;
        try {
            endpoint = project.endpoint(se.service(), se.port());
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot resolve "
                    + describe(parameter.getParameter()) + ": " + e.getMessage(), e);
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Endpoint.class) {
            return endpoint;
        }
        if (type == String.class) {
            return endpoint.toString();
        }
        if (type == URI.class) {
            return endpoint.uri(se.scheme());
        }
        return endpoint.port();
    }

    private static String describe(Parameter p) {
        return "parameter " + p.getName() + " of " + p.getDeclaringExecutable().getName();
    }

    // --- finding and starting stacks --------------------------------------------------------------

    /** The stack of this context, started if it is not yet. */
    private static RunningStack stack(ExtensionContext context) {
        Located l = locate(context).orElseThrow(() -> new ExtensionConfigurationException(
                "no @ComposeStack on " + context.getRequiredTestClass().getName()
                        + " or a class enclosing it"));
        StackConfig config = l.config();
        ExtensionContext.Store store = l.config().shared() ? context.getRoot().getStore(NAMESPACE)
                : ownerStore(context, l);
        Object key = storeKey(l);
        Path startupLogs = config.logsDirectory().resolve(l.owner().getName())
                .resolve("start");
        RunningStack stack = store.getOrComputeIfAbsent(key,
                k -> RunningStack.start(config, startupLogs), RunningStack.class);
        if (config.shared() && !stack.config().sameStack(config)) {
            throw new ExtensionConfigurationException("@ComposeStack(key = \"" + config.key()
                    + "\") on " + l.owner().getName() + " describes another stack than the "
                    + "class that started it: " + config + " here, " + stack.config()
                    + " there; give the classes the same files, profiles, variables and "
                    + "services, or different keys");
        }
        return stack;
    }

    /** The stack of this context, if it has been started (and not failed). */
    private static Optional<RunningStack> find(ExtensionContext context) {
        Optional<Located> located = locate(context);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        Located l = located.get();
        ExtensionContext.Store store = l.config().shared() ? context.getRoot().getStore(NAMESPACE)
                : ownerStore(context, l);
        try {
            return Optional.ofNullable(store.get(storeKey(l), RunningStack.class));
        } catch (RuntimeException failedToStart) {
            return Optional.empty();
        }
    }

    private static Object storeKey(Located l) {
        return l.config().shared() ? "key:" + l.config().key() : l.owner();
    }

    /** The store of the class that carries the annotation (an enclosing one for nested tests). */
    private static ExtensionContext.Store ownerStore(ExtensionContext context, Located l) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().orElse(null) == l.owner()) {
                return c.getStore(NAMESPACE);
            }
        }
        return context.getStore(NAMESPACE);
    }

    private static Optional<Located> locate(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        for (Class<?> c = testClass.orElse(null); c != null; c = enclosing(c)) {
            Optional<ComposeStack> a = AnnotationSupport.findAnnotation(c, ComposeStack.class);
            if (a.isPresent()) {
                return Optional.of(new Located(a.get(), c, StackConfig.of(a.get(), c)));
            }
        }
        return Optional.empty();
    }

    private static Class<?> enclosing(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers())
                ? c.getEnclosingClass() : null;
    }

    // --- logs -------------------------------------------------------------------------------------

    private static void writeLogs(ExtensionContext context, RunningStack stack, Path dir) {
        try {
            Path written = stack.writeLogs(dir);
            context.publishReportEntry("jcompose.logs", written.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            context.publishReportEntry("jcompose.logs", "not written: " + e.getMessage());
        }
    }

    private static Path classDirectory(StackConfig config, ExtensionContext context) {
        return config.logsDirectory().resolve(context.getRequiredTestClass().getName());
    }

    private static Path testDirectory(ExtensionContext context) {
        StackConfig config = locate(context).orElseThrow().config();
        String name = context.getTestMethod().map(Method::getName).orElse("test");
        String display = context.getDisplayName();
        if (!display.startsWith(name + "(")) {
            name = name + "-" + display;
        }
        return classDirectory(config, context).resolve(safe(name));
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
