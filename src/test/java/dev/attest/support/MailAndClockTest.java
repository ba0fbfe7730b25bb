package dev.attest.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The whole application with a real SMTP server (GreenMail) and a clock the test moves. Test
 * classes that extend it share one application context. A test that moves the clock resets it.
 */
@AttestTest
@Import(MailAndClockTest.Config.class)
public abstract class MailAndClockTest {

    public static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    public static final MovableClock CLOCK = new MovableClock();

    static {
        MAIL.start();
    }

    @LocalServerPort
    protected int port;

    @org.springframework.beans.factory.annotation.Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A member created for a test, and an API token acting for them. */
    public record TestMember(String email, String token) {
    }

    /** The workspace created at first start. */
    protected java.util.UUID defaultWorkspace() {
        return jdbc.sql("select id from workspace where slug = 'default'").query(java.util.UUID.class).single();
    }

    /** A new member with this role (wire name) in a workspace, with a read-write API token. */
    protected TestMember memberWith(String role, java.util.UUID workspace) {
        java.util.UUID user = java.util.UUID.randomUUID();
        String email = role + "-" + user.toString().substring(0, 8) + "@example.com";
        String token = "attest_test_" + user.toString().replace("-", "");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into app_user (id, email, display_name, enabled, created_at) values (?, ?, ?, true, ?)")
                .params(user, email, role, now).update();
        jdbc.sql("insert into membership (workspace_id, user_id, role, created_at) values (?, ?, ?, ?)").params(workspace, user, role, now).update();
        try {
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            jdbc.sql("insert into api_token (id, workspace_id, user_id, name, token_hash, scope, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(java.util.UUID.randomUUID(), workspace, user, "test", hash, "read_write", now).update();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new TestMember(email, token);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    /** Messages received for one address, oldest first. */
    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    protected static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    /** System time plus an offset the test sets; back to zero with {@link #reset()}. */
    public static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
