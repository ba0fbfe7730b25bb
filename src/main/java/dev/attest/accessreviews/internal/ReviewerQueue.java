package dev.attest.accessreviews.internal;

import dev.attest.accessreviews.Flag;
import dev.attest.accessreviews.ReviewItem;
import dev.attest.identity.WorkspaceId;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A reviewer's accounts across open campaigns: flagged and undecided first, filtered by flag, system or state. */
@Service
@RequiredArgsConstructor
class ReviewerQueue {

    /** Filters; null (or a blank system) means any. */
    record Filter(Flag flag, String system, boolean undecidedOnly) {
    }

    static final Comparator<ReviewItem> FLAGS_FIRST = Comparator.comparing((ReviewItem i) -> i.decision() != null)
            .thenComparing(i -> !i.flagged())
            .thenComparing(i -> -i.flags().size())
            .thenComparing(i -> i.systemName().toLowerCase(Locale.ROOT))
            .thenComparing(i -> i.account().accountId());

    private final CampaignStore store;

    @Transactional(readOnly = true)
    List<ReviewItem> queue(WorkspaceId workspace, String reviewer, Filter filter) {
        Flag flag = filter.flag();
        return store.queue(workspace, reviewer.toLowerCase(Locale.ROOT)).stream()
                .filter(ReviewItem::present)
                .filter(i -> flag == null || i.flags().contains(flag))
                .filter(i -> filter.system() == null || filter.system().isBlank() || i.systemName().equalsIgnoreCase(filter.system()))
                .filter(i -> !filter.undecidedOnly() || i.decision() == null)
                .sorted(FLAGS_FIRST)
                .toList();
    }
}
