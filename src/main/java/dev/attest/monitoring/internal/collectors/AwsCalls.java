package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Collector.Progress;
import lombok.RequiredArgsConstructor;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The calls of one account read. Each call that AWS refuses for want of a permission, or that still fails
 * after the SDK's retries, becomes a problem on the run naming the IAM action, and the read goes on with
 * the rest; in a region, a refusal of the credentials themselves skips the region.
 */
@RequiredArgsConstructor
final class AwsCalls {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedAccess", "Forbidden");
    private static final Set<String> REGION_REFUSED = Set.of("AuthFailure", "UnrecognizedClientException", "InvalidClientTokenId",
            "OptInRequired", "InvalidToken");

    /** A region that refused the credentials altogether: skipped. */
    static final class RegionRefused extends RuntimeException {
        RegionRefused() {
            super(null, null, false, false);
        }
    }

    private final Progress progress;

    Progress progress() {
        return progress;
    }

    /**
     * Makes one call. A refusal for want of permission, or a failure left after the SDK's retries, is a
     * problem on the run naming the action and where, and the read goes on with {@code otherwise}. In a
     * region, a refusal of the credentials themselves means the region is not enabled: it is skipped.
     */
    <T> T call(String action, String region, Supplier<T> call, T otherwise) {
        String where = region == null ? "" : " in " + region;
        try {
            return call.get();
        } catch (RegionRefused e) {
            throw e;
        } catch (AwsServiceException e) {
            String code = code(e);
            // EC2 answers AuthFailure with a 401, whose body the JDK's HttpURLConnection does not hand over: the status says it.
            if (region != null && (REGION_REFUSED.contains(code) || e.statusCode() == 401)) {
                throw new RegionRefused();
            }
            if (DENIED.contains(code) || e.statusCode() == 403) {
                progress.problem("missing permission " + action + where);
            } else if (e.statusCode() >= 500 || e.isThrottlingException()) {
                progress.problem(action + where + ": AWS answered " + e.statusCode() + (code.isEmpty() ? "" : " " + code) + " after retries");
            } else {
                String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
                progress.problem(action + where + ": " + (code.isEmpty() ? "" : code + ": ") + AwsCollector.firstLine(message));
            }
            return otherwise;
        } catch (SdkClientException e) {
            progress.problem(action + where + ": " + AwsCollector.firstLine(e.getMessage()));
            return otherwise;
        }
    }

    /**
     * The call's answer, or {@code absent} where AWS answers with one of these error codes: its way of
     * saying that a setting was never made (no public access block, no default encryption, a service not enabled).
     */
    static <T> T orWhenAbsent(Supplier<T> call, T absent, String... codes) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (Set.of(codes).contains(code(e))) {
                return absent;
            }
            throw e;
        }
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
