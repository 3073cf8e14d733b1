package io.idra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A byte pipe between two threads through a bounded queue of 64 KB chunks (java.io's piped streams wake the
 * reader only once a second unless the writer flushes). Either side can fail it; the other then gets an
 * IOException instead of waiting forever.
 */
final class ChunkPipe {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(32);
    private volatile Throwable failure;

    void fail(Throwable cause) {
        failure = cause;
        queue.clear();
        queue.offer(END);
    }

    final OutputStream out = new OutputStream() {
        private byte[] buffer = new byte[CHUNK];
        private int size;

        @Override
        public void write(int b) throws IOException {
            if (size == buffer.length) {
                send();
            }
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (size == buffer.length) {
                    send();
                }
                int n = Math.min(len, buffer.length - size);
                System.arraycopy(b, off, buffer, size, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        private void send() throws IOException {
            put(size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size));
            buffer = new byte[CHUNK];
            size = 0;
        }

        @Override
        public void close() throws IOException {
            if (size > 0) {
                send();
            }
            put(END);
        }
    };

    final InputStream in = new InputStream() {
        private byte[] chunk;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (chunk == END) {
                return -1;
            }
            if (chunk == null || position == chunk.length) {
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                position = 0;
                if (failure != null) {
                    throw new IOException("the writing side failed", failure);
                }
                if (chunk == END) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }
    };

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    throw new IOException("the reading side failed", failure);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
