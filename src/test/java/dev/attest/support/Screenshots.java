package dev.attest.support;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Screenshots of what the browser shows, saved under target/screenshots for a person to look at. */
public final class Screenshots {

    /** The widths the browser tests look at: a desktop, a laptop and a phone. */
    public static final int[] WIDTHS = {1400, 1024, 390};

    private Screenshots() {
    }

    /** Saves the page as {@code folder/name.png}, the name made safe for a file system. */
    public static void save(WebDriver driver, String folder, String name) {
        try {
            Path dir = Path.of("target", "screenshots", folder);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name.replaceAll("[^a-zA-Z0-9-]+", "_") + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the page at each of {@link #WIDTHS} as {@code name-<width>.png} and returns how far the widest of
     * them scrolls sideways (0 when the page fits every width); the window ends at the first width.
     */
    public static int atEveryWidth(WebDriver driver, String folder, String name) {
        int overflow = 0;
        for (int px : WIDTHS) {
            driver.manage().window().setSize(new Dimension(px, 900));
            Object wider = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            overflow = Math.max(overflow, ((Number) wider).intValue());
            save(driver, folder, name + "-" + px);
        }
        driver.manage().window().setSize(new Dimension(WIDTHS[0], 900));
        return overflow;
    }
}
