package io.upgradebot.support;

import io.quarkus.arc.Arc;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A Quartz scheduler standing in for one replica of the bot: its own instance id, its own connections, the JDBC job
 * store on the test database (H2, or PostgreSQL under -Ppostgres: the same datasource settings the application
 * uses), running the application's real job classes (CDI beans, so the real delivery service and Slack gateway).
 * Its scheduler name is its own, so the application's scheduler never takes its triggers.
 */
public final class QuartzNode {
    private QuartzNode() {
    }

    public static Scheduler create(String schedulerName, String instanceId, boolean clustered, long checkinMillis)
            throws SchedulerException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String ds = "ds_" + instanceId.replaceAll("[^A-Za-z0-9_]", "_");
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate"
                : "io.quarkus.quartz.runtime.jdbc.QuarkusHSQLDBDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", ds);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true"); // as quarkus-quartz stores job data
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinMillis));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.dataSource." + ds + ".connectionProvider.class",
                DriverManagerConnectionProvider.class.getName());
        p.setProperty("org.quartz.dataSource." + ds + ".url", url);
        p.setProperty("org.quartz.dataSource." + ds + ".user",
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""));
        p.setProperty("org.quartz.dataSource." + ds + ".password",
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            return Arc.container().instance(type).get();
        });
        // Quartz keeps one scheduler per name per JVM; replicas are separate JVMs, so forget this one by name
        SchedulerRepository.getInstance().remove(schedulerName);
        return scheduler;
    }
}
