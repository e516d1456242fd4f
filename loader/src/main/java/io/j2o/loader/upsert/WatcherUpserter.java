package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watchers are the pair (work package, user): found in {@code GET /api/v3/work_packages/{id}/watchers}, added with
 * {@code POST} there (OpenProject answers 200 when the user already watches, so a repeated add is harmless) and
 * removed with {@code DELETE …/watchers/{userId}}. A watcher has no resource of its own, so its mapping's href is
 * that removal path and its id the user's; the journal records {@code {id, _links:{self, workPackage, user}}}, the
 * self being the path a rollback deletes.
 */
public final class WatcherUpserter implements Upserter {

    private static final Pattern WATCHER_HREF = Pattern.compile("/api/v3/work_packages/(\\d+)/watchers/(\\d+)");

    private final OpenProjectClient client;

    public WatcherUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Target target = Target.of(body);
        ObjectNode watcher = target.resource();
        // A work package that is gone answers 404: the command is parked as NOT_FOUND like any other.
        if (isWatching(client.get(target.watchers()), target)) {
            return UpsertOutcome.unchanged(watcher);
        }
        ObjectNode add = JsonNodeFactory.instance.objectNode();
        add.putObject("user").put("href", target.userHref());
        client.post(target.watchers(), add);
        return UpsertOutcome.of(JournalAction.CREATED, null, watcher);
    }

    /** The DELETE body names the work package and the user; without one the mapping's href names both. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        Optional<Target> target = body != null ? Optional.of(Target.of(body)) : known.flatMap(m -> Target.fromHref(m.getHref()));
        if (target.isEmpty() || !client.find(target.get().watchers()).map(c -> isWatching(c, target.get())).orElse(false)) {
            return Optional.empty();
        }
        ObjectNode watcher = target.get().resource();
        client.delete(HalLinks.self(watcher));
        return Optional.of(UpsertOutcome.of(JournalAction.DELETED, watcher, watcher));
    }

    /** Whether the watcher list of the work package names the user. */
    private static boolean isWatching(JsonNode watchers, Target target) {
        for (JsonNode user : watchers.path("_embedded").path("elements")) {
            if (user.path("id").asText().equals(target.userId()) || target.userHref().equals(HalLinks.self(user))) {
                return true;
            }
        }
        return false;
    }

    /** Which watcher a command is about. */
    private record Target(String workPackageId, String userId) {

        static Target of(JsonNode body) {
            return new Target(HalLinks.requiredId(body, "workPackage", "work_packages"), HalLinks.requiredId(body, "user", "users"));
        }

        static Optional<Target> fromHref(String href) {
            Matcher matcher = WATCHER_HREF.matcher(href == null ? "" : href);
            return matcher.matches() ? Optional.of(new Target(matcher.group(1), matcher.group(2))) : Optional.empty();
        }

        String watchers() {
            return "/api/v3/work_packages/" + workPackageId + "/watchers";
        }

        String userHref() {
            return "/api/v3/users/" + userId;
        }

        /** What the mapping and the journal hold for the watcher. */
        ObjectNode resource() {
            ObjectNode resource = JsonNodeFactory.instance.objectNode();
            resource.put("_type", "Watcher");
            resource.put("id", Long.parseLong(userId));
            ObjectNode links = resource.putObject("_links");
            links.putObject("self").put("href", watchers() + "/" + userId);
            links.putObject("workPackage").put("href", "/api/v3/work_packages/" + workPackageId);
            links.putObject("user").put("href", userHref());
            return resource;
        }
    }
}
