package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.upgradebot.domain.OwnerDoesLevel;
import io.upgradebot.project.ChoiceNotifier;
import io.upgradebot.project.ownerdoes.OwnerDoesChoices;
import io.upgradebot.project.ownerdoes.TbdRepositories;
import io.upgradebot.slack.ActionIds;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages of the Owner Does step: the runbook's announcement asking owners to choose (one message, at most 8
 * blocks, every text cut to Slack's limits however many teams there are), the line posted in the status thread
 * for each change, and the {@code /upgrade tbd} answer.
 */
public final class OwnerDoesMessages {

    private OwnerDoesMessages() {
    }

    public static String announcementText(ChoiceNotifier.Announcement a) {
        return a.projectName() + ": please choose an Owner Does level for each of your repositories";
    }

    public static List<LayoutBlock> announcement(ChoiceNotifier.Announcement a) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate("Upgrade: " + a.projectName(), 150)))));

        StringBuilder what = new StringBuilder();
        if (a.dependency() != null && !a.dependency().isBlank()) {
            what.append("We are upgrading *").append(Mrkdwn.escape(a.dependency())).append("*");
            if (a.currentVersion() != null && a.targetVersion() != null) {
                what.append(" from ").append(Mrkdwn.escape(a.currentVersion())).append(" to ")
                        .append(Mrkdwn.escape(a.targetVersion()));
            }
            what.append(" in ").append(a.repositories())
                    .append(a.repositories() == 1 ? " repository." : " repositories.");
        } else {
            what.append("*").append(Mrkdwn.escape(a.projectName())).append("* touches ").append(a.repositories())
                    .append(a.repositories() == 1 ? " repository." : " repositories.");
        }
        if (a.completionDate() != null) {
            what.append("\n*Completion date:* ").append(a.completionDate());
            if (a.completionReason() != null && !a.completionReason().isBlank()) {
                what.append(" (").append(Mrkdwn.escape(a.completionReason())).append(")");
            }
        }
        if (a.docsUrl() != null && !a.docsUrl().isBlank()) {
            what.append("\n*Upgrade instructions:* ").append(Mrkdwn.link(a.docsUrl(), "read them first"));
        }
        if (a.roadmapIssueUrl() != null) {
            what.append("\n*Roadmap issue:* ").append(Mrkdwn.link(a.roadmapIssueUrl(), "details and discussion"));
        }
        if (a.orchestrationTeam() != null && !a.orchestrationTeam().isBlank()) {
            what.append("\n*Orchestration team:* ").append(Mrkdwn.escape(a.orchestrationTeam()));
        }
        String whatText = Mrkdwn.truncate(what.toString(), Mrkdwn.SECTION_MAX);
        blocks.add(section(s -> s.text(markdownText(whatText))));

        String ask = "*Owning teams, please read the upgrade instructions and choose an _Owner Does_ level for each of "
                + "your repositories*: it says what your team does and what the orchestration team does. "
                + "Until you choose, a repository stays *TBD*.";
        blocks.add(section(s -> s.text(markdownText(ask))));

        blocks.add(section(s -> s.text(markdownText(teams(a)))));

        StringBuilder levels = new StringBuilder("*The levels*");
        for (OwnerDoesLevel l : a.levels()) {
            levels.append("\n• *").append(Mrkdwn.escape(l.label())).append("*: ").append(Mrkdwn.escape(l.explain()));
        }
        String levelText = Mrkdwn.truncate(levels.toString(), Mrkdwn.SECTION_MAX);
        blocks.add(section(s -> s.text(markdownText(levelText))));

        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(ButtonElement.builder().actionId(ActionIds.OWNER_DOES_OPEN.id()).style("primary")
                .text(plainText("Choose for my repositories")).value(String.valueOf(a.projectId())).build());
        if (a.docsUrl() != null && a.docsUrl().startsWith("http")) {
            buttons.add(ButtonElement.builder().actionId(ActionIds.OPEN_LINK.id("docs"))
                    .text(plainText("Upgrade instructions")).url(a.docsUrl()).build());
        }
        blocks.add(actions(x -> x.blockId("owner-does").elements(buttons)));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "You can also set the *Owner Does* field on the board; the bot keeps both in step.")))));
        return blocks;
    }

    /** The owning teams, mentioned, most repositories first; cut to one section with "…and N more teams". */
    static String teams(ChoiceNotifier.Announcement a) {
        List<String> parts = new ArrayList<>();
        for (ChoiceNotifier.TeamRepos t : a.teams()) {
            parts.add(SlackMentions.of(t.audience()) + " (" + t.repositories() + ")");
        }
        String head = "*Owning teams:* ";
        StringBuilder out = new StringBuilder(head);
        String tail = a.unknownOwners() == 0
                ? ""
                : "\n*" + a.unknownOwners() + (a.unknownOwners() == 1 ? " repository has" : " repositories have")
                        + " no known owner:* the orchestration team will find out who owns "
                        + (a.unknownOwners() == 1 ? "it." : "them.");
        int budget = Mrkdwn.SECTION_MAX - tail.length() - 40;
        for (int i = 0; i < parts.size(); i++) {
            String sep = i == 0 ? "" : ", ";
            if (out.length() + sep.length() + parts.get(i).length() > budget) {
                out.append(" …and ").append(parts.size() - i).append(" more teams");
                break;
            }
            out.append(sep).append(parts.get(i));
        }
        if (parts.isEmpty()) {
            out.append("none known yet");
        }
        return out + tail;
    }

    public static String choiceText(ChoiceNotifier.ChoiceDetail d) {
        String who = d.via() == OwnerDoesChoices.Via.SLACK
                ? "chosen by <@" + d.chosenBy() + ">"
                : "set on the board by `" + Mrkdwn.escape(d.chosenBy()) + "`";
        return "*" + Mrkdwn.link(d.issueUrl(), d.repo()) + "*: " + Mrkdwn.escape(d.from().label()) + " → *"
                + Mrkdwn.escape(d.to().label()) + "*, " + who;
    }

    public static List<LayoutBlock> choice(ChoiceNotifier.ChoiceDetail d) {
        String main = Mrkdwn.truncate(choiceText(d), Mrkdwn.SECTION_MAX);
        return List.of(section(s -> s.text(markdownText(main))),
                context(c -> c.elements(List.of(markdownText(Mrkdwn.truncate(d.to().explain(), Mrkdwn.SECTION_MAX))))));
    }

    /**
     * {@code /upgrade tbd}: grouped by owning team, one repository per line (linked to its issue), so the reply
     * splits into sections at line ends (3000 characters each, 50 blocks: room for every one of 500 repositories).
     */
    public static String tbd(String projectName, List<TbdRepositories.Group> groups) {
        int total = groups.stream().mapToInt(g -> g.repositories().size()).sum();
        if (total == 0) {
            return "Every repository of *" + Mrkdwn.escape(projectName) + "* has an Owner Does level. :tada:";
        }
        StringBuilder out = new StringBuilder("*" + total + (total == 1 ? " repository" : " repositories") + " of "
                + Mrkdwn.escape(projectName) + " still TBD*, by owning team:");
        for (TbdRepositories.Group g : groups) {
            out.append("\n").append(g.team() == null ? "*Owner unknown*" : "*`" + Mrkdwn.escape(g.team()) + "`*")
                    .append(" (").append(g.repositories().size()).append(")");
            for (TbdRepositories.Repository r : g.repositories()) {
                out.append("\n• ").append(Mrkdwn.link(r.issueUrl(), r.repo()));
            }
        }
        return out.toString();
    }
}
