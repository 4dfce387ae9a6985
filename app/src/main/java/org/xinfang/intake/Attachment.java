package org.xinfang.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * 附件: a file a petitioner or clerk hands in with a petition (a photo, a scanned letter, a PDF), as
 * received. Its type is never taken from {@code declaredType} or the name's extension: registration
 * sniffs it from the content, and refuses anything but the image and PDF formats it knows.
 *
 * @param name         the file name as the sender's device called it (sanitised on registration)
 * @param declaredType what the sender claimed the type to be; kept only for the record, never trusted
 * @param data         the bytes
 */
public record Attachment(String name, String declaredType, @JsonIgnore byte[] data) {

    /** Size in bytes (0 when there is no content). */
    @JsonIgnore
    public int size() {
        return data == null ? 0 : data.length;
    }

    /**
     * The SHA-256 of the content. The idempotency fingerprint of a submission contains this instead of
     * the bytes, so a retried 20 MB upload is recognised without hashing a 27 MB JSON text.
     */
    @JsonProperty("sha256")
    public String sha256() {
        if (data == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + size() + " bytes]";
    }
}
