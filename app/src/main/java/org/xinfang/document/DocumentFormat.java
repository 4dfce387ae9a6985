package org.xinfang.document;

/** The files a document is rendered to. */
public enum DocumentFormat {
    /** For printing and sending: the fonts are embedded, so it looks the same everywhere. */
    PDF("application/pdf", "pdf"),
    /** For editing in Word or WPS with the official fonts installed there. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
