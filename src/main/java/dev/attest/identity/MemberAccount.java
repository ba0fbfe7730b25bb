package dev.attest.identity;

import java.time.Instant;

/**
 * A member's account as an access review sees it: the membership, whether a second factor is on,
 * and since when the person has been a member.
 */
public record MemberAccount(Member member, boolean secondFactor, Instant memberSince) {
}
