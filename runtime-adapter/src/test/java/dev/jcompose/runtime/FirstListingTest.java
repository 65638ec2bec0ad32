package dev.jcompose.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.engine.ContainerSummary;
import dev.jcompose.planner.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FirstListingTest {

    private final List<Boolean> asked = new ArrayList<>();

    private static ContainerSummary container(String name, String project, String service) {
        return new ContainerSummary(name, name, "img", "sha256:1", "running", null, null,
                Map.of(Labels.PROJECT, project, Labels.SERVICE, service), List.of(), 0,
                Map.of());
    }

    private static final List<ContainerSummary> EVERY_PROJECT = List.of(
            container("a-web-1", "a", "web"), container("a-db-1", "a", "db"),
            container("b-web-1", "b", "web"));

    private List<ContainerSummary> engine(boolean includeStopped) {
        asked.add(includeStopped);
        return EVERY_PROJECT;
    }

    private static List<String> names(List<ContainerSummary> containers) {
        return containers.stream().map(ContainerSummary::name).toList();
    }

    @Test
    void answersTheFirstListingOfAProjectFromTheTakenOne() {
        FirstListing first = new FirstListing();
        first.take(false, this::engine);
        assertEquals(List.of(false), asked);
        assertEquals(List.of("a-web-1", "a-db-1"),
                names(first.answer(Map.of(Labels.PROJECT, "a"), false)));
    }

    @Test
    void selectsByEveryLabelAsked() {
        FirstListing first = new FirstListing();
        first.take(true, this::engine);
        assertEquals(List.of("b-web-1"), names(first.answer(
                Map.of(Labels.PROJECT, "b", Labels.SERVICE, "web"), true)));
    }

    @Test
    void answersOnlyOnceSoNothingLaterSeesItStale() {
        FirstListing first = new FirstListing();
        first.take(false, this::engine);
        first.answer(Map.of(Labels.PROJECT, "a"), false);
        assertNull(first.answer(Map.of(Labels.PROJECT, "a"), false));
    }

    @Test
    void isNotTakenAfterTheFirstListingWasMadeWithoutIt() {
        FirstListing first = new FirstListing();
        assertNull(first.answer(Map.of(Labels.PROJECT, "a"), false));
        first.take(false, this::engine);
        assertEquals(List.of(), asked, "the engine was asked for a listing nobody can use");
        assertNull(first.answer(Map.of(Labels.PROJECT, "a"), false));
    }

    @Test
    void doesNotAnswerOtherStatesOrListingsNotByProject() {
        FirstListing stopped = new FirstListing();
        stopped.take(false, this::engine);
        assertNull(stopped.answer(Map.of(Labels.PROJECT, "a"), true));

        FirstListing byService = new FirstListing();
        byService.take(false, this::engine);
        assertNull(byService.answer(Map.of(Labels.SERVICE, "web"), false));
    }

    @Test
    void aListingAskedWhileTheTakingIsOnItsWayWaitsForIt() throws Exception {
        FirstListing first = new FirstListing();
        CountDownLatch taking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread warmUp = Thread.ofPlatform().start(() -> first.take(false, all -> {
            taking.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EVERY_PROJECT;
        }));
        assertTrue(taking.await(10, TimeUnit.SECONDS));
        List<List<ContainerSummary>> answer = new ArrayList<>();
        Thread command = Thread.ofPlatform().start(
                () -> answer.add(first.answer(Map.of(Labels.PROJECT, "b"), false)));
        command.join(100);
        assertTrue(command.isAlive(), "answered before the listing arrived");
        release.countDown();
        command.join(10_000);
        warmUp.join(10_000);
        assertEquals(List.of("b-web-1"), names(answer.get(0)));
    }

    @Test
    void aFailedTakingFailsTheListingAsTheEngineWould() {
        FirstListing first = new FirstListing();
        EngineException down = new EngineException("Cannot connect to the Docker daemon");
        first.take(false, all -> {
            throw down;
        });
        assertSame(down, assertThrows(EngineException.class,
                () -> first.answer(Map.of(Labels.PROJECT, "a"), false)));
    }
}
