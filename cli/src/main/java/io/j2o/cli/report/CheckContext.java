package io.j2o.cli.report;

import java.util.function.Predicate;

/**
 * What every per-kind check shares: the rules as oracle, the hrefs of the entities found so far, readable keys,
 * whether a key is accounted for (parked or waiting) rather than missing, and whether it was parked (a parked
 * entity produced nothing, a waiting one may have produced what it does not wait for).
 */
record CheckContext(RuleOracle oracle, HrefIndex hrefs, JiraKeys keys, Predicate<String> accountedFor,
                    Predicate<String> parked) {

    KindFindings findings(String kind) {
        return new KindFindings(kind, accountedFor);
    }
}
