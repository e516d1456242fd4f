package io.j2o.schemas.serde;

/** The Confluent framing: magic byte 0, the schema id as big-endian int32, then the Avro binary body. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 1 + Integer.BYTES;

    private WireFormat() {
    }
}
