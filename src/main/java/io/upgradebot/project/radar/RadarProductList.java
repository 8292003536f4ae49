package io.upgradebot.project.radar;

import io.upgradebot.config.RadarConfig;
import io.upgradebot.domain.RadarProducts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The configured radar products, parsed once. A malformed value stops the start-up with a message naming the setting
 * and the entry (schedule/RadarSettingsCheck asks {@link #problem(RadarConfig)}), so it is never a surprise later.
 */
@ApplicationScoped
public class RadarProductList {

    public static final String SETTING = "upgrade-bot.radar.products (UPGRADE_BOT_RADAR_PRODUCTS)";

    private final RadarProducts products;

    public RadarProductList(RadarConfig config) {
        RadarProducts parsed;
        try {
            parsed = RadarProducts.parse(config.products().orElse(null));
        } catch (IllegalArgumentException e) {
            parsed = RadarProducts.none(); // the start-up check has refused to start already
        }
        this.products = parsed;
    }

    public RadarProducts products() {
        return products;
    }

    /** What is wrong with the configured list, or null when it is usable. */
    public static String problem(RadarConfig config) {
        try {
            RadarProducts.parse(config.products().orElse(null));
            return null;
        } catch (IllegalArgumentException e) {
            return SETTING + ": " + e.getMessage() + ". Expected product=version pairs separated by commas, e.g. "
                    + "django=4.2, python=3.11, nodejs=20";
        }
    }
}
