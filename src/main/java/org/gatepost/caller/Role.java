package org.gatepost.caller;

/** What an account may do; its scope is always the subtree below its home place. */
public enum Role {
    /** The whole system. */
    ADMIN,
    /** Reads everything below their county or township. */
    OFFICIAL,
    /** Manages one village: its checkpoints, volunteers, teams and roster. */
    CADRE,
    /** Works at the checkpoints of one village. */
    VOLUNTEER;

    public static final String NAME_ADMIN = "ADMIN";
    public static final String NAME_OFFICIAL = "OFFICIAL";
    public static final String NAME_CADRE = "CADRE";
    public static final String NAME_VOLUNTEER = "VOLUNTEER";
    /** Not an account's role: the role of a dashboard's API key, which reads statistics only. */
    public static final String NAME_DASHBOARD = "DASHBOARD";
}
