package dev.attest.web;

/**
 * A setting that makes start-up impossible (an object store that refuses its credentials, a bucket that
 * does not exist): start-up stops with this one sentence, which names the setting to correct.
 */
public class SettingException extends RuntimeException {

    public SettingException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
