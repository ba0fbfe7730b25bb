package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Account;
import dev.attest.accessreviews.AccountSource;
import dev.attest.accessreviews.SourceTarget;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Systems Attest cannot read: their accounts are the last CSV upload, so collecting again means
 * uploading again (which is also what verifies a remediation task).
 */
@Component
@RequiredArgsConstructor
class CsvSource implements AccountSource {

    private final SystemStore store;

    @Override
    public String kind() {
        return "csv";
    }

    @Override
    public String targetHint() {
        return "";
    }

    @Override
    public List<Account> accounts(SourceTarget target) throws SourceUnavailable {
        List<Account> accounts = store.accounts(target.workspace(), target.systemId(), target.systemName());
        if (accounts.isEmpty()) {
            throw new SourceUnavailable("no account list uploaded yet");
        }
        return accounts;
    }
}
