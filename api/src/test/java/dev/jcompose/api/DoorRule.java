package dev.jcompose.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;

/**
 * The api is the only door: code built on it (the command line, the JUnit and Testcontainers
 * modules) uses the door package {@code dev.jcompose.api}, the compose model and the planner's
 * progress events (the one vocabulary every target reports in), and nothing behind the door:
 * not the planner, the engine adapter, the local target's implementation, the Kubernetes
 * converter and deployer, the swarm stack deployer, docker-java, fabric8's Kubernetes client or
 * Jackson. Each such module's {@code DoorTest} checks its main classes with {@link #check}.
 */
public final class DoorRule {

    /** What lies behind the door. */
    public static final ArchRule RULE = noClasses().should().dependOnClassesThat(
            resideInAnyPackage("dev.jcompose.planner..", "dev.jcompose.runtime..",
                    "dev.jcompose.api.local..", "dev.jcompose.kubernetes..",
                    "dev.jcompose.swarm..",
                    "com.github.dockerjava..", "io.fabric8..", "com.fasterxml.jackson..")
                    .and(not(resideInAPackage("dev.jcompose.planner.progress"))))
            .because("the api is the only door to compose (see dev.jcompose.api.ComposeService)");

    private DoorRule() {
    }

    /**
     * The main classes under {@code rootPackage} of the module under test, read from its
     * {@code target/classes} (the working directory of its tests is the module's).
     */
    public static JavaClasses mainClasses(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .importPath(Path.of("target", "classes"))
                .that(resideInAPackage(rootPackage + ".."));
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes found under " + rootPackage);
        }
        return classes;
    }

    /** Fails, naming each forbidden dependency, when a main class under the package has one. */
    public static void check(String rootPackage) {
        RULE.check(mainClasses(rootPackage));
    }
}
