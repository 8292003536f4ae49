package io.upgradebot.slack.view;

import io.upgradebot.project.PostContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Words a stale-issue nudge. */
public final class NudgeTexts {

    private NudgeTexts() {
    }

    public static String mrkdwn(PostContent.StaleNudge n) {
        StringBuilder text = new StringBuilder();
        if (n.team() != null) {
            text.append(Mentions.of(n.team())).append(' ');
        }
        text.append(":wave: ").append(n.issues().size() == 1 ? "This upgrade issue has" : "These upgrade issues have")
                .append(" had no activity for a while, and the next step is yours:\n");
        Map<String, List<PostContent.StaleIssue>> byProject = new LinkedHashMap<>();
        n.issues().forEach(i -> byProject.computeIfAbsent(i.projectName(), k -> new ArrayList<>()).add(i));
        boolean severalProjects = byProject.size() > 1 || n.direct();
        byProject.forEach((project, list) -> {
            if (severalProjects) {
                text.append('*').append(project).append("*\n");
            }
            for (PostContent.StaleIssue i : list) {
                text.append("• ").append(Mentions.link(i.repo())).append(": no activity for ").append(i.idleDays())
                        .append(" days · next: ").append(next(i.next())).append('\n');
            }
        });
        return text.toString().strip();
    }

    static String next(PostContent.NextStep next) {
        String phrase = switch (next.step()) {
            case CHOOSE_LEVEL -> "choose an Owner Does level";
            case FIND_OWNER -> "find the owning team (unknown), then a level";
            case CREATE_PRS -> "create the PRs";
            case REVIEW -> "review the open PR";
            case DEPLOY -> "deploy (the PR is merged)";
        };
        if (next.step() == PostContent.Step.CHOOSE_LEVEL || next.step() == PostContent.Step.FIND_OWNER) {
            return phrase;
        }
        return phrase + " (" + (next.owningTeam() ? "owning team" : "orchestration team") + " at _" + next.levelLabel()
                + "_)";
    }
}
