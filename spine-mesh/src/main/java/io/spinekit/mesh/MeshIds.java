package io.spinekit.mesh;

import io.spinekit.core.Text;

/** Checks for ids that go into URL paths: printable, no slash, bounded. */
final class MeshIds {
    private MeshIds() {
    }

    /** A message id: real ones look like {@code 20200601122152994285_D59900}, the sandbox's are 32 hex (MESH.md section 3). */
    static String checkMessageId(String id) {
        return checkSegment("message id", id, 100);
    }

    /** A mailbox id, upper-cased (MESH.md section 2 says upper case). */
    static String checkMailbox(String id) {
        return checkSegment("mailbox id", id, 100).toUpperCase(java.util.Locale.ROOT);
    }

    static String checkSegment(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '\\' && c != '?'
                        && c != '#' && c != '%')
                || value.equals(".") || value.equals("..")) {
            throw new MeshException(MeshException.Reason.CONFIGURATION, what + " "
                    + (value == null ? "(none)" : Text.quote(value)) + " is not valid: expected 1 to " + max
                    + " printable ASCII characters without spaces, '/', '\\\\', '?', '#' or '%'");
        }
        return value;
    }
}
