package pl.krakow.agora.recommendation;

/** Who a recommendation is for, as the report's text says (tagged by hand in the data file). */
public enum TargetGroup {
    MINORITIES_AND_MIGRANTS,
    NATIONAL_ETHNIC_MINORITIES,
    MIGRANTS,
    REFUGEES,
    ROMA,
    CHILDREN_YOUTH,
    SENIORS,
    WOMEN,
    PEOPLE_WITH_DISABILITIES,
    NGOS,
    CITY_STAFF,
    SCHOOLS_TEACHERS,
    EMPLOYERS,
    ALL_RESIDENTS;

    public String messageKey() {
        return "recommendation.group." + name();
    }
}
