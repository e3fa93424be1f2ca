package io.spinekit.wes;

/** The family of an operating system product. */
public enum OsFamily {
    /** Windows client editions (7, 8, 8.1, 10, 11...). */
    WINDOWS,
    /** Windows Server. */
    WINDOWS_SERVER,
    /** Apple macOS, iOS and iPadOS. */
    APPLE,
    /** Google Android. */
    ANDROID,
    /** Linux distributions and ChromeOS. */
    LINUX
}
