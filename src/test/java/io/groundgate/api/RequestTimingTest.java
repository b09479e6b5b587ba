package io.groundgate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The overhead header and access-log durations print as before, without String.format; request ids keep their shape. */
class RequestTimingTest {

    @Test
    void millisPrintsWhatPercentThreeFPrinted() {
        long[] edges = { 0, 1, 499, 500, 501, 999, 1_000, 1_499, 1_500, 9_999, 10_000, 99_500, 999_499, 999_500,
                1_000_000, 1_234_567, 12_345_678_901L };
        for (long nanos : edges) {
            assertEquals(String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0), RequestTiming.millis(nanos),
                    "nanos " + nanos);
        }
        assertEquals("0.000", RequestTiming.millis(-2_345_678), "a negative duration is none");
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 100_000; i++) {
            long nanos = random.nextLong(0, 60_000_000_000L);
            // off the exact .5 µs ties, where a double may round the other way, the two must agree
            if (nanos % 1000 == 500) {
                continue;
            }
            assertEquals(String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0), RequestTiming.millis(nanos),
                    "nanos " + nanos);
        }
    }

    @Test
    void requestIdsKeepTheirShapeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String id = RequestTiming.newRequestId();
            assertTrue(id.matches("req_[0-9a-f]{32}"), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }
}
