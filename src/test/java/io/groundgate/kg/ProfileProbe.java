package io.groundgate.kg;

import io.groundgate.kg.profile.ProfileBuilder;

/** Test-side access to building a loaded snapshot's profile again, the way {@code SnapshotDeriver} builds it. */
public final class ProfileProbe {

    private ProfileProbe() {
    }

    /** Builds the profile of the snapshot's data exactly as {@code SnapshotDeriver} builds it. */
    public static ProfileBuilder.Built build(GraphSnapshot snapshot) {
        return SnapshotDeriver.buildProfile(snapshot);
    }
}
