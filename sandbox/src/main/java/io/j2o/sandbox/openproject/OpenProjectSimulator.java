package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.http.RecordedRequest;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An in-memory OpenProject API v3 (HAL+JSON) server on 127.0.0.1 for tests and the embedded demo. */
public final class OpenProjectSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenProjectSimulator.class);
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PATCH, HandlerType.DELETE);

    /**
     * Simulator settings.
     *
     * @param apiKey                  the token accepted as Basic {@code apikey:<token>} or Bearer
     * @param maxPageSize             {@code apiv3_max_page_size}; larger {@code pageSize} values are capped
     * @param latency                 a fixed delay added to every request
     * @param customFields            the work-package custom fields, active for all projects and types
     * @param writeReadonlyAttributes {@code apiv3_write_readonly_attributes}: createdAt/author writable on create
     * @param journalAggregation      {@code journal_aggregation_time_minutes}: a journal by the same user within this
     *                                time of the last one is merged into it; zero never merges
     */
    public record Options(String apiKey, int maxPageSize, Duration latency, List<CustomFieldDefinition> customFields,
            boolean writeReadonlyAttributes, Duration journalAggregation) {

        /** OpenProject's default journal aggregation time. */
        public static final Duration DEFAULT_JOURNAL_AGGREGATION = Duration.ofMinutes(5);

        public Options {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("maxPageSize must be >= 1, was " + maxPageSize);
            }
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
            Objects.requireNonNull(journalAggregation, "journalAggregation");
            if (journalAggregation.isNegative()) {
                throw new IllegalArgumentException("journalAggregation must not be negative, was " + journalAggregation);
            }
            customFields = List.copyOf(customFields);
            if (customFields.stream().map(CustomFieldDefinition::id).distinct().count() != customFields.size()) {
                throw new IllegalArgumentException("custom field ids must be unique: " + customFields);
            }
        }

        /**
         * Page size 1000, no latency, the "Jira key" field as {@code customField1}, read-only attributes locked,
         * journals merged within OpenProject's 5 minutes.
         */
        public static Options defaults(String apiKey) {
            return new Options(apiKey, 1000, Duration.ZERO, List.of(CustomFieldDefinition.jiraKey()), false,
                    DEFAULT_JOURNAL_AGGREGATION);
        }

        public Options withLatency(Duration value) {
            return new Options(apiKey, maxPageSize, value, customFields, writeReadonlyAttributes, journalAggregation);
        }

        public Options withMaxPageSize(int value) {
            return new Options(apiKey, value, latency, customFields, writeReadonlyAttributes, journalAggregation);
        }

        public Options withCustomFields(List<CustomFieldDefinition> value) {
            return new Options(apiKey, maxPageSize, latency, value, writeReadonlyAttributes, journalAggregation);
        }

        public Options withWriteReadonlyAttributes(boolean value) {
            return new Options(apiKey, maxPageSize, latency, customFields, value, journalAggregation);
        }

        public Options withJournalAggregation(Duration value) {
            return new Options(apiKey, maxPageSize, latency, customFields, writeReadonlyAttributes, value);
        }
    }

    private final Options options;
    private final SimulatorStore store;
    private final ReferenceDataRepresenter referenceData;
    private final WorkPackageRepresenter workPackages;
    private final FaultInjector faults;
    private final List<RecordedRequest> exchanges = new CopyOnWriteArrayList<>();
    private final AtomicLong writes = new AtomicLong();
    private Javalin app;

    public OpenProjectSimulator(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.store = new SimulatorStore(options.customFields(), Clock.systemUTC(), options.journalAggregation());
        this.referenceData = new ReferenceDataRepresenter(store.locked(() -> store.users.get(1).createdAt));
        this.workPackages = new WorkPackageRepresenter(store, referenceData);
        this.faults = new FaultInjector(options.latency());
    }

    /** Binds 127.0.0.1 on a free port; returns {@code this} for chaining. */
    public synchronized OpenProjectSimulator start() {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        RequestGuard guard = new RequestGuard(options.apiKey());
        int max = options.maxPageSize();
        var root = new ReferenceDataRoutes(referenceData);
        var projects = new ProjectRoutes(store, max);
        var users = new UserRoutes(store, max);
        var wps = new WorkPackageRoutes(store, workPackages,
                new WorkPackagePayload(store, options.writeReadonlyAttributes()), max);
        var activities = new ActivityRoutes(store);
        var versions = new VersionRoutes(store);
        var relations = new RelationRoutes(store);
        var timeEntries = new TimeEntryRoutes(store, max);
        var memberships = new MembershipRoutes(store, max);
        var groups = new GroupRoutes(store, max);
        var watchers = new WatcherRoutes(store);
        var customFields = new CustomFieldRoutes(store);
        var attachments = new AttachmentRoutes(store);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Uploads beyond this go to a temporary file: a large attachment is never held in memory whole.
            config.jetty.multipartConfig.maxInMemoryFileSize(64, SizeUnit.KB);
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.before(ctx -> {
                faults.delay();
                Optional<Integer> injected = faults.take(ctx.method().name(), ctx.path());
                if (injected.isPresent()) {
                    if (injected.get() == 429 || injected.get() == 503) {
                        ctx.header("Retry-After", "1");
                    }
                    throw FaultInjector.errorFor(injected.get());
                }
                guard.authenticate(ctx);
            });
            config.routes.after(ctx -> {
                if (WRITES.contains(ctx.method()) && ctx.statusCode() >= 200 && ctx.statusCode() < 300) {
                    writes.incrementAndGet();
                }
                String answered = ctx.result();
                // A multipart upload's parts were streamed to the handler; recording the body would buffer the file.
                String contentType = ctx.contentType();
                boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
                exchanges.add(new RecordedRequest(ctx.method().name(), ctx.path(), ctx.queryString(), contentType,
                        multipart ? "" : ctx.body(), Instant.now(), ctx.statusCode(), answered == null ? "" : answered));
            });
            config.routes.exception(ApiError.class, (error, ctx) -> HalResponse.send(ctx, error.status(),
                    error.toJson()));
            config.routes.exception(RequestGuard.MissingContentType.class, (error, ctx) ->
                    ctx.status(406).contentType("text/plain").result(error.getMessage()));
            config.routes.exception(Exception.class, (error, ctx) -> {
                LOG.warn("simulator request failed method={} path={}", ctx.method(), ctx.path(), error);
                HalResponse.send(ctx, 500, ApiError.of(500, "InternalServerError",
                        "An internal error has occurred. " + error.getMessage()).toJson());
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    HalResponse.send(ctx, 404, ApiError.notFound().toJson());
                }
            });
            var r = config.routes;
            r.get("/api/v3", root::root);
            r.get("/api/v3/types", root::types);
            r.get("/api/v3/types/{id}", root::type);
            r.get("/api/v3/statuses", root::statuses);
            r.get("/api/v3/statuses/{id}", root::status);
            r.get("/api/v3/priorities", root::priorities);
            r.get("/api/v3/priorities/{id}", root::priority);
            r.get("/api/v3/projects", projects::list);
            r.post("/api/v3/projects", projects::create);
            r.get("/api/v3/projects/{id}", projects::show);
            r.patch("/api/v3/projects/{id}", projects::update);
            r.get("/api/v3/projects/{id}/work_packages", wps::listInProject);
            r.post("/api/v3/projects/{id}/work_packages", wps::createInProject);
            r.get("/api/v3/users", users::list);
            r.post("/api/v3/users", users::create);
            r.get("/api/v3/users/{id}", users::show);
            r.patch("/api/v3/users/{id}", users::update);
            r.get("/api/v3/projects/{id}/versions", versions::listInProject);
            r.get("/api/v3/versions", versions::list);
            r.post("/api/v3/versions", versions::create);
            r.get("/api/v3/versions/{id}", versions::show);
            r.patch("/api/v3/versions/{id}", versions::update);
            r.delete("/api/v3/versions/{id}", versions::delete);
            r.post("/api/v3/work_packages/{id}/relations", relations::create);
            r.get("/api/v3/relations", relations::list);
            r.get("/api/v3/relations/{id}", relations::show);
            r.patch("/api/v3/relations/{id}", relations::update);
            r.delete("/api/v3/relations/{id}", relations::delete);
            r.get("/api/v3/time_entries", timeEntries::list);
            r.post("/api/v3/time_entries", timeEntries::create);
            r.get("/api/v3/time_entries/{id}", timeEntries::show);
            r.patch("/api/v3/time_entries/{id}", timeEntries::update);
            r.delete("/api/v3/time_entries/{id}", timeEntries::delete);
            r.get("/api/v3/roles", memberships::roles);
            r.get("/api/v3/roles/{id}", memberships::role);
            r.get("/api/v3/memberships", memberships::list);
            r.post("/api/v3/memberships", memberships::create);
            r.get("/api/v3/memberships/{id}", memberships::show);
            r.patch("/api/v3/memberships/{id}", memberships::update);
            r.delete("/api/v3/memberships/{id}", memberships::delete);
            r.get("/api/v3/groups", groups::list);
            r.post("/api/v3/groups", groups::create);
            r.get("/api/v3/groups/{id}", groups::show);
            r.patch("/api/v3/groups/{id}", groups::update);
            r.delete("/api/v3/groups/{id}", groups::delete);
            r.get("/api/v3/custom_options/{id}", customFields::customOption);
            r.get("/api/v3/work_packages/schemas/{identifier}", customFields::workPackageSchema);
            r.get("/api/v3/work_packages", wps::list);
            r.post("/api/v3/work_packages", wps::create);
            r.get("/api/v3/work_packages/{id}", wps::show);
            r.patch("/api/v3/work_packages/{id}", wps::update);
            r.delete("/api/v3/work_packages/{id}", wps::delete);
            r.get("/api/v3/work_packages/{id}/watchers", watchers::list);
            r.post("/api/v3/work_packages/{id}/watchers", watchers::add);
            r.delete("/api/v3/work_packages/{id}/watchers/{user_id}", watchers::remove);
            r.get("/api/v3/work_packages/{id}/activities", activities::list);
            r.post("/api/v3/work_packages/{id}/activities", activities::comment);
            r.get("/api/v3/activities/{id}", activities::show);
            r.get("/api/v3/configuration", attachments::configuration);
            r.get("/api/v3/work_packages/{id}/attachments", attachments::listOfWorkPackage);
            r.post("/api/v3/work_packages/{id}/attachments", attachments::createOnWorkPackage);
            r.get("/api/v3/attachments/{id}", attachments::show);
            r.delete("/api/v3/attachments/{id}", attachments::delete);
            r.patch("/api/v3/activities/{id}", activities::update);
        }).start();
        LOG.info("OpenProject simulator listening baseUrl={}", baseUrl());
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, without the {@code /api/v3} prefix. */
    public String baseUrl() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return "http://127.0.0.1:" + app.port();
    }

    public String apiKey() {
        return options.apiKey();
    }

    /** Successful (2xx) POST, PATCH and DELETE requests so far. */
    public long writeCount() {
        return writes.get();
    }

    /** Changes the delay added to every request from now on. */
    public void setLatency(Duration latency) {
        faults.latency(Objects.requireNonNull(latency, "latency"));
    }

    /** Answers the next {@code times} requests whose path starts with {@code pathPrefix} with {@code status}. */
    public void failNext(String pathPrefix, int times, int status) {
        faults.failNext(null, pathPrefix, times, status);
    }

    /** As {@link #failNext(String, int, int)}, only for one HTTP method (e.g. {@code "PATCH"}). */
    public void failNext(String method, String pathPrefix, int times, int status) {
        faults.failNext(Objects.requireNonNull(method, "method"), pathPrefix, times, status);
    }

    /**
     * Answers a share of the requests with {@code status} from now on, e.g. 503 for 5 % of everything or 409 for 2 %
     * of PATCHes; {@code methods} empty means every method. Draws come from a fixed seed.
     */
    public void failRandomly(int status, double probability, String... methods) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be 0..1, was " + probability);
        }
        faults.failRandomly(status, probability, Set.of(methods));
    }

    /** Every exchange served so far, in order, for checking a client's traffic against the spec. */
    public List<RecordedRequest> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Drops every pending injected fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** Every resource kind as an array of HAL resources, each exactly as {@code GET} on it returns it. */
    public ObjectNode exportState() {
        return store.locked(() -> {
            ObjectNode state = JsonNodeFactory.instance.objectNode();
            state.set("projects", array(store.projects.values().stream().map(p -> ProjectRepresenter.render(p, store))));
            state.set("users", array(store.users.values().stream().map(UserRepresenter::render)));
            state.set("workPackages", array(store.workPackages.values().stream().map(workPackages::render)));
            state.set("relations", array(store.relations.values().stream()
                    .map(r -> RelationRepresenter.render(r, store))));
            state.set("versions", array(store.versions.values().stream()
                    .map(v -> VersionRepresenter.render(v, store))));
            state.set("memberships", array(store.memberships.values().stream()
                    .map(m -> MembershipRepresenter.render(m, store))));
            state.set("groups", array(store.groups.values().stream().map(g -> GroupRepresenter.render(g, store))));
            state.set("roles", array(ReferenceData.ROLES.stream().map(MembershipRepresenter::role)));
            state.set("activities", array(store.activities.values().stream()
                    .map(a -> ActivityRepresenter.render(a, store))));
            state.set("timeEntries", array(store.timeEntries.values().stream()
                    .map(t -> TimeEntryRepresenter.render(t, store))));
            state.set("watchers", array(WatcherRoutes.render(store).stream()));
            state.set("attachments", array(store.attachments.values().stream().map(AttachmentRoutes::render)));
            state.set("types", array(ReferenceData.TYPES.stream().map(referenceData::type)));
            state.set("statuses", array(ReferenceData.STATUSES.stream().map(referenceData::status)));
            state.set("priorities", array(ReferenceData.PRIORITIES.stream().map(referenceData::priority)));
            return state;
        });
    }

    /**
     * The {@code customFieldN} entries every work-package schema of this simulator holds, shaped like
     * {@code GET /api/v3/work_packages/schemas/{projectId}-{typeId}}, for a demo that needs the custom fields before
     * any project exists (OpenProject only describes custom fields per project and type).
     */
    public ObjectNode customFieldSchema() {
        return store.locked(() -> new CustomFieldRoutes(store).customFieldsSchema());
    }

    /** All work packages (closed ones included), rendered as {@code GET /api/v3/work_packages/{id}} does. */
    public List<ObjectNode> workPackages() {
        return render(store.workPackages.values(), workPackages::render);
    }

    public Optional<ObjectNode> workPackage(int id) {
        return store.locked(() -> Optional.ofNullable(store.workPackages.get(id)).map(workPackages::render));
    }

    public List<ObjectNode> projects() {
        return render(store.projects.values(), p -> ProjectRepresenter.render(p, store));
    }

    public List<ObjectNode> users() {
        return render(store.users.values(), UserRepresenter::render);
    }

    /** Every journal of every work package, comments and attribute changes alike, oldest first. */
    public List<ObjectNode> activities() {
        return render(store.activities.values(), a -> ActivityRepresenter.render(a, store));
    }

    public List<ObjectNode> versions() {
        return render(store.versions.values(), v -> VersionRepresenter.render(v, store));
    }

    /** Relations in their stored direction: {@code precedes} and the other reverse types read back reversed. */
    public List<ObjectNode> relations() {
        return render(store.relations.values(), r -> RelationRepresenter.render(r, store));
    }

    public List<ObjectNode> timeEntries() {
        return render(store.timeEntries.values(), t -> TimeEntryRepresenter.render(t, store));
    }

    /** Every attachment of every work package, as {@code GET /api/v3/attachments/{id}} renders it. */
    public List<ObjectNode> attachments() {
        return render(store.attachments.values(), AttachmentRoutes::render);
    }

    public List<ObjectNode> memberships() {
        return render(store.memberships.values(), m -> MembershipRepresenter.render(m, store));
    }

    public List<ObjectNode> groups() {
        return render(store.groups.values(), g -> GroupRepresenter.render(g, store));
    }

    /** Every watcher as {@code {_links:{workPackage, user}}}, by work package then user. */
    public List<ObjectNode> watchers() {
        return store.locked(() -> WatcherRoutes.render(store));
    }

    private <T> List<ObjectNode> render(Collection<T> values, Function<T, ObjectNode> representer) {
        return store.locked(() -> values.stream().map(representer).toList());
    }

    private static ArrayNode array(Stream<ObjectNode> elements) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
