package io.upgradebot.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/**
 * A connection per call, straight from the JDBC driver: what a separate replica's Quartz would have, sharing
 * nothing with the Quarkus application's pool but the database. Configured through Quartz's bean properties
 * ({@code org.quartz.dataSource.NAME.url} …).
 */
public class DriverManagerConnectionProvider implements ConnectionProvider {

    private String url;
    private String user;
    private String password;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public void initialize() {
    }
}
