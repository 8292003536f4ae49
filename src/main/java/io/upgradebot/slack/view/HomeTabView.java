package io.upgradebot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import io.upgradebot.project.home.HomeTab;
import io.upgradebot.project.home.ShowHomeTab;
import io.upgradebot.project.ownerdoes.AskOwnersToChoose;
import io.upgradebot.project.status.ProjectStatus;
import io.upgradebot.slack.ActionIds;
import io.upgradebot.slack.CallbackIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's App Home tab for one person. Within Block Kit's 100 blocks for any numbers, by paging rather than
 * summarising (a summary would need a place to link to; paging keeps every choice on the tab): 4 blocks of header
 * and intro, one block per pending repository ({@value ShowHomeTab#PAGE_SIZE} a page) with its level select, 2 of
 * paging, 2 of stale issues (one list of at most {@value ShowHomeTab#STALE_MAX}), and for orchestrators 2 per
 * project ({@value ShowHomeTab#PROJECTS_MAX} at most) plus 3: at most 61 blocks.
 *
 * <p>The level select is the Owner Does modal's own ({@link OwnerDoesChoicesModal#levelSelect}), so a pick here is
 * the same action, checked and written the same way. Nothing in the view depends on the time of drawing except the
 * day, so an unchanged tab renders to the same JSON and is not published again.
 */
public final class HomeTabView {

    /** The Home tab's private_metadata prefix: no Owner Does modal metadata, so picks redraw no modal. */
    static final String METADATA = "home";

    private HomeTabView() {
    }

    public static View of(HomeTab tab) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.blockId("home.header").text(plainText("Upgrade projects"))));
        blocks.add(section(s -> s.blockId("home.intro").text(markdownText("What the upgrade projects need from <@"
                + tab.userId() + ">: the repositories your teams own that still need an Owner Does level, your "
                + "teams' stale issues" + (tab.orchestrator() ? ", and the projects under way" : "")
                + ". This tab follows changes by itself."))));
        blocks.add(divider());
        pending(tab, blocks);
        stale(tab, blocks);
        if (tab.orchestrator()) {
            projects(tab, blocks);
        }
        String md = METADATA + ":" + tab.page();
        return view(v -> v.type("home").privateMetadata(md).blocks(blocks));
    }

    private static void pending(HomeTab tab, List<LayoutBlock> blocks) {
        String title = tab.pendingTotal() == 0
                ? "*Owner Does levels to choose*\nNothing to choose: every repository your teams own has a level."
                : "*Owner Does levels to choose* (" + tab.pendingTotal() + ")\nA level is saved as soon as you "
                        + "pick it: it goes to the board and to the repository's issue.";
        blocks.add(section(s -> s.blockId("home.pending").text(markdownText(title))));
        for (HomeTab.Pending p : tab.pending()) {
            String text = "*" + Mrkdwn.link(p.issueUrl(), p.repo()) + "*\n" + Mrkdwn.escape(p.projectName())
                    + " · owner `" + Mrkdwn.escape(p.ownerTeam()) + "`";
            blocks.add(SectionBlock.builder().blockId("home.repo." + p.projectRepoId())
                    .text(markdownText(Mrkdwn.truncate(text, Mrkdwn.SECTION_MAX)))
                    .accessory(OwnerDoesChoicesModal.levelSelect(p.projectRepoId(), null, tab.levels())).build());
        }
        if (tab.pages() > 1) {
            int from = tab.firstIndex() + 1;
            int to = tab.firstIndex() + tab.pending().size();
            blocks.add(context(c -> c.blockId("home.range").elements(List.of(markdownText("Repositories " + from
                    + "–" + to + " of " + tab.pendingTotal() + " · page " + (tab.page() + 1) + " of "
                    + tab.pages())))));
            List<BlockElement> buttons = new ArrayList<>();
            if (tab.page() > 0) {
                buttons.add(ButtonElement.builder().actionId(ActionIds.HOME_PAGE.id("prev"))
                        .text(plainText("◀ Previous " + ShowHomeTab.PAGE_SIZE))
                        .value(String.valueOf(tab.page() - 1)).build());
            }
            if (tab.page() + 1 < tab.pages()) {
                int next = Math.min(ShowHomeTab.PAGE_SIZE, tab.pendingTotal() - to);
                buttons.add(ButtonElement.builder().actionId(ActionIds.HOME_PAGE.id("next"))
                        .text(plainText("Next " + next + " repositories ▶"))
                        .value(String.valueOf(tab.page() + 1)).build());
            }
            blocks.add(actions(a -> a.blockId("home.paging").elements(buttons)));
        }
    }

    private static void stale(HomeTab tab, List<LayoutBlock> blocks) {
        blocks.add(divider());
        if (tab.staleTotal() == 0) {
            blocks.add(section(s -> s.blockId("home.stale").text(markdownText(
                    "*Stale issues*\nNone: every open issue of your teams has seen activity lately."))));
            return;
        }
        StringBuilder text = new StringBuilder("*Stale issues* (").append(tab.staleTotal()).append(")");
        int shown = 0;
        for (HomeTab.StaleIssue i : tab.stale()) {
            String line = "\n• " + Mrkdwn.link(i.issueUrl(), i.repo()) + ": no activity for " + i.idleDays()
                    + " days · " + Mrkdwn.escape(Mrkdwn.truncate(i.projectName(), 80))
                    + (i.tbd() ? " · level still TBD" : "");
            // whole lines only, leaving room for the count of the others: a cut link would show as raw mrkdwn
            if (text.length() + line.length() > Mrkdwn.SECTION_MAX - 40) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (tab.staleTotal() > shown) {
            text.append("\n…and ").append(tab.staleTotal() - shown).append(" more");
        }
        blocks.add(section(s -> s.blockId("home.stale").text(markdownText(text.toString()))));
    }

    private static void projects(HomeTab tab, List<LayoutBlock> blocks) {
        blocks.add(divider());
        blocks.add(section(s -> s.blockId("home.projects").text(markdownText(tab.projectsTotal() == 0
                ? "*Projects under way*\nNone. `/upgrade new` starts one."
                : "*Projects under way* (" + tab.projectsTotal() + ")"))));
        for (HomeTab.RunningProject p : tab.projects()) {
            StringBuilder text = new StringBuilder("*").append(Mrkdwn.link(p.roadmapIssueUrl(), p.name()))
                    .append("*");
            if (p.channelId() != null) {
                text.append(" in <#").append(p.channelId()).append(">");
            }
            text.append('\n').append(p.issuesClosed()).append(" of ").append(p.repositories())
                    .append(" repository issues closed · ").append(p.chosen()).append(" of ")
                    .append(p.repositories()).append(" levels chosen");
            text.append('\n').append(deadline(p));
            blocks.add(section(s -> s.blockId("home.project." + p.id()).text(markdownText(
                    Mrkdwn.truncate(text.toString(), Mrkdwn.SECTION_MAX)))));
            List<BlockElement> buttons = new ArrayList<>();
            buttons.add(ButtonElement.builder().actionId(ActionIds.HOME_STATUS.id()).text(plainText("Status"))
                    .value(String.valueOf(p.id())).build());
            buttons.add(ButtonElement.builder().actionId(ActionIds.HOME_ASK.id()).text(plainText("Ask owners"))
                    .value(String.valueOf(p.id())).build());
            blocks.add(actions(a -> a.blockId("home.commands." + p.id()).elements(buttons)));
        }
        String more = tab.projectsTotal() > tab.projects().size()
                ? "…and " + (tab.projectsTotal() - tab.projects().size()) + " more: `/upgrade list`. "
                : "";
        blocks.add(context(c -> c.blockId("home.commands").elements(List.of(markdownText(more
                + "More in any channel: `/upgrade new`, `/upgrade nudges <project>`, `/upgrade help`.")))));
    }

    private static String deadline(HomeTab.RunningProject p) {
        if (p.completionDate() == null) {
            return "No completion date yet";
        }
        long d = p.daysLeft();
        String when = d > 1 ? "in " + d + " days" : d == 1 ? "tomorrow" : d == 0 ? "today" : -d + " days overdue";
        return "Completion date " + p.completionDate() + " (" + when + ")";
    }

    /** "Status" pressed on the tab: the /upgrade status view in a modal. */
    public static View statusModal(ProjectStatus status) {
        List<LayoutBlock> blocks = ProjectStatusView.blocks(status);
        return view(v -> v.type("modal").callbackId(CallbackIds.NOTICE.id())
                .title(viewTitle(t -> t.type("plain_text").text("Project status")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(blocks));
    }

    /** What "Ask owners" on the tab did, as /upgrade ask says it. */
    public static String asked(AskOwnersToChoose.Asked asked) {
        return "Asked the owning teams of " + asked.repositories() + " repositories to choose, in <#"
                + asked.channelId() + ">." + (asked.unknownOwners() == 0
                        ? ""
                        : " " + asked.unknownOwners() + " of them have no known owner: `/upgrade tbd` lists them.");
    }

    /** The loading modal "Status" opens at once (trigger_id lives 3 s). */
    public static View statusLoading() {
        return LoadingModal.of(CallbackIds.NOTICE, "Project status");
    }
}
