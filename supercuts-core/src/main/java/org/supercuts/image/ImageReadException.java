package org.supercuts.image;

import java.nio.file.Path;

/** An image file that could not be read; the message names the path and the reason. */
public class ImageReadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    /** An error reading {@code path}, for {@code reason}. */
    public ImageReadException(Path path, String reason) {
        super("image " + path + ": " + reason);
        this.path = path;
    }

    /** An error reading {@code path}, for {@code reason}, caused by {@code cause}. */
    public ImageReadException(Path path, String reason, Throwable cause) {
        super("image " + path + ": " + reason, cause);
        this.path = path;
    }

    /** The file that could not be read. */
    public Path path() {
        return path;
    }
}
