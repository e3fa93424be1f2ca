package io.spinekit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.Workflow;
import io.spinekit.messaging.store.JdbcMessageStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message store: the application's DataSource (H2 file, HikariCP), spinekit.messaging.store.*, or in memory. */
class MessageStoreAutoConfigurationTest {
    @TempDir
    static Path dir;
    static Fixture f;

    @BeforeAll
    static void start() {
        f = new Fixture(dir);
    }

    /** Messaging configured, nothing asked of the store (the fixture's in-memory turned off). */
    private static ApplicationContextRunner messaging() {
        return f.runner().withPropertyValues("spinekit.messaging.party-key=X99-123456",
                "spinekit.messaging.store.in-memory=false");
    }

    static String h2(String name) {
        return JdbcMessageStore.h2Url(dir.resolve(name));
    }

    @Configuration(proxyBeanMethods = false)
    static class AppDataSource {
        @Bean(destroyMethod = "close")
        HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(h2("app"));
            config.setMaximumPoolSize(4);
            config.setPoolName("app");
            return new HikariDataSource(config);
        }
    }

    @Test
    void theApplicationsDataSourceHoldsTheStoreMigratedByFlyway() {
        messaging().withUserConfiguration(AppDataSource.class).run(c -> {
            assertThat(c).hasNotFailed().hasSingleBean(MessageStore.class);
            MessageStore store = c.getBean(MessageStore.class);
            assertThat(store).isInstanceOf(JdbcMessageStore.class);
            assertThat(((JdbcMessageStore) store).description()).isEqualTo("the data source");
            assertThat(c.getBean(SpineMessaging.class).store()).isSameAs(store);

            MessageStore.Outbound record = new MessageStore.Outbound("M1", "C1", Workflow.EXPRESS,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), 0, MessageStore.Status.PENDING);
            store.save(record);
            try (Connection conn = c.getBean(DataSource.class).getConnection(); Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"spinekit_message_store_history\"")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("Flyway's history, in its own table").isPositive();
            }
            assertThat(store.outbound("M1")).contains(record);
        });
    }

    @Test
    void theStoreUrlWinsOverTheDataSource() {
        String url = h2("own");
        messaging().withUserConfiguration(AppDataSource.class).withPropertyValues("spinekit.messaging.store.url=" + url)
                .run(c -> {
                    assertThat(c).hasNotFailed();
                    MessageStore store = c.getBean(MessageStore.class);
                    assertThat(store).isInstanceOf(JdbcMessageStore.class);
                    assertThat(((JdbcMessageStore) store).description()).isEqualTo(url);
                });
    }

    @Test
    void inMemoryOnlyWhenAskedForAndYourOwnStoreAlwaysWins() {
        messaging().withUserConfiguration(AppDataSource.class).withPropertyValues("spinekit.messaging.store.in-memory=true")
                .run(c -> assertThat(c.getBean(MessageStore.class)).isInstanceOf(InMemoryMessageStore.class));
        messaging().withUserConfiguration(AppDataSource.class, ClientsAutoConfigurationTest.OwnStore.class)
                .run(c -> assertThat(c.getBean(SpineMessaging.class).store())
                        .isSameAs(ClientsAutoConfigurationTest.OwnStore.STORE));
    }

    @Test
    void withoutSpineMessageStoreANonMemoryStoreFailsStartUpSayingWhatToAdd() {
        messaging().withClassLoader(new FilteredClassLoader(JdbcMessageStore.class)).run(c -> {
            var a = Fixture.analysis(c, "spinekit.messaging.store.in-memory", "\"false\"");
            assertThat(a.getAction()).contains("io.spinekit:spine-message-store").contains("store.in-memory=true");
        });
        messaging().withClassLoader(new FilteredClassLoader(JdbcMessageStore.class))
                .withPropertyValues("spinekit.messaging.store.in-memory=true")
                .run(c -> assertThat(c.getBean(MessageStore.class)).isInstanceOf(InMemoryMessageStore.class));
    }

    @Test
    void storeFailureAnalyses() {
        messaging().withPropertyValues("spinekit.messaging.store.url=jdbc:mysql://db.example/spine?password=hunter2")
                .run(c -> {
                    var a = Fixture.analysis(c, "spinekit.messaging.store.url", "jdbc:mysql://db.example/spine...");
                    assertThat(a.getDescription()).doesNotContain("hunter2");
                });
        messaging().withPropertyValues("spinekit.messaging.store.url=" + h2("both"),
                "spinekit.messaging.store.in-memory=true")
                .run(c -> Fixture.analysis(c, "spinekit.messaging.store.in-memory", "\"true\""));
    }
}
