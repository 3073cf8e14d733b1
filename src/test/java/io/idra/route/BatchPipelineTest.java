package io.idra.route;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPipelineTest {

    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void oneWriterWritesBatchesInTheOrderTheyCameOnAnotherThread() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int batch = i;
            pipeline.submit(turn -> {
                Thread.sleep(batch % 3);
                written.add(batch);
                threads.add(Thread.currentThread().getName());
            });
        }
        assertThat(pipeline.awaitAll()).isNull();
        assertThat(written).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        assertThat(threads).allMatch(name -> name.contains("idra-write s"))
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void oneWriterReadsTheNextBatchWhileOneIsWrittenButNeverRunsAheadByMoreThanOne() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        pipeline.submit(turn -> {
            started.incrementAndGet();
            release.await();
        });
        // the first batch is being written: handing over the second waits for it
        Thread second = new Thread(() -> {
            try {
                pipeline.submit(turn -> started.incrementAndGet());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        second.join(300);
        assertThat(second.isAlive()).as("the hand-over waits while a batch is written").isTrue();
        assertThat(started).hasValue(1);
        release.countDown();
        second.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(pipeline.awaitAll()).isNull();
        assertThat(started).hasValue(2);
    }

    @Test
    void aFailedBatchStopsTheLaterOnesAndIsReportedToTheReader() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        SQLException broken = new SQLException("duplicate key");
        pipeline.submit(turn -> written.add(1));
        pipeline.submit(turn -> {
            throw broken;
        });
        // the failure reaches the reader at its next hand-over at the latest, and nothing after it is written
        assertThatThrownBy(() -> {
            for (int i = 3; i < 10; i++) {
                int batch = i;
                pipeline.submit(turn -> written.add(batch));
            }
        }).isSameAs(broken);
        assertThat(pipeline.awaitAll()).isSameAs(broken);
        assertThat(pipeline.awaitAll()).as("asked again").isSameAs(broken);
        assertThat(written).containsExactly(1);
    }

    @Test
    void aBatchLoadsWhileTheOneBeforeWaitsToCommitButBatchesSendAndCommitInTheOrderTheyCame() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 2);
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicInteger loading = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch secondLoaded = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            int batch = i;
            pipeline.submit(turn -> {
                turn.loadInTurn(() -> {
                    mostAtOnce.accumulateAndGet(loading.incrementAndGet(), Math::max);
                    Thread.sleep(batch % 3);
                    events.add("load " + batch);
                    loading.decrementAndGet();
                    return true;
                });
                if (batch == 0) {
                    // the first batch commits only once the second has loaded
                    assertThat(secondLoaded.await(10, TimeUnit.SECONDS)).isTrue();
                } else if (batch == 1) {
                    secondLoaded.countDown();
                }
                turn.awaitEarlier();
                events.add("commit " + batch);
            });
        }
        assertThat(pipeline.awaitAll()).isNull();
        assertThat(mostAtOnce).as("loads at the same time").hasValue(1);
        assertThat(events).containsSubsequence("load 0", "load 1", "commit 0", "commit 1");
        assertThat(events.stream().filter(e -> e.startsWith("load ")).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "load " + i).toList());
        assertThat(events.stream().filter(e -> e.startsWith("commit ")).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "commit " + i).toList());
    }

    @Test
    void aWriteThatIsNotADirectLoadWaitsForEarlierCommitsAndTheNextBatchSendsAfterIt() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 3);
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        pipeline.submit(turn -> {
            turn.loadInTurn(() -> events.add("load 0"));
            firstMayCommit.await(10, TimeUnit.SECONDS);
            turn.awaitEarlier();
            events.add("commit 0");
        });
        pipeline.submit(turn -> {
            // a direct load that did not take the batch (a present key): the staging table, alone
            turn.loadInTurn(() -> false);
            turn.afterEarlier(() -> {
                events.add("alone 1 begins");
                Thread.sleep(200);
                events.add("alone 1 ends");
            });
            events.add("commit 1");
        });
        pipeline.submit(turn -> {
            turn.loadInTurn(() -> events.add("load 2"));
            turn.awaitEarlier();
            events.add("commit 2");
        });
        Thread.sleep(100);
        firstMayCommit.countDown();
        assertThat(pipeline.awaitAll()).isNull();
        assertThat(events).containsSubsequence("load 0", "commit 0", "alone 1 begins", "alone 1 ends", "load 2",
                "commit 2");
        assertThat(events).containsSubsequence("alone 1 ends", "commit 1", "commit 2");
    }

    @Test
    void aFailedBatchIsTheOneReportedAndNoLaterBatchCommitsEvenOneThatLoadedOrFailedFirst() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 3);
        List<String> events = new CopyOnWriteArrayList<>();
        SQLException broken = new SQLException("the server went away");
        CountDownLatch laterDone = new CountDownLatch(2);
        pipeline.submit(turn -> {
            turn.loadInTurn(() -> true);
            turn.awaitEarlier();
            events.add("commit 0");
        });
        pipeline.submit(turn -> {
            // fails only after both later batches have loaded or failed
            assertThat(laterDone.await(10, TimeUnit.SECONDS)).isTrue();
            throw broken;
        });
        pipeline.submit(turn -> {
            laterDone.countDown();
            // sends once the batch before has failed; then it must not commit
            turn.loadInTurn(() -> true);
            try {
                turn.awaitEarlier();
                events.add("commit 2");
            } catch (Turn.EarlierFailed e) {
                events.add("rollback 2");
                throw e;
            }
        });
        pipeline.submit(turn -> {
            laterDone.countDown();
            throw new IllegalStateException("its own failure, met before the earlier batch's");
        });
        assertThat(pipeline.awaitAll()).isSameAs(broken);
        assertThat(events).containsExactly("commit 0", "rollback 2");
    }

    @Test
    void aLaterBatchsOwnFailureIsReportedWhenTheBatchesBeforeItWereWritten() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 2);
        IllegalStateException failed = new IllegalStateException("row id=7 does not fit");
        CountDownLatch secondFailed = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        pipeline.submit(turn -> {
            turn.loadInTurn(() -> secondFailed.await(10, TimeUnit.SECONDS));
            turn.awaitEarlier();
            events.add("commit 0");
        });
        pipeline.submit(turn -> {
            secondFailed.countDown();
            throw failed;
        });
        assertThat(pipeline.awaitAll()).isSameAs(failed);
        assertThat(events).containsExactly("commit 0");
    }

    @Test
    void aBatchTakesItsConnectionAfterTheOneBeforeAndWaitsForItsConnectionWhenThePoolHasNoneLeft() throws Exception {
        OneConnectionPool pool = new OneConnectionPool();
        BatchPipeline pipeline = new BatchPipeline(camel, "s", 2);
        List<String> events = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            int batch = i;
            pipeline.submit(turn -> {
                try (Connection c = turn.connect(pool)) {
                    events.add("connected " + batch);
                    Thread.sleep(100);
                    turn.awaitEarlier();
                    events.add("commit " + batch);
                }
            });
        }
        assertThat(pipeline.awaitAll()).as("a timeout while an earlier batch holds the connection is no failure")
                .isNull();
        assertThat(events).containsExactly("connected 0", "commit 0", "connected 1", "commit 1", "connected 2",
                "commit 2");
        assertThat(pool.timeouts.get()).isPositive();

        // alone, a batch fails for the pool's timeout, as a lone writer does
        BatchPipeline lone = new BatchPipeline(camel, "s", 2);
        try (Connection held = pool.getConnection()) {
            lone.submit(turn -> turn.connect(pool).close());
            assertThat(lone.awaitAll()).isInstanceOf(SQLTransientConnectionException.class);
        }
    }

    /** A pool of one connection whose wait for it times out at once, as HikariCP's does after its timeout. */
    private static final class OneConnectionPool implements DataSource {

        private final Semaphore free = new Semaphore(1);
        private final AtomicInteger timeouts = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            if (!free.tryAcquire()) {
                timeouts.incrementAndGet();
                throw new SQLTransientConnectionException("pool: connection is not available, request timed out");
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            free.release();
                        }
                        return null;
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
