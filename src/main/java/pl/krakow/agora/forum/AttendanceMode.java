package pl.krakow.agora.forum;

/** Where a present member takes part from (issue 7, item 3). */
public enum AttendanceMode {
    ROOM, REMOTE
}
