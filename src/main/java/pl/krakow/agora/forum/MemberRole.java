package pl.krakow.agora.forum;

/** The roles inside a body (issue 7, item 1). */
public enum MemberRole {
    CHAIR, VICE_CHAIR, SECRETARY, MEMBER
}
