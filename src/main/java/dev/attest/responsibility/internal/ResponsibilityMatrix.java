package dev.attest.responsibility.internal;

import dev.attest.catalog.Catalog;
import dev.attest.catalog.Control;
import dev.attest.catalog.ControlKey;
import dev.attest.catalog.Framework;
import dev.attest.catalog.Requirement;
import dev.attest.controls.ControlStatus;
import dev.attest.controls.WorkspaceControls;
import dev.attest.identity.WorkspaceId;
import dev.attest.responsibility.ComplementaryControls;
import dev.attest.responsibility.Responsibility;
import dev.attest.responsibility.SharedResponsibility;
import dev.attest.vendors.Vendors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads who carries each control, with its live status and provider's name, and the SOC 2 terms that follow. */
@Service
@RequiredArgsConstructor
public class ResponsibilityMatrix implements SharedResponsibility {

    private final ResponsibilityStore store;
    private final Catalog catalog;
    private final WorkspaceControls controls;
    private final Vendors vendors;

    @Override
    @Transactional(readOnly = true)
    public List<Responsibility> matrix(WorkspaceId workspace) {
        Map<String, ResponsibilityStore.Row> rows = store.all(workspace);
        Map<ControlKey, ControlStatus> statuses = controls.statuses(workspace);
        Map<UUID, String> vendorNames = vendorNames(workspace);
        List<Responsibility> matrix = new ArrayList<>();
        for (Control control : catalog.controls()) {
            matrix.add(of(control, rows.get(control.key().value()), statuses.get(control.key()), vendorNames));
        }
        return matrix;
    }

    /** One control's responsibility; an unknown control is a 404. */
    @Transactional(readOnly = true)
    public Responsibility get(WorkspaceId workspace, String key) {
        Control control = catalog.requireControl(key);
        return of(control, store.all(workspace).get(control.key().value()), controls.status(workspace, key), vendorNames(workspace));
    }

    private Map<UUID, String> vendorNames(WorkspaceId workspace) {
        Map<UUID, String> names = new HashMap<>();
        vendors.list(workspace).forEach(v -> names.put(v.id(), v.name()));
        return names;
    }

    private static Responsibility of(Control control, ResponsibilityStore.Row row, ControlStatus status, Map<UUID, String> vendorNames) {
        Responsibility companys = Responsibility.companys(control.key().value(), control.name(), control.domain(), status);
        if (row == null) {
            return companys;
        }
        return companys.assigned(row.change(), row.providerId() == null ? null : vendorNames.getOrDefault(row.providerId(), "(removed vendor)"),
                row.updatedAt(), row.updatedBy());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ComplementaryControls> complementaryControls(WorkspaceId workspace) {
        Map<String, Responsibility> byControl = new HashMap<>();
        matrix(workspace).forEach(r -> byControl.put(r.control(), r));
        Framework soc2 = catalog.requireFramework("soc2");
        List<ComplementaryControls> result = new ArrayList<>();
        for (Requirement criterion : soc2.requirements()) {
            if (!criterion.assessed()) {
                continue;
            }
            List<ComplementaryControls.UserEntityControl> user = new ArrayList<>();
            List<ComplementaryControls.SubserviceControl> subservice = new ArrayList<>();
            for (ControlKey key : criterion.controls()) {
                Responsibility r = byControl.get(key.value());
                if (r == null) {
                    continue;
                }
                if (r.party().involvesCustomer()) {
                    user.add(new ComplementaryControls.UserEntityControl(r.control(), r.controlName(), r.customerGuidance()));
                }
                if (r.party().involvesProvider()) {
                    subservice.add(new ComplementaryControls.SubserviceControl(r.control(), r.controlName(), r.providerName(),
                            r.providerDuty() == null ? r.providerName() + " operates " + lower(r.controlName()) + " for the services it provides"
                                    : r.providerDuty(), r.providerReport() != null));
                }
            }
            if (!user.isEmpty() || !subservice.isEmpty()) {
                result.add(new ComplementaryControls(criterion.ref(), criterion.title(), user, subservice));
            }
        }
        return result;
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
