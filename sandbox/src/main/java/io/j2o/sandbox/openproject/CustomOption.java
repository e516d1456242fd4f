package io.j2o.sandbox.openproject;

/** One value of a list custom field, {@code /api/v3/custom_options/<id>}. */
record CustomOption(int id, int customFieldId, String value) {

    String href() {
        return Hal.API + "/custom_options/" + id;
    }
}
