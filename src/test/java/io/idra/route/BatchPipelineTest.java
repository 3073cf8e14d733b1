package io.idra.route;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    void writesBatchesInTheOrderTheyCameOnAnotherThread() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s");
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int batch = i;
            pipeline.submit(() -> {
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
    void readsTheNextBatchWhileOneIsWrittenButNeverRunsAheadByMoreThanOne() throws Exception {
        BatchPipeline pipeline = new BatchPipeline(camel, "s");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        pipeline.submit(() -> {
            started.incrementAndGet();
            release.await();
        });
        // the first batch is being written: handing over the second waits for it
        Thread second = new Thread(() -> {
            try {
                pipeline.submit(started::incrementAndGet);
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
        BatchPipeline pipeline = new BatchPipeline(camel, "s");
        List<Integer> written = new CopyOnWriteArrayList<>();
        SQLException broken = new SQLException("duplicate key");
        pipeline.submit(() -> written.add(1));
        pipeline.submit(() -> {
            throw broken;
        });
        // the failure reaches the reader at its next hand-over at the latest, and nothing after it is written
        assertThatThrownBy(() -> {
            for (int i = 3; i < 10; i++) {
                int batch = i;
                pipeline.submit(() -> written.add(batch));
            }
        }).isSameAs(broken);
        assertThat(pipeline.awaitAll()).isSameAs(broken);
        assertThat(pipeline.awaitAll()).as("asked again").isSameAs(broken);
        assertThat(written).containsExactly(1);
    }
}
