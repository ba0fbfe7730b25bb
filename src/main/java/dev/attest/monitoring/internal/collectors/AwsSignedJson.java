package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.internal.Documents;
import lombok.RequiredArgsConstructor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Calls an AWS JSON API with the SDK's own SigV4 signer and HTTP client, for the services whose SDK
 * modules the build cannot resolve here (GuardDuty, Security Hub, Config). Throttling and 5xx answers are
 * retried with exponential backoff and jitter, as the SDK's standard retry mode does; other errors
 * surface as {@link AwsServiceException} carrying AWS's error code, so callers treat them like the SDK's.
 */
@RequiredArgsConstructor
final class AwsSignedJson {

    private static final int ATTEMPTS = 3;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpointOverride;

    /** A REST-JSON GET (GuardDuty, Security Hub). */
    Map<String, Object> get(String service, String region, String path) {
        return call(service, region, SdkHttpMethod.GET, path, null, null);
    }

    /** An AWS JSON 1.1 call (Config): POST / naming the operation in {@code X-Amz-Target}. */
    Map<String, Object> target(String service, String region, String target, String body) {
        return call(service, region, SdkHttpMethod.POST, "/", target, body);
    }

    private Map<String, Object> call(String service, String region, SdkHttpMethod method, String path, String target, String body) {
        URI base = endpointOverride != null ? endpointOverride : URI.create("https://" + service + "." + region + ".amazonaws.com");
        for (int attempt = 1; ; attempt++) {
            SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(method).uri(base).encodedPath(path)
                    .putHeader("Accept", "application/json");
            byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (target != null) {
                request.putHeader("X-Amz-Target", target).putHeader("Content-Type", "application/x-amz-json-1.1");
            }
            if (payload != null) {
                request.putHeader("Content-Length", String.valueOf(payload.length));
            }
            AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
            SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request.build())
                    .payload(payload == null ? null : ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            int status;
            String text;
            String errorType;
            try {
                HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null)).build()).call();
                status = response.httpResponse().statusCode();
                errorType = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null);
                try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw SdkClientException.create("could not reach " + service + " in " + region + ": " + e.getMessage(), e);
            }
            if (status < 300) {
                return text.isBlank() ? Map.of() : Documents.read(text);
            }
            Map<String, Object> error = readError(text);
            String code = errorCode(error, errorType);
            boolean retryable = status >= 500 || status == 429 || code.contains("Throttl") || code.equals("TooManyRequestsException");
            if (retryable && attempt < ATTEMPTS) {
                pause(attempt);
                continue;
            }
            Object message = error.getOrDefault("message", error.getOrDefault("Message", ""));
            throw AwsServiceException.builder().statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(String.valueOf(message)).serviceName(service).build())
                    .message(code + ": " + message).build();
        }
    }

    private static Map<String, Object> readError(String text) {
        try {
            return text.isBlank() ? Map.of() : Documents.read(text);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * AWS names the error in the {@code x-amzn-ErrorType} header (REST-JSON), {@code __type} (JSON 1.1,
     * possibly prefixed with a namespace) or {@code code}.
     */
    private static String errorCode(Map<String, Object> error, String header) {
        Object type = header != null ? header : error.get("__type");
        if (type == null) {
            type = error.get("code") != null ? error.get("code") : error.get("Code");
        }
        if (type == null) {
            return "";
        }
        String code = type.toString();
        int hash = code.lastIndexOf('#');
        code = hash >= 0 ? code.substring(hash + 1) : code;
        int colon = code.indexOf(':');
        return colon >= 0 ? code.substring(0, colon) : code;
    }

    private static void pause(int attempt) {
        long base = 100L << attempt;
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while backing off");
        }
    }
}
