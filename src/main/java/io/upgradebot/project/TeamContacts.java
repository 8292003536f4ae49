package io.upgradebot.project;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How to reach a team in Slack: its user group and/or members (port owned by project/, implemented over the Owner
 * Does feature's team mapping by {@link OwnerTeamContacts}). Unknown teams answer a contact with neither, named in bold instead of mentioned.
 */
public interface TeamContacts {

    record Contact(String team, String userGroupId, List<String> userIds) {
        public Contact {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
        }

        public boolean reachable() {
            return userGroupId != null || !userIds.isEmpty();
        }

        /** {@code <!subteam^S1>}, else the members' mentions, else the team's name in bold. */
        public String mention() {
            if (userGroupId != null) {
                return "<!subteam^" + userGroupId + ">";
            }
            if (!userIds.isEmpty()) {
                return userIds.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" "));
            }
            return "*" + (team == null ? "unknown team" : team) + "*";
        }
    }

    /** {@code repoOrg}: the organisation of a repository the team owns (a bare team name is looked up there). */
    Contact of(String team, String repoOrg);
}
