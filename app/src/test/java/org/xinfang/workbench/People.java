package org.xinfang.workbench;

import java.util.concurrent.atomic.AtomicInteger;

/** Made-up but valid GB 11643 ID card numbers, a new one per call, so repeats in tests are deliberate. */
final class People {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private People() {
    }

    static String newIdCard() {
        int n = NEXT.incrementAndGet() + (int) (System.nanoTime() % 700) * 1000;
        String body = "310104" + "1975" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
                + String.format("%03d", n % 1000);
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
