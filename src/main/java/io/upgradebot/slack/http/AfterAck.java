package io.upgradebot.slack.http;

/**
 * Runs work after Slack has its ack. Over HTTP the task starts once the response to Slack has been written
 * (so GitHub is never called before the ack); in Socket Mode once the handler has returned its ack.
 * Tasks run on a bounded executor; exceptions are logged, never shown to Slack as stack traces.
 */
public interface AfterAck {
    void run(Runnable task);
}
