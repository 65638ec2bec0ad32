package dev.jcompose.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The door rule catches what it must, and the door itself shows nothing behind it. */
class DoorRuleTest {

    @Test
    void theRuleFailsOnCodeThatReachesBehindTheDoor() {
        // the local target is behind the door by definition: it uses the planner and adapter
        AssertionError e = assertThrows(AssertionError.class,
                () -> DoorRule.check("dev.jcompose.api.local"));
        assertTrue(e.getMessage().contains("dev.jcompose.planner"), e.getMessage());
    }

    /**
     * The published door's public signatures (parameters, results, record components) name
     * only the door's, the model's, the progress events' and the JDK's types, so a caller never
     * needs a planner, adapter, Kubernetes or swarm module type (a Java caller may hand the
     * Kubernetes target a fabric8 client of its own).
     */
    @Test
    void theDoorsPublicSignaturesNameNothingBehindIt() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : DoorRule.mainClasses("dev.jcompose.api")) {
            if (c.getPackageName().startsWith("dev.jcompose.api.local") || !c.getModifiers()
                    .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMethod m : c.getMethods()) {
                if (!m.getModifiers().contains(
                        com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                    continue;
                }
                Stream.concat(Stream.of(m.getRawReturnType()), m.getRawParameterTypes().stream())
                        .filter(DoorRuleTest::behind)
                        .forEach(t -> leaks.add(m.getFullName() + " names " + t.getName()));
            }
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    private static boolean behind(JavaClass type) {
        String p = type.getPackageName();
        return (p.startsWith("dev.jcompose.planner") && !p.equals("dev.jcompose.planner.progress"))
                || p.startsWith("dev.jcompose.runtime") || p.startsWith("dev.jcompose.kubernetes")
                || p.startsWith("dev.jcompose.swarm")
                || p.startsWith("com.github.dockerjava");
    }
}
