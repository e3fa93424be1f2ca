package io.spinekit.cis;

/**
 * Limits the hardened XML parser enforces on every document it reads (SAML role assertions and
 * GAS {@code gpOBJECT} messages), on top of refusing DTDs and entity references outright. The
 * parser is the SDK's one hardened XML setup, {@link io.spinekit.core.xml.SafeXml} in spine-core;
 * these limits are handed to it unchanged ({@link io.spinekit.core.xml.XmlLimits}).
 *
 * @param maxBytes largest document, in bytes (or characters for text input)
 * @param maxDepth deepest element nesting (the root is depth 1)
 * @param maxElements most elements in one document
 * @param maxAttributes most attributes on one element
 * @param maxTextLength longest text content of one element, in characters
 */
public record XmlLimits(int maxBytes, int maxDepth, int maxElements, int maxAttributes, int maxTextLength) {
    /**
     * The defaults: 1 MiB, depth 32, 20,000 elements, 32 attributes per element, 64 KiB of text
     * per element. A real role assertion with 40 role profiles is under 200 KiB, depth 12.
     */
    public static final XmlLimits DEFAULT = new XmlLimits(1024 * 1024, 32, 20_000, 32, 64 * 1024);

    /**
     * Checks the limits.
     *
     * @param maxBytes largest document
     * @param maxDepth deepest nesting
     * @param maxElements most elements
     * @param maxAttributes most attributes per element
     * @param maxTextLength longest text per element
     */
    public XmlLimits {
        positive("maxBytes", maxBytes);
        positive("maxDepth", maxDepth);
        positive("maxElements", maxElements);
        positive("maxAttributes", maxAttributes);
        positive("maxTextLength", maxTextLength);
    }

    /**
     * A copy with another size limit.
     *
     * @param bytes the largest document, in bytes
     * @return new limits
     */
    public XmlLimits withMaxBytes(int bytes) {
        return new XmlLimits(bytes, maxDepth, maxElements, maxAttributes, maxTextLength);
    }

    /**
     * A copy with another depth limit.
     *
     * @param depth the deepest nesting
     * @return new limits
     */
    public XmlLimits withMaxDepth(int depth) {
        return new XmlLimits(maxBytes, depth, maxElements, maxAttributes, maxTextLength);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new CisException(CisException.Reason.CONFIGURATION,
                    "XmlLimits." + name + " is " + value + ": expected a positive number");
        }
    }
}
