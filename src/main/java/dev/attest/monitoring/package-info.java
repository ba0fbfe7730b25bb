/**
 * Continuous control monitoring: collectors and record modules supply resources, checks written in
 * CEL pass or fail each resource, results become evidence and drive each control's status.
 * <p>
 * Record modules plug in by providing a {@link dev.attest.monitoring.ResourceSource} bean and check
 * definitions under {@code checks/*.yaml} (see {@code checks/SCHEMA.md}). Systems are read by
 * collectors: adding a collector is adding one class that implements
 * {@code dev.attest.monitoring.internal.Collector} (a Spring bean with its description, that is its kind,
 * resource types, target hint, credentials and setup steps, and its {@code collect} method) and its
 * tests; connections of that kind then run it on their schedule.
 * Shipped: PostgreSQL, MariaDB/MySQL (users and grants), TLS endpoint, Git repository; the host agent ({@link dev.attest.monitoring.HostAgent})
 * and file imports (AWS IAM credential report, JSON list) push through the same API as anything else
 * ({@code POST /api/v1/resources}).
 * <p>
 * Cost follows change: a push or a collection stores only new or changed documents (by content
 * hash) and evaluates only those; saving a check runs that check alone over its type; a full run
 * (hourly, or "run now") pages through every type without holding the estate in memory. Each run
 * compares the new verdicts with the stored latest results as sets, writes only what differs,
 * opens, reopens and closes findings in batches, keeps what changed as evidence (with a full
 * snapshot at most once a day, so that the status at any past time can be rebuilt), writes one
 * audit entry with its counts, and tells controls (through {@link dev.attest.controls.ControlSignals})
 * which of their checks pass. Every write of a workspace's results holds its monitoring lock, so
 * concurrent pushes are applied one after the other. A collection that fails is recorded on its
 * run and changes nothing else.
 * <p>
 * How checks run: CEL (dev.cel) compiles and type-checks every expression and is the definition of
 * what it means. For speed, each checked expression is also translated into a plain-Java plan
 * ({@code internal.ExpressionPlan}) over a per-type field layout ({@code internal.FieldLayout}) that
 * reads only the fields the type's checks use, straight from the stored JSON. A plan answers only
 * when the answer is plain; anything else (a missing field, mixed types, an overflow, a value it does
 * not model, a construct it does not know) goes to CEL, whose verdict and error message are the
 * result. {@code ExpressionPlanTest} holds the two to the same answers over every built-in check.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "controls", "evidence", "identity", "web", "crypto"})
package dev.attest.monitoring;
