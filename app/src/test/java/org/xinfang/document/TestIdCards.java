package org.xinfang.document;

/** Made-up ID card numbers with a valid GB 11643 check digit, for tests of other packages. */
public final class TestIdCards {

    private TestIdCards() {
    }

    public static String next() {
        return Cases.newIdCard();
    }
}
