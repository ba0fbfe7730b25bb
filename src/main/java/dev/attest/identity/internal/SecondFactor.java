package dev.attest.identity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.SecondFactorChanged;
import dev.attest.identity.WorkspaceId;
import dev.attest.web.InvalidFieldException;
import dev.attest.crypto.MasterKey;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The TOTP second factor: enrolment with a QR code, one-time recovery codes, and the check at
 * sign-in. Every code, TOTP or recovery, works once.
 */
@Service
@RequiredArgsConstructor
class SecondFactor {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    static final int RECOVERY_CODES = 10;

    private final SecondFactorStore store;
    private final AccountStore accounts;
    private final ApplicationEventPublisher events;
    private final MasterKey key;
    private final Clock clock;

    private static final String PURPOSE = "identity totp secret";

    record State(String secret, boolean enabled, long lastStep) {
    }

    Optional<State> state(UUID user) {
        return store.find(user).map(s -> new State(key.open(s.sealedSecret(), PURPOSE, user.toString()), s.enabled(), s.lastStep()));
    }

    boolean enabled(UUID user) {
        return state(user).map(State::enabled).orElse(false);
    }

    int recoveryCodesLeft(UUID user) {
        return store.recoveryCodesLeft(user);
    }

    /** The secret being enrolled: kept across page loads until confirmed. */
    @Transactional
    String pendingSecret(UUID user) {
        var state = state(user);
        if (state.isPresent()) {
            if (state.get().enabled()) {
                throw new IllegalStateException("already enrolled");
            }
            return state.get().secret();
        }
        String secret = Totp.newSecret();
        store.insertSecret(user, key.seal(secret, PURPOSE, user.toString()));
        return secret;
    }

    static String otpauthUri(String email, String secret) {
        String label = URLEncoder.encode("Attest:" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Attest&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
    }

    /** The QR code of the otpauth URI as an SVG data URI (the CSP allows data: images, not inline markup scripts). */
    static String qrCode(String uri) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                    + path + "\"/></svg>";
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        } catch (WriterException e) {
            throw new IllegalStateException("The enrolment link does not fit a QR code", e);
        }
    }

    /** Confirms enrolment with a first code; answers the recovery codes, shown once. */
    @Transactional
    List<String> confirm(CurrentUser user, String code) {
        State state = state(user.userId()).filter(s -> !s.enabled())
                .orElseThrow(() -> new InvalidFieldException("code", "start the enrolment again"));
        Instant now = clock.instant();
        long step = Totp.match(state.secret(), code, now, state.lastStep());
        if (step < 0) {
            throw new InvalidFieldException("code", "is not the current code of your authenticator app");
        }
        store.enable(user.userId(), now, step);
        events.publishEvent(new SecondFactorChanged(user.workspaceId(), user.email(), "enabled"));
        return newRecoveryCodes(user.userId());
    }

    @Transactional
    List<String> renewRecoveryCodes(CurrentUser user) {
        if (!enabled(user.userId())) {
            throw new InvalidFieldException("code", "two-step sign-in is not on");
        }
        events.publishEvent(new SecondFactorChanged(user.workspaceId(), user.email(), "recovery-codes-renewed"));
        return newRecoveryCodes(user.userId());
    }

    private List<String> newRecoveryCodes(UUID user) {
        store.deleteRecoveryCodes(user);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            store.insertRecoveryCode(user, TokenHash.of(code.toString()));
        }
        return codes;
    }

    /** Turning the second factor off needs a current code; admins, and members of a workspace that requires it, keep it. */
    @Transactional
    void disable(CurrentUser user, String code) {
        Instant now = clock.instant();
        for (var w : accounts.workspacesOf(user.userId(), now)) {
            if (w.role() == Role.ADMIN) {
                throw new InvalidFieldException("code", "an admin keeps two-step sign-in once it is on");
            }
            if (accounts.requiresMfa(w.id())) {
                throw new InvalidFieldException("code", "the workspace " + w.name() + " requires two-step sign-in");
            }
        }
        if (check(user.userId(), code, null) != Check.ACCEPTED) {
            throw new InvalidFieldException("code", "is not the current code of your authenticator app");
        }
        store.delete(user.userId());
        events.publishEvent(new SecondFactorChanged(user.workspaceId(), user.email(), "disabled"));
    }

    enum Check { ACCEPTED, RECOVERY_CODE_USED, REPLAYED, WRONG }

    /** Checks a TOTP code or, failing that, a recovery code; a match is used up at once. */
    @Transactional
    Check check(UUID user, String code, String recoveryCode) {
        State state = state(user).filter(State::enabled).orElse(null);
        if (state == null) {
            return Check.WRONG;
        }
        Instant now = clock.instant();
        if (code != null && !code.isBlank()) {
            long step = Totp.match(state.secret(), code, now, state.lastStep());
            if (step >= 0) {
                // Only one request can move the step forward: a second use of the same code finds it taken.
                return store.advance(user, step) ? Check.ACCEPTED : Check.REPLAYED;
            }
            return Totp.replayed(state.secret(), code, now, state.lastStep()) ? Check.REPLAYED : Check.WRONG;
        }
        if (recoveryCode != null && !recoveryCode.isBlank()) {
            return store.useRecoveryCode(user, TokenHash.of(recoveryCode.strip().toLowerCase(java.util.Locale.ROOT)), now)
                    ? Check.RECOVERY_CODE_USED : Check.WRONG;
        }
        return Check.WRONG;
    }

    void recoveryCodeUsed(WorkspaceId workspace, String email) {
        events.publishEvent(new SecondFactorChanged(workspace, email, "recovery-code-used"));
    }
}
