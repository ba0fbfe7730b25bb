package dev.attest.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request parameters, path variables and bound form fields typed as a {@link WireName} enum are read
 * by their wire name, or by the constant's own name as Spring reads any enum (blank is absent). An
 * unknown value is a type mismatch, which the API answers with a 400 naming the parameter and the
 * allowed spellings ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class WireNameConverters implements WebMvcConfigurer, ConverterFactory<String, WireName> {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(this);
    }

    @Override
    public <T extends WireName> Converter<String, T> getConverter(Class<T> targetType) {
        Class<?> type = targetType.isEnum() ? targetType : targetType.getSuperclass();
        return value -> {
            String v = FieldChecks.trimmed(value);
            return v == null ? null : targetType.cast(lookup(type, v));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object lookup(Class<?> type, String value) {
        return WireName.parse((Class) type, value).orElseGet(() -> Enum.valueOf((Class) type, value));
    }
}
