package io.spinekit.wes;

import io.spinekit.wes.internal.Footnote;

/**
 * The kinds of condition an assessment can carry. Those marked "footnote" come from the WES
 * footnotes and are attached by the data file to the cells they govern; the others come from the
 * cells' own values, the WES's general statements, or what a User-Agent cannot show.
 */
public enum ConditionKind {
    /** Footnote * (systems): the CIS application in Chrome or Edge needs NHS Credential Management (allows CMS), or the Chrome extension (no CMS). */
    NHS_CREDENTIAL_MANAGEMENT_OR_CHROME_EXTENSION,
    /** Footnote * (systems): through Citrix, CMS (smartcard operations) is not available. */
    NO_CMS_ON_CITRIX,
    /** Footnote ** (systems): the CIS application is warranted against JRE 8 (32-bit) up to and including 8u281. */
    JRE_VERSION_LIMIT,
    /** Footnote ** (systems): the CIS application is warranted against Windows 10 up to and including 20H2 (64-bit). */
    WINDOWS_10_RELEASE_LIMIT,
    /** Footnote *** (systems): Edge in IE mode needs a supported JRE 8. */
    EDGE_IE_MODE_NEEDS_JRE_8,
    /** Footnote **** (systems): Chrome and Edge need the Chrome extension for the Spine user interfaces. */
    CHROME_EXTENSION_FOR_SPINE_UIS,
    /** Footnote * (authenticators): the authenticator is currently not available. */
    AUTHENTICATOR_NOT_AVAILABLE,
    /** Footnote ** (authenticators): iPads need Mobile Device Management and the CIS2 authenticator app. */
    IPAD_MDM_AND_CIS2_AUTHENTICATOR_APP,
    /** Cell "32-bit": only the 32-bit IE11 is warranted; the browser's bitness was not given. */
    IE11_32_BIT_ONLY,
    /** Cell "8": JRE 8 (32-bit) is the warranted JRE; none, or no bitness, was given. */
    JRE_8_32_BIT,
    /** Column "JRE (32-bit)": the JRE must be 32-bit; the bitness was not given. */
    JRE_32_BIT,
    /** Column "... SP1": Service Pack 1 is required; the service pack was not given. */
    SERVICE_PACK_1,
    /** A browser-based system was assessed without a browser. */
    BROWSER_NOT_STATED,
    /** The version of an iPad's OS was not given; the authenticator needs iOS 11 or above. */
    OS_VERSION_NOT_STATED,
    /** The User-Agent cannot tell apart client environments whose verdicts differ. */
    USER_AGENT_AMBIGUOUS
}
