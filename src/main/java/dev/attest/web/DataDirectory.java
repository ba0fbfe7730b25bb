package dev.attest.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Pins {@code attest.data-dir} to one absolute, existing folder before anything reads it: H2
 * refuses relative file paths, and a value such as {@code ${random.uuid}} must be drawn once.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "attest.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        Path path = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + path + " (set ATTEST_DATA_DIR)", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("attestDataDirectory", Map.of(PROPERTY, path.toString())));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
