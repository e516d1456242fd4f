package io.j2o.transformer.richtext;

/** Rich text whose structure cannot be converted; {@link #pointer()} is the JSON pointer of the offending node. */
public final class RichTextException extends RuntimeException {

    private final String pointer;

    public RichTextException(String problem, String pointer) {
        super(problem + " at " + (pointer.isEmpty() ? "/" : pointer));
        this.pointer = pointer;
    }

    /** The JSON pointer (RFC 6901) of the node that is wrong; empty for the document root. */
    public String pointer() {
        return pointer;
    }
}
