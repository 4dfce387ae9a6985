package org.xinfang.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid GB 11643 ID card numbers made up for tests, a new one on every call (so repeats are deliberate). */
public final class IdCards {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private IdCards() {
    }

    /** A number of Zhejiang (33…; the demo city's 99… is no real province), born in 1968. */
    public static String next() {
        int n = NEXT.incrementAndGet() + (int) (System.nanoTime() % 997) * 1000;
        String body = "330106" + "1968" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
                + String.format("%03d", n % 1000);
        return body + checkCharacter(body);
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
