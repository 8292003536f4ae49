package io.upgradebot.slack.api;

import io.upgradebot.project.reconcile.ReconcileNotifier;
import io.upgradebot.project.reconcile.ReconcileReport;
import io.upgradebot.slack.view.ReconcileMessages;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@link ReconcileNotifier} over the Slack Web API, with the messages of {@link ReconcileMessages}. */
@ApplicationScoped
public class SlackReconcileNotifier implements ReconcileNotifier {

    private final SlackGateway slack;

    public SlackReconcileNotifier(SlackGateway slack) {
        this.slack = slack;
    }

    @Override
    public void findings(String channelId, String threadTs, String projectName,
            List<ReconcileReport.Finding> findings) {
        slack.postMessage(channelId, threadTs, ReconcileMessages.findingsText(projectName, findings),
                ReconcileMessages.findings(projectName, findings));
    }
}
