package dev.attest.policies;

/**
 * How many of the workspace's members (auditors aside) have accepted a policy's published version.
 *
 * @param accepted members who accepted the current version
 * @param expected members expected to accept it
 */
public record AcceptanceRate(int accepted, int expected) {

    /** The share in whole percent, 0 when nobody is expected. */
    public int percent() {
        return expected == 0 ? 0 : (int) Math.floor(100.0 * accepted / expected);
    }
}
