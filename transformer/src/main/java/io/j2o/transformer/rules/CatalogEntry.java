package io.j2o.transformer.rules;

/** One OpenProject type, status, priority or role: its name, its API href, and whether OpenProject uses it by default. */
public record CatalogEntry(String name, String href, boolean isDefault) {
}
