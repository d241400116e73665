package com.shopops.platform.cli;

import com.shopops.api.Role;
import com.shopops.platform.Installation;
import com.shopops.platform.people.Users;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shopops init --admin NAME}: the first user, the owner, of a new installation. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Set up a new installation with its first user, an owner who can add everyone else.")
final class InitCommand implements Callable<Integer> {

    @Mixin
    Locations locations;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "The owner's user name.")
    String admin;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws Exception {
        try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
            if (installation.people().users().count() > 0) {
                System.err.println("shopops: this installation has users already; add more with: shopops user add NAME --role ROLE");
                return 1;
            }
            String password = PasswordInput.read(passwordStdin, admin);
            Users.User owner = installation.people().users().create(new Users.NewUser(admin, password, Set.of(Role.OWNER), List.of()));
            CommandLineAudit.record(installation, "user.create", owner.name(), "roles [OWNER]; shops all");
            System.out.println("created owner " + owner.name() + "; sign in at the server's /login.html");
            return 0;
        }
    }
}
