package dev.switchboard.core.catalog;

/** The four list kinds a view holds, with their list method and result field. */
public enum CatalogKind {
  TOOLS("tools/list", "tools"),
  RESOURCES("resources/list", "resources"),
  RESOURCE_TEMPLATES("resources/templates/list", "resourceTemplates"),
  PROMPTS("prompts/list", "prompts");

  private final String listMethod;
  private final String resultField;

  CatalogKind(String listMethod, String resultField) {
    this.listMethod = listMethod;
    this.resultField = resultField;
  }

  public String listMethod() {
    return listMethod;
  }

  public String resultField() {
    return resultField;
  }
}
