package dev.attest.web;

import lombok.RequiredArgsConstructor;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Component;

/**
 * No email leaves Attest while the public base URL is unset: every mail sender the application gets
 * is wrapped so that each {@code send} fails with a {@link MailSendException} naming ATTEST_BASE_URL.
 * Each caller already handles a failed send (a warning, or a form that asks to try later), and no
 * email can carry a link built without the configured address. The wrapper is a subclass proxy, so
 * whoever needs the concrete sender (the mail health check) still gets one.
 */
@Component
@RequiredArgsConstructor
class BaseUrlMailGate implements BeanPostProcessor {

    private final ObjectProvider<PublicBaseUrl> baseUrl;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof MailSender)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getName().equals("send") && baseUrl.getObject().configured().isEmpty()) {
                throw new MailSendException("ATTEST_BASE_URL (attest.base-url) is not set: no email is sent without the public address its links need");
            }
            return invocation.proceed();
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }
}
