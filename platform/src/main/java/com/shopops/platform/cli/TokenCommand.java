package com.shopops.platform.cli;

import com.shopops.platform.Installation;
import com.shopops.platform.people.ApiTokens;
import com.shopops.platform.people.Users;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shopops token create|list|revoke}: API tokens for scripts. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list or revoke API tokens for scripts.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print it alone on standard output (it is shown only this once).")
    static final class Create implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "NAME", description = "What the token is for, e.g. nightly-import.")
        String name;

        @Option(names = "--user", paramLabel = "USER", description = "The user it acts as (default: the only owner).")
        String user;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                Users.User owner = user(installation, user);
                ApiTokens.Created created = installation.people().tokens().create(owner.id(), name);
                CommandLineAudit.record(installation, "token.create", created.name(), "for " + owner.name());
                System.out.println(created.token());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                Map<Long, String> names = new java.util.HashMap<>();
                installation.people().users().all().forEach(u -> names.put(u.id(), u.name()));
                System.out.printf("%-6s %-16s %-24s %-28s %s%n", "ID", "USER", "NAME", "LAST USED", "STATE");
                for (ApiTokens.Listed t : installation.people().tokens().list(null)) {
                    System.out.printf("%-6d %-16s %-24s %-28s %s%n", t.id(), names.get(t.userId()), t.name(),
                            t.lastUsedAt() == null ? "never" : t.lastUsedAt(), t.revokedAt() == null ? "live" : "revoked " + t.revokedAt());
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Locations locations;

        @Parameters(paramLabel = "ID", description = "The token's id, from token list.")
        long id;

        @Override
        public Integer call() throws Exception {
            try (Installation installation = Installation.openCore(locations.config(Map.of()))) {
                var revoked = installation.people().tokens().revoke(null, id);
                if (revoked.isEmpty()) {
                    System.err.println("shopops: no live token " + id);
                    return 1;
                }
                CommandLineAudit.record(installation, "token.revoke", revoked.get().name(), null);
                System.out.println("revoked token " + id + " (" + revoked.get().name() + ")");
                return 0;
            }
        }
    }

    private static Users.User user(Installation installation, String name) {
        if (name != null) {
            return installation.people().users().byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("there is no user '" + name + "'"));
        }
        var owners = installation.people().users().all().stream()
                .filter(u -> u.active() && u.allShops()).toList();
        if (owners.size() != 1) {
            throw new IllegalArgumentException(owners.isEmpty() ? "there is no user yet; run: shopops init --admin NAME"
                    : "name the user with --user");
        }
        return owners.get(0);
    }
}
