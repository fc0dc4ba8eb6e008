package io.bridgehead.projects;

public enum ProjectType {
    EXTERNAL_NETWORK("External network"),
    INTERNAL_NETWORK("Internal network"),
    WEB_APPLICATION("Web application"),
    MOBILE("Mobile"),
    CLOUD("Cloud"),
    API("API"),
    RED_TEAM("Red team"),
    OTHER("Other");

    private final String label;

    ProjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
