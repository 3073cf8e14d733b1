package io.idra.route;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapWatchTest {

    private final Instant t0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void aBatchIsCutBeforeAYoungGapAndPassesItOnceTheWaitIsOver() throws Exception {
        GapWatch gaps = new GapWatch(30, false);
        assertThat(gaps.writable(10L, List.of(11L, 12L, 14L, 15L), t0)).isEqualTo(2);
        assertThat(gaps.oldestGap()).isEqualTo(13L);
        assertThat(gaps.writable(12L, List.of(14L, 15L), t0.plusSeconds(29))).isZero();
        assertThat(gaps.writable(12L, List.of(14L, 15L), t0.plusSeconds(30))).isEqualTo(2);
    }

    @Test
    void aFilledGapIsNoGap() throws Exception {
        GapWatch gaps = new GapWatch(30, false);
        assertThat(gaps.writable(10L, List.of(11L, 13L), t0)).isEqualTo(1);
        assertThat(gaps.writable(11L, List.of(12L, 13L), t0.plusSeconds(1))).isEqualTo(2);
    }

    @Test
    void allGapsOfABatchStartTheirClockTogether() throws Exception {
        GapWatch gaps = new GapWatch(30, false);
        assertThat(gaps.writable(0L, List.of(2L, 4L, 6L, 8L), t0)).isZero();
        assertThat(gaps.writable(0L, List.of(2L, 4L, 6L, 8L), t0.plusSeconds(30))).isEqualTo(4);
    }

    @Test
    void aLaterGapWaitsItsOwnTime() throws Exception {
        GapWatch gaps = new GapWatch(30, false);
        assertThat(gaps.writable(0L, List.of(1L, 3L), t0)).isEqualTo(1);
        assertThat(gaps.writable(1L, List.of(3L, 4L, 6L), t0.plusSeconds(30))).isEqualTo(2);
        assertThat(gaps.writable(4L, List.of(6L), t0.plusSeconds(59))).isZero();
        assertThat(gaps.writable(4L, List.of(6L), t0.plusSeconds(60))).isEqualTo(1);
    }

    @Test
    void aFreshSyncHasNoGapBeforeItsFirstRow() throws Exception {
        assertThat(new GapWatch(30, false).writable(null, List.of(100L, 101L), t0)).isEqualTo(2);
    }

    @Test
    void runOnceWaitsForTheGapInsteadOfStopping() throws Exception {
        GapWatch gaps = new GapWatch(1, true);
        long started = System.nanoTime();
        assertThat(gaps.writable(10L, List.of(12L), Instant.now())).isEqualTo(1);
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 5_000L);
    }
}
