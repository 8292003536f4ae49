package io.upgradebot.project;

import java.util.List;

/**
 * How to reach a team in Slack: its user group and/or members (port owned by project/, implemented over the Owner
 * Does feature's team mapping by {@link OwnerTeamContacts}). Unknown teams answer a contact with neither. Data only:
 * how a contact reads in Slack (a user-group or member mention, else the team's name) is the Slack adapter's business.
 */
public interface TeamContacts {

    record Contact(String team, String userGroupId, List<String> userIds) {
        public Contact {
            userIds = userIds == null ? List.of() : List.copyOf(userIds);
        }

        public boolean reachable() {
            return userGroupId != null || !userIds.isEmpty();
        }
    }

    /** {@code repoOrg}: the organisation of a repository the team owns (a bare team name is looked up there). */
    Contact of(String team, String repoOrg);
}
