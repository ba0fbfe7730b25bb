package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import dev.attest.monitoring.internal.Collector.CollectionFailed;
import dev.attest.monitoring.internal.Collector.Progress;
import software.amazon.awssdk.regions.Region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One read of one account, service by service: IAM ({@link AwsAccountSettings}, {@link AwsIamUsers} with
 * {@link AwsIamPolicies}), S3 ({@link AwsS3Buckets}) and every enabled region ({@link AwsRegionReader}).
 * Each call that AWS refuses goes through {@link AwsCalls} and becomes a problem on the run; documents are
 * flat so that checks read them plainly.
 */
final class AwsAccountReader {

    private final AwsClients clients;
    private final String accountId;
    private final FileImports imports;
    private final Progress progress;
    private final AwsCalls calls;
    private final List<Resource> resources = new ArrayList<>();

    AwsAccountReader(AwsClients clients, String accountId, FileImports imports, Progress progress) {
        this.clients = clients;
        this.accountId = accountId;
        this.imports = imports;
        this.progress = progress;
        this.calls = new AwsCalls(progress);
    }

    List<Resource> read() throws CollectionFailed {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountId", accountId);
        progress.report("reading IAM");
        AwsAccountSettings.read(clients, calls, account);
        new AwsIamUsers(clients, accountId, imports, calls).read(account, resources);
        progress.report("reading S3");
        new AwsS3Buckets(clients, accountId, calls).read(account, resources);
        progress.report("listing enabled regions");
        List<String> regions = calls.call("ec2:DescribeRegions", null,
                () -> clients.ec2(clients.home()).describeRegions(r -> r.allRegions(false)).regions().stream()
                        .map(software.amazon.awssdk.services.ec2.model.Region::regionName).filter(Objects::nonNull).sorted().toList(),
                List.of(clients.home().id()));
        account.put("regions", regions);
        AwsRegionReader regional = new AwsRegionReader(clients, accountId, calls, resources);
        int multiRegionTrails = 0;
        for (String region : regions) {
            progress.report("reading " + region);
            try {
                multiRegionTrails += regional.read(Region.of(region));
            } catch (AwsCalls.RegionRefused e) {
                progress.problem("region " + region + " skipped: AWS refused the credentials there (the region is not enabled for this account)");
            }
        }
        account.put("multiRegionTrailsWithValidation", (long) multiRegionTrails);
        resources.add(0, new Resource("aws.iam.account", accountId, account));
        return resources;
    }
}
