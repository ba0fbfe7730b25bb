package dev.attest.people;

import java.util.List;

/** A person with every item of their onboarding and offboarding, as of one moment. */
public record PersonStatus(Person person, List<Item> items) {

    public PersonStatus {
        items = List.copyOf(items);
    }

    public long count(ItemState state) {
        return items.stream().filter(i -> i.state() == state).count();
    }

    /** Everything done: nothing due, nothing overdue. */
    public boolean fullyCompliant() {
        return items.stream().allMatch(i -> i.state() == ItemState.DONE);
    }
}
