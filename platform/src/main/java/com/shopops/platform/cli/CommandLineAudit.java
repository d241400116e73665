package com.shopops.platform.cli;

import com.shopops.platform.Installation;
import com.shopops.platform.people.AuditLog;

/** Changes made from the command line go into the audit log too, under the system user who ran them. */
final class CommandLineAudit {

    private CommandLineAudit() {
    }

    static void record(Installation installation, String action, String target, String after) {
        record(installation, null, action, target, null, after);
    }

    /** A change to one shop's data, with the value before. */
    static void record(Installation installation, Long shopId, String action, String target, String before, String after) {
        installation.people().audit().record(new AuditLog.Change(null, "command line (" + System.getProperty("user.name") + ")",
                shopId, action, target, before, after, 0, null, null));
    }
}
