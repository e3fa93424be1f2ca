package io.spinekit.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spinekit.messaging.MessageStore.Stored;
import io.spinekit.messaging.MessagingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus what only a database store has: a URL with credentials, a pool that can
 * be closed, and column limits the database enforces.
 */
abstract class JdbcStoreContract extends MessageStoreContract {
    /** The password put in {@link #urlWithPassword()}: it must never be shown. */
    static final String SECRET = "s3cret-Pw";

    /** A database URL and what the store may show of it. */
    record Url(String withPassword, String redacted) {
    }

    /** A new, empty database whose URL carries the password {@link #SECRET}. */
    abstract Url urlWithPassword();

    @Test
    void aStoreWhosePoolIsClosedFailsClearlyNamingTheUrlWithoutThePassword() {
        Url url = urlWithPassword();
        JdbcMessageStore closed = JdbcMessageStore.open(url.withPassword());
        Stored m = message(id(), t0);
        closed.accept(m, Optional.empty(), t0);
        assertThat(closed.description()).isEqualTo(url.redacted());
        closed.close();

        Stored next = message(id(), t0);
        assertThatThrownBy(() -> closed.accept(next, Optional.empty(), t0))
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason())
                        .isEqualTo(MessagingException.Reason.STORE_UNAVAILABLE))
                .hasMessageStartingWith("the message store on " + url.redacted() + " could not accept \""
                        + next.messageId() + "\"")
                .hasMessageContaining("has been closed")
                .message().doesNotContain(SECRET).doesNotContainIgnoringCase("password");
        assertThatThrownBy(() -> closed.stored(m.messageId()))
                .isInstanceOf(MessagingException.class)
                .hasMessageStartingWith("the message store on " + url.redacted() + " could not read \""
                        + m.messageId() + "\"")
                .message().doesNotContain(SECRET);
    }

    @Test
    void aValueTheDatabaseRefusesLeavesNoRowAndTheStoreTakesTheNextMessage() {
        // conversation_id is VARCHAR(255): the database refuses the row (SpineMessaging never builds one)
        Stored tooLong = message(id(), "C".repeat(300), t0, "<x/>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.accept(tooLong, Optional.of("a"), t0.plus(LEASE)))
                .isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.reason()).as("not an outage")
                        .isEqualTo(MessagingException.Reason.INVALID_ARGUMENT))
                .hasMessageContaining("could not accept \"" + tooLong.messageId() + "\" (SQLState 22")
                .hasMessageContaining("nothing was changed by this call");

        assertThat(store.stored(tooLong.messageId())).isEmpty();
        assertThat(store.outbound(tooLong.messageId())).isEmpty();
        assertThat(store.release("a")).isZero();
        assertAcceptsTheNextMessage();
    }

    @Test
    void theClaimReadsTheClaimableIndexPastLeasedRows() throws Exception {
        Url url = urlWithPassword();
        try (JdbcMessageStore db = JdbcMessageStore.open(url.withPassword())) {
            for (int i = 0; i < 500; i++) {
                db.accept(message(id(), t0), Optional.of("a"), t0.plus(LEASE));
            }
            Stored free = message(id(), t0);
            db.accept(free, Optional.empty(), t0);
            StringBuilder plan = new StringBuilder();
            try (Connection c = DriverManager.getConnection(url.withPassword())) {
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + Claims.DUE)) {
                    ps.setLong(1, t0.toEpochMilli());
                    ps.setInt(2, 16);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
            }
            assertThat(plan.toString()).as("plan").containsIgnoringCase("spinekit_outbound_claimable")
                    .satisfiesAnyOf(p -> assertThat(p).as("H2").contains("/* index sorted */"),
                            p -> assertThat(p).as("PostgreSQL").contains("Index Scan using spinekit_outbound_claimable")
                                    .doesNotContain("Sort"));
            assertThat(db.claim("b", t0, LEASE, 16)).as("500 leased rows passed over").containsExactly(free);
        }
    }

    @Test
    void aConstraintOtherThanTheMessageIdIsNotReportedAsADuplicate() throws Exception {
        // a newer schema's NOT NULL column this code does not write (what an old jar meets after a newer migration)
        Url url = urlWithPassword();
        try (JdbcMessageStore db = JdbcMessageStore.open(url.withPassword())) {
            try (Connection c = DriverManager.getConnection(url.withPassword()); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE spinekit_outbound ADD COLUMN newer_column INTEGER");
                st.execute("ALTER TABLE spinekit_outbound ALTER COLUMN newer_column SET NOT NULL");
            }
            Stored m = message(id(), t0);
            assertThatThrownBy(() -> db.accept(m, Optional.empty(), t0))
                    .isInstanceOf(MessagingException.class)
                    .hasMessageContaining("could not accept \"" + m.messageId() + "\" (SQLState 23502)")
                    .message().doesNotContain("already stored");
            assertThat(db.stored(m.messageId())).isEmpty();
        }
    }
}
