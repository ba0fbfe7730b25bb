package dev.attest.monitoring.internal.collectors;

import dev.attest.monitoring.Resource;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An EC2 security group as {@code aws.ec2.securitygroup}: which watched ports its rules open to the whole internet. */
final class AwsSecurityGroups {

    /** Ports whose exposure to the whole internet the checks look at: remote administration and data stores. */
    static final List<Integer> WATCHED_PORTS = List.of(20, 21, 22, 23, 135, 445, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 5601, 5984,
            6379, 9042, 9200, 9300, 11211, 27017);
    static final Set<Integer> ADMIN_PORTS = Set.of(22, 23, 3389, 2375, 2376, 135, 445);

    private AwsSecurityGroups() {
    }

    static Resource resource(String accountId, String region, SecurityGroup group) {
        Set<Integer> open = new TreeSet<>();
        boolean allTraffic = false;
        long worldRules = 0;
        for (IpPermission permission : group.ipPermissions()) {
            boolean world = permission.ipRanges().stream().anyMatch(r -> "0.0.0.0/0".equals(r.cidrIp()))
                    || permission.ipv6Ranges().stream().anyMatch(r -> "::/0".equals(r.cidrIpv6()));
            if (!world) {
                continue;
            }
            worldRules++;
            String protocol = permission.ipProtocol() == null ? "" : permission.ipProtocol();
            if (protocol.equals("-1") || protocol.equals("all")) {
                allTraffic = true;
                open.addAll(WATCHED_PORTS);
                continue;
            }
            if (!protocol.equals("tcp") && !protocol.equals("6") && !protocol.equals("udp") && !protocol.equals("17")) {
                continue;
            }
            int from = permission.fromPort() == null ? 0 : permission.fromPort();
            int to = permission.toPort() == null ? 65535 : permission.toPort();
            for (int port : WATCHED_PORTS) {
                if (port >= from && port <= to) {
                    open.add(port);
                }
            }
        }
        Map<String, Object> d = AwsRegionReader.document(accountId, region);
        d.put("groupId", group.groupId());
        d.put("name", group.groupName());
        if (group.vpcId() != null) {
            d.put("vpcId", group.vpcId());
        }
        d.put("isDefault", "default".equals(group.groupName()));
        d.put("ingressRules", (long) group.ipPermissions().size());
        d.put("egressRules", (long) group.ipPermissionsEgress().size());
        d.put("worldIngressRules", worldRules);
        d.put("worldOpenPorts", open.stream().map(Integer::longValue).toList());
        d.put("worldOpenAdminPorts", open.stream().filter(ADMIN_PORTS::contains).map(Integer::longValue).toList());
        d.put("worldOpenAllTraffic", allTraffic);
        String owner = group.ownerId() == null ? accountId : group.ownerId();
        return new Resource("aws.ec2.securitygroup", "arn:aws:ec2:" + region + ":" + owner + ":security-group/" + group.groupId(), d);
    }
}
