package dev.attest.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without ATTEST_BASE_URL no email leaves, whoever sends it; with it, mail goes out as before. */
class BaseUrlMailGateTest {

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final MockEnvironment environment = new MockEnvironment();

    @BeforeEach
    void start() {
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private JavaMailSender gatedSender() {
        JavaMailSenderImpl real = new JavaMailSenderImpl();
        real.setHost("127.0.0.1");
        real.setPort(smtp.getSmtp().getPort());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("publicBaseUrl", new PublicBaseUrl(environment));
        return (JavaMailSender) new BaseUrlMailGate(beans.getBeanProvider(PublicBaseUrl.class)).postProcessAfterInitialization(real, "mailSender");
    }

    private static SimpleMailMessage message() {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("attest@example.com");
        message.setTo("someone@example.com");
        message.setSubject("A link");
        message.setText("Open it");
        return message;
    }

    @Test
    void noEmailIsSentWhileTheBaseUrlIsUnset() {
        JavaMailSender sender = gatedSender();

        assertThatThrownBy(() -> sender.send(message())).isInstanceOf(MailSendException.class).hasMessageContaining("ATTEST_BASE_URL");
        assertThatThrownBy(() -> sender.send(sender.createMimeMessage())).isInstanceOf(MailSendException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withABaseUrlEmailGoesOut() {
        environment.setProperty("attest.base-url", "https://attest.example.com/");
        JavaMailSender sender = gatedSender();

        sender.send(message());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(new PublicBaseUrl(environment).link("/portal")).isEqualTo("https://attest.example.com/portal");
    }

    @Test
    void aBaseUrlThatIsNotAPlainHttpAddressStopsStartUp() {
        for (String bad : new String[]{"javascript:alert(1)", "attest.example.com", "https://user@attest.example.com", "https://attest.example.com/?a=b"}) {
            environment.setProperty("attest.base-url", bad);
            assertThatThrownBy(() -> new PublicBaseUrl(environment).checkAtStartUp()).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ATTEST_BASE_URL");
        }
        environment.setProperty("attest.base-url", "https://attest.example.com:8443/compliance");
        new PublicBaseUrl(environment).checkAtStartUp();
    }
}
