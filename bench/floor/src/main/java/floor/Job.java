package floor;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class Job {
    @Scheduled(cron = "0 0 3 * * ?", identity = "nightly")
    @Transactional
    void nightly() {
        Item.count();
    }
}
