package io.upgradebot.project;

/** SCAFFOLD (helper G's class; not committed). */
@jakarta.enterprise.context.ApplicationScoped
public class StatusMessageService {
    public void refresh(long projectId) {
    }

    public java.util.Optional<String> refreshNow(long projectId) {
        return java.util.Optional.empty();
    }
}
