package io.j2o.cli.report;

import java.util.function.Predicate;

/**
 * What every per-kind check shares: the rules as oracle, the hrefs of the entities found so far, readable keys,
 * and whether a key is accounted for (parked or waiting) rather than missing.
 */
record CheckContext(RuleOracle oracle, HrefIndex hrefs, JiraKeys keys, Predicate<String> accountedFor) {

    KindFindings findings(String kind) {
        return new KindFindings(kind, accountedFor);
    }
}
