package io.groundgate.kg;

import io.groundgate.kg.profile.ProfileBuilder;

/** Test-side access to building a loaded snapshot's profile again, the way {@code SnapshotDeriver} builds it. */
public final class ProfileProbe {

    private ProfileProbe() {
    }

    /** Builds the profile of the snapshot's data with the production sample size and query path. */
    public static ProfileBuilder.Built build(GraphSnapshot snapshot) {
        return ProfileBuilder.build((query, row) -> snapshot.stream(query, null, java.time.Duration.ofMinutes(10), b -> {
            row.accept(b);
            return true;
        }), snapshot.version(), snapshot.prefixes(), ProfileBuilder.DEFAULT_SAMPLE);
    }
}
