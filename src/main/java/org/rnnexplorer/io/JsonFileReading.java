package org.rnnexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What reading a model file and a session file have in common: the bytes are read through a size limit and a buffer,
 * and whatever goes wrong (too many bytes, broken JSON, an I/O error) becomes one {@link BadFileException} naming the
 * file. The format's own checks happen in {@code parse}, which throws its own BadFileExceptions.
 */
final class JsonFileReading {
    private JsonFileReading() {
    }

    /** Parses the JSON of one stream. */
    @FunctionalInterface
    interface Parse {
        void parse(InputStream in) throws IOException;
    }

    /**
     * Runs {@code parse} over {@code in} (not closed), at most {@code maxBytes} of it.
     *
     * @param kind  what the file is ("model", "session"), for the message of a file over the limit
     * @param limit the constant that sets {@code maxBytes}, named in that message
     */
    static void read(InputStream in, String name, long maxBytes, String kind, String limit, Parse parse) {
        try {
            parse.parse(new BufferedInputStream(new LimitedInputStream(in, maxBytes), 1 << 16));
        } catch (LimitedInputStream.TooLarge e) {
            throw new BadFileException(name, "is larger than " + maxBytes + " bytes, the limit for " + kind + " files ("
                    + limit + ")");
        } catch (JsonProcessingException e) {
            throw new BadFileException(name, ModelFileReader.describe(e));
        } catch (IOException e) {
            throw new BadFileException(name, "cannot read: " + e.getMessage());
        }
    }
}
