package io.spinekit.wes;

/** The two tables of the WES. */
public enum WesTableId {
    /** "NHS Digital Smartcard enabled system": systems x operating systems, Citrix, browsers and JRE. */
    SYSTEMS,
    /** "NHS Digital approved authenticators": authenticators x operating systems, Citrix and browsers. */
    AUTHENTICATORS
}
