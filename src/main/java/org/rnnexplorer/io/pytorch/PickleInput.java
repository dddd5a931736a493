package org.rnnexplorer.io.pytorch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one or more pickles, counted: {@link #position} is how many have been read, {@link #remaining} how many
 * may still be, and {@link #peek} looks ahead without reading, so that a length in the pickle can be checked against
 * what is left before anything of that length is allocated.
 */
final class PickleInput extends InputStream {
    private final InputStream in;
    private final long limit;
    private long position;
    private long end = Long.MAX_VALUE;

    /** Reads at most {@code limit} bytes of {@code in}. */
    PickleInput(InputStream in, long limit) {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        this.limit = limit;
    }

    long position() {
        return position;
    }

    long remaining() {
        return Math.min(limit, end) - position;
    }

    /** Lets at most {@code n} more bytes be read (for the next pickle of several in one file). */
    void allowNext(long n) {
        end = position + n;
    }

    @Override
    public int read() throws IOException {
        if (remaining() <= 0) return -1;
        int b = in.read();
        if (b >= 0) position++;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (remaining() <= 0) return -1;
        int n = in.read(b, off, (int) Math.min(len, remaining()));
        if (n > 0) position += n;
        return n;
    }

    /** The next {@code n} bytes (fewer at the end), left unread. */
    byte[] peek(int n) throws IOException {
        in.mark(n);
        byte[] b = in.readNBytes((int) Math.min(n, remaining()));
        in.reset();
        return b;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
