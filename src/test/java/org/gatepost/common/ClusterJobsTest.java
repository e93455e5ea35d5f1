package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A scheduled job runs once however many instances tick: instances differ only in their
 * database connections, so several threads here stand for several instances.
 */
@QuarkusTest
class ClusterJobsTest {

    @Inject
    ClusterJobs jobs;

    @Test
    void instancesTickingTogetherRunTheJobOnce() throws Exception {
        String job = "test-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch others = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            Future<Boolean> first = instances.submit(() -> jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), () -> {
                runs.incrementAndGet();
                running.countDown();
                await(others);
            }));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            List<Future<Boolean>> rest = List.of(
                    instances.submit(() -> jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), runs::incrementAndGet)),
                    instances.submit(() -> jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), runs::incrementAndGet)),
                    instances.submit(() -> jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), runs::incrementAndGet)));
            for (Future<Boolean> other : rest) {
                assertFalse(other.get(30, TimeUnit.SECONDS), "another instance skips while the job runs");
            }
            others.countDown();
            assertTrue(first.get(30, TimeUnit.SECONDS));
        } finally {
            instances.shutdownNow();
        }
        assertFalse(jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), runs::incrementAndGet),
                "an instance whose tick comes later in the same hour skips too");
        assertEquals(1, runs.get());
    }

    @Test
    void aJobRunsAgainOnceItsPeriodHasPassed() {
        String job = "test-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        assertTrue(jobs.runOnce(job, Duration.ofMillis(1), Duration.ofMinutes(1), runs::incrementAndGet));
        assertTrue(jobs.runOnce(job, Duration.ofMillis(1), Duration.ofMinutes(1), runs::incrementAndGet));
        assertEquals(2, runs.get());
    }

    @Test
    void aJobThatFailsIsNotCountedAsRun() {
        String job = "test-" + System.nanoTime();
        try {
            jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), () -> {
                throw new IllegalStateException("the database went away");
            });
        } catch (IllegalStateException expected) {
            // the next tick must try again
        }
        AtomicInteger runs = new AtomicInteger();
        assertTrue(jobs.runOnce(job, Duration.ofHours(1), Duration.ofMinutes(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
