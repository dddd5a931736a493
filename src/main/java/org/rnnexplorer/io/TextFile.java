package org.rnnexplorer.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rnnexplorer.data.InputLimits;

/**
 * A text to run a model over, read from a UTF-8 file of at most {@link InputLimits#MAX_TEXT_FILE_BYTES} bytes
 * (a leading byte-order mark is dropped). Anything else is a {@link BadFileException} naming the file.
 */
public final class TextFile {
    private TextFile() {
    }

    /** The text in {@code file}. */
    public static String read(Path file) {
        return read(file, InputLimits.MAX_TEXT_FILE_BYTES, "InputLimits.MAX_TEXT_FILE_BYTES");
    }

    /**
     * The text in {@code file} of at most {@code maxBytes} bytes; {@code limit} names the constant that sets it in
     * the message of a larger file.
     */
    public static String read(Path file, long maxBytes, String limit) {
        return FileReads.read(file, "text", maxBytes, limit, (in, name) -> read(in, name, maxBytes, limit));
    }

    /** The UTF-8 text of {@code in} (not closed); {@code name} names it in messages. */
    public static String read(InputStream in, String name) {
        return read(in, name, InputLimits.MAX_TEXT_FILE_BYTES, "InputLimits.MAX_TEXT_FILE_BYTES");
    }

    private static String read(InputStream in, String name, long maxBytes, String limit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new LimitedInputStream(in, maxBytes).transferTo(bytes);
        } catch (LimitedInputStream.TooLarge e) {
            throw new BadFileException(name, "is too large; text files up to " + maxBytes + " bytes are read (" + limit + ")");
        } catch (IOException e) {
            throw new BadFileException(name, "cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException(name, "is not a UTF-8 text file");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
