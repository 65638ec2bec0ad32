package dev.jcompose.junit5;

import dev.jcompose.api.DoorRule;
import org.junit.jupiter.api.Test;

/** This module goes through the api's door alone ({@link DoorRule}). */
class DoorTest {

    @Test
    void mainClassesUseTheApiAlone() {
        DoorRule.check("dev.jcompose.junit5");
    }
}
