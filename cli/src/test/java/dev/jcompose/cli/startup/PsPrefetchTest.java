package dev.jcompose.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeException;
import dev.jcompose.api.ContainerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PsPrefetchTest {

    private final List<Boolean> asked = new ArrayList<>();

    private static ContainerInfo container(String name, String project, String service) {
        return new ContainerInfo(name, name, project, service, 1, false, "img", "running",
                null, null, List.of(), 0);
    }

    private static final List<ContainerInfo> EVERY_PROJECT = List.of(
            container("a-db-1", "a", "db"), container("a-web-1", "a", "web"),
            container("b-web-1", "b", "web"));

    private List<ContainerInfo> target(boolean includeStopped) {
        asked.add(includeStopped);
        return EVERY_PROJECT;
    }

    private static List<String> names(List<ContainerInfo> containers) {
        return containers.stream().map(ContainerInfo::name).toList();
    }

    @Test
    void answersPsOfAProjectFromTheTakenListing() {
        PsPrefetch first = new PsPrefetch();
        first.take(false, this::target);
        assertEquals(List.of(false), asked);
        assertEquals(List.of("a-db-1", "a-web-1"), names(first.answer("a", false, List.of())));
    }

    @Test
    void selectsTheServicesAsked() {
        PsPrefetch first = new PsPrefetch();
        first.take(true, this::target);
        assertEquals(List.of("b-web-1"), names(first.answer("b", true, List.of("web"))));
    }

    @Test
    void answersOnlyOnceSoNothingLaterSeesItStale() {
        PsPrefetch first = new PsPrefetch();
        first.take(false, this::target);
        first.answer("a", false, List.of());
        assertNull(first.answer("a", false, List.of()));
    }

    @Test
    void isNotTakenAfterPsAskedWithoutIt() {
        PsPrefetch first = new PsPrefetch();
        assertNull(first.answer("a", false, List.of()));
        first.take(false, this::target);
        assertEquals(List.of(), asked, "the target was asked for a listing nobody can use");
        assertNull(first.answer("a", false, List.of()));
    }

    @Test
    void doesNotAnswerOtherStates() {
        PsPrefetch stopped = new PsPrefetch();
        stopped.take(false, this::target);
        assertNull(stopped.answer("a", true, List.of()));
    }

    @Test
    void psAskingWhileTheTakingIsOnItsWayWaitsForIt() throws Exception {
        PsPrefetch first = new PsPrefetch();
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
        List<List<ContainerInfo>> answer = new ArrayList<>();
        Thread command = Thread.ofPlatform().start(
                () -> answer.add(first.answer("b", false, List.of())));
        command.join(100);
        assertTrue(command.isAlive(), "answered before the listing arrived");
        release.countDown();
        command.join(10_000);
        warmUp.join(10_000);
        assertEquals(List.of("b-web-1"), names(answer.get(0)));
    }

    @Test
    void aFailedTakingFailsPsAsTheTargetWould() {
        PsPrefetch first = new PsPrefetch();
        ComposeException down = new ComposeException("Cannot connect to the Docker daemon");
        first.take(false, all -> {
            throw down;
        });
        assertSame(down, assertThrows(ComposeException.class,
                () -> first.answer("a", false, List.of())));
    }
}
