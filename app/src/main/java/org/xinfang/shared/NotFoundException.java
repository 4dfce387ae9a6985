package org.xinfang.shared;

/** The thing asked for does not exist, or the caller may not know that it exists: 404 either way. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;

    public NotFoundException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
